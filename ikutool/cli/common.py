"""What every command shares: the option types, finding the files, loading them, writing output."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ikutool.cli.output import write
from ikutool.errors import Finding, IkuError

if TYPE_CHECKING:
    from ikutool.definition.load import LoadedIku
    from ikutool.inputs.anggaran import AnggaranTahun
    from ikutool.inputs.pk import PkTahun
    from ikutool.inputs.program import ProgramTahun
    from ikutool.inputs.realisasi import RealisasiTahun
    from ikutool.inputs.renaksi import RenaksiTahun
    from ikutool.model.iku import Iku
    from ikutool.workspace.sources import Sources


class NamaSkala(StrEnum):
    permendagri86 = "permendagri86"
    permenpanrb53 = "permenpanrb53"


IkuOpt = Annotated[
    Path | None,
    typer.Option(
        "--iku",
        metavar="BERKAS",
        help="Berkas definisi IKU (YAML). Bawaan: IKU ruang kerja ini; di luar ruang kerja, "
        "contoh bawaan.",
    ),
]
RealisasiOpt = Annotated[
    Path | None,
    typer.Option(
        "--realisasi",
        metavar="FOLDER",
        help="Folder berkas realisasi (<tahun>.yaml). Bawaan: folder realisasi ruang kerja, "
        "atau folder 'realisasi' di samping berkas --iku.",
    ),
]
BidangOpt = Annotated[
    str | None,
    typer.Option(
        "--bidang", metavar="BIDANG", help="Hanya indikator bidang ini (kunci atau bagian namanya)."
    ),
]
SkalaOpt = Annotated[
    NamaSkala | None,
    typer.Option(
        "--skala",
        metavar="SKALA",
        help="Skala kategori: permendagri86 atau permenpanrb53 (bawaan: yang ditetapkan berkas IKU).",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Timpa berkas --out bila sudah ada.")]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="BERKAS", help="Tulis ke berkas ini."),
]
PkOpt = Annotated[
    Path | None,
    typer.Option(
        "--pk",
        metavar="FOLDER",
        help="Folder Perjanjian Kinerja (<tahun>.yaml); capaian diukur terhadap target PK bila "
        "ada. Bawaan: folder pk ruang kerja.",
    ),
]

RenaksiOpt = Annotated[
    Path | None,
    typer.Option(
        "--renaksi",
        metavar="FOLDER",
        help="Folder rencana aksi (<tahun>.yaml): target per triwulan. Bawaan: folder renaksi "
        "ruang kerja.",
    ),
]
ProgramOpt = Annotated[
    Path | None,
    typer.Option(
        "--program",
        metavar="FOLDER",
        help="Folder program dan kegiatan (<tahun>.yaml): indikator, pagu dan realisasi Rp. "
        "Bawaan: folder program ruang kerja.",
    ),
]

_announced = False


def sources(
    iku_file: Path | None,
    realisasi_dir: Path | None = None,
    *,
    pk: Path | None = None,
    anggaran: Path | None = None,
    renaksi: Path | None = None,
    program: Path | None = None,
    start: Path | None = None,
    announce: bool = True,
) -> Sources:
    """The files this command works on; outside a workspace, say once that it is the sample."""
    from ikutool.workspace.sources import resolve

    found = resolve(
        iku_file,
        realisasi_dir,
        pk=pk,
        anggaran=anggaran,
        renaksi=renaksi,
        program=program,
        start=start,
    )
    if announce:
        announce_sample(found)
    return found


def announce_sample(src: Sources) -> None:
    """Outside a workspace the bundled sample is used: say so, once, on stderr."""
    from ikutool.workspace.sources import bundled_notice

    global _announced
    if src.bundled and not _announced:
        _announced = True
        sys.stderr.write(bundled_notice() + "\n")


def warn(findings: list[Finding]) -> None:
    """Warnings go to stderr, one plain line each, so stdout stays the table or the data."""
    from ikutool.cli.output import write_findings

    write_findings(sys.stderr, findings)


def load_iku(src: Sources) -> LoadedIku:
    from ikutool.definition.load import load_iku as load
    from ikutool.workspace.paths import shown

    if not src.iku.exists() and src.root is not None:
        raise IkuError.single(
            "IKU101",
            f"berkas IKU ruang kerja tidak ada; buat berkas itu, atau perbaiki 'iku:' di "
            f"{shown(src.root / 'ikutool.yaml')}",
            file=shown(src.iku),
            exit_code=2,
        )
    loaded = load(src.iku, display_name=shown(src.iku))
    warn(loaded.findings)
    return loaded


def load_realisasi(src: Sources, iku: Iku, years: list[int]) -> dict[int, RealisasiTahun]:
    from ikutool.inputs.realisasi import load_realisasi_dir
    from ikutool.workspace.sources import template_hint

    data = load_realisasi_dir(src.realisasi, iku, years, hint=lambda y: template_hint(src, y))
    for year in sorted(data):
        warn(data[year].findings)
    return data


def load_pk(src: Sources, iku: Iku, years: list[int]) -> dict[int, PkTahun]:
    """The Perjanjian Kinerja of each year that has one (PK files are optional)."""
    from ikutool.inputs.pk import load_pk as load

    _require_option_folder(src.pk_option, "--pk")
    out = {}
    for year in years:
        found = load(src.pk, iku, year)
        if found is not None:
            warn(found.findings)
            out[year] = found
    return out


def load_anggaran(src: Sources, iku: Iku, tahun: int) -> AnggaranTahun | None:
    """The year's programs' money (see :func:`load_money`)."""
    return load_money(src, iku, tahun)[0]


def load_money(
    src: Sources, iku: Iku, tahun: int
) -> tuple[AnggaranTahun | None, ProgramTahun | None]:
    """The year's programs' money, and the program file it came from (if it did): from
    ``program/<tahun>.yaml`` where it exists (it holds a program's money now), else the older
    ``anggaran/<tahun>.yaml``; both for one year is an error that says which to keep. Each file
    is read, and its warnings said, once."""
    from ikutool.inputs.anggaran import load_anggaran as load
    from ikutool.inputs.realisasi import file_for_year

    _require_option_folder(src.anggaran_option, "--anggaran")
    program = load_program(src, iku, tahun)
    old = file_for_year(src.anggaran, tahun, "anggaran")
    if program is not None and old is not None:
        from ikutool.workspace.paths import shown

        raise IkuError.single(
            "IKU306",
            f"anggaran {tahun} ditulis dua kali: di {program.file} dan di {shown(old)}. Berkas "
            "program menggantikan berkas anggaran: pindahkan pagu dan realisasinya ke program "
            f"(pagu, realisasi_rp), lalu hapus {shown(old)}",
            file=shown(old),
            line=1,
            column=1,
        )
    if program is not None:
        return program.as_anggaran(), program
    found = load(src.anggaran, iku, tahun)
    if found is not None:
        warn(found.findings)
    return found, None


def load_program(src: Sources, iku: Iku, tahun: int) -> ProgramTahun | None:
    from ikutool.inputs.program import load_program as load

    _require_option_folder(src.program_option, "--program")
    found = load(src.program, iku, tahun)
    if found is not None:
        warn(found.findings)
    return found


def load_renaksi(src: Sources, iku: Iku, tahun: int, pk: PkTahun | None) -> RenaksiTahun | None:
    from ikutool.inputs.renaksi import load_renaksi as load

    _require_option_folder(src.renaksi_option, "--renaksi")
    found = load(src.renaksi, iku, tahun, pk)
    if found is not None:
        warn(found.findings)
    return found


def _require_option_folder(folder: Path | None, option: str) -> None:
    """A folder named on the command line must exist (the workspace's own are optional)."""
    if folder is not None and not folder.is_dir():
        from ikutool.workspace.paths import shown

        raise IkuError.single(
            "IKU501",
            f"folder {option} '{shown(folder)}' tidak ada"
            + (" (ini sebuah berkas)" if folder.exists() else ""),
            file=option,
            exit_code=2,
        )


def check_year(iku: Iku, tahun: int, option: str = "--tahun") -> None:
    if tahun not in iku.periode.tahun:
        raise IkuError.single(
            "IKU501",
            f"tahun {tahun} di luar periode IKU {iku.periode.awal}-{iku.periode.akhir}",
            file=option,
            exit_code=2,
        )


def bidang_key(iku: Iku, bidang: str | None) -> str | None:
    from ikutool.definition.load import resolve_bidang

    return resolve_bidang(iku, bidang) if bidang else None


def need_out(format: str, out: Path | None, example: str) -> Path:
    """``--out`` of a format written to a file only (xlsx, html, docx, parquet); without it, a
    usage error that shows a file name to give, e.g. ``example="laporan.xlsx"``."""
    if out is None:
        raise IkuError.single(
            "IKU501",
            f"format {format} perlu --out BERKAS, mis. --out {example}",
            file="--out",
            exit_code=2,
        )
    return out


def refuse_out(out: Path | None, force: bool) -> None:
    """Say that ``--out`` cannot be written before any work, not after."""
    if out is not None:
        from ikutool.workspace.files import check_target

        check_target(out, force)


def deliver(data: str | bytes, out: Path | None, force: bool) -> None:
    from ikutool.workspace.files import write_atomic
    from ikutool.workspace.paths import shown

    if out is None:
        write(data if isinstance(data, str) else data.decode("utf-8"))
        return
    write_atomic(out, data, force=force)
    sys.stderr.write(f"Ditulis: {shown(out)}\n")


def deliver_document(
    doc: Any, format: str, out: Path | None, force: bool, *, kertas: str = "A4"
) -> None:
    """A block document (render/document.py) in ``format``: markdown, html, docx, xlsx, or the
    terminal view (``table``), to ``out`` or the terminal."""
    from ikutool.render import blocks as document

    doc.kertas = kertas
    if format == "xlsx":
        from ikutool.render.formats.xlsx import document_xlsx

        scratch = out.resolve().parent if out is not None else None
        deliver(document_xlsx(doc, kertas=kertas, scratch=scratch), out, force)
    elif format == "markdown":
        deliver(document.markdown(doc), out, force)
    elif format == "html":
        deliver(document.html(doc), out, force)
    elif format == "docx":
        from ikutool.render.formats.docx import docx

        deliver(docx(doc), out, force)
    elif out is None:
        from ikutool.cli.output import console

        screen = console()
        screen.print(document.view(doc, width=screen.width))
    else:
        deliver(rich_to_text(document.view(doc)), out, force)


def rich_to_text(renderable: Any, width: int = 180) -> str:
    from ikutool.cli.output import inert_console_class
    from ikutool.errors import visible

    capture = inert_console_class()(
        width=width,
        no_color=True,
        highlight=False,
        markup=False,
        emoji=False,
        file=None,
        record=True,
    )
    with capture.capture():
        capture.print(renderable)
    return visible(capture.export_text())
