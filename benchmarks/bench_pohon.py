#!/usr/bin/env python3
"""``iku pohon``: start-up on the bundled contoh against the stack hello-world, in instructions
counted by valgrind's callgrind (deterministic on a noisy machine), and scale: wall time of the
same commands on synthetic trees of 250 to 2.000 nodes (should grow linearly).

    python benchmarks/bench_pohon.py            # needs valgrind for the first part
    python benchmarks/bench_pohon.py --quick    # scale only

Not a test: nothing is asserted in CI.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
sys.path.insert(0, str(ROOT))


def _env(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["IKUTOOL_CACHE_DIR"] = cache
    env["COLUMNS"] = "200"
    return env


def instructions(argv: list[str], cwd: Path, env: dict[str, str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
            cwd=cwd, env=env, check=True, capture_output=True,
        )  # fmt: skip
        summary = re.search(r"^summary:\s+(\d+)", out.read_text(), re.MULTILINE)
        assert summary is not None
        return int(summary.group(1))


def startup(work: Path) -> list[str]:
    env = _env(str(work / "cache"))
    iku = [PY, "-m", "ikutool"]
    subprocess.run([*iku, "init", "--contoh", str(work / "dinas")], env=env, check=True,
                   capture_output=True)  # fmt: skip
    ws = work / "dinas"
    cases = {
        "hello-world": [PY, str(ROOT / "benchmarks" / "hello.py")],
        "iku pohon --tahun 2019": [*iku, "pohon", "--tahun", "2019"],
        "iku pohon --tahun 2019 -f svg": [*iku, "pohon", "--tahun", "2019", "-f", "svg"],
        "iku pohon --tahun 2019 -f json": [*iku, "pohon", "--tahun", "2019", "-f", "json"],
        "iku capaian --tahun 2019": [*iku, "capaian", "--tahun", "2019"],
    }
    for argv in cases.values():  # warm: .pyc files and the cache of validated files
        subprocess.run(argv, cwd=ws, env=env, check=True, capture_output=True)
    counts = {name: instructions(argv, ws, env) for name, argv in cases.items()}
    base = counts["hello-world"]
    lines = ["| start-up (callgrind) | instructions | ratio to hello-world |", "|---|---:|---:|"]
    lines += [f"| {k} | {v:,} | {v / base:.2f} |" for k, v in counts.items()]
    return lines


def scale(work: Path, sizes: list[int], runs: int) -> list[str]:
    from benchmarks.make_pohon import write

    env = _env("")  # cache off: every run reads and checks the tree
    commands = {
        "json": ["-f", "json"],
        "svg": ["-f", "svg"],
        "pdf": ["-f", "pdf", "--out", "p.pdf", "--force"],
    }
    lines = ["| nodes | " + " | ".join(commands) + " | per node (svg) |",
             "|---:|" + "---:|" * (len(commands) + 1)]  # fmt: skip
    for n in sizes:
        folder = work / f"pohon-{n}"
        write(folder, n)
        medians = {}
        for name, extra in commands.items():
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                subprocess.run([PY, "-m", "ikutool", "pohon", "--tahun", "2025", *extra],
                               cwd=folder, env=env, check=True, capture_output=True)  # fmt: skip
                times.append(time.perf_counter() - t0)
            medians[name] = statistics.median(times)
        lines.append(
            f"| {n} | "
            + " | ".join(f"{v:.2f} s" for v in medians.values())
            + f" | {medians['svg'] / n * 1000:.2f} ms |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.quick and shutil.which("valgrind"):
            print("\n".join(startup(work)), "\n")
        print("\n".join(scale(work, [250, 500, 1000, 2000], 1 if args.quick else 3)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
