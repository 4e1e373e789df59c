"""Edit a user's realisasi file in place, keeping its comments, key order and quoting.

The file is loaded with ruamel.yaml's round-trip loader, the values are set, the result is checked
exactly like any realisasi file, and only then written (atomically, by the caller). A value that
was written as an Indonesian string ("6,5") stays one; a bare number stays bare.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ikutool import lazyre
from ikutool.errors import Finding, IkuError, Severity
from ikutool.formatting.numbers import NumberFormatError, format_angka, parse_angka
from ikutool.inputs.realisasi import RESERVED, realisasi_from_document
from ikutool.model.iku import Iku
from ikutool.model.quarters import QUARTERS, quarter_name
from ikutool.model.validation import nearest
from ikutool.yaml_reader import decode, parse_yaml_text

TEXT_FIELDS = (
    "catatan",
    "sumber",
    "pembanding.tingkat",
    "pembanding.sumber",
    "analisis.pendorong",
    "analisis.penghambat",
    "analisis.solusi",
    "analisis.program",
)


CLEAR = ("hapus", "kosongkan")  # KODE=HAPUS: the value taken out (null), as in a workbook


@dataclass(frozen=True)
class Assignment:
    """One value to set in a realisasi file: the realisasi itself (``field`` "nilai", per
    quarter with ``triwulan``), or one of the other keys of an entry (``TEXT_FIELDS``,
    ``pembanding.nilai``)."""

    kode: str
    kunci: str | None  # component key, None for a single-component indicator
    value: float | str | None  # None: take the value out (null)
    text: str  # as typed
    triwulan: str | None = None  # I..IV
    field: str = "nilai"
    # written instead of the number, for a target form that is not a plain number ("WDP",
    # "1:24", "Rp 1.200.000.000"): the file holds it as the person writes it
    tulisan: str | None = None


def _usage(arg: str, message: str, code: str = "IKU501") -> Finding:
    return Finding(code, f"{arg}: {message}", Severity.ERROR, "argumen")


def parse_assignment(arg: str, iku: Iku, tahun: int | None = None) -> Assignment | Finding:
    """``S1.2=58``, ``S3.2.ekspor=6,5``, ``S4.1.II=12`` -> Assignment (or the problem with it).

    The code is the longest known prefix, so codes that contain dots work. With ``tahun``, the
    value is held to the same rule as in a file or a workbook (``realisasi_nilai.value_problems``):
    "120%" for a count is refused here as it is there."""
    target, sep, raw = arg.partition("=")
    if not sep or not target.strip() or not raw.strip():
        return _usage(
            arg,
            "bukan penugasan; tulis KODE=NILAI, KODE.KOMPONEN=NILAI atau KODE.TRIWULAN=NILAI, "
            "mis. S1.2=58, S3.2.ekspor=6,5, S4.1.II=12",
        )
    target = target.strip()
    codes = sorted((ind.kode for _, ind in iku.indikator()), key=len, reverse=True)
    kode = next((c for c in codes if target == c or target.startswith(c + ".")), None)
    if kode is None:
        folded = target.casefold()
        same = next(
            (c for c in codes if folded == c.casefold() or folded.startswith(c.casefold() + ".")),
            None,
        )
        guess = same or nearest(target.split(".")[0] if "." in target else target, codes)
        hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
        return _usage(
            arg, f"kode indikator '{target}' tidak ada di IKU {iku.berkas}.{hint}", "IKU301"
        )
    parts = [p for p in target[len(kode) + 1 :].split(".") if p] if target != kode else []
    quarter = quarter_name(parts[-1]) if parts else None
    if quarter is not None:
        parts = parts[:-1]
    if len(parts) > 1:
        return _usage(arg, "tulis KODE.KOMPONEN=NILAI atau KODE.KOMPONEN.TRIWULAN=NILAI")
    ind = iku.find_indikator(kode)
    if raw.strip().casefold() in CLEAR:  # take a wrong value out, as HAPUS in a workbook does
        return Assignment(kode, parts[0] if parts else None, None, raw.strip(), quarter)
    form = _form(iku, ind, parts, tahun)
    if form is not None:
        from ikutool.model.notation import NotationError, format_value, parse_value

        jenis, labels, first, target = form
        try:
            number = parse_value(raw, jenis, labels, target=target)
        except NotationError as exc:
            return _usage(arg, exc.message, "IKU303")
        written = format_value(number, jenis, labels, first)
        return Assignment(
            kode, parts[0] if parts else None, number, raw.strip(), quarter, tulisan=written
        )
    from ikutool.inputs.satuan import read_number

    try:
        value, percent, unit = read_number(raw)  # "58", "6,5", "2 lembaga", "97,45 %"
    except NumberFormatError as exc:
        return _usage(arg, exc.message, "IKU303")
    if tahun is not None and ind is not None:
        from ikutool.inputs.realisasi_nilai import component_of, value_problems

        reference = ind.reference_target(tahun)
        keys = [c.kunci or "nilai" for c in reference.komponen] if reference else []
        key = parts[0] if parts else (keys[0] if len(keys) == 1 else None)
        if key is not None and component_of(ind, key, tahun) is not None:
            for code, message, is_error in value_problems(
                ind, key, tahun, value, percent=percent, raw=raw.strip(), satuan=unit
            ):
                if is_error:
                    return _usage(arg, message, code)
    return Assignment(kode, parts[0] if parts else None, value, raw.strip(), quarter)


def _form(iku: Iku, ind: Any, parts: list[str], tahun: int | None) -> Any:
    """``(jenis, labels, first term, target text)`` of the component an argument sets, when its
    target is not a plain number (a ratio, rupiah, a predikat); else None."""
    if ind is None or tahun is None:
        return None
    from ikutool.inputs.realisasi_nilai import component_of

    reference = ind.reference_target(tahun)
    keys = [c.kunci or "nilai" for c in reference.komponen] if reference else []
    key = parts[0] if parts else (keys[0] if len(keys) == 1 else None)
    comp = component_of(ind, key, tahun) if key else None
    if comp is None or comp.jenis == "angka":
        return None
    return comp.jenis, iku.predikat_labels(ind), comp.rasio_dari, comp.tulisan


def parse_assignments(args: list[str], iku: Iku, tahun: int | None = None) -> list[Assignment]:
    """Every argument checked; all problems reported at once."""
    parsed = [parse_assignment(a, iku, tahun) for a in args]
    problems = [p for p in parsed if isinstance(p, Finding)]
    if problems:
        raise IkuError(problems)
    return [p for p in parsed if isinstance(p, Assignment)]


def _new_scalar(value: float | None, old: Any) -> Any:
    """Whole numbers stay bare (``58``); a fraction is written the Indonesian way, quoted
    (``"6,5"``), as is any number the person had written as text."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if value is None:
        return None
    if isinstance(old, str) or not float(value).is_integer():
        return DoubleQuotedScalarString(format_angka(value))
    return int(value)


