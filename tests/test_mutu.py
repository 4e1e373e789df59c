"""``iku validate --mutu``: the IKU's own quality, as located warnings (issue 19, 4), on the LKE
corpus (tests/corpus/lke)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus" / "lke"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(CORPUS, root)
    monkeypatch.chdir(root)
    return root


def found(result) -> list[tuple[str, str]]:
    return re.findall(r"^(\S+:\d+:\d+): peringatan (IKU2\d\d)", result.stdout, re.M)


def test_quality_warnings_located(iku_cli, ws) -> None:
    plain = iku_cli("validate")
    assert plain.exit_code == 0 and not any(c >= "IKU257" for _, c in found(plain))
    result = iku_cli("validate", "--mutu")
    assert result.exit_code == 0, result.output  # warnings only
    codes = [c for _, c in found(result)]
    # 7 of 10 indicators without a complete Manual IKU; S2.5's 2020 target 100 under 2019's 120
    assert codes.count("IKU260") == 7 and codes.count("IKU257") == 1
    iku = (ws / "iku.yaml").read_text("utf-8").splitlines()
    where = next(w for w, c in found(result) if c == "IKU257")
    line = int(where.split(":")[1])
    assert where.startswith("iku.yaml:") and "2020" in iku[line - 1] and "S2.5" in iku[line - 3]
    assert "IKU259" not in codes  # no rule set: not checked
    (ws / "iku.yaml").write_text(
        (ws / "iku.yaml")
        .read_text("utf-8")
        .replace(
            "periode: {awal: 2019, akhir: 2021}",
            "periode: {awal: 2019, akhir: 2021}\nmaks_indikator_per_sasaran: 4",
        ),
        "utf-8",
    )
    again = iku_cli("validate", "--mutu", "-f", "json")
    assert again.exit_code == 0
    assert json.loads(again.stdout)  # the same reports, as JSON
    table = iku_cli("validate", "--mutu")
    assert [c for _, c in found(table)].count("IKU259") == 2  # S1 and S2 have 5 each


def test_a_target_lighter_than_last_year(iku_cli, ws) -> None:
    path = ws / "iku.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            '{2019: "100 layanan", 2020: "100 layanan", 2021: "110 layanan"}',
            '{2019: "100 layanan", 2020: "95 layanan", 2021: "110 layanan"}',
            1,
        ),
        "utf-8",
    )
    result = iku_cli("validate", "--mutu")
    lines = [line for line in result.stdout.splitlines() if "IKU262" in line]
    assert len(lines) == 1 and "S1.1: target 2020 (95 layanan)" in lines[0]
