"""A table of the site, once: as HTML on its page, and as the CSV and JSON offered beside it.

A column is shown on the page (its text, as every document writes the figure), offered in the
data files (numbers at full precision, a dot for the decimal point, empty where there is no
figure), or both. Column names in the files are short Indonesian words; the labels say what they
are. A text cell of the CSV that begins like a spreadsheet formula ("=", "+", "-", "@") is written
with an apostrophe before it, so that Excel shows it as the text it is and never runs it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from html import escape
from typing import Any

from ikutool.render.situs.halaman import Halaman, esc


@dataclass
class Kolom:
    id: str
    label: str
    angka: bool = False  # right-aligned figures
    tampil: bool = True  # a column of the page's table
    unduh: bool = True  # a column of the CSV and JSON


@dataclass
class TabelSitus:
    nama: str  # the data files' name: data/<nama>.csv, data/<nama>.json
    judul: str
    kolom: list[Kolom]
    baris: list[dict[str, Any]]
    catatan: list[str] = field(default_factory=list)  # notes under the table
    tebal: set[int] = field(default_factory=set)  # rows in bold (means)
    tautan: dict[tuple[int, str], str] = field(default_factory=dict)  # (row, column) -> path
    kepala_baris: str | None = None  # the column that heads each row (th scope=row)

    def csv(self) -> bytes:
        cols = [c for c in self.kolom if c.unduh]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow([c.id for c in cols])
        for row in self.baris:
            w.writerow([_plain(row.get(c.id)) for c in cols])
        return ("\ufeff" + buf.getvalue()).encode("utf-8")  # a BOM: Excel reads UTF-8

    def json(self, notes: list[str]) -> bytes:
        cols = [c for c in self.kolom if c.unduh]
        payload = {
            "judul": self.judul,
            "catatan_data": notes,
            "catatan": self.catatan,
            "kolom": [{"id": c.id, "label": c.label} for c in cols],
            "baris": [{c.id: row.get(c.id) for c in cols} for row in self.baris],
        }
        # compact (the C encoder; an indent would take the slow one): one line per row
        rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in payload.pop("baris"))
        head = json.dumps(payload, ensure_ascii=False)[:-1]
        return f'{head}, "baris": [\n{rows}\n]}}\n'.encode()

    def html(self, page: Halaman, data_dir: str) -> str:
        cols = [c for c in self.kolom if c.tampil]
        head = "".join(f'<th scope="col"{_cls(c)}>{esc(c.label)}</th>' for c in cols)
        # per column, once: its tag, and its label for a phone's stacked rows (CSS shows it
        # beside the cell)
        shapes = [
            (
                c.id,
                ("th", ' scope="row"') if c.id == self.kepala_baris else ("td", ""),
                _cls(c),
                f' data-label="{esc(c.label)}"',
            )
            for c in cols
        ]
        body = []
        links = self.tautan
        for i, row in enumerate(self.baris):
            cells = []
            for cid, (tag, scope), cls, label in shapes:
                value = row.get(cid)
                text = "" if value is None else str(value)
                target = links.get((i, cid)) if links else None
                if target:
                    inner = page.link(text, target)
                elif text:
                    inner = escape(text, quote=False).replace("\n", "<br>")
                else:
                    cells.append(f"<{tag}{scope}{cls}></{tag}>")
                    continue
                cells.append(f"<{tag}{scope}{cls}{label}>{inner}</{tag}>")
            tr = '<tr class="t">' if i in self.tebal else "<tr>"
            body.append(f"{tr}{''.join(cells)}</tr>")
        label = page.new_id("tabel")
        # the title outside the scrolling box, so a phone shows it whole
        out = [
            f'<p class="judul-tabel" id="{label}">{esc(self.judul)}</p>',
            f'<div class="tabel" role="region" aria-labelledby="{label}" tabindex="0">',
            f'<table aria-labelledby="{label}">',
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>",
        ]
        if self.catatan:
            out.append(
                '<ul class="catatan-tabel">'
                + "".join(f"<li>{esc(n)}</li>" for n in self.catatan)
                + "</ul>"
            )
        stem = f"{data_dir}{self.nama}"
        out.append(
            '<p class="unduh-data">Unduh data tabel ini: '
            f'<a href="{esc(page.href(stem + ".csv"))}" download>CSV</a>, '
            f'<a href="{esc(page.href(stem + ".json"))}" download>JSON</a></p>'
        )
        return "".join(out)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cls(c: Kolom) -> str:
    return ' class="a"' if c.angka else ""


def _plain(value: Any) -> str:
    """A value in a CSV cell: numbers as Python writes them (a dot, full precision)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    # a spreadsheet runs a cell that begins like a formula: text stays text ("'=..." shows "=...")
    if text[:1] in FORMULA_START and text != "-":
        return "'" + text
    return text
