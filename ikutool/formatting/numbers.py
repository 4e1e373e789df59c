"""Numbers (and dates) the Indonesian way: decimal comma, thousands dot (1.234,56); 1 Juli 2020.

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

from ikutool import lazyre

_MINUS = "-\u2212\u2013"  # hyphen, minus sign, en dash (Excel and Word produce the last two)
_INDONESIAN = lazyre.compile(
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


SIGNIFICANT = 15  # every figure a person types fits (the model refuses longer numbers)
SETTLE_DECIMALS = 9  # far below anything displayed, far above binary noise on a capaian


def to_decimal(value: float) -> Decimal:
    """The value as a person means it: at most 15 significant digits, so binary noise
    (``6.229999999999997`` from 12.23 - 6, ``0.30000000000000004``) is gone before anything is
    rounded or shown, while every number a person typed keeps all its digits. 0.145 stays 0.145
    and rounds half-up to 0.15, as by hand."""
    return Decimal(f"{value:.{SIGNIFICANT}g}")


def settled_figure(value: float) -> float:
    """A computed figure as it is stored (57 for 0,57 x 100, not 56,99999999999999): the float
    nearest its 15 significant digits."""
    return float(to_decimal(value))


def settled(value: float) -> float:
    """The value every comparison with a band edge or threshold is made on (kategori, efisiensi,
    proyeksi, "di bawah 100 %"): the figure as a person computes it, without the float noise of
    the machine's arithmetic. (75 + 125) / 2 is 100, and 12,23 - 7,23 is 5, exactly; a real
    difference of 0,000001 still counts."""
    return round(value, SETTLE_DECIMALS) + 0.0  # + 0.0: no negative zero


def format_angka(
    value: float | int | None,
    decimals: int | None = None,
    *,
    dash: str = "-",
    max_decimals: int | None = None,
) -> str:
    """Format ``value`` in Indonesian style: the one function every figure is shown through.

    ``decimals=None`` keeps every significant digit (exact, for round trips and targets);
    an integer rounds half-up to that many places and always shows them (for capaian);
    ``max_decimals`` rounds half-up to at most that many and drops trailing zeros (a computed
    quantity such as a difference: ``150``, ``6,23``, ``0,7``).
    """
    if value is None:
        return dash
    if isinstance(value, float) and not math.isfinite(value):
        return "tak hingga" if not math.isnan(value) else "bukan angka"
    d = to_decimal(float(value)) if isinstance(value, float) else Decimal(value)
    # enough precision for any finite float (10^308 has 309 digits): quantize never fails
    with localcontext(prec=400):
        places = decimals if decimals is not None else max_decimals
        if places is not None:
            d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{abs(d):f}"
        if decimals is None and "." in text:
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


BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
]  # fmt: skip


def tanggal(iso: str) -> str:
    """``2020-07-01`` -> ``1 Juli 2020``."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {BULAN[m - 1]} {y}"
