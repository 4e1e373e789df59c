#!/usr/bin/env python3
"""The long fuzz campaign: mutate the bundled IKU and realisasi files and run every command on
each case, in worker processes watched from outside (so a segfault, a hang or a memory blow-up is
seen and counted, not just a Python exception).

    python scripts/fuzz.py --cases 3000            # counts by outcome; failing cases saved
    python scripts/fuzz.py --cases 200 --seed 7    # reproducible

A case is a workspace (in a folder of its own, so `iku rekap ..` sees just it): ikutool.yaml,
iku.yaml, realisasi/2018.yaml and 2019.yaml, pk/2019.yaml, program/2019.yaml, renaksi/2019.yaml, tindak-lanjut.yaml and
(in some cases, the older file kind) anggaran/2018.yaml, one or more of
them mutated (the marker's paths too: symlink loops, over-long names, a file for a folder); and a
realisasi workbook written by `iku realisasi template --format xlsx`, made stale by an `isi` of
the file it was made from, then spoilt (hostile values and cell types, formulas in text cells,
merged ranges, sheets renamed or removed, the zip itself damaged) before `iku realisasi impor`
reads it. Besides tracebacks, hangs and time, every run is checked for a silent change of an
input file (a command that failed, or only reads, changed nothing; a writer changed only its
own target), for a lost edit (the `isi` survives an import that did not change its cell) and
for an error printed without a file. Every command runs on it through
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
    ["manual"],
    ["manual", "-f", "json"],
    ["manual", "-f", "docx", "--out", "manual.docx", "--force"],
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
    ["evaluasi", "renja", "--tahun", "2019"],
    ["evaluasi", "renja", "--tahun", "2019", "-f", "json"],
    ["evaluasi", "renja", "--tahun", "2019", "-f", "markdown"],
    ["evaluasi", "renja", "--tahun", "2019", "-f", "xlsx", "--out", "e81.xlsx", "--force"],
    ["evaluasi", "renja", "--tahun", "2019", "-f", "docx", "--out", "e81.docx", "--force"],
    ["triwulan", "--tahun", "2019", "--tw", "2"],
    ["triwulan", "--tahun", "2019", "--tw", "4", "-f", "json"],
    ["triwulan", "--tahun", "2019", "--tw", "3", "-f", "csv"],
    ["triwulan", "--tahun", "2019", "--tw", "1", "-f", "markdown"],
    ["triwulan", "--tahun", "2019", "--tw", "2", "-f", "xlsx", "--out", "tw.xlsx", "--force"],
    ["triwulan", "--tahun", "2019", "--tw", "2", "-f", "docx", "--out", "tw.docx", "--force"],
    ["renaksi", "template", "--tahun", "2020", "--out", "renaksi-2020.yaml", "--force"],
    ["validate", "--mutu"],
    ["validate", "--mutu", "-f", "json"],
    ["lke", "--tahun", "2019"],
    ["lke", "--tahun", "2019", "-f", "json"],
    ["lke", "--tahun", "2019", "-f", "markdown"],
    ["lke", "--tahun", "2019", "-f", "xlsx", "--out", "lke.xlsx", "--force"],
    ["lke", "--tahun", "2019", "-f", "html", "--out", "lke.html", "--force"],
    ["diff", "iku.yaml", "iku.yaml"],
    ["diff", "pk/2019.yaml", "pk/2019.yaml", "-f", "json"],
    ["diff", "--riwayat"],
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
PEAK_MIB = 300
STALE_CODE = "S3.1"  # the value an `isi` changes after the workbook is made (a stale workbook)
TYPED = [  # cell types a person gets into Excel: dates, times, booleans, formulas in text
    "date",
    "datetime",
    "time",
    True,
    '=HYPERLINK("http://contoh.invalid","klik")',
    "=A1",
    "+62 812",
    "@bidang",
    "\tcatatan",
    "hapus",
    "-",
]
# what each writing command may change (relative to the case folder); the rest must stay as is
WRITES = {
    "realisasi template": ("isi.xlsx", "realisasi/2020.yaml"),
    "realisasi impor": ("realisasi/2019.yaml",),
    "realisasi isi": ("realisasi/2019.yaml",),
}


def make_case(folder: Path, rng: random.Random) -> str:
    """Write one mutated workspace into ``folder``; returns what was mutated."""
    from ikutool.workspace.paths import bundled_iku, data_dir
    from tests.fuzzing import mutate

    if folder.exists():
        shutil.rmtree(folder)
    for sub in ("realisasi", "pk", "anggaran", "program", "renaksi"):
        (folder / sub).mkdir(parents=True)
    files = {
        "ikutool.yaml": b"iku: iku.yaml\n",
        "iku.yaml": bundled_iku().read_bytes(),
        "realisasi/2018.yaml": (data_dir() / "realisasi" / "2018.yaml").read_bytes(),
        "realisasi/2019.yaml": (data_dir() / "realisasi" / "2019.yaml").read_bytes(),
        "pk/2019.yaml": (data_dir() / "pk" / "2019.yaml").read_bytes(),
        "program/2019.yaml": (data_dir() / "program" / "2019.yaml").read_bytes(),
        "renaksi/2019.yaml": (data_dir() / "renaksi" / "2019.yaml").read_bytes(),
        "tindak-lanjut.yaml": (data_dir() / "tindak-lanjut.yaml").read_bytes(),
    }
    if rng.random() < 0.3:  # the older file kind, for a year without a program file
        files["anggaran/2018.yaml"] = (data_dir() / "anggaran" / "2018.yaml").read_bytes()
        if rng.random() < 0.3:  # and for the same year: refused, located
            files["anggaran/2019.yaml"] = files["anggaran/2018.yaml"].replace(b"2018", b"2019")
    if rng.random() < 0.35:  # every target form, groups, quarters, a PK perubahan
        bentuk = ROOT / "tests" / "corpus" / "bentuk"
        del files["realisasi/2018.yaml"], files["program/2019.yaml"], files["renaksi/2019.yaml"]
        for name in ("iku.yaml", "realisasi/2019.yaml", "pk/2019.yaml"):
            files[name] = (bentuk / name).read_bytes()
    choice = rng.random()
    targets = (
        ["iku.yaml"]
        if choice < 0.22
        else ["realisasi/2019.yaml"]
        if choice < 0.45
        else ["pk/2019.yaml"]
        if choice < 0.53
        else ["program/2019.yaml"]
        if choice < 0.66
        else ["renaksi/2019.yaml"]
        if choice < 0.72
        else ["tindak-lanjut.yaml"]
        if choice < 0.77
        else ["ikutool.yaml"]
        if choice < 0.88
        else ["iku.yaml", "realisasi/2019.yaml"]
    )
    for name in targets:
        if name not in files:  # a seed without that file (the bentuk case has no program)
            continue
        if name == "ikutool.yaml":
            files[name] = spoil_marker(folder, rng)
        else:
            files[name] = mutate(files[name], rng)
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return "+".join(targets)


def spoil_marker(folder: Path, rng: random.Random) -> bytes:
    """ikutool.yaml naming paths a command cannot use, or mutated text."""
    from tests.fuzzing import mutate

    key = rng.choice(["iku", "realisasi", "pk", "anggaran", "program", "renaksi"])
    kind = rng.randrange(7)
    if kind == 0:
        (folder / "loop1").symlink_to("loop2")
        (folder / "loop2").symlink_to("loop1")
        value = "loop1"
    elif kind == 1:
        value = "x" * rng.choice([255, 256, 300, 5000])
    elif kind == 2:
        value = "iku.yaml" if key != "iku" else "realisasi"
    elif kind == 3:
        value = rng.choice(["/", "/dev/null", "/proc/self", "..", "../..", "~", "CON", "a\\b"])
    elif kind == 4:
        (folder / "gone").symlink_to("tidak-ada")
        value = "gone"
    elif kind == 5:
        value = "tidak/ada/sama/sekali"
    else:
        return mutate(b"iku: iku.yaml\nrealisasi: realisasi\npk: pk\n", rng)
    return f"iku: iku.yaml\n{key}: '{value}'\n".encode()


def spoil_workbook(path: Path, rng: random.Random) -> None:
    """Hostile values and cell types in some editable cells of the realisasi workbook (as a
    person in Excel could type them); sometimes merged ranges, a renamed, added or removed
    sheet, or a damaged zip."""
    import datetime as dt

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    if not path.is_file():
        return  # the template was refused (a broken IKU): impor then meets a missing file
    wb = load_workbook(path)
    sheets = [w for w in wb.worksheets if w.title not in ("Petunjuk", "_ikutool")]
    ws = sheets[0] if sheets else wb.worksheets[0]
    for _ in range(rng.randint(1, 6)):
        row = rng.randint(1, max(ws.max_row, 1))
        col = rng.randint(1, max(ws.max_column, 1))
        cell = ws.cell(row=row, column=col)
        if type(cell).__name__ == "MergedCell":
            continue
        value = rng.choice(HOSTILE + TYPED)
        if value == "date":
            value = dt.date(2019, 12, 31)
        elif value == "datetime":
            value = dt.datetime(2019, 12, 31, 8, 30)
        elif value == "time":
            value = dt.time(8, 30)
        try:
            cell.value = value
            if isinstance(value, str) and value.startswith("=") and rng.random() < 0.5:
                cell.data_type = "s"  # typed as text, the way a workbook from iku holds it
        except (ValueError, IllegalCharacterError):  # what Excel cannot hold either
            continue
    if rng.random() < 0.1:
        ws.delete_rows(rng.randint(1, max(ws.max_row, 1)))
    if rng.random() < 0.1:
        top = rng.randint(1, max(ws.max_row, 1))
        left = rng.randint(1, max(ws.max_column - 1, 1))
        try:
            ws.merge_cells(start_row=top, start_column=left, end_row=top + rng.randint(0, 3),
                           end_column=left + rng.randint(0, 2))  # fmt: skip
        except ValueError:
            pass
    if rng.random() < 0.05 and len(wb.worksheets) > 1:
        wb.remove(wb.worksheets[-1])
    if rng.random() < 0.05:
        ws.title = rng.choice(["Lembar1", "Realisasi (2)", "x" * 31])
    if rng.random() < 0.05:
        wb.create_sheet("Tambahan").cell(row=1, column=1, value="Kode")
    wb.save(path)
    if rng.random() < 0.05:
        spoil_zip(path, rng)


def spoil_zip(path: Path, rng: random.Random) -> None:
    """The workbook's zip itself: cut short, a member dropped, or a member that expands."""
    import zipfile

    raw = path.read_bytes()
    kind = rng.randrange(3)
    if kind == 0:
        path.write_bytes(raw[: rng.randint(0, len(raw))])
        return
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    if kind == 1 and parts:
        parts.pop(rng.choice(sorted(parts)))
    else:
        parts["xl/worksheets/sheet9.xml"] = b"<c r='A1'/>" * 300_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file of the case (the workbooks included), by relative path."""
    out = {}
    for p in folder.rglob("*"):
        if p.is_symlink() or not p.is_file():
            continue
        out[str(p.relative_to(folder))] = p.read_bytes()
    return out


def silent_changes(args: list[str], code: int, before: dict, after: dict) -> list[str]:
    """Files a run changed that it had no business changing."""
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    if not changed:
        return []
    if code != 0 and not (args[0] == "rekap" and code == 1):
        return changed  # a command that failed wrote nothing (rekap reports bad agencies, exit 1)
    command = " ".join(args[:2])
    allowed = set(WRITES.get(command, ()))
    if "--out" in args:
        allowed.add(args[args.index("--out") + 1])
    if "--dry-run" in args:
        allowed = set()
    return [k for k in changed if k not in allowed]


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
        stale = None  # the value isi wrote after the workbook was made
        for args in COMMANDS:  # isi, which edits the case, comes last
            if args == SPOIL_BEFORE:
                stale = make_stale(runner, app, rng)
                try:
                    spoil_workbook(folder / "isi.xlsx", rng)
                except Exception as exc:  # noqa: BLE001 - the harness's own bug, reported as such
                    runs.append(
                        {"args": ["(fuzz harness)"], "code": 0, "seconds": 0,
                         "traceback": f"harness {type(exc).__name__}: {exc}"[:300]}
                    )  # fmt: skip
            before = snapshot(folder)
            start = time.perf_counter()
            result = runner.invoke(app, args, catch_exceptions=True)
            exc = result.exception
            traceback = exc is not None and not isinstance(exc, SystemExit)
            after = snapshot(folder)
            run = {
                "args": args,
                "code": result.exit_code,
                "traceback": f"{type(exc).__name__}: {exc}"[:300] if traceback else None,
                "seconds": round(time.perf_counter() - start, 3),
                "silent": silent_changes(args, result.exit_code, before, after),
                "unlocated": [
                    ln for ln in result.output.splitlines() if ln.startswith("<masukan>")
                ][:3],
            }
            if args[:2] == ["realisasi", "impor"] and stale is not None and result.exit_code == 0:
                run["lost"] = lost_edit(folder, stale)
            runs.append(run)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(json.dumps({"runs": runs, "peak_mib": peak}), flush=True)


def make_stale(runner, app, rng: random.Random) -> tuple[float, object] | None:
    """After the workbook is made, the officer corrects the file (`isi`); returns the value
    written and what the workbook's cell held, or None when the edit was refused."""
    from openpyxl import load_workbook

    value = float(rng.randint(200, 999))
    made = None
    try:
        made = _stale_cell(load_workbook(Path("isi.xlsx")))
    except Exception:  # noqa: BLE001 - no workbook (the template was refused): nothing stale
        return None
    result = runner.invoke(app, ["realisasi", "isi", "--tahun", "2019", f"{STALE_CODE}={value:g}"])
    return (value, made) if result.exit_code == 0 else None


