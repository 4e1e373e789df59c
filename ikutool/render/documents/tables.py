"""Rich tables for the terminal: the IKU as the document lays it out, and the capaian table."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ikutool.compute.capaian import HasilCapaian
from ikutool.errors import Finding
from ikutool.formatting.numbers import format_angka, format_persen
from ikutool.model.iku import Iku
from ikutool.model.scales import BUILT_IN, colour
from ikutool.render.wording import (
    PENGUKURAN_HEADER,
    bidang_mean_label,
    capaian_cell,
    change_text,
    group_name,
    mean_label,
    notice,
    quantity,
    sasaran_means,
    sumber_text,
)


def fits(table: Table, width: int | None) -> bool:
    """Whether a table can be drawn in ``width`` columns without cutting words to "…".

    Its minimum width is what rich would compute (each column as wide as its longest word, or
    its longest line when it does not wrap, plus padding and borders), counted here from the
    cells' text: measuring with rich itself costs as much as drawing the table."""
    if width is None:
        return True
    total = 1  # the left border
    for column in table.columns:
        longest = 0
        for cell in [column.header, *column._cells]:
            text = cell.plain if isinstance(cell, Text) else str(cell)
            for line in text.split("\n"):
                size = (
                    len(line) if column.no_wrap else max((len(w) for w in line.split()), default=0)
                )
                longest = max(longest, size)
        total += longest + 2 + 1  # padding on both sides, and the border after
    return total <= width


def _iku_title(iku: Iku) -> str:
    return (
        f"INDIKATOR KINERJA UTAMA\n{iku.instansi.nama.upper()}"
        + (f"\n{iku.instansi.pemerintah.upper()}" if iku.instansi.pemerintah else "")
        + f" TAHUN {iku.periode.awal}-{iku.periode.akhir}"
    )


def _target_lines(iku: Iku, ind, year: int) -> str:
    t = ind.target_for(year)
    if t is None:
        return "-"
    return "\n".join(
        quantity(c.jumlah, c.satuan, c.jumlah_maks)
        if c.jenis == "angka" and not c.batas
        else c.tulisan
        for c in t.komponen
    ) + (f"\n({t.catatan})" if t.catatan else "")


def _manual_lines(ind) -> list[str]:
    """What a Manual IKU says about ``ind`` beyond its name, one line per field written."""
    out = []
    for label, value in (
        ("Definisi", ind.definisi),
        ("Alasan", ind.alasan),
        ("Keterangan", ind.keterangan),
    ):
        if value:
            out.append(f"{label}: {value}")
    return out


def _source_text(iku: Iku, ind) -> str:
    parts = [iku.sumber_data(ind) or "-"]
    if ind.penyedia_data:
        parts.append(f"penyedia: {ind.penyedia_data}")
    if ind.frekuensi:
        parts.append(f"frekuensi: {ind.frekuensi}")
    return "\n".join(parts)


def _awal_text(ind) -> str:
    k = ind.kondisi_awal
    return f"{k.nilai} ({k.tahun})" if k else "-"


def iku_view(
    iku: Iku, years: list[int], indikator_codes: set[str] | None = None, width: int | None = None
) -> Group:
    """The IKU table, or an indented list when the terminal is too narrow for it."""
    table = iku_table(iku, years, indikator_codes)
    body: Table | Text = table if fits(table, width) else iku_list(iku, years, indikator_codes)
    return Group(body, Text(f"Berkas IKU: {iku.berkas}"))


