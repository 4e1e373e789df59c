"""One cell of a filled-in realisasi workbook read back: a formula's cached value, an empty or
"hapus" cell, a note typed on the wrong row, then the value itself (text, a number in Indonesian
or English format, a %-formatted cell, rupiah, a ratio or predikat in its target's form), checked
against the indicator's target; every problem located at the cell."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ikutool.errors import Finding, Severity
from ikutool.excel.kendala import KENDALA, field_name, is_kendala
from ikutool.excel.layout import COLUMNS
from ikutool.formatting.numbers import NumberFormatError, format_angka, parse_angka, settled_figure
from ikutool.model.iku import MAX_TEXT, Indikator, magnitude_problem, text_problem
from ikutool.model.notation import component_label
from ikutool.model.quarters import QUARTERS

if TYPE_CHECKING:
    from ikutool.excel.workbook import Workbook

NUMBER_FIELDS = {
    "nilai",
    "pembanding.nilai",
    "triwulan.I",
    "triwulan.II",
    "triwulan.III",
    "triwulan.IV",
}
# each field as a person names it, in messages
FIELD_NAMES = {
    "nilai": "realisasi",
    "catatan": "catatan",
    "sumber": "sumber data",
    "pembanding.nilai": "pembanding",
    "pembanding.tingkat": "tingkat pembanding",
    "pembanding.sumber": "sumber pembanding",
    "analisis.pendorong": "faktor pendorong",
    "analisis.penghambat": "faktor penghambat",
    "analisis.solusi": "solusi",
    "analisis.program": "program/kegiatan",
    "triwulan.I": "triwulan I",
    "triwulan.II": "triwulan II",
    "triwulan.III": "triwulan III",
    "triwulan.IV": "triwulan IV",
    **{f"{KENDALA}{q}": field_name(f"{KENDALA}{q}") for q in QUARTERS},
}
LEVELS = ("nasional", "provinsi", "spm")
EMPTY = ("", "-", "\u2013", "\u2014")  # "no data", as people type it into a number cell
PER_INDICATOR = {c.field for c in COLUMNS if c.per == "indikator" and c.field}
CLEAR = ("hapus", "kosongkan")  # typed in a cell: take the value out of the realisasi file

Problem = Callable[[str, str], None]  # (code, message): a finding at the cell being read


@dataclass
class CellValue:
    kode: str
    kunci: str | None  # None for a single-component indicator
    field: str  # nilai, triwulan.I, catatan, pembanding.nilai, analisis.solusi, ...
    value: float | str | None  # None: clear the value in the file ("hapus" typed in the cell)
    where: str  # file!sheet!cell
    label: str  # "S1.1 sertifikasi usaha mikro"
    note: str | None = None  # how a text number was read
    asal: Any = None  # what the cell held when the workbook was made (None: it was empty)
    tulisan: str | None = None  # written to the file instead of the number ("WDP", "1:24")
    bentuk: tuple | None = None  # (jenis, labels, first term): how a ratio/predikat is written


@dataclass(frozen=True)
class Row:
    """A sheet's row, found in the IKU: the indicator and component its cells fill."""

    kode: str
    kunci: str  # the row's "Kunci komponen" cell as written ("" when empty)
    keys: list[str]  # the target's component keys ("nilai" for an unnamed one)
    ind: Indikator
    target: Any
    comp: Any  # the row's component (None: the indicator has no target that year)
    label: str  # "S3.2 ekspor", "S1.2": as a person names the row
    labels: list[str] | None  # the indicator's predikat labels

    @property
    def single(self) -> bool:
        return len(self.keys) <= 1


