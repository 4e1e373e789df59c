"""Each document built as blocks (or, for the older ones, as tables and workbooks): one module
per document."""
