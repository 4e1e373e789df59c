"""`iku rekap`: every agency of a (synthetic) regency, the same figures as each agency's own
`iku capaian`, bad agencies reported while the rest are computed."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest
from pytest import approx

ROOT = Path(__file__).parent.parent


def make_data():
    spec = importlib.util.spec_from_file_location("make_data", ROOT / "benchmarks" / "make_data.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regency(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kabupaten") / "opd"
    make_data().region(out, 14)  # agency 7: a non-number in 2026; agency 13: a misspelt key
    return out


def test_rekap_equals_each_agency_own_capaian(iku_cli, regency, monkeypatch) -> None:
    result = iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "json")
    assert result.exit_code == 1  # two agencies are wrong; the others are still computed
    data = json.loads(result.stdout)
    assert len(data["baris"]) == 14 and data["jumlah_galat"] == 2
    ok = [b for b in data["baris"] if not b["galat"]]
    assert len(ok) == 12
    for row in ok[:5]:
        monkeypatch.chdir(regency / Path(row["folder"]).name)
        own = json.loads(iku_cli("capaian", "--tahun", "2026", "-f", "json").stdout)
        (year,) = row["tahun"]
        assert year["capaian"] == own["capaian"] and year["kategori"] == own["kategori"]
        assert [s["capaian"] for s in year["sasaran"]] == [s["capaian"] for s in own["sasaran"]]
        assert [(i["kode"], i["capaian"], i["kategori"]) for i in year["indikator"]] == [
            (i["kode"], i["capaian"], i["kategori"]) for s in own["sasaran"] for i in s["indikator"]
        ]
        assert row["jumlah_indikator"] == 30 and year["dengan_realisasi"] == 30


def test_bad_agencies_are_located_and_named(iku_cli, regency) -> None:
    result = iku_cli("rekap", "--tahun", "2026", str(regency))
    assert result.exit_code == 1
    assert "opd-007/realisasi/2026.yaml:6:9: galat IKU303" in result.stderr
    assert "opd-013/iku.yaml:7:5: galat IKU201" in result.stderr
    assert "2 instansi dengan berkas yang salah" in result.stderr
    out = " ".join(result.stdout.replace("│", " ").split())
    assert "GALAT di" in out and "'banyak' bukan angka" in out
    assert "14 instansi: 12 instansi dengan angka capaian 2026, 2 dengan galat" in out


def test_sorting_and_trend(iku_cli, regency) -> None:
    data = json.loads(
        iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "json", "--urut", "capaian").stdout
    )
    scores = [b["tahun"][0]["capaian"] for b in data["baris"] if b["tahun"]]
    assert scores == sorted(scores, reverse=True)
    trend = json.loads(
        iku_cli("rekap", "--dari", "2025", "--sampai", "2028", str(regency), "-f", "json").stdout
    )
    good = next(b for b in trend["baris"] if not b["galat"])
    assert [t["tahun"] for t in good["tahun"]] == [2025, 2026, 2027]
    assert "realisasi 2028 belum ada" in good["kurang"]


def test_every_format(iku_cli, regency, tmp_path) -> None:
    from openpyxl import load_workbook

    md = iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "markdown").stdout
    assert md.startswith("### REKAPITULASI CAPAIAN KINERJA 14 INSTANSI, TAHUN 2026")
    rows = list(
        csv.DictReader(
            io.StringIO(iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "csv").stdout)
        )
    )
    means = [r for r in rows if r["sasaran"] == "" and r["capaian"]]
    assert len(means) == 12 and all(float(r["capaian"]) > 0 for r in means)
    for fmt in ("xlsx", "html"):
        out = tmp_path / f"rekap.{fmt}"
        assert (
            iku_cli(
                "rekap", "--tahun", "2026", str(regency), "-f", fmt, "--out", str(out)
            ).exit_code
            == 1
        )
        assert out.is_file()
    wb = load_workbook(tmp_path / "rekap.xlsx")
    assert (
        wb.sheetnames == ["Rekap", "Sasaran", "Grafik 1"] and wb["Sasaran"].max_row == 3 + 12 * 10
    )
    for ws in wb.worksheets:  # printed, every sheet has widths, heights and an A4 setup
        assert str(ws.page_setup.paperSize) == "9"  # A4
        if not ws.title.startswith("Grafik"):  # a chart's sheet: one page, no title rows
            assert ws.print_title_rows and all(ws.column_dimensions[c].width for c in "ABCDEF")
    assert "<table>" in (tmp_path / "rekap.html").read_text(encoding="utf-8")


def test_parquet_rows_are_the_json_figures(iku_cli, regency, tmp_path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "rekap.parquet"
    result = iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "parquet", "--out", str(out))
    assert result.exit_code == 1  # the two bad agencies, as in every format
    table = pq.read_table(out)
    assert table.num_rows == 12 * 30  # the twelve good agencies, one row per indicator
    rows = table.to_pylist()
    own = json.loads(iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "json").stdout)
    first = next(b for b in own["baris"] if not b["galat"])
    mine = [r for r in rows if r["folder"] == first["folder"]]
    assert [r["capaian"] for r in mine] == [i["capaian"] for i in first["tahun"][0]["indikator"]]
    assert {r["instansi_capaian"] for r in mine} == {first["tahun"][0]["capaian"]}
    assert {r["pemerintah"] for r in rows} == {"Kabupaten Sintetis"}  # for a national roll-up


def test_parquet_without_its_extra_is_a_usage_error(
    iku_cli, regency, tmp_path, monkeypatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if not installed
    out = tmp_path / "rekap.parquet"
    result = iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "parquet", "--out", str(out))
    assert result.exit_code == 2 and "pip install 'ikutool[parquet]'" in result.stderr
    assert not out.exists()


def test_usage(iku_cli, tmp_path) -> None:
    assert iku_cli("rekap", str(tmp_path)).exit_code == 2  # no year
    result = iku_cli("rekap", "--tahun", "2026", str(tmp_path))
    assert result.exit_code == 2 and "tidak ada ruang kerja" in result.stderr


@pytest.mark.parametrize("columns", ["50", "80", "250"])
def test_every_figure_whole_in_any_terminal_width(iku_cli, regency, monkeypatch, columns) -> None:
    """Narrow terminals get one block per agency instead of a table that cuts numbers to "…";
    a bad agency's location is folded, never cut."""
    monkeypatch.setenv("COLUMNS", columns)
    out = iku_cli("rekap", "--dari", "2025", "--sampai", "2027", str(regency)).stdout
    assert "…" not in out
    data = json.loads(
        iku_cli("rekap", "--dari", "2025", "--sampai", "2027", str(regency), "-f", "json").stdout
    )
    flat = out.replace("\n", "").replace("│", "").replace(" ", "")
    for b in data["baris"]:
        for t in b["tahun"]:
            assert f"{t['capaian']:.2f}".replace(".", ",") in flat
    assert "opd-007/realisasi/2026.yaml:6:9" in flat


