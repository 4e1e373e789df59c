"""SVG charts of the site, drawn by hand (a few rectangles and lines need no library):

- :func:`capaian` horizontal bars of capaian (per sasaran, indicator, year or agency) with the
  100 % line, each bar coloured and patterned by its kategori (legible in black and white: the
  pattern differs, and the kategori is written beside the figure);
- :func:`per_tahun` realisasi per year as bars, the year's target as a line across its bar,
  the end-of-period target as a dashed line;
- :func:`bagian` shares (how many of the indicators or agencies have reported).

A chart is never the only carrier of a figure: the table beside it has every one. Each chart is
an image with a title and a description that reads the figures out (for a screen reader).
Labels are Indonesian numbers (:mod:`ikutool.formatting.values`).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from ikutool.formatting.values import persen
from ikutool.model.iku import Skala
from ikutool.render.situs.halaman import Halaman, esc

W = 440
TEKS = "#1b1f23"
GRID = "#c9d1d9"
# (fill, pattern) from the best band to the worst; the pattern carries the band on paper
PALET = [
    ("#1a7f37", "penuh"),
    ("#1f5fa8", "miring"),
    ("#8a6100", "titik"),
    ("#c2410c", "silang"),
    ("#b42318", "datar"),
]
# a scale's own colour names (ikutool.model.scales) -> the palette's entry
WARNA = {"green": 0, "cyan": 1, "blue": 1, "yellow": 2, "dark_orange": 3, "orange": 3, "red": 4}
FONT = 'font-family="system-ui,-apple-system,Segoe UI,Roboto,Noto Sans,DejaVu Sans,sans-serif"'


@dataclass
class Batang:
    label: str
    nilai: float | None  # a capaian (%), or None
    kategori: str | None
    keterangan: str = ""  # said instead of a figure when there is none


def band_index(kategori: str | None, skala: Skala) -> int | None:
    names = [t.label for t in skala.tingkat]
    if kategori not in names:
        return None
    i = names.index(kategori)
    warna = skala.tingkat[i].warna
    if warna in WARNA:
        return WARNA[warna]
    n = len(names)
    return round(i * (len(PALET) - 1) / (n - 1)) if n > 1 else 0


class _Svg:
    """One chart's SVG: its patterns, shapes and texts."""

    def __init__(self, page: Halaman, title: str, desc: str, height: float) -> None:
        self.id = page.new_id("grafik")
        self.title, self.desc, self.height = title, desc, height
        self.defs: list[str] = []
        self.body: list[str] = []
        self.used: set[int] = set()

    def fill(self, band: int | None) -> str:
        if band is None:
            return "#6e7781"
        colour, kind = PALET[band]
        if kind == "penuh":
            return colour
        if band not in self.used:
            self.used.add(band)
            marks = {
                "miring": '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#fff" '
                'stroke-width="1.6"/>',
                "titik": '<circle cx="3" cy="3" r="1.3" fill="#fff"/>',
                "silang": '<path d="M0,0 L6,6 M6,0 L0,6" stroke="#fff" stroke-width="1.2"/>',
                "datar": '<path d="M0,3 L6,3" stroke="#fff" stroke-width="1.6"/>',
            }[kind]
            self.defs.append(
                f'<pattern id="{self.id}-p{band}" width="6" height="6" '
                f'patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="{colour}"/>'
                f"{marks}</pattern>"
            )
        return f"url(#{self.id}-p{band})"

    def text(self, x: float, y: float, s: str, *, anchor: str = "start", size: int = 13,
             weight: str = "normal", colour: str = TEKS) -> None:  # fmt: skip
        # a white halo: a label stays readable over a grid line or the 100 % line
        self.body.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{colour}" stroke="#fff" stroke-width="3" '
            f'paint-order="stroke">{esc(s)}</text>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, *, colour: str = TEKS,
             width: float = 1, dash: str | None = None) -> None:  # fmt: skip
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.body.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{width}"{d}/>'
        )

    def rect(self, x: float, y: float, w: float, h: float, fill: str, stroke: str = TEKS) -> None:
        self.body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="0.8"/>'
        )

    def svg(self) -> str:
        return (
            f'<figure class="grafik"><figcaption>{esc(self.title)}</figcaption>'
            f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {W} {self.height:.0f}" role="img" '
            f'aria-labelledby="{self.id}-j {self.id}-d" {FONT}>'
            f'<title id="{self.id}-j">{esc(self.title)}</title>'
            f'<desc id="{self.id}-d">{esc(self.desc)}</desc>'
            + (f"<defs>{''.join(self.defs)}</defs>" if self.defs else "")
            + f'<rect width="{W}" height="{self.height:.0f}" fill="#fff"/>'
            + "".join(self.body)
            + "</svg></figure>"
        )


def _nice_max(value: float) -> float:
    """The axis end: the next multiple of 10, 20, 50 or 100 above ``value``."""
    for step in (10, 20, 50, 100, 200, 500):
        if value <= step * 6:
            return math.ceil(value / step) * step
    return math.ceil(value / 1000) * 1000


