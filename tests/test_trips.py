"""The small trips of a first year with the tool (issue 25, item 6): each one a test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FOLDERS = ["anggaran", "pk", "program", "realisasi", "renaksi"]


def test_init_makes_every_folder_its_marker_names(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "dinas").exit_code == 0
    root = tmp_path / "dinas"
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == [".skema", *FOLDERS]
    for name in FOLDERS:
        assert not any((root / name).iterdir()), name  # empty: nothing invented


def test_renaksi_template_works_in_a_fresh_workspace(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "dinas").exit_code == 0
    monkeypatch.chdir(tmp_path / "dinas")
    result = iku_cli("renaksi", "template", "--tahun", "2025")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dinas" / "renaksi" / "2025.yaml").is_file()


def test_renaksi_template_makes_its_own_folder(iku_cli, tmp_path, monkeypatch) -> None:
    # a workspace made before init made every folder, or one whose renaksi folder was removed
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "dinas").exit_code == 0
    root = tmp_path / "dinas"
    (root / "renaksi").rmdir()
    monkeypatch.chdir(root)
    result = iku_cli("renaksi", "template", "--tahun", "2025")
    assert result.exit_code == 0, result.output
    assert (root / "renaksi" / "2025.yaml").is_file()
    again = iku_cli("renaksi", "template", "--tahun", "2025")
    assert again.exit_code == 1 and "IKU502" in again.stderr


# --- a year's realisasi through isi, with its units --------------------------------------------

UNITS_IKU = """\
instansi: {nama: Dinas Contoh}
periode: {awal: 2025, akhir: 2026}
sasaran:
  - kode: S1
    uraian: Meningkatnya layanan
    indikator:
      - kode: S1.1
        uraian: Lembaga yang dibina
        target: {2025: "2 lembaga", 2026: "3 lembaga"}
      - kode: S1.2
        uraian: Waktu layanan
        polaritas: negatif
        target: {2025: "4 hari", 2026: "3 hari"}
      - kode: S1.3
        uraian: Kepuasan masyarakat
        target: {2025: "97,45 %", 2026: "98 %"}
      - kode: S1.4
        uraian: Nilai investasi
        target: {2025: "Rp 425 miliar", 2026: "Rp 450 miliar"}
