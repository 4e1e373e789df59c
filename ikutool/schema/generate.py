"""Generate the JSON Schema of every file kind from the pydantic models.

``python -m ikutool.schema.generate`` rewrites the ``*.schema.json`` files beside this module;
``tests/test_schema.py`` keeps them equal to what this module makes of the models as they are.

pydantic's JSON Schema of a model says what the model itself accepts. A file accepts more, and
the generator adds it, so that an editor never marks a file the tool reads as wrong:

- values a before-validator reads (a number written the Indonesian way, "6,5"; rupiah; a target
  cell in the notation; ``ya``/``tidak``; a status in any case) and pydantic's lax forms (a year
  written ``"2019"``, a flag written ``yes``);
- the keys of mappings: years of a target, quarters (I-IV, 1-4, TW1-TW4), codes;
- the parts of a file read by hand after the model (a realisasi entry, a PK's signing date);
- the Indonesian title and description of every model and key (:mod:`ikutool.schema.keterangan`,
  :mod:`ikutool.schema.keterangan_tahun`, :mod:`ikutool.schema.keterangan_pohon`).

Unknown keys and missing required keys are refused exactly where the tool refuses them; a value's
type is checked loosely (the tool's own checks say more, with the line and column).

The schemas are JSON Schema draft-07, the newest that every version of the YAML language server
(VS Code's YAML extension) reads.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from ikutool.schema import KINDS, file_name, keterangan, keterangan_pohon, keterangan_tahun
from ikutool.schema.keterangan import NILAI

# every model's Indonesian title, description and fields (a name is described once)
TABEL = {**keterangan.TABEL, **keterangan_tahun.TABEL, **keterangan_pohon.TABEL}
assert len(TABEL) == len(keterangan.TABEL) + len(keterangan_tahun.TABEL) + len(
    keterangan_pohon.TABEL
)

DRAFT = "http://json-schema.org/draft-07/schema#"
REF = "#/definitions/{model}"
_DEF = "x-ikutool-definisi"  # marks a shared shape while generating; replaced by a $ref

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


def _text(pattern: str, message: str, **extra: Any) -> Schema:
    return {"type": "string", "pattern": pattern, "patternErrorMessage": message, **extra}


# pydantic reads true/false as 1/0 where a number is due: never meant, but read, so not refused
# here (the editor would mark a file the tool accepts)
_BOOLEAN = {"type": "boolean"}


def _lax_int(schema: Schema) -> Schema:
    return {"anyOf": [schema, _text(INT_TEXT, "harus bilangan bulat, mis. 2019"), _BOOLEAN]}


def _lax_float(schema: Schema) -> Schema:
    return {"anyOf": [schema, _text(FLOAT_TEXT, "harus berupa angka, mis. 1 atau 0.5"), _BOOLEAN]}


def _lax_bool(schema: Schema) -> Schema:
    return {
        "anyOf": [schema, {"enum": [0, 1]}, _text(BOOL_TEXT, "harus true atau false")],
    }


def _date(_: Schema) -> Schema:
    return {
        "anyOf": [
            # no "format": date, which the YAML language server holds to RFC 3339 (stricter)
            _text(DATE_TEXT, "tulis tanggal TAHUN-BULAN-HARI, mis. 2019-07-01"),
            {"type": "number"},
        ]
    }


# --- shared shapes (definitions) ---


_SHARED: dict[str, frozenset[str]] = {}  # name -> the keys of its shape (a key may add more)
_ANNOTATIONS = frozenset({"title", "description", "default", "examples"})


def _titled(name: str) -> tuple[str, str]:
    return NILAI[name] if name in NILAI else TABEL[name][:2]


def _shared(name: str, schema: Schema) -> Schema:
    """A shape many keys share, written once under ``definitions``."""
    title, description = _titled(name)
    _SHARED[name] = frozenset(schema)
    return {_DEF: name, "title": title, "description": description, **schema}


def _angka(_: Schema) -> Schema:
    return _shared(
        "Angka",
        {
            "anyOf": [
                {"type": "number"},
                _text(
                    ANGKA_TEXT, 'angka format Indonesia, mis. 2750, "6,5", "1.234" atau "7,14 %"'
                ),
            ]
        },
    )


def _rupiah(_: Schema) -> Schema:
    return _shared(
        "Rupiah",
        {
            "anyOf": [
                {"type": "number", "minimum": 0},
                _text("[0-9]", 'tulis jumlah rupiah, mis. "Rp 1.250.000.000" atau "Rp 1,5 miliar"'),
            ]
        },
    )


def _target_cell(inner: Schema) -> Schema:
    """model.target._coerce_target: the notation, a bare number, "-", a list of components, or the
    Target mapping itself."""
    target = next(s for s in inner["anyOf"] if "$ref" in s)
    return _shared(
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
    return {"anyOf": [*inner["anyOf"], {"enum": ["ya", "tidak"]}, _text(word, "ya atau tidak")]}


def _status_any_case(inner: Schema) -> Schema:
    """inputs.tindaklanjut._status: "tuntas", " TUNTAS " as officers type it."""
    word = r"^\s*" + _words(*inner["enum"]) + r"\s*$"
    return {"anyOf": [inner, _text(word, "Belum, Proses atau Tuntas")]}


def _before_validators() -> dict[Callable[..., Any], Callable[[Schema], Schema] | None]:
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


# --- keys of mappings ---

# the text form first: for a key that is neither, the editor shows the first one's message
TAHUN = {
    "anyOf": [_text(INT_TEXT, "kunci target harus tahun, mis. 2019"), {"type": "integer"}],
}
TRIWULAN = {
    "anyOf": [
        _text(TRIWULAN_TEXT, "triwulan ditulis I, II, III atau IV (juga 1-4, TW1-TW4)"),
        {"enum": [1, 2, 3, 4]},
    ],
}
KODE = {"type": "string"}

# (model, field) -> the keys of the mapping at each level of the field's value (None: any key)
KEYS: dict[tuple[str, str], list[Schema | None]] = {
    ("Indikator", "target"): [TAHUN],
    ("PkFile", "target"): [KODE],
    ("Perubahan", "target"): [KODE],
    ("Pembanding", "nilai"): [KODE],
    ("RenaksiFile", "target"): [None, TRIWULAN],
    ("RenaksiFile", "aksi"): [None, TRIWULAN],
    ("RenaksiFile", "catatan"): [None, TRIWULAN],
    ("KegiatanFile", "realisasi_rp"): [TRIWULAN],
    ("IndikatorProgramFile", "realisasi"): [TRIWULAN],
}


def _maps(schema: Schema, depth: int) -> Iterator[Schema]:
    """The mapping schemas ``depth`` levels down a field's value (through unions)."""
    for branch in schema.get("anyOf", [schema]):
        if branch.get("type") != "object" or "additionalProperties" not in branch:
            continue
        if depth == 0:
            yield branch
        elif isinstance(branch["additionalProperties"], dict):
            yield from _maps(branch["additionalProperties"], depth - 1)


