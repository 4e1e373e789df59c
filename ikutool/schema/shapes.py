"""The shapes of values a file accepts beyond its model, for the JSON Schemas: pydantic's lax
forms (a year written ``"2019"``, a flag written ``yes``), what the models' before-validators read
(a number written the Indonesian way, rupiah, a target cell, ``ya``/``tidak``, a status in any
case), and the shapes many keys share, written once under ``definitions`` with their Indonesian
titles (every model's title and description is in :data:`TABEL`, from the keterangan tables).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ikutool.schema import keterangan, keterangan_pohon, keterangan_tahun
from ikutool.schema.keterangan import NILAI

# every model's Indonesian title, description and fields (a name is described once)
TABEL = {**keterangan.TABEL, **keterangan_tahun.TABEL, **keterangan_pohon.TABEL}
assert len(TABEL) == len(keterangan.TABEL) + len(keterangan_tahun.TABEL) + len(
    keterangan_pohon.TABEL
)

REF = "#/definitions/{model}"
DEF = "x-ikutool-definisi"  # marks a shared shape while generating; replaced by a $ref

Schema = dict[str, Any]


def _ci(word: str) -> str:
    """``word`` as a case-insensitive regular expression (ECMA-262 has no inline flags)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


def _words(*words: str) -> str:
    return "(?:" + "|".join(_ci(w) for w in words) + ")"


# pydantic's lax forms, as pydantic-core reads them (tests/test_schema.py checks each against it;
# pydantic-core even reads "0-5" as -5 and "0__1" as 1, so digits, underscores and a sign after
# leading zeros; permissive, never refusing what it reads)
INT_TEXT = r"^\s*[+-]?[0-9_]*[+-]?[0-9_]*[0-9][0-9_]*(?:\.[0-9_]*)?\s*$"
FLOAT_TEXT = r"^\s*[+-]?[0-9._]*[0-9][0-9._]*(?:[eE][_+-]*[0-9_]*[0-9][0-9_]*)?\s*$"
BOOL_TEXT = (
    "^" + _words("yes", "no", "on", "off", "true", "false", "y", "n", "t", "f", "1", "0") + "$"
)
# pydantic's date: TAHUN-BULAN-HARI, optionally with a zero time; or a Unix time
DATE_TEXT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt _].*)?$|" + FLOAT_TEXT
# Python's date.fromisoformat (3.11+): 2019-01-15, 20190115, 2019-W03-2, after stripping
ISO_DATE_TEXT = r"^\s*[0-9]{4}(?:-?[0-9]{2}-?[0-9]{2}|-?W[0-9]{2}(?:-?[0-9])?)\s*$"
# formatting.numbers.parse_angka: "6,5", "1.234", "1.234,5", "- 5", "7,14 %"
ANGKA_TEXT = (
    r"^\s*[-\u2212\u2013+]?\s*(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?(?:\s*%)?\s*$"
)
# inputs.realisasi.quarter_name: I-IV, 1-4, TW1-TW4 in any case, spaces around
TRIWULAN_TEXT = r"^\s*(?:[Ii]{1,3}|[Ii][Vv]|[1-4]|[Tt][Ww][1-4])\s*$"


def string_form(pattern: str, message: str, **extra: Any) -> Schema:
    return {"type": "string", "pattern": pattern, "patternErrorMessage": message, **extra}


# pydantic reads true/false as 1/0 where a number is due: never meant, but read, so not refused
# here (the editor would mark a file the tool accepts)
_BOOLEAN = {"type": "boolean"}


def lax_int(schema: Schema) -> Schema:
    return {"anyOf": [schema, string_form(INT_TEXT, "harus bilangan bulat, mis. 2019"), _BOOLEAN]}


def lax_float(schema: Schema) -> Schema:
    return {
        "anyOf": [schema, string_form(FLOAT_TEXT, "harus berupa angka, mis. 1 atau 0.5"), _BOOLEAN]
    }


def lax_bool(schema: Schema) -> Schema:
    return {
        "anyOf": [schema, {"enum": [0, 1]}, string_form(BOOL_TEXT, "harus true atau false")],
    }


def lax_date(_: Schema) -> Schema:
    return {
        "anyOf": [
            # no "format": date, which the YAML language server holds to RFC 3339 (stricter)
            string_form(DATE_TEXT, "tulis tanggal TAHUN-BULAN-HARI, mis. 2019-07-01"),
            {"type": "number"},
        ]
    }


