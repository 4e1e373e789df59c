"""The cache of validated files: never stale, plain JSON, ignored when damaged, and a warm run
gives exactly what a cold one gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ikutool.definition.load import iku_from_document, load_iku
from ikutool.model.iku import Iku
from ikutool.workspace import cache
from ikutool.workspace.paths import bundled_iku
from ikutool.yaml_reader import parse_yaml_bytes


@pytest.fixture
def own_cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(folder))
    return folder


def outputs(iku_cli) -> list[str]:
    return [
        iku_cli(*args).stdout
        for args in (
            ["capaian", "--tahun", "2019", "-f", "json"],
            ["report", "-f", "json"],
            ["lkjip", "--tahun", "2019", "-f", "json"],
        )
    ]


def test_warm_equals_cold_equals_no_cache(iku_cli, workspace, own_cache, monkeypatch) -> None:
    cold = outputs(iku_cli)
    assert list(own_cache.rglob("*.json"))  # entries were written
    warm = outputs(iku_cli)
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", "")  # off
    none = outputs(iku_cli)
    assert cold == warm == none


def test_entries_are_plain_json_and_damaged_ones_are_ignored(iku_cli, workspace, own_cache) -> None:
    first = outputs(iku_cli)
    files = list(own_cache.rglob("*.json"))
    assert {f.parent.name for f in files} >= {"iku", "realisasi", "pk", "ruang_kerja"}
    for f in files:
        json.loads(f.read_text(encoding="utf-8"))  # JSON, never pickle
    for i, f in enumerate(files):  # garbage, another format, a wrong shape
        f.write_text(["{not json", '{"format": 999, "isi": {}}', '{"format": 1, "isi": 5}'][i % 3])
    assert outputs(iku_cli) == first


def test_a_changed_file_is_never_served_stale(iku_cli, workspace, own_cache) -> None:
    before = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    path = workspace / "realisasi" / "2019.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nilai: 24\n", "nilai: 25\n"), "utf-8")
    after = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    s21 = [
        next(i for s in d["sasaran"] for i in s["indikator"] if i["kode"] == "S2.1")
        for d in (before, after)
    ]
    assert [x["komponen"][0]["realisasi"] for x in s21] == [24, 25]


def test_an_unwritable_cache_is_simply_not_used(iku_cli, workspace, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(blocker / "cache"))
    assert iku_cli("capaian", "--tahun", "2019").exit_code == 0


@pytest.mark.parametrize(
    "text_source",
    ["bundled", "starter", "synthetic"],
)
def test_rebuild_gives_the_validated_model(text_source, tmp_path) -> None:
    import importlib.util
    import random

    if text_source == "bundled":
        raw = bundled_iku().read_bytes()
    elif text_source == "starter":
        raw = (Path(__file__).parent.parent / "ikutool" / "starter" / "iku.yaml").read_bytes()
    else:
        path = Path(__file__).parent.parent / "benchmarks" / "make_data.py"
        spec = importlib.util.spec_from_file_location("make_data", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        raw = module.iku_text(60, "Dinas", random.Random(3)).encode()
    cold = iku_from_document(parse_yaml_bytes(raw, "iku.yaml")).iku
    warm = cache.rebuild(
        Iku, json.loads(json.dumps(cold.model_dump(mode="json", exclude_unset=True)))
    )
    assert warm.model_dump() == cold.model_dump()
    for (_, a), (_, b) in zip(warm.indikator(), cold.indikator(), strict=True):
        assert a.model_fields_set == b.model_fields_set
        for y in b.target:
            assert (a.target[y] is None) == (b.target[y] is None)
    assert type(warm.skala) is type(cold.skala)


def test_load_iku_uses_the_cache(own_cache) -> None:
    first = load_iku(bundled_iku())
    second = load_iku(bundled_iku())
    assert second.iku.model_dump() == first.iku.model_dump()
    assert second.iku.berkas == first.iku.berkas and second.iku._sidik == first.iku._sidik


def test_a_workspace_entry_of_an_older_version_is_read_again(tmp_path, monkeypatch) -> None:
    """A cached ikutool.yaml from before renaksi/program existed lacked their keys: every command
    ended in a traceback. An entry without every key is read again from the marker."""
    from ikutool.workspace import cache
    from ikutool.workspace.sources import init_workspace, workspace_sources

    root = tmp_path / "ws"
    init_workspace(root, contoh=False, force=False)
    old = {"iku": "iku.yaml", "realisasi": "realisasi", "pk": "pk", "anggaran": "anggaran"}
    monkeypatch.setattr(cache, "load", lambda kind, entry: dict(old))
    src = workspace_sources(root)
    assert src.renaksi == root / "renaksi" and src.program == root / "program"
