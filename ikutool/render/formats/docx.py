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
the LKjIP of 1.000 indicators. The text written is the same, byte for byte, as python-docx's
own serialisation of the tree its API builds (tests/test_docx_writer.py holds that renderer as
the oracle): the same elements in schema order, the same empty ``w:rPr`` and ``w:r`` it leaves.
Table headers with merged cells (printed forms) are still built with python-docx's merge, and
serialised.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from typing import Any, assert_never

from ikutool.render.blocks import (
    ALERT_COLOUR,
    Angka,
    Dokumen,
    Gambar,
    Grafik,
    HalamanBaru,
    Heading,
    Para,
    Run,
    Tabel,
    Tanda,
    kategori_colour,
    text_of,
)


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


PAD_MM = 4.5  # a cell's left and right margins (LibreOffice's default 0,19 cm each, and a bit)
PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}  # F4: the folio Indonesian offices print on
FORM_MARGIN_MM = 15  # a landscape form's left and right page margins
NARROW_MM = 16.0  # a column this narrow is never squeezed


_WORD = re.compile(r"\S+")  # LibreOffice breaks lines at spaces only (not after "/")
_SLASH = re.compile(r"(?<=/)(?=[^\s/])")  # in a printed form: also after a slash


def form_breaks(text: str) -> str:
    """A printed form's cell text with a line break allowed after each slash, as after a space
    ("Kop/KSP/USP/UMKM" in a narrow column): a zero-width space, which Word and LibreOffice
    (Writer and Calc) break at and print as nothing."""
    return _SLASH.sub("\u200b", text)


def _form_breaks(run: Run) -> Run:
    """:func:`form_breaks` in a cell's text; a figure stays whole."""
    match run:
        case str():
            return form_breaks(run)
        case Angka():
            return run
        case (text, kind):
            return (form_breaks(text), kind)
        case _:
            assert_never(run)


def _words(text: str, form: bool) -> list[str]:
    """The pieces of ``text`` a line never breaks inside."""
    words = _WORD.findall(text)
    return [p for w in words for p in _SLASH.split(w)] if form else words


def _text_mm(word: str, points: float, bold: bool = False) -> float:
    """A word's width in a serif face (Times New Roman) at ``points``: capitals are wider than
    small letters, digits and punctuation narrower, M and W the widest (0,89 and 0,94 em: "UMKM"
    at 7 pt is 8 mm) (measured at 9 pt, scaled)."""
    mm = 0.0
    for ch in word:
        if ch in "MW":
            mm += 2.85
        elif ch in "mw":
            mm += 2.2
        elif ch.isupper():
            mm += 2.25
        elif ch.islower():
            mm += 1.6
        elif ch.isdigit():
            mm += 1.6
        else:
            mm += 1.2
    return mm * points / 9 * (1.1 if bold else 1.0)


def _floors(
    header: list[str],
    texts: list[list[str]],
    points: float,
    pad: float = PAD_MM,
    form: bool = False,
) -> list[float]:
    """Each column's least width at a font size: its longest word (header in bold; an amount
    whole; in a ``form``, the longest piece between slashes) and the cell's margins."""
    return [
        max(
            max((_text_mm(w, points, bold=True) for w in _words(head, form)), default=1.0),
            max((_text_mm(w, points) for t in col for w in _words(t, form)), default=1.0),
        )
        + pad
        for head, col in zip(header, texts, strict=True)
    ]


def _group_floors(
    floor: list[float], groups: list[tuple[str, int]], points: float, pad: float
) -> list[float]:
    """A printed form's group headers ("Realisasi ... tahun ke-5 (2020)") over their columns:
    the columns of a group together as wide as its longest word, however empty they are."""
    out = list(floor)
    j = 0
    for text, span in groups:
        need = max((_text_mm(w, points, bold=True) for w in _words(text, True)), default=0.0)
        have = sum(out[j : j + span])
        if need + pad > have:
            for k in range(j, min(j + span, len(out))):
                out[k] += (need + pad - have) / span
        j += span
    return out


FORM_PAD_MM = 1.2  # a printed form's cell margins (0,6 mm each side: its 25 columns need the room)
_FIGURE_CELL = re.compile(r"^-?[\d.,]+( %)?$")  # one amount or figure: never broken over lines