def read_cell(
    out: Workbook, row: Row, fname: str, cell: Any, cached_ws: Any, where_sheet: str, tahun: int
) -> None:
    """The value of one cell of ``row`` (the column filling ``fname``), added to ``out``."""
    if type(cell).__name__ == "MergedCell":
        return  # the value is in the range's first cell, read at its own row
    where = f"{where_sheet}!{cell.coordinate}"
    value = cell.value
    if isinstance(value, str) and value.startswith("=") and cached_ws is not None:
        value = cached_ws.cell(row=cell.row, column=cell.column).value
        if value is None:
            out.findings.append(
                Finding(
                    "IKU303",
                    "rumus tanpa nilai tersimpan; buka buku kerja di Excel atau LibreOffice, "
                    "simpan, lalu impor lagi",
                    Severity.ERROR,
                    where,
                    path=row.label,
                )
            )
            return
    if value is None or (isinstance(value, str) and value.strip() in EMPTY):
        return  # left as it is in the realisasi file ("-" is "no data", as typed)
    if not row.single and row.kunci != row.keys[0] and fname in PER_INDICATOR:
        # a note of the indicator typed on a later component's row: never moved to the
        # indicator without a word
        out.findings.append(
            Finding(
                "IKU302",
                f"{FIELD_NAMES.get(fname, fname)} diisi di baris komponen {row.label}; isian ini "
                f"milik indikator {row.kode}: tulis di baris pertamanya (komponen "
                f"{_first_label(row.ind, row.target)})",
                Severity.ERROR,
                where,
                path=row.label,
            )
        )
        return
    # a note of the indicator (catatan, kendala) is named by its code, not the row's component
    named = row.kode if fname in PER_INDICATOR else row.label
    kunci = None if row.single else row.kunci
    if isinstance(value, str) and value.strip().casefold() in CLEAR:
        # the one way to take a wrong value out of the file through Excel
        out.values.append(CellValue(row.kode, kunci, fname, None, where, named, "dihapus"))
        return
    _value(
        out,
        tahun,
        row.ind,
        row.comp,
        row.kode,
        kunci,
        fname,
        value,
        cell,
        named,
        where_sheet,
        row.labels,
    )


def _first_label(ind: Indikator, target: Any) -> str:
    first = target.komponen[0]
    return component_label(first.kunci, first.satuan, ind.label_for(first.kunci or ""))


def _value(
    out: Workbook,
    tahun: int,
    ind: Indikator,
    comp: Any,
    kode: str,
    kunci: str | None,
    fname: str,
    value: Any,
    cell: Any,
    label: str,
    where_sheet: str,
    labels: list[str] | None = None,
) -> None:
    where = f"{where_sheet}!{cell.coordinate}"

    def problem(code: str, message: str) -> None:
        out.findings.append(Finding(code, message, Severity.ERROR, where, path=label))

    if fname not in NUMBER_FIELDS:
        text = _text(fname, value, cell, problem)
        if text is not None:
            out.values.append(CellValue(kode, kunci, fname, text, where, label))
        return
    if isinstance(value, bool):
        problem("IKU303", f'"{value}" bukan angka')
        return
    jenis = comp.jenis if comp is not None and fname != "pembanding.nilai" else "angka"
    if jenis == "rupiah" and isinstance(value, str):
        number = _rupiah_text(value, comp, problem)
        if number is not None:
            out.values.append(_rupiah_value(kode, kunci, fname, number, where, label))
        return
    if (
        jenis == "rupiah"
        and isinstance(value, int | float)
        and not _rupiah_cell(cell, value, out.asal.get((kode, kunci, fname)))
    ):
        from ikutool.model.notation import plain_rupiah

        problem(
            "IKU303",
            plain_rupiah(format_angka(value), value, comp.tulisan)
            + " (sel ini berisi angka tanpa format Rp; angka rupiah penuh boleh diketik di "
            "sel berformat Rp, seperti di buku kerja baru dari iku realisasi template "
            "--format xlsx)",
        )
        return
    if jenis in ("rasio", "predikat"):
        found = _in_form(jenis, value, cell, labels, comp, problem)
        if found is not None:
            number, written = found
            form = (jenis, labels, comp.rasio_dari)
            out.values.append(
                CellValue(kode, kunci, fname, number, where, label, tulisan=written, bentuk=form)
            )
        return
    read = _number(value, cell, comp, label, problem)
    if read is None:
        return
    if fname == "pembanding.nilai":
        issue = magnitude_problem(read.number)
        if issue:
            problem("IKU303", issue)
            return
    elif not _against_target(out, ind, comp, tahun, read, where, label):
        return
    if jenis == "rupiah":
        out.values.append(_rupiah_value(kode, kunci, fname, read.number, where, label))
        return
    out.values.append(CellValue(kode, kunci, fname, read.number, where, label, read.note))


