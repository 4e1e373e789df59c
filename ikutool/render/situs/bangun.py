"""A whole site as files (path inside the site -> bytes): an agency's, or inside a regency's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikutool.render.situs.halaman import CSS, CSS_FILE

if TYPE_CHECKING:
    from ikutool.render.situs.halaman import Kerangka
    from ikutool.reports.situs import SitusInstansi


def agency_files(
    data: SitusInstansi,
    *,
    base: str = "",
    akar: list[tuple[str, str]] | None = None,
    dokumen: bool = True,
    notes: list[str] | None = None,
) -> dict[str, bytes]:
    """The pages, data files and (``dokumen``) documents of one agency's site under ``base``;
    ``notes`` collects, for the officer, what the documents still leave to be written."""
    from ikutool.render.situs import instansi

    frame: Kerangka = instansi.kerangka(data, base, akar)
    site = instansi.Situs(data, base, frame, dokumen=dokumen)
    instansi.build(site)
    if dokumen:
        from ikutool.render.situs.unduhan import docx_bytes

        for u in data.unduhan:
            site.files[f"{base}unduh/{u.nama}"], left = docx_bytes(u)
            if left and notes is not None:
                notes.append(
                    f"{data.iku.instansi.nama}: {u.judul} memuat {left} isian '[diisi: ...]' "
                    "yang belum ditulis"
                )
    if not base:
        site.files[CSS_FILE] = CSS.encode("utf-8")
    return site.files
