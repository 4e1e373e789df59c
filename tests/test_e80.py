"""Form E.80 (``iku evaluasi renstra``) laid out like E.81, against a hand computation on a small
workspace written here: a Renstra 2020-2024, two sasaran, an older anggaran file for 2020,
program files for 2021 and 2022 with one program (P1), one kegiatan (K1), indicators of the
quarter rules akhir (P1.a, K1.b negatif) and kumulatif (K1.a). Evaluated s.d. 2022 (n).

Columns of a five-year period: 5 kondisi awal, 6 target akhir, 7-11 the years 2020-2024,
12 s.d. 2022, 13 tingkat, 14 unit.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from pytest import approx

IKU = """\
instansi:
  nama: Dinas Uji Renstra
  pemerintah: Kabupaten Uji
periode: {awal: 2020, akhir: 2024}
sasaran:
  - kode: S1
    uraian: Meningkatnya usaha kecil yang tangguh
    indikator:
      - kode: S1.1
        uraian: Jumlah UMKM binaan
        bidang: UKM
        kondisi_awal: {tahun: 2019, nilai: "40 UMKM"}
        target: {2020: "50 UMKM", 2021: "60 UMKM", 2022: "70 UMKM", 2023: "80 UMKM", 2024: "100 UMKM"}
      - kode: S1.2
        uraian: Persentase UMKM naik kelas
        target: {2020: "5 %", 2021: "8 %", 2022: "11 %", 2023: "15 %", 2024: "20 %"}
  - kode: S2
    uraian: Meningkatnya koperasi sehat
    indikator:
      - kode: S2.1
        uraian: Jumlah koperasi sehat
        target: {2020: "10 Kop", 2021: "15 Kop", 2022: "20 Kop", 2023: "25 Kop", 2024: "30 Kop"}
"""

ANGGARAN_2020 = """\
tahun: 2020
status: final
program:
  - nama: Program Pemberdayaan UMKM
    sasaran: [S1]
    pagu: 500.000.000
    realisasi: 450.000.000
  - nama: Program Koperasi Sehat
    sasaran: [S2]
    pagu: 200.000.000
    realisasi: 190.000.000
"""


def program_file(year: int, quarters_rp: list[str], p1a: list[str], k1a: list[str],
                 k1b: list[str], sd: dict[str, str], status: str = "final") -> str:  # fmt: skip
    def q(values: list[str]) -> str:
        pairs = zip("I II III IV".split(), values, strict=True)
        return "{" + ", ".join(f'{k}: "{v}"' for k, v in pairs) + "}"

    return f"""\
tahun: {year}
status: {status}
program:
  - kode: P1
    nama: Program Pemberdayaan UMKM
    sasaran: S1
    pagu_renstra: "Rp 3.000.000.000"
    realisasi_rp_sd_tahun_lalu: "{sd["P1"]}"
    penanggung_jawab: Bidang UKM
    indikator:
      - kode: P1.a
        uraian: Persentase UMKM binaan naik kelas
        target: "10 %"
        target_akhir: "25 %"
        realisasi_sd_tahun_lalu: "{sd["P1.a"]}"
        agregasi_triwulan: akhir
        realisasi: {q(p1a)}
    kegiatan:
      - kode: K1
        nama: Pelatihan UMKM
        pagu: "Rp 700.000.000"
        pagu_renstra: "Rp 2.000.000.000"
        realisasi_rp_sd_tahun_lalu: "{sd["K1"]}"
        realisasi_rp: {q(quarters_rp)}
        indikator:
          - kode: K1.a
            uraian: Jumlah UMKM dilatih
            target: "100 UMKM"
            target_akhir: "500 UMKM"
            realisasi_sd_tahun_lalu: "{sd["K1.a"]}"
            realisasi: {q(k1a)}
          - kode: K1.b
            uraian: Lama proses sertifikasi
            polaritas: negatif
            target: "5 hari"
            target_akhir: "3 hari"
            agregasi_triwulan: akhir
            realisasi: {q(k1b)}
