#!/usr/bin/env python3
"""Word documents at scale: `iku lkjip --format docx` and `iku manual --format docx` on synthetic
IKU files (benchmarks/make_data.py) of 100 to 10.000 indicators; CPU seconds (user + system) and
peak memory (maximum resident set) of the whole process, from its own rusage, cache off (every
run validates, as in run.py's large-file table). Goals (issue 28): at 1.000 indicators the LKjIP
within 10 s of CPU and 300 MiB, the Manual within 7 s; growth linear to 10.000.

    python benchmarks/bench_docx.py                  # 100, 1.000, 10.000 indicators
    python benchmarks/bench_docx.py --sizes 100,1000 --runs 3
    PYTHONPATH=/path/to/older/checkout python benchmarks/bench_docx.py   # another version
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "lkjip (docx)": ["lkjip", "--tahun", "2026", "-f", "docx", "--out", "out.docx", "--force"],
    "manual (docx)": ["manual", "-f", "docx", "--out", "out.docx", "--force"],
}


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {err.decode()[-500:]}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3, help="runs per size up to 1.000 (1 above)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "COLUMNS")}
    env["IKUTOOL_CACHE_DIR"] = ""  # cache off
    iku = [sys.executable, "-m", "ikutool"]
    lines = [
        "| indicators | document | CPU s | wall s | peak MiB | docx KiB | document.xml MiB |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    cpu: dict[tuple[int, str], float] = {}
    with tempfile.TemporaryDirectory(prefix="iku-docx-") as tmp:
        for n in [int(s) for s in args.sizes.split(",")]:
            folder = Path(tmp) / f"iku-{n}"
            make = [sys.executable, str(ROOT / "benchmarks" / "make_data.py"), "iku"]
            subprocess.run([*make, str(folder / "iku.yaml"), "--indikator", str(n)], check=True,
                           capture_output=True)  # fmt: skip
            (folder / "ikutool.yaml").write_text("# SINTETIS\niku: iku.yaml\n", "utf-8")
            for name, argv in COMMANDS.items():
                runs = [
                    run([*iku, *argv], folder, env) for _ in range(args.runs if n <= 1000 else 1)
                ]
                c = statistics.median(r[0] for r in runs)
                w = statistics.median(r[1] for r in runs)
                peak = max(r[2] for r in runs)
                cpu[n, name] = c
                out = folder / "out.docx"
                with zipfile.ZipFile(out) as z:
                    body = z.getinfo("word/document.xml").file_size / 2**20
                lines.append(
                    f"| {n:,} | {name} | {c:.2f} | {w:.2f} | {peak} | "
                    f"{out.stat().st_size // 1024:,} | {body:.1f} |"
                )
    sizes = sorted({n for n, _ in cpu})
    if len(sizes) > 1:
        small, big = sizes[-2], sizes[-1]
        for name in COMMANDS:
            lines.append(
                f"| growth {small:,} -> {big:,} | {name} | "
                f"{cpu[big, name] / cpu[small, name]:.1f}x | | | | |"
            )
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, cache off\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
