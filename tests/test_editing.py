"""`iku realisasi isi`: edits keep comments, key order and quoting; a bad edit changes nothing."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from ikutool.workspace.paths import data_dir

SAMPLE = data_dir() / "realisasi" / "2019.yaml"


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def copy_sample(tmp_path: Path, data: bytes | None = None) -> Path:
    folder = tmp_path / "realisasi"
    folder.mkdir()
    path = folder / "2019.yaml"
    path.write_bytes(data if data is not None else SAMPLE.read_bytes())
    return path


def test_round_trip_keeps_everything_else(iku_cli, tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_text(encoding="utf-8")
    result = iku_cli(
        "realisasi",
        "isi",
        "--tahun",
        "2019",
        "--realisasi",
        str(path.parent),
        "S1.2=60",
        "S3.2.ekspor=7,25",
        "S1.1.umkm=2.800",
        "S2.1=25",
    )
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert sorted(changed_lines(before, after)) == sorted(
        [
            "-      umkm: 2750",
            "-    nilai: 58",
            "+      umkm: 2800",
            "+    nilai: 60",
            "-    nilai: 24",
            "+    nilai: 25",
            '-    nilai: {ekspor: "6,5", impor: 19}',
            '+    nilai: {ekspor: "7,25", impor: 19}',
        ]
    )
    assert "# CONTOH - ANGKA ILUSTRASI, BUKAN DATA RESMI." in after  # comments kept


def test_bad_edit_changes_nothing(iku_cli, tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    for args in (["S1.2=-5"], ["S3.2.ekspr=5"], ["S9.9=1"], ["S1.2=banyak"], ["S1.2"]):
        result = iku_cli(
            "realisasi", "isi", "--tahun", "2019", "--realisasi", str(path.parent), *args
        )
        assert result.exit_code in (1, 2), args
        assert "Traceback" not in result.output
        assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["2019.yaml"]


def test_fills_a_template_and_keeps_crlf(iku_cli, workspace: Path) -> None:
    folder = workspace / "realisasi"
    path = folder / "2020.yaml"
    assert iku_cli("realisasi", "template", "--tahun", "2020").exit_code == 0
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = iku_cli("realisasi", "isi", "--tahun", "2020", "S1.3.umkm=24", "S3.3=1,5")
    assert result.exit_code == 0, result.output
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode()
    squeezed = [" ".join(line.split()) for line in text.splitlines()]
    assert "umkm: 24 # target 25 UMKM" in squeezed
    assert 'S3.3: "1,5" # target 2 %' in squeezed
    assert "S3.4: null # target 5 %" in squeezed
    capaian = iku_cli("capaian", "--tahun", "2020", "-f", "json")
    assert '"capaian": 75.0' in capaian.stdout  # S3.3: 1,5 / 2


def test_missing_realisasi_folder(iku_cli, workspace: Path) -> None:
    # a year without a file is started from the template (tests/test_trips.py); a folder that
    # ikutool.yaml names but that is not there is said, never made beside the real one
    shutil.rmtree(workspace / "realisasi")
    result = iku_cli("realisasi", "isi", "--tahun", "2020", "S1.2=5")
    assert result.exit_code == 2
    assert "Mulai berkasnya dengan: iku realisasi template --tahun 2020\n" in result.stderr
    assert not (workspace / "realisasi").exists()


def test_quarters_can_be_set_and_stale_comments_are_pointed_out(iku_cli, workspace: Path) -> None:
    path = workspace / "realisasi" / "2019.yaml"
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S4.1.IV=12")
    assert result.exit_code == 0, result.output
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert "triwulan: {I: 10, II: 12, III: 11, IV: 12} # kumulatif: 42 IKM setahun" in text
    # the comment is the officer's and stays; that it now names a replaced total is said
    assert "IKU313" in result.stderr and "42" in result.stderr
    capaian = iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout
    assert '"realisasi": 45.0' in capaian  # 10 + 12 + 11 + 12, kumulatif


def test_a_yearly_value_does_not_silently_override_quarters(iku_cli, workspace: Path) -> None:
    path = workspace / "realisasi" / "2019.yaml"
    before = path.read_bytes()
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S4.1=40")
    assert result.exit_code == 1 and "per triwulan" in result.stderr
    assert path.read_bytes() == before


def test_quarters_start_from_an_empty_template(iku_cli, workspace: Path) -> None:
    assert iku_cli("realisasi", "template", "--tahun", "2020").exit_code == 0
    result = iku_cli("realisasi", "isi", "--tahun", "2020", "S4.1.I=10", "S4.1.TW3=3", "S4.1.2=5")
    assert result.exit_code == 0, result.output
    text = (workspace / "realisasi" / "2020.yaml").read_text(encoding="utf-8")
    assert "    triwulan:\n      I: 10\n      II: 5\n      III: 3\n" in text


def test_code_case_is_suggested(iku_cli, workspace: Path) -> None:
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "s1.2=44", "S3.2.ekspr=1", "S1.2=x")
    assert result.exit_code == 1
    assert "Mungkin maksudnya 'S1.2'?" in result.stderr  # not S4.1
    assert "3 galat" in result.stderr or result.stderr.count("galat IKU") >= 2
