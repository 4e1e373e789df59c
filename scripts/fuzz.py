#!/usr/bin/env python3
"""The long fuzz campaign: mutate the bundled IKU and realisasi files and run every command on
each case, in worker processes watched from outside (so a segfault, a hang or a memory blow-up is
seen and counted, not just a Python exception).

    python scripts/fuzz.py --cases 3000            # counts by outcome; failing cases saved
    python scripts/fuzz.py --cases 200 --seed 7    # reproducible

A case is a workspace (in a folder of its own, so `iku rekap ..` sees just it): iku.yaml,
realisasi/2018.yaml and 2019.yaml, pk/2019.yaml and anggaran/2019.yaml, one or more of them
mutated; and a realisasi workbook written by `iku realisasi template --format xlsx` whose editable
cells get hostile values before `iku realisasi impor` reads it. Every command runs on it through
typer's CliRunner inside a worker; the worker
reports each run's exit code and whether it ended in a traceback; the parent gives each case 10 s
and restarts a worker that dies or hangs. Failing cases are copied to
benchmarks/results/fuzz-findings/ to become corpus cases.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMANDS = [
    ["validate"],
    ["show"],
    ["show", "-f", "json"],
    ["capaian", "--tahun", "2019"],
    ["capaian", "--tahun", "2019", "-f", "json"],
    ["capaian", "--tahun", "2019", "-f", "csv"],
    ["capaian", "--tahun", "2019", "-f", "markdown"],
    ["capaian", "--tahun", "2019", "--jelaskan"],
    ["report"],
    ["report", "-f", "json"],
    ["report", "-f", "markdown"],
    ["report", "-f", "html", "--out", "laporan.html", "--force"],
    ["report", "-f", "xlsx", "--out", "laporan.xlsx", "--force"],
    ["evaluasi"],
    ["evaluasi", "-f", "json"],
    ["lkjip", "--tahun", "2019"],
    ["lkjip", "--tahun", "2019", "-f", "json"],
    ["lkjip", "--tahun", "2019", "-f", "html", "--out", "lkjip.html", "--force"],
    ["lkjip", "--tahun", "2019", "-f", "docx", "--out", "lkjip.docx", "--force"],
    ["lkjip", "--tahun", "2019", "--periksa"],
    ["rekap", "--tahun", "2019", ".."],
    ["rekap", "--dari", "2017", "--sampai", "2019", "..", "-f", "json"],
    ["rekap", "--tahun", "2019", "..", "-f", "xlsx", "--out", "rekap.xlsx", "--force"],
    ["realisasi", "template", "--tahun", "2020", "--out", "-"],
    [
        "realisasi",
        "template",
        "--tahun",
        "2019",
        "--format",
        "xlsx",
        "--out",
        "isi.xlsx",
        "--force",
    ],
    ["realisasi", "impor", "isi.xlsx", "--dry-run"],  # after the workbook is spoilt (below)
    ["realisasi", "impor", "isi.xlsx"],
    ["realisasi", "isi", "--tahun", "2019", "S1.2=57", "S3.2.ekspor=6,5"],
]
SPOIL_BEFORE = ["realisasi", "impor", "isi.xlsx", "--dry-run"]
HOSTILE = [
    "abc",
    "1.234,5",
    "1,234.5",
    "6,5 %",
    "",
    " ",
    "-5",
    "1e400",
    "nan",
    "=1/0",
    "=A1*2",
    "9" * 40,
    "x" * 30000,
    "58\n",
    "\t58",
    "2019-01-01",
    True,
    False,
    0,
    -0.0,
    1e300,
    -1e-12,
    3.14159,
    10**20,
    "58",
    "58%",
    "Rp 1.000.000",
    "٣",
    "\u202e58",
]
TIMEOUT = 10.0


def make_case(folder: Path, rng: random.Random) -> str:
    """Write one mutated workspace into ``folder``; returns what was mutated."""
    from ikutool.paths import bundled_iku, data_dir
    from tests.fuzzing import mutate

    if folder.exists():
        shutil.rmtree(folder)
    for sub in ("realisasi", "pk", "anggaran"):
        (folder / sub).mkdir(parents=True)
    (folder / "ikutool.yaml").write_text("iku: iku.yaml\n", encoding="utf-8")
    files = {
        "iku.yaml": bundled_iku().read_bytes(),
        "realisasi/2018.yaml": (data_dir() / "realisasi" / "2018.yaml").read_bytes(),
        "realisasi/2019.yaml": (data_dir() / "realisasi" / "2019.yaml").read_bytes(),
        "pk/2019.yaml": (data_dir() / "pk" / "2019.yaml").read_bytes(),
        "anggaran/2019.yaml": (data_dir() / "anggaran" / "2019.yaml").read_bytes(),
    }
    choice = rng.random()
    targets = (
        ["iku.yaml"]
        if choice < 0.3
        else ["realisasi/2019.yaml"]
        if choice < 0.65
        else ["pk/2019.yaml"]
        if choice < 0.75
        else ["anggaran/2019.yaml"]
        if choice < 0.85
        else ["iku.yaml", "realisasi/2019.yaml"]
    )
    for name in targets:
        files[name] = mutate(files[name], rng)
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return "+".join(targets)


def spoil_workbook(path: Path, rng: random.Random) -> None:
    """Hostile values in some editable cells of the realisasi workbook (as a person in Excel
    could type them); sometimes a row or the hidden sheet is damaged too."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    if not path.is_file():
        return  # the template was refused (a broken IKU): impor then meets a missing file
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for _ in range(rng.randint(1, 6)):
        row = rng.randint(1, max(ws.max_row, 1))
        col = rng.randint(1, max(ws.max_column, 1))
        cell = ws.cell(row=row, column=col)
        if type(cell).__name__ == "MergedCell":
            continue
        try:
            cell.value = rng.choice(HOSTILE)
        except (ValueError, IllegalCharacterError):  # what Excel cannot hold either
            continue
    if rng.random() < 0.1:
        ws.delete_rows(rng.randint(1, max(ws.max_row, 1)))
    if rng.random() < 0.05 and len(wb.worksheets) > 1:
        wb.remove(wb.worksheets[-1])
    wb.save(path)


