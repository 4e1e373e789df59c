"""One sheet of the realisasi workbook (a bidang's indicators): its titles and header, a row per
component with the read-only figures (code, indicator, target, the rencana aksi's quarter
targets) and the cells to fill (pre-filled from the realisasi and rencana aksi files), each
validated as its figure is (number, percent, predikat drop-down, level), then frozen, filtered
and protected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from ikutool.excel.kendala import KENDALA
from ikutool.excel.layout import COLUMNS, HEADER_ROW, HIDDEN, Column
from ikutool.inputs.realisasi import RealisasiIndikator, RealisasiTahun
from ikutool.model.iku import Iku, Indikator
from ikutool.render.formats.xlsx_cells import cell_at

HEAD = "DDEBF7"
INPUT = "FFF9E1"
GREY = "EDEDED"
MAX_LIST_FORMULA = 255  # Excel's limit on an explicit list's text

MadeFrom = list[tuple[str, str, str, Any]]  # (kode, kunci or "", field, value) of a pre-filled cell


def takes_quarters(ind: Indikator, entry: RealisasiIndikator | None) -> bool:
    """Quarter cells are open for indicators whose IKU sets a quarterly rule, or that already
    have quarterly values; an indicator measured once a year (``frekuensi: tahunan``) gets the
    year's cell."""
    if ind.frekuensi == "tahunan" and not (entry and entry.triwulan):
        return False
    return "agregasi_triwulan" in ind.model_fields_set or bool(entry and entry.triwulan)


def fill_sheet(
    ws: Any,
    iku: Iku,
    tahun: int,
    data: RealisasiTahun | None,
    rows: list[tuple[Any, Indikator]],
    bidang_label: str | None,
    pk: Any = None,
    renaksi: Any = None,
) -> MadeFrom:
    """Fill one sheet; returns what each pre-filled cell holds: ``(kode, kunci or "", field,
    value)`` (kunci empty for a single-component indicator, as the importer names it)."""
    from ikutool.render.formats.xlsx_cells import fit_rows

    _columns(ws)
    _titles(ws, iku, tahun, bidang_label, pk)
    sheet = _Sheet(ws)
    row = HEADER_ROW + 1
    for number, (_, ind) in enumerate(rows, 1):
        row = _indicator_rows(sheet, row, number, ind, iku, tahun, data, pk, renaksi)
    for c, width in sheet.widths.items():
        ws.column_dimensions[get_column_letter(c)].width = width
    for dv, coordinates in sheet.cells.items():
        if coordinates:
            dv.sqref = MultiCellRange(" ".join(coordinates))
            ws.add_data_validation(dv)
    last = row - 1
    fit_rows(ws, HEADER_ROW + 1, last)  # wrapped names and notes get their height
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may be changed; structure not
    ws.protection.formatRows = False
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{max(last, HEADER_ROW)}"
    return sheet.made_from


def _columns(ws: Any) -> None:
    for c, col in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(c)].width = col.width
        if col.header in HIDDEN:
            ws.column_dimensions[get_column_letter(c)].hidden = True


def _titles(ws: Any, iku: Iku, tahun: int, bidang_label: str | None, pk: Any) -> None:
    """The titles and the header row."""
    from ikutool.render.formats.xlsx_cells import note_rows

    # the titles sit in the first three columns, which are printed on every page (a title across
    # all 21 columns would be cut into pieces on paper); how to fill in is on "Petunjuk"
    lines = [
        (iku.instansi.nama.upper(), "title"),
        (
            f"REALISASI INDIKATOR KINERJA UTAMA TAHUN {tahun}"
            + (f" - BIDANG {bidang_label.upper()}" if bidang_label else ""),
            "title",
        ),
    ]
    if pk is not None and pk.target:
        lines.append((f"Target bertanda (PK): target Perjanjian Kinerja tahun {tahun}.", ""))
    note_rows(ws, 1, lines, 3)
    for c, col in enumerate(COLUMNS, 1):
        _cell(ws, HEADER_ROW, c, col.header, editable=False, colour=HEAD, bold=True, align="center")
    ws.row_dimensions[HEADER_ROW].height = 48  # three lines: "Kendala dan tindak lanjut TW III"


