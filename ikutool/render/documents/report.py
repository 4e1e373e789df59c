"""``iku report`` as documents (:mod:`ikutool.render.blocks`): the page (HTML: the summary, the
charts, the summary table, a sentence per indicator, the yearly charts, each year's pengukuran
table) and the workbook (Excel: a sheet per year, the trend sheet, a sheet per chart). Each is
built here once as blocks; the format's renderer only renders (Markdown is
:func:`ikutool.render.documents.laporan.report_document`).
"""

from __future__ import annotations

from typing import Any

from ikutool.formatting.numbers import format_angka, format_persen
from ikutool.render.blocks import Angka, Block, Dokumen, Grafik, Heading, Lembar, Para, Run, Tabel
from ikutool.render.documents import pengukuran
from ikutool.render.wording import capaian_cell, kalimat, notice, report_notices, sasaran_means

_REPORT_HEADER = ["Indikator", "Tahun", "Target", "Realisasi", "Capaian (%)", "Kategori"]


def _kategori(label: str | None) -> Run:
    return (label, "kategori") if label else "-"


def _pct(value: float | None, label: str | None) -> str:
    return format_persen(value) + (f" ({label})" if label else "")


def _period(laporan: Any) -> str:
    span = laporan.tahun
    return f"{span[0]}" + (f"-{span[-1]}" if len(span) > 1 else "")


# --- the page -----------------------------------------------------------------------------------


def report_page(laporan: Any) -> Dokumen:
    """The report as one page (HTML): read on screen, printed on A4 landscape."""
    from ikutool.render.documents.grafik import laporan_charts
    from ikutool.render.documents.laporan import laporan_notes
    from ikutool.render.wording import laporan_overall

    notes = [Para([n], kind="note") for n in report_notices(laporan)]
    sub = f"Tahun {_period(laporan)}" + (
        f" \u00b7 Bidang {laporan.bidang_nama}" if laporan.bidang_nama else ""
    )
    blocks: list[Block] = [
        Heading(0, f"LAPORAN CAPAIAN KINERJA\n{laporan.instansi.upper()}"),
        *([Para([laporan.pemerintah], kind="sub")] if laporan.pemerintah else []),
        Para([sub], kind="sub"),
        *notes,
        *(Para([line]) for line in laporan_overall(laporan, _pct)),
    ]
    charts = laporan_charts(laporan)
    capaian = [g for g in charts if g.jenis == "batang"]
    if capaian:
        blocks += [Heading(1, "Capaian per indikator per tahun"), *capaian]
    blocks.append(Heading(1, "Ringkasan per indikator"))
    summary = _summary_table(laporan)
    summary.catatan = laporan_notes(laporan)
    blocks.append(summary)
    blocks.append(Heading(1, f"Uraian per indikator ({laporan.tahun[-1]})"))
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            blocks.append(Para([(ind.kode, "bold"), f" {kalimat(ind.tahun[-1])}"], kind="item"))
    yearly: list[Block] = [g for g in charts if g.jenis == "kolom"]
    if yearly:
        blocks += [Heading(1, "Target dan realisasi dari tahun ke tahun"), *yearly]
    for result in laporan.per_tahun:
        blocks.append(Heading(1, f"Pengukuran kinerja tahun {result.tahun}"))
        note = notice(result)
        if note:
            blocks.append(Para([note], kind="note"))
        blocks.append(year_table(result))
    blocks += notes
    title = f"Laporan Capaian Kinerja {laporan.instansi} {_period(laporan)}"
    return Dokumen(title, blocks, landscape=True, gaya="layar")


