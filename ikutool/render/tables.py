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
    component_label,
    explain_component,
    explain_mean,
    notice,
    quantity,
)
from ikutool.scales import BUILT_IN, colour


def iku_table(iku: Iku, years: list[int], indikator_codes: set[str] | None = None) -> Table:
    table = Table(
        title=f"INDIKATOR KINERJA UTAMA\n{iku.instansi.nama.upper()}"
        + (f"\n{iku.instansi.pemerintah.upper()}" if iku.instansi.pemerintah else "")
        + f" TAHUN {iku.periode.awal}-{iku.periode.akhir}",
        show_lines=True,
        header_style="bold",
    )
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
            cells = []
            for y in years:
                t = ind.target_for(y)
                cells.append(
                    "-"
                    if t is None
                    else "\n".join(quantity(c.jumlah, c.satuan, c.jumlah_maks) for c in t.komponen)
                )
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
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
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
                row = [
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
            for ci, comp in enumerate(comps):
                label = f"{ind.kode} {ind.uraian}" if ci == 0 else ""
                if multi:
                    label += ("\n" if label else "") + f"  - {component_label(comp)}"
                row = [
                    str(no) if first else "",
                    f"{sas.kode} {sas.uraian}" if first else "",
                    label,
                    comp.satuan or "-",
                    quantity(comp.target, "", comp.target_maks),
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
                    f"  Capaian {ind.kode} (rata-rata komponen)",
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
                        [i.capaian for i in counted_ind],
                        [i.bobot for i in counted_ind],
                        sas.capaian,
                    )
                ]  # type: ignore[misc]
                if explain
                else []
            ),
        )
    return table


def capaian_view(result: HasilCapaian, *, explain: bool = False) -> Group:
    parts: list = []
    note = notice(result)
    if note:
        parts.append(Text(note, style="bold yellow"))
    parts.append(capaian_table(result, explain=explain))
    parts.append(summary(result))
    if note:
        parts.append(Text(note, style="bold yellow"))
    return Group(*parts)


def summary(result: HasilCapaian) -> Text:
    counts = Counter(i.kategori for s in result.sasaran for i in s.indikator if i.kategori)
    without = [i for s in result.sasaran for i in s.indikator if i.capaian is None]
    lines = [
        f"Capaian rata-rata {len(result.sasaran)} sasaran: {format_persen(result.capaian)}"
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
    if result.berkas_realisasi:
        lines.append(f"Berkas realisasi: {result.berkas_realisasi}")
    for w in result.peringatan:
        lines.append(f"Peringatan: {w}")
    return Text("\n".join(lines))


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
