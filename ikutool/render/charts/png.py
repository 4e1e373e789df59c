"""A laid-out chart as a PNG at print resolution (Pillow, with the scalable face Pillow carries:
nothing looked up on the machine): the picture a Word document embeds. A kategori's fill is
hatched as in the SVG (:mod:`ikutool.render.charts.pola`, the tiles laid from the picture's
origin), so a black-and-white print of the document tells the kategori apart."""

from __future__ import annotations

import io
from typing import Any

from ikutool.render.charts import POLA
from ikutool.render.charts.layout import Kanvas, Kotak
from ikutool.render.charts.svg import cut_marks
from ikutool.render.metrics import PT, text_mm

ANCHOR = {"start": "ls", "middle": "ms", "end": "rs"}


def paint_png(k: Kanvas, dpi: int = 200) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 25.4
    img = Image.new("RGB", (round(k.w * px), round(k.h * px)), "white")
    draw = ImageDraw.Draw(img)
    fonts: dict[int, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        if size not in fonts:
            fonts[size] = ImageFont.load_default(size=size)
        return fonts[size]

    for g in k.garis:
        width = max(round(g.width * px), 1)
        a, b = (g.x1 * px, g.y1 * px), (g.x2 * px, g.y2 * px)
        if not g.putus:
            draw.line([a, b], fill=g.colour, width=width)
            continue
        length = ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5
        steps = max(int(length / (2.0 * px)), 1)
        for i in range(steps):
            s, e = i / steps, (i + 0.6) / steps
            draw.line(
                [(a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s),
                 (a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e)],
                fill=g.colour, width=width,
            )  # fmt: skip
    for r in k.kotak:
        if r.putus:  # dashed edges over a white ground
            draw.rectangle([r.x * px, r.y * px, (r.x + r.w) * px, (r.y + r.h) * px], fill=r.fill)
            _dashed_box(draw, r.x * px, r.y * px, r.w * px, r.h * px, r.stroke or "#222222", px)
            continue
        draw.rectangle(
            [r.x * px, r.y * px, (r.x + r.w) * px, (r.y + r.h) * px],
            fill=r.fill, outline=r.stroke, width=1 if r.stroke else 0,
        )  # fmt: skip
        if r.fill in POLA:
            _hatch(img, r, *POLA[r.fill], px)
            if r.stroke:
                draw.rectangle(
                    [r.x * px, r.y * px, (r.x + r.w) * px, (r.y + r.h) * px],
                    outline=r.stroke, width=1,
                )  # fmt: skip
        if r.potong:
            for x1, y1, x2, y2 in cut_marks(r):
                draw.line([(x1 * px, y1 * px), (x2 * px, y2 * px)], fill="#ffffff",
                          width=max(round(0.45 * px), 1))  # fmt: skip
    for t in k.tulisan:
        if not t.text:
            continue
        size = max(round(t.points * PT * px), 6)
        f = font(size)
        room = text_mm(t.text, t.points, t.bold) * px * 1.02
        drawn = draw.textlength(t.text, font=f)
        if drawn > room:  # the bundled face runs wider than Helvetica: keep the laid-out width
            f = font(max(int(size * room / drawn), 6))
        draw.text(
            (t.x * px, t.y * px), t.text, font=f, fill=t.colour, anchor=ANCHOR[t.anchor]
        )  # fmt: skip
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def _dashed_box(draw: Any, x: float, y: float, w: float, h: float, colour: str, px: float) -> None:
    dash = 0.8 * px
    for (x1, y1), (x2, y2) in (
        ((x, y), (x + w, y)), ((x + w, y), (x + w, y + h)), ((x, y + h), (x + w, y + h)),
        ((x, y), (x, y + h)),
    ):  # fmt: skip
        length = max(abs(x2 - x1), abs(y2 - y1))
        steps = max(int(length / (dash * 1.75)), 1)
        for i in range(steps):
            s, e = i / steps, min((i + 0.57) / steps, 1.0)
            draw.line(
                [(x1 + (x2 - x1) * s, y1 + (y2 - y1) * s), (x1 + (x2 - x1) * e, y1 + (y2 - y1) * e)],
                fill=colour, width=1,
            )  # fmt: skip


def _hatch(img: Any, r: Kotak, name: str, mark: str, px: float) -> None:
    """The pattern ``name``'s marks over the bar ``r``: drawn on a copy of the bar's pixels
    (which clips them to it) from the tile under its top left corner on."""
    from PIL import ImageDraw

    from ikutool.render.charts.pola import TILES

    t = TILES[name]
    left, top = round(r.x * px), round(r.y * px)
    right, bottom = round((r.x + r.w) * px), round((r.y + r.h) * px)
    if right - left < 2 or bottom - top < 2:
        return
    box = img.crop((left, top, right, bottom))
    draw = ImageDraw.Draw(box)
    width = max(round(t.width * px), 1)
    radius = t.radius * px
    i0, j0 = int(r.x // t.size), int(r.y // t.size)
    i1, j1 = int((r.x + r.w) // t.size) + 1, int((r.y + r.h) // t.size) + 1
    for i in range(i0, i1):
        for j in range(j0, j1):
            ox, oy = i * t.size * px - left, j * t.size * px - top
            for x1, y1, x2, y2 in t.lines:
                draw.line([(ox + x1 * px, oy + y1 * px), (ox + x2 * px, oy + y2 * px)],
                          fill=mark, width=width)  # fmt: skip
            for cx, cy in t.dots:
                x, y = ox + cx * px, oy + cy * px
                draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=mark)
    img.paste(box, (left, top))
