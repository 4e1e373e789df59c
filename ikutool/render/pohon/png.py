"""A pohon kinerja page as a PNG (Pillow, with the scalable font Pillow carries: nothing is
looked up on the machine): the picture Word and Excel documents embed."""

from __future__ import annotations

import io

from ikutool.render.pohon.layout import PT, STYLE, TITLE, Halaman

DPI = 200


def page_png(page: Halaman, dpi: int = DPI) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 25.4
    img = Image.new("RGB", (round(page.w * px), round(page.h * px)), "white")
    draw = ImageDraw.Draw(img)
    fonts: dict[float, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def font(points: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        if points not in fonts:
            fonts[points] = ImageFont.load_default(size=max(round(points * PT * px * 1.0), 6))
        return fonts[points]

    def text(
        x: float, y: float, s: str, points: float, bold: bool, colour: str, room: float
    ) -> None:
        f = font(points)
        width = draw.textlength(s, font=f)
        if width > room * px:  # the bundled face runs a little wider than Helvetica: fit it
            f = ImageFont.load_default(size=max(int(f.size * room * px / width), 6))  # type: ignore[union-attr]
        draw.text(
            (x * px, y * px), s, font=f, fill=colour, anchor="ls",
            stroke_width=1 if bold and dpi >= 150 else 0, stroke_fill=colour,
        )  # fmt: skip

    def line(points: list[tuple[float, float]], dashed: bool, width: float) -> None:
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

    text(10, 15, page.judul, 10, True, "#000000", page.w - 20)
    for g in page.garis:
        line(g.points, g.putus, 0.3)
    for k in page.kotak:
        if not k.kode:
            continue
        fill, border = STYLE[k.level]
        stroke = "#c0392b" if k.peringatan else "#222222"
        box = [k.x * px, k.y * px, (k.x + k.w) * px, (k.y + k.h) * px]
        draw.rounded_rectangle(box, radius=1.2 * px, fill=fill)
        edge = [(k.x, k.y), (k.x + k.w, k.y), (k.x + k.w, k.y + k.h), (k.x, k.y + k.h), (k.x, k.y)]
        if k.putus or k.peringatan:
            for a, b in zip(edge, edge[1:], strict=False):
                line([a, b], True, border)
        else:
            draw.rounded_rectangle(
                box, radius=1.2 * px, outline=stroke, width=max(round(border * px), 1)
            )
        y = k.y + 1.6
        for ln in k.lines:
            y += ln.points * PT * 1.28
            text(
                k.x + 1.6,
                y - ln.points * PT * 0.3,
                ln.text,
                ln.points,
                ln.bold,
                ln.colour,
                k.w - 3.2,
            )
    x, y = 10.0, page.h - 6.5
    for lv in page.levels:
        fill, border = STYLE[lv]
        draw.rectangle([x * px, y * px, (x + 5) * px, (y + 3.2) * px], fill=fill, outline="#222222",
                       width=max(round(border * px), 1))  # fmt: skip
        text(x + 6.2, y + 2.6, TITLE[lv], 6.5, False, "#111111", 40)
        x += 8 + len(TITLE[lv]) * 1.35
    text(x + 2, y + 2.6, "Garis putus-putus: crosscutting atau simpul tanpa induk", 6.5, False,
         "#111111", 120)  # fmt: skip
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True, dpi=(dpi, dpi))
    return buf.getvalue()
