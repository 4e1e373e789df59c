"""A chart (:class:`ikutool.render.blocks.Grafik`) as shapes in millimetres: the SVG and PNG
painters only paint what is laid out here, so the picture in a browser and the picture in Word
are the same one.

Two kinds. "batang": a category per row (a sasaran, an indicator, a program, an agency), its
name wrapped on the left in full (above its bars in a narrow chart, a phone's), a bar per series
to the right, the figure (and its kategori) written at the bar's end, reference lines (100 %)
dashed across; a bar past the axis's end (:attr:`Grafik.sumbu_maks`) is cut, marked so, its
figure written whole. "kolom": a category per column
(the years of the period), a bar per series, the figure above each bar, reference lines (the end
target) dashed across with their label. Everything a bar says is also written in words beside
it, and a kategori's fill carries its hatching (:data:`ikutool.render.charts.POLA`), so the
chart reads in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from ikutool.formatting.numbers import format_angka
from ikutool.render.blocks import Grafik, Seri
from ikutool.render.metrics import PT, text_mm, wrap

LABEL_PT = 7.0  # category names
VALUE_PT = 6.5  # the figures at the bars
AXIS_PT = 6.0
BAR_H = 4.2  # a bar's thickness (batang)
ROW_GAP = 2.4
PAD = 3.0
GRID = "#d9d9d9"
INK = "#222222"
MISSING = "belum ada data"
CUT = "» "  # before the figure of a bar cut at the axis's end
NARROW_MM = 120.0  # a narrower "batang" chart sets a name that wraps above its bars


@dataclass
class Kotak:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str | None = INK  # None: no border (a label's white ground)
    putus: bool = False  # a dashed border: the upper part of a range
    tip: str = ""  # what the bar is, in words (a browser shows it on pointing)
    potong: bool = False  # cut at the axis's end: a break drawn across its end


@dataclass
class Garis:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = INK
    width: float = 0.25
    putus: bool = False


@dataclass
class Tulisan:
    x: float
    y: float  # the baseline
    text: str
    points: float
    anchor: str = "start"  # start | middle | end
    bold: bool = False
    colour: str = INK


@dataclass
class Kanvas:
    w: float
    h: float
    kotak: list[Kotak] = field(default_factory=list)
    garis: list[Garis] = field(default_factory=list)
    tulisan: list[Tulisan] = field(default_factory=list)

    def label(self, t: Tulisan) -> None:
        """A figure's text on a white ground, so a reference line behind it never crosses it."""
        if t.text:
            width = text_mm(t.text, t.points, t.bold) + 0.8
            left = {"start": t.x - 0.4, "middle": t.x - width / 2, "end": t.x - width + 0.4}
            height = t.points * PT
            self.kotak.append(
                Kotak(left[t.anchor], t.y - height * 0.85, width, height * 1.1, "#ffffff", None)
            )
        self.tulisan.append(t)


