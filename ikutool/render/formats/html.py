"""HTML for every block document (:mod:`ikutool.render.blocks`): one self-contained page, no
network, no script, no external font; readable on screen and printable."""

from __future__ import annotations

from html import escape
from typing import assert_never

from ikutool.render.blocks import (
    ALERT_COLOUR,
    Angka,
    Block,
    Dokumen,
    Gambar,
    Grafik,
    HalamanBaru,
    Heading,
    Para,
    Run,
    Tabel,
    Tanda,
    kategori_colour,
)

CSS = """
body{font-family:"DejaVu Serif","Times New Roman",serif;font-size:11pt;color:#111;margin:16px auto;max-width:1000px}
h1{font-size:15pt;text-align:center}h2{font-size:13pt;margin-top:26px}h3{font-size:12pt}h4{font-size:11pt}
p.note{border:2px solid #c62828;color:#c62828;font-weight:bold;padding:6px 10px}
p.small{font-size:9pt;margin:2px 0}p.lead{font-weight:bold;margin-bottom:2px;break-after:avoid}
.ph{background:#fff59d;font-weight:bold}
table{border-collapse:collapse;width:100%;margin:4px 0 8px;font-size:9.5pt}
th,td{border:1px solid #777;padding:3px 5px;vertical-align:top}th{background:#e8eef7}
td.r{text-align:right;white-space:nowrap}tr.b td{font-weight:bold;background:#f3f3f3}
.cap{font-weight:bold;margin:10px 0 2px}.ttd{margin:40px 0 0 55%;break-inside:avoid}
.page{break-before:page}
@page{size:A4;margin:20mm}
@media print{body{max-width:none;margin:0}thead{display:table-header-group}
tr{break-inside:avoid}h2,h3,.cap{break-after:avoid}}
"""


def _run_html(run: Run) -> str:
    match run:
        case str():
            return escape(run).replace("\n", "<br>")
        case Angka():
            return escape(run.teks)
        case (text, kind):
            match kind:
                case "placeholder":
                    return f'<span class="ph">{escape(text)}</span>'
                case "bold":
                    return f"<b>{escape(text)}</b>"
                case "kategori":
                    colour = kategori_colour(text)
                    style = f"color:{colour};" if colour else ""
                    return f'<span style="{style}font-weight:bold">{escape(text)}</span>'
                case "alert":
                    return f'<span style="color:{ALERT_COLOUR}">{escape(text)}</span>'
                case _:
                    assert_never(kind)
        case _:
            assert_never(run)


def _html_head(b: Tabel) -> str:
    if not b.kepala_atas:
        rows = ["<tr>" + "".join(f"<th>{escape(h)}</th>" for h in b.header) + "</tr>"]
    else:
        top, below, j = [], [], 0
        for text, span in b.kepala_atas:
            if span == 1:
                top.append(f'<th rowspan="2">{escape(b.header[j])}</th>')
            else:
                top.append(f'<th colspan="{span}">{escape(text)}</th>')
                below += [f"<th>{escape(h)}</th>" for h in b.header[j : j + span]]
            j += span
        rows = [f"<tr>{''.join(top)}</tr>", f"<tr>{''.join(below)}</tr>"]
    if b.nomor_kolom:
        rows.append(
            "<tr>" + "".join(f"<th>({j})</th>" for j in range(1, len(b.header) + 1)) + "</tr>"
        )
    return "".join(rows)


