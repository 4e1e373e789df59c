"""The pengukuran kinerja table of one year and the multi-year report as documents
(:mod:`ikutool.render.blocks`), for Markdown (and every other block renderer). (Form E.80, the
Renstra evaluation, is :mod:`ikutool.render.documents.renstra`.)

Like every document an officer pastes into a report, they hold the agency's words and figures
only: marks beside figures, notes under tables (each warning beside the figure it concerns), and
no file name, tool name or error code; the CLI says on stderr which files they came from.
"""

from __future__ import annotations

from typing import Any

from ikutool.compute.capaian import HasilCapaian, HasilIndikator
from ikutool.formatting.numbers import format_persen
from ikutool.render.blocks import Block, Dokumen, Heading, Para, Tabel
from ikutool.render.documents import pengukuran
from ikutool.render.documents.pengukuran import WARN_MARK
from ikutool.render.wording import (
    bidang_mean_label,
    capaian_cell,
    group_name,
    laporan_bidang_label,
    laporan_overall,
    laporan_sasaran_label,
    mean_label,
    notice,
    realisasi_text,
    report_notices,
    target_text,
)

ALIGN_PENGUKURAN = ["r", "l", "l", "l", "r", "r", "r", "l"]


def _pct(value: float | None, label: str | None) -> str:
    return format_persen(value) + (f" ({label})" if label else "")


def capaian_document(result: HasilCapaian) -> Dokumen:
    table = pengukuran.table(result, document=True)
    blocks: list[Block] = []
    note = notice(result)
    if note:
        blocks.append(Para([note], kind="note"))
    blocks.append(Heading(2, f"{table.judul}: {result.instansi}"))
    blocks.append(
        Tabel(
            "",
            "",
            list(table.header),
            [b.cells() for b in table.baris],
            ALIGN_PENGUKURAN,
            {i for i, b in enumerate(table.baris) if b.tebal},
            catatan=table.catatan,
        )
    )
    if result.bidang:
        blocks.append(
            Para(
                [
                    f"{bidang_mean_label(result)}: {_pct(result.capaian_bidang, result.kategori_bidang)}."
                ]
            )
        )
    blocks.append(
        Para(
            [
                f"{mean_label(result)}: {_pct(result.capaian, result.kategori)}. "
                f"Skala kategori: {result.skala}."
            ]
        )
    )
    if note:
        blocks.append(Para([note], kind="note"))
    return Dokumen(f"{table.judul} {result.instansi}", blocks)


def marked_target(h: HasilIndikator, sep: str) -> str:
    return target_text(h, sep) + (f" {WARN_MARK}" if h.peringatan_target else "")


def marked_realisasi(h: HasilIndikator, sep: str) -> str:
    warn = any(c.peringatan_realisasi for c in h.komponen)
    return realisasi_text(h, sep) + (f" {WARN_MARK}" if warn else "")


def marked_capaian(h: HasilIndikator) -> str:
    warn = any(c.peringatan for c in h.komponen)
    return capaian_cell(h.capaian, h.status) + (f" {WARN_MARK}" if warn else "")


def laporan_notes(laporan: Any, *, document: bool = True) -> list[str]:
    """The notes of every year shown, once each, with the year before each warning."""
    out: list[str] = []
    for result in laporan.per_tahun:
        for line in pengukuran.notes(result, document=document):
            if line.startswith(WARN_MARK):
                line = f"{WARN_MARK} {result.tahun}:{line[len(WARN_MARK) :]}"
            elif line.startswith("(PK)"):
                line = "(PK) target Perjanjian Kinerja tahun itu."
            if line not in out:
                out.append(line)
    return out


def report_document(laporan: Any) -> Dokumen:
    from ikutool.render.wording import kalimat

    notes = report_notices(laporan)
    title = f"Laporan Capaian Kinerja {laporan.instansi}"
    if laporan.bidang_nama:
        title += f", Bidang {laporan.bidang_nama}"
    span = laporan.tahun
    title += f", Tahun {span[0]}" + (f"-{span[-1]}" if len(span) > 1 else "")
    rows: list[list[Any]] = []
    bold: set[int] = set()
    for sas in laporan.sasaran:
        bold.add(len(rows))
        rows.append([group_name(sas), "", "", "", "", "", ""])
        for ind in sas.indikator:
            for ri, row in enumerate(ind.tahun):
                h = row.hasil
                akhir = row.capaian_target_akhir
                rows.append(
                    [
                        f"{ind.kode} {ind.uraian}" if ri == 0 else "",
                        str(row.tahun),
                        marked_target(h, "\n"),
                        marked_realisasi(h, "\n"),
                        marked_capaian(h),
                        h.kategori or "-",
                        capaian_cell(akhir, "ada") if akhir is not None else "-",
                    ]
                )
        means = [(laporan_sasaran_label(sas), sas.capaian, sas.kategori)]
        if sas.sebagian:
            means.append(
                (laporan_bidang_label(laporan, sas), sas.capaian_bidang, sas.kategori_bidang)
            )
        for label, values, labels in means:
            for y in laporan.tahun:
                bold.add(len(rows))
                rows.append(
                    [
                        label,
                        str(y),
                        "",
                        "",
                        capaian_cell(values.get(y), "ada"),
                        labels.get(y) or "-",
                        "",
                    ]
                )
    blocks: list[Block] = [Para([n], kind="note") for n in notes]
    blocks.append(Heading(2, title))
    blocks.append(
        Tabel(
            "",
            "",
            [
                "Indikator",
                "Tahun",
                "Target",
                "Realisasi",
                "Capaian (%)",
                "Kategori",
                f"Thd target akhir {laporan.periode_akhir} (%)",
            ],
            rows,
            ["l", "r", "r", "r", "r", "l", "r"],
            bold,
            catatan=laporan_notes(laporan),
        )
    )
    blocks.append(Para([(f"Uraian per indikator ({span[-1]}):", "bold")]))
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            blocks.append(Para([(ind.kode, "bold"), f" {kalimat(ind.tahun[-1])}"]))
    blocks += [Para([line]) for line in laporan_overall(laporan, _pct)]
    blocks += [Para([n], kind="note") for n in notes]
    return Dokumen(title, blocks)
