"""Rich tables for the terminal: the IKU as the document lays it out, and the capaian table."""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ikutool.capaian import HasilCapaian
from ikutool.errors import Finding
from ikutool.model import Iku
from ikutool.numfmt import format_angka, format_persen
from ikutool.render.text import (
    capaian_cell,
    change_text,
    component_label,
    explain_component,
    explain_mean,
    mean_label,
    notice,
    quantity,
    sumber_text,
    target_cell,
    target_source_text,
)
from ikutool.scales import BUILT_IN, colour


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
    return "\n".join(quantity(c.jumlah, c.satuan, c.jumlah_maks) for c in t.komponen)


def iku_view(
    iku: Iku, years: list[int], indikator_codes: set[str] | None = None, width: int | None = None
) -> Group:
    """The IKU table, or an indented list when the terminal is too narrow for it."""
    table = iku_table(iku, years, indikator_codes)
    body: Table | Text = table if fits(table, width) else iku_list(iku, years, indikator_codes)
    return Group(body, Text(f"Berkas IKU: {iku.berkas}"))


def iku_list(iku: Iku, years: list[int], indikator_codes: set[str] | None = None) -> Text:
    out = Text(_iku_title(iku) + "\n", style="bold")
    for sas in iku.sasaran:
        inds = [i for i in sas.indikator if indikator_codes is None or i.kode in indikator_codes]
        if not inds:
            continue
        out.append(f"\n{sas.kode} {sas.uraian}\n", style="bold")
        for ind in inds:
            neg = " (polaritas negatif)" if ind.polaritas == "negatif" else ""
            out.append(f"  {ind.kode} {ind.uraian}{neg}\n")
            for y in years:
                out.append(f"    {y}: {_target_lines(iku, ind, y).replace(chr(10), '; ')}\n")
            out.append(
                f"    penanggung jawab: {ind.penanggung_jawab or '-'}; "
                f"sumber data: {iku.sumber_data(ind) or '-'}\n",
                style="dim",
            )
    return out


def iku_table(iku: Iku, years: list[int], indikator_codes: set[str] | None = None) -> Table:
    table = Table(title=_iku_title(iku), show_lines=True, header_style="bold")
    table.add_column("No", justify="right")
    table.add_column("Sasaran")
    table.add_column("Indikator Kinerja")
    for y in years:
        table.add_column(f"Target {y}")
    table.add_column("Penanggung jawab")
    table.add_column("Sumber Data")
    for no, sas in enumerate(iku.sasaran, 1):
        first = True
        for ind in sas.indikator:
            if indikator_codes is not None and ind.kode not in indikator_codes:
                continue
            cells = [_target_lines(iku, ind, y) for y in years]
            uraian = f"{ind.kode} {ind.uraian}" + (
                " (polaritas negatif)" if ind.polaritas == "negatif" else ""
            )
            table.add_row(
                str(no) if first else "",
                f"{sas.kode} {sas.uraian}" if first else "",
                uraian,
                *cells,
                ind.penanggung_jawab or "-",
                iku.sumber_data(ind) or "-",
            )
            first = False
    return table