def _measured(
    header: list[str], rows: list[list[Any]], bold_rows: set[int] | frozenset[int]
) -> tuple[list[list[str]], list[str]]:
    """Each column's texts, and what is measured in bold: its header and its bold rows' words."""
    texts = [[text_of(r[j]) for r in rows if j < len(r)] for j in range(len(header))]
    bold = [" ".join([h, *(text_of(rows[i][j]) for i in sorted(bold_rows) if j < len(rows[i]))])
            for j, h in enumerate(header)]  # fmt: skip
    return texts, bold


def table_layout(
    header: list[str],
    rows: list[list[Any]],
    total_mm: float,
    *,
    form: bool = False,
    least_points: float | None = None,
    groups: list[tuple[str, int]] | None = None,
    bold_rows: set[int] | frozenset[int] = frozenset(),
) -> tuple[list[float], float]:
    """Column widths (mm) and the font size (pt) of a table: 9 pt, or 8 or 7,5 pt (down to
    ``least_points`` for a printed ``form``'s 25 columns: 7 pt on F4, 5,5 pt on A4) when the
    longest words do not fit the page at 9; every column at least as wide as its longest word,
    its header's words included (so no word is split: "No" never becomes "N/o"), a form's
    ``groups`` (the header row above, (text, span)) as wide as their longest words, an amount at
    least as wide as the whole amount (it never wraps inside the number), the rest shared by how
    much text each column carries (``bold_rows`` measured in bold). Word and LibreOffice would
    otherwise split the page evenly."""
    texts, bold = _measured(header, rows, bold_rows)
    least = least_points if least_points is not None else 5.5
    sizes = [s for s in (9.0, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5) if s >= least] if form else [9, 8, 7.5]
    pad = FORM_PAD_MM if form else PAD_MM
    for points in sizes:  # the largest size whose longest words fit the page
        floor = _floors(bold, texts, points, pad, form)
        if groups:
            floor = _group_floors(floor, groups, points, pad)
        if sum(floor) <= total_mm:
            break
    weight = [
        max(sum(len(t) for t in [head, *col]) / (len(col) + 1), 1)
        for head, col in zip(header, texts, strict=True)
    ]
    spare = total_mm - sum(floor)
    if spare < 0:
        # even the longest words do not fit: amounts and narrow columns keep their width, the
        # columns of words share what is left (their longest words wrap)
        fixed = [
            f if f <= NARROW_MM or all(_FIGURE_CELL.match(x) for x in col if x) else 0.0
            for f, col in zip(floor, texts, strict=True)
        ]
        wide = sum(f for f, k in zip(floor, fixed, strict=True) if not k) or 1.0
        room = max(total_mm - sum(fixed), 0.0)
        widths = [k or f * room / wide for k, f in zip(fixed, floor, strict=True)]
    else:
        widths = [f + spare * w / sum(weight) for f, w in zip(floor, weight, strict=True)]
    return widths, points


# --- WordprocessingML text ------------------------------------------------------------------------

# what lxml refuses in text (python-docx raised this ValueError; so does this writer)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BREAKS = re.compile("([\t\r\n])")
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
RED = "C00000"


def _t(text: str) -> str:
    if _NOT_XML.search(text):
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control "
            "characters"
        )
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{text.translate(_ESCAPE)}</w:t>"


def _content(text: str) -> str:
    """A run's text: a tab is ``w:tab``, each line break (\\n or \\r) a ``w:br``."""
    if not text:
        return ""
    if not _BREAKS.search(text):
        return _t(text)
    out = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            out.append(_t(piece))
    return "".join(out)


def _r(text: str, props: str | None = None) -> str:
    """A run; ``props`` None: no ``w:rPr``; "" an empty one (what python-docx leaves after a
    property is set to None)."""
    rpr = "" if props is None else f"<w:rPr>{props}</w:rPr>" if props else "<w:rPr/>"
    inner = rpr + _content(text)
    return f"<w:r>{inner}</w:r>" if inner else "<w:r/>"


def _rpr(
    *, bold: bool = False, color: str = "", sz: str = "", mark: bool = False, under: bool = False
) -> str:
    """Run properties in the schema's order (b, color, sz, highlight, u)."""
    return (
        ("<w:b/>" if bold else "")
        + (f'<w:color w:val="{color}"/>' if color else "")
        + (f'<w:sz w:val="{sz}"/>' if sz else "")
        + ('<w:highlight w:val="yellow"/>' if mark else "")
        + ('<w:u w:val="single"/>' if under else "")
    )


