"""Every list a file may hold is measured before its items are validated, and no file kind
reports more than 1.000 findings (issue 23)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest


def timed(iku_cli, *args: str):
    started = time.monotonic()
    result = iku_cli(*args)
    return result, time.monotonic() - started


def test_a_renaksi_flood_of_unknown_codes_is_one_message(iku_cli, workspace: Path) -> None:
    path = workspace / "renaksi" / "2019.yaml"
    rows = "".join(f'  X{i}: {{I: "1 org"}}\n' for i in range(50_000))
    path.write_text(f"tahun: 2019\ntarget:\n{rows}", "utf-8")
    assert path.stat().st_size > 1_000_000
    for args in (("validate", str(path)), ("triwulan", "--tahun", "2019", "--tw", "I"),
                 ("lke", "--tahun", "2019")):  # fmt: skip
        result, seconds = timed(iku_cli, *args)
        assert result.exit_code == 1, result.output
        assert "renaksi/2019.yaml:2:1: galat IKU110" in result.output
        assert "terlalu banyak kode indikator: 50.000 butir, paling banyak 5.000" in result.output
        assert seconds < 8


def test_findings_are_capped_in_every_file_kind(iku_cli, workspace: Path) -> None:
    path = workspace / "renaksi" / "2019.yaml"
    rows = "".join(f'  X{i}: {{I: "1 org"}}\n' for i in range(1_500))
    path.write_text(f"tahun: 2019\ntarget:\n{rows}", "utf-8")
    result = iku_cli("validate", str(path), "--format", "json")
    found = json.loads(result.stdout)["temuan"]
    assert len(found) == 1_001
    assert [f["kode"] for f in found[:1_000]] == ["IKU301"] * 1_000
    assert found[-1]["kode"] == "IKU109" and "500 temuan lainnya" in found[-1]["pesan"]
    assert found[-1]["baris"] == 1_003  # the first one not described


def test_five_thousand_pk_revisions_are_refused_in_indonesian_at_once(iku_cli, workspace) -> None:
    path = workspace / "pk" / "2019.yaml"
    revs = "".join(
        f'  - tanggal: 2019-07-01\n    target: {{S1.2: "{i} org"}}\n' for i in range(5_000)
    )
    path.write_text(f'tahun: 2019\ntarget:\n  S1.2: "55 org"\nperubahan:\n{revs}', "utf-8")
    result, seconds = timed(iku_cli, "validate", str(path))
    assert result.exit_code == 1
    assert "pk/2019.yaml:4:1: galat IKU110" in result.output
    assert "terlalu banyak perubahan PK: 5.000 butir, paling banyak 100" in result.output
    assert "List should have" not in result.output  # pydantic's English
    assert seconds < 5


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("program:\n" + "".join(f"  - kode: P{i}\n    nama: P\n" for i in range(2_001)), "program"),
        ("program:\n  - kode: P1\n    nama: P\n    kegiatan:\n"
         + "".join(f"      - kode: K{i}\n        nama: K\n" for i in range(2_001)), "kegiatan"),
    ],
)  # fmt: skip
def test_program_and_kegiatan_lists_are_measured_first(iku_cli, workspace, text, what) -> None:
    path = workspace / "program" / "2019.yaml"
    path.write_text("tahun: 2019\n" + text, "utf-8")
    result = iku_cli("validate", str(path))
    assert result.exit_code == 1 and "galat IKU110" in result.output
    assert f"terlalu banyak {what}: 2.001 butir" in result.output
