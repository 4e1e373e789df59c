"""Writes are atomic and never overwrite without --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ikutool.errors import IkuError
from ikutool.workspace import files


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


# --- fault injection: what goes wrong on real machines -------------------------------------


def test_unwritable_folder_is_a_message_not_a_traceback(iku_cli, workspace, monkeypatch) -> None:
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # as root, chmod alone would not deny
    for args in (
        ["realisasi", "template", "--tahun", "2020"],
        ["report", "-f", "json", "--out", "r.json"],
        ["realisasi", "isi", "--tahun", "2019", "S1.2=57"],
    ):
        result = iku_cli(*args)
        assert result.exit_code == 1, (args, result.output)
        assert "IKU503" in result.stderr and "izin ditolak" in result.stderr
        assert "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder_for_real(iku_cli, workspace) -> None:  # pragma: no cover - non-root
    folder = workspace / "terkunci"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = iku_cli("report", "-f", "json", "--out", str(folder / "r.json"))
        assert result.exit_code == 1 and "IKU503" in result.stderr
    finally:
        folder.chmod(0o755)


def test_full_temporary_folder_does_not_stop_the_excel_report(
    iku_cli, workspace, monkeypatch
) -> None:
    """openpyxl spools sheets through temporary files: they go beside --out, not to /tmp."""
    import tempfile

    real = tempfile.NamedTemporaryFile
    scratch = str(workspace)

    def full_unless_beside_out(*args, **kwargs):
        folder = kwargs.get("dir") or tempfile.gettempdir()
        if os.path.realpath(folder) != os.path.realpath(scratch):
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", full_unless_beside_out)
    import openpyxl.worksheet._writer as writer

    monkeypatch.setattr(writer, "NamedTemporaryFile", full_unless_beside_out)
    result = iku_cli("report", "-f", "xlsx", "--out", str(workspace / "r.xlsx"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in workspace.iterdir() if p.is_file()) == [
        "iku.yaml",
        "ikutool.yaml",
        "r.xlsx",
        "tindak-lanjut.yaml",
    ]


def test_disk_full_while_writing_keeps_the_old_file(iku_cli, workspace, monkeypatch) -> None:
    path = workspace / "realisasi" / "2019.yaml"
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S1.2=57")
    assert result.exit_code == 1 and "disk penuh" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["2017.yaml", "2018.yaml", "2019.yaml"]


def test_a_symlinked_data_file_is_never_written_through(iku_cli, workspace) -> None:
    """Issue 23 changed the rule of issue 11 ("a link stays a link, its target is replaced"): a
    link planted in another agency's folder must not make a command write where it points."""
    shared = workspace / "bersama"
    shared.mkdir()
    real = shared / "2019-asli.yaml"
    link = workspace / "realisasi" / "2019.yaml"
    real.write_bytes(link.read_bytes())
    before = real.read_bytes()
    link.unlink()
    link.symlink_to(real)
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S1.2=57")
    assert (
        result.exit_code == 2 and "IKU512" in result.stderr and "tautan simbolik" in result.stderr
    )
    assert link.is_symlink() and real.read_bytes() == before


def test_an_out_link_is_replaced_only_with_force(iku_cli, workspace, tmp_path) -> None:
    elsewhere = tmp_path / "di-luar.json"
    elsewhere.write_text("milik orang lain", "utf-8")
    out = workspace / "laporan.json"
    out.symlink_to(elsewhere)
    refused = iku_cli("report", "-f", "json", "--out", str(out))
    assert refused.exit_code == 2 and "IKU512" in refused.stderr
    dangling = workspace / "baru.json"
    dangling.symlink_to(tmp_path / "tidak-ada" / "x.json")
    assert iku_cli("report", "-f", "json", "--out", str(dangling)).exit_code == 2
    assert not (tmp_path / "tidak-ada").exists()
    done = iku_cli("report", "-f", "json", "--out", str(out), "--force")
    assert done.exit_code == 0, done.output
    assert not out.is_symlink() and out.read_text("utf-8").startswith("{")
    assert elsewhere.read_text("utf-8") == "milik orang lain"  # the link's target is untouched


