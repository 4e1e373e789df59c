"""Keeping every read and write inside the workspace (issue 23).

A workspace received from another agency may hold paths that lead out of it: ``realisasi: ../x``
in ``ikutool.yaml``, ``iku: /proc/self/environ``, or a symbolic link planted inside it
(``realisasi/2020.yaml -> /home/officer/...``). Paths are judged after resolving links:

- a path written in ``ikutool.yaml`` must stay inside the workspace folder (IKU509 at its key);
- a file or folder inside the workspace that is a link to somewhere outside it is refused with
  its own message (IKU511), whether a command would read it or write it;
- what the user names on the command line (``--iku``, ``--out``, a workbook to import) is the
  user's choice and is not confined; it is still never a device, a FIFO or a file of ``/proc``.

The workspace being read is the context of one command run (or of one agency in ``iku rekap``):
:func:`set_root` says which folder that is, and :func:`check_inside` is asked by the readers.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from ikutool.errors import IkuError

_ROOT: ContextVar[Path | None] = ContextVar("ikutool_workspace_root", default=None)
# pseudo-file systems: a "regular" file there (``/proc/self/environ``, size 0) is not data
SYSTEM_FOLDERS = ("/proc", "/sys")  # a device under /dev is refused as not a regular file


def set_root(root: Path | None) -> None:
    """The workspace the current command reads (None: none, nothing is confined)."""
    _ROOT.set(Path(os.path.abspath(root)) if root is not None else None)


@contextlib.contextmanager
def within(root: Path) -> Iterator[None]:
    """Reads confined to ``root`` for the duration (one agency of ``iku rekap``)."""
    token = _ROOT.set(Path(os.path.abspath(root)))
    try:
        yield
    finally:
        _ROOT.reset(token)


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def lexically_inside(path: Path, root: Path) -> bool:
    """``path`` is inside ``root`` as written (``..`` taken into account, links not followed)."""
    return _under(os.path.normpath(os.path.abspath(path)), os.path.normpath(os.path.abspath(root)))


def really_inside(path: Path, root: Path) -> bool:
    """``path`` is inside ``root`` once every symbolic link is resolved (a missing tail too)."""
    try:
        return _under(os.path.realpath(path), os.path.realpath(root))
    except (OSError, ValueError):
        return False


def link_out(path: Path, root: Path) -> bool:
    """A path inside the workspace as written that a link takes outside it."""
    return lexically_inside(path, root) and not really_inside(path, root)


def link_message(what: str) -> str:
    return (
        f"{what} adalah tautan simbolik (atau berada di folder tautan) yang menunjuk ke luar ruang "
        "kerja; ikutool hanya membaca dan menulis di dalam ruang kerja. Ganti tautannya dengan "
        "berkas atau folder yang sebenarnya"
    )


def check_inside(path: Path, name: str) -> None:
    """Refuse a file of the current workspace that a link takes outside it (IKU511), and any
    file of a pseudo-file system (``/proc``, ``/sys``): IKU101."""
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return  # the read itself says what is wrong
    if any(_under(real, f) for f in SYSTEM_FOLDERS):
        raise IkuError.single(
            "IKU101",
            "berkas sistem (/proc atau /sys), bukan berkas data; berikan berkas YAML",
            file=name,
            exit_code=2,
        )
    root = _ROOT.get()
    if root is not None and link_out(path, root):
        raise IkuError.single("IKU511", link_message("berkas ini"), file=name)
