"""The four quarters (triwulan) and how quarterly values make a year (docs/domain.md, "Quarters").

Quarter -> year is a rule per indicator, never a guess: ``kumulatif`` (sum; counts, rupiah),
``akhir`` (the last reported quarter; progress and status), ``rata_rata`` (the mean). A share, an
index, a ratio or a predikat has no rule unless one is written: summing it is nonsense.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from ikutool import lazyre
from ikutool.errors import Finding
from ikutool.model.validation import clip
from ikutool.yaml_reader import Document, PathT

QUARTERS = ("I", "II", "III", "IV")
_QUARTER_ALIASES = {
    "1": "I",
    "2": "II",
    "3": "III",
    "4": "IV",
    "TW1": "I",
    "TW2": "II",
    "TW3": "III",
    "TW4": "IV",
}


# the quarters an indicator is measured in, by its frequency (docs/domain.md, "Quarters"): an annual
# indicator (APM, an index, a predikat) has one value a year, reported at TW IV
MEASURED = {
    "tahunan": ("IV",),
    "semesteran": ("II", "IV"),
    "triwulanan": QUARTERS,
    "bulanan": QUARTERS,
}
QUARTER_END = {"I": (3, 31), "II": (6, 30), "III": (9, 30), "IV": (12, 31)}


def measured_quarters(frekuensi: str | None) -> tuple[str, ...]:
    """The quarters an indicator of ``frekuensi`` has a value in (every quarter when unsaid)."""
    return MEASURED.get(frekuensi or "triwulanan", QUARTERS)


def quarter_end(tahun: int, tw: str) -> date:
    """The last day of quarter ``tw``: the day a quarter's PK in force is read on."""
    month, day = QUARTER_END[tw]
    return date(tahun, month, day)


def quarter_name(text: str) -> str | None:
    """``"II"``, ``"2"``, ``"tw2"`` -> ``"II"``; None when it is not a quarter."""
    name = _QUARTER_ALIASES.get(text.strip().upper(), text.strip().upper())
    return name if name in QUARTERS else None


# what must not be summed over quarters without a rule: a share, a level, a grade
_INTENSIVE_UNITS = lazyre.compile(r"^(indeks|skor|nilai|poin|rasio|predikat|rata)", re.IGNORECASE)


def rule_for(agregasi: str | None, comp: Any) -> str | None:
    """The quarter rule of a quantity shaped like ``comp`` (a target component): the written
    ``agregasi`` first; else counts and rupiah add up, and a share, level or grade has none."""
    if agregasi is not None:
        return agregasi
    if comp is None:
        return "kumulatif"
    if comp.persen or comp.jenis in ("rasio", "predikat") or _INTENSIVE_UNITS.match(comp.satuan):
        return None
    return "kumulatif"


def aggregate(rule: str, series: list[float]) -> float:
    """The year (or the part of it so far) from quarterly values in calendar order, by ``rule``."""
    if rule == "kumulatif":
        return math.fsum(series)
    if rule == "akhir":
        return series[-1]
    return math.fsum(series) / len(series)


RULE_TEXT = {
    "kumulatif": "kumulatif, dijumlah",
    "akhir": "akhir, nilai triwulan terakhir",
    "rata_rata": "rata-rata triwulan",
}


def quarter_keys(
    doc: Document, raw: Any, path: PathT, findings: list[Finding]
) -> list[tuple[str, Any]]:
    """``(TW name, original key)`` of a per-quarter mapping; an unknown quarter located (IKU302),
    a quarter written twice ("2" and "II") located too (IKU104)."""
    out: list[tuple[str, Any]] = []
    if not isinstance(raw, dict):
        return out
    seen: dict[str, Any] = {}
    for key in raw:
        name = quarter_name(str(key))
        if name is None:
            findings.append(
                doc.finding(
                    "IKU302",
                    f"triwulan '{clip(str(key))}' tidak ada; pakai I, II, III atau IV",
                    (*path, key),
                    at_key=True,
                )
            )
            continue
        if name in seen:
            findings.append(
                doc.finding(
                    "IKU104",
                    f"triwulan {name} ditulis dua kali ('{seen[name]}' dan '{key}'); sisakan satu",
                    (*path, key),
                    at_key=True,
                )
            )
            continue
        seen[name] = key
        out.append((name, key))
    out.sort(key=lambda item: QUARTERS.index(item[0]))
    return out
