"""The JSON Schemas of the files (ikutool/schema), for editors.

Kept equal to the models: the schemas are generated from the pydantic models and committed as
files in the package (ikutool/schema/*.schema.json), and the first test regenerates them and
compares. Committed rather than generated on demand, because (1) a model change then shows its
schema change in the same diff, for review; (2) ``iku init`` and ``iku schema`` copy a file
instead of building every model (no pydantic at all for ``iku schema``); (3) the files can be
published as they are, for an editor outside any workspace. The price, regenerating after a
model change (``python -m ikutool.schema.generate``), is named by the failing test.

Then the schemas are held to what the tool does, through ``iku validate``'s own checks:

- every file the tool accepts, the schema accepts: the bundled data, the real tables of
  tests/nyata, the test workspaces, the README and docs examples, what ``iku init`` and the
  templates write, and (hypothesis) any scalar put at a leaf of a file;
- the corpus tests/corpus/skema (each file says what it expects, ``# harap: ...``) and the
  bad-input corpus are refused with the same verdict on the keys: a key the tool calls unknown
  (IKU201, IKU302), a missing required key (IKU202), a key of the wrong form (a year, a
  quarter) at the same place; the schema never calls a key wrong that the tool accepts.

Types and values stay the tool's own checks: the schemas check them loosely, never more strictly.
The ``jsonschema`` package is a test dependency only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ikutool import schema as skema
from ikutool.errors import Finding, IkuError
from ikutool.schema import KINDS, generate
from ikutool.workspace.paths import data_dir
from ikutool.yaml_reader import parse_yaml_bytes, parse_yaml_text

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "corpus"

_VALIDATORS: dict[str, jsonschema.Draft7Validator] = {}


def validator(kind: str) -> jsonschema.Draft7Validator:
    if kind not in _VALIDATORS:
        schema = json.loads(skema.packaged(kind).read_text(encoding="utf-8"))
        _VALIDATORS[kind] = jsonschema.Draft7Validator(schema)
    return _VALIDATORS[kind]


def schema_errors(kind: str, data: Any) -> list[jsonschema.ValidationError]:
    return list(validator(kind).iter_errors(data))


def walk(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from walk(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, (*path, i))


# --- the schemas are the models' ---


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_schemas_equal_the_models(kind: str) -> None:
    shipped = skema.packaged(kind).read_text(encoding="utf-8")
    assert shipped == generate.text(kind), (
        f"ikutool/schema/{skema.file_name(kind)} differs from the models: run "
        "python -m ikutool.schema.generate and review the diff"
    )


DRAFT7 = {
    "$schema", "$id", "$ref", "$comment", "title", "description", "default", "examples",
    "type", "enum", "const", "anyOf", "allOf", "oneOf", "not", "if", "then", "else",
    "properties", "additionalProperties", "patternProperties", "propertyNames", "required",
    "minProperties", "maxProperties", "items", "additionalItems", "minItems", "maxItems",
    "uniqueItems", "contains", "minLength", "maxLength", "pattern", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "definitions", "dependencies",
}  # fmt: skip
EDITOR_ONLY = {"patternErrorMessage"}  # the YAML language server's message for a pattern


@pytest.mark.parametrize("kind", list(KINDS))
def test_schemas_are_draft_07_for_every_yaml_language_server(kind: str) -> None:
    schema = json.loads(skema.packaged(kind).read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    definitions = schema.get("definitions", {})
    for path, node in walk(schema):
        if path and path[-1] in ("properties", "definitions"):
            continue  # a mapping of names, not a schema
        keys = set(node) - EDITOR_ONLY
        assert keys <= DRAFT7, (path, keys - DRAFT7)
        # a format the YAML language server enforces more strictly than the tool reads
        assert "format" not in node, path
        if "$ref" in node:
            name = node["$ref"].removeprefix("#/definitions/")
            assert name in definitions, path
            # draft-07 ignores what stands beside a $ref: only words for the reader may
            assert set(node) - {"$ref"} <= {"description", "title", "default", "examples"}, path
        if "pattern" in node:
            assert "patternErrorMessage" in node, path  # an Indonesian message, not the regex


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_key_and_shape_says_what_it_is_in_indonesian(kind: str) -> None:
    schema = json.loads(skema.packaged(kind).read_text(encoding="utf-8"))
    assert schema["title"] and schema["description"]
    for name, definition in schema.get("definitions", {}).items():
        assert definition.get("title") and definition.get("description"), name
    for path, node in walk(schema):
        if path[-1:] in (("properties",), ("definitions",)):
            continue
        for key, prop in node.get("properties", {}).items():
            assert prop.get("description"), (path, key)
            # the English docstrings of the models never reach the reader
            assert not re.search(r"\b(the|which|is|of)\b", prop["description"]), (path, key)


def _models(root: type) -> dict[str, type]:
    """Every pydantic model reachable from ``root`` through its fields' annotations."""
    import typing

    from pydantic import BaseModel

    found: dict[str, type] = {}

    def visit(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp.__name__ in found:
                assert found[tp.__name__] is tp, f"two models named {tp.__name__}"
                return
            found[tp.__name__] = tp
            for info in tp.model_fields.values():
                visit(info.annotation)
            return
        for arg in typing.get_args(tp):
            visit(arg)

    visit(root)
    return found


def test_the_description_table_names_every_field_and_nothing_else() -> None:
    from ikutool.inputs.realisasi import RESERVED

    table = generate.TABEL  # the tables of keterangan.py, keterangan_tahun.py, keterangan_pohon.py
    models: dict[str, type] = {}
    for root, extra in generate.roots().values():
        for model in (root, *extra):
            for name, cls in _models(model).items():
                assert models.setdefault(name, cls) is cls, f"two models named {name}"
    hand_read = {"Realisasi": set(), "RealisasiRinci": set(RESERVED)}
    assert set(table) == set(models) | set(hand_read)
    for name, (title, description, fields) in table.items():
        assert title and description, name
        if name in hand_read:
            assert set(fields) == hand_read[name], name
            continue
        cls = models[name]
        assert set(fields) <= set(cls.model_fields), (name, set(fields) - set(cls.model_fields))
        for field in cls.model_fields:  # inherited fields may be described by the parent
            assert generate.table_entry(cls, field), (name, field)


def test_an_undecided_before_validator_stops_the_generation() -> None:
    from typing import Annotated

    from pydantic import BeforeValidator
    from pydantic.json_schema import models_json_schema

    from ikutool.model.iku import Base

    class Aneh(Base):
        x: Annotated[int, BeforeValidator(lambda v: v)]

    with pytest.raises(ValueError, match="is not decided"):
        models_json_schema([(Aneh, "validation")], schema_generator=generate.SkemaIkutool)


# --- every file the tool accepts, the schema accepts ---


def yaml_data(raw: bytes, name: str = "berkas.yaml") -> Any:
    return parse_yaml_bytes(raw, name).data


def good_files() -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = [("iku", data_dir() / "iku_2016_2021.yaml")]
    for folder in (data_dir(), *sorted((CORPUS / n) for n in ("bentuk", "lke", "triwulan"))):
        for kind in ("realisasi", "pk", "anggaran", "program", "renaksi"):
            out += [(kind, p) for p in sorted((folder / kind).glob("*.yaml"))]
        for name, kind in (
            ("tindak-lanjut.yaml", "tindak-lanjut"),
            ("ikutool.yaml", "ruang-kerja"),
        ):
            if (folder / name).is_file():
                out.append((kind, folder / name))
        if folder != data_dir():
            out.append(("iku", folder / "iku.yaml"))
    # the pohon kinerja: the contoh's, and the hand-made regency of three agencies (each agency
    # a workspace with its IKU, its tree and one program file with sub kegiatan)
    out += [("pohon", data_dir() / "pohon" / "pohon.yaml")]
    out += [("rpjmd", data_dir() / "pohon" / "rpjmd.yaml")]
    regency = CORPUS / "pohon" / "kabupaten"
    out.append(("rpjmd", regency / "rpjmd.yaml"))
    for agency in sorted(p for p in regency.iterdir() if p.is_dir()):
        out += [("iku", agency / "iku.yaml"), ("ruang-kerja", agency / "ikutool.yaml")]
        out += [("pohon", agency / "pohon" / "pohon.yaml")]
        out += [("program", p) for p in sorted((agency / "program").glob("*.yaml"))]
    for folder in sorted((ROOT / "tests" / "nyata").iterdir()):
        out.append(("iku", folder / "iku.yaml"))
        out += [("realisasi", p) for p in sorted((folder / "realisasi").glob("*.yaml"))]
    # the bad-input corpus's files that are valid (exit 0, warnings allowed)
    out += [("iku", CORPUS / "iku" / "34-bom-crlf-valid.yaml")]
    out += [
        ("realisasi", CORPUS / "realisasi" / n)
        for n in ("27-bom-crlf-valid.yaml", "28-thousands-dot-trap-warning.yaml")
    ]
    out += [("realisasi", CORPUS / "realisasi" / "29-leading-zero-warning.yaml")]
    out.append(("iku", ROOT / "ikutool" / "starter" / "iku.yaml"))
    return out


GOOD = good_files()


@pytest.mark.parametrize(("kind", "path"), GOOD, ids=[str(p.relative_to(ROOT)) for _, p in GOOD])
def test_the_schema_accepts_every_file_the_tool_accepts(kind: str, path: Path) -> None:
    errors = schema_errors(kind, yaml_data(path.read_bytes(), path.name))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_the_good_corpus_is_wide() -> None:
    kinds = {kind for kind, _ in GOOD}
    assert kinds == set(KINDS) and len(GOOD) >= 40


def test_what_init_and_the_templates_write_is_accepted(bundled, tmp_path, monkeypatch) -> None:
    from ikutool.definition.load import load_iku
    from ikutool.inputs import realisasi_templat as realisasi
    from ikutool.inputs import renaksi
    from ikutool.inputs.pk import load_pk_file
    from ikutool.workspace.sources import MARKER_TEXT, init_workspace, starter_iku

    written: list[tuple[str, str]] = [
        ("ruang-kerja", MARKER_TEXT.format(nama="")),
        ("ruang-kerja", MARKER_TEXT.format(nama="nama: Dinas Contoh\n")),
    ]
    starter = load_iku(ROOT / "ikutool" / "starter" / "iku.yaml").iku
    pk = load_pk_file(data_dir() / "pk" / "2019.yaml", bundled.iku)
    for iku, years in ((bundled.iku, range(2016, 2022)), (starter, range(2025, 2030))):
        for year in years:
            written.append(("realisasi", realisasi.template_text(iku, year, iku_file="iku.yaml")))
            written.append(("renaksi", renaksi.template_text(iku, year, iku_file="iku.yaml")))
    written.append(("realisasi", realisasi.template_text(bundled.iku, 2019, pk=pk)))
    written.append(("renaksi", renaksi.template_text(bundled.iku, 2019, pk)))
    for kind, text in written:
        assert not schema_errors(kind, parse_yaml_text(text, "t.yaml").data), text[:200]
    assert starter_iku()
    root = tmp_path / "coba"
    made = [p for p, _ in init_workspace(root, contoh=True, force=False) if p.suffix == ".yaml"]
    assert len(made) >= 10
    for path in made:
        kind = skema.kind_of_path(path, root)
        assert kind is not None, path
        assert not schema_errors(kind, yaml_data(path.read_bytes())), path


# the README and docs examples, each built into the whole file its tag names (as test_docs.py)
BASE_IKU = """\
instansi: {nama: Dinas Contoh}
periode: {awal: 2016, akhir: 2021}
sasaran:
  - kode: S1
    uraian: Sasaran contoh
    indikator:
"""
DOC_KINDS = {
    "iku": "iku", "indikator": "iku", "mutu-indikator": "iku", "realisasi": "realisasi",
    "entri": "realisasi", "bentuk-entri": "realisasi", "pk": "pk", "bentuk-pk": "pk",
    "anggaran": "anggaran", "program": "program", "renaksi": "renaksi",
    "tindak-lanjut": "tindak-lanjut", "ruang-kerja": "ruang-kerja", "pohon": "pohon",
    "rpjmd": "rpjmd",
}  # fmt: skip


def built(kind: str, body: str) -> str:
    if kind in ("indikator", "mutu-indikator"):
        return BASE_IKU + textwrap.indent(body, " " * 6)
    if kind in ("entri", "bentuk-entri"):
        return "tahun: 2019\nrealisasi:\n" + textwrap.indent(body, "  ")
    return body


def doc_examples() -> list[tuple[str, str, str, str]]:
    fence = re.compile(r"^```yaml([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
    out = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        for m in fence.finditer(text):
            verdict, _, rest = m.group(1).strip().partition(":")
            kind, _, code = rest.partition(" ")
            line = text[: m.start()].count("\n") + 1
            out.append((f"{doc.name}:{line}", verdict, kind, m.group(2)))
    return out


EXAMPLES = doc_examples()


@pytest.mark.parametrize(
    ("where", "kind", "body"),
    [(w, k, b) for w, v, k, b in EXAMPLES if v == "benar"],
    ids=[w for w, v, _, _ in EXAMPLES if v == "benar"],
)
def test_the_schema_accepts_every_valid_docs_example(where: str, kind: str, body: str) -> None:
    data = parse_yaml_text(built(kind, body), "contoh.yaml").data
    errors = schema_errors(DOC_KINDS[kind], data)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


# --- the same verdict on the keys ---

Verdict = tuple[str, tuple[str, ...]]


def data_path(data: Any, segments: tuple) -> tuple[str, ...]:
    """A finding's path as it is in the file: pydantic's own segments (a union member's name,
    the ``komponen`` of a target written as a list) left out."""
    out: list[Any] = []
    node = data
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if isinstance(node, dict):
            key = seg if seg in node else None
            if key is None and isinstance(seg, str) and seg.isdigit() and int(seg) in node:
                key = int(seg)
            if key is None:
                if last:
                    out.append(seg)
                continue
            out.append(key)
            node = node[key]
        elif isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
            out.append(seg)
            node = node[seg]
        elif last:
            out.append(seg)
    return tuple(str(x) for x in out)


def tool_verdicts(findings: list[Finding], data: Any) -> set[Verdict]:
    """What the tool says about keys: unknown (IKU201; IKU302 "kunci ... tidak dikenal" in a
    realisasi entry), missing (IKU202), of the wrong form (a quarter that is none, IKU302; a year
    key that is a date, IKU203)."""
    out: set[Verdict] = set()
    for f in findings:
        if not f.is_error or f.segments is None:
            continue
        where = data_path(data, f.segments)
        if f.code == "IKU201" or (f.code == "IKU302" and f.message.startswith("kunci '")):
            out.add(("tak dikenal", where))
        elif f.code == "IKU202":
            out.add(("tidak ada", where))
        elif f.code == "IKU302" and f.message.startswith("triwulan '"):
            out.add(("bentuk kunci", where))
        elif f.code in ("IKU203", "IKU301") and f.message.startswith("kunci "):
            out.add(("bentuk kunci", where))
    return out


def schema_verdicts(
    errors: list[jsonschema.ValidationError], definite: bool = True
) -> set[tuple[str, tuple[str, ...], bool]]:
    """What the schema says about keys; ``definite`` False for what one branch of a union says
    (the YAML language server shows the branch that fits best)."""
    out: set[tuple[str, tuple[str, ...], bool]] = set()
    for e in errors:
        path = tuple(str(x) for x in e.absolute_path)
        if "propertyNames" in e.relative_schema_path:
            out.add(("bentuk kunci", (*path, str(e.instance)), definite))
            continue
        if e.validator == "additionalProperties" and e.validator_value is False:
            known = set(e.schema.get("properties", {}))
            out |= {
                ("tak dikenal", (*path, str(k)), definite) for k in e.instance if k not in known
            }
        elif e.validator == "required":
            missing = [k for k in e.validator_value if k not in e.instance]
            out |= {("tidak ada", (*path, k), definite) for k in missing}
        if e.context:
            out |= schema_verdicts(list(e.context), False)
    return out


PLACE = {
    "iku": "iku.yaml",
    "realisasi": "realisasi/2019.yaml",
    "pk": "pk/2019.yaml",
    "anggaran": "anggaran/2019.yaml",
    "program": "program/2019.yaml",
    "renaksi": "renaksi/2019.yaml",
    "tindak-lanjut": "tindak-lanjut.yaml",
    "ruang-kerja": "ikutool.yaml",
    "pohon": "pohon/pohon.yaml",
    "rpjmd": "pohon/rpjmd.yaml",
}


def both_verdicts(
    kind: str, raw: bytes, folder: Path, bundled
) -> tuple[set[Verdict], set[tuple[str, tuple[str, ...], bool]], Any] | None:
    """The file checked by ``iku validate``'s own check (placed where its kind lives, realisasi
    and the like against the bundled IKU), and by the schema; None when it is not YAML at all."""
    from ikutool.inputs.checks import check_file

    rel = Path(PLACE[kind])
    (folder / rel).parent.mkdir(parents=True, exist_ok=True)
    (folder / rel).write_bytes(raw)
    try:
        data = yaml_data(raw, str(rel))
    except IkuError:
        return None
    here = Path.cwd()
    os.chdir(folder)
    try:
        report = check_file(rel, str(rel), lambda: bundled.iku)
    finally:
        os.chdir(here)
    return tool_verdicts(report.findings, data), schema_verdicts(schema_errors(kind, data)), report


def expected_verdicts(text: str) -> set[Verdict]:
    out = set()
    for line in text.splitlines():
        if line.startswith("# harap: "):
            verdict, where = line.removeprefix("# harap: ").split(" ", 1)
            out.add((verdict.replace("-", " "), tuple(where.split("/"))))
    return out


SKEMA_CORPUS = sorted(
    (kind.name, path) for kind in (CORPUS / "skema").iterdir() for path in kind.iterdir()
)


@pytest.mark.parametrize(
    ("kind", "path"), SKEMA_CORPUS, ids=[f"{k}/{p.name}" for k, p in SKEMA_CORPUS]
)
def test_bad_keys_get_the_same_verdict_from_validate_and_the_schema(
    kind: str, path: Path, tmp_path: Path, bundled
) -> None:
    expected = expected_verdicts(path.read_text(encoding="utf-8"))
    assert expected, "a corpus file says what it expects (# harap: ...)"
    found = both_verdicts(kind, path.read_bytes(), tmp_path, bundled)
    assert found is not None
    tool, schema, report = found
    assert tool == expected, [str(f) for f in report.findings]
    assert not report.valid
    assert expected <= {(v, p) for v, p, _ in schema}, schema
    assert {(v, p) for v, p, definite in schema if definite} <= expected, schema


def test_the_key_corpus_covers_every_kind_and_verdict() -> None:
    kinds = {k for k, _ in SKEMA_CORPUS}
    verdicts = {v for _, p in SKEMA_CORPUS for v, _ in expected_verdicts(p.read_text("utf-8"))}
    assert kinds == set(KINDS)
    assert verdicts == {"tak dikenal", "tidak ada", "bentuk kunci"}


BAD_CORPUS = sorted(
    (kind, path)
    for kind in ("iku", "realisasi", "pk", "anggaran")
    for path in (CORPUS / kind).iterdir()
)


@pytest.mark.parametrize(("kind", "path"), BAD_CORPUS, ids=[f"{k}/{p.name}" for k, p in BAD_CORPUS])
def test_the_bad_input_corpus_gets_the_same_verdict_on_keys(
    kind: str, path: Path, tmp_path: Path, bundled
) -> None:
    found = both_verdicts(kind, path.read_bytes(), tmp_path, bundled)
    if found is None:
        return  # not YAML (syntax, encoding, bombs): the editor says so itself
    tool, schema, report = found
    assert tool <= {(v, p) for v, p, _ in schema}, (tool, schema)
    assert {(v, p) for v, p, definite in schema if definite} <= tool, (tool, schema)
    if report.valid:
        errors = schema_errors(kind, yaml_data(path.read_bytes()))
        assert not errors, [e.message for e in errors]


@pytest.mark.parametrize(
    ("where", "verdict", "kind", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_docs_examples_get_the_same_verdict_on_keys(
    where: str, verdict: str, kind: str, body: str, bundled, tmp_path: Path
) -> None:
    text = built(kind, body)
    if kind in ("indikator", "mutu-indikator"):
        kind_of_file = "iku"
    else:
        kind_of_file = DOC_KINDS[kind]
    if kind.startswith("bentuk-"):
        return  # checked against the IKU of every target form (test_docs.py), not the bundled one
    found = both_verdicts(kind_of_file, text.encode("utf-8"), tmp_path, bundled)
    assert found is not None
    tool, schema, _ = found
    assert tool <= {(v, p) for v, p, _ in schema}, (where, tool, schema)
    assert {(v, p) for v, p, definite in schema if definite} <= tool, (where, tool, schema)


# --- what the tool reads beyond the models: lax forms, patterns that help ---

# a minimal valid file of each kind (against the bundled IKU), as data
BASE: dict[str, dict] = {
    "iku": {
        "instansi": {"nama": "Dinas Contoh"},
        "periode": {"awal": 2016, "akhir": 2021},
        "skala": {"nama": "Skala", "tingkat": [{"label": "Baik", "minimal": 85}, {"label": "K"}]},
        "sasaran": [
            {
                "kode": "S1",
                "uraian": "Sasaran",
                "indikator": [
                    {
                        "kode": "S1.1",
                        "uraian": "A",
                        "kondisi_awal": {"tahun": 2015, "nilai": "5"},
                        "target": {2019: "5 unit"},
                    },
                    {
                        "kode": "S1.2",
                        "uraian": "B",
                        "target": {2019: [{"kunci": "a", "jumlah": 5, "satuan": "%"}]},
                    },
                ],
            }
        ],
    },  # fmt: skip
    "realisasi": {
        "tahun": 2019,
        "status": "sementara",
        "realisasi": {
            "S1.2": {"nilai": 58, "pembanding": {"nilai": 50, "tingkat": "provinsi"}},
            "S4.1": {"triwulan": {"I": 10, "II": 12}},
            "S3.1": 80,
        },
    },
    "pk": {
        "tahun": 2019,
        "ditandatangani": "2019-01-15",
        "target": {"S1.2": "55 org"},
        "perubahan": [{"tanggal": "2019-07-01", "target": {"S1.2": "50 org"}}],
    },
    "renaksi": {"tahun": 2019, "target": {"S1.2": {"I": "10 org", "IV": "50 org"}}},
    "program": {
        "tahun": 2019,
        "program": [
            {
                "kode": "P1",
                "nama": "Program",
                "sasaran": "S1",
                "pagu": "Rp 1.000.000.000",
                "realisasi_rp": {"I": "Rp 100.000.000"},
                "indikator": [
                    {
                        "kode": "P1.a",
                        "uraian": "A",
                        "target": "200 UMKM",
                        "realisasi": {"I": "40 UMKM"},
                    },
                ],
                "kegiatan": [
                    {
                        "kode": "P1.01",
                        "nama": "Kegiatan",
                        "sub_kegiatan": [
                            {
                                "kode": "2.17.02.1.01.0001",
                                "nama": "Sub kegiatan",
                                "pagu": "Rp 300.000.000",
                                "realisasi_rp": {"I": "Rp 40.000.000"},
                            }
                        ],
                    }
                ],
            }
        ],
    },  # fmt: skip
    "anggaran": {
        "tahun": 2019,
        "program": [{"nama": "Program", "sasaran": ["S1"], "pagu": 1000, "realisasi": 900}],
    },
    "tindak-lanjut": {
        "evaluasi": [
            {"tahun": 2019, "nilai": "65,2", "rekomendasi": [{"uraian": "A", "status": "Tuntas"}]}
        ]
    },
    "ruang-kerja": {"iku": "iku.yaml", "nama": "Dinas"},
    "pohon": {
        "instansi": "DISKOPERINDAG",
        "pejabat": [
            {"kode": "kadis", "jabatan": "Kepala Dinas", "eselon": "II"},
            {"kode": "kabid", "jabatan": "Kepala Bidang", "eselon": "III", "atasan": "kadis"},
        ],
        "pohon": [
            {"kode": "S1", "mendukung": "SR2.1", "pemilik": "kadis"},
            {
                "kode": "P1",
                "level": "program",
                "induk": "S1",
                "uraian": "Program",
                "pemilik": "kabid",
                "indikator": [{"kode": "P1.a", "uraian": "A", "target": {2019: "10 %"}}],
                "crosscutting": [{"instansi": "DINKES", "kode": "S2"}],
            },
        ],
    },
    "rpjmd": {
        "pemerintah": "Kabupaten Contoh",
        "periode": {"awal": 2016, "akhir": 2021},
        "kepala_daerah": {"nama": "Bupati", "nip": "1"},
        "tujuan": [{"kode": "T1", "uraian": "Tujuan"}],
        "sasaran": [
            {
                "kode": "SR1",
                "tujuan": "T1",
                "uraian": "Sasaran",
                "indikator": [{"kode": "SR1.a", "uraian": "B", "target": {2019: "8 %"}}],
            }
        ],
        "perangkat_daerah": [{"kode": "DINKES", "nama": "Dinas Kesehatan"}],
    },
}


def to_yaml(value: Any) -> str:
    """Flow-style YAML of ``value`` that keeps its key types (JSON would make 2019 a string)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{to_yaml(k)}: {to_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_yaml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def tool_findings(kind: str, text: str, iku) -> list[Finding]:
    """The findings the tool's reader of ``kind`` gives ``text`` (checked like a 2019 file)."""
    from ikutool.model.validation import validate_document

    try:
        doc = parse_yaml_text(text, "2019.yaml")
        if kind == "iku":
            from ikutool.definition.load import iku_from_document

            return iku_from_document(doc).findings
        if kind == "tindak-lanjut":
            from ikutool.inputs.tindaklanjut import TindakLanjutFile

            return validate_document(doc, TindakLanjutFile, "")[1]
        if kind == "ruang-kerja":
            from ikutool.workspace.sources import _config_model

            return validate_document(doc, _config_model(), "")[1]
        if kind == "pohon":
            from ikutool.inputs.pohon import pohon_from_document

            return pohon_from_document(doc, iku).findings
        if kind == "rpjmd":
            from ikutool.inputs.rpjmd import rpjmd_from_document

            return rpjmd_from_document(doc).findings
        from ikutool.inputs import anggaran, pk, program, realisasi, renaksi

        load = {
            "realisasi": realisasi.realisasi_from_document,
            "pk": pk.pk_from_document,
            "renaksi": renaksi.renaksi_from_document,
            "program": program.program_from_document,
            "anggaran": anggaran.anggaran_from_document,
        }[kind]
        return load(doc, Path("2019.yaml"), iku).findings
    except IkuError as exc:
        return exc.findings


def put(data: Any, path: tuple, value: Any, *, key: bool = False) -> Any:
    """A copy of ``data`` with ``value`` at ``path`` (with ``key``: the last key renamed)."""
    import copy

    out = copy.deepcopy(data)
    node = out
    for seg in path[:-1]:
        node = node[seg]
    if key:
        node[value] = node.pop(path[-1])
    else:
        node[path[-1]] = value
    return out


def verdict_of(kind: str, data: Any, iku) -> tuple[bool, bool]:
    """(the tool accepts it, the schema accepts it)."""
    text = to_yaml(data)
    try:
        parsed = parse_yaml_text(text, "2019.yaml").data
    except IkuError:
        return False, False  # not YAML (a character YAML cannot hold): nothing to compare
    tool = not any(f.is_error for f in tool_findings(kind, text, iku))
    return tool, not schema_errors(kind, parsed)


def test_the_base_files_are_valid_for_both(bundled) -> None:
    for kind, data in BASE.items():
        assert verdict_of(kind, data, bundled.iku) == (True, True), kind


IND = ("sasaran", 0, "indikator", 0)
SUB = ("program", 0, "kegiatan", 0, "sub_kegiatan", 0)
# (kind, path, value, the tool accepts it): the lax forms the tool reads, and mistakes a
# pattern catches in the editor
FORMS = [
    ("realisasi", ("tahun",), "2019", True),
    ("realisasi", ("tahun",), " 2019 ", True),
    ("iku", ("periode", "awal"), "2016", True),
    ("iku", (*IND, "bobot"), "2", True),
    ("iku", (*IND, "target", 2019), 5, True),
    ("iku", (*IND, "target", 2019), "-", True),
    ("iku", (*IND, "target", 2019), None, True),
    ("iku", ("sasaran", 0, "indikator", 1, "target", 2019, 0, "jumlah"), "7,14", True),
    ("iku", ("sasaran", 0, "indikator", 1, "target", 2019, 0, "persen"), "yes", True),
    ("iku", ("sasaran", 0, "indikator", 1, "target", 2019, 0, "jumlah"), "7.14", False),
    ("realisasi", ("realisasi", "S1.2", "pembanding", "nilai"), "1.234,5", True),
    ("realisasi", ("realisasi", "S1.2", "pembanding", "nilai"), "2.75", False),
    ("realisasi", ("realisasi", "S1.2", "pembanding", "nilai"), "lima puluh", False),
    ("realisasi", ("realisasi", "S1.2", "nilai"), "58", True),
    ("realisasi", ("realisasi", "S1.2", "nilai"), True, False),
    ("realisasi", ("realisasi", "S1.2", "nilai"), [58], False),
    ("pk", ("daftar_lengkap",), "ya", True),
    ("pk", ("daftar_lengkap",), " Tidak ", True),
    ("pk", ("daftar_lengkap",), "on", True),
    ("pk", ("daftar_lengkap",), "mungkin", False),
    ("pk", ("ditandatangani",), "20190115", True),
    ("pk", ("ditandatangani",), "15-01-2019", False),
    ("pk", ("ditandatangani",), "15 Januari 2019", False),
    ("pk", ("perubahan", 0, "tanggal"), "2019-07-01T00:00:00", True),
    ("pk", ("perubahan", 0, "tanggal"), "01/07/2019", False),
    ("tindak-lanjut", ("evaluasi", 0, "rekomendasi", 0, "status"), " tuntas ", True),
    ("tindak-lanjut", ("evaluasi", 0, "rekomendasi", 0, "status"), "selesai", False),
    ("tindak-lanjut", ("evaluasi", 0, "nilai"), "65.2", False),
    ("program", ("program", 0, "pagu"), "Rp 1,5 miliar", True),
    ("program", ("program", 0, "pagu"), -5, False),
    ("program", ("program", 0, "pagu"), "satu miliar", False),
    ("program", ("program", 0, "sasaran"), ["S1"], True),
    ("anggaran", ("program", 0, "pagu"), "1.250.000.000", True),
    ("program", (*SUB, "pagu"), "Rp 1,5 miliar", True),
    ("program", (*SUB, "pagu"), "satu miliar", False),
    ("pohon", ("pohon", 1, "mendukung"), ["SR2.1", "SR2.2"], True),
    ("pohon", ("pohon", 1, "indikator", 0, "target", 2019), 10, True),
    ("pohon", ("pohon", 1, "level"), "subkegiatan", False),
    ("pohon", ("pejabat", 1, "eselon"), "V", False),
    ("rpjmd", ("periode", "awal"), "2016", True),
    ("rpjmd", ("sasaran", 0, "indikator", 0, "target", 2019), "-", True),
]


@pytest.mark.parametrize(("kind", "path", "value", "accepted"), FORMS)
def test_lax_forms_are_accepted_and_helpful_patterns_refuse(
    kind: str, path: tuple, value: Any, accepted: bool, bundled
) -> None:
    tool, schema = verdict_of(kind, put(BASE[kind], path, value), bundled.iku)
    assert tool is accepted
    assert schema is accepted  # each refused form here is one a pattern catches as it is typed


# (kind, path of a key, new key, the tool accepts it)
KEY_FORMS = [
    ("iku", (*IND, "target", 2019), "2019", True),
    ("iku", (*IND, "target", 2019), "2019-01-01", False),
    ("realisasi", ("realisasi", "S4.1", "triwulan", "II"), "tw2", True),
    ("realisasi", ("realisasi", "S4.1", "triwulan", "II"), 2, True),
    ("realisasi", ("realisasi", "S4.1", "triwulan", "II"), " 2 ", True),
    ("realisasi", ("realisasi", "S4.1", "triwulan", "II"), 5, False),
    ("realisasi", ("realisasi", "S4.1", "triwulan", "II"), "Q2", False),
    ("renaksi", ("target", "S1.2", "IV"), "TW4", True),
    ("renaksi", ("target", "S1.2", "IV"), "V", False),
    ("program", ("program", 0, "realisasi_rp", "I"), 1, True),
    ("program", ("program", 0, "indikator", 0, "realisasi", "I"), "iv", True),
    ("program", ("program", 0, "indikator", 0, "realisasi", "I"), "TW 1", False),
    ("pk", ("target", "S1.2"), 12, False),
    ("program", (*SUB, "realisasi_rp", "I"), "TW1", True),
    ("program", (*SUB, "realisasi_rp", "I"), "V", False),
    ("pohon", ("pohon", 1, "indikator", 0, "target", 2019), "2019", True),
    ("pohon", ("pohon", 1, "indikator", 0, "target", 2019), "2019-01-01", False),
    ("rpjmd", ("sasaran", 0, "indikator", 0, "target", 2019), " 2019 ", True),
    ("rpjmd", ("sasaran", 0, "indikator", 0, "target", 2019), "TW1", False),
]


@pytest.mark.parametrize(("kind", "path", "new", "accepted"), KEY_FORMS)
def test_keys_of_mappings_years_and_quarters(kind, path, new, accepted, bundled) -> None:
    tool, schema = verdict_of(kind, put(BASE[kind], path, new, key=True), bundled.iku)
    assert tool is accepted
    assert schema is accepted


# any scalar at a leaf: what the tool accepts, the schema accepts
TRICKY = [
    "2019", " 2019 ", "2_019", "2019.0", "6,5", "1.234", "1.234,5", "7,14 %", "- 5", "\u22125",
    "ya", "tidak", " Ya ", "yes", "on", "Off", "t", "Tuntas", " tuntas ", "BELUM", "I", "iv",
    "tw2", " 3 ", "2019-01-15", "20190115", "2019-W03-2", "2019-07-01T00:00:00", "1561939200",
    "Rp 1.250.000.000", "Rp 1,5 miliar", "1,5 M", "80-90 %", "minimal 80 %", "1:30", "WTP", "-",
    "", "N/A", "kumulatif", "akhir", "positif", "negatif", "contoh", "final", "1e3", ".5",
]  # fmt: skip
SCALARS = st.one_of(
    st.integers(-(10**6), 10**16),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e16, max_value=1e16),
    st.booleans(),
    st.none(),
    st.text(alphabet="0123456789.,_-+ %eE:RpmiliarWTDPIVtwyaTidku\t", max_size=12),
    st.sampled_from(TRICKY),
)
LEAVES = [
    ("iku", ("periode", "awal")),
    ("iku", (*IND, "bobot")),
    ("iku", (*IND, "target", 2019)),
    ("iku", (*IND, "polaritas")),
    ("iku", (*IND, "agregasi_triwulan")),
    ("iku", (*IND, "kondisi_awal", "tahun")),
    ("iku", (*IND, "kondisi_awal", "nilai")),
    ("iku", ("maks_indikator_per_sasaran",)),
    ("iku", ("skala", "tingkat", 0, "minimal")),
    ("iku", ("sasaran", 0, "indikator", 1, "target", 2019, 0, "jumlah")),
    ("iku", ("sasaran", 0, "indikator", 1, "target", 2019, 0, "persen")),
    ("realisasi", ("tahun",)),
    ("realisasi", ("status",)),
    ("realisasi", ("realisasi", "S3.1")),
    ("realisasi", ("realisasi", "S1.2", "nilai")),
    ("realisasi", ("realisasi", "S1.2", "catatan")),
    ("realisasi", ("realisasi", "S1.2", "pembanding", "nilai")),
    ("realisasi", ("realisasi", "S1.2", "pembanding", "tahun")),
    ("realisasi", ("realisasi", "S4.1", "triwulan", "I")),
    ("pk", ("tahun",)),
    ("pk", ("daftar_lengkap",)),
    ("pk", ("ditandatangani",)),
    ("pk", ("perubahan", 0, "tanggal")),
    ("pk", ("target", "S1.2")),
    ("renaksi", ("target", "S1.2", "I")),
    ("program", ("program", 0, "pagu")),
    ("program", ("program", 0, "realisasi_rp", "I")),
    ("program", ("program", 0, "sasaran")),
    ("program", ("program", 0, "indikator", 0, "realisasi", "I")),
    ("program", ("efisiensi",)),
    ("program", (*SUB, "pagu")),
    ("anggaran", ("program", 0, "pagu")),
    ("anggaran", ("program", 0, "kode")),
    ("tindak-lanjut", ("evaluasi", 0, "nilai")),
    ("tindak-lanjut", ("evaluasi", 0, "tahun")),
    ("tindak-lanjut", ("evaluasi", 0, "rekomendasi", 0, "status")),
    ("ruang-kerja", ("iku",)),
    ("ruang-kerja", ("pohon",)),
    ("pohon", ("status",)),
    ("pohon", ("pejabat", 1, "eselon")),
    ("pohon", ("pohon", 0, "mendukung")),
    ("pohon", ("pohon", 1, "level")),
    ("pohon", ("pohon", 1, "indikator", 0, "target", 2019)),
    ("pohon", ("pohon", 1, "indikator", 0, "bobot")),
    ("pohon", ("pohon", 1, "crosscutting", 0, "instansi")),
    ("rpjmd", ("periode", "akhir")),
    ("rpjmd", ("sasaran", 0, "indikator", 0, "target", 2019)),
    ("rpjmd", ("kepala_daerah", "nip")),
]
KEY_LEAVES = [
    ("iku", (*IND, "target", 2019)),
    ("realisasi", ("realisasi", "S4.1", "triwulan", "II")),
    ("renaksi", ("target", "S1.2", "IV")),
    ("program", ("program", 0, "realisasi_rp", "I")),
    ("pohon", ("pohon", 1, "indikator", 0, "target", 2019)),
    ("rpjmd", ("sasaran", 0, "indikator", 0, "target", 2019)),
]


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "path"), LEAVES, ids=["/".join(map(str, p)) for _, p in LEAVES])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=SCALARS)
def test_the_schema_never_refuses_a_value_the_tool_accepts(kind, path, value, bundled) -> None:
    tool, schema = verdict_of(kind, put(BASE[kind], path, value), bundled.iku)
    assert schema or not tool, value


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "path"), KEY_LEAVES, ids=[f"{k}/{p[-1]}" for k, p in KEY_LEAVES])
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(new=st.one_of(st.integers(-5, 3000), st.sampled_from(TRICKY), st.text(max_size=6)))
def test_the_schema_never_refuses_a_key_the_tool_accepts(kind, path, new, bundled) -> None:
    data = put(BASE[kind], path, new, key=True)
    if len(data_at(data, path[:-1])) < len(data_at(BASE[kind], path[:-1])):
        return  # the new key is one the mapping already has
    tool, schema = verdict_of(kind, data, bundled.iku)
    assert schema or not tool, new


