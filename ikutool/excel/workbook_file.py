"""A realisasi workbook as a file, before a cell is read: refused when it is not a workbook
openpyxl can read safely (missing, too big, an old .xls, encrypted, a CSV, a damaged or inflated
zip, another Office document), every XML part counted (``excel/bounds.py``), then opened.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ikutool.errors import IkuError
from ikutool.formatting.numbers import format_angka

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2000


def whole_file(code: str, message: str, name: str, exit_code: int = 1) -> IkuError:
    return IkuError.single(code, message, file=name, exit_code=exit_code)


def check_file(path: Path, name: str) -> None:
    """Refuse what is not a workbook openpyxl can read safely, before it tries."""
    import stat

    try:
        st = path.stat()
    except FileNotFoundError:
        raise whole_file(
            "IKU101", "berkas tidak ditemukan; periksa nama dan foldernya", name, 2
        ) from None
    except OSError as exc:
        raise whole_file("IKU101", f"berkas tidak dapat dibaca: {exc.strerror}", name, 2) from None
    if not stat.S_ISREG(st.st_mode):
        raise whole_file("IKU101", "bukan berkas biasa; berikan buku kerja .xlsx", name, 2)
    if st.st_size > MAX_FILE_BYTES:
        raise whole_file(
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
            raise whole_file(
                "IKU108",
                "buku kerja ini dilindungi kata sandi; buka di Excel, hapus kata sandinya "
                "(File > Info > Proteksi), simpan, lalu impor lagi",
                name,
            )
        raise whole_file(
            "IKU108",
            "ini buku kerja Excel lama (.xls); buka di Excel atau LibreOffice dan simpan sebagai "
            ".xlsx, lalu impor lagi",
            name,
        )
    if not head.startswith(b"PK\x03\x04"):
        kind = "berkas CSV atau teks" if path.suffix.lower() in (".csv", ".txt", ".tsv") else None
        raise whole_file(
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
        raise whole_file(
            "IKU108", "buku kerja rusak (arsip .xlsx tidak utuh); simpan ulang dari Excel", name
        ) from None
    if len(infos) > MAX_PARTS or unzipped > MAX_UNZIPPED_BYTES:
        raise whole_file(
            "IKU105",
            "buku kerja terlalu besar setelah dibuka (isi terkompresi berlebihan); ini bukan "
            "templat realisasi",
            name,
        )
    if "xl/workbook.xml" not in names:
        kind = "dokumen Word" if "word/document.xml" in names else "arsip ZIP"
        raise whole_file("IKU108", f"ini {kind}, bukan buku kerja Excel (.xlsx)", name)
    from ikutool.excel.bounds import scan

    scan(path, name)  # every XML part streamed and counted before openpyxl reads any


def open_workbook(path: Path, name: str, data_only: bool) -> Any:
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's own notes on unsupported extensions
            return load_workbook(path, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise whole_file(
            "IKU108",
            f"buku kerja tidak dapat dibaca ({type(exc).__name__}); simpan ulang dari Excel atau "
            "LibreOffice sebagai .xlsx",
            name,
        ) from None
