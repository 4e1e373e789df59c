"""Another agency's workspace cannot make a command read or write outside it (issue 23): paths in
ikutool.yaml are confined after resolving links, links inside the workspace that point out are
refused with their own message, writes never go through a link, special files are never read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ikutool.workspace.sources import init_workspace


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace (the bundled example) with a folder beside it that nothing may touch."""
    root = tmp_path / "ws"
    init_workspace(root, contoh=True, force=False)
    (tmp_path / "luar").mkdir()
    (tmp_path / "luar" / "rahasia.yaml").write_text("tahun: 2019\nindikator: {}\n", "utf-8")
    monkeypatch.chdir(root)
    return root


def set_key(root: Path, key: str, value: str) -> int:
    """Rewrite ``key: ...`` in ikutool.yaml; returns its line."""
    marker = root / "ikutool.yaml"
    lines = marker.read_text("utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    lines[n] = f"{key}: {value}"
    marker.write_text("\n".join(lines) + "\n", "utf-8")
    return n + 1


@pytest.mark.parametrize(
    "args",
    [
        ("realisasi", "template", "--tahun", "2020"),
        ("realisasi", "template", "--tahun", "2020", "--format", "xlsx"),
        ("realisasi", "isi", "--tahun", "2019", "S1.2=57"),
        ("capaian", "--tahun", "2019"),
        ("validate",),
    ],
)
def test_a_folder_path_leaving_the_workspace_is_iku509_at_its_key(iku_cli, ws, args) -> None:
    outside = ws.parent / "luar"
    shutil.copy(ws / "realisasi" / "2019.yaml", outside / "2019.yaml")
    before = snapshot(outside)
    line = set_key(ws, "realisasi", "../luar")
    result = iku_cli(*args)
    assert result.exit_code == 1, result.output
    assert f"ikutool.yaml:{line}:1: galat IKU509" in result.stderr
    assert "keluar dari folder ruang kerja" in result.stderr
    assert snapshot(outside) == before


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ", "../luar/rahasia.yaml"])
def test_an_iku_path_leaving_the_workspace_is_never_opened(iku_cli, ws, target) -> None:
    line = set_key(ws, "iku", target)
    result = iku_cli("show")
    assert result.exit_code == 1 and f"ikutool.yaml:{line}:1: galat IKU509" in result.stderr
    assert "root:" not in result.output and "PATH=" not in result.output


def test_a_proc_file_named_on_the_command_line_is_refused(iku_cli, tmp_path) -> None:
    result = iku_cli("validate", "/proc/self/environ")
    assert result.exit_code == 2 and "berkas sistem" in result.stderr
    assert "PATH=" not in result.output


def test_a_linked_folder_pointing_out_is_iku511(iku_cli, ws) -> None:
    shutil.rmtree(ws / "realisasi")
    (ws / "realisasi").symlink_to(ws.parent / "luar", target_is_directory=True)
    before = snapshot(ws.parent / "luar")
    result = iku_cli("realisasi", "template", "--tahun", "2020")
    assert result.exit_code == 1 and "galat IKU511" in result.stderr
    assert "tautan simbolik" in result.stderr
    assert snapshot(ws.parent / "luar") == before


def test_a_linked_file_pointing_out_is_not_read(iku_cli, ws) -> None:
    link = ws / "realisasi" / "2019.yaml"
    shutil.copy(link, ws.parent / "luar" / "2019.yaml")
    link.unlink()
    link.symlink_to(ws.parent / "luar" / "2019.yaml")
    result = iku_cli("capaian", "--tahun", "2019")
    assert result.exit_code == 1 and "realisasi/2019.yaml: galat IKU511" in result.stderr
    inside = ws / "bersama.yaml"  # a link that stays inside the workspace is fine
    shutil.copy(ws.parent / "luar" / "2019.yaml", inside)
    link.unlink()
    link.symlink_to(inside)
    assert iku_cli("capaian", "--tahun", "2019").exit_code == 0


@pytest.mark.parametrize("xlsx", [False, True])
def test_a_dangling_link_at_a_data_file_creates_nothing(iku_cli, ws, xlsx) -> None:
    planted = ws.parent / "luar" / "ditanam.yaml"
    (ws / "realisasi" / "2020.yaml").symlink_to(planted)
    if xlsx:
        book = ws / "r.xlsx"
        made = iku_cli("realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--out", str(book))
        if made.exit_code != 0:  # the year's file is read for the workbook: refused there, by name
            assert made.exit_code == 1 and "realisasi/2020.yaml: galat IKU511" in made.stderr
            assert not planted.exists() and not book.exists()
            return
        from openpyxl import load_workbook

        wb = load_workbook(book)
        sheet = next(
            s for s in wb.worksheets if s.sheet_state == "visible" and s.title != "Petunjuk"
        )
        row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "S1.2")
        sheet.cell(row=row, column=12, value=57)
        wb.save(book)
        result = iku_cli("realisasi", "impor", str(book))
    else:
        result = iku_cli("realisasi", "template", "--tahun", "2020")
    assert result.exit_code in (1, 2) and ("IKU511" in result.stderr or "IKU512" in result.stderr)
    assert not planted.exists()


