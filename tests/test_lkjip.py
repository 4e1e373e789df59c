"""The LKjIP chapter: PK targets, anggaran, the seven analyses, the Word document read back, and
the evaluators' checklist."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ikutool.formatting.numbers import format_angka

approx = pytest.approx


def lkjip_json(iku_cli, *args: str) -> dict:
    result = iku_cli("lkjip", "--tahun", "2019", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def indikator(data: dict, kode: str) -> dict:
    return next(i for s in data["sasaran"] for i in s["indikator"] if i["kode"] == kode)


def test_pk_targets_change_the_capaian_and_every_output_says_pk(iku_cli, workspace) -> None:
    data = lkjip_json(iku_cli)
    s12 = indikator(data, "S1.2")
    # PK 55 org instead of the Renstra's 60: 58 / 55 x 100, not 58 / 60 x 100
    assert s12["target_sumber"] == "pk" and s12["capaian"] == approx(58 / 55 * 100)
    assert s12["target_renstra_teks"] == "60 org"
    assert indikator(data, "S2.1")["target_sumber"] == "renstra"
    s32 = indikator(data, "S3.2")
    assert s32["capaian"] == approx((6.5 / 6 * 100 + 19 / 15 * 100) / 2)
    outputs = {
        "capaian table": iku_cli("capaian", "--tahun", "2019").stdout,
        "capaian markdown": iku_cli("capaian", "--tahun", "2019", "-f", "markdown").stdout,
        "capaian csv": iku_cli("capaian", "--tahun", "2019", "-f", "csv").stdout,
        "report": iku_cli("report", "--tahun", "2019").stdout,
        "lkjip markdown": iku_cli("lkjip", "--tahun", "2019", "-f", "markdown").stdout,
    }
    for name, text in outputs.items():
        assert "PK" in text or ",pk," in text, name
    capaian = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    got = {i["kode"]: i["target_sumber"] for s in capaian["sasaran"] for i in s["indikator"]}
    assert got["S1.2"] == "pk" and got["S4.1"] == "renstra"
    assert capaian["berkas_pk"] == "pk/2019.yaml"
    # and without the PK file, the Renstra target stands again
    (workspace / "pk" / "2019.yaml").unlink()
    assert indikator(lkjip_json(iku_cli), "S1.2")["capaian"] == approx(58 / 60 * 100)


def test_anggaran_serapan_and_efisiensi_by_hand(iku_cli, workspace) -> None:
    data = lkjip_json(iku_cli)
    s3 = next(s for s in data["sasaran"] if s["kode"] == "S3")
    # two programs serve S3: (752 + 285) / (800 + 300) juta
    assert s3["anggaran"]["pagu"] == 1_100_000_000
    assert s3["anggaran"]["serapan"] == approx(1_037 / 1_100 * 100)
    assert s3["efisiensi"]["metode"] == "rasio"
    assert s3["efisiensi"]["nilai"] == approx(s3["capaian"] / s3["anggaran"]["serapan"] * 100)
    s4 = next(s for s in data["sasaran"] if s["kode"] == "S4")
    assert s4["efisiensi"]["kategori"] == "kurang efisien"  # 84 / 90 x 100 = 93,33
    assert len(data["program"]) == 5


def test_proyeksi_in_json_and_report(iku_cli, workspace) -> None:
    data = lkjip_json(iku_cli)
    p = indikator(data, "S2.1")["proyeksi"]
    assert p["status"] == "perlu percepatan" and p["komponen"][0]["rasio"] == approx(0.5)
    rep = json.loads(iku_cli("report", "-f", "json").stdout)
    s21 = next(i for s in rep["sasaran"] for i in s["indikator"] if i["kode"] == "S2.1")
    assert s21["proyeksi"]["status"] == "perlu percepatan"


def test_docx_reads_back_with_the_same_figures(iku_cli, workspace) -> None:
    from docx import Document

    out = workspace / "lkjip-2019.docx"
    result = iku_cli("lkjip", "--tahun", "2019", "-f", "docx", "--out", str(out))
    assert result.exit_code == 0, result.output
    doc = Document(str(out))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "BAB II PERENCANAAN KINERJA" in headings and "BAB III AKUNTABILITAS KINERJA" in headings
    assert sum(h.startswith("Sasaran ") for h in headings) == 4
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    numbers = [c.split(" ")[1] for c in captions if c.startswith("Tabel 3.")]
    assert numbers == [f"3.{n}" for n in range(1, len(numbers) + 1)]  # numbered in order
    assert len(numbers) == 4 * 7 + 1  # seven analyses per sasaran, plus Bab III B
    # every table header repeats on every page
    for table in doc.tables:
        assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    # figures equal the JSON, in Indonesian format, right-aligned
    data = lkjip_json(iku_cli)
    text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    for sas in data["sasaran"]:
        assert format_angka(sas["capaian"], 2) in text
        for ind in sas["indikator"]:
            if ind["capaian"] is not None:
                assert format_angka(ind["capaian"], 2) in text
    capaian_cells = [
        c
        for t in doc.tables
        for r in t.rows[1:]
        for c in r.cells
        if re.fullmatch(r"\d+,\d\d", c.text)
    ]
    assert capaian_cells and all(c.paragraphs[0].alignment == 2 for c in capaian_cells)  # RIGHT
    # the page number field and the signature block
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "fldChar" in footer
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "SYAFRIWAN, SE" in body and "NIP. 19660912 199603 1 001" in body
    assert "CONTOH" in body


def test_missing_words_are_placeholders_never_prose(iku_cli, workspace) -> None:
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX

    path = workspace / "realisasi" / "2019.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept, skip = [], False
    for line in lines:  # drop every 'analisis:' block
        if line.strip() == "analisis:":
            skip = True
            continue
        if skip and line.startswith("      "):
            continue
        skip = False
        kept.append(line)
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    out = workspace / "l.docx"
    assert iku_cli("lkjip", "--tahun", "2019", "-f", "docx", "--out", str(out)).exit_code == 0
    doc = Document(str(out))
    runs = [
        r
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    holes = [r for r in runs if r.text.startswith("[diisi:")]
    assert {r.text for r in holes} >= {
        "[diisi: faktor pendorong]",
        "[diisi: faktor penghambat]",
        "[diisi: solusi]",
        "[diisi: program dan kegiatan pendukung]",
    }
    assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in holes)
    assert "(Contoh)" not in "\n".join(r.text for r in runs)  # nothing invented in their place


def test_periksa_lists_exactly_what_is_missing(iku_cli, workspace) -> None:
    import shutil

    shutil.rmtree(workspace / "anggaran")
    shutil.rmtree(workspace / "program")
    path = workspace / "realisasi" / "2019.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\n    analisis:\n(      .*\n)+", "\n", text)
    path.write_text(text, encoding="utf-8")
    assert "analisis:" not in text and "pembanding" in text
    result = iku_cli("lkjip", "--tahun", "2019", "--periksa", "-f", "json")
    assert result.exit_code == 0, result.output  # advice, not an error
    items = json.loads(result.stdout)["kelengkapan"]
    missing = {(k["sasaran"], k["nomor"]) for k in items if not k["ada"]}
    assert missing == {(s, n) for s in ("S1", "S2", "S3", "S4") for n in (5, 6, 7)}
    six = next(k for k in items if k["sasaran"] == "S1" and k["nomor"] == 6)
    assert "program/2019.yaml" in six["sumber"] and "[S1]" in six["sumber"]
    five = next(k for k in items if k["sasaran"] == "S2" and k["nomor"] == 5)
    assert "realisasi.S2.1.analisis" in five["sumber"]
    table = iku_cli("lkjip", "--tahun", "2019", "--periksa")
    assert table.exit_code == 0 and "12 dari 28 analisis belum lengkap" in table.stdout


def test_html_and_table_formats(iku_cli, workspace) -> None:
    out = workspace / "l.html"
    assert iku_cli("lkjip", "--tahun", "2019", "-f", "html", "--out", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "Tabel 3.29" in page and "@page{size:A4" in page
    screen = iku_cli("lkjip", "--tahun", "2019")
    assert screen.exit_code == 0 and "Tabel 3.1" in screen.stdout
    assert iku_cli("lkjip", "--tahun", "2019", "-f", "docx").exit_code == 2  # needs --out


def test_lkjip_in_a_new_workspace_without_pk_or_anggaran(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "baru").exit_code == 0
    monkeypatch.chdir(tmp_path / "baru")
    assert iku_cli("realisasi", "template", "--tahun", "2025").exit_code == 0
    assert iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=81").exit_code == 0
    result = iku_cli("lkjip", "--tahun", "2025", "-f", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout.replace("**", "").replace("\\", "")
    assert "target Renstra tahun itu" in text
    assert "[diisi: pagu dan realisasi anggaran setiap program tahun 2025]" in text
    assert "[diisi: nama kepala]" in text
    # placeholders speak the officer's language: no file, key or YAML in the document
    assert "anggaran/2025.yaml" not in text and "sasaran: [" not in text


def test_bad_pk_and_anggaran_files_are_located(iku_cli, workspace) -> None:
    pk = workspace / "pk" / "2019.yaml"
    pk.write_text('tahun: 2019\ntarget:\n  S1.2: "55 Kop"\n', encoding="utf-8")
    result = iku_cli("lkjip", "--tahun", "2019")
    assert result.exit_code == 1 and "pk/2019.yaml:3:9: galat IKU210" in result.stderr
    assert iku_cli("capaian", "--tahun", "2019").exit_code == 1
    pk.unlink()
    budget = workspace / "program" / "2019.yaml"
    budget.write_text(
        budget.read_text(encoding="utf-8").replace(
            'IV: "Rp 120.000.000"}', 'IV: "Rp 220.000.000"}'
        ),
        encoding="utf-8",
    )
    result = iku_cli("lkjip", "--tahun", "2019")
    assert result.exit_code == 1 and "IKU314" in result.stderr and "melebihi pagu" in result.stderr
    assert not list(Path(workspace).glob("*.docx"))


def test_xlsx_report_marks_pk_targets(iku_cli, workspace) -> None:
    out = workspace / "r.xlsx"
    assert iku_cli("report", "--tahun", "2019", "-f", "xlsx", "--out", str(out)).exit_code == 0
    ws = load_workbook(out)["2019"]
    cell = next(c for r in ws.iter_rows() for c in r if c.value == 55)
    assert cell.number_format.endswith('" (PK)"')


def test_periksa_says_what_is_partly_there(iku_cli, workspace) -> None:
    """Issue 15 (9): an analysis some indicators of a sasaran have is "sebagian", naming the
    ones still missing, not "belum" as if nothing were there."""
    path = workspace / "realisasi" / "2019.yaml"
    text = path.read_text("utf-8")
    text = text.replace(
        "      solusi: (Contoh) Pendampingan lanjutan bagi peserta pelatihan.\n", ""
    )
    path.write_text(text, "utf-8")
    items = json.loads(iku_cli("lkjip", "--tahun", "2019", "--periksa", "-f", "json").stdout)[
        "kelengkapan"
    ]
    five = next(k for k in items if k["sasaran"] == "S1" and k["nomor"] == 5)
    assert five["status"] == "sebagian" and not five["ada"]
    assert "realisasi.S1.2.analisis (solusi)" in five["sumber"]
    assert "S1.1" not in five["sumber"]
    table = iku_cli("lkjip", "--tahun", "2019", "--periksa").stdout
    assert "sebagian" in table