def _stale_cell(wb) -> object:
    """The Realisasi cell of STALE_CODE in the template's data sheets."""
    for ws in wb.worksheets:
        if ws.title in ("Petunjuk", "_ikutool"):
            continue
        for row in ws.iter_rows(min_row=7, max_col=8):
            if row[1].value == STALE_CODE:
                return row[7].value
    raise LookupError(STALE_CODE)


def lost_edit(folder: Path, stale: tuple[float, object]) -> bool:
    """Whether an import that did not change the stale cell undid the `isi` made after the
    workbook: the file must still hold the isi's value (or the cell's own new value)."""
    from openpyxl import load_workbook

    from ikutool.definition.load import load_iku
    from ikutool.inputs.realisasi import load_realisasi_file
    from ikutool.workspace.sources import resolve

    value, made = stale
    try:
        now_cell = _stale_cell(load_workbook(folder / "isi.xlsx", data_only=True))
        src = resolve(start=folder)  # the files the commands used (the marker may move them)
        iku = load_iku(src.iku).iku
        data = load_realisasi_file(src.realisasi / "2019.yaml", iku)
    except Exception:  # noqa: BLE001 - the workbook or files were spoilt: nothing to judge
        return False
    if now_cell != made:
        return False  # the bidang changed that cell: the import decided, conflict or not
    entry = data.indikator.get(STALE_CODE)
    held = next(iter(entry.nilai.values()), None) if entry else None
    return held != value


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
            if outcome["peak_mib"] > PEAK_MIB:
                counts["over_300_mib"] += 1
                bad = f"worker peak {outcome['peak_mib']} MiB"
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
                elif run.get("silent"):
                    counts["silent_change"] += 1
                    bad = f"{' '.join(run['args'])}: changed {run['silent']}"
                elif run.get("lost"):
                    counts["lost_edit"] += 1
                    bad = f"{' '.join(run['args'])}: the isi of {STALE_CODE} was undone"
                elif run.get("unlocated"):
                    counts["error_without_file"] += 1
                    bad = f"{' '.join(run['args'])}: {run['unlocated'][0]}"
                if run.get("lost") is not None:
                    counts["stale_imports"] += 1
            counts["cases"] += 1
        if bad:
            failures += 1
            keep = args.out / f"case-{args.seed}-{i}"
            shutil.copytree(folder, keep, dirs_exist_ok=True, symlinks=True)
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
    for key in (
        "traceback",
        "exit_code_outside_0_1_2",
        "over_10_s",
        "over_300_mib",
        "hang",
        "crash",
        "silent_change",
        "lost_edit",
        "error_without_file",
    ):
        print(f"{key}: {counts[key]}")
    print(f"stale imports checked: {counts['stale_imports']}")
    print(f"slowest run: {slowest[0]:.2f} s ({slowest[1]}); worker peak RSS: {peak} MiB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