# --- shared shapes (definitions) ---


_SHARED: dict[str, frozenset[str]] = {}  # name -> the keys of its shape (a key may add more)


_ANNOTATIONS = frozenset({"title", "description", "default", "examples"})


def _titled(name: str) -> tuple[str, str]:
    return NILAI[name] if name in NILAI else TABEL[name][:2]


def shared(name: str, schema: Schema) -> Schema:
    """A shape many keys share, written once under ``definitions``."""
    title, description = _titled(name)
    _SHARED[name] = frozenset(schema)
    return {DEF: name, "title": title, "description": description, **schema}


def _angka(_: Schema) -> Schema:
    return shared(
        "Angka",
        {
            "anyOf": [
                {"type": "number"},
                string_form(
                    ANGKA_TEXT, 'angka format Indonesia, mis. 2750, "6,5", "1.234" atau "7,14 %"'
                ),
            ]
        },
    )


def _rupiah(_: Schema) -> Schema:
    return shared(
        "Rupiah",
        {
            "anyOf": [
                {"type": "number", "minimum": 0},
                string_form(
                    "[0-9]", 'tulis jumlah rupiah, mis. "Rp 1.250.000.000" atau "Rp 1,5 miliar"'
                ),
            ]
        },
    )


def _target_cell(inner: Schema) -> Schema:
    """model.target._coerce_target: the notation, a bare number, "-", a list of components, or the
    Target mapping itself."""
    target = next(s for s in inner["anyOf"] if "$ref" in s)
    return shared(
        "SelTarget",
        {
            "anyOf": [
                {"type": "string", "maxLength": 500},
                {"type": "number"},
                {"type": "null"},
                {"type": "array", "items": {"$ref": REF.format(model="Komponen")}, "minItems": 1},
                target,
            ]
        },
    )


def _one_or_many(inner: Schema) -> Schema:
    """inputs.anggaran.one_or_many: ``sasaran: S1`` for ``sasaran: [S1]``."""
    return {"anyOf": [inner["items"], inner]}


def _ya_tidak(inner: Schema) -> Schema:
    """inputs.pk._ya_tidak: ``ya``/``tidak`` beside pydantic's own forms."""
    word = r"^\s*" + _words("ya", "yes", "true", "tidak", "no", "false") + r"\s*$"
    return {
        "anyOf": [*inner["anyOf"], {"enum": ["ya", "tidak"]}, string_form(word, "ya atau tidak")]
    }


def _status_any_case(inner: Schema) -> Schema:
    """inputs.tindaklanjut._status: "tuntas", " TUNTAS " as officers type it."""
    word = r"^\s*" + _words(*inner["enum"]) + r"\s*$"
    return {"anyOf": [inner, string_form(word, "Belum, Proses atau Tuntas")]}


# --- what the models' before-validators read ---


def before_validators() -> dict[Callable[..., Any], Callable[[Schema], Schema] | None]:
    """Every before-validator of the models and what it adds to the inner schema (None: nothing).
    A validator missing here stops the generation: its schema has to be decided."""
    from ikutool.inputs import anggaran, pk, program, tindaklanjut
    from ikutool.model import iku, target

    return {
        iku.plain_text: None,
        iku.to_number: _angka,
        target._coerce_target: _target_cell,
        program.to_rupiah: _rupiah,
        anggaran.one_or_many: _one_or_many,
        pk._ya_tidak: _ya_tidak,
        tindaklanjut._status: _status_any_case,
    }


# --- shared shapes, lifted into definitions ---


def lift(node: Any, found: dict[str, Schema]) -> Any:
    """Replace every shared shape by a $ref (beside it, what its key adds: a description, a
    default), collecting the shapes used."""
    if isinstance(node, list):
        return [lift(x, found) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: lift(v, found) for k, v in node.items()}
    name = node.pop(DEF, None)
    if name is None:
        return node
    title, description = _titled(name)
    shape = {"title": title, "description": description}
    shape.update((k, v) for k, v in node.items() if k in _SHARED[name])
    if found.setdefault(name, shape) != shape:
        raise ValueError(f"two different shapes named {name}")
    extra = {k: v for k, v in node.items() if k not in shape or shape[k] != v}
    if not set(extra) <= _ANNOTATIONS:
        raise ValueError(f"{name} used with {sorted(set(extra) - _ANNOTATIONS)}")
    return {"$ref": REF.format(model=name), **extra}