def worker() -> None:
    """Read case folders from stdin; run every command; print one JSON line per case."""
    import signal

    from typer.testing import CliRunner

    from ikutool.cli.app import app

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    runner = CliRunner()
    os.environ.update({"COLUMNS": "120", "NO_COLOR": "1"})
    for line in sys.stdin:
        name, seed = line.rstrip("\n").split("\t")
        folder = Path(name)
        os.chdir(folder)
        rng = random.Random(int(seed))
        runs = []
        for args in COMMANDS:  # isi, which edits the case, comes last
            if args == SPOIL_BEFORE:
                try:
                    spoil_workbook(folder / "isi.xlsx", rng)
                except Exception as exc:  # noqa: BLE001 - the harness's own bug, reported as such
                    runs.append(
                        {"args": ["(fuzz harness)"], "code": 0, "seconds": 0,
                         "traceback": f"harness {type(exc).__name__}: {exc}"[:300]}
                    )  # fmt: skip
            start = time.perf_counter()
            result = runner.invoke(app, args, catch_exceptions=True)
            exc = result.exception
            traceback = exc is not None and not isinstance(exc, SystemExit)
            runs.append(
                {
                    "args": args,
                    "code": result.exit_code,
                    "traceback": f"{type(exc).__name__}: {exc}"[:300] if traceback else None,
                    "seconds": round(time.perf_counter() - start, 3),
                }
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(json.dumps({"runs": runs, "peak_mib": peak}), flush=True)


class Worker:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )

    def run(self, folder: Path, seed: int, timeout: float) -> dict | str:
        import select

        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{folder}\t{seed}\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            self.kill()
            return "hang"
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            return f"crash (exit {code})"
        return json.loads(line)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "fuzz-findings"
    )
    args = parser.parse_args()
    if args.worker:
        worker()
        return 0
    rng = random.Random(args.seed)
    scratch = Path(tempfile.mkdtemp(prefix="iku-fuzz-"))
    counts: Counter[str] = Counter()
    exit_codes: Counter[int] = Counter()
    slowest = (0.0, "")
    peak = 0
    failures = 0
    w = Worker()
    started = time.perf_counter()
    for i in range(args.cases):
        folder = scratch / "case" / "ws"
        what = make_case(folder, rng)
        outcome = w.run(folder, rng.randrange(2**32), TIMEOUT * len(COMMANDS))
        bad = None
        if isinstance(outcome, str):
            counts[outcome.split(" ")[0]] += 1
            bad = outcome
            w = Worker()
        else:
            peak = max(peak, outcome["peak_mib"])
            for run in outcome["runs"]:
                exit_codes[run["code"]] += 1
                counts["runs"] += 1
                if run["seconds"] > slowest[0]:
                    slowest = (run["seconds"], " ".join(run["args"]))
                if run["traceback"]:
                    counts["traceback"] += 1
                    bad = f"{' '.join(run['args'])}: {run['traceback']}"
                elif run["code"] not in (0, 1, 2):
                    counts["exit_code_outside_0_1_2"] += 1
                    bad = f"{' '.join(run['args'])}: exit {run['code']}"
                elif run["seconds"] > TIMEOUT:
                    counts["over_10_s"] += 1
                    bad = f"{' '.join(run['args'])}: {run['seconds']} s"
            counts["cases"] += 1
        if bad:
            failures += 1
            keep = args.out / f"case-{args.seed}-{i}"
            shutil.copytree(folder, keep, dirs_exist_ok=True)
            print(f"[{i}] {what}: {bad} -> {keep}", file=sys.stderr)
        if (i + 1) % 250 == 0:
            print(f"... {i + 1} cases, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    w.kill()
    shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(
        f"cases: {args.cases} (seed {args.seed}), command runs: {counts['runs']}, {elapsed:.0f} s"
    )
    print(f"exit codes: {dict(sorted(exit_codes.items()))}")
    for key in ("traceback", "exit_code_outside_0_1_2", "over_10_s", "hang", "crash"):
        print(f"{key}: {counts[key]}")
    print(f"slowest run: {slowest[0]:.2f} s ({slowest[1]}); worker peak RSS: {peak} MiB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
