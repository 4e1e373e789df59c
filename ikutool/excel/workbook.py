"""Reading back the realisasi workbook a bidang filled in (``iku realisasi impor``): its
identity (IKU, year, version), each sheet's header and rows; the file itself is checked in
``excel/workbook_file.py``, one cell is read in ``excel/workbook_cell.py``.

What Excel really holds is accepted: numbers, numbers typed as text in Indonesian or English
format (the assumption is said), percentages stored as 0,585 in a cell formatted as %, formulas
(their cached values), empty cells (left as they were), merged cells, extra columns or rows a user
added (columns are found by their headers). Every problem is located by file, sheet and cell and
named by its row (``realisasi-2019.xlsx!UKM!H7 (S1.1 sertifikasi usaha mikro)``), all at once.

The file is bounded before openpyxl opens it: its size, the number of parts inside the zip, and
(``excel/bounds.py``) every XML part streamed through a counting parser: bytes really
decompressed, elements, cells, merged ranges, shared strings; damage in the zip is named there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ikutool.errors import Finding, Severity
from ikutool.excel.layout import (
    ASAL_ROW,
    COLUMNS,
    GUIDE_SHEET,
    META_KIND,
    META_SHEET,
    READ_VERSIONS,
    iku_fingerprint,
)
from ikutool.excel.workbook_cell import FIELD_NAMES as FIELD_NAMES
from ikutool.excel.workbook_cell import CellValue as CellValue
from ikutool.excel.workbook_cell import Row, read_cell
from ikutool.excel.workbook_file import check_file, open_workbook, whole_file
from ikutool.formatting.numbers import format_angka
from ikutool.model.iku import Iku, Indikator
from ikutool.model.notation import component_label

MAX_ROWS = 20_000
HEADERS = {c.header.casefold(): c.field for c in COLUMNS if c.field} | {
    "kode": "kode",
    "kunci komponen": "kunci",
}


@dataclass
class Workbook:
    file: str
    tahun: int
    # what each pre-filled cell held when the workbook was made, by (kode, kunci, field); a cell
    # not here was empty
    asal: dict[tuple[str, str | None, str], Any] = field(default_factory=dict)
    values: list[CellValue] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def read_workbook(path: Path, name: str, iku: Iku, tahun: int | None) -> Workbook:
    """The values a filled-in template holds, checked against the IKU; problems as findings
    (whole-file problems, such as another IKU's template, raise :class:`IkuError`)."""
    check_file(path, name)
    wb = open_workbook(path, name, data_only=False)
    meta = _meta(wb, name)
    made_for = meta.get("tahun")
    if meta.get("jenis") != META_KIND or not isinstance(made_for, int):
        raise whole_file(
            "IKU108",
            "buku kerja ini bukan templat realisasi ikutool (lembar tersembunyi _ikutool tidak "
            "utuh); buat templatnya dengan: iku realisasi template --tahun TAHUN --format xlsx",
            name,
        )
    if meta.get("iku_sidik") != iku_fingerprint(iku):
        raise whole_file(
            "IKU108",
            f"buku kerja ini dibuat untuk IKU lain ({meta.get('iku') or 'tidak diketahui'}, "
            f"{meta.get('instansi') or '-'}): kode, target, komponen atau aturan triwulannya berbeda "
            "dengan IKU "
            f"{iku.berkas}. Buat templat baru dari IKU ini",
            name,
        )
    if tahun is not None and made_for != tahun:
        raise whole_file(
            "IKU108",
            f"buku kerja ini dibuat untuk tahun {made_for}, bukan {tahun}; periksa --tahun atau "
            "berkasnya",
            name,
        )
    versi = meta.get("versi")
    if isinstance(versi, int) and not isinstance(versi, bool) and versi > max(READ_VERSIONS):
        raise whole_file(
            "IKU108",
            "buku kerja ini dibuat dengan ikutool yang lebih baru, yang mencatat isian yang belum "
            "dikenal versi ini; mengimpornya bisa melewatkan isian itu tanpa kabar. Impor dengan "
            "ikutool versi terbaru",
            name,
        )
    if versi not in READ_VERSIONS:
        raise whole_file(
            "IKU108",
            "buku kerja ini dibuat dengan versi ikutool lama, yang belum mencatat isi awal setiap "
            "sel; mengimpornya bisa menimpa perubahan yang lebih baru di berkas realisasi. Salin "
            "isiannya ke templat baru: iku realisasi template --tahun "
            f"{made_for} --format xlsx",
            name,
        )
    out = Workbook(name, made_for, asal=_asal(wb))
    cached = None
    for ws in wb.worksheets:
        if ws.title in (META_SHEET, GUIDE_SHEET):
            continue
        if any(
            isinstance(c.value, str) and c.value.startswith("=") for r in ws.iter_rows() for c in r
        ):
            cached = cached or open_workbook(path, name, data_only=True)
        _sheet(ws, cached[ws.title] if cached is not None else None, iku, made_for, out)
    for v in out.values:
        v.asal = out.asal.get((v.kode, v.kunci, v.field))
    _duplicates(out)
    return out


def _asal(wb: Any) -> dict[tuple[str, str | None, str], Any]:
    """The values the workbook was made with (the hidden sheet's "asal" rows)."""
    ws = wb[META_SHEET]
    out: dict[tuple[str, str | None, str], Any] = {}
    for row in ws.iter_rows(min_row=ASAL_ROW, max_col=5, values_only=True):
        if row[0] != "asal":
            continue
        kode, kunci, fname, value = row[1], row[2], row[3], row[4]
        out[(str(kode), str(kunci) if kunci else None, str(fname))] = value
    return out


def _meta(wb: Any, name: str) -> dict[str, Any]:
    if META_SHEET not in wb.sheetnames:
        return {}
    ws = wb[META_SHEET]
    return {
        str(r[0].value): r[1].value
        for r in ws.iter_rows(min_row=1, max_row=20, max_col=2)
        if r[0].value is not None
    }


def _merged_tops(ws: Any) -> dict[str, Any]:
    """Each merged cell's coordinate -> the value of its range's top-left cell (openpyxl keeps
    the value there only), built once per sheet: looked up per cell, never a scan of every
    range (quadratic: a thousand ranges took 19 s)."""
    out: dict[str, Any] = {}
    for rng in ws.merged_cells.ranges:
        value = ws.cell(row=rng.min_row, column=rng.min_col).value
        for row, col in rng.cells:
            out[f"{get_column_letter(col)}{row}"] = value
    return out


def _merged_value(tops: dict[str, Any], cell: Any) -> Any:
    """A cell's value, or the value of the merged range it lies in."""
    if type(cell).__name__ != "MergedCell":
        return cell.value
    return tops.get(cell.coordinate)


def _sheet(ws: Any, cached_ws: Any, iku: Iku, tahun: int, out: Workbook) -> None:
    where_sheet = f"{out.file}!{ws.title}"
    header_row, columns = _header(ws)
    problem = _layout_problem(ws, header_row, columns)
    if problem is not None:
        out.findings.append(Finding(problem[0], problem[1], Severity.ERROR, where_sheet))
        return
    assert header_row is not None  # a sheet without one is a layout problem
    codes = {ind.kode: ind for _, ind in iku.indikator()}
    tops = _merged_tops(ws)
    for r in range(header_row + 1, ws.max_row + 1):
        row = _row(ws, r, columns, tops, codes, iku, tahun, out, where_sheet)
        if row is None:
            continue
        for fname, col in columns.items():
            if fname in ("kode", "kunci"):
                continue
            read_cell(out, row, fname, ws.cell(row=r, column=col), cached_ws, where_sheet, tahun)


def _header(ws: Any) -> tuple[int | None, dict[str, int]]:
    """The template's header row (within the first 40) and the column of each field it names:
    found by the headers, so columns a person added or moved are no matter."""
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 40)):
        found = {
            HEADERS[str(c.value).strip().casefold()]: c.column
            for c in row
            if isinstance(c.value, str) and str(c.value).strip().casefold() in HEADERS
        }
        if "kode" in found and ("nilai" in found or any(f.startswith("triwulan") for f in found)):
            return row[0].row, found
    return None, {}


