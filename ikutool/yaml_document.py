"""A YAML file read into plain data with the line and column of every value (the result of
:mod:`ikutool.yaml_reader`): :class:`Document` answers "where in the file is this path?", for
findings located at the value (or its key) the user wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ikutool.errors import Finding, Severity

PathT = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Loc:
    line: int  # 1-based
    column: int  # 1-based
    raw: str | None = None  # the scalar's text as written, for messages
    quoted: bool = False


class _Mark:
    """Where one value is, and (for a collection) where its children are; parallel to the data."""

    __slots__ = ("line", "column", "raw", "quoted", "kids", "key_line", "key_column", "key_raw")

    def __init__(self, line: int, column: int, raw: str | None = None, quoted: bool = False):
        self.line = line
        self.column = column
        self.raw = raw
        self.quoted = quoted
        self.kids: dict[Any, _Mark] | list[_Mark] | None = None
        self.key_line = 0
        self.key_column = 0
        self.key_raw = ""


@dataclass
class Document:
    """The data of one YAML file plus the location of each value and each mapping key."""

    file: str
    data: Any
    marks: _Mark | None = None
    findings: list[Finding] = field(default_factory=list)

    def _walk(self, path: PathT) -> tuple[PathT, _Mark | None]:
        known: PathT = ()
        mark = self.marks
        for seg in path:
            kids = mark.kids if mark is not None else None
            child = None
            if isinstance(kids, dict):
                child = kids.get(seg)
                if child is None and isinstance(seg, str) and seg.isdigit():
                    child = kids.get(int(seg))
                    seg = int(seg) if child is not None else seg
            elif isinstance(kids, list) and isinstance(seg, int) and 0 <= seg < len(kids):
                child = kids[seg]
            if child is None:
                continue  # a segment pydantic added of its own: skip it
            known = (*known, seg)
            mark = child
        return known, mark

    def resolve(self, path: PathT, *, at_key: bool = False) -> tuple[PathT, Loc | None]:
        """The deepest known part of ``path`` and its location (of the key, with ``at_key``)."""
        known, mark = self._walk(path)
        if mark is None:
            return known, None
        if at_key and known and mark.key_line:
            return known, Loc(mark.key_line, mark.key_column)
        return known, Loc(mark.line, mark.column, mark.raw, mark.quoted)

    def finding(
        self,
        code: str,
        message: str,
        path: PathT,
        *,
        severity: Severity = Severity.ERROR,
        at_key: bool = False,
        column_offset: int | None = None,
    ) -> Finding:
        known, loc = self.resolve(path, at_key=at_key)
        # Keep the path as the user would name it, even when a part of it is missing in the file.
        shown = format_path(path if len(path) >= len(known) else known)
        line = loc.line if loc else None
        col = loc.column if loc else None
        if loc and column_offset is not None and known == path:
            col = loc.column + column_offset + (1 if loc.quoted else 0)
        return Finding(code, message, severity, self.file, line, col, shown or None, path)


def line_of(doc: Document | None, path: PathT, *, at_key: bool = False) -> int | None:
    """The line of ``path`` in ``doc`` (of its key, with ``at_key``), or None: for a report that
    points at a place in a file without raising a finding there."""
    if doc is None:
        return None
    _, loc = doc.resolve(path, at_key=at_key)
    return loc.line if loc is not None else None


def format_path(path: PathT) -> str:
    """``("sasaran", 2, "indikator", 1, "target", 2019)`` -> ``sasaran[2].indikator[1].target.2019``.

    Small integers are list positions; four-digit ones are years (mapping keys).
    """
    out = ""
    for seg in path:
        if isinstance(seg, int) and seg < 1000:
            out += f"[{seg}]"
        else:
            out += ("." if out else "") + str(seg)
    return out
