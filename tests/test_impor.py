"""Realisasi in and out of Excel: the template, filled as a user fills it, imported back."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

CORPUS = Path(__file__).parent / "corpus" / "xlsx"
approx = pytest.approx


def cache_formula(path: Path, sheet_xml: str, ref: str, value: float) -> None:
    """Give a formula cell the cached value Excel stores on save (openpyxl cannot compute)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[sheet_xml].decode("utf-8")
    xml = re.sub(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*>\s*</v>', rf"\g<1><v>{value}</v>", xml)
    xml = re.sub(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>', rf"\g<1><v>{value}</v>", xml)
    parts[sheet_xml] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def row_of(ws, kode: str, kunci: str | None = None) -> int:
    for r in range(7, ws.max_row + 1):
        if ws.cell(row=r, column=2).value == kode and (
            kunci is None or ws.cell(row=r, column=5).value == kunci
        ):
            return r
    raise LookupError(kode)


@pytest.fixture
def filled(iku_cli, workspace: Path) -> Path:
    """The 2020 workbook, per bidang, filled as a user would: a number, a text number, a % cell,
    a formula (with its cached value), an empty cell, a text note, an extra column and row."""
    out = workspace / "realisasi-2020.xlsx"
    result = iku_cli(
        "realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--per-bidang", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    fill_like_a_user(out)
    return out


def fill_like_a_user(out: Path) -> None:
    wb = load_workbook(out)
    ukm, pasar = wb["UKM"], wb["Perdagangan"]
    ukm.cell(row=row_of(ukm, "S1.1", "umkm"), column=12, value=2600)
    ukm.cell(row=row_of(ukm, "S1.1", "sertifikasi_usaha_mikro"), column=12, value="1.234,5")
    ukm.cell(row=row_of(ukm, "S1.2"), column=12, value="=50+8")
    # S1.1 kop_ksp_usp_umkm stays empty
    ukm.cell(row=row_of(ukm, "S1.2"), column=17, value="Pelatihan diikuti 58 orang")
    cell = pasar.cell(row=row_of(pasar, "S3.2", "impor"), column=12, value=0.185)
    cell.number_format = "0.0%"
    pasar.cell(row=row_of(pasar, "S3.2", "ekspor"), column=12, value="6.5")  # English decimal
    ukm.cell(row=6, column=ukm.max_column + 4, value="Catatan saya")  # a column a user added
    ukm.cell(row=ukm.max_row + 2, column=3, value="Diperiksa oleh: Kasubag")  # and a row
    wb.save(out)
    ref = f"L{row_of(load_workbook(out)['UKM'], 'S1.2')}"
    cache_formula(out, "xl/worksheets/sheet2.xml", ref, 58)  # sheet1 is Petunjuk


def test_round_trip_template_fill_import_capaian(iku_cli, workspace: Path, filled: Path) -> None:
    # a realisasi file with the officer's comment already exists for 2020
    assert iku_cli("realisasi", "template", "--tahun", "2020").exit_code == 0
    path = workspace / "realisasi" / "2020.yaml"
    path.write_text("# catatan petugas: diisi dari bidang\n" + path.read_text("utf-8"), "utf-8")
    dry = iku_cli("realisasi", "impor", str(filled), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "S1.1 UMKM (realisasi): (kosong) -> 2.600" in dry.stdout
    assert "format Inggris" in dry.stdout and "sel berformat persen" in dry.stdout
    assert "tidak ada yang ditulis" in dry.stdout
    before = path.read_bytes()
    assert iku_cli("realisasi", "impor", str(filled), "--dry-run").exit_code == 0
    assert path.read_bytes() == before  # --dry-run wrote nothing
    result = iku_cli("realisasi", "impor", str(filled))
    assert result.exit_code == 0, result.output
    assert "6 nilai diubah" in result.stdout
    text = path.read_text("utf-8")
    assert text.startswith("# catatan petugas: diisi dari bidang\n")  # comments survive
    assert "kop_ksp_usp_umkm: null" in text  # the empty cell left it as it was
    data = json.loads(iku_cli("capaian", "--tahun", "2020", "-f", "json").stdout)
    comps = {
        (i["kode"], c["kunci"]): c["realisasi"]
        for s in data["sasaran"]
        for i in s["indikator"]
        for c in i["komponen"]
    }
    assert comps[("S1.1", "umkm")] == 2600
    assert comps[("S1.1", "sertifikasi_usaha_mikro")] == 1234.5
    assert comps[("S1.2", "org")] == 58  # the formula's value
    assert comps[("S3.2", "impor")] == approx(18.5)  # 0,185 in a % cell
    assert comps[("S3.2", "ekspor")] == 6.5
    assert comps[("S1.1", "kop_ksp_usp_umkm")] is None
    s12 = next(i for s in data["sasaran"] for i in s["indikator"] if i["kode"] == "S1.2")
    assert s12["catatan"] == "Pelatihan diikuti 58 orang"
    again = iku_cli("realisasi", "impor", str(filled))
    assert "0 nilai diubah, 6 sama" in again.stdout  # importing twice changes nothing


def test_template_prefills_and_protects(iku_cli, workspace: Path) -> None:
    out = workspace / "r2019.xlsx"
    assert (
        iku_cli(
            "realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out)
        ).exit_code
        == 0
    )
    wb = load_workbook(out)
    assert wb.sheetnames == ["Petunjuk", "Realisasi", "_ikutool"]
    assert wb["_ikutool"].sheet_state == "hidden"
    ws = wb["Realisasi"]
    assert ws.protection.sheet and not ws.protection.password
    assert [c.value for c in ws[6]][:12] == [
        "No", "Kode", "Indikator", "Komponen", "Kunci komponen", "Satuan", "Target",
        "Target TW I", "Target TW II", "Target TW III", "Target TW IV", "Realisasi",
    ]  # fmt: skip
    # the rencana aksi's quarter targets beside the cells (S4.1: 10 15 15 10 IKM), read-only
    s41 = row_of(ws, "S4.1")
    assert [ws.cell(row=s41, column=c).value for c in range(8, 12)] == [10, 15, 15, 10]
    assert ws.cell(row=s41, column=8).protection.locked is True
    assert ws.cell(row=row_of(ws, "S2.1"), column=8).value == "-"  # no quarter target
    r = row_of(ws, "S1.2")
    assert ws.cell(row=r, column=12).value == 58  # pre-filled from realisasi/2019.yaml
    assert ws.cell(row=r, column=12).protection.locked is False
    assert ws.cell(row=r, column=2).protection.locked is True
    assert ws.cell(row=row_of(ws, "S4.1"), column=13).value == 10  # quarters pre-filled
    ranges = [str(dv.sqref) for dv in ws.data_validations.dataValidation]
    assert any(f"L{r}" in s for s in ranges)
    assert ws.page_setup.orientation == "landscape"
    bidang = workspace / "ukm.xlsx"
    assert (
        iku_cli(
            "realisasi",
            "template",
            "--tahun",
            "2019",
            "-f",
            "xlsx",
            "--bidang",
            "UKM",
            "--out",
            str(bidang),
        ).exit_code
        == 0
    )
    ws = load_workbook(bidang)["Realisasi"]
    codes = {ws.cell(row=r, column=2).value for r in range(7, ws.max_row + 1)}
    assert codes == {"S1.1", "S1.2", "S1.3"}


def test_several_bidang_workbooks_and_a_conflict(iku_cli, workspace: Path) -> None:
    out = {}
    for key in ("UKM", "Koperasi"):
        out[key] = workspace / f"{key}.xlsx"
        assert (
            iku_cli(
                "realisasi",
                "template",
                "--tahun",
                "2020",
                "-f",
                "xlsx",
                "--bidang",
                key,
                "--out",
                str(out[key]),
            ).exit_code
            == 0
        )
    for key, kode, value in (("UKM", "S1.2", 61), ("Koperasi", "S2.1", 27)):
        wb = load_workbook(out[key])
        wb["Realisasi"].cell(row=row_of(wb["Realisasi"], kode), column=12, value=value)
        wb.save(out[key])
    result = iku_cli("realisasi", "impor", str(out["UKM"]), str(out["Koperasi"]))
    assert result.exit_code == 0, result.output
    text = (workspace / "realisasi" / "2020.yaml").read_text("utf-8")
    assert "S1.2: 61" in text and "S2.1: 27" in text
    # a second copy of the UKM workbook with another value for S1.2: both cells are named
    other = workspace / "UKM-revisi.xlsx"
    shutil.copyfile(out["UKM"], other)
    wb = load_workbook(other)
    wb["Realisasi"].cell(row=row_of(wb["Realisasi"], "S1.2"), column=12, value=62)
    wb.save(other)
    before = (workspace / "realisasi" / "2020.yaml").read_bytes()
    result = iku_cli("realisasi", "impor", str(out["UKM"]), str(other))
    assert result.exit_code == 1
    assert (
        "UKM-revisi.xlsx!Realisasi!L" in result.stderr and "UKM.xlsx!Realisasi!L" in result.stderr
    )
    assert (workspace / "realisasi" / "2020.yaml").read_bytes() == before


LO_FIXTURE = Path(__file__).parent / "corpus" / "xlsx-valid" / "libreoffice-2020.xlsx"


def test_a_workbook_saved_by_libreoffice_imports_the_same(iku_cli, workspace: Path) -> None:
    """tests/corpus/xlsx-valid/libreoffice-2020.xlsx is the filled workbook of the fixture above
    after `soffice --convert-to xlsx` (see make_libreoffice_fixture in this module)."""
    result = iku_cli("realisasi", "impor", str(LO_FIXTURE), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "6 nilai akan berubah" in result.stdout
    for expected in ("-> 2.600", "-> 1.234,5", "-> 58", "-> 18,5", "-> 6,5"):
        assert expected in result.stdout, expected


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_live_libreoffice_round_trip(iku_cli, workspace: Path, filled: Path, tmp_path) -> None:
    converted = make_libreoffice_copy(filled, tmp_path)
    a = iku_cli("realisasi", "impor", str(filled), "--dry-run").stdout
    b = iku_cli("realisasi", "impor", str(converted), "--dry-run").stdout
    strip = lambda s: re.sub(r"\[[^\]]*\]|Impor .*\n", "", s)  # noqa: E731 - cell addresses differ only by file
    assert strip(a) == strip(b)


def make_libreoffice_copy(path: Path, tmp_path: Path) -> Path:
    out = tmp_path / "lo"
    out.mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / path.name


# --- the bad-workbook corpus ----------------------------------------------------------------

BAD = {
    # a number with a unit is read, but this one is not the target's ("sertifikasi usaha mikro")
    "01-text-not-a-number.xlsx": ("IKU312", "!Realisasi!H8", "[S1.1 sertifikasi usaha mikro]", "'85 orang' ditulis dengan satuan 'orang'"),
    "02-negative-count.xlsx": ("IKU304", "!Realisasi!H10", "[S1.2]", "tidak mungkin negatif"),
    "03-percent-format-on-count.xlsx": ("IKU312", "!Realisasi!H10", "[S1.2]", "berformat persen"),
    "04-percent-text-on-count.xlsx": ("IKU312", "!Realisasi!H10", "[S1.2]", "bukan persen"),
    "05-date-instead-of-number.xlsx": ("IKU303", "!Realisasi!H17", "[S3.3", "menjadi tanggal"),
    "06-duplicated-row.xlsx": ("IKU306", "!Realisasi!H20", "[S1.2]", "juga diisi di"),
    "07-unknown-code.xlsx": ("IKU301", "!Realisasi!B20", "", "'S9.9' tidak ada"),
    "08-unknown-component.xlsx": ("IKU302", "!Realisasi!B16", "[S3.2]", "'impr'"),
    "09-bad-tingkat.xlsx": ("IKU209", "!Realisasi!P10", "[S1.2]", "tingkat pembanding"),
    "10-formula-without-value.xlsx": ("IKU303", "!Realisasi!H10", "[S1.2]", "rumus tanpa nilai"),
    "11-not-a-template.xlsx": ("IKU108", ": galat", "", "bukan templat realisasi"),
    "12-header-row-deleted.xlsx": ("IKU108", "!Realisasi: galat", "", "baris judul"),
    "13-other-iku.xlsx": ("IKU108", ": galat", "", "dibuat untuk IKU lain"),
    "14-other-year.xlsx": ("IKU108", ": galat", "", "tahun 2018, bukan 2019"),
    "15-csv-export.csv": ("IKU108", ": galat", "", "berkas CSV"),
    "16-old-excel.xls": ("IKU108", ": galat", "", "Excel lama (.xls)"),
    "17-password.xlsx": ("IKU108", ": galat", "", "kata sandi"),
    "18-truncated.xlsx": ("IKU108", ": galat", "", "rusak"),
    "19-word-document.docx": ("IKU108", ": galat", "", "dokumen Word"),
    "20-zip-bomb.xlsx": ("IKU105", ": galat", "", "terlalu besar setelah dibuka"),
}  # fmt: skip


def test_bad_corpus_is_complete() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix != ".py"}
    assert on_disk == set(BAD) and len(BAD) >= 15


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_workbooks(iku_cli, workspace: Path, name: str) -> None:
    code, where, label, fragment = BAD[name]
    path = workspace / "realisasi" / "2019.yaml"
    before = path.read_bytes()
    shutil.copyfile(CORPUS / name, workspace / name)
    result = iku_cli("realisasi", "impor", name, "--tahun", "2019")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    line = next(x for x in result.stderr.splitlines() if code in x)
    assert line.startswith(name + where), line
    assert label in line and fragment in line, line
    assert path.read_bytes() == before  # byte-identical
    assert sorted(p.name for p in path.parent.iterdir()) == ["2017.yaml", "2018.yaml", "2019.yaml"]


def test_all_problems_at_once(iku_cli, workspace: Path) -> None:
    for name in ("01-text-not-a-number.xlsx", "02-negative-count.xlsx"):
        shutil.copyfile(CORPUS / name, workspace / name)
    result = iku_cli(
        "realisasi",
        "impor",
        "01-text-not-a-number.xlsx",
        "02-negative-count.xlsx",
        "--tahun",
        "2019",
    )
    assert result.exit_code == 1 and "IKU312" in result.stderr and "IKU304" in result.stderr
    assert "2 galat ditemukan" in result.stderr


def test_the_template_measures_against_the_pk(iku_cli, workspace: Path) -> None:
    """Issue 15 (6): where a PK changes a target, the template shows the PK's, as capaian and
    lkjip measure against it (YAML and xlsx)."""
    text = iku_cli("realisasi", "template", "--tahun", "2019", "--out", "-").stdout
    assert "S1.2: null  # target 55 org (PK; Renstra 60 org)" in text
    assert "S2.1: null  # target 25 Kop\n" in text
    # the default file name: no --out needed for a workbook
    result = iku_cli("realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--per-bidang")
    assert result.exit_code == 0, result.output
    wb = load_workbook(workspace / "realisasi-2019.xlsx")
    ws = wb["UKM"]
    cell = ws.cell(row=row_of(ws, "S1.2"), column=7)
    assert cell.value == 55 and cell.number_format.endswith('" (PK)"')  # a number, marked
    assert "Perjanjian Kinerja" in ws["A3"].value


def test_the_template_reads_as_a_person_reads_it(iku_cli, workspace: Path) -> None:
    """Issue 15 (16): no internal key visible, no unit repeated as a component, polarity said,
    bidang sheets in the declared order, columns printed a group to a page."""
    iku = workspace / "iku.yaml"
    iku.write_text(
        iku.read_text("utf-8").replace(
            "uraian: Koperasi Aktif", "uraian: Koperasi Aktif\n        polaritas: negatif"
        ),
        "utf-8",
    )
    out = workspace / "t.xlsx"
    assert (
        iku_cli(
            "realisasi",
            "template",
            "--tahun",
            "2020",
            "-f",
            "xlsx",
            "--per-bidang",
            "--out",
            str(out),
        ).exit_code
        == 0
    )
    wb = load_workbook(out)
    assert wb.sheetnames[:5] == ["Petunjuk", "UKM", "Koperasi", "Perdagangan", "Perindustrian"]
    ws = wb["UKM"]
    assert ws.column_dimensions["E"].hidden  # Kunci komponen: kept for impor, not shown
    assert ws.cell(row=row_of(ws, "S1.2"), column=4).value == "-"
    assert ws.cell(row=row_of(ws, "S1.1", "umkm"), column=4).value == "UMKM"
    kop = wb["Koperasi"]
    assert "(makin rendah makin baik)" in kop.cell(row=row_of(kop, "S2.1"), column=3).value
    # one group a page: targets, realisasi, catatan and kendala, source and comparison, analyses;
    # at a fixed scale (under "fit to pages" Excel and LibreOffice ignore the breaks)
    assert [b.id for b in ws.col_breaks.brk] == [11, 16, 21, 25] and ws.print_title_cols == "$A:$C"
    # by hand: A4 landscape less 2 x 12,7 mm = 271,6 mm = 146,6 widths of 1,852 mm, 90 % of it
    # 132,0; the widest page is No, Kode, Indikator (5 + 8 + 34) + Catatan 24 + 4 x 22 = 159:
    # 132,0 / 159 = 83 %
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale == 83


def test_isi_holds_the_same_rule_as_a_file(iku_cli, workspace: Path) -> None:
    """Issue 15 (7): "120%" for a count is refused by isi as it is in YAML and Excel."""
    path = workspace / "realisasi" / "2019.yaml"
    before = path.read_bytes()
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S1.2=120%")
    assert result.exit_code == 1 and "IKU312" in result.stderr and "bukan persen" in result.stderr
    assert path.read_bytes() == before
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S1.2=1,250")
    assert result.exit_code == 0 and "IKU317" in result.stderr  # a fraction of people: a warning
    assert "1,25 (!)" in iku_cli("capaian", "--tahun", "2019").stdout


def test_a_dash_is_no_data_and_hapus_clears(iku_cli, workspace: Path) -> None:
    """Issue 15 (24): "-" in a number cell is "no data"; HAPUS takes a wrong value out; an English
    "1,250" for a count is a warning that names the English reading."""
    out = workspace / "r.xlsx"
    assert (
        iku_cli(
            "realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out)
        ).exit_code
        == 0
    )
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    ws.cell(row=row_of(ws, "S1.2"), column=12, value="-")
    ws.cell(row=row_of(ws, "S2.1"), column=12, value="hapus")
    ws.cell(row=row_of(ws, "S3.1"), column=12, value="1,250")
    wb.save(out)
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 0, result.output
    assert "S2.1" in result.stdout and "24 -> (kosong)" in result.stdout
    assert "S1.2" not in result.stdout  # unchanged
    assert "IKU317" in result.stderr and "1.250 (format Inggris" in result.stderr
    data = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    s21 = next(i for s in data["sasaran"] for i in s["indikator"] if i["kode"] == "S2.1")
    assert s21["status"] == "belum_ada_realisasi"


def test_a_stale_workbook_never_reverts_a_newer_edit(iku_cli, workspace: Path) -> None:
    """Issue 16 (1): Monday the workbook goes out with S3.1 = 112; Tuesday the officer corrects
    the file to 222; Wednesday the bidang returns the workbook untouched for S3.1 (and with a new
    figure for S2.1). 222 stays; S2.1 is written."""
    out = workspace / "senin.xlsx"
    assert (
        iku_cli(
            "realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out)
        ).exit_code
        == 0
    )
    assert iku_cli("realisasi", "isi", "--tahun", "2019", "S3.1=222").exit_code == 0  # Tuesday
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    assert ws.cell(row=row_of(ws, "S3.1"), column=12).value == 112  # as it was made
    ws.cell(row=row_of(ws, "S2.1"), column=12, value=25)  # the bidang's own change
    wb.save(out)
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 0, result.output
    assert "S3.1" not in result.stdout.split("\n", 1)[1].split("nilai diubah")[0]
    assert "S2.1 (realisasi): 24 -> 25" in result.stdout
    assert "tidak diubah bidang (nilai di berkas yang berlaku)" in result.stdout
    data = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    got = {
        i["kode"]: i["komponen"][0]["realisasi"] for s in data["sasaran"] for i in s["indikator"]
    }
    assert got["S3.1"] == 222 and got["S2.1"] == 25


def test_a_real_conflict_is_refused_with_both_sides_named(iku_cli, workspace: Path) -> None:
    out = workspace / "senin.xlsx"
    assert (
        iku_cli(
            "realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out)
        ).exit_code
        == 0
    )
    assert iku_cli("realisasi", "isi", "--tahun", "2019", "S3.1=222").exit_code == 0
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    cell = ws.cell(row=row_of(ws, "S3.1"), column=12, value=150)
    wb.save(out)
    path = workspace / "realisasi" / "2019.yaml"
    before = path.read_bytes()
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 1
    assert f"senin.xlsx!Realisasi!{cell.coordinate}" in result.stderr and "IKU318" in result.stderr
    assert (
        "berisi 112" in result.stderr
        and "menjadi 222" in result.stderr
        and "diisi 150" in result.stderr
    )
    assert path.read_bytes() == before  # nothing written


def test_an_edit_made_while_importing_is_not_lost(iku_cli, workspace: Path, monkeypatch) -> None:
    """The rule is applied again under the file's lock: an isi that lands between the plan and
    the write makes the import stop, it is never overwritten."""
    import ikutool.excel.impor as impor

    out = workspace / "r.xlsx"
    assert (
        iku_cli(
            "realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out)
        ).exit_code
        == 0
    )
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    ws.cell(row=row_of(ws, "S3.1"), column=12, value=150)
    wb.save(out)
    real_plan = impor.plan
    calls = []

    def plan_then_someone_edits(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:  # after the first plan, before the lock: another officer's isi
            result = real_plan(*args, **kwargs)
            from typer.testing import CliRunner

            from ikutool.cli.app import app

            CliRunner().invoke(app, ["realisasi", "isi", "--tahun", "2019", "S3.1=333"])
            return result
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(impor, "plan", plan_then_someone_edits)
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 1 and "IKU318" in result.stderr and "menjadi 333" in result.stderr
    text = (workspace / "realisasi" / "2019.yaml").read_text("utf-8")
    assert "nilai: 333" in text


def test_a_workbook_from_an_older_version_is_refused(iku_cli, workspace: Path) -> None:
    out = workspace / "lama.xlsx"
    assert (
        iku_cli(
            "realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out)
        ).exit_code
        == 0
    )
    wb = load_workbook(out)
    meta = wb["_ikutool"]
    row = next(r for r in range(1, 20) if meta.cell(row=r, column=1).value == "versi")
    meta.cell(row=row, column=2, value=1)
    wb.save(out)
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 1 and "versi ikutool lama" in result.stderr


def test_user_text_is_never_a_formula_in_a_workbook(iku_cli, workspace: Path) -> None:
    """Issue 16 (2): text that starts with =, +, -, @, a tab or a CR is written as text, and
    reads back as the same text."""
    hostile = [
        '=HYPERLINK("http://contoh.invalid","klik")',
        "+62 812",
        "-tidak ada-",
        "@bidang",
        "\\tcatatan",
    ]
    path = workspace / "realisasi" / "2019.yaml"
    text = path.read_text("utf-8").replace(
        "    catatan: Satu koperasi tidak melaksanakan RAT", f"    catatan: '{hostile[0]}'"
    )
    path.write_text(text, "utf-8")
    out = workspace / "r.xlsx"
    assert (
        iku_cli(
            "realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out)
        ).exit_code
        == 0
    )
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in s for s in sheets)  # no formula anywhere in the workbook
    ws = load_workbook(out)["Realisasi"]
    cell = ws.cell(row=row_of(ws, "S2.1"), column=17)
    assert cell.value == hostile[0] and cell.data_type == "s"
    result = iku_cli("realisasi", "impor", str(out), "--dry-run")
    assert result.exit_code == 0 and "0 nilai akan berubah" in result.stdout
    # a report workbook with the same text in an indicator's name
    iku = workspace / "iku.yaml"
    iku.write_text(
        iku.read_text("utf-8").replace("uraian: Koperasi Aktif", 'uraian: "=1+1 Koperasi"'), "utf-8"
    )
    rep = workspace / "rep.xlsx"
    assert iku_cli("report", "-f", "xlsx", "--out", str(rep)).exit_code == 0
    with zipfile.ZipFile(rep) as z:
        assert not any(
            "<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")
        )


def test_what_a_cell_shows_is_what_is_written(iku_cli, workspace: Path) -> None:
    """Issue 16 (5): a date, a time or a boolean typed into a text column; a %-formatted 0,57;
    a note typed on a component's row of a composite indicator."""
    import datetime as dt

    out = workspace / "r.xlsx"
    assert (
        iku_cli(
            "realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out)
        ).exit_code
        == 0
    )
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    ws.cell(row=row_of(ws, "S2.1"), column=17, value=dt.datetime(2019, 12, 31))  # Catatan
    ws.cell(row=row_of(ws, "S3.1"), column=17, value=dt.time(8, 30))
    cell = ws.cell(row=row_of(ws, "S3.2", "impor"), column=12, value=0.57)
    cell.number_format = "0%"
    wb.save(out)
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 0, result.output
    text = (workspace / "realisasi" / "2019.yaml").read_text("utf-8")
    assert "catatan: 31 Desember 2019" in text and "catatan: '08.30'" in text
    assert "impor: 57" in text and "56,9999" not in text and "00:00:00" not in text
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    ws.cell(row=row_of(ws, "S1.2"), column=17, value=True)
    ws.cell(
        row=row_of(ws, "S1.1", "sertifikasi_usaha_mikro"), column=17, value="catatan salah baris"
    )
    wb.save(out)
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 1
    assert "BENAR/SALAH" in result.stderr
    assert "catatan diisi di baris komponen S1.1 sertifikasi usaha mikro" in result.stderr
    assert "tulis di baris pertamanya (komponen UMKM)" in result.stderr


def _sheet_with(cells: int, merged: int) -> bytes:
    """A template whose sheet XML is padded with ``cells`` cells and ``merged`` ranges."""
    import io

    from ikutool.definition.load import load_iku
    from ikutool.excel.template import realisasi_template_xlsx
    from ikutool.workspace.paths import bundled_iku

    raw = realisasi_template_xlsx(load_iku(bundled_iku()).iku, 2019, None)
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet2.xml":
                xml = data.decode()
                rows = "".join(
                    f'<row r="{1000 + r}">'
                    + "".join(f'<c r="A{1000 + r}"><v>1</v></c>' for _ in range(10))
                    + "</row>"
                    for r in range(cells // 10)
                )
                xml = xml.replace("</sheetData>", rows + "</sheetData>")
                if merged:
                    ranges = "".join(
                        f'<mergeCell ref="Y{100 + i}:Z{100 + i}"/>' for i in range(merged)
                    )
                    xml = xml.replace("</mergeCells>", ranges + "</mergeCells>", 1)
                data = xml.encode()
            z.writestr(name, data)
    return out.getvalue()


def test_a_workbook_of_a_million_cells_is_refused_before_it_is_read(
    iku_cli, workspace: Path
) -> None:
    """Issue 16 (6): counted in the zip, not built by openpyxl (22 s and 570 MB before)."""
    out = workspace / "besar.xlsx"
    out.write_bytes(_sheet_with(1_000_000, 0))
    result = iku_cli("realisasi", "impor", str(out), "--dry-run")
    assert (
        result.exit_code == 1
        and "IKU105" in result.stderr
        and "lebih dari 200.000 sel" in result.stderr
    )


def test_a_thousand_merged_ranges_are_read(iku_cli, workspace: Path) -> None:
    """Issue 16 (6): merged cells are looked up once per sheet (quadratic before: 19 s)."""
    from ikutool.excel.workbook import _merged_tops

    out = workspace / "gabung.xlsx"
    out.write_bytes(_sheet_with(0, 1000))
    assert len(_merged_tops(load_workbook(out)["Realisasi"])) >= 2000
    result = iku_cli("realisasi", "impor", str(out), "--dry-run")
    assert result.exit_code == 0, result.output


def test_a_tab_that_validate_accepts_does_not_stop_an_edit(iku_cli, workspace: Path) -> None:
    """Issue 16 (7): `S1.2:<TAB>58` passes validate; isi and impor refused the file."""
    path = workspace / "realisasi" / "2019.yaml"
    text = (
        path.read_text("utf-8")
        .replace("    nilai: 112", "    nilai:\t112")
        .replace("  S1.2:\n", "  S1.2:\t\n")
    )
    path.write_text(text, "utf-8")
    assert iku_cli("validate", str(path)).exit_code == 0
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S2.1=23")
    assert result.exit_code == 0, result.output
    assert "nilai: 112" in path.read_text("utf-8")  # the tab became a space, the value stands


def test_a_changed_quarter_rule_refuses_an_older_workbook(iku_cli, workspace: Path) -> None:
    # the workbook was made while S3.3 (a percentage) had no quarter rule; the IKU now says
    # 'rata_rata': the same cells would mean another year figure, so the workbook is refused
    out = workspace / "realisasi-2020.xlsx"
    assert iku_cli("realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--out", str(out))
    iku = workspace / "iku.yaml"
    text = iku.read_text(encoding="utf-8")
    marker = "      - kode: S3.3\n"
    assert marker in text
    iku.write_text(
        text.replace(marker, marker + "        agregasi_triwulan: rata_rata\n"), encoding="utf-8"
    )
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 1
    assert "IKU108" in result.stderr + result.stdout and "aturan triwulannya" in (
        result.stderr + result.stdout
    )


def test_import_never_creates_a_missing_realisasi_folder(iku_cli, workspace: Path) -> None:
    # found by the fuzz campaign: ikutool.yaml names a realisasi folder that is not there (a
    # typo); the import used to create it and write the year there, beside the real one
    out = workspace / "realisasi-2020.xlsx"
    assert iku_cli("realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--out", str(out))
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    ws.cell(row=row_of(ws, "S1.2"), column=12, value=58)
    wb.save(out)
    (workspace / "ikutool.yaml").write_text(
        "iku: iku.yaml\nrealisasi: realisasii\n", encoding="utf-8"
    )
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 2
    assert "folder realisasi tidak ada" in result.stderr
    assert not (workspace / "realisasii").exists()
