"""Reading a workspace's git history without letting the workspace run anything.

A workspace received from another agency is untrusted, and git obeys the configuration of the
repository it runs in: a ``.git/config`` can make ``git log`` or ``git show`` run a command
(``core.fsmonitor``, ``core.pager``, a partial clone's ``uploadpack`` on a lazy fetch,
``gpg.program`` with ``log.showSignature``, ``diff.external``, textconv, aliases...). So git never
runs in the workspace's repository. The tool finds the repository itself (a ``.git`` folder, or a
``.git`` file whose ``gitdir`` stays inside the workspace), reads ``HEAD`` and the refs itself,
and runs git on a repository of its own: an empty bare repository in a temporary folder whose
object store borrows the workspace's (``objects/info/alternates``), with a configuration of one
``[core]`` section. The environment is clean (no inherited ``GIT_*``, no system or global config,
``HOME`` an empty folder), with no protocol allowed, no lazy fetch, no replace objects, no
commit-graph (a cache a file could forge), no pager and no signature checks. Objects are read
with ``git log`` and ``git cat-file`` only.

What the history cannot show is said, not hidden: a shallow clone, grafts, replace refs, an
object store borrowed from elsewhere, missing objects, and more versions than are read.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ikutool.errors import IkuError

TIMEOUT = 30  # seconds for one git command
MAX_REF_BYTES = 4 * 1024 * 1024  # HEAD, a loose ref or packed-refs
MAX_LOG_BYTES = 64 * 1024 * 1024  # what git log may print
MAX_SUBJECT = 300
_HEX = re.compile(rb"[0-9a-f]{40}(?:[0-9a-f]{24})?")
_REF_NAME = re.compile(r"refs/[A-Za-z0-9._/+-]{1,200}")
# the only configuration git gets besides the repository's own single [core] section
SAFE_CONFIG = (
    "protocol.allow=never",
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.commitGraph=false",
    "core.multiPackIndex=false",
    "core.sshCommand=false",
    "core.askPass=",
    "credential.helper=",
    "log.showSignature=false",
    "diff.external=",
    "fetch.recurseSubmodules=false",
    "gc.auto=0",
    "maintenance.auto=false",
    "safe.bareRepository=all",
)


LOG_ARGS = ["log", "--follow", "-z", "--raw", "--no-abbrev", "--no-ext-diff", "--no-textconv",
            "--no-show-signature", "--no-color", "--format=%x01%H%x02%as"]  # fmt: skip


@dataclass
class Entry:
    """One commit that touched the file: newest first in :class:`Log`."""

    commit: str
    date: str  # the author date, ISO (YYYY-MM-DD)
    subject: str = ""
    blob: bytes | None = None  # the file's content at that commit (None: unreadable)
    note: str | None = None  # why the content is missing


@dataclass
class Log:
    entries: list[Entry]  # newest first, at most the versions asked for
    total: int  # commits that touched the file, as far as the history goes
    gaps: list[str] = field(default_factory=list)  # why the history is not the whole story

    @property
    def complete(self) -> bool:
        return not self.gaps


def _refuse(message: str) -> IkuError:
    return IkuError.single("IKU510", message, file="--riwayat", exit_code=2)


def git_available() -> bool:
    return shutil.which("git") is not None


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
    except ValueError:
        return False
    return True


def _read_small(path: Path, limit: int = MAX_REF_BYTES) -> bytes | None:
    """A small regular file's bytes (None when missing or anything else)."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def find_repository(start: Path, ceiling: Path | None) -> tuple[Path, Path] | None:
    """``(top, gitdir)``: the nearest folder at or above ``start`` (never above ``ceiling``) that
    holds ``.git``. A ``.git`` file (``gitdir: ...``) is followed only while it stays inside the
    folder that holds it; a ``.git`` that leads outside is refused, never used."""
    here = Path(os.path.realpath(start))
    top_limit = Path(os.path.realpath(ceiling)) if ceiling is not None else None
    for folder in (here, *here.parents):
        dotgit = folder / ".git"
        if os.path.lexists(dotgit):
            return folder, _gitdir_of(dotgit, folder)
        if top_limit is not None and folder == top_limit:
            return None
    return None


