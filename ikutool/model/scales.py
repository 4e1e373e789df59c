"""Kategori scales: the verbal grade of a capaian. A scale is data (see docs/domain.md, "Scales")."""

from __future__ import annotations

from typing import Any

from ikutool.formatting.numbers import settled
from ikutool.model.iku import Iku, Skala, Tingkat


def _band(label: str, warna: str, *, lebih_dari: float | None = None, minimal: float | None = None):
    # the built-in scales are the tool's own constants: constructed, not validated, so that
    # importing them does not build pydantic's validators (a few ms of every start-up)
    return Tingkat.model_construct(label=label, warna=warna, lebih_dari=lebih_dari, minimal=minimal)


# Permendagri 86/2017: integer bands 91-100, 76-90, 66-75, 51-65, <=50 extended to real numbers;
# above 100 is still Sangat Tinggi.
PERMENDAGRI86 = Skala.model_construct(
    nama="Permendagri 86/2017",
    tingkat=[
        _band("Sangat Tinggi", "green", lebih_dari=90),
        _band("Tinggi", "cyan", lebih_dari=75),
        _band("Sedang", "yellow", lebih_dari=65),
        _band("Rendah", "dark_orange", lebih_dari=50),
        _band("Sangat Rendah", "red"),
    ],
)

PERMENPANRB53 = Skala.model_construct(
    nama="PermenPAN-RB 53/2014",
    tingkat=[
        _band("Melebihi Target", "green", lebih_dari=100),
        _band("Tercapai", "cyan", minimal=100),
        _band("Tidak Tercapai", "red"),
    ],
)

BUILT_IN = {"permendagri86": PERMENDAGRI86, "permenpanrb53": PERMENPANRB53}


def scale_of(iku: Iku, override: str | None = None) -> Skala:
    if override:
        return BUILT_IN[override]
    return BUILT_IN[iku.skala] if isinstance(iku.skala, str) else iku.skala


def band(capaian: float | None, skala: Skala) -> Tingkat | None:
    if capaian is None:
        return None
    # a capaian from a sum of parts may be 99.99999999999999: compared as a person computes it
    value = settled(capaian)
    for t in skala.tingkat:
        if t.lebih_dari is not None and not value > t.lebih_dari:
            continue
        if t.minimal is not None and not value >= t.minimal:
            continue
        return t
    return None


def kategori(capaian: float | None, skala: Skala) -> str | None:
    t = band(capaian, skala)
    return t.label if t else None


def colour(label: str | None, skala: Skala) -> str:
    for t in skala.tingkat:
        if t.label == label:
            return t.warna or "default"
    return "default"


# predikat scales, lowest first (docs/domain.md, "Target forms"): a predikat target is ranked on one
PREDIKAT = {
    "opini_bpk": ["TMP", "TW", "WDP", "WTP"],
    "predikat_sakip": ["D", "C", "CC", "B", "BB", "A", "AA"],
}


def predikat_scales(iku: Any) -> dict[str, list[str]]:
    """Every predikat scale an indicator of ``iku`` may use: the file's own, then the built-in."""
    return {**PREDIKAT, **{s.nama: list(s.urutan) for s in iku.predikat}}


def _fold(label: str) -> str:
    return " ".join(label.split()).casefold()


def find_label(labels: list[str], label: str) -> int | None:
    """The rank (1 = lowest) of ``label`` on a scale; "Opini WTP" also finds "WTP"."""
    folded = [_fold(x) for x in labels]
    for candidate in (label, label.split()[-1] if label.split() else label):
        if _fold(candidate) in folded:
            return folded.index(_fold(candidate)) + 1
    return None


def scale_for(iku: Any, ind: Any, labels: list[str]) -> tuple[str | None, str | None]:
    """The scale ``ind``'s predikat targets are ranked on: ``(name, None)``, or ``(None, why
    not)``. The indicator's ``skala_predikat`` where written; else the one scale holding every
    label."""
    scales = predikat_scales(iku)
    if ind.skala_predikat is not None:
        if ind.skala_predikat not in scales:
            return None, (
                f"skala_predikat '{ind.skala_predikat}' tidak dikenal; yang ada: "
                f"{', '.join(scales)} (atau nyatakan skalanya di 'predikat' berkas IKU)"
            )
        return ind.skala_predikat, None
    fits = [n for n, urutan in scales.items() if all(find_label(urutan, x) for x in labels)]
    if len(fits) == 1:
        return fits[0], None
    if fits:
        return None, (
            f"predikat {', '.join(labels)} ada di lebih dari satu skala ({', '.join(fits)}); "
            f"tulis 'skala_predikat: {fits[0]}' pada indikator ini"
        )
    known = "; ".join(f"{n}: {', '.join(u)}" for n, u in scales.items())
    return None, (
        f"'{labels[0]}' bukan angka dan bukan predikat yang dikenal. Target angka ditulis mis. "
        f"'25 Kop' atau '7,14 %'; predikat ditulis seperti di skalanya ({known}), atau nyatakan "
        "skala sendiri di 'predikat' berkas IKU"
    )