def _summary_table(laporan: Any) -> Tabel:
    """Per indicator and year: target, realisasi, capaian, kategori, against the end target;
    under each sasaran its mean per year."""
    from ikutool.render.documents.laporan import marked_capaian, marked_realisasi, marked_target

    rows: list[list[Run]] = []
    heads: set[int] = set()
    means: set[int] = set()
    for sas in laporan.sasaran:
        heads.add(len(rows))
        rows.append([(f"{sas.kode} {sas.uraian}", "bold"), "", "", "", "", "", ""])
        for ind in sas.indikator:
            for ri, r in enumerate(ind.tahun):
                h = r.hasil
                akhir = r.capaian_target_akhir
                rows.append(
                    [
                        f"{ind.kode} {ind.uraian}" if ri == 0 else "",
                        str(r.tahun),
                        marked_target(h, "\n"),
                        marked_realisasi(h, "\n"),
                        marked_capaian(h),
                        _kategori(h.kategori),
                        capaian_cell(akhir, "ada") if akhir is not None else "-",
                    ]
                )
        for label, values, labels in sasaran_means(laporan, sas):
            for y in laporan.tahun:
                means.add(len(rows))
                rows.append(
                    [label, str(y), "", "", capaian_cell(values.get(y), "ada"),
                     _kategori(labels.get(y)), ""]
                )  # fmt: skip
    header = [*_REPORT_HEADER, f"Thd target akhir {laporan.periode_akhir} (%)"]
    align = ["l", "r", "r", "r", "r", "l", "r"]
    return Tabel("", "", header, rows, align, means, judul_baris=heads)


def year_table(result: Any, *, sheet: bool = False) -> Tabel:
    """One year's pengukuran kinerja table; its figures as :class:`Angka` (a workbook stores
    the numbers), its kategori coloured. ``sheet``: laid out on a sheet of its own (a workbook:
    named by the year, a sasaran's No and name merged down its rows)."""
    t = pengukuran.table(result, document=True)
    rows: list[list[Run]] = []
    spans: list[tuple[int, int]] = []
    start = 0
    for i, b in enumerate(t.baris):
        if b.no and i > start or b.jenis in ("bidang", "instansi"):
            spans.append((start, i - 1))
            start = i + (b.jenis in ("bidang", "instansi"))
        cells = b.cells()
        kat: Run = cells[7]
        if b.jenis in ("komponen", "judul"):
            kat = ""
        elif b.kategori:
            kat = (b.kategori, "kategori")
        rows.append([*cells[:4], _figure(b.target), _figure(b.realisasi), _figure(b.capaian), kat])
    spans.append((start, len(t.baris) - 1))
    lembar = None
    if sheet:
        lembar = Lembar(
            nama=str(result.tahun),
            gabung_kolom=(0, 1),
            gabung_baris=[(a, z) for a, z in spans if z > a],
            lebar=_year_widths(t),
            arsir_tebal=True,
            judul_tengah=True,
        )
    from ikutool.render.documents.laporan import ALIGN_PENGUKURAN

    bold = {i for i, b in enumerate(t.baris) if b.tebal}
    catatan = list(t.catatan)
    return Tabel("", "", list(t.header), rows, ALIGN_PENGUKURAN, bold, catatan, lembar=lembar)


def _figure(cell: Any) -> Run:
    """A figure with its number (the workbook computes with it), else its text."""
    return cell.teks if cell.angka is None else Angka(cell.teks, cell.angka)


def _year_widths(t: Any) -> list[float]:
    """The year sheet's columns: a figure shown through its number format never wraps, so its
    column holds the widest one, marks included ("100,00 (tercapai) (!)"), else Excel shows ###."""
    widths = [5.0, 34.0, 44.0, 18.0, 12.0, 12.0, 12.0, 15.0]
    for col, attr in ((4, "target"), (5, "realisasi"), (6, "capaian")):
        texts = [getattr(b, attr) for b in t.baris]
        widest = max((len(c.teks) for c in texts if c.angka is not None), default=0)
        widths[col] = min(max(widths[col], widest + 2), 30)
    return widths


# --- the workbook -------------------------------------------------------------------------------


