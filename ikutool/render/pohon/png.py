"""A pohon kinerja page as a PNG (Pillow, with the scalable font Pillow carries: nothing is
looked up on the machine): the picture Word and Excel documents embed."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ikutool.render.pohon.layout import PT, STYLE, TITLE, Halaman, Kotak

if TYPE_CHECKING:
    from PIL import ImageFont

DPI = 200


def page_png(page: Halaman, dpi: int = DPI) -> bytes:
    from PIL import Image

    px = dpi / 25.4
    img = Image.new("RGB", (round(page.w * px), round(page.h * px)), "white")
    canvas = _Canvas(img, px, dpi)
    canvas.text(10, 15, page.judul, 10, True, "#000000", page.w - 20)
    for g in page.garis:
        canvas.line(g.points, g.putus, 0.3)
    for k in page.kotak:
        if k.kode:
            _box(canvas, k)
    _legend(canvas, page)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True, dpi=(dpi, dpi))
    return buf.getvalue()


class _Canvas:
    """A page's image drawn in millimetres: text fitted to its room, lines solid or dashed."""

    def __init__(self, img: Any, px: float, dpi: int) -> None:
        from PIL import ImageDraw

        self.draw = ImageDraw.Draw(img)
        self.px, self.dpi = px, dpi
        self.fonts: dict[float, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def font(self, points: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        from PIL import ImageFont

        if points not in self.fonts:
            size = max(round(points * PT * self.px * 1.0), 6)
            self.fonts[points] = ImageFont.load_default(size=size)
        return self.fonts[points]

    def text(
        self, x: float, y: float, s: str, points: float, bold: bool, colour: str, room: float
    ) -> None:
        from PIL import ImageFont

        px, draw = self.px, self.draw
        f = self.font(points)
        width = draw.textlength(s, font=f)
        if width > room * px:  # the bundled face runs a little wider than Helvetica: fit it
            f = ImageFont.load_default(size=max(int(f.size * room * px / width), 6))  # type: ignore[union-attr]
        draw.text(
            (x * px, y * px), s, font=f, fill=colour, anchor="ls",
            stroke_width=1 if bold and self.dpi >= 150 else 0, stroke_fill=colour,
        )  # fmt: skip

    def line(self, points: list[tuple[float, float]], dashed: bool, width: float) -> None:
        px, draw = self.px, self.draw
        w = max(round(width * px), 1)
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            if not dashed:
                draw.line([(x1 * px, y1 * px), (x2 * px, y2 * px)], fill="#444444", width=w)
                continue
            length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
            steps = max(int(length / 2.5), 1)
            for i in range(steps):
                a, b = i / steps, (i + 0.6) / steps
                draw.line(
                    [((x1 + (x2 - x1) * a) * px, (y1 + (y2 - y1) * a) * px),
                     ((x1 + (x2 - x1) * b) * px, (y1 + (y2 - y1) * b) * px)],
                    fill="#444444", width=w,
                )  # fmt: skip


def _box(canvas: _Canvas, k: Kotak) -> None:
    """One node's box: its fill, its edge (dashed for crosscutting, an orphan or a warning), its
    lines of text."""
    px, draw = canvas.px, canvas.draw
    fill, border = STYLE[k.level]
    stroke = "#c0392b" if k.peringatan else "#222222"
    box = [k.x * px, k.y * px, (k.x + k.w) * px, (k.y + k.h) * px]
    draw.rounded_rectangle(box, radius=1.2 * px, fill=fill)
    edge = [(k.x, k.y), (k.x + k.w, k.y), (k.x + k.w, k.y + k.h), (k.x, k.y + k.h), (k.x, k.y)]
    if k.putus or k.peringatan:
        for a, b in zip(edge, edge[1:], strict=False):
            canvas.line([a, b], True, border)
    else:
        draw.rounded_rectangle(
            box, radius=1.2 * px, outline=stroke, width=max(round(border * px), 1)
        )
    y = k.y + 1.6
    for ln in k.lines:
        y += ln.points * PT * 1.28
        canvas.text(
            k.x + 1.6,
            y - ln.points * PT * 0.3,
            ln.text,
            ln.points,
            ln.bold,
            ln.colour,
            k.w - 3.2,
        )


def _legend(canvas: _Canvas, page: Halaman) -> None:
    """The levels' colours and the dashed line, along the foot of the page."""
    px, draw = canvas.px, canvas.draw
    x, y = 10.0, page.h - 6.5
    for lv in page.levels:
        fill, border = STYLE[lv]
        draw.rectangle([x * px, y * px, (x + 5) * px, (y + 3.2) * px], fill=fill, outline="#222222",
                       width=max(round(border * px), 1))  # fmt: skip
        canvas.text(x + 6.2, y + 2.6, TITLE[lv], 6.5, False, "#111111", 40)
        x += 8 + len(TITLE[lv]) * 1.35
    canvas.text(x + 2, y + 2.6, "Garis putus-putus: crosscutting atau simpul tanpa induk", 6.5,
                False, "#111111", 120)  # fmt: skip
