"""libyaml's syntax errors (scanner and parser) as located Indonesian messages, each with the
fix: a TAB, an open quote, a colon inside { } or [ ], a quote that swallowed the lines after it."""

from __future__ import annotations

import re
from typing import Any

from ikutool.errors import IkuError
from ikutool.yaml_builder import events

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
        for event in events(text):
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
