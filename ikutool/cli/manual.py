"""``iku manual``: the Manual IKU document (one block per indicator)."""

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
    bidang_key,
    deliver,
    deliver_document,
    load_iku,
    need_out,
    refuse_out,
    sources,
)


class FormatManual(StrEnum):
    table = "table"
    markdown = "markdown"
    html = "html"
    docx = "docx"
    json = "json"


def manual(
    format: Annotated[
        FormatManual,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, markdown, html, docx atau json (html dan docx perlu --out).",
        ),
    ] = FormatManual.table,
    out: OutOpt = None,
    force: ForceOpt = False,
    iku_file: IkuOpt = None,
    bidang: BidangOpt = None,
) -> None:
    """Dokumen Manual IKU: satu blok per indikator.

    Per indikator: definisi, alasan, formula, satuan, polaritas, frekuensi, kondisi awal,
    target setiap tahun, sumber data, penanggung jawab dan penyedia data; yang belum ditulis di
    berkas IKU ditandai "diisi: ...".

    Contoh: iku manual --format docx --out manual-iku.docx
    """
    from ikutool.definition.manual import build_manual
    from ikutool.render.documents.manual import completeness

    if format in (FormatManual.html, FormatManual.docx):
        need_out(format.value, out, f"manual-iku.{format.value}")
    refuse_out(out, force)
    iku = load_iku(sources(iku_file)).iku
    key = bidang_key(iku, bidang)
    codes = (
        {ind.kode for _, ind in iku.indikator() if iku.bidang_key(ind) == key}
        if key is not None
        else None
    )
    result = build_manual(iku, codes)
    if format is FormatManual.json:
        from ikutool.render.formats.export import dumps, manual_data

        deliver(dumps(manual_data(result)), out, force)
        return
    from ikutool.render.documents.manual import manual_document

    deliver_document(manual_document(result), format.value, out, force)
    # what is still to be written: for the officer, never in the document
    for line in completeness(result):
        sys.stderr.write(line + "\n")