def capaian_table(result: HasilCapaian, *, explain: bool = False) -> Table:
    title = f"PENGUKURAN KINERJA TAHUN {result.tahun}\n{result.instansi}"
    if result.bidang:
        title += f" - Bidang {result.bidang}"
    table = Table(title=title, show_lines=False, header_style="bold")
    for name, justify in [
        ("No", "right"),
        ("Sasaran", "left"),
        ("Indikator", "left"),
        ("Satuan", "left"),
        ("Target", "right"),
        ("Realisasi", "right"),
        ("Capaian (%)", "right"),
        ("Kategori", "left"),
    ]:
        # numbers are never wrapped or cut: a narrow terminal squeezes the text columns instead
        table.add_column(name, justify=justify, no_wrap=justify == "right")  # type: ignore[arg-type]
    if explain:
        table.add_column("Perhitungan")
    skala = next((s for s in BUILT_IN.values() if s.nama == result.skala), None)

    def kat(label: str | None) -> Text:
        if not label:
            return Text("-")
        return Text(label, style=colour(label, skala) if skala else "bold")

    for no, sas in enumerate(result.sasaran, 1):
        if no > 1:
            table.add_section()
        first = True
        for ind in sas.indikator:
            multi = len(ind.komponen) > 1
            comps = ind.komponen or []
            if not comps:
                row: list[str | Text] = [
                    str(no) if first else "",
                    f"{sas.kode} {sas.uraian}" if first else "",
                    f"{ind.kode} {ind.uraian}",
                    "-",
                    ind.target_teks or "-",
                    "-",
                    capaian_cell(None, ind.status),
                    kat(None),
                ]
                table.add_row(*row, *(["-"] if explain else []))
                first = False
                continue
            if multi:  # the indicator on its own row, each component's figures beside its name
                table.add_row(
                    str(no) if first else "",
                    f"{sas.kode} {sas.uraian}" if first else "",
                    f"{ind.kode} {ind.uraian}",
                    "",
                    "",
                    "",
                    "",
                    "",
                    *([""] if explain else []),
                )
                first = False
            for comp in comps:
                label = f"  - {component_label(comp)}" if multi else f"{ind.kode} {ind.uraian}"
                row = [
                    str(no) if first else "",
                    f"{sas.kode} {sas.uraian}" if first else "",
                    label,
                    comp.satuan or "-",
                    target_cell(ind, comp),
                    quantity(comp.realisasi, ""),
                    capaian_cell(comp.capaian, comp.status),
                    kat(ind.kategori) if not multi else Text(""),
                ]
                table.add_row(*row, *([explain_component(ind, comp)] if explain else []))
                first = False
            if multi:
                counted = [c.capaian for c in ind.komponen if c.capaian is not None]
                table.add_row(
                    "",
                    "",
                    f"  Capaian {ind.kode} (rata-rata {len(counted)} dari {len(comps)} komponen)"
                    if ind.status == "sebagian"
                    else f"  Capaian {ind.kode} (rata-rata komponen)",
                    "",
                    "",
                    "",
                    Text(capaian_cell(ind.capaian, ind.status), style="bold"),
                    kat(ind.kategori),
                    *([explain_mean(counted, None, ind.capaian)] if explain else []),  # type: ignore[arg-type]
                )
        counted_ind = [i for i in sas.indikator if i.capaian is not None]
        table.add_row(
            "",
            "",
            Text(f"Capaian sasaran {sas.kode}", style="bold"),
            "",
            "",
            "",
            Text(
                capaian_cell(
                    sas.capaian, "ada" if sas.capaian is not None else "belum_ada_realisasi"
                ),
                style="bold",
            ),
            kat(sas.kategori),
            *(
                [
                    explain_mean(
                        [i.capaian for i in counted_ind if i.capaian is not None],
                        [i.bobot for i in counted_ind],
                        sas.capaian,
                    )
                ]  # type: ignore[misc]
                if explain
                else []
            ),
        )
    return table


NARROW = 100


def _pct(value: float | None, status: str) -> str:
    return format_persen(value) if value is not None else capaian_cell(None, status)