def _rupiah_text(value: str, comp: Any, problem: Problem) -> float | None:
    """A rupiah cell typed as text ("Rp 1.200.000.000", "Rp 1,2 miliar"): the amount, as the
    target's own form reads it;
    "1040,9" without Rp is refused, never read as rupiah (None: refused)."""
    from ikutool.model.notation import NotationError, parse_value

    try:
        return parse_value(value, "rupiah", target=comp.tulisan)
    except NotationError as exc:
        problem("IKU303", exc.message)
        return None


def _text(fname: str, value: Any, cell: Any, problem: Problem) -> str | None:
    """A text field's cell (catatan, sumber, tingkat, analisis, kendala) as written to the file
    (None: refused, the problem said)."""
    if isinstance(value, bool):
        problem(
            "IKU209",
            "sel berisi BENAR/SALAH (TRUE/FALSE), bukan teks; ketik teksnya, atau beri tanda "
            "petik di depannya ('BENAR)",
        )
        return None
    text = shown_text(value, cell.number_format or "").strip()
    if fname == "pembanding.tingkat":
        if text.casefold() not in LEVELS:
            problem(
                "IKU209",
                f'"{text}" bukan tingkat pembanding; pilih nasional, provinsi atau spm',
            )
            return None
        text = text.casefold()
    # a kendala is held to the rencana aksi's own bound (its notes are LongText there)
    issue = text_problem(text, MAX_TEXT if is_kendala(fname) else 10_000)
    if issue:
        problem("IKU209", issue)
        return None
    return text


def _in_form(
    jenis: str, value: Any, cell: Any, labels: list[str] | None, comp: Any, problem: Problem
) -> tuple[float, str] | None:
    """A ratio or predikat written in its target's form ("1:24", "WDP"), read back to what
    capaian compares, and the form it is written to the file in (None: refused)."""
    from ikutool.model.notation import NotationError, format_value, parse_value

    try:
        number = parse_value(shown_text(value, cell.number_format or ""), jenis, labels)
    except NotationError as exc:
        problem("IKU303", exc.message)
        return None
    return number, format_value(number, jenis, labels, comp.rasio_dari)


class _Read(NamedTuple):
    """A number read from a cell, and how."""

    number: float
    note: str | None  # how it was read, said to the person ("sel berformat persen: ...")
    raw: str | None  # the text typed (None: Excel held a number)
    had_percent: bool  # written with a % sign
    written: str | None  # the unit a text cell was written with ("2 lembaga")


def _number(value: Any, cell: Any, comp: Any, label: str, problem: Problem) -> _Read | None:
    """A figure cell's number: a number Excel holds (a %-formatted 0,57 is 57), or text in
    Indonesian format, English format, or with its unit (None: refused, the problem said)."""
    percent = bool(comp is not None and comp.persen)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        problem(
            "IKU303",
            "Excel mengubah isian ini menjadi tanggal; format sel sebagai angka dan ketik ulang "
            "angkanya (desimal dengan koma, mis. 1,10)",
        )
        return None
    if isinstance(value, int | float):
        number = float(value)
        note = None
        if "%" in (cell.number_format or ""):
            if not percent:
                problem(
                    "IKU312",
                    f"sel berformat persen, padahal satuan {label} bukan persen; ubah format selnya "
                    "menjadi angka biasa",
                )
                return None
            # 0,57 shown as 57 %: as a person reads it, never 56,99999999999999
            number = settled_figure(number * 100)
            note = f"sel berformat persen: {format_angka(value)} dibaca {format_angka(number)} %"
        return _Read(number, note, None, False, None)
    return _typed_number(str(value).strip(), comp, problem)