"""


@pytest.fixture
def dinas(iku_cli, tmp_path, monkeypatch) -> Path:
    """A fresh workspace (iku init) with a count, days, a percentage and a rupiah target."""
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "dinas").exit_code == 0
    root = tmp_path / "dinas"
    (root / "iku.yaml").write_text(UNITS_IKU, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def capaian_of(iku_cli, tahun: str = "2025") -> dict[str, dict]:
    result = iku_cli("capaian", "--tahun", tahun, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return {i["kode"]: i for s in data["sasaran"] for i in s["indikator"]}


def test_isi_starts_a_year_that_has_no_file_yet(iku_cli, dinas) -> None:
    path = dinas / "realisasi" / "2025.yaml"
    assert not path.exists()
    result = iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=2")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    # the template's own file (status, every indicator with its target beside it), then the value
    assert "status: sementara" in text
    squeezed = [" ".join(line.split()) for line in text.splitlines()]
    assert "S1.1: 2 # target 2 lembaga" in squeezed
    assert "S1.2: null # target 4 hari" in squeezed
    assert "S1.4: null # target Rp 425 miliar" in squeezed
    assert "berkas baru dibuat dari templat" in result.stdout
    assert capaian_of(iku_cli)["S1.1"]["capaian"] == pytest.approx(100)  # 2 / 2


def test_isi_shows_old_and_new_as_impor_does(iku_cli, dinas) -> None:
    assert iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=2", "S1.2=5").exit_code == 0
    result = iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=3", "S1.2=5", "S1.3=96,5")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Isi realisasi/2025.yaml (tahun 2025)"
    assert "  S1.1 (realisasi): 2 -> 3" in lines
    assert "  S1.2 (realisasi): 5 (sama seperti di berkas)" in lines
    assert "  S1.3 (realisasi): (kosong) -> 96,5" in lines
    assert lines[-1] == "2 nilai diubah, 1 sama seperti di berkas."


def test_isi_reads_a_value_written_with_its_unit_and_says_how(iku_cli, dinas) -> None:
    result = iku_cli(
        "realisasi", "isi", "--tahun", "2025", "S1.1=2 lembaga", "S1.2=4 hari", "S1.3=97,45 %"
    )
    assert result.exit_code == 0, result.output
    assert "  S1.1 (realisasi): (kosong) -> 2" in result.stdout
    assert "'2 lembaga' dibaca 2 (lembaga, satuan targetnya)" in result.stdout
    assert "'4 hari' dibaca 4 (hari, satuan targetnya)" in result.stdout
    assert "'97,45 %' dibaca 97,45 (%, satuan targetnya)" in result.stdout
    rows = capaian_of(iku_cli)
    assert rows["S1.1"]["capaian"] == pytest.approx(100)  # 2 / 2
    assert rows["S1.2"]["capaian"] == pytest.approx(100)  # (2 x 4 - 4) / 4
    assert rows["S1.3"]["capaian"] == pytest.approx(100)


def test_isi_refuses_a_unit_that_is_not_the_targets(iku_cli, dinas) -> None:
    result = iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=2 orang")
    assert result.exit_code == 1
    assert "IKU312" in result.stderr
    assert "'2 orang' ditulis dengan satuan 'orang'" in result.stderr
    assert "satuan target S1.1 adalah 'lembaga'" in result.stderr
    assert not (dinas / "realisasi" / "2025.yaml").exists()  # nothing written


def test_isi_refuses_a_plain_number_against_a_rupiah_target(iku_cli, dinas) -> None:
    result = iku_cli("realisasi", "isi", "--tahun", "2025", "S1.4=1040,9")
    assert result.exit_code == 1
    assert "IKU303" in result.stderr
    assert "'1040,9' ditulis tanpa 'Rp'" in result.stderr
    assert '"Rp 1.040,9 miliar" bila maksudnya miliar rupiah' in result.stderr
    assert not (dinas / "realisasi" / "2025.yaml").exists()
    result = iku_cli("realisasi", "isi", "--tahun", "2025", "S1.4=Rp 1.040,9 miliar")
    assert result.exit_code == 0, result.output
    assert "(kosong) -> Rp 1.040.900.000.000" in result.stdout
    # 1.040,9 / 425 miliar x 100
    assert capaian_of(iku_cli)["S1.4"]["capaian"] == pytest.approx(1040.9 / 425 * 100)


REALISASI_2025 = """\
tahun: 2025
status: sementara
realisasi:
  S1.1: 2 lembaga
  S1.2: "4 Hari"
  S1.3: "97,45 %"
  S1.4: "Rp 212,5 miliar"
