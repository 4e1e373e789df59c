#!/usr/bin/env python3
"""Speed and scale, measured as ratios in one run (medians of interleaved runs, min-max).

    python benchmarks/run.py            # everything (a few minutes)
    python benchmarks/run.py --quick    # fewer runs and sizes

Sections:
1. start-up: every one-agency command (benchmarks/callgrind.py's table) in a workspace from
   `iku init --contoh`, warm cache, against the stack hello-world (benchmarks/hello.py: typer,
   ruamel.yaml, pydantic and rich; a small YAML validated into a pydantic model; a 9-row rich
   table); `iku rekap` over 40 such workspaces against the bare typer + rich one. Wall-clock
   medians, and instructions counted by callgrind beside them where valgrind is installed
   (deterministic; the wall-clock ratios swing by 0,1-0,4 on a shared machine);
2. large files: validate, capaian, report (JSON and xlsx) from 100 to 10.000 indicators, cache
   off; validating 1.000 indicators against composing the same file with ruamel's C composer;
3. roll-up: a synthetic regency (40 agencies) and province (400), cold cache and warm.
Benchmarks are not tests: nothing here is asserted in CI; the README shows the table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
sys.path.insert(0, str(ROOT / "benchmarks"))


def run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024


def interleaved(
    cases: dict[str, tuple[list[str], Path, dict[str, str]]],
    runs: int,
    peaks: dict[str, int] | None = None,
    warm_up: bool = True,
) -> dict[str, list[float]]:
    """Wall times of ``runs`` rounds, each case once per round; peak RSS per case into
    ``peaks``. A case that does not exit 0 stops the benchmark (it measured nothing)."""
    times: dict[str, list[float]] = {k: [] for k in cases}
    if warm_up:
        for argv, cwd, env in cases.values():  # disk cache, .pyc, cache
            run_once(argv, cwd, env)
    for _ in range(runs):
        for name, (argv, cwd, env) in cases.items():
            seconds, code, mib = run_once(argv, cwd, env)
            if code != 0:
                raise SystemExit(f"{' '.join(argv)} (in {cwd}) exited {code}")
            times[name].append(seconds)
            if peaks is not None:
                peaks[name] = max(peaks.get(name, 0), mib)
    return times


def fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s ({min(values):.3f}-{max(values):.3f})"


def env_with(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "COLUMNS")}
    env.update(extra)
    return env


def iku_bin() -> list[str]:
    found = shutil.which("iku")
    return [found] if found else [PY, "-m", "ikutool"]


def startup(runs: int, work: Path, instructions: bool) -> list[str]:
    """Every one-agency command of benchmarks/callgrind.py, in a workspace from `iku init
    --contoh` (and `iku rekap` over 40 of them), warm cache and .pyc: wall-clock medians and,
    where valgrind is installed, instructions counted by callgrind, each as a ratio to its
    hello-world, beside the goals of issue 28."""
    import callgrind

    callgrind.prepare(work)
    env = callgrind.env(work)
    env.pop("PYTHONHASHSEED")
    cases = {
        r.key: ([PY, *callgrind.argv_of(r)], callgrind.cwd_of(r, work), env) for r in callgrind.ROWS
    }
    t = interleaved(cases, runs)
    counts: dict[str, int] = {}
    if instructions:
        _, counts = callgrind.ratios(callgrind.ROWS, work, jobs=2)
    head = "| start-up | median (min-max) | ratio (wall) |"
    rule = "|---|---:|---:|"
    if counts:
        head += " instructions | ratio (instructions) | goal |"
        rule += "---:|---:|---:|"
    lines = [head, rule]
    for r in callgrind.ROWS:
        values = t[r.key]
        ratio = statistics.median(values) / statistics.median(t[r.base])
        line = f"| {r.label} | {fmt(values)} | {ratio:.2f} |"
        if counts:
            goal = f"{r.goal:.2f}" if r.goal else ""
            line += f" {callgrind.fmt_g(counts[r.key])} | {counts[r.key] / counts[r.base]:.2f} | {goal} |"
        lines.append(line)
    if not counts:
        lines += [
            "",
            "(valgrind is not installed: no instruction counts; apt-get install valgrind)",
        ]
    return lines


def in_process(code: str, cwd: Path, env: dict[str, str]) -> float:
    out = subprocess.run(
        [PY, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


COMPOSE = """
import time, sys
from ruamel.yaml import YAML
text = open(sys.argv[1] if len(sys.argv) > 1 else 'iku.yaml', encoding='utf-8').read()
y = YAML(typ='safe', pure=False)
best = min((lambda t0: (y.compose(text), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(5))
print(best)
"""
LOAD = """
import time
from pathlib import Path
from ikutool.definition.load import load_iku
best = min((lambda t0: (load_iku(Path('iku.yaml')), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(5))
print(best)
"""


LARGE_COMMANDS = {
    "validate": ["validate"],
    "show (json)": ["show", "-f", "json"],
    "capaian (json)": ["capaian", "--tahun", "2026", "-f", "json"],
    "report (json)": ["report", "-f", "json"],
    "report (xlsx)": ["report", "-f", "xlsx", "--out", "r.xlsx", "--force"],
    "lkjip (markdown)": ["lkjip", "--tahun", "2026", "-f", "markdown"],
    "lkjip (docx)": ["lkjip", "--tahun", "2026", "-f", "docx", "--out", "l.docx", "--force"],
    "manual (json)": ["manual", "-f", "json"],
    "manual (docx)": ["manual", "-f", "docx", "--out", "m.docx", "--force"],
    "triwulan (json)": ["triwulan", "--tahun", "2026", "--tw", "2", "-f", "json"],
}


def large(sizes: list[int], runs: int, work: Path) -> list[str]:
    env = env_with(IKUTOOL_CACHE_DIR="", COLUMNS="200")  # cache off: every run validates
    names = list(LARGE_COMMANDS)
    lines = [
        "| indicators | " + " | ".join(names) + " | peak MiB |",
        "|---:|" + "---:|" * (len(names) + 1),
    ]
    medians: dict[int, dict[str, float]] = {}
    compose_ratio = None
    for n in sizes:
        folder = work / f"iku-{n}"
        subprocess.run(
            [
                PY,
                str(ROOT / "benchmarks" / "make_data.py"),
                "iku",
                str(folder / "iku.yaml"),
                "--indikator",
                str(n),
            ],
            check=True,
            capture_output=True,
        )
        (folder / "ikutool.yaml").write_text("# SINTETIS\niku: iku.yaml\n", "utf-8")
        # the slow ones get fewer runs at the largest sizes (a docx of 10.000 indicators is a
        # 3.000-page document); every one still runs at every size
        cases = {k: ([*iku_bin(), *argv], folder, env) for k, argv in LARGE_COMMANDS.items()}
        peaks: dict[str, int] = {}
        t = interleaved(cases, runs if n <= 1000 else 1, peaks, warm_up=n <= 1000)
        peak = max(peaks.values())
        medians[n] = {k: statistics.median(v) for k, v in t.items()}
        cells = [f"{medians[n][k]:.2f} s" for k in names]
        lines.append(f"| {n:,} | " + " | ".join(cells) + f" | {peak} |")
        if n == 1000:
            load = in_process(LOAD, folder, env)
            compose = in_process(COMPOSE, folder, env)
            compose_ratio = (load, compose)
    # growth past the fixed start-up: from 1.000 indicators to the largest size
    small, big = (1000 if 1000 in sizes else sizes[0]), sizes[-1]
    if big > small:
        growth = [f"{medians[big][k] / medians[small][k]:.1f}" for k in names]
        lines.append(
            f"| growth {small:,} -> {big:,} ({big // small}x) | " + " | ".join(growth) + " | |"
        )
    notes = []
    if 1000 in medians:
        m = medians[1000]
        notes.append(
            f"xlsx / json report at 1.000 indicators: {m['report (xlsx)'] / m['report (json)']:.2f}"
        )
    if compose_ratio:
        load, compose = compose_ratio
        notes.append(
            f"validating 1.000 indicators in-process: {load * 1000:.0f} ms = {load / compose:.2f} "
            f"x composing the same file with ruamel's C composer alone ({compose * 1000:.0f} ms)"
        )
    return lines + [""] + notes


def rollup(runs: int, work: Path, province: bool) -> list[str]:
    lines = [
        "| roll-up | agencies | cold cache | warm cache | warm, per agency | peak MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    kinds = [("regency", 40)] + ([("province", 400)] if province else [])
    for kind, n in kinds:
        folder = work / kind
        subprocess.run(
            [PY, str(ROOT / "benchmarks" / "make_data.py"), kind, str(folder)],
            check=True,
            capture_output=True,
        )
        argv = [*iku_bin(), "rekap", "--tahun", "2026", str(folder), "-f", "json"]
        cold, warm = [], []
        peak = 0
        for i in range(runs):
            cache = work / f"cache-{kind}-{i}"
            env = env_with(IKUTOOL_CACHE_DIR=str(cache))
            seconds, _, mib = run_once(argv, work, env)
            cold.append(seconds)
            peak = max(peak, mib)
            seconds, _, mib = run_once(argv, work, env)
            warm.append(seconds)
            peak = max(peak, mib)
        per = statistics.median(warm) / n * 1000
        lines.append(
            f"| iku rekap --tahun 2026 ({kind}) | {n} | {fmt(cold)} | {fmt(warm)} | "
            f"{per:.1f} ms | {peak} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--sections", default="startup,large,rollup")
    parser.add_argument(
        "--no-instructions", action="store_true", help="start-up without callgrind counts"
    )
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 15)
    sizes = [100, 1000] if args.quick else [100, 1000, 3000, 10000]
    sections = args.sections.split(",")
    with tempfile.TemporaryDirectory(prefix="iku-bench-") as tmp:
        work = Path(tmp)
        out: list[str] = [
            f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; {runs} runs each",
            "",
        ]
        if "startup" in sections:
            instructions = not args.no_instructions and shutil.which("valgrind") is not None
            out += startup(runs, work, instructions) + [""]
        if "large" in sections:
            out += large(sizes, max(3, runs // 5), work) + [""]
        if "rollup" in sections:
            out += rollup(max(3, runs // 5), work, province=not args.quick) + [""]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