def data_at(data: Any, path: tuple) -> Any:
    for seg in path:
        data = data[seg]
    return data


# the patterns, each against what it stands for (the alphabet of the things people type)
TYPED = st.text(alphabet="0123456789 .,_+-eE%\u2212\u2013IiVvTtWw:xa\t", max_size=14)


def _matches(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


@settings(max_examples=400, deadline=None)
@given(text=TYPED)
def test_the_number_pattern_is_exactly_the_indonesian_reader(text: str) -> None:
    from ikutool.formatting.numbers import NumberFormatError, parse_angka

    try:
        parse_angka(text)
        reads = True
    except NumberFormatError:
        reads = False
    assert _matches(generate.ANGKA_TEXT, text) is reads


@settings(max_examples=400, deadline=None)
@given(text=TYPED)
def test_the_quarter_pattern_is_exactly_quarter_name(text: str) -> None:
    from ikutool.inputs.realisasi import quarter_name

    assert _matches(generate.TRIWULAN_TEXT, text) is (quarter_name(text) is not None)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(TYPED, st.sampled_from(TRICKY)))
def test_the_lax_patterns_accept_all_pydantic_accepts(text: str) -> None:
    from pydantic import ConfigDict, TypeAdapter, ValidationError

    strict_floats = ConfigDict(allow_inf_nan=False)
    for tp, pattern in (
        (int, generate.INT_TEXT),
        (float, generate.FLOAT_TEXT),
        (bool, generate.BOOL_TEXT),
        (dt.date, generate.DATE_TEXT),
    ):
        try:
            TypeAdapter(tp, config=strict_floats).validate_python(text)
        except ValidationError:
            continue
        assert _matches(pattern, text), (tp, text)
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return
    assert _matches(generate.ISO_DATE_TEXT, text)


