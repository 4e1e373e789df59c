"""The cells of every workbook ikutool writes (openpyxl): text that stays text, merged blocks
without openpyxl's slow border rebuild, one cached style per combination, rows as tall as their
wrapped text, title and note lines, A4 print setup, and the saved bytes with their properties.

Figures are stored as numbers at full precision with number formats, so Excel shows them in the
reader's locale (1.234,56 on an Indonesian Windows) and they can still be computed with.
"""

from __future__ import annotations

import gc
import io
import math
import sys
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter

# the face of every workbook's text (the workbook default): named on bold text too, where Excel
# would fall back to it but LibreOffice to a serif face
FACE = "Calibri"
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD = "DDEBF7"
MEAN = "F2F2F2"
WRAP = Alignment(wrap_text=True, vertical="top")
PCT = "#,##0.00"
KATEGORI_FILL = {
    "Sangat Tinggi": "C6EFCE",
    "Tinggi": "DDEBF7",
    "Sedang": "FFEB9C",
    "Rendah": "FCD5B4",
    "Sangat Rendah": "FFC7CE",
    "Melebihi Target": "C6EFCE",
    "Tercapai": "DDEBF7",
    "Tidak Tercapai": "FFC7CE",
}


def number_format(value: float | None) -> str:
    """Thousands grouping, and as many decimals as the figure has (at most 4)."""
    if value is None or float(value).is_integer():
        return "#,##0"
    from ikutool.formatting.numbers import to_decimal

    exponent = to_decimal(float(value)).normalize().as_tuple().exponent
    decimals = min(-exponent if isinstance(exponent, int) and exponent < 0 else 0, 4)
    return "#,##0." + "0" * decimals if decimals else "#,##0"


def indonesian(fmt: str) -> str:
    """``fmt`` marked as an Indonesian number format (``[$-421]``): LibreOffice then shows 1.234,56
    whatever the machine's language (without it, 1,234.56 on an English system); Excel keeps its
    own separators, which on an Indonesian Windows are the same. Text (``@``) stays as it is."""
    if fmt in ("@", "General") or fmt.startswith("[$-"):
        return fmt
    return "[$-421]" + fmt