_TAB_AFTER_COLON = lazyre.compile(r"^([ ]*(?:- )?[^\s#'\"][^:#\n]*:)\t+(?=\S)", re.MULTILINE)
_TRAILING_TABS = lazyre.compile(r"[ \t]*\t[ \t]*$", re.MULTILINE)


def _tabs_for_ruamel(text: str) -> str:
    """Tabs that libyaml (and so ``validate``) accepts but ruamel's round-trip parser refuses: a
    tab between ``key:`` and its value, and tabs at the end of a line. Written as a space (and
    nothing), so a file that validates can be edited."""
    if "\t" not in text:
        return text
    return _TRAILING_TABS.sub("", _TAB_AFTER_COLON.sub(r"\1 ", text))


def _scalar_of(a: Assignment, old: Any) -> Any:
    """What an assignment writes: its text form ("WDP", "1:24") or its number."""
    if a.tulisan is not None and a.value is not None:
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(a.tulisan)
    return _new_scalar(a.value, old)  # type: ignore[arg-type]


def _has_value(node: Any) -> bool:
    if isinstance(node, dict):
        return any(_has_value(v) for k, v in node.items() if k not in ("catatan", "sumber"))
    return node is not None


def _refuse(kode: str, message: str) -> IkuError:
    return IkuError.single("IKU501", f"{kode}: {message}", file="argumen")


def _structured(entries: Any, kode: str) -> Any:
    """The entry of ``kode`` as a mapping with ``nilai`` etc., converting a bare value (or a
    mapping of components) into ``{nilai: ...}`` in place, at the same position."""
    from ruamel.yaml.comments import CommentedMap

    entry = entries.get(kode)
    if isinstance(entry, dict) and any(k in RESERVED for k in entry):
        return entry
    fresh = CommentedMap()
    if _has_value(entry):
        fresh["nilai"] = entry
    entries[kode] = fresh
    return fresh