# --- the schema line, iku init, the templates, iku schema ---

LINE = "# yaml-language-server: $schema="


def test_with_schema_line_keeps_bom_line_endings_and_replaces_an_old_line() -> None:
    line = LINE + ".skema/iku.schema.json"
    assert skema.with_schema_line("a: 1\n", line) == line + "\na: 1\n"
    assert (
        skema.with_schema_line("\ufeffa: 1\r\nb: 2\r\n", line)
        == "\ufeff" + line + "\r\na: 1\r\nb: 2\r\n"
    )
    once = skema.with_schema_line("a: 1\n", LINE + "lama.json")
    assert skema.with_schema_line(once, line) == line + "\na: 1\n"
    assert skema.with_schema_line("", line) == line + "\n"


def test_schema_line_is_relative_to_the_file(tmp_path: Path) -> None:
    root = tmp_path / "ruang kerja"
    assert skema.schema_line("iku", root / "iku.yaml", root) == LINE + ".skema/iku.schema.json"
    deep = root / "data" / "realisasi" / "2020.yaml"
    assert skema.schema_line("realisasi", deep, root) == LINE + "../../.skema/realisasi.schema.json"


def test_in_workspace_only_where_the_workspace_has_the_schema(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / ".skema").mkdir(parents=True)
    target = root / "realisasi" / "2020.yaml"
    assert skema.in_workspace("a: 1\n", "realisasi", target, root) == "a: 1\n"  # no schema there
    (root / ".skema" / "realisasi.schema.json").write_text("{}", encoding="utf-8")
    assert skema.in_workspace("a: 1\n", "realisasi", target, root).startswith(LINE + "../.skema/")
    assert skema.in_workspace("a: 1\n", "realisasi", tmp_path / "luar.yaml", root) == "a: 1\n"
    assert skema.in_workspace("a: 1\n", "realisasi", target, None) == "a: 1\n"


