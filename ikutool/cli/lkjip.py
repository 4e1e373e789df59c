"""``iku lkjip``: the LKjIP Bab II and III (and the evaluators' checklist with --periksa)."""

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
    PkOpt,
    ProgramOpt,
    RealisasiOpt,
    SkalaOpt,
    agency,
    check_year,
    deliver,
    deliver_document,
    need_out,
    refuse_out,
    rich_to_text,
    sources,
)
from ikutool.cli.output import console
from ikutool.errors import IkuError

if TYPE_CHECKING:
    from ikutool.compute.capaian import Options
    from ikutool.reports.lkjip import Lkjip
    from ikutool.workspace.year import Agency


class FormatLkjip(StrEnum):
    table = "table"
    markdown = "markdown"
    html = "html"
    docx = "docx"
    json = "json"


def lkjip(
    tahun: Annotated[
        int, typer.Option("--tahun", metavar="TAHUN", help="Tahun laporan, mis. 2019.")
    ],
    periksa: Annotated[
        bool,
        typer.Option(
            "--periksa",
            help="Daftar periksa evaluator: tujuh analisis per sasaran, ada atau belum, dan berkas "
            "serta kunci yang mengisinya.",
        ),
    ] = False,
    format: Annotated[
        FormatLkjip,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, markdown, html, docx atau json (html dan docx perlu --out).",
        ),
    ] = FormatLkjip.table,
    out: OutOpt = None,
    force: ForceOpt = False,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    pk_dir: PkOpt = None,
    anggaran_dir: Annotated[
        Path | None,
        typer.Option(
            "--anggaran",
            metavar="FOLDER",
            help="Folder realisasi anggaran versi lama (<tahun>.yaml; berkas program "
            "menggantikannya). Bawaan: folder anggaran ruang kerja.",
        ),
    ] = None,
    program_dir: ProgramOpt = None,
    skala: SkalaOpt = None,
    kolofon: Annotated[
        bool,
        typer.Option(
            "--kolofon",
            help="Tambahkan halaman terakhir berisi berkas sumber angka (untuk arsip sendiri; "
            "tanpa pilihan ini, sumbernya hanya di properti dokumen dan di terminal).",
        ),
    ] = False,
) -> None:
    """LKjIP Bab II (Perjanjian Kinerja) dan Bab III (tujuh analisis per sasaran, realisasi
    anggaran), dengan lampiran dan blok tanda tangan; tulisan petugas yang belum ada ditandai
    "diisi: ...".

    Contoh: iku lkjip --tahun 2019 --format docx --out lkjip-2019.docx
    """
    from ikutool.compute.capaian import Options

    if format in (FormatLkjip.html, FormatLkjip.docx):
        need_out(format.value, out, f"lkjip-{tahun}.{format.value}")
    refuse_out(out, force)
    ws = agency(
        sources(iku_file, realisasi_dir, pk=pk_dir, anggaran=anggaran_dir, program=program_dir)
    )
    check_year(ws.iku, tahun)
    result = year_lkjip(ws, tahun, Options(skala=skala.value if skala else None))[0]
    if periksa:
        _checklist(result, format, out, force)
    else:
        from ikutool.cli.pohon import year_pohon

        tree = year_pohon(ws.src, ws.iku, tahun) if format is not FormatLkjip.json else None
        _document(result, format, out, force, kolofon, tree)
    if format is not FormatLkjip.table or out is not None:
        from ikutool.render.documents.lkjip import provenance

        # where the figures came from: said here, not in the document the officer hands in
        for line in [*result.catatan, *result.peringatan, *provenance(result)[1:]]:
            sys.stderr.write(line + "\n")


def _document(
    result, format: FormatLkjip, out: Path | None, force: bool, kolofon: bool, tree=None
) -> None:
    from ikutool.render.documents.lkjip import lkjip_document
    from ikutool.render.formats import export

    if format is FormatLkjip.json:
        deliver(export.dumps(export.lkjip_data(result)), out, force)
        return
    deliver_document(lkjip_document(result, kolofon=kolofon, pohon=tree), format.value, out, force)


def _checklist(result, format: FormatLkjip, out: Path | None, force: bool) -> None:
    from ikutool.render.formats import export

    if format is FormatLkjip.json:
        data = {"tahun": result.tahun, "kelengkapan": export.lkjip_data(result)["kelengkapan"]}
        deliver(export.dumps(data), out, force)
    elif format in (FormatLkjip.markdown, FormatLkjip.table):
        from ikutool.render.documents.tables import kelengkapan_view

        if format is FormatLkjip.markdown:
            deliver(export.kelengkapan_markdown(result), out, force)
        elif out is None:
            console().print(kelengkapan_view(result))
        else:
            deliver(rich_to_text(kelengkapan_view(result)), out, force)
    else:
        raise IkuError.single(
            "IKU501",
            "--periksa ditampilkan sebagai table, markdown atau json",
            file="--format",
            exit_code=2,
        )


def year_lkjip(ws: Agency, tahun: int, options: Options) -> tuple[Lkjip, dict, dict]:
    """The year's LKjIP from the workspace's files, with the realisasi and PK it read (the
    year's and every earlier year's): ``iku lkjip`` and ``iku lke`` read them the same way."""
    from ikutool.reports.lkjip import build_lkjip

    data = ws.history(tahun)
    pk = ws.pk(sorted(data))
    result = build_lkjip(
        ws.iku,
        tahun,
        data,
        pk=pk,
        anggaran=ws.year(tahun).uang(),
        options=options,
        folder_realisasi=ws.src.realisasi_label,
        anggaran_folder=ws.src.program_label,
    )
    return result, data, pk
