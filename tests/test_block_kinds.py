"""The block model's figure cells, sheet hints, group rows and paragraph kinds, in every renderer
that honours them (issue 24 item 4)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from ikutool.render.blocks import Angka, Dokumen, Heading, Lembar, Para, Tabel, html, markdown
from ikutool.render.formats.xlsx import _angka, document_xlsx


def test_a_figure_cell_is_its_number_showing_its_text() -> None:
    assert _angka(Angka("86,67 (!)", 86.666666)) == (86.666666, '#,##0.00" (!)"')
    assert _angka(Angka("Rp 1.250.000", 1250000.0)) == (1250000.0, '"Rp "#,##0')
    assert _angka(Angka("2019", 2019)) == (2019, "0")  # a year is not grouped
    assert _angka(Angka("12,5", 12.5)) == (12.5, "#,##0.0")
    # the text is not this number: the cell stays text
    assert _angka(Angka("90,00", 86.67)) is None
    assert _angka(Angka("tanpa target", 0.0)) is None
    assert _angka(Angka('1 "x"', 1.0)) is None  # a quote a number format cannot hold


def _doc() -> Dokumen:
    table = Tabel(
        "",
        "",
        ["No", "Sasaran", "Capaian (%)", "Kategori"],
        [
            [("S1 Sasaran satu", "bold"), "", "", ""],
            ["1", "S1", Angka("86,67 (!)", 86.666666), ("Tinggi", "kategori")],
            ["", "", Angka("90,00", 90.0), ("Sangat Tinggi", "kategori")],
            ["", "Rata-rata", Angka("88,33", 88.333333), "-"],
        ],
        ["r", "l", "r", "l"],
        {3},
        lembar=Lembar(
            nama="2019",
            beku_kolom=2,
            gabung_kolom=(0, 1),
            gabung_baris=[(1, 2)],
            lebar=[5.0, 30.0, 12.0, 15.0],
            arsir_tebal=True,
        ),
        judul_baris={0},
    )
    return Dokumen("Uji", [Heading(1, "JUDUL"), table, Para(["butir satu"], kind="item")])


def test_the_sheet_hint_names_freezes_merges_and_shades() -> None:
    ws = load_workbook(io.BytesIO(document_xlsx(_doc())))["2019"]
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "No")
    first = header + 1
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"A{first}:D{first}" in merged  # the group's name across the table
    assert f"A{first + 1}:A{first + 2}" in merged and f"B{first + 1}:B{first + 2}" in merged
    assert ws.freeze_panes == f"C{first}"
    assert ws.column_dimensions["B"].width == 30
    figure = ws.cell(first + 1, 3)
    assert figure.value == 86.666666 and figure.number_format == '[$-421]#,##0.00" (!)"'
    assert ws.cell(first + 3, 2).fill.fgColor.rgb.endswith("F2F2F2")  # the bold row shaded
    assert ws.cell(first + 1, 4).fill.fgColor.rgb.endswith("DDEBF7")  # Tinggi's fill


def test_html_spans_a_group_row_and_colours_a_kategori() -> None:
    page = html(_doc())
    assert '<td colspan="4"><b>S1 Sasaran satu</b></td>' in page
    assert '<p class="item">butir satu</p>' in page
    assert "Tinggi</span>" in page and "color:" in page.split("Tinggi</span>")[0][-60:]


def test_markdown_shows_an_item_as_a_list_and_a_figure_as_its_text() -> None:
    text = markdown(_doc())
    assert "- butir satu" in text
    assert "86,67 (!)" in text


def test_every_figure_format_is_marked_indonesian() -> None:
    """LibreOffice on an English system showed 86.67 and 1,250,000 in every workbook: a format
    marked [$-421] shows 86,67 and 1.250.000 on any system (Excel keeps its own separators)."""
    from ikutool.render.formats.xlsx_cells import indonesian

    assert indonesian("#,##0.00") == "[$-421]#,##0.00"
    assert indonesian('"Rp "#,##0') == '[$-421]"Rp "#,##0'
    assert indonesian("@") == "@" and indonesian("[$-421]0") == "[$-421]0"
    ws = load_workbook(io.BytesIO(document_xlsx(_doc())))["2019"]
    formats = {c.number_format for row in ws.iter_rows() for c in row if c.data_type == "n"}
    formats.discard("General")
    assert formats and all(f.startswith("[$-421]") for f in formats)
