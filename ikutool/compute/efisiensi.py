"""Budget absorption (serapan) and efficiency (efisiensi) per sasaran (docs/domain.md). Pure functions.

serapan = realisasi anggaran / pagu x 100, over the programs whose money counts for the sasaran
(:mod:`ikutool.compute.money`). "Efisien" is claimed only where the capaian is at least 100 %.
Efficiency has no formula in the regulation; three are in use, so it is the anggaran file's
choice, and every output prints the method, its inputs and its formula:

- rasio (most common, BPKP 2021): capaian / serapan x 100; >= 100 efisien, < 100 kurang efisien.
  Example: capaian 106,52 %, serapan 97,80 % -> 108,92 %.
- selisih: capaian - serapan, in points: > 5 efisien; -5 to 5 cukup efisien; < -5 tidak efisien.
- sisa: only when capaian >= 100: (pagu - realisasi) / pagu x 100, the share of budget saved;
  otherwise not applicable.
"""

from __future__ import annotations

from ikutool.compute.money import Anggaran
from ikutool.formatting.numbers import format_angka, format_persen, settled
from ikutool.model.iku import Result


class Efisiensi(Result):
    metode: str  # rasio | selisih | sisa
    nilai: float | None
    satuan: str  # "%" or "poin"
    kategori: str | None
    rumus: str  # the formula with the figures filled in
    keterangan: str | None = None  # why there is no figure


def efisiensi(metode: str, capaian: float | None, anggaran: Anggaran) -> Efisiensi:
    """The sasaran's efisiensi by ``metode``. "Efisien" is claimed only where the capaian is at
    least 100 % (the evaluators' rule): below it the figure is shown, and the claim is not made."""
    c, s = capaian, anggaran.serapan
    if c is None or s is None:
        if c is None:
            why = "capaian sasaran belum ada"
        elif anggaran.kurang:
            why = "serapan tidak dapat dihitung: " + "; ".join(anggaran.kurang)
        else:
            why = "pagu anggaran nol"
        return Efisiensi.model_construct(
            metode=metode, nilai=None, satuan="%", kategori=None, rumus="-", keterangan=why
        )
    result = _efisiensi(metode, c, s, anggaran)
    if result.kategori in ("efisien", "cukup efisien") and settled(c) < 100:
        result.keterangan = (
            f"efisiensi tidak dapat dinyatakan: capaian sasaran {format_persen(c)} di bawah 100 %"
        )
        result.kategori = None
    return result


def _efisiensi(metode: str, c: float, s: float, anggaran: Anggaran) -> Efisiensi:
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
        pagu, spent = anggaran.pagu or 0.0, anggaran.realisasi or 0.0
        value = (pagu - spent) / pagu * 100
        rumus = (
            f"(pagu - realisasi) / pagu x 100 = ({format_angka(pagu)} - "
            f"{format_angka(spent)}) / {format_angka(pagu)} x 100 = "
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