def _apply_other(entries: Any, a: Assignment) -> None:
    """A key of the entry other than its realisasi: catatan, sumber, pembanding, analisis."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    entry = _structured(entries, a.kode)
    head, _, leaf = a.field.partition(".")
    holder = entry
    if leaf:
        if not isinstance(entry.get(head), dict):
            entry[head] = CommentedMap()
        holder = entry[head]
    else:
        leaf = head
    if a.field == "pembanding.nilai" and a.kunci is not None:
        if not isinstance(holder.get("nilai"), dict):
            holder["nilai"] = CommentedMap()
        holder, leaf = holder["nilai"], a.kunci
    if isinstance(a.value, str):
        holder[leaf] = a.value if "\n" not in a.value else DoubleQuotedScalarString(a.value)
    else:
        holder[leaf] = _new_scalar(a.value, holder.get(leaf))


def _apply(entries: Any, a: Assignment) -> None:
    from ruamel.yaml.comments import CommentedMap

    if a.field != "nilai":
        _apply_other(entries, a)
        return
    assert a.value is None or isinstance(a.value, float | int)
    entry = entries.get(a.kode)
    structured = isinstance(entry, dict) and any(k in RESERVED for k in entry)
    quarters = entry.get("triwulan") if structured else None
    if a.triwulan is None and quarters is not None:
        raise _refuse(
            a.kode,
            "indikator ini diisi per triwulan (I-IV) di berkas; ubah triwulannya, mis. "
            f"{a.kode}.IV=..., atau hapus 'triwulan' di berkas bila ingin nilai tahunan saja",
        )
    if a.triwulan is not None:
        yearly = entry.get("nilai") if structured else entry
        if _has_value(yearly):
            raise _refuse(
                a.kode,
                "indikator ini sudah berisi nilai tahunan; untuk mengisi per triwulan, hapus dulu "
                "nilai tahunannya di berkas",
            )
        if not structured:
            fresh = CommentedMap()
            entries[a.kode] = fresh
            entry = fresh
        elif "nilai" in entry:
            del entry["nilai"]
        if entry.get("triwulan") is None:
            entry["triwulan"] = CommentedMap()
        holder, key = entry["triwulan"], a.triwulan
        # keep the quarters in calendar order when a new one is added
        if key not in holder:
            after = [q for q in QUARTERS if q in holder and QUARTERS.index(q) < QUARTERS.index(key)]
            holder.insert(len(after), key, None)
    elif structured:
        if entry.get("nilai") is None and a.kunci is not None:
            entry["nilai"] = CommentedMap()
        holder, key = entry, "nilai"
    else:
        holder, key = entries, a.kode
    current = holder.get(key)
    if a.kunci is not None:
        if not isinstance(current, dict):
            current = CommentedMap()
            holder[key] = current
        current[a.kunci] = _scalar_of(a, current.get(a.kunci))
    else:
        holder[key] = _scalar_of(a, current if not isinstance(current, dict) else None)


@dataclass
class RoundTrip:
    """A YAML file loaded for an in-place edit: its data (ruamel's commented maps, comments and
    quoting kept), the text it came from, and how to write it back."""

    yaml: Any
    data: Any
    text: str  # as read, with "\n" line ends
    crlf: bool

    def dump(self) -> str:
        """The edited data as text, in the file's own line ends."""
        buf = io.StringIO()
        self.yaml.dump(self.data, buf)
        new_text = buf.getvalue()
        return new_text.replace("\n", "\r\n") if self.crlf else new_text


