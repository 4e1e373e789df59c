"""Multi-year report, evaluasi, and their formats: the same figures everywhere."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ikutool.compute.capaian import Options
from ikutool.inputs.realisasi import load_realisasi_dir
from ikutool.render.wording import kalimat
from ikutool.reports.laporan import build_report
from tests.test_cli import golden

approx = pytest.approx


@pytest.fixture
def laporan(bundled, samples):
    data = load_realisasi_dir(samples, bundled.iku, [2017, 2018, 2019])
    return build_report(
        bundled.iku, data, [2017, 2018, 2019], folder_realisasi="contoh bawaan/realisasi"
    )


def rows(laporan, kode):
    return next(i for s in laporan.sasaran for i in s.indikator if i.kode == kode).tahun


def test_change_and_end_target_by_hand(laporan) -> None:
    s12 = rows(laporan, "S1.2")
    assert [r.hasil.capaian for r in s12] == [
        approx(52 / 60 * 100),
        approx(104 / 120 * 100),
        approx(58 / 60 * 100),
    ]
    # realisasi 104 (2018) -> 58 (2019): (58 - 104) / 104 x 100
    assert s12[2].perubahan_realisasi == {"org": approx((58 - 104) / 104 * 100)}
    assert s12[0].tahun_sebelumnya is None
    # against the 2021 target of 60 org
    assert s12[1].capaian_target_akhir == approx(104 / 60 * 100)
    s11 = rows(laporan, "S1.1")
    # 2019 components vs 2021 (315 Buku, 100 sertifikasi, 10 Kop/KSP/USP/UMKM): umkm has no
    # counterpart in 2021, so the mean is over sertifikasi 85/100 and kop 9/10
    assert s11[2].capaian_target_akhir == approx((85 + 90) / 2)
    assert [c.kunci for c in s11[2].terhadap_target_akhir] == [
        "buku",
        "sertifikasi_usaha_mikro",
        "kop_ksp_usp_umkm",
    ]
    assert s11[2].terhadap_target_akhir[0].status == "belum_ada_realisasi"
    # composite change in percentage points of capaian: 2018 92,22 -> 2019 88,89
    assert s11[2].perubahan_capaian == approx(
        (2750 / 30 + 85 + 90) / 3 - (90 + 13 / 15 * 100 + 100) / 3
    )


def test_sentences(laporan) -> None:
    s12 = rows(laporan, "S1.2")
    assert kalimat(s12[2]) == (
        "Realisasi 2019 sebesar 58 org atau 96,67 % dari target (kategori Sangat Tinggi), "
        "turun 44,23 % dibanding 2018. Terhadap target akhir Renstra capaiannya 96,67 %."
    )
    assert kalimat(s12[1]).startswith(
        "Realisasi 2018 sebesar 104 org atau 86,67 % dari target (kategori Tinggi), naik 100,00 % dibanding 2017"
    )
    assert kalimat(rows(laporan, "S1.1")[0]) == "Tahun 2017 tidak ada target untuk indikator ini."
    composite = kalimat(rows(laporan, "S3.2")[2])
    assert composite.startswith(
        "Realisasi 2019: 6,5 % (81,25 % dari target), 19 % (111,76 % dari target); capaian rata-rata 96,51 %"
    )
    assert "naik 4,49 poin dibanding 2018" in composite


def test_sentence_for_missing_realisasi(bundled, write, tmp_path) -> None:
    write("r/2020.yaml", "tahun: 2020\nrealisasi:\n  S1.2: 70\n")
    data = load_realisasi_dir(tmp_path / "r", bundled.iku, [2020])
    rep = build_report(bundled.iku, data, [2020])
    assert kalimat(rows(rep, "S2.1")[0]) == "Realisasi 2020 belum diisi (target 28 Kop)."
    assert "naik" not in kalimat(rows(rep, "S1.2")[0])  # no earlier year to compare with


def test_bidang_report(bundled, samples) -> None:
    data = load_realisasi_dir(samples, bundled.iku, [2019])
    rep = build_report(bundled.iku, data, [2019], Options(bidang="Perdagangan"))
    assert rep.bidang_nama == "Perdagangan dan Pasar"
    assert [i.kode for s in rep.sasaran for i in s.indikator] == ["S3.1", "S3.2", "S3.3", "S3.4"]


@pytest.mark.parametrize("query", ["UKM", "ukm"])
def test_report_bidang_ukm_golden(iku_cli, query) -> None:
    result = iku_cli("report", "--bidang", query)
    assert result.exit_code == 0, result.output
    golden("report_ukm.txt", result.stdout)


def test_report_markdown_golden(iku_cli) -> None:
    golden("report_ukm.md", iku_cli("report", "--bidang", "UKM", "-f", "markdown").stdout)


def test_report_perdagangan(iku_cli) -> None:
    result = iku_cli("report", "--bidang", "Perdagangan", "--tahun", "2019")
    assert result.exit_code == 0
    assert "BIDANG PERDAGANGAN DAN PASAR" in result.stdout and "S1.1" not in result.stdout


def test_evaluasi_golden(iku_cli) -> None:
    result = iku_cli("evaluasi", "-f", "markdown")
    assert result.exit_code == 0
    golden("evaluasi.md", result.stdout)
    table = iku_cli("evaluasi", "--sampai", "2018")
    assert table.exit_code == 0 and "EVALUASI TERHADAP HASIL RENSTRA" in table.stdout
    assert "Periode pelaksanaan: 2016-2021" in table.stdout
    assert "Evaluasi s.d. tahun 2018" in table.stdout and "s.d. tahun 2019" not in table.stdout


def _capaian_json(iku_cli, year: int) -> dict:
    return json.loads(iku_cli("capaian", "--tahun", str(year), "-f", "json").stdout)


def test_xlsx_read_back_equals_capaian_json(iku_cli, tmp_path) -> None:
    out = tmp_path / "laporan.xlsx"
    result = iku_cli("report", "--format", "xlsx", "--out", str(out))
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert wb.sheetnames[:4] == ["2017", "2018", "2019", "Tren"]
    assert all(name.startswith("Grafik ") for name in wb.sheetnames[4:])
    # the chart of 2019's capaian draws the figures of capaian --tahun 2019, from its own cells
    chart = wb["Grafik 3"]
    assert chart["A1"].value == "Grafik 3 Capaian kinerja per indikator tahun 2019"
    assert len(chart._charts) == 1
    drawn = {}
    for r in chart.iter_rows(min_row=4):  # the figures' rows: down to the first empty one
        if not r[0].value:
            break
        drawn[r[0].value] = r[2].value
    expected = {
        ind["kode"]: ind["capaian"]
        for sas in _capaian_json(iku_cli, 2019)["sasaran"]
        for ind in sas["indikator"]
    }
    assert drawn == approx(expected, rel=1e-14)
    for year in (2017, 2018, 2019):
        ws = wb[str(year)]
        data = _capaian_json(iku_cli, year)
        assert ws["A1"].value == data["instansi"].upper()
        assert ws["A3"].value == f"PENGUKURAN KINERJA TAHUN {year}"
        assert "CONTOH" in ws["A4"].value
        assert [c.value for c in ws[6]] == [
            "No",
            "Sasaran",
            "Indikator",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Kategori",
        ]
        assert ws.freeze_panes == "A7"
        cells = {str(r[2].value): r for r in ws.iter_rows(min_row=7) if r[2].value}
        for sas in data["sasaran"]:
            mean_row = cells[f"Capaian sasaran {sas['kode']}"]
            assert mean_row[6].value == approx(sas["capaian"], rel=1e-14)  # Excel keeps 15 digits
            assert mean_row[7].value == (sas["kategori"] or "-")
            for ind in sas["indikator"]:
                if len(ind["komponen"]) == 1:
                    row = next(r for k, r in cells.items() if k.startswith(ind["kode"] + " "))
                    comp = ind["komponen"][0]
                    assert row[4].value == comp["target"] and row[5].value == comp["realisasi"]
                    assert row[6].value == approx(comp["capaian"], rel=1e-14)
                    assert row[7].value == ind["kategori"]
                    assert row[6].number_format == "[$-421]#,##0.00"
                elif ind["komponen"]:
                    n = len(ind["komponen"])
                    assert cells[f"Capaian {ind['kode']} (rata-rata {n} komponen)"][
                        6
                    ].value == approx(ind["capaian"], rel=1e-14)
    merged = [str(m) for m in wb["2019"].merged_cells.ranges]
    # 2019: sasaran S1 spans its 3 indikator (composites on a row of their own), their components
    # and means
    assert "B7:B17" in merged
    trend = wb["Tren"]
    assert trend.row_dimensions[5].height >= 30  # two-line header cells get room (no clipped text)
    assert wb["2019"].page_setup.orientation == "landscape" and trend.print_title_rows == "$5:$5"
    header = [c.value for c in trend[5]]
    assert header[:5] == [
        "Kode",
        "Sasaran / Indikator",
        "Capaian 2017 (%)",
        "Capaian 2018 (%)",
        "Capaian 2019 (%)",
    ]
    s21 = next(r for r in trend.iter_rows(min_row=6) if r[0].value == "S2.1")
    assert [c.value for c in s21[2:5]] == [approx(100.0), approx(23 / 22 * 100), approx(96.0)]


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.add(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]

    def handle_data(self, data) -> None:
        if data.strip():
            self.text.append(data.strip())


def test_html_is_self_contained_and_shows_the_same_figures(iku_cli, tmp_path) -> None:
    out = tmp_path / "laporan.html"
    assert iku_cli("report", "--format", "html", "--out", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    parser = _Cells()
    parser.feed(page)
    assert "script" not in parser.tags and parser.urls == []
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert parser.tags >= {"svg", "table", "rect"}
    assert "@page{size:A4" in page
    text = "\n".join(parser.text)
    assert text.count("CONTOH") >= 2
    from ikutool.formatting.numbers import format_angka

    for year in (2017, 2018, 2019):
        data = _capaian_json(iku_cli, year)
        assert f"Pengukuran kinerja tahun {year}" in text
        for sas in data["sasaran"]:
            assert format_angka(sas["capaian"], 2) in text
            for ind in sas["indikator"]:
                if ind["capaian"] is not None:
                    assert format_angka(ind["capaian"], 2) in text


def test_json_report_equals_library(iku_cli, bundled, samples) -> None:
    from ikutool.inputs.pk import load_pk
    from ikutool.render.formats.export import report_data
    from ikutool.workspace.paths import data_dir

    data = load_realisasi_dir(samples, bundled.iku, [2017, 2018, 2019])
    pk = {2019: load_pk(data_dir() / "pk", bundled.iku, 2019)}
    laporan = build_report(
        bundled.iku, data, [2017, 2018, 2019], folder_realisasi="contoh bawaan/realisasi", pk=pk
    )
    got = json.loads(iku_cli("report", "-f", "json").stdout)
    assert got == json.loads(json.dumps(report_data(laporan)))
    assert got["catatan"] and "CONTOH" in got["catatan"][0]


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (
            ["report", "--bidang", "Pertanian"],
            2,
            "Bidang yang ada: UKM, Koperasi, Perdagangan (Perdagangan dan Pasar), Perindustrian",
        ),
        (["report", "--bidang", "Per"], 2, "lebih dari satu"),
        (
            ["report", "--dari", "2020", "--sampai", "2021"],
            2,
            "tidak ada berkas realisasi untuk tahun 2020-2021",
        ),
        (["report", "--tahun", "2019", "--dari", "2017"], 2, "jangan keduanya"),
        (["report", "--format", "xlsx"], 2, "perlu --out"),
        (["evaluasi", "--sampai", "2030"], 2, "di luar periode"),
    ],
)
def test_report_bad_requests(iku_cli, args, code, fragment) -> None:
    result = iku_cli(*args)
    assert result.exit_code == code, result.output
    assert fragment in result.stderr
    assert "Traceback" not in result.output


def test_existing_output_is_never_overwritten(iku_cli, tmp_path: Path) -> None:
    out = tmp_path / "laporan.html"
    out.write_text("milik saya", encoding="utf-8")
    result = iku_cli("report", "-f", "html", "--out", str(out))
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "milik saya"
    assert iku_cli("report", "-f", "html", "--out", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


NEGATIVE_IKU = """\
instansi: {nama: Dinas Contoh}
periode: {awal: 2019, akhir: 2021}
sasaran:
  - kode: S1
    uraian: Pelayanan cepat
    indikator:
      - kode: S1.1
        uraian: Waktu penyelesaian izin
        polaritas: negatif
        satuan: hari
        target: {2019: 12, 2020: 11, 2021: 10}
      - kode: S1.2
        uraian: Kepuasan
        target: {2019: "80-85 %", 2020: "83-85 %", 2021: "85-90 %"}
