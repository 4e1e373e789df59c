#!/usr/bin/env python3
"""A synthetic agency with a pohon kinerja of N nodes (SINTETIS, not any agency's data): sasaran,
each with three programs, each with two kegiatan, each with two sub kegiatan, until N nodes.

    python benchmarks/make_pohon.py FOLDER --simpul 2000     # a workspace to run iku pohon in
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

YEARS = range(2021, 2027)


def _targets(base: int) -> str:
    return "{" + ", ".join(f'{y}: "{base + i} %"' for i, y in enumerate(YEARS)) + "}"


def texts(n: int) -> tuple[str, str]:
    """(iku.yaml, pohon.yaml) of an agency whose tree has ``n`` nodes."""
    per_sasaran = 1 + 3 * (1 + 2 * (1 + 2))  # a sasaran's subtree: 1 + 3 x (1 + 2 x 3) = 22
    n_sasaran = max(1, -(-n // per_sasaran))
    iku = ["# SINTETIS", "instansi: {nama: Dinas Sintetis}", "periode: {awal: 2021, akhir: 2026}",
           "sasaran:"]  # fmt: skip
    tree = ["# SINTETIS", "instansi: SINTETIS", "pejabat:",
            "  - {kode: kadis, jabatan: Kepala Dinas Sintetis, eselon: II, nama: Kepala Sintetis}"]  # fmt: skip
    nodes: list[str] = []
    for s in range(1, n_sasaran + 1):
        iku += [f"  - kode: S{s}", f"    uraian: Meningkatnya hasil sintetis nomor {s}",
                "    indikator:",
                f"      - {{kode: S{s}.1, uraian: Persentase hasil sintetis {s}, target: {_targets(s)}}}"]  # fmt: skip
        tree.append(
            f"  - {{kode: kabid-{s}, jabatan: Kepala Bidang {s}, eselon: III, atasan: kadis}}"
        )
        tree.append(
            f"  - {{kode: kasi-{s}, jabatan: Kepala Seksi {s}, eselon: IV, atasan: kabid-{s}}}"
        )
        nodes.append(f"  - {{kode: S{s}, pemilik: kadis, mendukung: SR1}}")
        for p in range(1, 4):
            pk = f"P{s}.{p}"
            nodes.append(
                f"  - {{kode: {pk}, level: program, induk: S{s}, pemilik: kabid-{s}, "
                f"uraian: Program sintetis {pk} untuk peningkatan hasil, indikator: "
                f"[{{kode: {pk}.a, uraian: Persentase keluaran program {pk}, target: {_targets(p)}}}]}}"
            )
            for k in range(1, 3):
                kk = f"{pk}.{k}"
                nodes.append(
                    f"  - {{kode: {kk}, level: kegiatan, induk: {pk}, pemilik: kasi-{s}, "
                    f"uraian: Kegiatan sintetis {kk}, indikator: [{{kode: {kk}.a, "
                    f"uraian: Jumlah keluaran kegiatan {kk}, target: {_targets(10)}}}]}}"
                )
                for u in range(1, 3):
                    uk = f"{kk}.{u}"
                    nodes.append(
                        f"  - {{kode: {uk}, level: sub_kegiatan, induk: {kk}, pemilik: kasi-{s}, "
                        f"uraian: Sub kegiatan sintetis {uk}, indikator: [{{kode: {uk}.a, "
                        f"uraian: Jumlah keluaran sub kegiatan {uk}, target: {_targets(5)}}}]}}"
                    )
    tree.append("pohon:")
    tree += nodes[:n]
    return "\n".join(iku) + "\n", "\n".join(tree) + "\n"


def make_workspace_tree(n: int) -> tuple[Any, Any]:
    """The IKU and the tree of ``n`` nodes, read (for tests)."""
    from ikutool.definition.load import iku_from_document
    from ikutool.inputs.pohon import pohon_from_document
    from ikutool.yaml_reader import parse_yaml_text

    iku_text, tree_text = texts(n)
    iku = iku_from_document(parse_yaml_text(iku_text, "iku.yaml")).iku
    return iku, pohon_from_document(parse_yaml_text(tree_text, "pohon.yaml"), iku)


def write(folder: Path, n: int) -> None:
    iku_text, tree_text = texts(n)
    (folder / "pohon").mkdir(parents=True, exist_ok=True)
    (folder / "ikutool.yaml").write_text("# SINTETIS\niku: iku.yaml\n", "utf-8")
    (folder / "iku.yaml").write_text(iku_text, "utf-8")
    (folder / "pohon" / "pohon.yaml").write_text(tree_text, "utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--simpul", type=int, default=200)
    args = parser.parse_args()
    write(args.folder, args.simpul)
