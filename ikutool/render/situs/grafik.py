"""The site's charts: :class:`ikutool.render.blocks.Grafik` blocks built by the documents'
builders (:mod:`ikutool.render.documents.grafik`) from the figures the page's tables show, drawn
by :mod:`ikutool.render.charts` as every document's chart is (the same bars, kategori fills and
hatching, words at each bar, the 100 % line), in the site's figure.

A chart here is laid out narrower than on paper (:data:`LEBAR_MM`): its names stand above their
bars and its labels read at a phone's width; the site's CSS widens it on a larger screen. Each
chart's ids (its title, description, hatching) come from the page, so several on one page never
share one. A chart is never the only carrier of a figure: the table beside it has every one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ikutool.render.situs.halaman import Halaman, esc

if TYPE_CHECKING:
    from ikutool.compute.capaian import HasilCapaian, HasilKomponen
    from ikutool.model.iku import Skala
    from ikutool.render.blocks import Grafik

# the chart's width on paper: its 7 pt names read about 11,5 px on a phone (358 px), 15,5 px at
# the widest the site's CSS draws it (30rem, on the figure: the svg's own inline max-width:100%
# wins over a stylesheet's)
LEBAR_MM = 76.0


def figure(page: Halaman, g: Grafik | None) -> str:
    """The chart in the site's figure, its title as the caption ("" without a chart)."""
    if g is None:
        return ""
    from ikutool.render.charts import chart_svg

    return (
        f'<figure class="grafik"><figcaption>{esc(g.judul)}</figcaption>'
        f"{chart_svg(g, page.new_id('grafik'))}</figure>"
    )


def sasaran(hasil: HasilCapaian, skala: Skala) -> Grafik | None:
    """Capaian per sasaran of one year: the LKjIP's chart, at the site's width."""
    from ikutool.render.documents.grafik import sasaran_chart

    return sasaran_chart(hasil, "", "", skala=skala, lebar_mm=LEBAR_MM)


def per_tahun(
    judul: str, rows: Sequence[tuple[int, float | None, str | None, str]], skala: Skala
) -> Grafik | None:
    """Capaian per year, rows of (year, capaian, kategori, status)."""
    from ikutool.render.documents.grafik import capaian_bars

    return capaian_bars(
        "",
        judul,
        [(str(y), "", v, k) for y, v, k, _ in rows],
        seri="Capaian",
        sumber="",
        status=[status for *_, status in rows],
        skala=skala,
        lebar_mm=LEBAR_MM,
    )


def peringkat(
    judul: str, rows: list[tuple[str, float | None, str | None]], skala: Skala
) -> Grafik | None:
    """Agencies ranked by capaian: the roll-up's chart."""
    from ikutool.render.documents.grafik import peringkat_chart

    return peringkat_chart("", judul, rows, "", skala=skala, lebar_mm=LEBAR_MM)


def komponen(
    kode: str,
    uraian: str,
    per_tahun: list[tuple[int, list[HasilKomponen]]],
    akhir: dict[str, float],
    periode_akhir: int,
) -> list[Grafik]:
    """Target and realisasi per year of each numeric component over the whole period (the
    years to come with their targets), the end target dashed: drawn from one realisasi on."""
    from ikutool.render.documents.grafik import component_charts

    return component_charts(
        kode, uraian, per_tahun, akhir, periode_akhir, "", lebar_mm=LEBAR_MM, minimal=1
    )


def bagian(judul: str, rows: list[tuple[str, int, int]], apa: str, seri: str) -> Grafik | None:
    """Shares: how many of how many (``apa``: what is counted) have reported, per row."""
    from ikutool.render.documents.grafik import bagian_chart

    return bagian_chart("", judul, rows, "", apa=apa, seri=seri, lebar_mm=LEBAR_MM)
