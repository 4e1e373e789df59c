"""Regenerate the bad-workbook corpus: python tests/corpus/xlsx/make_corpus.py

Each file is a realisasi template for 2019 of the bundled IKU (as `iku realisasi template
--tahun 2019 --format xlsx` writes it, sheet "Realisasi"), broken the way a user or a program
breaks workbooks; test_workbook.py expects each one's finding code and location.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from openpyxl import load_workbook  # noqa: E402

from ikutool.definition.load import load_iku  # noqa: E402
from ikutool.excel.template import realisasi_template_xlsx  # noqa: E402
from ikutool.workspace.paths import bundled_iku  # noqa: E402

IKU = load_iku(bundled_iku()).iku


def template(iku=IKU) -> bytes:
    return realisasi_template_xlsx(iku, 2019, None, iku_label="iku.yaml")


def edited(name: str, edit) -> None:
    wb = load_workbook(io.BytesIO(template()))
    edit(wb)
    wb.save(HERE / name)


def row_of(ws, kode: str, kunci: str | None = None) -> int:
    for r in range(7, ws.max_row + 1):
        if ws.cell(row=r, column=2).value == kode and (
            kunci is None or ws.cell(row=r, column=5).value == kunci
        ):
            return r
    raise LookupError(kode)


def main() -> None:
    for old in HERE.glob("*.xlsx"):
        old.unlink()
    for extra in ("*.csv", "*.xls", "*.docx"):
        for old in HERE.glob(extra):
            old.unlink()

    def ws(wb):
        return wb["Realisasi"]

    edited(
        "01-text-not-a-number.xlsx",
        lambda wb: ws(wb).cell(
            row=row_of(ws(wb), "S1.1", "sertifikasi_usaha_mikro"), column=8, value="85 orang"
        ),
    )
    edited(
        "02-negative-count.xlsx",
        lambda wb: ws(wb).cell(row=row_of(ws(wb), "S1.2"), column=8, value=-3),
    )

    def percent_on_count(wb):
        c = ws(wb).cell(row=row_of(ws(wb), "S1.2"), column=8, value=0.58)
        c.number_format = "0%"

    edited("03-percent-format-on-count.xlsx", percent_on_count)
    edited(
        "04-percent-text-on-count.xlsx",
        lambda wb: ws(wb).cell(row=row_of(ws(wb), "S1.2"), column=8, value="58%"),
    )
    edited(
        "05-date-instead-of-number.xlsx",
        lambda wb: ws(wb).cell(
            row=row_of(ws(wb), "S3.3"), column=8, value=dt.datetime(2019, 10, 1)
        ),
    )

    def duplicate_row(wb):
        sheet = ws(wb)
        r = row_of(sheet, "S1.2")
        new = sheet.max_row + 1
        for c in range(1, 9):
            sheet.cell(row=new, column=c, value=sheet.cell(row=r, column=c).value)
        sheet.cell(row=r, column=8, value=50)
        sheet.cell(row=new, column=8, value=51)

    edited("06-duplicated-row.xlsx", duplicate_row)

    def unknown_code(wb):
        sheet = ws(wb)
        new = sheet.max_row + 1
        sheet.cell(row=new, column=2, value="S9.9")
        sheet.cell(row=new, column=5, value="org")
        sheet.cell(row=new, column=8, value=5)

    edited("07-unknown-code.xlsx", unknown_code)
    edited(
        "08-unknown-component.xlsx",
        lambda wb: ws(wb).cell(row=row_of(ws(wb), "S3.2", "impor"), column=5, value="impr"),
    )
    edited(
        "09-bad-tingkat.xlsx",
        lambda wb: ws(wb).cell(row=row_of(ws(wb), "S1.2"), column=16, value="kabupaten"),
    )
    edited(
        "10-formula-without-value.xlsx",
        lambda wb: ws(wb).cell(row=row_of(ws(wb), "S1.2"), column=8, value="=50+8"),
    )

    def no_meta(wb):
        del wb["_ikutool"]

    edited("11-not-a-template.xlsx", no_meta)

    def no_header(wb):
        sheet = ws(wb)
        for c in range(1, sheet.max_column + 1):
            sheet.cell(row=6, column=c).value = None  # cell(..., value=None) would keep it

    edited("12-header-row-deleted.xlsx", no_header)
    other = IKU.model_copy(deep=True)
    other.sasaran[0].indikator[1].target[2019].komponen[0].jumlah = 61
    (HERE / "13-other-iku.xlsx").write_bytes(template(other))
    (HERE / "14-other-year.xlsx").write_bytes(realisasi_template_xlsx(IKU, 2018, None))
    (HERE / "15-csv-export.csv").write_text("Kode;Realisasi\nS1.2;58\n", encoding="utf-8")
    (HERE / "16-old-excel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    (HERE / "17-password.xlsx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 512
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 512
    )
    full = template()
    (HERE / "18-truncated.xlsx").write_bytes(full[: len(full) // 2])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
    (HERE / "19-word-document.docx").write_bytes(buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as member:  # 256 MB of zeros, 250 KB packed
            block = b"\x00" * (1024 * 1024)
            for _ in range(256):
                member.write(block)
    (HERE / "20-zip-bomb.xlsx").write_bytes(buf.getvalue())
    print(f"corpus written to {HERE}")


if __name__ == "__main__":
    main()
    shutil.rmtree(HERE / "__pycache__", ignore_errors=True)
