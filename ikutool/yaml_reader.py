"""Read a YAML file into plain Python data, remembering where every value came from.

ruamel.yaml composes the node tree (with line and column marks); this module builds the data from
it with its own, deliberately plain scalar rules (YAML 1.2 core: ``no`` stays text, ``2019-01-01``
stays text) so that the traps people fall into when they edit YAML by hand are caught and
explained instead of silently misread. It also refuses alias bombs (a bounded node count),
reports every duplicate key, and turns ruamel's parser errors into located Indonesian messages.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ikutool.errors import Finding, IkuError, Severity
from ikutool.numfmt import format_angka

PathT = tuple[str | int, ...]

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 64


@dataclass(frozen=True)
class Loc:
    line: int  # 1-based
    column: int  # 1-based
    raw: str | None = None  # the scalar's text as written, for messages
    quoted: bool = False


@dataclass
class Document:
    """The data of one YAML file plus the location of each value and each mapping key."""

    file: str
    data: Any
    values: dict[PathT, Loc] = field(default_factory=dict)
    keys: dict[PathT, Loc] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def resolve(self, path: PathT, *, at_key: bool = False) -> tuple[PathT, Loc | None]:
        """The deepest known part of ``path`` and its location.

        Segments that are not in the document (pydantic adds some of its own) are skipped.
        """
        known: PathT = ()
        for seg in path:
            candidate = (*known, seg)
            if candidate in self.values:
                known = candidate
            elif isinstance(seg, str) and seg.isdigit() and (*known, int(seg)) in self.values:
                known = (*known, int(seg))
        table = self.keys if at_key and known in self.keys else self.values
        return known, table.get(known) or self.values.get(known)

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
        return Finding(code, message, severity, self.file, line, col, shown or None)


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


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_THOUSANDS_DOT = re.compile(r"^[-+]?[0-9]{1,3}(?:\.[0-9]{3})+$")
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}


def read_bounded(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a user's file, refusing before reading what cannot be a YAML file.

    Only regular files are opened (a FIFO would block, ``/dev/zero`` never ends), the size is
    checked before a byte is read, and files of another kind (Excel, Word, PDF, CSV) are named.
    """
    import stat

    try:
        st = path.stat()
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
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise IkuError.single(
            "IKU101", "berkas tidak ditemukan; periksa nama dan foldernya", file=name, exit_code=2
        ) from None
    except PermissionError:
        raise IkuError.single(
            "IKU101", "berkas tidak dapat dibaca (izin ditolak)", file=name, exit_code=2
        ) from None
    except OSError as exc:
        raise IkuError.single(
            "IKU101", f"berkas tidak dapat dibaca: {exc.strerror}", file=name, exit_code=2
        ) from None
    if len(raw) > limit:  # grew while we read it
        raise IkuError.single(
            "IKU105", f"berkas terlalu besar; batasnya {format_angka(limit)} bita", file=name
        )
    _sniff(raw, path, name)
    return raw


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


def read_yaml(path: Path, *, display_name: str | None = None) -> Document:
    """Read and compose ``path``. Raises :class:`IkuError` when nothing usable can be read."""
    name = display_name or str(path)
    return parse_yaml_bytes(read_bounded(path, name), name)


def decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):  # Notepad and Excel write a BOM
        raw = raw[3:]
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

    text = text.replace("\r\n", "\n")
    try:
        node = _composer().compose(text)
    except MarkedYAMLError as exc:
        raise _syntax_error(exc, name, text) from None
    except YAMLError as exc:  # unmarked: rare, but still the user's file
        raise IkuError.single("IKU103", f"sintaks YAML tidak sah: {exc}", file=name) from None
    if node is None:
        raise IkuError.single(
            "IKU106",
            "berkas kosong (atau hanya berisi komentar); isinya harus berupa pemetaan kunci: nilai",
            file=name,
            line=1,
            column=1,
        )
    doc = Document(file=name, data=None)
    builder = _Builder(doc)
    doc.data = builder.build(node, ())
    return doc