def _typed_number(raw: str, comp: Any, problem: Problem) -> _Read | None:
    """A number typed as text: Indonesian format first, then English, then with its unit."""
    note = None
    written: str | None = None
    try:
        number, had_percent = parse_angka(raw)
        if any(ch in raw for ch in ".,"):
            note = f'"{raw}" dibaca dengan format Indonesia: {format_angka(number)}'
    except NumberFormatError as exc:
        from ikutool.inputs.satuan import how_read, with_unit
        from ikutool.model.notation import is_percent

        english = _english(raw)
        found = with_unit(raw) if english is None else None  # "2 lembaga", "4 hari"
        if found is not None:
            number, written = found
            had_percent = is_percent(written)
            note = how_read(raw, comp)
        elif english is None:
            problem("IKU303", exc.message)
            return None
        else:
            number, had_percent = english
            note = f'"{raw}" dibaca dengan format Inggris: {format_angka(number)}'
    return _Read(number, note, raw, had_percent, written)


def _against_target(
    out: Workbook, ind: Indikator, comp: Any, tahun: int, read: _Read, where: str, label: str
) -> bool:
    """The realisasi rule shared with the file and ``isi`` (its unit, its form, its bounds):
    warnings and errors added to ``out``; False when an error refuses the value."""
    from ikutool.inputs.realisasi_nilai import value_problems

    key = (comp.kunci or "nilai") if comp is not None else "nilai"
    problems = value_problems(
        ind, key, tahun, read.number, percent=read.had_percent, raw=read.raw, satuan=read.written
    )
    for code, message, is_error in problems:
        severity = Severity.ERROR if is_error else Severity.WARNING
        out.findings.append(Finding(code, message, severity, where, path=label))
    return not any(is_error for _, _, is_error in problems)


def _rupiah_value(
    kode: str, kunci: str | None, fname: str, number: float, where: str, label: str
) -> CellValue:
    """A rupiah amount, written to the file as "Rp 1.200.000.000" (a bare number there is
    refused: it could be juta or miliar)."""
    from ikutool.model.notation import format_value

    written = format_value(number, "rupiah")
    return CellValue(
        kode, kunci, fname, number, where, label, tulisan=written, bentuk=("rupiah", None, None)
    )


def _rupiah_cell(cell: Any, value: float, asal: Any) -> bool:
    """A number in a cell of a rupiah target is a rupiah amount only where the person saw it as
    one (the template formats those cells "Rp"), or where it is the value the workbook was made
    with (a workbook of an older template)."""
    if "rp" in (cell.number_format or "").casefold():
        return True
    return isinstance(asal, int | float) and math.isclose(float(asal), float(value))


def shown_text(value: Any, number_format: str) -> str:
    """What a person sees in a text cell, as the text written to the file: a date in
    Indonesian ("31 Desember 2019"), a time with a dot ("08.30"), a number in Indonesian format
    (a %-formatted 0,57 is "57 %"), never ``2019-12-31 00:00:00`` or a float's noise."""
    from ikutool.formatting.numbers import BULAN, settled_figure

    if isinstance(value, dt.datetime):
        day = f"{value.day} {BULAN[value.month - 1]} {value.year}"
        if value.time() == dt.time(0, 0):
            return day
        return f"{day} {shown_text(value.time(), '')}"
    if isinstance(value, dt.date):
        return f"{value.day} {BULAN[value.month - 1]} {value.year}"
    if isinstance(value, dt.time):
        text = f"{value.hour:02d}.{value.minute:02d}"
        return text + (f".{value.second:02d}" if value.second else "")
    if isinstance(value, int | float):
        if "%" in number_format:
            return f"{format_angka(settled_figure(value * 100))} %"
        return format_angka(value)
    return str(value)


def _english(text: str) -> tuple[float, bool] | None:
    """``1,234.5`` or ``6.5``: English number format, read when the Indonesian reading fails."""
    import re

    s = text.strip()
    percent = s.endswith("%")
    s = s.rstrip("%").strip()
    if not re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", s):
        return None
    return float(s.replace(",", "")), percent
