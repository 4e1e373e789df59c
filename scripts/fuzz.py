#!/usr/bin/env python3
"""The long fuzz campaign: mutate the bundled IKU and realisasi files and run every command on
each case, in worker processes watched from outside (so a segfault, a hang or a memory blow-up is
seen and counted, not just a Python exception).

    python scripts/fuzz.py --cases 3000            # counts by outcome; failing cases saved
    python scripts/fuzz.py --cases 200 --seed 7    # reproducible
    nice python scripts/fuzz.py --hostile --cases 300   # another agency's folder (issue 23)

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
    ["rekap", "--tahun", "2019", "--tw", "2", ".."],
    ["evaluasi", "renstra", "-f", "json"],
    ["pohon", "--tahun", "2019"],
    ["pohon", "-f", "json"],
    ["pohon", "-f", "svg", "--out", "pohon.svg", "--force"],
    ["pohon", "-f", "docx", "--out", "pohon.docx", "--force"],
    ["pohon", "-d", "cascading", "-f", "xlsx", "--out", "cascading.xlsx", "--force"],
    ["pohon", "-d", "pk", "-f", "markdown"],
    ["pohon", "-d", "matriks", "-f", "json"],
    ["situs", "--out", "situs", "--tanpa-dokumen", "--force"],
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
    "realisasi impor": ("realisasi/2019.yaml", "renaksi/2019.yaml"),  # kendala: its catatan
    "realisasi isi": ("realisasi/2019.yaml",),
}


def make_case(folder: Path, rng: random.Random) -> str:
    """Write one mutated workspace into ``folder``; returns what was mutated."""
    from ikutool.workspace.paths import bundled_iku, data_dir
    from tests.fuzzing import mutate

    if folder.exists():
        shutil.rmtree(folder)
    for sub in ("realisasi", "pk", "anggaran", "program", "renaksi", "pohon"):
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
        "pohon/pohon.yaml": (data_dir() / "pohon" / "pohon.yaml").read_bytes(),
        "pohon/rpjmd.yaml": (data_dir() / "pohon" / "rpjmd.yaml").read_bytes(),
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
        if choice < 0.84
        else ["pohon/pohon.yaml"]
        if choice < 0.9
        else ["pohon/rpjmd.yaml"]
        if choice < 0.93
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

    if not path.is_file() or path.is_symlink():
        return  # the template was refused (a broken IKU, a planted link): impor meets that
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


# --- the hostile-workspace mode (issue 23) --------------------------------------------------
# Another agency's folder tried as an attacker would: a git repository whose config runs a
# payload (each payload touches a file in MARKERS, outside the case), symbolic links and paths
# that lead out of the workspace (to OUTSIDE, whose files are compared before and after every
# case), special files where data files should be, damaged and inflated workbooks, and control
# characters in commit subjects, indicator texts and folder names.

GIT_ROUTES = [
    [("core.fsmonitor", "{x}")],
    [("core.pager", "{x}"), ("pager.log", "{x}"), ("pager.show", "{x}")],
    [("diff.external", "{x}"), ("diff.iku.textconv", "{x}"), ("filter.iku.smudge", "{x}")],
    [("core.hooksPath", "{hooks}")],
    [("alias.log", "!{x}"), ("alias.show", "!{x}"), ("alias.rev-parse", "!{x}")],
    [("log.showSignature", "true"), ("gpg.program", "{x}"), ("gpg.ssh.program", "{x}")],
    [("core.repositoryformatversion", "1"), ("extensions.partialClone", "origin"),
     ("remote.origin.url", "ssh://contoh.invalid/x"), ("remote.origin.promisor", "true"),
     ("remote.origin.uploadpack", "{x}"), ("core.sshCommand", "{x}")],
]  # fmt: skip
ESCAPES = ["\x1b]0;judul\x07", "\x1b]52;c;ZWNobyBoaQ==\x07", "\x1b[2K\r", "\u202e", "\x1b[31m"]


def _git(folder: Path, *args: str, **env: str) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    clean.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, HOME=str(folder),
                 GIT_AUTHOR_NAME="Uji", GIT_AUTHOR_EMAIL="u@contoh.invalid",
                 GIT_COMMITTER_NAME="Uji", GIT_COMMITTER_EMAIL="u@contoh.invalid", **env)  # fmt: skip
    subprocess.run(["git", *args], cwd=folder, env=clean, capture_output=True, check=False,
                   timeout=30)  # fmt: skip


def hostile_git(folder: Path, markers: Path, rng: random.Random) -> None:
    """A repository with three versions of iku.yaml and a config that runs a payload."""
    if shutil.which("git") is None:
        return
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "IKU awal" + rng.choice(["", *ESCAPES]))
    iku = folder / "iku.yaml"
    for n in range(2):
        iku.write_bytes(b"# versi %d\n" % n + iku.read_bytes())
        _git(folder, "commit", "-q", "-am", f"Reviu {n}{rng.choice(['', *ESCAPES])}")
    if rng.random() < 0.5:  # HEAD carries a signature header: git hands it to gpg.program
        raw = subprocess.run(["git", "cat-file", "commit", "HEAD"], cwd=folder,
                             capture_output=True, check=False).stdout  # fmt: skip
        head, _, message = raw.partition(b"\n\n")
        sig = b"gpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----"
        sha = subprocess.run(["git", "hash-object", "-t", "commit", "-w", "--stdin"], cwd=folder,
                             input=head + b"\n" + sig + b"\n\n" + message, capture_output=True,
                             check=False).stdout.decode().strip()  # fmt: skip
        _git(folder, "update-ref", "HEAD", sha)
    script = folder / ".git" / "x"
    script.write_text(f'#!/bin/sh\ntouch "{markers}/dijalankan-$$"\nexit 1\n', "utf-8")
    script.chmod(0o755)
    hooks = folder / ".git" / "kait"
    hooks.mkdir()
    for name in ("post-checkout", "post-index-change", "reference-transaction"):
        shutil.copy(script, hooks / name)
    (folder / ".gitattributes").write_text("*.yaml diff=iku filter=iku\n", "utf-8")
    for route in rng.sample(GIT_ROUTES, 3):
        for key, value in route:
            _git(folder, "config", key, value.format(x=script, hooks=hooks))
    if rng.random() < 0.3:  # an old blob taken out: a lazy fetch would run the payload
        out = subprocess.run(["git", "rev-list", "--max-parents=0", "HEAD"], cwd=folder,
                             capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
        blob = subprocess.run(["git", "rev-parse", f"{out}:iku.yaml"], cwd=folder,
                              capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
        loose = folder / ".git" / "objects" / blob[:2] / blob[2:]
        if len(blob) == 40 and loose.is_file():
            loose.unlink()
    if rng.random() < 0.2:  # the config hidden behind a .git file
        shutil.move(folder / ".git", folder / "realisasi" / ".cache")
        (folder / ".git").write_text("gitdir: realisasi/.cache\n", "utf-8")
    elif rng.random() < 0.2:
        (folder / ".git" / "shallow").write_text("0" * 40 + "\n", "utf-8")


def hostile_links(folder: Path, outside: Path, rng: random.Random) -> None:
    """Links and paths that lead out of the workspace, and special files where data should be."""
    choice = rng.randrange(9)
    if choice == 0:  # a dangling link where a command writes
        target = folder / "realisasi" / "2020.yaml"
        target.unlink(missing_ok=True)
        target.symlink_to(outside / "ditanam" / "2020.yaml")
    elif choice == 1:  # a data file that is a link to a file outside
        target = folder / "realisasi" / "2019.yaml"
        target.unlink(missing_ok=True)
        target.symlink_to(outside / "rahasia.yaml")
    elif choice == 2:  # a folder that is a link to outside
        if (folder / "pk").is_symlink():
            (folder / "pk").unlink()
        shutil.rmtree(folder / "pk", ignore_errors=True)
        (folder / "pk").symlink_to(outside, target_is_directory=True)
    elif choice == 3:  # ikutool.yaml naming paths outside
        key = rng.choice(["realisasi", "pk", "program", "renaksi"])
        value = rng.choice(["../../luar", str(outside), "/proc/self", "/etc"])
        (folder / "ikutool.yaml").write_text(f"iku: iku.yaml\n{key}: '{value}'\n", "utf-8")
    elif choice == 4:
        value = rng.choice(["/proc/self/environ", "/etc/passwd", str(outside / "rahasia.yaml")])
        (folder / "ikutool.yaml").write_text(f"iku: '{value}'\n", "utf-8")
    elif choice == 5:  # --out names planted as links to files outside
        for name in ("laporan.html", "laporan.xlsx", "lke.xlsx", "tw.xlsx", "isi.xlsx"):
            (folder / name).unlink(missing_ok=True)
            (folder / name).symlink_to(outside / "rahasia.yaml")
    elif choice == 6 and hasattr(os, "mkfifo"):  # a FIFO where a data file is
        target = folder / rng.choice(["realisasi/2019.yaml", "pk/2019.yaml", "renaksi/2019.yaml",
                                      "iku.yaml", "program/2019.yaml"])  # fmt: skip
        target.unlink(missing_ok=True)
        os.mkfifo(target)
    elif choice == 7:  # a device
        target = folder / rng.choice(["realisasi/2019.yaml", "iku.yaml", "tindak-lanjut.yaml"])
        target.unlink(missing_ok=True)
        target.symlink_to(rng.choice(["/dev/zero", "/dev/urandom", "/proc/self/environ"]))
    else:  # control characters in the texts a table shows
        iku = folder / "iku.yaml"
        if iku.is_symlink() or not iku.is_file():  # a FIFO or a device made by a first pass
            return
        text = iku.read_text("utf-8", "replace")
        escape = rng.choice(ESCAPES).replace("\x1b", "\\e").replace("\x07", "\\a")
        iku.write_text(text.replace("uraian: Koperasi Aktif", f'uraian: "Koperasi{escape} Aktif"', 1),
                       "utf-8")  # fmt: skip


def hostile_zip(path: Path, rng: random.Random) -> None:
    """The workbook's zip damaged or inflated the ways an attacker (or a bad disk) would."""
    import io
    import struct
    import zipfile

    if not path.is_file() or path.is_symlink():
        return
    raw = bytearray(path.read_bytes())
    kind = rng.randrange(5)
    if kind == 0 and len(raw) > 200:  # a flipped bit in the compressed data
        raw[rng.randrange(100, len(raw) - 100)] ^= 1 << rng.randrange(8)
    elif kind == 1:  # every CRC wrong
        at = 0
        while (at := raw.find(b"PK\x03\x04", at)) >= 0:
            raw[at + 14] ^= 0xFF
            at += 4
    elif kind == 2:  # Deflate64 declared
        for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            at = 0
            while (at := raw.find(sig, at)) >= 0:
                raw[at + off : at + off + 2] = struct.pack("<H", 9)
                at += 4
    else:  # shared strings or cells spelt with a newline, far past any bound
        buf = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(bytes(raw))) as old,
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as new,
        ):
            for info in old.infolist():
                new.writestr(info.filename, old.read(info))
            if kind == 3:
                new.writestr(
                    "xl/sharedStrings.xml", "<sst>" + "<si><t>x</t></si>" * 300_000 + "</sst>"
                )
            else:
                new.writestr("xl/worksheets/sheet9.xml", '<worksheet><sheetData><row r="1">'
                             + '<c\nr="A1"/>' * 300_000 + "</row></sheetData></worksheet>")  # fmt: skip
        raw = bytearray(buf.getvalue())
    path.write_bytes(bytes(raw))


