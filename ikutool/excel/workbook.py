"""Reading back the realisasi workbook a bidang filled in (``iku realisasi impor``).

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

import datetime as dt
import math
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ikutool.errors import Finding, IkuError, Severity
from ikutool.excel.kendala import KENDALA, field_name, is_kendala
from ikutool.excel.template import (
    ASAL_ROW,
    COLUMNS,
    GUIDE_SHEET,
    META_KIND,
    META_SHEET,
    READ_VERSIONS,
    iku_fingerprint,
)
from ikutool.formatting.numbers import NumberFormatError, format_angka, parse_angka, settled_figure
from ikutool.model.iku import MAX_TEXT, Iku, Indikator, magnitude_problem, text_problem
from ikutool.model.notation import component_label
from ikutool.model.quarters import QUARTERS

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2000
MAX_ROWS = 20_000
NUMBER_FIELDS = {
    "nilai",
    "pembanding.nilai",
    "triwulan.I",
    "triwulan.II",
    "triwulan.III",
    "triwulan.IV",
}
HEADERS = {c.header.casefold(): c.field for c in COLUMNS if c.field} | {
    "kode": "kode",
    "kunci komponen": "kunci",
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


@dataclass
class Workbook:
    file: str
    tahun: int
    # what each pre-filled cell held when the workbook was made, by (kode, kunci, field); a cell
    # not here was empty
    asal: dict[tuple[str, str | None, str], Any] = field(default_factory=dict)
    values: list[CellValue] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _whole_file(code: str, message: str, name: str, exit_code: int = 1) -> IkuError:
    return IkuError.single(code, message, file=name, exit_code=exit_code)


def check_file(path: Path, name: str) -> None:
    """Refuse what is not a workbook openpyxl can read safely, before it tries."""
    import stat

    try:
        st = path.stat()
    except FileNotFoundError:
        raise _whole_file(
            "IKU101", "berkas tidak ditemukan; periksa nama dan foldernya", name, 2
        ) from None
    except OSError as exc:
        raise _whole_file("IKU101", f"berkas tidak dapat dibaca: {exc.strerror}", name, 2) from None
    if not stat.S_ISREG(st.st_mode):
        raise _whole_file("IKU101", "bukan berkas biasa; berikan buku kerja .xlsx", name, 2)
    if st.st_size > MAX_FILE_BYTES:
        raise _whole_file(
            "IKU105",
            f"buku kerja terlalu besar ({format_angka(st.st_size)} bita; batasnya "
            f"{format_angka(MAX_FILE_BYTES)})",
            name,
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE container: .xls, or an encrypted .xlsx
        with path.open("rb") as handle:
            body = handle.read(64 * 1024)
        if "EncryptionInfo".encode("utf-16-le") in body or b"EncryptionInfo" in body:
            raise _whole_file(
                "IKU108",
                "buku kerja ini dilindungi kata sandi; buka di Excel, hapus kata sandinya "
                "(File > Info > Proteksi), simpan, lalu impor lagi",
                name,
            )
        raise _whole_file(
            "IKU108",
            "ini buku kerja Excel lama (.xls); buka di Excel atau LibreOffice dan simpan sebagai "
            ".xlsx, lalu impor lagi",
            name,
        )
    if not head.startswith(b"PK\x03\x04"):
        kind = "berkas CSV atau teks" if path.suffix.lower() in (".csv", ".txt", ".tsv") else None
        raise _whole_file(
            "IKU108",
            f"{'ini ' + kind if kind else 'ini bukan buku kerja .xlsx'}; impor memerlukan buku "
            "kerja dari 'iku realisasi template --format xlsx' yang diisi dan disimpan sebagai .xlsx",
            name,
        )
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            unzipped = sum(i.file_size for i in infos)
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError):
        raise _whole_file(
            "IKU108", "buku kerja rusak (arsip .xlsx tidak utuh); simpan ulang dari Excel", name
        ) from None
    if len(infos) > MAX_PARTS or unzipped > MAX_UNZIPPED_BYTES:
        raise _whole_file(
            "IKU105",
            "buku kerja terlalu besar setelah dibuka (isi terkompresi berlebihan); ini bukan "
            "templat realisasi",
            name,
        )
    if "xl/workbook.xml" not in names:
        kind = "dokumen Word" if "word/document.xml" in names else "arsip ZIP"
        raise _whole_file("IKU108", f"ini {kind}, bukan buku kerja Excel (.xlsx)", name)
    from ikutool.excel.bounds import scan

    scan(path, name)  # every XML part streamed and counted before openpyxl reads any


def _open(path: Path, name: str, data_only: bool) -> Any:
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's own notes on unsupported extensions
            return load_workbook(path, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _whole_file(
            "IKU108",
            f"buku kerja tidak dapat dibaca ({type(exc).__name__}); simpan ulang dari Excel atau "
            "LibreOffice sebagai .xlsx",
            name,
        ) from None


def read_workbook(path: Path, name: str, iku: Iku, tahun: int | None) -> Workbook:
    """The values a filled-in template holds, checked against the IKU; problems as findings
    (whole-file problems, such as another IKU's template, raise :class:`IkuError`)."""
    check_file(path, name)
    wb = _open(path, name, data_only=False)
    meta = _meta(wb, name)
    made_for = meta.get("tahun")
    if meta.get("jenis") != META_KIND or not isinstance(made_for, int):
        raise _whole_file(
            "IKU108",
            "buku kerja ini bukan templat realisasi ikutool (lembar tersembunyi _ikutool tidak "
            "utuh); buat templatnya dengan: iku realisasi template --tahun TAHUN --format xlsx",
            name,
        )
    if meta.get("iku_sidik") != iku_fingerprint(iku):
        raise _whole_file(
            "IKU108",
            f"buku kerja ini dibuat untuk IKU lain ({meta.get('iku') or 'tidak diketahui'}, "
            f"{meta.get('instansi') or '-'}): kode, target, komponen atau aturan triwulannya berbeda "
            "dengan IKU "
            f"{iku.berkas}. Buat templat baru dari IKU ini",
            name,
        )
    if tahun is not None and made_for != tahun:
        raise _whole_file(
            "IKU108",
            f"buku kerja ini dibuat untuk tahun {made_for}, bukan {tahun}; periksa --tahun atau "
            "berkasnya",
            name,
        )
    versi = meta.get("versi")
    if isinstance(versi, int) and not isinstance(versi, bool) and versi > max(READ_VERSIONS):
        raise _whole_file(
            "IKU108",
            "buku kerja ini dibuat dengan ikutool yang lebih baru, yang mencatat isian yang belum "
            "dikenal versi ini; mengimpornya bisa melewatkan isian itu tanpa kabar. Impor dengan "
            "ikutool versi terbaru",
            name,
        )
    if versi not in READ_VERSIONS:
        raise _whole_file(
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
            cached = cached or _open(path, name, data_only=True)
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
    header_row, columns = None, {}
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 40)):
        found = {
            HEADERS[str(c.value).strip().casefold()]: c.column
            for c in row
            if isinstance(c.value, str) and str(c.value).strip().casefold() in HEADERS
        }
        if "kode" in found and ("nilai" in found or any(f.startswith("triwulan") for f in found)):
            header_row, columns = row[0].row, found
            break
    if header_row is None:
        out.findings.append(
            Finding(
                "IKU108",
                "lembar ini tidak punya baris judul templat (kolom 'Kode' dan 'Realisasi'); "
                "jangan hapus baris judulnya",
                Severity.ERROR,
                where_sheet,
            )
        )
        return
    if "kunci" not in columns:
        out.findings.append(
            Finding(
                "IKU108",
                "kolom 'Kunci komponen' hilang dari lembar ini",
                Severity.ERROR,
                where_sheet,
            )
        )
        return
    if ws.max_row - header_row > MAX_ROWS:
        out.findings.append(
            Finding(
                "IKU105",
                f"terlalu banyak baris (lebih dari {format_angka(MAX_ROWS)})",
                Severity.ERROR,
                where_sheet,
            )
        )
        return
    codes = {ind.kode: ind for _, ind in iku.indikator()}
    tops = _merged_tops(ws)
    for r in range(header_row + 1, ws.max_row + 1):
        kode = _merged_value(tops, ws.cell(row=r, column=columns["kode"]))
        if kode is None or str(kode).strip() == "":
            continue  # an empty or added row
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
            continue
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
            continue
        comp = (
            next((c for c in target.komponen if (c.kunci or "nilai") == kunci), None)
            if target
            else None
        )
        single = len(keys) <= 1
        # a row named as a person names it: "S3.2 ekspor", "S1.2" (never an internal key)
        label = (
            kode
            if single or comp is None
            else f"{kode} {component_label(comp.kunci, comp.satuan, ind.label_for(kunci))}"
        )
        for fname, col in columns.items():
            if fname in ("kode", "kunci"):
                continue
            cell = ws.cell(row=r, column=col)
            if type(cell).__name__ == "MergedCell":
                continue  # the value is in the range's first cell, read at its own row
            value = cell.value
            if isinstance(value, str) and value.startswith("=") and cached_ws is not None:
                value = cached_ws.cell(row=r, column=col).value
                if value is None:
                    out.findings.append(
                        Finding(
                            "IKU303",
                            "rumus tanpa nilai tersimpan; buka buku kerja di Excel atau LibreOffice, "
                            "simpan, lalu impor lagi",
                            Severity.ERROR,
                            f"{where_sheet}!{cell.coordinate}",
                            path=label,
                        )
                    )
                    continue
            if value is None or (isinstance(value, str) and value.strip() in EMPTY):
                continue  # left as it is in the realisasi file ("-" is "no data", as typed)
            if not single and kunci != keys[0] and fname in PER_INDICATOR:
                # a note of the indicator typed on a later component's row: never moved to the
                # indicator without a word
                out.findings.append(
                    Finding(
                        "IKU302",
                        f"{FIELD_NAMES.get(fname, fname)} diisi di baris komponen {label}; isian ini "
                        f"milik indikator {kode}: tulis di baris pertamanya (komponen "
                        f"{_first_label(ind, target)})",
                        Severity.ERROR,
                        f"{where_sheet}!{cell.coordinate}",
                        path=label,
                    )
                )
                continue
            # a note of the indicator (catatan, kendala) is named by its code, not the row's
            # component
            named = kode if fname in PER_INDICATOR else label
            if isinstance(value, str) and value.strip().casefold() in CLEAR:
                # the one way to take a wrong value out of the file through Excel
                where = f"{where_sheet}!{cell.coordinate}"
                out.values.append(
                    CellValue(kode, None if single else kunci, fname, None, where, named, "dihapus")
                )
                continue
            _value(
                out,
                tahun,
                ind,
                comp,
                kode,
                None if single else kunci,
                fname,
                value,
                cell,
                named,
                where_sheet,
                iku.predikat_labels(ind),
            )


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
        if isinstance(value, bool):
            problem(
                "IKU209",
                "sel berisi BENAR/SALAH (TRUE/FALSE), bukan teks; ketik teksnya, atau beri tanda "
                "petik di depannya ('BENAR)",
            )
            return
        text = shown_text(value, cell.number_format or "").strip()
        if fname == "pembanding.tingkat":
            if text.casefold() not in LEVELS:
                problem(
                    "IKU209",
                    f'"{text}" bukan tingkat pembanding; pilih nasional, provinsi atau spm',
                )
                return
            text = text.casefold()
        # a kendala is held to the rencana aksi's own bound (its notes are LongText there)
        issue = text_problem(text, MAX_TEXT if is_kendala(fname) else 10_000)
        if issue:
            problem("IKU209", issue)
            return
        out.values.append(CellValue(kode, kunci, fname, text, where, label))
        return
    percent = bool(comp is not None and comp.persen)
    note = None
    raw = None
    had_percent = False
    written: str | None = None  # the unit a text cell was written with ("2 lembaga")
    if isinstance(value, bool):
        problem("IKU303", f'"{value}" bukan angka')
        return
    jenis = comp.jenis if comp is not None and fname != "pembanding.nilai" else "angka"
    if jenis == "rupiah" and isinstance(value, str):
        # "Rp 1.200.000.000", "Rp 1,2 miliar": the amount, as the target's own form reads it;
        # "1040,9" without Rp is refused, never read as rupiah
        from ikutool.model.notation import NotationError, parse_value

        try:
            number = parse_value(value, "rupiah", target=comp.tulisan)
        except NotationError as exc:
            problem("IKU303", exc.message)
            return
        out.values.append(_rupiah_value(kode, kunci, fname, number, where, label))
        return
    if jenis == "rupiah" and isinstance(value, int | float) and not isinstance(value, bool):
        if not _rupiah_cell(cell, value, out.asal.get((kode, kunci, fname))):
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
        # written in its target's form ("1:24", "WDP"), read back to what capaian compares
        from ikutool.model.notation import NotationError, format_value, parse_value

        try:
            number = parse_value(shown_text(value, cell.number_format or ""), jenis, labels)
        except NotationError as exc:
            problem("IKU303", exc.message)
            return
        written = format_value(number, jenis, labels, comp.rasio_dari)
        out.values.append(
            CellValue(
                kode,
                kunci,
                fname,
                number,
                where,
                label,
                None,
                tulisan=written,
                bentuk=(jenis, labels, comp.rasio_dari),
            )
        )
        return
    if isinstance(value, dt.datetime | dt.date | dt.time):
        problem(
            "IKU303",
            "Excel mengubah isian ini menjadi tanggal; format sel sebagai angka dan ketik ulang "
            "angkanya (desimal dengan koma, mis. 1,10)",
        )
        return
    if isinstance(value, int | float):
        number = float(value)
        if "%" in (cell.number_format or ""):
            if not percent:
                problem(
                    "IKU312",
                    f"sel berformat persen, padahal satuan {label} bukan persen; ubah format selnya "
                    "menjadi angka biasa",
                )
                return
            # 0,57 shown as 57 %: as a person reads it, never 56,99999999999999
            number = settled_figure(number * 100)
            note = f"sel berformat persen: {format_angka(value)} dibaca {format_angka(number)} %"
    else:
        raw = str(value).strip()
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
                return
            else:
                number, had_percent = english
                note = f'"{raw}" dibaca dengan format Inggris: {format_angka(number)}'
    if fname == "pembanding.nilai":
        issue = magnitude_problem(number)
        if issue:
            problem("IKU303", issue)
            return
    else:
        from ikutool.inputs.realisasi import value_problems

        key = (comp.kunci or "nilai") if comp is not None else "nilai"
        problems = value_problems(
            ind, key, tahun, number, percent=had_percent, raw=raw, satuan=written
        )
        for code, message, is_error in problems:
            severity = Severity.ERROR if is_error else Severity.WARNING
            out.findings.append(Finding(code, message, severity, where, path=label))
        if any(is_error for _, _, is_error in problems):
            return
    if jenis == "rupiah":
        out.values.append(_rupiah_value(kode, kunci, fname, number, where, label))
        return
    out.values.append(CellValue(kode, kunci, fname, number, where, label, note))


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


def _first_label(ind: Indikator, target: Any) -> str:
    first = target.komponen[0]
    return component_label(first.kunci, first.satuan, ind.label_for(first.kunci or ""))


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
