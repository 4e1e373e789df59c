"""Charts: a :class:`ikutool.render.blocks.Grafik` laid out once in millimetres
(:mod:`.layout`) and painted as SVG (HTML) or PNG (Word), or written as a chart Excel draws from
the workbook's own cells (:mod:`.xlsx`). No charting library: the shapes are few, and the same
text metrics as the pohon kinerja keep labels inside the picture wherever it is shown.

The fills (:data:`KATEGORI`) are the kategori's, everywhere a capaian is coloured, and each
kategori's fill carries its own hatching (:data:`POLA`, painted by every format: an SVG
``<pattern>``, Pillow's lines, a pattern fill in the workbook): Sangat Tinggi and Sangat Rendah
are the same dark grey on a black-and-white print, Rendah the grey of a bar without a kategori,
so the marks, not the grey, tell them apart; every bar also carries its figure and kategori in
words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ikutool.model.iku import Skala
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

# the hatching a kategori's fill carries wherever it is painted: (pattern, colour of its marks),
# light marks on a dark fill and dark ones on a light fill so that they show in grey too; the
# best band stays solid (see :mod:`ikutool.render.charts.pola` for the shapes)
POLA: dict[str, tuple[str, str]] = {
    KATEGORI["Tinggi"]: ("miring", "#ffffff"),
    KATEGORI["Sedang"]: ("titik", "#4d3d00"),
    KATEGORI["Rendah"]: ("silang", "#3d1f00"),
    KATEGORI["Sangat Rendah"]: ("datar", "#ffffff"),
}
# a scale's own colour names (ikutool.model.scales, an IKU file's own scale) -> the fill of the
# built-in band of that colour, so that a scale of other names is coloured and hatched alike
WARNA = {
    "green": KATEGORI["Sangat Tinggi"],
    "cyan": KATEGORI["Tinggi"],
    "blue": KATEGORI["Tinggi"],
    "yellow": KATEGORI["Sedang"],
    "dark_orange": KATEGORI["Rendah"],
    "orange": KATEGORI["Rendah"],
    "red": KATEGORI["Sangat Rendah"],
}
BANDS = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")

SINGKAT = {
    "Sangat Tinggi": "ST",
    "Tinggi": "T",
    "Sedang": "S",
    "Rendah": "R",
    "Sangat Rendah": "SR",
}


def fill_of(kategori: str | None, skala: Skala | None = None) -> str:
    """The kategori's fill: the built-in names' own; another scale's band (given ``skala``) by its
    colour name, else by its place from the best band to the worst."""
    if kategori in KATEGORI:
        return KATEGORI[kategori]
    names = [t.label for t in skala.tingkat] if skala is not None else []
    if kategori is None or kategori not in names:
        return TANPA_KATEGORI
    i = names.index(kategori)
    warna = skala.tingkat[i].warna if skala is not None else None
    if warna in WARNA:
        return WARNA[warna]
    place = round(i * (len(BANDS) - 1) / (len(names) - 1)) if len(names) > 1 else 0
    return KATEGORI[BANDS[place]]


def chart_svg(g: Grafik, id: str | None = None) -> str:
    """The chart as an inline SVG. ``id`` prefixes its element ids (its title, description and
    hatching patterns): unique on the page; by default one drawn from the chart's content, so
    that charts of one document (each its own number) never share one."""
    from ikutool.render.charts.layout import describe, lay_out
    from ikutool.render.charts.svg import paint_svg

    if id is None:
        import hashlib

        id = "grafik-" + hashlib.blake2s(repr(g).encode("utf-8"), digest_size=5).hexdigest()
    title = f"{g.nomor} {g.judul}".strip()
    return paint_svg(lay_out(g), title, describe(g), id)


def chart_png(g: Grafik, dpi: int = 200) -> bytes:
    from ikutool.render.charts.layout import lay_out
    from ikutool.render.charts.png import paint_png

    return paint_png(lay_out(g), dpi)
