"""Proyeksi to the end-of-Renstra target: docs/domain.md's rule, each label worked by hand."""

from __future__ import annotations

import pytest

from ikutool.compute.proyeksi import proyeksi_komponen

approx = pytest.approx


@pytest.mark.parametrize(
    ("series", "end", "low", "high", "polaritas", "status", "observed", "needed"),
    [
        # S1.2 of the sample: 52 (2017) -> 58 (2019), 60 by 2021: +3/yr observed, +1/yr needed
        ({2017: 52, 2018: 104, 2019: 58}, 2021, 60, None, "positif", "sesuai jalur", 3.0, 1.0),
        # 21 -> 24 in two years (+1,5/yr), 30 by 2021 needs +3/yr: r = 0,5
        ({2017: 21, 2018: 23, 2019: 24}, 2021, 30, None, "positif", "perlu percepatan", 1.5, 3.0),
        # 10 -> 9 while 15 is the goal: moving away
        ({2018: 10, 2019: 9}, 2021, 15, None, "positif", "menjauh dari target", -1.0, 3.0),
        # already there
        ({2018: 10, 2019: 16}, 2021, 15, None, "positif", "tercapai", None, None),
        # one year of data, below target
        ({2019: 9}, 2021, 15, None, "positif", "data belum cukup", None, None),
        # the period is over and the target was not reached
        ({2020: 9, 2021: 12}, 2021, 15, None, "positif", "tidak tercapai", 3.0, None),
        # negative polarity: 12 -> 10 (down 1/yr), 8 by 2021 needs down 1/yr: r = 1
        ({2017: 12, 2019: 10}, 2021, 8, None, "negatif", "sesuai jalur", -1.0, -1.0),
        ({2017: 12, 2019: 8}, 2021, 8, None, "negatif", "tercapai", None, None),
        # a range end target is approached at its nearer bound: 70 -> 75, lower bound 80
        ({2018: 70, 2019: 75}, 2021, 80, 90, "positif", "sesuai jalur", 5.0, 2.5),
        # negative range 7-8 bulan: 10 -> 9, upper bound 8: needs -0,5/yr, observed -1/yr
        ({2018: 10, 2019: 9}, 2021, 7, 8, "negatif", "sesuai jalur", -1.0, -0.5),
    ],
)
def test_labels(series, end, low, high, polaritas, status, observed, needed) -> None:
    p = proyeksi_komponen("x", series, end, low, high, polaritas)
    assert p.status == status
    assert p.laju_teramati == (approx(observed) if observed is not None else None)
    assert p.laju_diperlukan == (approx(needed) if needed is not None else None)
    if observed is not None and needed is not None:
        assert p.rasio == approx(observed / needed)


def test_composite_takes_its_worst_component(bundled, samples) -> None:
    from ikutool.inputs.realisasi import load_realisasi_dir
    from ikutool.reports.laporan import build_report

    data = load_realisasi_dir(samples, bundled.iku, [2017, 2018, 2019])
    rep = build_report(bundled.iku, data, [2017, 2018, 2019])
    s32 = next(i for s in rep.sasaran for i in s.indikator if i.kode == "S3.2")
    assert s32.proyeksi is not None
    by_key = {c.kunci: c.status for c in s32.proyeksi.komponen}
    assert by_key == {"ekspor": "perlu percepatan", "impor": "tercapai"}
    assert s32.proyeksi.status == "perlu percepatan"
    # S1.1: components without two years of data are left out of the judgement
    s11 = next(i for s in rep.sasaran for i in s.indikator if i.kode == "S1.1")
    assert s11.proyeksi.status == "menjauh dari target"


def test_a_period_that_is_over_is_judged_with_one_year_of_data() -> None:
    # issue 15 (13): with no year left there is nothing to project: reached or not
    assert proyeksi_komponen("x", {2021: 9}, 2021, 15, None, "positif").status == "tidak tercapai"
    assert proyeksi_komponen("x", {2021: 15}, 2021, 15, None, "positif").status == "tercapai"


def test_components_left_out_of_the_label_are_named(bundled) -> None:
    # issue 15 (9): S1.1's end target has a "Buku" component with no realisasi at all, and
    # one with a single year: the label comes from the others, and says so
    from ikutool.compute.proyeksi import proyeksi_indikator

    ind = bundled.iku.find_indikator("S1.1")
    series = {
        2018: {"sertifikasi_usaha_mikro": 90.0},
        2019: {"sertifikasi_usaha_mikro": 85.0, "kop_ksp_usp_umkm": 9.0},
    }
    p = proyeksi_indikator(ind, series, 2021, 2019)
    assert p.status == "menjauh dari target"
    assert any("Buku: belum ada realisasinya" in n for n in p.catatan)
    assert any("Kop/KSP/USP/UMKM: realisasinya baru satu tahun" in n for n in p.catatan)
    # a component whose latest realisasi is older than the year reported is said to be
    p = proyeksi_indikator(
        ind,
        {2017: {"sertifikasi_usaha_mikro": 80.0}, 2018: {"sertifikasi_usaha_mikro": 90.0}},
        2021,
        2019,
    )
    assert any("dinilai dari realisasi 2018" in n for n in p.catatan)
