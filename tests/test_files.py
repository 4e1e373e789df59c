"""Writes are atomic and never overwrite without --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ikutool import files
from ikutool.errors import IkuError


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("lama", encoding="utf-8")
    with pytest.raises(IkuError) as info:
        files.write_atomic(path, "baru")
    assert info.value.findings[0].code == "IKU502"
    assert path.read_text(encoding="utf-8") == "lama"
    files.write_atomic(path, "baru", force=True)
    assert path.read_text(encoding="utf-8") == "baru"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_in_the_middle_leaves_the_original_intact(
    tmp_path: Path, monkeypatch, failure
) -> None:
    path = tmp_path / "2019.yaml"
    path.write_text("tahun: 2019  # milik petugas\n", encoding="utf-8")

    def broken_fsync(fd: int) -> None:  # the bytes are half on their way when this happens
        raise failure

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(IkuError if isinstance(failure, OSError) else KeyboardInterrupt) as info:
        files.write_atomic(path, "tahun: 2019\n" * 10_000, force=True)
    if isinstance(failure, OSError):
        assert info.value.findings[0].code == "IKU503"  # type: ignore[union-attr]
    assert path.read_text(encoding="utf-8") == "tahun: 2019  # milik petugas\n"
    assert [p.name for p in tmp_path.iterdir()] == ["2019.yaml"]  # no temporary file left behind


def test_missing_folder_is_usage(tmp_path: Path) -> None:
    with pytest.raises(IkuError) as info:
        files.write_atomic(tmp_path / "tidak-ada" / "x.yaml", "x")
    assert info.value.exit_code == 2


def test_written_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    files.write_atomic(path, "Kepala Dinas \u2013 Tanjung Jabung Barat\n")
    assert path.read_bytes() == "Kepala Dinas \u2013 Tanjung Jabung Barat\n".encode()


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        files.write_atomic(tmp_path / "a.txt", "x")
        os.umask(0o002)
        files.write_atomic(tmp_path / "b.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "b.txt").stat().st_mode & 0o777 == 0o664


def test_a_rewritten_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "2019.yaml"
    path.write_text("lama", encoding="utf-8")
    path.chmod(0o664)
    files.write_atomic(path, "baru", force=True)
    assert path.stat().st_mode & 0o777 == 0o664
