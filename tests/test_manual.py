"""The Manual IKU: its fields in the IKU file, ``iku show``, ``iku manual`` in every format, and
the LKjIP's Bab II IKU table. What the file leaves empty is a gap the officer fills, never text
the tool made up."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

IKU = """\
instansi: {nama: Dinas Kesehatan Contoh, pemerintah: Kabupaten Contoh}
periode: {awal: 2021, akhir: 2023}
sasaran:
  - kode: S1
    uraian: Meningkatnya derajat kesehatan masyarakat
    indikator:
      - kode: S1.1
        uraian: Angka kematian bayi
        polaritas: negatif
        definisi: Jumlah kematian bayi usia 0-11 bulan per 1.000 kelahiran hidup
        alasan: Mengukur mutu layanan kesehatan ibu dan anak
        formula: (jumlah kematian bayi / jumlah kelahiran hidup) x 1.000
        sumber_data: Profil Kesehatan Kabupaten
        penanggung_jawab: Bidang Kesehatan Masyarakat
        penyedia_data: Seksi Kesehatan Keluarga
        frekuensi: tahunan
        kondisi_awal: {tahun: 2020, nilai: "8,2 per 1.000 KH"}
        keterangan: Angka per 1.000 kelahiran hidup
        target: {2021: "8 per 1.000 KH", 2022: "7,5 per 1.000 KH", 2023: "7 per 1.000 KH"}
      - kode: S1.2
        uraian: Persentase balita ditimbang
        frekuensi: triwulanan
        agregasi_triwulan: rata_rata
        kondisi_awal: {tahun: 2020, nilai: N/A}
        target: {2021: "80 %", 2022: "-", 2023: "85 %"}
