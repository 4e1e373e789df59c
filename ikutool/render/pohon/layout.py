"""The pohon kinerja as pages of boxes and lines, in millimetres, drawn without any network or
chart service: the SVG, PNG and PDF painters only paint what is laid out here, so the three are
the same picture.

The upper levels (tujuan and sasaran RPJMD, the agency's tujuan and sasaran, programs) stand in
rows, each parent centred over its children; below a program its kegiatan and their sub kegiatan
are stacked in the program's column (a tree five levels deep stays as wide as its programs).
A tree too wide or too tall for an A4 landscape page is split: an overview page (down to the
sasaran), then one page per sasaran branch, a branch with many programs over several pages.
Text is wrapped with Helvetica's widths (Arial and Liberation Sans have the same), so it fits
wherever the picture is shown.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ikutool.render.metrics import PT, text_mm, wrap

# levels top to bottom; the label a box carries (so the picture reads in black and white too)
LEVELS = (
    "tujuan_pemda", "sasaran_pemda", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan",
)  # fmt: skip
UPPER = frozenset(LEVELS[:5])
LABEL = {
    "tujuan_pemda": "TUJUAN RPJMD",
    "sasaran_pemda": "SASARAN RPJMD",
    "tujuan": "TUJUAN",
    "sasaran": "SASARAN",
    "program": "PROGRAM",
    "kegiatan": "KEGIATAN",
    "sub_kegiatan": "SUB KEGIATAN",
}
# fill, border width (mm): darker and heavier the higher the level
STYLE = {
    "tujuan_pemda": ("#d2b4de", 0.7),
    "sasaran_pemda": ("#f5cba7", 0.6),
    "tujuan": ("#aed6f1", 0.55),
    "sasaran": ("#f9e79f", 0.5),
    "program": ("#a9dfbf", 0.4),
    "kegiatan": ("#e8f8f0", 0.3),
    "sub_kegiatan": ("#ffffff", 0.25),
}
BOX_W = 50.0
GAP_X = 6.0
GAP_Y = 9.0
INDENT = 4.0
PAD = 1.6
MARGIN = 10.0
TITLE_H = 12.0
PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape: what a page is split for
MAX_COLS = 5
OVERVIEW_COLS = 7
MAX_H = (PAGE_H - 2 * MARGIN - TITLE_H) / 0.8  # scaled down to 80 % at most
MAX_INDIKATOR = 3
_LIMIT = MAX_H + 2 * MARGIN + TITLE_H + 8  # a page's whole height at that scale
TITLE = {k: v.title().replace("Rpjmd", "RPJMD") for k, v in LABEL.items()}


@dataclass
class Baris:
    text: str
    points: float
    bold: bool = False
    colour: str = "#111111"


@dataclass
class Kotak:
    """One box of the picture: a node, what it says, and (after layout) where it is."""

    level: str
    kode: str
    uraian: str
    indikator: list[tuple[str, str | None]] = field(default_factory=list)  # (name, target line)
    pemilik: str | None = None
    catatan: list[str] = field(default_factory=list)
    anak: list[Kotak] = field(default_factory=list)
    putus: bool = False  # dashed border: crosscutting from another agency, or no parent
    peringatan: bool = False  # red border: an RPJMD sasaran no agency supports
    x: float = 0.0
    y: float = 0.0
    w: float = BOX_W
    h: float = 0.0
    lines: list[Baris] = field(default_factory=list)


@dataclass
class Garis:
    points: list[tuple[float, float]]
    putus: bool = False


@dataclass
class Halaman:
    judul: str
    w: float
    h: float
    kotak: list[Kotak]
    garis: list[Garis]
    levels: list[str]  # the levels on the page (for its legend)


def measure(k: Kotak, width: float) -> None:
    """The box's lines and height at ``width`` mm."""
    inner = width - 2 * PAD
    k.w = width
    lines = [Baris(f"{LABEL[k.level]}  {k.kode}", 5.5, True, "#333333")]
    lines += [Baris(t, 7.0, True) for t in wrap(k.uraian, inner, 7.0, True, 4)]
    shown = k.indikator[:MAX_INDIKATOR]
    for name, target in shown:
        lines += [Baris(t, 6.0) for t in wrap(name, inner, 6.0, False, 2)]
        if target:
            lines += [Baris(t, 6.0, True) for t in wrap(target, inner, 6.0, True, 2)]
    if len(k.indikator) > len(shown):
        lines.append(Baris(f"+{len(k.indikator) - len(shown)} indikator lain", 6.0))
    for note in k.catatan:
        lines += [Baris(t, 6.0, True, "#7b241c") for t in wrap(note, inner, 6.0, True, 3)]
    if k.pemilik:
        lines += [Baris(t, 6.0, False, "#1b2631") for t in wrap(k.pemilik, inner, 6.0, False, 2)]
    k.lines = lines
    k.h = 2 * PAD + sum(line.points * PT * 1.28 for line in lines)


def _leaves(k: Kotak) -> int:
    upper = [c for c in k.anak if c.level in UPPER]
    return sum(_leaves(c) for c in upper) if upper else 1


