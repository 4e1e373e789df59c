"""A block document (:mod:`ikutool.render.blocks`) as an Excel workbook: the xlsx renderer of the
one document model, as docx, Markdown and HTML are the others.

Each table starts a sheet of its own (named by its number), under the document's title and
notices and the headings and paragraphs that lead to it; what follows the last table (a form's
footer) stays under it. A printed form's header is laid out as printed: group cells merged
across, a lone column's name merged down, the column numbers under them, all repeated on every
printed page. A cell whose text is one figure ("1.234,56"), and a figure cell
(:class:`~ikutool.render.blocks.Angka`: its number at full precision), is stored as that number
with a number format that shows it the same way, marks and all ("86,67 (!)"), so Excel can still
compute with it. A table's sheet hint (:class:`~ikutool.render.blocks.Lembar`) names its sheet,
freezes its leading columns and merges a sasaran's cells down its rows.
"""

from __future__ import annotations

import re
from typing import Any, assert_never

from ikutool.render.blocks import (
    ALERT_COLOUR,
    Angka,
    Block,
    Dokumen,
    Gambar,
    Grafik,
    HalamanBaru,
    Heading,
    Para,
    Run,
    Tabel,
    Tanda,
    text_of,
)

PAPER = {"A4": 9, "F4": 14}  # openpyxl/Excel paper size codes (14: Folio 8,5 x 13 in)
_FIGURE = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")


def _figure(text: str) -> tuple[float, str] | None:
    """``"1.234,56"`` -> (1234.56, "#,##0.00"); None when the text is not one plain figure."""
    if not _FIGURE.match(text):
        return None
    whole, _, frac = text.partition(",")
    value = float(whole.replace(".", "") + ("." + frac if frac else ""))
    return value, "#,##0" + ("." + "0" * len(frac) if frac else "")


_IN_TEXT = re.compile(r"-?\d+(?:\.\d{3})*(?:,(\d+))?")


def _angka(a: Angka) -> tuple[float, str] | None:
    """A figure cell as (its number, a number format showing its text): the digits as the text
    has them, what stands before and after the figure as literal text (``"Rp "#,##0``,
    ``#,##0.00" (!)"``); None (the cell stays text) where a number cannot show the text: no
    figure in it, more digits than Excel keeps, or marks a number format cannot hold."""
    import math

    m = _IN_TEXT.search(a.teks)
    if m is None or not math.isfinite(a.nilai):
        return None
    digits = re.sub(r"\D", "", m.group()).lstrip("0")
    decimals = len(m.group(1) or "")
    before, after = a.teks[: m.start()], a.teks[m.end() :]
    if len(digits) > 15 or decimals > 15 or any(c in '"\\' for c in before + after):
        return None
    if round(a.nilai, decimals) != round(
        float(m.group().replace(".", "").replace(",", ".")), decimals
    ):
        return None  # the text is not this number (a range, a figure beside another)
    grouped = "." in m.group() or abs(a.nilai) < 1000  # a year ("2019") is not grouped
    body = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")
    fmt = (f'"{before}"' if before else "") + body + (f'"{after}"' if after else "")
    return (a.nilai, fmt) if len(fmt) <= 255 else None