def cell_at(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write ``value`` into a cell of any workbook ikutool writes: text is always text. openpyxl
    stores a string beginning with "=" as a formula, so an officer's catatan such as
    ``=HYPERLINK("http://...")`` would become a live link in the workbook sent to every bidang;
    here it stays the characters the officer typed."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def merge(ws: Any, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """``ws.merge_cells`` without openpyxl's border rebuild (a new Border hashed per covered
    cell: half of a large report's time): each covered cell takes the top-left cell's style as
    it is, so the merged block keeps the same border, fill and protection."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.merge import MergedCellRange

    ref = CellRange(min_col=first_col, min_row=first_row, max_col=last_col, max_row=last_row)
    block = MergedCellRange(ws, ref.coord)
    # straight into the set: MultiCellRange.add first scans every range merged so far (quadratic
    # in a long report); the ranges written here never overlap
    ws.merged_cells.ranges.add(block)
    top = ws.cell(row=first_row, column=first_col)
    for row, col in block.cells:
        if (row, col) != (first_row, first_col):
            covered = MergedCell(ws, row, col)
            covered._style = copy(top._style)
            ws._cells[row, col] = covered


FILLS: dict[str, PatternFill] = {}


def fill(colour: str) -> PatternFill:
    if colour not in FILLS:
        FILLS[colour] = PatternFill("solid", fgColor=colour)
    return FILLS[colour]


def style(
    cell: Any,
    *,
    fmt: str | None = None,
    bold: bool = False,
    colour: str | None = None,
    locked: bool | None = None,
    align: str = "wrap",
    size: float | None = None,
) -> Any:
    """Border, alignment, number format, bold, fill, protection and font size for ``cell``.

    openpyxl re-hashes its style objects on every assignment (most of a big workbook's time);
    each combination is therefore built once per workbook and copied from then on."""
    wb = cell.parent.parent
    try:
        cache = wb._iku_styles
    except AttributeError:
        cache = wb._iku_styles = {}
    key = (fmt, bold, colour, locked, align, size)
    cached = cache.get(key)
    if cached is not None:
        cell._style = copy(cached)
        return cell
    cell.border = BORDER
    cell.alignment = (
        WRAP
        if align == "wrap"
        else Alignment(horizontal="center", vertical="center", wrap_text=True)
    )
    if fmt:
        cell.number_format = indonesian(fmt)
    if size:  # a printed form: the face and size its columns were measured in (as in Word)
        cell.font = Font(name="Times New Roman", bold=bold, size=size)
    elif bold:
        cell.font = Font(name=FACE, bold=True)
    if colour:
        cell.fill = fill(colour)
    if locked is not None:
        cell.protection = Protection(locked=locked)
    cache[key] = copy(cell._style)
    return cell


def put(
    ws: Any,
    row: int,
    col: int,
    value: Any,
    fmt: str | None = None,
    *,
    bold: bool = False,
    colour: str | None = None,
    size: float | None = None,
) -> Any:
    cell = cell_at(ws, row, col, value)
    return style(cell, fmt=fmt, bold=bold, colour=colour, size=size)


def fit_rows(ws: Any, first_row: int, last_row: int, size: float | None = None) -> None:
    """Row heights for wrapped text (Excel and LibreOffice do not grow rows written by openpyxl);
    ``size``: the cells' font size (a smaller face holds more per line, in lower lines).

    Reads the sheet's cells as stored (no cell is created) with each column's width looked up
    once: this runs over every cell of a large report."""
    merged = {
        (r, c)
        for rng in ws.merged_cells.ranges
        for r in range(rng.min_row, rng.max_row + 1)
        for c in range(rng.min_col, rng.max_col + 1)
    }
    per_line: dict[int, int] = {}
    lines = dict.fromkeys(range(first_row, last_row + 1), 1)
    for (r, c), cell in ws._cells.items():
        value = cell._value
        if r not in lines or not isinstance(value, str) or (r, c) in merged:
            continue
        if c not in per_line:
            width = ws.column_dimensions[get_column_letter(c)].width or 10
            per_line[c] = max(int(width * (1.1 if size is None else 0.95 * 11 / size)) - 1, 1)
        n = per_line[c]
        if len(value) <= n and "\n" not in value:
            continue  # one line: the default
        lines[r] = max(
            lines[r], sum(math.ceil(max(len(part), 1) / n) for part in value.split("\n"))
        )
    line = 15 if size is None else 1.3 * size
    for r, count in lines.items():
        ws.row_dimensions[r].height = round(line * count, 2)


def note_rows(ws: Any, row: int, lines: list[tuple[str, str]], ncols: int) -> int:
    """Title and note lines above (or below) a table, each merged across the table's width,
    wrapped, and as tall as its text needs at the columns' widths; returns the next free row.
    ``kind``: "title" (bold, larger), "note" (bold red), "" (plain)."""
    total = sum(
        (ws.column_dimensions[get_column_letter(c)].width or 10) for c in range(1, ncols + 1)
    )
    for text, kind in lines:
        cell = cell_at(ws, row, 1, text)
        if kind == "title":
            cell.font = Font(name=FACE, bold=True, size=12)
        elif kind == "note":
            cell.font = Font(name=FACE, bold=True, color="C00000")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if ncols > 1:
            merge(ws, row, 1, row, ncols)
        # characters a line holds: a column width counts digits of the default font; text in
        # LibreOffice's fallback face (and a title's larger bold) runs wider
        per_line = max(int(total * (0.85 if kind != "title" else 0.7)), 10)
        lines_needed = sum(math.ceil(max(len(p), 1) / per_line) for p in text.split("\n"))
        ws.row_dimensions[row].height = (17 if kind == "title" else 15) * lines_needed
        row += 1
    return row + 1


def a4(ws: Any, header_row: int) -> None:
    """Print on A4 landscape, one page wide, the table header repeated on every page."""
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _io_failure(exc: BaseException | None) -> bool:
    """A failed write: an OSError, or lxml's SerialisationError (IO_ENOSPC, IO_EFBIG)."""
    return isinstance(exc, OSError) or type(exc).__name__ == "SerialisationError"


def _io_reason(exc: BaseException) -> str:
    import errno

    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.ENOSPC or "ENOSPC" in text:
        return "disk penuh"
    if code == errno.EFBIG or "EFBIG" in text:
        return "batas ukuran berkas terlampaui (disk penuh atau ulimit -f)"
    return getattr(exc, "strerror", None) or text or type(exc).__name__


def save_workbook(
    wb: Workbook, scratch: Path | None = None, *, asal: list[str] | None = None
) -> bytes:
    """Every workbook's bytes, with its properties set: no library's name as the author, and
    where the figures came from (``asal``) as the description, never in a cell."""
    import tempfile

    wb.properties.creator = ""
    wb.properties.lastModifiedBy = ""
    wb.properties.description = "\n".join(asal) if asal else None
    buf = io.BytesIO()
    previous = tempfile.tempdir
    tempfile.tempdir = str(scratch) if scratch is not None else previous
    failure = None
    hook = sys.unraisablehook
    # a failed write is raised again when openpyxl's sheet writer is finalised: said once, here
    sys.unraisablehook = lambda u: None if _io_failure(u.exc_value) else hook(u)
    try:
        wb.save(buf)
    except Exception as exc:  # openpyxl spools each sheet through a file: a full disk, ...
        if not _io_failure(exc):
            raise
        failure = _io_reason(exc)
    finally:
        tempfile.tempdir = previous
        if failure is not None:
            gc.collect()  # openpyxl's half-written sheet streams, finalised while silenced
        sys.unraisablehook = hook
    if failure is not None:
        from ikutool.errors import IkuError
        from ikutool.workspace.paths import shown

        where = shown(scratch) if scratch is not None else "folder sementara sistem"
        raise IkuError.single(
            "IKU503",
            f"buku kerja tidak dapat disusun: {failure} (saat menulis berkas sementara di "
            f"{where}); kosongkan ruang disk lalu ulangi. Tidak ada berkas yang ditulis",
            file=where,
        )
    return buf.getvalue()
