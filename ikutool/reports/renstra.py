"""The Renstra evaluation (E.80 of Permendagri 86/2017) beyond kinerja: the money of each sasaran
per year of the period (from the program files, or the older anggaran files), its level against
the Renstra's pagu, and the predikat of kinerja and of rupiah, each from its own average.

Kinerja (K) per indicator is the report's (:mod:`ikutool.reports.laporan`): the latest realisasi against
the end-of-period target. Rupiah (Rp) per sasaran: the realisasi of every year reported, summed,
against the Renstra pagu of its programs where the program file gives it (``pagu_renstra``), else
against the pagu of those same years (then it is the period's serapan, and the row says so).
"""

from __future__ import annotations

import math
from typing import Any

from ikutool.compute.capaian import mean
from ikutool.formatting.numbers import settled_figure
from ikutool.model.iku import Iku, Result
from ikutool.reports.renja import PREDIKAT_SINGKAT, Sel


class UangSasaran(Result):
    kode: str
    uraian: str
    pagu: dict[int, float | None]  # per year reported
    realisasi: dict[int, float | None]
    kurang: dict[int, list[str]] = {}  # per year: what keeps a sum empty
    pagu_renstra: float | None
    jumlah_realisasi: float | None
    tingkat: float | None  # jumlah realisasi / dasar x 100
    dasar: str | None  # "pagu Renstra" | "pagu tahun-tahun itu"


class EvaluasiRenstra(Result):
    tahun: list[int]
    tahun_anggaran: list[int]  # the years with a program or anggaran file
    sasaran: list[UangSasaran]
    rata_rata_capaian: Sel
    dirata: dict[str, int]
    predikat: dict[str, str | None]
    predikat_label: dict[str, str | None]
    skala: str
    faktor: dict[str, str | None]


def _fig(value: float | None) -> float | None:
    return settled_figure(value) if value is not None and math.isfinite(value) else None


def build_renstra(
    iku: Iku,
    laporan: Any,
    anggaran: dict[int, Any],
    program_terakhir: Any = None,
    *,
    skala: str | None = None,
) -> EvaluasiRenstra:
    """``anggaran``: per year, the programs' money (:mod:`ikutool.compute.money`, as every document
    reads it); ``program_terakhir``: the latest program file (its Renstra pagu and the officer's
    words)."""
    from ikutool.compute.money import jumlah
    from ikutool.model.scales import kategori, scale_of

    scale = scale_of(iku, skala or "permendagri86")
    years = sorted(anggaran)
    rows = []
    for group in iku.groups():
        if getattr(group, "jenis", "sasaran") != "sasaran":
            continue
        pagu: dict[int, float | None] = {}
        spent: dict[int, float | None] = {}
        kurang: dict[int, list[str]] = {}
        for y in years:
            money = jumlah(anggaran[y].counted_for(group.kode))
            pagu[y] = money.pagu if money is not None else None
            spent[y] = money.realisasi if money is not None else None
            if money is not None and money.kurang:
                kurang[y] = money.kurang
        renstra = None
        if program_terakhir is not None:
            own = [p for p in program_terakhir.program if p.sasaran and p.sasaran[0] == group.kode]
            values = [p.uang.field("pagu_renstra") for p in own]
            if own and all(v is not None for v in values):
                renstra = math.fsum(v or 0.0 for v in values)
        values = [v for v in spent.values() if v is not None]
        # a year whose sum is empty leaves the period's sum empty too (said per year)
        total = math.fsum(values) if values and not kurang else None
        tingkat, dasar = None, None
        if total is not None and renstra:
            tingkat, dasar = total / renstra * 100, "pagu Renstra"
        elif total is not None:
            base = [b for y in years if spent[y] is not None and (b := pagu[y])]
            if base:
                tingkat, dasar = total / math.fsum(base) * 100, "pagu tahun-tahun itu"
        if not values and renstra is None and not kurang:
            continue
        rows.append(
            UangSasaran.model_construct(
                kode=group.kode,
                uraian=group.uraian,
                pagu=pagu,
                realisasi=spent,
                kurang=kurang,
                pagu_renstra=renstra,
                jumlah_realisasi=_fig(total),
                tingkat=_fig(tingkat),
                dasar=dasar,
            )
        )
    k_values = [
        ind.terakhir.capaian_target_akhir
        for sas in laporan.sasaran
        if sas.jenis == "sasaran"
        for ind in sas.indikator
        if ind.terakhir is not None and ind.terakhir.capaian_target_akhir is not None
    ]
    rp_values = [r.tingkat for r in rows if r.tingkat is not None]
    avg = Sel(k=_fig(mean(k_values)), rp=_fig(mean(rp_values)))  # type: ignore[arg-type]
    label = {"k": kategori(avg.k, scale), "rp": kategori(avg.rp, scale)}
    notes = program_terakhir.evaluasi if program_terakhir is not None else {}
    return EvaluasiRenstra.model_construct(
        tahun=list(laporan.tahun),
        tahun_anggaran=years,
        sasaran=rows,
        rata_rata_capaian=avg,
        dirata={"k": len(k_values), "rp": len(rp_values)},
        predikat={k: PREDIKAT_SINGKAT.get(v or "", v) if v else None for k, v in label.items()},
        predikat_label=label,
        skala=scale.nama,
        faktor={
            name: notes.get(name)
            for name in ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut_renja")
        },
    )
