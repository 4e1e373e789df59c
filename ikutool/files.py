"""Writing files without ever losing one: temporary file in the same folder, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ikutool.errors import IkuError


def refuse_existing(path: Path, force: bool) -> None:
    if path.is_dir():
        raise IkuError.single(
            "IKU501",
            "ini sebuah folder; --out perlu nama berkas, mis. --out laporan.xlsx",
            file=str(path),
            exit_code=2,
        )
    if path.exists() and not force:
        raise IkuError.single(
            "IKU502",
            "berkas keluaran sudah ada dan tidak ditimpa; pakai --force untuk menimpanya, atau "
            "pilih nama lain dengan --out",
            file=str(path),
        )


def write_atomic(path: Path, data: str | bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (UTF-8 for text, LF line endings as given).

    The old file, if any, stays intact until the new one is complete: a failure at any point
    leaves either the old content or the new one, never a mix, and never a half-written file.
    """
    refuse_existing(path, force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise IkuError.single(
            "IKU503",
            f"folder '{folder}' tidak ada; buat dulu foldernya",
            file=str(path),
            exit_code=2,
        )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise IkuError.single(
            "IKU503", f"berkas gagal ditulis: {exc.strerror or exc}", file=str(path)
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
