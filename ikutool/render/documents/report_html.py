"""The report as one self-contained HTML file: tables and inline SVG charts, no network, no
script, no external font; readable on screen and printable on A4."""

from __future__ import annotations

from html import escape
from typing import Any

from ikutool.formatting.numbers import format_angka, format_persen
from ikutool.render.wording import (
    capaian_cell,
    component_label,
    kalimat,
    notice,
    quantity,
    report_notices,
    sasaran_means,
)

KATEGORI_COLOUR = {
    "Sangat Tinggi": "#2e7d32",
    "Tinggi": "#1565c0",
    "Sedang": "#f9a825",
    "Rendah": "#ef6c00",
    "Sangat Rendah": "#c62828",
    "Melebihi Target": "#2e7d32",
    "Tercapai": "#1565c0",
    "Tidak Tercapai": "#c62828",
}
YEAR_COLOURS = ["#90caf9", "#42a5f5", "#1e88e5", "#1565c0", "#0d47a1", "#002171"]

CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:10.5pt;color:#222;margin:16px auto;max-width:1100px}
h1{font-size:15pt;text-align:center;margin:0}h2{font-size:12.5pt;margin:22px 0 8px;border-bottom:2px solid #1565c0}
.sub{text-align:center;margin:2px 0}
.notice{border:2px solid #c62828;color:#c62828;font-weight:bold;padding:6px 10px;margin:10px 0}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #999;padding:3px 5px;vertical-align:top}
th{background:#ddebf7}td.n{text-align:right;white-space:nowrap}tr.mean td{background:#f2f2f2;font-weight:bold}
.kat{font-weight:bold}p.small{font-size:9pt;margin:2px 0}
ul.kalimat li{margin:3px 0}.charts{display:flex;flex-wrap:wrap;gap:10px}
.mini{border:1px solid #ddd;padding:4px}figure{margin:0}figcaption{font-size:9pt;color:#444}
@page{size:A4 landscape;margin:12mm}
@media print{body{max-width:none;margin:0;font-size:9pt}h2{break-after:avoid}tr,figure,.mini{break-inside:avoid}}
"""


def _kat(label: str | None) -> str:
    if not label:
        return "-"
    colour = KATEGORI_COLOUR.get(label, "#222")
    return f'<span class="kat" style="color:{colour}">{escape(label)}</span>'


def _capaian_chart(laporan: Any) -> str:
    """Grouped horizontal bars: capaian per indicator per year, 0-150 %, a line at 100 %."""
    rows = [ind for sas in laporan.sasaran for ind in sas.indikator]
    years = laporan.tahun
    label_w, plot_w, bar_h, gap = 70, 520, 12, 10
    group_h = bar_h * len(years) + gap
    height = group_h * len(rows) + 40
    width = label_w + plot_w + 70
    scale = plot_w / 150.0
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Capaian per indikator per tahun" '
        'font-family="DejaVu Sans,Arial,sans-serif" font-size="10">'
    ]
    for pct in (0, 50, 100, 150):
        x = label_w + pct * scale
        dash = "" if pct == 100 else ' stroke-dasharray="2,3"'
        colour = "#c62828" if pct == 100 else "#bbb"
        out.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 30}" stroke="{colour}"{dash}/>'
        )
        out.append(f'<text x="{x:.1f}" y="{height - 18}" text-anchor="middle">{pct} %</text>')
    for i, ind in enumerate(rows):
        y0 = i * group_h
        out.append(
            f'<text x="4" y="{y0 + group_h / 2:.1f}" dominant-baseline="middle">{escape(ind.kode)}</text>'
        )
        for j, r in enumerate(ind.tahun):
            y = y0 + j * bar_h
            value = r.hasil.capaian
            colour = YEAR_COLOURS[j % len(YEAR_COLOURS)]
            if value is None:
                out.append(
                    f'<text x="{label_w + 4}" y="{y + bar_h - 3}" fill="#777">{r.tahun}: '
                    f"{escape(capaian_cell(None, r.hasil.status))}</text>"
                )
                continue
            w = max(0.0, min(value, 150.0)) * scale
            out.append(
                f'<rect x="{label_w}" y="{y + 1}" width="{w:.1f}" height="{bar_h - 2}" fill="{colour}">'
                f"<title>{escape(ind.kode)} {r.tahun}: {escape(format_persen(value))}</title></rect>"
            )
            out.append(
                f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3}">{escape(format_persen(value))}</text>'
            )
    lx = label_w
    for j, yr in enumerate(years):
        out.append(
            f'<rect x="{lx}" y="{height - 10}" width="10" height="8" fill="{YEAR_COLOURS[j % len(YEAR_COLOURS)]}"/>'
        )
        out.append(f'<text x="{lx + 13}" y="{height - 3}">{yr}</text>')
        lx += 55
    out.append("</svg>")
    return "".join(out)


def _target_realisasi_chart(ind: Any, key: str) -> str:
    """Target against realisasi of one component over the years (vertical bars).

    A range target ("83-85 %") is drawn as a floating bar from its lower to its upper bound and
    labelled with both, never as its lower bound alone."""
    points = []
    for r in ind.tahun:
        comp = next((c for c in r.hasil.komponen if c.kunci == key), None)
        points.append((r.tahun, comp))
    values = [
        v
        for _, c in points
        if c is not None
        for v in (c.target, c.target_maks, c.realisasi)
        if v is not None
    ]
    if not values:
        return ""
    top = max(max(values), 0) or 1.0
    bottom = min(min(values), 0)
    span = top - bottom or 1.0
    w, h, pad = 60 * len(points) + 40, 160, 30
    plot_h = h - 2 * pad
    zero_y = pad + plot_h * top / span
    unit = next((c.satuan for _, c in points if c is not None), "")

    def y_of(value: float) -> float:
        return zero_y - plot_h * value / span

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'font-family="DejaVu Sans,Arial,sans-serif" font-size="9" role="img" '
        f'aria-label="Target dan realisasi {escape(ind.kode)} {escape(key)}">',
        f'<line x1="20" y1="{zero_y:.1f}" x2="{w - 5}" y2="{zero_y:.1f}" stroke="#999"/>',
    ]
    for i, (year, comp) in enumerate(points):
        x = 25 + i * 60
        bars = []
        if comp is not None and comp.target is not None:
            bars.append((0, comp.target, comp.target_maks, "#b0bec5", "target"))
        if comp is not None and comp.realisasi is not None:
            bars.append((26, comp.realisasi, None, "#1e88e5", "realisasi"))
        for k, (dx, value, upper, colour, name) in enumerate(bars):
            # a range target is a bar up to its lower bound with a lighter, dashed part up to
            # its upper bound (never a thin floating sliver), labelled with both bounds
            y1, y2 = sorted((y_of(value), zero_y))
            height = max(y2 - y1, 0.5)
            label = format_angka(value)
            tip = quantity(value, unit, upper)
            top = y1
            out.append(
                f'<rect x="{x + dx}" y="{y1:.1f}" width="24" height="{height:.1f}" fill="{colour}">'
                f"<title>{name} {year}: {escape(tip)}</title></rect>"
            )
            if upper is not None and upper > value:
                top = y_of(upper)
                out.append(
                    f'<rect x="{x + dx}" y="{top:.1f}" width="24" height="{max(y1 - top, 0.5):.1f}" '
                    f'fill="#eceff1" stroke="{colour}" stroke-dasharray="2,2">'
                    f"<title>{name} {year}: {escape(tip)}</title></rect>"
                )
                label = f"{format_angka(value)}-{format_angka(upper)}"
            above = upper is not None or value >= 0
            # two labels side by side would run into each other ("1.2001.150"): the target's
            # sits one line higher than the realisasi's
            lift = 10 if k == 0 and len(bars) == 2 else 0
            ty = top - 2 - lift if above else y1 + height + 9 + lift
            out.append(
                f'<text x="{x + dx + 12}" y="{ty:.1f}" text-anchor="middle">{escape(label)}</text>'
            )
        out.append(f'<text x="{x + 25}" y="{h - 6}" text-anchor="middle">{year}</text>')
    out.append("</svg>")
    return "".join(out)


def _report_table(laporan: Any) -> str:
    from ikutool.render.documents.laporan import marked_capaian, marked_realisasi, marked_target

    head = (
        "<tr><th>Indikator</th><th>Tahun</th><th>Target</th><th>Realisasi</th><th>Capaian (%)</th>"
        f"<th>Kategori</th><th>Thd target akhir {laporan.periode_akhir} (%)</th></tr>"
    )
    rows = []
    for sas in laporan.sasaran:
        rows.append(f'<tr><td colspan="7"><b>{escape(sas.kode)} {escape(sas.uraian)}</b></td></tr>')
        for ind in sas.indikator:
            for ri, r in enumerate(ind.tahun):
                h = r.hasil
                name = f"{escape(ind.kode)} {escape(ind.uraian)}" if ri == 0 else ""
                akhir = r.capaian_target_akhir
                rows.append(
                    f"<tr><td>{name}</td><td class=n>{r.tahun}</td>"
                    f"<td class=n>{escape(marked_target(h, chr(10))).replace(chr(10), '<br>')}</td>"
                    f"<td class=n>{escape(marked_realisasi(h, chr(10))).replace(chr(10), '<br>')}</td>"
                    f"<td class=n>{escape(marked_capaian(h))}</td><td>{_kat(h.kategori)}</td>"
                    f"<td class=n>{escape(capaian_cell(akhir, 'ada')) if akhir is not None else '-'}</td></tr>"
                )
        for label, values, labels in sasaran_means(laporan, sas):
            for y in laporan.tahun:
                rows.append(
                    f'<tr class="mean"><td>{escape(label)}</td><td class=n>{y}</td><td></td><td></td>'
                    f"<td class=n>{escape(capaian_cell(values.get(y), 'ada'))}</td><td>{_kat(labels.get(y))}</td>"
                    "<td></td></tr>"
                )
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _year_table(result: Any) -> str:
    from ikutool.render.documents.pengukuran import table

    t = table(result, document=True)
    head = "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in t.header) + "</tr>"
    rows = []
    for b in t.baris:
        cells = b.cells()
        kat = _kat(b.kategori) if b.kategori else escape(cells[7])
        cls = ' class="mean"' if b.tebal else ""
        rows.append(
            f"<tr{cls}><td class=n>{escape(cells[0])}</td><td>{escape(cells[1])}</td>"
            f"<td>{escape(cells[2])}</td><td>{escape(cells[3])}</td>"
            f"<td class=n>{escape(cells[4])}</td><td class=n>{escape(cells[5])}</td>"
            f"<td class=n>{escape(cells[6])}</td><td>{kat}</td></tr>"
        )
    notes = "".join(f'<p class="small">{escape(n)}</p>' for n in t.catatan)
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>{notes}"


def report_html(laporan: Any) -> str:
    notes = report_notices(laporan)
    span = laporan.tahun
    period = f"{span[0]}" + (f"-{span[-1]}" if len(span) > 1 else "")
    title = f"Laporan Capaian Kinerja {laporan.instansi}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} {period}</title><style>{CSS}</style></head><body>",
        f"<h1>LAPORAN CAPAIAN KINERJA<br>{escape(laporan.instansi.upper())}</h1>",
    ]
    if laporan.pemerintah:
        parts.append(f'<p class="sub">{escape(laporan.pemerintah)}</p>')
    sub = f"Tahun {period}" + (
        f" &middot; Bidang {escape(laporan.bidang_nama)}" if laporan.bidang_nama else ""
    )
    parts.append(f'<p class="sub">{sub}</p>')
    parts += [f'<div class="notice">{escape(n)}</div>' for n in notes]
    from ikutool.render.wording import laporan_overall

    def pct(value: float | None, label: str | None) -> str:
        return format_persen(value) + (f" ({label})" if label else "")

    parts += [f"<p>{escape(line)}</p>" for line in laporan_overall(laporan, pct)]
    parts.append("<h2>Capaian per indikator per tahun</h2>")
    parts.append(
        f"<figure>{_capaian_chart(laporan)}<figcaption>Garis merah: 100 %.</figcaption></figure>"
    )
    parts.append("<h2>Ringkasan per indikator</h2>")
    parts.append(_report_table(laporan))
    from ikutool.render.documents.laporan import laporan_notes

    parts += [f'<p class="small">{escape(n)}</p>' for n in laporan_notes(laporan)]
    parts.append(f"<h2>Uraian per indikator ({span[-1]})</h2><ul class=kalimat>")
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            parts.append(f"<li><b>{escape(ind.kode)}</b> {escape(kalimat(ind.tahun[-1]))}</li>")
    parts.append("</ul>")
    parts.append("<h2>Target dan realisasi dari tahun ke tahun</h2><div class=charts>")
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            keys: list[str] = []
            for r in ind.tahun:
                for c in r.hasil.komponen:
                    if c.kunci not in keys and c.target is not None:
                        keys.append(c.kunci)
            for key in keys:
                chart = _target_realisasi_chart(ind, key)
                if not chart:
                    continue
                comp = next(c for r in ind.tahun for c in r.hasil.komponen if c.kunci == key)
                caption = f"{ind.kode} - {component_label(comp)}"
                parts.append(
                    f'<figure class="mini">{chart}<figcaption>{escape(caption)} '
                    "(abu-abu: target, biru: realisasi)</figcaption></figure>"
                )
    parts.append("</div>")
    for result in laporan.per_tahun:
        parts.append(f"<h2>Pengukuran kinerja tahun {result.tahun}</h2>")
        n = notice(result)
        if n:
            parts.append(f'<div class="notice">{escape(n)}</div>')
        parts.append(_year_table(result))
    parts += [f'<div class="notice">{escape(n)}</div>' for n in notes]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
