"""Where an agency's files are: the one place every command asks.

A workspace is a folder holding ``ikutool.yaml`` (made by ``iku init``). Commands look for it from
the current folder upward, the way git finds its repository, and use the IKU file and the
realisasi, PK and anggaran folders it names. ``--iku`` and ``--realisasi`` still override.
Outside any workspace, reading commands use the bundled sample (and say so); writing commands
refuse, because the installed package is read-only.
"""

from __future__ import annotations

import functools
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from ikutool.errors import IkuError
from ikutool.workspace.paths import bundled_iku, bundled_realisasi, data_dir, is_bundled, shown

MARKER = "ikutool.yaml"
INIT_HINT = (
    "Buat ruang kerja sendiri dengan: iku init NAMA-FOLDER (atau iku init --contoh NAMA-FOLDER "
    "untuk mencoba dengan data contoh)"
)


@dataclass(frozen=True)
class Sources:
    """The files a command works on, and how they were chosen."""

    iku: Path
    realisasi: Path
    pk: Path
    anggaran: Path
    renaksi: Path
    program: Path
    tindak_lanjut: Path  # the follow-up register of the last evaluations (LHE)
    root: Path | None = None  # the workspace folder, when one was found
    bundled: bool = False  # the IKU is the bundled sample (no workspace, no --iku)
    iku_option: Path | None = None  # --iku as given
    realisasi_option: Path | None = None  # --realisasi as given
    pk_option: Path | None = None  # --pk as given
    anggaran_option: Path | None = None  # --anggaran as given
    renaksi_option: Path | None = None  # --renaksi as given
    program_option: Path | None = None  # --program as given
    pohon: Path | None = None  # the pohon kinerja (optional: no tree, no change anywhere)
    rpjmd: Path | None = None  # the regency's RPJMD tujuan and sasaran, as Bappeda shares it

    @property
    def iku_label(self) -> str:
        return shown(self.iku)

    @property
    def realisasi_label(self) -> str:
        return shown(self.realisasi)

    @property
    def anggaran_label(self) -> str:
        return shown(self.anggaran)

    @property
    def program_label(self) -> str:
        return shown(self.program)

    def require_writable(self, what: str) -> None:
        """Writing commands work on the user's own files only, never on the bundled sample."""
        if self.bundled and is_bundled(self.realisasi):
            raise IkuError.single(
                "IKU504",
                f"{what} hanya di dalam ruang kerja IKU: folder ini (dan folder di atasnya) bukan "
                "ruang kerja, dan contoh bawaan tidak boleh diubah",
                file=str(Path.cwd()),
                exit_code=2,
                hint=INIT_HINT + ", lalu jalankan perintah ini di dalam folder itu.",
            )


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds the workspace marker."""
    try:
        here = start.resolve()
    except OSError:
        return None
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def bundled_sources() -> Sources:
    return Sources(
        iku=bundled_iku(),
        realisasi=bundled_realisasi(),
        pk=data_dir() / "pk",
        anggaran=data_dir() / "anggaran",
        renaksi=data_dir() / "renaksi",
        program=data_dir() / "program",
        tindak_lanjut=data_dir() / "tindak-lanjut.yaml",
        bundled=True,
        pohon=data_dir() / "pohon" / "pohon.yaml",
        rpjmd=data_dir() / "pohon" / "rpjmd.yaml",
    )


@functools.cache
def _config_model() -> type:
    from pydantic import Field, StrictStr

    from ikutool.model.iku import Base

    Rel = Annotated[StrictStr, Field(min_length=1, max_length=500)]

    class WorkspaceConfig(Base):
        """``ikutool.yaml``: paths relative to the workspace folder."""

        nama: Annotated[StrictStr, Field(max_length=500)] | None = None
        iku: Rel = "iku.yaml"
        realisasi: Rel = "realisasi"
        pk: Rel = "pk"
        anggaran: Rel = "anggaran"
        renaksi: Rel = "renaksi"
        program: Rel = "program"
        tindak_lanjut: Rel = "tindak-lanjut.yaml"
        pohon: Rel = "pohon/pohon.yaml"
        rpjmd: Rel = "pohon/rpjmd.yaml"

    return WorkspaceConfig


def workspace_sources(root: Path) -> Sources:
    from ikutool.workspace import cache
    from ikutool.yaml_reader import read_bounded

    marker = root / MARKER
    raw = read_bounded(marker, shown(marker), 64 * 1024)
    entry = cache.key("ruang_kerja", raw)
    cfg: Any = cache.load("ruang_kerja", entry)
    keys = (
        "iku", "realisasi", "pk", "anggaran", "renaksi", "program", "tindak_lanjut", "pohon",
        "rpjmd",
    )  # fmt: skip
    if (
        not isinstance(cfg, dict)
        or not all(isinstance(cfg.get(k), str) for k in keys)  # an entry of an older version
    ):
        cfg = _read_config(raw, shown(marker))
        cache.store("ruang_kerja", entry, lambda: cfg)
    paths = types.SimpleNamespace(**cfg)
    return Sources(
        iku=root / paths.iku,
        realisasi=root / paths.realisasi,
        pk=root / paths.pk,
        anggaran=root / paths.anggaran,
        renaksi=root / paths.renaksi,
        program=root / paths.program,
        tindak_lanjut=root / paths.tindak_lanjut,
        root=root,
        pohon=root / paths.pohon,
        rpjmd=root / paths.rpjmd,
    )


def _read_config(raw: bytes, name: str) -> dict[str, str]:
    from ikutool.model.validation import validate_document
    from ikutool.yaml_reader import parse_yaml_bytes

    config, findings = validate_document(
        parse_yaml_bytes(raw, name),
        _config_model(),
        "isi ikutool.yaml harus berupa pemetaan, mis. 'iku: iku.yaml'",
    )
    if config is None or any(f.is_error for f in findings):
        raise IkuError(findings)
    return {k: v for k, v in config.model_dump().items() if isinstance(v, str)}


def resolve(
    iku: Path | None = None,
    realisasi: Path | None = None,
    *,
    pk: Path | None = None,
    anggaran: Path | None = None,
    renaksi: Path | None = None,
    program: Path | None = None,
    start: Path | None = None,
) -> Sources:
    """The sources for a command: the options first, then the workspace, then the sample.

    ``--iku`` alone keeps the folders beside that file (``realisasi/``, ``pk/``, ``anggaran/``),
    as a workspace does.
    """
    if iku is not None:
        base = iku.parent
        sources = Sources(
            iku=iku,
            realisasi=base / "realisasi",
            pk=base / "pk",
            anggaran=base / "anggaran",
            renaksi=base / "renaksi",
            program=base / "program",
            tindak_lanjut=base / "tindak-lanjut.yaml",
            root=find_root(base),
            pohon=base / "pohon" / "pohon.yaml",
            rpjmd=base / "pohon" / "rpjmd.yaml",
        )
    else:
        root = find_root(start or Path.cwd())
        sources = workspace_sources(root) if root is not None else bundled_sources()
    found = Sources(
        iku=sources.iku,
        realisasi=realisasi or sources.realisasi,
        pk=pk or sources.pk,
        anggaran=anggaran or sources.anggaran,
        renaksi=renaksi or sources.renaksi,
        program=program or sources.program,
        tindak_lanjut=sources.tindak_lanjut,
        root=sources.root,
        bundled=sources.bundled,
        iku_option=iku,
        realisasi_option=realisasi,
        pk_option=pk,
        anggaran_option=anggaran,
        renaksi_option=renaksi,
        program_option=program,
        pohon=sources.pohon,
        rpjmd=sources.rpjmd,
    )
    from ikutool.workspace.confine import set_root

    set_root(found.root)
    check_paths(found)
    return found


# the paths a workspace names: (attribute, key in ikutool.yaml and option, a folder?)
PATHS = (
    ("iku", "--iku", False),
    ("realisasi", "--realisasi", True),
    ("pk", "--pk", True),
    ("anggaran", "--anggaran", True),
    ("renaksi", "--renaksi", True),
    ("program", "--program", True),
    ("tindak_lanjut", "tindak_lanjut", False),
)


def path_problem(path: Path, folder: bool) -> str | None:
    """Why ``path`` cannot be used as the file (or folder) it should be, or None: a missing one is
    fine here (each command says what it needs). The one check of every path a workspace or an
    option names, so that no command meets a symlink loop or an over-long name unprepared."""
    import errno
    import os
    import stat

    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except ValueError:  # a NUL in the name
        return "nama jalur tidak sah (berisi karakter NUL)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                "tautan simbolik berputar (menunjuk dirinya sendiri lewat tautan lain); perbaiki "
                "tautannya, atau tulis jalur folder yang sebenarnya"
            )
        if exc.errno == errno.ENAMETOOLONG:
            return "nama terlalu panjang untuk sistem berkas; pakai nama yang lebih pendek"
        if exc.errno == errno.ENOTDIR:
            return "salah satu bagian jalurnya adalah berkas, bukan folder"
        if exc.errno == errno.EACCES:
            return "tidak dapat dibuka (izin ditolak)"
        return f"tidak dapat dipakai ({exc.strerror or exc})"
    if folder and not stat.S_ISDIR(st.st_mode):
        return "ini sebuah berkas, bukan folder"
    if not folder and not stat.S_ISDIR(st.st_mode) and not stat.S_ISREG(st.st_mode):
        return "bukan berkas biasa (perangkat, FIFO atau soket)"
    if not folder and stat.S_ISDIR(st.st_mode):
        return "ini sebuah folder, bukan berkas IKU"
    return None


def check_paths(src: Sources) -> None:
    """Every path the command will use, checked once, before any is read: each problem located at
    its key in ikutool.yaml (exit 1) or named by its option (exit 2)."""
    from ikutool.errors import Finding, Severity

    findings = []
    usage = False
    for attr, option, folder in PATHS:
        path = getattr(src, attr)
        problem = path_problem(path, folder)
        code = "IKU509"
        if (
            problem is None
            and src.root is not None
            and src.iku_option is None  # the paths are ikutool.yaml's, not beside --iku
            and getattr(src, f"{attr}_option", None) is None
        ):
            code, problem = _escape(path, src.root)
        if problem is None:
            continue
        given = getattr(src, f"{attr}_option", None)
        if given is not None or src.root is None:
            usage = True
            findings.append(
                Finding("IKU509", f"{option} '{shown(path)}': {problem}", Severity.ERROR, option)
            )
            continue
        marker = src.root / MARKER
        line, column = _key_location(marker, attr)
        findings.append(
            Finding(
                code,
                f"'{attr}: {_as_written(path, src.root)}': {problem}",
                Severity.ERROR,
                shown(marker),
                line,
                column,
                attr,
            )
        )
    if findings:
        raise IkuError(findings, exit_code=2 if usage else 1)


def _escape(path: Path, root: Path) -> tuple[str, str | None]:
    """Why a path written in ikutool.yaml leaves the workspace (code, problem), or no problem."""
    from ikutool.workspace.confine import lexically_inside, link_message, really_inside

    if not lexically_inside(path, root):
        return "IKU509", (
            "jalur ini keluar dari folder ruang kerja; ikutool hanya membaca dan menulis di dalam "
            "ruang kerja. Tulis jalur relatif di dalam folder ini, mis. 'realisasi: realisasi'"
        )
    if not really_inside(path, root):
        return "IKU511", link_message("jalur ini")
    return "IKU509", None


def _as_written(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _key_location(marker: Path, key: str) -> tuple[int | None, int | None]:
    """Where ``key`` is written in ikutool.yaml (its default, when not written: line 1)."""
    from ikutool.yaml_reader import read_yaml

    try:
        doc = read_yaml(marker, limit=64 * 1024)
    except IkuError:
        return None, None
    _, loc = doc.resolve((key,), at_key=True)
    return (loc.line, loc.column) if loc is not None else (1, 1)


def make_folder(folder: Path) -> None:
    """Create a folder a command writes into, or say in Indonesian why it cannot be."""
    problem = path_problem(folder, True)
    if problem is None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return
        except OSError as exc:
            problem = f"folder tidak dapat dibuat ({exc.strerror or exc})"
    raise IkuError.single("IKU503", f"'{shown(folder)}': {problem}", file=shown(folder))


def template_hint(src: Sources, tahun: int) -> str:
    """The command that starts the missing realisasi file of ``tahun``, where it will work."""
    if src.bundled:
        prefix = (
            "Contoh bawaan hanya berisi realisasi 2017-2019. " if is_bundled(src.realisasi) else ""
        )
        return prefix + INIT_HINT + "."
    command = f"iku realisasi template --tahun {tahun}"
    if src.iku_option is not None:
        command += f' --iku "{src.iku_option}"'
    if src.realisasi_option is not None or src.root is None:
        command += f' --out "{src.realisasi / f"{tahun}.yaml"}"'
    if src.realisasi.exists() and not src.realisasi.is_dir():
        return f"'{shown(src.realisasi)}' sebuah berkas; --realisasi perlu sebuah folder."
    if not src.realisasi.is_dir() and (src.realisasi_option is not None or src.root is None):
        return (
            f"Periksa nama folder pada --realisasi; untuk memulai folder baru, buat foldernya "
            f"dulu lalu jalankan: {command}"
        )
    return f"Mulai berkasnya dengan: {command}"


def bundled_notice() -> str:
    return (
        f"Catatan: di luar ruang kerja IKU; memakai {shown(data_dir())} (IKU Dinas Kopperindag "
        "Kab. Tanjung Jabung Barat 2016-2021, realisasi ilustrasi). " + INIT_HINT + "."
    )


MARKER_TEXT = """\
# Ruang kerja ikutool: IKU satu instansi beserta realisasinya.
# Setiap perintah iku yang dijalankan di folder ini (atau di subfoldernya) memakai berkas-berkas
# di bawah ini tanpa perlu --iku atau --realisasi. Jalur ditulis relatif terhadap folder ini.
{nama}iku: iku.yaml
realisasi: realisasi      # realisasi/<tahun>.yaml
pk: pk                    # Perjanjian Kinerja: pk/<tahun>.yaml (opsional)
anggaran: anggaran        # realisasi anggaran versi lama: anggaran/<tahun>.yaml (opsional)
renaksi: renaksi          # rencana aksi: target per triwulan, renaksi/<tahun>.yaml (opsional)
program: program          # program, kegiatan dan anggarannya: program/<tahun>.yaml (opsional)
tindak_lanjut: tindak-lanjut.yaml  # tindak lanjut rekomendasi evaluasi (LHE) (opsional)
pohon: pohon/pohon.yaml   # pohon kinerja: dari sasaran RPJMD sampai sub kegiatan (opsional)
rpjmd: pohon/rpjmd.yaml   # tujuan dan sasaran RPJMD, salinan dari Bappeda (opsional)
"""


def starter_iku() -> bytes:
    return (Path(__file__).parent.parent / "starter" / "iku.yaml").read_bytes()


def init_workspace(folder: Path, *, contoh: bool, force: bool) -> list[tuple[Path, bool]]:
    """Create a workspace in ``folder``: ``(path, created)`` for each file and folder.

    Never overwrites: with ``force`` a non-empty folder is accepted and what already exists is
    left as it is (``created`` False)."""
    from ikutool.workspace.files import write_atomic
    from ikutool.workspace.paths import inside_package

    if inside_package(folder):
        raise IkuError.single(
            "IKU504",
            "ruang kerja tidak boleh dibuat di dalam paket ikutool yang terpasang",
            file=shown(folder),
            exit_code=2,
        )
    if folder.exists() and not folder.is_dir():
        raise IkuError.single(
            "IKU501", "ini sebuah berkas, bukan folder", file=shown(folder), exit_code=2
        )
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise IkuError.single(
            "IKU507",
            "folder tujuan tidak kosong; ruang kerja dibuat di folder kosong atau baru. Pakai "
            "--force untuk tetap memakainya (berkas yang sudah ada tidak akan diubah)",
            file=shown(folder),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IkuError.single(
            "IKU503", f"folder tidak dapat dibuat: {exc.strerror}", file=shown(folder)
        ) from None
    nama = "nama: Contoh - Dinas Kopperindag Kab. Tanjung Jabung Barat\n" if contoh else ""
    files: list[tuple[Path, bytes]] = [
        (folder / MARKER, MARKER_TEXT.format(nama=nama).encode("utf-8")),
        (folder / "iku.yaml", bundled_iku().read_bytes() if contoh else starter_iku()),
    ]
    # every folder ikutool.yaml names, so that each template command has its place
    subfolders = ["realisasi", "pk", "renaksi", "program", "anggaran"]
    if contoh:
        for sub in (*subfolders, "pohon"):
            for path in sorted((data_dir() / sub).glob("*.yaml")):
                files.append((folder / sub / path.name, path.read_bytes()))
        register = data_dir() / "tindak-lanjut.yaml"
        files.append((folder / register.name, register.read_bytes()))
        subfolders.append("pohon")
    # the schemas an editor completes and checks keys with, named on each file's first line
    from ikutool import schema

    files = schema.for_workspace(folder, files)
    subfolders.append(schema.FOLDER)
    done: list[tuple[Path, bool]] = []
    for sub in subfolders:
        target = folder / sub
        created = not target.exists()
        try:
            target.mkdir(exist_ok=True)
        except OSError as exc:
            raise IkuError.single(
                "IKU503", f"folder tidak dapat dibuat: {exc.strerror}", file=shown(target)
            ) from None
        done.append((target, created))
    for path, payload in files:
        if path.exists():
            done.append((path, False))
            continue
        write_atomic(path, payload)
        done.append((path, True))
    return done
