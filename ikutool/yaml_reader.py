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

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ikutool import lazyre
from ikutool.errors import IkuError
from ikutool.formatting.numbers import format_angka
from ikutool.yaml_document import Document as Document
from ikutool.yaml_document import Loc as Loc
from ikutool.yaml_document import PathT as PathT
from ikutool.yaml_document import format_path as format_path
from ikutool.yaml_document import line_of as line_of

if TYPE_CHECKING:
    from ikutool.yaml_builder import MAX_ALIAS_VALUES as MAX_ALIAS_VALUES
    from ikutool.yaml_builder import MAX_DEPTH as MAX_DEPTH
    from ikutool.yaml_builder import MAX_INT_DIGITS as MAX_INT_DIGITS
    from ikutool.yaml_builder import MAX_SCALAR as MAX_SCALAR
    from ikutool.yaml_messages import GENERIC as GENERIC
    from ikutool.yaml_messages import syntax_error as syntax_error

_LAZY = {
    **dict.fromkeys(("MAX_ALIAS_VALUES", "MAX_DEPTH", "MAX_INT_DIGITS", "MAX_SCALAR"), "builder"),
    **dict.fromkeys(("GENERIC", "syntax_error"), "messages"),
}


def __getattr__(name: str) -> object:
    """The builder's limits and the parser's messages, named here too; both modules are loaded
    only when a file is parsed (a warm run reads composed documents from the cache, see
    :mod:`ikutool.yaml_cache`)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"ikutool.yaml_{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


MAX_BYTES = 16 * 1024 * 1024  # an IKU file (10.000 indicators take about 2,6 MB)
REALISASI_MAX_BYTES = 4 * 1024 * 1024  # one year's realisasi
EDIT_MAX_BYTES = 2 * 1024 * 1024  # a file edited in place (the round-trip loader is slower)
MAX_EVENTS = 800_000  # YAML events (every key, value, start and end): ~35.000 indicators


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
    """Read and compose ``path``. Raises :class:`IkuError` when nothing usable can be read.
    A file read before (these bytes, this name) comes from the cache (:mod:`ikutool.yaml_cache`)."""
    from ikutool import yaml_cache

    name = display_name or str(path)
    return yaml_cache.parse(read_bounded(path, name, limit), name)


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
        from ikutool.yaml_builder import _Builder, events

        data, marks = _Builder(doc).build(events(text))
    except MarkedYAMLError as exc:
        from ikutool.yaml_messages import syntax_error

        raise syntax_error(exc, name, text) from None
    except YAMLError:  # unmarked: rare, but still the user's file
        from ikutool.yaml_messages import GENERIC

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
