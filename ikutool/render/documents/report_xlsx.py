"""The report as an Excel workbook laid out like the LKjIP table (openpyxl).

Figures are stored as numbers at full precision with number formats, so Excel shows them in the
reader's locale (1.234,56 on an Indonesian Windows) and they can still be computed with.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ikutool.compute.capaian import HasilCapaian
from ikutool.render.formats.xlsx_cells import (
    FACE,
    HEAD,
    KATEGORI_FILL,
    MEAN,
    PCT,
    WRAP,
    a4,
    cell_at,
    fit_rows,
    merge,
    number_format,
    put,
    save_workbook,
    style,
)
from ikutool.render.wording import (
    laporan_bidang_label,
    notice,
    report_notices,
    sasaran_means,
)


def _title(
    ws: Any, row: int, text: str, ncols: int, *, bold: bool = True, colour: str | None = None
) -> None:
    cell_at(ws, row, 1, text).font = Font(
        name=FACE, bold=bold, size=12 if bold else 11, color=colour
    )
    merge(ws, row, 1, row, ncols)
    ws.cell(row=row, column=1).alignment = Alignment(horizontal="center")


def _kategori(ws: Any, row: int, col: int, label: str | None) -> None:
    put(ws, row, col, label or "-", colour=KATEGORI_FILL.get(label or ""))


def _figure(ws: Any, row: int, col: int, cell: Any, fmt: str, **kw: Any) -> None:
    """A figure stored as a number (Excel can compute with it) showing its marks ("(PK)", "(!)",
    "*)") through the number format; text when it is not one number."""
    if cell.angka is None:
        put(ws, row, col, cell.teks, **kw)
        return
    marks = cell.tanda.replace('"', "")
    put(ws, row, col, cell.angka, fmt + (f'"{marks}"' if marks else ""), **kw)


def year_sheet(wb: Workbook, result: HasilCapaian, laporan: Any) -> None:
    from ikutool.render.documents.pengukuran import table

    t = table(result, document=True)
    ws = wb.create_sheet(str(result.tahun))
    heads = t.header
    n = len(heads)
    _title(ws, 1, result.instansi.upper(), n)
    if laporan.pemerintah:
        _title(ws, 2, laporan.pemerintah.upper(), n)
    _title(ws, 3, t.judul.upper(), n)
    note = notice(result)
    if note:
        _title(ws, 4, note, n, bold=True, colour="C00000")
    header_row = 6
    for col, h in enumerate(heads, 1):
        style(cell_at(ws, header_row, col, h), bold=True, colour=HEAD, align="center")
    row = header_row + 1
    block_start = row
    for b in t.baris:
        if b.no and row > block_start:  # a new sasaran: merge the last one's No and Sasaran
            _merge_sasaran(ws, block_start, row - 1)
            block_start = row
        if b.jenis in ("bidang", "instansi"):
            if block_start < row:
                _merge_sasaran(ws, block_start, row - 1)
            block_start = row + 1
        shade = MEAN if b.tebal else None
        put(ws, row, 1, int(b.no) if b.no else None, colour=shade)
        put(ws, row, 2, b.sasaran or None, colour=shade)
        put(ws, row, 3, b.indikator, bold=b.tebal, colour=shade)
        put(ws, row, 4, b.satuan or None, colour=shade)
        _figure(ws, row, 5, b.target, number_format(b.target.angka), colour=shade)
        shown = b.realisasi.angka
        if shown is not None and b.realisasi.desimal is not None:
            shown = round(shown, b.realisasi.desimal)  # the format only: the cell keeps it all
        _figure(ws, row, 6, b.realisasi, number_format(shown), colour=shade)
        _figure(ws, row, 7, b.capaian, PCT, bold=b.tebal, colour=shade)
        if b.jenis in ("komponen", "judul"):
            put(ws, row, 8, None, colour=shade)
        else:
            _kategori(ws, row, 8, b.kategori)
        row += 1
    if block_start < row:
        _merge_sasaran(ws, block_start, row - 1)
    footer = [*t.catatan, f"Skala kategori: {result.skala}"]
    if note:
        footer.append(note)
    for i, text in enumerate(footer):
        cell = cell_at(ws, row + 1 + i, 1, text)
        if text == note:
            cell.font = Font(name=FACE, bold=True, color="C00000")
        merge(ws, row + 1 + i, 1, row + 1 + i, n)
        cell.alignment = WRAP
    # a figure shown through its number format never wraps: its column holds the widest one,
    # marks included ("100,00 (tercapai) (!)"), else Excel shows ###
    widths = [5, 34, 44, 18, 12, 12, 12, 15]
    for col, attr in ((5, "target"), (6, "realisasi"), (7, "capaian")):
        texts = [getattr(b, attr) for b in t.baris]
        widest = max((len(c.teks) for c in texts if c.angka is not None), default=0)
        widths[col - 1] = min(max(widths[col - 1], widest + 2), 30)
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    fit_rows(ws, header_row, row - 1)
    for i, text in enumerate(footer):  # a merged note spans the whole width
        ws.row_dimensions[row + 1 + i].height = 15 * max(1, math.ceil(len(text) / 150))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    a4(ws, header_row)


def _merge_sasaran(ws: Any, first: int, last: int) -> None:
    if last > first:
        merge(ws, first, 1, last, 1)
        merge(ws, first, 2, last, 2)


def _status_text(status: str) -> str:
    from ikutool.compute.capaian import STATUS_TEXT

    return STATUS_TEXT.get(status, status)


def trend_sheet(wb: Workbook, laporan: Any) -> None:
    ws = wb.create_sheet("Tren")
    years = laporan.tahun
    heads = ["Kode", "Sasaran / Indikator"] + [f"Capaian {y} (%)" for y in years]
    heads += [f"Thd target akhir {laporan.periode_akhir} (%)", "Kategori"]
    n = len(heads)
    _title(ws, 1, laporan.instansi.upper(), n)
    title = f"TREN CAPAIAN KINERJA {years[0]}-{years[-1]}"
    if laporan.bidang_nama:
        title += f" - BIDANG {laporan.bidang_nama.upper()}"
    _title(ws, 2, title, n)
    notes = report_notices(laporan)
    for i, text in enumerate(notes):
        _title(ws, 3 + i, text, n, colour="C00000")
    header_row = 4 + len(notes)
    for col, h in enumerate(heads, 1):
        style(cell_at(ws, header_row, col, h), bold=True, colour=HEAD, align="center")
    row = header_row + 1
    for sas in laporan.sasaran:
        for k, (label, values, _kat) in enumerate(sasaran_means(laporan, sas)):
            put(ws, row, 1, sas.kode if k == 0 else "", bold=True, colour=MEAN)
            put(ws, row, 2, f"{sas.uraian} - {label}" if k == 0 else label, bold=True, colour=MEAN)
            for i, y in enumerate(years):
                put(ws, row, 3 + i, values.get(y), PCT, bold=True, colour=MEAN)
            put(ws, row, 3 + len(years), "", colour=MEAN)
            put(ws, row, 4 + len(years), "", colour=MEAN)
            row += 1
        for ind in sas.indikator:
            put(ws, row, 1, ind.kode)
            put(ws, row, 2, ind.uraian)
            for i, r in enumerate(ind.tahun):
                value = r.hasil.capaian
                put(
                    ws,
                    row,
                    3 + i,
                    value if value is not None else _status_text(r.hasil.status),
                    PCT,
                )
            latest = ind.terakhir
            put(ws, row, 3 + len(years), latest.capaian_target_akhir if latest else "-", PCT)
            _kategori(ws, row, 4 + len(years), latest.kategori_target_akhir if latest else None)
            row += 1
    means = [("Capaian rata-rata sasaran (instansi)", laporan.capaian)]
    if laporan.bidang:
        means = [
            (laporan_bidang_label(laporan), laporan.capaian_bidang),
            ("Capaian instansi (rata-rata semua sasaran, semua bidang)", laporan.capaian),
        ]
    for label, values in means:
        put(ws, row, 2, label, bold=True)
        for i, y in enumerate(years):
            put(ws, row, 3 + i, values.get(y), PCT, bold=True)
        row += 1
    row -= 1
    for col, width in enumerate([8, 60] + [14] * len(years) + [16, 15], 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    fit_rows(ws, header_row, row)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=3)
    a4(ws, header_row)


def report_xlsx(laporan: Any, scratch: Path | None = None) -> bytes:
    """The workbook's bytes. openpyxl spools each sheet through a temporary file: ``scratch``
    (the output's own folder) is used for those, so a full system temp folder does not matter."""
    wb = Workbook()
    wb.remove(wb.active)
    for result in laporan.per_tahun:
        year_sheet(wb, result, laporan)
    trend_sheet(wb, laporan)
    chart_sheets(wb, laporan)
    return save_workbook(wb, scratch, asal=laporan_provenance(laporan))


def chart_sheets(wb: Workbook, laporan: Any) -> None:
    """The report's charts (as in its HTML), each on a sheet of its own with its figures as
    cells and Excel's chart drawn from them."""
    from ikutool.render.charts.xlsx import chart_sheet
    from ikutool.render.documents.grafik import laporan_charts

    for g in laporan_charts(laporan):
        chart_sheet(wb, g)


def laporan_provenance(laporan: Any) -> list[str]:
    from ikutool import __version__

    return [
        f"Disusun dengan ikutool {__version__}.",
        f"IKU: {laporan.berkas_iku}",
        f"Realisasi: {laporan.folder_realisasi}",
    ]
