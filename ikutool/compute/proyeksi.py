"""Will the end-of-Renstra target be reached? (docs/domain.md, "proyeksi"). Pure functions.

Per component: observed yearly change = (latest realisasi - earliest realisasi in the period) /
years between them; needed yearly change = (end target - latest realisasi) / years left. For
negative polarity the wanted direction is down. r = observed / needed, in the wanted direction:

- already at or past the end target -> "tercapai";
- r >= 1 -> "sesuai jalur"; 0 < r < 1 -> "perlu percepatan"; r <= 0 -> "menjauh dari target";
- fewer than two years of realisasi -> "data belum cukup";
- the period is over (no year left) and the target not reached -> "tidak tercapai".

A range end target is approached at its nearer bound. A composite indicator takes its worst
component's label (components that cannot be judged are left out; none judged: "data belum
cukup").
"""

from __future__ import annotations

from typing import Literal

from ikutool.formatting.numbers import settled
from ikutool.model.iku import Indikator, Result

Label = Literal[
    "tercapai",
    "sesuai jalur",
    "perlu percepatan",
    "menjauh dari target",
    "tidak tercapai",
    "data belum cukup",
]
# worst first: a composite takes the first of these that any of its components has
ORDER: list[Label] = [
    "menjauh dari target",
    "tidak tercapai",
    "perlu percepatan",
    "sesuai jalur",
    "tercapai",
]


class ProyeksiKomponen(Result):
    kunci: str
    uraian: str = ""  # the component as a person names it (notation.component_label)
    status: Label
    target_akhir: float
    target_akhir_maks: float | None = None
    tahun_awal: int | None = None  # earliest year with realisasi
    realisasi_awal: float | None = None
    tahun_terakhir: int | None = None  # latest year with realisasi
    realisasi_terakhir: float | None = None
    laju_teramati: float | None = None  # observed change per year
    laju_diperlukan: float | None = None  # needed change per year
    rasio: float | None = None  # observed / needed


class Proyeksi(Result):
    status: Label
    tahun_akhir: int  # the end of the Renstra period
    komponen: list[ProyeksiKomponen]
    catatan: list[str] = []  # components left out of the label, or judged on an older year


def proyeksi_komponen(
    kunci: str,
    series: dict[int, float],
    end_year: int,
    low: float,
    high: float | None,
    polaritas: str,
) -> ProyeksiKomponen:
    """One component: ``series`` maps years to realisasi (years with a value only)."""
    out = ProyeksiKomponen.model_construct(
        kunci=kunci, status="data belum cukup", target_akhir=low, target_akhir_maks=high
    )
    years = sorted(y for y in series if y <= end_year)
    if not years:
        return out
    first, last = years[0], years[-1]
    latest = series[last]
    out.tahun_terakhir, out.realisasi_terakhir = last, latest
    out.tahun_awal, out.realisasi_awal = first, series[first]
    up = polaritas != "negatif"
    # the bound to approach: positive polarity climbs to the lower bound, negative descends to
    # the upper one; being anywhere past it in the wanted direction counts as reached
    goal = low if up else (high if high is not None else low)
    gap = settled(latest - goal)
    if (gap >= 0) if up else (gap <= 0):
        out.status = "tercapai"
        return out
    left = end_year - last
    if left <= 0:
        # the period is over: nothing to project, the end target was simply not met
        out.status = "tidak tercapai"
        if len(years) >= 2:
            out.laju_teramati = (latest - series[first]) / (last - first)
        return out
    if len(years) < 2:
        return out
    out.laju_teramati = (latest - series[first]) / (last - first)
    out.laju_diperlukan = (goal - latest) / left
    out.rasio = out.laju_teramati / out.laju_diperlukan
    ratio = settled(out.rasio)
    if ratio >= 1:
        out.status = "sesuai jalur"
    elif ratio > 0:
        out.status = "perlu percepatan"
    else:
        out.status = "menjauh dari target"
    return out


def proyeksi_indikator(
    ind: Indikator,
    realisasi: dict[int, dict[str, float | None]],
    end_year: int,
    tahun: int | None = None,
) -> Proyeksi:
    """``realisasi``: per year, the realisasi per component key (as the realisasi files hold);
    ``tahun``: the year reported on. What the label leaves out is said in ``catatan``: a
    component with too little data, or one whose latest realisasi is older than ``tahun``."""
    from ikutool.model.notation import component_label

    end = ind.target_for(end_year)
    comps: list[ProyeksiKomponen] = []
    notes: list[str] = []
    several = end is not None and len(end.komponen) > 1
    for comp in end.komponen if end is not None else []:
        key = comp.kunci or "nilai"
        series = {y: v for y, values in realisasi.items() if (v := values.get(key)) is not None}
        one = proyeksi_komponen(key, series, end_year, comp.jumlah, comp.jumlah_maks, ind.polaritas)
        one.uraian = component_label(comp.kunci, comp.satuan, ind.label_for(key))
        comps.append(one)
        name = f"komponen {one.uraian}" if several else "indikator ini"
        if one.status == "data belum cukup":
            what = "belum ada realisasinya" if not series else "realisasinya baru satu tahun"
            notes.append(f"{name}: {what}, tidak ikut dinilai")
        elif tahun is not None and one.tahun_terakhir is not None and one.tahun_terakhir < tahun:
            notes.append(
                f"{name}: dinilai dari realisasi {one.tahun_terakhir} (tahun {tahun} kosong)"
            )
    judged = [c.status for c in comps if c.status != "data belum cukup"]
    status: Label = next((label for label in ORDER if label in judged), "data belum cukup")
    return Proyeksi.model_construct(
        status=status, tahun_akhir=end_year, komponen=comps, catatan=notes if judged else []
    )