class _Book:
    """One workbook being written: the sheets made, the lines waiting for the next table."""

    def __init__(self, doc: Dokumen, kertas: str) -> None:
        from openpyxl import Workbook

        self.doc, self.kertas = doc, kertas
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.title = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 0]
        self.lead: list[tuple[str, str]] = []  # lines waiting for the next table
        self.ws: Any = None
        self.row = 1
        self.ncols = 1
        self.used: set[str] = set()

    def block(self, b: Block) -> None:
        match b:
            case Heading():
                if b.level > 0:
                    self.lead.append((b.text, "title"))
            case Para():
                text = "".join(text_of(r) for r in b.runs)
                match b.kind:
                    case "note":
                        if text not in self.doc.peringatan_halaman:
                            self.lead.append((text, "note"))
                    case "item":
                        self.lead.append(("\u2022 " + text, ""))
                    case "normal" | "small" | "lead" | "sub":
                        self.lead.append((text, ""))
                    case _:
                        assert_never(b.kind)
            case Gambar():  # in words: a workbook is for figures, the picture is in Word
                self.lead += [(f"{b.nomor} {b.judul}".strip(), "title"), *((t, "") for t in b.teks)]
            case Grafik():
                self.chart(b)
            case Tanda():
                if self.ws is not None:
                    self.signature(b)
            case Tabel():
                self.table(b)
            case HalamanBaru():
                pass
            case _:
                assert_never(b)

    def signature(self, b: Tanda) -> None:
        from ikutool.render.formats.xlsx_cells import cell_at, note_rows

        if self.lead:
            self.row = note_rows(self.ws, self.row, self.lead, self.ncols)
        self.lead = []
        lines = ["".join(text_of(r) for r in b.tempat_tanggal), b.jabatan, "", "", b.nama]
        lines += [b.pangkat] if b.pangkat else []
        lines += [f"NIP. {b.nip}"] if b.nip else []
        col = max(self.ncols - 3, 1)
        for line in lines:
            cell_at(self.ws, self.row, col, line)
            self.row += 1

    def sheet(self, b: Tabel) -> Any:
        hint = b.lembar.nama if b.lembar else ""
        return self.sheet_named(hint or b.nomor or b.judul or self.doc.judul or "Tabel")

    def sheet_named(self, text: str) -> Any:
        name = _sheet_name(text)
        base, n = name, 2
        while name in self.used:
            name = f"{base[:28]} {n}"
            n += 1
        self.used.add(name)
        return self.wb.create_sheet(name)

    def table(self, b: Tabel) -> None:
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        from ikutool.render.formats.xlsx_cells import FACE, cell_at, fit_rows, merge, note_rows

        ws = self.ws = self.sheet(b)
        self.ncols = len(b.header)
        size, breaks = _widths(ws, b, self.kertas, self.doc.landscape)
        if b.lembar and b.lembar.lebar:
            for j, width in enumerate(b.lembar.lebar, 1):
                ws.column_dimensions[get_column_letter(j)].width = width
        if breaks:  # a form printed in parts: the lines around it as wide as its first part
            self.ncols = breaks[1]
        head = [(t, "title") for t in self.title] + [
            (n, "note") for n in self.doc.peringatan_halaman
        ]
        row = note_rows(ws, 1, head + self.lead, self.ncols)
        self.lead = []
        if b.lembar and b.lembar.judul_tengah:
            for r in range(1, row - 1):
                ws.cell(row=r, column=1).alignment = Alignment(
                    horizontal="center", vertical="top", wrap_text=True
                )
        caption = f"{b.nomor} {b.judul}".strip()
        if caption:
            cell_at(ws, row, 1, caption).font = Font(name=FACE, bold=True)
            merge(ws, row, 1, row, self.ncols)
            row += 1
        first_head = row
        row = _form_head(ws, b, row, size) if b.kepala_atas else _plain_head(ws, b, row, size)
        if b.nomor_kolom:
            row = _column_numbers(ws, b, row, size)
        last_head, first_body = row - 1, row
        row = _body(ws, b, row, size)
        if b.lembar:
            for first, last in b.lembar.gabung_baris:
                for col in b.lembar.gabung_kolom if last > first else ():
                    merge(ws, first_body + first, col + 1, first_body + last, col + 1)
        fit_rows(ws, first_body, row - 1, size)
        row += 1
        for note in b.catatan:
            row = note_rows(ws, row, [(note, "")], self.ncols) - 1
        _print(ws, first_head, last_head, self.kertas, self.doc.landscape, form=size is not None)
        if b.lembar and b.lembar.beku_kolom:
            ws.freeze_panes = f"{get_column_letter(b.lembar.beku_kolom + 1)}{last_head + 1}"
        if breaks:
            _in_parts(ws, breaks, self.kertas, self.doc.landscape)
        self.row = row

    def chart(self, b: Grafik) -> None:
        """A chart on a sheet of its own: its figures as cells, Excel's chart drawn from them."""
        from openpyxl.styles import Font

        from ikutool.render.charts.xlsx import print_setup, write_chart
        from ikutool.render.formats.xlsx_cells import FACE, cell_at, merge, note_rows

        ws = self.sheet_named(b.nomor or b.judul or "Grafik")
        ncols = (2 if b.kode != b.kategori else 1) + len(b.seri) + len(b.acuan)
        ws.column_dimensions["A"].width = 12
        if b.kode != b.kategori:
            ws.column_dimensions["B"].width = 48
        head = [(t, "title") for t in self.title] + [
            (n, "note") for n in self.doc.peringatan_halaman
        ]
        lead, self.lead = self.lead, []
        row = note_rows(ws, 1, head + lead, ncols) if head + lead else 1
        cell_at(ws, row, 1, f"{b.nomor} {b.judul}".strip()).font = Font(name=FACE, bold=True)
        merge(ws, row, 1, row, ncols)
        # a chart alone on its sheet: a blank row under its caption (a title and notes above it
        # already set it apart)
        row = write_chart(ws, b, row + (1 if head + lead else 2))
        if b.sumber:
            row = note_rows(ws, row + 1, [(b.sumber, "")], ncols)
        print_setup(ws, self.kertas)
        self.ws, self.ncols, self.row = ws, ncols, row  # what follows goes under it

    def finish(self) -> bytes:
        from ikutool.render.formats.xlsx_cells import note_rows

        if self.ws is None:  # a document without a table: its text on one sheet
            self.ws = self.wb.create_sheet("Dokumen")
            self.ws.column_dimensions["A"].width = 120
            note_rows(self.ws, 1, [(t, "title") for t in self.title] + self.lead, 1)
        elif self.lead:  # what follows the last table: under it
            note_rows(self.ws, self.row, self.lead, self.ncols)
        return self.wb


