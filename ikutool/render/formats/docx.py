"""Documents as Word files: the Word renderer of the block model (:mod:`ikutool.render.blocks`),
used by every document.

What an officer needs to finish and hand it in: headings in Word's own Heading styles (so the
navigation pane and a table of contents pick them up), A4, page numbers in the footer, table
headers repeated on every page and rows never split, captions kept with their tables, figures
right-aligned in Indonesian format, placeholders highlighted in yellow where the officer's words
are still missing, the signature block kept on one page.

python-docx makes the package (styles, section, header and footer, document properties); the
body is written as WordprocessingML text, block by block, straight into the package's
``word/document.xml``. python-docx's element API costs about 200 times that (every property
setter scans its siblings, every style is looked up by a scan of all styles): 42 s of CPU for
the LKjIP of 1.000 indicators. The text written follows python-docx's own serialisation of
the tree its API builds (the same elements in schema order; its renderer was the oracle until
the writer had been trusted, and the golden corpus guards every part since). Table headers with
merged cells (printed forms) are still built with python-docx's merge, and serialised. Column
widths: :mod:`docx_layout`; the XML text: :mod:`docx_xml`; the package: :mod:`docx_package`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any, assert_never

from ikutool.render.blocks import (
    Dokumen,
    Gambar,
    Grafik,
    HalamanBaru,
    Heading,
    Para,
    Run,
    Tabel,
    Tanda,
)
from ikutool.render.formats.docx_layout import (
    PAPER_MM,
    _form_breaks,
    form_breaks,
    table_layout,
)
from ikutool.render.formats.docx_package import (
    _package,
    _with_body,
)
from ikutool.render.formats.docx_xml import (
    _FORM_MARGINS,
    RED,
    _half_points,
    _p,
    _r,
    _rpr,
    _runs,
    _twips_mm,
)


class _Writer:
    """The body of one document as WordprocessingML text, one block at a time. Style ids are
    looked up once per document (python-docx scans every style on every look-up)."""

    def __init__(self, word: Any, doc: Dokumen, text_mm: float) -> None:
        self.word = word
        self.doc = doc
        self.text_mm = text_mm
        self.ids: dict[tuple[str, Any], str | None] = {}
        self.new_page = False
        self.pictures: dict[int, str] = {}  # id(Gambar) -> its inline drawing, made beforehand

    def style(self, name: str, table: bool = False) -> str | None:
        from docx.enum.style import WD_STYLE_TYPE

        kind = WD_STYLE_TYPE.TABLE if table else WD_STYLE_TYPE.PARAGRAPH
        if (name, kind) not in self.ids:
            self.ids[name, kind] = self.word.part.get_style_id(name, kind)
        return self.ids[name, kind]

    def start(self) -> bool:
        """Whether this paragraph opens a new page (the first one after a HalamanBaru)."""
        new, self.new_page = self.new_page, False
        return new

    def blocks(self) -> Iterator[str]:
        blocks = self.doc.blocks
        for i, b in enumerate(blocks):
            if isinstance(b, HalamanBaru):
                self.new_page = True
            elif isinstance(b, Heading):
                yield self.heading(b)
            elif isinstance(b, Para):
                # the closing words never stand apart from the signature that follows
                after = blocks[i + 1] if i + 1 < len(blocks) else None
                yield self.para(b, keep=isinstance(after, Tanda))
            elif isinstance(b, Tabel):
                yield self.table(b)
            elif isinstance(b, Tanda):
                before = blocks[i - 1] if i > 0 else None
                if isinstance(before, Tanda) and before.kiri and not b.kiri:
                    continue  # written beside the one before it
                after = blocks[i + 1] if i + 1 < len(blocks) else None
                if b.kiri and isinstance(after, Tanda) and not after.kiri:
                    yield self.tanda_pair(b, after)
                else:
                    yield self.tanda(b)
            elif isinstance(b, Gambar | Grafik):
                yield self.picture(b)

    def heading(self, b: Heading) -> str:
        level = 0 if b.level == 0 else min(b.level, 3)
        style = self.style("Title" if level == 0 else f"Heading {level}")
        runs = _r(b.text) if b.text else ""
        return _p(runs, style=style, new_page=self.start(), jc="center" if level == 0 else "")

    def para(self, b: Para, keep: bool) -> str:
        new_page = self.start()
        jc = ""
        match b.kind:
            case "note":
                runs = _runs(b.runs, bold=True, color=RED)
            case "small":
                runs = _runs(b.runs, sz=_half_points(9))
            case "lead" | "normal":
                runs = _runs(b.runs, bold=b.kind == "lead")
            case "sub":
                runs, jc = _runs(b.runs), "center"
            case "item":
                runs = _runs(["\u2022 ", *b.runs])
            case _:
                assert_never(b.kind)
        # a "lead" is a run-in heading: it stays with what follows
        keep_next = True if keep or b.kind == "lead" else None
        return _p(runs, keep=keep_next, new_page=new_page, jc=jc)

    def table(self, b: Tabel) -> str:
        form = bool(b.kepala_atas)
        least = 7.0 if self.doc.kertas == "F4" else 5.5
        from ikutool.render.formats.form_parts import Bagian, form_parts

        if form and not isinstance(b, Bagian) and (parts := form_parts(b, self.text_mm, least)):
            return "".join(self.table(part) for part in parts)
        caption = (_r(f"{b.nomor} ", "<w:b/>") if b.nomor else "") + _r(b.judul)
        new_page = self.start() or (isinstance(b, Bagian) and b.halaman_baru)
        out = [_p(caption, style=self.style("Caption"), keep=True, new_page=new_page)]
        widths, points = table_layout(
            b.header, b.rows, self.text_mm, form=form, least_points=least, groups=b.kepala_atas,
            bold_rows=b.bold_rows if form else frozenset(),
        )  # fmt: skip
        twips = [_twips_mm(w) for w in widths]
        sz = _half_points(points)
        style = self.style("Table Grid", table=True)
        out.append(
            "<w:tbl><w:tblPr>"
            + (f'<w:tblStyle w:val="{style}"/>' if style else "")
            + '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/>'
            + (_FORM_MARGINS if form else "")
            + '<w:tblLook w:firstColumn="1" w:firstRow="1" '
            'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
            "</w:tblPr><w:tblGrid>"
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
            + "</w:tblGrid>"
        )
        out.append(_merged_header(b, widths, points) if b.kepala_atas else _head(b, twips, sz))
        out += _rows(b, twips, sz)
        out.append("</w:tbl>")
        small = _rpr(sz=_half_points(9))
        out += [_p(_r(note, small), tight=True) for note in b.catatan]
        out.append("<w:p/>")
        return "".join(out)

    def tanda(self, b: Tanda) -> str:
        lines = _signature_lines(b)
        indent = _twips_mm(0 if b.kiri else 85 if not self.doc.landscape else 170)
        return "".join(
            _p(
                _runs(line, under=k == 5),
                keep=k < len(lines) - 1,  # one block, one page
                new_page=self.start(),
                tight=True,
                indent=indent,
            )
            for k, line in enumerate(lines)
        )

    def tanda_pair(self, left: Tanda, right: Tanda) -> str:
        """Two parties of an agreement side by side, as PK documents are signed: the second party
        on the left, the first on the right, their lines level (one row, never split, no
        borders)."""
        half = _twips_mm(self.text_mm / 2)
        cells = []
        for b in (left, right):
            lines = _signature_lines(b)
            paras = "".join(
                _p(_runs(line, under=k == 5), tight=True) for k, line in enumerate(lines)
            )
            cells.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{half}"/></w:tcPr>{paras}</w:tc>')
        none = (
            "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right"))
            + '<w:insideH w:val="nil"/><w:insideV w:val="nil"/>'
        )
        start = _p(new_page=True) if self.start() else ""
        return (
            start
            + '<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="'
            + str(2 * half)
            + f'"/><w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            + f'<w:tblGrid><w:gridCol w:w="{half}"/><w:gridCol w:w="{half}"/></w:tblGrid>'
            + "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + "".join(cells)
            + "</w:tr></w:tbl><w:p/>"
        )

    def picture(self, b: Gambar | Grafik) -> str:
        """A picture at its size (or the text width, and a page's height, when larger), its
        caption above it and kept with it, as the tables' are; in words when it has no PNG; a
        chart's note on where its figures stand under it."""
        caption = (_r(f"{b.nomor} ", "<w:b/>") if b.nomor else "") + _r(b.judul)
        new_page = self.start() or (isinstance(b, Grafik) and b.halaman_baru)
        out = [_p(caption, style=self.style("Caption"), keep=True, new_page=new_page)]
        drawing = self.pictures.get(id(b))
        if drawing is not None:
            keep = "<w:keepNext/>" if isinstance(b, Grafik) and b.sumber else ""
            out.append(
                f'<w:p><w:pPr>{keep}<w:jc w:val="center"/></w:pPr><w:r>{drawing}</w:r></w:p>'
            )
        elif isinstance(b, Gambar):
            out += [_p(_r(t), tight=True) for t in b.teks]
        if isinstance(b, Grafik) and b.sumber:
            out.append(_p(_r(b.sumber, _rpr(sz="16")), tight=True))
        return "".join(out)

    def prepare_pictures(self, text_height: float) -> None:
        """Each picture's image part and its inline drawing, made before the package is saved
        (the body refers to them by relationship id): added to a paragraph python-docx builds,
        the whole document serialised as Word will be, the drawing taken from it, the paragraph
        removed again (the drawing then reads as python-docx's own)."""
        from docx.shared import Mm
        from lxml import etree

        made = []
        for b in self.doc.blocks:
            picture = _png_of(b)
            if picture is None:
                continue
            png, lebar, tinggi = picture
            width = min(lebar, self.text_mm)
            if tinggi:  # and no taller than a page leaves room for (its caption, the header)
                width = min(width, (text_height - 30) * lebar / tinggi)
            p = self.word.add_paragraph()
            p.add_run().add_picture(io.BytesIO(png()), width=Mm(width))
            made.append((b, p))
        if not made:
            return
        xml = etree.tostring(self.word.element, encoding="unicode")
        drawings = re.findall(r"<w:drawing>.*?</w:drawing>", xml, re.S)
        for (b, p), drawing in zip(made, drawings[-len(made) :], strict=True):
            self.pictures[id(b)] = drawing
            p._p.getparent().remove(p._p)


def _png_of(b: Any) -> tuple[Callable[[], bytes], float, float] | None:
    """A picture's PNG (made when asked), width and height in mm; None for other blocks."""
    if isinstance(b, Gambar) and b.png is not None:
        return b.png, b.lebar_mm, b.tinggi_mm
    if isinstance(b, Grafik):
        from ikutool.render.charts import chart_png
        from ikutool.render.charts.layout import lay_out

        k = lay_out(b)
        return (lambda: chart_png(b)), k.w, k.h
    return None


def _head(b: Tabel, twips: list[int], sz: str) -> str:
    """The header row (and the column numbers), repeated on every page; each cell's text in a
    second run after an empty one (python-docx's ``cell.text = ""`` left it)."""
    heads = [b.header, *([[label for label, _ in b.numbers()]] if b.nomor_kolom else [])]
    props = _rpr(bold=True, sz=sz)
    rows = []
    for texts in heads:
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr>'
            + _p("<w:r/>" + _r(text, props), jc="center")
            + "</w:tc>"
            for w, text in zip(twips, texts, strict=True)
        )
        rows.append(
            f'<w:tr><w:trPr><w:tblHeader w:val="true"/><w:cantSplit/></w:trPr>{cells}</w:tr>'
        )
    return "".join(rows)


