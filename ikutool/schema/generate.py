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

The shapes of values (the first point, and the shapes shared under ``definitions``) are in
:mod:`ikutool.schema.shapes`; this module adds the keys of mappings, the hand-read parts and the
rules of whole models, and runs pydantic's generator over every kind.

Unknown keys and missing required keys are refused exactly where the tool refuses them; a value's
type is checked loosely (the tool's own checks say more, with the line and column).

The schemas are JSON Schema draft-07, the newest that every version of the YAML language server
(VS Code's YAML extension) reads.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from ikutool.schema import KINDS, file_name
from ikutool.schema.shapes import ANGKA_TEXT as ANGKA_TEXT
from ikutool.schema.shapes import BOOL_TEXT as BOOL_TEXT
from ikutool.schema.shapes import DATE_TEXT as DATE_TEXT
from ikutool.schema.shapes import FLOAT_TEXT as FLOAT_TEXT
from ikutool.schema.shapes import INT_TEXT as INT_TEXT
from ikutool.schema.shapes import ISO_DATE_TEXT as ISO_DATE_TEXT
from ikutool.schema.shapes import REF as REF
from ikutool.schema.shapes import TABEL as TABEL
from ikutool.schema.shapes import TRIWULAN_TEXT as TRIWULAN_TEXT
from ikutool.schema.shapes import (
    Schema,
    before_validators,
    lax_bool,
    lax_date,
    lax_float,
    lax_int,
    lift,
    shared,
    string_form,
)

DRAFT = "http://json-schema.org/draft-07/schema#"


# --- keys of mappings ---

# the text form first: for a key that is neither, the editor shows the first one's message
TAHUN = {
    "anyOf": [string_form(INT_TEXT, "kunci target harus tahun, mis. 2019"), {"type": "integer"}],
}
TRIWULAN = {
    "anyOf": [
        string_form(TRIWULAN_TEXT, "triwulan ditulis I, II, III atau IV (juga 1-4, TW1-TW4)"),
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
    """inputs.realisasi_entri.Entries: what an entry under ``realisasi:`` may be."""
    from ikutool.inputs.realisasi import RESERVED

    value = shared("NilaiRealisasi", {"type": ["number", "string", "null"]})
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
    rinci = shared(
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
    entry = shared(
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
        handlers = before_validators()
        function = schema["function"]["function"]
        if function not in handlers:
            raise ValueError(
                f"the schema of before-validator {function.__qualname__} is not decided"
            )
        handler = handlers[function]
        return handler(inner) if handler is not None else inner

    def int_schema(self, schema: Any) -> Schema:
        return lax_int(super().int_schema(schema))

    def float_schema(self, schema: Any) -> Schema:
        return lax_float(super().float_schema(schema))

    def bool_schema(self, schema: Any) -> Schema:
        return lax_bool(super().bool_schema(schema))

    def date_schema(self, schema: Any) -> Schema:
        return lax_date(super().date_schema(schema))


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
    found: dict[str, Schema] = {}
    definitions = lift(definitions, found)
    definitions.update(found)
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
