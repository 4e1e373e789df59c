"""Sub kegiatan of a program file, checked against their kegiatan: a sub kegiatan whose pagu is
above its kegiatan's, or sub kegiatan whose pagu add up to more than it, is said where it is
written. The kegiatan's money from its sub kegiatan follows the one money rule
(:mod:`ikutool.model.uang`: ``Kegiatan.linked``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ikutool.errors import Finding, Severity
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
    """The findings about ``subs``' pagu against their kegiatan's own."""
    out: list[Finding] = []
    own = kegiatan.uang.pagu
    total = math.fsum(s.uang.pagu for s in subs if s.uang.pagu is not None)
    if own is not None:
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
    return out
