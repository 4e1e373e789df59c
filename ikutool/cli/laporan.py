"""``iku report`` and ``iku evaluasi``: reports over several years."""

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
    ProgramOpt,
    RealisasiOpt,
    SkalaOpt,
    bidang_key,
    check_year,
    deliver,
    load_iku,
    load_pk,
    load_realisasi,
    need_out,
    refuse_out,
    rich_to_text,
    sources,
)
from ikutool.cli.output import console
from ikutool.errors import IkuError

if TYPE_CHECKING:
    from ikutool.model import Iku
    from ikutool.pk import PkTahun
    from ikutool.realisasi import RealisasiTahun
    from ikutool.workspace import Sources


class FormatReport(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


class FormatEvaluasi(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"
    docx = "docx"


def _out_option(formats: str) -> object:
    return typer.Option("--out", "-o", metavar="BERKAS", help=f"Tulis ke berkas ini{formats}.")


def report_years(
    src: Sources, iku: Iku, tahun: int | None, dari: int | None, sampai: int | None
) -> tuple[list[int], dict[int, RealisasiTahun]]:
    """Years to report and the realisasi they need (plus the year before, for the change)."""
    from ikutool.realisasi import available_years
    from ikutool.workspace import template_hint

    if tahun is not None and (dari is not None or sampai is not None):
        raise IkuError.single(
            "IKU501",
            "pakai --tahun saja, atau --dari dan --sampai, jangan keduanya",
            file="--tahun",
            exit_code=2,
        )
    available = available_years(src.realisasi, iku, hint=lambda y: template_hint(src, y))
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
            from ikutool.paths import shown

            raise IkuError.single(
                "IKU308",
                f"tidak ada berkas realisasi untuk tahun {lo}-{hi} di folder ini"
                + (f" (yang ada: {', '.join(map(str, available))})" if available else ""),
                file=shown(src.realisasi),
                exit_code=2,
                hint=template_hint(src, lo),
            )
    before = [y for y in available if y < years[0]]
    need = sorted(set(years) | ({before[-1]} if before else set()))
    return years, load_realisasi(src, iku, need)


def report_inputs(
    src: Sources, iku: Iku, tahun: int | None, dari: int | None, sampai: int | None
) -> tuple[list[int], dict[int, RealisasiTahun], dict[int, PkTahun]]:
    years, data = report_years(src, iku, tahun, dari, sampai)
    return years, data, load_pk(src, iku, sorted(data))


def emit_laporan(laporan, format: str, out: Path | None, force: bool, *, table: str) -> None:
    """One place where a report becomes output: each format's renderer, to stdout or --out."""
    from ikutool.render import export
    from ikutool.render.text import report_notices, sumber_text

    if format == "json":
        deliver(export.dumps(export.report_data(laporan)), out, force)
    elif format == "markdown":
        render = export.report_markdown if table == "report" else export.evaluasi_markdown
        deliver(render(laporan), out, force)
    elif format == "html":
        from ikutool.render.html import report_html

        deliver(report_html(laporan), out, force)
    elif format == "xlsx":
        from ikutool.render.xlsx import report_xlsx

        scratch = out.resolve().parent if out is not None else None
        deliver(report_xlsx(laporan, scratch), out, force)
    else:
        from ikutool.render.tables import evaluasi_view, report_view

        if out is None:
            screen = console()
            view = (
                report_view(laporan, width=screen.width)
                if table == "report"
                else evaluasi_view(laporan, width=screen.width)
            )
            screen.print(view)
        else:
            view = report_view(laporan) if table == "report" else evaluasi_view(laporan)
            deliver(rich_to_text(view), out, force)
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
    out: Annotated[Path | None, _out_option(" (wajib untuk html dan xlsx)")] = None,
    force: ForceOpt = False,
    skala: SkalaOpt = None,
) -> None:
    """Laporan per bidang: capaian setiap tahun, perubahan, capaian terhadap target akhir Renstra.

    Tanpa --tahun atau --dari/--sampai: semua tahun yang punya berkas realisasi.

    Contoh: iku report --bidang UKM --format xlsx --out laporan-ukm.xlsx
    """
    from ikutool.capaian import Options
    from ikutool.report import build_report

    if format in (FormatReport.html, FormatReport.xlsx):
        need_out(format.value, out, f"laporan.{format.value}")
    refuse_out(out, force)
    src = sources(iku_file, realisasi_dir, pk=pk_dir)
    iku = load_iku(src).iku
    key = bidang_key(iku, bidang)
    years, data, pk = report_inputs(src, iku, tahun, dari, sampai)
    laporan = build_report(
        iku,
        data,
        years,
        Options(skala=skala.value if skala else None, bidang=key),
        folder_realisasi=src.realisasi_label,
        pk=pk,
    )
    emit_laporan(laporan, format.value, out, force, table="report")


def evaluasi(
    sampai: Annotated[
        int | None,
        typer.Option(
            "--sampai",
            metavar="TAHUN",
            help="Tahun terakhir yang dievaluasi (bawaan: tahun terakhir yang ada).",
        ),
    ] = None,
    bidang: BidangOpt = None,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    pk_dir: PkOpt = None,
    format: Annotated[
        FormatEvaluasi,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, json, markdown, xlsx atau docx (xlsx dan docx perlu --out).",
        ),
    ] = FormatEvaluasi.table,
    out: Annotated[Path | None, _out_option(" (wajib untuk xlsx dan docx)")] = None,
    force: ForceOpt = False,
    program_dir: ProgramOpt = None,
    skala: SkalaOpt = None,
) -> None:
    """Evaluasi Renstra (susunan Permendagri 86/2017, E.80): target akhir, realisasi dan capaian
    per tahun, tingkat capaian terhadap target akhir periode; anggaran setiap sasaran per tahun
    (dari berkas program atau anggaran) dan tingkat realisasinya; rata-rata dan predikat kinerja
    dan anggaran masing-masing.

    Contoh: iku evaluasi --sampai 2019, iku evaluasi renstra -f docx --out e80.docx
    """
    from ikutool.capaian import Options
    from ikutool.cli.common import load_money
    from ikutool.renstra import build_renstra
    from ikutool.report import build_report

    if format in (FormatEvaluasi.xlsx, FormatEvaluasi.docx):
        need_out(format.value, out, f"e80.{format.value}")
    refuse_out(out, force)
    src = sources(iku_file, realisasi_dir, pk=pk_dir, program=program_dir)
    iku = load_iku(src).iku
    key = bidang_key(iku, bidang)
    years, data, pk = report_inputs(src, iku, None, iku.periode.awal, sampai)
    laporan = build_report(
        iku, data, years, Options(bidang=key), folder_realisasi=src.realisasi_label, pk=pk
    )
    loaded = {y: load_money(src, iku, y) for y in years}
    money = {y: m for y, (m, _) in loaded.items() if m is not None}
    last = next((p for y in reversed(years) if (p := loaded[y][1]) is not None), None)
    renstra = (
        build_renstra(iku, laporan, money, last, skala=skala.value if skala else None)
        if money or last is not None
        else None
    )
    if format is FormatEvaluasi.json:
        from ikutool.render import export

        payload = export.report_data(laporan)
        payload["anggaran"] = renstra.model_dump(mode="json") if renstra is not None else None
        deliver(export.dumps(payload), out, force)
    elif format is not FormatEvaluasi.table or out is not None:
        from ikutool.cli.common import deliver_document
        from ikutool.render.laporan import evaluasi_document

        deliver_document(evaluasi_document(laporan, renstra), format.value, out, force)
    else:  # the terminal: the table that fits its width, then the money and the predikat
        emit_laporan(laporan, format.value, out, force, table="evaluasi")
        if renstra is not None:
            from ikutool.cli.output import console
            from ikutool.render.document import Dokumen, view
            from ikutool.render.laporan import renstra_blocks

            screen = console()
            screen.print(view(Dokumen("", renstra_blocks(laporan, renstra)), width=screen.width))
        return
    if out is not None or format is not FormatEvaluasi.table:
        from ikutool.render.text import report_notices, sumber_text

        for line in [*report_notices(laporan), *laporan.peringatan,
                     sumber_text(laporan.berkas_iku, laporan.folder_realisasi)]:  # fmt: skip
            sys.stderr.write(line + "\n")