def nice_step(span: float, ticks: int = 5) -> float:
    """A tick step of 1, 2, 2,5 or 5 times a power of ten giving about ``ticks`` ticks."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def value_range(g: Grafik) -> tuple[float, float, float]:
    """The axis from ``lo`` to ``hi`` in steps of ``step``: from 0 (or below, for a negative
    figure) to past the largest figure and reference line."""
    values = [v for s in g.seri for v in s.nilai if v is not None and math.isfinite(v)]
    values += [v for s in g.seri for v in s.atas or [] if v is not None and math.isfinite(v)]
    values += [a.nilai for a in g.acuan]
    if g.sumbu_maks is not None:
        values = [min(v, g.sumbu_maks) for v in values]
    hi = max([*values, 0.0])
    lo = min([*values, 0.0])
    if hi == lo:
        hi = lo + 1.0
    step = nice_step(hi - lo)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def tick_label(value: float, step: float, satuan: str) -> str:
    decimals = 0 if float(step).is_integer() else 1
    text = format_angka(value, decimals)
    return f"{text} %" if satuan == "%" else text


def point_label(s: Seri, i: int, satuan: str) -> str:
    if s.label is not None and s.label[i]:
        return s.label[i] or ""
    v = s.nilai[i]
    if v is None:
        return MISSING
    text = format_angka(v)  # as written (a capaian's bars carry their own words)
    upper = s.atas[i] if s.atas is not None else None
    if upper is not None and upper != v:
        text += "-" + format_angka(upper)
    return f"{text} %" if satuan == "%" else text


def point_fill(s: Seri, i: int) -> str:
    return (s.tiap[i] if s.tiap is not None else None) or s.warna


def lay_out(g: Grafik) -> Kanvas:
    return _batang(g) if g.jenis == "batang" else _kolom(g)


def _legend(g: Grafik, k: Kanvas, y: float, lines: tuple[str, ...] = ()) -> float:
    """Swatches under the plot: the series (when more than one), the extra entries, then the
    reference lines named in the legend (a dashed stroke)."""
    entries: list[tuple[str | None, str]] = (
        [(s.warna, s.nama) for s in g.seri] if len(g.seri) > 1 else []
    )
    entries += g.legenda
    entries += [(None, label) for label in lines]
    x = PAD
    if not entries:
        return y
    y += 2.0
    for fill, label in entries:
        width = 4.0 + 1.2 + text_mm(label, AXIS_PT) + 4.0
        if x + width > k.w - PAD and x > PAD:
            x, y = PAD, y + 4.2
        if fill is None:
            k.garis.append(Garis(x, y + 1.3, x + 4.0, y + 1.3, "#000000", 0.35, True))
        else:
            k.kotak.append(Kotak(x, y, 4.0, 2.6, fill))
        k.tulisan.append(Tulisan(x + 5.2, y + 2.3, label, AXIS_PT))
        x += width
    return y + 4.2


def _cut(g: Grafik, v: float | None) -> bool:
    return v is not None and g.sumbu_maks is not None and v > g.sumbu_maks


def _bar_text(g: Grafik, s: Seri, i: int) -> str:
    label = point_label(s, i, g.satuan)
    return CUT + label if _cut(g, s.nilai[i]) else label


def _batang(g: Grafik) -> Kanvas:
    """Bars per row; a name that would wrap in a narrow chart stands above its bars instead,
    the bars then taking the width."""
    lo, hi, step = value_range(g)
    longest = max([text_mm(name, LABEL_PT) for name in g.kategori] + [10.0])
    label_w = min(longest + 2.0, g.lebar_mm * 0.42)
    above = g.lebar_mm < NARROW_MM and longest > label_w - 2.0
    if above:
        labels = [wrap(name, g.lebar_mm - 2 * PAD, LABEL_PT, limit=3) for name in g.kategori]
        label_w = 0.0
    else:
        labels = [wrap(name, label_w - 2.0, LABEL_PT, limit=3) for name in g.kategori]
    value_w = max(
        [text_mm(_bar_text(g, s, i), VALUE_PT) for s in g.seri for i in range(len(s.nilai))]
        + [10.0]
    )
    x0 = PAD + label_w
    x1 = g.lebar_mm - PAD - value_w - 1.5
    top = PAD + (4.0 if g.acuan else 1.0)

    def x_of(v: float) -> float:
        return x0 + (min(v, hi) - lo) / (hi - lo) * (x1 - x0)

    k = Kanvas(g.lebar_mm, 0.0)
    line_h = LABEL_PT * PT * 1.2
    bars_h = BAR_H * len(g.seri)
    y = top
    rows = []
    for i, lines in enumerate(labels):
        text_h = line_h * len(lines)
        h = (text_h + 0.6 + bars_h if above else max(bars_h, text_h)) + ROW_GAP
        rows.append((i, y, h, lines))
        y += h
    bottom = y
    # in a narrow chart a tick's figure may be wider than a step: every n-th one is written
    widest = max(text_mm(tick_label(t, step, g.satuan), AXIS_PT) for t in (lo, hi))
    every = max(1, math.ceil((widest + 1.5) / (x_of(lo + step) - x_of(lo))))
    tick, n = lo, 0
    while tick <= hi + step / 1000:
        x = x_of(tick)
        k.garis.append(Garis(x, top, x, bottom, GRID, 0.2))
        if n % every == 0:
            k.tulisan.append(
                Tulisan(x, bottom + AXIS_PT * PT + 1.0, tick_label(tick, step, g.satuan),
                        AXIS_PT, "middle")
            )  # fmt: skip
        tick, n = tick + step, n + 1
    zero = x_of(0.0)
    k.garis.append(Garis(zero, top, zero, bottom, INK, 0.3))
    for i, y_row, h, lines in rows:
        text_h = line_h * len(lines)
        if above:  # on a white ground: the grid and the 100 % line run behind the name
            ty = y_row + LABEL_PT * PT * 0.95
            for n, line in enumerate(lines):
                k.label(Tulisan(PAD, ty + n * line_h, line, LABEL_PT))
            by = y_row + text_h + 0.6
        else:
            ty = y_row + (h - ROW_GAP - text_h) / 2 + LABEL_PT * PT * 0.95
            for n, line in enumerate(lines):
                k.tulisan.append(Tulisan(PAD, ty + n * line_h, line, LABEL_PT))
            by = y_row + (h - ROW_GAP - bars_h) / 2
        for s in g.seri:
            _bar(g, k, s, i, by, zero, x_of)
            by += BAR_H
    for ref in g.acuan:
        x = x_of(ref.nilai)
        k.garis.append(Garis(x, top - 1.0, x, bottom, "#000000", 0.35, True))
        k.label(Tulisan(x, top - 1.6, ref.label, AXIS_PT, "middle", True))
    y = bottom + AXIS_PT * PT + 2.0
    y = _legend(g, k, y)
    k.h = y + PAD
    return k


def _bar(
    g: Grafik, k: Kanvas, s: Seri, i: int, by: float, zero: float,
    x_of: Callable[[float], float],
) -> None:  # fmt: skip
    """One series' bar of row ``i`` from ``by`` down, its figure at its end (said, without one)."""
    v = s.nilai[i]
    label = _bar_text(g, s, i)
    if v is None or not math.isfinite(v):
        k.label(Tulisan(zero + 1.0, by + BAR_H * 0.75, label, VALUE_PT, colour="#555555"))
        return
    a, b = sorted((zero, x_of(v)))
    tip = f"{s.nama}, {g.kategori[i]}: {point_label(s, i, g.satuan)}"
    k.kotak.append(
        Kotak(a, by + 0.35, max(b - a, 0.3), BAR_H - 0.7, point_fill(s, i), tip=tip,
              potong=_cut(g, v))
    )  # fmt: skip
    k.label(Tulisan(max(b, zero) + 1.0, by + BAR_H * 0.75, label, VALUE_PT))


