"""``iku triwulan``: the quarterly performance report."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ikutool.cli.common import (
    BidangOpt,
    ForceOpt,
    IkuOpt,
    OutOpt,
    PkOpt,
    ProgramOpt,
    RealisasiOpt,
    RenaksiOpt,
    SkalaOpt,
    agency,
    bidang_key,
    check_year,
    deliver,
    deliver_document,
    need_out,
    refuse_out,
    sources,
)
from ikutool.errors import IkuError


class FormatTriwulan(StrEnum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


def quarter_option(tw: str) -> str:
    """``--tw 2``, ``--tw II``, ``--tw tw2`` -> "II"; anything else is a usage error."""
    from ikutool.model.quarters import quarter_name

    name = quarter_name(tw)
    if name is None:
        raise IkuError.single(
            "IKU501",
            f"triwulan '{tw}' tidak ada; pakai 1, 2, 3 atau 4 (atau I, II, III, IV)",
            file="--tw",
            exit_code=2,
        )
    return name


TwOpt = Annotated[
    str,
    typer.Option("--tw", metavar="N", help="Triwulan: 1, 2, 3 atau 4 (atau I-IV)."),
]


def triwulan(
    tahun: Annotated[int, typer.Option("--tahun", metavar="TAHUN", help="Tahun laporan.")],
    tw: TwOpt,
    format: Annotated[
        FormatTriwulan,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, markdown, csv, json, xlsx atau docx (xlsx dan docx perlu --out).",
        ),
    ] = FormatTriwulan.table,
    out: OutOpt = None,
    force: ForceOpt = False,
    bidang: BidangOpt = None,
    skala: SkalaOpt = None,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    pk_dir: PkOpt = None,
    renaksi_dir: RenaksiOpt = None,
    program_dir: ProgramOpt = None,
) -> None:
    """Laporan kinerja triwulan: capaian triwulan dan s.d. triwulan, anggaran program.

    Per indikator: target dan realisasi triwulan, capaian triwulan, realisasi s.d. triwulan
    terhadap target tahunan (menurut aturan triwulan tiap indikator); realisasi anggaran
    program s.d. triwulan. Target triwulan dibaca dari rencana aksi (renaksi/<tahun>.yaml), realisasi triwulan dari
    berkas realisasi (isian 'triwulan'), anggaran dari program/<tahun>.yaml.

    Contoh: iku triwulan --tahun 2019 --tw 2 --format docx --out triwulan-2019-II.docx
    """
    from ikutool.reports.triwulan import build_triwulan

    name = quarter_option(tw)
    if format in (FormatTriwulan.xlsx, FormatTriwulan.docx):
        need_out(format.value, out, f"triwulan-{tahun}-{name}.{format.value}")
    refuse_out(out, force)
    src = sources(iku_file, realisasi_dir, pk=pk_dir, renaksi=renaksi_dir, program=program_dir)
    ws = agency(src)
    iku = ws.iku
    check_year(iku, tahun)
    key = bidang_key(iku, bidang)
    year = ws.year(tahun)
    pk, renaksi, program = year.pk, year.renaksi, year.program
    ws.require_realisasi_folder(tahun)
    realisasi = year.realisasi
    hasil = build_triwulan(
        iku, tahun, name, realisasi=realisasi, renaksi=renaksi, pk=pk, program=program,
        skala=skala.value if skala else None, bidang=key, berkas={"iku": src.iku_label},
    )  # fmt: skip
    missing = []
    if realisasi is None:
        missing.append(f"berkas realisasi {tahun} belum ada: kolom realisasi kosong")
    if renaksi is None:
        missing.append(
            f"rencana aksi {tahun} belum ada: target triwulan kosong (buat dengan "
            f"'iku renaksi template --tahun {tahun}')"
        )
    if format is FormatTriwulan.json:
        from ikutool.render.documents.triwulan import triwulan_data
        from ikutool.render.formats.export import dumps

        deliver(dumps(triwulan_data(hasil)), out, force)
    elif format is FormatTriwulan.csv:
        from ikutool.render.documents.triwulan import triwulan_csv

        deliver(triwulan_csv(hasil), out, force)
    else:
        from ikutool.render.documents.triwulan import triwulan_document

        deliver_document(triwulan_document(hasil), format.value, out, force)
    for line in [*missing, *(hasil.catatan if out is not None or format.value != "table" else [])]:
        sys.stderr.write(line + "\n")
