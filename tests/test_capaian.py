"""Capaian arithmetic against hand-worked cases and docs/domain.md's published practice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikutool.compute.capaian import Options, capaian_value, compute, mean
from ikutool.definition.load import load_iku
from ikutool.inputs.realisasi import load_realisasi_dir, load_realisasi_file
from ikutool.model.scales import PERMENDAGRI86, PERMENPANRB53, kategori

approx = pytest.approx


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "rumus", "maks", "expected", "status"),
    [
        # positive: 2.750 / 3.000 x 100
        (3000, 2750, "positif", "selisih", None, 91.66666666666667, "ada"),
        (100, 111.11, "positif", "selisih", None, 111.11, "ada"),  # no cap
        # negative, selisih: (2 x 10 - 8) / 10 x 100 = 120 ; (2 x 10 - 12) / 10 x 100 = 80
        (10, 8, "negatif", "selisih", None, 120.0, "ada"),
        (10, 12, "negatif", "selisih", None, 80.0, "ada"),
        # negative, kebalikan: 10 / 8 x 100 = 125 ; 10 / 12.5 x 100 = 80
        (10, 8, "negatif", "kebalikan", None, 125.0, "ada"),
        (10, 12.5, "negatif", "kebalikan", None, 80.0, "ada"),
        # range 80-90: inside 100; below against 80 (72/80 = 90); above against 90 (99/90 = 110)
        (80, 85, "positif", "selisih", 90, 100.0, "ada"),
        (80, 72, "positif", "selisih", 90, 90.0, "ada"),
        (80, 99, "positif", "selisih", 90, 110.0, "ada"),
        # negative range 7-8 bulan: 6 below -> (2x7-6)/7 = 114.2857 ; 10 above -> (2x8-10)/8 = 75
        (7, 6, "negatif", "selisih", 8, 114.28571428571429, "ada"),
        (7, 10, "negatif", "selisih", 8, 75.0, "ada"),
        (7, 7.5, "negatif", "kebalikan", 8, 100.0, "ada"),
        # docs/domain.md: growth -1,41 % against 2 % gives -70,50 %
        (2, -1.41, "positif", "selisih", None, -70.5, "ada"),
        # docs/domain.md: target 0,05 %, realisasi -37,91 % gives -75.820 %
        (0.05, -37.91, "positif", "selisih", None, -75820.0, "ada"),
        # realisasi 0 is a real 0
        (25, 0, "positif", "selisih", None, 0.0, "ada"),
        (10, 0, "negatif", "selisih", None, 200.0, "ada"),
        # no number: target 0, kebalikan with R = 0, no realisasi
        (0, 5, "positif", "selisih", None, None, "target_nol"),
        (10, 0, "negatif", "kebalikan", None, None, "realisasi_nol"),
        (10, None, "positif", "selisih", None, None, "belum_ada_realisasi"),
    ],
)
def test_hand_worked(target, realisasi, polaritas, rumus, maks, expected, status) -> None:
    value, got_status, _ = capaian_value(
        target, realisasi, polaritas=polaritas, rumus=rumus, target_maks=maks
    )
    assert got_status == status
    assert value == (approx(expected) if expected is not None else None)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (184.75, "Sangat Tinggi"),
        (90.01, "Sangat Tinggi"),
        (90.0, "Tinggi"),
        (75.5, "Tinggi"),
        (75.0, "Sedang"),
        (65.0, "Rendah"),
        (50.0, "Sangat Rendah"),
        (-70.5, "Sangat Rendah"),
        (None, None),
    ],
)
def test_permendagri_scale(value, label) -> None:
    assert kategori(value, PERMENDAGRI86) == label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (99.99, "Tidak Tercapai"),
        (100.0, "Tercapai"),
        (2750 / 2750 * 100, "Tercapai"),
        (100.01, "Melebihi Target"),
    ],
)
def test_permenpanrb_scale(value, label) -> None:
    assert kategori(value, PERMENPANRB53) == label


def test_means() -> None:
    assert mean([]) is None
    assert mean([80, 100]) == 90
    assert mean([80, 100], [3, 1]) == 85


@given(
    st.floats(min_value=0.01, max_value=1e6),
    st.sampled_from(["positif", "negatif"]),
    st.sampled_from(["selisih", "kebalikan"]),
)
def test_realisasi_equal_to_target_is_100(target, polaritas, rumus) -> None:
    value, _, _ = capaian_value(target, target, polaritas=polaritas, rumus=rumus)
    assert value == approx(100.0)


@given(
    st.floats(min_value=0.01, max_value=1e6),
    st.floats(min_value=0.01, max_value=1e6),
    st.floats(min_value=0.01, max_value=1e6),
    st.sampled_from(["selisih", "kebalikan"]),
)
def test_capaian_moves_the_right_way(target, r1, r2, rumus) -> None:
    lo, hi = sorted([r1, r2])
    pos_lo, _, _ = capaian_value(target, lo, polaritas="positif", rumus=rumus)
    pos_hi, _, _ = capaian_value(target, hi, polaritas="positif", rumus=rumus)
    neg_lo, _, _ = capaian_value(target, lo, polaritas="negatif", rumus=rumus)
    neg_hi, _, _ = capaian_value(target, hi, polaritas="negatif", rumus=rumus)
    assert pos_hi >= pos_lo
    assert neg_hi <= neg_lo


IKU = """\
instansi: {nama: Dinas Uji}
periode: {awal: 2020, akhir: 2024}
rumus_negatif: RUMUS
sasaran:
  - kode: A
    uraian: Sasaran A
    indikator:
      - kode: A.1
        uraian: Angka kemiskinan
        polaritas: negatif
        target: {2022: "10 %"}
      - kode: A.2
        uraian: Ketepatan waktu
        bobot: 3
        target: {2022: "80-90 %"}
      - kode: A.3
        uraian: Pertumbuhan
        komponen: [{kunci: ekspor}, {kunci: impor}]
        target: {2022: "2% dan 4%"}
      - kode: A.4
        uraian: Belum diukur
        target: {2022: "5 unit"}
      - kode: A.5
        uraian: Tanpa target
        target: {2022: "-"}
  - kode: B
    uraian: Sasaran B
    indikator:
      - kode: B.1
        uraian: Kebalikan khusus
        polaritas: negatif
        rumus_negatif: kebalikan
        target: {2022: "20 hari"}