def _composer() -> Any:
    from ruamel.yaml import YAML

    try:  # libyaml through ruamel.yaml.clib: ten times faster, same nodes and marks
        return YAML(typ="safe", pure=False)
    except Exception:  # pragma: no cover - clib missing on an unusual platform
        return YAML(typ="safe", pure=True)


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0

    def build(self, node: Any, path: PathT, depth: int = 0) -> Any:
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            mark = node.start_mark
            raise IkuError.single(
                "IKU105",
                "berkas terlalu besar atau terlalu dalam setelah alias (&/*) diuraikan "
                f"(lebih dari {MAX_NODES:,} nilai); berkas ini tidak memerlukan alias sebanyak itu".replace(
                    ",", "."
                ),
                file=self.doc.file,
                line=mark.line + 1,
                column=mark.column + 1,
            )
        mark = node.start_mark
        if isinstance(node, ScalarNode):
            quoted = node.style not in (None, "")  # '' (C parser) or None (pure): plain
            raw = node.value
            self.doc.values[path] = Loc(mark.line + 1, mark.column + 1, raw, quoted)
            return raw if quoted else self._plain(raw, path, mark)
        self.doc.values[path] = Loc(mark.line + 1, mark.column + 1)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                kmark = key_node.start_mark
                if not isinstance(key_node, ScalarNode):
                    self.doc.findings.append(
                        Finding(
                            "IKU103",
                            "kunci pemetaan harus berupa teks sederhana, bukan daftar atau pemetaan",
                            Severity.ERROR,
                            self.doc.file,
                            kmark.line + 1,
                            kmark.column + 1,
                            format_path(path) or None,
                        )
                    )
                    continue
                key = self._key(key_node)
                kloc = Loc(kmark.line + 1, kmark.column + 1, key_node.value)
                if key in out:
                    first = self.doc.keys[(*path, key)]
                    self.doc.findings.append(
                        Finding(
                            "IKU104",
                            f"kunci '{key_node.value}' ditulis dua kali (pertama di baris "
                            f"{first.line}); YAML hanya memakai salah satunya. Hapus atau gabungkan "
                            "salah satunya.",
                            Severity.ERROR,
                            self.doc.file,
                            kloc.line,
                            kloc.column,
                            format_path((*path, key)),
                        )
                    )
                    continue
                self.doc.keys[(*path, key)] = kloc
                out[key] = self.build(value_node, (*path, key), depth + 1)
            return out
        raise AssertionError(f"unknown node type {type(node)!r}")  # pragma: no cover

    @staticmethod
    def _key(node: Any) -> str | int:
        raw = node.value
        if node.style in (None, "") and _INT.match(raw) and not raw.startswith(("+", "0")):
            return int(raw)
        return raw

    def _plain(self, raw: str, path: PathT, mark: Any) -> Any:
        if _NULL.match(raw):
            return None
        if raw in _BOOL:
            return _BOOL[raw]
        if _INT.match(raw):
            digits = raw.lstrip("+-")
            if len(digits) > 1 and digits.startswith("0"):
                self._warn(
                    path,
                    f"'{raw}' diawali angka nol; dibaca sebagai {int(raw)}. Jika maksudnya teks "
                    f'(kode), beri tanda kutip: "{raw}"',
                )
            return int(raw)
        if _FLOAT.match(raw):
            value = float(raw)
            if _THOUSANDS_DOT.match(raw):
                self._warn(
                    path,
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

    def _warn(self, path: PathT, message: str) -> None:
        self.doc.findings.append(
            self.doc.finding("IKU107", message, path, severity=Severity.WARNING)
        )


_PROBLEMS: list[tuple[str, str]] = [
    ("found character '\\t'", "karakter TAB tidak boleh dipakai di YAML; ganti TAB dengan spasi"),
    (
        "while scanning a quoted scalar",
        "tanda kutip tidak ditutup; tambahkan tanda kutip penutup di akhir nilai",
    ),
    ("',' or ']'", "kurung siku '[' tidak ditutup; tambahkan ']' di akhir daftar"),
    ("',' or '}'", "kurung kurawal '{' tidak ditutup; tambahkan '}' di akhir pemetaan"),
    (
        "mapping values are not allowed",
        "tanda ':' tidak boleh di sini: indentasi baris ini salah, atau nilai yang berisi ': ' "
        "perlu diberi tanda kutip",
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
    ("found undefined alias", "alias (*nama) dipakai sebelum jangkar (&nama) didefinisikan"),
    (
        "but found another document",
        "berkas berisi lebih dari satu dokumen YAML ('---'); pakai satu saja",
    ),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
]


def _unclosed_quote(text: str, upto: int) -> tuple[int, int] | None:
    """The first line (0-based, with column) up to ``upto`` whose double quotes do not pair up.

    libyaml reports an unclosed quote where the damage shows (often lines later); people need the
    line where the quote was opened.
    """
    for number, line in enumerate(text.split("\n")[: upto + 1]):
        stripped = line.split(" #")[0] if '"' not in line.split(" #")[0] else line
        if stripped.lstrip().startswith("#"):
            continue
        quotes = [
            i for i, ch in enumerate(stripped) if ch == '"' and (i == 0 or stripped[i - 1] != "\\")
        ]
        if len(quotes) % 2:
            return number, quotes[-1]
    return None


def _syntax_error(exc: Any, name: str, text: str) -> IkuError:
    problem = f"{exc.problem or ''} {exc.context or ''}"
    mark = exc.problem_mark
    if mark is not None and "cannot start any token" in problem:
        line_text = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
        if "\t" in line_text[: mark.column + 1]:
            problem = "found character '\\t'"
    message = None
    for needle, explanation in _PROBLEMS:
        if needle in problem:
            message = explanation
            break
    unclosed = _unclosed_quote(text, mark.line if mark is not None else text.count("\n"))
    if unclosed is not None and "quoted scalar" not in problem:
        return IkuError.single(
            "IKU103",
            "tanda kutip tidak ditutup; tambahkan tanda kutip penutup di akhir nilai",
            file=name,
            line=unclosed[0] + 1,
            column=unclosed[1] + 1,
        )
    use_context = exc.context_mark is not None and (
        "quoted scalar" in (exc.context or "") or "flow" in (exc.context or "")
    )
    mark = exc.context_mark if use_context else (exc.problem_mark or exc.context_mark)
    if message is None:
        message = f"sintaks YAML tidak sah ({(exc.problem or exc.context or '').strip()})"
    return IkuError.single(
        "IKU103",
        message,
        file=name,
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
    )
