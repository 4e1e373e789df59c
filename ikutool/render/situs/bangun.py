"""A whole site as files (path inside the site -> bytes): an agency's, or inside a regency's."""

from __future__ import annotations

from collections.abc import Callable
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
    progress: Callable[[str], None] | None = None,
) -> dict[str, bytes]:
    """The pages, data files and (``dokumen``) documents of one agency's site under ``base``."""
    from ikutool.render.situs import instansi

    frame: Kerangka = instansi.kerangka(data, base, akar)
    site = instansi.Situs(data, base, frame, dokumen=dokumen)
    instansi.build(site)
    if dokumen:
        from ikutool.render.situs.unduhan import docx_bytes

        for u in data.unduhan:
            if progress is not None:
                progress(u.judul)
            site.files[f"{base}unduh/{u.nama}"] = docx_bytes(u)
    if not base:
        site.files[CSS_FILE] = CSS.encode("utf-8")
    return site.files
