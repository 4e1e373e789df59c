"""Mutations of the bundled files, shared by the property tests (tests/test_fuzz.py) and the long
campaign (scripts/fuzz.py): what a hurried officer, Excel, Notepad or a broken copy does to YAML.
"""

from __future__ import annotations

import random

# Fragments people (and programs) put into YAML files by accident, and a few made to hurt.
TOKENS = [
    ":",
    ": ",
    "- ",
    "-",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&a ",
    "*a",
    "!!bool ",
    "!!set ",
    "!x ",
    "\t",
    "\x00",
    "\x01",
    "\x1b[31m",
    "\u200b",
    "\ufeff",
    "\r\n",
    "\n",
    "  ",
    "    ",
    "2.750",
    "1.234,5",
    "6,5",
    "1e309",
    "-0",
    ".nan",
    ".inf",
    "no",
    "yes",
    "~",
    "null",
    "0x1F",
    "017",
    "2019-01-01",
    "%",
    " %",
    "80-90 %",
    "7% dan 17%",
    "s.d.",
    "dan",
    "/",
    "=",
    "é",
    "€",
    "9" * 40,
    "1" + "0" * 400,
    " " * 3000,
    "[" * 200,
    "- " * 200,
    "a" * 5000,
    "---\n",
    "...\n",
    "? ",
    "<<: *a\n",
    "|\n  ",
    ">-\n  ",
    "S1.1",
    "S9.9",
    "tahun",
    "realisasi",
    "target",
    "komponen",
    "bobot: 1e300",
    "status: final",
    "polaritas: negatif",
    "triwulan: {I: 1}",
    # target forms (issue 17)
    "minimal 80 %",
    "maks. 5 hari",
    "≤ ",
    ">= ",
    "1:30",
    "1 : 2.500",
    "Rp 1,5 miliar",
    "Rp 1,5 M",
    "Rp ",
    " (Rp 1,5 M)",
    "WTP",
    "WDX",
    "BB",
    "jenis: kelompok",
    "skala_predikat: opini_bpk",
    "capaian_predikat: biner",
    "agregasi_triwulan: rata_rata",
    "kondisi_awal: {tahun: 2015, nilai: N/A}",
    "bobot: 0",
    "tujuan: T1",
    "perubahan:\n  - tanggal: 2019-07-01\n    target: {S1.2: '50 org'}\n",
    "target_nol: tidak_dihitung",
]


def mutate_text(text: str, rng: random.Random, rounds: int | None = None) -> str:
    """Apply 1-4 random edits: insert, delete, replace a span, or shuffle, copy or drop lines."""
    for _ in range(rounds if rounds is not None else rng.randint(1, 4)):
        op = rng.randrange(7)
        pos = rng.randrange(len(text) + 1)
        if op == 0:  # insert a token
            text = text[:pos] + rng.choice(TOKENS) + text[pos:]
        elif op == 1:  # delete a span
            text = text[:pos] + text[pos + rng.randint(1, 40) :]
        elif op == 2:  # replace a span with a token
            text = text[:pos] + rng.choice(TOKENS) + text[pos + rng.randint(1, 12) :]
        else:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            if op == 3 and len(lines) > 1:  # swap two lines
                j = rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            elif op == 4:  # duplicate a line (duplicate keys, repeated entries)
                lines.insert(i, lines[i])
            elif op == 5:  # drop a line
                del lines[i]
            else:  # change a line's indentation
                lines[i] = " " * rng.choice([0, 1, 2, 3, 4, 6, 8]) + lines[i].lstrip(" ")
            text = "\n".join(lines)
    return text


def mutate_bytes(raw: bytes, rng: random.Random) -> bytes:
    """Encoding accidents: a Windows-1252 save, a BOM, CRLF, a stray byte, a truncation."""
    op = rng.randrange(5)
    if op == 0:
        return raw.decode("utf-8").encode("cp1252", errors="replace")
    if op == 1:
        return b"\xef\xbb\xbf" + raw
    if op == 2:
        return raw.replace(b"\n", b"\r\n")
    if op == 3:
        pos = rng.randrange(len(raw) + 1)
        return raw[:pos] + bytes([rng.randrange(256)]) + raw[pos:]
    return raw[: rng.randrange(len(raw) + 1)]


def mutate(raw: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.2:
        return mutate_bytes(raw, rng)
    return mutate_text(raw.decode("utf-8"), rng).encode("utf-8", errors="surrogatepass")