"""


def test_a_yaml_file_with_units_is_read_and_validate_says_how(iku_cli, dinas) -> None:
    (dinas / "realisasi" / "2025.yaml").write_text(REALISASI_2025, encoding="utf-8")
    result = iku_cli("validate", "realisasi/2025.yaml")
    assert result.exit_code == 0, result.output
    assert (
        "3 nilai ditulis dengan satuan targetnya, dibaca angkanya: S1.1 '2 lembaga' = 2, "
        "S1.2 '4 Hari' = 4, S1.3 '97,45 %' = 97,45" in result.stdout
    )
    assert "0 peringatan" in result.stdout
    rows = capaian_of(iku_cli)
    assert rows["S1.1"]["capaian"] == pytest.approx(100)
    assert rows["S1.2"]["capaian"] == pytest.approx(100)
    assert rows["S1.4"]["capaian"] == pytest.approx(50)  # 212,5 / 425


@pytest.mark.parametrize(
    ("line", "code", "fragment"),
    [
        ("S1.1: 2 orang", "IKU312", "satuan target S1.1 adalah 'lembaga'"),
        ('S1.3: "97 orang"', "IKU312", "satuan target S1.3 adalah '%'"),
        ('S1.4: "1040,9"', "IKU303", "'1040,9' ditulis tanpa 'Rp'"),
        ("S1.4: 1040.9", "IKU303", '"Rp 1.040,9 miliar" bila maksudnya miliar rupiah'),
        ("S1.4: 425000000000", "IKU303", 'mis. "Rp 425.000.000.000"'),
        ('S1.4: "1040,9 miliar"', "IKU303", 'mis. "Rp 1.040,9 miliar"'),
        ("S1.1: 0o17", "IKU303", "'0o17' bukan angka"),  # never a number with unit "o17"
    ],
)
def test_a_yaml_value_in_another_unit_or_a_plain_rupiah_is_refused(
    iku_cli, dinas, line, code, fragment
) -> None:
    kode = line.split(":")[0]
    lines = [f"  {line}" if x.startswith(f"  {kode}:") else x for x in REALISASI_2025.splitlines()]
    (dinas / "realisasi" / "2025.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = iku_cli("validate", "realisasi/2025.yaml")
    assert result.exit_code == 1, result.output
    assert code in result.stdout and fragment in result.stdout, result.stdout


def _workbook(iku_cli, dinas, cells: dict[str, object], fmt: dict[str, str] | None = None) -> Path:
    from openpyxl import load_workbook

    out = dinas / "r.xlsx"
    made = iku_cli("realisasi", "template", "--tahun", "2025", "-f", "xlsx", "--out", str(out))
    assert made.exit_code == 0, made.output
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    col = [c.value for c in ws[6]].index("Realisasi") + 1
    for row in ws.iter_rows(min_row=7):
        kode = row[1].value
        if kode in cells:
            cell = ws.cell(row=row[0].row, column=col, value=cells[kode])
            if fmt and kode in fmt:
                cell.number_format = fmt[kode]
    wb.save(out)
    return out


def test_a_workbook_with_units_is_read_and_the_import_says_how(iku_cli, dinas) -> None:
    out = _workbook(
        iku_cli,
        dinas,
        {"S1.1": "2 lembaga", "S1.2": "4 hari", "S1.3": "97,45 %", "S1.4": 212_500_000_000},
    )
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 0, result.output
    assert "'2 lembaga' dibaca 2 (lembaga, satuan targetnya)" in result.stdout
    assert "'4 hari' dibaca 4 (hari, satuan targetnya)" in result.stdout
    # the template's rupiah cell shows Rp: a number typed there is a rupiah amount, so written
    assert "S1.4 (realisasi): (kosong) -> Rp 212.500.000.000" in result.stdout
    text = (dinas / "realisasi" / "2025.yaml").read_text(encoding="utf-8")
    assert 'S1.4: "Rp 212.500.000.000"' in text
    rows = capaian_of(iku_cli)
    assert rows["S1.1"]["capaian"] == pytest.approx(100)
    assert rows["S1.4"]["capaian"] == pytest.approx(50)
    # and the year's file re-made into a workbook imports unchanged (the rupiah round trip)
    again = dinas / "lagi.xlsx"
    made = iku_cli("realisasi", "template", "--tahun", "2025", "-f", "xlsx", "--out", str(again))
    assert made.exit_code == 0
    result = iku_cli("realisasi", "impor", str(again))
    assert result.exit_code == 0, result.output
    assert "0 nilai diubah, 4 sama seperti di berkas." in result.stdout


@pytest.mark.parametrize(
    ("cells", "fmt", "code", "fragment"),
    [
        ({"S1.1": "2 orang"}, None, "IKU312", "satuan target S1.1 adalah 'lembaga'"),
        ({"S1.4": "1040,9"}, None, "IKU303", "'1040,9' ditulis tanpa 'Rp'"),
        # a number in a cell that does not show Rp (pasted over the template's format)
        ({"S1.4": 1040.9}, {"S1.4": "General"}, "IKU303", "sel ini berisi angka tanpa format Rp"),
    ],
)
def test_a_workbook_value_in_another_unit_or_a_plain_rupiah_is_refused(
    iku_cli, dinas, cells, fmt, code, fragment
) -> None:
    out = _workbook(iku_cli, dinas, cells, fmt)
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 1
    assert code in result.stderr and fragment in result.stderr, result.stderr
    assert not (dinas / "realisasi" / "2025.yaml").exists()


# --- a declared predikat scale whose labels have digits -------------------------------------

LEVEL_IKU = """\
instansi: {nama: Dinas Contoh}
periode: {awal: 2025, akhir: 2026}
predikat:
  - nama: kematangan
    urutan: [Level 1, Level 2, Level 3, Level 4, Level 5]