def _with_keys(schema: Schema, levels: list[Schema | None]) -> Schema:
    for depth, keys in enumerate(levels):
        found = list(_maps(schema, depth))
        if not found:
            raise ValueError(f"no mapping {depth} levels down {schema}")
        for mapping in found:
            if keys is not None:
                mapping["propertyNames"] = copy.deepcopy(keys)
    return schema


# --- the parts of a file read by hand after its model ---


def _realisasi_entries(schema: Schema) -> Schema:
    """inputs.realisasi._Entries: what an entry under ``realisasi:`` may be."""
    from ikutool.inputs.realisasi import RESERVED

    value = _shared("NilaiRealisasi", {"type": ["number", "string", "null"]})
    per_component = {"type": "object", "propertyNames": KODE, "additionalProperties": value}
    note = {"type": ["string", "null"], "maxLength": 2000}
    fields = TABEL["RealisasiRinci"][2]
    rinci_props: dict[str, Schema] = {
        "nilai": {"anyOf": [value, per_component]},
        "catatan": note,
        "sumber": copy.deepcopy(note),
        "triwulan": {
            "type": "object",
            "propertyNames": TRIWULAN,
            "additionalProperties": {"anyOf": [value, per_component]},
        },
        "pembanding": {"anyOf": [{"$ref": REF.format(model="Pembanding")}, {"type": "null"}]},
        "analisis": {"anyOf": [{"$ref": REF.format(model="Analisis")}, {"type": "null"}]},
    }
    if set(rinci_props) != set(RESERVED):
        raise ValueError(f"a realisasi entry's keys are {RESERVED}")
    for key, prop in rinci_props.items():
        prop["description"] = fields[key]
    rinci = _shared(
        "RealisasiRinci",
        {"type": "object", "properties": rinci_props, "additionalProperties": False},
    )
    # the tool's rule: a mapping with any of the reserved keys is the detailed form, any other
    # mapping is per component. Said as if/then/else so that an editor marks a misspelt key of
    # the detailed form where it is, and still offers the detailed keys in a mapping begun (the
    # per-component form lists them, though they can never be in it)
    components = {
        "type": "object",
        "properties": copy.deepcopy(rinci_props),
        "propertyNames": KODE,
        "additionalProperties": value,
    }
    detailed = {"type": "object", "anyOf": [{"required": [k]} for k in RESERVED]}
    entry = _shared(
        "Realisasi",
        {"if": detailed, "then": rinci, "else": {"anyOf": [value, components]}},
    )
    for mapping in _maps(schema, 0):
        mapping["additionalProperties"] = entry
    return schema


