"""Composed documents from the cache (ikutool.yaml_cache) are the documents a fresh read gives:
the same data with the same types, the same location of every value and key, the same reader
warnings; a warm read parses nothing, and what an entry cannot hold exactly is not stored."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest

from ikutool import yaml_cache
from ikutool.errors import IkuError
from ikutool.yaml_document import Document, _Mark
from ikutool.yaml_reader import parse_yaml_bytes, read_yaml

ROOT = Path(__file__).parent.parent
CORPUS = Path(__file__).parent / "corpus"


def _files(tmp_path: Path) -> list[Path]:
    from ikutool.workspace.sources import init_workspace

    init_workspace(tmp_path / "contoh", contoh=True, force=False)
    found = [*sorted(CORPUS.rglob("*.yaml")), *sorted((tmp_path / "contoh").rglob("*.yaml"))]
    return [*found, ROOT / "data" / "iku_2016_2021.yaml", ROOT / "ikutool" / "starter" / "iku.yaml"]


def _same_data(a: Any, b: Any) -> None:
    assert type(a) is type(b), (a, b)
    if isinstance(b, dict):
        assert [(type(k), k) for k in a] == [(type(k), k) for k in b]
        for k in b:
            _same_data(a[k], b[k])
    elif isinstance(b, list):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same_data(x, y)
    elif isinstance(b, float) and math.isnan(b):
        assert math.isnan(a)
    else:
        assert a == b


def _same_marks(a: _Mark | None, b: _Mark | None) -> None:
    if b is None:
        assert a is None
        return
    assert a is not None
    for slot in _Mark.__slots__:
        if slot != "kids":
            assert type(getattr(a, slot)) is type(getattr(b, slot)), slot
            assert getattr(a, slot) == getattr(b, slot), slot
    assert type(a.kids) is type(b.kids)
    if isinstance(b.kids, dict):
        assert isinstance(a.kids, dict)
        assert [(type(k), k) for k in a.kids] == [(type(k), k) for k in b.kids]
        for k, m in b.kids.items():
            _same_marks(a.kids[k], m)
    elif isinstance(b.kids, list):
        assert isinstance(a.kids, list) and len(a.kids) == len(b.kids)
        for x, y in zip(a.kids, b.kids, strict=True):
            _same_marks(x, y)


def _same(a: Document, b: Document) -> None:
    assert a.file == b.file
    _same_data(a.data, b.data)
    _same_marks(a.marks, b.marks)
    assert [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]
    assert [f.segments for f in a.findings] == [f.segments for f in b.findings]


def test_every_corpus_and_sample_file_round_trips(tmp_path) -> None:
    compared = warned = 0
    for path in _files(tmp_path):
        raw = path.read_bytes()
        try:
            fresh = parse_yaml_bytes(raw, path.name)
        except IkuError:
            continue  # a file the reader refuses is never stored
        try:
            text = json.dumps(yaml_cache.dump(fresh), ensure_ascii=False, allow_nan=False)
        except ValueError:  # .inf or .nan: not stored (the cache refuses them the same way)
            continue
        doc = _decoded(json.loads(text), path.name)
        _same(doc, fresh)
        compared += 1
        warned += bool(fresh.findings)
    assert compared > 100 and warned  # the corpus's files, warnings among them


def _decoded(entry: dict[str, Any], name: str) -> Document:
    from ikutool.definition.load import finding_from_dict

    doc = Document(file=name, data=yaml_cache._data(entry["data"]))
    doc.marks = yaml_cache._mark(entry["marks"])
    doc.findings = [finding_from_dict(f, name) for f in entry["temuan"]]
    return doc


def test_a_warm_read_parses_nothing_and_a_changed_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "pk.yaml"
    path.write_text('tahun: 2019\ntarget:\n  S1.1: "10 UMKM"\n  2019: 1.5\n  x: 950.000\n', "utf-8")
    fresh = read_yaml(path, display_name="pk/2019.yaml")
    assert fresh.findings  # 950.000 read as 950: the reader's warning, kept in the entry
    assert list((tmp_path / "cache" / "dokumen").glob("*.json"))

    def no_parse(*args: Any, **kw: Any) -> Any:
        raise AssertionError("parsed again")

    import ikutool.yaml_reader as yaml_reader

    monkeypatch.setattr(yaml_reader, "parse_yaml_bytes", no_parse)
    warm = read_yaml(path, display_name="pk/2019.yaml")
    _same(warm, fresh)
    assert warm.resolve(("target", 2019))[1].line == 4  # type: ignore[union-attr]
    path.write_text('tahun: 2019\ntarget:\n  S1.1: "20 UMKM"\n', "utf-8")
    with pytest.raises(AssertionError, match="parsed again"):
        read_yaml(path, display_name="pk/2019.yaml")
    monkeypatch.undo()
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    other = read_yaml(path, display_name="pk/2019.yaml")
    assert other.data["target"]["S1.1"] == "20 UMKM"


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_what_an_entry_cannot_hold_exactly_is_not_stored(value, tmp_path, monkeypatch) -> None:
    import datetime as dt

    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    for data in ({"a": value}, {"a": dt.date(2019, 1, 1)}, {(1, 2): "x"}):
        doc = Document(file="x.yaml", data=data, marks=_Mark(1, 1))
        yaml_cache.store(b"raw", "x.yaml", doc)
        assert not list((tmp_path / "cache").rglob("*.json"))
        assert yaml_cache.load(b"raw", "x.yaml") is None


def test_a_damaged_entry_is_ignored(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n", "utf-8")
    read_yaml(path)
    (entry,) = (tmp_path / "cache" / "dokumen").glob("*.json")
    entry.write_text('{"format": 9, "isi": {"data": 1, "marks": [1]}}', "utf-8")
    assert read_yaml(path).data == {"a": 1}


def test_the_register_comes_from_the_cache_as_read(tmp_path, monkeypatch) -> None:
    from ikutool.inputs.tindaklanjut import load_register
    from ikutool.workspace.sources import init_workspace

    root = tmp_path / "ws"
    init_workspace(root, contoh=True, force=False)
    shutil.copy(CORPUS / "lke" / "tindak-lanjut.yaml", root / "tindak-lanjut.yaml")
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", "")
    fresh = load_register(root / "tindak-lanjut.yaml")
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    load_register(root / "tindak-lanjut.yaml")
    assert list((tmp_path / "cache" / "tindak_lanjut").glob("*.json"))
    warm = load_register(root / "tindak-lanjut.yaml")
    assert fresh is not None and warm is not None and fresh.evaluasi
    assert (warm.file, warm.status, warm.baris) == (fresh.file, fresh.status, fresh.baris)
    assert [e.model_dump() for e in warm.evaluasi] == [e.model_dump() for e in fresh.evaluasi]
    assert [f.to_dict() for f in warm.findings] == [f.to_dict() for f in fresh.findings]


def test_a_warm_validate_parses_no_file(iku_cli, workspace, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    cold = iku_cli("validate", "-f", "json")
    import ikutool.yaml_reader as yaml_reader

    def no_parse(*args: Any, **kw: Any) -> Any:
        raise AssertionError("parsed again")

    monkeypatch.setattr(yaml_reader, "parse_yaml_text", no_parse)
    warm = iku_cli("validate", "-f", "json")
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)


def test_the_reader_loads_the_builder_only_to_parse() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ikutool.yaml_reader as r; a = 'ikutool.yaml_builder' in sys.modules; "
        "r.parse_yaml_text('a: 1', 'x.yaml'); print(a, 'ikutool.yaml_builder' in sys.modules, "
        "r.MAX_DEPTH > 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "True"]


@pytest.mark.parametrize("name", ["contoh", "kuartal", "lke", "triwulan"])
def test_validate_says_the_same_warm_as_without_a_cache(name, tmp_path, monkeypatch) -> None:
    """validate takes a file checked before from the cache (its document and its result): every
    summary and finding as without one, table and json."""
    from typer.testing import CliRunner

    from ikutool.cli.app import app
    from ikutool.workspace.sources import init_workspace

    root = tmp_path / name
    if name == "contoh":
        init_workspace(root, contoh=True, force=False)
    elif (CORPUS / name / "ikutool.yaml").is_file():
        shutil.copytree(CORPUS / name, root)
    else:
        pytest.skip(f"tests/corpus/{name} is not a workspace")
    monkeypatch.chdir(root)
    runner = CliRunner()

    def run() -> list[tuple[int, str]]:
        return [
            (r.exit_code, r.stdout)
            for r in (runner.invoke(app, ["validate", *f]) for f in ([], ["-f", "json"]))
        ]

    monkeypatch.setenv("IKUTOOL_CACHE_DIR", "")
    none = run()
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    assert run() == none  # cold
    assert run() == none  # warm
    assert list((tmp_path / "cache").rglob("*.json"))
