"""Writing files without ever losing one.

- atomic: a temporary file in the same folder, flushed to disk, then renamed over the target, so
  a failure at any point leaves the old file or the new one, never a mix;
- nothing is overwritten without ``--force`` (a new file is linked into place, which fails if
  another process created it meanwhile);
- the file keeps what the user gave it: its permissions (a new file follows the umask);
- never through a symbolic link: a target that is a link (an ``--out`` name, or a data file
  such as ``realisasi/2020.yaml`` planted as a link, even a dangling one) is refused; with
  ``--force`` the link itself is replaced by the new file and what it pointed to is left alone.
  (Until issue 23 a link was kept and its target replaced: a link planted in another agency's
  folder could then make a command write anywhere.)
- only regular files are written: a device, a FIFO or a folder is refused, and nothing inside the
  installed package is ever written;
- a read-modify-write (``iku realisasi isi``) holds an exclusive lock on the file and checks that
  the file did not change under it, so two edits at once are serialised, never silently lost.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ikutool.errors import IkuError

LOCK_TIMEOUT = 15.0  # seconds another writer may hold the file before we give up, loudly


def _shown(path: Path) -> str:
    from ikutool.workspace.paths import shown

    return shown(path)


def _real(path: Path) -> Path:
    """The file a path designates: symbolic links followed, even when the target is missing."""
    return Path(os.path.realpath(path))


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def check_target(path: Path, force: bool, *, replace_link: bool | None = None) -> Path:
    """Refuse a target that cannot or must not be written; returns the path to write (its folder
    with links resolved, the name itself never followed). ``replace_link`` (``force`` unless
    said): a target that is a symbolic link is replaced; otherwise it is refused."""
    from ikutool.workspace.paths import inside_package

    name = _shown(path)
    if _is_link(path):
        if not (force if replace_link is None else replace_link):
            raise IkuError.single(
                "IKU512",
                "tujuan adalah tautan simbolik (mungkin menunjuk ke luar folder ini); ikutool tidak "
                "menulis lewat tautan. Pakai --force untuk mengganti tautannya dengan berkas baru "
                "(berkas yang ditunjuk tidak diubah), atau pilih nama lain",
                file=name,
                exit_code=2,
            )
        folder = Path(os.path.realpath(path.parent))
        if inside_package(folder / path.name):
            raise IkuError.single(
                "IKU504", "berkas di dalam paket ikutool yang terpasang tidak boleh ditulis",
                file=name, exit_code=2,
            )  # fmt: skip
        return folder / path.name
    if inside_package(path):
        raise IkuError.single(
            "IKU504",
            "berkas di dalam paket ikutool yang terpasang tidak boleh ditulis (contoh bawaan "
            "hanya untuk dibaca)",
            file=name,
            exit_code=2,
            hint="Buat ruang kerja sendiri dengan: iku init NAMA-FOLDER",
        )
    if path.is_dir():
        raise IkuError.single(
            "IKU501",
            "ini sebuah folder; --out perlu nama berkas, mis. --out laporan.xlsx",
            file=name,
            exit_code=2,
        )
    real = _real(path)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise IkuError.single(
            "IKU503", f"berkas tujuan tidak dapat diperiksa: {exc.strerror}", file=name
        ) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise IkuError.single(
            "IKU503",
            "tujuan bukan berkas biasa (perangkat, FIFO atau soket); ikutool hanya menulis "
            "berkas biasa. Pilih nama berkas lain dengan --out",
            file=name,
            exit_code=2,
        )
    if st is not None and not force:
        raise IkuError.single(
            "IKU502",
            "berkas keluaran sudah ada dan tidak ditimpa; pakai --force untuk menimpanya, atau "
            "pilih nama lain dengan --out",
            file=name,
        )
    folder = real.parent
    if not folder.is_dir():
        raise IkuError.single(
            "IKU503",
            f"folder '{_shown(folder)}' tidak ada; buat dulu foldernya",
            file=name,
            exit_code=2,
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise IkuError.single(
            "IKU503",
            f"folder '{_shown(folder)}' tidak dapat ditulisi (izin ditolak); pilih folder lain "
            "atau minta izin tulis",
            file=name,
        )
    return real


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _failed(name: str, exc: OSError) -> IkuError:
    reason = {
        errno.ENOSPC: "disk penuh",
        errno.EFBIG: "batas ukuran berkas terlampaui (disk penuh atau ulimit -f)",
        errno.EDQUOT: "kuota disk habis",
        errno.EACCES: "izin ditolak",
        errno.EPERM: "izin ditolak",
        errno.EROFS: "sistem berkas hanya-baca",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    return IkuError.single(
        "IKU503",
        f"berkas gagal ditulis ({reason}); berkas lama (bila ada) tetap utuh",
        file=name,
    )


@dataclass
class Staged:
    """A file's new content written beside it (flushed to disk, with the old file's permissions),
    not yet in place: :meth:`commit` puts it there, :meth:`discard` takes it away."""

    name: str
    real: Path
    tmp: Path
    replace: bool  # over the old file (--force, or a link replaced); else linked as a new file
    expect: bytes | None

    def check(self) -> None:
        """Refuse when the file no longer holds what it held when read for the edit."""
        if self.expect is None:
            return
        try:
            current = self.real.read_bytes()
        except OSError:
            current = None
        if current != self.expect:
            raise IkuError.single(
                "IKU506",
                "berkas diubah oleh program lain selama perintah berjalan; tidak ada yang "
                "ditulis. Jalankan perintahnya lagi",
                file=self.name,
            )

    def commit(self) -> None:
        try:
            if self.replace:
                os.replace(self.tmp, self.real)
            else:
                _link_new(self.tmp, self.real, self.name)
            _sync_folder(self.real.parent)
        except OSError as exc:
            raise _failed(self.name, exc) from None
        finally:
            self.tmp.unlink(missing_ok=True)

    def discard(self) -> None:
        self.tmp.unlink(missing_ok=True)


def stage(
    path: Path,
    data: str | bytes,
    *,
    force: bool = False,
    expect: bytes | None = None,
    replace_link: bool | None = None,
) -> Staged:
    """``data`` (text as UTF-8) written to a temporary file beside ``path``, ready to be put in
    place (see :func:`write_atomic` for what is refused)."""
    name = _shown(path)
    link = _is_link(path)
    real = check_target(path, force, replace_link=replace_link)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if link:  # the link is replaced by a new file: nothing of its target is kept
            raise FileNotFoundError
        st = os.stat(real)
        mode = stat.S_IMODE(st.st_mode)
        owner: tuple[int, int] | None = (st.st_uid, st.st_gid)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
        owner = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise _failed(name, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            if owner is not None and hasattr(os, "fchown"):
                with contextlib.suppress(OSError):  # only root may give a file away
                    os.fchown(handle.fileno(), *owner)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _failed(name, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return Staged(name, real, tmp, force or link, expect)


def write_atomic(
    path: Path,
    data: str | bytes,
    *,
    force: bool = False,
    expect: bytes | None = None,
    replace_link: bool | None = None,
) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` atomically.

    ``expect``: the bytes the file held when it was read for an edit; if it holds anything else
    now (another program saved it meanwhile), nothing is written and the user is told.
    """
    staged = stage(path, data, force=force, expect=expect, replace_link=replace_link)
    try:
        staged.check()
        staged.commit()
    finally:
        staged.discard()


