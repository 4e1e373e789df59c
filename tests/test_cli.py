"""The iku command through CliRunner: exit codes, JSON equal to the library, golden outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ikutool.cli.app import app
from ikutool.compute.capaian import compute
from ikutool.inputs.realisasi import load_realisasi_dir
from ikutool.render.formats.export import capaian_data, iku_data
from tests.conftest import MINIMAL

GOLDEN = Path(__file__).parent / "golden"


def golden(name: str, text: str) -> None:
    """Compare with a golden file; ``IKU_GOLDEN_UPDATE=1 pytest`` rewrites them (then read the
    diff before committing it)."""
    import os

    path = GOLDEN / name
    if os.environ.get("IKU_GOLDEN_UPDATE") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"output differs from {path}"


def test_validate_bundled_and_minimal(iku_cli, write) -> None:
    result = iku_cli("validate")
    assert result.exit_code == 0, result.output
    assert "berkas IKU sah: 4 sasaran, 9 indikator, periode 2016-2021" in result.stdout
    result = iku_cli("validate", str(write("min.yaml", MINIMAL)))
    assert result.exit_code == 0, result.output


def test_validate_reports_located_errors(iku_cli, write) -> None:
    path = write("bad.yaml", MINIMAL.replace("    uraian: Mening", "    uraain: Mening"))
    result = iku_cli("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:8:5: galat IKU201 [sasaran[0].uraain]" in result.stdout
    assert "Traceback" not in result.output


def test_validate_json(iku_cli, write) -> None:
    path = write("bad.yaml", MINIMAL.replace('"25 Kop"', '"Kop"'))
    result = iku_cli("validate", str(path), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["sah"] is False
    (f,) = data["temuan"]
    assert (f["kode"], f["baris"], f["kolom"], f["lokasi"]) == (
        "IKU207",
        14,
        18,
        "sasaran[0].indikator[0].target.2019",
    )


def test_validate_a_realisasi_file(iku_cli, samples, write) -> None:
    assert iku_cli("validate", str(samples / "2019.yaml")).exit_code == 0
    result = iku_cli("validate", str(write("2019.yaml", "tahun: 2019\nrealisasi: {S9.9: 1}\n")))
    assert result.exit_code == 1 and "IKU301" in result.stdout


def test_missing_file_is_usage(iku_cli, tmp_path) -> None:
    result = iku_cli("validate", str(tmp_path / "tidak-ada.yaml"))
    assert result.exit_code == 2
    assert "IKU101" in result.stderr and "tidak ditemukan" in result.stderr


def test_show_json_has_every_cell(iku_cli, bundled) -> None:
    result = iku_cli("show", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == json.loads(json.dumps(iku_data(bundled.iku)))
    assert data["periode"] == {"awal": 2016, "akhir": 2021}
    inds = [i for s in data["sasaran"] for i in s["indikator"]]
    assert len(inds) == 9 and all(
        list(i["target"]) == [str(y) for y in range(2016, 2022)] for i in inds
    )
    s11 = inds[0]["target"]
    assert s11["2016"] is None
    assert [
        (k["kunci"], k["jumlah"], k["satuan"], k["persen"]) for k in s11["2018"]["komponen"]
    ] == [
        ("sertifikasi_usaha_mikro", 100, "sertifikasi Usaha Mikro", False),
        ("kop", 15, "Kop", False),
        ("ukm", 25, "UKM", False),
    ]
    assert inds[7]["target"]["2017"]["komponen"][0]["jumlah"] == 7.14


def test_show_filters(iku_cli) -> None:
    data = json.loads(iku_cli("show", "--bidang", "ukm", "--tahun", "2019", "-f", "json").stdout)
    assert [i["kode"] for s in data["sasaran"] for i in s["indikator"]] == ["S1.1", "S1.2", "S1.3"]
    assert list(data["sasaran"][0]["indikator"][0]["target"]) == ["2019"]
    table = iku_cli("show")
    assert table.exit_code == 0 and "3.000" in table.stdout and "7,14" in table.stdout


def test_capaian_json_equals_library(iku_cli, bundled, samples) -> None:
    result = iku_cli("capaian", "--tahun", "2019", "--format", "json")
    assert result.exit_code == 0, result.output
    from ikutool.inputs.pk import load_pk
    from ikutool.workspace.paths import data_dir

    data = load_realisasi_dir(samples, bundled.iku, [2019])[2019]
    pk = load_pk(data_dir() / "pk", bundled.iku, 2019)
    expected = capaian_data(compute(bundled.iku, 2019, data, pk=pk))
    got = json.loads(result.stdout)
    assert got == json.loads(json.dumps(expected))
    assert got["berkas_iku"] == "contoh bawaan/iku_2016_2021.yaml"
    assert got["berkas_realisasi"] == "contoh bawaan/realisasi/2019.yaml"
    assert got["berkas_pk"] == "contoh bawaan/pk/2019.yaml"
    targets = {i["kode"]: i["target_sumber"] for s in got["sasaran"] for i in s["indikator"]}
    assert targets["S1.2"] == targets["S3.2"] == "pk" and targets["S2.1"] == "renstra"
    assert got["status_data"] == "contoh" and "CONTOH" in got["catatan"]
    assert "CONTOH" in result.stderr


def test_capaian_table_golden(iku_cli) -> None:
    result = iku_cli("capaian", "--tahun", "2019")
    assert result.exit_code == 0
    golden("capaian_2019.txt", result.stdout)
    assert result.stdout.count("CONTOH") == 2
    assert "memakai contoh bawaan" in result.stderr and "iku init" in result.stderr


def test_capaian_csv_golden(iku_cli) -> None:
    result = iku_cli("capaian", "--tahun", "2019", "--format", "csv")
    golden("capaian_2019.csv", result.stdout)


def test_capaian_markdown_golden(iku_cli) -> None:
    result = iku_cli("capaian", "--tahun", "2019", "--format", "markdown")
    golden("capaian_2019.md", result.stdout)


def test_capaian_jelaskan(iku_cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "320")  # the explanation column is wide; keep it on one line
    out = iku_cli("capaian", "--tahun", "2019", "--jelaskan").stdout
    assert "2.750 / 3.000 x 100 = 91,67 %" in out
    assert "(91,67 + 85,00 + 90,00) / 3 = 88,89 %" in out


def test_capaian_bidang_and_scale(iku_cli) -> None:
    data = json.loads(
        iku_cli(
            "capaian",
            "--tahun",
            "2019",
            "--bidang",
            "Perdagangan",
            "-f",
            "json",
            "--skala",
            "permenpanrb53",
        ).stdout
    )
    assert [s["kode"] for s in data["sasaran"]] == ["S3"]
    assert data["sasaran"][0]["indikator"][0]["kategori"] == "Melebihi Target"


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["capaian", "--tahun", "2030"], 2, "di luar periode"),
        (["capaian", "--tahun", "2020"], 2, "hanya berisi realisasi 2017-2019"),
        (["capaian", "--tahun", "2019", "--bidang", "Pertanian"], 2, "Bidang yang ada"),
        (["capaian"], 2, "--tahun"),
        (["capaian", "--tahun", "2019", "--batas", "-5"], 2, "--batas harus lebih besar dari 0"),
        (
            ["capaian", "--tahun", "2019", "--realisasi", __file__],
            2,
            "ini sebuah berkas, bukan folder",
        ),
        (["report", "-f", "html", "--out", "."], 2, "--out perlu nama berkas"),
    ],
)
def test_capaian_bad_requests(iku_cli, args, code, fragment) -> None:
    result = iku_cli(*args)
    assert result.exit_code == code
    assert fragment in result.output
    assert "Traceback" not in result.output


def test_capaian_bad_realisasi(iku_cli, write, tmp_path) -> None:
    write("r/2019.yaml", "tahun: 2019\nrealisasi:\n  S1.2: -4\n")
    result = iku_cli("capaian", "--tahun", "2019", "--realisasi", str(tmp_path / "r"))
    assert result.exit_code == 1
    assert "2019.yaml:3:9: galat IKU304" in result.stderr
    assert result.stdout == ""


def test_template_writes_atomically_and_never_overwrites(iku_cli, workspace) -> None:
    out = workspace / "dir with space" / "2020.yaml"
    out.parent.mkdir()
    result = iku_cli("realisasi", "template", "--tahun", "2020", "--out", str(out))
    assert result.exit_code == 0, result.output
    first = out.read_text(encoding="utf-8")
    assert "tahun: 2020" in first and "S1.1:  # target 2500 UMKM" in first
    out.write_text("# punya saya\n", encoding="utf-8")
    result = iku_cli("realisasi", "template", "--tahun", "2020", "--out", str(out))
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "# punya saya\n"
    assert (
        iku_cli("realisasi", "template", "--tahun", "2020", "--out", str(out), "--force").exit_code
        == 0
    )
    assert out.read_text(encoding="utf-8") == first
    assert [p.name for p in out.parent.iterdir()] == ["2020.yaml"]  # no temporary file left
    assert iku_cli("realisasi", "template", "--tahun", "2040").exit_code == 2


def test_template_then_capaian_round_trip(iku_cli, workspace) -> None:
    assert iku_cli("realisasi", "template", "--tahun", "2021").exit_code == 0
    assert (workspace / "realisasi" / "2021.yaml").is_file()
    result = iku_cli("capaian", "--tahun", "2021", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["capaian"] is None
    assert {i["status"] for s in data["sasaran"] for i in s["indikator"]} == {"belum_ada_realisasi"}
    assert data["berkas_iku"] == "iku.yaml"
    assert data["berkas_realisasi"] == "realisasi/2021.yaml"


def test_every_command_has_indonesian_help_with_example(runner) -> None:
    for args in (
        ["validate"],
        ["show"],
        ["capaian"],
        ["report"],
        ["evaluasi", "renstra"],
        ["evaluasi", "renja"],
        ["triwulan"],
        ["renaksi", "template"],
        ["diff"],
        ["realisasi", "template"],
        ["realisasi", "isi"],
    ):
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0
        assert "Contoh: iku" in result.stdout


def test_python_dash_m(tmp_path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "ikutool", "capaian", "--tahun", "2019", "-f", "csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("tahun,status_data")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["capaian"], "pilihan wajib '--tahun' belum diberikan"),
        (["capaian", "--tahun", "abc"], "harus bilangan bulat"),
        (["capaian", "--tahun", "2019", "-f", "xls"], "'xls' tidak dikenal; pilih salah satu"),
        (["capaian", "--tahun", "2019", "--bdang", "UKM"], "mungkin maksudnya --bidang?"),
        (["hitung"], "perintah 'hitung' tidak dikenal"),
    ],
)
def test_usage_errors_in_indonesian(runner, args, fragment) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert fragment in result.output
    assert "Penggunaan: iku" in result.output


def test_help_in_indonesian(runner) -> None:
    out = runner.invoke(app, ["capaian", "--help"]).stdout
    assert "Pilihan" in out and "Tampilkan bantuan ini lalu keluar." in out and "[wajib]" in out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["capaian", "--tahun"], "pilihan --tahun perlu nilai, mis. --tahun 2019"),
        (["capaian", "--tahun", "2019", "-f"], "pilihan -f perlu nilai"),
        (["capaian", "--tahun", "2019", "extra"], "argumen berlebih: extra;"),
        (["capain"], "mungkin maksudnya 'capaian'?"),
        (["capaian", "--tahun", "2019", "-f", "xlsx"], "iku report --format xlsx --out"),
        (["evaluasi", "--sampai", "2030"], "--sampai: galat IKU501"),
    ],
)
def test_parser_messages_are_indonesian_and_exact(runner, args, fragment) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert fragment in result.output
    assert "requires" not in result.output and "Got unexpected" not in result.output


def test_help_shows_no_python_type_names(runner) -> None:
    commands = [
        [],
        ["init"],
        ["validate"],
        ["show"],
        ["capaian"],
        ["report"],
        ["evaluasi"],
        ["evaluasi", "renja"],
        ["triwulan"],
        ["renaksi", "template"],
        ["realisasi", "template"],
        ["realisasi", "isi"],
    ]
    for args in commands:
        out = runner.invoke(app, [*args, "--help"]).stdout
        for english in ("<bool>", "<path>", "<int>", "<str>", "<float>", "list[", "Usage"):
            assert english not in out, (args, english)
    evaluasi = runner.invoke(app, ["evaluasi", "renstra", "--help"]).stdout
    assert "html" not in evaluasi and "docx" in evaluasi


@pytest.mark.parametrize("command", [["show"], ["evaluasi"], ["capaian", "--tahun", "2019"]])
def test_narrow_terminals_get_a_list_not_cut_cells(iku_cli, monkeypatch, command) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    result = iku_cli(*command)
    assert result.exit_code == 0
    assert "\u2026" not in result.stdout  # nothing cut to "…"
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    assert "S4.1" in result.stdout


def test_capaian_table_puts_component_figures_beside_their_names(iku_cli) -> None:
    lines = iku_cli("capaian", "--tahun", "2019").stdout.splitlines()
    umkm = next(line for line in lines if "- UMKM " in line and "3.000" in line)
    assert "2.750" in umkm and "91,67" in umkm
    indicator = next(line for line in lines if "S1.1 Meningkatnya" in line)
    assert "3.000" not in indicator and "91,67" not in indicator


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("ukm.xlsx", b"PK\x03\x04\x14\x00\x06\x00", "buku kerja Excel (.xlsx)"),
        ("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "buku kerja Excel lama (.xls)"),
        ("ekspor.csv", b"kode;realisasi\nS1.2;58\n", "berkas CSV"),
        ("laporan.pdf", b"%PDF-1.7\n", "dokumen PDF"),
    ],
)
def test_validate_names_files_that_are_not_yaml(iku_cli, write, name, content, kind) -> None:
    result = iku_cli("validate", str(write(name, content)))
    assert result.exit_code == 1
    assert f"IKU108: ini {kind}, bukan berkas YAML" in result.stdout
    assert "UTF-8" not in result.stdout


def test_unknown_bidang_is_a_usage_error(iku_cli) -> None:
    result = iku_cli("capaian", "--tahun", "2019", "--bidang", "Pertanian")
    assert result.exit_code == 2 and "Bidang yang ada" in result.stderr


def test_missing_realisasi_folder_hint_is_a_command_that_works(iku_cli, workspace) -> None:
    result = iku_cli("capaian", "--tahun", "2019", "--realisasi", "tidak-ada")
    assert result.exit_code == 2
    assert "Periksa nama folder pada --realisasi" in result.stderr


def test_user_text_prints_exactly_as_written_in_every_format(
    iku_cli, workspace, monkeypatch
) -> None:
    """Square brackets are rich markup and :name: an emoji code: neither may touch user text."""
    from docx import Document

    monkeypatch.setenv("COLUMNS", "600")  # wide enough that no cell wraps the text
    from openpyxl import load_workbook

    odd = "Jumlah [wajib] UMKM :thumbs_up: [bold]tebal[/bold]"
    iku = workspace / "iku.yaml"
    iku.write_text(
        iku.read_text(encoding="utf-8").replace("uraian: Koperasi Aktif", f'uraian: "{odd}"'),
        encoding="utf-8",
    )
    outputs = []
    for args in (
        ["show"],
        ["show", "-f", "json"],
        ["capaian", "--tahun", "2019"],
        ["capaian", "--tahun", "2019", "-f", "markdown"],
        ["capaian", "--tahun", "2019", "-f", "csv"],
        ["capaian", "--tahun", "2019", "-f", "json"],
        ["report"],
        ["evaluasi"],
        ["evaluasi", "-f", "markdown"],
        ["lkjip", "--tahun", "2019"],
        ["lkjip", "--tahun", "2019", "-f", "markdown"],
    ):
        result = iku_cli(*args)
        assert result.exit_code == 0, (args, result.output)
        text = result.stdout
        if "json" in args:
            text = json.dumps(json.loads(text), ensure_ascii=False)
        if "markdown" in args:  # Markdown escapes [ and _: compare what it renders as
            text = re.sub(r"\\(.)", r"\1", text)
        outputs.append((args, text))
    for args, text in outputs:
        if args == ["evaluasi"]:  # E.80's 24 columns wrap the name in its cell: word by word
            assert all(word in text.split() for word in odd.split()), args
            continue
        assert odd in " ".join(text.split()), args
    for fmt in ("html", "xlsx"):
        out = workspace / f"r.{fmt}"
        assert iku_cli("report", "-f", fmt, "--out", str(out)).exit_code == 0
    assert odd in (workspace / "r.html").read_text(encoding="utf-8").replace("&quot;", '"')
    cells = [
        c.value for ws in load_workbook(workspace / "r.xlsx") for r in ws.iter_rows() for c in r
    ]
    assert any(isinstance(v, str) and odd in v for v in cells)
    assert iku_cli("lkjip", "--tahun", "2019", "-f", "docx", "--out", "l.docx").exit_code == 0
    doc = Document(str(workspace / "l.docx"))
    assert any(odd in c.text for t in doc.tables for r in t.rows for c in r.cells)


def test_a_warning_about_a_value_travels_with_it_into_every_output(iku_cli, workspace) -> None:
    """Issue 15 (1): ``1.250`` unquoted is YAML's 1,25. The warning is beside the figure, marked,
    in every output, not only on stderr; documents carry it without the error code."""
    from docx import Document

    path = workspace / "realisasi" / "2019.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    nilai: 24\n", "    nilai: 1.250\n"),
        encoding="utf-8",
    )
    table = iku_cli("capaian", "--tahun", "2019")
    assert table.exit_code == 0, table.output
    assert "1,25 (!)" in table.stdout
    assert "(!) Realisasi S2.1: IKU107 YAML membaca 1.250 sebagai 1,25" in table.stdout
    md = iku_cli("capaian", "--tahun", "2019", "-f", "markdown").stdout
    assert "1,25 (!)" in md and "YAML membaca 1.250 sebagai 1,25" in md and "IKU107" not in md
    data = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    s21 = next(i for s in data["sasaran"] for i in s["indikator"] if i["kode"] == "S2.1")
    assert s21["komponen"][0]["peringatan_realisasi"][0].startswith("IKU107 YAML membaca 1.250")
    assert any("S2.1 realisasi: IKU107" in w for w in data["peringatan"])
    csv_text = iku_cli("capaian", "--tahun", "2019", "-f", "csv").stdout
    assert "IKU107 YAML membaca 1.250" in next(ln for ln in csv_text.splitlines() if ",S2.1," in ln)
    lk = iku_cli("lkjip", "--tahun", "2019", "-f", "markdown").stdout
    assert "1,25 Kop (!)" in lk and "(!) Realisasi S2.1: YAML membaca 1.250" in lk
    assert "IKU107" not in lk
    out = workspace / "l.docx"
    assert iku_cli("lkjip", "--tahun", "2019", "-f", "docx", "--out", str(out)).exit_code == 0
    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "(!) Realisasi S2.1: YAML membaca 1.250" in body and "IKU107" not in body
    report = iku_cli("report", "--tahun", "2019", "-f", "markdown").stdout
    assert "(!) 2019: Realisasi S2.1: YAML membaca 1.250" in report


def test_a_warning_about_a_target_travels_with_it(iku_cli, workspace) -> None:
    iku = workspace / "iku.yaml"
    iku.write_text(
        iku.read_text(encoding="utf-8").replace('2019: "25 Kop"', "2019: 1.025"),
        encoding="utf-8",
    )
    table = iku_cli("capaian", "--tahun", "2019")
    assert table.exit_code == 0, table.output
    assert "1,025 (!)" in table.stdout
    assert "(!) Target S2.1: IKU107 YAML membaca 1.025 sebagai 1,025" in table.stdout


def test_bidang_views_say_what_each_mean_is_over(iku_cli, workspace) -> None:
    """Issue 15 (2): a bidang's mean is not the sasaran's nor the agency's, and says so."""
    full = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    part = json.loads(
        iku_cli("capaian", "--tahun", "2019", "--bidang", "Perindustrian", "-f", "json").stdout
    )
    # the agency's figure is the agency's, in a bidang view too
    assert part["capaian"] == pytest.approx(full["capaian"])
    s4 = next(s for s in full["sasaran"] if s["kode"] == "S4")
    assert part["capaian_bidang"] == pytest.approx(s4["indikator"][0]["capaian"])
    # a sasaran the bidang shares with others: its own figure, and the bidang's beside it
    iku = workspace / "iku.yaml"
    text = iku.read_text(encoding="utf-8")
    iku.write_text(
        text.replace("bidang: Perdagangan", "bidang: Perindustrian", 1), encoding="utf-8"
    )
    full = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    part = json.loads(
        iku_cli("capaian", "--tahun", "2019", "--bidang", "Perindustrian", "-f", "json").stdout
    )
    s3_full = next(s for s in full["sasaran"] if s["kode"] == "S3")
    s3_part = next(s for s in part["sasaran"] if s["kode"] == "S3")
    assert len(s3_part["indikator"]) == 1 and s3_part["jumlah_indikator"] == 4
    assert s3_part["capaian"] == pytest.approx(s3_full["capaian"])
    assert s3_part["capaian_bidang"] == pytest.approx(s3_part["indikator"][0]["capaian"])
    table = iku_cli("capaian", "--tahun", "2019", "--bidang", "Perindustrian").stdout
    assert "Capaian sasaran S3 (seluruh 4 indikator, semua bidang)" in table
    assert "Rata-rata 1 indikator Bidang" in table
    assert "(seluruh instansi, semua bidang)" in table
    for fmt in ("markdown",):
        text = iku_cli("capaian", "--tahun", "2019", "--bidang", "Perindustrian", "-f", fmt).stdout
        assert "Capaian sasaran S3 (seluruh 4 indikator, semua bidang)" in text
    report = iku_cli("report", "--bidang", "Perindustrian").stdout
    assert "Capaian instansi (rata-rata semua sasaran, semua bidang) per tahun" in report
    assert "Capaian sasaran S3 (seluruh 4 indikator, semua bidang)" in report


def test_version_and_help_text_as_written(iku_cli) -> None:
    from ikutool import __version__

    result = iku_cli("--version")
    assert result.exit_code == 0 and result.stdout == f"ikutool {__version__}\n"
    text = " ".join(iku_cli("rekap", "--help").stdout.replace("│", " ").split())
    assert "pip install 'ikutool[parquet]'" in text  # not eaten as markup