def test_rekap_reports_an_agency_linked_from_elsewhere_and_goes_on(iku_cli, tmp_path) -> None:
    region = tmp_path / "opd"
    region.mkdir()
    init_workspace(region / "dinas-a", contoh=True, force=False)
    init_workspace(tmp_path / "di-luar", contoh=True, force=False)
    (region / "dinas-b").symlink_to(tmp_path / "di-luar", target_is_directory=True)
    (region / "jalan").symlink_to(tmp_path, target_is_directory=True)  # not walked into
    result = iku_cli("rekap", "--tahun", "2019", str(region), "-f", "json")
    assert result.exit_code == 1
    rows = {Path(b["folder"]).name: b for b in json.loads(result.stdout)["baris"]}
    assert sorted(rows) == ["dinas-a", "dinas-b"]
    assert rows["dinas-a"]["galat"] == [] and rows["dinas-a"]["tahun"]
    assert rows["dinas-b"]["galat"][0]["kode"] == "IKU511"
    tw = iku_cli("rekap", "--tahun", "2019", "--tw", "II", str(region), "-f", "json")
    rows = {Path(b["folder"]).name: b for b in json.loads(tw.stdout)["baris"]}
    assert rows["dinas-b"]["galat"][0]["kode"] == "IKU511"


def test_rekap_folder_names_reach_the_terminal_inert(iku_cli, tmp_path) -> None:
    region = tmp_path / "opd"
    init_workspace(region / "dinas\x1b]0;judul\x07\x1b[2K", contoh=True, force=False)
    out = iku_cli("rekap", "--tahun", "2019", str(region)).stdout
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;judul" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_workspace_is_refused_before_reading(iku_cli, ws) -> None:
    path = ws / "iku.yaml"
    path.unlink()
    os.mkfifo(path)
    result = iku_cli("capaian", "--tahun", "2019")  # would block forever on open or read
    assert result.exit_code in (1, 2) and "bukan berkas biasa" in result.stderr
    result = iku_cli("validate", str(path))
    assert result.exit_code in (1, 2) and "bukan berkas biasa" in result.stderr
    path.unlink()
    init_workspace(ws, contoh=True, force=True)  # iku.yaml back
    data = ws / "realisasi" / "2019.yaml"
    data.unlink()
    os.mkfifo(data)
    result = iku_cli("capaian", "--tahun", "2019")
    assert result.exit_code in (1, 2) and "realisasi/2019.yaml: galat IKU101" in result.stderr
    assert "bukan berkas biasa" in result.stderr


def test_a_workspace_reached_through_a_link_of_the_users_own_is_fine(
    iku_cli, tmp_path, monkeypatch
) -> None:
    init_workspace(tmp_path / "data" / "ws", contoh=True, force=False)
    (tmp_path / "pintas").symlink_to(tmp_path / "data" / "ws", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    result = iku_cli("capaian", "--tahun", "2019", "--iku", "pintas/iku.yaml")
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path / "pintas")
    assert iku_cli("capaian", "--tahun", "2019").exit_code == 0
    assert iku_cli("realisasi", "isi", "--tahun", "2019", "S1.2=57").exit_code == 0