def document_xlsx(doc: Dokumen, *, kertas: str = "A4", scratch: Any = None) -> bytes:
    from ikutool.render.formats.xlsx_cells import save_workbook

    book = _Book(doc, kertas)
    for b in doc.blocks:
        book.block(b)
    return save_workbook(book.finish(), scratch, asal=doc.asal)


_HEAD_COLOUR = "DDEBF7"


def _form_head(ws: Any, b: Tabel, row: int, size: float | None) -> int:
    """A printed form's two header rows: group cells merged across, a lone column's name merged
    down."""
    from ikutool.render.formats.docx_layout import form_breaks
    from ikutool.render.formats.xlsx_cells import merge, put, style

    j = 1
    for text, span in b.kepala_atas:
        text = form_breaks(text)
        if span == 1:
            head = form_breaks(b.header[j - 1])
            put(ws, row, j, head, bold=True, colour=_HEAD_COLOUR, size=size)
            style(ws.cell(row=row, column=j), bold=True, colour=_HEAD_COLOUR, align="c", size=size)
            put(ws, row + 1, j, None, bold=True, colour=_HEAD_COLOUR, size=size)
            merge(ws, row, j, row + 1, j)
        else:
            for k in range(span):
                for r, value in ((row, text if k == 0 else None), (row + 1, b.header[j + k - 1])):
                    put(ws, r, j + k, value, bold=True, colour=_HEAD_COLOUR, size=size)
                    style(
                        ws.cell(row=r, column=j + k),
                        bold=True, colour=_HEAD_COLOUR, align="c", size=size,
                    )  # fmt: skip
            merge(ws, row, j, row, j + span - 1)
        j += span
    _tall(ws, row, b.kepala_atas, size)
    return row + 2


def _plain_head(ws: Any, b: Tabel, row: int, size: float | None) -> int:
    from ikutool.render.formats.xlsx_cells import put, style

    for j, h in enumerate(b.header, 1):
        put(ws, row, j, h, bold=True, colour=_HEAD_COLOUR, size=size)
        style(ws.cell(row=row, column=j), bold=True, colour=_HEAD_COLOUR, align="c", size=size)
    _tall(ws, row, [(h, 1) for h in b.header], size)
    return row + 1


def _column_numbers(ws: Any, b: Tabel, row: int, size: float | None) -> int:
    from ikutool.render.formats.xlsx_cells import merge, put, style

    j = 1
    for label, span in b.numbers():
        for k in range(span):
            put(ws, row, j + k, label if k == 0 else None, bold=True, colour="F2F2F2", size=size)
            style(ws.cell(row=row, column=j + k), bold=True, colour="F2F2F2", align="c", size=size)
        if span > 1:
            merge(ws, row, j, row, j + span - 1)
        j += span
    return row + 1