evaluasi:
  faktor_pendorong: Dukungan mitra pelatihan.
  tindak_lanjut_renstra: Perluas pelatihan ke kecamatan.
"""


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ws"
    for folder in ("realisasi", "program", "anggaran"):
        (root / folder).mkdir(parents=True)
    (root / "ikutool.yaml").write_text("nama: Uji\niku: iku.yaml\n", encoding="utf-8")
    (root / "iku.yaml").write_text(IKU, encoding="utf-8")
    for year, s11, s12, s21 in ((2020, 48, 6, 12), (2021, 55, 8, 15), (2022, 90, 12, 18)):
        (root / "realisasi" / f"{year}.yaml").write_text(
            f"tahun: {year}\nstatus: final\nrealisasi:\n  S1.1: {s11}\n  S1.2: {s12}\n"
            f"  S2.1: {s21}\n",
            encoding="utf-8",
        )
    (root / "anggaran" / "2020.yaml").write_text(ANGGARAN_2020, encoding="utf-8")
    (root / "program" / "2021.yaml").write_text(
        program_file(
            2021,
            ["Rp 100.000.000", "Rp 150.000.000", "Rp 150.000.000", "Rp 150.000.000"],
            ["4 %", "6 %", "8 %", "10 %"],
            ["20 UMKM", "30 UMKM", "25 UMKM", "35 UMKM"],
            ["6 hari", "6 hari", "5 hari", "5 hari"],
            {"P1": "Rp 450.000.000", "P1.a": "5 %", "K1": "Rp 0", "K1.a": "80 UMKM"},
        ),
        encoding="utf-8",
    )
    (root / "program" / "2022.yaml").write_text(
        program_file(
            2022,
            ["Rp 120.000.000", "Rp 160.000.000", "Rp 170.000.000", "Rp 200.000.000"],
            ["11 %", "13 %", "14 %", "15 %"],
            ["30 UMKM", "40 UMKM", "30 UMKM", "50 UMKM"],
            ["5 hari", "4 hari", "4 hari", "4 hari"],
            # P1: 1.020.000.000 written where the years give 450 + 550 = 1.000.000.000
            {"P1": "Rp 1.020.000.000", "P1.a": "10 %", "K1": "Rp 550.000.000", "K1.a": "190 UMKM"},
        ),  # fmt: skip
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    return root


def run_json(iku_cli, *args: str) -> dict:
    result = iku_cli(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rows_of(e80: dict) -> dict[str, dict]:
    return {r["kode"] or r["uraian"]: r for r in e80["baris"]}


def test_columns_by_hand(iku_cli, ws) -> None:
    e80 = run_json(iku_cli, "evaluasi", "renstra")
    assert e80["sampai"] == 2022  # the last year with files
    assert e80["kolom"] == {
        "no": 1, "sasaran": 2, "program": 3, "indikator": 4, "awal": 5, "target": 6,
        "2020": 7, "2021": 8, "2022": 9, "2023": 10, "2024": 11,
        "sd": 12, "tingkat": 13, "unit": 14,
    }  # fmt: skip
    rows = rows_of(e80)
    assert [(r["jenis"], r["kode"]) for r in e80["baris"]] == [
        ("sasaran", "S1"), ("indikator_sasaran", "S1.1"), ("indikator_sasaran", "S1.2"),
        ("program", "P1"), ("indikator", "P1.a"), ("kegiatan", "K1"), ("indikator", "K1.a"),
        ("indikator", "K1.b"),
        ("sasaran", "S2"), ("indikator_sasaran", "S2.1"), ("program", None),
    ]  # fmt: skip

    def year(kode: str, y: int, part: str):
        return rows[kode]["tahun"][str(y)][part]

    # indikator sasaran: the IKU report's figures. S1.1: kondisi awal 40 UMKM (2019); realisasi
    # 48, 55, 90; s.d. 2022 the latest, 90; tingkat 90 / 100 x 100 = 90
    s11 = rows["S1.1"]
    assert s11["awal"] == "40 UMKM (2019)" and s11["target"]["teks"] == "100 UMKM"
    assert [year("S1.1", y, "teks") for y in (2020, 2021, 2022, 2023)] == [
        "48 UMKM", "55 UMKM", "90 UMKM", None,
    ]  # fmt: skip
    assert s11["sd"]["teks"] == "90 UMKM" and s11["tingkat"]["k"] == approx(90.0)
    assert s11["unit"] == "UKM"
    # S1.2: 12 / 20 = 60; S2.1: 18 / 30 = 60
    assert rows["S1.2"]["tingkat"]["k"] == approx(60.0)
    assert rows["S2.1"]["tingkat"]["k"] == approx(60.0)

    # P1: 2020 from the anggaran file (matched by name) 450.000.000; 2021 its kegiatan's
    # 100 + 150 + 150 + 150 = 550.000.000; 2022 120 + 160 + 170 + 200 = 650.000.000
    assert [year("P1", y, "rp") for y in (2020, 2021, 2022, 2023)] == [
        450_000_000, 550_000_000, 650_000_000, None,
    ]  # fmt: skip
    # s.d. 2022 = 1.650.000.000; against the Renstra pagu 3.000.000.000: 55 %
    assert rows["P1"]["sd"]["rp"] == 1_650_000_000 and rows["P1"]["target"]["rp"] == 3e9
    assert rows["P1"]["tingkat"]["rp"] == approx(55.0)
    # E.81 2022 column 13: 1.020.000.000 written + 650.000.000 = 1.670.000.000: said, both
    (note,) = [n for n in rows["P1"]["catatan"] if "Renja 2022" in n]
    assert "Rp 1.670.000.000" in note and "Rp 1.020.000.000" in note
    assert "Rp 1.650.000.000" in note
    # P1.a (akhir): 10 (TW IV 2021), 15 (2022); s.d. the latest 15; 15 / 25 = 60
    assert [year("P1.a", y, "k") for y in (2020, 2021, 2022)] == [None, 10, 15]
    assert rows["P1.a"]["sd"]["k"] == 15 and rows["P1.a"]["tingkat"]["k"] == approx(60.0)
    # K1: 550.000.000, 650.000.000; 2020 has money per program only: s.d. empty, said, and
    # E.81's 550.000.000 + 650.000.000 = 1.200.000.000 beside it
    assert [year("K1", y, "rp") for y in (2021, 2022)] == [550_000_000, 650_000_000]
    assert rows["K1"]["sd"]["rp"] is None and rows["K1"]["tingkat"]["rp"] is None
    said = " ".join(rows["K1"]["catatan"])
    assert "2020" in said and "tanpa rincian kegiatan" in said and "Rp 1.200.000.000" in said
    # K1.a (kumulatif, a count): 20 + 30 + 25 + 35 = 110; 30 + 40 + 30 + 50 = 150; 2020 has
    # no indicators, so no sum; E.81 2022: 190 + 150 = 340
    assert [year("K1.a", y, "k") for y in (2021, 2022)] == [110, 150]
    assert rows["K1.a"]["sd"]["k"] is None and "340" in " ".join(rows["K1.a"]["catatan"])
    # K1.b (negatif, akhir): 5, 4 hari; s.d. 4 against 3 by the selisih rule:
    # (2 x 3 - 4) / 3 x 100 = 66,67
    assert rows["K1.b"]["sd"]["k"] == 4
    assert rows["K1.b"]["tingkat"]["k"] == approx(200 / 3)
    # the Koperasi program of 2020 only: 190.000.000, not listed in 2021 and 2022 (adds
    # nothing, said); no Renstra pagu, no tingkat
    kop = rows["Program Koperasi Sehat"]
    assert kop["sd"]["rp"] == 190_000_000 and kop["tingkat"]["rp"] is None
    assert any("tidak tercantum pada tahun 2021 dan 2022" in n for n in kop["catatan"])

    # sasaran rows: S1 = its program each year; S2 190.000.000 in 2020 only
    assert [year("S1", y, "rp") for y in (2020, 2021, 2022)] == [
        450_000_000, 550_000_000, 650_000_000,
    ]  # fmt: skip
    assert rows["S1"]["sd"]["rp"] == 1_650_000_000 and rows["S1"]["tingkat"]["rp"] == 55.0
    assert rows["S2"]["sd"]["rp"] == 190_000_000

    # jumlah: 2020 450 + 190 = 640.000.000, 2021 550.000.000, 2022 650.000.000; s.d.
    # 1.650.000.000 + 190.000.000 = 1.840.000.000; the Koperasi program has no Renstra pagu:
    # column 6 and the tingkat stay empty (a sum with an empty member)
    j = e80["jumlah"]
    assert [j["tahun"][str(y)] for y in (2020, 2021, 2022, 2023)] == [
        640_000_000, 550_000_000, 650_000_000, None,
    ]  # fmt: skip
    assert j["sd"] == 1_840_000_000 and j["target"] is None and j["tingkat"] is None

    # means: K over the 5 indicators with a tingkat (3 indikator sasaran, P1.a and K1.b; K1.a
    # has none): (90 + 60 + 60 + 60 + 66,67) / 5 = 67,33; Rp over the 1 program with one: 55
    assert e80["dirata"] == {"k": 5, "k_sasaran": 3, "k_program": 2, "rp": 1}
    assert e80["rata_rata_capaian"]["k"] == approx((90 + 60 + 60 + 60 + 200 / 3) / 5)
    assert e80["rata_rata_capaian"]["rp"] == approx(55.0)
    # 67,33 > 65: S (Sedang); 55 > 50: R (Rendah)
    assert e80["predikat"] == {"k": "S", "rp": "R"}
    assert e80["faktor"]["faktor_pendorong"] == "Dukungan mitra pelatihan."
    assert e80["faktor"]["tindak_lanjut_renstra"] == "Perluas pelatihan ke kecamatan."
    assert e80["faktor"]["faktor_penghambat"] is None


def test_each_years_figure_is_that_years_e81_column_12(iku_cli, ws) -> None:
    e80 = rows_of(run_json(iku_cli, "evaluasi", "renstra"))
    totals = run_json(iku_cli, "evaluasi", "renstra")["jumlah"]["tahun"]
    for y in (2021, 2022):
        e81 = run_json(iku_cli, "evaluasi", "renja", "--tahun", str(y))
        for r in e81["baris"]:
            if r["jenis"] == "sasaran":
                assert e80[r["kode"]]["tahun"][str(y)]["rp"] == r["kolom"]["12"]["rp"], r["kode"]
                continue
            part = "k" if r["jenis"] == "indikator" else "rp"
            assert e80[r["kode"]]["tahun"][str(y)][part] == r["kolom"]["12"][part], r["kode"]
            assert e80[r["kode"]]["unit"] == r["unit"] or y != 2022
        assert totals[str(y)] == e81["jumlah"]["12"]["rp"]
    # and the year with only an anggaran file: its money, by the one rule (as the LKjIP)
    lkjip = run_json(iku_cli, "lkjip", "--tahun", "2020")
    s1 = next(s for s in lkjip["sasaran"] if s["kode"] == "S1")
    assert e80["S1"]["tahun"]["2020"]["rp"] == s1["anggaran"]["realisasi"]


def test_the_iku_rows_are_the_reports(iku_cli, ws) -> None:
    report = run_json(iku_cli, "report")
    e80 = rows_of(run_json(iku_cli, "evaluasi"))  # no subcommand: the same E.80
    for sas in report["sasaran"]:
        for ind in sas["indikator"]:
            latest = [t for t in ind["tahun"] if t["capaian_target_akhir"] is not None][-1]
            assert e80[ind["kode"]]["tingkat"]["k"] == latest["capaian_target_akhir"]


def test_a_year_without_a_money_file_is_named_and_no_sum_is_shown(iku_cli, ws) -> None:
    (ws / "anggaran" / "2020.yaml").unlink()
    rows = rows_of(run_json(iku_cli, "evaluasi", "renstra", "--sampai", "2022"))
    assert rows["P1"]["tahun"]["2020"]["rp"] is None
    assert rows["P1"]["sd"]["rp"] is None and rows["P1"]["tingkat"]["rp"] is None
    assert any("data anggaran tahun 2020 tidak ada" in n for n in rows["P1"]["catatan"])
    md = iku_cli("evaluasi", "renstra", "-f", "markdown").stdout
    assert "data anggaran tahun 2020 tidak ada" in md


def test_a_kumulatif_indicator_sums_the_years_of_the_period(iku_cli, ws) -> None:
    # the Renstra starting in 2021: no year before the program files, so every sum is whole
    iku = ws / "iku.yaml"
    text = iku.read_text("utf-8").replace("awal: 2020", "awal: 2021")
    iku.write_text(re.sub(r"2020: \"[^\"]+\", ", "", text), encoding="utf-8")
    (ws / "anggaran" / "2020.yaml").unlink()
    (ws / "realisasi" / "2020.yaml").unlink()
    e80 = run_json(iku_cli, "evaluasi", "renstra")
    rows = rows_of(e80)
    assert e80["kolom"]["sd"] == 11  # four years: 7-10
    # K1.a: 110 + 150 = 260 of 500: 52 %; E.81 2022 says 340 (its 190 up to 2021): both said
    assert rows["K1.a"]["sd"]["k"] == 260 and rows["K1.a"]["tingkat"]["k"] == approx(52.0)
    assert any("340" in n and "260" in n for n in rows["K1.a"]["catatan"])
    # K1: 550 + 650 = 1.200.000.000 of 2.000.000.000: 60 %, as E.81 2022's column 13: no note
    assert rows["K1"]["sd"]["rp"] == 1_200_000_000 and rows["K1"]["tingkat"]["rp"] == 60.0
    assert not any("Renja" in n for n in rows["K1"]["catatan"])
    # P1: 1.200.000.000 of 3.000.000.000 = 40 %
    assert rows["P1"]["tingkat"]["rp"] == approx(40.0)


def test_sample_data_is_marked_in_every_output(iku_cli, ws, tmp_path) -> None:
    path = ws / "program" / "2022.yaml"
    path.write_text(path.read_text("utf-8").replace("status: final", "status: contoh"), "utf-8")
    notice = "CATATAN: anggaran program tahun 2022 berstatus CONTOH"
    assert any(notice in n for n in run_json(iku_cli, "evaluasi", "renstra")["catatan"])
    for fmt in ("table", "markdown"):
        assert notice in iku_cli("evaluasi", "renstra", "-f", fmt).stdout, fmt
    for fmt in ("docx", "xlsx"):
        out = tmp_path / f"e80.{fmt}"
        result = iku_cli("evaluasi", "renstra", "-f", fmt, "--kertas", "F4", "--out", str(out))
        assert result.exit_code == 0, result.output
        assert notice in _package_text(out).replace("\u200b", ""), fmt


# a file or folder, the tool, an error code, an option (the header's "Program/kegiatan" is none)
FORBIDDEN = re.compile(r"(?i:ikutool)|\.ya?ml\b|\b(program|anggaran|realisasi)/|IKU\d{3}|--[a-z]")


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_the_documents_carry_no_file_tool_or_code(iku_cli, ws, tmp_path, kertas) -> None:
    for fmt in ("docx", "xlsx"):
        out = tmp_path / f"e80-{kertas}.{fmt}"
        args = ("evaluasi", "renstra", "-f", fmt, "--kertas", kertas, "--out", str(out))
        assert iku_cli(*args).exit_code == 0
        text = _package_text(out, body_only=True)
        hit = FORBIDDEN.search(text)
        assert hit is None, (fmt, text[max(0, hit.start() - 80) : hit.end() + 80])
        assert "EVALUASI TERHADAP HASIL RENSTRA PERANGKAT DAERAH" in text
        assert "Periode pelaksanaan: 2020-2024" in text and "Evaluasi s.d. tahun 2022" in text
        flat = text.replace("\u200b", "")
        assert "Realisasi capaian kinerja dan anggaran Renstra tahun ke-1 (2020)" in flat
        assert "Tingkat capaian kinerja dan realisasi anggaran Renstra s.d. tahun 2022" in flat
        assert "Perluas pelatihan ke kecamatan." in text
    import docx

    doc = docx.Document(str(tmp_path / f"e80-{kertas}.docx"))
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape


def _package_text(path: Path, body_only: bool = False) -> str:
    """The text of a Word or Excel file's XML parts (cells, paragraphs, strings); with
    ``body_only`` without the document properties (where the provenance is kept)."""
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.endswith(".xml")]
        if body_only:
            names = [n for n in names if not n.startswith("docProps/")]
        xml = " ".join(z.read(n).decode("utf-8") for n in names)
    return " ".join(re.findall(r">([^<>]+)<", xml))


def test_a_form_too_wide_for_f4_prints_in_parts(iku_cli, workspace) -> None:
    """The sample's six Renstra years with the seed's composite targets need about 309 mm at
    7 pt (the least on F4) where F4 landscape gives 300: Word prints the form in two tables,
    each with columns (1)-(4) repeated and the form's own numbers; the workbook keeps one sheet
    and breaks its pages between the parts. A4 (down to 5,5 pt) holds it whole."""
    import docx
    from openpyxl import load_workbook

    for kertas, parts in (("F4", 2), ("A4", 1)):
        out = workspace / f"e80-{kertas}.docx"
        args = ("evaluasi", "renstra", "-f", "docx", "--kertas", kertas, "--out", str(out))
        assert iku_cli(*args).exit_code == 0
        tables = docx.Document(str(out)).tables
        assert len(tables) == parts, kertas
    numbers = [[c.text for c in t.rows[2].cells] for t in docx.Document(
        str(workspace / "e80-F4.docx")).tables]  # fmt: skip
    first, second = (list(dict.fromkeys(n)) for n in numbers)
    assert first[:4] == second[:4] == ["(1)", "(2)", "(3)", "(4)"]
    assert first[-1] == "(9)" and second[4] == "(10)" and second[-1] == "(15)"
    out = workspace / "e80.xlsx"
    args = ("evaluasi", "renstra", "-f", "xlsx", "--kertas", "F4", "--out", str(out))
    assert iku_cli(*args).exit_code == 0
    ws = load_workbook(out).active
    assert [b.id for b in ws.col_breaks.brk] == [13]  # after column (9)'s Rp, as in Word
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale < 100


def test_a_line_may_break_after_a_slash_in_a_form() -> None:
    from ikutool.render.formats.docx_layout import _group_floors, _text_mm, _words, form_breaks

    assert form_breaks("10 Kop/KSP/USP/UMKM") == "10 Kop/\u200bKSP/\u200bUSP/\u200bUMKM"
    assert form_breaks("1/ 2 //") == "1/ 2 //"  # nothing after it to break before
    assert _words("10 Kop/KSP/USP/UMKM", True) == ["10", "Kop/", "KSP/", "USP/", "UMKM"]
    assert _words("10 Kop/KSP/USP/UMKM", False) == ["10", "Kop/KSP/USP/UMKM"]
    # "UMKM" at 7 pt: U, K 2,25 mm and M 2,85 mm at 9 pt, scaled: 10,2 x 7 / 9 = 7,93 mm
    assert _text_mm("UMKM", 7) == approx((2.25 * 2 + 2.85 * 2) * 7 / 9)
    # two empty columns (1 mm each) under "Realisasi ... (2020)": as wide as "Realisasi" bold
    # together, shared evenly; the column before them untouched
    need = _text_mm("Realisasi", 7, bold=True) + 1.2
    assert _group_floors([5.0, 1.0, 1.0], [("No", 1), ("Realisasi (2020)", 2)], 7, 1.2) == approx(
        [max(5.0, _text_mm("No", 7, bold=True) + 1.2), need / 2, need / 2]
    )
