"""Pohon kinerja pages as a vector PDF, one A4 landscape page each (a page scaled down to fit,
never up), in the PDF's own Helvetica: the layout measures text with Helvetica's widths, so the
PDF is exactly the laid-out picture, searchable and sharp at any zoom. Written here rather than
with a PDF library: boxes, lines and one font are a few dozen operators, and every other
dependency would be heavier than this module."""

from __future__ import annotations

from ikutool.render.pohon.layout import PAGE_H, PAGE_W, PT, STYLE, TITLE, Halaman

MM = 72 / 25.4  # points per mm


def _rgb(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return f"{r:.3f} {g:.3f} {b:.3f}"


def _text(s: str) -> str:
    raw = s.encode("cp1252", errors="replace")
    return raw.decode("latin-1").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_stream(page: Halaman) -> bytes:
    scale = min(1.0, (PAGE_W - 10) / page.w, (PAGE_H - 10) / page.h)
    ox = (PAGE_W - page.w * scale) / 2
    oy = (PAGE_H - page.h * scale) / 2
    ops = [f"{scale * MM:.5f} 0 0 {-scale * MM:.5f} {ox * MM:.3f} {(PAGE_H - oy) * MM:.3f} cm"]

    def text(x: float, y: float, s: str, points: float, bold: bool, colour: str) -> None:
        # the coordinate system is flipped (y down): the text matrix flips it back
        font = "F2" if bold else "F1"
        size = points * PT
        ops.append(
            f"BT /{font} {size:.3f} Tf {_rgb(colour)} rg 1 0 0 -1 {x:.3f} {y:.3f} Tm "
            f"({_text(s)}) Tj ET"
        )

    text(10, 15, page.judul, 10, True, "#000000")
    ops.append("0.3 w 0.267 0.267 0.267 RG")
    for g in page.garis:
        ops.append("[1.5 1] 0 d" if g.putus else "[] 0 d")
        pts = " ".join(
            f"{x:.3f} {y:.3f} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(g.points)
        )
        ops.append(f"{pts} S")
    for k in page.kotak:
        if not k.kode:
            continue
        fill, border = STYLE[k.level]
        stroke = "#c0392b" if k.peringatan else "#222222"
        dash = "[2 1] 0 d" if k.putus or k.peringatan else "[] 0 d"
        ops.append(
            f"{dash} {border:.2f} w {_rgb(fill)} rg {_rgb(stroke)} RG "
            f"{k.x:.3f} {k.y:.3f} {k.w:.3f} {k.h:.3f} re B"
        )
        y = k.y + 1.6
        for line in k.lines:
            y += line.points * PT * 1.28
            text(
                k.x + 1.6,
                y - line.points * PT * 0.3,
                line.text,
                line.points,
                line.bold,
                line.colour,
            )
    x, y = 10.0, page.h - 6.5
    for lv in page.levels:
        fill, border = STYLE[lv]
        ops.append(f"[] 0 d {border:.2f} w {_rgb(fill)} rg 0.133 0.133 0.133 RG {x} {y} 5 3.2 re B")
        text(x + 6.2, y + 2.6, TITLE[lv], 6.5, False, "#111111")
        x += 8 + len(TITLE[lv]) * 1.35
    text(
        x + 2,
        y + 2.6,
        "Garis putus-putus: crosscutting atau simpul tanpa induk",
        6.5,
        False,
        "#111111",
    )
    return "\n".join(ops).encode("latin-1")


def pages_pdf(pages: list[Halaman], title: str) -> bytes:
    """The pages as one PDF document."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        stream = _page_stream(page)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                (
                    f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W * MM:.2f} "
                    f"{PAGE_H * MM:.2f}] /Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R "
                    f">> >> /Contents {content} 0 R >>"
                ).encode("latin-1")
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objects[pages_id - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    info = add(f"<< /Title ({_text(title)}) /Producer () >>".encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