def outside_state(outside: Path) -> dict[str, bytes | str]:
    """What is outside the case: every name under OUTSIDE, its content or its link."""
    state: dict[str, bytes | str] = {}
    for p in sorted(outside.rglob("*")):
        key = str(p.relative_to(outside))
        state[key] = os.readlink(p) if p.is_symlink() else p.read_bytes() if p.is_file() else "dir"
    return state


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
    folders: tuple[str, ...] = ()
    if "--out" in args:
        allowed.add(args[args.index("--out") + 1])
        if args[0] == "situs":  # a site is a folder of files
            folders = (args[args.index("--out") + 1] + "/",)
    if "--dry-run" in args:
        allowed = set()
    return [k for k in changed if k not in allowed and not k.startswith(folders)]


def worker() -> None:
    """Read case folders from stdin; run every command; print one JSON line per case."""
    import signal

    from typer.testing import CliRunner

    from ikutool.cli.app import app

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    runner = CliRunner()
    os.environ.update({"COLUMNS": "120", "NO_COLOR": "1"})
    for line in sys.stdin:
        name, seed, hostile = line.rstrip("\n").split("\t")
        folder = Path(name)
        os.chdir(folder)
        rng = random.Random(int(seed))
        runs = []
        stale = None  # the value isi wrote after the workbook was made
        for args in COMMANDS:  # isi, which edits the case, comes last
            if args == SPOIL_BEFORE:
                stale = make_stale(runner, app, rng)
                try:
                    if hostile == "1" and rng.random() < 0.5:
                        hostile_zip(folder / "isi.xlsx", rng)
                    else:
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
                # a terminal view (or a message) that would obey a control sequence
                "escape": any(c in (result.stderr if "-f" in args else result.output)
                              for c in ("\x1b", "\x07", "\u202e")),
            }  # fmt: skip
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

    def run(self, folder: Path, seed: int, timeout: float, hostile: bool = False) -> dict | str:
        import select

        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{os.fsdecode(folder)}\t{seed}\t{int(hostile)}\n")
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