sasaran:
  - kode: S1
    uraian: Meningkatnya tata kelola
    indikator:
      - kode: S1.1
        uraian: Tingkat kematangan SPIP
        skala_predikat: kematangan
        target: {2025: "Level 3", 2026: "Level 4"}
"""


def test_a_declared_scale_with_digits_in_its_labels_is_a_target(iku_cli, dinas) -> None:
    (dinas / "iku.yaml").write_text(LEVEL_IKU, encoding="utf-8")
    result = iku_cli("validate", "iku.yaml")
    assert result.exit_code == 0, result.output
    assert "IKU207" not in result.output
    (dinas / "pk" / "2026.yaml").write_text(
        'tahun: 2026\ntarget:\n  S1.1: "Level 3"\n', encoding="utf-8"
    )
    assert iku_cli("validate", "pk/2026.yaml").exit_code == 0
    assert iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=Level 4").exit_code == 0
    assert iku_cli("realisasi", "isi", "--tahun", "2026", "S1.1=Level 3").exit_code == 0
    # peringkat: rank of the realisasi over rank of the target x 100
    assert capaian_of(iku_cli, "2025")["S1.1"]["capaian"] == pytest.approx(4 / 3 * 100)
    assert capaian_of(iku_cli, "2026")["S1.1"]["capaian"] == pytest.approx(100)  # PK: Level 3
    refused = iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=Level 6")
    assert refused.exit_code == 1 and "IKU303" in refused.stderr


def test_a_word_then_a_number_on_no_scale_is_still_refused(iku_cli, dinas) -> None:
    on_its_scale = LEVEL_IKU.replace('"Level 4"}', '"Tingkat 4"}')
    (dinas / "iku.yaml").write_text(on_its_scale, encoding="utf-8")
    result = iku_cli("validate", "iku.yaml")
    assert result.exit_code == 1
    assert "13:42: galat IKU207" in result.stdout
    assert "predikat 'Tingkat 4' tidak ada di skala kematangan (Level 1, Level 2" in result.stdout
    no_scale = on_its_scale.replace("        skala_predikat: kematangan\n", "")
    no_scale = no_scale.replace('{2025: "Level 3"', '{2025: "Kop 25"')
    (dinas / "iku.yaml").write_text(no_scale, encoding="utf-8")
    result = iku_cli("validate", "iku.yaml")
    assert result.exit_code == 1
    assert result.stdout.count("galat IKU207") == 2  # each year said, as a notation error was
    assert (
        "teks target 'Kop 25' tidak dapat dibaca: awal target harus berupa angka" in result.stdout
    )


# --- iku validate --mutu without a realisasi folder ------------------------------------------


def test_mutu_without_a_realisasi_folder(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "dinas").exit_code == 0
    (tmp_path / "dinas" / "realisasi").rmdir()
    monkeypatch.chdir(tmp_path / "dinas")
    result = iku_cli("validate", "--mutu")
    assert result.exit_code == 0, result.output
    # S1.1 without its Manual IKU (line 55: under the schema line iku init writes first)
    assert "iku.yaml:55:9: peringatan IKU260" in result.stdout
    assert "iku.yaml: berkas IKU sah: 2 sasaran, 4 indikator" in result.stdout


def test_mutu_of_a_named_iku_outside_a_workspace_is_that_files(
    iku_cli, tmp_path, monkeypatch
) -> None:
    from ikutool.workspace.sources import starter_iku

    folder = tmp_path / "draf"
    folder.mkdir()
    (folder / "iku.yaml").write_bytes(starter_iku())
    monkeypatch.chdir(tmp_path)
    result = iku_cli("validate", "--mutu", "draf/iku.yaml")
    assert result.exit_code == 0, result.output
    assert "draf/iku.yaml:54:9: peringatan IKU260" in result.stdout
    assert "contoh bawaan" not in result.output  # never the bundled sample's quality
    assert (
        "draf/iku.yaml: berkas IKU sah: 2 sasaran, 4 indikator, periode 2025-2029 (6 peringatan)."
        in result.stdout
    )
    # the realisasi beside it is what "target below last year's realisasi" is measured on
    (folder / "realisasi").mkdir()
    (folder / "realisasi" / "2025.yaml").write_text(
        "tahun: 2025\nrealisasi:\n  S1.1: 85\n", encoding="utf-8"
    )
    result = iku_cli("validate", "--mutu", "draf/iku.yaml")
    assert "IKU257" in result.stdout
    assert "S1.1: target 2026 82 % di bawah realisasi 2025 (85)" in result.stdout


# --- the PK validation summary ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "said"),
    [
        # a range where the Renstra has one figure (S3.3, Renstra 2019: 2 %)
        ('target:\n  S3.3: "2-3 %"\n', "1 target berbeda dari Renstra (S3.3)"),
        # a bound where the Renstra has none
        ('target:\n  S3.3: "minimal 2 %"\n', "1 target berbeda dari Renstra (S3.3)"),
        # a target changed only by a perubahan (Renstra S1.2 2019: 60 org)
        (
            'target: {}\nperubahan:\n  - tanggal: 2019-08-14\n    target: {S1.2: "50 org"}\n',
            "1 target berbeda dari Renstra (S1.2); 1 target diubah PK perubahan "
            "(14 Agustus 2019: S1.2)",
        ),
        # a perubahan that restores the Renstra's target still changed the PK
        (
            'target:\n  S1.2: "55 org"\nperubahan:\n  - tanggal: 2019-08-14\n'
            '    target: {S1.2: "60 org"}\n',
            "0 target berbeda dari Renstra (-); 1 target diubah PK perubahan "
            "(14 Agustus 2019: S1.2 (kini sama dengan Renstra))",
        ),
        # the same target written again: no difference
        ('daftar_lengkap: ya\ntarget:\n  S1.2: "60 org"\n', "0 target berbeda dari Renstra (-)"),
    ],
)
def test_the_pk_summary_says_every_changed_target(iku_cli, workspace, body, said) -> None:
    (workspace / "pk" / "2019.yaml").write_text(f"tahun: 2019\n{body}", encoding="utf-8")
    result = iku_cli("validate", "pk/2019.yaml")
    assert result.exit_code == 0, result.output
    assert f"berkas Perjanjian Kinerja sah: tahun 2019, {said}" in result.stdout, result.stdout


def test_the_pk_summary_counts_a_changed_predikat(iku_cli, tmp_path, monkeypatch) -> None:
    import shutil

    root = tmp_path / "bentuk"
    root.mkdir()
    shutil.copyfile(Path(__file__).parent / "corpus" / "bentuk" / "iku.yaml", root / "iku.yaml")
    (root / "pk").mkdir()
    (root / "pk" / "2019.yaml").write_text("tahun: 2019\ntarget:\n  S1.6: WDP\n", encoding="utf-8")
    monkeypatch.chdir(root)
    result = iku_cli("validate", "--iku", "iku.yaml", "pk/2019.yaml")  # Renstra 2019: WTP
    assert result.exit_code == 0, result.output
    assert "1 target berbeda dari Renstra (S1.6)" in result.stdout


# --- HAPUS and corrections in a re-sent (stale) workbook -------------------------------------


def _fill(out: Path, cells: dict[str, object]) -> str:
    """Type ``cells`` (kode -> value) into the Realisasi column; the coordinate of the first."""
    from openpyxl import load_workbook

    wb = load_workbook(out)
    ws = wb["Realisasi"]
    col = [c.value for c in ws[6]].index("Realisasi") + 1
    where = ""
    for row in ws.iter_rows(min_row=7):
        if row[1].value in cells:
            cell = ws.cell(row=row[0].row, column=col, value=cells[row[1].value])
            where = where or cell.coordinate
    wb.save(out)
    return where


def _sent(iku_cli, dinas) -> Path:
    """The bidang's workbook, made while the year's file is empty, filled with S1.1 = 2 and
    imported once."""
    out = dinas / "bidang.xlsx"
    made = iku_cli("realisasi", "template", "--tahun", "2025", "-f", "xlsx", "--out", str(out))
    assert made.exit_code == 0, made.output
    _fill(out, {"S1.1": 2})
    assert iku_cli("realisasi", "impor", str(out)).exit_code == 0
    return out


def test_hapus_in_a_resent_workbook_is_a_conflict_that_says_what_to_do(iku_cli, dinas) -> None:
    out = _sent(iku_cli, dinas)
    path = dinas / "realisasi" / "2025.yaml"
    before = path.read_bytes()
    where = _fill(out, {"S1.1": "HAPUS"})  # the same workbook, sent again
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 1, result.output  # never "tidak diubah bidang"
    assert f"bidang.xlsx!Realisasi!{where}: galat IKU318" in result.stderr
    assert "dibuat saat realisasi/2025.yaml berisi (kosong)" in result.stderr
    assert "sejak itu berkas diubah menjadi 2" in result.stderr
    assert "di buku kerja diisi HAPUS" in result.stderr
    assert (
        "buat buku kerja baru (iku realisasi template --tahun 2025 --format xlsx" in result.stderr
    )
    assert "iku realisasi isi --tahun 2025 S1.1=HAPUS" in result.stderr
    assert path.read_bytes() == before  # nothing written
    # the way the message names works
    assert iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=HAPUS").exit_code == 0
    assert capaian_of(iku_cli)["S1.1"]["status"] == "belum_ada_realisasi"


def test_a_resent_correction_is_a_conflict_that_says_what_to_do(iku_cli, dinas) -> None:
    out = _sent(iku_cli, dinas)
    where = _fill(out, {"S1.1": 3})
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 1
    assert f"bidang.xlsx!Realisasi!{where}: galat IKU318" in result.stderr
    assert "berisi (kosong); sejak itu berkas diubah menjadi 2" in result.stderr
    assert "di buku kerja diisi 3" in result.stderr
    assert "buat buku kerja baru (iku realisasi template --tahun 2025 --format xlsx; berisi 2)" in (
        result.stderr
    )
    assert "iku realisasi isi --tahun 2025 S1.1=3; lalu impor lagi" in result.stderr
    # a fresh workbook carries the correction through
    fresh = dinas / "baru.xlsx"
    made = iku_cli("realisasi", "template", "--tahun", "2025", "-f", "xlsx", "--out", str(fresh))
    assert made.exit_code == 0
    _fill(fresh, {"S1.1": 3})
    result = iku_cli("realisasi", "impor", str(fresh))
    assert result.exit_code == 0, result.output
    assert "S1.1 (realisasi): 2 -> 3" in result.stdout


def test_hapus_in_a_fresh_workbook_clears(iku_cli, dinas) -> None:
    _sent(iku_cli, dinas)
    fresh = dinas / "baru.xlsx"
    made = iku_cli("realisasi", "template", "--tahun", "2025", "-f", "xlsx", "--out", str(fresh))
    assert made.exit_code == 0
    _fill(fresh, {"S1.1": "HAPUS"})
    result = iku_cli("realisasi", "impor", str(fresh))
    assert result.exit_code == 0, result.output
    assert "S1.1 (realisasi): 2 -> (kosong)" in result.stdout


def test_isi_on_a_started_file_says_nothing_about_the_templates_target_comments(
    iku_cli, dinas
) -> None:
    # "S1.1: 2  # target 2 lembaga": the comment names the target, not the value replaced
    assert iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=2").exit_code == 0
    result = iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=3")
    assert result.exit_code == 0
    assert "IKU313" not in result.stderr


# --- the LKE: the score over what the files decide; partly compared sasaran ------------------


def test_lke_shows_the_score_over_the_criteria_it_can_decide(iku_cli, workspace) -> None:
    # Decided in the sample 2019 (no git: iku_stabil undecided), each criterion an equal part of
    # its sub-component's weight (komponen x 20/30/50 %):
    #   perencanaan kualitas 9 / 4 criteria: target_menantang 0 of 2,25
    #   pengukuran kualitas 9 / 2: pengukuran_triwulan d = 0,25 x 4,5 = 1,125 of 4,5
    #   pengukuran keberadaan 6 / 2: manual_iku_lengkap e = 0 of 3
    #   pelaporan keberadaan 3 / 2: lkjip_lengkap a = 1,5 of 1,5
    #   pelaporan kualitas 4,5 / 2: data_pembanding a = 2,25, efisiensi_anggaran 0: 2,25 of 4,5
    #   evaluasi pemanfaatan 12,5 / 2: tindak_lanjut d = 0,25 x 6,25 = 1,5625 of 6,25
    # = 6,4375 of 22 points; the range 6,4375 to 6,4375 + (100 - 22) = 84,4375. (Without the
    # contoh's pohon kinerja, which decides three criteria more: tested in tests/test_pohon.py.)
    import shutil

    shutil.rmtree(workspace / "pohon")
    result = iku_cli("lke", "--tahun", "2019", "-f", "json")
    assert result.exit_code == 0, result.output
    total = json.loads(result.stdout)["total"]
    assert total["dihitung"] == pytest.approx(6.4375)
    assert total["dapat_dihitung"] == pytest.approx(22)
    assert total["min"] == pytest.approx(6.4375) and total["maks"] == pytest.approx(84.4375)
    markdown = iku_cli("lke", "--tahun", "2019", "-f", "markdown").stdout
    assert (
        "**Perkiraan nilai:** 6,44 sampai 84,44; predikat D sampai A (AA \\> 90, A \\> 80, BB \\> "
        "70, B \\> 60, CC \\> 50, C \\> 30, D \\<= 30). Dari berkas: 6,44 dari 22,00 poin yang "
        "dapat dihitung (29,26 %); 78,00 poin lainnya perlu penilaian evaluator" in markdown
    )


def _drop_pembanding(workspace: Path, codes: tuple[str, ...]) -> None:
    path = workspace / "realisasi" / "2019.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out, current = [], None
    for line in lines:
        if line.startswith("  ") and not line.startswith("   "):
            current = line.strip().split(":")[0]
        if current in codes and line.strip().startswith("pembanding:"):
            continue
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")


def test_a_partly_compared_sasaran_is_sebagian_in_periksa_and_the_lke(iku_cli, workspace) -> None:
    _drop_pembanding(workspace, ("S3.2", "S3.3", "S3.4"))  # S3.1 keeps its pembanding
    periksa = iku_cli("lkjip", "--tahun", "2019", "--periksa", "-f", "json")
    assert periksa.exit_code == 0, periksa.output
    row = next(
        k
        for k in json.loads(periksa.stdout)["kelengkapan"]
        if k["sasaran"] == "S3" and k["nomor"] == 4
    )
    assert (row["status"], row["terisi"], row["jumlah"]) == ("sebagian", 1, 4)
    table = iku_cli("lkjip", "--tahun", "2019", "--periksa").stdout
    assert "sebagian (1 dari 4 indikator)" in table
    markdown = iku_cli("lkjip", "--tahun", "2019", "--periksa", "-f", "markdown").stdout
    assert "**sebagian (1 dari 4 indikator)**" in markdown
    lke = json.loads(iku_cli("lke", "--tahun", "2019", "-f", "json").stdout)
    criterion = next(c for c in lke["kriteria"] if c["id"] == "data_pembanding")
    said = [t["pesan"] for t in criterion["temuan"]]
    assert said == [
        "S3: dibandingkan dengan data pembanding (nasional/provinsi/SPM) baru sebagian "
        "(1 dari 4 indikator)"
    ]
    # 3 of 4 sasaran fully compared: 75 % is c (> 40, not > 75)
    assert (criterion["rasio"], criterion["nilai"]) == (75, "c")
    # a sasaran with no comparison at all is still "belum"
    _drop_pembanding(workspace, ("S3.1",))
    lke = json.loads(iku_cli("lke", "--tahun", "2019", "-f", "json").stdout)
    criterion = next(c for c in lke["kriteria"] if c["id"] == "data_pembanding")
    assert [t["pesan"] for t in criterion["temuan"]] == [
        "S3: belum dibandingkan dengan data pembanding (nasional/provinsi/SPM)"
    ]


def test_a_quarter_target_written_unit_first_is_unreadable(iku_cli, workspace) -> None:
    path = workspace / "renaksi" / "2019.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('I: "10 org"', 'I: "org 10"'), encoding="utf-8"
    )
    result = iku_cli("validate", "renaksi/2019.yaml")
    assert result.exit_code == 1
    assert (
        "renaksi/2019.yaml:8:14: galat IKU207 [target.S1.2.I]: teks target 'org 10' tidak dapat dibaca"
        in (result.stdout)
    )
    assert "IKU210" not in result.stdout and "IKU321" not in result.stdout


def test_the_workbooks_rupiah_cells_show_rp_and_fit_the_amount(iku_cli, dinas) -> None:
    from openpyxl import load_workbook

    out = dinas / "r.xlsx"
    made = iku_cli("realisasi", "template", "--tahun", "2025", "-f", "xlsx", "--out", str(out))
    assert made.exit_code == 0, made.output
    ws = load_workbook(out)["Realisasi"]
    col = [c.value for c in ws[6]].index("Realisasi") + 1
    row = next(r[0].row for r in ws.iter_rows(min_row=7) if r[1].value == "S1.4")
    cell = ws.cell(row=row, column=col)
    assert cell.number_format.startswith('[$-421]"Rp "')
    # "Rp 425.000.000.000" (the target's amount) fits: never "###" on paper
    assert ws.column_dimensions[cell.column_letter].width >= len("Rp 425.000.000.000")
    # text may be typed there ("Rp 1,2 miliar"): no number-only validation on the cell
    assert not any(cell.coordinate in dv.sqref for dv in ws.data_validations.dataValidation)
    counts = ws.cell(row=row - 3, column=col)  # S1.1, a count: still checked as a number
    assert any(counts.coordinate in dv.sqref for dv in ws.data_validations.dataValidation)


def test_two_isi_starting_the_same_year_keep_both_values(iku_cli, dinas, monkeypatch) -> None:
    """The second isi finds the file the first created meanwhile and fills it: both kept."""
    import ikutool.inputs.editing as editing

    real = editing.set_values
    calls: list[int] = []

    def another_officer_first(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:  # after this isi decided the file is new, before it writes
            from typer.testing import CliRunner

            from ikutool.cli.app import app

            done = CliRunner().invoke(app, ["realisasi", "isi", "--tahun", "2025", "S1.2=4"])
            assert done.exit_code == 0, done.output
        return real(*args, **kwargs)

    monkeypatch.setattr(editing, "set_values", another_officer_first)
    result = iku_cli("realisasi", "isi", "--tahun", "2025", "S1.1=2")
    assert result.exit_code == 0, result.output
    assert "berkas baru dibuat" not in result.stdout  # the other one made it
    rows = capaian_of(iku_cli)
    assert rows["S1.1"]["capaian"] == pytest.approx(100) and rows["S1.2"]["capaian"] == 100
