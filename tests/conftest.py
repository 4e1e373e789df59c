from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ikutool.cli.app import app
from ikutool.definition.load import LoadedIku, load_iku
from ikutool.workspace.paths import bundled_iku, data_dir

MINIMAL = """\
instansi:
  nama: Dinas Contoh
periode:
  awal: 2016
  akhir: 2021
sasaran:
  - kode: S1
    uraian: Meningkatnya jumlah koperasi aktif
    indikator:
      - kode: S1.1
        uraian: Koperasi aktif
        polaritas: positif
        target:
          2019: "25 Kop"
          2020: "80-90 %"
"""


@pytest.fixture(autouse=True, scope="session")
def _cache_of_our_own(tmp_path_factory) -> None:
    # the cache of validated files is exercised by the tests, in a folder of theirs
    os.environ["IKUTOOL_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _outside_any_workspace(monkeypatch: pytest.MonkeyPatch, tmp_path_factory) -> None:
    # Commands find their workspace from the working folder: run every test from an empty
    # folder of its own, so no test depends on where pytest was started.
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(autouse=True)
def _deterministic_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich output that does not depend on the terminal running the tests.
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def iku_cli(runner: CliRunner) -> Callable[..., object]:
    def run(*args: str) -> object:
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run


@pytest.fixture(scope="session")
def bundled() -> LoadedIku:
    return load_iku(bundled_iku())


@pytest.fixture
def samples() -> Path:
    return data_dir() / "realisasi"


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def json_out(result: object) -> object:
    return json.loads(result.stdout)  # type: ignore[attr-defined]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace made by ``iku init --contoh`` (the bundled IKU and sample realisasi), entered."""
    from ikutool.workspace.sources import init_workspace

    root = tmp_path / "ruang kerja"
    init_workspace(root, contoh=True, force=False)
    monkeypatch.chdir(root)
    return root
