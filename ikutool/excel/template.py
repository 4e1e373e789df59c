"""The realisasi workbook each bidang fills in (``iku realisasi template --format xlsx``).

One row per quantity to fill (each component of a composite target on its own row); only the
input cells are unlocked (the sheet is protected without a password, so nobody breaks the layout
by accident); input cells validate numbers (and percentages where the unit is %); values already
in the realisasi file are pre-filled. A hidden sheet identifies the IKU (a hash of its content)
and the year, so ``iku realisasi impor`` refuses a workbook made for another IKU or year. The
layout shared with the reader is in ``excel/layout.py``; one sheet is filled in
``excel/template_sheet.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from ikutool.excel.kendala import KENDALA_HEADER
from ikutool.excel.layout import ASAL_ROW as ASAL_ROW
from ikutool.excel.layout import COLUMNS as COLUMNS
from ikutool.excel.layout import GUIDE_SHEET as GUIDE_SHEET
from ikutool.excel.layout import HEADER_ROW as HEADER_ROW
from ikutool.excel.layout import META_KIND as META_KIND
from ikutool.excel.layout import META_SHEET as META_SHEET
from ikutool.excel.layout import META_VERSION as META_VERSION
from ikutool.excel.layout import READ_VERSIONS as READ_VERSIONS
from ikutool.excel.layout import Column as Column
from ikutool.excel.layout import iku_fingerprint as iku_fingerprint
from ikutool.excel.template_sheet import fill_sheet
from ikutool.excel.template_sheet import list_formula as list_formula
from ikutool.excel.template_sheet import takes_quarters as takes_quarters
from ikutool.inputs.realisasi import RealisasiTahun
from ikutool.model.iku import Iku, Indikator
from ikutool.render.formats.xlsx_cells import cell_at

# printed on A4 landscape one group of columns per page, "No, Kode, Indikator" repeated on each:
# the targets, the realisasi, the notes (catatan and the quarters' kendala), the data's source and
# comparison, then the officer's analyses
PAGE_BREAK_AFTER = ("Target TW IV", "Triwulan IV", f"{KENDALA_HEADER} TW IV", "Sumber pembanding")


def sheet_title(text: str) -> str:
    """A valid Excel sheet name: at most 31 characters, none of []:*?/\\ ."""
    for ch in "[]:*?/\\":
        text = text.replace(ch, " ")
    return text.strip()[:31] or "Realisasi"


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
        made_from += fill_sheet(ws, iku, tahun, data, rows, label, pk, renaksi)
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