def test_illustrative_figures_are_said_to_be_so_in_every_format(iku_cli, tmp_path) -> None:
    """Synthetic realisasi is `status: contoh`: every output of the roll-up says so, and names
    the agencies; once an agency's files are final it is no longer named."""
    from openpyxl import load_workbook

    folder = tmp_path / "kab"
    make_data().region(folder, 3)
    final = folder / "opd-002" / "realisasi" / "2026.yaml"
    final.write_text(final.read_text("utf-8").replace("status: contoh", "status: final"), "utf-8")
    args = ("rekap", "--tahun", "2026", str(folder))
    table = iku_cli(*args).stdout
    assert table.count("CATATAN: data 2 instansi berstatus CONTOH") == 2  # above and below
    assert "opd-001" in table and "data CONTOH" in table
    data = json.loads(iku_cli(*args, "-f", "json").stdout)
    assert "opd-002" not in data["catatan"] and "opd-003" in data["catatan"]
    assert "CONTOH" in iku_cli(*args, "-f", "markdown").stdout
    for fmt in ("html", "xlsx"):
        assert iku_cli(*args, "-f", fmt, "--out", str(tmp_path / f"r.{fmt}")).exit_code == 0
    assert "berstatus CONTOH" in (tmp_path / "r.html").read_text("utf-8")
    assert "berstatus CONTOH" in load_workbook(tmp_path / "r.xlsx")["Rekap"]["A2"].value
    for name in ("opd-001", "opd-003"):
        path = folder / name / "realisasi" / "2026.yaml"
        path.write_text(path.read_text("utf-8").replace("status: contoh", "status: final"), "utf-8")
    data = json.loads(iku_cli(*args, "-f", "json").stdout)
    assert data["catatan"] is None and "CONTOH" not in iku_cli(*args).stdout


