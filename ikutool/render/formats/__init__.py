"""One renderer per output format for the block model (Word, Excel) and the machine-readable
exports (JSON, CSV, Markdown tables)."""
