"""The widths of a Word table's columns, measured from their text as LibreOffice and Word break it
(at spaces, and in a printed form also after a slash), on A4 or F4: no amount ever wrapped, no
header clipped, narrow columns never squeezed."""

from __future__ import annotations

import re
from typing import Any, assert_never

from ikutool.render.blocks import (
    Angka,
    Run,
    text_of,
)

PAD_MM = 4.5  # a cell's left and right margins (LibreOffice's default 0,19 cm each, and a bit)
PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}  # F4: the folio Indonesian offices print on
FORM_MARGIN_MM = 15  # a landscape form's left and right page margins
NARROW_MM = 16.0  # a column this narrow is never squeezed


_WORD = re.compile(r"\S+")  # LibreOffice breaks lines at spaces only (not after "/")
_SLASH = re.compile(r"(?<=/)(?=[^\s/])")  # in a printed form: also after a slash


def form_breaks(text: str) -> str:
    """A printed form's cell text with a line break allowed after each slash, as after a space
    ("Kop/KSP/USP/UMKM" in a narrow column): a zero-width space, which Word and LibreOffice
    (Writer and Calc) break at and print as nothing."""
    return _SLASH.sub("\u200b", text)


def _form_breaks(run: Run) -> Run:
    """:func:`form_breaks` in a cell's text; a figure stays whole."""
    match run:
        case str():
            return form_breaks(run)
        case Angka():
            return run
        case (text, kind):
            return (form_breaks(text), kind)
        case _:
            assert_never(run)


def _words(text: str, form: bool) -> list[str]:
    """The pieces of ``text`` a line never breaks inside."""
    words = _WORD.findall(text)
    return [p for w in words for p in _SLASH.split(w)] if form else words


def _text_mm(word: str, points: float, bold: bool = False) -> float:
    """A word's width in a serif face (Times New Roman) at ``points``: capitals are wider than
    small letters, digits and punctuation narrower, M and W the widest (0,89 and 0,94 em: "UMKM"
    at 7 pt is 8 mm) (measured at 9 pt, scaled)."""
    mm = 0.0
    for ch in word:
        if ch in "MW":
            mm += 2.85
        elif ch in "mw":
            mm += 2.2
        elif ch.isupper():
            mm += 2.25
        elif ch.islower():
            mm += 1.6
        elif ch.isdigit():
            mm += 1.6
        else:
            mm += 1.2
    return mm * points / 9 * (1.1 if bold else 1.0)


def _floors(
    header: list[str],
    texts: list[list[str]],
    points: float,
    pad: float = PAD_MM,
    form: bool = False,
) -> list[float]:
    """Each column's least width at a font size: its longest word (header in bold; an amount
    whole; in a ``form``, the longest piece between slashes) and the cell's margins."""
    return [
        max(
            max((_text_mm(w, points, bold=True) for w in _words(head, form)), default=1.0),
            max((_text_mm(w, points) for t in col for w in _words(t, form)), default=1.0),
        )
        + pad
        for head, col in zip(header, texts, strict=True)
    ]


def _group_floors(
    floor: list[float], groups: list[tuple[str, int]], points: float, pad: float
) -> list[float]:
    """A printed form's group headers ("Realisasi ... tahun ke-5 (2020)") over their columns:
    the columns of a group together as wide as its longest word, however empty they are."""
    out = list(floor)
    j = 0
    for text, span in groups:
        need = max((_text_mm(w, points, bold=True) for w in _words(text, True)), default=0.0)
        have = sum(out[j : j + span])
        if need + pad > have:
            for k in range(j, min(j + span, len(out))):
                out[k] += (need + pad - have) / span
        j += span
    return out


FORM_PAD_MM = 1.2  # a printed form's cell margins (0,6 mm each side: its 25 columns need the room)
_FIGURE_CELL = re.compile(r"^-?[\d.,]+( %)?$")  # one amount or figure: never broken over lines


def _measured(
    header: list[str], rows: list[list[Any]], bold_rows: set[int] | frozenset[int]
) -> tuple[list[list[str]], list[str]]:
    """Each column's texts, and what is measured in bold: its header and its bold rows' words."""
    texts = [[text_of(r[j]) for r in rows if j < len(r)] for j in range(len(header))]
    bold = [" ".join([h, *(text_of(rows[i][j]) for i in sorted(bold_rows) if j < len(rows[i]))])
            for j, h in enumerate(header)]  # fmt: skip
    return texts, bold


def table_layout(
    header: list[str],
    rows: list[list[Any]],
    total_mm: float,
    *,
    form: bool = False,
    least_points: float | None = None,
    groups: list[tuple[str, int]] | None = None,
    bold_rows: set[int] | frozenset[int] = frozenset(),
) -> tuple[list[float], float]:
    """Column widths (mm) and the font size (pt) of a table: 9 pt, or 8 or 7,5 pt (down to
    ``least_points`` for a printed ``form``'s 25 columns: 7 pt on F4, 5,5 pt on A4) when the
    longest words do not fit the page at 9; every column at least as wide as its longest word,
    its header's words included (so no word is split: "No" never becomes "N/o"), a form's
    ``groups`` (the header row above, (text, span)) as wide as their longest words, an amount at
    least as wide as the whole amount (it never wraps inside the number), the rest shared by how
    much text each column carries (``bold_rows`` measured in bold). Word and LibreOffice would
    otherwise split the page evenly."""
    texts, bold = _measured(header, rows, bold_rows)
    least = least_points if least_points is not None else 5.5
    sizes = [s for s in (9.0, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5) if s >= least] if form else [9, 8, 7.5]
    pad = FORM_PAD_MM if form else PAD_MM
    for points in sizes:  # the largest size whose longest words fit the page
        floor = _floors(bold, texts, points, pad, form)
        if groups:
            floor = _group_floors(floor, groups, points, pad)
        if sum(floor) <= total_mm:
            break
    weight = [
        max(sum(len(t) for t in [head, *col]) / (len(col) + 1), 1)
        for head, col in zip(header, texts, strict=True)
    ]
    spare = total_mm - sum(floor)
    if spare < 0:
        # even the longest words do not fit: amounts and narrow columns keep their width, the
        # columns of words share what is left (their longest words wrap)
        fixed = [
            f if f <= NARROW_MM or all(_FIGURE_CELL.match(x) for x in col if x) else 0.0
            for f, col in zip(floor, texts, strict=True)
        ]
        wide = sum(f for f, k in zip(floor, fixed, strict=True) if not k) or 1.0
        room = max(total_mm - sum(fixed), 0.0)
        widths = [k or f * room / wide for k, f in zip(fixed, floor, strict=True)]
    else:
        widths = [f + spare * w / sum(weight) for f, w in zip(floor, weight, strict=True)]
    return widths, points