def iku_list(iku: Iku, years: list[int], indikator_codes: set[str] | None = None) -> Text:
    out = Text(_iku_title(iku) + "\n", style="bold")
    for sas in iku.groups():
        inds = [i for i in sas.indikator if indikator_codes is None or i.kode in indikator_codes]
        if not inds:
            continue
        out.append(f"\n{group_name(sas)}\n", style="bold")
        for ind in inds:
            neg = " (polaritas negatif)" if ind.polaritas == "negatif" else ""
            out.append(f"  {ind.kode} {ind.uraian}{neg}\n")
            if ind.kondisi_awal:
                out.append(f"    kondisi awal: {_awal_text(ind)}\n")
            for y in years:
                out.append(f"    {y}: {_target_lines(iku, ind, y).replace(chr(10), '; ')}\n")
            extra = [*_manual_lines(ind), *([f"Formula: {ind.formula}"] if ind.formula else [])]
            for line in extra:
                out.append(f"    {line}\n", style="dim")
            out.append(
                f"    penanggung jawab: {ind.penanggung_jawab or '-'}; "
                f"sumber data: {_source_text(iku, ind).replace(chr(10), '; ')}\n",
                style="dim",
            )
    return out


def iku_table(iku: Iku, years: list[int], indikator_codes: set[str] | None = None) -> Table:
    table = Table(title=_iku_title(iku), show_lines=True, header_style="bold")
    table.add_column("No", justify="right")
    table.add_column("Sasaran")
    table.add_column("Indikator Kinerja")
    inds = [ind for _, ind in iku.indikator()]
    awal = any(ind.kondisi_awal for ind in inds)
    formula = any(ind.formula for ind in inds)
    if awal:
        table.add_column("Kondisi awal")
    for y in years:
        table.add_column(f"Target {y}")
    if formula:
        table.add_column("Formula")
    table.add_column("Penanggung jawab")
    table.add_column("Sumber Data")
    for no, sas in enumerate(iku.groups(), 1):
        first = True
        for ind in sas.indikator:
            if indikator_codes is not None and ind.kode not in indikator_codes:
                continue
            cells = [_target_lines(iku, ind, y) for y in years]
            uraian = Text(
                f"{ind.kode} {ind.uraian}"
                + (" (polaritas negatif)" if ind.polaritas == "negatif" else "")
            )
            for line in _manual_lines(ind):
                uraian.append("\n" + line, style="dim")
            table.add_row(
                str(no) if first else "",
                group_name(sas) if first else "",
                uraian,
                *([_awal_text(ind)] if awal else []),
                *cells,
                *([ind.formula or "-"] if formula else []),
                ind.penanggung_jawab or "-",
                _source_text(iku, ind),
            )
            first = False
    return table


def capaian_table(result: HasilCapaian, *, explain: bool = False) -> Table:
    from ikutool.render.documents.pengukuran import rows

    title = f"PENGUKURAN KINERJA TAHUN {result.tahun}\n{result.instansi}"
    if result.bidang:
        title += f" - Bidang {result.bidang_nama or result.bidang}"
    table = Table(title=title, show_lines=False, header_style="bold")
    for name, justify in zip(
        PENGUKURAN_HEADER,
        ("right", "left", "left", "left", "right", "right", "right", "left"),
        strict=True,
    ):
        # numbers are never wrapped or cut: a narrow terminal squeezes the text columns instead
        table.add_column(name, justify=justify, no_wrap=justify == "right")  # type: ignore[arg-type]
    if explain:
        table.add_column("Perhitungan")
    skala = next((s for s in BUILT_IN.values() if s.nama == result.skala), None)

    def kat(label: str | None) -> Text:
        if not label:
            return Text("")
        return Text(label, style=colour(label, skala) if skala else "bold")

    previous = None
    for b in rows(result, explain=explain):
        if previous is not None and (b.no or (b.jenis in ("bidang", "instansi") and previous)):
            table.add_section()
        previous = b.sasaran_kode
        texts = b.cells()
        cells: list[str | Text] = list(texts)
        style = "bold" if b.tebal else ""
        indent = "  " if b.jenis in ("komponen", "rata_komponen") else ""
        cells[2] = Text(indent + texts[2], style=style)
        cells[6] = Text(texts[6], style=style)
        cells[7] = kat(b.kategori) if b.jenis != "komponen" else Text("")
        if b.jenis == "indikator" and not b.kategori:
            cells[7] = Text("-")
        table.add_row(*cells, *([b.penjelasan] if explain else []))
    return table


NARROW = 100


