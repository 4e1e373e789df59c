"""The documents the site offers for download, as Word files made by the renderers the commands
use (``iku lkjip``, ``iku evaluasi renja``, ``iku manual``), with two differences a public copy
needs: no provenance in the document's properties (file names stay on the officer's machine),
and the same bytes for the same figures (the archive's dates fixed, so a rebuild changes
nothing)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ikutool.render.blocks import Dokumen
    from ikutool.reports.situs import Unduhan

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def document(u: Unduhan) -> Dokumen:
    if u.jenis == "lkjip":
        from ikutool.render.documents.lkjip import lkjip_document

        doc = lkjip_document(u.hasil, pohon=u.pohon)
    elif u.jenis == "renja":
        from ikutool.render.documents.renja import renja_document

        doc = renja_document(u.hasil)
    else:
        from ikutool.render.documents.manual import manual_document

        doc = manual_document(u.hasil)
    doc.asal = []  # where the figures came from stays with the officer
    return doc


def docx_bytes(u: Unduhan) -> tuple[bytes, int]:
    """The Word file, and how many gaps ("[diisi: ...]") the officer has still to write in it."""
    from ikutool.render.formats.docx import docx

    doc = document(u)
    return stable_zip(docx(doc)), gaps(doc.blocks)


def gaps(value: Any) -> int:
    """The placeholder runs in blocks (a paragraph's runs, a table's cells, a signature)."""
    if isinstance(value, tuple) and len(value) == 2 and value[1] == "placeholder":
        return 1
    if isinstance(value, list | tuple):
        return sum(gaps(v) for v in value)
    if is_dataclass(value):
        return sum(gaps(getattr(value, f.name)) for f in fields(value))
    return 0


def stable_zip(data: bytes) -> bytes:
    """The same archive with every entry dated :data:`EPOCH` (Word ignores the dates)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