"""
FIELDS = (
    "definisi",
    "alasan",
    "formula",
    "sumber_data",
    "penanggung_jawab",
    "penyedia_data",
    "frekuensi",
    "kondisi_awal",
    "keterangan",
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "iku.yaml").write_text(IKU, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_show_json_carries_every_manual_field(iku_cli, folder) -> None:
    data = json.loads(iku_cli("show", "--iku", "iku.yaml", "-f", "json").stdout)
    s11, s12 = data["sasaran"][0]["indikator"]
    for name in FIELDS:
        assert name in s11 and name in s12, name
    assert s11["formula"] == "(jumlah kematian bayi / jumlah kelahiran hidup) x 1.000"
    assert s11["kondisi_awal"] == {"tahun": 2020, "nilai": "8,2 per 1.000 KH"}
    assert s12["definisi"] is None and s12["kondisi_awal"]["nilai"] == "N/A"


def test_show_table_prints_the_fields_written(iku_cli, folder) -> None:
    out = iku_cli("show", "--iku", "iku.yaml").stdout
    flat = " ".join(re.sub(r"[│┃|]", " ", out).split())
    assert "Kondisi awal" in flat and "Formula" in flat
    assert "8,2 per 1.000 KH" in flat and "N/A (2020)" in flat
    assert "Keterangan: Angka" in flat and "penyedia: Seksi" in flat


def test_manual_json_lists_what_is_missing(iku_cli, folder) -> None:
    result = iku_cli("manual", "--iku", "iku.yaml", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    s11, s12 = data["indikator"]
    assert s11["kosong"] == [] and data["lengkap"] == ["S1.1"]
    assert s12["kosong"] == [
        "definisi",
        "formula",
        "sumber_data",
        "alasan",
        "penanggung_jawab",
        "penyedia_data",
    ]
    assert [t["teks"] for t in s12["target"]] == ["80 %", None, "85 %"]
    assert s12["target_akhir"] == "85 %" and s12["agregasi_triwulan"] == "rata_rata"


def test_manual_markdown_has_gaps_never_invented_text(iku_cli, folder) -> None:
    result = iku_cli("manual", "--iku", "iku.yaml", "-f", "markdown")
    md = result.stdout
    assert "| Formula | (jumlah kematian bayi / jumlah kelahiran hidup) x 1.000 |" in md
    assert "| Definisi operasional | **\\[diisi: definisi operasional\\]** |" in md
    assert "| Kondisi awal | N/A (2020) |" in md
    assert "| Angka tahunan dari triwulan | rata-rata triwulan |" in md
    assert "| Polaritas | negatif (makin rendah makin baik) |" in md
    assert "| Target 2022 | - |" in md
    # what is left to write: on stderr for the officer, not in the document
    assert "Manual IKU lengkap (definisi, formula, sumber data): 1 dari 2 indikator" in (
        result.stderr
    )
    assert "lengkap" not in md.split("MANUAL")[0]


def test_manual_docx_one_block_per_indicator(iku_cli, folder) -> None:
    from docx import Document

    result = iku_cli("manual", "--iku", "iku.yaml", "-f", "docx", "--out", "manual.docx")
    assert result.exit_code == 0, result.output
    doc = Document(io.BytesIO((folder / "manual.docx").read_bytes()))
    assert len(doc.tables) == 2
    first = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert first[0] == ["Unsur", "Uraian"]
    assert first[2] == ["Indikator kinerja", "S1.1 Angka kematian bayi"]
    assert first[3][0] == "Definisi operasional" and first[3][1].startswith("Jumlah kematian")
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells
    )
    assert "[diisi: formula]" in text  # S1.2's gap
    assert "ikutool" not in text and "iku.yaml" not in text
    second = next(p for p in doc.paragraphs if p.text.startswith("S1.2 "))
    assert second.paragraph_format.page_break_before  # on a page of its own


def test_manual_needs_out_for_docx(iku_cli, folder) -> None:
    result = iku_cli("manual", "--iku", "iku.yaml", "-f", "docx")
    assert result.exit_code == 2 and "--out" in result.stderr


def test_manual_refuses_to_overwrite(iku_cli, folder) -> None:
    (folder / "manual.md").write_text("punya petugas", encoding="utf-8")
    result = iku_cli("manual", "--iku", "iku.yaml", "-f", "markdown", "--out", "manual.md")
    assert result.exit_code != 0
    assert (folder / "manual.md").read_text(encoding="utf-8") == "punya petugas"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("frekuensi: tahunan", "frekuensi: harian", "tahunan"),
        ('nilai: "8,2 per 1.000 KH"', 'nilai: "8,2 M"', "kondisi awal"),
        ("kondisi_awal: {tahun: 2020, nilai: N/A}", "kondisi_awal: 2020", "kondisi_awal"),
    ],
)
def test_manual_fields_written_wrongly_are_located(iku_cli, folder, old, new, words) -> None:
    text = IKU.replace(old, new)
    (folder / "iku.yaml").write_text(text, encoding="utf-8")
    result = iku_cli("validate", "iku.yaml")
    assert result.exit_code == 1
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if new in ln)
    assert re.search(rf"^iku\.yaml:{line}:\d+: galat", result.stdout, re.MULTILINE), result.stdout
    assert words in result.stdout


def test_lkjip_bab2_lists_the_iku_with_formula_and_kondisi_awal(iku_cli, folder) -> None:
    (folder / "realisasi").mkdir()
    (folder / "realisasi" / "2022.yaml").write_text(
        "tahun: 2022\nrealisasi:\n  S1.1: '7,4'\n", encoding="utf-8"
    )
    md = iku_cli("lkjip", "--tahun", "2022", "--iku", "iku.yaml", "-f", "markdown").stdout
    bab2 = md.split("## BAB II")[1].split("## BAB III")[0]
    assert "Indikator Kinerja Utama 2021-2023" in bab2
    row = next(ln for ln in bab2.splitlines() if ln.startswith("| 1 |"))
    assert "(jumlah kematian bayi / jumlah kelahiran hidup) x 1.000" in row
    assert "8,2 per 1.000 KH (2020)" in row and "Profil Kesehatan Kabupaten" in row
    row2 = next(ln for ln in bab2.splitlines() if ln.startswith("| 2 |"))
    assert "\\[diisi: formula\\]" in row2


def test_bundled_manual_is_all_gaps_but_the_data_source(iku_cli) -> None:
    # the seed writes no definisi or formula: the Manual says so, it does not invent them
    data = json.loads(iku_cli("manual", "-f", "json").stdout)
    assert len(data["indikator"]) == 9 and data["lengkap"] == []
    assert all(i["definisi"] is None and i["formula"] is None for i in data["indikator"])
    assert all(i["sumber_data"].startswith("Bid.") for i in data["indikator"])