def first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").splitlines()[0]


def schema_named_by(path: Path) -> Path:
    line = first_line(path)
    assert line.startswith(LINE), path
    return (path.parent / line.removeprefix(LINE)).resolve()


def test_init_names_a_schema_on_the_first_line_of_every_yaml_file(
    iku_cli, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for args, name in ((["init", "baru"], "baru"), (["init", "--contoh", "coba"], "coba")):
        result = iku_cli(*args)
        assert result.exit_code == 0, result.output
        assert "skema untuk editor: 10 berkas dibuat" in result.stderr
        root = tmp_path / name
        for kind in KINDS:
            copy = root / ".skema" / skema.file_name(kind)
            assert copy.read_bytes() == skema.packaged(kind).read_bytes()
        files = sorted(root.rglob("*.yaml"))
        assert len(files) >= (2 if name == "baru" else 11)
        for path in files:
            kind = skema.kind_of_path(path, root)
            assert schema_named_by(path) == (root / ".skema" / skema.file_name(kind)).resolve()
    # the contoh files are the bundled ones below that line, byte for byte
    root = tmp_path / "coba"
    for rel in (
        "realisasi/2019.yaml",
        "pk/2019.yaml",
        "program/2019.yaml",
        "tindak-lanjut.yaml",
        "pohon/pohon.yaml",
        "pohon/rpjmd.yaml",
    ):
        text = (root / rel).read_bytes().split(b"\n", 1)[1]
        assert text == (data_dir() / rel).read_bytes(), rel


def test_init_adds_the_schemas_to_an_older_workspace_and_changes_nothing(
    iku_cli, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert iku_cli("init", "lama").exit_code == 0
    root = tmp_path / "lama"
    for p in (root / ".skema").iterdir():
        p.unlink()
    (root / ".skema").rmdir()
    (root / "iku.yaml").write_text("# IKU saya\n" + (root / "iku.yaml").read_text("utf-8"), "utf-8")
    before = (root / "iku.yaml").read_bytes()
    result = iku_cli("init", "--force", "lama")
    assert result.exit_code == 0, result.output
    assert (root / "iku.yaml").read_bytes() == before
    assert len(list((root / ".skema").iterdir())) == len(KINDS)


def test_templates_name_their_schema_and_edits_keep_the_line(iku_cli, workspace: Path) -> None:
    assert iku_cli("realisasi", "template", "--tahun", "2020").exit_code == 0
    path = workspace / "realisasi" / "2020.yaml"
    line = first_line(path)
    assert line == LINE + "../.skema/realisasi.schema.json"
    result = iku_cli("realisasi", "isi", "--tahun", "2020", "S1.2=57", "S3.2.ekspor=6,5")
    assert result.exit_code == 0, result.output
    assert first_line(path) == line
    assert iku_cli("validate", "realisasi/2020.yaml").exit_code == 0
    # a file saved on Windows (CRLF, BOM) keeps the line too
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert iku_cli("realisasi", "isi", "--tahun", "2020", "S1.2=56").exit_code == 0
    assert first_line(path) == line and b"\r\n" in path.read_bytes()
    # a contoh file iku init copied keeps its line through an edit, and still validates
    contoh = workspace / "realisasi" / "2019.yaml"
    assert iku_cli("realisasi", "isi", "--tahun", "2019", "S1.2=59").exit_code == 0
    assert first_line(contoh) == line
    assert iku_cli("validate", "realisasi/2019.yaml").exit_code == 0
    assert iku_cli("renaksi", "template", "--tahun", "2020").exit_code == 0
    assert first_line(workspace / "renaksi" / "2020.yaml") == LINE + "../.skema/renaksi.schema.json"
    # written outside the workspace: no schema of ours to name
    out = workspace.parent / "luar.yaml"
    assert iku_cli("realisasi", "template", "--tahun", "2021", "--out", str(out)).exit_code == 0
    assert not first_line(out).startswith(LINE)
    printed = iku_cli("realisasi", "template", "--tahun", "2021", "--out", "-")
    assert LINE not in printed.stdout


def test_impor_names_the_schema_of_the_file_it_starts(iku_cli, workspace: Path) -> None:
    from openpyxl import load_workbook

    out = workspace / "r-2020.xlsx"
    result = iku_cli("realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--out", str(out))
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    ws = wb[wb.sheetnames[1]]
    row = next(r for r in range(7, ws.max_row + 1) if ws.cell(row=r, column=2).value == "S1.2")
    ws.cell(row=row, column=12, value=58)
    wb.save(out)
    path = workspace / "realisasi" / "2020.yaml"
    assert not path.exists()
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 0, result.output
    assert first_line(path) == LINE + "../.skema/realisasi.schema.json"
    assert "S1.2: 58" in path.read_text("utf-8")


def test_iku_schema_prints_one_kind_and_writes_all(iku_cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = iku_cli("schema", "realisasi")
    assert result.exit_code == 0
    assert result.stdout == skema.packaged("realisasi").read_text(encoding="utf-8")
    result = iku_cli("schema", "--out", "skema")
    assert result.exit_code == 0, result.output
    assert "# yaml-language-server: $schema=" in result.stderr
    for kind in KINDS:
        written = tmp_path / "skema" / skema.file_name(kind)
        assert written.read_bytes() == skema.packaged(kind).read_bytes()
    (tmp_path / "skema" / "pk.schema.json").write_text("{}", encoding="utf-8")
    again = iku_cli("schema", "--out", "skema")
    assert again.exit_code == 1 and "IKU502" in again.stderr and "--force" in again.stderr
    assert (tmp_path / "skema" / "pk.schema.json").read_text(encoding="utf-8") == "{}"
    assert iku_cli("schema", "pk", "--out", "skema", "--force").exit_code == 0
    assert (tmp_path / "skema" / "pk.schema.json").read_bytes() == skema.packaged("pk").read_bytes()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["schema"], "IKU501"),
        (["schema", "rencana"], "tidak dikenal"),
        (["schema", "--out", "berkas.txt"], "IKU503"),
    ],
)
def test_iku_schema_usage_errors(iku_cli, tmp_path, monkeypatch, args, code) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    result = iku_cli(*args)
    assert result.exit_code == 2 and code in result.output
    assert "Traceback" not in result.output


