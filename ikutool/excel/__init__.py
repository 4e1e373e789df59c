"""The realisasi workbook round trip: the template a bidang fills in, reading it back, and importing
it into the year's file."""
