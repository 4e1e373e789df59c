"""Serapan and efisiensi against hand-worked cases and docs/domain.md's example."""

from __future__ import annotations

import pytest

from ikutool.compute.efisiensi import efisiensi
from ikutool.compute.money import UangProgram, jumlah

approx = pytest.approx


def program(nama: str, pagu: float | None, realisasi: float | None) -> UangProgram:
    return UangProgram(
        kode=None, nama=nama, sasaran=["S1"], pagu=pagu, realisasi=realisasi, serapan=None
    )


def money(pagu: float, realisasi: float):
    a = jumlah([program("Program", pagu, realisasi)])
    assert a is not None
    return a


def test_serapan_sums_the_programs_of_a_sasaran() -> None:
    a = jumlah([program("A", 1_000_000_000, 900_000_000), program("B", 500_000_000, 500_000_000)])
    assert a is not None
    assert (a.pagu, a.realisasi) == (1_500_000_000, 1_400_000_000)
    assert a.serapan == approx(1_400 / 1_500 * 100)  # 93,33 %
    assert jumlah([]) is None


def test_a_pagu_without_realisasi_counts_and_is_said_and_no_partial_sum_is_shown() -> None:
    # issue 24: E.80 and the LKjIP dropped B (25 %), the quarterly footer divided A's realisasi
    # by both pagu (10 %); the one rule: the pagu counts, the realisasi sum stays empty
    a = jumlah([program("A", 100, 25), program("B", 150, None)])
    assert a is not None
    assert (a.pagu, a.realisasi, a.serapan) == (250, None, None)
    assert a.kurang == ["pagu tanpa realisasi: B"]
    e = efisiensi("rasio", 105.0, a)
    assert e.nilai is None and "pagu tanpa realisasi: B" in (e.keterangan or "")


def test_domain_example_rasio() -> None:
    # docs/domain.md: capaian 106,52 %, serapan 97,80 % -> 108,92 %
    e = efisiensi("rasio", 106.52, money(100_000, 97_800))
    assert e.nilai == approx(106.52 / 97.80 * 100) and round(e.nilai, 2) == 108.92
    assert e.kategori == "efisien" and e.satuan == "%"
    assert e.rumus == "capaian / serapan x 100 = 106,52 / 97,80 x 100 = 108,92 %"


@pytest.mark.parametrize(
    ("capaian", "pagu", "real", "nilai", "kategori"),
    [
        (84.0, 100, 90, 84 / 90 * 100, "kurang efisien"),  # 93,33
        (100.0, 100, 100, 100.0, "efisien"),  # exactly 100 is efisien
        # issue 24: "efisien" was claimed at capaian 90 %; below 100 % no claim is made
        (90.0, 100, 90, 100.0, None),
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
        (102.0, 100.0, 2.0, "cukup efisien"),
        (100.0, 105.0, -5.0, "cukup efisien"),
        (84.0, 95.0, -11.0, "tidak efisien"),
        (96.0, 94.0, 2.0, None),  # issue 24: capaian below 100 %, no claim
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
    m = money(10_000, 10_009)
    assert 105.09 - 10_009 / 10_000 * 100 > 5  # the float is noisy ...
    e = efisiensi("selisih", 105.09, m)
    assert e.kategori == "cukup efisien"  # ... the grade is not
    assert e.rumus.endswith("= 5,00 poin")
    # a sasaran at exactly 100 %: realisasi 0,1 of 0,2 (50 %) and 0,3 of 0,2 (150 %)
    from ikutool.compute.capaian import mean

    c = mean([0.1 / 0.2 * 100, 0.3 / 0.2 * 100])
    assert c is not None and c < 100  # 99.99999999999999 as a float
    e = efisiensi("sisa", c, money(1_000, 900))
    assert e.nilai == approx(10.0) and e.kategori == "efisien"


def test_efficiency_is_never_claimed_below_100_percent() -> None:
    # issue 24: the LKjIP wrote "103,99 %, efisien" for a sasaran at 99,59 % (and iku lke then
    # flagged that very sentence)
    e = efisiensi("rasio", 99.59, money(100_000, 95_770))
    assert e.nilai == approx(99.59 / 95.77 * 100) and e.kategori is None
    assert (
        e.keterangan == "efisiensi tidak dapat dinyatakan: capaian sasaran 99,59 % di bawah 100 %"
    )
