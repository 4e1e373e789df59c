"""YAML events into plain data and marks (:class:`~ikutool.yaml_document.Document`), with an
explicit stack (no recursion) and YAML 1.2 core scalar rules of its own: ``no`` and
``2019-01-01`` stay text, ``2.750`` is read as a number and warned about, a duplicate key is
reported, an explicit tag refused. While the events stream in, nesting depth, the length of a
value and the values aliases produce (counted as they expand) are bounded."""

from __future__ import annotations

import math
from typing import Any

from ikutool import lazyre
from ikutool.errors import Finding, IkuError, Severity
from ikutool.formatting.numbers import format_angka
from ikutool.yaml_document import Document, PathT, _Mark, format_path

MAX_ALIAS_VALUES = 600_000  # values produced by aliases (*name), counted as they expand
MAX_DEPTH = 64
MAX_SCALAR = 20_000  # characters in one value (the model limits text fields much further)
MAX_INT_DIGITS = 18  # longer digit strings stay text, so they get a located "too large" message

_NULL = lazyre.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = lazyre.compile(r"^[-+]?[0-9]+$")
_FLOAT = lazyre.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = lazyre.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = lazyre.compile(r"^\.(?:nan|NaN|NAN)$")
_THOUSANDS_DOT = lazyre.compile(r"^[-+]?[0-9]{1,3}(?:\.[0-9]{3})+$")
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_NUMBER_START = frozenset("0123456789+-.~")
_YEARLIKE = lazyre.compile(r"^\+?[0-9]{1,18}$")
_SPECIAL_WORDS = frozenset({"null", "Null", "NULL", *_BOOL})


def events(text: str) -> Any:
    """libyaml's event stream (no composing, no resolving: :class:`_Builder` does both)."""
    try:  # libyaml through ruamel.yaml.clib: fast, and iterative (no recursion on nesting)
        from _ruamel_yaml import CParser
    except ImportError:  # pragma: no cover - clib missing on an unusual platform
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = CParser(text)
    try:
        while True:
            event = parser.get_event()
            yield event
            if type(event).__name__ == "StreamEndEvent":
                return
    finally:
        parser.dispose()