def _iso_date(schema: Schema) -> Schema:
    """inputs.pk: ``ditandatangani`` is read with ``date.fromisoformat`` after the model."""
    for branch in schema["anyOf"]:
        if branch.get("type") == "string":
            branch["pattern"] = ISO_DATE_TEXT
            branch["patternErrorMessage"] = "tulis tanggal TAHUN-BULAN-HARI, mis. 2019-01-15"
    return schema


REPLACE: dict[tuple[str, str], Callable[[Schema], Schema]] = {
    ("RealisasiFile", "realisasi"): _realisasi_entries,
    ("PkFile", "ditandatangani"): _iso_date,
}


def _node_needs_uraian(schema: Schema) -> Schema:
    """inputs.pohon: a node below the IKU's tujuan and sasaran (its level written) has no wording
    to take from the IKU, so its ``uraian`` is required."""
    from ikutool.inputs.pohon import LEVELS

    own = [level for level in LEVELS if level not in ("tujuan", "sasaran")]
    # the condition's key described as the key itself (an editor may take a hover from either)
    level = {"description": schema["properties"]["level"]["description"], "enum": own}
    schema["if"] = {"properties": {"level": level}, "required": ["level"]}
    schema["then"] = {"required": ["uraian"]}
    return schema


# the rules of a whole model that the tool checks after it (by class name)
WHOLE: dict[str, Callable[[Schema], Schema]] = {
    "NodeFile": _node_needs_uraian,
}


def table_entry(cls: type, field: str | None = None) -> Any:
    """The description of ``cls`` (``field`` None: its title and description), found along the
    class's ancestry (a program is a kegiatan with more)."""
    for base in cls.__mro__:
        entry = TABEL.get(base.__name__)
        if entry is None:
            continue
        if field is None:
            return entry[0], entry[1]
        if field in entry[2]:
            return entry[2][field]
    raise KeyError(
        f"no Indonesian description of {cls.__name__}.{field or ''} in schema/keterangan*.py"
    )


def _rule(table: dict[tuple[str, str], Any], cls: type, field: str) -> Any:
    return next(
        (table[(b.__name__, field)] for b in cls.__mro__ if (b.__name__, field) in table), None
    )