def test_counts_say_what_they_count(iku_cli, tmp_path, monkeypatch) -> None:
    """Issue 15 (4): a partial composite is not "lengkap"; an agency without a figure is not
    "dihitung"; realisasi 0 against target 0 is not "tanpa realisasi"; a sasaran without a
    target is "tanpa target"; two workspaces with one agency name are said to be."""
    kab = tmp_path / "kab"
    kab.mkdir()
    monkeypatch.chdir(kab)
    for name in ("opd-a", "opd-b", "opd-c"):
        assert iku_cli("init", "--contoh", name).exit_code == 0
    a = kab / "opd-a"
    iku = a / "iku.yaml"
    text = (
        iku.read_text("utf-8")
        .replace('2019: "2%"', '2019: "0 %"')
        .replace('2019: "50 IKM"', "2019: '-'")
    )
    iku.write_text(text, "utf-8")
    real = a / "realisasi" / "2019.yaml"
    text = (
        real.read_text("utf-8")
        .replace("      kop_ksp_usp_umkm: 9\n", "")
        .replace('nilai: "1,8"', "nilai: 0")
    )
    real.write_text(text, "utf-8")
    c = kab / "opd-c" / "realisasi" / "2019.yaml"
    c.write_text("tahun: 2019\nstatus: sementara\nrealisasi: {}\n", "utf-8")
    (kab / "opd-c" / "iku.yaml").write_text(
        (kab / "opd-c" / "iku.yaml")
        .read_text("utf-8")
        .replace("nama: Dinas Koperasi, Usaha Kecil", "nama: Dinas Lain, Usaha Kecil"),
        "utf-8",
    )
    result = iku_cli("rekap", "--tahun", "2019", str(kab), "-f", "json")
    data = json.loads(result.stdout)
    rows = {Path(b["folder"]).name: b for b in data["baris"]}
    t = rows["opd-a"]["tahun"][0]
    assert t["sebagian"] == ["S1.1"] and t["target_nol"] == ["S3.3"] and t["tanpa_realisasi"] == []
    assert any("baru sebagian komponennya 2019 (S1.1)" in k for k in rows["opd-a"]["kurang"])
    assert any("bertarget nol" in k and "S3.3" in k for k in rows["opd-a"]["kurang"])
    assert not any("tanpa realisasi" in k for k in rows["opd-a"]["kurang"])
    s4 = next(s for s in t["sasaran"] if s["kode"] == "S4")
    assert s4["capaian"] is None and s4["status"] == "tanpa_target"
    assert rows["opd-c"]["tahun"][0]["capaian"] is None
    assert len(rows["opd-c"]["tahun"][0]["tanpa_realisasi"]) == 9
    assert rows["opd-a"]["peringatan"] == [f"nama instansi sama dengan {rows['opd-b']['folder']}"]
    assert rows["opd-c"]["peringatan"] == []
    monkeypatch.setenv("COLUMNS", "500")
    table = " ".join(iku_cli("rekap", "--tahun", "2019", str(kab)).stdout.replace("│", " ").split())
    assert "7 dari 8 (1 sebagian)" in table and "S4 tanpa target" in table
    assert "3 instansi: 2 instansi dengan angka capaian 2019, 1 tanpa angka capaian 2019" in table
    assert "nama instansi sama dengan" in table


def test_validate_counts_values_without_a_target(iku_cli, workspace) -> None:
    path = workspace / "realisasi" / "2017.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("realisasi:\n", "realisasi:\n  S1.1: {kop: 12}\n", 1), "utf-8")
    result = iku_cli("validate", str(path))
    assert "IKU316" in result.stdout and "S1.1 tidak punya target tahun 2017" in result.stdout
    assert "1 nilai untuk indikator tanpa target tahun ini" in result.stdout


