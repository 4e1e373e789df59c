"""``iku evaluasi renstra`` (E.80) and ``iku evaluasi renja`` (E.81)."""

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
    agency,
    bidang_key,
    check_year,
    deliver,
    need_out,
    refuse_out,
    sources,
)
from ikutool.cli.report import emit_laporan, out_option, report_inputs
from ikutool.errors import IkuError

if TYPE_CHECKING:
    pass


class FormatEvaluasi(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"
    docx = "docx"


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
    out: Annotated[Path | None, out_option(" (wajib untuk xlsx dan docx)")] = None,
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
    from ikutool.compute.capaian import Options
    from ikutool.reports.laporan import build_report
    from ikutool.reports.renstra import build_renstra

    if format in (FormatEvaluasi.xlsx, FormatEvaluasi.docx):
        need_out(format.value, out, f"e80.{format.value}")
    refuse_out(out, force)
    ws = agency(sources(iku_file, realisasi_dir, pk=pk_dir, program=program_dir))
    iku = ws.iku
    key = bidang_key(iku, bidang)
    years, data, pk = report_inputs(ws, None, iku.periode.awal, sampai)
    laporan = build_report(
        iku, data, years, Options(bidang=key), folder_realisasi=ws.src.realisasi_label, pk=pk
    )
    money = {y: m for y in years if (m := ws.year(y).uang()) is not None}
    last = next((p for y in reversed(years) if (p := ws.year(y).program) is not None), None)
    renstra = (
        build_renstra(iku, laporan, money, last, skala=skala.value if skala else None)
        if money or last is not None
        else None
    )
    if format is FormatEvaluasi.json:
        from ikutool.render.formats import export

        payload = export.report_data(laporan)
        payload["anggaran"] = renstra.model_dump(mode="json") if renstra is not None else None
        deliver(export.dumps(payload), out, force)
    elif format is not FormatEvaluasi.table or out is not None:
        from ikutool.cli.common import deliver_document
        from ikutool.render.documents.laporan import evaluasi_document

        deliver_document(evaluasi_document(laporan, renstra), format.value, out, force)
    else:  # the terminal: the table that fits its width, then the money and the predikat
        emit_laporan(laporan, format.value, out, force, table="evaluasi")
        if renstra is not None:
            from ikutool.cli.output import console
            from ikutool.render.blocks import Dokumen, view
            from ikutool.render.documents.laporan import renstra_blocks

            screen = console()
            screen.print(view(Dokumen("", renstra_blocks(laporan, renstra)), width=screen.width))
        return
    if out is not None or format is not FormatEvaluasi.table:
        from ikutool.render.wording import report_notices, sumber_text

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
    out: Annotated[Path | None, out_option(" (wajib untuk xlsx dan docx)")] = None,
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
    from ikutool.reports.renja import build_renja

    if format in (FormatRenja.xlsx, FormatRenja.docx):
        need_out(format.value, out, f"e81-{tahun}.{format.value}")
    refuse_out(out, force)
    ws = agency(sources(iku_file, program=program_dir))
    iku = ws.iku
    check_year(iku, tahun)
    program = ws.year(tahun).program
    if program is None:
        from ikutool.workspace.paths import shown

        raise IkuError.single(
            "IKU308",
            f"berkas program {tahun} belum ada: evaluasi Renja dibaca dari program, kegiatan dan "
            f"anggarannya",
            file=shown(ws.year(tahun).new_file("program")),
            exit_code=2,
            hint="Tulis program/<tahun>.yaml (contoh di README, bagian 'Program dan kegiatan').",
        )
    hasil = build_renja(iku, tahun, program, skala=skala.value if skala else None)
    if format is FormatRenja.json:
        from ikutool.render.documents.renja import renja_data
        from ikutool.render.formats.export import dumps

        deliver(dumps(renja_data(hasil)), out, force)
    else:
        from ikutool.cli.common import deliver_document
        from ikutool.render.documents.renja import renja_document

        deliver_document(renja_document(hasil), format.value, out, force, kertas=kertas.value)
    if out is not None or format is not FormatRenja.table:
        for line in hasil.catatan:
            sys.stderr.write(line + "\n")
