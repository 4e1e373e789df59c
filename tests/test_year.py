"""One agency-year (ikutool/workspace/year.py): which file is year Y's is one rule, read once,
the same for every command and for the roll-up."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ikutool.errors import IkuError
from ikutool.inputs.kind import year_file, year_from_name
from ikutool.workspace.sources import init_workspace, workspace_sources
from ikutool.workspace.year import Agency, open_agency


@pytest.mark.parametrize(
    ("name", "year"),
    [("2019.yaml", 2019), ("2019-final.yaml", 2019), ("2019_revisi.yml", 2019),
     ("realisasi.yaml", None), ("20191.yaml", None), ("tw-2019.yaml", None)],
)  # fmt: skip
def test_a_year_is_the_four_digits_a_name_starts_with(name: str, year: int | None) -> None:
    assert year_from_name(Path(name)) == year


def test_two_files_for_one_year_are_named_never_chosen(tmp_path: Path) -> None:
    (tmp_path / "2019.yaml").write_text("tahun: 2019\n", "utf-8")
    (tmp_path / "2019-final.yaml").write_text("tahun: 2019\n", "utf-8")
    with pytest.raises(IkuError) as info:
        year_file(tmp_path, 2019, "realisasi")
    (finding,) = info.value.findings
    assert finding.code == "IKU306" and "2019.yaml" in finding.message
    assert "2019-final.yaml" in finding.message


@pytest.fixture
def renamed(tmp_path: Path) -> Path:
    """The contoh workspace with its 2019 realisasi saved as ``2019-final.yaml``."""
    root = tmp_path / "kab" / "dinas"
    init_workspace(root, contoh=True, force=False)
    (root / "realisasi" / "2019.yaml").rename(root / "realisasi" / "2019-final.yaml")
    return root


def test_every_command_reads_the_same_file_of_a_year(iku_cli, renamed, monkeypatch) -> None:
    monkeypatch.chdir(renamed)
    own = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    assert own["berkas_realisasi"].endswith("2019-final.yaml")
    tw4 = json.loads(iku_cli("triwulan", "--tahun", "2019", "--tw", "4", "-f", "json").stdout)
    assert tw4["berkas_realisasi"].endswith("2019-final.yaml")
    lkjip = json.loads(iku_cli("lkjip", "--tahun", "2019", "-f", "json").stdout)
    assert lkjip["capaian"] == own["capaian"]


def test_rekap_reads_the_year_file_by_the_same_rule(iku_cli, renamed) -> None:
    # before: rekap looked for exactly 2019.yaml and said "realisasi 2019 belum ada"
    result = iku_cli("rekap", "--tahun", "2019", str(renamed.parent), "-f", "json")
    assert result.exit_code == 0, result.stderr
    (row,) = json.loads(result.stdout)["baris"]
    assert not any("belum ada" in k for k in row["kurang"])
    (year,) = row["tahun"]
    assert year["capaian"] is not None
    tw = json.loads(
        iku_cli("rekap", "--tahun", "2019", "--tw", "4", str(renamed.parent), "-f", "json").stdout
    )
    assert tw["baris"][0]["dilaporkan"] is True


def test_a_year_reads_each_file_once_and_says_its_warnings_once(tmp_path: Path) -> None:
    root = tmp_path / "dinas"
    init_workspace(root, contoh=True, force=False)
    said: list[str] = []
    ws = open_agency(root, warn=lambda found: said.extend(f.code for f in found))
    said.clear()
    year = ws.year(2019)
    first = year.realisasi
    assert year.realisasi is first and ws.year(2019) is year
    assert year.renaksi is year.renaksi and year.program is year.program
    count = len(said)
    year.realisasi, year.pk, year.renaksi  # noqa: B018 - read again: nothing said again
    assert len(said) == count


def test_money_comes_from_the_program_file_or_the_older_anggaran_file(tmp_path: Path) -> None:
    root = tmp_path / "dinas"
    init_workspace(root, contoh=True, force=False)
    ws = open_agency(root)
    assert ws.year(2019).money_file == root / "program" / "2019.yaml"
    assert ws.year(2018).money_file == root / "anggaran" / "2018.yaml"
    assert ws.year(2018).anggaran is not None and ws.year(2018).program is None
    shutil.copy(root / "anggaran" / "2018.yaml", root / "anggaran" / "2019.yaml")
    with pytest.raises(IkuError) as info:
        ws.year(2019).anggaran  # noqa: B018
    assert info.value.findings[0].code == "IKU306"


def test_a_new_file_goes_where_the_year_file_already_is(tmp_path: Path) -> None:
    root = tmp_path / "dinas"
    init_workspace(root, contoh=True, force=False)
    ws = Agency(workspace_sources(root), open_agency(root).iku)
    assert ws.year(2020).new_file("realisasi") == root / "realisasi" / "2020.yaml"
    (root / "realisasi" / "2019.yaml").rename(root / "realisasi" / "2019-final.yaml")
    assert ws.year(2019).new_file("realisasi") == root / "realisasi" / "2019-final.yaml"
