"""The year's money by one rule in every document (ikutool/model/uang.py, ikutool/compute/money.py):
a program's Rp is its own where written, else its kegiatan's; a sum with an empty member stays
empty and names it; a pagu counts with or without realisasi, and a pagu without realisasi is said.
Figures worked by hand below."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ikutool.model.uang import Uang

CORPUS = Path(__file__).parent / "corpus" / "triwulan"

PROGRAM = """\
tahun: 2020
program:
  - kode: P1
    nama: Program Tanpa Uang Sendiri
    sasaran: S1
    kegiatan:
      - kode: P1.01
        nama: Kegiatan Satu
        pagu: "Rp 400.000.000"
        realisasi_rp: {I: "Rp 50.000.000", II: "Rp 100.000.000"}
      - kode: P1.02
        nama: Kegiatan Dua
        pagu: "Rp 600.000.000"
        realisasi_rp: {I: "Rp 60.000.000"}
  - kode: P2
    nama: Program Belum Melapor
    sasaran: S1
    pagu: "Rp 500.000.000"
  - kode: P3
    nama: Program Lengkap
    sasaran: S2
    pagu: "Rp 200.000.000"
    realisasi_rp: {I: "Rp 20.000.000", II: "Rp 30.000.000", III: "Rp 50.000.000", IV: "Rp 50.000.000"}
"""


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(CORPUS, root)
    (root / "program" / "2020.yaml").write_text(PROGRAM, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def run_json(iku_cli, *args: str) -> dict:
    result = iku_cli(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_rule_on_one_node() -> None:
    a = Uang(pagu=400, realisasi_tw={"I": 50, "II": 100})
    b = Uang(pagu=600, realisasi_tw={"I": 60})
    program = Uang(bagian=[("Satu", a), ("Dua", b)])
    assert program.field("pagu") == 1000
    assert program.quarter("I") == 110
    assert program.quarter("II") is None and program.kurang_quarter("II") == ("Dua",)
    assert program.sd("II") == 210  # each kegiatan's own year so far: 150 + 60
    # a program whose pagu is larger than its kegiatan's: they are not the whole of it
    partial = Uang(pagu=2000, bagian=[("Satu", a), ("Dua", b)])
    assert partial.quarter("I") is None and partial.sd("IV") is None
    assert partial.field("sd_tahun_lalu") is None


def test_a_program_without_money_of_its_own_never_sums_part_of_its_kegiatan(iku_cli, ws) -> None:
    # issue 24: TW II of P1 was 100.000.000 (Kegiatan Satu only): a partial sum as the whole
    rows = {
        r["kode"]: r for r in run_json(iku_cli, "evaluasi", "renja", "--tahun", "2020")["baris"]
    }
    p1 = rows["P1"]["kolom"]
    assert p1["7"]["rp"] == 1_000_000_000 and p1["8"]["rp"] == 110_000_000
    assert p1["9"]["rp"] is None
    assert "Kegiatan Dua (TW II)" in rows["P1"]["catatan"]
    assert p1["12"]["rp"] == 210_000_000
    tw = run_json(iku_cli, "triwulan", "--tahun", "2020", "--tw", "2")
    (p1_tw,) = [p for p in tw["program"] if p["kode"] == "P1"]
    assert p1_tw["realisasi_rp_tw"] is None and p1_tw["realisasi_rp_sd_tw"] == 210_000_000


def test_a_sasaran_with_a_pagu_without_realisasi_is_the_same_in_every_document(iku_cli, ws) -> None:
    # issue 24: 25 % in E.80 and the LKjIP (P2 dropped, pagu included), 10 % in the quarterly
    # report (P1's realisasi over both pagu), empty in E.81. By hand: pagu S1 = 1.000.000.000 +
    # 500.000.000; realisasi: P2 has none, so the sum stays empty and P2 is named.
    e81 = {r["kode"]: r for r in run_json(iku_cli, "evaluasi", "renja", "--tahun", "2020")["baris"]}
    assert e81["S1"]["kolom"]["7"]["rp"] == 1_500_000_000
    assert e81["S1"]["kolom"]["12"]["rp"] is None
    assert e81["S2"]["kolom"]["12"]["rp"] == 150_000_000

    lkjip = run_json(iku_cli, "lkjip", "--tahun", "2020")
    sas = {s["kode"]: s for s in lkjip["sasaran"]}
    s1 = sas["S1"]["anggaran"]
    assert (s1["pagu"], s1["realisasi"], s1["serapan"]) == (1_500_000_000, None, None)
    assert s1["kurang"] == ["pagu tanpa realisasi: Program Belum Melapor"]
    s2 = sas["S2"]["anggaran"]
    assert (s2["pagu"], s2["realisasi"], s2["serapan"]) == (200_000_000, 150_000_000, 75.0)

    e80 = run_json(iku_cli, "evaluasi", "renstra", "--sampai", "2020")
    rows = {r["kode"]: r for r in e80["baris"] if r["jenis"] == "sasaran"}
    assert rows["S1"]["tahun"]["2020"]["rp"] is None and rows["S1"]["sd"]["rp"] is None
    assert any("realisasi tahun 2020 belum lengkap" in n for n in rows["S1"]["catatan"])
    assert rows["S2"]["tahun"]["2020"]["rp"] == 150_000_000

    tw4 = run_json(iku_cli, "triwulan", "--tahun", "2020", "--tw", "4")
    assert tw4["pagu"] == 1_700_000_000
    assert tw4["realisasi_rp_sd_tw"] is None and tw4["serapan_sd_tw"] is None