def _body(ws: Any, b: Tabel, row: int, size: float | None) -> int:
    from openpyxl.styles import Alignment

    from ikutool.render.formats.xlsx_cells import MEAN, merge

    shaded = b.lembar is not None and b.lembar.arsir_tebal
    for i, cells in enumerate(b.rows):
        bold = i in b.bold_rows
        shade = MEAN if bold and shaded else None
        for j, value in enumerate(cells, 1):
            right = b.align[j - 1] == "r"
            cell = _cell(
                ws, row, j, value, right=right, bold=bold, size=size, form=bool(b.kepala_atas),
                shade=shade,
            )  # fmt: skip
            if right:
                cell.alignment = Alignment(horizontal="right", vertical="top", wrap_text=True)
        if i in b.judul_baris:  # a group's name across the table
            merge(ws, row, 1, row, len(b.header))
        row += 1
    return row


def _cell(
    ws: Any, row: int, col: int, value: Run, *, right: bool, bold: bool, size: float | None,
    form: bool, shade: str | None = None,
) -> Any:  # fmt: skip
    """One body cell: a figure as a number, a kategori on its fill, an alert in red."""
    from openpyxl.styles import Font

    from ikutool.render.formats.docx_layout import form_breaks
    from ikutool.render.formats.xlsx_cells import FACE, KATEGORI_FILL, put

    def text(shown: str) -> Any:
        fig = _figure(shown) if right else None
        if fig is not None:
            return put(ws, row, col, fig[0], fig[1], bold=bold, colour=shade, size=size)
        shown = form_breaks(shown) if form else shown
        return put(ws, row, col, shown, bold=bold, colour=shade, size=size)

    match value:
        case str():
            return text(value)
        case Angka():
            number = _angka(value)
            if number is None:
                return put(ws, row, col, value.teks, bold=bold, colour=shade, size=size)
            return put(ws, row, col, number[0], number[1], bold=bold, colour=shade, size=size)
        case (shown, kind):
            match kind:
                case "bold" | "placeholder":  # a cell's text, as the form prints it
                    return text(shown)
                case "kategori":
                    fill = KATEGORI_FILL.get(shown)
                    return put(ws, row, col, shown, bold=bold, colour=fill or shade, size=size)
                case "alert":
                    cell = text(shown)
                    face = "Times New Roman" if size else FACE  # as style() has it
                    cell.font = Font(
                        name=face, bold=True, color=ALERT_COLOUR.lstrip("#"), size=size
                    )
                    return cell
                case _:
                    assert_never(kind)
        case _:
            assert_never(value)


def _sheet_name(text: str) -> str:
    """A name Excel accepts for a sheet: none of []:*?/\\, at most 31 characters."""
    clean = re.sub(r"[\[\]:*?/\\]", "-", " ".join(text.split())).strip("' ")
    return clean[:31].rstrip() or "Tabel"


def _tall(ws: Any, row: int, groups: list[tuple[str, int]], size: float | None = None) -> None:
    """The group row as tall as its longest name needs across the columns it spans."""
    import math

    from openpyxl.utils import get_column_letter

    points = size or 11.0
    lines, j = 1, 1
    for text, span in groups:
        width = sum(ws.column_dimensions[get_column_letter(j + k)].width or 10 for k in range(span))
        chars = max(width * 0.95 * 11 / points - 1, 4)  # a smaller face holds more per width
        lines = max(lines, math.ceil(len(text) / chars) + (span > 1))
        j += span
    # a line of the default face takes 15 points, as fit_rows has it (11 * 1.25 clips a line)
    ws.row_dimensions[row].height = (15.0 if size is None else points * 1.25) * lines


MM_PER_WIDTH = 1.9  # Excel's column width unit (a default character) in mm, about
# ... and as LibreOffice prints it (measured: 167 units of a sheet print 480 mm wide at 100 %)
PRINTED_MM_PER_WIDTH = 2.9


