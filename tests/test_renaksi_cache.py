"""Rencana aksi files are cached like realisasi and PK files: a warm read gives, field by field,
what a fresh read gives, parses no YAML, and is never served for another PK."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from ikutool.inputs import kind as kind_module
from ikutool.inputs.renaksi import RenaksiTahun
from ikutool.workspace.year import open_agency

CORPUS = Path(__file__).parent / "corpus"


def _workspace(name: str, tmp_path: Path) -> tuple[Path, int]:
    if name == "contoh":
        from ikutool.workspace.sources import init_workspace

        root = tmp_path / "contoh"
        init_workspace(root, contoh=True, force=False)
        return root, 2019
    root = tmp_path / name
    shutil.copytree(CORPUS / name, root)
    tahun = int(next((root / "renaksi").glob("*.yaml")).stem)
    return root, tahun


def _read(root: Path, tahun: int) -> RenaksiTahun:
    result = open_agency(root).year(tahun).renaksi
    assert result is not None
    return result


def _same(warm: RenaksiTahun, fresh: RenaksiTahun) -> None:
    assert (warm.tahun, warm.file, warm.status) == (fresh.tahun, fresh.file, fresh.status)
    assert warm.aksi == fresh.aksi and warm.catatan == fresh.catatan
    assert [f.to_dict() for f in warm.findings] == [f.to_dict() for f in fresh.findings]
    assert [(f.file, f.segments) for f in warm.findings] == [
        (f.file, f.segments) for f in fresh.findings
    ]
    assert warm.target.keys() == fresh.target.keys()
    for kode, quarters in fresh.target.items():
        assert list(warm.target[kode]) == list(quarters)  # the quarters, in the file's order
        for tw, t in quarters.items():
            w = warm.target[kode][tw]
            assert type(w) is type(t)
            assert w.model_dump() == t.model_dump()
            assert w.model_fields_set == t.model_fields_set
            for a, b in zip(w.komponen, t.komponen, strict=True):
                assert type(a) is type(b) and a.model_fields_set == b.model_fields_set
                assert a.jumlah == b.jumlah and a.satuan == b.satuan and a.kunci == b.kunci


def _no_parse(*args: Any, **kw: Any) -> Any:
    raise AssertionError("a warm read parsed the YAML file")


@pytest.mark.parametrize("name", ["contoh", "triwulan", "kuartal"])
def test_a_warm_read_equals_a_fresh_one(name, tmp_path, monkeypatch) -> None:
    root, tahun = _workspace(name, tmp_path)
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", "")
    fresh = _read(root, tahun)
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    cold = _read(root, tahun)
    assert list((tmp_path / "cache" / "renaksi").glob("*.json"))  # stored
    monkeypatch.setattr(kind_module, "from_document", _no_parse)
    import ikutool.yaml_reader as yaml_reader

    monkeypatch.setattr(yaml_reader, "parse_yaml_bytes", _no_parse)
    warm = _read(root, tahun)
    _same(cold, fresh)
    _same(warm, fresh)
    assert fresh.target  # the comparison compared something


def test_bare_quarters_take_the_year_units_in_the_cache_too(tmp_path, monkeypatch) -> None:
    """``I: 10`` is in the year target's units (55 org in the sample's PK): the unit the reader
    gave the quarter is kept in the entry."""
    root, tahun = _workspace("contoh", tmp_path)
    path = root / "renaksi" / "2019.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('I: "10 org", II: "15 org"', "I: 10, II: 15"), encoding="utf-8")
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", "")
    fresh = _read(root, tahun)
    assert fresh.target["S1.2"]["I"].komponen[0].satuan == "org"
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    _read(root, tahun)
    warm = _read(root, tahun)
    assert warm.target["S1.2"]["I"].komponen[0].satuan == "org"
    _same(warm, fresh)


def test_a_changed_pk_is_a_new_entry(tmp_path, monkeypatch) -> None:
    """The quarters are checked against the PK's year target: with the PK's 55 org made 60, the
    sample's 10 + 15 + 15 + 15 = 55 disagrees, and a warm read must say so as a fresh one does."""
    root, tahun = _workspace("contoh", tmp_path)
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    before = _read(root, tahun)
    assert not [f for f in before.findings if f.code == "IKU321"]
    pk = root / "pk" / "2019.yaml"
    text = pk.read_text(encoding="utf-8")
    assert text.count('"55 org"') == 1
    pk.write_text(text.replace('"55 org"', '"60 org"'), encoding="utf-8")
    after = _read(root, tahun)
    said = [f.message for f in after.findings if f.code == "IKU321"]
    assert len(said) == 1 and "10 + 15 + 15 + 15 = 55" in said[0] and "60" in said[0]
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", "")
    _same(after, _read(root, tahun))
