"""``iku pohon``: the pohon kinerja drawn (SVG, PDF, Word), as the cascading sheet, the PK of each
eselon, the Matriks Peran dan Hasil, or as data (JSON); the regency's tree for ``iku rekap
--pohon``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ikutool.cli.common import (
    ForceOpt,
    IkuOpt,
    OutOpt,
    deliver,
    deliver_document,
    load_iku,
    need_out,
    refuse_out,
    sources,
    warn,
)
from ikutool.errors import IkuError

if TYPE_CHECKING:
    from ikutool.inputs.pohon import Pohon
    from ikutool.inputs.rpjmd import Rpjmd
    from ikutool.model.iku import Iku
    from ikutool.reports.pohon import HasilPohon
    from ikutool.workspace.sources import Sources


class FormatPohon(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    svg = "svg"
    pdf = "pdf"
    html = "html"
    docx = "docx"
    xlsx = "xlsx"


class DokumenPohon(StrEnum):
    pohon = "pohon"
    cascading = "cascading"
    pk = "pk"
    matriks = "matriks"


class Eselon(StrEnum):
    II = "II"
    III = "III"
    IV = "IV"


def pohon(
    tahun: Annotated[
        int | None,
        typer.Option(
            "--tahun",
            metavar="TAHUN",
            help="Tahun target (dan pagu) yang ditampilkan. Bawaan: tahun terakhir yang punya "
            "berkas program, atau tahun terakhir periode.",
        ),
    ] = None,
    dokumen: Annotated[
        DokumenPohon,
        typer.Option(
            "--dokumen",
            "-d",
            metavar="DOKUMEN",
            help="pohon (gambar), cascading (lembar cascading), pk (Perjanjian Kinerja per "
            "eselon) atau matriks (Matriks Peran dan Hasil dan RHK pejabat).",
        ),
    ] = DokumenPohon.pohon,
    format: Annotated[
        FormatPohon,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, markdown, json, svg, pdf, html, docx atau xlsx (svg dan pdf untuk "
            "gambar pohon; pdf, docx dan xlsx perlu --out).",
        ),
    ] = FormatPohon.table,
    eselon: Annotated[
        Eselon | None,
        typer.Option("--eselon", metavar="ESELON", help="PK satu eselon saja: II, III atau IV."),
    ] = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    iku_file: IkuOpt = None,
) -> None:
    """Pohon kinerja: dari sasaran RPJMD sampai sub kegiatan, dengan indikator, target dan
    pemiliknya; digambar, sebagai lembar cascading, PK per eselon atau Matriks Peran dan Hasil.

    Contoh: iku pohon --format pdf --out pohon.pdf, iku pohon -d cascading -f xlsx --out c.xlsx
    """
    if format in (FormatPohon.pdf, FormatPohon.docx, FormatPohon.xlsx):
        need_out(format.value, out, f"pohon.{format.value}")
    if format in (FormatPohon.svg, FormatPohon.pdf) and dokumen is not DokumenPohon.pohon:
        raise IkuError.single(
            "IKU501",
            f"format {format.value} untuk gambar pohon; {dokumen.value} tersedia sebagai table, "
            "markdown, html, docx atau xlsx",
            file="--format",
            exit_code=2,
        )
    refuse_out(out, force)
    src = sources(iku_file)
    iku = load_iku(src).iku
    result = year_pohon(src, iku, tahun)
    if result is None:
        raise IkuError.single(
            "IKU101",
            "pohon kinerja belum ada di ruang kerja ini; tulis pohon/pohon.yaml (contoh dan cara "
            "menulisnya: docs/pohon-kinerja.md, atau iku init --contoh)",
            file=str(src.pohon),
            exit_code=2,
        )
    _emit(result, dokumen, format, out, force, eselon)


def year_pohon(src: Sources, iku: Iku, tahun: int | None) -> HasilPohon | None:
    """The workspace's tree for ``tahun`` (None: no tree), its files' warnings said."""
    from ikutool.cli.common import check_year
    from ikutool.reports.pohon import build_pohon
    from ikutool.workspace.year import Agency

    tree, rpjmd = load_tree(src, iku)
    if tree is None:
        return None
    if tahun is None:
        tahun = _default_year(src, iku)
    check_year(iku, tahun)
    # the year's program and PK files: their own warnings are said by the commands about them
    year = Agency(src, iku).year(tahun)
    return build_pohon(iku, tree, tahun, rpjmd=rpjmd, pk=year.pk, program=year.program)


def load_tree(src: Sources, iku: Iku) -> tuple[Pohon | None, Rpjmd | None]:
    from ikutool.inputs.pohon import load_pohon
    from ikutool.inputs.rpjmd import load_rpjmd

    if src.pohon is None or not src.pohon.is_file():
        return None, None
    rpjmd = load_rpjmd(src.rpjmd) if src.rpjmd is not None and src.rpjmd.is_file() else None
    if rpjmd is not None:
        warn(rpjmd.findings)
    tree = load_pohon(src.pohon, iku, rpjmd)
    warn(tree.findings)
    return tree, rpjmd


def _default_year(src: Sources, iku: Iku) -> int:
    from ikutool.inputs.kind import years_in

    years = [y for y in years_in(src.program) if y in iku.periode.tahun]
    return years[-1] if years else iku.periode.akhir


def _emit(
    h: HasilPohon,
    dokumen: DokumenPohon,
    format: FormatPohon,
    out: Path | None,
    force: bool,
    eselon: Eselon | None,
) -> None:
    from ikutool.render.documents import pohon as docs

    if format is FormatPohon.json:
        from ikutool.render.formats.export import dumps

        deliver(dumps(docs.pohon_data(h)), out, force)
        return
    if format in (FormatPohon.svg, FormatPohon.pdf):
        pages = docs.picture_pages(h, f"Pohon Kinerja {h.instansi} {h.tahun}")
        if format is FormatPohon.svg:
            from ikutool.render.pohon.svg import pages_svg

            deliver(pages_svg(pages), out, force)
        else:
            from ikutool.render.pohon.pdf import pages_pdf

            deliver(pages_pdf(pages, f"Pohon Kinerja {h.instansi} {h.tahun}"), out, force)
        _said(h)
        return
    if dokumen is DokumenPohon.pohon and format is FormatPohon.xlsx:
        dokumen = DokumenPohon.cascading  # a workbook holds the tree as its table
    build = {
        DokumenPohon.pohon: docs.pohon_document,
        DokumenPohon.cascading: docs.cascading_document,
        DokumenPohon.matriks: docs.matriks_document,
    }
    if dokumen is DokumenPohon.pk:
        doc = docs.pk_document(h, eselon.value if eselon else None)
    elif dokumen is DokumenPohon.pohon:
        doc = docs.pohon_document(h, pictures=format in (FormatPohon.docx, FormatPohon.html))
    else:
        doc = build[dokumen](h)
    deliver_document(doc, format.value, out, force)
    _said(h)


def _said(h: HasilPohon) -> None:
    for line in h.catatan:
        sys.stderr.write(line + "\n")


def rekap_pohon(
    folder: Path, tahun: int | None, format: str, out: Path | None, force: bool
) -> None:
    """``iku rekap --pohon FOLDER``: the regency's tree from each agency's links to the RPJMD."""
    from ikutool.cli.output import write_findings
    from ikutool.reports.pohon_rekap import build_pohon_kabupaten

    if format not in ("table", "markdown", "json", "svg", "pdf", "html", "docx"):
        raise IkuError.single(
            "IKU501",
            "pohon kabupaten tersedia sebagai table, markdown, json, svg, pdf, html atau docx",
            file="--format",
            exit_code=2,
        )
    if format in ("pdf", "docx"):
        need_out(format, out, f"pohon-kabupaten.{format}")
    if not folder.is_dir():
        raise IkuError.single("IKU101", "folder tidak ada", file=str(folder), exit_code=2)
    refuse_out(out, force)
    k = build_pohon_kabupaten(folder, tahun)
    if not k.instansi and not k.galat:
        raise IkuError.single(
            "IKU308",
            "tidak ada ruang kerja instansi dengan pohon kinerja (pohon/pohon.yaml) di folder ini",
            file=str(folder),
            exit_code=2,
        )
    if format == "json":
        from ikutool.render.formats.export import dumps

        deliver(dumps(k.to_dict()), out, force)
    elif format in ("svg", "pdf"):
        from ikutool.render.documents.pohon_rekap import regency_pages

        pages = regency_pages(k)
        if format == "svg":
            from ikutool.render.pohon.svg import pages_svg

            deliver(pages_svg(pages), out, force)
        else:
            from ikutool.render.pohon.pdf import pages_pdf

            deliver(pages_pdf(pages, "Pohon Kinerja Kabupaten"), out, force)
    else:
        from ikutool.render.documents.pohon_rekap import regency_document

        deliver_document(
            regency_document(k, pictures=format in ("html", "docx")), format, out, force
        )
    write_findings(sys.stderr, [*k.galat, *k.findings])
    if k.galat:
        raise typer.Exit(1)
