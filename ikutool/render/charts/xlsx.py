"""A chart in a workbook as Excel's own: its figures written as cells on a sheet of its own, and
a chart drawn from those cells (openpyxl), so the officer can restyle it or copy it into a slide.

Excel and LibreOffice draw a reference line only across vertical bars (a line series over the
same categories), so the workbook's chart stands its bars upright whatever the picture in Word
does; its categories are the short labels (codes, years), the names standing beside them in the
cells."""

from __future__ import annotations

from typing import Any

from ikutool.render.blocks import Grafik


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


# the kategori's hatching (ikutool.render.charts.POLA) as the preset patterns of a chart's fill
PRESET = {"miring": "wdUpDiag", "titik": "pct25", "silang": "diagCross", "datar": "narHorz"}


def _fill(props: Any, colour: str) -> None:
    """A bar's fill: the colour, hatched as in the pictures when it is a kategori's."""
    from openpyxl.drawing.fill import ColorChoice, PatternFillProperties

    from ikutool.render.charts import POLA

    if colour not in POLA:
        props.solidFill = _hex(colour)
        return
    name, mark = POLA[colour]
    props.pattFill = PatternFillProperties(
        prst=PRESET[name],
        fgClr=ColorChoice(srgbClr=_hex(mark)),
        bgClr=ColorChoice(srgbClr=_hex(colour)),
    )


# more bars than this: each figure stands upright over its bar (side by side, the figures of 40
# agencies ran into each other)
CROWDED = 14


