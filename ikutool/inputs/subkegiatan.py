"""Sub kegiatan of a program file: the kegiatan's money from its sub kegiatan, by the one money
rule (DOMAIN.md): a kegiatan's Rp is its own where written, else the sum of its sub kegiatan; a
sum with an empty member stays empty and names the member missing (never a partial sum shown as
the whole); a sub kegiatan whose pagu is above its kegiatan's, or sub kegiatan whose pagu add up
to more than it, is said where it is written.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ikutool.errors import Finding, Severity
from ikutool.inputs.realisasi import QUARTERS
from ikutool.model.validation import clip

if TYPE_CHECKING:
    from ikutool.inputs.program import Kegiatan
    from ikutool.yaml_reader import Document, PathT

W = Severity.WARNING
_SLACK = 1 + 1e-12


def _rp(value: float) -> str:
    from ikutool.formatting.numbers import format_angka

    return f"Rp {format_angka(value)}"


def _name(k: Kegiatan) -> str:
    return f"{k.kode} {clip(k.nama, 50)}" if k.kode else clip(k.nama, 50)


def roll_up(doc: Document, kegiatan: Kegiatan, subs: list[Kegiatan], where: PathT) -> list[Finding]:
    """Fill ``kegiatan``'s pagu and quarterly realisasi from ``subs`` where it writes none, and
    the findings about their pagu against the kegiatan's."""
    out: list[Finding] = []
    uang = kegiatan.uang
    own = uang.pagu
    missing = [_name(s) for s in subs if s.uang.pagu is None]
    total = math.fsum(s.uang.pagu for s in subs if s.uang.pagu is not None)
    if own is None:
        if missing:
            uang.pagu_kosong = missing  # empty: not the total of some
        else:
            uang.pagu = total
    else:
        over = [
            (j, s)
            for j, s in enumerate(subs)
            if s.uang.pagu is not None and s.uang.pagu > own * _SLACK
        ]
        for j, s in over:
            assert s.uang.pagu is not None
            out.append(
                doc.finding(
                    "IKU314",
                    f"pagu sub kegiatan {_name(s)} ({_rp(s.uang.pagu)}) melebihi pagu kegiatannya "
                    f"{_name(kegiatan)} ({_rp(own)}); sub kegiatan adalah bagian dari kegiatan: "
                    "periksa kedua angkanya",
                    (*where, "sub_kegiatan", j, "pagu"),
                    severity=W,
                )
            )
        if not over and total > own * _SLACK:
            out.append(
                doc.finding(
                    "IKU314",
                    f"pagu sub kegiatan {_name(kegiatan)} berjumlah {_rp(total)}, lebih dari pagu "
                    f"kegiatannya ({_rp(own)}); periksa angkanya",
                    (*where, "pagu"),
                    severity=W,
                )
            )
    if not uang.realisasi_tw and uang.realisasi_tahun is None:
        for q in QUARTERS:
            values = [s.uang.realisasi_tw.get(q) for s in subs]
            if any(v is not None for v in values) and all(v is not None for v in values):
                uang.realisasi_tw[q] = math.fsum(v for v in values if v is not None)
    return out
