"""Renderers: results in, text/bytes out. Nothing here computes a figure."""
