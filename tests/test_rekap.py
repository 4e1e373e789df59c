"""`iku rekap`: every agency of a (synthetic) regency, the same figures as each agency's own
`iku capaian`, bad agencies reported while the rest are computed."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest

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
        assert row["jumlah_indikator"] == 30 and year["dengan_realisasi"] == 30


def test_bad_agencies_are_located_and_named(iku_cli, regency) -> None:
    result = iku_cli("rekap", "--tahun", "2026", str(regency))
    assert result.exit_code == 1
    assert "opd-007/realisasi/2026.yaml:6:9: galat IKU303" in result.stderr
    assert "opd-013/iku.yaml:7:5: galat IKU201" in result.stderr
    assert "2 instansi dengan berkas yang salah" in result.stderr
    assert "GALAT IKU303" in result.stdout and "12 instansi dihitung, 2 dengan galat" in result.stdout


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
    rows = list(csv.DictReader(io.StringIO(iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "csv").stdout)))
    means = [r for r in rows if r["sasaran"] == "" and r["capaian"]]
    assert len(means) == 12 and all(float(r["capaian"]) > 0 for r in means)
    for fmt in ("xlsx", "html"):
        out = tmp_path / f"rekap.{fmt}"
        assert iku_cli("rekap", "--tahun", "2026", str(regency), "-f", fmt, "--out", str(out)).exit_code == 1
        assert out.is_file()
    wb = load_workbook(tmp_path / "rekap.xlsx")
    assert wb.sheetnames == ["Rekap", "Sasaran"] and wb["Sasaran"].max_row == 1 + 12 * 10
    assert "<table>" in (tmp_path / "rekap.html").read_text(encoding="utf-8")


def test_parquet_needs_its_extra_or_works(iku_cli, regency, tmp_path) -> None:
    out = tmp_path / "rekap.parquet"
    result = iku_cli("rekap", "--tahun", "2026", str(regency), "-f", "parquet", "--out", str(out))
    try:
        import pyarrow.parquet as pq
    except ImportError:
        assert result.exit_code == 2 and "ikutool[parquet]" in result.stderr
        return
    table = pq.read_table(out)
    assert table.num_rows == 12 * 11 and set(table.column_names) >= {"instansi", "capaian"}


def test_usage(iku_cli, tmp_path) -> None:
    assert iku_cli("rekap", str(tmp_path)).exit_code == 2  # no year
    result = iku_cli("rekap", "--tahun", "2026", str(tmp_path))
    assert result.exit_code == 2 and "tidak ada ruang kerja" in result.stderr