def _stack_height(k: Kotak) -> float:
    """Height of the kegiatan and sub kegiatan stacked under ``k``."""
    h = 0.0
    for c in k.anak:
        if c.level in UPPER:
            continue
        h += c.h + 3 + _stack_height(c)
    return h


def _measure_all(roots: list[Kotak]) -> None:
    for k in _each(roots):
        indent = {"kegiatan": INDENT, "sub_kegiatan": 2 * INDENT}.get(k.level, 0.0)
        measure(k, BOX_W - indent)


def _each(roots: list[Kotak]) -> list[Kotak]:
    out, stack = [], list(reversed(roots))
    while stack:
        k = stack.pop()
        out.append(k)
        stack.extend(reversed(k.anak))
    return out


def lay_out(judul: str, roots: list[Kotak]) -> Halaman:
    """One page: rows for the upper levels, stacks below the programs."""
    _measure_all(roots)
    boxes = _each(roots)
    levels = [lv for lv in LEVELS if any(b.level == lv for b in boxes)]
    rows = [lv for lv in levels if lv in UPPER]
    top = MARGIN + TITLE_H
    row_y: dict[str, float] = {}
    for lv in rows:
        row_y[lv] = top
        top += max(b.h for b in boxes if b.level == lv) + GAP_Y
    garis: list[Garis] = []
    col = [0]

    def place(k: Kotak) -> tuple[float, float]:
        """Place ``k`` and its upper children; the centre span of its columns."""
        upper = [c for c in k.anak if c.level in UPPER]
        lower = [c for c in k.anak if c.level not in UPPER]
        if upper:
            spans = [place(c) for c in upper]
            extra = None
            if lower:  # e.g. crosscutting received beside the programs: a column of their own
                extra = MARGIN + col[0] * (BOX_W + GAP_X) + BOX_W / 2
                col[0] += 1
            centre = (spans[0][0] + (extra if extra is not None else spans[-1][1])) / 2
        else:
            centre = MARGIN + col[0] * (BOX_W + GAP_X) + BOX_W / 2
            col[0] += 1
        k.x, k.y = centre - BOX_W / 2, row_y.get(k.level, MARGIN + TITLE_H)
        if upper:
            mid = min(row_y[c.level] for c in upper) - GAP_Y / 2
            garis.append(Garis([(centre, k.y + k.h), (centre, mid)]))
            xs = [c.x + BOX_W / 2 for c in upper] + ([extra] if extra is not None else [])
            garis.append(Garis([(min(xs + [centre]), mid), (max(xs + [centre]), mid)]))
            for c in upper:
                garis.append(Garis([(c.x + BOX_W / 2, mid), (c.x + BOX_W / 2, c.y)], c.putus))
            if extra is not None:
                holder = Kotak(k.level, "", "", anak=lower, x=extra - BOX_W / 2, y=mid, h=0.0)
                _stack(holder, holder.x, mid, garis)
        else:
            _stack(k, k.x, k.y + k.h, garis)
        return centre, centre

    for r in roots:
        place(r)
    width = MARGIN * 2 + max(col[0], 1) * (BOX_W + GAP_X) - GAP_X
    bottom = max(b.y + b.h for b in boxes) if boxes else top
    width = max(width, 120.0, text_mm(judul, 10, True) + 2 * MARGIN)
    return Halaman(judul, width, bottom + MARGIN + 8, boxes, garis, levels)


def _stack(parent: Kotak, col_x: float, y: float, garis: list[Garis]) -> float:
    """Kegiatan (and their sub kegiatan) one under another below ``parent``, each hung on a
    line down the column's left side; the y below the last."""
    kids = [c for c in parent.anak if c.level not in UPPER]
    if not kids:
        return y
    spine = parent.x + INDENT / 2
    cursor = y + 3
    last_mid = cursor
    for c in kids:
        c.x, c.y = parent.x + INDENT, cursor
        last_mid = c.y + min(4.0, c.h / 2)
        garis.append(Garis([(spine, last_mid), (c.x, last_mid)], c.putus))
        cursor = _stack(c, col_x, c.y + c.h, garis) + 3
    garis.append(Garis([(spine, y), (spine, last_mid)]))
    return cursor - 3


# --- pages -------------------------------------------------------------------------------------


def pages(judul: str, roots: list[Kotak]) -> list[Halaman]:
    """The pages of a forest: one when it fits an A4 landscape page, else an overview and one
    page (or more) per sasaran branch."""
    _measure_all(roots)
    whole = lay_out(judul, roots)
    if sum(_leaves(r) for r in roots) <= MAX_COLS and whole.h <= _LIMIT:
        return [whole]
    out = _overview(judul, roots)
    parts: list[tuple[str, list[Kotak]]] = []
    for branch, ancestors in _branches(roots):
        parts += _branch_pages(branch, ancestors)
    # small branches share a page while they fit side by side
    merged: list[tuple[list[str], list[Kotak]]] = []
    for name, group in parts:
        if merged:
            names, prev = merged[-1]
            both = prev + group
            if sum(_leaves(r) for r in both) <= MAX_COLS and lay_out("", both).h <= _LIMIT:
                merged[-1] = ([*names, name], both)
                continue
        merged.append(([name], group))
    for names, group in merged:
        out.append(lay_out(f"{judul}: " + ", ".join(names), group))
    return out


