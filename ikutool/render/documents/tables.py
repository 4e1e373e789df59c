"""Rich tables for the terminal: the IKU as the document lays it out, the capaian table, the
findings and the LKjIP checklist (the report's and the evaluation's: ``tables_laporan``)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ikutool.compute.capaian import HasilCapaian
from ikutool.errors import Finding
from ikutool.formatting.numbers import format_angka, format_persen
from ikutool.model.iku import Iku, Indikator
from ikutool.model.scales import BUILT_IN, colour
from ikutool.render.wording import (
    PENGUKURAN_HEADER,
    bidang_mean_label,
    capaian_cell,
    group_name,
    mean_label,
    notice,
    quantity,
    sumber_text,
)

if TYPE_CHECKING:
    from ikutool.reports.lkjip import Lkjip


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


def _target_lines(iku: Iku, ind: Indikator, year: int) -> str:
    t = ind.target_for(year)
    if t is None:
        return "-"
    return "\n".join(
        quantity(c.jumlah, c.satuan, c.jumlah_maks)
        if c.jenis == "angka" and not c.batas
        else c.tulisan
        for c in t.komponen
    ) + (f"\n({t.catatan})" if t.catatan else "")


def _manual_lines(ind: Indikator) -> list[str]:
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


def _source_text(iku: Iku, ind: Indikator) -> str:
    parts = [iku.sumber_data(ind) or "-"]
    if ind.penyedia_data:
        parts.append(f"penyedia: {ind.penyedia_data}")
    if ind.frekuensi:
        parts.append(f"frekuensi: {ind.frekuensi}")
    return "\n".join(parts)


def _awal_text(ind: Indikator) -> str:
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


def kelengkapan_view(lk: Lkjip) -> Group:
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