def _pct(value: float | None, status: str) -> str:
    return format_persen(value) if value is not None else capaian_cell(None, status)


def capaian_list(result: HasilCapaian, *, explain: bool = False) -> Text:
    """The capaian table as an indented list, for terminals too narrow for eight columns."""
    from ikutool.render.documents.pengukuran import rows

    skala = next((s for s in BUILT_IN.values() if s.nama == result.skala), None)
    title = f"PENGUKURAN KINERJA TAHUN {result.tahun}\n{result.instansi}"
    if result.bidang:
        title += f" - Bidang {result.bidang_nama or result.bidang}"
    out = Text(title + "\n", style="bold")
    for b in rows(result, explain=explain):
        if b.sasaran:
            out.append(f"\n{b.sasaran}\n", style="bold")
        unit = "" if b.satuan in ("", "-") else (" %" if b.satuan == "%" else f" {b.satuan}")
        cap = b.capaian.teks
        if b.capaian.angka is not None:
            cap = f"{cap[: len(cap) - len(b.capaian.tanda)]} %{b.capaian.tanda}"
        figures = (
            f": target {_unit(b.target, unit)}, realisasi {_unit(b.realisasi, unit)}, capaian {cap}"
        )
        if b.jenis == "judul":
            out.append(f"  {b.indikator}\n")
            continue
        if b.jenis in ("indikator", "komponen"):
            indent = "    " if b.jenis == "komponen" else "  "
            out.append(f"{indent}{b.indikator}{figures} ")
        else:
            indent = {"rata_komponen": "    ", "sasaran": "  ", "sasaran_bidang": "  "}.get(
                b.jenis, ""
            )
            if not indent:
                out.append("\n")
            out.append(f"{indent}{b.indikator}: {cap} ", style="bold" if b.tebal else "")
        out.append(f"{b.kategori or ''}\n", style=colour(b.kategori, skala) if skala else "")
        if explain and b.penjelasan:
            out.append(f"      {b.penjelasan}\n", style="dim")
    return out


def _unit(cell: Any, unit: str) -> str:
    """A figure with its unit before its marks: ``55 org (PK)``."""
    if cell.angka is None:
        return cell.teks
    return cell.teks[: len(cell.teks) - len(cell.tanda)] + unit + cell.tanda


def capaian_view(result: HasilCapaian, *, explain: bool = False, width: int | None = None) -> Group:
    parts: list = []
    note = notice(result)
    if note:
        parts.append(Text(note, style="bold yellow"))
    table = capaian_table(result, explain=explain)
    narrow = width is not None and (width < NARROW or not fits(table, width))
    parts.append(capaian_list(result, explain=explain) if narrow else table)
    parts.append(summary(result))
    if note:
        parts.append(Text(note, style="bold yellow"))
    return Group(*parts)


