#!/usr/bin/env python3
"""Time and peak memory of the whole `iku` process on each bad-input sample of the reliability
issue: every one must end with exit 1 or 2 (or succeed) in under 2 s and 200 MB.

    python benchmarks/bench_limits.py

Each sample runs in a fresh workspace, as a separate process; peak RSS is the child's maximum
resident set size (getrusage), wall time includes interpreter start-up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import MINIMAL  # noqa: E402

R = "tahun: 2019\nrealisasi:\n"
SAMPLES: list[tuple[str, str, str, list[str]]] = [
    # name, iku.yaml, realisasi/2019.yaml, command
    (
        "4.301-digit integer",
        MINIMAL.replace('"25 Kop"', "1" + "0" * 4300),
        R + "  S1.1: 1\n",
        ["validate"],
    ),
    (
        "realisasi 10^309",
        MINIMAL,
        R + "  S1.1: 1" + "0" * 309 + "\n",
        ["capaian", "--tahun", "2019"],
    ),
    ("bobot 1e300", MINIMAL.replace("polaritas: positif", "bobot: 1e300"), R, ["validate"]),
    (
        "capaian 10^26 % to xlsx",
        MINIMAL.replace('"25 Kop"', '"0,000000001 %"'),
        R + "  S1.1: 999999999999999\n",
        ["report", "-f", "xlsx", "--out", "r.xlsx"],
    ),
    (
        "realisasi 0.00001 to xlsx",
        MINIMAL,
        R + "  S1.1: 0.00001\n",
        ["report", "-f", "xlsx", "--out", "r.xlsx"],
    ),
    (
        "control character in uraian",
        MINIMAL.replace("uraian: Koperasi aktif", 'uraian: "a\\x01b"'),
        R,
        ["validate"],
    ),
    (
        "!!bool tag, isi",
        MINIMAL,
        R + '  S1.1: !!bool "58"\n',
        ["realisasi", "isi", "--tahun", "2019", "S1.1=3"],
    ),
    (
        "30.000 nested [",
        MINIMAL,
        R[:-1] + " " + "[" * 30_000 + "\n",
        ["validate", "realisasi/2019.yaml"],
    ),
    (
        "target with 30.000 spaces",
        MINIMAL.replace('"25 Kop"', '"25' + " " * 30_000 + 'Kop"'),
        R,
        ["validate"],
    ),
    ("3 MB flow list", "a: [" + ",".join(["1"] * 1_500_000) + "]\n", R, ["validate"]),
    ("raw NUL", MINIMAL, R + "  S1.1: 5\x00\n", ["validate", "realisasi/2019.yaml"]),
    (
        "isi on a 6 MB file",
        MINIMAL,
        R + "  S1.1: 5\n" + "# " + "x" * 6_000_000 + "\n",
        ["realisasi", "isi", "--tahun", "2019", "S1.1=3"],
    ),
]


def run(name: str, iku: str, realisasi: str, command: list[str]) -> tuple[int, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "realisasi").mkdir()
        (root / "ikutool.yaml").write_text("iku: iku.yaml\n", encoding="utf-8")
        (root / "iku.yaml").write_text(iku, encoding="utf-8")
        (root / "realisasi" / "2019.yaml").write_text(realisasi, encoding="utf-8")
        return measure([sys.executable, "-m", "ikutool", *command], root)


def measure(argv: list[str], cwd: Path) -> tuple[int, float, int]:
    """Exit code, wall seconds and peak RSS (MiB) of one process, from its own rusage."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        if b"Traceback" in err.read():
            print(f"TRACEBACK in {argv}", file=sys.stderr)
    return proc.returncode, elapsed, usage.ru_maxrss // 1024


def main() -> int:
    print(f"{'sample':32} {'exit':>4} {'seconds':>8} {'peak MiB':>9}")
    worst = 0.0
    for name, iku, realisasi, command in SAMPLES:
        code, seconds, mib = run(name, iku, realisasi, command)
        worst = max(worst, seconds)
        print(f"{name:32} {code:>4} {seconds:>8.2f} {mib:>9}")
    with tempfile.TemporaryDirectory() as tmp:
        fifo = Path(tmp) / "fifo.yaml"
        os.mkfifo(fifo)
        for name, path in (("FIFO as input", str(fifo)), ("/dev/zero as input", "/dev/zero")):
            code, seconds, mib = measure([sys.executable, "-m", "ikutool", "validate", path], ROOT)
            print(f"{name:32} {code:>4} {seconds:>8.2f} {mib:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