# a page read on screen first (the report, the rekap): a sans face, a rule under each section's
# heading, the lines under the title centred, the yearly charts side by side
LAYAR = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:10.5pt;color:#222;margin:16px auto;max-width:1100px}
h1{font-size:15pt;text-align:center;margin:0}h2{font-size:12.5pt;margin:22px 0 8px;border-bottom:2px solid #1565c0}
p.sub{text-align:center;margin:2px 0}
p.note{border:2px solid #c62828;color:#c62828;font-weight:bold;padding:6px 10px;margin:10px 0}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #999;padding:3px 5px;vertical-align:top}
th{background:#ddebf7}td.r{text-align:right;white-space:nowrap}tr.b td{background:#f2f2f2;font-weight:bold}
p.small{font-size:9pt;margin:2px 0}p.lead{font-weight:bold;margin-bottom:2px}
p.item{display:list-item;margin:3px 0 3px 40px}
.ph{background:#fff59d;font-weight:bold}.cap{font-weight:bold;margin:10px 0 2px}
figure.grafik{margin:0!important}figure.grafik .cap{font-size:9pt;color:#444;font-weight:normal;margin:0}
.charts{display:flex;flex-wrap:wrap;gap:10px}figure.kolom{border:1px solid #ddd;padding:4px}
.ttd{margin:40px 0 0 55%;break-inside:avoid}.page{break-before:page}
@page{size:A4;margin:12mm}
@media print{body{max-width:none;margin:0;font-size:9pt}thead{display:table-header-group}
h2,.cap{break-after:avoid}tr,figure{break-inside:avoid}}
"""


def _css(doc: Dokumen) -> str:
    match doc.gaya:
        case "cetak":
            css = CSS
        case "layar":
            css = LAYAR
        case _:
            assert_never(doc.gaya)
    return css.replace("size:A4", "size:A4 landscape") if doc.landscape else css


def html(doc: Dokumen) -> str:
    css = _css(doc)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.judul)}</title><style>{css}</style></head><body>",
    ]
    page = row = False
    screen = doc.gaya == "layar"
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if isinstance(b, HalamanBaru):
            page = True
            continue
        if isinstance(b, Tanda) and b.kiri and i + 1 < len(blocks):
            after = blocks[i + 1]
            if isinstance(after, Tanda) and not after.kiri:  # two parties, side by side
                parts.append(_signature_pair(b, after, page))
                page = False
                continue
        if isinstance(b, Tanda) and not b.kiri and i and _is_left(blocks[i - 1]):
            continue  # written beside the one before it
        # on screen, the yearly charts stand side by side, as many as the width holds
        side = screen and isinstance(b, Grafik) and b.jenis == "kolom" and not b.halaman_baru
        if side != row:
            parts.append('<div class="charts">' if side else "</div>")
            row = side
        parts += _html_block(b, page or (isinstance(b, Grafik) and b.halaman_baru), screen)
        page = False
    parts.append("</div></body></html>" if row else "</body></html>")
    return "\n".join(parts) + "\n"


def _html_block(b: Block, page: bool, screen: bool = False) -> list[str]:
    cls = ' class="page"' if page else ""
    match b:
        case Heading():
            tag = f"h{b.level + 1}"
            return [f"<{tag}{cls}>{escape(b.text).replace(chr(10), '<br>')}</{tag}>"]
        case Para():
            kinds = " ".join(
                k for k in (b.kind if b.kind != "normal" else "", "page" if page else "") if k
            )
            attr = f' class="{kinds}"' if kinds else ""
            return [f"<p{attr}>{''.join(_run_html(r) for r in b.runs)}</p>"]
        case Tabel():
            return _html_table(b, page)
        case Gambar():
            caption = f"{escape(b.nomor)} {escape(b.judul)}".strip()
            return [
                f'<figure{cls} style="margin:8px 0">',
                f'<figcaption class="cap">{caption}</figcaption>{b.svg}</figure>',
            ]
        case Grafik():
            from ikutool.render.charts import chart_svg

            caption = f"{escape(b.nomor)} {escape(b.judul)}".strip()
            source = f'<p class="small">{escape(b.sumber)}</p>' if b.sumber else ""
            return [
                f'<figure class="grafik{f" {b.jenis}" if screen else ""}{" page" if page else ""}"'
                ' style="margin:8px 0">',
                f'<figcaption class="cap">{caption}</figcaption>{chart_svg(b)}{source}</figure>',
            ]
        case Tanda():
            lines = _signature_lines(b)
            return [f'<p class="ttd{" page" if page else ""}">{"<br>".join(lines)}</p>']
        case HalamanBaru():
            return []
        case _:
            assert_never(b)


def _signature_lines(b: Tanda) -> list[str]:
    lines = ["".join(_run_html(r) for r in b.tempat_tanggal), escape(b.jabatan), "", "", ""]
    lines.append(f"<b><u>{escape(b.nama)}</u></b>")
    if b.pangkat:
        lines.append(escape(b.pangkat))
    if b.nip:
        lines.append(f"NIP. {escape(b.nip)}")
    return lines


def _is_left(b: Block) -> bool:
    return isinstance(b, Tanda) and b.kiri


def _signature_pair(left: Tanda, right: Tanda, page: bool) -> str:
    """The two parties of an agreement side by side (the second on the left), as PK documents
    are signed; one block that never breaks across pages."""
    cells = "".join(
        f'<p style="margin:0;width:45%">{"<br>".join(_signature_lines(b))}</p>'
        for b in (left, right)
    )
    return (
        f'<div class="{"page" if page else ""}" style="display:flex;justify-content:space-between;'
        f'margin-top:40px;break-inside:avoid">{cells}</div>'
    )


def _html_table(b: Tabel, page: bool) -> list[str]:
    head = _html_head(b)
    body = []
    for i, row in enumerate(b.rows):
        if i in b.judul_baris:  # a group's name across the table
            cells = f'<td colspan="{len(b.header)}">{_run_html(row[0])}</td>'
        else:
            cells = "".join(
                f"<td{' class=r' if b.align[j] == 'r' else ''}>{_run_html(c)}</td>"
                for j, c in enumerate(row)
            )
        body.append(f"<tr{' class=b' if i in b.bold_rows else ''}>{cells}</tr>")
    parts = []
    caption = f"{escape(b.nomor)} {escape(b.judul)}".strip()
    if caption:
        parts.append(f'<p class="cap{" page" if page else ""}">{caption}</p>')
    parts.append(f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")
    parts += [f'<p class="small">{escape(n)}</p>' for n in b.catatan]
    return parts
