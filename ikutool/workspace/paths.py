"""Where the bundled IKU and sample realisasi live, and how any path is shown to a person."""

from __future__ import annotations

import os
from pathlib import Path

BUNDLED_IKU = "iku_2016_2021.yaml"
BUNDLED_LABEL = "contoh bawaan"


def package_dir() -> Path:
    """The installed ``ikutool`` package: read-only for every command."""
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    installed = Path(__file__).parent.parent / "_data"
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent.parent / "data"


def bundled_iku() -> Path:
    return data_dir() / BUNDLED_IKU


def bundled_realisasi() -> Path:
    return data_dir() / "realisasi"


def _within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def is_bundled(path: Path) -> bool:
    """Inside the bundled sample data (installed package or the repository's data/)."""
    return _within(path, data_dir())


def inside_package(path: Path) -> bool:
    """Inside the installed package (its code or its bundled data): never written to."""
    return _within(path, package_dir()) or _within(path, data_dir())


def shown(path: Path) -> str:
    """A path as a person would want to read it.

    Bundled sample files read ``contoh bawaan/realisasi/2019.yaml`` (never a site-packages
    path); other paths are relative to the working folder when inside it.
    """
    if is_bundled(path):
        rel = path.resolve().relative_to(data_dir().resolve()).as_posix()
        return BUNDLED_LABEL if rel == "." else f"{BUNDLED_LABEL}/{rel}"
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    ups = 0
    for part in Path(rel).parts:
        if part != "..":
            break
        ups += 1
    return rel if ups <= 3 else str(path)