def summary(result: HasilCapaian) -> Text:
    from ikutool.render.documents.pengukuran import notes

    counts = Counter(i.kategori for s in result.sasaran for i in s.indikator if i.kategori)
    without = [i for s in result.sasaran for i in s.indikator if i.capaian is None]
    lines = [*notes(result)]
    if result.bidang:
        lines.append(
            f"{bidang_mean_label(result)}: {format_persen(result.capaian_bidang)}"
            + (f" ({result.kategori_bidang})" if result.kategori_bidang else "")
        )
    lines += [
        f"{mean_label(result)}: {format_persen(result.capaian)}"
        + (f" ({result.kategori})" if result.kategori else ""),
        f"Skala kategori: {result.skala}"
        + (
            f"; capaian dibatasi paling tinggi {format_angka(result.batas_capaian)} %"
            if result.batas_capaian
            else ""
        ),
    ]
    if counts:
        lines.append("Indikator per kategori: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    if without:
        lines.append(
            "Tanpa angka capaian (tidak dihitung dalam rata-rata): "
            + ", ".join(f"{i.kode} ({capaian_cell(None, i.status)})" for i in without)
        )
    lines.append(sumber_text(result.berkas_iku, result.berkas_realisasi))
    return Text("\n".join(line for line in lines if line))


def findings_table(findings: list[Finding]) -> Table:
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("Lokasi")
    table.add_column("Kode")
    table.add_column("Tingkat")
    table.add_column("Keterangan")
    for f in findings:
        style = "red" if f.is_error else "yellow"
        at = f.where + (f"\n{f.path}" if f.path else "")
        table.add_row(at, f.code, Text(f.severity.value, style=style), f.message)
    return table


def _kat_text(label: str | None, skala_name: str) -> Text:
    skala = next((s for s in BUILT_IN.values() if s.nama == skala_name), None)
    if not label:
        return Text("-")
    return Text(label, style=colour(label, skala) if skala else "bold")


def _change_cell(row) -> str:  # row: TahunIndikator
    if row.tahun_sebelumnya is None:
        return "-"
    if len(row.hasil.komponen) == 1:
        value = row.perubahan_realisasi.get(row.hasil.komponen[0].kunci)
        return "-" if value is None else change_text(value, "% (realisasi)")
    if row.perubahan_capaian is None:
        return "-"
    return change_text(row.perubahan_capaian, "poin (capaian)")


def bar_chart(laporan, tahun: int, width: int = 40) -> Table:
    """Capaian per indicator in one year as horizontal bars, coloured by kategori (0-150 %)."""
    table = Table(
        title=f"Capaian per indikator tahun {tahun}", show_header=False, box=None, pad_edge=False
    )
    table.add_column("Indikator")
    table.add_column("Batang")
    table.add_column("Capaian", justify="right")
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            row = next((r for r in ind.tahun if r.tahun == tahun), None)
            if row is None:
                continue
            value = row.hasil.capaian
            if value is None:
                table.add_row(
                    ind.kode,
                    Text("(" + capaian_cell(None, row.hasil.status) + ")", style="dim"),
                    "-",
                )
                continue
            cells = max(0.0, min(value, 150.0)) / 150.0 * width
            full = int(cells)
            bar = "\u2588" * full + ("\u258c" if cells - full >= 0.5 else "")
            style = _kat_text(row.hasil.kategori, laporan.skala).style or ""
            marker = int(100 / 150 * width)
            text = Text(bar.ljust(width), style=style)
            if len(bar) <= marker < width:
                text = (
                    Text(bar.ljust(marker), style=style)
                    + Text("|", style="dim")
                    + Text(" " * (width - marker - 1))
                )
            table.add_row(ind.kode, text, format_persen(value))
    return table


def _report_table(laporan) -> Table:
    from ikutool.render.wording import realisasi_text, target_text

    title = f"LAPORAN CAPAIAN KINERJA {laporan.instansi.upper()}"
    if laporan.bidang_nama:
        title += f"\nBIDANG {laporan.bidang_nama.upper()}"
    span = laporan.tahun
    title += f"\nTAHUN {span[0]}" + (f"-{span[-1]}" if len(span) > 1 else "")
    table = Table(title=title, header_style="bold", show_lines=False)
    for name, justify in [
        ("Indikator", "left"),
        ("Tahun", "right"),
        ("Target", "right"),
        ("Realisasi", "right"),
        ("Capaian (%)", "right"),
        ("Kategori", "left"),
        ("Perubahan", "right"),
        (f"Thd target akhir {laporan.periode_akhir} (%)", "right"),
    ]:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for si, sas in enumerate(laporan.sasaran):
        if si:
            table.add_section()
        table.add_row(Text(group_name(sas), style="bold"), *[""] * 7)
        for ind in sas.indikator:
            for ri, row in enumerate(ind.tahun):
                h = row.hasil
                table.add_row(
                    f"  {ind.kode} {ind.uraian}" if ri == 0 else "",
                    str(row.tahun),
                    target_text(h, "\n"),
                    realisasi_text(h, "\n"),
                    capaian_cell(h.capaian, h.status),
                    _kat_text(h.kategori, laporan.skala),
                    _change_cell(row),
                    format_angka(row.capaian_target_akhir, 2)
                    if row.capaian_target_akhir is not None
                    else "-",
                )
        for label, values, labels in sasaran_means(laporan, sas):
            for y in laporan.tahun:
                table.add_row(
                    Text(f"  {label}", style="italic"),
                    str(y),
                    "",
                    "",
                    Text(capaian_cell(values.get(y), "ada"), style="bold"),
                    _kat_text(labels.get(y), laporan.skala),
                    "",
                    "",
                )
    return table


def _report_list(laporan) -> Text:
    """The report table as an indented list, for terminals too narrow for it."""
    from ikutool.render.wording import realisasi_text, target_text

    out = Text(f"LAPORAN CAPAIAN KINERJA {laporan.instansi.upper()}\n", style="bold")
    if laporan.bidang_nama:
        out.append(f"BIDANG {laporan.bidang_nama.upper()}\n", style="bold")
    for sas in laporan.sasaran:
        out.append(f"\n{group_name(sas)}\n", style="bold")
        for ind in sas.indikator:
            out.append(f"  {ind.kode} {ind.uraian}\n")
            for row in ind.tahun:
                h = row.hasil
                akhir = row.capaian_target_akhir
                out.append(
                    f"    {row.tahun}: target {target_text(h, '; ')}; realisasi "
                    f"{realisasi_text(h, '; ')}; capaian {_pct(h.capaian, h.status)} "
                    f"{h.kategori or ''}; perubahan {_change_cell(row)}; thd target akhir "
                    f"{format_persen(akhir) if akhir is not None else '-'}\n"
                )
        for label, values, labels in sasaran_means(laporan, sas):
            for y in laporan.tahun:
                out.append(
                    f"  {label} {y}: {_pct(values.get(y), 'ada')} {labels.get(y) or ''}\n",
                    style="bold",
                )
    return out


def _laporan_footer(laporan) -> list:
    lines = [sumber_text(laporan.berkas_iku, laporan.folder_realisasi)]
    lines += [f"Peringatan: {w}" for w in laporan.peringatan]
    return [Text(line) for line in lines if line]


def report_view(laporan, width: int | None = None) -> Group:  # laporan: report.Laporan
    from ikutool.render.wording import kalimat

    parts: list = []
    notes = _report_notices(laporan)
    for n in notes:
        parts.append(Text(n, style="bold yellow"))
    table = _report_table(laporan)
    parts.append(table if fits(table, width) else _report_list(laporan))
    last = laporan.tahun[-1]
    parts.append(Text(f"\nUraian per indikator ({last}):", style="bold"))
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            parts.append(Text(f"- {ind.kode} {ind.uraian}: {kalimat(ind.tahun[-1])}"))
    parts.append(Text(""))
    parts.append(bar_chart(laporan, last, width=40 if width is None or width >= 70 else 20))
    from ikutool.render.wording import laporan_overall

    parts.append(Text(""))
    parts += [Text(line) for line in laporan_overall(laporan, _pct_kat)]
    parts += _laporan_footer(laporan)
    for n in notes:
        parts.append(Text(n, style="bold yellow"))
    return Group(*parts)


def _pct_kat(value: float | None, label: str | None) -> str:
    return format_persen(value) + (f" ({label})" if label else "")


def _report_notices(laporan) -> list[str]:
    from ikutool.render.wording import report_notices

    return report_notices(laporan)


def _evaluasi_table(laporan) -> Table:
    from ikutool.render.wording import end_target_text, realisasi_text

    table = Table(
        title=f"EVALUASI RENSTRA {laporan.periode_awal}-{laporan.periode_akhir}\n{laporan.instansi}"
        + (f" - Bidang {laporan.bidang_nama}" if laporan.bidang_nama else ""),
        header_style="bold",
    )
    table.add_column("No", justify="right")
    table.add_column("Sasaran / Indikator")
    table.add_column(f"Target akhir {laporan.periode_akhir}", justify="right")
    for y in laporan.tahun:
        table.add_column(f"Realisasi {y}", justify="right")
        table.add_column(f"Capaian {y} (%)", justify="right")
    table.add_column(f"Tingkat capaian thd target {laporan.periode_akhir} (%)", justify="right")
    table.add_column("Kategori")
    no = 0
    for si, sas in enumerate(laporan.sasaran):
        if si:
            table.add_section()
        table.add_row("", Text(group_name(sas), style="bold"), *[""] * (2 * len(laporan.tahun) + 3))
        for ind in sas.indikator:
            no += 1
            cells = []
            for row in ind.tahun:
                cells += [
                    realisasi_text(row.hasil, "\n"),
                    capaian_cell(row.hasil.capaian, row.hasil.status),
                ]
            latest = ind.terakhir
            table.add_row(
                str(no),
                f"{ind.kode} {ind.uraian}",
                end_target_text(ind),
                *cells,
                format_angka(latest.capaian_target_akhir, 2) if latest else "-",
                _kat_text(latest.kategori_target_akhir if latest else None, laporan.skala),
            )
    return table


def _evaluasi_list(laporan) -> Text:
    from ikutool.render.wording import end_target_text, realisasi_text

    out = Text(
        f"EVALUASI RENSTRA {laporan.periode_awal}-{laporan.periode_akhir}\n{laporan.instansi}\n",
        style="bold",
    )
    for sas in laporan.sasaran:
        out.append(f"\n{group_name(sas)}\n", style="bold")
        for ind in sas.indikator:
            out.append(f"  {ind.kode} {ind.uraian}\n")
            out.append(f"    target akhir {laporan.periode_akhir}: {end_target_text(ind, '; ')}\n")
            for row in ind.tahun:
                out.append(
                    f"    {row.tahun}: realisasi {realisasi_text(row.hasil, '; ')}; capaian "
                    f"{_pct(row.hasil.capaian, row.hasil.status)}\n"
                )
            latest = ind.terakhir
            out.append(
                f"    tingkat capaian thd target {laporan.periode_akhir}: "
                f"{format_persen(latest.capaian_target_akhir) if latest else '-'} "
                f"{(latest.kategori_target_akhir or '') if latest else ''}\n"
            )
    return out


def evaluasi_view(laporan, width: int | None = None) -> Group:
    parts: list = [Text(n, style="bold yellow") for n in _report_notices(laporan)]
    table = _evaluasi_table(laporan)
    parts.append(table if fits(table, width) else _evaluasi_list(laporan))
    parts.append(
        Text(
            f"Tingkat capaian terhadap target akhir: realisasi tahun terakhir yang ada dibandingkan dengan target "
            f"{laporan.periode_akhir}, per komponen yang sama, lalu dirata-ratakan. Skala: {laporan.skala}."
        )
    )
    parts += _laporan_footer(laporan)
    parts += [Text(n, style="bold yellow") for n in _report_notices(laporan)]
    return Group(*parts)


def kelengkapan_view(lk) -> Group:  # lk: lkjip.Lkjip
    """The evaluators' checklist: each sasaran's seven analyses, present or not, and the source."""
    table = Table(
        title=f"KELENGKAPAN ANALISIS LKjIP {lk.tahun}\n{lk.instansi}", header_style="bold"
    )
    table.add_column("Sasaran")
    table.add_column("No", justify="right")
    table.add_column("Analisis")
    table.add_column("Ada")
    table.add_column("Sumber (berkas: kunci)")
    for i, k in enumerate(lk.kelengkapan):
        if i and k.nomor == 1:
            table.add_section()
        mark = (
            Text("ya", style="green")
            if k.ada
            else Text(k.keadaan, style="bold yellow" if k.status == "sebagian" else "bold red")
        )
        table.add_row(k.sasaran, str(k.nomor), k.analisis, mark, Text(k.sumber))
    missing = sum(not k.ada for k in lk.kelengkapan)
    return Group(
        table,
        Text(f"{missing} dari {len(lk.kelengkapan)} analisis belum lengkap."),
    )