def _runs(
    runs: list[Run], *, bold: bool = False, color: str = "", sz: str = "", under: bool = False
) -> str:
    out = []
    for r in runs:
        text, b, mark, hue = text_of(r), bold, False, color
        match r:
            case str() | Angka():
                pass
            case (_, "bold"):
                b = True
            case (_, "placeholder"):
                b = mark = True
            case (_, "kategori"):
                b, hue = True, (kategori_colour(text) or color).lstrip("#")
            case (_, "alert"):
                hue = ALERT_COLOUR.lstrip("#")
            case _:
                assert_never(r)
        out.append(_r(text, _rpr(bold=b, color=hue, sz=sz, mark=mark, under=under)))
    return "".join(out)


def _p(
    runs: str = "",
    *,
    style: str | None = None,
    keep: bool | None = None,
    new_page: bool = False,
    tight: bool = False,
    indent: int | None = None,
    jc: str = "",
) -> str:
    """A paragraph; its properties in the schema's order (pStyle, keepNext, pageBreakBefore,
    spacing, ind, jc). ``keep`` False is written (``w:val="0"``), as python-docx does."""
    ppr = (
        (f'<w:pStyle w:val="{style}"/>' if style else "")
        + ("<w:keepNext/>" if keep else '<w:keepNext w:val="0"/>' if keep is False else "")
        + ("<w:pageBreakBefore/>" if new_page else "")
        + ('<w:spacing w:after="0"/>' if tight else "")
        + (f'<w:ind w:left="{indent}"/>' if indent is not None else "")
        + (f'<w:jc w:val="{jc}"/>' if jc else "")
    )
    inner = (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + runs
    return f"<w:p>{inner}</w:p>" if inner else "<w:p/>"


def _half_points(points: float) -> str:
    from docx.shared import Pt

    return str(int(Pt(points).pt * 2))


def _twips_mm(mm: float) -> int:
    from docx.shared import Mm

    return int(Mm(mm).twips)


# a printed form's narrow cell margins (0,6 mm = 34 twips each side)
_FORM_MARGINS = (
    '<w:tblCellMar><w:left w:w="34" w:type="dxa"/><w:right w:w="34" w:type="dxa"/></w:tblCellMar>'
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
        lines: list[list[Run]] = [
            b.tempat_tanggal,
            [b.jabatan],
            [""],
            [""],
            [""],
            [(b.nama, "bold")],
        ]
        lines += [[b.pangkat]] if b.pangkat else []
        lines += [[f"NIP. {b.nip}"]] if b.nip else []
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


# --- the package ----------------------------------------------------------------------------------


def _package(doc: Dokumen) -> tuple[Any, float]:
    """The Word package without its body: A4 (portrait, or landscape for wide forms), margins,
    Times New Roman 11 pt, the notice on every page, page numbers, the document properties;
    and the text width (mm)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

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
    _plain_styles(word)
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
    props.created = props.modified = _now()
    return word, text_mm


def _now() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


# the headings of an official document: the body's face, black, no theme colour or rule (as
# the LKjIP and E.81 documents agencies print); sizes in points, bold
_HEADINGS = {"Title": 14, "Heading 1": 13, "Heading 2": 12, "Heading 3": 11, "Caption": 10}


def _plain_styles(word: Any) -> None:
    """Word's default template draws headings in a blue theme face with a rule under the title;
    an official document has one family (Times New Roman) and black headings."""
    from docx.shared import Pt, RGBColor

    for name, size in _HEADINGS.items():
        style = word.styles[name]
        style.font.name = "Times New Roman"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        rpr = style.element.rPr
        if rpr is not None and rpr.rFonts is not None:  # the theme's face gives way to the name
            for attr in list(rpr.rFonts.attrib):
                if attr.endswith("Theme"):
                    del rpr.rFonts.attrib[attr]
        ppr = style.element.pPr
        if ppr is not None:  # the title's rule under it
            for border in ppr.findall(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"
            ):
                ppr.remove(border)


_APP_SAYS = re.compile(rb"<(Application|Template|AppVersion|Company)>[^<]*</\1>")


BODY_PART = "word/document.xml"


def _with_body(package: bytes, body: Iterator[str]) -> bytes:
    """The package with ``body`` written into its document part, before the body's closing
    section properties, block by block (the body is never held whole)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/app.xml":  # no other application's name in it
                data = _APP_SAYS.sub(b"", data)
            if info.filename != BODY_PART:
                dst.writestr(info, data)
                continue
            cut = data.rindex(b"<w:sectPr")
            with dst.open(info, "w") as part:
                part.write(data[:cut])
                for chunk in body:
                    part.write(chunk.encode("utf-8"))
                part.write(data[cut:])
    return out.getvalue()


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
