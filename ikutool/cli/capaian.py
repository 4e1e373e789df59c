"""``iku capaian``: the pengukuran kinerja table of one year."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ikutool.cli.common import (
    BidangOpt,
    IkuOpt,
    PkOpt,
    RealisasiOpt,
    SkalaOpt,
    agency,
    bidang_key,
    check_year,
    sources,
)
from ikutool.cli.output import console, write
from ikutool.errors import IkuError


class FormatCapaian(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def capaian(
    tahun: Annotated[
        int, typer.Option("--tahun", metavar="TAHUN", help="Tahun yang diukur, mis. 2019.")
    ],
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    pk_dir: PkOpt = None,
    bidang: BidangOpt = None,
    format: Annotated[
        FormatCapaian,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, json, csv atau markdown. (Excel/HTML: iku report --tahun ... --format xlsx)",
        ),
    ] = FormatCapaian.table,
    jelaskan: Annotated[
        bool, typer.Option("--jelaskan", help="Tampilkan perhitungan setiap angka.")
    ] = False,
    skala: SkalaOpt = None,
    batas: Annotated[
        float | None,
        typer.Option(
            "--batas",
            metavar="PERSEN",
            help="Batas atas capaian per komponen, mis. 100 atau 120 (bawaan: tanpa batas).",
        ),
    ] = None,
) -> None:
    """Hitung capaian per komponen, indikator dan sasaran untuk satu tahun (tabel pengukuran kinerja).

    Contoh: iku capaian --tahun 2019 --jelaskan
    """
    from ikutool.compute.capaian import Options, compute

    if batas is not None and not 0 < batas <= 1e6:
        raise IkuError.single(
            "IKU501",
            f"--batas harus lebih besar dari 0, mis. 100 atau 120 (tertulis {batas:g})",
            file="--batas",
            exit_code=2,
        )
    ws = agency(sources(iku_file, realisasi_dir, pk=pk_dir))
    iku = ws.iku
    check_year(iku, tahun)
    key = bidang_key(iku, bidang)
    year = ws.year(tahun)
    data = year.need_realisasi()
    pk = year.pk
    options = Options(skala=skala.value if skala else None, batas=batas, bidang=key)
    result = compute(iku, tahun, data, options, pk)
    emit(result, format, jelaskan)


def emit(result, format: FormatCapaian, jelaskan: bool) -> None:  # result: HasilCapaian
    from ikutool.render.formats import export
    from ikutool.render.wording import notice, pk_notice, sumber_text

    if format is FormatCapaian.json:
        write(export.dumps(export.capaian_data(result)))
    elif format is FormatCapaian.csv:
        write(export.capaian_csv(result))
    elif format is FormatCapaian.markdown:
        write(export.capaian_markdown(result))
    else:
        from ikutool.render.documents.tables import capaian_view

        out = console()
        out.print(capaian_view(result, explain=jelaskan, width=out.width))
    if format is not FormatCapaian.table:
        # stdout carries notices and warnings inside the data; say them on stderr for a person
        source = sumber_text(result.berkas_iku, result.berkas_realisasi)
        for line in [notice(result), pk_notice(result), *result.peringatan, source]:
            if line:
                sys.stderr.write(f"{line}\n")
