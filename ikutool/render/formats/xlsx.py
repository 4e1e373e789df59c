"""A block document (:mod:`ikutool.render.blocks`) as an Excel workbook: the xlsx renderer of the
one document model, as docx, Markdown and HTML are the others.

Each table starts a sheet of its own (named by its number), under the document's title and
notices and the headings and paragraphs that lead to it; what follows the last table (a form's
footer) stays under it. A printed form's header is laid out as printed: group cells merged
across, a lone column's name merged down, the column numbers under them, all repeated on every
printed page. A cell whose text is one figure ("1.234,56") is stored as that number with a
number format that shows it the same way, so Excel can still compute with it.
"""

from __future__ import annotations

import re
from typing import Any

from ikutool.render.blocks import Dokumen, Gambar, Heading, Para, Tabel, Tanda, text_of

PAPER = {"A4": 9, "F4": 14}  # openpyxl/Excel paper size codes (14: Folio 8,5 x 13 in)
_FIGURE = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")


def _figure(text: str) -> tuple[float, str] | None:
    """``"1.234,56"`` -> (1234.56, "#,##0.00"); None when the text is not one plain figure."""
    if not _FIGURE.match(text):
        return None
    whole, _, frac = text.partition(",")
    value = float(whole.replace(".", "") + ("." + frac if frac else ""))
    return value, "#,##0" + ("." + "0" * len(frac) if frac else "")


def document_xlsx(doc: Dokumen, *, kertas: str = "A4", scratch: Any = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from ikutool.render.documents.report_xlsx import (
        _fit_rows,
        _put,
        cell_at,
        merge,
        note_rows,
        save_workbook,
        style,
    )

    wb = Workbook()
    wb.remove(wb.active)
    title = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 0]
    lead: list[tuple[str, str]] = []  # lines waiting for the next table
    ws: Any = None
    row = 1
    ncols = 1
    used: set[str] = set()
    for b in doc.blocks:
        if isinstance(b, Heading):
            if b.level > 0:
                lead.append((b.text, "title"))
        elif isinstance(b, Para):
            text = "".join(text_of(r) for r in b.runs)
            if b.kind != "note" or text not in doc.peringatan_halaman:
                lead.append((text, "note" if b.kind == "note" else ""))
        elif isinstance(b, Gambar):  # in words: a workbook is for figures, the picture is in Word
            lead += [(f"{b.nomor} {b.judul}".strip(), "title"), *((t, "") for t in b.teks)]
        elif isinstance(b, Tanda) and ws is not None:
            row = note_rows(ws, row, lead, ncols) if lead else row
            lead = []
            lines = ["".join(text_of(r) for r in b.tempat_tanggal), b.jabatan, "", "", b.nama]
            lines += [b.pangkat] if b.pangkat else []
            lines += [f"NIP. {b.nip}"] if b.nip else []
            col = max(ncols - 3, 1)
            for line in lines:
                cell_at(ws, row, col, line)
                row += 1
        elif isinstance(b, Tabel):
            name = _sheet_name(b.nomor or b.judul or doc.judul or "Tabel")
            base, n = name, 2
            while name in used:
                name = f"{base[:28]} {n}"
                n += 1
            used.add(name)
            ws = wb.create_sheet(name)
            ncols = len(b.header)
            _widths(ws, b)
            head = [(t, "title") for t in title] + [(n, "note") for n in doc.peringatan_halaman]
            row = note_rows(ws, 1, head + lead, ncols)
            lead = []
            caption = f"{b.nomor} {b.judul}".strip()
            if caption:
                cell_at(ws, row, 1, caption).font = Font(bold=True)
                merge(ws, row, 1, row, ncols)
                row += 1
            first_head = row
            if b.kepala_atas:
                j = 1
                for text, span in b.kepala_atas:
                    if span == 1:
                        _put(ws, row, j, b.header[j - 1], bold=True, colour="DDEBF7")
                        style(ws.cell(row=row, column=j), bold=True, colour="DDEBF7", align="c")
                        _put(ws, row + 1, j, None, bold=True, colour="DDEBF7")
                        merge(ws, row, j, row + 1, j)
                    else:
                        for k in range(span):
                            _put(
                                ws, row, j + k, text if k == 0 else None, bold=True, colour="DDEBF7"
                            )
                            style(
                                ws.cell(row=row, column=j + k),
                                bold=True,
                                colour="DDEBF7",
                                align="c",
                            )
                            _put(
                                ws, row + 1, j + k, b.header[j + k - 1], bold=True, colour="DDEBF7"
                            )
                            style(
                                ws.cell(row=row + 1, column=j + k),
                                bold=True,
                                colour="DDEBF7",
                                align="c",
                            )
                        merge(ws, row, j, row, j + span - 1)
                    j += span
                _tall(ws, row, b.kepala_atas)
                row += 2
            else:
                for j, h in enumerate(b.header, 1):
                    _put(ws, row, j, h, bold=True, colour="DDEBF7")
                    style(ws.cell(row=row, column=j), bold=True, colour="DDEBF7", align="c")
                _tall(ws, row, [(h, 1) for h in b.header])
                row += 1
            if b.nomor_kolom:
                j = 1
                for label, span in b.numbers():
                    for k in range(span):
                        _put(ws, row, j + k, label if k == 0 else None, bold=True, colour="F2F2F2")
                        style(ws.cell(row=row, column=j + k), bold=True, colour="F2F2F2", align="c")
                    if span > 1:
                        merge(ws, row, j, row, j + span - 1)
                    j += span
                row += 1
            last_head = row - 1
            first_body = row
            for i, cells in enumerate(b.rows):
                bold = i in b.bold_rows
                for j, value in enumerate(cells, 1):
                    text = text_of(value)
                    fig = _figure(text) if b.align[j - 1] == "r" else None
                    if fig is not None:
                        cell = _put(ws, row, j, fig[0], fig[1], bold=bold)
                    else:
                        cell = _put(ws, row, j, text, bold=bold)
                    if b.align[j - 1] == "r":
                        cell.alignment = Alignment(
                            horizontal="right", vertical="top", wrap_text=True
                        )
                row += 1
            _fit_rows(ws, first_body, row - 1)
            row += 1
            for note in b.catatan:
                row = note_rows(ws, row, [(note, "")], ncols) - 1
            _print(ws, first_head, last_head, kertas, doc.landscape)
    if ws is None:  # a document without a table: its text on one sheet
        ws = wb.create_sheet("Dokumen")
        ws.column_dimensions["A"].width = 120
        note_rows(ws, 1, [(t, "title") for t in title] + lead, 1)
    elif lead:  # what follows the last table: under it
        note_rows(ws, row, lead, ncols)
    return save_workbook(wb, scratch, asal=doc.asal)


