"""A laid-out chart as SVG: millimetre units, no script, no font or image fetched; ``role="img"``
with the chart in words as its title, for a screen reader."""

from __future__ import annotations

from html import escape

from ikutool.render.charts.layout import Kanvas
from ikutool.render.metrics import PT

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"


def _n(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def paint_svg(k: Kanvas, alt: str) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(k.w)}mm" height="{_n(k.h)}mm" '
        f'viewBox="0 0 {_n(k.w)} {_n(k.h)}" font-family="{FONT}" role="img" '
        f'style="max-width:100%;height:auto">',
        f"<title>{escape(alt)}</title>",
        f'<rect x="0" y="0" width="{_n(k.w)}" height="{_n(k.h)}" fill="#ffffff"/>',
    ]
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
        rect = (
            f'<rect x="{_n(b.x)}" y="{_n(b.y)}" width="{_n(b.w)}" height="{_n(b.h)}" '
            f'fill="{b.fill}"{stroke}'
        )
        parts.append(f"{rect}><title>{escape(b.tip)}</title></rect>" if b.tip else rect + "/>")
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
