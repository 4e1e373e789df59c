"""``iku diff``: two IKU or PK files, and the IKU file's history in git (issue 19, 3)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ikutool.workspace.paths import bundled_iku


def changed_copy(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "lama.yaml"
    shutil.copyfile(bundled_iku(), old)
    text = old.read_text("utf-8")
    text = text.replace('2019: "60 org"', '2019: "65 org"', 1)  # one target changed
    text = text.replace("uraian: Koperasi Aktif", "uraian: Jumlah Koperasi Aktif", 1)  # renamed
    text = text.replace(
        "      - kode: S4.1",
        "      - kode: S4.2\n        uraian: Jumlah IKM bersertifikat halal\n"
        '        target: {2020: "10 IKM", 2021: "15 IKM"}\n      - kode: S4.1',
        1,
    )  # one indicator added
    new = tmp_path / "baru.yaml"
    new.write_text(text, "utf-8")
    return old, new


def test_three_changes_and_nothing_else(iku_cli, tmp_path) -> None:
    old, new = changed_copy(tmp_path)
    result = iku_cli("diff", str(old), str(new), "-f", "json")
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)["perubahan"]
    assert [(c["jenis"], c["kode"], c["tahun"], c["lama"], c["baru"]) for c in changes] == [
        ("ditambah", "S4.2", None, None, None),
        ("target", "S1.2", 2019, "60 org", "65 org"),
        ("diganti_nama", "S2.1", None, "Koperasi Aktif", "Jumlah Koperasi Aktif"),
    ]
    lines = new.read_text("utf-8").splitlines()
    for c in changes:  # located where the change is, in the new file
        assert c["berkas"] == str(new)
        assert (
            c["kode"] in "\n".join(lines[c["baris"] - 3 : c["baris"] + 1]) or c["jenis"] == "target"
        )
    assert "65 org" in lines[changes[1]["baris"] - 1]
    table = iku_cli("diff", str(old), str(new))
    assert "3 perubahan" in table.stdout and "indikator ditambah" in table.stdout
    same = iku_cli("diff", str(old), str(old))
    assert same.exit_code == 0 and "tidak ada perbedaan isi" in same.stdout


def test_a_recoded_indicator_is_matched_by_its_text(iku_cli, tmp_path) -> None:
    old = tmp_path / "lama.yaml"
    shutil.copyfile(bundled_iku(), old)
    new = tmp_path / "baru.yaml"
    new.write_text(old.read_text("utf-8").replace("kode: S3.4", "kode: S3.5", 1), "utf-8")
    changes = json.loads(iku_cli("diff", str(old), str(new), "-f", "json").stdout)["perubahan"]
    assert [(c["jenis"], c["kode_lama"], c["kode"]) for c in changes] == [
        ("kode_diubah", "S3.4", "S3.5")
    ]


def test_two_pk_files(iku_cli, workspace) -> None:
    (workspace / "pk" / "2019-revisi.yaml").write_text(
        'tahun: 2019\ntarget:\n  S1.2: "57 org"\n  S4.1: "45 IKM"\n', "utf-8"
    )
    result = iku_cli("diff", "pk/2019.yaml", "pk/2019-revisi.yaml", "-f", "json")
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)["perubahan"]
    assert [(c["jenis"], c["kode"], c["lama"], c["baru"]) for c in changes] == [
        ("target", "S1.2", "55 org", "57 org"),
        ("ditambah", "S4.1", None, "45 IKM"),
        ("dihapus", "S3.2", "6% dan 15%", None),
    ]


def test_files_of_different_kinds_are_a_usage_error(iku_cli, workspace) -> None:
    result = iku_cli("diff", "iku.yaml", "pk/2019.yaml")
    assert result.exit_code == 2 and "IKU501" in result.output
    assert iku_cli("diff", "iku.yaml").exit_code == 2
    assert iku_cli("diff", "iku.yaml", "tidak-ada.yaml").exit_code == 2


def git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@contoh.invalid", *args],
        cwd=cwd, check=True, capture_output=True,
    )  # fmt: skip


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_history_in_a_git_workspace(iku_cli, workspace) -> None:
    git("init", "-q", cwd=workspace)
    git("add", "iku.yaml", cwd=workspace)
    git("commit", "-q", "-m", "IKU awal", "--date=2019-01-10T10:00:00", cwd=workspace)
    iku = workspace / "iku.yaml"
    iku.write_text(iku.read_text("utf-8").replace('2019: "60 org"', '2019: "65 org"', 1), "utf-8")
    git("commit", "-q", "-am", "Reviu IKU", cwd=workspace)
    iku.write_text("# hanya komentar\n" + iku.read_text("utf-8"), "utf-8")
    git("commit", "-q", "-am", "Komentar", cwd=workspace)
    result = iku_cli("diff", "--riwayat", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [v["judul"] for v in data["versi"]] == ["IKU awal", "Reviu IKU", "Komentar"]
    assert [len(v["perubahan"]) for v in data["versi"]] == [0, 1, 0]
    assert data["versi"][1]["perubahan"][0]["baru"] == "65 org"
    table = iku_cli("diff", "--riwayat")
    assert "tidak ada perubahan isi" in table.stdout and "Reviu IKU" in table.stdout


def test_history_explains_itself_without_git(iku_cli, workspace, monkeypatch) -> None:
    outside = iku_cli("diff", "--riwayat")  # a workspace that is not a git repository
    assert outside.exit_code == 2 and "IKU510" in outside.output and "git init" in outside.output
    monkeypatch.setattr(shutil, "which", lambda name: None)
    missing = iku_cli("diff", "--riwayat")
    assert missing.exit_code == 2 and "git tidak terpasang" in missing.output


def test_a_git_that_hangs_is_a_message(iku_cli, workspace, monkeypatch) -> None:
    def hang(*args, **kwargs):
        raise subprocess.TimeoutExpired("git", 30)

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/git")
    monkeypatch.setattr(subprocess, "run", hang)
    result = iku_cli("diff", "--riwayat")
    assert result.exit_code == 2 and "IKU510" in result.output and "Traceback" not in result.output