"""
REALISASI = """\
tahun: 2022
realisasi:
  A.1: "8 %"
  A.2: 95
  A.3: {ekspor: "-1,41", impor: 5}
  B.1: 25
"""


@pytest.mark.parametrize("rumus", ["selisih", "kebalikan"])
def test_whole_file_by_hand(write, rumus) -> None:
    iku = load_iku(write("iku.yaml", IKU.replace("RUMUS", rumus))).iku
    data = load_realisasi_file(write("realisasi/2022.yaml", REALISASI), iku)
    result = compute(iku, 2022, data)
    a, b = result.sasaran
    inds = {i.kode: i for i in a.indikator}
    # A.1 negative, target 10, realisasi 8: selisih (20-8)/10 = 120 ; kebalikan 10/8 = 125
    a1 = 120.0 if rumus == "selisih" else 125.0
    assert inds["A.1"].capaian == approx(a1)
    # A.2 above the range 80-90: 95/90*100
    assert inds["A.2"].capaian == approx(105.55555555555556)
    # A.3: ekspor -1.41/2 = -70.5 ; impor 5/4 = 125 ; mean 27.25
    assert [c.capaian for c in inds["A.3"].komponen] == [approx(-70.5), approx(125.0)]
    assert inds["A.3"].capaian == approx(27.25)
    assert inds["A.4"].status == "belum_ada_realisasi" and inds["A.4"].capaian is None
    assert inds["A.5"].status == "tanpa_target" and inds["A.5"].capaian is None
    # sasaran A: weighted (1*a1 + 3*105.5556 + 1*27.25) / 5 ; A.4 and A.5 left out, not zero
    assert a.capaian == approx((a1 + 3 * 105.55555555555556 + 27.25) / 5)
    # B.1 always kebalikan: 20/25 = 80
    assert b.capaian == approx(80.0)
    assert result.capaian == approx((a.capaian + 80.0) / 2)
    assert b.kategori == "Tinggi"


def test_cap_is_an_option(write) -> None:
    iku = load_iku(write("iku.yaml", IKU.replace("RUMUS", "selisih"))).iku
    data = load_realisasi_file(write("realisasi/2022.yaml", REALISASI), iku)
    capped = compute(iku, 2022, data, Options(batas=100))
    a2 = capped.sasaran[0].indikator[1]
    assert a2.capaian == 100
    assert a2.komponen[0].capaian_asli == approx(105.55555555555556)
    uncapped = compute(iku, 2022, data)
    assert uncapped.sasaran[0].indikator[1].capaian == approx(105.55555555555556)


def test_extreme_capaian_warns(write) -> None:
    iku = load_iku(
        write("iku.yaml", IKU.replace("RUMUS", "selisih").replace('"2% dan 4%"', '"0,05% dan 4%"'))
    ).iku
    data = load_realisasi_file(
        write("realisasi/2022.yaml", REALISASI.replace('"-1,41"', '"-37,91"')), iku
    )
    result = compute(iku, 2022, data)
    comp = result.sasaran[0].indikator[2].komponen[0]
    assert comp.capaian == approx(-75820.0)
    assert any("ekstrem" in w for w in comp.peringatan)
    assert any("A.3 ekspor" in w for w in result.peringatan)


# The sample files, computed by hand (realisasi / target x 100; composite = mean of components).
HAND_2019 = {
    "S1.1": (2750 / 3000 * 100 + 85 + 90) / 3,
    "S1.2": 58 / 60 * 100,
    "S1.3": (100 + 88) / 2,
    "S2.1": 96.0,
    "S3.1": 112.0,
    "S3.2": (6.5 / 8 * 100 + 19 / 17 * 100) / 2,
    "S3.3": 90.0,
    "S3.4": 84.0,
    "S4.1": (10 + 12 + 11 + 9) / 50 * 100,  # quarters, kumulatif
}


def test_sample_2019_by_hand(bundled, samples) -> None:
    data = load_realisasi_dir(samples, bundled.iku, [2019])[2019]
    assert data.status == "contoh"
    result = compute(bundled.iku, 2019, data)
    got = {i.kode: i.capaian for s in result.sasaran for i in s.indikator}
    assert got == {k: approx(v) for k, v in HAND_2019.items()}
    s1 = (HAND_2019["S1.1"] + HAND_2019["S1.2"] + HAND_2019["S1.3"]) / 3
    assert result.sasaran[0].capaian == approx(s1)
    assert result.sasaran[0].kategori == "Sangat Tinggi"
    sas = [s1, 96.0, (112 + HAND_2019["S3.2"] + 90 + 84) / 4, 84.0]
    assert result.capaian == approx(sum(sas) / 4)


def test_sample_2017_no_target_is_left_out(bundled, samples) -> None:
    data = load_realisasi_dir(samples, bundled.iku, [2017])[2017]
    result = compute(bundled.iku, 2017, data)
    s1 = result.sasaran[0]
    assert s1.indikator[0].status == "tanpa_target"
    assert s1.capaian == approx((52 / 60 * 100 + (12 / 15 * 100 + 20 / 25 * 100) / 2) / 2)


def test_bidang_filter(bundled, samples) -> None:
    data = load_realisasi_dir(samples, bundled.iku, [2019])[2019]
    result = compute(bundled.iku, 2019, data, Options(bidang="Perdagangan"))
    assert [s.kode for s in result.sasaran] == ["S3"]
    assert [i.kode for i in result.sasaran[0].indikator] == ["S3.1", "S3.2", "S3.3", "S3.4"]


def test_custom_scale_from_the_definition_file(write) -> None:
    custom = IKU.replace("RUMUS", "selisih").replace(
        "sasaran:\n",
        "skala:\n  nama: Skala Dinas\n  tingkat:\n    - {label: Memuaskan, minimal: 100}\n"
        "    - {label: Baik, lebih_dari: 80}\n    - {label: Kurang}\nsasaran:\n",
        1,
    )
    iku = load_iku(write("iku.yaml", custom)).iku
    data = load_realisasi_file(write("realisasi/2022.yaml", REALISASI), iku)
    result = compute(iku, 2022, data)
    assert result.skala == "Skala Dinas"
    labels = {i.kode: i.kategori for s in result.sasaran for i in s.indikator}
    assert labels["A.1"] == "Memuaskan"  # 120
    assert labels["A.3"] == "Kurang"  # 27,25
    assert result.sasaran[1].kategori == "Kurang"  # B.1 = 80: not above 80
    assert labels["A.4"] is None  # no realisasi: no kategori


def test_scale_override_option(write) -> None:
    iku = load_iku(write("iku.yaml", IKU.replace("RUMUS", "selisih"))).iku
    data = load_realisasi_file(write("realisasi/2022.yaml", REALISASI), iku)
    result = compute(iku, 2022, data, Options(skala="permenpanrb53"))
    assert result.sasaran[1].kategori == "Tidak Tercapai"


def _one_year(write, body: str, tahun: int = 2019):
    from ikutool.workspace.paths import bundled_iku

    iku = load_iku(bundled_iku()).iku
    data = load_realisasi_file(write(f"{tahun}.yaml", f"tahun: {tahun}\nrealisasi:\n{body}"), iku)
    return compute(iku, tahun, data)


def _ind(result, kode):
    return next(i for s in result.sasaran for i in s.indikator if i.kode == kode)


def test_partial_composite_is_marked_not_silent(write) -> None:
    result = _one_year(write, "  S3.2: {ekspor: '6,5'}\n")
    s32 = _ind(result, "S3.2")
    # scored on the filled component (6,5 / 8), but flagged as partial everywhere
    assert s32.status == "sebagian" and s32.capaian == approx(6.5 / 8 * 100)
    assert any("IKU309" in w and "impor" in w for w in result.peringatan)


def test_mean_counts_only_sasaran_with_a_figure(write) -> None:
    from ikutool.render.wording import mean_label

    result = _one_year(write, "  S1.2: 58\n  S2.1: 24\n")
    assert [s.capaian is not None for s in result.sasaran] == [True, True, False, False]
    assert mean_label(result) == "Capaian rata-rata 2 dari 4 sasaran"
    assert result.capaian == approx((58 / 60 * 100 + 24 / 25 * 100) / 2)


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        # "4.200" read the Indonesian way is 4200 against a 5 % target (84.000 %): the officer
        # meant 4,2 (84 %), a thousands-dot slip, not a target near zero
        ("  S3.4: '4.200'\n", "pemisah ribuan"),
        # a target of 2 % against 37.910 %: not a thousands slip (37,91 would be 1.895 %)
        ("  S3.3: 37910\n", "periksa satuan"),
    ],
)
def test_extreme_capaian_names_the_likely_cause(write, body, cause) -> None:
    result = _one_year(write, body)
    (warning,) = [w for w in result.peringatan if "IKU401" in w]
    assert cause in warning


def test_extreme_capaian_near_zero_target(write) -> None:
    from ikutool.compute.capaian import extreme_cause

    assert "terlalu dekat dengan nol" in extreme_cause(0.05, -37.91, -75820.0, {})
