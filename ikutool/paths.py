"""Where the bundled IKU and sample realisasi live (repository checkout or installed wheel)."""

from __future__ import annotations

import os
from pathlib import Path

BUNDLED_IKU = "iku_2016_2021.yaml"


def data_dir() -> Path:
    installed = Path(__file__).parent / "_data"
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent / "data"


def bundled_iku() -> Path:
    return data_dir() / BUNDLED_IKU


def default_realisasi_dir(iku_file: Path | None) -> Path:
    """``realisasi/`` beside the chosen IKU file, else the bundled sample folder."""
    if iku_file is not None:
        return iku_file.parent / "realisasi"
    return data_dir() / "realisasi"


def shown(path: Path) -> str:
    """A path as a person would want to read it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return rel if not rel.startswith("..") else str(path)
