"""The fast exit (ikutool/cli/fastexit.py): a real ``iku`` process that ends through ``os._exit``
prints every byte the command wrote, on stdout and stderr, and keeps its exit code (0, 1, 2);
anything that could lose something at exit takes the interpreter's normal exit instead."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from subprocess import PIPE

import pytest

from tests.golden_corpus import ENV, UNSET

N_INDIKATOR = 450  # capaian -f json of this many: about 700 KB, ten times a pipe's buffer

# runs `iku` as the installed script does (main() called from __main__), with os._exit watched
WRAPPER = """\
import os, sys
from pathlib import Path

marker = Path(os.environ["IKU_TEST_EXIT_MARKER"])
real_exit = os._exit


def watched(code):
    marker.write_text(str(code))
    real_exit(code)


os._exit = watched
if os.environ.get("IKU_TEST_ATEXIT"):  # a handler a library registered: it still runs
    import atexit

    def goodbye():
        sys.stdout.write("atexit stdout\\n")
        sys.stderr.write("atexit stderr\\n")
        Path(os.environ["IKU_TEST_ATEXIT"]).write_text("ran")

    atexit.register(goodbye)
if os.environ.get("IKU_TEST_NORMAL_EXIT"):  # the interpreter's own exit, to compare with
    from ikutool.cli import fastexit

    fastexit.safe = lambda caller, fds: False
sys.argv[0] = "iku"
from ikutool.cli.app import main

