"""How a figure reads for a person, in one place (every document and format goes through here).

- a target or a realisasi in its own form: a predikat as its label (``BB``), a ratio as ``1:24``,
  money as ``Rp 1.234.567``, a one-sided target as written (``maksimal 3 hari``), a number with
  its unit (``2.750 UMKM``, ``7,14 %``), a note in parentheses kept;
- money always ``Rp 1.234.567`` (or ``1.234.567`` under a column headed "(Rp)"), never
  ``1.234.567 Rp``;
- a percentage ``91,67 %`` (or ``91,67`` under a column headed "(%)");
- one mark for a missing figure, :data:`MISSING`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ikutool.formatting.numbers import format_angka

MISSING = "-"  # a figure that is not there (no target, no realisasi yet, an empty sum)


def angka(value: float | None, decimals: int | None = None) -> str:
    """A plain number: every significant digit, or ``decimals`` places."""
    return MISSING if value is None else format_angka(value, decimals)


def rupiah(value: float | None, *, unit: bool = True) -> str:
    """``Rp 1.234.567`` (``Rp 1.234.567,50`` for a fraction); ``unit=False`` under a column that
    says "(Rp)"."""
    if value is None:
        return MISSING
    text = format_angka(value, 0 if float(value).is_integer() else 2)
    return f"Rp {text}" if unit else text


def persen(value: float | None, *, unit: bool = True, decimals: int = 2) -> str:
    """``91,67 %``; ``unit=False`` under a column that says "(%)"."""
    if value is None:
        return MISSING
    text = format_angka(value, decimals)
    return f"{text} %" if unit else text


def besaran(
    value: float | None,
    satuan: str = "",
    *,
    jenis: str = "angka",
    skala: Sequence[str] | None = None,
    rasio_dari: float | None = None,
    maks: float | None = None,
    rerata: bool = False,
) -> str:
    """One quantity in its target's form: ``BB`` (a rank on ``skala``), ``1:24``,
    ``Rp 1.200.000.000``, ``2.750 UMKM``, ``80-90 %``. ``rerata``: a computed mean (two decimals
    at most, like every mean)."""
    if value is None:
        return MISSING
    if jenis == "predikat":
        if skala and float(value).is_integer() and 1 <= value <= len(skala):
            return skala[int(value) - 1]
        return format_angka(value)
    if jenis == "rupiah":
        return rupiah(value)
    if jenis == "rasio":
        first = rasio_dari or 1.0
        text = f"{format_angka(first)}:{format_angka(value * first)}"
        return f"{text} {satuan}".rstrip()
    text = format_angka(value, max_decimals=2) if rerata else format_angka(value)
    if maks is not None:
        text += "-" + format_angka(maks)
    if satuan == "%":
        return text + " %"
    return f"{text} {satuan}".rstrip()


def dengan_catatan(text: str, catatan: str | None) -> str:
    """A target with the note its document wrote in parentheses ("100 % (Rp 1.500.000.000)")."""
    return f"{text} ({catatan})" if catatan and text != MISSING else text