def _rows(b: Tabel, twips: list[int], sz: str) -> list[str]:
    """The body rows, never split across pages; a short row's last cells empty."""
    starts = [f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr>' for w in twips]
    out = []
    for i, row in enumerate(b.rows):
        if len(row) > len(starts):
            raise IndexError("list index out of range")  # a row longer than the header
        if b.kepala_atas:  # a printed form: a line may break after a slash too
            row = [_form_breaks(r) for r in row]
        bold = i in b.bold_rows
        cells = [
            start
            + (
                _p(_runs([row[j]], bold=bold, sz=sz), jc="right" if b.align[j] == "r" else "")
                if j < len(row)
                else "<w:p/>"
            )
            + "</w:tc>"
            for j, start in enumerate(starts)
        ]
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>")
    return out


def _merged_header(b: Tabel, widths: list[float], points: float) -> str:
    """A printed form's header rows (groups merged across, lone columns merged down, the
    column numbers), built with python-docx's merge and serialised."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.table import CT_Tbl
    from docx.shared import Emu, Mm, Pt
    from docx.table import Table
    from lxml import etree

    groups: list[str] = []
    for text, span in b.kepala_atas:
        groups += [text] * span
    heads = [groups, b.header]
    if b.nomor_kolom:
        numbers: list[str] = []
        for label, span in b.numbers():
            numbers += [label] * span
        heads.append(numbers)
    tbl = CT_Tbl.new_tbl(len(heads), len(b.header), Emu(Mm(sum(widths))))
    table = Table(tbl, None)  # type: ignore[arg-type]
    for r, texts in enumerate(heads):
        row = table.rows[r]
        _repeat_header(row)
        row._tr.get_or_add_trPr().append(_cant_split_element())
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(form_breaks(text))
            run.bold = True
            run.font.size = Pt(points)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _merge_groups(table, b)
    if b.nomor_kolom:
        j = 0
        for label, span in b.numbers():
            if span > 1:
                row_no = len(heads) - 1
                _merged(table.cell(row_no, j).merge(table.cell(row_no, j + span - 1)), label)
            j += span
    for tr in tbl.tr_lst:  # as the whole table's widths were set: merged cells in column order
        for tc, w in zip(tr.tc_lst, widths, strict=False):
            tc.width = Mm(w)
    declaration = re.compile(r' xmlns:w="[^"]*"')
    return "".join(
        declaration.sub("", etree.tostring(tr, encoding="unicode"), count=1) for tr in tbl.tr_lst
    )


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _merge_groups(table: Any, b: Tabel) -> None:
    """The form's two header rows: a group's cells merged across, a lone column's two cells
    merged down (its name once)."""
    j = 0
    for text, span in b.kepala_atas:
        if span == 1:
            _merged(table.cell(0, j).merge(table.cell(1, j)), form_breaks(b.header[j]))
        else:
            _merged(table.cell(0, j).merge(table.cell(0, j + span - 1)), form_breaks(text))
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
    """A table row is never broken across two pages (Word and LibreOffice both honour it)."""
    from docx.oxml import OxmlElement

    return OxmlElement("w:cantSplit")


def docx(doc: Dokumen) -> bytes:
    """The document as a Word file: A4 (portrait, or landscape for wide forms), page numbers,
    the notice of illustrative or provisional data on every page, headings in Word's own
    styles, table captions kept with their table, header rows repeated and rows never split
    across pages, placeholders highlighted. Provenance goes into the document's properties."""
    word, text_mm = _package(doc)
    writer = _Writer(word, doc, text_mm)
    short, long = PAPER_MM.get(doc.kertas, PAPER_MM["A4"])
    writer.prepare_pictures((short if doc.landscape else long) - 40)
    buf = io.BytesIO()
    word.save(buf)  # the package, its body empty; the body is written into it block by block
    return _with_body(buf.getvalue(), writer.blocks())


def _signature_lines(b: Tanda) -> list[list[Run]]:
    """A signature block's lines: place and date (or the party), the position, room to sign, the
    name (underlined), rank and NIP where known."""
    lines: list[list[Run]] = [b.tempat_tanggal, [b.jabatan], [""], [""], [""], [(b.nama, "bold")]]
    lines += [[b.pangkat]] if b.pangkat else []
    lines += [[f"NIP. {b.nip}"]] if b.nip else []
    return lines
