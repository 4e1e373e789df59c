"""The Word renderer as it was before issue 28 (python-docx's element API, property by
property), kept as the oracle of tests/test_docx_writer.py: the streaming writer of
:mod:`ikutool.render.formats.docx` must produce the same ``word/document.xml``, byte for byte,
for any block document. Not used by ikutool itself.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ikutool.render.blocks import Dokumen, Gambar, HalamanBaru, Heading, Para, Tabel, Tanda


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in ``paragraph``: begin, instruction, separate, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(char("begin"))
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    run = paragraph.add_run()
    run._r.append(char("separate"))
    paragraph.add_run("1")
    run = paragraph.add_run()
    run._r.append(char("end"))


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row: Any) -> None:
    """A table row is never broken across two pages (Word and LibreOffice both honour it)."""
    row._tr.get_or_add_trPr().append(_cant_split_element())


PAD_MM = 4.5  # a cell's left and right margins (LibreOffice's default 0,19 cm each, and a bit)
PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}  # F4: the folio Indonesian offices print on
NARROW_MM = 16.0  # a column this narrow is never squeezed


_WORD = re.compile(r"\S+")  # LibreOffice breaks lines at spaces only (not after "/")


def _text_mm(word: str, points: float, bold: bool = False) -> float:
    """A word's width in a serif face (Times New Roman) at ``points``: capitals are wider than
    small letters, digits and punctuation narrower (measured at 9 pt, scaled)."""
    mm = 0.0
    for ch in word:
        if ch.isupper():
            mm += 2.25
        elif ch.islower():
            mm += 1.6
        elif ch.isdigit():
            mm += 1.6
        else:
            mm += 1.2
    return mm * points / 9 * (1.1 if bold else 1.0)


def _floors(header: list[str], texts: list[list[str]], points: float) -> list[float]:
    """Each column's least width at a font size: its longest word (header in bold) and the
    cell's margins."""
    return [
        max(
            max((_text_mm(w, points, bold=True) for w in _WORD.findall(head)), default=1.0),
            max((_text_mm(w, points) for t in col for w in _WORD.findall(t)), default=1.0),
        )
        + PAD_MM
        for head, col in zip(header, texts, strict=True)
    ]


def table_layout(
    header: list[str], rows: list[list[Any]], total_mm: float, *, form: bool = False
) -> tuple[list[float], float]:
    """Column widths (mm) and the font size (pt) of a table: 9 pt, or 8 or 7,5 pt (down to 5,5 pt
    for a printed ``form``'s 25 columns) when the longest words do not fit the page at 9; every column at least
    as wide as its longest word, its header's words included (so no word is split: "No" never
    becomes "N/o"), the rest shared by how much text each column carries. Word and LibreOffice
    would otherwise split the page evenly."""
    texts = [[r[j] if isinstance(r[j], str) else r[j][0] for r in rows if j < len(r)]
             for j in range(len(header))]  # fmt: skip
    sizes = (9.0, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5) if form else (9.0, 8.0, 7.5)
    for points in sizes:  # the largest size whose longest words fit the page
        floor = _floors(header, texts, points)
        if sum(floor) <= total_mm:
            break
    weight = [
        max(sum(len(t) for t in [head, *col]) / (len(col) + 1), 1)
        for head, col in zip(header, texts, strict=True)
    ]
    spare = total_mm - sum(floor)
    if spare < 0:
        # even the longest words do not fit: the narrow columns (No, a short figure) keep their
        # width, the wide ones share what is left (their longest words wrap)
        keep = [f if f <= NARROW_MM else 0.0 for f in floor]
        wide = sum(f for f in floor if f > NARROW_MM)
        room = max(total_mm - sum(keep), 0.0)
        widths = [k or f * room / wide for k, f in zip(keep, floor, strict=True)]
    else:
        widths = [f + spare * w / sum(weight) for f, w in zip(floor, weight, strict=True)]
    return widths, points


def _widths(table: Any, widths: list[float]) -> None:
    from docx.shared import Mm

    for j, w in enumerate(widths):
        table.columns[j].width = Mm(w)  # the grid LibreOffice reads
    for tr in table._tbl.tr_lst:  # the cell widths Word reads (no merged cells in these tables)
        for tc, w in zip(tr.tc_lst, widths, strict=False):
            tc.width = Mm(w)