def _gitdir_of(dotgit: Path, top: Path) -> Path:
    if dotgit.is_dir():
        if not _inside(dotgit, top):
            raise _refuse(
                "folder .git ruang kerja ini adalah tautan ke luar ruang kerja; riwayat tidak "
                "dibaca dari tempat lain"
            )
        return Path(os.path.realpath(dotgit))
    raw = _read_small(dotgit, 64 * 1024)
    text = raw.decode("utf-8", "replace").strip() if raw is not None else ""
    if not text.startswith("gitdir:"):
        raise _refuse("berkas .git ruang kerja ini tidak dapat dibaca sebagai repositori git")
    target = Path(text[len("gitdir:") :].strip())
    target = target if target.is_absolute() else top / target
    if not _inside(target, top) or not target.is_dir():
        raise _refuse(
            "berkas .git ruang kerja ini menunjuk repositori di luar ruang kerja; riwayat hanya "
            "dibaca dari repositori di dalam ruang kerja"
        )
    return Path(os.path.realpath(target))


def _object_store(gitdir: Path, top: Path) -> Path:
    common = gitdir
    pointer = _read_small(gitdir / "commondir", 4096)
    if pointer is not None:  # a linked worktree: the objects are in the main repository
        rel = Path(pointer.decode("utf-8", "replace").strip())
        common = rel if rel.is_absolute() else gitdir / rel
    objects = common / "objects"
    if not objects.is_dir() or not _inside(objects, top):
        raise _refuse(
            "repositori git ruang kerja ini tidak memiliki simpanan objek di dalam ruang kerja; "
            "riwayat tidak dibaca"
        )
    return Path(os.path.realpath(objects))


def _head(gitdir: Path, common: Path) -> bytes | None:
    """The commit HEAD names, read by the tool (symbolic refs followed, loose then packed)."""
    ref = "HEAD"
    for _ in range(5):
        if ref == "HEAD":
            raw = _read_small(gitdir / "HEAD")
        else:
            base = gitdir if ref.startswith("refs/bisect/") else common
            raw = _read_small(base / ref) or _read_small(gitdir / ref)
        if raw is None:
            return _packed(common, ref) if ref != "HEAD" else None
        text = raw.strip()
        if _HEX.fullmatch(text):
            return text
        if not text.startswith(b"ref:"):
            return None
        name = text[4:].strip().decode("utf-8", "replace")
        if not _REF_NAME.fullmatch(name) or ".." in name:
            return None
        ref = name
    return None


def _packed(common: Path, ref: str) -> bytes | None:
    raw = _read_small(common / "packed-refs")
    if raw is None:
        return None
    for line in raw.splitlines():
        sha, _, name = line.partition(b" ")
        if name.decode("utf-8", "replace") == ref and _HEX.fullmatch(sha):
            return sha
    return None


def _gaps(gitdir: Path, common: Path, objects: Path) -> list[str]:
    gaps = []
    if (common / "shallow").exists() or (gitdir / "shallow").exists():
        gaps.append(
            "repositori git ini dangkal (shallow clone): versi lama IKU tidak ada di dalamnya"
        )
    if (common / "info" / "grafts").exists():
        gaps.append("repositori git ini memakai grafts: urutan versinya dapat diubah")
    packed = _read_small(common / "packed-refs") or b""
    if (common / "refs" / "replace").is_dir() and any((common / "refs" / "replace").iterdir()):
        gaps.append("repositori git ini memakai replace refs: isi versinya dapat diganti")
    elif b" refs/replace/" in packed:
        gaps.append("repositori git ini memakai replace refs: isi versinya dapat diganti")
    if (objects / "info" / "alternates").exists():
        gaps.append(
            "repositori git ini meminjam objek dari repositori lain (alternates), yang tidak dibaca"
        )
    return gaps


