"""User text is never a live formula (issue 23): CSV cells that a spreadsheet would evaluate are
written as text, and the realisasi template's drop-down lists quote labels safely."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ikutool.render.formats.csvsafe import inert
from ikutool.workspace.sources import init_workspace

CORPUS = Path(__file__).parent / "corpus" / "bentuk"
PAYLOADS = ['=HYPERLINK("http://contoh.invalid/x","klik")', "+1+1", "-2+3", "@SUM(A1)",
            "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"]  # fmt: skip


def test_the_owasp_rule_and_numbers_untouched() -> None:
    assert [inert(p)[0] for p in PAYLOADS] == ["'"] * len(PAYLOADS)
    assert [inert(x) for x in ("-5.25", "+3", "1e-05", "-inf", "", "Koperasi", 12)] == [
        "-5.25", "+3", "1e-05", "-inf", "", "Koperasi", 12,
    ]  # fmt: skip


@pytest.fixture
def hostile_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A region of one agency whose sasaran and indicator texts and folder name are formulas."""
    root = tmp_path / "opd" / "=1+1"
    init_workspace(root, contoh=True, force=False)
    iku = root / "iku.yaml"
    text = iku.read_text("utf-8")
    text = text.replace(
        "uraian: Koperasi Aktif", f"uraian: '{PAYLOADS[0].replace(chr(39), chr(39) * 2)}'", 1
    )
    iku.write_text(text, "utf-8")
    monkeypatch.chdir(root)
    return root


def cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def test_capaian_csv_keeps_a_formula_inert(iku_cli, hostile_ws) -> None:
    result = iku_cli("capaian", "--tahun", "2019", "-f", "csv")
    assert result.exit_code == 0, result.output
    values = cells(result.stdout)
    assert "'" + PAYLOADS[0] in values and PAYLOADS[0] not in values
    assert not [v for v in values if v[:1] in ("=", "+", "@")]


@pytest.mark.parametrize("tw", [None, "II"])
def test_rekap_csv_keeps_a_folder_name_inert(iku_cli, hostile_ws, tw, monkeypatch) -> None:
    monkeypatch.chdir(hostile_ws.parent)  # folders are shown relative to here: '=1+1'
    args = ["rekap", "--tahun", "2019", str(hostile_ws.parent), "-f", "csv"]
    result = iku_cli(*args, *(["--tw", tw] if tw else []))
    values = cells(result.stdout)
    assert any(v.startswith("'") and v.endswith("=1+1") for v in values), result.stdout
    assert not [v for v in values if v[:1] in ("=", "+", "@")]


def test_triwulan_csv_keeps_text_inert(iku_cli, hostile_ws) -> None:
    result = iku_cli("triwulan", "--tahun", "2019", "--tw", "II", "-f", "csv")
    assert result.exit_code in (0, 1), result.output
    assert not [v for v in cells(result.stdout) if v[:1] in ("=", "+", "@")]


def bentuk_with_labels(tmp_path: Path, labels: list[str]) -> Path:
    root = tmp_path / "bentuk"
    shutil.copytree(CORPUS, root)
    iku = root / "iku.yaml"
    text = iku.read_text("utf-8")
    quoted = ", ".join("'" + x.replace("'", "''") + "'" for x in labels)
    text = text.replace("urutan: [Pratama, Madya, Nindya, Utama, Paripurna]", f"urutan: [{quoted}]")
    iku.write_text(text, "utf-8")
    return root


def validations(book: Path) -> list[str]:
    return [dv.formula1 for ws in load_workbook(book).worksheets
            for dv in ws.data_validations.dataValidation if dv.type == "list"]  # fmt: skip


def test_a_quote_in_a_label_cannot_break_out_of_the_list(iku_cli, tmp_path, monkeypatch) -> None:
    root = bentuk_with_labels(
        tmp_path, ['Pratama"&HYPERLINK("x")&"', "Madya", "Nindya", "Utama", "Paripurna"]
    )
    monkeypatch.chdir(root)
    out = root / "r.xlsx"
    result = iku_cli("realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--iku", "iku.yaml",
                     "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    lists = [f for f in validations(out) if "Madya" in f]
    assert lists == ['"Pratama""&HYPERLINK(""x"")&"",Madya,Nindya,Utama,Paripurna"']


def test_a_label_a_list_cannot_hold_gets_no_drop_down(iku_cli, tmp_path, monkeypatch) -> None:
    root = bentuk_with_labels(tmp_path, ["Baik, sekali", "Madya", "Nindya", "Utama", "Paripurna"])
    monkeypatch.chdir(root)
    out = root / "r.xlsx"
    result = iku_cli("realisasi", "template", "--tahun", "2020", "-f", "xlsx", "--iku", "iku.yaml",
                     "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert not [f for f in validations(out) if "Madya" in f]
