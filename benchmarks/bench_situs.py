#!/usr/bin/env python3
"""``iku situs``: wall and CPU time of a whole site, medians of interleaved runs.

    python benchmarks/bench_situs.py            # 5 runs of each case
    python benchmarks/bench_situs.py --runs 9

Cases: the contoh agency (with and without its Word documents) and a synthetic regency of 40
agencies (``make_data.region``): a first build into an empty folder with a cold cache, the same
with a warm cache, and a rebuild of unchanged files over the site it made (nothing is written).
On a shared machine the wall time moves with the other load; the CPU time (user + system) much
less. Not a test: nothing is asserted in CI.
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
sys.path.insert(0, str(ROOT / "benchmarks"))


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds of one process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        said = err.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    # exit 1: the regency's bad agencies, said (and the rest published)
    if code not in (0, 1) or "Situs ditulis" not in said:
        raise SystemExit(f"{' '.join(argv)} exited {code}: {said[-500:]}")
    return seconds, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from make_data import region

    iku = shutil.which("iku") or "iku"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        region(work / "kabupaten", 40)
        subprocess.run([iku, "init", "--contoh", str(work / "dinas")], capture_output=True)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        (work / "out").mkdir()
        times: dict[str, list[tuple[float, float]]] = {}

        def case(name: str, argv: list[str], cwd: Path, *, fresh: bool, cold: bool) -> None:
            out = work / "out" / name.split(",")[0].replace(" ", "-")
            if fresh and out.exists():
                shutil.rmtree(out)
            cache = work / "cache"
            if cold and cache.exists():
                shutil.rmtree(cache)
            e = {**env, "IKUTOOL_CACHE_DIR": str(cache)}
            times.setdefault(name, []).append(run([*argv, "--out", str(out)], cwd, e))

        regency = [iku, "situs", "--kabupaten", str(work / "kabupaten")]
        agency = [iku, "situs"]
        dinas = work / "dinas"
        for _ in range(args.runs):
            case("regency 40, cold cache", regency, work, fresh=True, cold=True)
            case("regency 40, warm cache", regency, work, fresh=True, cold=False)
            case("regency 40, rebuild (unchanged)", regency, work, fresh=False, cold=False)
            case("contoh, with documents", agency, dinas, fresh=True, cold=False)
            case("contoh without documents", [*agency, "--tanpa-dokumen"], dinas,
                 fresh=True, cold=False)  # fmt: skip
        files = sum(1 for p in (work / "out" / "regency-40").rglob("*") if p.is_file())
    print(f"| case ({args.runs} runs) | wall, median (min-max) | CPU, median |")
    print("|---|---:|---:|")
    for name, values in times.items():
        wall = [w for w, _ in values]
        cpu = statistics.median(c for _, c in values)
        low, high = min(wall), max(wall)
        print(f"| {name} | {statistics.median(wall):.2f} s ({low:.2f}-{high:.2f}) | {cpu:.2f} s |")
    print(f"\nregency site: {files} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