def test_iku_schema_never_writes_into_the_installed_package(iku_cli) -> None:
    result = iku_cli("schema", "--out", str(skema.packaged("iku").parent), "--force")
    assert result.exit_code == 2 and "IKU504" in result.stderr


def test_iku_schema_help_is_indonesian_with_an_example(runner) -> None:
    from ikutool.cli.app import app

    out = runner.invoke(app, ["schema", "--help"]).stdout
    assert "Contoh: iku schema" in out and "Pilihan" in out


def _imported(args: list[str], cwd: Path) -> set[str]:
    env = {**os.environ, "IKUTOOL_CACHE_DIR": ""}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ikutool", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {
        line.rsplit("|", 1)[-1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:")
    }


def test_schemas_cost_no_other_command_anything_and_iku_schema_builds_no_model(workspace) -> None:
    modules = _imported(["validate"], workspace)
    assert not {m for m in modules if m.startswith(("ikutool.schema", "jsonschema"))}
    modules = _imported(["schema", "iku"], workspace)
    assert "ikutool.schema" in modules
    # (typer itself imports pydantic; the models and pydantic's schema generator stay unread)
    unread = ("ikutool.model", "ikutool.inputs", "ikutool.definition", "ikutool.schema.generate")
    assert not {m for m in modules if m.startswith((*unread, "jsonschema"))}
