"""Workspaces: `iku init`, found from the working folder upward, the package never written."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from ikutool.workspace.paths import data_dir, package_dir


def tree_digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(folder)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


def test_init_makes_a_workspace_that_validates(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = iku_cli("init", "dinas")
    assert result.exit_code == 0, result.output
    root = tmp_path / "dinas"
    assert sorted(p.name for p in root.iterdir()) == [
        ".skema",
        "anggaran",
        "iku.yaml",
        "ikutool.yaml",
        "pk",
        "program",
        "realisasi",
        "renaksi",
    ]
    monkeypatch.chdir(root)
    check = iku_cli("validate")
    assert check.exit_code == 0, check.output
    assert "iku.yaml: berkas IKU sah: 2 sasaran, 4 indikator, periode 2025-2029" in check.stdout
    assert "contoh bawaan" not in check.output
    # the starter shows every feature in its comments
    starter = (root / "iku.yaml").read_text(encoding="utf-8")
    for feature in (
        "polaritas: negatif",
        "rumus_negatif",
        "skala",
        "komponen:",
        "bobot:",
        "agregasi_triwulan",
        "83-85 %",
        '"-"',
        "satuan:",
        "bidang:",
        "kepala:",
    ):
        assert feature in starter, feature


def test_init_never_overwrites(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "penuh"
    folder.mkdir()
    (folder / "iku.yaml").write_text("# IKU saya\n", encoding="utf-8")
    result = iku_cli("init", "penuh")
    assert result.exit_code == 1 and "IKU507" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["iku.yaml"]
    result = iku_cli("init", "penuh", "--force")
    assert result.exit_code == 0
    assert (folder / "iku.yaml").read_text(encoding="utf-8") == "# IKU saya\n"
    assert "sudah ada, tidak diubah: penuh/iku.yaml" in result.stderr
    assert (folder / "ikutool.yaml").is_file()


def test_contoh_workspace(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "--contoh", "coba").exit_code == 0
    root = tmp_path / "coba"
    assert sorted(p.name for p in (root / "realisasi").iterdir()) == [
        "2017.yaml",
        "2018.yaml",
        "2019.yaml",
    ]
    assert sorted(p.name for p in (root / "pk").iterdir()) == ["2019.yaml"]
    assert sorted(p.name for p in (root / "anggaran").iterdir()) == [
        "2017.yaml",
        "2018.yaml",
    ]
    assert sorted(p.name for p in (root / "program").iterdir()) == ["2019.yaml"]
    assert sorted(p.name for p in (root / "renaksi").iterdir()) == ["2019.yaml"]
    # the bundled IKU below the line that names its schema for an editor
    schema_line = b"# yaml-language-server: $schema=.skema/iku.schema.json\n"
    bundled = (data_dir() / "iku_2016_2021.yaml").read_bytes()
    assert (root / "iku.yaml").read_bytes() == schema_line + bundled


def test_a_new_agency_from_init_to_capaian_leaves_the_package_alone(
    iku_cli, tmp_path, monkeypatch
) -> None:
    before = tree_digest(package_dir(), data_dir())
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "--contoh", "ws").exit_code == 0
    sub = tmp_path / "ws" / "laporan"
    sub.mkdir()
    monkeypatch.chdir(sub)  # found from a subfolder too
    assert iku_cli("realisasi", "template", "--tahun", "2020").exit_code == 0
    result = iku_cli("realisasi", "isi", "--tahun", "2020", "S1.2=57", "S2.1=27")
    assert result.exit_code == 0, result.output
    result = iku_cli("capaian", "--tahun", "2020", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["berkas_iku"] == "../iku.yaml"
    assert data["berkas_realisasi"] == "../realisasi/2020.yaml"
    s12 = next(i for s in data["sasaran"] for i in s["indikator"] if i["kode"] == "S1.2")
    assert s12["capaian"] == pytest.approx(57 / 60 * 100)
    assert "contoh bawaan" not in result.stderr
    assert tree_digest(package_dir(), data_dir()) == before


def test_outside_a_workspace_reading_uses_the_sample_and_says_so_once(iku_cli) -> None:
    result = iku_cli("capaian", "--tahun", "2019")
    assert result.exit_code == 0
    assert result.stderr.count("memakai contoh bawaan") == 1
    assert "iku init" in result.stderr
    assert "Dihitung dari IKU contoh bawaan/iku_2016_2021.yaml" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["realisasi", "isi", "--tahun", "2019", "S1.2=57"],
        ["realisasi", "template", "--tahun", "2020", "--out", "2020.yaml"],
    ],
)
def test_outside_a_workspace_writing_refuses(iku_cli, args) -> None:
    before = tree_digest(data_dir())
    result = iku_cli(*args)
    assert result.exit_code == 2, result.output
    assert "IKU504" in result.stderr and "iku init" in result.stderr
    assert tree_digest(data_dir()) == before
    assert not Path("2020.yaml").exists()


def test_template_outside_a_workspace_only_prints(iku_cli) -> None:
    result = iku_cli("realisasi", "template", "--tahun", "2020")
    assert result.exit_code == 0 and "tahun: 2020" in result.stdout
    assert os.listdir(".") == []


def test_nothing_is_ever_written_into_the_package(iku_cli, tmp_path) -> None:
    target = data_dir() / "realisasi"
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "--realisasi", str(target), "S1.2=1")
    assert result.exit_code == 2 and "IKU504" in result.stderr
    result = iku_cli("report", "-f", "json", "--out", str(data_dir() / "x.json"))
    assert result.exit_code == 2 and "IKU504" in result.stderr
    assert not (data_dir() / "x.json").exists()


def test_iku_option_overrides_the_workspace(iku_cli, workspace, write) -> None:
    from tests.conftest import MINIMAL

    other = write("lain/iku.yaml", MINIMAL)
    result = iku_cli("show", "--iku", str(other), "-f", "json")
    assert json.loads(result.stdout)["instansi"]["nama"] == "Dinas Contoh"


def test_messages_about_unknown_codes_name_the_iku(iku_cli, workspace) -> None:
    (workspace / "realisasi" / "2019.yaml").write_text(
        "tahun: 2019\nrealisasi:\n  X9: 1\n", encoding="utf-8"
    )
    result = iku_cli("capaian", "--tahun", "2019")
    assert result.exit_code == 1
    assert "kode indikator 'X9' tidak ada di IKU iku.yaml" in result.stderr


def test_a_broken_marker_is_located(iku_cli, tmp_path, monkeypatch) -> None:
    (tmp_path / "ikutool.yaml").write_text("iku: iku.yaml\nrealisasii: r\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = iku_cli("capaian", "--tahun", "2019")
    assert result.exit_code == 1
    assert "ikutool.yaml:2:1: galat IKU201" in result.stderr
    assert "Mungkin maksudnya 'realisasi'" in result.stderr


def test_a_workspace_without_its_iku_file(iku_cli, tmp_path, monkeypatch) -> None:
    (tmp_path / "ikutool.yaml").write_text("iku: renstra.yaml\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = iku_cli("capaian", "--tahun", "2019")
    assert result.exit_code == 2 and "renstra.yaml" in result.stderr
    assert "Traceback" not in result.output


WORKSPACE_COMMANDS = [
    ["validate"],
    ["show"],
    ["capaian", "--tahun", "2019"],
    ["report"],
    ["evaluasi"],
    ["lkjip", "--tahun", "2019"],
    ["realisasi", "template", "--tahun", "2020"],
    ["realisasi", "template", "--tahun", "2020", "-f", "xlsx"],
    ["realisasi", "isi", "--tahun", "2019", "S1.2=57"],
    ["realisasi", "impor", "x.xlsx"],
]


def _spoil(root: Path, kind: str) -> str:
    if kind == "loop":
        (root / "loop1").symlink_to("loop2")
        (root / "loop2").symlink_to("loop1")
        return "realisasi: loop1\n"
    if kind == "long":
        return "realisasi: " + "x" * 300 + "\n"
    if kind == "file-for-folder":
        return "realisasi: iku.yaml\n"
    return "pk: iku.yaml\n"


@pytest.mark.parametrize("kind", ["loop", "long", "file-for-folder", "pk-file"])
def test_paths_in_ikutool_yaml_are_checked_by_every_command(iku_cli, workspace, kind) -> None:
    """Issue 16 (3): a symlink loop, an over-long name or a file where a folder is expected gave
    RuntimeError, OSError or FileExistsError; now one located Indonesian error, nothing written."""
    marker = workspace / "ikutool.yaml"
    marker.write_text("iku: iku.yaml\n" + _spoil(workspace, kind), encoding="utf-8")
    before = {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file() and not p.is_symlink()}
    for args in WORKSPACE_COMMANDS:
        result = iku_cli(*args)
        assert result.exit_code == 1, (args, result.output)
        assert "Traceback" not in result.output
        assert "ikutool.yaml:2:1: galat IKU509" in result.stderr + result.stdout, (
            args,
            result.output,
        )
    after = {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file() and not p.is_symlink()}
    assert after == before


def test_rekap_reports_an_agency_with_bad_paths_and_computes_the_others(
    iku_cli, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        assert iku_cli("init", "--contoh", name).exit_code == 0
    (tmp_path / "b" / "ikutool.yaml").write_text("realisasi: " + "y" * 300 + "\n", "utf-8")
    result = iku_cli("rekap", "--tahun", "2019", ".", "-f", "json")
    assert result.exit_code == 1 and "Traceback" not in result.output
    rows = {Path(b["folder"]).name: b for b in json.loads(result.stdout)["baris"]}
    assert rows["a"]["tahun"][0]["capaian"] is not None
    assert rows["b"]["galat"][0]["kode"] == "IKU509"
    assert "b/ikutool.yaml:1:1: galat IKU509" in result.stderr


def test_options_naming_a_bad_path_are_usage_errors(iku_cli, workspace) -> None:
    result = iku_cli("capaian", "--tahun", "2019", "--realisasi", "iku.yaml")
    assert result.exit_code == 2 and "--realisasi 'iku.yaml': ini sebuah berkas" in result.stderr
