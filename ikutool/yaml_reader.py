"""Read a YAML file into plain Python data, remembering where every value came from.

libyaml (through ruamel.yaml.clib) parses the text into events; this module builds the data from
them itself, iteratively, with its own deliberately plain scalar rules (YAML 1.2 core: ``no``
stays text, ``2019-01-01`` stays text) so that the traps people fall into when they edit YAML by
hand are caught and explained instead of silently misread.

Every input is bounded before the expensive step: only regular files are read, their size is
checked before a byte is read, control characters are refused with their line and column before
parsing, the number of YAML events is counted by libyaml's C parser before anything is built
(a large file is refused in a fraction of a second), and while the events stream in, nesting
depth and the values that aliases produce (counted as they expand) are checked, so no file,
however built, can exhaust memory, recurse in C, or take long. Duplicate keys are all reported;
explicit tags are refused; parser errors become located Indonesian messages.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ikutool import lazyre
from ikutool.errors import Finding, IkuError, Severity
from ikutool.formatting.numbers import format_angka

PathT = tuple[str | int, ...]

MAX_BYTES = 16 * 1024 * 1024  # an IKU file (10.000 indicators take about 2,6 MB)
REALISASI_MAX_BYTES = 4 * 1024 * 1024  # one year's realisasi
EDIT_MAX_BYTES = 2 * 1024 * 1024  # a file edited in place (the round-trip loader is slower)
MAX_EVENTS = 800_000  # YAML events (every key, value, start and end): ~35.000 indicators
MAX_ALIAS_VALUES = 600_000  # values produced by aliases (*name), counted as they expand
MAX_DEPTH = 64
MAX_SCALAR = 20_000  # characters in one value (the model limits text fields much further)
MAX_INT_DIGITS = 18  # longer digit strings stay text, so they get a located "too large" message


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


def read_bounded(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a user's file, refusing before reading what cannot be a YAML file.

    Only regular files are read (a FIFO would block, ``/dev/zero`` never ends, a file of
    ``/proc`` is no data): the file is opened without blocking and judged by what was opened,
    the size is checked before a byte is read, a file of the workspace that a symbolic link
    takes outside it is refused, and files of another kind (Excel, Word, PDF, CSV) are named.
    """
    import os
    import stat

    from ikutool.workspace.confine import check_inside

    check_inside(path, name)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise IkuError.single(
            "IKU101", "berkas tidak ditemukan; periksa nama dan foldernya", file=name, exit_code=2
        ) from None
    except PermissionError:
        raise IkuError.single(
            "IKU101", "berkas tidak dapat dibaca (izin ditolak)", file=name, exit_code=2
        ) from None
    except IsADirectoryError:
        raise IkuError.single(
            "IKU101", "ini sebuah folder, bukan berkas YAML", file=name, exit_code=2
        ) from None
    except (OSError, ValueError) as exc:
        raise IkuError.single(
            "IKU101", f"berkas tidak dapat dibaca: {_reason(exc)}", file=name, exit_code=2
        ) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise IkuError.single(
                    "IKU101", "ini sebuah folder, bukan berkas YAML", file=name, exit_code=2
                )
            if not stat.S_ISREG(st.st_mode):
                raise IkuError.single(
                    "IKU101",
                    "bukan berkas biasa (perangkat, FIFO atau soket); berikan berkas YAML",
                    file=name,
                    exit_code=2,
                )
            if st.st_size > limit:
                raise IkuError.single(
                    "IKU105",
                    f"berkas terlalu besar ({format_angka(st.st_size)} bita); batasnya "
                    f"{format_angka(limit)} bita",
                    file=name,
                )
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise IkuError.single(
            "IKU101", f"berkas tidak dapat dibaca: {_reason(exc)}", file=name, exit_code=2
        ) from None
    if len(raw) > limit:  # grew while we read it
        raise IkuError.single(
            "IKU105", f"berkas terlalu besar; batasnya {format_angka(limit)} bita", file=name
        )
    _sniff(raw, path, name)
    return raw


