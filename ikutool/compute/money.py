"""The year's money, derived once: per program its pagu, its realisasi (s.d. a quarter) and its
serapan; per sasaran and for the agency their sums (docs/domain.md, "Money sums"). Every document that
shows a program's or a sasaran's money (quarterly report, E.81, E.80, the LKjIP and its
efisiensi, the LKE) shows these figures.

- A program's Rp is its own where written, else the sum of its kegiatan (:mod:`ikutool.model.uang`).
- A sum with an empty member stays empty and names the member (never a partial sum as the whole).
- A pagu counts wherever it is written, with or without realisasi; a pagu without realisasi is
  said.
- A program serving several sasaran counts under the first it names (where form E.81 lists it);
  the others list it as supporting them, without counting its money twice.
"""

from __future__ import annotations

from typing import Any

from ikutool.formatting.numbers import settled_figure
from ikutool.model.iku import Result
from ikutool.model.uang import total


class UangProgram(Result):
    kode: str | None
    nama: str
    sasaran: list[str]  # the first is where its money counts
    pagu: float | None
    realisasi: float | None  # s.d. the quarter asked (the year at TW IV)
    serapan: float | None  # realisasi / pagu x 100
    kurang: list[str] = []  # why a figure is missing, in words


class UangTahun(Result):
    tahun: int
    file: str
    status: str | None
    metode: str  # efisiensi: rasio | selisih | sisa
    triwulan: str = "IV"  # the realisasi is s.d. this quarter
    program: list[UangProgram]

    def counted_for(self, kode: str) -> list[UangProgram]:
        """The programs whose money counts for sasaran ``kode`` (its first sasaran)."""
        return [p for p in self.program if p.sasaran and p.sasaran[0] == kode]

    def supporting(self, kode: str) -> list[UangProgram]:
        """Every program that names sasaran ``kode``."""
        return [p for p in self.program if kode in p.sasaran]


class Anggaran(Result):
    """The money of a set of programs (a sasaran's, or the agency's), summed by the one rule."""

    pagu: float | None
    realisasi: float | None
    serapan: float | None  # %, None when a sum is empty or the pagu is 0
    program: list[str]  # names of the programs summed
    kurang: list[str] = []  # what keeps a sum empty, and pagu without realisasi


def _fig(value: float | None) -> float | None:
    return settled_figure(value) if value is not None else None


def serapan(pagu: float | None, realisasi: float | None) -> float | None:
    return _fig(realisasi / pagu * 100) if pagu and realisasi is not None else None


def _program_row(p: Any, tw: str) -> UangProgram:
    """One program of a program file (its kegiatan make what it does not write)."""
    u = p.uang
    pagu, spent = u.field("pagu"), u.sd(tw)
    kurang = []
    if u.kurang_field("pagu"):
        kurang.append(f"pagu belum ditulis: {', '.join(u.kurang_field('pagu'))}")
    if spent is None:
        missing = u.kurang_sd(tw)
        where = "" if tw == "IV" else f" s.d. TW {tw}"
        kurang.append(
            f"realisasi{where} belum ditulis: {', '.join(missing)}"
            if missing
            else f"realisasi{where} belum ditulis"
        )
    return UangProgram.model_construct(
        kode=p.kode,
        nama=p.nama,
        sasaran=list(p.sasaran),
        pagu=pagu,
        realisasi=spent,
        serapan=serapan(pagu, spent),
        kurang=kurang,
    )


def uang_tahun(source: Any, tw: str = "IV") -> UangTahun:
    """The money of a program file (``ProgramTahun``) or an older anggaran file
    (``AnggaranTahun``), s.d. quarter ``tw``."""
    from ikutool.inputs.anggaran import AnggaranTahun

    if isinstance(source, AnggaranTahun):
        rows = [
            UangProgram.model_construct(
                kode=p.kode,
                nama=p.nama,
                sasaran=list(p.sasaran),
                pagu=p.pagu,
                realisasi=p.realisasi if tw == "IV" else None,
                serapan=serapan(p.pagu, p.realisasi if tw == "IV" else None),
                kurang=[],
            )  # fmt: skip
            for p in source.program
        ]
    else:
        rows = [_program_row(p, tw) for p in source.program]
    return UangTahun.model_construct(
        tahun=source.tahun,
        file=source.file,
        status=source.status,
        metode=source.metode,
        triwulan=tw,
        program=rows,
    )


def jumlah(programs: list[UangProgram]) -> Anggaran | None:
    """The money of ``programs`` together (None when there are none)."""
    if not programs:
        return None
    pagu = total([(p.nama, p.pagu) for p in programs])
    spent = total([(p.nama, p.realisasi) for p in programs])
    kurang = []
    if pagu.kurang:
        kurang.append(f"pagu belum ditulis untuk {', '.join(pagu.kurang)}")
    if spent.kurang:
        with_pagu = [p.nama for p in programs if p.realisasi is None and p.pagu is not None]
        others = [n for n in spent.kurang if n not in with_pagu]
        if with_pagu:
            kurang.append(f"pagu tanpa realisasi: {', '.join(with_pagu)}")
        if others:
            kurang.append(f"realisasi belum ditulis untuk {', '.join(others)}")
    return Anggaran.model_construct(
        pagu=_fig(pagu.nilai),
        realisasi=_fig(spent.nilai),
        serapan=serapan(pagu.nilai, spent.nilai),
        program=[p.nama for p in programs],
        kurang=kurang,
    )