"""


@pytest.fixture
def own_workspace(tmp_path, monkeypatch):
    root = tmp_path / "ws"
    (root / "realisasi").mkdir(parents=True)
    (root / "ikutool.yaml").write_text("iku: iku.yaml\n", encoding="utf-8")
    (root / "iku.yaml").write_text(NEGATIVE_IKU, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_sentence_for_negative_polarity_says_capaian(iku_cli, own_workspace) -> None:
    (own_workspace / "realisasi" / "2019.yaml").write_text(
        "tahun: 2019\nrealisasi: {S1.1: '13,5', S1.2: 84}\n", encoding="utf-8"
    )
    data = json.loads(iku_cli("report", "-f", "json").stdout)
    s11 = data["sasaran"][0]["indikator"][0]["tahun"][0]["kalimat"]
    # (2 x 12 - 13,5) / 12 x 100 = 87,5: a capaian, not "87,50 % of the target"
    assert s11.startswith("Realisasi 2019 sebesar 13,5 hari dengan capaian 87,50 %")
    assert "dari target" not in s11


def test_html_chart_shows_range_targets_whole(iku_cli, own_workspace) -> None:
    # two years: a component with realisasi in one year only gets no chart
    (own_workspace / "realisasi" / "2019.yaml").write_text(
        "tahun: 2019\nrealisasi: {S1.1: 12, S1.2: 82}\n", encoding="utf-8"
    )
    (own_workspace / "realisasi" / "2020.yaml").write_text(
        "tahun: 2020\nrealisasi: {S1.1: 10, S1.2: 84}\n", encoding="utf-8"
    )
    out = own_workspace / "r.html"
    assert iku_cli("report", "-f", "html", "--out", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    # the chart says the range whole: its bar's words, and the figure written above it
    chart = page[page.index("Target dan realisasi S1.2") :]
    chart = chart[: chart.index("</svg>")]
    assert chart.count("<title>Target 2020: 83-85 %</title>") == 2
    # issue 15 (18): a bar up to the lower bound and a dashed part up to the upper, never a
    # thin floating sliver; labels of neighbouring bars never run into each other
    assert 'stroke-dasharray="0.8 0.6"' in chart
    labels = re.findall(
        r'<text x="([\d.]+)" y="([\d.]+)"[^>]*text-anchor="middle">([^<]+)</text>', chart
    )
    target = next(lb for lb in labels if lb[2] == "83-85 %")
    real = next(lb for lb in labels if lb[2] == "84 %")
    from ikutool.render.metrics import PT, text_mm

    size = 6.5  # points
    apart_x = (
        abs(float(target[0]) - float(real[0]))
        >= (text_mm(target[2], size) + text_mm(real[2], size)) / 2
    )
    apart_y = abs(float(target[1]) - float(real[1])) >= size * PT
    assert apart_x or apart_y


def test_implausible_capaian_warned_in_every_command_and_format(iku_cli, workspace) -> None:
    path = workspace / "realisasi" / "2019.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"4,2 %"', '"4.200"'), "utf-8")
    cause = "pemisah ribuan"
    for args in (
        ["capaian", "--tahun", "2019"],
        ["capaian", "--tahun", "2019", "-f", "json"],
        ["capaian", "--tahun", "2019", "-f", "markdown"],
        ["capaian", "--tahun", "2019", "-f", "csv"],
        ["report"],
        ["report", "-f", "json"],
        ["report", "-f", "markdown"],
        ["evaluasi"],
        ["evaluasi", "-f", "json"],
        ["evaluasi", "-f", "markdown"],
    ):
        result = iku_cli(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "IKU401" in result.output and cause in result.output, args
        if args[-1] in ("json", "markdown", "csv") or args in (["report"], ["evaluasi"]):
            assert cause in result.stdout, args  # inside the output itself, not only on stderr
    for fmt in ("html", "xlsx"):
        out = workspace / f"laporan.{fmt}"
        assert iku_cli("report", "-f", fmt, "--out", str(out)).exit_code == 0
        if fmt == "html":
            assert cause in out.read_text(encoding="utf-8")
        else:
            wb = load_workbook(out)
            texts = [c.value for r in wb["2019"].iter_rows() for c in r if isinstance(c.value, str)]
            assert any(cause in t for t in texts)
