"""Charts read in black and white (issue 27, item 1): each kategori's fill carries its own
hatching in every format (an SVG pattern, the PNG Word embeds, the workbook's pattern fill);
every SVG says what it shows (title and description, its figures in Indonesian numbers); a
narrow chart (the site's, a phone's) keeps its words apart; a bar past the axis's end is cut,
its figure whole."""

from __future__ import annotations

import io
import re
import zipfile

from pytest import approx

from ikutool.render.blocks import Acuan, Grafik, Seri
from ikutool.render.charts import KATEGORI, POLA, TANPA_KATEGORI, chart_png, chart_svg, fill_of
from ikutool.render.charts.layout import CUT, lay_out, tick_label, value_range
from ikutool.render.documents.grafik import capaian_bars
from ikutool.render.metrics import text_mm

BANDS = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
FIGURES = [105.2, 85.0, 70.1, 55.5, 30.0]


def _five(lebar_mm: float = 160.0) -> Grafik:
    rows = [(f"S{i}", b, v, b) for i, (b, v) in enumerate(zip(BANDS, FIGURES, strict=True), 1)]
    g = capaian_bars("Grafik 1", "Lima kategori", rows, seri="Capaian", sumber="Tabel 1",
                     lebar_mm=lebar_mm)  # fmt: skip
    assert g is not None
    return g


