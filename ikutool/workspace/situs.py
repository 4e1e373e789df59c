"""Writing a site folder (``iku situs --out FOLDER``) without touching anything else.

- everything is written inside the folder and nowhere else: no path leaves it, no symbolic link
  inside it is followed (a link where a page or a folder goes is refused), nothing inside the
  installed package is written;
- a non-empty folder that is not a site this command made is refused unless ``--force``; the
  site's list of what it made (:data:`MANIFEST`, with each file's hash) is how it knows;
- a rebuild replaces only what it made: a file it made and no longer makes is removed, unless it
  was changed since (then it stays); a file someone else put there, or changed, is never
  overwritten without ``--force``;
- a changed file is written to a temporary file in its folder, then renamed into place (a
  reader sees the old page or the new one, never half of one); a new file is written in place
  (there is no old page to keep); a file whose bytes are unchanged is not written at all, so a
  rebuild of unchanged data changes no byte and no date.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import posixpath
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ikutool.errors import IkuError
from ikutool.workspace.paths import inside_package, shown

MANIFEST = ".situs.json"
MAX_MANIFEST = 20_000_000  # bytes: a list of a big regency's pages is well under this


@dataclass
class Hasil:
    ditulis: int  # files written (new or changed)
    sama: int  # files already as they are
    dihapus: int  # files the previous build made and this one no longer makes
    disimpan: list[str]  # files the previous build made, changed since: left in place


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe(rel: str) -> bool:
    """A path the site may hold: relative, normalised, no ``..``, no empty or hidden part."""
    if not rel or rel.startswith("/") or "\\" in rel or posixpath.normpath(rel) != rel:
        return False
    return all(part not in ("", ".", "..") and not part.startswith(".") for part in rel.split("/"))


def _read_manifest(out: Path) -> dict[str, str] | None:
    """The previous build's files and hashes, or None when the folder is not a site it made."""
    path = out / MANIFEST
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_MANIFEST:
        return None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    files = data.get("berkas") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return None
    return {
        k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str) and _safe(k)
    }


def _file_bytes(path: Path) -> bytes | None:
    """A regular file's bytes (a link, folder or device: None)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def check_out(out: Path, force: bool) -> dict[str, str]:
    """Say before any work whether ``out`` can take the site; the previous build's files."""
    name = shown(out)
    if inside_package(out):
        raise IkuError.single(
            "IKU504",
            "folder di dalam paket ikutool yang terpasang tidak boleh ditulis",
            file=name,
            exit_code=2,
        )
    if out.is_symlink() and not out.is_dir():
        raise IkuError.single("IKU503", "tautan simbolik yang tidak menunjuk folder", file=name)
    if out.exists() and not out.is_dir():
        raise IkuError.single(
            "IKU501",
            "ini sebuah berkas; --out perlu sebuah folder, mis. --out situs",
            file=name,
            exit_code=2,
        )
    if not out.exists():
        parent = out.absolute().parent
        if not parent.is_dir():
            raise IkuError.single(
                "IKU503", f"folder '{shown(parent)}' tidak ada; buat dulu foldernya", file=name
            )
        return {}
    old = _read_manifest(out)
    if old is not None:
        return old
    try:
        empty = not any(out.iterdir())
    except OSError as exc:
        raise IkuError.single(
            "IKU503", f"folder tidak dapat dibaca: {exc.strerror}", file=name
        ) from None
    if not empty and not force:
        raise IkuError.single(
            "IKU507",
            "folder --out tidak kosong dan bukan situs yang dibuat iku situs; pilih folder baru "
            "atau kosong, atau pakai --force (berkas lain di folder itu tidak dihapus)",
            file=name,
        )
    return {}


