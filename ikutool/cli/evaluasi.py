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
from ikutool.cli.report import out_option, report_inputs
from ikutool.errors import IkuError

if TYPE_CHECKING:
    from ikutool.reports.renstra import TahunRenstra
    from ikutool.workspace.year import Agency


class FormatEvaluasi(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"
    docx = "docx"


class Kertas(StrEnum):
    A4 = "A4"
    F4 = "F4"


KertasOpt = Annotated[
    Kertas,
    typer.Option("--kertas", metavar="KERTAS", help="Ukuran kertas xlsx dan docx: A4 atau F4."),
]


def evaluasi(
    sampai: Annotated[
        int | None,
        typer.Option(
            "--sampai",
            metavar="TAHUN",
            help="Tahun terakhir yang dievaluasi (bawaan: tahun terakhir yang ada berkasnya).",
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
    kertas: KertasOpt = Kertas.A4,
    program_dir: ProgramOpt = None,
    skala: SkalaOpt = None,
) -> None:
    """Evaluasi terhadap hasil Renstra (formulir E.80 Permendagri 86/2017), disusun seperti
    E.81: per sasaran, indikator sasaran (IKU), program, kegiatan dan indikatornya; kondisi
    awal, target akhir periode, realisasi kinerja (K) dan anggaran (Rp) setiap tahun Renstra,
    realisasi dan tingkat capaian s.d. tahun yang dievaluasi; jumlah, rata-rata capaian dan
    predikat K dan Rp masing-masing.

    Program, kegiatan dan indikatornya setiap tahun sama dengan evaluasi hasil Renja (E.81)
    tahun itu; tahun yang hanya punya berkas anggaran lama memberi anggaran per program.

    Contoh: iku evaluasi --sampai 2019, iku evaluasi renstra -f docx --kertas F4 --out e80.docx
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
    n = sampai if sampai is not None else _last_year(ws)
    years, data, pk = report_inputs(ws, None, iku.periode.awal, n)
    laporan = build_report(
        iku, data, years, Options(bidang=key), folder_realisasi=ws.src.realisasi_label, pk=pk
    )
    hasil = build_renstra(
        iku, laporan, renstra_years(ws, n), n, skala=skala.value if skala else None
    )
    if format is FormatEvaluasi.json:
        from ikutool.render.documents.renstra import renstra_data
        from ikutool.render.formats.export import dumps

        deliver(dumps(renstra_data(hasil)), out, force)
    else:
        from ikutool.cli.common import deliver_document
        from ikutool.render.documents.renstra import renstra_document

        doc = renstra_document(hasil)
        deliver_document(doc, format.value, out, force, kertas=kertas.value)
    lines = list(laporan.peringatan)  # with their codes, for the officer at the terminal
    if out is not None or format is not FormatEvaluasi.table:
        from ikutool.render.wording import sumber_text

        source = [sumber_text(laporan.berkas_iku, laporan.folder_realisasi)]
        if hasil.berkas_anggaran:
            source.append("Program dan anggaran dari " + ", ".join(hasil.berkas_anggaran.values()))
        lines = [*hasil.catatan, *lines, *source]
    for line in lines:
        sys.stderr.write(line + "\n")


def _last_year(ws: Agency) -> int:
    """The last year of the period with a realisasi, program or anggaran file."""
    iku = ws.iku
    found = [
        y
        for y in iku.periode.tahun
        if ws.year(y).file("realisasi") is not None or ws.year(y).money_file is not None
    ]
    return found[-1] if found else iku.periode.akhir


def renstra_years(ws: Agency, n: int) -> dict[int, TahunRenstra]:
    """What each year of the period up to ``n`` gives E.80: its E.81 and its money, each derived
    once by the year (:class:`ikutool.workspace.year.Year`)."""
    from ikutool.reports.renstra import TahunRenstra

    out = {}
    for y in ws.iku.periode.tahun:
        if y > n:
            break
        year = ws.year(y)
        uang = year.uang()
        if uang is not None:
            out[y] = TahunRenstra(renja=year.renja(), program=year.program, uang=uang)
    return out


class FormatRenja(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


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
    kertas: KertasOpt = Kertas.A4,
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
    hasil = ws.year(tahun).renja(skala.value if skala else None)
    assert hasil is not None  # the program file exists
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
