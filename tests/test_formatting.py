"""What a person reads (ikutool/formatting/values.py): a target or realisasi exactly as its form
writes it, money always "Rp 1.234.567", one missing mark, in every document. Cases from
tests/corpus/bentuk (a workspace with every target form)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ikutool.formatting.values import MISSING, besaran, persen, rupiah

BENTUK = Path(__file__).parent / "corpus" / "bentuk"


@pytest.fixture
def bentuk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "bentuk"
    shutil.copytree(BENTUK, root)
    (root / "ikutool.yaml").write_text("iku: iku.yaml\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def row(markdown: str, kode: str) -> list[str]:
    line = next(ln for ln in markdown.splitlines() if f" {kode} " in ln)
    return [c.strip() for c in line.strip("|").split("|")]


def test_one_way_for_each_figure() -> None:
    assert rupiah(1_150_000_000) == "Rp 1.150.000.000"
    assert rupiah(1_150_000_000, unit=False) == "1.150.000.000"
    assert rupiah(1_234.5) == "Rp 1.234,50"
    assert persen(91.6666) == "91,67 %" and persen(91.6666, unit=False) == "91,67"
    assert besaran(4, "predikat", jenis="predikat", skala=["D", "C", "CC", "B"]) == "B"
    assert besaran(24, "", jenis="rasio") == "1:24"
    assert besaran(6e9, "Rp", jenis="rupiah") == "Rp 6.000.000.000"
    assert besaran(2750, "UMKM") == "2.750 UMKM" and besaran(7.14, "%") == "7,14 %"
    assert {rupiah(None), persen(None), besaran(None, "%")} == {MISSING}


def test_e80_end_targets_read_as_written(iku_cli, bentuk) -> None:
    # issue 24: E.80 printed A as "6 predikat", Rp 6 miliar as "6.000.000.000 Rp", maksimal 3 hari
    # as "3 hari" and a composite without its component names
    out = iku_cli("evaluasi", "--sampai", "2019", "-f", "markdown").stdout
    # the form's columns: 1-4, 5 kondisi awal, 6 target akhir (K, Rp), 7 2019 (K, Rp), ...
    assert row(out, "S1.2")[5] == "≤ 4 hari"
    assert [row(out, "S1.5")[i] for i in (5, 7)] == ["Rp 12 juta", "Rp 1.200.000.000"]
    assert [row(out, "A1.2")[i] for i in (5, 7)] == ["AA", "B"]
    assert [row(out, "S1.6")[i] for i in (5, 7)] == ["WTP", "WDP"]


def test_report_and_triwulan_show_predikat_and_rupiah_in_their_form(iku_cli, bentuk) -> None:
    # issue 24: iku report showed "4 predikat" and "49.920.000.000 Rp"; triwulan "1.150.000.000 Rp"
    report = iku_cli("report", "-f", "markdown").stdout
    assert row(report, "A1.2")[2:4] == ["BB", "B"]
    assert row(report, "S1.5")[2:4] == ["Rp 1,5 miliar", "Rp 1.200.000.000"]
    assert "predikat |" not in report and " Rp |" not in report
    tw = iku_cli("triwulan", "--tahun", "2019", "--tw", "4", "-f", "markdown").stdout
    assert row(tw, "S1.5")[6] == "Rp 1.200.000.000" and row(tw, "A1.2")[6] == "B"


def test_the_note_in_parentheses_stays_with_the_target(iku_cli, bentuk) -> None:
    # issue 24: the capaian table printed "12" for "12 Puskesmas (Rp 1,5 M)"
    out = iku_cli("capaian", "--tahun", "2019", "-f", "markdown").stdout
    assert row(out, "S1.7")[4] == "12 (Rp 1,5 M)"
    table = iku_cli("capaian", "--tahun", "2019").stdout
    assert "12 (Rp 1,5 M)" in table
