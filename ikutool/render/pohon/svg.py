"""A pohon kinerja page as SVG (millimetre units, no script, no font or image fetched): what a
browser shows and prints, and what the LKjIP's HTML carries inline."""

from __future__ import annotations

from html import escape

from ikutool.render.pohon.layout import PT, STYLE, TITLE, Halaman

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"


def _num(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def page_svg(page: Halaman, *, at: float | None = None) -> str:
    """One page; ``at``: nested in a larger SVG at that height (user units, not mm)."""
    size = (
        f'width="{_num(page.w)}mm" height="{_num(page.h)}mm"'
        if at is None
        else f'x="0" y="{_num(at)}" width="{_num(page.w)}" height="{_num(page.h)}"'
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {size} '
        f'viewBox="0 0 {_num(page.w)} {_num(page.h)}" font-family="{FONT}" role="img">',
        f"<title>{escape(page.judul)}</title>",
        f'<rect x="0" y="0" width="{_num(page.w)}" height="{_num(page.h)}" fill="#ffffff"/>',
        f'<text x="10" y="15" font-size="{_num(10 * PT)}" font-weight="bold">'
        f"{escape(page.judul)}</text>",
    ]
    for g in page.garis:
        d = " ".join(
            ("M" if i == 0 else "L") + f"{_num(x)} {_num(y)}" for i, (x, y) in enumerate(g.points)
        )
        dash = ' stroke-dasharray="1.5 1"' if g.putus else ""
        parts.append(f'<path d="{d}" fill="none" stroke="#444444" stroke-width="0.3"{dash}/>')
    for k in page.kotak:
        if not k.kode:
            continue
        fill, border = STYLE[k.level]
        stroke = "#c0392b" if k.peringatan else "#222222"
        dash = ' stroke-dasharray="2 1"' if k.putus or k.peringatan else ""
        parts.append(
            f'<rect x="{_num(k.x)}" y="{_num(k.y)}" width="{_num(k.w)}" height="{_num(k.h)}" '
            f'rx="1.2" fill="{fill}" stroke="{stroke}" stroke-width="{_num(border)}"{dash}/>'
        )
        y = k.y + 1.6
        for line in k.lines:
            y += line.points * PT * 1.28
            weight = ' font-weight="bold"' if line.bold else ""
            parts.append(
                f'<text x="{_num(k.x + 1.6)}" y="{_num(y - line.points * PT * 0.3)}" '
                f'font-size="{_num(line.points * PT)}" fill="{line.colour}"{weight}>'
                f"{escape(line.text)}</text>"
            )
    parts += _legend(page)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _legend(page: Halaman) -> list[str]:
    out = []
    x, y = 10.0, page.h - 6.5
    for lv in page.levels:
        fill, border = STYLE[lv]
        out.append(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="5" height="3.2" fill="{fill}" '
            f'stroke="#222222" stroke-width="{_num(border)}"/>'
        )
        label = TITLE[lv]
        out.append(
            f'<text x="{_num(x + 6.2)}" y="{_num(y + 2.6)}" font-size="{_num(6.5 * PT)}">'
            f"{escape(label)}</text>"
        )
        x += 8 + len(label) * 1.35
    out.append(
        f'<text x="{_num(x + 2)}" y="{_num(y + 2.6)}" font-size="{_num(6.5 * PT)}">'
        "Garis putus-putus: crosscutting atau simpul tanpa induk</text>"
    )
    return out


def pages_svg(pages: list[Halaman]) -> str:
    """Every page in one SVG, one under another (a file to open or print as it is)."""
    if len(pages) == 1:
        return page_svg(pages[0])
    width = max(p.w for p in pages)
    height = sum(p.h for p in pages) + 6 * (len(pages) - 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}mm" '
        f'height="{_num(height)}mm" viewBox="0 0 {_num(width)} {_num(height)}">',
        f'<rect x="0" y="0" width="{_num(width)}" height="{_num(height)}" fill="#ffffff"/>',
    ]
    y = 0.0
    for p in pages:
        parts.append(page_svg(p, at=y))
        y += p.h
        parts.append(
            f'<line x1="0" y1="{_num(y + 3)}" x2="{_num(width)}" y2="{_num(y + 3)}" '
            'stroke="#999999" stroke-width="0.3" stroke-dasharray="3 2"/>'
        )
        y += 6
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
