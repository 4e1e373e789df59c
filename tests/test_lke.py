"""``iku lke``: the LKE pre-check on a workspace built with known gaps (tests/corpus/lke):
8 of 10 Renstra indicators in the PK, one target below last year's realisasi, realisasi for two
quarters only, three of ten indicators with a complete Manual IKU, S1 with unspent budget at
capaian 92 %, two of four recommendations tuntas. Every expected figure is worked by hand."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pytest import approx

CORPUS = Path(__file__).parent / "corpus" / "lke"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(CORPUS, root)
    monkeypatch.chdir(root)
    return root


def lke(iku_cli) -> dict:
    result = iku_cli("lke", "--tahun", "2020", "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def test_known_gaps_exactly(iku_cli, ws) -> None:
    data = lke(iku_cli)
    k = {c["id"]: c for c in data["kriteria"]}

    def items(id_: str) -> list[tuple[str | None, int | None, str | None]]:
        return [(t["berkas"], t["baris"], t["kode"]) for t in k[id_]["temuan"]]

    # 8 of the 10 indicators with a 2020 target are in the PK (daftar_lengkap: ya): 80 % -> b
    assert (k["pk_memuat_iku"]["rasio"], k["pk_memuat_iku"]["nilai"]) == (80, "b")
    target_line = line_of(ws / "pk" / "2020.yaml", "target:")
    assert items("pk_memuat_iku") == [
        ("pk/2020.yaml", target_line, "S1.5"),
        ("pk/2020.yaml", target_line, "S2.5"),
    ]
    # S2.5: target 2020 100 < realisasi 2019 120: the criterion scores 0; 9 of 10 are fine
    assert (k["target_menantang"]["rasio"], k["target_menantang"]["nilai"]) == (90, 0)
    s25 = line_of(ws / "iku.yaml", "kode: S2.5") + 2  # its target line
    assert items("target_menantang") == [("iku.yaml", s25, "S2.5")]
    # realisasi TW I-II of 4 quarters for every indicator: 20 of 40 = 50 % -> c
    assert (k["pengukuran_triwulan"]["rasio"], k["pengukuran_triwulan"]["nilai"]) == (50, "c")
    assert len(items("pengukuran_triwulan")) == 10
    real = ws / "realisasi" / "2020.yaml"
    assert items("pengukuran_triwulan")[0] == (
        "realisasi/2020.yaml",
        line_of(real, "S1.1:"),
        "S1.1",
    )
    # definisi, formula and sumber data on S1.1, S1.2, S2.1 only (S1.3 lacks a formula): 30 % -> d
    assert (k["manual_iku_lengkap"]["rasio"], k["manual_iku_lengkap"]["nilai"]) == (30, "d")
    assert [t[2] for t in items("manual_iku_lengkap")] == [
        "S1.3", "S1.4", "S1.5", "S2.2", "S2.3", "S2.4", "S2.5",
    ]  # fmt: skip
    assert items("manual_iku_lengkap")[0][:2] == (
        "iku.yaml",
        line_of(ws / "iku.yaml", "kode: S1.3"),
    )
    # S1: 90 of 100 juta spent at capaian (46 + 46) / 100 = 92 %: unspent budget below 100 -> 0
    assert (k["efisiensi_anggaran"]["rasio"], k["efisiensi_anggaran"]["nilai"]) == (50, 0)
    assert items("efisiensi_anggaran") == [
        ("program/2020.yaml", line_of(ws / "program" / "2020.yaml", "kode: P1"), "S1")
    ]
    assert "Rp 10.000.000" in k["efisiensi_anggaran"]["temuan"][0]["pesan"]
    assert "92,00 %" in k["efisiensi_anggaran"]["temuan"][0]["pesan"]
    # the last evaluation (of 2019): 2 of 4 tuntas -> 50 % -> c; the two others named, located
    assert (k["tindak_lanjut"]["rasio"], k["tindak_lanjut"]["nilai"]) == (50, "c")
    register = ws / "tindak-lanjut.yaml"
    assert items("tindak_lanjut") == [
        ("tindak-lanjut.yaml", line_of(register, "Mengukur capaian"), None),
        ("tindak-lanjut.yaml", line_of(register, "Menaikkan target"), None),
    ]
    # not a git workspace: the IKU's stability is undecided, and it says why
    assert not k["iku_stabil"]["dapat_dihitung"] and k["iku_stabil"]["nilai"] is None
    assert "git" in k["iku_stabil"]["temuan"][0]["pesan"]


def test_total_is_a_range_and_its_predikat(iku_cli, ws) -> None:
    data = lke(iku_cli)
    by = {c["id"]: c for c in data["kriteria"]}
    # Perencanaan/Kualitas (weight 30 x 30 % = 9): pk_memuat_iku b (0,75), target_menantang 0,
    # iku_stabil undecided, sasaran_berorientasi_hasil undecided -> 9 x (0,75 + 0 + 0 + 0) / 4
    # at the lowest and 9 x (0,75 + 0 + 1 + 1) / 4 at the highest
    per = next(c for c in data["komponen"] if c["id"] == "perencanaan")
    kual = next(s for s in per["sub"] if s["id"] == "kualitas")
    assert (kual["min"], kual["maks"]) == (approx(9 * 0.75 / 4), approx(9 * 2.75 / 4))
    assert by["sasaran_berorientasi_hasil"]["bukti"]
    # by hand, each sub-component = weight x mean of its criteria (undecided: 0 / 1):
    # Perencanaan: keberadaan 0..6; kualitas 1,6875..6,1875; pemanfaatan 0..15
    # Pengukuran: keberadaan 6 x (0,25 + 0|1) / 2 = 0,75..3,75; kualitas 9 x (0,5 + 0|1) / 2 =
    #   2,25..6,75; pemanfaatan 0..15
    # Pelaporan: keberadaan 3 x (c 0,5 [4 of 7 analyses] + 0|1) / 2 = 0,75..2,25; kualitas
    #   4,5 x (data_pembanding e 0 + efisiensi 0) / 2 = 0; pemanfaatan 0..7,5
    # Evaluasi: keberadaan 0..5; kualitas 0..7,5; pemanfaatan 12,5 x (0,5 + 0|1) / 2 =
    #   3,125..9,375
    # the decided criteria earn 8,5625 of their 24,25 points; the rest (75,75) is the range
    assert data["total"] == {
        "min": approx(8.5625),
        "maks": approx(84.3125),
        "dihitung": approx(8.5625),
        "dapat_dihitung": approx(100 - (84.3125 - 8.5625)),
    }
    # 8,56 is D (<= 30) and 84,31 is A (> 80): the range spans D to A
    assert data["predikat"] == ["D", "C", "CC", "B", "BB", "A"]
    assert "PERKIRAAN" in data["catatan"][0] and "bukan nilai resmi" in data["catatan"][0]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_iku_changes_counted_from_git(iku_cli, ws) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Uji", "-c", "user.email=u@contoh.invalid", *args],
                       cwd=ws, check=True, capture_output=True)  # fmt: skip

    git("init", "-q")
    git("add", "iku.yaml")
    git("commit", "-q", "-m", "IKU 2019", "--date=2019-01-05T08:00:00")
    iku = ws / "iku.yaml"
    for n, target in enumerate(("105 layanan", "108 layanan", "112 layanan"), 1):
        iku.write_text(iku.read_text("utf-8").replace(
            '2021: "110 layanan"}' if n == 1 else f'2021: "{("105 layanan", "108 layanan")[n - 2]}"}}',
            f'2021: "{target}"}}', 1), "utf-8")  # fmt: skip
        env = {"GIT_COMMITTER_DATE": f"2020-0{n}-10T08:00:00"}
        subprocess.run(["git", "-c", "user.name=Uji", "-c", "user.email=u@contoh.invalid",
                        "commit", "-q", "-am", f"Reviu {n}", f"--date=2020-0{n}-10T08:00:00"],
                       cwd=ws, check=True, capture_output=True, env={**__import__("os").environ, **env})  # fmt: skip
    k = {c["id"]: c for c in lke(iku_cli)["kriteria"]}["iku_stabil"]
    # three versions changed the IKU within 2019-2021: c (at most once is a)
    assert k["dapat_dihitung"] and k["nilai"] == "c" and len(k["temuan"]) == 3


def test_formats_and_worksheets(iku_cli, ws) -> None:
    md = iku_cli("lke", "--tahun", "2020", "-f", "markdown")
    assert md.exit_code == 0 and "PERKIRAAN" in md.stdout and "pk_memuat_iku" not in md.stdout
    out = ws / "lke.xlsx"
    assert iku_cli("lke", "--tahun", "2020", "-f", "xlsx", "--out", str(out)).exit_code == 0
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert {"KKE-1", "KKE-3", "KKE-5", "KKE-6"} <= set(wb.sheetnames)
    kke1 = [[c.value for c in row] for row in wb["KKE-1"].iter_rows()]
    s25 = next(r for r in kke1 if r[2] and str(r[2]).startswith("S2.5"))
    assert s25[9] == "tidak" and s25[8] == "ya"  # not challenging; time-bound
    s11 = next(r for r in kke1 if r[2] and str(r[2]).startswith("S1.1"))
    assert s11[5] == "ya" and s11[9] == "ya"  # measurable (a formula), challenging
    kke6 = [c.value for row in wb["KKE-6"].iter_rows() for c in row]
    assert "Tuntas" in kke6 and "Menaikkan target yang di bawah realisasi" in kke6
    for sheet in ("KKE-1", "KKE-3", "KKE-5", "KKE-6"):  # worksheets carry no file path or key
        text = " ".join(str(c.value) for row in wb[sheet].iter_rows() for c in row if c.value)
        assert ".yaml" not in text and "ikutool" not in text
    html = ws / "lke.html"
    assert iku_cli("lke", "--tahun", "2020", "-f", "html", "--out", str(html)).exit_code == 0
    assert "<script" not in html.read_text("utf-8")
    assert iku_cli("lke", "--tahun", "2020", "-f", "xlsx").exit_code == 2  # needs --out


def test_a_bad_register_is_located(iku_cli, ws) -> None:
    (ws / "tindak-lanjut.yaml").write_text(
        "evaluasi:\n  - tahun: 2019\n    rekomendasi:\n      - uraian: X\n        status: Selesai\n",
        "utf-8",
    )
    result = iku_cli("lke", "--tahun", "2020")
    assert result.exit_code == 1 and "tindak-lanjut.yaml:5:17" in result.output
    assert "Traceback" not in result.output
