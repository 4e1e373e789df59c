"""No traceback from a full disk, a file-size limit, a link loop or an over-long name typed on
the command line, in any command (issue 23)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ikutool.workspace.sources import init_workspace

resource = pytest.importorskip("resource")


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("disk") / "ws"
    init_workspace(root, contoh=True, force=False)
    return root


def run_limited(root: Path, *args: str, limit: int = 8 * 1024) -> subprocess.CompletedProcess:
    """``iku ARGS`` in a process that may not write a file over ``limit`` bytes (ulimit -f)."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "IKUTOOL_CACHE_DIR": str(root.parent / "cache")}
    return subprocess.run([sys.executable, "-m", "ikutool", *args], cwd=root, env=env,
                          preexec_fn=cap, capture_output=True, text=True, timeout=120)  # fmt: skip


WRITERS = [
    ("triwulan", "--tahun", "2019", "--tw", "II", "-f", "xlsx", "--out", "t.xlsx"),
    ("evaluasi", "renja", "--tahun", "2019", "-f", "xlsx", "--out", "e81.xlsx"),
    ("evaluasi", "renstra", "-f", "xlsx", "--out", "e80.xlsx"),
    ("lke", "--tahun", "2019", "-f", "xlsx", "--out", "lke.xlsx"),
    ("realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--out", "r.xlsx"),
    ("report", "--tahun", "2019", "-f", "xlsx", "--out", "lap.xlsx"),
    ("lkjip", "--tahun", "2019", "-f", "docx", "--out", "lkjip.docx"),
]


@pytest.mark.slow
@pytest.mark.parametrize("args", WRITERS, ids=lambda a: "-".join(a[:2]))
def test_a_file_size_limit_while_writing_is_a_message(ws, args) -> None:
    before = sorted(p.name for p in ws.iterdir())
    proc = run_limited(ws, *args)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert "galat IKU503" in proc.stderr and "batas ukuran berkas" in proc.stderr
    assert sorted(p.name for p in ws.iterdir()) == before  # no partial file, no .tmp


LOOP = "putar/x.yaml"
LONG = "x" * 300 + ".yaml"
COMMANDS = [
    ("manual", "--iku", "{p}"),
    ("triwulan", "--tahun", "2019", "--tw", "II", "--out", "{p}"),
    ("triwulan", "--tahun", "2019", "--tw", "II", "--renaksi", "{p}"),
    ("evaluasi", "renja", "--tahun", "2019", "--program", "{p}"),
    ("renaksi", "template", "--tahun", "2019", "--out", "{p}"),
    ("lke", "--tahun", "2019", "--pk", "{p}"),
    ("diff", "{p}", "iku.yaml"),
    ("diff", "iku.yaml", "{p}"),
    ("lkjip", "--tahun", "2019", "--out", "{p}"),
    ("init", "{p}"),
    ("rekap", "--tahun", "2019", "{p}"),
    ("realisasi", "impor", "{p}"),
]


@pytest.mark.parametrize("path", [LOOP, LONG], ids=["loop", "long"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(x for x in a[:2] if x != "{p}"))
def test_a_bad_path_on_the_command_line_is_a_message(iku_cli, ws, monkeypatch, args, path) -> None:
    monkeypatch.chdir(ws)
    if not (ws / "putar").is_symlink():
        (ws / "putar").symlink_to("putar2")
        (ws / "putar2").symlink_to("putar")
    result = iku_cli(*[a.replace("{p}", path) for a in args])
    assert result.exit_code == 2, result.output
    assert "galat IKU509" in result.stderr
    assert ("berputar" if path == LOOP else "terlalu panjang") in result.stderr


@pytest.mark.slow
def test_the_hostile_fuzz_campaign_runs_clean(tmp_path) -> None:
    """A few cases of ``scripts/fuzz.py --hostile`` (the campaign itself runs hundreds): the
    harness works and finds nothing (no traceback, hang, payload run, file touched outside)."""
    script = Path(__file__).parent.parent / "scripts" / "fuzz.py"
    proc = subprocess.run([sys.executable, str(script), "--hostile", "--cases", "3", "--seed", "4",
                           "--out", str(tmp_path / "temuan")], capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for key in ("traceback", "hang", "crash", "terminal_escape", "outside_touched", "marker"):
        assert f"{key}: 0" in proc.stdout
