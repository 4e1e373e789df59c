"""The realisasi workbook each bidang fills in (``iku realisasi template --format xlsx``).

One row per quantity to fill (each component of a composite target on its own row); only the
input cells are unlocked (the sheet is protected without a password, so nobody breaks the layout
by accident); input cells validate numbers (and percentages where the unit is %); values already
in the realisasi file are pre-filled. A hidden sheet identifies the IKU (a hash of its content)
and the year, so ``iku realisasi impor`` refuses a workbook made for another IKU or year.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from ikutool.excel.kendala import KENDALA, KENDALA_HEADER
from ikutool.inputs.realisasi import RealisasiIndikator, RealisasiTahun
from ikutool.model.iku import Iku, Indikator
from ikutool.model.quarters import QUARTERS
from ikutool.render.formats.xlsx_cells import cell_at

META_SHEET = "_ikutool"
META_KIND = "ikutool-templat-realisasi"
# 2: the values each cell was made with (the "asal" rows), for the 3-way import; 3: the kendala
# columns (the rencana aksi's catatan per quarter). A version-2 workbook is still read (it simply
# has no kendala cells); an older ikutool refuses a version-3 one rather than drop its kendala
META_VERSION = 3
READ_VERSIONS = (2, 3)
ASAL_ROW = 40  # where those rows start on the hidden sheet
HEAD = "DDEBF7"
INPUT = "FFF9E1"
GREY = "EDEDED"


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    field: str | None  # what the column fills (None: read-only); see workbook.FIELDS
    per: str = "row"  # "row": every component row; "indikator": the indicator's first row only


COLUMNS = [
    Column("No", 5, None),
    Column("Kode", 8, None),
    Column("Indikator", 34, None),
    Column("Komponen", 22, None),
    Column("Kunci komponen", 14, None),  # hidden: how impor finds the component
    Column("Satuan", 11, None),
    Column("Target", 11, None),
    # the rencana aksi's quarter targets (read-only: the plan is the officer's, signed with the PK)
    Column("Target TW I", 10, None),
    Column("Target TW II", 10, None),
    Column("Target TW III", 10, None),
    Column("Target TW IV", 10, None),
    Column("Realisasi", 12, "nilai"),
    Column("Triwulan I", 11, "triwulan.I"),
    Column("Triwulan II", 11, "triwulan.II"),
    Column("Triwulan III", 11, "triwulan.III"),
    Column("Triwulan IV", 11, "triwulan.IV"),
    Column("Catatan", 24, "catatan", "indikator"),
    # the quarter's kendala and tindak lanjut: the rencana aksi's catatan (renaksi/<tahun>.yaml),
    # shown in Tabel 2 of the quarterly report
    *[Column(f"{KENDALA_HEADER} TW {q}", 22, f"{KENDALA}{q}", "indikator") for q in QUARTERS],
    Column("Sumber data", 16, "sumber", "indikator"),
    Column("Pembanding", 16, "pembanding.nilai"),
    Column("Tingkat pembanding", 16, "pembanding.tingkat", "indikator"),
    Column("Sumber pembanding", 18, "pembanding.sumber", "indikator"),
    Column("Faktor pendorong", 24, "analisis.pendorong", "indikator"),
    Column("Faktor penghambat", 24, "analisis.penghambat", "indikator"),
    Column("Solusi", 24, "analisis.solusi", "indikator"),
    Column("Program/kegiatan", 24, "analisis.program", "indikator"),
]
HEADER_ROW = 6
HIDDEN = ("Kunci komponen",)
# printed on A4 landscape one group of columns per page, "No, Kode, Indikator" repeated on each:
# the targets, the realisasi, the notes (catatan and the quarters' kendala), the data's source and
# comparison, then the officer's analyses
PAGE_BREAK_AFTER = ("Target TW IV", "Triwulan IV", f"{KENDALA_HEADER} TW IV", "Sumber pembanding")


def iku_fingerprint(iku: Iku) -> str:
    """A hash of what the workbook's rows depend on: the codes, targets, component keys and
    forms, and how quarters make a year.

    Cosmetic edits of the IKU file (comments, spacing, the instansi's address) keep it; a
    changed code, target, component or quarter rule makes an old workbook refuse to import."""
    rows = []
    for sas in iku.groups():
        for ind in sas.indikator:
            targets = {
                str(y): [
                    (c.kunci, c.jumlah, c.jumlah_maks, c.satuan, c.jenis, c.rasio_dari, c.predikat)
                    for c in t.komponen
                ]
                for y, t in sorted(ind.target.items())
                if t is not None
            }
            rule = ind.agregasi_triwulan
            rows.append([sas.kode, ind.kode, ind.polaritas, targets, rule, ind.skala_predikat])
    canonical = json.dumps([iku.periode.awal, iku.periode.akhir, rows], sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def takes_quarters(ind: Indikator, entry: RealisasiIndikator | None) -> bool:
    """Quarter cells are open for indicators whose IKU sets a quarterly rule, or that already
    have quarterly values; an indicator measured once a year (``frekuensi: tahunan``) gets the
    year's cell."""
    if ind.frekuensi == "tahunan" and not (entry and entry.triwulan):
        return False
    return "agregasi_triwulan" in ind.model_fields_set or bool(entry and entry.triwulan)


def sheet_title(text: str) -> str:
    """A valid Excel sheet name: at most 31 characters, none of []:*?/\\ ."""
    for ch in "[]:*?/\\":
        text = text.replace(ch, " ")
    return text.strip()[:31] or "Realisasi"


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


def realisasi_template_xlsx(
    iku: Iku,
    tahun: int,
    data: RealisasiTahun | None,
    *,
    bidang: str | None = None,
    per_bidang: bool = False,
    iku_label: str = "",
    scratch: Path | None = None,
    pk: Any = None,
    renaksi: Any = None,
) -> bytes:
    from ikutool.render.formats.xlsx_cells import a4, save_workbook

    found: dict[str, list[tuple[Any, Indikator]]] = {}
    for sas, ind in iku.indikator():
        if ind.target_for(tahun) is None:
            continue
        key = iku.bidang_key(ind) or "Lainnya"
        if bidang is not None and key != bidang:
            continue
        found.setdefault(key if per_bidang else "Realisasi", []).append((sas, ind))
    # the bidang sheets in the order the IKU declares them; any other after, "Lainnya" last
    declared = [b.kunci for b in iku.bidang]
    order = {k: i for i, k in enumerate(declared)}
    groups = dict(
        sorted(
            found.items(),
            key=lambda kv: (
                kv[0] == "Lainnya",
                order.get(kv[0], len(order)),
                list(found).index(kv[0]),
            ),
        )
    )
    wb = Workbook()
    wb.remove(wb.active)
    _guide(wb.create_sheet(GUIDE_SHEET), iku, tahun)
    names = {b.kunci: b.nama for b in iku.bidang}
    made_from: list[tuple[str, str, str, Any]] = []
    for key, rows in groups.items():
        title = sheet_title(key)
        ws = wb.create_sheet(title)
        label = names.get(key, key) if per_bidang else names.get(bidang or "", bidang)
        made_from += _fill_sheet(ws, iku, tahun, data, rows, label, pk, renaksi)
        a4(ws, HEADER_ROW)
        _print_by_groups(ws)
    meta = wb.create_sheet(META_SHEET)
    for i, (k, v) in enumerate(
        [
            ("jenis", META_KIND),
            ("versi", META_VERSION),
            ("iku_sidik", iku_fingerprint(iku)),
            ("iku", iku_label),
            ("instansi", iku.instansi.nama),
            ("tahun", tahun),
            ("lembar", ", ".join(sheet_title(k) for k in groups)),
        ],
        1,
    ):
        cell_at(meta, i, 1, k)
        cell_at(meta, i, 2, v)
    # what every pre-filled cell held when the workbook was made: on import, a cell the bidang
    # left as it was never overwrites what the realisasi file holds by then
    for i, (kode, kunci, field_, value) in enumerate(made_from, ASAL_ROW):
        for c, v in enumerate(("asal", kode, kunci, field_, value), 1):
            cell_at(meta, i, c, v)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    wb.custom_doc_props.append(_prop("ikutool_iku_sidik", iku_fingerprint(iku)))
    wb.custom_doc_props.append(_prop("ikutool_tahun", str(tahun)))
    return save_workbook(wb, scratch)


def _prop(name: str, value: str) -> Any:
    from openpyxl.packaging.custom import StringProperty

    return StringProperty(name=name, value=value)


GUIDE_SHEET = "Petunjuk"
GUIDE = [
    "Isi sel berwarna kuning saja; sel lain terkunci (tanpa kata sandi) agar susunannya tetap.",
    "Angka boleh dengan koma desimal (6,5) atau titik ribuan (1.234); persen cukup angkanya "
    "(58,5 untuk 58,5 %).",
    "Angka tampil menurut pengaturan regional komputer ini (1.234,56 atau 1,234.56); nilainya "
    "sama.",
    "Realisasi bertarget rupiah diketik sebagai jumlah rupiah penuh (sel berformat Rp: 1200000000 "
    "tampil Rp 1.200.000.000), atau sebagai teks dengan Rp (Rp 1,2 miliar).",
    "Sel kosong, atau berisi - (belum ada data), dibiarkan seperti di berkas realisasi.",
    "Ketik HAPUS di sebuah sel untuk mengosongkan nilai yang salah di berkas realisasi.",
    "Target bertanda (PK) adalah target Perjanjian Kinerja tahun itu; capaian diukur terhadapnya.",
    "Target TW I-IV adalah target triwulan dari rencana aksi (tidak diubah di sini); realisasi "
    "per triwulan diisi di kolom Triwulan I-IV bila indikatornya diukur per triwulan.",
    "Kendala dan tindak lanjut TW I-IV: kendala triwulan itu dan tindak lanjutnya, satu sel per "
    "indikator (di baris pertamanya); isinya menjadi catatan rencana aksi triwulan itu dan tampil "
    "di laporan kinerja triwulan.",
    "Indikator bertanda (makin rendah makin baik) berpolaritas negatif.",
    "Setelah diisi, kembalikan buku kerja ini ke petugas perencanaan untuk diimpor.",
]


def _guide(ws: Any, iku: Iku, tahun: int) -> None:
    """How to fill the workbook, on a sheet of its own (printed on one page)."""
    from ikutool.render.formats.xlsx_cells import a4, note_rows

    ws.column_dimensions["A"].width = 66  # within an A4 portrait page, in any default font
    lines = [
        (iku.instansi.nama.upper(), "title"),
        (f"PETUNJUK PENGISIAN REALISASI TAHUN {tahun}", "title"),
        *[(f"{i}. {text}", "") for i, text in enumerate(GUIDE, 1)],
    ]
    note_rows(ws, 1, lines, 1)
    ws.protection.sheet = True
    a4(ws, 1)
    ws.print_title_rows = None
    ws.page_setup.orientation = "portrait"


MAX_LIST_FORMULA = 255  # Excel's limit on an explicit list's text


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


# A4 landscape less 12,7 mm margins either side, in column-width units (a digit of the workbook's
# Calibri 11 and its padding: 7 px at 96 dpi, 1,852 mm), with a tenth kept free for a printer's
# own measure of the fonts
PAGE_UNITS = (297 - 2 * 12.7) / (7 * 25.4 / 96) * 0.9
MARGIN_INCH = 0.5


def _print_by_groups(ws: Any) -> None:
    """A4 landscape, one group of columns a page, the first three columns (No, Kode, Indikator)
    repeated on every page: 29 columns squeezed onto one page are not readable. Excel and
    LibreOffice ignore page breaks under "fit to pages", so the sheet is printed at one fixed
    scale: the largest at which the widest group fits its page."""
    from openpyxl.worksheet.pagebreak import Break, ColBreak

    ends = [next(i for i, c in enumerate(COLUMNS, 1) if c.header == n) for n in PAGE_BREAK_AFTER]
    breaks = ColBreak()
    for col in ends:
        breaks.append(Break(id=col))
    ws.col_breaks = breaks
    ws.print_title_cols = "A:C"

    def width(col: int) -> float:
        dim = ws.column_dimensions[get_column_letter(col)]
        return 0.0 if dim.hidden else float(dim.width or 10)

    titles = sum(width(c) for c in (1, 2, 3))
    starts = [4, *[e + 1 for e in ends]]
    stops = [*ends, len(COLUMNS)]
    widest = max(
        titles + sum(width(c) for c in range(a, b + 1)) for a, b in zip(starts, stops, strict=True)
    )
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = max(10, min(100, int(PAGE_UNITS / widest * 100)))
    ws.page_margins.left = ws.page_margins.right = MARGIN_INCH


def _fill_sheet(
    ws: Any,
    iku: Iku,
    tahun: int,
    data: RealisasiTahun | None,
    rows: list[tuple[Any, Indikator]],
    bidang_label: str | None,
    pk: Any = None,
    renaksi: Any = None,
) -> list[tuple[str, str, str, Any]]:
    """Fill one sheet; returns what each pre-filled cell holds: ``(kode, kunci or "", field,
    value)`` (kunci empty for a single-component indicator, as the importer names it)."""
    from ikutool.formatting.numbers import format_angka
    from ikutool.model.notation import component_label, format_value
    from ikutool.render.formats.xlsx_cells import fit_rows, note_rows, number_format

    n = len(COLUMNS)
    for c, col in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(c)].width = col.width
        if col.header in HIDDEN:
            ws.column_dimensions[get_column_letter(c)].hidden = True
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
    number_check = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="1000000000000000",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Bukan angka",
        error="Isi dengan angka (tidak negatif), mis. 58 atau 6,5.",
    )
    percent_check = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000",
        formula2="1000000",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Bukan persentase",
        error="Isi dengan angka persen, mis. 58,5 untuk 58,5 % (boleh negatif untuk pertumbuhan).",
    )
    level_check = DataValidation(
        type="list",
        formula1='"nasional,provinsi,spm"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tingkat pembanding",
        error="Pilih nasional, provinsi atau spm.",
    )
    # cells are gathered and given to each validation once: adding them one by one makes
    # openpyxl re-check the growing range every time (quadratic in the number of rows)
    cells: dict[Any, list[str]] = {number_check: [], percent_check: [], level_check: []}
    made_from: list[tuple[str, str, str, Any]] = []
    dropdowns: dict[tuple[str, ...], Any] = {}  # one per predikat scale
    row = HEADER_ROW + 1
    number = 0
    widths: dict[int, float] = {}  # a figure column as wide as the rupiah amounts it shows
    for _, ind in rows:
        renstra = ind.target_for(tahun)
        assert renstra is not None
        labels = iku.predikat_labels(ind)
        # the target the year is measured against: the Perjanjian Kinerja's where it has one
        target = pk.target.get(ind.kode, renstra) if pk is not None else renstra
        from_pk = target is not renstra
        entry = data.indikator.get(ind.kode) if data else None
        quarters = takes_quarters(ind, entry)
        number += 1
        for k, comp in enumerate(target.komponen):
            key = comp.kunci or "nilai"
            values: dict[str, Any] = {
                "nilai": entry.nilai.get(key) if entry and not entry.triwulan else None,
                "pembanding.nilai": _pembanding(entry, key, len(target.komponen)),
            }
            for q in ("I", "II", "III", "IV"):
                values[f"triwulan.{q}"] = (
                    entry.triwulan.get(q, {}).get(key) if entry and entry.triwulan else None
                )
            if k == 0 and renaksi is not None:
                for q, text in renaksi.catatan.get(ind.kode, {}).items():
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
            # a number, shown like every other figure of the sheet (in the computer's regional
            # format); a range is text, in Indonesian format
            mark = " (PK)" if from_pk else ""
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
            fixed = [
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
            for c, col in enumerate(COLUMNS, 1):
                if col.field is None:
                    value = fixed[c - 1]
                    fmt = None
                    if col.header == "Target" and isinstance(value, float):
                        fmt = number_format(value) + (f'"{mark}"' if mark else "")
                    elif col.header.startswith("Target TW") and isinstance(value, float):
                        fmt = number_format(value)  # the plan's own figure: never marked (PK)
                    _cell(ws, row, c, value, editable=False, fmt=fmt)
                    continue
                open_ = (
                    (col.per == "row" or k == 0)
                    and (not col.field.startswith("triwulan") or quarters)
                    and not (col.field == "nilai" and quarters)
                )
                value = values.get(col.field) if open_ else None
                figure = col.field == "nilai" or col.field.startswith("triwulan")
                shown = value
                if figure and value is not None and comp.jenis in ("rasio", "predikat"):
                    # "WDP", "1:24": what a person writes; the number stays in made_from
                    shown = format_value(value, comp.jenis, labels, comp.rasio_dari)
                fmt = number_format(shown) if isinstance(shown, float | int) else None
                if figure and comp.jenis == "rupiah":
                    # a number typed here is seen as rupiah ("Rp 1.200.000.000"), and read so;
                    # the column is as wide as the amount (never "###")
                    fmt = '"Rp "' + number_format(shown if isinstance(shown, float) else None)
                    amount = max(comp.jumlah, shown if isinstance(shown, float | int) else 0)
                    if open_:
                        need = len(f"Rp {format_angka(amount)}") + 3
                        widths[c] = max(widths.get(c, col.width), need)
                cell = _cell(
                    ws, row, c, shown, editable=open_, fmt=fmt, colour=None if open_ else GREY
                )
                if not open_:
                    continue
                if value is not None:
                    single = len(target.komponen) == 1
                    made_from.append((ind.kode, "" if single else key, col.field, value))
                if figure and comp.jenis == "predikat" and labels:
                    dropdown = dropdowns.setdefault(tuple(labels), _labels_check(labels))
                    if dropdown is not None:
                        cells.setdefault(dropdown, []).append(cell.coordinate)
                elif figure and comp.jenis in ("rasio", "rupiah"):
                    pass  # "1:24", "Rp 1,2 miliar" may be text: checked when imported
                elif figure or col.field == "pembanding.nilai":
                    cells[percent_check if comp.persen else number_check].append(cell.coordinate)
                elif col.field == "pembanding.tingkat":
                    cells[level_check].append(cell.coordinate)
            row += 1
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = width
    for dv, coordinates in cells.items():
        if coordinates:
            dv.sqref = MultiCellRange(" ".join(coordinates))
            ws.add_data_validation(dv)
    last = row - 1
    fit_rows(ws, HEADER_ROW + 1, last)  # wrapped names and notes get their height
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may be changed; structure not
    ws.protection.formatRows = False
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(n)}{max(last, HEADER_ROW)}"
    return made_from


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