class SkemaIkutool(GenerateJsonSchema):
    """pydantic's JSON Schema generator, with what the files accept beyond the models."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # titles are the models', in Indonesian; a key is named by itself

    def model_schema(self, schema: Any) -> Schema:
        out = super().model_schema(schema)
        cls = schema["cls"]
        out["title"], out["description"] = table_entry(cls)
        for name, prop in out.get("properties", {}).items():
            levels = _rule(KEYS, cls, name)
            if levels is not None:
                _with_keys(prop, levels)
            replace = _rule(REPLACE, cls, name)
            if replace is not None:
                prop = out["properties"][name] = replace(prop)
            prop["description"] = table_entry(cls, name)
        whole = WHOLE.get(cls.__name__)
        return whole(out) if whole is not None else out

    def function_before_schema(self, schema: Any) -> Schema:
        inner = super().function_before_schema(schema)
        handlers = _before_validators()
        function = schema["function"]["function"]
        if function not in handlers:
            raise ValueError(
                f"the schema of before-validator {function.__qualname__} is not decided"
            )
        handler = handlers[function]
        return handler(inner) if handler is not None else inner

    def int_schema(self, schema: Any) -> Schema:
        return _lax_int(super().int_schema(schema))

    def float_schema(self, schema: Any) -> Schema:
        return _lax_float(super().float_schema(schema))

    def bool_schema(self, schema: Any) -> Schema:
        return _lax_bool(super().bool_schema(schema))

    def date_schema(self, schema: Any) -> Schema:
        return _date(super().date_schema(schema))


def roots() -> dict[str, tuple[type, list[type]]]:
    """Each kind's model, and the models its hand-read parts refer to."""
    from ikutool.inputs.anggaran import AnggaranFile
    from ikutool.inputs.pk import PkFile
    from ikutool.inputs.pohon import PohonFile
    from ikutool.inputs.program import ProgramFile
    from ikutool.inputs.realisasi import Analisis, Pembanding, RealisasiFile
    from ikutool.inputs.renaksi import RenaksiFile
    from ikutool.inputs.rpjmd import RpjmdFile
    from ikutool.inputs.tindaklanjut import TindakLanjutFile
    from ikutool.model.iku import Iku
    from ikutool.workspace.sources import _config_model

    out: dict[str, tuple[type, list[type]]] = {
        "iku": (Iku, []),
        "realisasi": (RealisasiFile, [Pembanding, Analisis]),
        "pk": (PkFile, []),
        "renaksi": (RenaksiFile, []),
        "program": (ProgramFile, []),
        "anggaran": (AnggaranFile, []),
        "tindak-lanjut": (TindakLanjutFile, []),
        "ruang-kerja": (_config_model(), []),
        "pohon": (PohonFile, []),
        "rpjmd": (RpjmdFile, []),
    }
    assert list(out) == list(KINDS)
    return out


def _lift(node: Any, found: dict[str, Schema]) -> Any:
    """Replace every shared shape by a $ref (beside it, what its key adds: a description, a
    default), collecting the shapes used."""
    if isinstance(node, list):
        return [_lift(x, found) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: _lift(v, found) for k, v in node.items()}
    name = node.pop(_DEF, None)
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


_FIRST = ("$schema", "$comment", "$ref", "title", "description", "type", "enum", "default")
_LAST = ("properties", "additionalProperties", "propertyNames", "required", "definitions")


def _tidy(node: Any, *, names: bool = False) -> Any:
    """Keys in reading order (what a key is before how it is checked); the properties of a model
    keep their declared order, which is the order an editor offers them in."""
    if isinstance(node, list):
        return [_tidy(x) for x in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {k: _tidy(v) for k, v in node.items()}

    def rank(key: str) -> tuple[int, int, str]:
        if key in _FIRST:
            return (0, _FIRST.index(key), "")
        if key in _LAST:
            return (2, _LAST.index(key), "")
        return (1, 0, key)

    return {
        k: _tidy(node[k], names=k in ("properties", "definitions")) for k in sorted(node, key=rank)
    }


def generate(kind: str) -> Schema:
    """The JSON Schema of one file kind."""
    root, extra = roots()[kind]
    _, top = models_json_schema(
        [(m, "validation") for m in (root, *extra)],
        ref_template=REF,
        schema_generator=SkemaIkutool,
    )
    definitions: dict[str, Schema] = top.get("$defs", {})
    shared: dict[str, Schema] = {}
    definitions = _lift(definitions, shared)
    definitions.update(shared)
    document = definitions.pop(root.__name__)
    out: Schema = {
        "$schema": DRAFT,
        "$comment": "Generated from ikutool's models by python -m ikutool.schema.generate; "
        "tests/test_schema.py keeps it equal to them. Do not edit by hand.",
        **document,
    }
    if definitions:
        out["definitions"] = dict(sorted(definitions.items()))
    return _tidy(out)


def text(kind: str) -> str:
    """The schema of ``kind`` as it is written to its file."""
    return json.dumps(generate(kind), ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    folder = Path(__file__).parent
    for kind in KINDS:
        path = folder / file_name(kind)
        new = text(kind)
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"written: {path}")


if __name__ == "__main__":
    main()