def capaian_list(result: HasilCapaian, *, explain: bool = False) -> Text:
    """The capaian table as an indented list, for terminals too narrow for eight columns."""
    skala = next((s for s in BUILT_IN.values() if s.nama == result.skala), None)
    out = Text(f"PENGUKURAN KINERJA TAHUN {result.tahun}\n{result.instansi}\n", style="bold")
    for sas in result.sasaran:
        out.append(f"\n{sas.kode} {sas.uraian}\n", style="bold")
        for ind in sas.indikator:
            out.append(f"  {ind.kode} {ind.uraian}\n")
            for comp in ind.komponen:
                out.append(
                    f"    {component_label(comp)}: target {quantity(comp.target, comp.satuan, comp.target_maks)}, "
                    f"realisasi {quantity(comp.realisasi, comp.satuan)}, "
                    f"capaian {_pct(comp.capaian, comp.status)}\n"
                )
                if explain:
                    out.append(f"      {explain_component(ind, comp)}\n", style="dim")
            out.append(f"    capaian {ind.kode}: {_pct(ind.capaian, ind.status)} ")
            if ind.status == "sebagian":
                out.append("(sebagian komponen) ")
            out.append(
                f"{ind.kategori or ''}\n", style=colour(ind.kategori, skala) if skala else ""
            )
        out.append(f"  capaian sasaran {sas.kode}: {_pct(sas.capaian, 'ada')} ", style="bold")
        out.append(f"{sas.kategori or ''}\n", style=colour(sas.kategori, skala) if skala else "")
    return out


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
    counts = Counter(i.kategori for s in result.sasaran for i in s.indikator if i.kategori)
    without = [i for s in result.sasaran for i in s.indikator if i.capaian is None]
    partial = [i for s in result.sasaran for i in s.indikator if i.status == "sebagian"]
    lines = [
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
    if partial:
        lines.append(
            "Belum lengkap, capaian dari komponen yang terisi saja (*): "
            + ", ".join(i.kode for i in partial)
        )
    lines.append(target_source_text(result))
    lines.append(sumber_text(result.berkas_iku, result.berkas_realisasi))
    for w in result.peringatan:
        lines.append(f"Peringatan: {w}")
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
    from ikutool.render.text import realisasi_text, target_text

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
        table.add_row(Text(f"{sas.kode} {sas.uraian}", style="bold"), *[""] * 7)
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
        for y in laporan.tahun:
            table.add_row(
                Text(f"  Capaian sasaran {sas.kode}", style="italic"),
                str(y),
                "",
                "",
                Text(capaian_cell(sas.capaian[y], "ada"), style="bold"),
                _kat_text(sas.kategori[y], laporan.skala),
                "",
                "",
            )
    return table


def _report_list(laporan) -> Text:
    """The report table as an indented list, for terminals too narrow for it."""
    from ikutool.render.text import realisasi_text, target_text

    out = Text(f"LAPORAN CAPAIAN KINERJA {laporan.instansi.upper()}\n", style="bold")
    if laporan.bidang_nama:
        out.append(f"BIDANG {laporan.bidang_nama.upper()}\n", style="bold")
    for sas in laporan.sasaran:
        out.append(f"\n{sas.kode} {sas.uraian}\n", style="bold")
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
        for y in laporan.tahun:
            out.append(
                f"  capaian sasaran {sas.kode} {y}: {_pct(sas.capaian[y], 'ada')} "
                f"{sas.kategori[y] or ''}\n",
                style="bold",
            )
    return out


def _laporan_footer(laporan) -> list:
    lines = [sumber_text(laporan.berkas_iku, laporan.folder_realisasi)]
    lines += [f"Peringatan: {w}" for w in laporan.peringatan]
    return [Text(line) for line in lines if line]


def report_view(laporan, width: int | None = None) -> Group:  # laporan: report.Laporan
    from ikutool.render.text import kalimat

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
    overall = ", ".join(
        f"{y}: {format_persen(laporan.capaian[y])}"
        + (f" ({laporan.kategori[y]})" if laporan.kategori[y] else "")
        for y in laporan.tahun
    )
    parts.append(Text(f"\nCapaian rata-rata sasaran per tahun: {overall}. Skala: {laporan.skala}."))
    parts += _laporan_footer(laporan)
    for n in notes:
        parts.append(Text(n, style="bold yellow"))
    return Group(*parts)


def _report_notices(laporan) -> list[str]:
    from ikutool.render.text import report_notices

    return report_notices(laporan)


def _evaluasi_table(laporan) -> Table:
    from ikutool.render.text import end_target_text, realisasi_text

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
        table.add_row(
            "", Text(f"{sas.kode} {sas.uraian}", style="bold"), *[""] * (2 * len(laporan.tahun) + 3)
        )
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
    from ikutool.render.text import end_target_text, realisasi_text

    out = Text(
        f"EVALUASI RENSTRA {laporan.periode_awal}-{laporan.periode_akhir}\n{laporan.instansi}\n",
        style="bold",
    )
    for sas in laporan.sasaran:
        out.append(f"\n{sas.kode} {sas.uraian}\n", style="bold")
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
        mark = Text("ya", style="green") if k.ada else Text("belum", style="bold red")
        table.add_row(k.sasaran, str(k.nomor), k.analisis, mark, Text(k.sumber))
    missing = sum(not k.ada for k in lk.kelengkapan)
    return Group(
        table,
        Text(f"{missing} dari {len(lk.kelengkapan)} analisis belum lengkap."),
    )
