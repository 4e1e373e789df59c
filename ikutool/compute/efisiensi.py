"""Budget absorption (serapan) and efficiency (efisiensi) per sasaran (DOMAIN.md). Pure functions.

serapan = realisasi anggaran / pagu x 100, summed over the programs linked to the sasaran.
Efficiency has no formula in the regulation; three are in use, so it is the anggaran file's
choice, and every output prints the method, its inputs and its formula:

- rasio (most common, BPKP 2021): capaian / serapan x 100; >= 100 efisien, < 100 kurang efisien.
  Example: capaian 106,52 %, serapan 97,80 % -> 108,92 %.
- selisih: capaian - serapan, in points: > 5 efisien; -5 to 5 cukup efisien; < -5 tidak efisien.
- sisa: only when capaian >= 100: (pagu - realisasi) / pagu x 100, the share of budget saved;
  otherwise not applicable.
"""

from __future__ import annotations

import math

from ikutool.formatting.numbers import format_angka, format_persen, settled
from ikutool.model.iku import Result


class Anggaran(Result):
    pagu: float
    realisasi: float
    serapan: float | None  # %, None when the pagu is 0
    program: list[str]  # names of the programs summed


class Efisiensi(Result):
    metode: str  # rasio | selisih | sisa
    nilai: float | None
    satuan: str  # "%" or "poin"
    kategori: str | None
    rumus: str  # the formula with the figures filled in
    keterangan: str | None = None  # why there is no figure


def anggaran_sasaran(programs: list[tuple[str, float, float]]) -> Anggaran | None:
    """``(nama, pagu, realisasi)`` of the programs linked to one sasaran, summed."""
    if not programs:
        return None
    pagu = math.fsum(p for _, p, _ in programs)
    real = math.fsum(r for _, _, r in programs)
    return Anggaran.model_construct(
        pagu=pagu,
        realisasi=real,
        serapan=real / pagu * 100 if pagu else None,
        program=[name for name, _, _ in programs],
    )


def efisiensi(metode: str, capaian: float | None, anggaran: Anggaran) -> Efisiensi:
    c, s = capaian, anggaran.serapan
    if c is None or s is None:
        why = "capaian sasaran belum ada" if c is None else "pagu anggaran nol"
        return Efisiensi.model_construct(
            metode=metode, nilai=None, satuan="%", kategori=None, rumus="-", keterangan=why
        )
    if metode == "selisih":
        value = c - s
        edge = settled(value)  # 12,23 - 7,23 is 5 points ("cukup efisien"), not 5,000000000000014
        kategori = "efisien" if edge > 5 else ("cukup efisien" if edge >= -5 else "tidak efisien")
        rumus = f"capaian - serapan = {format_angka(c, 2)} - {format_angka(s, 2)} = {format_angka(value, 2)} poin"
        return Efisiensi.model_construct(
            metode=metode, nilai=value, satuan="poin", kategori=kategori, rumus=rumus
        )
    if metode == "sisa":
        if settled(c) < 100:
            return Efisiensi.model_construct(
                metode=metode,
                nilai=None,
                satuan="%",
                kategori=None,
                rumus="-",
                keterangan=f"tidak berlaku: capaian {format_persen(c)} di bawah 100 %",
            )
        value = (anggaran.pagu - anggaran.realisasi) / anggaran.pagu * 100
        rumus = (
            f"(pagu - realisasi) / pagu x 100 = ({format_angka(anggaran.pagu)} - "
            f"{format_angka(anggaran.realisasi)}) / {format_angka(anggaran.pagu)} x 100 = "
            f"{format_persen(value)}"
        )
        kategori = "efisien" if settled(value) > 0 else "tidak ada penghematan"
        return Efisiensi.model_construct(
            metode=metode, nilai=value, satuan="%", kategori=kategori, rumus=rumus
        )
    if settled(s) == 0:
        # rasio divides by the serapan: with nothing disbursed it is undefined, not infinite
        return Efisiensi.model_construct(
            metode="rasio",
            nilai=None,
            satuan="%",
            kategori=None,
            rumus="-",
            keterangan="rasio tidak dapat dihitung: serapan anggaran 0 % (belum ada realisasi "
            "anggaran)",
        )
    value = c / s * 100
    rumus = (
        f"capaian / serapan x 100 = {format_angka(c, 2)} / {format_angka(s, 2)} x 100 = "
        f"{format_persen(value)}"
    )
    kategori = "efisien" if settled(value) >= 100 else "kurang efisien"
    return Efisiensi.model_construct(
        metode="rasio", nilai=value, satuan="%", kategori=kategori, rumus=rumus
    )
