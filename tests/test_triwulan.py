"""The quarter (issue 18): rencana aksi and program files read and checked, located; the quarterly
report against a hand computation for each quarter rule; the rencana aksi template.

The workspace is tests/corpus/triwulan: S1.1 a count (kumulatif by default), S1.2 a percentage
(``akhir``), S2.1 an index (``rata_rata``); realisasi TW I-II of 2020; a rencana aksi; two
programs with a kegiatan. Every expected figure is worked by hand beside it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pytest import approx

CORPUS = Path(__file__).parent / "corpus" / "triwulan"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(CORPUS, root)
    monkeypatch.chdir(root)
    return root


def errors(result) -> list[str]:
    return re.findall(r"^(\S+:\d+:\d+): (galat|peringatan) (IKU\d+)", result.output, re.M)


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_quarterly_report_by_hand(iku_cli, ws) -> None:
    result = iku_cli("triwulan", "--tahun", "2020", "--tw", "2", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ind = {i["kode"]: i for i in data["indikator"]}
    # S1.1 count, kumulatif: TW II 50 / 40 = 125 %; s.d. TW II: realisasi 30 + 50 = 80 against
    # the plan 40 + 40 = 80 = 100 % (on plan); toward the year 80 / 160 = 50 % (not graded)
    s11 = ind["S1.1"]
    assert (s11["target_tw"], s11["realisasi_tw"], s11["capaian_tw"]) == (40, 50, 125)
    assert (s11["target_sd_tw"], s11["realisasi_sd_tw"], s11["capaian_sd_tw"]) == (80, 80, 100)
    assert (s11["target_tahun"], s11["progres_tahun"]) == (160, 50)
    assert s11["aturan_triwulan"] == "kumulatif"
    assert (s11["kategori"], s11["dasar_kategori"]) == ("Sangat Tinggi", "rencana aksi")
    # S1.2 percentage, akhir: TW II 45 / 40 = 112,5 %; s.d. TW II = 45 (the last, never 20 + 45)
    # against the plan's last, 40 = 112,5 %; toward the year's 80 = 56,25 %
    s12 = ind["S1.2"]
    assert (s12["capaian_tw"], s12["target_sd_tw"], s12["realisasi_sd_tw"]) == (112.5, 40, 45)
    assert (s12["capaian_sd_tw"], s12["progres_tahun"]) == (112.5, 56.25)
    assert s12["aturan_triwulan"] == "akhir"
    # S2.1 index, rata_rata: TW II 3,4 / 3,2 = 106,25 %; s.d. (3,0 + 3,4) / 2 = 3,2 against the
    # plan's mean 3,2 = 100 %, and against the year's 3,2 = 100 %
    s21 = ind["S2.1"]
    assert s21["capaian_tw"] == approx(106.25)
    assert (s21["realisasi_sd_tw"], s21["target_sd_tw"]) == (approx(3.2), approx(3.2))
    assert (s21["capaian_sd_tw"], s21["progres_tahun"]) == (100, 100)
    assert s21["aturan_triwulan"] == "rata_rata"
    # sasaran S1: (125 + 112,5) / 2 = 118,75 (TW II); (100 + 112,5) / 2 = 106,25 (s.d. TW II
    # against the plan); (50 + 56,25) / 2 = 53,125 (toward the year); agency over 2 sasaran
    sas = {s["kode"]: s for s in data["sasaran"]}
    assert (sas["S1"]["capaian_tw"], sas["S1"]["capaian_sd_tw"]) == (118.75, 106.25)
    assert sas["S1"]["progres_tahun"] == 53.125
    assert data["capaian_sd_tw"] == approx((106.25 + 100) / 2)
    assert data["progres_tahun"] == approx((53.125 + 100) / 2)
    assert data["kategori"] == "Sangat Tinggi"
    # money s.d. TW II: P1 100 + 250 = 350 juta of 1 miliar = 35 %; P2 80 + 120 = 200 of 500 = 40 %
    prog = {p["kode"]: p for p in data["program"]}
    assert (prog["P1"]["realisasi_rp_sd_tw"], prog["P1"]["serapan_sd_tw"]) == (350e6, 35)
    assert (prog["P2"]["realisasi_rp_sd_tw"], prog["P2"]["serapan_sd_tw"]) == (200e6, 40)
    assert data["serapan_sd_tw"] == approx(550 / 1500 * 100)
    # the officer's words placed, never invented
    assert ind["S1.1"]["aksi"] == "Pelatihan UMKM angkatan II"
    assert ind["S1.2"]["catatan"] == "Bank mitra menunda penyaluran KUR"
    assert ind["S2.1"]["catatan"] is None


def test_every_format_shows_the_same_figures(iku_cli, ws) -> None:
    md = iku_cli("triwulan", "--tahun", "2020", "--tw", "II", "-f", "markdown")
    assert md.exit_code == 0, md.output
    text = md.stdout
    assert "| 40 UMKM | 50 UMKM | 125,00 | 80 UMKM | 80 UMKM | 100,00 | 160 UMKM | 50,00 |" in text
    assert "56,25" in text and "106,25" in text
    assert "**\\[diisi: kendala dan tindak lanjut TW II\\]**" in text  # a gap, not invented
    assert "Catatan: realisasi tahun 2020 berstatus SEMENTARA" in text
    csv = iku_cli("triwulan", "--tahun", "2020", "--tw", "2", "-f", "csv")
    rows = [line.split(",") for line in csv.stdout.splitlines()]
    head = rows[0]
    s11 = next(r for r in rows if r[head.index("kode")] == "S1.1")
    assert s11[head.index("capaian_sd_tw")] == "100.0"
    assert s11[head.index("progres_tahun")] == "50.0"
    for fmt in ("xlsx", "docx"):
        out = ws / f"tw.{fmt}"
        result = iku_cli("triwulan", "--tahun", "2020", "--tw", "2", "-f", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    wb = load_workbook(ws / "tw.xlsx")
    values = [c.value for row in wb["Tabel 1"].iter_rows() for c in row]
    assert 56.25 in values and "80 UMKM" in values  # a figure is a number, a quantity text
    import docx

    doc = docx.Document(str(ws / "tw.docx"))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "56,25" in cells and "Tabel" not in doc.core_properties.comments
    assert not any("ikutool" in c or "IKU3" in c for c in cells)


def test_a_quarter_without_figures_is_said_not_filled(iku_cli, ws) -> None:
    data = json.loads(iku_cli("triwulan", "--tahun", "2020", "--tw", "3", "-f", "json").stdout)
    s11 = next(i for i in data["indikator"] if i["kode"] == "S1.1")
    # TW III not reported: no TW figure; s.d. TW III still 80, and it says it reaches TW II only
    assert s11["realisasi_tw"] is None and s11["capaian_tw"] is None
    assert s11["realisasi_sd_tw"] == 80 and s11["komponen"][0]["sd_triwulan"] == "II"
    md = iku_cli("triwulan", "--tahun", "2020", "--tw", "3", "-f", "markdown").stdout
    assert "80 UMKM (s.d. TW II)" in md


@pytest.mark.parametrize("tw", ["5", "V", "0", "tw"])
def test_a_quarter_that_does_not_exist_is_a_usage_error(iku_cli, ws, tw) -> None:
    result = iku_cli("triwulan", "--tahun", "2020", "--tw", tw)
    assert result.exit_code == 2 and "IKU501" in result.output and "Traceback" not in result.output


RENAKSI_ERRORS = [
    # (what is written, code, line, column, words in the message)
    ('  S1.1: {I: "40 UMKM", II: "40 UMKM", III: "40 UMKM", IV: "30 UMKM"}\n', "IKU321", 3, 3,
     "40 + 40 + 40 + 30 = 150"),
    ('  S1.2: {I: "20 %", IV: "75 %"}\n', "IKU321", 3, 3, "TW IV 75"),
    ('  S1.1: {I: "40 UMKM", V: "40 UMKM"}\n', "IKU302", 3, 24, "triwulan 'V' tidak ada"),
    ('  S9.1: {I: "40 UMKM"}\n', "IKU301", 3, 3, "tidak ada di IKU"),
    ('  S1.1: {I: "40 UMKM dan 3 Kop"}\n', "IKU210", 3, 13, "komponen target triwulan"),
    ('  S1.1: {I: "empat puluh"}\n', "IKU210", 3, 13, "komponen target triwulan"),
    ('  S1.1: {I: "40", 2: "40", II: "40"}\n', "IKU104", 3, 28, "dua kali"),
    ('  S1.1: {I: "40 %"}\n', "IKU210", 3, 13, "komponen target triwulan"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "code", "row", "col", "words"), RENAKSI_ERRORS)
def test_bad_renaksi_is_located(iku_cli, ws, line, code, row, col, words) -> None:
    (ws / "renaksi" / "2020.yaml").write_text(f"tahun: 2020\ntarget:\n{line}", encoding="utf-8")
    before = snapshot(ws)
    result = iku_cli("validate", "renaksi/2020.yaml")
    assert (f"renaksi/2020.yaml:{row}:{col}", *_kind(code), code) in errors(result), result.output
    assert words in result.output
    report = iku_cli("triwulan", "--tahun", "2020", "--tw", "2")
    assert "Traceback" not in report.output
    assert report.exit_code == (0 if code == "IKU321" else 1)
    assert snapshot(ws) == before  # nothing written


def _kind(code: str) -> tuple[str]:
    return ("peringatan",) if code in ("IKU321", "IKU252") else ("galat",)


PROGRAM_ERRORS = [
    ("sasaran: S1", "sasaran: S9", "IKU301", "sasaran 'S9' yang tidak ada"),
    ('pagu: "Rp 1.000.000.000"', 'pagu: "1,5 M"', "IKU203", "Rp 1,5 miliar"),
    ('pagu: "Rp 1.000.000.000"', "pagu: 950.000", "IKU303", "tanpa tanda kutip"),
    ('{I: "Rp 100.000.000",', '{V: "Rp 100.000.000",', "IKU302", "triwulan 'V' tidak ada"),
    ("kode: P1.01\n", "kode: P1\n", "IKU205", "sudah dipakai"),
    ("        agregasi_triwulan: akhir\n", "", "IKU319", "tidak boleh dijumlah"),
    ('realisasi: {I: "40 UMKM"', 'realisasi: {I: "40 orang"', "IKU303", "satuan 'orang'"),
    ('IV: "Rp 350.000.000"}', 'IV: "Rp 950.000.000"}', "IKU314", "melebihi pagu"),
]


@pytest.mark.parametrize(("old", "new", "code", "words"), PROGRAM_ERRORS)
def test_bad_program_file_is_located(iku_cli, ws, old, new, code, words) -> None:
    path = ws / "program" / "2020.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = snapshot(ws)
    for args in (
        ["validate", "program/2020.yaml"],
        ["evaluasi", "renja", "--tahun", "2020"],
        ["triwulan", "--tahun", "2020", "--tw", "1"],
    ):
        result = iku_cli(*args)
        assert result.exit_code == 1, (args, result.output)
        found = errors(result)
        assert any(c == code and w.startswith("program/2020.yaml:") for w, _, c in found), (
            args,
            result.output,
        )
        assert words in result.output and "Traceback" not in result.output
    assert snapshot(ws) == before


def test_renaksi_template_is_prefilled_and_never_overwrites(iku_cli, ws) -> None:
    (ws / "renaksi" / "2020.yaml").unlink()
    result = iku_cli("renaksi", "template", "--tahun", "2020")
    assert result.exit_code == 0, result.output
    text = (ws / "renaksi" / "2020.yaml").read_text(encoding="utf-8")
    # akhir: TW IV is the year's target; a count is left for the officer to spread
    assert 'S1.2: {I: "", II: "", III: "", IV: "80 %"}' in text
    assert 'S1.1: {I: "", II: "", III: "", IV: ""}' in text
    assert "target Renstra 160 UMKM; aturan triwulan: kumulatif" in text
    assert iku_cli("validate", "renaksi/2020.yaml").exit_code == 0
    again = iku_cli("renaksi", "template", "--tahun", "2020")
    assert again.exit_code == 1 and "IKU502" in again.output


def test_renaksi_template_takes_the_pk_target(iku_cli, ws) -> None:
    (ws / "pk").mkdir(exist_ok=True)
    (ws / "pk" / "2021.yaml").write_text('tahun: 2021\ntarget:\n  S1.2: "85 %"\n', "utf-8")
    assert iku_cli("renaksi", "template", "--tahun", "2021").exit_code == 0
    text = (ws / "renaksi" / "2021.yaml").read_text(encoding="utf-8")
    assert 'IV: "85 %"' in text and "target PK 85 %" in text
    # and the quarters are checked against the PK, not the Renstra
    (ws / "renaksi" / "2021.yaml").write_text(
        'tahun: 2021\ntarget:\n  S1.2: {IV: "90 %"}\n', encoding="utf-8"
    )
    result = iku_cli("validate", "renaksi/2021.yaml")
    assert "IKU321" in result.output and "target PK 2021 85" in result.output


def test_program_money_feeds_the_lkjip_and_anggaran_is_not_duplicated(iku_cli, ws) -> None:
    (ws / "anggaran").mkdir()
    (ws / "anggaran" / "2020.yaml").write_text(
        "tahun: 2020\nprogram:\n  - nama: X\n    sasaran: [S1]\n    pagu: 10\n    realisasi: 5\n",
        encoding="utf-8",
    )
    result = iku_cli("lkjip", "--tahun", "2020", "--periksa")
    assert result.exit_code == 1 and "IKU306" in result.output and "program" in result.output
    (ws / "anggaran" / "2020.yaml").unlink()
    data = json.loads(iku_cli("lkjip", "--tahun", "2020", "-f", "json").stdout)
    s1 = next(s for s in data["sasaran"] if s["kode"] == "S1")
    # P1: pagu 1 miliar, realisasi 100 + 250 + 200 + 350 = 900 juta: serapan 90 %
    assert s1["anggaran"]["pagu"] == 1e9 and s1["anggaran"]["serapan"] == approx(90)


def test_a_cached_program_file_gives_the_same_figures(iku_cli, ws) -> None:
    """The program file is read from the cache the second time: the same E.81 and report."""
    first = iku_cli("evaluasi", "renja", "--tahun", "2020", "-f", "json").stdout
    second = iku_cli("evaluasi", "renja", "--tahun", "2020", "-f", "json").stdout
    assert first == second and json.loads(first)["predikat"] == {"k": "S", "rp": "R"}


def test_a_program_warning_reaches_the_quarterly_report(iku_cli, ws) -> None:
    path = ws / "program" / "2020.yaml"
    path.write_text(
        path.read_text("utf-8").replace('pagu: "Rp 400.000.000"', 'pagu: "Rp 1.200.000.000"'),
        "utf-8",
    )
    data = json.loads(iku_cli("triwulan", "--tahun", "2020", "--tw", "2", "-f", "json").stdout)
    p1 = next(p for p in data["program"] if p["kode"] == "P1")
    assert p1["peringatan"] and "pagu kegiatan" in p1["peringatan"][0]
    md = iku_cli("triwulan", "--tahun", "2020", "--tw", "2", "-f", "markdown").stdout
    assert "Program Pemberdayaan UMKM (!)" in md and "(!) P1: pagu kegiatan" in md


def test_an_indicator_of_bobot_0_is_shown_and_never_counted(iku_cli, ws) -> None:
    # issue 24: a real inspectorate's IKU gave a sasaran 59,31 in triwulan and 70,00 in capaian
    path = ws / "iku.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "        agregasi_triwulan: akhir\n", "        agregasi_triwulan: akhir\n        bobot: 0\n"
    )
    path.write_text(text, encoding="utf-8")
    data = json.loads(iku_cli("triwulan", "--tahun", "2020", "--tw", "2", "-f", "json").stdout)
    sas = {s["kode"]: s for s in data["sasaran"]}
    # by hand, S1 = S1.1 alone: TW II 50/40 = 125 %, s.d. TW II 80/80 = 100 % (plan), 80/160
    assert (sas["S1"]["capaian_tw"], sas["S1"]["capaian_sd_tw"]) == (125, 100)
    assert sas["S1"]["progres_tahun"] == 50
    assert sas["S1"]["dirata_sd_tw"] == 1
    shown = [(i["kode"], i["bobot"]) for i in data["indikator"] if i["sasaran"] == "S1"]
    assert shown == [("S1.1", 1), ("S1.2", 0)]  # still shown