class _Folders:
    """The site's folders, each looked at once: a missing one is made when a file goes in it; a
    link or a file where a folder goes is refused (nothing is ever read or written through a
    link)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.state: dict[str, bool] = {"": True}  # folder -> exists (checked)

    def exists(self, folder: str) -> bool:
        if folder not in self.state:
            parent = folder.rsplit("/", 1)[0] if "/" in folder else ""
            if not self.exists(parent):
                self.state[folder] = False
                return False
            path = self.out / folder
            try:
                st = os.lstat(path)
            except FileNotFoundError:
                self.state[folder] = False
                return False
            if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
                raise IkuError.single(
                    "IKU503",
                    "di tempat folder situs ini ada tautan simbolik atau berkas; situs tidak "
                    "ditulis melalui tautan. Pindahkan atau hapus, lalu jalankan lagi",
                    file=shown(path),
                )
            self.state[folder] = True
        return self.state[folder]

    def make(self, folder: str) -> Path:
        if not self.exists(folder):
            parent = folder.rsplit("/", 1)[0] if "/" in folder else ""
            self.make(parent)
            try:
                (self.out / folder).mkdir()
            except OSError as exc:
                raise _failed(self.out / folder, exc) from None
            self.state[folder] = True
        return self.out / folder if folder else self.out


def _parent(rel: str) -> str:
    return rel.rsplit("/", 1)[0] if "/" in rel else ""


def _failed(path: Path, exc: OSError) -> IkuError:
    return IkuError.single(
        "IKU503",
        f"gagal ditulis ({exc.strerror or exc}); halaman lain yang sudah ada tetap utuh",
        file=shown(path),
    )


def _mode() -> int:
    """A new file's permissions by the umask (a site is read by the web server's user too;
    a temporary file is made private)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _put(path: Path, data: bytes, mode: int) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise _failed(path, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _create(path: Path, data: bytes, mode: int) -> None:
    """A file that is not there yet: written in place (no old page to keep meanwhile); one
    that appeared meanwhile is replaced through a temporary file as any other."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except FileExistsError:
        _put(path, data, mode)
        return
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise _failed(path, exc) from None


def write_site(out: Path, files: dict[str, bytes], *, force: bool, old: dict[str, str]) -> Hasil:
    """Write ``files`` (path inside the site -> bytes) into ``out``; ``old``: what
    :func:`check_out` found the previous build made."""
    for rel in files:
        if not _safe(rel):  # the builder's own names: a bug, never a user's input
            raise ValueError(f"unsafe site path: {rel!r}")
    folders = _Folders(out)
    conflicts = []
    current: dict[str, bytes | None] = {}
    for rel, data in files.items():
        current[rel] = now = _existing(out, rel, folders)
        if now is not None and now != data and old.get(rel) != _digest(now):
            conflicts.append(rel)
    if conflicts and not force:
        listed = ", ".join(conflicts[:5]) + (", ..." if len(conflicts) > 5 else "")
        raise IkuError.single(
            "IKU502",
            f"{len(conflicts)} berkas di folder situs dibuat atau diubah di luar iku situs dan "
            f"tidak ditimpa ({listed}); pakai --force untuk menimpanya",
            file=shown(out),
        )
    out.mkdir(exist_ok=True)
    mode = _mode()
    written = same = 0
    for rel in sorted(files):
        data, now = files[rel], current[rel]
        if now == data:
            same += 1
            continue
        target = folders.make(_parent(rel)) / rel.rsplit("/", 1)[-1]
        if now is None:
            _create(target, data, mode)
        else:
            _put(target, data, stat.S_IMODE(os.lstat(target).st_mode))
        written += 1
    removed, kept = _remove_stale(out, old, files)
    manifest = {"situs": 1, "berkas": {rel: _digest(files[rel]) for rel in sorted(files)}}
    text = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8")
    if _file_bytes(out / MANIFEST) != text:
        if (out / MANIFEST).is_symlink() or (out / MANIFEST).is_dir():
            raise IkuError.single(
                "IKU503", "daftar berkas situs bukan berkas biasa", file=shown(out / MANIFEST)
            )
        _put(out / MANIFEST, text, mode)
    return Hasil(written, same, removed, kept)


def _existing(out: Path, rel: str, folders: _Folders) -> bytes | None:
    """The bytes of the site's file ``rel`` as it is now (None: not there); a link, a folder or
    a device where a page goes is refused."""
    if not folders.exists(_parent(rel)):
        return None
    path = out / rel
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise IkuError.single(
            "IKU503",
            "di tempat halaman situs ini ada tautan simbolik atau folder; situs tidak ditulis "
            "melalui tautan",
            file=shown(path),
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _failed(path, exc) from None


def _remove_stale(out: Path, old: dict[str, str], files: dict[str, bytes]) -> tuple[int, list[str]]:
    """Remove what the previous build made and this one does not, where it is as it was made
    (and inside ``out``, through no link); then the folders that empties."""
    removed, kept = 0, []
    root = out.resolve()
    folders: set[Path] = set()
    for rel in sorted(set(old) - set(files)):
        path = out / rel
        if not _no_link_on_way(out, rel):
            continue
        now = _file_bytes(path)
        if now is None:
            continue
        if _digest(now) != old[rel]:
            kept.append(rel)
            continue
        try:
            path.resolve().relative_to(root)
            path.unlink()
        except (OSError, ValueError):
            continue
        removed += 1
        folders.update(p for p in path.parents if p != out and out in p.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    return removed, kept


def _no_link_on_way(out: Path, rel: str) -> bool:
    here = out
    for part in rel.split("/")[:-1]:
        here = here / part
        try:
            st = os.lstat(here)
        except OSError:
            return False
        if not stat.S_ISDIR(st.st_mode) or stat.S_ISLNK(st.st_mode):
            return False
    return True
