"""The IKU definition file: loading and whole-document checks, its quality (mutu), the Manual IKU, and
what changed between two versions (diff)."""