class _Builder:
    """Builds data and marks from events, with an explicit stack (no recursion)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0
        self.anchors: dict[str, tuple[Any, _Mark, int]] = {}
        self._stack: list[list[Any]] = []

    def _too_big(self, mark: Any, why: str) -> IkuError:
        return IkuError.single(
            "IKU105",
            why,
            file=self.doc.file,
            line=mark.line + 1,
            column=mark.column + 1,
        )

    def _expand(self, n: int, mark: Any) -> None:
        """Count what an alias expands to. The document's own values are bounded by
        MAX_EVENTS; only aliases can multiply them (the "billion laughs"), so only they are
        counted here, and the file is refused at the alias that crosses the budget."""
        self.count += n
        if self.count > MAX_ALIAS_VALUES:
            raise self._too_big(
                mark,
                f"alias &/* di berkas ini menghasilkan lebih dari {format_angka(MAX_ALIAS_VALUES)} "
                "nilai (dihitung setiap kali dipakai); berkas IKU dan realisasi tidak memerlukan "
                "alias, tulis nilainya langsung",
            )

    def build(self, events: Any) -> tuple[Any, _Mark | None]:
        from ruamel.yaml.events import (
            AliasEvent,
            DocumentStartEvent,
            MappingEndEvent,
            MappingStartEvent,
            ScalarEvent,
            SequenceEndEvent,
            SequenceStartEvent,
        )

        # stack frames: [container, mark, pending_key, pending_key_mark, size, anchor,
        # the mapping's keys that are whole numbers, by value (a year written two ways)]
        stack: list[list[Any]] = []
        self._stack = stack
        root: tuple[Any, _Mark | None] = (None, None)
        documents = 0
        for event in events:
            cls = event.__class__
            if cls is ScalarEvent:  # the common case first
                if event.tag is not None:
                    self._check_tag(event)
                value, vmark = self._scalar(event, stack)
                vsize = 1
                if event.anchor:
                    self.anchors[event.anchor] = (value, vmark, 1)
            elif cls is SequenceEndEvent or cls is MappingEndEvent:
                value, vmark, _, _, vsize, anchor, _ = stack.pop()
                if anchor:
                    self.anchors[anchor] = (value, vmark, vsize)
            elif cls is SequenceStartEvent or cls is MappingStartEvent:
                mark = event.start_mark
                if event.tag is not None:
                    self._check_tag(event)
                if len(stack) >= MAX_DEPTH:
                    raise self._too_big(
                        mark,
                        f"berkas terlalu dalam: lebih dari {MAX_DEPTH} tingkat daftar atau "
                        "pemetaan bersarang",
                    )
                cmark = _Mark(mark.line + 1, mark.column + 1)
                is_map = cls is MappingStartEvent
                cmark.kids = {} if is_map else []
                fresh: Any = {} if is_map else []
                stack.append([fresh, cmark, _NO_KEY, None, 1, event.anchor, None])
                continue
            elif cls is AliasEvent:
                mark = event.start_mark
                if event.anchor not in self.anchors:
                    raise IkuError.single(
                        "IKU103",
                        f"alias *{event.anchor} dipakai sebelum jangkar &{event.anchor} "
                        "didefinisikan",
                        file=self.doc.file,
                        line=mark.line + 1,
                        column=mark.column + 1,
                    )
                value, vmark, vsize = self.anchors[event.anchor]
                self._expand(vsize, mark)
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise IkuError.single(
                        "IKU103",
                        "berkas berisi lebih dari satu dokumen YAML ('---'); pakai satu saja",
                        file=self.doc.file,
                        line=event.start_mark.line + 1,
                        column=1,
                    )
                continue
            else:  # stream start and end, document end
                continue
            if not stack:
                root = (value, vmark)
                continue
            self._attach(stack[-1], value, vmark, vsize, event.start_mark)
        return root

    def _attach(self, frame: list[Any], value: Any, vmark: _Mark, size: int, mark: Any) -> None:
        """One finished value into the collection being built (``frame``): a list's next item,
        a mapping's next key, or the value of the key before it."""
        container, cmark, key, kmark = frame[0], frame[1], frame[2], frame[3]
        frame[4] += size
        if isinstance(container, list):
            container.append(value)
            cmark.kids.append(vmark)
            return
        if key is _NO_KEY:  # this value is a key
            frame[2], frame[3] = self._take_key(value, vmark)
            return
        frame[2], frame[3] = _NO_KEY, None
        if key is _SKIP:
            return
        duplicate = self._duplicate(frame, key, kmark)
        if duplicate is not None:
            self.doc.findings.append(duplicate)
            return
        container[key] = value
        if vmark.key_line:  # shared through an alias: give this place a mark of its own
            vmark = _copy_mark(vmark)
        vmark.key_line, vmark.key_column = kmark.line, kmark.column
        vmark.key_raw = _as_written(kmark, key)
        cmark.kids[key] = vmark

    def _take_key(self, value: Any, vmark: _Mark) -> tuple[Any, _Mark | None]:
        """A mapping key and its mark, or ``_SKIP`` (its value is dropped) for a key that is a
        collection or YAML's merge key ``<<``, said as a finding."""
        if vmark.kids is not None or isinstance(value, (dict, list)):
            self.doc.findings.append(
                Finding(
                    "IKU103",
                    "kunci pemetaan harus berupa teks sederhana, bukan daftar atau pemetaan",
                    Severity.ERROR,
                    self.doc.file,
                    vmark.line,
                    vmark.column,
                    None,
                )
            )
            return _SKIP, None
        if vmark.raw == "<<" and not vmark.quoted:
            self.doc.findings.append(
                Finding(
                    "IKU103",
                    "kunci gabungan YAML '<<' tidak dipakai di berkas ikutool: tulis setiap "
                    "kunci dan nilainya langsung di sini",
                    Severity.ERROR,
                    self.doc.file,
                    vmark.line,
                    vmark.column,
                    None,
                )
            )
            return _SKIP, None
        return self._key(value, vmark), vmark

    def _duplicate(self, frame: list[Any], key: Any, kmark: _Mark) -> Finding | None:
        """The finding for ``key`` when the mapping already has it (or the same whole number
        written another way), else None."""
        cmark = frame[1]
        same = self._same_number(frame, key, kmark)
        if same is not None:
            first = cmark.kids[same]
            return Finding(
                "IKU104",
                f"kunci {_as_written(kmark, key)} sama dengan kunci {first.key_raw} di baris "
                f"{first.key_line} (keduanya {int(str(key).lstrip('+'))}); YAML "
                "akan memakai salah satunya saja. Hapus atau gabungkan salah satunya.",
                Severity.ERROR,
                self.doc.file,
                kmark.line,
                kmark.column,
                format_path((*_path(self._stack), key)) or None,
            )
        if key in frame[0]:
            first = cmark.kids[key]
            return Finding(
                "IKU104",
                f"kunci '{kmark.raw if kmark.raw is not None else key}' ditulis dua kali "
                f"(pertama di baris {first.key_line}); YAML hanya memakai salah satunya. "
                "Hapus atau gabungkan salah satunya.",
                Severity.ERROR,
                self.doc.file,
                kmark.line,
                kmark.column,
                format_path((*_path(self._stack), key)) or None,
            )
        return None

    @staticmethod
    def _same_number(frame: list[Any], key: Any, kmark: _Mark) -> Any:
        """The key already in this mapping that names the same whole number as ``key``
        (``2025``, ``"2025"``, ``+2025``, ``02025``: one year written two ways), or None; the
        number is remembered for the keys after it."""
        raw = key if isinstance(key, str) else (str(key) if isinstance(key, int) else None)
        if raw is None or not _YEARLIKE.match(raw.strip()):
            return None
        number = int(raw.strip().lstrip("+"))
        seen = frame[6]
        if seen is None:
            seen = frame[6] = {}
        if number in seen and seen[number] != key:
            return seen[number]
        seen.setdefault(number, key)
        return None

    def _check_tag(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag is None or type(event).__name__ == "AliasEvent":
            return
        mark = event.start_mark
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise IkuError.single(
            "IKU103",
            f"tag YAML '{shown}' tidak dipakai di berkas ikutool: ikutool menentukan sendiri jenis "
            "setiap nilai. Hapus tagnya (tulis nilainya saja, dengan tanda kutip bila perlu)",
            file=self.doc.file,
            line=mark.line + 1,
            column=mark.column + 1,
        )

    def _scalar(self, event: Any, stack: list[list[Any]]) -> tuple[Any, _Mark]:
        mark = event.start_mark
        raw = event.value
        if len(raw) > MAX_SCALAR:
            raise self._too_big(
                mark,
                f"sebuah nilai terlalu panjang ({format_angka(len(raw))} karakter; paling "
                f"banyak {format_angka(MAX_SCALAR)})",
            )
        quoted = event.style not in (None, "")  # '' (C parser) or None (pure): plain
        m = _Mark(mark.line + 1, mark.column + 1, raw, quoted)
        is_key = bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY
        if quoted or is_key:
            return raw, m
        value = self._plain(raw, m, stack)
        if isinstance(value, str):
            m.raw = None  # the value is its own text; keep memory for what differs
        return value, m

    @staticmethod
    def _key(value: Any, mark: _Mark) -> Any:
        """A mapping key: its text, or an integer (a year) when written as plain digits."""
        raw = str(mark.raw if mark.raw is not None else value)
        if (
            not mark.quoted
            and _INT.match(raw)
            and not raw.startswith(("+", "0"))
            and len(raw) <= MAX_INT_DIGITS
        ):
            return int(raw)
        return raw

    def _plain(self, raw: str, mark: _Mark, stack: list[list[Any]]) -> Any:
        first = raw[:1]
        if first and first not in _NUMBER_START and raw not in _SPECIAL_WORDS:
            return raw  # plain text, the common case
        if _NULL.match(raw):
            return None
        if raw in _BOOL:
            return _BOOL[raw]
        if _INT.match(raw):
            digits = raw.lstrip("+-")
            if len(digits) > MAX_INT_DIGITS:
                return raw  # text: the model says "too large", with the line
            if len(digits) > 1 and digits.startswith("0"):
                self._warn(
                    mark,
                    stack,
                    f"'{raw}' diawali angka nol; dibaca sebagai {int(raw)}. Jika maksudnya teks "
                    f'(kode), beri tanda kutip: "{raw}"',
                )
            return int(raw)
        if _FLOAT.match(raw):
            value = float(raw)
            if _THOUSANDS_DOT.match(raw):
                self._warn(
                    mark,
                    stack,
                    f"YAML membaca {raw} sebagai {format_angka(value)} (titik sebagai desimal)."
                    + f" Jika maksudnya {raw.replace('.', '')}, tulis "
                    f'{raw.replace(".", "")} tanpa titik, atau "{raw}" dalam tanda kutip.',
                )
            return value
        if _INF.match(raw):
            return -math.inf if raw.startswith("-") else math.inf
        if _NAN.match(raw):
            return math.nan
        return raw

    def _warn(self, mark: _Mark, stack: list[list[Any]], message: str) -> None:
        path = _path(stack)
        self.doc.findings.append(
            Finding(
                "IKU107",
                message,
                Severity.WARNING,
                self.doc.file,
                mark.line,
                mark.column,
                format_path(path) or None,
                path,
            )
        )


_NO_KEY = object()
_SKIP = object()


def _path(stack: list[list[Any]]) -> PathT:
    """The path of the value being built: each frame's pending key, or next list position."""
    out: list[str | int] = []
    for frame in stack:
        if isinstance(frame[0], list):
            out.append(len(frame[0]))
        elif frame[2] is not _NO_KEY and frame[2] is not _SKIP:
            out.append(frame[2])
    return tuple(out)


def _as_written(mark: _Mark, key: Any) -> str:
    """A key as the file writes it, for a message: ``2025`` or ``"2025"``."""
    raw = mark.raw if mark.raw is not None else str(key)
    return f'"{raw}"' if mark.quoted else raw


def _copy_mark(mark: _Mark) -> _Mark:
    out = _Mark(mark.line, mark.column, mark.raw, mark.quoted)
    out.kids = mark.kids
    return out
