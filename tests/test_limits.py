"""Whatever validate accepts, every command and format handles; whatever it refuses, it refuses
with a located Indonesian message before any expensive step (issue: reliability, round two).

Each case is one of the samples the fuzzer found; the classes are kept closed by test_fuzz.py and
scripts/fuzz.py. Times and memory are measured by benchmarks/bench_limits.py, never here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import MINIMAL

ALL_FORMATS = [
    ["validate"],
    ["show"],
    ["show", "-f", "json"],
    ["capaian", "--tahun", "2019"],
    ["capaian", "--tahun", "2019", "-f", "json"],
    ["capaian", "--tahun", "2019", "-f", "csv"],
    ["capaian", "--tahun", "2019", "-f", "markdown"],
    ["report"],
    ["report", "-f", "json"],
    ["report", "-f", "markdown"],
    ["evaluasi"],
    ["evaluasi", "-f", "json"],
]


def make_workspace(root: Path, iku: str, realisasi: str) -> Path:
    (root / "realisasi").mkdir(parents=True)
    (root / "ikutool.yaml").write_text("iku: iku.yaml\n", encoding="utf-8")
    (root / "iku.yaml").write_text(iku, encoding="utf-8")
    (root / "realisasi" / "2019.yaml").write_text(realisasi, encoding="utf-8")
    return root


def run_everything(iku_cli, root: Path) -> dict[str, object]:
    """Every command and format on the workspace: returns the outputs; asserts no crash."""
    outputs: dict[str, object] = {}
    for args in ALL_FORMATS:
        result = iku_cli(*args)
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert "Traceback" not in result.output
        if "json" in args and result.exit_code == 0:
            outputs[" ".join(args)] = json.loads(result.stdout)  # always valid JSON
    for fmt in ("html", "xlsx"):
        out = root / f"laporan.{fmt}"
        result = iku_cli("report", "-f", fmt, "--out", str(out), "--force")
        assert result.exit_code in (0, 1, 2), result.output
        if result.exit_code == 0 and fmt == "xlsx":
            load_workbook(out)
    return outputs


def test_extreme_but_valid_figures_go_through_every_format(iku_cli, tmp_path, monkeypatch) -> None:
    iku = MINIMAL.replace('2019: "25 Kop"', '2019: "0,000000001 %"')
    root = make_workspace(
        tmp_path / "ws", iku, "tahun: 2019\nrealisasi:\n  S1.1: 999999999999999\n"
    )
    monkeypatch.chdir(root)
    assert iku_cli("validate").exit_code == 0
    outputs = run_everything(iku_cli, root)
    capaian = outputs["capaian --tahun 2019 -f json"]["capaian"]  # type: ignore[index]
    assert capaian == pytest.approx(999999999999999 / 1e-9 * 100)  # 10^26 %, printed as it is
    table = iku_cli("capaian", "--tahun", "2019").stdout
    assert "100.000.000.000.000.000.000.000.000" in table.replace("\n", "")[:100_000] or (
        "IKU401" in table
    )


def test_tiny_realisasi_in_excel(iku_cli, tmp_path, monkeypatch) -> None:
    root = make_workspace(tmp_path / "ws", MINIMAL, "tahun: 2019\nrealisasi:\n  S1.1: 0.00001\n")
    monkeypatch.chdir(root)
    run_everything(iku_cli, root)
    ws = load_workbook(root / "laporan.xlsx")["2019"]
    cell = next(c for r in ws.iter_rows() for c in r if c.value == 0.00001)
    # a fraction of a count (Kop) is suspect: the figure is marked, and the note says why; the
    # cell shows the digits the page shows ("0,00001 (!)"), not a zero
    assert cell.number_format == '[$-421]#,##0.00000" (!)"'


@pytest.mark.parametrize(
    ("where", "text", "code"),
    [
        ("iku", MINIMAL.replace('"25 Kop"', "1" + "0" * 4300), "IKU209"),
        ("iku", MINIMAL.replace('"25 Kop"', '"' + "1" * 4301 + ' Kop"'), "IKU209"),
        ("iku", MINIMAL.replace("polaritas: positif", "bobot: 1e300"), "IKU209"),
        (
            "iku",
            MINIMAL.replace("uraian: Koperasi aktif", 'uraian: "Koperasi\\x01aktif"'),
            "IKU209",
        ),
        ("iku", MINIMAL.replace('"25 Kop"', '"25' + " " * 30_000 + 'Kop"'), "IKU105"),
        ("iku", MINIMAL.replace('"25 Kop"', '"25' + " " * 1_000 + 'Kop"'), "IKU209"),
        ("iku", MINIMAL.replace('"25 Kop"', '"0,0000000000001 Kop"'), "IKU203"),
        ("realisasi", "tahun: 2019\nrealisasi:\n  S1.1: 1" + "0" * 309 + "\n", "IKU303"),
        ("realisasi", "tahun: 2019\nrealisasi:\n  S1.1: 1e309\n", "IKU303"),
        ("realisasi", 'tahun: 2019\nrealisasi:\n  S1.1: !!bool "58"\n', "IKU103"),
        ("realisasi", "tahun: 2019\nrealisasi:\n  S1.1: !!set {a, b}\n", "IKU103"),
        ("realisasi", "tahun: 2019\nrealisasi:\n  S1.1: 5\x00\n", "IKU103"),
        (
            "realisasi",
            'tahun: 2019\nrealisasi:\n  S1.1: {nilai: 5, catatan: "a\\x1b[31m"}\n',
            "IKU209",
        ),
        ("realisasi", "tahun: 2019\nrealisasi: " + "[" * 30_000 + "\n", "IKU105"),
        ("realisasi", "tahun: 2019\nrealisasi:\n" + "- " * 30_000 + "x\n", "IKU105"),
    ],
)
def test_refused_with_a_location_by_every_command(
    iku_cli, tmp_path, monkeypatch, where, text, code
) -> None:
    iku = text if where == "iku" else MINIMAL
    real = text if where == "realisasi" else "tahun: 2019\nrealisasi:\n  S1.1: 20\n"
    root = make_workspace(tmp_path / "ws", iku, real)
    monkeypatch.chdir(root)
    before = (root / "realisasi" / "2019.yaml").read_bytes()
    for args in (["validate"], ["capaian", "--tahun", "2019"], ["report", "-f", "json"]):
        result = iku_cli(*args)
        assert result.exit_code == 1, (args, result.output)
        assert "Traceback" not in result.output
        hit = [line for line in result.output.splitlines() if code in line]
        assert hit, (args, result.output[:2000])
        assert ":" in hit[0].split(code)[0]  # FILE:LINE:COL
        assert len(result.output) < 20_000  # the message does not echo the whole input
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S1.1=3")
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    if result.exit_code == 1:  # nothing written
        assert (root / "realisasi" / "2019.yaml").read_bytes() == before
    else:  # the edit replaced the bad value: the file is valid now
        assert iku_cli("validate", "realisasi/2019.yaml").exit_code == 0


def test_huge_weights_are_refused(iku_cli, write) -> None:
    path = write("iku.yaml", MINIMAL.replace("polaritas: positif", "bobot: 1e200"))
    result = iku_cli("validate", str(path))
    assert result.exit_code == 1 and "IKU209" in result.stdout and "paling besar" in result.stdout


def test_duplicate_key_in_isi_is_located_like_validate(iku_cli, workspace) -> None:
    path = workspace / "realisasi" / "2019.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  S1.2: 57\n", encoding="utf-8")
    expected = iku_cli("validate", "realisasi/2019.yaml").stdout
    assert "IKU104" in expected
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S2.1=1")
    assert result.exit_code == 1
    line = next(x for x in result.stderr.splitlines() if "IKU104" in x)
    assert line in expected and "http" not in result.stderr


def test_special_files_are_not_read(tmp_path) -> None:
    fifo = tmp_path / "iku.yaml"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero"):
        proc = subprocess.run(
            [sys.executable, "-m", "ikutool", "validate", target],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
            cwd=tmp_path,
        )
        assert proc.returncode == 2, proc.stderr
        assert "IKU101" in proc.stderr and "bukan berkas biasa" in proc.stderr


def test_deep_nesting_does_not_crash_the_process(tmp_path) -> None:
    path = tmp_path / "iku.yaml"
    path.write_text("a: " + "[" * 100_000, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "ikutool", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1 and "IKU105" in proc.stdout  # not a segmentation fault


def test_a_big_flow_list_is_refused_while_it_streams(tmp_path) -> None:
    from ikutool import yaml_reader
    from ikutool.errors import IkuError

    text = "a: [" + ",".join(["1"] * 1_500_000) + "]\n"  # 3 MB, under the size limit
    with pytest.raises(IkuError) as info:
        yaml_reader.parse_yaml_text(text, "besar.yaml")
    f = info.value.findings[0]
    assert f.code == "IKU105" and f.line == 1 and "1.500.00" in f.message


def test_files_too_big_to_edit_are_refused_before_reading(iku_cli, workspace) -> None:
    path = workspace / "realisasi" / "2019.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "# " + "x" * (3 * 1024 * 1024) + "\n", encoding="utf-8"
    )
    before = path.read_bytes()
    result = iku_cli("realisasi", "isi", "--tahun", "2019", "S1.2=57")
    assert result.exit_code == 1 and "IKU105" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("char", ["\\ufffe", "\\uffff", "\\ud800", "\\u2028"])
def test_characters_word_and_excel_refuse_are_refused_at_validate(iku_cli, workspace, char) -> None:
    """Issue 16 (4): an escaped noncharacter passed validate and stopped the docx and xlsx
    writers with lxml's ValueError; now it is refused where it is written."""
    path = workspace / "program" / "2019.yaml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace(
            "nama: Program Peningkatan Kualitas Kelembagaan Koperasi",
            f'nama: "Program {char} Koperasi"',
            1,
        ),
        "utf-8",
    )
    for args in (
        ["validate"],
        ["lkjip", "--tahun", "2019", "-f", "docx", "--out", "l.docx"],
    ):
        result = iku_cli(*args)
        assert result.exit_code == 1 and "Traceback" not in result.output, (args, result.output)
        # line 57 of the bundled file: 58 in the workspace, below the schema line iku init adds
        assert "program/2019.yaml:58:" in result.output + result.stderr, args
    assert not (workspace / "l.docx").exists()
    iku = workspace / "iku.yaml"
    iku.write_text(
        iku.read_text("utf-8").replace("uraian: Koperasi Aktif", f'uraian: "Koperasi {char}"'),
        "utf-8",
    )
    result = iku_cli("realisasi", "template", "--tahun", "2019", "-f", "xlsx")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "iku.yaml:134:" in result.stderr  # located (IKU209, or the reader's IKU103)