def _environment(home: Path, gitdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    for name in ("XDG_CONFIG_HOME", "EMAIL", "PAGER", "LESS", "LV", "EDITOR", "VISUAL",
                 "SSH_ASKPASS", "SSH_AUTH_SOCK", "PREFIX"):  # fmt: skip
        env.pop(name, None)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home),
        GIT_DIR=str(gitdir),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_SYSTEM=os.devnull,
        GIT_ATTR_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",
        GIT_ASKPASS="true",
        GIT_NO_LAZY_FETCH="1",
        GIT_NO_REPLACE_OBJECTS="1",
        GIT_OPTIONAL_LOCKS="0",
        GIT_PROTOCOL_FROM_USER="0",
        GIT_ALLOW_PROTOCOL="",
        GIT_PAGER="cat",
        LC_ALL="C",
    )
    return env


@contextlib.contextmanager
def _own_repository(objects: Path, head: bytes) -> Iterator[tuple[Path, dict[str, str]]]:
    """An empty bare repository of the tool's own whose objects are the workspace's."""
    with tempfile.TemporaryDirectory(prefix="ikutool-git-") as tmp:
        base = Path(tmp)
        home = base / "home"
        repo = base / "repo.git"
        home.mkdir()
        for sub in ("objects/info", "refs/heads", "refs/tags"):
            (repo / sub).mkdir(parents=True)
        # a link with a plain name: the workspace's path may hold a newline or non-UTF-8 bytes
        (base / "src").symlink_to(objects, target_is_directory=True)
        (repo / "objects" / "info" / "alternates").write_text(f"{base / 'src'}\n", "utf-8")
        sha256 = len(head) == 64
        (repo / "config").write_text(
            "[core]\n\trepositoryformatversion = "
            + (
                "1\n\tbare = true\n[extensions]\n\tobjectFormat = sha256\n"
                if sha256
                else "0\n\tbare = true\n"
            ),
            "utf-8",
        )
        (repo / "HEAD").write_bytes(head + b"\n")
        yield repo, _environment(home, repo)


