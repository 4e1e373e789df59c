"""Output stays correct without colour, in a narrow or dumb terminal, and when piped."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "env",
    [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"COLUMNS": "50"}, {"FORCE_COLOR": "", "COLUMNS": "300"}],
)
def test_capaian_in_any_terminal(iku_cli, monkeypatch, env) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = iku_cli("capaian", "--tahun", "2019")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "91,67" in result.stdout and "CONTOH" in result.stdout


def test_piped_output_has_no_escape_codes_and_is_utf8(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    env["PYTHONIOENCODING"] = "utf-8"
    for args in (["capaian", "--tahun", "2019"], ["report", "--bidang", "UKM"], ["show"]):
        proc = subprocess.run(
            [sys.executable, "-m", "ikutool", *args],
            capture_output=True,
            cwd=tmp_path,
            env=env,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout.decode("utf-8")
        assert "\x1b[" not in out
        assert "Traceback" not in proc.stderr.decode("utf-8")


def test_broken_pipe_is_quiet(tmp_path) -> None:
    proc = subprocess.run(
        f'"{sys.executable}" -m ikutool report | head -n 1',
        shell=True,
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert b"Traceback" not in proc.stderr