def _prune(k: Kotak, keep: frozenset[str]) -> Kotak:
    """A copy of ``k`` with only the levels in ``keep``; what is cut is said in the box."""
    clone = copy.copy(k)
    cut = [c for c in k.anak if c.level not in keep]
    clone.anak = [_prune(c, keep) for c in k.anak if c.level in keep]
    if cut:
        names = {c.level for c in cut}
        what = " dan ".join(LABEL[lv].lower() for lv in LEVELS if lv in names)
        clone.catatan = [*k.catatan, f"{len(cut)} {what}: lihat halaman {TITLE[k.level]} {k.kode}"]
    return clone


def _overview(judul: str, roots: list[Kotak]) -> list[Halaman]:
    keep = frozenset({"tujuan_pemda", "sasaran_pemda", "tujuan", "sasaran"})
    pruned = [_prune(r, keep) for r in roots]
    if not pruned:
        return []
    # chunks of at most OVERVIEW_COLS columns (an overview page is scaled to about 70 %)
    chunks: list[list[Kotak]] = [[]]
    for r in [part for root in pruned for part in _split_wide(root, OVERVIEW_COLS)]:
        if chunks[-1] and sum(_leaves(x) for x in chunks[-1]) + _leaves(r) > OVERVIEW_COLS:
            chunks.append([])
        chunks[-1].append(r)
    n = len(chunks)
    return [
        lay_out(f"{judul}: ikhtisar" + (f" ({i}/{n})" if n > 1 else ""), chunk)
        for i, chunk in enumerate(chunks, 1)
    ]


def _split_wide(k: Kotak, cols: int) -> list[Kotak]:
    """``k`` as it is, or, when its children take more than ``cols`` columns, copies of it each
    over a part of them ("lanjutan")."""
    if _leaves(k) <= cols or not k.anak:
        return [k]
    parts: list[list[Kotak]] = [[]]
    for c in k.anak:
        for piece in _split_wide(c, cols):
            if parts[-1] and sum(_leaves(x) for x in parts[-1]) + _leaves(piece) > cols:
                parts.append([])
            parts[-1].append(piece)
    out = []
    for i, part in enumerate(parts):
        clone = copy.copy(k)
        clone.anak = part
        if i:
            clone.catatan = [*k.catatan, f"lanjutan ({i + 1}/{len(parts)})"]
        out.append(clone)
    return out


def _branches(roots: list[Kotak]) -> list[tuple[Kotak, list[Kotak]]]:
    """Each agency sasaran (or a root below the sasaran level: an orphan) with the boxes above
    it, in order."""
    out: list[tuple[Kotak, list[Kotak]]] = []

    def walk(k: Kotak, above: list[Kotak]) -> None:
        if k.level in ("sasaran", "program", "kegiatan", "sub_kegiatan"):
            if k.anak:
                out.append((k, above))
            return
        for c in k.anak:
            walk(c, [*above, k])

    for r in roots:
        walk(r, [])
    return out


def _branch_pages(branch: Kotak, above: list[Kotak]) -> list[tuple[str, list[Kotak]]]:
    """A sasaran and everything below it, its programs in groups that fit a page: (the page's
    name, its roots)."""
    del above  # the overview page shows what a branch supports
    title = f"{TITLE[branch.level]} {branch.kode}"
    units: list[Kotak] = []
    for c in branch.anak:
        units += _split_tall(c)
    if branch.level not in ("sasaran", "tujuan") or not units:
        units = _split_tall(branch) if branch.level != "sasaran" else units
    groups: list[list[Kotak]] = [[]]
    for u in units:
        if len(groups[-1]) >= MAX_COLS:
            groups.append([])
        groups[-1].append(u)
    out = []
    n = len(groups)
    for i, group in enumerate(groups, 1):
        if branch.level in ("sasaran", "tujuan"):
            head = copy.copy(branch)
            head.anak = group
            roots = [head]
        else:
            roots = group
        suffix = f" ({i}/{n})" if n > 1 else ""
        out.append((title + suffix, roots))
    return out


def _split_tall(k: Kotak) -> list[Kotak]:
    """``k`` as one column, or, when its stack is taller than a page, as several copies each
    with a part of its kegiatan ("lanjutan")."""
    _measure_all([k])
    if k.level in UPPER and any(c.level in UPPER for c in k.anak):
        return [k]
    if k.h + _stack_height(k) <= MAX_H:
        return [k]
    parts: list[list[Kotak]] = [[]]
    height = k.h
    for c in k.anak:
        need = c.h + 3 + _stack_height(c)
        if parts[-1] and height + need > MAX_H:
            parts.append([])
            height = k.h
        parts[-1].append(c)
        height += need
    out = []
    for i, part in enumerate(parts):
        clone = copy.copy(k)
        clone.anak = part
        if i:
            clone.catatan = [*k.catatan, f"lanjutan ({i + 1}/{len(parts)})"]
        out.append(clone)
    return out
