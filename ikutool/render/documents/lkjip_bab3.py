"""Bab III of the LKjIP as blocks: A, for each sasaran, its capaian and the seven analyses as
numbered tables (PermenPAN-RB 53/2014; a sasaran's blocks are built in
:mod:`ikutool.render.documents.lkjip_analisis`); B, the realisasi anggaran per program."""

from __future__ import annotations

from typing import Any

from ikutool.formatting.numbers import format_persen
from ikutool.render.blocks import Block, Heading, Para, Tabel, placeholder
from ikutool.render.documents.lkjip_analisis import rp_cell, sasaran_blocks
from ikutool.render.wording import capaian_cell, mean_label
from ikutool.reports.lkjip import Lkjip


class Numbering:
    """The chapter's table numbers (Tabel 3.1, ...) and, apart, its chart numbers (Grafik 3.1)."""

    def __init__(self, bab: int) -> None:
        from ikutool.render.documents.grafik import Nomor

        self.bab, self.n = bab, 0
        self.grafik = Nomor(f"Grafik {bab}.")

    def next(self) -> str:
        self.n += 1
        return self.last()

    def last(self) -> str:
        return f"Tabel {self.bab}.{self.n}"

    def chart(self, g: Any) -> list[Block]:
        """``g`` numbered, as a block list (empty when there is no chart to draw)."""
        return [g] if self.grafik.take(g) is not None else []


def bab3(lk: Lkjip) -> list[Block]:
    """Bab III: the agency's capaian, each sasaran with its seven analyses, the budget."""
    num = Numbering(3)
    out: list[Block] = [
        Heading(1, "BAB III AKUNTABILITAS KINERJA"),
        Heading(2, "A. Capaian Kinerja Organisasi"),
        Para(
            [
                f"{mean_label(lk.pengukuran)} tahun {lk.tahun}: {format_persen(lk.capaian)}"
                + (f" (kategori {lk.kategori})" if lk.kategori else "")
                + f". Skala kategori: {lk.skala}. Setiap sasaran diuraikan dengan tujuh analisis "
                "(PermenPAN-RB 53/2014)."
            ]
        ),
    ]
    from ikutool.render.documents.grafik import sasaran_chart

    out += num.chart(
        sasaran_chart(lk.pengukuran, "", "Angka lengkap pada tabel pengukuran kinerja (Lampiran).")
    )
    for i, sas in enumerate(lk.sasaran, 1):
        out += sasaran_blocks(lk, i, sas, num)
    out.append(Heading(2, "B. Realisasi Anggaran"))
    out += _anggaran(lk, num)
    return out


def _anggaran(lk: Lkjip, num: Numbering) -> list[Block]:
    if not lk.program:
        return [
            Para(
                [
                    "Pagu dan realisasi anggaran per program: ",
                    placeholder(f"pagu dan realisasi anggaran setiap program tahun {lk.tahun}"),
                ]
            )
        ]
    total = lk.anggaran
    rows: list[list[Any]] = [
        [
            str(n),
            p.kode or "-",
            p.nama,
            ", ".join(p.sasaran),
            rp_cell(p.pagu),
            rp_cell(p.realisasi),
            capaian_cell(p.serapan, "ada"),
        ]
        for n, p in enumerate(lk.program, 1)
    ]
    rows.append(
        [
            "",
            "",
            "Jumlah",
            "",
            rp_cell(total.pagu if total else None),
            rp_cell(total.realisasi if total else None),
            capaian_cell(total.serapan if total else None, "ada"),
        ]
    )
    from ikutool.render.documents.grafik import serapan_chart

    table = Tabel(
        num.next(),
        f"Realisasi anggaran per program tahun {lk.tahun}",
        ["No", "Kode", "Program", "Sasaran", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
        rows,
        ["r", "l", "l", "l", "r", "r", "r"],
        {len(rows) - 1},
    )
    chart = serapan_chart(
        "",
        f"Serapan anggaran per program tahun {lk.tahun}",
        [(p.kode or "", p.nama, p.serapan) for p in lk.program],
        f"Angka lengkap pada {table.nomor}.",
    )
    return [
        table,
        *(
            [Para([" ".join(f"{k[0].upper()}{k[1:]}." for k in total.kurang)])]
            if total and total.kurang
            else []
        ),
        *num.chart(chart),
    ]