def _grey(colour: str) -> float:
    """ITU-R 601 luma, what a black-and-white print (pdftoppm -gray) makes of a colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_kategori_alike_in_grey_are_told_apart_by_their_hatching() -> None:
    """Sangat Tinggi and Sangat Rendah print the same dark grey (lumas within 10 of 255), so
    the grey alone does not tell them apart: every band but the best carries a hatching of its
    own, and a bar without a kategori none."""
    st, sr = _grey(KATEGORI["Sangat Tinggi"]), _grey(KATEGORI["Sangat Rendah"])
    assert abs(st - sr) < 20  # the reason for the hatching
    hatched = [POLA[KATEGORI[b]][0] for b in BANDS[1:]]
    assert len(set(hatched)) == 4 and KATEGORI["Sangat Tinggi"] not in POLA
    assert TANPA_KATEGORI not in POLA


def test_svg_hatches_each_kategori_with_a_pattern_of_the_charts_own() -> None:
    svg = chart_svg(_five(), "g1")
    patterns = dict(re.findall(r'<pattern id="(g1-[a-z]+)" .*?<rect [^>]*fill="([^"]+)"', svg))
    assert set(patterns) == {"g1-miring", "g1-titik", "g1-silang", "g1-datar"}
    assert patterns["g1-datar"] == KATEGORI["Sangat Rendah"]
    # each bar: its kategori's pattern (Sangat Tinggi solid), its figure in words beside it
    for band, value in zip(BANDS, FIGURES, strict=True):
        fill = re.search(rf'<rect [^>]*fill="([^"]+)"[^>]*><title>Capaian, S\d {band}: ', svg)
        assert fill is not None, band
        want = KATEGORI[band] if band == "Sangat Tinggi" else f"url(#g1-{POLA[KATEGORI[band]][0]})"
        assert fill.group(1) == want
        assert f">{value:.2f} % ({band})<".replace(".", ",") in svg
    # the legend's swatches are hatched too: a print's key matches its bars
    assert svg.count('fill="url(#g1-datar)"') == 2


def test_svg_says_what_it_shows_in_title_and_description() -> None:
    svg = chart_svg(_five(), "g7")
    assert re.search(r'role="img" aria-labelledby="g7-j g7-d"', svg)
    assert '<title id="g7-j">Grafik 1 Lima kategori</title>' in svg
    desc = re.search(r'<desc id="g7-d">([^<]*)</desc>', svg)
    assert desc is not None
    assert desc.group(1) == (
        "S1 Sangat Tinggi: 105,20 % (Sangat Tinggi); S2 Tinggi: 85,00 % (Tinggi); "
        "S3 Sedang: 70,10 % (Sedang); S4 Rendah: 55,50 % (Rendah); "
        "S5 Sangat Rendah: 30,00 % (Sangat Rendah); garis 100 %."
    )
    # responsive: drawn in user units of millimetres, shrunk to a narrower screen
    assert 'viewBox="0 0 160 ' in svg and "max-width:100%;height:auto" in svg


def test_two_charts_on_one_page_never_share_an_id() -> None:
    a, b = chart_svg(_five()), chart_svg(_five(90.0))
    ids_a = set(re.findall(r' id="([^"]+)"', a))
    ids_b = set(re.findall(r' id="([^"]+)"', b))
    assert ids_a and not ids_a & ids_b
    assert chart_svg(_five()) == a  # drawn from the content: the same chart, the same ids


def test_png_hatching_is_painted_where_the_bars_are() -> None:
    """In the picture Word embeds, read in grey: the Sangat Tinggi bar is one flat grey, each
    hatched bar two greys (its fill and its marks), and no two bars the same pair."""
    from PIL import Image

    g = _five()
    dpi = 200
    px = dpi / 25.4
    img = Image.open(io.BytesIO(chart_png(g, dpi))).convert("L")
    bars = [b for b in lay_out(g).kotak if b.tip]
    assert len(bars) == 5
    seen = []
    for band, b in zip(BANDS, bars, strict=True):
        inner = img.crop((round(b.x * px) + 3, round(b.y * px) + 3,
                          round((b.x + b.w) * px) - 3, round((b.y + b.h) * px) - 3))  # fmt: skip
        levels = sorted(n for n, _ in inner.getcolors(maxcolors=4096) or [])
        share = levels[-2] / sum(levels) if len(levels) > 1 else 0.0
        if band == "Sangat Tinggi":
            assert share == 0.0, band  # solid
        else:
            assert share > 0.08, band  # marks cover a tenth of the bar or more
        colours = inner.getcolors(maxcolors=4096) or []
        top = tuple(sorted(c for _, c in sorted(colours)[-2:]))
        seen.append(top)
    assert len(set(seen)) == 5


def test_workbook_chart_hatches_each_kategori_with_a_preset_pattern() -> None:
    from openpyxl import Workbook

    from ikutool.render.charts.xlsx import write_chart

    wb = Workbook()
    write_chart(wb.active, _five(), 1)
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        xml = z.read("xl/charts/chart1.xml").decode()
    found = re.findall(r'<a:pattFill [^>]*prst="(\w+)"><a:fgClr><a:srgbClr val="(\w+)"/>'
                       r'</a:fgClr><a:bgClr><a:srgbClr val="(\w+)"/>', xml)  # fmt: skip
    assert sorted(found) == sorted(
        [
            ("wdUpDiag", "FFFFFF", KATEGORI["Tinggi"][1:].upper()),
            ("pct25", "4D3D00", KATEGORI["Sedang"][1:].upper()),
            ("diagCross", "3D1F00", KATEGORI["Rendah"][1:].upper()),
            ("narHorz", "FFFFFF", KATEGORI["Sangat Rendah"][1:].upper()),
        ]
    )


def test_a_bar_past_the_axis_end_is_cut_and_its_figure_written_whole() -> None:
    """7.848,10 % (a target of 1 reached 78 times) beside 85 %: the axis ends at 250 %, the
    long bar is cut there, marked, its figure written whole; the 85 % bar keeps its length."""
    rows = [("S1", "Jauh", 7848.1, "Sangat Tinggi"), ("S2", "Biasa", 85.0, "Tinggi")]
    g = capaian_bars("", "", rows, seri="Capaian", sumber="")
    assert g is not None
    assert value_range(g) == (0, 250, 50)
    k = lay_out(g)
    long, short = (b for b in k.kotak if b.tip)
    assert long.potong and not short.potong
    assert short.w / long.w == approx(85 / 250)
    assert CUT + "7.848,10 % (Sangat Tinggi)" in [t.text for t in k.tulisan]
    svg = chart_svg(g, "c")
    assert svg.count('stroke="#ffffff" stroke-width="0.45"') == 2  # the break's two strokes


def test_a_narrow_chart_sets_names_above_bars_and_keeps_its_words_apart() -> None:
    """76 mm (the site's): each name stands on a line of its own above its bar, from the left
    edge; the axis's figures never run into each other (every other one when a step is too
    narrow for "125 %")."""
    g = _five(76.0)
    g.kategori = [
        f"S{i} Sasaran dengan uraian yang cukup panjang untuk dua baris" for i in range(5)
    ]
    k = lay_out(g)
    bars = [b for b in k.kotak if b.tip]
    names = [t for t in k.tulisan if t.text.startswith("S") and t.x == approx(3.0)]
    assert len(names) >= 5
    for b in bars:  # a name's baseline above the bar of its row
        assert any(t.y < b.y and b.y - t.y < 8 for t in names)
    assert all(b.x == approx(3.0) for b in bars)  # the bars start at the left edge
    axis = sorted((t for t in k.tulisan if t.text.endswith(" %") and t.anchor == "middle"
                   and t.points == 6.0 and not t.bold), key=lambda t: t.x)  # fmt: skip
    assert len(axis) >= 3
    for a, b in zip(axis, axis[1:], strict=False):
        assert b.x - a.x >= (text_mm(a.text, 6.0) + text_mm(b.text, 6.0)) / 2 + 1.0


def test_column_figures_of_one_year_never_overlap_whichever_bar_is_taller() -> None:
    """A target of 17 % beside a realisasi of 18,3 % on a narrow chart: the figures are wider
    than their bars, so both stand over the taller bar, one a line above the other."""
    g = Grafik("", "", "kolom", ["2017", "2018"], ["2017", "2018"],
               [Seri("Target", [17.0, 15.0], "#cfd8dc"), Seri("Realisasi", [18.3, 19.0], "#1f4e79")],
               "%", [Acuan(18.0, "Target akhir")], lebar_mm=40.0)  # fmt: skip
    k = lay_out(g)
    texts = {t.text: t for t in k.tulisan if t.points == 6.5}  # the figures at the bars
    bars = {b.tip: b for b in k.kotak if b.tip}
    for year, (t, r) in {"2017": ("17 %", "18,3 %"), "2018": ("15 %", "19 %")}.items():
        low, high = texts[t], texts[r]
        taller = min(bars[f"Target {year}: {t}"].y, bars[f"Realisasi {year}: {r}"].y)
        assert high.y < taller and low.y < high.y - 2.0, year  # stacked, a line apart


def test_another_scales_bands_take_the_fill_of_their_colour_or_place() -> None:
    from ikutool.model.iku import Skala

    skala = Skala.model_validate(
        {
            "nama": "Uji",
            "tingkat": [
                {"label": "Baik", "minimal": 90, "warna": "green"},
                {"label": "Cukup", "minimal": 60},
                {"label": "Kurang", "minimal": 0},
            ],
        }
    )
    assert fill_of("Baik", skala) == KATEGORI["Sangat Tinggi"]  # by its colour
    assert fill_of("Cukup", skala) == KATEGORI["Sedang"]  # the middle of three: the middle
    assert fill_of("Kurang", skala) == KATEGORI["Sangat Rendah"]
    assert fill_of("Tidak ada", skala) == TANPA_KATEGORI
    assert tick_label(125, 25, "%") == "125 %"
