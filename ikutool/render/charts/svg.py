"""A laid-out chart as SVG: millimetre units, no script, no font or image fetched; ``role="img"``
labelled by its title and a description that reads its figures out (a screen reader's), the
kategori's hatching as ``<pattern>`` definitions whose ids start with the chart's own (several
charts on one page never share one). Its size is its print size, shrunk to a narrower screen
(``max-width:100%``, the height following); a page may widen it by CSS (``width:100%``)."""

from __future__ import annotations

from html import escape

from ikutool.render.charts.layout import Kanvas, Kotak
from ikutool.render.metrics import PT

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"


def _n(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _pattern(pid: str, fill: str, name: str, mark: str) -> str:
    from ikutool.render.charts.pola import TILES

    t = TILES[name]
    size = _n(t.size)
    marks = ""
    if t.lines:
        d = "".join(f"M{_n(a)} {_n(b)}L{_n(c)} {_n(e)}" for a, b, c, e in t.lines)
        marks += f'<path d="{d}" stroke="{mark}" stroke-width="{_n(t.width)}"/>'
    for cx, cy in t.dots:
        marks += f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(t.radius)}" fill="{mark}"/>'
    return (
        f'<pattern id="{pid}" width="{size}" height="{size}" patternUnits="userSpaceOnUse">'
        f'<rect width="{size}" height="{size}" fill="{fill}"/>{marks}</pattern>'
    )


def cut_marks(b: Kotak) -> list[tuple[float, float, float, float]]:
    """A cut bar's break: two slanted strokes across it near its end."""
    x = b.x + b.w - 2.2
    return [(x + d, b.y + b.h + 0.3, x + d + 0.9, b.y - 0.3) for d in (0.0, 0.8)]


def paint_svg(k: Kanvas, title: str, desc: str, id: str) -> str:
    from ikutool.render.charts import POLA

    patterns: dict[str, str] = {}  # fill -> its pattern's id, in order of first use
    for b in k.kotak:
        if b.fill in POLA and b.fill not in patterns:
            patterns[b.fill] = f"{id}-{POLA[b.fill][0]}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(k.w)}mm" height="{_n(k.h)}mm" '
        f'viewBox="0 0 {_n(k.w)} {_n(k.h)}" font-family="{FONT}" role="img" '
        f'aria-labelledby="{id}-j {id}-d" style="max-width:100%;height:auto">',
        f'<title id="{id}-j">{escape(title)}</title>',
        f'<desc id="{id}-d">{escape(desc)}</desc>',
    ]
    if patterns:
        parts.append(
            "<defs>"
            + "".join(_pattern(pid, fill, *POLA[fill]) for fill, pid in patterns.items())
            + "</defs>"
        )
    parts.append(f'<rect x="0" y="0" width="{_n(k.w)}" height="{_n(k.h)}" fill="#ffffff"/>')
    for g in k.garis:
        dash = ' stroke-dasharray="1.2 0.8"' if g.putus else ""
        parts.append(
            f'<line x1="{_n(g.x1)}" y1="{_n(g.y1)}" x2="{_n(g.x2)}" y2="{_n(g.y2)}" '
            f'stroke="{g.colour}" stroke-width="{_n(g.width)}"{dash}/>'
        )
    for b in k.kotak:
        stroke = f' stroke="{b.stroke}" stroke-width="0.15"' if b.stroke else ""
        if b.putus:
            stroke += ' stroke-dasharray="0.8 0.6"'
        fill = f"url(#{patterns[b.fill]})" if b.fill in patterns else b.fill
        rect = (
            f'<rect x="{_n(b.x)}" y="{_n(b.y)}" width="{_n(b.w)}" height="{_n(b.h)}" '
            f'fill="{fill}"{stroke}'
        )
        parts.append(f"{rect}><title>{escape(b.tip)}</title></rect>" if b.tip else rect + "/>")
        if b.potong:
            parts += [
                f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                'stroke="#ffffff" stroke-width="0.45"/>'
                for x1, y1, x2, y2 in cut_marks(b)
            ]
    for t in k.tulisan:
        if not t.text:
            continue
        weight = ' font-weight="bold"' if t.bold else ""
        anchor = f' text-anchor="{t.anchor}"' if t.anchor != "start" else ""
        parts.append(
            f'<text x="{_n(t.x)}" y="{_n(t.y)}" font-size="{_n(t.points * PT)}" '
            f'fill="{t.colour}"{anchor}{weight}>{escape(t.text)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