def _layout_problem(
    ws: Any, header_row: int | None, columns: dict[str, int]
) -> tuple[str, str] | None:
    """Why the sheet cannot be read at all (code, message), or None."""
    if header_row is None:
        return (
            "IKU108",
            "lembar ini tidak punya baris judul templat (kolom 'Kode' dan 'Realisasi'); "
            "jangan hapus baris judulnya",
        )
    if "kunci" not in columns:
        return "IKU108", "kolom 'Kunci komponen' hilang dari lembar ini"
    if ws.max_row - header_row > MAX_ROWS:
        return "IKU105", f"terlalu banyak baris (lebih dari {format_angka(MAX_ROWS)})"
    return None


def _row(
    ws: Any,
    r: int,
    columns: dict[str, int],
    tops: dict[str, Any],
    codes: dict[str, Indikator],
    iku: Iku,
    tahun: int,
    out: Workbook,
    where_sheet: str,
) -> Row | None:
    """Row ``r`` found in the IKU by its code and component key (None: an empty or added row,
    or a code or key the IKU does not have, said in ``out``)."""
    kode = _merged_value(tops, ws.cell(row=r, column=columns["kode"]))
    if kode is None or str(kode).strip() == "":
        return None  # an empty or added row
    kode = str(kode).strip()
    kunci_raw = _merged_value(tops, ws.cell(row=r, column=columns["kunci"]))
    kunci = str(kunci_raw).strip() if kunci_raw is not None else ""
    ind = codes.get(kode)
    at = f"{where_sheet}!{ws.cell(row=r, column=columns['kode']).coordinate}"
    if ind is None:
        out.findings.append(
            Finding(
                "IKU301",
                f"kode indikator '{kode}' tidak ada di IKU {iku.berkas}",
                Severity.ERROR,
                at,
            )
        )
        return None
    target = ind.reference_target(tahun)
    keys = [c.kunci or "nilai" for c in target.komponen] if target else []
    if keys and kunci not in keys:
        out.findings.append(
            Finding(
                "IKU302",
                f"kunci komponen '{kunci}' tidak ada di target {kode} {tahun}; yang ada: "
                f"{', '.join(keys)}",
                Severity.ERROR,
                at,
                path=kode,
            )
        )
        return None
    comp = (
        next((c for c in target.komponen if (c.kunci or "nilai") == kunci), None)
        if target
        else None
    )
    # a row named as a person names it: "S3.2 ekspor", "S1.2" (never an internal key)
    label = (
        kode
        if len(keys) <= 1 or comp is None
        else f"{kode} {component_label(comp.kunci, comp.satuan, ind.label_for(kunci))}"
    )
    return Row(kode, kunci, keys, ind, target, comp, label, iku.predikat_labels(ind))


def _duplicates(out: Workbook) -> None:
    seen: dict[tuple[str, str | None, str], CellValue] = {}
    for v in out.values:
        key = (v.kode, v.kunci, v.field)
        if key in seen:
            out.findings.append(
                Finding(
                    "IKU306",
                    f"baris ganda: {v.label} ({FIELD_NAMES.get(v.field, v.field)}) juga diisi di "
                    f"{seen[key].where}",
                    Severity.ERROR,
                    v.where,
                    path=v.label,
                )
            )
        else:
            seen[key] = v
