"""Kategori scales: the verbal grade of a capaian. A scale is data (see DOMAIN.md, "Scales")."""

from __future__ import annotations

from ikutool.model import Iku, Skala, Tingkat

# Permendagri 86/2017: integer bands 91-100, 76-90, 66-75, 51-65, <=50 extended to real numbers;
# above 100 is still Sangat Tinggi.
PERMENDAGRI86 = Skala(
    nama="Permendagri 86/2017",
    tingkat=[
        Tingkat(label="Sangat Tinggi", lebih_dari=90, warna="green"),
        Tingkat(label="Tinggi", lebih_dari=75, warna="cyan"),
        Tingkat(label="Sedang", lebih_dari=65, warna="yellow"),
        Tingkat(label="Rendah", lebih_dari=50, warna="dark_orange"),
        Tingkat(label="Sangat Rendah", warna="red"),
    ],
)

PERMENPANRB53 = Skala(
    nama="PermenPAN-RB 53/2014",
    tingkat=[
        Tingkat(label="Melebihi Target", lebih_dari=100, warna="green"),
        Tingkat(label="Tercapai", minimal=100, warna="cyan"),
        Tingkat(label="Tidak Tercapai", warna="red"),
    ],
)

BUILT_IN = {"permendagri86": PERMENDAGRI86, "permenpanrb53": PERMENPANRB53}

# Capaian are floats; 2750/2750*100 is exactly 100, but a sum of parts may be 99.99999999999999.
# Compare at a precision far below anything displayed.
_EPS_DIGITS = 9


def scale_of(iku: Iku, override: str | None = None) -> Skala:
    if override:
        return BUILT_IN[override]
    return BUILT_IN[iku.skala] if isinstance(iku.skala, str) else iku.skala


def band(capaian: float | None, skala: Skala) -> Tingkat | None:
    if capaian is None:
        return None
    value = round(capaian, _EPS_DIGITS)
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
