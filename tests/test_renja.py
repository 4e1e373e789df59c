"""Form E.81 (``iku evaluasi renja``) against a hand computation, on tests/corpus/triwulan
(programs P1 with kegiatan P1.01, and P2; indicators of each quarter rule)."""

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


def e81(iku_cli) -> dict:
    result = iku_cli("evaluasi", "renja", "--tahun", "2020", "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_columns_by_hand(iku_cli, ws) -> None:
    data = e81(iku_cli)
    rows = {r["kode"]: r for r in data["baris"]}
    assert [r["jenis"] for r in data["baris"]] == [
        "sasaran", "program", "indikator", "kegiatan", "indikator",
        "sasaran", "program", "indikator",
    ]  # fmt: skip

    def col(kode: str, n: int, part: str) -> float | None:
        return rows[kode]["kolom"][str(n)][part]

    # count (kumulatif): 12 = 40 + 60 + 50 + 70 = 220; 13 = 6 + 12 = 450 + 220 = 670;
    # 14 = 670 / 1.000 x 100 = 67
    assert [col("P1.01.a", n, "k") for n in (5, 6, 7, 8, 9, 10, 11)] == [
        1000,
        450,
        200,
        40,
        60,
        50,
        70,
    ]
    assert (col("P1.01.a", 12, "k"), col("P1.01.a", 13, "k"), col("P1.01.a", 14, "k")) == (
        220,
        670,
        67,
    )
    # percentage (akhir): 12 = TW IV 9 (never 2 + 5 + 7 + 9 = 23); 13 = 9, not 8 + 9;
    # 14 = 9 / 20 x 100 = 45; the row says which rule made 13
    assert (col("P1.a", 12, "k"), col("P1.a", 13, "k"), col("P1.a", 14, "k")) == (9, 9, 45)
    assert "bukan 6 + 12" in rows["P1.a"]["catatan"]
    # index (rata_rata): 12 = (3,0 + 3,4 + 3,2 + 3,4) / 4 = 3,25; 13 = 3,25;
    # 14 = 3,25 / 3,5 x 100 = 92,857...
    assert col("P2.a", 12, "k") == approx(3.25) and col("P2.a", 13, "k") == approx(3.25)
    assert col("P2.a", 14, "k") == approx(3.25 / 3.5 * 100)
    # Rp always summed: P1 12 = 100 + 250 + 200 + 350 = 900 juta; 13 = 1.800 + 900 = 2.700 juta;
    # 14 = 2.700 / 5.000 x 100 = 54; an indicator row has no Rp, a program row no K
    assert (col("P1", 7, "rp"), col("P1", 12, "rp"), col("P1", 13, "rp")) == (1e9, 900e6, 2700e6)
    assert col("P1", 14, "rp") == 54 and col("P1", 14, "k") is None
    assert col("P1.a", 12, "rp") is None
    # kegiatan P1.01: 50 + 100 + 100 + 120 = 370 juta; 700 + 370 = 1.070; / 2.000 = 53,5
    assert (col("P1.01", 12, "rp"), col("P1.01", 13, "rp"), col("P1.01", 14, "rp")) == (
        370e6,
        1070e6,
        53.5,
    )
    # the sasaran row sums its programs' Rp
    assert col("S2", 13, "rp") == 1350e6 and col("S2", 14, "rp") == 67.5
    # footer: jumlah of the programs (2.700 + 1.350 = 4.050 juta; 4.050 / 7.000 x 100)
    assert data["jumlah"]["13"]["rp"] == 4050e6
    assert data["jumlah"]["14"]["rp"] == approx(4050 / 7000 * 100)
    assert data["jumlah"]["13"]["k"] is None  # different units are never added
    # rata-rata K over the 3 indicators: (45 + 67 + 92,857) / 3 = 68,29 -> S (65 < x <= 75);
    # Rp over the 2 programs: (54 + 67,5) / 2 = 60,75 -> R (50 < x <= 65): each its own
    k = (45 + 67 + 3.25 / 3.5 * 100) / 3
    assert data["rata_rata_capaian"] == {"k": approx(k), "rp": 60.75}
    assert data["predikat"] == {"k": "S", "rp": "R"}
    assert data["dirata"] == {"k": 3, "rp": 2}
    assert data["faktor"]["faktor_pendorong"] == "Dukungan bank mitra"
    assert data["faktor"]["faktor_penghambat"] is None


def test_predikat_bands_between_integers(iku_cli, ws) -> None:
    """ST above 90: 90,5 is ST (the band 91-100 extended to reals), 90 is T."""
    path = ws / "program" / "2020.yaml"
    text = path.read_text(encoding="utf-8")
    # P2.a alone with a capaian of 90,5: target_akhir 200, realisasi 181 (akhir)
    text = text.replace('target_akhir: "3,5 poin"', 'target_akhir: "200 poin"')
    text = text.replace('realisasi: {I: "3,0 poin", II: "3,4 poin", III: "3,2 poin", IV: "3,4 poin"}',
                        'realisasi: {IV: "181 poin"}')  # fmt: skip
    path.write_text(text, encoding="utf-8")
    data = e81(iku_cli)
    p2a = next(r for r in data["baris"] if r["kode"] == "P2.a")
    assert p2a["kolom"]["14"]["k"] == 90.5


def test_a_missing_column_6_is_not_guessed(iku_cli, ws) -> None:
    path = ws / "program" / "2020.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'\n *realisasi_sd_tahun_lalu: "450 UMKM"', "", text)
    text = re.sub(r'\n *realisasi_rp_sd_tahun_lalu: "Rp 1.800.000.000"', "", text)
    path.write_text(text, encoding="utf-8")
    rows = {r["kode"]: r for r in e81(iku_cli)["baris"]}
    assert rows["P1.01.a"]["kolom"]["13"]["k"] is None and "kolom 6" in rows["P1.01.a"]["catatan"]
    assert rows["P1"]["kolom"]["13"]["rp"] is None
    assert rows["S1"]["kolom"]["13"]["rp"] is None  # a total of some is not the total


def test_printed_form_in_word_excel_and_markdown(iku_cli, ws) -> None:
    md = iku_cli("evaluasi", "renja", "--tahun", "2020", "-f", "markdown")
    assert md.exit_code == 0, md.output
    assert "(14) Tingkat capaian" in md.stdout and "**68,29**" in md.stdout
    assert "[diisi: faktor penghambat pencapaian kinerja]" in md.stdout.replace("\\", "")
    for fmt in ("xlsx", "docx"):
        out = ws / f"e81.{fmt}"
        args = (
            "evaluasi",
            "renja",
            "--tahun",
            "2020",
            "-f",
            fmt,
            "--out",
            str(out),
            "--kertas",
            "F4",
        )
        assert iku_cli(*args).exit_code == 0
    from openpyxl import load_workbook

    wb = load_workbook(ws / "e81.xlsx")
    sheet = wb.worksheets[0]
    assert sheet.page_setup.paperSize == 14 and sheet.page_setup.orientation == "landscape"
    first, last = sheet.print_title_rows.replace("$", "").split(":")
    assert int(last) - int(first) == 2  # groups, K/Rp, column numbers: repeated on every page
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert 670 in values and 2_700_000_000 in values and "(14)" in values and "Rp" in values
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert any(r.startswith("E") for r in merged)  # column group (5) spans K and Rp
    import docx

    doc = docx.Document(str(ws / "e81.docx"))
    table = doc.tables[0]
    assert table.rows[1].cells[4].text == "K" and table.rows[1].cells[5].text == "Rp"
    assert table.rows[2].cells[4].text == "(5)" and table.rows[2].cells[5].text == "(5)"
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape
    text = "\n".join(c.text for r in table.rows for c in r.cells)
    assert "670" in text and "ikutool" not in text and "program/2020.yaml" not in text


def test_without_a_program_file_it_says_what_to_write(iku_cli, ws) -> None:
    (ws / "program" / "2020.yaml").unlink()
    result = iku_cli("evaluasi", "renja", "--tahun", "2020")
    assert result.exit_code == 2 and "IKU308" in result.output and "program" in result.output


def test_bare_evaluasi_is_still_the_renstra_evaluation(iku_cli, workspace) -> None:
    old = iku_cli("evaluasi", "--sampai", "2019", "-f", "json")
    new = iku_cli("evaluasi", "renstra", "--sampai", "2019", "-f", "json")
    assert old.exit_code == 0 and old.stdout == new.stdout


def test_renstra_evaluation_on_the_sample(iku_cli, workspace) -> None:
    """E.80 on the sample: 2017-2018 money from the older anggaran files (programs matched by
    name), 2019 from the program file (E.81's column 12); 2016 has no money file, so no s.d."""
    data = json.loads(iku_cli("evaluasi", "renstra", "-f", "json").stdout)
    rows = {r["kode"] or r["uraian"]: r for r in data["baris"]}
    p1 = rows["P1"]["tahun"]
    assert [p1[str(y)]["rp"] for y in range(2016, 2022)] == [
        None, 1_023_000_000, 1_121_000_000, 1_180_500_000, None, None,
    ]  # fmt: skip
    assert rows["P1"]["sd"]["rp"] is None
    assert any("data anggaran tahun 2016 tidak ada" in n for n in rows["P1"]["catatan"])
    # E.81 2019 column 13: 2.150.000.000 written + 1.180.500.000 = 3.330.500.000, said
    assert any("Rp 3.330.500.000" in n for n in rows["P1"]["catatan"])
    # K: the 9 IKU indicators' level against the 2021 target (87,5 + 96,67 + 94 + 80 + 112 +
    # 88,89 + 90 + 84 + 84) and P1.a 9 / 20 = 45, P2.a 24 / 30 = 80: 942,06 / 11 = 85,64 -> T;
    # Rp: no program has a s.d. (2016), so no mean and no predikat
    assert data["dirata"] == {"k": 11, "k_sasaran": 9, "k_program": 2, "rp": 0}
    assert data["rata_rata_capaian"]["k"] == approx(85.64, abs=0.01)
    assert data["rata_rata_capaian"]["rp"] is None
    assert data["predikat"] == {"k": "T", "rp": None}
    for fmt in ("xlsx", "docx"):
        out = workspace / f"e80.{fmt}"
        result = iku_cli("evaluasi", "renstra", "-f", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
    import docx

    doc = docx.Document(str(workspace / "e80.docx"))
    assert len(doc.tables) == 1 and doc.sections[0].page_width > doc.sections[0].page_height
    footer = [c.text for c in doc.tables[0].rows[-1].cells]
    assert footer[1] == "Predikat kinerja" and footer[-3:-1] == ["T", "-"]


def test_a_warning_about_a_program_travels_into_the_form(iku_cli, ws) -> None:
    """Kegiatan pagu summing past their program's pagu is a warning on the program: it is
    marked on the program's row of E.81 and explained under the table, not only on stderr."""
    path = ws / "program" / "2020.yaml"
    path.write_text(
        path.read_text("utf-8").replace('pagu: "Rp 400.000.000"', 'pagu: "Rp 1.200.000.000"'),
        "utf-8",
    )
    rows = {r["kode"]: r for r in e81(iku_cli)["baris"]}
    assert "melebihi" in rows["P1"]["catatan"] or "lebih dari pagu" in rows["P1"]["catatan"]
    md = iku_cli("evaluasi", "renja", "--tahun", "2020", "-f", "markdown").stdout
    assert "P1 Program Pemberdayaan UMKM \\*1)" in md and "\\*1) pagu kegiatan" in md


def test_column_15_from_unit_or_the_sasaran_bidang(iku_cli, ws) -> None:
    """Column 15: the program's ``unit`` (``penanggung_jawab`` is its older name), carried to
    its kegiatan and indicators; a program without one takes the bidang of its sasaran's
    indicators when they all have the same."""
    prog = ws / "program" / "2020.yaml"
    prog.write_text(
        prog.read_text("utf-8").replace("penanggung_jawab: Bidang UMKM", "unit: Bidang UMKM"),
        "utf-8",
    )
    iku = ws / "iku.yaml"
    text = iku.read_text("utf-8").replace(
        "sasaran:\n", "bidang:\n  - {kunci: LAY, nama: Bidang Pelayanan Usaha}\nsasaran:\n", 1
    )
    text = text.replace(
        "uraian: Indeks kepuasan layanan\n",
        "uraian: Indeks kepuasan layanan\n        bidang: LAY\n",
    )
    iku.write_text(text, "utf-8")
    rows = {r["kode"]: r["unit"] for r in e81(iku_cli)["baris"]}
    assert rows["P1"] == rows["P1.a"] == rows["P1.01"] == rows["P1.01.a"] == "Bidang UMKM"
    assert rows["P2"] == rows["P2.a"] == "Bidang Pelayanan Usaha"
    assert rows["S1"] is None  # a sasaran row has no unit of its own


def test_unit_and_penanggung_jawab_differing_is_refused(iku_cli, ws) -> None:
    prog = ws / "program" / "2020.yaml"
    text = prog.read_text("utf-8")
    prog.write_text(
        text.replace(
            "    penanggung_jawab: Bidang UMKM\n",
            "    penanggung_jawab: Bidang UMKM\n    unit: Bidang Koperasi\n",
        ),
        "utf-8",
    )
    line = text.splitlines().index("    penanggung_jawab: Bidang UMKM") + 1
    result = iku_cli("evaluasi", "renja", "--tahun", "2020")
    assert result.exit_code == 1
    assert f"2020.yaml:{line}:5" in result.output and "IKU209" in result.output
    assert "sisakan 'unit'" in result.output and "Traceback" not in result.output
