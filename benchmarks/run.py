#!/usr/bin/env python3
"""Speed and scale, measured as ratios in one run (medians of interleaved runs, min-max).

    python benchmarks/run.py            # everything (a few minutes)
    python benchmarks/run.py --quick    # fewer runs and sizes

Sections:
1. start-up: `iku capaian --tahun 2019` and `iku --help` against the stack hello-world
   (benchmarks/hello.py: typer, ruamel.yaml, pydantic and rich; a small YAML validated into a
   pydantic model; a 9-row rich table);
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


def run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024


def interleaved(
    cases: dict[str, tuple[list[str], Path, dict[str, str]]], runs: int
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {k: [] for k in cases}
    for argv, cwd, env in cases.values():  # one warm-up each (disk cache, .pyc, cache)
        run_once(argv, cwd, env)
    for _ in range(runs):
        for name, (argv, cwd, env) in cases.items():  # noqa: B007 - name is used
            times[name].append(run_once(argv, cwd, env)[0])
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


def startup(runs: int, work: Path) -> list[str]:
    env = env_with(IKUTOOL_CACHE_DIR=str(work / "cache"))
    cases = {
        "hello-world": ([PY, str(ROOT / "benchmarks" / "hello.py")], work, env),
        "iku capaian --tahun 2019": ([*iku_bin(), "capaian", "--tahun", "2019"], work, env),
        "iku --help": ([*iku_bin(), "--help"], work, env),
    }
    t = interleaved(cases, runs)
    base = statistics.median(t["hello-world"])
    lines = ["| start-up | median (min-max) | ratio to hello-world |", "|---|---:|---:|"]
    for name, values in t.items():
        lines.append(f"| {name} | {fmt(values)} | {statistics.median(values) / base:.2f} |")
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
from ikutool.definition import load_iku
best = min((lambda t0: (load_iku(Path('iku.yaml')), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(5))
print(best)
"""


def large(sizes: list[int], runs: int, work: Path) -> list[str]:
    env = env_with(IKUTOOL_CACHE_DIR="", COLUMNS="200")  # cache off: every run validates
    lines = [
        "| indicators | validate | capaian (json) | report (json) | report (xlsx) | peak MiB |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
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
        cases = {
            "validate": ([*iku_bin(), "validate"], folder, env),
            "capaian": ([*iku_bin(), "capaian", "--tahun", "2026", "-f", "json"], folder, env),
            "report": ([*iku_bin(), "report", "-f", "json"], folder, env),
        }
        if n <= 3000:
            cases["xlsx"] = (
                [*iku_bin(), "report", "-f", "xlsx", "--out", "r.xlsx", "--force"],
                folder,
                env,
            )
        t = interleaved(cases, runs)
        peak = max(run_once(argv, cwd, e)[2] for argv, cwd, e in cases.values())
        cells = [
            fmt(t[k]).split(" (")[0] if k in t else "-"
            for k in ("validate", "capaian", "report", "xlsx")
        ]
        lines.append(f"| {n:,} | " + " | ".join(cells) + f" | {peak} |")
        if n == 1000:
            load = in_process(LOAD, folder, env)
            compose = in_process(COMPOSE, folder, env)
            compose_ratio = (load, compose)
        if n == 1000 and "xlsx" in t:
            xlsx_ratio = statistics.median(t["xlsx"]) / statistics.median(t["report"])
            lines.append(f"|  | xlsx / json report at 1.000 indicators: {xlsx_ratio:.2f} | | | | |")
    if compose_ratio:
        load, compose = compose_ratio
        lines.append(
            f"|  | validate 1.000 indicators in-process {load * 1000:.0f} ms = "
            f"{load / compose:.2f} x composing with ruamel's C composer ({compose * 1000:.0f} ms) | | | | |"
        )
    return lines


def rollup(runs: int, work: Path, province: bool) -> list[str]:
    lines = [
        "| roll-up | agencies | cold cache | warm cache | peak MiB |",
        "|---|---:|---:|---:|---:|",
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
        lines.append(
            f"| iku rekap --tahun 2026 ({kind}) | {n} | {fmt(cold)} | {fmt(warm)} | {peak} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--sections", default="startup,large,rollup")
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
            out += startup(runs, work) + [""]
        if "large" in sections:
            out += large(sizes, max(3, runs // 5), work) + [""]
        if "rollup" in sections:
            out += rollup(max(3, runs // 5), work, province=not args.quick) + [""]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
