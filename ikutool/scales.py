"""Kategori scales: the verbal grade of a capaian. A scale is data (see DOMAIN.md, "Scales")."""

from __future__ import annotations

from ikutool.model import Iku, Skala, Tingkat
from ikutool.numfmt import settled


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