def _sheet_name(text: str) -> str:
    """A name Excel accepts for a sheet: none of []:*?/\\, at most 31 characters."""
    clean = re.sub(r"[\[\]:*?/\\]", "-", " ".join(text.split())).strip("' ")
    return clean[:31].rstrip() or "Tabel"


def _tall(ws: Any, row: int, groups: list[tuple[str, int]]) -> None:
    """The group row as tall as its longest name needs across the columns it spans."""
    import math

    from openpyxl.utils import get_column_letter

    lines, j = 1, 1
    for text, span in groups:
        width = sum(ws.column_dimensions[get_column_letter(j + k)].width or 10 for k in range(span))
        lines = max(lines, math.ceil(len(text) / max(width * 0.95 - 1, 4)) + (span > 1))
        j += span
    ws.row_dimensions[row].height = 13 * lines


def _widths(ws: Any, b: Tabel) -> None:
    from openpyxl.utils import get_column_letter

    for j, h in enumerate(b.header):
        texts = [text_of(r[j]) for r in b.rows if j < len(r)]
        longest_word = max((len(w) for t in [h, *texts] for w in t.split()), default=4)
        longest = max((len(t) for t in texts), default=0)
        width = min(max(longest_word + 2, min(longest + 2, 45), 6), 50)
        ws.column_dimensions[get_column_letter(j + 1)].width = width


def _print(ws: Any, first: int, last: int, kertas: str, landscape: bool) -> None:
    ws.print_title_rows = f"{first}:{last}"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER.get(kertas, 9)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.freeze_panes = ws.cell(row=last + 1, column=1)
