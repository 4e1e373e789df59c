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
    from ikutool.model.iku import Iku
    from ikutool.workspace.sources import Sources
    from ikutool.workspace.year import Agency


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


def agency(src: Sources) -> Agency:
    """The workspace's IKU (its warnings said) and its years, each file read once."""
    from ikutool.workspace.year import Agency

    return Agency(src, load_iku(src).iku, warn=warn)


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
