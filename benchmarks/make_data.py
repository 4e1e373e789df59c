#!/usr/bin/env python3
"""Synthetic data for the speed and scale benchmarks. Every file says it is synthetic.

    python benchmarks/make_data.py regency  OUT   # 40 agencies, each a workspace (iku init)
    python benchmarks/make_data.py province OUT   # 400 agencies
    python benchmarks/make_data.py iku OUT.yaml --indikator 10000   # one big IKU file

An agency: 10 sasaran x 3 indicators, targets for 2025-2030 (composite, range and
negative-polarity targets among them), realisasi for 2025-2027 (status: contoh). A few agencies
carry a bad file (a non-number, an unknown code, an unknown key) so the roll-up must report them.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HEADER = "# SINTETIS: data buatan untuk uji kecepatan ikutool; bukan data instansi mana pun.\n"
YEARS = range(2025, 2031)
REALISED = (2025, 2026, 2027)


def target(i: int, year: int, rng: random.Random) -> tuple[str, list[tuple[str, float]]]:
    """The target text of indicator ``i`` in ``year``, and its components (key, number)."""
    step = year - YEARS[0]
    if i % 4 == 1:  # composite
        a, b = 100 + 10 * step, 60 + step
        return f"{a} unit, {b} %", [("unit", a), ("persen", b)]
    if i % 5 == 2:  # range
        low = 70 + step
        return f"{low}-{low + 10} %", [("persen", low + 5)]
    base = 20 + 5 * step + rng.randint(0, 3)
    return f"{base} orang", [("orang", base)]


def iku_text(n_indikator: int, name: str, rng: random.Random, per: int = 3) -> str:
    lines = [
        HEADER,
        f"instansi: {{nama: {name} (sintetis), pemerintah: Kabupaten Sintetis}}",
        f"periode: {{awal: {YEARS[0]}, akhir: {YEARS[-1]}}}",
        "sasaran:",
    ]
    n_sasaran = max(1, n_indikator // per)
    count = 0
    for s in range(1, n_sasaran + 1):
        lines += [f"  - kode: S{s}", f"    uraian: Sasaran sintetis {s}", "    indikator:"]
        for j in range(1, per + 1):
            count += 1
            if count > n_indikator:
                break
            lines += [
                f"      - kode: S{s}.{j}",
                f"        uraian: Indikator sintetis {s}.{j}",
            ]
            if count % 7 == 3:
                lines.append("        polaritas: negatif")
            lines.append("        target:")
            for y in YEARS:
                lines.append(f'          {y}: "{target(count, y, rng)[0]}"')
    return "\n".join(lines) + "\n"


def realisasi_text(n_indikator: int, year: int, rng: random.Random, per: int = 3) -> str:
    lines = [HEADER + f"tahun: {year}", "status: contoh", "realisasi:"]
    count = 0
    for s in range(1, max(1, n_indikator // per) + 1):
        for j in range(1, per + 1):
            count += 1
            if count > n_indikator:
                break
            comps = target(count, year, rng)[1]
            if len(comps) == 1:
                lines.append(f"  S{s}.{j}: {round(comps[0][1] * rng.uniform(0.7, 1.2), 1)}")
            else:
                inner = ", ".join(f"{k}: {round(v * rng.uniform(0.7, 1.2), 1)}" for k, v in comps)
                lines.append(f"  S{s}.{j}: {{{inner}}}")
    return "\n".join(lines) + "\n"


def workspace(root: Path, name: str, rng: random.Random, n_indikator: int = 30) -> None:
    (root / "realisasi").mkdir(parents=True, exist_ok=True)
    (root / "ikutool.yaml").write_text(HEADER + "iku: iku.yaml\nrealisasi: realisasi\n", "utf-8")
    (root / "iku.yaml").write_text(iku_text(n_indikator, name, rng), "utf-8")
    for year in REALISED:
        text = realisasi_text(n_indikator, year, rng)
        (root / "realisasi" / f"{year}.yaml").write_text(text, "utf-8")


def region(out: Path, agencies: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for a in range(1, agencies + 1):
        folder = out / f"opd-{a:03d}"
        workspace(folder, f"Dinas Sintetis {a:03d}", rng)
        if a % 20 == 7:  # a non-number typed into a realisasi file
            path = folder / "realisasi" / "2026.yaml"
            path.write_text(path.read_text("utf-8").replace("S1.2: ", "S1.2: banyak #", 1), "utf-8")
        if a % 20 == 13:  # a misspelt key in the IKU
            path = folder / "iku.yaml"
            path.write_text(
                path.read_text("utf-8").replace("uraian: Sasaran", "uraain: Sasaran", 1), "utf-8"
            )
        if a % 40 == 29:  # a code that is not in the IKU
            path = folder / "realisasi" / "2027.yaml"
            path.write_text(path.read_text("utf-8") + "  S99.9: 5\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["regency", "province", "iku"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--indikator", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.what == "iku":
        rng = random.Random(args.seed)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(iku_text(args.indikator, "Dinas Sintetis", rng, per=10), "utf-8")
        real = args.out.parent / "realisasi"
        real.mkdir(exist_ok=True)
        for year in REALISED:
            (real / f"{year}.yaml").write_text(
                realisasi_text(args.indikator, year, rng, per=10), "utf-8"
            )
    else:
        region(args.out, 40 if args.what == "regency" else 400, args.seed)
    print(f"written: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
