"""The report as one self-contained HTML file: tables and inline SVG charts, no network, no
script, no external font; readable on screen and printable on A4."""

from __future__ import annotations

from html import escape
from typing import Any

from ikutool.formatting.numbers import format_persen
from ikutool.render.wording import (
    capaian_cell,
    kalimat,
    notice,
    report_notices,
    sasaran_means,
)

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
    from ikutool.render.charts import KATEGORI_TEKS

    colour = KATEGORI_TEKS.get(label, "#222")
    return f'<span class="kat" style="color:{colour}">{escape(label)}</span>'


def _figure(g: Any, cls: str = "") -> str:
    """A chart with its caption above it, as the tables' captions stand."""
    from ikutool.render.charts import chart_svg

    attr = f' class="{cls}"' if cls else ""
    caption = escape(f"{g.nomor} {g.judul}")
    source = f'<p class="small">{escape(g.sumber)}</p>' if g.sumber else ""
    return f"<figure{attr}><figcaption>{caption}</figcaption>{chart_svg(g)}{source}</figure>"


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
    from ikutool.render.documents.grafik import laporan_charts

    charts = laporan_charts(laporan)
    capaian = [g for g in charts if g.jenis == "batang"]
    if capaian:
        parts.append("<h2>Capaian per indikator per tahun</h2>")
        parts += [_figure(g) for g in capaian]
    parts.append("<h2>Ringkasan per indikator</h2>")
    parts.append(_report_table(laporan))
    from ikutool.render.documents.laporan import laporan_notes

    parts += [f'<p class="small">{escape(n)}</p>' for n in laporan_notes(laporan)]
    parts.append(f"<h2>Uraian per indikator ({span[-1]})</h2><ul class=kalimat>")
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            parts.append(f"<li><b>{escape(ind.kode)}</b> {escape(kalimat(ind.tahun[-1]))}</li>")
    parts.append("</ul>")
    yearly = [g for g in charts if g.jenis == "kolom"]
    if yearly:
        parts.append("<h2>Target dan realisasi dari tahun ke tahun</h2><div class=charts>")
        parts += [_figure(g, "mini") for g in yearly]
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