def write_together(staged: list[Staged]) -> None:
    """Several staged files put in place as one edit: every one is checked first (a file changed
    meanwhile stops them all), then the new files are linked into place (another process may have
    created one: then the ones linked are taken away again), then the old files are replaced. A
    failure leaves every file as it was; only a replace failing after another succeeded (a rename
    in the file's own folder, which does not fail short of the disk itself failing) would not."""
    try:
        for s in staged:
            s.check()
        created: list[Staged] = []
        try:
            for s in staged:
                if not s.replace:
                    s.commit()
                    created.append(s)
        except IkuError:
            for s in created:
                s.real.unlink(missing_ok=True)
            raise
        for s in staged:
            if s.replace:
                s.commit()
    finally:
        for s in staged:
            s.discard()


def _link_new(tmp: Path, real: Path, name: str) -> None:
    """Put ``tmp`` in place as ``real`` only if ``real`` does not exist (no-clobber)."""
    try:
        os.link(tmp, real)
    except FileExistsError:
        raise IkuError.single(
            "IKU502",
            "berkas keluaran sudah ada (baru saja dibuat oleh proses lain) dan tidak ditimpa",
            file=name,
        ) from None
    except OSError:  # no hard links here (FAT, some network shares): check, then rename
        if real.exists():
            raise IkuError.single(
                "IKU502", "berkas keluaran sudah ada dan tidak ditimpa", file=name
            ) from None
        os.replace(tmp, real)


def _sync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - folders cannot be opened there
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def edit_lock(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for a read-modify-write.

    Another ``iku`` process editing the same file waits here until the first is done, then reads
    the new content, so both edits are kept. The lock is on the file itself (POSIX ``flock``);
    since an edit replaces the file, a waiter that wakes on the old file tries again.
    """
    real = _real(path)
    deadline = time.monotonic() + timeout
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        with _windows_lock(real, deadline):
            yield
        return
    import fcntl

    while True:
        try:
            fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise _failed(_shown(path), exc) from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise _busy(path) from None
                    time.sleep(0.01)
            try:
                same = os.fstat(fd).st_ino == os.stat(real).st_ino
            except FileNotFoundError:
                same = False
            if same:
                yield
                return
        finally:
            os.close(fd)


@contextlib.contextmanager
def _windows_lock(real: Path, deadline: float) -> Iterator[None]:  # pragma: no cover
    import msvcrt

    lock = real.with_name(f".{real.name}.kunci")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise _busy(real) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    finally:
        os.close(fd)


def _busy(path: Path) -> IkuError:
    return IkuError.single(
        "IKU505",
        f"berkas sedang diubah oleh proses lain lebih dari {LOCK_TIMEOUT:g} detik; tidak ada yang "
        "ditulis. Tunggu sampai selesai, lalu jalankan lagi",
        file=_shown(path),
    )
