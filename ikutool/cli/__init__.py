"""The command line: one module per command name (``app.py`` is the lazy command table; ``common.py``
the shared options and loading; ``output.py`` the one place a user error becomes output)."""