def _runs(paragraph: Any, runs: list[Any], *, italic: bool = False, bold: bool = False) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    for r in runs:
        text, kind = (r, "") if isinstance(r, str) else r
        run = paragraph.add_run(text)
        run.italic = italic or None
        run.bold = bold or kind == "bold" or kind == "placeholder" or None
        if kind == "placeholder":
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


class _Body:
    """Appends to the end of the document in constant time. python-docx's ``add_paragraph``
    and ``add_table`` find the closing ``w:sectPr`` (and ``add_table`` the page width, through
    every section) by scanning the whole body each time: quadratic in a long LKjIP."""

    def __init__(self, doc: Any) -> None:
        self.parent = doc._body
        self.end = doc.element.body.sectPr
        self.width = doc._block_width

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        self.end.addprevious(p)
        para = Paragraph(p, self.parent)  # type: ignore[arg-type]
        if text:
            para.add_run(text)
        if style is not None:
            para.style = style
        return para

    def heading(self, text: str, level: int) -> Any:
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def table(self, rows: int, cols: int) -> Any:
        from docx.oxml.table import CT_Tbl
        from docx.table import Table

        tbl = CT_Tbl.new_tbl(rows, cols, self.width)
        self.end.addprevious(tbl)
        return Table(tbl, self.parent)


