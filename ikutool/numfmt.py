"""Numbers the Indonesian way: decimal comma, thousands dot (1.234,56).

Reading is strict on purpose: a string is read the way an Indonesian reader means it, and anything
ambiguous ("2.75": neither a thousands group nor a decimal comma) is refused with a suggestion,
because a silently misread number would end up in an official report.

Formatting is written here rather than taken from babel: it is a dozen lines, fully tested, and
saves every command the cost of importing babel's locale data.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

_MINUS = "-\u2212\u2013"  # hyphen, minus sign, en dash (Excel and Word produce the last two)
_INDONESIAN = re.compile(
    rf"""^(?P<sign>[{_MINUS}+]?)
    (?P<int>\d{{1,3}}(?:\.\d{{3}})+|\d+)
    (?:,(?P<frac>\d+))?$""",
    re.VERBOSE,
)


class NumberFormatError(ValueError):
    """Text that is not a number in Indonesian format. ``message`` is in Bahasa Indonesia."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_angka(text: str) -> tuple[float, bool]:
    """Read ``text`` as an Indonesian number; returns ``(value, had_percent_sign)``.

    >>> parse_angka("1.234,5")
    (1234.5, False)
    >>> parse_angka("7,14 %")
    (7.14, True)
    """
    raw = text
    if len(text) > 400:  # bounded before any regular expression runs
        if text.strip().lstrip("+-").isdigit():
            raise NumberFormatError(f"angka '{text[:20]}...' terlalu besar (lebih dari 15 digit)")
        raise NumberFormatError(
            f"'{text[:20]}...' terlalu panjang untuk sebuah angka; tulis angka seperti 2750 atau '6,5'"
        )
    s = text.strip().replace("\u00a0", " ")
    percent = s.endswith("%")
    if percent:
        s = s[:-1].rstrip()
    s = re.sub(r"^([-\u2212\u2013+])\s+", r"\1", s)  # "- 5" as typed in Excel
    m = _INDONESIAN.match(s)
    if not m:
        raise NumberFormatError(_explain(raw, s))
    digits = m.group("int").replace(".", "")
    frac = m.group("frac")
    if len(digits) > 15:
        raise NumberFormatError(f"angka '{raw[:20]}...' terlalu besar (lebih dari 15 digit)")
    value = float(f"{digits}.{frac}" if frac else digits)
    if m.group("sign") and m.group("sign") != "+":
        value = -value
    return value, percent


def _explain(raw: str, s: str) -> str:
    if re.fullmatch(r"[-\u2212]?\d+\.\d{1,2}|[-\u2212]?\d+\.\d{4,}", s):
        guess = s.replace(".", ",")
        return (
            f"'{raw}' bukan angka dalam format Indonesia: titik adalah pemisah ribuan. "
            f"Untuk pecahan desimal tulis '{guess}'."
        )
    if re.fullmatch(r"[-\u2212]?\d{1,3}(,\d{3})+(\.\d+)?", s):
        return (
            f"'{raw}' tampak seperti format Inggris (koma sebagai pemisah ribuan). "
            "Tulis dalam format Indonesia, mis. '1.234,5'."
        )
    if not s:
        return "nilai kosong; isi dengan angka, mis. 2750 atau '6,5'"
    return f"'{raw}' bukan angka; tulis angka seperti 2750, '1.234' atau '6,5'"


def to_decimal(value: float) -> Decimal:
    # str() of a float is its shortest round-tripping form, so 0.145 stays 0.145 and rounds
    # half-up to 0.15 as a person working by hand would.
    return Decimal(repr(value))


def format_angka(value: float | int | None, decimals: int | None = None, *, dash: str = "-") -> str:
    """Format ``value`` in Indonesian style.

    ``decimals=None`` keeps every significant digit (exact, for round trips and targets);
    an integer rounds half-up to that many places and always shows them (for capaian).
    """
    if value is None:
        return dash
    if isinstance(value, float) and not math.isfinite(value):
        return "tak hingga" if not math.isnan(value) else "bukan angka"
    d = to_decimal(float(value)) if isinstance(value, float) else Decimal(value)
    # enough precision for any finite float (10^308 has 309 digits): quantize never fails
    with localcontext(prec=400):
        if decimals is not None:
            d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
            text = f"{abs(d):f}"
        else:
            text = f"{abs(d):f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
    int_part, _, frac = text.partition(".")
    grouped = f"{int(int_part):,}".replace(",", ".")
    out = grouped + ("," + frac if frac else "")
    negative = d < 0 and any(c not in "0.," for c in out)
    return ("-" if negative else "") + out


def format_persen(value: float | None, decimals: int = 2, *, dash: str = "-") -> str:
    """``91.6666`` -> ``"91,67 %"``."""
    if value is None:
        return dash
    return f"{format_angka(value, decimals)} %"