class FormatRenja(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


class Kertas(StrEnum):
    A4 = "A4"
    F4 = "F4"


def evaluasi_renja(
    tahun: Annotated[int, typer.Option("--tahun", metavar="TAHUN", help="Tahun Renja.")],
    format: Annotated[
        FormatRenja,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, markdown, json, xlsx atau docx (xlsx dan docx perlu --out).",
        ),
    ] = FormatRenja.table,
    out: Annotated[Path | None, _out_option(" (wajib untuk xlsx dan docx)")] = None,
    force: ForceOpt = False,
    kertas: Annotated[
        Kertas,
        typer.Option("--kertas", metavar="KERTAS", help="Ukuran kertas xlsx: A4 atau F4."),
    ] = Kertas.A4,
    skala: SkalaOpt = None,
    iku_file: IkuOpt = None,
    program_dir: ProgramOpt = None,
) -> None:
    """Evaluasi hasil Renja (formulir E.81 Permendagri 86/2017): per sasaran, program, kegiatan
    dan indikator, kolom 1-15 dalam kinerja (K) dan rupiah (Rp), jumlah, rata-rata capaian dan
    predikat K dan Rp masing-masing.

    Dibaca dari program/<tahun>.yaml (program, kegiatan, indikator, pagu, realisasi per
    triwulan).

    Contoh: iku evaluasi renja --tahun 2019 --format xlsx --out e81-2019.xlsx
    """
    from ikutool.cli.common import load_program
    from ikutool.renja import build_renja

    if format in (FormatRenja.xlsx, FormatRenja.docx):
        need_out(format.value, out, f"e81-{tahun}.{format.value}")
    refuse_out(out, force)
    src = sources(iku_file, program=program_dir)
    iku = load_iku(src).iku
    check_year(iku, tahun)
    program = load_program(src, iku, tahun)
    if program is None:
        from ikutool.paths import shown

        raise IkuError.single(
            "IKU308",
            f"berkas program {tahun} belum ada: evaluasi Renja dibaca dari program, kegiatan dan "
            f"anggarannya",
            file=shown(src.program / f"{tahun}.yaml"),
            exit_code=2,
            hint="Tulis program/<tahun>.yaml (contoh di README, bagian 'Program dan kegiatan').",
        )
    hasil = build_renja(iku, tahun, program, skala=skala.value if skala else None)
    if format is FormatRenja.json:
        from ikutool.render.export import dumps
        from ikutool.render.renja import renja_data

        deliver(dumps(renja_data(hasil)), out, force)
    else:
        from ikutool.cli.common import deliver_document
        from ikutool.render.renja import renja_document

        deliver_document(renja_document(hasil), format.value, out, force, kertas=kertas.value)
    if out is not None or format is not FormatRenja.table:
        for line in hasil.catatan:
            sys.stderr.write(line + "\n")
