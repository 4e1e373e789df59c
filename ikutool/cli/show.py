"""``iku show``: the IKU as its document lays it out."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

from enum import StrEnum
from typing import Annotated

import typer

from ikutool.cli.common import (
    BidangOpt,
    IkuOpt,
    bidang_key,
    check_year,
    load_iku,
    sources,
)
from ikutool.cli.output import console, write


class FormatShow(StrEnum):
    table = "table"
    json = "json"


def show(
    iku_file: IkuOpt = None,
    tahun: Annotated[
        int | None, typer.Option("--tahun", metavar="TAHUN", help="Hanya target tahun ini.")
    ] = None,
    bidang: BidangOpt = None,
    format: Annotated[
        FormatShow, typer.Option("--format", "-f", metavar="FORMAT", help="table atau json.")
    ] = FormatShow.table,
) -> None:
    """Tampilkan tabel IKU seperti di dokumen: sasaran, indikator, target per tahun.

    Contoh: iku show --tahun 2019 --bidang UKM
    """
    from ikutool.render.formats.export import dumps, iku_data

    iku = load_iku(sources(iku_file)).iku
    years = list(iku.periode.tahun)
    if tahun is not None:
        check_year(iku, tahun)
        years = [tahun]
    codes = None
    key = bidang_key(iku, bidang)
    if key is not None:
        codes = {ind.kode for _, ind in iku.indikator() if iku.bidang_key(ind) == key}
    if format is FormatShow.json:
        write(dumps(iku_data(iku, [tahun] if tahun is not None else None, codes)))
        return
    from ikutool.render.documents.tables import iku_view

    out = console()
    out.print(iku_view(iku, years, codes, width=out.width))