def _short(label: str, limit: int = 86) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _legend(svg: _Svg, y: float, entries: list[tuple[str, str]]) -> float:
    """Swatches with their names, wrapped over lines; returns the y under them."""
    x = 8.0
    for name, fill in entries:
        width = 26 + 7.6 * len(name)
        if x + width > W - 8:
            x, y = 8.0, y + 20
        svg.rect(x, y - 11, 14, 14, fill)
        svg.text(x + 19, y, name, size=13)
        x += width + 14
    return y + 12


def _lines(label: str, width: int = 52, most: int = 2) -> list[str]:
    """``label`` wrapped at spaces into at most ``most`` lines (the last cut with "…")."""
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > most:
        lines = [*lines[: most - 1], _short(" ".join(lines[most - 1 :]), width)]
    return [_short(x, width) for x in lines]


def _value_label(b: Batang, axis: float) -> str:
    """``96,11 % Sangat Tinggi``; beyond the axis (the bar is cut) ``» 7.848,10 % ...``."""
    assert b.nilai is not None
    label = persen(b.nilai) + (f" {b.kategori}" if b.kategori else "")
    return "» " + label if b.nilai > axis else label


def capaian(page: Halaman, title: str, items: list[Batang], skala: Skala) -> str:
    """Horizontal bars of capaian (%), the 100 % line, colour and pattern by kategori."""
    values = [b.nilai for b in items if b.nilai is not None]
    axis = min(_nice_max(max([100.0, *values]) * 1.04), 250.0)
    texts = [_value_label(b, 250.0) for b in items if b.nilai is not None]
    left, right = 16.0, W - min(max([14.0, *(7.4 * len(t) for t in texts)]) + 14, 220.0)
    top = 34.0
    labels = [_lines(b.label, 42) for b in items]
    heights = [18.0 * len(x) + 30 for x in labels]
    bottom = top + sum(heights)
    desc = "; ".join(
        f"{b.label}: "
        + (persen(b.nilai) + (f" ({b.kategori})" if b.kategori else "") if b.nilai is not None
           else b.keterangan or "tidak ada angka")
        for b in items
    )  # fmt: skip
    svg = _Svg(page, title, desc, bottom + 40)

    def x_of(v: float) -> float:
        return left + (right - left) * max(0.0, min(v, axis)) / axis

    step = _tick(axis)
    tick = 0.0
    while tick <= axis + 1e-9:
        svg.line(x_of(tick), top - 6, x_of(tick), bottom, colour=GRID)
        svg.text(x_of(tick), bottom + 17, persen(tick, decimals=0), anchor="middle", size=13)
        tick += step
    y = top
    for b, lines, h in zip(items, labels, heights, strict=True):
        for k, line in enumerate(lines):
            svg.text(left, y + 14 + 18 * k, line, size=15, weight="bold")
        bar_y = y + 18 * len(lines) + 2
        if b.nilai is None:
            svg.text(left, bar_y + 14, b.keterangan or "tidak ada angka", size=13, colour="#4a5560")
        else:
            end = x_of(b.nilai)
            svg.rect(left, bar_y, end - left, 18, svg.fill(band_index(b.kategori, skala)))
            svg.text(end + 6, bar_y + 14, _value_label(b, axis), size=14)
        y += h
    x100 = x_of(100)
    svg.line(x100, top - 10, x100, bottom, width=2, dash="6 3")
    svg.text(x100, top - 14, "100 %", anchor="middle", size=13, weight="bold")
    bands = sorted({i for b in items if b.nilai is not None
                    and (i := band_index(b.kategori, skala)) is not None})  # fmt: skip
    names = {band_index(t.label, skala): t.label for t in skala.tingkat}
    end_y = _legend(svg, bottom + 44, [(names[i], svg.fill(i)) for i in bands])
    svg.height = max(svg.height, end_y + 6)
    return svg.svg()


def _tick(axis: float) -> float:
    for step in (10, 20, 25, 50, 100, 200, 500):
        if axis / step <= 5:
            return float(step)
    return axis / 5


@dataclass
class Titik:
    tahun: int
    realisasi: float | None
    target: float | None
    kategori: str | None


