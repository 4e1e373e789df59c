"""How fast and how lean the "billion laughs" file is refused (issue: within a second).

Not a test: `python benchmarks/bench_alias_bomb.py`. Prints the wall time and peak memory of
`iku validate` on tests/corpus/iku/28-billion-laughs.yaml, in a fresh process.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

BOMB = Path(__file__).parent.parent / "tests" / "corpus" / "iku" / "28-billion-laughs.yaml"


def main() -> None:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "ikutool", "validate", str(BOMB)], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"exit code {proc.returncode}: {proc.stdout.splitlines()[0][:100]}")
    print(f"wall time {elapsed * 1000:.0f} ms (whole process), peak RSS {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