def _run(
    args: list[str | bytes], env: dict[str, str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess:
    command: list[str | bytes] = ["git", "--no-pager"]
    for item in SAFE_CONFIG:
        command += ["-c", item]
    try:
        return subprocess.run(
            [*command, *args],
            cwd=cwd,
            env=env,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired, ValueError) as exc:
        raise _refuse(
            f"git tidak dapat dijalankan ({exc.__class__.__name__}); riwayat IKU tidak dibaca"
        ) from None


def read_log(path: Path, ceiling: Path | None, limit: int) -> Log:
    """The commits that touched ``path`` (renames followed), newest first: the newest ``limit``
    with the file's content at each. Raises IKU510 (exit 2) when git is missing, the file is in
    no repository inside the workspace, or the repository leads outside the workspace."""
    if not git_available():
        raise _refuse(
            "riwayat IKU dibaca dari git, dan git tidak terpasang di komputer ini. Tanpa git, "
            "bandingkan dua berkas: iku diff iku-lama.yaml iku.yaml"
        )
    real = Path(os.path.realpath(path))
    found = find_repository(real.parent, ceiling)
    if found is None:
        raise _refuse(
            "berkas IKU tidak berada di repositori git ruang kerja, jadi riwayatnya tidak "
            "tercatat. Simpan ruang kerja dalam git (git init; git add iku.yaml; git commit) agar "
            "setiap perubahan IKU tercatat, atau bandingkan dua berkas: iku diff iku-lama.yaml "
            "iku.yaml"
        )
    top, gitdir = found
    objects = _object_store(gitdir, top)
    common = objects.parent
    rel = os.fsencode(real.relative_to(os.path.realpath(top)).as_posix())
    head = _head(gitdir, common)
    gaps = _gaps(gitdir, common, objects)
    if head is None:  # nothing committed yet (or a HEAD the tool does not follow)
        return Log(entries=[], total=0, gaps=gaps)
    with _own_repository(objects, head) as (repo, env):
        if (common / "shallow").is_file():  # lets git stop where the clone stops
            lines = (_read_small(common / "shallow") or b"").split()
            (repo / "shallow").write_bytes(b"".join(s + b"\n" for s in lines if _HEX.fullmatch(s)))
        log = _run([*LOG_ARGS, "HEAD", "--", rel], env, repo.parent)
        entries = _parse_log(log.stdout[:MAX_LOG_BYTES])
        if log.returncode != 0:
            gaps.append("sebagian riwayat git tidak dapat dibaca (objek commit hilang atau rusak)")
        total = len(entries)
        entries = entries[:limit]
        if total > limit:
            gaps.append(f"hanya {limit} versi terbaru yang dibaca dari {total} versi yang tercatat")
        _fill(entries, env, repo.parent, gaps)
    return Log(entries=[e for e, _ in entries], total=total, gaps=gaps)


def _parse_log(out: bytes) -> list[tuple[Entry, bytes | None]]:
    """``git log -z --raw`` read token by token (a path may hold any byte but NUL)."""
    tokens = out.split(b"\0")
    result: list[tuple[Entry, bytes | None]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        i += 1
        if token.startswith(b"\x01"):
            sha, _, date = token[1:].partition(b"\x02")
            if _HEX.fullmatch(sha):
                result.append((Entry(sha.decode(), date.decode("ascii", "replace")[:10]), None))
        elif token.startswith(b":") and result:
            fields = token.split()
            status = fields[-1][:1] if fields else b""
            i += 2 if status in (b"R", b"C") else 1
            if len(fields) >= 5 and _HEX.fullmatch(fields[3]):
                entry, _ = result[-1]
                result[-1] = (entry, None if set(fields[3]) == {ord("0")} else fields[3])
    return result


def _fill(
    entries: list[tuple[Entry, bytes | None]], env: dict[str, str], cwd: Path, gaps: list[str]
) -> None:
    """Each entry's subject (from its commit) and the file's content (its blob)."""
    from ikutool.yaml_reader import MAX_BYTES

    wanted = [e.commit.encode() for e, _ in entries] + [b for _, b in entries if b is not None]
    if not wanted:
        return
    sizes = _batch_check(wanted, env, cwd)
    readable = [s for s in wanted if sizes.get(s, -1) >= 0 and sizes[s] <= MAX_BYTES]
    contents = _batch(readable, env, cwd) if readable else {}
    missing = False
    for entry, blob in entries:
        commit = contents.get(entry.commit.encode())
        entry.subject = _subject(commit) if commit is not None else ""
        if blob is None:
            entry.note = "berkas dihapus pada versi ini"
        elif blob in contents:
            entry.blob = contents[blob]
        elif sizes.get(blob, -1) > MAX_BYTES:
            entry.note = "versi ini terlalu besar untuk dibaca"
        else:
            entry.note = "versi ini tidak ada di repositori git (objeknya hilang)"
            missing = True
    if missing:
        gaps.append("sebagian versi IKU tidak ada di repositori git (objeknya hilang)")


def _batch_check(shas: list[bytes], env: dict[str, str], cwd: Path) -> dict[bytes, int]:
    out = _run(["cat-file", "--batch-check"], env, cwd, b"".join(s + b"\n" for s in shas)).stdout
    sizes: dict[bytes, int] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].isdigit():
            sizes[parts[0]] = int(parts[2])
        elif parts:
            sizes[parts[0]] = -1
    return sizes


def _batch(shas: list[bytes], env: dict[str, str], cwd: Path) -> dict[bytes, bytes]:
    out = _run(["cat-file", "--batch"], env, cwd, b"".join(s + b"\n" for s in shas)).stdout
    contents: dict[bytes, bytes] = {}
    pos = 0
    while pos < len(out):
        end = out.find(b"\n", pos)
        if end < 0:
            break
        parts = out[pos:end].split()
        pos = end + 1
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        size = int(parts[2])
        contents[parts[0]] = out[pos : pos + size]
        pos += size + 1
    return contents


def _subject(commit: bytes) -> str:
    """The first paragraph of a commit message, on one line (as ``%s`` prints it)."""
    _, _, message = commit.partition(b"\n\n")
    first = message.strip().split(b"\n\n", 1)[0] if message.strip() else b""
    text = " ".join(first.decode("utf-8", "replace").split())
    return text if len(text) <= MAX_SUBJECT else text[: MAX_SUBJECT - 3] + "..."
