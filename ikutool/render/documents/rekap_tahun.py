"""The yearly roll-up across agencies (``iku rekap --tahun``) as documents
(:mod:`ikutool.render.blocks`): the page (HTML: the table, the summary, the ranking chart) and
the workbook (Excel: the table, every agency's sasaran, the chart on a sheet of its own). Each is
built here once as blocks; the format's renderer only renders.
"""

from __future__ import annotations

from typing import Any

from ikutool.formatting.numbers import format_angka
from ikutool.render.blocks import Angka, Block, Dokumen, Heading, Lembar, Para, Run, Tabel
from ikutool.render.documents.rekap import (
    _name,
    _summary,
    _title,
    _year,
    header,
    notice,
    rekap_chart,
    rows,
)
from ikutool.reports.rekap import Rekap


def _numeric(head: str) -> bool:
    return head in ("No", "Indikator") or ("(%)" in head and "sasaran" not in head)


def _table(rekap: Rekap) -> Tabel:
    """An agency a row: its figures as :class:`Angka` (a workbook stores the numbers), an
    agency whose files could not be read in red."""
    heads = header(rekap)
    body: list[list[Run]] = []
    for b, text_row in zip(rekap.baris, rows(rekap), strict=True):
        cells: list[Run] = []
        for h, text in zip(heads, text_row, strict=True):
            cells.append(_cell(rekap, b, h, text))
        if b.galat:
            cells = [(c, "alert") if isinstance(c, str) and c else c for c in cells]
        body.append(cells)
    align = ["r" if _numeric(h) else "l" for h in heads]
    widths = [5.0, 44.0, 10.0, 14.0]
    widths += [34.0 if "per sasaran" in h else 14.0 for h in heads[4:-1]] + [50.0]
    lembar = Lembar(nama="Rekap", beku_kolom=2, lebar=widths)
    return Tabel("", "", heads, body, align, lembar=lembar)


def _cell(rekap: Rekap, b: Any, head: str, text: str) -> Run:
    if head.startswith("Capaian ") and "per sasaran" not in head:
        year = rekap.tahun[-1] if len(rekap.tahun) == 1 else int(head.split()[1])
        t = _year(b, year)
        if t is not None and t.capaian is not None:
            return Angka(text, t.capaian)
    return text


def rekap_page(rekap: Rekap) -> Dokumen:
    """The roll-up as one page (HTML)."""
    note = notice(rekap)
    warn: list[Block] = [Para([note], kind="note")] if note else []
    blocks: list[Block] = [Heading(0, _title(rekap)), *warn, _table(rekap)]
    blocks.append(Para([_summary(rekap)]))
    chart = rekap_chart(rekap)
    if chart is not None:
        blocks.append(chart)
    blocks += warn
    return Dokumen(_title(rekap), blocks, landscape=True, gaya="layar")


def rekap_book(rekap: Rekap) -> Dokumen:
    """The roll-up as a workbook: the table, every agency's sasaran a row, the chart."""
    note = notice(rekap)
    table = _table(rekap)
    table.catatan = [_summary(rekap)]
    blocks: list[Block] = [Heading(1, _title(rekap))]
    blocks += [Para([note], kind="note")] if note else []
    blocks += [table, Heading(1, f"{_title(rekap)}: CAPAIAN PER SASARAN"), _sasaran(rekap)]
    chart = rekap_chart(rekap)
    if chart is not None:
        blocks.append(chart)
    return Dokumen(_title(rekap), blocks, landscape=True)


def _sasaran(rekap: Rekap) -> Tabel:
    from ikutool.compute.capaian import STATUS_TEXT

    body: list[list[Run]] = []
    for b in rekap.baris:
        for t in b.tahun:
            for s in t.sasaran:
                capaian: Run = (
                    Angka(format_angka(s.capaian, 2), s.capaian)
                    if s.capaian is not None
                    else STATUS_TEXT.get(s.status, "-")
                )
                year = Angka(str(t.tahun), t.tahun)
                body.append([_name(b), year, s.kode, s.uraian, capaian, s.kategori or "-"])
    heads = ["Instansi (folder)", "Tahun", "Sasaran", "Uraian", "Capaian (%)", "Kategori"]
    lembar = Lembar(nama="Sasaran", lebar=[40.0, 8.0, 10.0, 60.0, 12.0, 16.0])
    return Tabel("", "", heads, body, ["l", "r", "l", "l", "r", "l"], lembar=lembar)
