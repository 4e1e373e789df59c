"""Charts (issue 27, item 1): laid out by hand-checkable geometry, drawn from the figures the
document's own tables show, in every format (SVG in HTML, a picture in Word, Excel's own chart
over cells in a workbook), readable without colour."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from pytest import approx

from ikutool.render.blocks import Acuan, Grafik, Seri
from ikutool.render.charts.layout import lay_out, nice_step, value_range


def _bars(values: list[float | None], labels: list[str] | None = None) -> Grafik:
    return Grafik(
        "Grafik 1",
        "Uji",
        "batang",
        [f"Baris {i}" for i in range(len(values))],
        [f"B{i}" for i in range(len(values))],
        [Seri("Capaian", values, "#123456", label=labels)],
        "%",
        [Acuan(100.0, "100 %")],
    )


def test_tick_steps_by_hand() -> None:
    # span / 5 rounded up to 1, 2, 2,5 or 5 times a power of ten
    assert nice_step(150) == 50  # 30 -> 50
    assert nice_step(7) == 2  # 1,4 -> 2
    assert nice_step(1_234_567) == 250_000  # 246.913 -> 250.000
    assert nice_step(100) == 20
    # the axis: from 0 to past the largest figure and the 100 % line, in whole steps
    assert value_range(_bars([50, 100, 150])) == (0, 150, 50)
    assert value_range(_bars([20, 40])) == (0, 100, 20)  # the 100 % line stays on the plot
    assert value_range(_bars([-30, 60])) == (-50, 100, 50)  # span 130 / 5 = 26 -> 50; below 0


def test_bar_lengths_are_their_figures() -> None:
    """50, 100 and 150 % on an axis of 0-150: lengths 1 : 2 : 3, the 100 % line at the end of
    the 100 % bar, every bar starting at 0."""
    k = lay_out(_bars([50, 100, 150]))
    bars = [b for b in k.kotak if b.fill == "#123456"]
    assert [b.w / bars[0].w for b in bars] == approx([1, 2, 3])
    assert len({round(b.x, 6) for b in bars}) == 1
    line = next(g for g in k.garis if g.putus)
    assert line.x1 == approx(bars[1].x + bars[1].w)


def test_a_negative_figure_runs_left_of_zero() -> None:
    k = lay_out(_bars([-30, 60]))
    neg, pos = (b for b in k.kotak if b.fill == "#123456")
    assert neg.x + neg.w == approx(pos.x)  # both meet at 0
    assert neg.w / pos.w == approx(30 / 60)


def test_no_figure_is_said_never_drawn_as_zero() -> None:
    k = lay_out(_bars([80, None], ["80,00 % (Tinggi)", "tanpa target"]))
    assert len([b for b in k.kotak if b.fill == "#123456"]) == 1
    texts = [t.text for t in k.tulisan]
    assert "tanpa target" in texts and "80,00 % (Tinggi)" in texts


def test_long_names_are_wrapped_inside_the_picture() -> None:
    g = _bars([90])
    g.kategori = ["S3.2 Persentase pertumbuhan nilai ekspor dan impor " * 3]
    k = lay_out(g)
    from ikutool.render.metrics import text_mm

    for t in k.tulisan:
        end = t.x + (text_mm(t.text, t.points) if t.anchor == "start" else 0)
        assert end <= k.w + 1e-6, t.text


@pytest.fixture
def sample(tmp_path, monkeypatch):
    from ikutool.workspace.sources import init_workspace

    root = tmp_path / "ws"
    init_workspace(root, contoh=True, force=False)
    monkeypatch.chdir(root)
    return root


def _tw_json(iku_cli) -> dict:
    result = iku_cli("triwulan", "--tahun", "2019", "--tw", "IV", "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_quarterly_charts_in_word_and_excel_draw_the_tables_figures(iku_cli, sample) -> None:
    from openpyxl import load_workbook

    data = _tw_json(iku_cli)
    out = sample / "tw.xlsx"
    assert iku_cli("triwulan", "--tahun", "2019", "--tw", "IV", "-f", "xlsx", "--out",
                   str(out)).exit_code == 0  # fmt: skip
    wb = load_workbook(out)
    ws = wb["Grafik 1"]
    assert len(ws._charts) == 1
    cells = {}
    for r in ws.iter_rows(min_row=1):
        if r[0].value in {i["kode"] for i in data["indikator"]}:
            cells[r[0].value] = r[2].value
    expected = {i["kode"]: i["capaian_sd_tw"] for i in data["indikator"]}
    assert cells == approx(expected)
    doc = sample / "tw.docx"
    assert iku_cli("triwulan", "--tahun", "2019", "--tw", "IV", "-f", "docx", "--out",
                   str(doc)).exit_code == 0  # fmt: skip
    with zipfile.ZipFile(doc) as z:
        images = [n for n in z.namelist() if n.startswith("word/media/")]
        body = z.read("word/document.xml").decode()
    assert len(images) == 2  # capaian s.d. TW IV, serapan per program
    text = re.sub(r"<[^>]+>", "", body)
    assert "Grafik 1 Capaian s.d. triwulan IV tahun 2019" in text
    assert "Grafik 2 Serapan anggaran program s.d. triwulan IV tahun 2019" in text
    assert "Angka lengkap pada Tabel 1." in text
    from PIL import Image

    with zipfile.ZipFile(doc) as z:
        img = Image.open(io.BytesIO(z.read(images[0])))
    assert img.size[0] >= 1200  # print resolution: 160 mm at 200 dpi


def test_e81_chart_is_column_14(iku_cli, sample) -> None:
    from openpyxl import load_workbook

    result = iku_cli("evaluasi", "renja", "--tahun", "2019", "-f", "json")
    rows = json.loads(result.stdout)["baris"]
    out = sample / "e81.xlsx"
    assert iku_cli("evaluasi", "renja", "--tahun", "2019", "-f", "xlsx", "--out",
                   str(out)).exit_code == 0  # fmt: skip
    ws = load_workbook(out)["Grafik 1"]
    drawn = {r[0].value: r[2].value for r in ws.iter_rows(min_row=1) if r[0].value}
    for r in rows:
        if r["jenis"] == "program":
            assert drawn[r["kode"]] == approx(r["kolom"]["14"]["rp"]) or (
                drawn[r["kode"]] is None and r["kolom"]["14"]["rp"] is None
            )
        elif r["jenis"] == "indikator":
            assert drawn[r["kode"]] == approx(r["kolom"]["14"]["k"])


def test_html_chart_is_inline_labelled_and_coloured_by_kategori(iku_cli, sample) -> None:
    out = sample / "r.html"
    assert iku_cli("report", "-f", "html", "--out", str(out)).exit_code == 0
    page = out.read_text("utf-8")
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    svg = page[page.index("Grafik 3 Capaian kinerja per indikator tahun 2019") :]
    svg = svg[: svg.index("</svg>")]
    assert 'role="img"' in svg
    # S1.1's 88,89 % (Tinggi) and S1.2's 105,45 % (Sangat Tinggi): each bar its kategori's
    # fill and, for a black-and-white print, its figure and kategori in words
    assert ">88,89 % (Tinggi)<" in svg and ">105,45 % (Sangat Tinggi)<" in svg
    from ikutool.render.charts import KATEGORI

    # Tinggi: its fill under white diagonal hatching (a pattern of the chart's own); Sangat
    # Tinggi: solid
    tinggi = re.search(r'<rect [^>]*fill="url\(#([^)"]+)\)"[^>]*><title>Capaian 2019, S1.1 ', svg)
    assert tinggi is not None and tinggi.group(1).endswith("-miring")
    pattern = re.search(rf'<pattern id="{tinggi.group(1)}" .*?</pattern>', svg)
    assert pattern is not None and f'fill="{KATEGORI["Tinggi"]}"' in pattern.group(0)
    assert 'stroke="#ffffff"' in pattern.group(0)
    sangat = re.search(r'<rect [^>]*fill="([^"]+)"[^>]*><title>Capaian 2019, S1.2 ', svg)
    assert sangat is not None and sangat.group(1) == KATEGORI["Sangat Tinggi"]


def test_markdown_and_terminal_leave_charts_out(iku_cli, sample) -> None:
    md = iku_cli("triwulan", "--tahun", "2019", "--tw", "IV", "-f", "markdown").stdout
    assert "Grafik" not in md
    assert "Grafik" not in iku_cli("triwulan", "--tahun", "2019", "--tw", "IV").stdout


def _regency(root):
    from ikutool.workspace.sources import init_workspace

    for name in ("dinas-a", "dinas-b"):
        init_workspace(root / name, contoh=True, force=False)
    marker = root / "dinas-b" / "ikutool.yaml"
    marker.write_text(marker.read_text("utf-8").replace("nama: Contoh", "nama: Contoh B"), "utf-8")
    data = root / "dinas-b" / "realisasi" / "2019.yaml"
    text = data.read_text("utf-8")
    data.write_text(re.sub(r"(\n  S1\.2:\n    nilai: )\S+", r"\g<1>31", text, count=1), "utf-8")


def test_rekap_ranks_agencies_by_the_tables_capaian(iku_cli, tmp_path) -> None:
    from openpyxl import load_workbook

    _regency(tmp_path)
    data = json.loads(iku_cli("rekap", str(tmp_path), "--tahun", "2019", "-f", "json").stdout)
    capaian = {
        b["folder"]: next(t["capaian"] for t in b["tahun"] if t["tahun"] == 2019)
        for b in data["baris"]
    }
    out = tmp_path / "r.xlsx"
    assert iku_cli("rekap", str(tmp_path), "--tahun", "2019", "-f", "xlsx", "--out",
                   str(out)).exit_code == 0  # fmt: skip
    ws = load_workbook(out)["Grafik 1"]
    drawn = []
    for r in ws.iter_rows(min_row=4):  # the figures' rows, down to the first empty one
        if r[0].value is None:
            break
        drawn.append(r[2].value)
    assert drawn == sorted(capaian.values(), reverse=True)  # highest first
    assert len(set(drawn)) == 2  # the edited agency differs


def test_quarterly_rekap_in_html_with_its_charts(iku_cli, tmp_path) -> None:
    _regency(tmp_path)
    out = tmp_path / "tw.html"
    result = iku_cli("rekap", str(tmp_path), "--tahun", "2019", "--tw", "2", "-f", "html",
                     "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert "Grafik 1 Capaian s.d. triwulan II tahun 2019 per instansi, berurutan" in page
    assert "Grafik 2 Indikator yang sudah terisi realisasi triwulan II tahun 2019" in page
    assert page.count("<svg") == 2 and "dari 9 indikator" in page
    no_out = iku_cli("rekap", str(tmp_path), "--tahun", "2019", "--tw", "2", "-f", "html")
    assert no_out.exit_code == 2 and "--out" in no_out.output


def test_a_bar_without_a_figure_says_why_as_the_table_does(iku_cli, sample) -> None:
    """S1.1 has no target in 2017 ("-" in the IKU): the table says "tanpa target", so does the
    chart (not a zero bar, not a vaguer phrase)."""
    out = sample / "r.html"
    assert iku_cli("report", "-f", "html", "--out", str(out)).exit_code == 0
    page = out.read_text("utf-8")
    svg = page[page.index("Grafik 1 Capaian kinerja per indikator tahun 2017") :]
    svg = svg[: svg.index("</svg>")]
    assert ">tanpa target<" in svg and "belum dapat dihitung" not in svg


@pytest.mark.slow
def test_lkjip_charts_point_at_tables_the_document_has(iku_cli, sample) -> None:
    """Every chart of the LKjIP is numbered in Bab III's own series and names the tables that
    hold its figures; each named table is one the document has; Word and HTML draw the same
    charts."""
    html = sample / "l.html"
    assert iku_cli("lkjip", "--tahun", "2019", "-f", "html", "--out", str(html)).exit_code == 0
    page = html.read_text("utf-8")
    captions = re.findall(r'<figcaption class="cap">(Grafik 3\.\d+) ', page)
    assert captions == [f"Grafik 3.{n}" for n in range(1, len(captions) + 1)]
    assert len(captions) >= 5  # per sasaran, per indicator over the years, per program
    tables = set(re.findall(r"(Tabel \d+\.\d+) ", page))
    for named in re.findall(r"Angka lengkap pada ((?:Tabel \d+\.\d+(?: dan )?)+)\.", page):
        for t in re.findall(r"Tabel \d+\.\d+", named):
            assert t in tables, t
    doc = sample / "l.docx"
    assert iku_cli("lkjip", "--tahun", "2019", "-f", "docx", "--out", str(doc)).exit_code == 0
    with zipfile.ZipFile(doc) as z:
        body = re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode())
    assert re.findall(r"(Grafik 3\.\d+) ", body) == captions