def load_round_trip(raw: bytes, display_name: str) -> RoundTrip:
    """A file's bytes loaded for an in-place edit; what `validate` refuses is refused here first."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    text = decode(raw, display_name)
    crlf = "\r\n" in text
    # syntax, duplicate keys, alias bombs and tags: located errors first, as `validate` gives them
    first = parse_yaml_text(text, display_name)
    if any(f.is_error for f in first.findings):
        raise IkuError(first.findings)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    # keep an explicit "null" (as the template writes it) instead of an empty value
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    plain = _tabs_for_ruamel(text.replace("\r\n", "\n"))
    try:
        data = yaml.load(plain)
    except YAMLError as exc:  # libyaml took it (above); the round-trip parser may still balk
        from ikutool.yaml_reader import syntax_error

        raise syntax_error(exc, display_name, plain) from None
    return RoundTrip(yaml, data, text.replace("\r\n", "\n"), crlf)


def set_values(
    raw: bytes, path: Path, iku: Iku, assignments: list[Assignment], display_name: str
) -> tuple[str, Any]:
    """The file's new text with ``assignments`` applied, checked; nothing is written here."""
    from ruamel.yaml.comments import CommentedMap

    doc = load_round_trip(raw, display_name)
    data = doc.data
    if data.get("realisasi") is None:
        data["realisasi"] = CommentedMap()
    for a in assignments:
        _apply(data["realisasi"], a)
    new_text = doc.dump()
    plain = new_text.replace("\r\n", "\n")
    result = realisasi_from_document(parse_yaml_text(plain, display_name), path, iku)
    result.findings += _stale_comments(doc.text, plain, path, iku, display_name)
    return new_text, result


_NUMBER_IN_TEXT = lazyre.compile(r"(?<![\w.,])-?\d[\d.]*(?:,\d+)?(?![\w])")


def _stale_comments(
    old_text: str, new_text: str, path: Path, iku: Iku, display_name: str
) -> list[Finding]:
    """Comments are the person's and are kept; but a comment on an edited line that still names a
    value the edit replaced (``# kumulatif: 42 IKM setahun``) is pointed out, not left to mislead."""
    try:
        before = realisasi_from_document(parse_yaml_text(old_text, display_name), path, iku)
    except IkuError:
        return []
    after = realisasi_from_document(parse_yaml_text(new_text, display_name), path, iku)
    replaced: set[float] = set()
    for kode, entry in before.indikator.items():
        new = after.indikator.get(kode)
        for key, value in entry.nilai.items():
            if value is not None and (new is None or new.nilai.get(key) != value):
                replaced.add(value)
        for q, values in entry.triwulan.items():
            for key, value in values.items():
                new_q = new.triwulan.get(q, {}) if new else {}
                if value is not None and new_q.get(key) != value:
                    replaced.add(value)
    old_lines = set(old_text.splitlines())
    out = []
    for number, line in enumerate(new_text.splitlines(), 1):
        if line in old_lines or " #" not in line:
            continue
        comment = line.split(" #", 1)[1]
        if comment.strip().startswith("target "):
            continue  # the template's note of the target beside the value, not the value
        named = []
        for token in _NUMBER_IN_TEXT.findall(comment):
            try:
                value, _ = parse_angka(token)
            except NumberFormatError:
                continue
            if value in replaced:
                named.append(token)
        if named:
            out.append(
                Finding(
                    "IKU313",
                    f"komentar di baris ini masih menyebut {', '.join(named)}, nilai yang baru saja "
                    "diganti; perbarui komentarnya bila perlu",
                    Severity.WARNING,
                    display_name,
                    number,
                    line.index(" #") + 2,
                )
            )
    return out


def edit_file(
    path: Path,
    iku: Iku,
    assignments: list[Assignment] | Callable[[Any], list[Assignment]],
    display_name: str,
) -> Any:
    """Apply ``assignments`` to the realisasi file at ``path``, safely against other writers.

    An exclusive lock serialises two edits of the same file (the second reads what the first
    wrote, so both are kept); the file is read, edited, checked and written atomically under the
    lock, and a change made meanwhile by a program that takes no lock (an editor) is detected and
    refused rather than overwritten. Returns the checked result (its findings are warnings)."""
    from ikutool.workspace.files import edit_lock, write_atomic
    from ikutool.yaml_reader import EDIT_MAX_BYTES, read_bounded

    read_bounded(path, display_name, EDIT_MAX_BYTES)  # refuse what cannot be edited, before locking
    with edit_lock(path):
        original = read_bounded(path, display_name, EDIT_MAX_BYTES)
        if callable(assignments):
            # decided on the file as it is under the lock (``impor``'s three-way rule)
            from ikutool.yaml_reader import parse_yaml_bytes

            now = realisasi_from_document(parse_yaml_bytes(original, display_name), path, iku)
            assignments = assignments(now)
            if not assignments:
                return now
        text, result = set_values(original, path, iku, assignments, display_name)
        write_atomic(path, text, force=True, expect=original, replace_link=False)
    return result
