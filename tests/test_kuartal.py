"""The quarter as officers live it (issue 25), worked by hand on tests/corpus/kuartal: a count
(kumulatif), a percentage (akhir), an index (rata_rata), an annual percentage and an annual
predikat, TW I-IV, with a PK perubahan on 14 August 2026 (S1.1 120 -> 100 UMKM, S1.2 80 -> 75 %).

Rencana aksi: S1.1 20, 30, 20, 30 UMKM; S1.2 60, 65, 70, 75 %; S1.3 3,4, 3,5, 3,5, 3,6 poin;
S2.1 TW IV 90 %; S2.2 TW IV BB. Realisasi: S1.1 20, 25, 30, 35; S1.2 58, 66, 71, 76; S1.3 3,3,
3,5, 3,6, 3,7; S2.1 TW IV 88,5; S2.2 BB (the year's one value)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pytest import approx

CORPUS = Path(__file__).parent / "corpus" / "kuartal"

# per quarter, per indicator: (capaian TW, target s.d. TW, realisasi s.d. TW, capaian s.d. TW
# against the plan, progress toward the year's target)
BY_HAND = {
    "I": {
        # the PK in force on 31 March: 120 UMKM, and the Renstra's 80 % for S1.2
        "S1.1": (20 / 20 * 100, 20, 20, 100, 20 / 120 * 100),
        "S1.2": (58 / 60 * 100, 60, 58, 58 / 60 * 100, 58 / 80 * 100),
        "S1.3": (3.3 / 3.4 * 100, 3.4, 3.3, 3.3 / 3.4 * 100, 3.3 / 3.5 * 100),
        "S2.1": (None, None, None, None, None),  # annual: judged at TW IV
        "S2.2": (None, None, None, None, None),
    },
    "III": {
        # the PK perubahan in force on 30 September: 100 UMKM, 75 %
        "S1.1": (30 / 20 * 100, 70, 75, 75 / 70 * 100, 75 / 100 * 100),
        "S1.2": (71 / 70 * 100, 70, 71, 71 / 70 * 100, 71 / 75 * 100),
        "S1.3": (3.6 / 3.5 * 100, 10.4 / 3, 10.4 / 3, 100, 10.4 / 3 / 3.5 * 100),
        "S2.1": (None, None, None, None, None),
        "S2.2": (None, None, None, None, None),
    },
    "IV": {
        "S1.1": (35 / 30 * 100, 100, 110, 110, 110),
        "S1.2": (76 / 75 * 100, 75, 76, 76 / 75 * 100, 76 / 75 * 100),
        "S1.3": (3.7 / 3.6 * 100, 3.5, 3.525, 3.525 / 3.5 * 100, 3.525 / 3.5 * 100),
        "S2.1": (88.5 / 90 * 100, 90, 88.5, 88.5 / 90 * 100, 88.5 / 90 * 100),
        "S2.2": (100, 5, 5, 100, 100),  # BB is rank 5 of D, C, CC, B, BB, A, AA
    },
}


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "kab" / "dinas"
    shutil.copytree(CORPUS, root)
    monkeypatch.chdir(root)
    return root


def report(iku_cli, tw: str) -> dict:
    result = iku_cli("triwulan", "--tahun", "2026", "--tw", tw, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def figures(row: dict) -> tuple:
    return tuple(
        row[k]
        for k in ("capaian_tw", "target_sd_tw", "realisasi_sd_tw", "capaian_sd_tw", "progres_tahun")
    )


@pytest.mark.parametrize("tw", ["I", "III", "IV"])
def test_every_figure_of_the_quarter_by_hand(iku_cli, ws, tw: str) -> None:
    data = report(iku_cli, tw)
    got = {i["kode"]: figures(i) for i in data["indikator"]}
    for kode, want in BY_HAND[tw].items():
        assert got[kode] == approx(want, nan_ok=False), (tw, kode)
    # on plan or above in every quarter: graded on the plan, never "Sangat Rendah" in April
    graded = {i["kode"]: (i["kategori"], i["dasar_kategori"]) for i in data["indikator"]}
    assert graded["S1.1"] == ("Sangat Tinggi", "rencana aksi")
    # sasaran: the mean of its indicators with a figure; the agency: of its sasaran
    plan = [BY_HAND[tw][k][3] for k in ("S1.1", "S1.2", "S1.3")]
    s1 = {s["kode"]: s for s in data["sasaran"]}["S1"]
    assert s1["capaian_sd_tw"] == approx(sum(plan) / 3)
    year = [BY_HAND[tw][k][4] for k in ("S1.1", "S1.2", "S1.3")]
    assert s1["progres_tahun"] == approx(sum(year) / 3)


def test_annual_indicators_are_annual(iku_cli, ws) -> None:
    tw1 = report(iku_cli, "I")
    s2 = {s["kode"]: s for s in tw1["sasaran"]}["S2"]
    assert s2["capaian_sd_tw"] is None and s2["kategori"] is None  # nothing to judge in April
    assert all(i["tahunan_belum"] for i in tw1["indikator"] if i["sasaran"] == "S2")
    md = iku_cli("triwulan", "--tahun", "2026", "--tw", "1", "-f", "markdown").stdout
    assert "Diukur tahunan (dinilai pada TW IV, tidak masuk rata-rata TW I): S2.1, S2.2." in md
    # the year: TW IV alone is the complete year of an annual indicator (no "s.d. TW IV", no
    # IKU320), in every document
    cap = iku_cli("capaian", "--tahun", "2026")
    assert cap.exit_code == 0 and "IKU320" not in cap.stderr
    assert "s.d. TW" not in iku_cli("capaian", "--tahun", "2026", "-f", "markdown").stdout
    lkjip = iku_cli("lkjip", "--tahun", "2026", "-f", "markdown").stdout
    assert "s.d. TW IV" not in lkjip
    assert iku_cli("validate").exit_code == 0
    # the rencana aksi of an annual indicator needs only TW IV (no IKU319, no IKU321)
    assert "IKU319" not in iku_cli("validate").stdout
    # the LKE's quarterly-measurement criterion does not count them: 3 indicators x 4 quarters,
    # realisasi and rencana aksi alike, all filled
    lke = json.loads(iku_cli("lke", "--tahun", "2026", "-f", "json").stdout)
    (k4,) = [k for k in lke["kriteria"] if k["id"] == "pengukuran_triwulan"]
    assert k4["rasio"] == 100 and k4["temuan"] == []


def test_a_quarter_is_measured_against_the_pk_in_force_then(iku_cli, ws) -> None:
    tw1 = report(iku_cli, "I")
    s11 = next(i for i in tw1["indikator"] if i["kode"] == "S1.1")
    assert s11["target_tahun"] == 120  # the PK as signed; the perubahan came in August
    assert tw1["pk_berlaku"].startswith(
        "Target tahunan menurut PK awal (ditandatangani 15 Januari 2026)"
    )
    assert "PK perubahan 14 Agustus 2026 berlaku sesudahnya" in tw1["pk_berlaku"]
    tw3 = report(iku_cli, "III")
    assert next(i for i in tw3["indikator"] if i["kode"] == "S1.1")["target_tahun"] == 100
    assert tw3["pk_berlaku"].startswith("Target tahunan menurut PK perubahan 14 Agustus 2026")
    # the year's capaian uses the latest PK, as before
    year = json.loads(iku_cli("capaian", "--tahun", "2026", "-f", "json").stdout)
    ind = {i["kode"]: i for s in year["sasaran"] for i in s["indikator"]}
    assert ind["S1.1"]["capaian"] == approx(110)


@pytest.mark.parametrize("tw", ["I", "III", "IV"])
def test_the_roll_up_shows_the_agency_s_own_quarter(iku_cli, ws, tw: str) -> None:
    own = report(iku_cli, tw)
    result = iku_cli("rekap", str(ws.parent), "--tahun", "2026", "--tw", tw, "-f", "json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)["baris"]
    assert (row["capaian_tw"], row["capaian_sd_tw"], row["progres_tahun"]) == (
        own["capaian_tw"],
        own["capaian_sd_tw"],
        own["progres_tahun"],
    )
    assert row["kategori"] == own["kategori"] == "Sangat Tinggi"


def test_without_a_rencana_aksi_nothing_is_graded_against_a_plan(iku_cli, ws) -> None:
    (ws / "renaksi" / "2026.yaml").unlink()
    tw2 = report(iku_cli, "II")
    assert tw2["capaian_sd_tw"] is None and tw2["kategori"] is None
    assert all(i["kategori"] is None for i in tw2["indikator"])
    s11 = next(i for i in tw2["indikator"] if i["kode"] == "S1.1")
    assert s11["progres_tahun"] == approx(45 / 120 * 100)  # shown, never graded before TW IV
    md = iku_cli("triwulan", "--tahun", "2026", "--tw", "2", "-f", "markdown").stdout
    assert "Rencana aksi tahun 2026 belum ada" in md
    tw4 = report(iku_cli, "IV")  # at TW IV the year's capaian is graded, and says on what
    assert tw4["dasar_kategori"] == "target tahunan" and tw4["kategori"] is not None


def test_a_predikat_quarter_target_is_ranked_not_a_traceback(iku_cli, ws) -> None:
    # issue 25: {IV: "BB"} had rank 0 and crashed triwulan --tw 4 (ZeroDivisionError), and rekap
    # --tw 4 failed for every agency; validate said "TW IV 0 = 0"
    assert report(iku_cli, "IV")["indikator"][4]["capaian_sd_tw"] == 100
    assert "0 = 0" not in iku_cli("validate").output


def test_a_partial_year_is_said_in_the_roll_up(iku_cli, ws) -> None:
    path = ws / "realisasi" / "2026.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: final", "status: sementara")
    text = text.replace(", III: 30, IV: 35}", "}").replace(", III: 71, IV: 76}", "}")
    text = text.replace(', III: "3,6", IV: "3,7"}', "}")
    path.write_text(text, encoding="utf-8")
    result = iku_cli("rekap", str(ws.parent), "--tahun", "2026", "-f", "json")
    (row,) = json.loads(result.stdout)["baris"]
    (year,) = row["tahun"]
    assert year["sd_triwulan"] == "II" and "2026 baru s.d. TW II" in row["kurang"]
    table = iku_cli("rekap", str(ws.parent), "--tahun", "2026", "-f", "markdown").stdout
    assert "(s.d. TW II)" in table and "lengkap" not in table
    tw3 = iku_cli("rekap", str(ws.parent), "--tahun", "2026", "--tw", "3", "-f", "json").stdout
    (q,) = json.loads(tw3)["baris"]
    assert q["sd_triwulan"] == "II"
    md = iku_cli("rekap", str(ws.parent), "--tahun", "2026", "--tw", "3", "-f", "markdown").stdout
    assert "(s.d. TW II)" in md