def _stack_top(
    g: Grafik, i: int, bar_w: float, y_of: Callable[[float], float], zero: float
) -> float | None:
    """The top of category ``i``'s highest bar (its upper part included) when a figure of it is
    wider than its bar, else None (each figure stands on its own bar)."""
    tops, wide = [zero], False
    for s in g.seri:
        v = s.nilai[i]
        if v is None or not math.isfinite(v):
            continue
        upper = s.atas[i] if s.atas is not None else None
        tops.append(y_of(max(v, upper if upper is not None else v, 0.0)))
        wide = wide or text_mm(point_label(s, i, g.satuan), VALUE_PT) > bar_w - 0.4
    return min(tops) if wide else None


def describe(g: Grafik) -> str:
    """The chart's figures in words, as its bars say them (an SVG's description, read out by a
    screen reader): each category with each series' figure, then the reference lines."""
    parts = []
    for i, name in enumerate(g.kategori):
        figures = [point_label(s, i, g.satuan) for s in g.seri]
        if len(g.seri) > 1:
            figures = [f"{s.nama} {f}" for s, f in zip(g.seri, figures, strict=True)]
        parts.append(f"{name}: {', '.join(figures)}")
    parts += [f"garis {ref.label}" for ref in g.acuan]
    return "; ".join(parts) + "."


