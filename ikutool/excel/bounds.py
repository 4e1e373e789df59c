"""A workbook measured before openpyxl loads anything (issue 16, 6; issue 23).

A workbook is a zip of XML parts, and what openpyxl builds from it grows with what the XML holds,
not with the file's size: a 0,5 MB file of shared strings or of cells written as ``<c\\nr=...>``
cost minutes and gigabytes. So every XML part is streamed out of the zip through a real XML
parser (defusedxml's expat, DTDs and entities refused) that counts as it goes: the bytes actually
decompressed (never the sizes the zip declares), the elements, the cells (``<c>`` however it is
spelt), the merged ranges and the shared strings, and refuses the workbook the moment one is past
its bound. Damage in the zip (a flipped bit, a bad checksum, a compression method such as
Deflate64 that cannot be read) is found on the same pass and named with the part it is in.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

from ikutool.errors import IkuError
from ikutool.formatting.numbers import format_angka

MAX_XML_BYTES = 64 * 1024 * 1024  # decompressed XML of the whole workbook (a template: < 1 MB)
MAX_ELEMENTS = 1_500_000
MAX_CELLS = 200_000  # a template of 9.000 rows; an agency's has a few hundred
MAX_MERGED = 5_000
MAX_SHARED_STRINGS = 20_000  # Excel keeps one per distinct text: a template has hundreds
MAX_STRING_ELEMENTS = 100_000  # rich-text runs inside them (openpyxl builds each run)
MAX_RATIO = 200  # decompressed / compressed bytes of one part: beyond, a "zip bomb"
CHUNK = 256 * 1024
XML_SUFFIXES = (".xml", ".rels", ".vml")


class _TooBig(Exception):
    def __init__(self, what: str) -> None:
        self.what = what


class _Counter:
    """The parser's target: counts, and stops the parse the moment a bound is passed."""

    def __init__(self, totals: dict[str, int], strings: bool) -> None:
        self.totals = totals
        self.strings = strings  # the shared-strings part

    def start(self, tag: str, attrib: Any) -> None:
        t = self.totals
        t["elements"] += 1
        if self.strings:
            t["string_elements"] += 1
            if t["string_elements"] > MAX_STRING_ELEMENTS:
                raise _TooBig(
                    f"teks bersama lebih dari {format_angka(MAX_STRING_ELEMENTS)} unsur XML"
                )
        local = tag.rsplit("}", 1)[-1]
        if local == "c":
            t["cells"] += 1
            if t["cells"] > MAX_CELLS:
                raise _TooBig(f"lebih dari {format_angka(MAX_CELLS)} sel")
        elif local == "mergeCell":
            t["merged"] += 1
            if t["merged"] > MAX_MERGED:
                raise _TooBig(f"lebih dari {format_angka(MAX_MERGED)} sel gabungan")
        elif local == "si":
            t["strings"] += 1
            if t["strings"] > MAX_SHARED_STRINGS:
                raise _TooBig(f"lebih dari {format_angka(MAX_SHARED_STRINGS)} teks bersama")
        if t["elements"] > MAX_ELEMENTS:
            raise _TooBig(f"lebih dari {format_angka(MAX_ELEMENTS)} unsur XML")

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def _refuse(code: str, message: str, name: str) -> IkuError:
    return IkuError.single(code, message, file=name)


def too_big(name: str, what: str) -> IkuError:
    return _refuse(
        "IKU105",
        f"buku kerja terlalu besar ({what}); templat realisasi satu instansi hanya berisi "
        "beberapa ratus sel. Buat templat baru dengan: iku realisasi template --format xlsx",
        name,
    )


def damaged(name: str, part: str, why: str) -> IkuError:
    return _refuse(
        "IKU108",
        f"buku kerja rusak: bagian '{part}' di dalam arsip .xlsx {why}. Buka berkas aslinya di "
        "Excel atau LibreOffice dan simpan ulang sebagai .xlsx, atau minta bidang mengirim ulang",
        name,
    )


def scan(path: Path, name: str) -> None:
    """Stream every XML part of the workbook through a counting parser; raise IKU105 (too big)
    or IKU108 (damaged, or XML with a DTD) before anything else reads it."""
    totals = dict.fromkeys(
        ("elements", "string_elements", "cells", "merged", "strings", "bytes"), 0
    )
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.is_dir():
                    continue
                _part(z, info, name, totals)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise damaged(name, "(arsip)", f"tidak dapat dibaca ({exc.__class__.__name__})") from None


def _part(z: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, totals: dict[str, int]) -> None:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser, ParseError

    part = info.filename[:200]
    xml = info.filename.lower().endswith(XML_SUFFIXES)
    counter = _Counter(totals, strings="sharedstrings" in part.lower())
    parser = (
        DefusedXMLParser(
            target=counter, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        if xml
        else None
    )
    read = 0
    try:
        with z.open(info) as stream:
            while chunk := stream.read(CHUNK):
                read += len(chunk)
                if xml:
                    totals["bytes"] += len(chunk)
                    if totals["bytes"] > MAX_XML_BYTES:
                        raise _TooBig(f"isi XML lebih dari {format_angka(MAX_XML_BYTES)} bita")
                if read > MAX_RATIO * max(info.compress_size, 1024):
                    raise _TooBig("isi terkompresi berlebihan")
                if parser is not None:
                    parser.feed(chunk)
            if parser is not None:
                parser.close()
    except _TooBig as exc:
        raise too_big(name, exc.what) from None
    except NotImplementedError:
        raise damaged(
            name, part, "memakai cara kompresi yang tidak dikenal (mis. Deflate64)"
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        why = "gagal diperiksa (checksum CRC tidak cocok)" if "CRC" in str(exc) else "tidak utuh"
        raise damaged(name, part, why) from None
    except DefusedXmlException:
        raise _refuse(
            "IKU108",
            f"bagian '{part}' buku kerja memuat deklarasi DTD atau entitas XML, yang tidak pernah "
            "ditulis Excel; buku kerja ini tidak dibaca",
            name,
        ) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (None, None))
        raise damaged(name, part, f"bukan XML yang sah (baris {line}, kolom {column})") from None
    except RuntimeError as exc:  # zipfile: an encrypted part
        raise damaged(name, part, f"tidak dapat dibuka ({exc})") from None