def _upright() -> Any:
    """A data label's text turned a quarter left (read bottom to top)."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import (
        CharacterProperties,
        Paragraph,
        ParagraphProperties,
        RichTextProperties,
    )

    return RichText(
        bodyPr=RichTextProperties(rot=-5400000, vert="horz"),
        p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=800)), endParaRPr=None)],
    )


def write_chart(ws: Any, g: Grafik, row: int) -> int:
    """The chart's cells from ``row`` down (a header, a row per category) and the chart beside
    them; returns the row after the cells."""
    from openpyxl.chart import Reference

    named = g.kode != g.kategori  # a column of names beside the codes
    c0 = 3 if named else 2  # the first figure's column
    first, last = _cells(ws, g, row, named, c0)
    if last < first:
        return row + 1
    cats = Reference(ws, min_col=1, min_row=first, max_row=last)
    bar = _bars(ws, g, row, last, c0)
    bar.set_categories(cats)
    if g.acuan:
        bar += _reference_lines(ws, g, row, last, c0, cats)
    bar.width = 24
    bar.height = max(9.0, min(18.0, 6.0 + 0.6 * len(g.kategori)))
    anchor = ws.cell(row=row, column=c0 + 1 + len(g.seri) + len(g.acuan)).coordinate
    ws.add_chart(bar, anchor)
    return last + 1


def _cells(ws: Any, g: Grafik, row: int, named: bool, c0: int) -> tuple[int, int]:
    """The header at ``row``, a row per category under it (code, name when ``named``, each
    series' figure, each reference line's) and the columns' widths; returns the first and the
    last category's rows."""
    from openpyxl.styles import Alignment, Font

    from ikutool.render.formats.xlsx_cells import FACE, cell_at

    head = ["", *([""] if named else []), *(s.nama for s in g.seri), *(a.label for a in g.acuan)]
    for j, text in enumerate(head, 1):
        cell = cell_at(ws, row, j, text)
        cell.font = Font(name=FACE, bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    ws.row_dimensions[row].height = 30
    first = row + 1
    for i, (kode, name) in enumerate(zip(g.kode, g.kategori, strict=True)):
        r = first + i
        cell_at(ws, r, 1, kode).alignment = Alignment(vertical="top")
        if named:
            cell_at(ws, r, 2, name).alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[r].height = 12.5 * max(1, -(-len(name) // 55))
        for j, s in enumerate(g.seri, c0):
            v = s.nilai[i]
            cell = ws.cell(row=r, column=j, value=v)
            cell.alignment = Alignment(vertical="top")
            cell.number_format = "#,##0.00" if g.satuan == "%" else "#,##0.##"
        for j, a in enumerate(g.acuan, c0 + len(g.seri)):
            cell = ws.cell(row=r, column=j, value=a.nilai)
            cell.number_format, cell.alignment = "#,##0.##", Alignment(vertical="top")
    last = first + len(g.kategori) - 1
    ws.column_dimensions["A"].width = 12
    if named:
        ws.column_dimensions["B"].width = 48
    for j in range(c0, c0 + len(g.seri) + len(g.acuan)):
        ws.column_dimensions[ws.cell(row=row, column=j).column_letter].width = 16
    return first, last


def _bars(ws: Any, g: Grafik, row: int, last: int, c0: int) -> Any:
    """The clustered bar chart: its axes from 0 as the picture's, a series per ``g.seri`` with
    its fill, each bar's own fill where it has one, and its figures on the bars."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.marker import DataPoint

    from ikutool.render.charts.layout import value_range

    bar = BarChart()
    bar.type = "col"
    bar.grouping = "clustered"
    bar.title = f"{g.nomor} {g.judul}".strip()
    bar.y_axis.title = g.satuan
    bar.y_axis.numFmt = "#,##0"
    lo, hi, step = value_range(g)  # from 0, as the picture: a bar's length is its figure
    bar.y_axis.scaling.min, bar.y_axis.scaling.max, bar.y_axis.majorUnit = lo, hi, step
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    bar.legend.position = "b"
    for j, s in enumerate(g.seri, c0):
        bar.add_data(Reference(ws, min_col=j, min_row=row, max_row=last), titles_from_data=True)
        series = bar.series[-1]
        _fill(series.graphicalProperties, s.warna)
        series.graphicalProperties.line.solidFill = "222222"
        if s.tiap is not None:
            for i, fill in enumerate(s.tiap):
                if fill:
                    point = DataPoint(idx=i)
                    _fill(point.graphicalProperties, fill)
                    point.graphicalProperties.line.solidFill = "222222"
                    series.dPt.append(point)
        _figures(series, g)
    return bar


def _figures(series: Any, g: Grafik) -> None:
    """A series' figures on its bars: the value only, turned upright when the bars crowd."""
    from openpyxl.chart.label import DataLabelList

    series.dLbls = DataLabelList()
    series.dLbls.showVal = True
    series.dLbls.showSerName = series.dLbls.showCatName = False
    series.dLbls.showLegendKey = series.dLbls.showPercent = False
    series.dLbls.numFmt = "#,##0.00" if g.satuan == "%" else "#,##0"
    if len(g.kategori) * len(g.seri) > CROWDED:
        series.dLbls.txPr = _upright()


def _reference_lines(ws: Any, g: Grafik, row: int, last: int, c0: int, cats: Any) -> Any:
    """The reference lines (``g.acuan``, e.g. the 100 % line) as dashed black line series over
    the same categories."""
    from openpyxl.chart import LineChart, Reference

    line = LineChart()
    for j in range(c0 + len(g.seri), c0 + len(g.seri) + len(g.acuan)):
        line.add_data(Reference(ws, min_col=j, min_row=row, max_row=last), titles_from_data=True)
        series = line.series[-1]
        series.graphicalProperties.line.solidFill = "000000"
        series.graphicalProperties.line.dashStyle = "dash"
        series.graphicalProperties.line.width = 19050  # 1,5 pt
        series.smooth = False
    line.set_categories(cats)
    return line


def chart_sheet(wb: Any, g: Grafik, *, name: str | None = None, kertas: str = "A4") -> Any:
    """A sheet of its own for a chart: its caption, its figures, the chart, the note on where
    the figures stand in full; printed landscape on one page."""
    from openpyxl.styles import Font

    from ikutool.render.formats.xlsx_cells import FACE, cell_at

    ws = wb.create_sheet(name or g.nomor or "Grafik")
    cell_at(ws, 1, 1, f"{g.nomor} {g.judul}".strip()).font = Font(name=FACE, bold=True, size=12)
    row = write_chart(ws, g, 3)
    if g.sumber:
        cell_at(ws, row + 1, 1, g.sumber)
    print_setup(ws, kertas)
    return ws


def print_setup(ws: Any, kertas: str = "A4") -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = {"A4": 9, "F4": 14}.get(kertas, 9)
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
