"""Rich tables for the terminal of the multi-year report (``iku report``) and the Renstra
evaluation (``iku evaluasi renstra``), each with its indented list for a narrow terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ikutool.formatting.numbers import format_angka, format_persen
from ikutool.model.scales import BUILT_IN, colour
from ikutool.render.documents.tables import fits
from ikutool.render.wording import capaian_cell, change_text, group_name, sasaran_means, sumber_text

if TYPE_CHECKING:
    from ikutool.reports.laporan import Laporan, TahunIndikator


def _pct(value: float | None, status: str) -> str:
    return format_persen(value) if value is not None else capaian_cell(None, status)


def _kat_text(label: str | None, skala_name: str) -> Text:
    skala = next((s for s in BUILT_IN.values() if s.nama == skala_name), None)
    if not label:
        return Text("-")
    return Text(label, style=colour(label, skala) if skala else "bold")


def _change_cell(row: TahunIndikator) -> str:
    if row.tahun_sebelumnya is None:
        return "-"
    if len(row.hasil.komponen) == 1:
        value = row.perubahan_realisasi.get(row.hasil.komponen[0].kunci)
        return "-" if value is None else change_text(value, "% (realisasi)")
    if row.perubahan_capaian is None:
        return "-"
    return change_text(row.perubahan_capaian, "poin (capaian)")


def bar_chart(laporan: Laporan, tahun: int, width: int = 40) -> Table:
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


def _report_table(laporan: Laporan) -> Table:
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


def _report_list(laporan: Laporan) -> Text:
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


def _laporan_footer(laporan: Laporan) -> list[Text]:
    lines = [sumber_text(laporan.berkas_iku, laporan.folder_realisasi)]
    lines += [f"Peringatan: {w}" for w in laporan.peringatan]
    return [Text(line) for line in lines if line]


def report_view(laporan: Laporan, width: int | None = None) -> Group:
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


def _report_notices(laporan: Laporan) -> list[str]:
    from ikutool.render.wording import report_notices

    return report_notices(laporan)