def test_rekap_of_a_quarter_names_who_has_not_reported(iku_cli, tmp_path, monkeypatch) -> None:
    """Issue 18 (6): each agency's capaian s.d. TW N, computed as its own `iku triwulan`, and the
    agencies that have not reported the quarter; a bad agency is reported, the rest computed."""
    import shutil

    from ikutool.workspace.sources import init_workspace

    kab = tmp_path / "kab"
    init_workspace(kab / "dinas-a", contoh=True, force=False)
    shutil.copytree(Path(__file__).parent / "corpus" / "triwulan", kab / "dinas-b")
    shutil.copytree(Path(__file__).parent / "corpus" / "triwulan", kab / "dinas-c")
    (kab / "dinas-c" / "ikutool.yaml").write_text("nama: C\niku: iku.yaml\n", "utf-8")
    iku = kab / "dinas-c" / "iku.yaml"
    iku.write_text(iku.read_text("utf-8").replace("Dinas Uji Triwulan", "Dinas C"), "utf-8")
    (kab / "dinas-c" / "realisasi" / "2020.yaml").write_text(
        "tahun: 2020\nstatus: sementara\nrealisasi:\n  S1.1:\n    triwulan: {I: 30}\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = iku_cli("rekap", "kab", "--tahun", "2020", "--tw", "2", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    rows = {r["instansi"]: r for r in data["baris"]}
    b = rows["Dinas Uji Triwulan"]
    # as `iku triwulan --tw 2` there: (106,25 + 100) / 2 sasaran against the plan (toward the
    # year: (53,125 + 100) / 2); 3 of 3 indicators reported
    assert b["capaian_sd_tw"] == (106.25 + 100) / 2 and b["terisi"] == 3 and b["dilaporkan"]
    assert b["serapan_sd_tw"] == approx(550 / 1500 * 100)
    # dinas-a (bundled sample, period 2016-2021): no realisasi 2020 file; dinas-c only TW I
    assert data["belum_lapor"] == ["Dinas C", rows_name(rows, "Dinas Koperasi")]
    assert "realisasi TW II belum diisi" in rows["Dinas C"]["kurang"]
    md = iku_cli("rekap", "kab", "--tahun", "2020", "--tw", "II", "-f", "markdown")
    assert "Belum melaporkan TW II: Dinas C, Dinas Koperasi" in md.stdout.replace("\\", "")
    # a bad agency: located, and the others still computed (exit 1)
    (kab / "dinas-c" / "program" / "2020.yaml").write_text("tahun: 2020\nprogram: 5\n", "utf-8")
    bad = iku_cli("rekap", "kab", "--tahun", "2020", "--tw", "2")
    assert bad.exit_code == 1 and "program/2020.yaml:2:" in bad.stderr
    assert "Dinas Uji Triwulan" in bad.stdout
    for args, code in (
        (["--tw", "2"], 2),  # without --tahun
        (["--tahun", "2020", "--tw", "5"], 2),
        (["--tahun", "2020", "--tw", "2", "-f", "parquet", "--out", "r.parquet"], 2),
    ):
        assert iku_cli("rekap", "kab", *args).exit_code == code, args


def rows_name(rows: dict, start: str) -> str:
    return next(name for name in rows if name.startswith(start))


def test_markdown_keeps_an_agency_name_literal(iku_cli, tmp_path) -> None:
    # issue 24: rekap escaped only "|", so "*" in a name turned into emphasis there (not in the
    # LKjIP, whose renderer escapes every Markdown character)
    import shutil

    kab = tmp_path / "kab"
    shutil.copytree(Path(__file__).parent / "corpus" / "triwulan", kab / "dinas")
    iku = kab / "dinas" / "iku.yaml"
    iku.write_text(
        iku.read_text("utf-8").replace("Dinas Uji Triwulan", "Dinas *Uji* _A_ [B]"), "utf-8"
    )
    md = iku_cli("rekap", str(kab), "--tahun", "2020", "-f", "markdown").stdout
    assert "Dinas \\*Uji\\* \\_A\\_ \\[B\\]" in md
    assert "*Uji*" not in md.replace("\\*", "")


def test_the_contoh_notice_counts_and_names_five_in_the_year_and_the_quarter() -> None:
    """The quarterly roll-up listed every agency's name, each with its commas, in one sentence
    (40 names on every page header of a regency); now as the yearly one: how many, five names."""
    from ikutool.render.documents.rekap import contoh_notice

    names = [f"Dinas {n}, Bidang X" for n in "ABCDEFG"]
    assert contoh_notice(names) == (
        "CATATAN: data 7 instansi berstatus CONTOH - angka ilustrasi, bukan data resmi (Dinas A, "
        "Bidang X; Dinas B, Bidang X; Dinas C, Bidang X; Dinas D, Bidang X; Dinas E, Bidang X; dan "
        "2 lainnya)."
    )
    assert contoh_notice(["Dinas A"]).endswith("resmi (Dinas A).")
