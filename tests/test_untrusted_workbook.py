"""A workbook sent back by a bidang is untrusted: it is measured by a real XML parse over the zip
stream before openpyxl loads anything, and a damaged zip is a located message (issue 23)."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest


@pytest.fixture
def book(iku_cli, workspace: Path) -> Path:
    out = workspace / "realisasi-2020.xlsx"
    result = iku_cli("realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def rewrite(src: Path, change, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The workbook with each part passed through ``change(name, bytes) -> bytes``."""
    out = io.BytesIO()
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(out, "w", method) as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info)))
    return out.getvalue()


def impor(iku_cli, path: Path):
    started = time.monotonic()
    result = iku_cli("realisasi", "impor", str(path), "--dry-run")
    return result, time.monotonic() - started


@pytest.mark.parametrize(
    ("count", "runs", "said"),
    [(25_000, 0, "lebih dari 20.000 teks bersama"),
     (9_000, 4, "teks bersama lebih dari 100.000 unsur XML")],
)  # fmt: skip
def test_shared_strings_are_counted(iku_cli, book: Path, count, runs, said) -> None:
    """A 1,4 MB workbook of rich shared strings under the old bounds took 12 s to import."""
    import random
    import string

    rnd = random.Random(23)

    def word() -> str:  # text that does not compress away (the zip ratio check is not enough)
        return "".join(rnd.choice(string.ascii_letters) for _ in range(6))

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    if runs:
        items = ["<si>" + f"<r><rPr><b/></rPr><t>{word()}</t></r>" * runs + "</si>"
                 for _ in range(count)]  # fmt: skip
    else:
        items = [f"<si><t>{word()}</t></si>" for _ in range(count)]
    sst = f'<sst xmlns="{main}">{"".join(items)}</sst>'

    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
            return data.replace(
                b"</Types>",
                f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'.encode(),
            )
        if name == "xl/_rels/workbook.xml.rels":
            kind = (
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
            )
            return data.replace(
                b"</Relationships>",
                f'<Relationship Id="rIdS" Type="{kind}" Target="sharedStrings.xml"/></Relationships>'.encode(),
            )
        return data

    bomb = book.with_name("teks.xlsx")
    buffer = io.BytesIO(rewrite(book, change))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", sst)
    bomb.write_bytes(buffer.getvalue())
    result, seconds = impor(iku_cli, bomb)
    assert result.exit_code == 1 and "IKU105" in result.stderr
    assert said in result.stderr
    assert seconds < 10


def test_cells_spelt_with_a_newline_are_counted(iku_cli, book: Path) -> None:
    cells = "".join(f'<c\nr="{col}{{r}}"/>' for col in ("AA", "AB", "AC", "AD", "AE", "AF", "AG"))
    cells += "".join(f'<c\tr="{col}{{r}}"/>' for col in ("BA", "BB", "BC", "BD", "BE", "BF", "BG"))
    rows = "".join(f'<row r="{r}">{cells.format(r=r)}</row>' for r in range(1000, 16_000))
    # 15.000 rows (under the row bound) of 14 cells each: 210.000 cells

    def change(name: str, data: bytes) -> bytes:
        if name.startswith("xl/worksheets/sheet") and b"</sheetData>" in data:
            return data.replace(b"</sheetData>", rows.encode() + b"</sheetData>", 1)
        return data

    bomb = book.with_name("sel.xlsx")
    bomb.write_bytes(rewrite(book, change))
    result, seconds = impor(iku_cli, bomb)
    assert result.exit_code == 1 and "lebih dari 200.000 sel" in result.stderr
    assert seconds < 10


def test_a_dtd_in_a_part_is_refused(iku_cli, book: Path) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name == "xl/workbook.xml":
            return b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>' + data
        return data

    bad = book.with_name("dtd.xlsx")
    bad.write_bytes(rewrite(book, change))
    result, _ = impor(iku_cli, bad)
    assert result.exit_code == 1 and "IKU108" in result.stderr and "DTD" in result.stderr


def local_header(data: bytes, part: str) -> int:
    """Where the part's local file header starts (its name follows the first header bytes)."""
    return data.rindex(b"PK\x03\x04", 0, data.index(part.encode()))


def sheet_part(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return next(i.filename for i in z.infolist() if i.filename.startswith("xl/worksheets/"))


def test_a_flipped_bit_is_a_located_message(iku_cli, book: Path) -> None:
    data = bytearray(book.read_bytes())
    part = sheet_part(book)
    start = local_header(bytes(data), part)
    name_len, extra_len = struct.unpack("<HH", data[start + 26 : start + 30])
    body = start + 30 + name_len + extra_len
    data[body + 40] ^= 0x10
    bad = book.with_name("bit.xlsx")
    bad.write_bytes(bytes(data))
    result, _ = impor(iku_cli, bad)
    assert result.exit_code == 1 and "IKU108" in result.stderr, result.output
    assert f"bit.xlsx: galat IKU108: buku kerja rusak: bagian '{part}'" in result.stderr


def test_a_bad_checksum_is_a_located_message(iku_cli, book: Path) -> None:
    data = bytearray(book.read_bytes())
    part = sheet_part(book)
    for sig, offset in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):
        name_at = data.index(part.encode(), data.index(sig))  # its name in this kind of header
        at = data.rindex(sig, 0, name_at)
        data[at + offset] ^= 0xFF  # the CRC-32 field, local header and central directory
    bad = book.with_name("crc.xlsx")
    bad.write_bytes(bytes(data))
    result, _ = impor(iku_cli, bad)
    assert result.exit_code == 1 and "IKU108" in result.stderr, result.output
    assert f"crc.xlsx: galat IKU108: buku kerja rusak: bagian '{part}'" in result.stderr


def test_deflate64_is_a_located_message(iku_cli, book: Path) -> None:
    data = bytearray(book.read_bytes())
    pos = 0
    while (pos := data.find(b"PK\x03\x04", pos)) >= 0:  # every part: compression method 9
        data[pos + 8 : pos + 10] = struct.pack("<H", 9)
        pos += 4
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        data[pos + 10 : pos + 12] = struct.pack("<H", 9)
        pos += 4
    bad = book.with_name("d64.xlsx")
    bad.write_bytes(bytes(data))
    result, _ = impor(iku_cli, bad)
    assert result.exit_code == 1 and "IKU108" in result.stderr, result.output
    assert "Deflate64" in result.stderr