class _Sheet:
    """A sheet being filled: its validations and the cells each is given, the widths of its
    rupiah columns, and what each pre-filled cell holds."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.number_check = DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2="1000000000000000",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Bukan angka",
            error="Isi dengan angka (tidak negatif), mis. 58 atau 6,5.",
        )
        self.percent_check = DataValidation(
            type="decimal",
            operator="between",
            formula1="-1000000",
            formula2="1000000",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Bukan persentase",
            error="Isi dengan angka persen, mis. 58,5 untuk 58,5 % (boleh negatif untuk "
            "pertumbuhan).",
        )
        self.level_check = DataValidation(
            type="list",
            formula1='"nasional,provinsi,spm"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Tingkat pembanding",
            error="Pilih nasional, provinsi atau spm.",
        )
        # cells are gathered and given to each validation once: adding them one by one makes
        # openpyxl re-check the growing range every time (quadratic in the number of rows)
        self.cells: dict[Any, list[str]] = {
            self.number_check: [],
            self.percent_check: [],
            self.level_check: [],
        }
        self.dropdowns: dict[tuple[str, ...], Any] = {}  # one per predikat scale
        self.widths: dict[int, float] = {}  # a figure column as wide as its rupiah amounts
        self.made_from: MadeFrom = []


@dataclass(frozen=True)
class _Part:
    """One component row of an indicator: what its cells show and may take."""

    ind: Indikator
    comp: Any
    k: int  # the component's place in its target (0: the indicator's first row)
    single: bool  # the target has one component
    labels: list[str] | None  # the predikat scale's labels
    quarters: bool  # the quarter cells are open
    values: dict[str, Any]  # what the files hold, by field


def _indicator_rows(
    sheet: _Sheet,
    row: int,
    number: int,
    ind: Indikator,
    iku: Iku,
    tahun: int,
    data: RealisasiTahun | None,
    pk: Any,
    renaksi: Any,
) -> int:
    """The rows of one indicator, one per component of its target, from ``row``; returns the
    next free row."""
    renstra = ind.target_for(tahun)
    assert renstra is not None
    labels = iku.predikat_labels(ind)
    # the target the year is measured against: the Perjanjian Kinerja's where it has one
    target = pk.target.get(ind.kode, renstra) if pk is not None else renstra
    mark = " (PK)" if target is not renstra else ""
    entry = data.indikator.get(ind.kode) if data else None
    quarters = takes_quarters(ind, entry)
    single = len(target.komponen) == 1
    for k, comp in enumerate(target.komponen):
        values = _values(entry, renaksi, ind.kode, comp.kunci or "nilai", k, len(target.komponen))
        part = _Part(ind, comp, k, single, labels, quarters, values)
        fixed = _fixed(number, ind, target, comp, k, renaksi, mark)
        for c, col in enumerate(COLUMNS, 1):
            if col.field is None:
                _fixed_cell(sheet.ws, row, c, col, fixed[c - 1], mark)
            else:
                _input_cell(sheet, row, c, col, col.field, part)
        row += 1
    return row


def _values(
    entry: RealisasiIndikator | None, renaksi: Any, kode: str, key: str, k: int, components: int
) -> dict[str, Any]:
    """What the realisasi and rencana aksi files hold for component ``key`` (the ``k``-th), by
    field; the indicator's own notes on its first component's row."""
    values: dict[str, Any] = {
        "nilai": entry.nilai.get(key) if entry and not entry.triwulan else None,
        "pembanding.nilai": _pembanding(entry, key, components),
    }
    for q in ("I", "II", "III", "IV"):
        values[f"triwulan.{q}"] = (
            entry.triwulan.get(q, {}).get(key) if entry and entry.triwulan else None
        )
    if k == 0 and renaksi is not None:
        for q, text in renaksi.catatan.get(kode, {}).items():
            values[f"{KENDALA}{q}"] = text
    if k == 0 and entry is not None:
        values["catatan"] = entry.catatan
        values["sumber"] = entry.sumber
        if entry.pembanding is not None:
            values["pembanding.tingkat"] = entry.pembanding.tingkat
            values["pembanding.sumber"] = entry.pembanding.sumber
        if entry.analisis is not None:
            for f in ("pendorong", "penghambat", "solusi", "program"):
                values[f"analisis.{f}"] = getattr(entry.analisis, f)
    return values


def _fixed(
    number: int, ind: Indikator, target: Any, comp: Any, k: int, renaksi: Any, mark: str
) -> list[Any]:
    """The read-only cells of a component's row, in the order of the columns without a field."""
    from ikutool.formatting.numbers import format_angka
    from ikutool.model.notation import component_label

    key = comp.kunci or "nilai"
    # a number, shown like every other figure of the sheet (in the computer's regional
    # format); a range is text, in Indonesian format
    target_cell: Any = (
        comp.jumlah
        if comp.jumlah_maks is None and comp.jenis == "angka" and not comp.batas
        else f"{format_angka(comp.jumlah)}-{format_angka(comp.jumlah_maks)}{mark}"
        if comp.jenis == "angka" and not comp.batas
        # "minimal 80 %", "1:30", "Rp 1,5 miliar", "WTP": as the IKU writes it
        else comp.tulisan + mark
    )
    negative = " (makin rendah makin baik)" if ind.polaritas == "negatif" else ""
    note = f"\nKeterangan: {ind.keterangan}" if ind.keterangan and k == 0 else ""
    return [
        number if k == 0 else None,
        ind.kode,
        ind.uraian + negative + note,
        component_label(comp.kunci, comp.satuan, ind.label_for(key))
        if len(target.komponen) > 1
        else "-",
        key,
        comp.satuan or "-",
        target_cell,
        *[_quarter_target(renaksi, ind.kode, q, k) for q in ("I", "II", "III", "IV")],
    ]


def _fixed_cell(ws: Any, row: int, c: int, col: Column, value: Any, mark: str) -> None:
    from ikutool.render.formats.xlsx_cells import number_format

    fmt = None
    if col.header == "Target" and isinstance(value, float):
        fmt = number_format(value) + (f'"{mark}"' if mark else "")
    elif col.header.startswith("Target TW") and isinstance(value, float):
        fmt = number_format(value)  # the plan's own figure: never marked (PK)
    _cell(ws, row, c, value, editable=False, fmt=fmt)


