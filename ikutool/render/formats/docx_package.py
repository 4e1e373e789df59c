"""The Word package around a body: python-docx makes the styles (one font family, black headings),
the section (A4 or F4, portrait or landscape), the notice in the page header, page numbers in
the footer and the document properties; the body is then written into ``word/document.xml``."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from ikutool.render.blocks import (
    Dokumen,
)
from ikutool.render.formats.docx_layout import (
    PAPER_MM,
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