def _widths(ws: Any, b: Tabel, kertas: str, landscape: bool) -> tuple[float | None, list[int]]:
    """The columns' widths; for a printed form the Word layout's (every amount whole, the
    columns of words sharing the rest) at its font size, which is returned (None: the default),
    with the columns after which a form printed in parts breaks."""
    from openpyxl.utils import get_column_letter

    if b.kepala_atas:
        widths, points, breaks = _form_layout(b, kertas, landscape)
        for j, mm in enumerate(widths, 1):
            # a face of ``points`` in cells Excel measures in 11-point characters
            ws.column_dimensions[get_column_letter(j)].width = round(mm / MM_PER_WIDTH + 0.7, 2)
        return points, breaks
    for j, h in enumerate(b.header):
        texts = [text_of(r[j]) for r in b.rows if j < len(r)]
        longest_word = max((len(w) for t in [h, *texts] for w in t.split()), default=4)
        longest = max((len(t) for t in texts), default=0)
        width = min(max(longest_word + 2, min(longest + 2, 45), 6), 50)
        ws.column_dimensions[get_column_letter(j + 1)].width = width
    return None, []


def _in_parts(ws: Any, breaks: list[int], kertas: str, landscape: bool) -> None:
    """A form too wide for its page printed in the parts Word prints it in, one after the other
    (the rows of a part's pages level with the first part's, as one sheet prints): a break
    after each part but the last, at the scale at which the widest part fits the page
    (spreadsheet programs ignore breaks when fitting to a page width)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break, ColBreak

    from ikutool.render.formats.docx_layout import FORM_MARGIN_MM, PAPER_MM

    _, *ends = breaks
    short, long = PAPER_MM.get(kertas, PAPER_MM["A4"])
    page = (long if landscape else short) - 2 * FORM_MARGIN_MM
    edges = [0, *ends, ws.max_column]
    widest = max(
        sum(ws.column_dimensions[get_column_letter(c)].width or 10 for c in range(a + 1, z + 1))
        for a, z in zip(edges, edges[1:], strict=False)
    )
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = None
    ws.page_setup.scale = max(10, min(100, int(page / (widest * PRINTED_MM_PER_WIDTH) * 100)))
    ws.col_breaks = ColBreak()
    for col in ends:
        ws.col_breaks.append(Break(id=col))


def _form_layout(b: Tabel, kertas: str, landscape: bool) -> tuple[list[float], float, list[int]]:
    """A printed form's column widths and font size as Word lays it out, and where a form too
    wide for its page is printed in parts: the leading columns every part repeats, then the last
    column of each part but the last ([] for a form printed whole); each part's columns as wide
    as in its Word table, the leading columns as in the first part's."""
    from ikutool.render.formats.docx_layout import FORM_MARGIN_MM, PAPER_MM, table_layout
    from ikutool.render.formats.form_parts import form_parts

    short, long = PAPER_MM.get(kertas, PAPER_MM["A4"])
    page = (long if landscape else short) - 2 * FORM_MARGIN_MM
    least = 7.0 if kertas == "F4" else 5.5

    def layout(t: Tabel) -> tuple[list[float], float]:
        return table_layout(
            t.header, t.rows, page, form=True, least_points=least, groups=t.kepala_atas,
            bold_rows=t.bold_rows,
        )  # fmt: skip

    parts = form_parts(b, page, least)
    if not parts:
        whole, points = layout(b)
        return whole, points, []
    widths: list[float] = []
    sizes, breaks = [], []
    for k, part in enumerate(parts):
        w, points = layout(part)
        sizes.append(points)
        widths += w if k == 0 else w[part.tetap :]
        breaks.append(len(widths))
    return widths, min(sizes), [parts[0].tetap, *breaks[:-1]]


def _print(
    ws: Any, first: int, last: int, kertas: str, landscape: bool, *, form: bool = False
) -> None:
    ws.print_title_rows = f"{first}:{last}"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER.get(kertas, 9)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if form:  # the form's own margins: its columns are laid out for that width
        margin = FORM_MARGIN_IN
        ws.page_margins.left = ws.page_margins.right = margin
    else:
        ws.page_margins.left = ws.page_margins.right = 0.4
    ws.freeze_panes = f"A{last + 1}"  # a coordinate: the cell may be merged


FORM_MARGIN_IN = 15 / 25.4
