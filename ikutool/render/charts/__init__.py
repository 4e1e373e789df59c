"""Charts: a :class:`ikutool.render.blocks.Grafik` laid out once in millimetres
(:mod:`.layout`) and painted as SVG (HTML) or PNG (Word), or written as a chart Excel draws from
the workbook's own cells (:mod:`.xlsx`). No charting library: the shapes are few, and the same
text metrics as the pohon kinerja keep labels inside the picture wherever it is shown.

The fills (:data:`KATEGORI`) are the kategori's, everywhere a capaian is coloured; they differ in
lightness and every bar carries its figure and kategori in words, so a black-and-white print
reads the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ikutool.render.blocks import Grafik

# the kategori's fill (capaian per indicator, sasaran, program, agency), dark to light
KATEGORI = {
    "Sangat Tinggi": "#1b5e20",
    "Tinggi": "#43a047",
    "Sedang": "#fdd835",
    "Rendah": "#fb8c00",
    "Sangat Rendah": "#b71c1c",
    "Melebihi Target": "#1b5e20",
    "Tercapai": "#43a047",
    "Tidak Tercapai": "#b71c1c",
}
TANPA_KATEGORI = "#9e9e9e"
# the kategori written in colour on white (the same hues, dark enough to read)
KATEGORI_TEKS = {
    "Sangat Tinggi": "#1b5e20",
    "Tinggi": "#2e7d32",
    "Sedang": "#8d6e00",
    "Rendah": "#c25e00",
    "Sangat Rendah": "#b71c1c",
    "Melebihi Target": "#1b5e20",
    "Tercapai": "#2e7d32",
    "Tidak Tercapai": "#b71c1c",
}
TARGET = "#cfd8dc"  # a target or plan bar: light
REALISASI = "#1f4e79"  # a realisasi bar: dark
KEDUA = "#7fa7cf"  # a second figure beside a realisasi (serapan beside capaian)

SINGKAT = {
    "Sangat Tinggi": "ST",
    "Tinggi": "T",
    "Sedang": "S",
    "Rendah": "R",
    "Sangat Rendah": "SR",
}


def fill_of(kategori: str | None) -> str:
    return KATEGORI.get(kategori or "", TANPA_KATEGORI)


def chart_svg(g: Grafik) -> str:
    from ikutool.render.charts.layout import lay_out
    from ikutool.render.charts.svg import paint_svg

    return paint_svg(lay_out(g), g.alt())


def chart_png(g: Grafik, dpi: int = 200) -> bytes:
    from ikutool.render.charts.layout import lay_out
    from ikutool.render.charts.png import paint_png

    return paint_png(lay_out(g), dpi)