def _input_cell(sheet: _Sheet, row: int, c: int, col: Column, field: str, part: _Part) -> None:
    """A cell to fill (grey and locked where the row does not take it), pre-filled, with its
    validation."""
    from ikutool.formatting.numbers import format_angka
    from ikutool.model.notation import format_value
    from ikutool.render.formats.xlsx_cells import number_format

    comp = part.comp
    open_ = (
        (col.per == "row" or part.k == 0)
        and (not field.startswith("triwulan") or part.quarters)
        and not (field == "nilai" and part.quarters)
    )
    value = part.values.get(field) if open_ else None
    figure = field == "nilai" or field.startswith("triwulan")
    shown = value
    if figure and value is not None and comp.jenis in ("rasio", "predikat"):
        # "WDP", "1:24": what a person writes; the number stays in made_from
        shown = format_value(value, comp.jenis, part.labels, comp.rasio_dari)
    fmt = number_format(shown) if isinstance(shown, float | int) else None
    if figure and comp.jenis == "rupiah":
        # a number typed here is seen as rupiah ("Rp 1.200.000.000"), and read so; the column
        # is as wide as the amount (never "###")
        fmt = '"Rp "' + number_format(shown if isinstance(shown, float) else None)
        amount = max(comp.jumlah, shown if isinstance(shown, float | int) else 0)
        if open_:
            need = len(f"Rp {format_angka(amount)}") + 3
            sheet.widths[c] = max(sheet.widths.get(c, col.width), need)
    cell = _cell(sheet.ws, row, c, shown, editable=open_, fmt=fmt, colour=None if open_ else GREY)
    if not open_:
        return
    if value is not None:
        key = comp.kunci or "nilai"
        sheet.made_from.append((part.ind.kode, "" if part.single else key, field, value))
    _validate(sheet, cell.coordinate, field, figure, part)


def _validate(sheet: _Sheet, coordinate: str, field: str, figure: bool, part: _Part) -> None:
    """The validation an open cell is given, by what it takes."""
    comp, labels = part.comp, part.labels
    if figure and comp.jenis == "predikat" and labels:
        dropdown = sheet.dropdowns.setdefault(tuple(labels), _labels_check(labels))
        if dropdown is not None:
            sheet.cells.setdefault(dropdown, []).append(coordinate)
    elif figure and comp.jenis in ("rasio", "rupiah"):
        pass  # "1:24", "Rp 1,2 miliar" may be text: checked when imported
    elif figure or field == "pembanding.nilai":
        check = sheet.percent_check if comp.persen else sheet.number_check
        sheet.cells[check].append(coordinate)
    elif field == "pembanding.tingkat":
        sheet.cells[sheet.level_check].append(coordinate)


def _cell(
    ws: Any,
    row: int,
    col: int,
    value: Any,
    *,
    editable: bool,
    fmt: str | None = None,
    colour: str | None = None,
    bold: bool = False,
    align: str = "wrap",
) -> Any:
    from ikutool.render.formats.xlsx_cells import style

    cell = cell_at(ws, row, col, value)
    return style(
        cell,
        fmt=fmt,
        bold=bold,
        colour=colour or (INPUT if editable else None),
        locked=not editable,
        align=align,
    )


def list_formula(labels: list[str]) -> str | None:
    """The list-validation formula of ``labels`` (``"a,b"``, a ``"`` doubled), or None when
    Excel cannot hold them as a list: a comma (the separator), a control character, or more
    than 255 characters. Then the cell gets no drop-down; ``impor`` checks the label anyway."""
    if any("," in x or any(ord(ch) < 32 for ch in x) or not x.strip() for x in labels):
        return None
    body = ",".join(x.replace('"', '""') for x in labels)
    return None if len(",".join(labels)) > MAX_LIST_FORMULA else f'"{body}"'


def _labels_check(labels: list[str]) -> Any:
    """A drop-down of a predikat scale's labels (None: labels no list formula can hold)."""
    formula = list_formula(labels)
    if formula is None:
        return None
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Predikat",
        error=f"Pilih salah satu: {', '.join(labels)}.",
    )


def _quarter_target(renaksi: Any, kode: str, tw: str, k: int) -> Any:
    """The rencana aksi's target of component ``k`` for quarter ``tw``: a plain number as a
    number, any other form as the plan writes it; "-" where the plan has none."""
    target = renaksi.target_tw(kode, tw) if renaksi is not None else None
    if target is None or k >= len(target.komponen):
        return "-"
    comp = target.komponen[k]
    if comp.jenis == "angka" and comp.jumlah_maks is None and not comp.batas:
        return comp.jumlah
    return comp.tulisan


def _pembanding(entry: RealisasiIndikator | None, key: str, components: int) -> Any:
    if entry is None or entry.pembanding is None:
        return None
    value = entry.pembanding.nilai
    if isinstance(value, dict):
        return value.get(key)
    return value if components == 1 else None
