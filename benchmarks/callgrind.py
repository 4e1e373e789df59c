#!/usr/bin/env python3
"""Start-up counted in instructions: valgrind's callgrind over the whole process, each command as
a ratio to the stack hello-world (benchmarks/hello.py; `iku rekap` to the bare typer + rich one,
benchmarks/hello_bare.py), beside the goals of issue 28. Deterministic to about 0,1 % and blind
to the machine's load, unlike wall-clock time on a shared 2-core machine.

    python benchmarks/callgrind.py                      # the ratio table (about 3 minutes)
    python benchmarks/callgrind.py --only capaian,lke   # some rows
    python benchmarks/callgrind.py --profile capaian,triwulan,lke
        # and where each one's excess over the hello-world goes: callgrind_annotate's inclusive
        # C-level entries, and the instructions inside chosen Python functions
    python benchmarks/callgrind.py --imports capaian
        # each imported module's own instructions (its body without the modules it imports),
        # by package and, for ikutool, by module, against the hello-world's

Every command runs in a workspace from `iku init --contoh` with a warm cache and `.pyc` present
(each is run once outside valgrind first); `PYTHONDONTWRITEBYTECODE` and `COLUMNS` are dropped
from the environment (with the first, ikutool's own modules are compiled on every start),
`PYTHONHASHSEED=0` fixes set and dict orders so that a count repeats; stdout is /dev/null.
Needs valgrind (`apt-get install valgrind`). Benchmarks are not tests: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HARNESS = ROOT / "benchmarks" / "phase_harness.py"
AGENCIES = 40  # the roll-up's regency: this many copies of the sample workspace


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    argv: tuple[str, ...]  # after the interpreter: a script, or "iku" and its arguments
    where: str = "contoh"  # contoh: in the sample workspace; work: beside the regency folder
    base: str = "hello"  # the row it is a ratio to
    goal: float | None = None


ROWS = [
    Row("hello", "hello-world (benchmarks/hello.py)", ("benchmarks/hello.py",), base="hello"),
    Row(
        "hello-bare",
        "bare typer + rich hello (benchmarks/hello_bare.py)",
        ("benchmarks/hello_bare.py",),
        base="hello-bare",
    ),
    Row("capaian", "iku capaian --tahun 2019", ("iku", "capaian", "--tahun", "2019"), goal=1.10),
    Row(
        "triwulan",
        "iku triwulan --tahun 2019 --tw 2",
        ("iku", "triwulan", "--tahun", "2019", "--tw", "2"),
        goal=1.30,
    ),
    Row("lke", "iku lke --tahun 2019", ("iku", "lke", "--tahun", "2019"), goal=1.30),
    Row("manual", "iku manual", ("iku", "manual"), goal=1.30),
    Row(
        "renja",
        "iku evaluasi renja --tahun 2019",
        ("iku", "evaluasi", "renja", "--tahun", "2019"),
        goal=1.30,
    ),
    Row("validate", "iku validate", ("iku", "validate"), goal=1.30),
    Row("report", "iku report --bidang UKM", ("iku", "report", "--bidang", "UKM"), goal=1.30),
    Row("help", "iku --help", ("iku", "--help"), goal=0.75),
    Row(
        "rekap",
        f"iku rekap --tahun 2019 ({AGENCIES} agencies; to the bare hello)",
        ("iku", "rekap", "--tahun", "2019", "kab"),
        "work",
        "hello-bare",
        1.50,
    ),
    # beside the table's goals: the other one-agency commands
    Row("manual-json", "iku manual -f json", ("iku", "manual", "-f", "json")),
    Row("renstra", "iku evaluasi renstra", ("iku", "evaluasi", "renstra")),
    Row("lkjip", "iku lkjip --tahun 2019", ("iku", "lkjip", "--tahun", "2019")),
    Row("mutu", "iku validate --mutu", ("iku", "validate", "--mutu")),
    Row("diff", "iku diff iku.yaml iku.yaml", ("iku", "diff", "iku.yaml", "iku.yaml")),
    Row("show", "iku show", ("iku", "show")),
    Row(
        "rekap-tw",
        f"iku rekap --tahun 2019 --tw 2 ({AGENCIES} agencies; to the bare hello)",
        ("iku", "rekap", "--tahun", "2019", "--tw", "2", "kab"),
        "work",
        "hello-bare",
    ),
]
BY_KEY = {r.key: r for r in ROWS}

# Python functions whose inclusive instructions are counted (phase_harness.py), in the command
# and in the hello-world; they overlap (an import creates classes and compiles regexes). What
# each module's load costs by itself: --imports
PHASES = [
    ("every import", "importlib._bootstrap:_find_and_load"),
    (
        "the command itself (click Context.invoke: lazy imports, reading, computing, printing)",
        "typer._click.core:Context.invoke",
    ),
    ("rich Console.print", "rich.console:Console.print"),
    ("rich Console()", "rich.console:Console.__init__"),
    (
        "pydantic model classes created (ModelMetaclass.__new__)",
        "pydantic._internal._model_construction:ModelMetaclass.__new__",
    ),
    ("@dataclass decoration (dataclasses._process_class)", "dataclasses:_process_class"),
    ("regexes compiled (re._compile)", "re:_compile"),
    ("enum classes created (EnumType.__new__)", "enum:EnumType.__new__"),
    ("typer building click commands (typer.main.get_command)", "typer.main:get_command"),
    (
        "typer reading parameters (get_params_from_function)",
        "typer.main:get_params_from_function",
    ),
    ("ruamel.yaml loading (YAML.load)", "ruamel.yaml.main:YAML.load"),
]

# C functions of the call machinery itself: inclusive, they say nothing about where time goes
GENERIC = re.compile(
    r"^(_?PyEval_|_?PyFunction_|_?PyObject_|PyObject_|object_vacall|method_vectorcall|cfunction_"
    r"|slot_tp_|vectorcall_|type_call|Py_RunMain|Py_BytesMain|main$|\(below main\)|__libc_start"
    r"|run_mod|run_eval_code_obj|_PyRun_|PyRun_|pymain_|_Py_RunMain|builtin_exec"
    r"|exec_code_in_module|_PyImport_|import_find_and_load|_PyCFunction|PyCFunction_|call_function"
    r"|_PyVectorcall|PyVectorcall|wrapper_call|wrap_|vgPlain|_dl_|dl_main|_start$|0x)"
)


def env(work: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "COLUMNS")}
    out.update(IKUTOOL_CACHE_DIR=str(work / "cache"), PYTHONHASHSEED="0")
    return out


def iku_script() -> str:
    """The installed ``iku`` script (run by this interpreter under valgrind)."""
    script = Path(PY).parent / "iku"
    found = str(script) if script.exists() else shutil.which("iku")
    if not found:
        raise SystemExit("iku is not installed: pip install -e .")
    return found


def argv_of(row: Row) -> list[str]:
    if row.argv[0] == "iku":
        return [iku_script(), *row.argv[1:]]
    return [str(ROOT / row.argv[0]), *row.argv[1:]]


def prepare(work: Path) -> None:
    """The sample workspace, and a regency of its copies, made by `iku init --contoh`."""
    e = env(work)
    init = [PY, iku_script(), "init", "--contoh"]
    subprocess.run([*init, str(work / "contoh")], env=e, check=True, capture_output=True)
    for a in range(1, AGENCIES + 1):
        target = work / "kab" / f"opd-{a:02d}"
        subprocess.run([*init, str(target)], env=e, check=True, capture_output=True)


def cwd_of(row: Row, work: Path) -> Path:
    return work / "contoh" if row.where == "contoh" else work


def warm(row: Row, work: Path) -> None:
    proc = subprocess.run(
        [PY, *argv_of(row)], cwd=cwd_of(row, work), env=env(work), capture_output=True
    )
    if proc.returncode != 0:
        raise SystemExit(f"{row.label} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")


_COLLECTED = re.compile(r"Collected : (\d+)")


def count(row: Row, work: Path, *, phase: str | None = None, out_file: Path | None = None) -> int:
    """Instructions of one run under callgrind (those inside ``phase`` only, if given)."""
    with tempfile.NamedTemporaryFile(suffix=".log") as log:
        cmd = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out_file or '/dev/null'}",
            f"--log-file={log.name}",
        ]
        argv = [PY, *argv_of(row)]
        if phase is not None:
            cmd += ["--collect-atstart=no", "--toggle-collect=sys_call_tracing"]
            argv = [PY, str(HARNESS), phase, *argv_of(row)]
        proc = subprocess.run(
            [*cmd, *argv],
            cwd=cwd_of(row, work),
            env=env(work),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if proc.returncode != 0:
            raise SystemExit(f"{row.label} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
        found = _COLLECTED.search(Path(log.name).read_text())
    if found is None:
        raise SystemExit(f"no 'Collected' line from callgrind for {row.label}")
    return int(found.group(1))


def fmt_g(n: float) -> str:
    return f"{n / 1e9:.3f} G" if abs(n) >= 1e9 else f"{n / 1e6:.1f} M"


def ratios(rows: list[Row], work: Path, jobs: int) -> tuple[list[str], dict[str, int]]:
    needed = {r.key for r in rows} | {r.base for r in rows}
    todo = [r for r in ROWS if r.key in needed]
    for r in todo:
        warm(r, work)  # cache, .pyc
    with ThreadPoolExecutor(jobs) as pool:
        counts = dict(
            zip([r.key for r in todo], pool.map(lambda r: count(r, work), todo), strict=True)
        )
    lines = [
        "| command | instructions | ratio | goal | |",
        "|---|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = counts[r.key] / counts[r.base]
        goal = f"{r.goal:.2f}" if r.goal else ""
        met = ("met" if ratio <= r.goal else "over") if r.goal else ""
        lines.append(f"| {r.label} | {fmt_g(counts[r.key])} | {ratio:.2f} | {goal} | {met} |")
    return lines, counts


_ANNOTATED = re.compile(r"^\s*([\d,]+) \([^)]*\)\s+(.+)$")


def inclusive(path: Path) -> dict[str, int]:
    """callgrind_annotate --inclusive=yes: each C function's inclusive count (its outermost
    call; the recursion levels ``'2`` left out)."""
    out = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    table: dict[str, int] = {}
    for line in out.splitlines():
        m = _ANNOTATED.match(line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        name = m.group(2).split(" [")[0].rsplit(":", 1)[-1]
        if "'" in name:
            continue
        table[name] = max(table.get(name, 0), int(m.group(1).replace(",", "")))
    return table


def profile(keys: list[str], work: Path, jobs: int, top: int) -> list[str]:
    base = {BY_KEY[k].base for k in keys}
    rows = [BY_KEY[k] for k in [*sorted(base), *keys]]
    for r in rows:
        warm(r, work)
    files = {r.key: work / f"callgrind.{r.key}" for r in rows}
    jobs_list: list[tuple[Row, str | None]] = [(r, None) for r in rows]
    jobs_list += [(r, spec) for r in rows for _, spec in PHASES]

    def one(job: tuple[Row, str | None]) -> int:
        row, spec = job
        return count(row, work, phase=spec, out_file=None if spec else files[row.key])

    with ThreadPoolExecutor(jobs) as pool:
        results = dict(zip(jobs_list, pool.map(one, jobs_list), strict=True))
    out: list[str] = []
    for key in keys:
        row = BY_KEY[key]
        hello = BY_KEY[row.base]
        total, floor = results[(row, None)], results[(hello, None)]
        excess = total - floor
        out += [
            f"### {row.label}: {fmt_g(total)}, {hello.key} {fmt_g(floor)}, excess {fmt_g(excess)}",
            "",
            "Inside Python functions (inclusive; rows overlap):",
            "",
            f"| function | {key} | {hello.key} | excess | share of excess |",
            "|---|---:|---:|---:|---:|",
        ]
        for label, spec in PHASES:
            a, b = results[(row, spec)], results[(hello, spec)]
            out.append(
                f"| {label} | {fmt_g(a)} | {fmt_g(b)} | {fmt_g(a - b)} | "
                f"{(a - b) / excess * 100:.0f} % |"
            )
        mine, theirs = inclusive(files[row.key]), inclusive(files[hello.key])
        names = [n for n in set(mine) | set(theirs) if not GENERIC.match(n)]
        names.sort(key=lambda n: -(mine.get(n, 0) - theirs.get(n, 0)))
        out += [
            "",
            f"callgrind_annotate --inclusive=yes, C functions by excess (top {top}; the call "
            "machinery left out):",
            "",
            f"| C function | {key} | {hello.key} | excess | share of excess |",
            "|---|---:|---:|---:|---:|",
        ]
        for n in names[:top]:
            a, b = mine.get(n, 0), theirs.get(n, 0)
            out.append(
                f"| {n} | {fmt_g(a)} | {fmt_g(b)} | {fmt_g(a - b)} | {(a - b) / excess * 100:.0f} % |"
            )
        out.append("")
    return out


def import_costs(row: Row, work: Path) -> tuple[dict[str, int], int]:
    """Each loaded module's own instructions, and the total: one callgrind run with a profile
    part dumped at every start and end of a module load (phase_harness.py imports:LOG)."""
    with tempfile.TemporaryDirectory(prefix="iku-imports-", dir=work) as tmp:
        out, events = Path(tmp) / "cg", Path(tmp) / "events"
        proc = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                "--dump-before=sys_call_tracing",
                f"--log-file={Path(tmp) / 'log'}",
                PY,
                str(HARNESS),
                f"imports:{events}",
                *argv_of(row),
            ],
            cwd=cwd_of(row, work),
            env=env(work),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if proc.returncode != 0:
            raise SystemExit(f"{row.label} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
        marks = events.read_text("utf-8").splitlines()

        def part(path: Path) -> int:
            for line in path.read_text().splitlines():
                if line.startswith("totals:"):
                    return int(line.split()[1])
            return 0

        parts = [part(Path(f"{out}.{k}")) for k in range(1, len(marks) + 1)] + [part(out)]
    own: dict[str, int] = {"(no import under way: start-up, the command, exit)": parts[0]}
    stack: list[str] = []
    for mark, cost in zip(marks, parts[1:], strict=True):
        kind, name = mark.split(" ", 1)
        if kind == ">":
            stack.append(name)
        else:
            stack.pop()
        where = stack[-1] if stack else "(no import under way: start-up, the command, exit)"
        own[where] = own.get(where, 0) + cost
    return own, sum(parts)


def package(module: str) -> str:
    if module.startswith("("):
        return module
    top = module.split(".")[0]
    if top in sys.stdlib_module_names or top.startswith("_"):
        return "standard library"
    return top


def imports(keys: list[str], work: Path, jobs: int, top: int) -> list[str]:
    rows = [BY_KEY[k] for k in keys]
    bases = sorted({r.base for r in rows})
    every = [*[BY_KEY[b] for b in bases], *rows]
    for r in every:
        warm(r, work)
    with ThreadPoolExecutor(jobs) as pool:
        results = dict(zip([r.key for r in every], pool.map(lambda r: import_costs(r, work), every),
                           strict=True))  # fmt: skip
    out: list[str] = []
    for row in rows:
        own, total = results[row.key]
        base_own, base_total = results[row.base]
        excess = total - base_total
        by_pkg: dict[str, int] = {}
        base_pkg: dict[str, int] = {}
        for module, cost in own.items():
            by_pkg[package(module)] = by_pkg.get(package(module), 0) + cost
        for module, cost in base_own.items():
            base_pkg[package(module)] = base_pkg.get(package(module), 0) + cost
        names = sorted(
            set(by_pkg) | set(base_pkg), key=lambda p: -(by_pkg.get(p, 0) - base_pkg.get(p, 0))
        )
        out += [
            f"### {row.label}: {fmt_g(total)}, {row.base} {fmt_g(base_total)}, "
            f"excess {fmt_g(excess)} (module loads' own instructions; the harness adds a little)",
            "",
            f"| package | {row.key} | {row.base} | excess | share of excess |",
            "|---|---:|---:|---:|---:|",
        ]
        for p in names:
            a, b = by_pkg.get(p, 0), base_pkg.get(p, 0)
            if abs(a - b) >= 0.5e6:
                out.append(
                    f"| {p} | {fmt_g(a)} | {fmt_g(b)} | {fmt_g(a - b)} | {(a - b) / excess * 100:.0f} % |"
                )
        mine = sorted(((c, m) for m, c in own.items() if m.startswith("ikutool")), reverse=True)
        out += [
            "",
            f"ikutool's modules by their own instructions at load (top {top} of {len(mine)}; "
            f"all {fmt_g(sum(c for c, _ in mine))}):",
            "",
            "| module | own instructions |",
            "|---|---:|",
            *[f"| {m} | {fmt_g(c)} |" for c, m in mine[:top]],
            "",
        ]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="rows by key: " + ",".join(BY_KEY))
    parser.add_argument("--profile", help="commands to profile, by key (e.g. capaian,lke)")
    parser.add_argument("--imports", help="commands whose module loads are counted, by key")
    parser.add_argument("--top", type=int, default=25, help="C functions (modules) shown")
    parser.add_argument("--jobs", type=int, default=2, help="valgrind runs at once")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    rows = [BY_KEY[k] for k in args.only.split(",")] if args.only else ROWS
    with tempfile.TemporaryDirectory(prefix="iku-callgrind-") as tmp:
        work = Path(tmp)
        prepare(work)
        table = args.only or not (args.profile or args.imports)
        lines, _ = ratios(rows, work, args.jobs) if table else ([], {})
        out = [f"Python {sys.version.split()[0]}, callgrind (instructions, Ir)", "", *lines, ""]
        if args.profile:
            out += profile(args.profile.split(","), work, args.jobs, args.top)
        if args.imports:
            out += imports(args.imports.split(","), work, args.jobs, args.top)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