def _kolom(g: Grafik) -> Kanvas:
    lo, hi, step = value_range(g)
    ticks = []
    tick = lo
    while tick <= hi + step / 1000:
        ticks.append(tick)
        tick += step
    axis_w = max(text_mm(tick_label(t, step, g.satuan), AXIS_PT) for t in ticks) + 1.5
    x0 = PAD + axis_w
    x1 = g.lebar_mm - PAD
    top = PAD + VALUE_PT * PT * (1.25 * len(g.seri)) + 1.5
    plot_h = min(55.0, g.lebar_mm * 0.4)
    bottom = top + plot_h

    def y_of(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * plot_h

    k = Kanvas(g.lebar_mm, 0.0)
    for t in ticks:
        y = y_of(t)
        k.garis.append(Garis(x0, y, x1, y, GRID, 0.2))
        k.tulisan.append(Tulisan(x0 - 1.0, y + AXIS_PT * PT * 0.35, tick_label(t, step, g.satuan),
                                 AXIS_PT, "end"))  # fmt: skip
    zero = y_of(0.0)
    k.garis.append(Garis(x0, zero, x1, zero, INK, 0.3))
    n = max(len(g.kategori), 1)
    slot = (x1 - x0) / n
    bar_w = min(slot * 0.8 / max(len(g.seri), 1), 14.0)
    for i, name in enumerate(g.kategori):
        cx = x0 + slot * (i + 0.5)
        bx = cx - bar_w * len(g.seri) / 2
        stack = _stack_top(g, i, bar_w, y_of, zero)
        for j, s in enumerate(g.seri):
            v = s.nilai[i]
            label = point_label(s, i, g.satuan)
            if v is None or not math.isfinite(v):
                k.tulisan.append(Tulisan(bx + bar_w / 2, zero - 1.0, "-", VALUE_PT, "middle"))
            else:
                a, b = sorted((zero, y_of(v)))
                tip = f"{s.nama} {name}: {label}"
                k.kotak.append(
                    Kotak(bx + 0.3, a, bar_w - 0.6, max(b - a, 0.3), point_fill(s, i), tip=tip)
                )
                upper = s.atas[i] if s.atas is not None else None
                if upper is not None and upper > v:  # a range: its upper part, dashed
                    a = y_of(upper)
                    k.kotak.append(
                        Kotak(bx + 0.3, a, bar_w - 0.6, y_of(v) - a, "#ffffff", INK, True, tip)
                    )
                # labels wider than their bars: stacked over the group's highest bar, each
                # series' a line higher than the next one's, so neighbours never run into each
                # other ("83-85 %84 %"), whichever bar is the taller
                top_of = y_of(upper) if upper is not None and upper > v else min(a, b)
                if stack is not None:
                    top_of = stack - (len(g.seri) - 1 - j) * VALUE_PT * PT * 1.25
                k.label(Tulisan(bx + bar_w / 2, top_of - 0.8, label, VALUE_PT, "middle"))
            bx += bar_w
        for m, line in enumerate(wrap(name, slot - 1.0, LABEL_PT, limit=2)):
            k.tulisan.append(
                Tulisan(cx, bottom + LABEL_PT * PT * (1.3 + 1.2 * m) + 0.5, line, LABEL_PT,
                        "middle")
            )  # fmt: skip
    for ref in g.acuan:  # named in the legend: a label on the line would cross the bars'
        y = y_of(ref.nilai)
        k.garis.append(Garis(x0, y, x1, y, "#000000", 0.35, True))
    y = bottom + LABEL_PT * PT * 3.8 + 1.0
    y = _legend(g, k, y, tuple(ref.label for ref in g.acuan))
    k.h = y + PAD
    return k
