"""Documents an officer hands in untouched (issue 15, findings 14-19): from a clean, complete
workspace they hold no tool name, error code, file path or internal key, in any format; Markdown
renders as CommonMark; the Word file is laid out for paper."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

FORBIDDEN = [
    re.compile(r"ikutool", re.IGNORECASE),
    re.compile(r"\bIKU\d{3}\b"),  # error codes
    re.compile(r"\.ya?ml\b|realisasi/|anggaran/|\bpk/"),  # file paths
    re.compile(r"\b[a-z]+_[a-z_]+\b"),  # internal keys (kop_ksp_usp_umkm, rata_rata, ...)
    re.compile(r"stderr|\(otomatis\)|\[diisi: berkas"),
]


@pytest.fixture
def clean(workspace: Path) -> Path:
    """The sample workspace with its files marked final: a clean, complete workspace."""
    for folder in ("realisasi", "pk", "anggaran"):
        for path in (workspace / folder).glob("*.yaml"):
            text = path.read_text("utf-8").replace("status: contoh", "status: final")
            path.write_text(text, "utf-8")
    return workspace


def xml_text(path: Path, skip: tuple[str, ...] = ("docProps/", "_ikutool")) -> str:
    """The words a person sees in an Office file (document, headers, footers, sheets, shared
    strings), without the document properties (where provenance belongs)."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml") or any(s in name for s in skip):
                continue
            xml = z.read(name).decode("utf-8")
            if "/styles" in name or "theme" in name or "settings" in name or "fontTable" in name:
                continue
            out.append(re.sub(r"<[^>]+>", " ", xml))
    return " ".join(out)