def report_book(laporan: Any) -> Dokumen:
    """The report as a workbook: a sheet per year (the pengukuran table under the agency's
    name), the trend of every indicator over the years, then each chart on a sheet of its own
    with its figures as cells."""
    from ikutool.render.documents.grafik import laporan_charts

    blocks: list[Block] = []
    for result in laporan.per_tahun:
        t = pengukuran.table(result, document=True)
        blocks.append(Heading(1, result.instansi.upper()))
        if laporan.pemerintah:
            blocks.append(Heading(1, laporan.pemerintah.upper()))
        blocks.append(Heading(1, t.judul.upper()))
        note = notice(result)
        if note:
            blocks.append(Para([note], kind="note"))
        table = year_table(result, sheet=True)
        table.catatan += [f"Skala kategori: {result.skala}", *([note] if note else [])]
        blocks.append(table)
    blocks += _trend(laporan)
    charts: list[Grafik] = laporan_charts(laporan)
    blocks += charts
    return Dokumen(
        f"Laporan Capaian Kinerja {laporan.instansi} {_period(laporan)}",
        blocks,
        asal=laporan_provenance(laporan),
        landscape=True,
    )


def _trend(laporan: Any) -> list[Block]:
    from ikutool.compute.capaian import STATUS_TEXT
    from ikutool.render.wording import laporan_bidang_label

    years = laporan.tahun
    title = f"TREN CAPAIAN KINERJA {years[0]}-{years[-1]}"
    if laporan.bidang_nama:
        title += f" - BIDANG {laporan.bidang_nama.upper()}"
    blocks: list[Block] = [Heading(1, laporan.instansi.upper()), Heading(1, title)]
    blocks += [Para([n], kind="note") for n in report_notices(laporan)]
    rows: list[list[Run]] = []
    bold: set[int] = set()
    for sas in laporan.sasaran:
        for k, (label, values, _kat) in enumerate(sasaran_means(laporan, sas)):
            bold.add(len(rows))
            name = f"{sas.uraian} - {label}" if k == 0 else label
            rows.append(
                [
                    sas.kode if k == 0 else "",
                    name,
                    *(_pct_cell(values.get(y)) for y in years),
                    "",
                    "",
                ]
            )
        for ind in sas.indikator:
            cells: list[Run] = [ind.kode, ind.uraian]
            for r in ind.tahun:
                value = r.hasil.capaian
                cells.append(
                    _pct_cell(value)
                    if value is not None
                    else STATUS_TEXT.get(r.hasil.status, r.hasil.status)
                )
            latest = ind.terakhir
            cells.append(_pct_cell(latest.capaian_target_akhir) if latest else "-")
            cells.append(_kategori(latest.kategori_target_akhir if latest else None))
            rows.append(cells)
    means = [("Capaian rata-rata sasaran (instansi)", laporan.capaian)]
    if laporan.bidang:
        means = [
            (laporan_bidang_label(laporan), laporan.capaian_bidang),
            ("Capaian instansi (rata-rata semua sasaran, semua bidang)", laporan.capaian),
        ]
    for label, values in means:
        bold.add(len(rows))
        rows.append(["", label, *(_pct_cell(values.get(y)) for y in years), "", ""])
    header = ["Kode", "Sasaran / Indikator", *(f"Capaian {y} (%)" for y in years)]
    header += [f"Thd target akhir {laporan.periode_akhir} (%)", "Kategori"]
    align = ["l", "l", *("r" for _ in years), "r", "l"]
    lembar = Lembar(
        nama="Tren",
        beku_kolom=2,
        lebar=[8.0, 60.0, *(14.0 for _ in years), 16.0, 15.0],
        arsir_tebal=True,
        judul_tengah=True,
    )
    blocks.append(Tabel("", "", header, rows, align, bold, lembar=lembar))
    return blocks


def _pct_cell(value: float | None) -> Run:
    return Angka(format_angka(value, 2), value) if value is not None else ""


def laporan_provenance(laporan: Any) -> list[str]:
    from ikutool import __version__

    return [
        f"Disusun dengan ikutool {__version__}.",
        f"IKU: {laporan.berkas_iku}",
        f"Realisasi: {laporan.folder_realisasi}",
    ]
