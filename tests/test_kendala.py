"""Kendala and tindak lanjut per quarter: written by the bidang in the realisasi workbook, imported
into the rencana aksi's catatan, shown in the quarterly report (issue 25, item 5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ikutool.excel.template import COLUMNS

KENDALA = "Kendala dan tindak lanjut TW"
S12_II = "Peserta pelatihan tahap II 12 orang dari 15; ditambah di TW III"
S31_II = "Dua pasar belum menyerahkan data tera; disurati ulang bulan Juli"
S41_MADE = "(Contoh) Dua IKM binaan menunda produksi karena bahan baku"  # data/renaksi/2019.yaml


def column(header: str) -> int:
    return next(i for i, c in enumerate(COLUMNS, 1) if c.header == header)


def row_of(ws, kode: str) -> int:
    """The indicator's first row (where its notes are written)."""
    return next(r for r in range(7, ws.max_row + 1) if ws.cell(row=r, column=2).value == kode)


def make_book(iku_cli, workspace: Path, name: str = "r.xlsx") -> Path:
    out = workspace / name
    result = iku_cli("realisasi", "template", "--tahun", "2019", "-f", "xlsx", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def fill(book: Path, cells: dict[tuple[str, str], object]) -> None:
    """``{(kode, header): value}`` typed into the workbook's one data sheet."""
    wb = load_workbook(book)
    ws = wb["Realisasi"]
    for (kode, header), value in cells.items():
        cell = ws.cell(row=row_of(ws, kode), column=column(header), value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # typed as text (with a leading apostrophe in Excel)
    wb.save(book)


def catatan(iku_cli, tw: str = "2") -> dict[str, str | None]:
    result = iku_cli("triwulan", "--tahun", "2019", "--tw", tw, "-f", "json")
    assert result.exit_code == 0, result.output
    return {i["kode"]: i["catatan"] for i in json.loads(result.stdout)["indikator"]}


def test_the_workbook_has_a_column_per_quarter_prefilled_from_the_plan(
    iku_cli, workspace: Path
) -> None:
    book = make_book(iku_cli, workspace)
    ws = load_workbook(book)["Realisasi"]
    heads = [ws.cell(row=6, column=c).value for c in range(1, ws.max_column + 1)]
    at = heads.index("Catatan")
    assert heads[at + 1 : at + 5] == [f"{KENDALA} {q}" for q in ("I", "II", "III", "IV")]
    first = row_of(ws, "S4.1")
    cell = ws.cell(row=first, column=column(f"{KENDALA} II"))
    assert cell.value == S41_MADE  # the rencana aksi's catatan, as it stands
    assert not cell.protection.locked and cell.alignment.wrap_text
    # an indicator's note sits on its first row: a later component's cell is closed
    s11 = row_of(ws, "S1.1")
    assert not ws.cell(row=s11, column=column(f"{KENDALA} I")).protection.locked
    assert ws.cell(row=s11 + 1, column=2).value == "S1.1"
    assert ws.cell(row=s11 + 1, column=column(f"{KENDALA} I")).protection.locked
    meta = load_workbook(book)["_ikutool"]
    asal = [r for r in meta.iter_rows(min_row=40, values_only=True) if r[0] == "asal"]
    assert ("asal", "S4.1", None, "kendala.II", S41_MADE) in asal
    versi = next(r[1] for r in meta.iter_rows(max_row=20, values_only=True) if r[0] == "versi")
    assert versi == 3


def test_kendala_go_to_the_plan_and_the_quarterly_report(iku_cli, workspace: Path) -> None:
    renaksi = workspace / "renaksi" / "2019.yaml"
    realisasi = workspace / "realisasi" / "2019.yaml"
    before = renaksi.read_text("utf-8")
    renaksi.write_text(before.replace("catatan:", "catatan:   # diisi dari bidang"), "utf-8")
    book = make_book(iku_cli, workspace)
    fill(book, {("S1.2", f"{KENDALA} II"): S12_II, ("S3.1", f"{KENDALA} II"): S31_II})
    real_before = realisasi.read_bytes()
    dry = iku_cli("realisasi", "impor", str(book), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Kendala dan tindak lanjut -> renaksi/2019.yaml" in dry.stdout
    assert f'S1.2 (kendala dan tindak lanjut TW II): (kosong) -> "{S12_II[:40]}..."' in dry.stdout
    assert renaksi.read_text("utf-8") != before  # (the comment added above)
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 0, result.output
    assert "2 nilai diubah" in result.stdout
    text = renaksi.read_text("utf-8")
    # comments and order kept; the new entries in the IKU's order, in the file's flow style
    assert text.index("# CONTOH - ANGKA ILUSTRASI, BUKAN DATA RESMI.\n") < text.index("tahun:")
    assert "# PK 2019: 55 org (kumulatif)" in text and "catatan:   # diisi dari bidang" in text
    tail = text[text.index("catatan:") :].splitlines()[1:]
    assert tail == [
        f'  S1.2: {{II: "{S12_II}"}}',
        f'  S3.1: {{II: "{S31_II}"}}',
        f'  S4.1: {{II: "{S41_MADE}"}}',
    ]
    assert realisasi.read_bytes() == real_before  # no realisasi cell changed
    notes = catatan(iku_cli)
    assert notes["S1.2"] == S12_II and notes["S3.1"] == S31_II and notes["S4.1"] == S41_MADE
    assert notes["S1.1"] is None
    assert catatan(iku_cli, "3")["S1.2"] is None  # TW II's note, not TW III's
    # the handed-in documents show them in Tabel 2
    out = workspace / "tw2.xlsx"
    assert iku_cli("triwulan", "--tahun", "2019", "--tw", "2", "-f", "xlsx", "--out", str(out))
    shown = [c.value for r in load_workbook(out)["Tabel 2"].iter_rows() for c in r]
    assert S12_II in shown and S31_II in shown
    docx = workspace / "tw2.docx"
    iku_cli("triwulan", "--tahun", "2019", "--tw", "2", "-f", "docx", "--out", str(docx))
    from docx import Document

    cells = [c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells]
    assert S12_II in cells and S31_II in cells
    again = iku_cli("realisasi", "impor", str(book))
    assert "0 nilai diubah" in again.stdout  # importing twice changes nothing


def test_two_workbooks_with_different_text_are_refused_and_nothing_is_written(
    iku_cli, workspace: Path
) -> None:
    renaksi = workspace / "renaksi" / "2019.yaml"
    realisasi = workspace / "realisasi" / "2019.yaml"
    before = (renaksi.read_bytes(), realisasi.read_bytes())
    one, two = make_book(iku_cli, workspace, "a.xlsx"), make_book(iku_cli, workspace, "b.xlsx")
    fill(one, {("S1.2", f"{KENDALA} II"): S12_II, ("S3.1", "Realisasi"): 111})
    fill(two, {("S1.2", f"{KENDALA} II"): "Pelatihan selesai sesuai jadwal"})
    result = iku_cli("realisasi", "impor", str(one), str(two))
    assert result.exit_code == 1
    assert "IKU306" in result.stderr and "a.xlsx!Realisasi!S" in result.stderr
    assert "b.xlsx!Realisasi!S" in result.stderr
    assert (renaksi.read_bytes(), realisasi.read_bytes()) == before


def test_a_stale_workbook_never_overwrites_a_newer_note(iku_cli, workspace: Path) -> None:
    renaksi = workspace / "renaksi" / "2019.yaml"
    realisasi = workspace / "realisasi" / "2019.yaml"
    book = make_book(iku_cli, workspace)
    # after the workbook was made, the officer rewrites S4.1's TW II note in the file
    newer = "Produksi pulih setelah pemasok baru"
    renaksi.write_text(renaksi.read_text("utf-8").replace(S41_MADE, newer), "utf-8")
    before = (renaksi.read_bytes(), realisasi.read_bytes())
    # the cell left as it was made: the file's newer note stands
    fill(book, {("S1.2", f"{KENDALA} II"): S12_II})
    kept = iku_cli("realisasi", "impor", str(book))
    assert kept.exit_code == 0, kept.output
    assert "1 nilai diubah" in kept.stdout and "1 tidak diubah bidang" in kept.stdout
    assert newer in renaksi.read_text("utf-8") and S12_II in renaksi.read_text("utf-8")
    # the cell changed too: both changed since the workbook was made -> refused, located
    book = make_book(iku_cli, workspace, "lama.xlsx")
    renaksi.write_text(renaksi.read_text("utf-8").replace(newer, "Ditulis petugas"), "utf-8")
    before = (renaksi.read_bytes(), realisasi.read_bytes())
    fill(book, {("S4.1", f"{KENDALA} II"): "Ditulis bidang", ("S3.1", "Realisasi"): 111})
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 1 and "IKU318" in result.stderr
    assert "lama.xlsx!Realisasi!S" in result.stderr and "renaksi/2019.yaml" in result.stderr
    assert f'berisi "{newer}"' in result.stderr and 'menjadi "Ditulis petugas"' in result.stderr
    assert (renaksi.read_bytes(), realisasi.read_bytes()) == before  # neither file written


def test_an_edit_of_the_plan_during_the_import_stops_it(
    iku_cli, workspace: Path, monkeypatch
) -> None:
    """Planned again under both locks: a note written between the plan and the write makes the
    import stop, and the realisasi change in the same workbook is not written either."""
    import ikutool.excel.impor as impor

    renaksi = workspace / "renaksi" / "2019.yaml"
    realisasi = workspace / "realisasi" / "2019.yaml"
    book = make_book(iku_cli, workspace)
    fill(book, {("S1.2", f"{KENDALA} II"): S12_II, ("S3.1", "Realisasi"): 111})
    real_plan, calls = impor.plan, []

    def plan_then_the_officer_writes(*args, **kwargs):
        result = real_plan(*args, **kwargs)
        calls.append(1)
        if len(calls) == 1:
            text = renaksi.read_text("utf-8")
            renaksi.write_text(text + '  S1.2: {II: "Ditulis petugas"}\n', "utf-8")
        return result

    monkeypatch.setattr(impor, "plan", plan_then_the_officer_writes)
    before = realisasi.read_bytes()
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 1 and "IKU318" in result.stderr and len(calls) == 2
    assert realisasi.read_bytes() == before
    assert S12_II not in renaksi.read_text("utf-8")


def test_a_year_without_a_plan_gets_one_with_its_notes_and_no_target(
    iku_cli, workspace: Path
) -> None:
    shutil.rmtree(workspace / "renaksi")
    book = make_book(iku_cli, workspace)
    fill(book, {("S1.2", f"{KENDALA} II"): S12_II})
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 0, result.output
    assert "berkas rencana aksi (target triwulannya kosong) baru dibuat" in result.stdout
    path = workspace / "renaksi" / "2019.yaml"
    text = path.read_text("utf-8")
    assert "tahun: 2019" in text and S12_II in text
    assert '  S1.2: {I: "", II: "", III: "", IV: ""}' in text  # no target made up
    assert '"55 org"' not in text
    valid = iku_cli("validate", "renaksi/2019.yaml")
    assert valid.exit_code == 0 and "0 peringatan" in valid.stdout, valid.output
    assert catatan(iku_cli)["S1.2"] == S12_II
    # a file holding notes only is no plan: the report says so and grades nothing against it
    data = json.loads(iku_cli("triwulan", "--tahun", "2019", "--tw", "2", "-f", "json").stdout)
    assert data["ada_renaksi"] is False and data["capaian_sd_tw"] is None
    md = iku_cli("triwulan", "--tahun", "2019", "--tw", "2", "-f", "markdown").stdout
    assert "Rencana aksi tahun 2019 belum berisi target triwulan" in md


def test_a_formula_looking_text_stays_text(iku_cli, workspace: Path) -> None:
    hostile = '=HYPERLINK("http://contoh.invalid","klik")'
    book = make_book(iku_cli, workspace)
    fill(book, {("S1.2", f"{KENDALA} II"): hostile})
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 0, result.output
    assert catatan(iku_cli)["S1.2"] == hostile
    out = workspace / "tw2.xlsx"
    iku_cli("triwulan", "--tahun", "2019", "--tw", "2", "-f", "xlsx", "--out", str(out))
    cells = [c for r in load_workbook(out)["Tabel 2"].iter_rows() for c in r if c.value == hostile]
    assert cells and all(c.data_type == "s" for c in cells)
    again = make_book(iku_cli, workspace, "lagi.xlsx")  # and back into the next workbook
    ws = load_workbook(again)["Realisasi"]
    cell = ws.cell(row=row_of(ws, "S1.2"), column=column(f"{KENDALA} II"))
    assert cell.value == hostile and cell.data_type == "s"


def test_hapus_takes_a_note_out(iku_cli, workspace: Path) -> None:
    renaksi = workspace / "renaksi" / "2019.yaml"
    book = make_book(iku_cli, workspace)
    fill(book, {("S4.1", f"{KENDALA} II"): "HAPUS"})
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 0, result.output
    assert f'"{S41_MADE[:40]}..." -> (kosong)' in result.stdout
    text = renaksi.read_text("utf-8")
    assert S41_MADE not in text and "catatan: {}" in text
    assert catatan(iku_cli)["S4.1"] is None


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("x" * 2001, "teks terlalu panjang (2001 karakter; paling banyak 2000)"),
        ("a\u2028b", "karakter pemisah baris U+2028"),  # held by Excel, not by a document
    ],
)
def test_a_note_is_bounded_as_the_plan_bounds_it(
    iku_cli, workspace: Path, value: str, said: str
) -> None:
    renaksi = workspace / "renaksi" / "2019.yaml"
    before = renaksi.read_bytes()
    book = make_book(iku_cli, workspace)
    fill(book, {("S1.2", f"{KENDALA} III"): value})
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 1 and "IKU209" in result.stderr and said in result.stderr
    assert "r.xlsx!Realisasi!T" in result.stderr  # located: the TW III column of S1.2's row
    assert renaksi.read_bytes() == before


def test_a_version_2_workbook_still_imports(iku_cli, workspace: Path) -> None:
    """A workbook made before the kendala columns (version 2: no such columns, no such asal
    rows) is read as it was: its cells are imported, the rencana aksi is not touched."""
    renaksi = workspace / "renaksi" / "2019.yaml"
    before = renaksi.read_bytes()
    book = make_book(iku_cli, workspace, "lama.xlsx")
    wb = load_workbook(book)
    ws = wb["Realisasi"]
    ws.delete_cols(column(f"{KENDALA} I"), 4)  # the old layout: Sumber data after Catatan
    assert ws.cell(row=6, column=column("Catatan") + 1).value == "Sumber data"
    ws.cell(row=row_of(ws, "S3.1"), column=column("Realisasi"), value=111)
    meta = wb["_ikutool"]
    for r in range(1, meta.max_row + 1):
        if meta.cell(row=r, column=1).value == "versi":
            meta.cell(row=r, column=2, value=2)
        if str(meta.cell(row=r, column=4).value or "").startswith("kendala."):
            for c in range(1, 6):
                meta.cell(row=r, column=c, value=None)
    wb.save(book)
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 0, result.output
    assert "S3.1 (realisasi):" in result.stdout and "-> 111" in result.stdout
    assert "Kendala" not in result.stdout
    assert renaksi.read_bytes() == before
    data = json.loads(iku_cli("capaian", "--tahun", "2019", "-f", "json").stdout)
    s31 = next(i for s in data["sasaran"] for i in s["indikator"] if i["kode"] == "S3.1")
    assert s31["komponen"][0]["realisasi"] == 111


def test_a_workbook_from_a_newer_version_is_refused(iku_cli, workspace: Path) -> None:
    book = make_book(iku_cli, workspace)
    wb = load_workbook(book)
    meta = wb["_ikutool"]
    row = next(r for r in range(1, 20) if meta.cell(row=r, column=1).value == "versi")
    meta.cell(row=row, column=2, value=4)
    wb.save(book)
    result = iku_cli("realisasi", "impor", str(book))
    assert result.exit_code == 1 and "ikutool yang lebih baru" in result.stderr


def test_files_written_together_are_both_or_neither(tmp_path: Path) -> None:
    """The second file changed by another program after it was read: neither is written (the
    first, a new file, is not left behind either)."""
    from ikutool.errors import IkuError
    from ikutool.workspace.files import stage, write_together

    new, old = tmp_path / "baru.yaml", tmp_path / "lama.yaml"
    old.write_text("a: 1\n", "utf-8")
    first = stage(new, "b: 2\n")
    second = stage(old, "a: 3\n", force=True, expect=b"a: 1\n")
    old.write_text("a: 9\n", "utf-8")  # another program, meanwhile
    with pytest.raises(IkuError) as exc:
        write_together([first, second])
    assert exc.value.findings[0].code == "IKU506"
    assert not new.exists() and old.read_text("utf-8") == "a: 9\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lama.yaml"]  # no temporary left
    # a new file another process created meanwhile: the other new file is taken away again
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    one, two = stage(a, "x: 1\n"), stage(b, "y: 1\n")
    b.write_text("dari proses lain\n", "utf-8")
    with pytest.raises(IkuError) as exc:
        write_together([one, two])
    assert exc.value.findings[0].code == "IKU502"
    assert not a.exists() and b.read_text("utf-8") == "dari proses lain\n"


def test_the_summary_shows_a_control_character_never_obeys_it(iku_cli, workspace: Path) -> None:
    """Found by the fuzz campaign once the columns moved: U+202E (which turns a terminal line
    around) typed in a text cell reached the impor summary as it was."""
    book = make_book(iku_cli, workspace)
    fill(book, {("S1.2", f"{KENDALA} II"): "\u202e58", ("S1.2", "Faktor pendorong"): "\u202ex"})
    result = iku_cli("realisasi", "impor", str(book), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.output
    assert '-> "\\u202e58"' in result.stdout and '-> "\\u202ex"' in result.stdout