def _reason(exc: BaseException) -> str:
    import errno

    if isinstance(exc, ValueError):
        return "nama jalur tidak sah (berisi karakter NUL)"
    code = getattr(exc, "errno", None)
    if code == errno.ELOOP:
        return "tautan simbolik berputar"
    if code == errno.ENAMETOOLONG:
        return "nama terlalu panjang untuk sistem berkas"
    return getattr(exc, "strerror", None) or str(exc)


_OTHER_KINDS = (
    (b"PK\x03\x04", "arsip ZIP"),
    (b"\xd0\xcf\x11\xe0", "dokumen Microsoft Office lama (.xls/.doc)"),
    (b"%PDF", "dokumen PDF"),
    (b"{\\rtf", "dokumen RTF"),
)
_BY_SUFFIX = {
    ".xlsx": "buku kerja Excel (.xlsx)",
    ".xlsm": "buku kerja Excel (.xlsm)",
    ".xls": "buku kerja Excel lama (.xls)",
    ".ods": "lembar kerja LibreOffice (.ods)",
    ".docx": "dokumen Word (.docx)",
    ".doc": "dokumen Word lama (.doc)",
    ".pdf": "dokumen PDF",
    ".csv": "berkas CSV",
    ".tsv": "berkas TSV",
}


def _sniff(raw: bytes, path: Path, name: str) -> None:
    """Name a file that is not YAML at all, instead of a confusing YAML or encoding error."""
    kind = None
    for magic, label in _OTHER_KINDS:
        if raw.startswith(magic):
            kind = _BY_SUFFIX.get(path.suffix.lower(), label)
    if kind is None and path.suffix.lower() in (".csv", ".tsv"):
        kind = _BY_SUFFIX[path.suffix.lower()]
    if kind is None:
        return
    excel = "Excel" in kind or "CSV" in kind or "TSV" in kind or "LibreOffice" in kind
    advice = (
        "Realisasi dari Excel diimpor dengan: iku realisasi impor BERKAS.xlsx; berkas IKU dan "
        "realisasi sendiri ditulis sebagai YAML (lihat README)."
        if excel
        else "ikutool membaca berkas YAML (.yaml) saja; lihat README untuk bentuknya."
    )
    raise IkuError.single(
        "IKU108", f"ini {kind}, bukan berkas YAML. {advice}", file=name, line=1, column=1
    )


def read_yaml(path: Path, *, display_name: str | None = None, limit: int = MAX_BYTES) -> Document:
    """Read and compose ``path``. Raises :class:`IkuError` when nothing usable can be read."""
    name = display_name or str(path)
    return parse_yaml_bytes(read_bounded(path, name, limit), name)


def decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):  # Notepad and Excel write a BOM
        raw = raw[3:]
    head = raw[:200]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(head) > 3 and head.count(0) * 3 > len(head)
    ):
        raise IkuError.single(
            "IKU102",
            "berkas disimpan sebagai UTF-16 (pilihan 'Unicode' di Notepad atau 'Unicode Text' di "
            "Excel), bukan UTF-8. Simpan ulang berkas sebagai UTF-8 (Notepad: Simpan Sebagai -> "
            "Pengodean UTF-8)",
            file=name,
            line=1,
            column=1,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex().upper()
        guess = ""
        try:
            guess = (
                f" (dalam Windows-1252 terbaca '{raw[exc.start : exc.start + 1].decode('cp1252')}')"
            )
        except UnicodeDecodeError:
            pass
        raise IkuError.single(
            "IKU102",
            f"berkas bukan UTF-8: bita 0x{byte}{guess} tidak sah. Simpan ulang berkas sebagai "
            "UTF-8 (Notepad: Simpan Sebagai -> Pengodean UTF-8).",
            file=name,
            line=line,
            column=col,
        ) from None


def parse_yaml_bytes(raw: bytes, name: str) -> Document:
    return parse_yaml_text(decode(raw, name), name)


def parse_yaml_text(text: str, name: str) -> Document:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    text = _blank_tab_lines(text.replace("\r\n", "\n"))
    _refuse_control_characters(text, name)
    doc = Document(file=name, data=None)
    try:
        _refuse_too_many_events(text, name)
        data, marks = _Builder(doc).build(_events(text))
    except MarkedYAMLError as exc:
        raise syntax_error(exc, name, text) from None
    except YAMLError:  # unmarked: rare, but still the user's file
        raise IkuError.single("IKU103", GENERIC, file=name) from None
    if marks is None:
        raise IkuError.single(
            "IKU106",
            "berkas kosong (atau hanya berisi komentar); isinya harus berupa pemetaan kunci: nilai",
            file=name,
            line=1,
            column=1,
        )
    doc.data, doc.marks = data, marks
    return doc


def _refuse_too_many_events(text: str, name: str) -> None:
    """A big file is counted by libyaml in C first (no Python object per event), so a 3 MB flow
    list of a million numbers is refused in a fraction of a second instead of being built."""
    if len(text) < 2 * MAX_EVENTS:  # every event takes at least two characters
        return
    try:
        from _ruamel_yaml import CParser
    except ImportError:  # pragma: no cover - the builder's own count still applies
        return
    events = CParser(text).raw_parse()
    if events > MAX_EVENTS:
        raise IkuError.single(
            "IKU105",
            f"berkas terlalu besar: {format_angka(events)} unsur YAML (kunci, nilai, daftar); "
            f"batasnya {format_angka(MAX_EVENTS)}, cukup untuk sekitar 35.000 indikator",
            file=name,
            line=1,
            column=1,
        )


def _events(text: str) -> Any:
    """libyaml's event stream (no composing, no resolving: this module does both itself)."""
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


# Characters YAML forbids in a stream (C0 controls but TAB/LF/CR, DEL, C1 controls, surrogates,
# U+FFFE/FFFF), and the Unicode line separators (NEL, LS, PS) that web pages and PDFs carry:
# invisible, and libyaml takes them for line breaks, so a comment's tail silently becomes data.
# libyaml reports the first kind by byte position only, in English; both are located here.
_FORBIDDEN = lazyre.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_SEPARATORS = {"\x85": "NEL", "\u2028": "pemisah baris", "\u2029": "pemisah paragraf"}


def _refuse_control_characters(text: str, name: str) -> None:
    m = _FORBIDDEN.search(text)
    if m is None:
        return
    before = text[: m.start()]
    line = before.count("\n") + 1
    column = m.start() - (before.rfind("\n") + 1) + 1
    char = m.group()
    code = f"U+{ord(char):04X}"
    if char in _SEPARATORS:
        raise IkuError.single(
            "IKU103",
            f"karakter {_SEPARATORS[char]} Unicode {code} (tidak terlihat; biasanya terbawa dari "
            "salinan halaman web atau PDF) dianggap ganti baris oleh pembaca YAML, sehingga teks "
            "sesudahnya bisa terbaca sebagai data. Hapus karakter itu, atau ketik ulang barisnya",
            file=name,
            line=line,
            column=column,
        )
    what = "karakter NUL" if char == "\x00" else f"karakter kendali {code}"
    raise IkuError.single(
        "IKU103",
        f"{what} tidak boleh ada di berkas YAML (tidak terlihat di kebanyakan penyunting; sering "
        "terbawa dari salinan Excel atau PDF). Hapus karakter itu, atau ketik ulang barisnya",
        file=name,
        line=line,
        column=column,
    )


# a line holding nothing but spaces and a TAB is blank to a person; libyaml refuses it
_BLANK_WITH_TAB = lazyre.compile(r"^[ \t]*\t[ \t]*$", re.MULTILINE)


def _blank_tab_lines(text: str) -> str:
    return _BLANK_WITH_TAB.sub("", text) if "\t" in text else text


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
        container, cmark, key, kmark = frame[0], frame[1], frame[2], frame[3]
        frame[4] += size
        if isinstance(container, list):
            container.append(value)
            cmark.kids.append(vmark)
            return
        if key is _NO_KEY:  # this value is a key
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
                frame[2], frame[3] = _SKIP, None
                return
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
                frame[2], frame[3] = _SKIP, None
                return
            frame[2], frame[3] = self._key(value, vmark), vmark
            return
        frame[2], frame[3] = _NO_KEY, None
        if key is _SKIP:
            return
        same = self._same_number(frame, key, kmark)
        if same is not None:
            first = cmark.kids[same]
            self.doc.findings.append(
                Finding(
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
            )
            return
        if key in container:
            first = cmark.kids[key]
            self.doc.findings.append(
                Finding(
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
            )
            return
        container[key] = value
        if vmark.key_line:  # shared through an alias: give this place a mark of its own
            vmark = _copy_mark(vmark)
        vmark.key_line, vmark.key_column = kmark.line, kmark.column
        vmark.key_raw = _as_written(kmark, key)
        cmark.kids[key] = vmark

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


# libyaml's messages (scanner and parser), each in Indonesian with the fix. Matched in order on
# "problem context"; none is ever shown in English.
_PROBLEMS: list[tuple[str, str]] = [
    ("found character '\\t'", "karakter TAB tidak boleh dipakai di YAML; ganti TAB dengan spasi"),
    (
        "tab character",
        "karakter TAB tidak boleh dipakai untuk indentasi YAML; ganti TAB dengan spasi",
    ),
    (
        "while scanning a quoted scalar",
        "tanda kutip tidak ditutup; tambahkan tanda kutip penutup di akhir nilai",
    ),
    (
        "unknown escape character",
        "garis miring terbalik (\\) di dalam tanda kutip ganda memulai kode khusus; tulis \\\\ "
        "untuk garis miring terbalik biasa, atau pakai tanda kutip tunggal",
    ),
    (
        "hexdecimal number",
        "kode \\x, \\u atau \\U di dalam tanda kutip ganda harus diikuti angka heksadesimal; "
        "tulis \\\\ untuk garis miring terbalik biasa",
    ),
    ("Unicode character escape", "kode karakter \\u di dalam tanda kutip bukan karakter yang sah"),
    ("found unexpected ':'", ""),  # explained by _colon_in_flow (where the text is known)
    ("',' or ']'", "kurung siku '[' tidak ditutup; tambahkan ']' di akhir daftar"),
    ("',' or '}'", "kurung kurawal '{' tidak ditutup; tambahkan '}' di akhir pemetaan"),
    (
        "mapping values are not allowed",
        "tanda ':' tidak boleh di sini: indentasi baris ini salah, atau nilai yang berisi ': ' "
        "perlu diberi tanda kutip",
    ),
    (
        "mapping keys are not allowed",
        "tanda '?' (kunci kompleks YAML) tidak dipakai di sini; tulis 'kunci: nilai'",
    ),
    (
        "block sequence entries are not allowed",
        "butir daftar '- ' tidak boleh di sini: indentasi baris ini salah, atau sebuah nilai di "
        "atasnya sudah diisi di baris yang sama",
    ),
    (
        "expected <block end>",
        "indentasi tidak konsisten: baris ini harus sejajar dengan kunci di atasnya",
    ),
    (
        "could not find expected ':'",
        "tanda ':' tidak ditemukan: setiap kunci ditulis 'kunci: nilai'",
    ),
    ("did not find expected key", "indentasi salah: baris ini tidak sejajar dengan kunci lain"),
    ("did not find expected '-'", "indentasi salah di dalam daftar: setiap butir diawali '- '"),
    ("did not find expected node content", "nilai tidak ada atau tidak dapat dibaca di sini"),
    ("found undefined alias", "alias (*nama) dipakai sebelum jangkar (&nama) didefinisikan"),
    (
        "expected alphabetic or numeric character",
        "tanda '&' atau '*' di awal nilai memulai jangkar/alias YAML; beri tanda kutip pada "
        'nilainya, mis. "*catatan"',
    ),
    (
        "but found another document",
        "berkas berisi lebih dari satu dokumen YAML ('---'); pakai satu saja",
    ),
    (
        "expected <document start>",
        "ada isi setelah penanda akhir dokumen '...'; hapus baris '...' (satu berkas satu dokumen)",
    ),
    (
        "unexpected document indicator",
        "'---' atau '...' di awal baris menandai dokumen YAML baru; beri tanda kutip bila itu "
        "bagian dari nilai",
    ),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
    (
        "expected comment or line break",
        "ada teks lagi setelah nilai di baris ini; beri tanda kutip pada seluruh nilai, atau "
        "pindahkan teks itu ke baris sendiri",
    ),
    (
        "cannot start any token",
        "karakter ini tidak boleh mengawali nilai YAML (mis. @ atau `); beri tanda kutip pada "
        "nilainya",
    ),
    ("tag", "tag YAML (!...) tidak dipakai di berkas ikutool; hapus tagnya"),
    ("directive", "perintah YAML (%...) tidak dipakai di berkas ikutool; hapus barisnya"),
]
GENERIC = (
    "sintaks YAML tidak sah di sini; periksa indentasi (spasi, bukan TAB), titik dua setelah "
    "setiap kunci, dan tanda kutip serta kurung yang dibuka dan ditutup"
)


def _colon_in_flow(line_text: str) -> str:
    if "://" in line_text:
        return (
            "alamat web (https://...) di dalam { } atau [ ] harus diberi tanda kutip, mis. "
            'sumber: "https://bps.go.id/..."'
        )
    return (
        "tanda ':' di dalam { } atau [ ] harus diikuti spasi; bila ':' bagian dari nilai, beri "
        'tanda kutip pada nilainya, mis. "10:30"'
    )


def _swallowing_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """The start (0-based line, column) of a quoted value that ran over several lines and took
    key lines into itself, when the error comes right after it: the quote was almost surely
    left open there. A quote that is closed properly, over several lines or not, or an inch
    mark in a plain value (``14"``), is never blamed."""
    from ruamel.yaml.error import YAMLError

    last = None
    try:
        for event in _events(text):
            if type(event).__name__ == "ScalarEvent" and event.style in ('"', "'"):
                last = (event.start_mark, event.end_mark)
    except YAMLError:
        pass
    if last is None:
        return None
    start, end = last
    if start.line == end.line or not start.line < error_line <= end.line + 1:
        return None
    swallowed = text.split("\n")[start.line + 1 : end.line + 1]
    if any(re.match(r"\s*-?\s*[\w.\-]+\s*:(\s|$)", ln) for ln in swallowed):
        return start.line, start.column
    return None


def syntax_error(exc: Any, name: str, text: str) -> IkuError:
    problem = f"{exc.problem or ''} {exc.context or ''}"
    mark = exc.problem_mark
    lines = text.split("\n")
    line_text = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if mark is not None and "cannot start any token" in problem:
        if "\t" in line_text[: mark.column + 1]:
            problem = "found character '\\t'"
    message = None
    for needle, explanation in _PROBLEMS:
        if needle in problem:
            message = explanation or _colon_in_flow(line_text)
            break
    if "quoted scalar" not in problem and mark is not None:
        opened = _swallowing_quote(text, mark.line)
        if opened is not None:
            return IkuError.single(
                "IKU103",
                "tanda kutip tidak ditutup di barisnya, sehingga baris-baris sesudahnya ikut "
                "terbaca sebagai teks; tambahkan tanda kutip penutup di akhir nilai",
                file=name,
                line=opened[0] + 1,
                column=opened[1] + 1,
            )
    use_context = exc.context_mark is not None and (
        "quoted scalar" in (exc.context or "") or "flow" in (exc.context or "")
    )
    mark = exc.context_mark if use_context else (exc.problem_mark or exc.context_mark)
    return IkuError.single(
        "IKU103",
        message or GENERIC,
        file=name,
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
    )