def _nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round tick values from at most ``lo`` to at least ``hi`` (1, 2, 2,5 or 5 x 10^k apart)."""
    raw = (hi - lo) / count or 1.0
    mag = 10 ** math.floor(math.log10(raw))
    step = next(k * mag for k in (1, 2, 2.5, 5, 10) if k * mag >= raw)
    first = math.floor(lo / step + 1e-9) * step
    ticks = [first]
    while ticks[-1] < hi - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def per_tahun(
    page: Halaman,
    title: str,
    points: list[Titik],
    skala: Skala,
    fmt: Callable[[float], str],
    *,
    ticks: Callable[[float], str] | None = None,
    whole: bool = False,
    target_akhir: tuple[int, float] | None = None,
) -> str:
    """Realisasi per year as bars (by kategori), the year's target as a line across its slot,
    the end-of-period target dashed. ``fmt`` writes a figure in its target's form (``WTP``,
    ``1:24``, ``2.750``); ``ticks`` the axis (plain numbers when the title names the unit);
    ``whole``: ticks at whole numbers only (a predikat's ranks)."""
    numbers = [v for p in points for v in (p.realisasi, p.target) if v is not None]
    if target_akhir is not None:
        numbers.append(target_akhir[1])
    if not numbers:
        return ""
    fmt = functools.lru_cache(maxsize=None)(fmt)  # each figure written once per chart
    ticks = functools.lru_cache(maxsize=None)(ticks) if ticks is not None else None
    axis = _nice_ticks(min(0.0, *numbers), max(0.0, *numbers) * 1.08 or 1.0)
    if whole:
        axis = [float(v) for v in range(math.floor(axis[0]), math.ceil(axis[-1]) + 1)]
    lo, hi = axis[0], axis[-1]
    tick_text = ticks or fmt
    left = min(14 + 7.2 * max(len(tick_text(v)) for v in axis), 170.0)
    top, plot_h = 20.0, 200.0
    bottom = top + plot_h
    desc = "; ".join(
        f"{p.tahun}: realisasi {fmt(p.realisasi) if p.realisasi is not None else 'belum ada'}"
        f", target {fmt(p.target) if p.target is not None else '-'}"
        for p in points
    ) + (f"; target akhir {target_akhir[0]}: {fmt(target_akhir[1])}" if target_akhir else "")
    svg = _Svg(page, title, desc, bottom + 84)

    def y_of(v: float) -> float:
        return bottom - plot_h * (v - lo) / ((hi - lo) or 1.0)

    for v in axis:
        svg.line(left, y_of(v), W - 8, y_of(v), colour=GRID)
        svg.text(left - 6, y_of(v) + 4, tick_text(v), anchor="end", size=13)
    svg.line(left, y_of(0), W - 8, y_of(0), width=1.2)
    slot = (W - 8 - left) / max(len(points), 1)
    bar = min(slot * 0.55, 64)
    for i, p in enumerate(points):
        cx = left + slot * (i + 0.5)
        if p.realisasi is not None:
            y0, y1 = sorted((y_of(0), y_of(p.realisasi)))
            svg.rect(cx - bar / 2, y0, bar, y1 - y0, svg.fill(band_index(p.kategori, skala)))
            label = fmt(p.realisasi)
            over = min(y0, y_of(p.target)) if p.target is not None else y0
            if len(label) * 7 <= slot:  # else the table and the description carry it
                svg.text(cx, over - 6, label, anchor="middle", size=13, weight="bold")
        if p.target is not None:
            ty = y_of(p.target)
            svg.line(cx - bar * 0.8, ty, cx + bar * 0.8, ty, colour="#fff", width=7)
            svg.line(cx - bar * 0.8, ty, cx + bar * 0.8, ty, width=3)
        svg.text(cx, bottom + 18, str(p.tahun), anchor="middle", size=14)
    if target_akhir is not None:
        ty = y_of(target_akhir[1])
        svg.line(left, ty, W - 8, ty, width=1.6, dash="7 4")
    y = bottom + 44
    svg.rect(8, y - 11, 14, 14, svg.fill(0))
    svg.text(27, y, "realisasi (warna, arsir: kategori capaian)", size=13)
    if any(p.realisasi is not None and band_index(p.kategori, skala) is None for p in points):
        svg.rect(8, y + 31, 14, 14, svg.fill(None))
        svg.text(27, y + 42, "realisasi tanpa kategori (tanpa target)", size=13)
        svg.height += 21
    svg.line(8, y + 16, 22, y + 16, width=3)
    svg.text(27, y + 21, "target tahun itu", size=13)
    if target_akhir is not None:
        svg.line(140, y + 16, 162, y + 16, width=1.6, dash="7 4")
        svg.text(167, y + 21, f"target akhir {target_akhir[0]}: {fmt(target_akhir[1])}", size=13)
    return svg.svg()


def bagian(page: Halaman, title: str, items: list[tuple[str, int, int, str]]) -> str:
    """Shares as bars: ``(label, how many, out of, what)``, e.g. "TW II: 8 dari 9 indikator"."""
    left, right = 8.0, W - 200.0
    row, top = 40.0, 12.0
    height = top + row * len(items) + 8
    desc = "; ".join(f"{label}: {n} dari {total} {what}" for label, n, total, what in items)
    svg = _Svg(page, title, desc, height)
    for i, (label, n, total, what) in enumerate(items):
        y = top + row * i
        svg.text(left, y + 10, _short(label), size=13, weight="bold")
        share = n / total if total else 0.0
        svg.rect(left, y + 16, right - left, 14, "#eef1f4")
        svg.rect(left, y + 16, (right - left) * share, 14, PALET[1][0])
        svg.text(right + 8, y + 28, f"{n} dari {total} {what}", size=12)
    return svg.svg()
