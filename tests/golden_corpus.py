#!/usr/bin/env python3
"""The golden corpus: every command of the start-up table (issue 28) and every document command,
in every format, run on fixed workspaces; what each prints (stdout and stderr, exit code) is kept
whole, what each writes (docx, xlsx, parquet) as one hash per part.

It guards refactors and speed work that must not change a byte a person sees:

    python -m tests.golden_corpus --check                # in-process (CliRunner), as the test does
    python -m tests.golden_corpus --check --subprocess   # real `python -m ikutool` processes
    python -m tests.golden_corpus --update               # rewrite tests/golden/corpus (then read
                                                         # `git diff` before committing it)

`tests/test_golden_corpus.py` runs the same cases in-process. A Word or Excel file is compared by
its parts: each XML part in canonical form (C14N 2.0: attribute order, namespace declarations and
the XML declaration do not count; elements, attributes and text do), every other part by its
bytes, the package's zip timestamps and the document properties' created/modified times left
out. A parquet file is compared by its decoded schema and rows.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "golden" / "corpus"

# what the terminal looks like to every run: wide, no colour (as tests/conftest.py sets it)
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}
UNSET = ("FORCE_COLOR", "PYTHONDONTWRITEBYTECODE", "TERM", "CLICOLOR_FORCE")


@dataclass(frozen=True)
class Case:
    name: str  # the corpus file stem
    args: tuple[str, ...]
    where: str = "contoh"  # the folder it runs in (see make_workspaces)
    out: str | None = None  # the extension of the --out file, if the format writes one


def _formats(
    name: str, args: tuple[str, ...], formats: str, where: str = "contoh", files: str = ""
) -> list[Case]:
    cases = [Case(f"{name}-{f}", (*args, "-f", f), where) for f in formats.split()]
    for f in files.split():
        out = f"{'' if where == 'root' else '../'}keluar/{name}-{f}.{f}"
        cases.append(Case(f"{name}-{f}", (*args, "-f", f, "--out", out), where, f))
    return cases


CASES: list[Case] = [
    Case("help", ("--help",)),
    Case("capaian-help", ("capaian", "--help")),
    Case("realisasi-help", ("realisasi", "--help")),
    *_formats("capaian", ("capaian", "--tahun", "2019"), "table json csv markdown"),
    Case("capaian-jelaskan", ("capaian", "--tahun", "2019", "--jelaskan")),
    Case("capaian-2018-ukm", ("capaian", "--tahun", "2018", "--bidang", "UKM")),
    *_formats(
        "triwulan",
        ("triwulan", "--tahun", "2019", "--tw", "2"),
        "table markdown csv json",
        files="xlsx docx",
    ),
    Case("triwulan-tw4", ("triwulan", "--tahun", "2019", "--tw", "IV")),
    *_formats("lke", ("lke", "--tahun", "2019"), "table markdown json", files="html xlsx"),
    *_formats("manual", ("manual",), "table markdown json", files="html docx"),
    *_formats(
        "renja", ("evaluasi", "renja", "--tahun", "2019"), "table markdown json", files="xlsx docx"
    ),
    Case(
        "renja-f4-xlsx",
        (
            "evaluasi",
            "renja",
            "--tahun",
            "2019",
            "-f",
            "xlsx",
            "--kertas",
            "F4",
            "--out",
            "../keluar/renja-f4.xlsx",
        ),
        out="xlsx",
    ),
    *_formats("renstra", ("evaluasi", "renstra"), "table markdown json", files="xlsx docx"),
    *_formats("validate", ("validate",), "table json"),
    Case("validate-mutu", ("validate", "--mutu")),
    Case("validate-realisasi", ("validate", "realisasi/2019.yaml")),
    *_formats(
        "report-ukm", ("report", "--bidang", "UKM"), "table json markdown", files="html xlsx"
    ),
    Case("report-2019", ("report", "--tahun", "2019")),
    *_formats("lkjip", ("lkjip", "--tahun", "2019"), "table markdown json", files="html docx"),
    Case("lkjip-periksa", ("lkjip", "--tahun", "2019", "--periksa")),
    Case(
        "lkjip-kolofon-docx",
        (
            "lkjip",
            "--tahun",
            "2019",
            "-f",
            "docx",
            "--kolofon",
            "--out",
            "../keluar/lkjip-kolofon.docx",
        ),
        out="docx",
    ),
    *_formats("show", ("show",), "table json"),
    *_formats(
        "rekap",
        ("rekap", "--tahun", "2019", "kab"),
        "table json csv markdown",
        "root",
        "xlsx html parquet",
    ),
    *_formats(
        "rekap-tw",
        ("rekap", "--tahun", "2019", "--tw", "2", "kab"),
        "table markdown csv json",
        "root",
        "xlsx docx",
    ),
    *_formats("pohon", ("pohon", "--tahun", "2019"), "table markdown json svg", files="docx xlsx"),
    *_formats("cascading", ("pohon", "-d", "cascading"), "markdown json", files="xlsx docx"),
    *_formats("pk-eselon", ("pohon", "-d", "pk"), "markdown", files="docx"),
    *_formats("matriks", ("pohon", "-d", "matriks"), "markdown json"),
    *_formats("diff", ("diff", "diff/lama.yaml", "diff/baru.yaml"), "table markdown json", "root"),
    Case("rekap-capaian", ("rekap", "--tahun", "2019", "--urut", "capaian", "kab"), "root"),
    *_formats("rekap-sintetis", ("rekap", "--tahun", "2026", "sintetis"), "table json", "root"),
    Case("rekap-tren", ("rekap", "--dari", "2017", "--sampai", "2019", "kab"), "root"),
    Case(
        "rekap-sintetis-tren", ("rekap", "--dari", "2025", "--sampai", "2028", "sintetis"), "root"
    ),
    # bad input: what is said, and that it is said before the process ends
    Case("rusak-validate", ("validate",), "rusak"),
    Case("rusak-capaian", ("capaian", "--tahun", "2019"), "rusak"),
    Case("rusak-lkjip", ("lkjip", "--tahun", "2019", "-f", "json"), "rusak"),
    Case("usage", ("capaian",)),
]

# the commands of the start-up table (issue 28), each run in a real process by the slow test
STARTUP = ["capaian-table", "triwulan-table", "lke-table", "manual-table", "renja-table",
           "validate-table", "report-ukm-table", "help", "rekap-table", "rusak-capaian"]  # fmt: skip


def _make_data() -> object:
    spec = importlib.util.spec_from_file_location("make_data", ROOT / "benchmarks" / "make_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_workspaces(root: Path) -> None:
    """``root/contoh`` (``iku init --contoh``), ``root/kab`` (three agencies of the sample, one
    with figures of its own, one with a bad file of 2018), ``root/sintetis`` (14 synthetic agencies,
    benchmarks/make_data.py), ``root/rusak`` (the sample with a misspelt key and a non-number) and
    ``root/diff`` (the sample's IKU and a copy with a target and a name changed); ``root/keluar``
    takes the written files."""
    from ikutool.workspace.sources import init_workspace

    init_workspace(root / "contoh", contoh=True, force=False)
    for name in ("dinas-a", "dinas-b", "dinas-c"):
        init_workspace(root / "kab" / name, contoh=True, force=False)
    _edit(root / "kab" / "dinas-b" / "ikutool.yaml", "nama: Contoh - ", "nama: Contoh B - ")
    _edit(
        root / "kab" / "dinas-b" / "realisasi" / "2019.yaml",
        r"(\n  S1\.2:\n    nilai: )\S+",
        r"\g<1>31",
    )
    _edit(root / "kab" / "dinas-c" / "realisasi" / "2018.yaml", r"(\n  S1\.2: )\S+", r"\g<1>banyak")
    _make_data().region(root / "sintetis", 14)  # type: ignore[attr-defined]
    init_workspace(root / "rusak", contoh=True, force=False)
    _edit(root / "rusak" / "iku.yaml", r"\n(\s+)uraian: ", r"\n\1uraain: ")
    _edit(
        root / "rusak" / "realisasi" / "2019.yaml", r"(\n  S1\.2:\n    nilai: )\S+", r"\g<1>banyak"
    )
    (root / "diff").mkdir()
    shutil.copyfile(root / "contoh" / "iku.yaml", root / "diff" / "lama.yaml")
    shutil.copyfile(root / "contoh" / "iku.yaml", root / "diff" / "baru.yaml")
    _edit(root / "diff" / "baru.yaml", r'2019: "60 org"', '2019: "75 org"')
    _edit(
        root / "diff" / "baru.yaml",
        r"uraian: Koperasi Aktif",
        "uraian: Persentase koperasi aktif",
    )
    (root / "keluar").mkdir()


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text("utf-8")
    new = re.sub(pattern, replacement, text, count=1)
    assert new != text, f"{pattern!r} not in {path}"
    path.write_text(new, "utf-8")


def folder(root: Path, case: Case) -> Path:
    return root if case.where == "root" else root / case.where


def out_path(root: Path, case: Case) -> Path | None:
    if case.out is None:
        return None
    return (folder(root, case) / case.args[case.args.index("--out") + 1]).resolve()


# --- running ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    exit_code: int
    stdout: bytes
    stderr: bytes
    parts: str  # "sha256  part" lines of the written file ("" when none)


def run_in_process(root: Path, case: Case) -> Outcome:
    from typer.testing import CliRunner

    from ikutool.cli.app import app

    old = Path.cwd()
    os.chdir(folder(root, case))
    try:
        env: dict[str, str | None] = {**ENV, **dict.fromkeys(UNSET)}
        result = CliRunner().invoke(app, list(case.args), env=env, catch_exceptions=False)
    finally:
        os.chdir(old)
    return Outcome(result.exit_code, result.stdout_bytes, result.stderr_bytes, _written(root, case))


def iku_command() -> list[str]:
    """The installed ``iku`` script (its name is in the usage lines), else ``python -m ikutool``."""
    script = Path(sys.executable).parent / "iku"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ikutool"]


def run_subprocess(root: Path, case: Case, env: dict[str, str]) -> Outcome:
    proc = subprocess.run(
        [*iku_command(), *case.args],
        cwd=folder(root, case),
        env=env,
        capture_output=True,
        check=False,
    )
    return Outcome(proc.returncode, proc.stdout, proc.stderr, _written(root, case))


def subprocess_env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    return {**env, **ENV, "IKUTOOL_CACHE_DIR": str(cache)}


def _written(root: Path, case: Case) -> str:
    path = out_path(root, case)
    if path is None or not path.exists():
        return ""
    data = path.read_bytes()
    # the next run of the case writes it anew (no --force needed); the last one stays for --keep
    path.replace(path.with_name(f"{case.name}.{case.out}.last"))
    return file_parts(data, case.out or "")


_CORE_TIMES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def file_parts(data: bytes, kind: str) -> str:
    """One line per part of a written file: its hash and its name."""
    if kind == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(data))
        text = f"{table.schema}\n{table.to_pylist()}".encode()
        return f"{hashlib.sha256(text).hexdigest()}  schema and rows\n"
    if kind == "html":
        return f"{hashlib.sha256(data).hexdigest()}  {kind}\n"
    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            lines.append(f"{hashlib.sha256(_part(name, package.read(name))).hexdigest()}  {name}")
    return "\n".join(lines) + "\n"


def _part(name: str, data: bytes) -> bytes:
    if not name.endswith((".xml", ".rels")):
        return data
    from xml.etree.ElementTree import canonicalize

    if name == "docProps/core.xml":
        data = _CORE_TIMES.sub(b"", data)
    return canonicalize(data.decode("utf-8")).encode("utf-8")


# --- the stored corpus --------------------------------------------------------------------------


def expected(case: Case) -> Outcome | None:
    head = CORPUS / f"{case.name}.txt"
    if not head.exists():
        return None
    lines = head.read_text("utf-8").split("\n", 2)
    code = int(lines[1].removeprefix("exit "))
    stdout = CORPUS / f"{case.name}.out"
    stderr = CORPUS / f"{case.name}.err"
    parts = lines[2] if len(lines) > 2 else ""
    return Outcome(
        code,
        stdout.read_bytes() if stdout.exists() else b"",
        stderr.read_bytes() if stderr.exists() else b"",
        parts,
    )


def store(case: Case, got: Outcome) -> None:
    """``<name>.txt``: the command, its exit code and the written file's parts; ``.out`` and
    ``.err`` what it printed, byte for byte (left out when empty)."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    head = f"iku {' '.join(case.args)}\nexit {got.exit_code}\n{got.parts}"
    (CORPUS / f"{case.name}.txt").write_text(head, "utf-8")
    for ext, data in ((".out", got.stdout), (".err", got.stderr)):
        path = CORPUS / f"{case.name}{ext}"
        if data:
            path.write_bytes(data)
        elif path.exists():
            path.unlink()


def differences(case: Case, got: Outcome) -> list[str]:
    want = expected(case)
    if want is None:
        return [f"{case.name}: not in the corpus (python -m tests.golden_corpus --update)"]
    out = []
    if got.exit_code != want.exit_code:
        out.append(f"{case.name}: exit {got.exit_code}, the corpus says {want.exit_code}")
    for what, a, b in (("stdout", got.stdout, want.stdout), ("stderr", got.stderr, want.stderr)):
        if a != b:
            out.append(f"{case.name}: {what} differs from the corpus")
    if got.parts != want.parts:
        changed = sorted(set(got.parts.splitlines()) ^ set(want.parts.splitlines()))
        names = sorted({line.split("  ", 1)[-1] for line in changed})
        out.append(f"{case.name}: written file differs in {', '.join(names)}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--update", action="store_true")
    parser.add_argument("--subprocess", action="store_true", help="real processes (slower)")
    parser.add_argument("--keep", type=Path, help="keep what each case printed and wrote here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="iku-golden-") as tmp:
        root = Path(tmp) / "w"
        cache = Path(tmp) / "cache"
        os.environ["IKUTOOL_CACHE_DIR"] = str(cache)
        make_workspaces(root)
        env = subprocess_env(cache)
        failures: list[str] = []
        for case in CASES:
            got = run_subprocess(root, case, env) if args.subprocess else run_in_process(root, case)
            if args.update:
                store(case, got)
            else:
                failures += differences(case, got)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{case.name}.out").write_bytes(got.stdout)
                (args.keep / f"{case.name}.err").write_bytes(got.stderr)
                if case.out is not None and got.parts:
                    last = root / "keluar" / f"{case.name}.{case.out}.last"
                    shutil.copyfile(last, args.keep / f"{case.name}.{case.out}")
        if args.update:
            names = {f"{c.name}{e}" for c in CASES for e in (".txt", ".out", ".err")}
            for path in CORPUS.iterdir():
                if path.name not in names:
                    path.unlink()  # a case no longer in the list
        shutil.rmtree(root, ignore_errors=True)
    if args.update:
        print(f"{len(CASES)} cases written to {CORPUS.relative_to(ROOT)}")
    else:
        print("\n".join(failures) or f"{len(CASES)} cases: as in the corpus")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
