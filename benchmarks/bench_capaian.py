"""Wall time of `iku capaian --tahun 2019` against importing the stack it is built on.

Not a test: run it by hand, e.g. `python benchmarks/bench_capaian.py --runs 15`.
It prints the median of each and their ratio. The ratio is what to watch: it says how much the
tool adds on top of the unavoidable cost of starting Python with typer, rich, pydantic and
ruamel.yaml, and it does not depend much on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BASELINE = [sys.executable, "-c", "import typer, rich, pydantic, ruamel.yaml"]
COMMAND = [sys.executable, "-m", "ikutool", "capaian", "--tahun", "2019"]


def timed(cmd: list[str], runs: int, cwd: str) -> list[float]:
    times = []
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cwd:  # "from any folder"
        timed(COMMAND, 1, cwd)  # warm the bytecode cache
        base = statistics.median(timed(BASELINE, args.runs, cwd))
        tool = statistics.median(timed(COMMAND, args.runs, cwd))
    print(
        f"import typer, rich, pydantic, ruamel.yaml : {base * 1000:7.1f} ms (median of {args.runs})"
    )
    print(
        f"iku capaian --tahun 2019                 : {tool * 1000:7.1f} ms (median of {args.runs})"
    )
    print(f"ratio                                    : {tool / base:7.2f}")


if __name__ == "__main__":
    main()
