#!/usr/bin/env python3
"""Reading a filled realisasi workbook: openpyxl (what iku uses) against python-calamine (if
installed), on a synthetic IKU of N indicators. Prints medians of several runs.

    python benchmarks/bench_impor.py --indikator 2000 --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic_iku(n: int) -> str:
    lines = ["# SINTETIS - bukan IKU instansi mana pun", "instansi: {nama: Dinas Sintetis}",
             "periode: {awal: 2020, akhir: 2024}", "sasaran:"]  # fmt: skip
    for s in range(n // 10):
        lines += [f"  - kode: S{s + 1}", f"    uraian: Sasaran {s + 1}", "    indikator:"]
        for i in range(10):
            lines.append(
                f"      - {{kode: S{s + 1}.{i + 1}, uraian: Indikator {s + 1}.{i + 1}, "
                "target: {2021: '100 unit, 50 %'}}"
            )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--indikator", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from ikutool.definition.load import iku_from_document
    from ikutool.excel.template import realisasi_template_xlsx
    from ikutool.excel.workbook import read_workbook
    from ikutool.yaml_reader import parse_yaml_text

    iku = iku_from_document(parse_yaml_text(synthetic_iku(args.indikator), "iku.yaml")).iku
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.xlsx"
        start = time.perf_counter()
        path.write_bytes(realisasi_template_xlsx(iku, 2021, None))
        print(f"template, {args.indikator} indikator ({2 * args.indikator} baris): "
              f"{time.perf_counter() - start:.2f} s, {path.stat().st_size // 1024} KiB")  # fmt: skip
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            read_workbook(path, "r.xlsx", iku, 2021)
            times.append(time.perf_counter() - start)
        print(f"iku (openpyxl, every cell checked): median {statistics.median(times):.2f} s")
        try:
            from python_calamine import CalamineWorkbook
        except ImportError:
            print("python-calamine not installed: pip install python-calamine to compare")
            return 0
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            wb = CalamineWorkbook.from_path(str(path))
            for name in wb.sheet_names:
                wb.get_sheet_by_name(name).to_python()
            times.append(time.perf_counter() - start)
        print(f"python-calamine, values only (no formats, no merged ranges): "
              f"median {statistics.median(times):.2f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
