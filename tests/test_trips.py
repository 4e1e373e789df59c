"""The small trips of a first year with the tool (issue 25, item 6): each one a test."""

from __future__ import annotations

from pathlib import Path

import pytest

FOLDERS = ["anggaran", "pk", "program", "realisasi", "renaksi"]


def test_init_makes_every_folder_its_marker_names(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "dinas").exit_code == 0
    root = tmp_path / "dinas"
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == FOLDERS
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