def test_an_iku_with_sixty_thousand_errors_is_answered_with_the_first_thousand(
    iku_cli, tmp_path
) -> None:
    """Issue 16 (6): past 1.000 findings they are counted, not each translated."""
    lines = ["instansi: {nama: Dinas X}", "periode: {awal: 2020, akhir: 2024}", "sasaran:"]
    for s in range(20):
        lines += [f"  - kode: S{s}", f"    uraian: Sasaran {s}", "    indikator:"]
        for i in range(100):
            lines.append(f"      - {{kode: S{s}.{i}, uraian: X, polaritas: naik, bidangx: 1}}")
    path = tmp_path / "iku.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = iku_cli("validate", str(path), "-f", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and data["jumlah_galat"] == 1001
    last = next(f for f in data["temuan"] if f["kode"] == "IKU109")
    assert "3.000 galat lainnya" in last["pesan"] and last["baris"]


def test_a_full_disk_while_building_a_workbook(iku_cli, workspace, monkeypatch) -> None:
    """Issue 16 (6): openpyxl spools each sheet through a file; a full disk there is a located
    Indonesian error, with nothing left behind."""
    import errno

    from openpyxl import Workbook

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full)
    for args in (
        ["report", "-f", "xlsx", "--out", "r.xlsx"],
        ["realisasi", "template", "--tahun", "2019", "-f", "xlsx"],
        ["rekap", "--tahun", "2019", "..", "-f", "xlsx", "--out", "k.xlsx"],
    ):
        result = iku_cli(*args)
        assert result.exit_code == 1 and "Traceback" not in result.output, (args, result.output)
        assert "IKU503" in result.stderr and "kosongkan ruang disk" in result.stderr
    assert not list(workspace.glob("*.xlsx")) and not list(workspace.glob(".*tmp*"))
