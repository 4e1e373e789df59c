"""The downloads: the page that lists them (every document, and every table's CSV and JSON),
and the Word documents themselves, made by the renderers the commands use (``iku lkjip``, ``iku
evaluasi renja``, ``iku manual``) with two differences a public copy needs: no provenance in the
document's properties (file names stay on the officer's machine), and the same bytes for the same
figures (the archive's dates fixed, so a rebuild changes nothing)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

from ikutool.render.situs.halaman import Halaman, daftar, esc
from ikutool.render.situs.tabel import TabelSitus

if TYPE_CHECKING:
    from ikutool.render.blocks import Dokumen
    from ikutool.render.situs.instansi import Situs
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


_STAMPS = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def stable_zip(data: bytes) -> bytes:
    """The same archive with every entry dated :data:`EPOCH` (Word ignores the dates), and
    without the document's created/modified time (a rebuild from the same files is the same
    download)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _STAMPS.sub(b"", body)
            dst.writestr(entry, body)
    return out.getvalue()


def data_list(page: Halaman, tables: list[tuple[Halaman, TabelSitus]], data_dir: str) -> str:
    """Every table's data files, under the page that shows the table, in the site's order."""
    by_page: dict[str, tuple[Halaman, list[TabelSitus]]] = {}
    for where, table in tables:
        by_page.setdefault(where.path, (where, []))[1].append(table)
    items = []
    for where, found in by_page.values():
        files = "; ".join(
            f"{esc(t.judul)}: "
            f'<a href="{esc(page.href(f"{data_dir}{t.nama}.csv"))}" download>CSV</a>, '
            f'<a href="{esc(page.href(f"{data_dir}{t.nama}.json"))}" download>JSON</a>'
            for t in found
        )
        items.append(f"<strong>{page.link(where.judul, where.path)}</strong>: {files}")
    return daftar(items)


def page(site: Situs) -> None:
    data = site.data
    page = site.page("unduhan.html", "Unduhan", [("Beranda", site.home)])
    page.h2("Dokumen")
    if site.dokumen and data.unduhan:
        page.add(
            daftar(
                [
                    page.link(u.judul, site.path(f"unduh/{u.nama}")) + " (Word, .docx)"
                    for u in data.unduhan
                ]
            )
        )
        page.p("Dokumen disusun dari data yang sama dengan halaman-halaman situs ini.", "kecil")
    else:
        page.p("Dokumen LKjIP, evaluasi Renja (E.81) dan Manual IKU tidak disertakan di situs ini.")
    page.h2("Data")
    page.p(
        "Setiap tabel situs ini sebagai CSV (untuk Excel dan program pengolah data) dan JSON. "
        "Angka di berkas data ditulis lengkap dengan titik desimal; kolom berakhiran '_angka' "
        "berisi angka dari kolom teks di sampingnya."
    )
    page.add(data_list(page, site.tables, site.path("data/")))
    site.done(page)
