"""Money of one program, kegiatan or sub kegiatan, and the one rule for sums (docs/domain.md, "Money
sums"): a node's Rp is its own where written, else the sum of its children; a sum with an empty
member stays empty and names the member missing (a partial sum is never shown as the whole).

The children stand for the node only when they are the whole of it: the node writes no pagu, or
its pagu is their pagu's sum. A program whose pagu is larger than its kegiatan's (some of its
kegiatan are not listed) never takes a figure from them. Rupiah of one node always add up over
its quarters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ikutool.model.quarters import QUARTERS


@dataclass(frozen=True)
class Jumlah:
    """A money figure, or why there is none: the members of a sum that have no figure."""

    nilai: float | None
    kurang: tuple[str, ...] = ()


def total(parts: list[tuple[str, float | None]]) -> Jumlah:
    """The sum of ``(name, value)``: empty (naming the empty members) when one is empty."""
    missing = tuple(name for name, value in parts if value is None)
    if not parts or missing:
        return Jumlah(None, missing)
    return Jumlah(math.fsum(v for _, v in parts if v is not None))


@dataclass
class Uang:
    pagu: float | None = None
    pagu_renstra: float | None = None
    sd_tahun_lalu: float | None = None
    realisasi_tw: dict[str, float] = field(default_factory=dict)  # as written, per quarter
    realisasi_tahun: float | None = None  # written as one figure (no quarters)
    # the children (kegiatan of a program, sub kegiatan of a kegiatan), by name: they make the
    # figures the node does not write itself
    bagian: list[tuple[str, Uang]] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        """The children are the whole of the node (see the module's rule)."""
        if not self.bagian:
            return False
        if self.pagu is None:
            return True
        theirs = total([(n, u.field("pagu")) for n, u in self.bagian]).nilai
        return theirs is not None and abs(theirs - self.pagu) <= 1e-9 * max(1.0, abs(self.pagu))

    @property
    def own_realisasi(self) -> bool:
        return bool(self.realisasi_tw) or self.realisasi_tahun is not None

    def _field(self, name: str) -> Jumlah:
        own = getattr(self, name)
        if own is not None or not self.covered:
            return Jumlah(own)
        return total([(n, u.field(name)) for n, u in self.bagian])

    def field(self, name: str) -> float | None:
        """``pagu``, ``pagu_renstra`` or ``sd_tahun_lalu``: its own, else its children's sum."""
        return self._field(name).nilai

    def kurang_field(self, name: str) -> tuple[str, ...]:
        return self._field(name).kurang

    def _quarter(self, q: str) -> Jumlah:
        if self.own_realisasi or not self.covered:
            return Jumlah(self.realisasi_tw.get(q))
        return total([(n, u.quarter(q)) for n, u in self.bagian])

    def quarter(self, q: str) -> float | None:
        """The Rp of quarter ``q`` (None: not reported, or a child has not reported it)."""
        return self._quarter(q).nilai

    def kurang_quarter(self, q: str) -> tuple[str, ...]:
        return self._quarter(q).kurang

    def _sd(self, tw: str) -> Jumlah:
        if self.own_realisasi or not self.covered:
            if self.realisasi_tahun is not None:
                return Jumlah(self.realisasi_tahun if tw == "IV" else None)
            upto = QUARTERS.index(tw)
            values = [v for q, v in self.realisasi_tw.items() if QUARTERS.index(q) <= upto]
            return Jumlah(math.fsum(values) if values else None)
        return total([(n, u.sd(tw)) for n, u in self.bagian])

    def sd(self, tw: str = "IV") -> float | None:
        """Rp spent up to ``tw`` (the year at TW IV)."""
        return self._sd(tw).nilai

    def kurang_sd(self, tw: str = "IV") -> tuple[str, ...]:
        """The children whose Rp up to ``tw`` is missing, so the node's is empty."""
        return self._sd(tw).kurang