main()
"""


def _workspace(root: Path) -> Path:
    """An agency of N_INDIKATOR indicators whose realisasi writes every figure with a thousands
    dot YAML reads as a decimal (``1.250``): one warning (IKU107) per figure on stderr."""
    root.mkdir()
    (root / "ikutool.yaml").write_text("iku: iku.yaml\nrealisasi: realisasi\n", "utf-8")
    iku = [
        "instansi: {nama: Dinas Uji Keluar Cepat}",
        "periode: {awal: 2025, akhir: 2026}",
        "sasaran:",
    ]
    real = ["tahun: 2025", "status: contoh", "realisasi:"]
    for s in range(1, N_INDIKATOR // 3 + 1):
        iku += [f"  - kode: S{s}", f"    uraian: Sasaran uji {s}", "    indikator:"]
        for j in range(1, 4):
            iku += [
                f"      - kode: S{s}.{j}",
                f"        uraian: Indikator uji {s}.{j}",
                "        target: {2025: '1.500 unit', 2026: '1.600 unit'}",
            ]
            real.append(f"  S{s}.{j}: 1.{200 + s % 700:03d}")
    (root / "iku.yaml").write_text("\n".join(iku) + "\n", "utf-8")
    (root / "realisasi").mkdir()
    (root / "realisasi" / "2025.yaml").write_text("\n".join(real) + "\n", "utf-8")
    bad = "\n".join(real).replace("S1.1: ", "S1.1: banyak #", 1)
    (root / "realisasi" / "2026.yaml").write_text(
        bad.replace("tahun: 2025", "tahun: 2026") + "\n", "utf-8"
    )
    return root


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _workspace(tmp_path_factory.mktemp("fastexit") / "dinas")


def _in_process(folder: Path, args: list[str]) -> tuple[int, bytes, bytes]:
    from typer.testing import CliRunner

    from ikutool.cli.app import app

    old = Path.cwd()
    os.chdir(folder)
    try:
        env: dict[str, str | None] = {**ENV, **dict.fromkeys(UNSET), "IKUTOOL_CACHE_DIR": ""}
        result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout_bytes, result.stderr_bytes


def _process(
    folder: Path,
    args: list[str],
    tmp: Path,
    *,
    closed_stdout: bool = False,
    **extra_env: str,
) -> tuple[int, bytes, bytes, str | None]:
    """A real process through pipes; the last item is the code os._exit was called with, or
    None when the process exited normally. ``closed_stdout``: its stdout a pipe whose reading
    end is closed before it writes (``iku ... | head -0``)."""
    wrapper, marker = tmp / "iku_wrapper.py", tmp / "exit-code"
    wrapper.write_text(WRAPPER, "utf-8")
    marker.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    env.update(ENV, IKUTOOL_CACHE_DIR="", IKU_TEST_EXIT_MARKER=str(marker), **extra_env)
    argv = [sys.executable, str(wrapper), *args]
    if closed_stdout:
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            proc = subprocess.run(argv, cwd=folder, env=env, stdout=write_end, stderr=PIPE)
        finally:
            os.close(write_end)
    else:
        proc = subprocess.run(argv, cwd=folder, env=env, capture_output=True)
    fast = marker.read_text() if marker.exists() else None
    return proc.returncode, proc.stdout or b"", proc.stderr, fast


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["capaian", "--tahun", "2025", "-f", "json"], 0),  # large stdout and stderr
        (["capaian", "--tahun", "2025"], 0),  # the rich table
        (["capaian", "--tahun", "2026"], 1),  # a bad file: the error on stderr
        (["capaian", "--tahun", "1999"], 2),  # a usage problem
        (["capaian", "--format", "xlsx", "--tahun", "2025"], 2),  # click's own usage error
    ],
)
def test_fast_exit_prints_everything_and_keeps_the_code(
    agency: Path, tmp_path: Path, args: list[str], code: int
) -> None:
    want = _in_process(agency, args)
    got_code, out, err, fast = _process(agency, args, tmp_path)
    assert fast == str(code), "the process did not end through the fast exit"
    assert got_code == want[0] == code
    assert out.decode() == want[1].decode()
    assert err.decode() == want[2].decode()
    assert (out, err) == want[1:]
    if args[-1] == "json":
        assert len(out) > 10 * 65536 and len(err) > 65536, (len(out), len(err))


@pytest.mark.slow
@pytest.mark.parametrize("code", [0, 1])
def test_atexit_handlers_still_run_and_what_they_print_is_kept(
    agency: Path, tmp_path: Path, code: int
) -> None:
    args = ["capaian", "--tahun", "2025" if code == 0 else "2026"]
    ran = tmp_path / "atexit-ran"
    got_code, out, err, fast = _process(agency, args, tmp_path, IKU_TEST_ATEXIT=str(ran))
    assert fast == str(code)
    assert got_code == code
    assert ran.read_text() == "ran"
    assert out.endswith(b"atexit stdout\n") and err.endswith(b"atexit stderr\n")
    # the same bytes as the interpreter's own exit gives
    normal = _process(agency, args, tmp_path, IKU_TEST_ATEXIT=str(ran), IKU_TEST_NORMAL_EXIT="1")
    assert normal == (got_code, out, err, None)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["capaian", "--tahun", "2025", "-f", "json"],  # far more than a pipe holds
        ["capaian", "--tahun", "2025", "-f", "csv"],
        ["--help"],  # a few lines, written at exit
    ],
)
def test_a_pipe_closed_early_ends_as_it_did_before(
    agency: Path, tmp_path: Path, args: list[str]
) -> None:
    got = _process(agency, args, tmp_path, closed_stdout=True)
    normal = _process(agency, args, tmp_path, closed_stdout=True, IKU_TEST_NORMAL_EXIT="1")
    assert normal[3] is None
    assert got[:3] == normal[:3]  # exit code and every byte on stderr
    assert b"Traceback" not in got[2]


def test_main_called_by_a_program_exits_normally(
    agency: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a test (or any program) calling main() gets its SystemExit, never an os._exit
    from ikutool.cli import app

    def refuse(code: int) -> None:
        raise AssertionError(f"os._exit({code}) called")

    monkeypatch.setattr(os, "_exit", refuse)
    monkeypatch.chdir(agency)
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", "")
    monkeypatch.setattr(sys, "argv", ["iku", "capaian", "--tahun", "1999"])
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with pytest.raises(SystemExit) as exc:
        app.main()
    assert exc.value.code == 2


def test_not_safe_with_a_file_left_open(tmp_path: Path) -> None:
    from ikutool.cli import fastexit

    main_module = {"__name__": "__main__"}
    before = fastexit.open_fds()
    if before is None:
        pytest.skip("no /proc/self/fd here: the fast exit is never taken")
    tracer, profiler = sys.gettrace(), sys.getprofile()
    sys.settrace(None)  # (under coverage: as in a plain run)
    sys.setprofile(None)
    try:
        with (tmp_path / "a").open("w") as handle:
            handle.write("buffered")
            assert not fastexit.safe(main_module, before)  # its buffer would be lost
        assert fastexit.safe(main_module, before)  # closed: nothing to lose
        assert not fastexit.safe({"__name__": "tests.test_fastexit"}, before)
    finally:
        sys.settrace(tracer)
        sys.setprofile(profiler)


def test_a_stream_that_cannot_be_flushed_means_the_normal_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `iku ... | head`: the interpreter's own exit reports the closed pipe, as it always did
    from ikutool.cli import fastexit

    class ClosedPipe(io.StringIO):
        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    def refuse(code: int) -> None:
        raise AssertionError(f"os._exit({code}) called")

    monkeypatch.setattr(os, "_exit", refuse)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    fastexit.exit_now(0)  # returns
