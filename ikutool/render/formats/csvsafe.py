"""CSV that Excel opens without running anything (issue 23).

Excel and LibreOffice read a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (and tab or
CR, which some versions strip first) as a formula: ``=HYPERLINK(...)`` or a DDE payload in an
agency's indicator text would be live on the evaluator's machine. Every CSV the tool writes goes
through :func:`writer`, which writes such text with a leading ``'`` (the OWASP CSV-injection
rule), so it is shown as text. Numbers stay numbers: ``-5.25`` is not touched.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?inf|nan")


def inert(cell: Any) -> Any:
    """``cell`` as a CSV value that no spreadsheet evaluates."""
    if isinstance(cell, str) and cell.startswith(TRIGGERS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class _Writer:
    def __init__(self, stream: Any) -> None:
        self._w = csv.writer(stream, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._w.writerow([inert(c) for c in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream: Any) -> _Writer:
    """A ``csv.writer`` (newline line ends) whose every text cell is inert."""
    return _Writer(stream)