def _specials(folder: str, names: list[str]) -> list[str]:
    """FIFOs and devices are not copied (opening a FIFO to copy it would block)."""
    import stat

    out = []
    for n in names:
        try:
            mode = os.lstat(os.path.join(folder, n)).st_mode
        except OSError:
            continue
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
            out.append(n)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--hostile",
        action="store_true",
        help="hostile workspaces: git configs that run a payload, links and paths out, special "
        "files, damaged zips, control characters (issue 23)",
    )
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
    outside, markers = scratch / "luar", scratch / "penanda"
    for i in range(args.cases):
        folder = scratch / "case" / "ws"
        if args.hostile:
            shutil.rmtree(scratch / "case", ignore_errors=True)
            if rng.random() < 0.3:  # a folder name rekap shows
                folder = scratch / "case" / f"ws{rng.choice(ESCAPES)}"
            shutil.rmtree(outside, ignore_errors=True)
            (outside / "ditanam").mkdir(parents=True)
            (outside / "rahasia.yaml").write_text("tahun: 2019\nindikator: {}\n", "utf-8")
            markers.mkdir(exist_ok=True)
        what = make_case(folder, rng)
        if args.hostile:
            if rng.random() < 0.6:
                hostile_git(folder, markers, rng)
                what += "+git"
            for _ in range(rng.choice([0, 1, 1, 2])):  # some cases: only the git repository
                try:
                    hostile_links(folder, outside, rng)
                except OSError:  # the first made the second impossible (iku.yaml now a device)
                    pass
            what += "+hostile"
            before_outside = outside_state(outside)
        outcome = w.run(folder, rng.randrange(2**32), TIMEOUT * len(COMMANDS), args.hostile)
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
                elif run.get("escape"):
                    counts["terminal_escape"] += 1
                    bad = f"{' '.join(run['args'])}: a control character reached the terminal"
                if run.get("lost") is not None:
                    counts["stale_imports"] += 1
            counts["cases"] += 1
        if args.hostile:
            if outside_state(outside) != before_outside:
                counts["outside_touched"] += 1
                bad = "a file outside the workspace was created, changed or removed"
            fired = sorted(p.name for p in markers.iterdir())
            if fired:
                counts["marker"] += 1
                bad = f"a payload ran: {fired}"
                for p in markers.iterdir():
                    p.unlink()
        if bad:
            failures += 1
            keep = args.out / f"case-{args.seed}-{i}"
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(folder, keep, symlinks=True, ignore=_specials)
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
        *(("terminal_escape", "outside_touched", "marker") if args.hostile else ()),
    ):
        print(f"{key}: {counts[key]}")
    print(f"stale imports checked: {counts['stale_imports']}")
    print(f"slowest run: {slowest[0]:.2f} s ({slowest[1]}); worker peak RSS: {peak} MiB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