def visible_html(text: str) -> str:
    body = re.sub(r"<style>.*?</style>", " ", text, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", body)


def test_documents_from_a_clean_workspace_carry_no_tool_text(iku_cli, clean: Path) -> None:
    texts: dict[str, str] = {}
    for args in (
        ("lkjip", "--tahun", "2019", "-f", "markdown"),
        ("capaian", "--tahun", "2019", "-f", "markdown"),
        ("report", "-f", "markdown"),
        ("evaluasi", "-f", "markdown"),
    ):
        result = iku_cli(*args)
        assert result.exit_code == 0, result.output
        texts[" ".join(args)] = result.stdout
    for args, name in (
        (("lkjip", "--tahun", "2019", "-f", "html"), "l.html"),
        (("report", "-f", "html"), "r.html"),
    ):
        assert iku_cli(*args, "--out", str(clean / name)).exit_code == 0
        texts[name] = visible_html((clean / name).read_text("utf-8"))
    for args, name in (
        (("lkjip", "--tahun", "2019", "-f", "docx"), "l.docx"),
        (("report", "-f", "xlsx"), "r.xlsx"),
    ):
        assert iku_cli(*args, "--out", str(clean / name)).exit_code == 0
        texts[name] = xml_text(clean / name)
    for name, text in texts.items():
        for pattern in FORBIDDEN:
            hit = pattern.search(text)
            assert hit is None, (name, hit.group(), text[max(0, hit.start() - 80) : hit.end() + 80])


def test_where_the_figures_came_from_is_said_outside_the_document(iku_cli, clean: Path) -> None:
    from docx import Document

    out = clean / "l.docx"
    result = iku_cli("lkjip", "--tahun", "2019", "-f", "docx", "--out", str(out))
    assert "realisasi/2019.yaml" in result.stderr  # the terminal says it
    props = Document(str(out)).core_properties
    assert "realisasi/2019.yaml" in props.comments and props.author == ""
    # and, asked for, on a last page that can be left out
    out2 = clean / "k.docx"
    iku_cli("lkjip", "--tahun", "2019", "-f", "docx", "--out", str(out2), "--kolofon")
    body = "\n".join(p.text for p in Document(str(out2)).paragraphs)
    assert "Keterangan penyusunan" in body and "realisasi/2019.yaml" in body


def test_markdown_renders_as_commonmark(iku_cli, workspace: Path) -> None:
    """Finding 18: ``**102,22 ***`` did not render and the ``*`` note became a bullet."""
    from markdown_it import MarkdownIt

    path = workspace / "realisasi" / "2019.yaml"
    text = path.read_text("utf-8").replace("      kop_ksp_usp_umkm: 9\n", "")
    path.write_text(text, "utf-8")
    md = iku_cli("capaian", "--tahun", "2019", "-f", "markdown").stdout
    assert "*)" in md
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<li>" not in html  # the footnote is a paragraph, not a list item
    assert "88,33 *)" in html or "87,50 *)" in html  # the mark survives, literally
    assert "<strong>" in html and "**" not in visible_html(html)
    lk = iku_cli("lkjip", "--tahun", "2019", "-f", "markdown").stdout
    rendered = visible_html(MarkdownIt("commonmark").enable("table").render(lk))
    assert "**" not in rendered and "\\[" not in rendered and "[diisi: faktor" in rendered


def test_word_layout_for_paper(iku_cli, workspace: Path) -> None:
    """Finding 15: rows do not break across pages, captions stay with their tables, the
    Lampiran starts a page, the signature comes before it, short headers keep their width, the
    illustrative-data notice is in the page header, and the *) mark is explained."""
    from docx import Document
    from docx.shared import Mm

    path = workspace / "realisasi" / "2019.yaml"
    text = path.read_text("utf-8").replace("      kop_ksp_usp_umkm: 9\n", "")
    path.write_text(text, "utf-8")
    out = workspace / "l.docx"
    assert iku_cli("lkjip", "--tahun", "2019", "-f", "docx", "--out", str(out)).exit_code == 0
    doc = Document(str(out))
    xml = doc.element.body.xml
    rows = xml.count("<w:tr>") + xml.count("<w:tr ")
    assert xml.count("<w:cantSplit/>") == rows
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions and all(p.paragraph_format.keep_with_next for p in captions)
    texts = [p.text for p in doc.paragraphs]
    lampiran = texts.index("LAMPIRAN")
    assert doc.paragraphs[lampiran].paragraph_format.page_break_before
    nip = next(i for i, t in enumerate(texts) if t.startswith("NIP."))
    assert nip < lampiran and not any("CATATAN" in t for t in texts[nip:lampiran])
    header = doc.sections[0].header.paragraphs[0].text
    assert "CONTOH" in header
    for table in doc.tables:
        first = table.rows[0].cells[0]
        if first.text == "No":
            assert table.columns[0].width >= Mm(8)  # "No" is never split into "N/o"
    assert any(t.startswith("*) dihitung dari sebagian komponen") for t in texts)


def test_notes_in_a_document_say_what_the_figure_is_not_what_to_edit(iku_cli, tmp_path) -> None:
    """issue 25: notes told the reader of a handed-in report to edit YAML keys ("tulis 'status:
    sementara'", "samakan salah satunya"); the terminal still says what to do."""
    import shutil

    root = tmp_path / "ws"
    shutil.copytree(Path(__file__).parent / "corpus" / "triwulan", root)
    renaksi = root / "renaksi" / "2020.yaml"
    renaksi.write_text(
        renaksi.read_text("utf-8").replace('IV: "40 UMKM"', 'IV: "30 UMKM"'), "utf-8"
    )
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        result = iku_cli("triwulan", "--tahun", "2020", "--tw", "2", "-f", "markdown")
    finally:
        os.chdir(here)
    assert "samakan salah satunya" in result.stderr  # said to the officer
    note = next(ln for ln in result.stdout.splitlines() if "menghasilkan 40 + 40 + 40 + 30" in ln)
    assert "samakan" not in note and "IKU321" not in note


def test_a_finding_about_the_whole_entry_is_said_once() -> None:
    from ikutool.compute.capaian import HasilIndikator, HasilKomponen
    from ikutool.render.documents.pengukuran import figure_warnings

    def comp(kunci: str, warnings: list[str]) -> HasilKomponen:
        return HasilKomponen.model_construct(
            kunci=kunci, uraian=kunci, satuan="%", persen=True, target=5, realisasi=6,
            capaian=120, status="ada", peringatan=[], peringatan_realisasi=warnings,
        )  # fmt: skip

    ind = HasilIndikator.model_construct(
        kode="S3.2", peringatan_target=[],
        komponen=[comp("ekspor", ["entri", "ekspor saja"]), comp("impor", ["entri"])],
    )  # fmt: skip
    out = figure_warnings(ind, str)
    assert out.count("(!) Realisasi S3.2: entri") == 1
    assert "(!) Realisasi S3.2 ekspor: ekspor saja" in out
    assert not any("impor: entri" in line for line in out)