def test_a_device_is_never_replaced(iku_cli, workspace) -> None:
    result = iku_cli("report", "-f", "json", "--out", "/dev/null", "--force")
    assert result.exit_code == 2 and "bukan berkas biasa" in result.stderr
    import stat as stat_module

    assert stat_module.S_ISCHR(os.stat("/dev/null").st_mode)


SLOW_WRITER = """
import os, signal, sys, time
from pathlib import Path
from ikutool.cli.app import _terminate
from ikutool.workspace import files
for name in ("SIGTERM", "SIGHUP"):
    signal.signal(getattr(signal, name), _terminate)
real_fsync = os.fsync
def slow(fd):
    sys.stdout.write("writing\\n"); sys.stdout.flush()
    time.sleep(30)
os.fsync = slow
files.write_atomic(Path(sys.argv[1]), "baru\\n" * 1000, force=True)
"""


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path, signame) -> None:
    import signal
    import subprocess
    import sys

    target = tmp_path / "2019.yaml"
    target.write_text("lama\n", encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
        proc.send_signal(getattr(signal, signame))
        assert proc.wait(timeout=20) == 128 + getattr(signal, signame)
    assert target.read_text(encoding="utf-8") == "lama\n"
    assert [p.name for p in tmp_path.iterdir()] == ["2019.yaml"]


def test_a_change_made_meanwhile_by_another_program_is_not_overwritten(tmp_path) -> None:
    path = tmp_path / "2019.yaml"
    path.write_text("lama\n", encoding="utf-8")
    original = path.read_bytes()
    path.write_text("disimpan dari Notepad\n", encoding="utf-8")
    with pytest.raises(IkuError) as info:
        files.write_atomic(path, "hasil isi\n", force=True, expect=original)
    assert info.value.findings[0].code == "IKU506"
    assert path.read_text(encoding="utf-8") == "disimpan dari Notepad\n"


@pytest.mark.slow
def test_200_concurrent_pairs_of_edits_keep_both(bundled, tmp_path) -> None:
    """Two officers (here: threads, each with its own open file) fill the same file at once."""
    import threading

    from ikutool.inputs.editing import edit_file, parse_assignments

    iku = bundled.iku
    template = "tahun: 2019\nstatus: sementara\nrealisasi:\n  S1.2: null\n  S2.1: null\n"
    path = tmp_path / "2019.yaml"
    for i in range(200):
        path.write_text(template, encoding="utf-8")
        errors: list[BaseException] = []

        def edit(arg: str, errors: list[BaseException] = errors) -> None:
            try:
                edit_file(path, iku, parse_assignments([arg], iku), "2019.yaml")
            except BaseException as exc:  # reported below
                errors.append(exc)

        pair = [
            threading.Thread(target=edit, args=(f"S1.2={i + 1}",)),
            threading.Thread(target=edit, args=(f"S2.1={i + 2}",)),
        ]
        for t in pair:
            t.start()
        for t in pair:
            t.join()
        assert not errors, errors
        text = path.read_text(encoding="utf-8")
        assert f"S1.2: {i + 1}\n" in text and f"S2.1: {i + 2}\n" in text, (i, text)


@pytest.mark.slow
def test_concurrent_processes_keep_both_edits(workspace) -> None:
    import subprocess
    import sys

    path = workspace / "realisasi" / "2019.yaml"
    for i in range(3):
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "ikutool", "realisasi", "isi", "--tahun", "2019", arg],
                cwd=workspace,
                stderr=subprocess.DEVNULL,
            )
            for arg in (f"S1.2={50 + i}", f"S2.1={20 + i}")
        ]
        assert [p.wait(timeout=60) for p in procs] == [0, 0]
        text = path.read_text(encoding="utf-8")
        assert f"S1.2:\n    nilai: {50 + i}\n" in text and f"S2.1:\n    nilai: {20 + i}\n" in text
