"""``iku report``: a bidang's (or the agency's) report over several years; the reading of
several years that ``iku evaluasi renstra`` shares."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ikutool.cli.common import (
    BidangOpt,
    ForceOpt,
    IkuOpt,
    PkOpt,
    RealisasiOpt,
    SkalaOpt,
    agency,
    bidang_key,
    check_year,
    deliver,
    need_out,
    refuse_out,
    rich_to_text,
    sources,
)
from ikutool.cli.output import console
from ikutool.errors import IkuError

if TYPE_CHECKING:
    from ikutool.inputs.pk import PkTahun
    from ikutool.inputs.realisasi import RealisasiTahun
    from ikutool.workspace.year import Agency


class FormatReport(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


def out_option(formats: str) -> object:
    return typer.Option("--out", "-o", metavar="BERKAS", help=f"Tulis ke berkas ini{formats}.")


def report_years(
    ws: Agency, tahun: int | None, dari: int | None, sampai: int | None
) -> tuple[list[int], dict[int, RealisasiTahun]]:
    """Years to report and the realisasi they need (plus the year before, for the change)."""
    iku = ws.iku

    if tahun is not None and (dari is not None or sampai is not None):
        raise IkuError.single(
            "IKU501",
            "pakai --tahun saja, atau --dari dan --sampai, jangan keduanya",
            file="--tahun",
            exit_code=2,
        )
    available = ws.realisasi_years()
    if tahun is not None:
        check_year(iku, tahun)
        years = [tahun]
    else:
        lo = dari if dari is not None else iku.periode.awal
        hi = sampai if sampai is not None else iku.periode.akhir
        for y, option in ((lo, "--dari"), (hi, "--sampai")):
            check_year(iku, y, option)
        if lo > hi:
            raise IkuError.single(
                "IKU501", f"--dari {lo} lebih besar dari --sampai {hi}", file="--dari", exit_code=2
            )
        years = [y for y in available if lo <= y <= hi]
        if not years:
            from ikutool.workspace.paths import shown

            raise IkuError.single(
                "IKU308",
                f"tidak ada berkas realisasi untuk tahun {lo}-{hi} di folder ini"
                + (f" (yang ada: {', '.join(map(str, available))})" if available else ""),
                file=shown(ws.src.realisasi),
                exit_code=2,
                hint=ws.hint(lo),
            )
    before = [y for y in available if y < years[0]]
    need = sorted(set(years) | ({before[-1]} if before else set()))
    return years, ws.realisasi(need)


def report_inputs(
    ws: Agency, tahun: int | None, dari: int | None, sampai: int | None
) -> tuple[list[int], dict[int, RealisasiTahun], dict[int, PkTahun]]:
    years, data = report_years(ws, tahun, dari, sampai)
    return years, data, ws.pk(sorted(data))


def emit_laporan(laporan, format: str, out: Path | None, force: bool) -> None:
    """One place where a report becomes output: each format's renderer, to stdout or --out."""
    from ikutool.render.formats import export
    from ikutool.render.wording import report_notices, sumber_text

    if format == "json":
        deliver(export.dumps(export.report_data(laporan)), out, force)
    elif format == "markdown":
        deliver(export.report_markdown(laporan), out, force)
    elif format == "html":
        from ikutool.render.documents.report import report_page
        from ikutool.render.formats.html import html

        deliver(html(report_page(laporan)), out, force)
    elif format == "xlsx":
        from ikutool.render.documents.report import report_book
        from ikutool.render.formats.xlsx import document_xlsx

        scratch = out.resolve().parent if out is not None else None
        deliver(document_xlsx(report_book(laporan), scratch=scratch), out, force)
    else:
        from ikutool.render.documents.tables_laporan import report_view

        if out is None:
            screen = console()
            screen.print(report_view(laporan, width=screen.width))
        else:
            deliver(rich_to_text(report_view(laporan)), out, force)
    if out is not None or format != "table":
        # stdout (or the file) carries them inside; say them on stderr for a person too
        source = sumber_text(laporan.berkas_iku, laporan.folder_realisasi)
        for line in [*report_notices(laporan), *laporan.peringatan, source]:
            sys.stderr.write(line + "\n")


def report(
    bidang: BidangOpt = None,
    tahun: Annotated[
        int | None, typer.Option("--tahun", metavar="TAHUN", help="Satu tahun saja.")
    ] = None,
    dari: Annotated[
        int | None, typer.Option("--dari", metavar="TAHUN", help="Tahun awal rentang.")
    ] = None,
    sampai: Annotated[
        int | None, typer.Option("--sampai", metavar="TAHUN", help="Tahun akhir rentang.")
    ] = None,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    pk_dir: PkOpt = None,
    format: Annotated[
        FormatReport,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, json, markdown, html atau xlsx (html dan xlsx perlu --out).",
        ),
    ] = FormatReport.table,
    out: Annotated[Path | None, out_option(" (wajib untuk html dan xlsx)")] = None,
    force: ForceOpt = False,
    skala: SkalaOpt = None,
) -> None:
    """Laporan per bidang: capaian setiap tahun, perubahan, capaian terhadap target akhir Renstra.

    Tanpa --tahun atau --dari/--sampai: semua tahun yang punya berkas realisasi.

    Contoh: iku report --bidang UKM --format xlsx --out laporan-ukm.xlsx
    """
    from ikutool.compute.capaian import Options
    from ikutool.reports.laporan import build_report

    if format in (FormatReport.html, FormatReport.xlsx):
        need_out(format.value, out, f"laporan.{format.value}")
    refuse_out(out, force)
    ws = agency(sources(iku_file, realisasi_dir, pk=pk_dir))
    iku = ws.iku
    key = bidang_key(iku, bidang)
    years, data, pk = report_inputs(ws, tahun, dari, sampai)
    laporan = build_report(
        iku,
        data,
        years,
        Options(skala=skala.value if skala else None, bidang=key),
        folder_realisasi=ws.src.realisasi_label,
        pk=pk,
    )
    emit_laporan(laporan, format.value, out, force)
