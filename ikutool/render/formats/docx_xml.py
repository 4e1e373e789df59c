"""WordprocessingML as text: runs, paragraphs and their properties, escaped and refused as
python-docx would (a control character lxml cannot hold is a ValueError), in the same bytes as
python-docx's own serialisation."""

from __future__ import annotations

import re
from typing import assert_never

from ikutool.render.blocks import (
    ALERT_COLOUR,
    Angka,
    Run,
    kategori_colour,
    text_of,
)

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
