"""Where an agency's files are (sources), the one object that reads an agency-year (year), the cache,
and writes that never lose a file."""