def docx(doc: Dokumen) -> bytes:
    """The document as a Word file: A4 (portrait, or landscape for wide forms), page numbers,
    the notice of illustrative or provisional data on every page, headings in Word's own
    styles, table captions kept with their table, header rows repeated and rows never split
    across pages, placeholders highlighted. Provenance goes into the document's properties."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor
    from docx.table import _Cell

    word = Document()
    section = word.sections[0]
    short, long = PAPER_MM.get(doc.kertas, PAPER_MM["A4"])
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(long), Mm(short)
    else:
        section.page_width, section.page_height = Mm(short), Mm(long)
    section.left_margin = section.right_margin = Mm(25 if not doc.landscape else 15)
    section.top_margin = section.bottom_margin = Mm(20)
    text_mm = (long if doc.landscape else short) - 2 * (25 if not doc.landscape else 15)
    normal = word.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    if doc.peringatan_halaman:
        # a notice on every page: room for it above the body, never over the first line
        section.top_margin = Mm(27)
        section.header_distance = Mm(8)
        head = section.header.paragraphs[0]
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = head.add_run(" ".join(doc.peringatan_halaman))
        run.bold = True
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{doc.kaki} - halaman " if doc.kaki else "halaman ")
    _field(footer, "PAGE")
    props = word.core_properties
    props.title = doc.judul
    props.language = "id-ID"
    props.author = props.last_modified_by = ""
    props.comments = "\n".join(doc.asal)
    body = _Body(word)
    new_page = False
    last_para: Any = None

    def start(p: Any) -> Any:
        nonlocal new_page
        if new_page:
            p.paragraph_format.page_break_before = True
            new_page = False
        return p

    for b in doc.blocks:
        if not isinstance(b, Para | Tanda):
            last_para = None
        if isinstance(b, HalamanBaru):
            new_page = True
        elif isinstance(b, Heading):
            p = start(body.heading(b.text, 0 if b.level == 0 else min(b.level, 3)))
            if b.level == 0:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(b, Para):
            p = last_para = start(body.paragraph())
            if b.kind == "note":
                _runs(p, b.runs, bold=True)
                for run in p.runs:
                    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
            elif b.kind == "small":
                _runs(p, b.runs)
                for run in p.runs:
                    run.font.size = Pt(9)
            elif b.kind == "lead":  # a run-in heading: stays with what follows
                _runs(p, b.runs, bold=True)
                p.paragraph_format.keep_with_next = True
            else:
                _runs(p, b.runs)
        elif isinstance(b, Tabel):
            caption = start(body.paragraph(style="Caption"))
            caption.paragraph_format.keep_with_next = True
            if b.nomor:
                caption.add_run(f"{b.nomor} ").bold = True
            caption.add_run(b.judul)
            widths, points = table_layout(b.header, b.rows, text_mm, form=bool(b.kepala_atas))
            heads = [b.header]
            if b.kepala_atas:
                groups: list[str] = []
                for text, span in b.kepala_atas:
                    groups += [text] * span
                heads = [groups, b.header]
            if b.nomor_kolom:
                numbers: list[str] = []
                for label, span in b.numbers():
                    numbers += [label] * span
                heads.append(numbers)
            table = body.table(len(heads), len(b.header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, texts in enumerate(heads):
                head = table.rows[r]
                _repeat_header(head)
                _cant_split(head)
                for cell, text in zip(head.cells, texts, strict=True):
                    cell.text = ""
                    run = cell.paragraphs[0].add_run(text)
                    run.bold = True
                    run.font.size = Pt(points)
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if b.kepala_atas:
                _merge_groups(table, b)
            if b.nomor_kolom:
                j = 0
                for label, span in b.numbers():
                    if span > 1:
                        row_no = len(heads) - 1
                        _merged(
                            table.cell(row_no, j).merge(table.cell(row_no, j + span - 1)), label
                        )
                    j += span
            # rows added here: python-docx's add_row looks up the grid and row.cells rebuilds
            # the grid of the whole table, on every row (quadratic in a long table)
            grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
            for i, row in enumerate(b.rows):
                cells = []
                tr = table._tbl.add_tr()
                tr.get_or_add_trPr().append(_cant_split_element())
                for w in grid:
                    tc = tr.add_tc()
                    tc.width = w
                    cells.append(_Cell(tc, table))
                for j, value in enumerate(row):
                    p = cells[j].paragraphs[0]
                    _runs(p, [value], bold=i in b.bold_rows)
                    for run in p.runs:
                        run.font.size = Pt(points)
                    if b.align[j] == "r":
                        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            table.autofit = False
            _widths(table, widths)
            for note in b.catatan:
                p = body.paragraph()
                p.paragraph_format.space_after = Pt(0)
                run = p.add_run(note)
                run.font.size = Pt(9)
            body.paragraph()
        elif isinstance(b, Gambar):
            _picture(body, start, b, text_mm, (short if doc.landscape else long) - 40)
        elif isinstance(b, Tanda):
            if last_para is not None:  # the closing words never stand apart from the signature
                last_para.paragraph_format.keep_with_next = True
            lines: list[list[Any]] = [
                b.tempat_tanggal,
                [b.jabatan],
                [""],
                [""],
                [""],
                [(b.nama, "bold")],
            ]
            lines += [[b.pangkat]] if b.pangkat else []
            lines += [[f"NIP. {b.nip}"]] if b.nip else []
            for k, line in enumerate(lines):
                p = start(body.paragraph())
                p.paragraph_format.left_indent = Mm(
                    0 if b.kiri else 85 if not doc.landscape else 170
                )
                p.paragraph_format.space_after = Pt(0)
                p.paragraph_format.keep_with_next = k < len(lines) - 1  # one block, one page
                _runs(p, line)
                if k == 5:
                    for run in p.runs:
                        run.underline = True
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def _merge_groups(table: Any, b: Tabel) -> None:
    """The form's two header rows: a group's cells merged across, a lone column's two cells
    merged down (its name once)."""
    j = 0
    for text, span in b.kepala_atas:
        if span == 1:
            _merged(table.cell(0, j).merge(table.cell(1, j)), b.header[j])
        else:
            _merged(table.cell(0, j).merge(table.cell(0, j + span - 1)), text)
        j += span


def _merged(cell: Any, text: str) -> None:
    """A merged cell holds every cell's paragraphs: keep the first, with ``text`` once in its
    last run (the one styled bold and small)."""
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    runs = cell.paragraphs[0].runs
    for run in runs[:-1]:
        run.text = ""
    runs[-1].text = text


def _cant_split_element() -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement("w:cantSplit")


def _picture(body: Any, start: Any, b: Gambar, text_mm: float, text_height: float) -> None:
    """A picture at its size, or the text width (and a page's height) when larger; its caption
    above it, kept with it, as the tables' are (the pohon kinerja branch's renderer)."""
    import io

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    caption = start(body.paragraph(style="Caption"))
    caption.paragraph_format.keep_with_next = True
    if b.nomor:
        caption.add_run(f"{b.nomor} ").bold = True
    caption.add_run(b.judul)
    if b.png is not None:
        p = body.paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        width = min(b.lebar_mm, text_mm)
        if b.tinggi_mm:  # and no taller than a page leaves room for (its caption, the header)
            room = (text_height - 30) * b.lebar_mm / b.tinggi_mm
            width = min(width, room)
        p.add_run().add_picture(io.BytesIO(b.png()), width=Mm(width))
    else:
        for t in b.teks:
            p = body.paragraph()
            p.paragraph_format.space_after = Pt(0)
            p.add_run(t)
