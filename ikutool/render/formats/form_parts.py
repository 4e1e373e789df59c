"""A printed form too wide for its page (E.80's six Renstra years, K and Rp each) printed as
parts one after the other, each with the form's leading columns of words repeated and the
column numbers the whole form gives them: Word prints each part as a table of its own
(:mod:`ikutool.render.formats.docx`), a workbook keeps one sheet and breaks its pages between
the parts (:mod:`ikutool.render.formats.xlsx`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ikutool.render.blocks import Tabel
from ikutool.render.formats.docx_layout import FORM_PAD_MM, _floors, _group_floors, _measured


@dataclass
class Bagian(Tabel):
    """One part of a printed form too wide for its page (:func:`form_parts`): the form's
    numbers of the columns it holds, and whether it starts a page."""

    nomor_bagian: list[tuple[str, int]] = field(default_factory=list)
    halaman_baru: bool = False
    tetap: int = 0  # the leading columns every part repeats

    def numbers(self) -> list[tuple[str, int]]:
        return self.nomor_bagian


def form_parts(b: Tabel, total_mm: float, least_points: float) -> list[Bagian]:
    """A printed form whose longest words do not fit the page at its least font size, as parts
    printed one after the other: each repeats the form's leading columns of words (No, Sasaran,
    Program/kegiatan, Indikator) and holds as many of the column groups that follow as fit,
    with their numbers; the notes under the last. [] when the form fits whole."""
    texts, bold = _measured(b.header, b.rows, b.bold_rows)
    floor = _floors(bold, texts, least_points, FORM_PAD_MM, True)
    floor = _group_floors(floor, b.kepala_atas, least_points, FORM_PAD_MM)
    if sum(floor) <= total_mm:
        return []
    spans, start = [], 0
    for (_, span), number in zip(b.kepala_atas, b.numbers(), strict=True):
        spans.append((start, span, number))
        start += span
    lead = 0
    while lead < len(spans) and spans[lead][1] == 1 and b.align[spans[lead][0]] == "l":
        lead += 1
    room = total_mm - sum(floor[:lead])  # the leading columns are one column a group
    widths = {
        g: sum(floor[spans[g][0] : spans[g][0] + spans[g][1]]) for g in range(lead, len(spans))
    }
    parts = _pack(widths, room)
    if len(parts) < 2:
        return []
    out = []
    for k, part in enumerate(parts):
        chosen = list(range(lead)) + part
        cols = [c for g in chosen for c in range(spans[g][0], spans[g][0] + spans[g][1])]
        out.append(
            Bagian(
                b.nomor,
                f"{b.judul} (lanjutan)".strip() if k else b.judul,
                [b.header[c] for c in cols],
                [[row[c] for c in cols if c < len(row)] for row in b.rows],
                [b.align[c] for c in cols],
                bold_rows=b.bold_rows,
                catatan=b.catatan if k == len(parts) - 1 else [],
                kepala_atas=[b.kepala_atas[g] for g in chosen],
                nomor_kolom=b.nomor_kolom,
                nomor_bagian=[spans[g][2] for g in chosen],
                halaman_baru=k > 0,
                tetap=lead,
            )
        )
    return out


def _pack(widths: dict[int, float], room: float) -> list[list[int]]:
    """The groups in order, in as few parts of at most ``room`` as they need, as even as they
    go (a part never holds only the last group because it did not fit)."""

    def fill(limit: float) -> list[list[int]]:
        parts: list[list[int]] = [[]]
        used = 0.0
        for g, w in widths.items():
            if parts[-1] and used + w > limit:
                parts.append([])
                used = 0.0
            parts[-1].append(g)
            used += w
        return parts

    fewest = len(fill(room))
    even = sum(widths.values()) / fewest
    for step in range(21):  # the smallest limit, from an even share up to the page, as few
        parts = fill(even + (room - even) * step / 20)
        if len(parts) == fewest:
            return parts
    return fill(room)
