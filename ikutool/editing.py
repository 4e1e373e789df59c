"""Edit a user's realisasi file in place, keeping its comments, key order and quoting.

The file is loaded with ruamel.yaml's round-trip loader, the values are set, the result is checked
exactly like any realisasi file, and only then written (atomically). A value that was written as
an Indonesian string ("6,5") stays one; a bare number stays bare.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ikutool.errors import IkuError
from ikutool.model import Iku
from ikutool.numfmt import NumberFormatError, format_angka, parse_angka
from ikutool.realisasi import RESERVED, realisasi_from_document
from ikutool.validation import nearest
from ikutool.yaml_reader import decode, parse_yaml_text


@dataclass(frozen=True)
class Assignment:
    kode: str
    kunci: str | None
    value: float
    text: str  # as typed


def parse_assignment(arg: str, iku: Iku) -> Assignment:
    """``S1.2=58`` or ``S3.2.ekspor=6,5`` -> Assignment (the code is the longest known prefix)."""
    target, sep, raw = arg.partition("=")
    if not sep or not target.strip() or not raw.strip():
        raise IkuError.single(
            "IKU501",
            f"'{arg}' bukan penugasan; tulis KODE=NILAI atau KODE.KOMPONEN=NILAI, mis. S1.2=58 atau "
            "S3.2.ekspor=6,5",
            file="argumen",
            exit_code=2,
        )
    target = target.strip()
    codes = sorted((ind.kode for _, ind in iku.indikator()), key=len, reverse=True)
    kode = next((c for c in codes if target == c or target.startswith(c + ".")), None)
    if kode is None:
        guess = nearest(target.split(".")[0] if "." in target else target, codes)
        hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
        raise IkuError.single(
            "IKU301",
            f"kode indikator '{target}' tidak ada di IKU.{hint}",
            file="argumen",
            exit_code=1,
        )
    kunci = target[len(kode) + 1 :] or None
    try:
        value, _ = parse_angka(raw)
    except NumberFormatError as exc:
        raise IkuError.single("IKU303", f"{target}: {exc.message}", file="argumen") from None
    return Assignment(kode, kunci, value, raw.strip())


def _new_scalar(value: float, old: Any) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    number: Any = int(value) if float(value).is_integer() else value
    if isinstance(old, str):  # keep the person's way of writing numbers
        return DoubleQuotedScalarString(format_angka(value))
    return number


def set_values(
    path: Path, iku: Iku, assignments: list[Assignment], display_name: str
) -> tuple[str, Any]:
    """The file's new text with ``assignments`` applied, checked; nothing is written here."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    raw = path.read_bytes()
    text = decode(raw, display_name)
    crlf = "\r\n" in text
    parse_yaml_text(text, display_name)  # syntax, duplicate keys, alias bombs: located errors first
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    # keep an explicit "null" (as the template writes it) instead of an empty value
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    try:
        data = yaml.load(text.replace("\r\n", "\n"))
    except YAMLError as exc:  # pragma: no cover - parse_yaml_text already refused it
        raise IkuError.single(
            "IKU103", f"sintaks YAML tidak sah: {exc}", file=display_name
        ) from None
    if not isinstance(data, dict):
        raise IkuError.single(
            "IKU203", "isi berkas realisasi harus berupa pemetaan", file=display_name
        )
    if data.get("realisasi") is None:
        data["realisasi"] = CommentedMap()
    entries = data["realisasi"]
    for a in assignments:
        entry = entries.get(a.kode)
        holder = entries
        key: Any = a.kode
        if isinstance(entry, dict) and any(k in RESERVED for k in entry):
            if entry.get("nilai") is None and a.kunci is not None:
                entry["nilai"] = CommentedMap()
            holder, key = entry, "nilai"
            entry = entry.get("nilai")
        if a.kunci is not None:
            if not isinstance(entry, dict):
                entry = CommentedMap()
                holder[key] = entry
            entry[a.kunci] = _new_scalar(a.value, entry.get(a.kunci))
        else:
            holder[key] = _new_scalar(a.value, entry if not isinstance(entry, dict) else None)
    buf = io.StringIO()
    yaml.dump(data, buf)
    new_text = buf.getvalue()
    result = realisasi_from_document(parse_yaml_text(new_text, display_name), path, iku)
    if crlf:
        new_text = new_text.replace("\n", "\r\n")
    return new_text, result
