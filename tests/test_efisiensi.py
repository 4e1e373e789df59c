"""Serapan and efisiensi against hand-worked cases and DOMAIN.md's example."""

from __future__ import annotations

import pytest

from ikutool.compute.efisiensi import anggaran_sasaran, efisiensi

approx = pytest.approx


def money(pagu: float, realisasi: float):
    a = anggaran_sasaran([("Program", pagu, realisasi)])
    assert a is not None
    return a


def test_serapan_sums_the_programs_of_a_sasaran() -> None:
    a = anggaran_sasaran([("A", 1_000_000_000, 900_000_000), ("B", 500_000_000, 500_000_000)])
    assert a is not None
    assert (a.pagu, a.realisasi) == (1_500_000_000, 1_400_000_000)
    assert a.serapan == approx(1_400 / 1_500 * 100)  # 93,33 %
    assert anggaran_sasaran([]) is None


def test_domain_example_rasio() -> None:
    # DOMAIN.md: capaian 106,52 %, serapan 97,80 % -> 108,92 %
    e = efisiensi("rasio", 106.52, money(100_000, 97_800))
    assert e.nilai == approx(106.52 / 97.80 * 100) and round(e.nilai, 2) == 108.92
    assert e.kategori == "efisien" and e.satuan == "%"
    assert e.rumus == "capaian / serapan x 100 = 106,52 / 97,80 x 100 = 108,92 %"


@pytest.mark.parametrize(
    ("capaian", "pagu", "real", "nilai", "kategori"),
    [
        (84.0, 100, 90, 84 / 90 * 100, "kurang efisien"),  # 93,33
        (90.0, 100, 90, 100.0, "efisien"),  # exactly 100 is efisien
    ],
)
def test_rasio(capaian, pagu, real, nilai, kategori) -> None:
    e = efisiensi("rasio", capaian, money(pagu, real))
    assert (e.nilai, e.kategori) == (approx(nilai), kategori)


@pytest.mark.parametrize(
    ("capaian", "serapan", "nilai", "kategori"),
    [
        (106.52, 97.80, 8.72, "efisien"),  # more than 5 points
        (100.0, 95.0, 5.0, "cukup efisien"),  # 5 itself is not more than 5
        (96.0, 94.0, 2.0, "cukup efisien"),
        (90.0, 95.0, -5.0, "cukup efisien"),
        (84.0, 95.0, -11.0, "tidak efisien"),
    ],
)
def test_selisih(capaian, serapan, nilai, kategori) -> None:
    e = efisiensi("selisih", capaian, money(100, serapan))
    assert (e.nilai, e.kategori, e.satuan) == (approx(nilai), kategori, "poin")
    assert e.rumus.startswith("capaian - serapan = ")


def test_sisa_only_when_the_target_is_met() -> None:
    e = efisiensi("sisa", 101.0, money(1_000, 900))
    assert e.nilai == approx(10.0) and e.kategori == "efisien"  # (1.000 - 900) / 1.000
    e = efisiensi("sisa", 99.0, money(1_000, 900))
    assert e.nilai is None and "tidak berlaku" in (e.keterangan or "")


def test_no_figure_without_capaian_or_pagu() -> None:
    assert efisiensi("rasio", None, money(100, 90)).nilai is None
    e = efisiensi("rasio", 90.0, money(0, 0))
    assert e.nilai is None and e.keterangan == "pagu anggaran nol"


def test_rasio_with_nothing_disbursed_is_undefined_not_a_crash() -> None:
    # issue 15 (10): serapan 0 % under rasio divided by zero and stopped the whole LKjIP
    e = efisiensi("rasio", 95.0, money(1_000_000, 0))
    assert e.nilai is None and e.kategori is None
    assert "serapan anggaran 0 %" in (e.keterangan or "")
    # the other methods still have a figure
    assert efisiensi("selisih", 95.0, money(1_000_000, 0)).nilai == approx(95.0)


def test_band_edges_without_float_noise() -> None:
    # issue 15 (11): 85,09 - 80,09 is 5 points exactly, "cukup efisien"; in floats the
    # difference is 5.000000000000014, which used to be graded "efisien"
    m = money(10_000, 8_009)
    assert 85.09 - m.serapan > 5  # the float is noisy ...
    e = efisiensi("selisih", 85.09, m)
    assert e.kategori == "cukup efisien"  # ... the grade is not
    assert e.rumus.endswith("= 5,00 poin")
    # a sasaran at exactly 100 %: realisasi 0,1 of 0,2 (50 %) and 0,3 of 0,2 (150 %)
    from ikutool.compute.capaian import mean

    c = mean([0.1 / 0.2 * 100, 0.3 / 0.2 * 100])
    assert c is not None and c < 100  # 99.99999999999999 as a float
    e = efisiensi("sisa", c, money(1_000, 900))
    assert e.nilai == approx(10.0) and e.kategori == "efisien"
