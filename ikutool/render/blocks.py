"""Documents as blocks: one model (headings, paragraphs, numbered tables, the signature, page
breaks) that every document is built on (the LKjIP, ...), and one renderer per format (Markdown,
HTML and the terminal here; Word in :mod:`ikutool.render.formats.docx`). A fix to how a table breaks
across pages or how a placeholder looks lands in every document at once.

What an officer hands in carries the agency's words only: no tool name, error code, file path or
internal key. Where a figure came from (the files, the tool) is the document's provenance: a
document property in Word, and on the terminal, never in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import Any, Literal, assert_never

# "bold"; "placeholder": a gap the officer fills; "kategori": a capaian's grade, in its colour
# where a format has colour; "alert": text that says something is wrong (red)
RunKind = Literal["bold", "placeholder", "kategori", "alert"]


@dataclass(frozen=True)
class Angka:
    """A figure in a table cell: ``teks`` as every format shows it ("86,67 (!)", "Rp 1.250.000",
    "94,25 (s.d. TW II)"), and ``nilai``, the number at full precision, which a workbook stores
    with a number format showing the same digits and marks (so Excel can compute with it)."""

    teks: str
    nilai: float


Run = str | tuple[str, RunKind] | Angka  # plain text, (text, kind), or a figure
# "normal"; "note": a notice that data is illustrative or not final; "small": a note under a
# table; "lead": a run-in heading that stays with what follows
ParaKind = Literal["normal", "note", "small", "lead"]


@dataclass
class Heading:
    level: int  # 0 title, 1 bab, 2 section, 3 sasaran
    text: str


@dataclass
class Para:
    """Text made of runs. ``kind``: "normal", "note" (a notice that data is illustrative or not
    final), "small" (a note under a table)."""

    runs: list[Run]
    kind: ParaKind = "normal"


@dataclass
class Lembar:
    """How a table lays out on its sheet of a workbook: the xlsx renderer honours it, the others
    ignore it (a page has no sheet name, frozen panes or merged cells)."""

    nama: str = ""  # the sheet's name ("2019", "Tren"); default: the table's number or title
    beku_kolom: int = 0  # columns that stay in view beside the frozen header (codes, names)
    # the cells of ``gabung_kolom`` (0-based columns) merged down each span of body rows in
    # ``gabung_baris`` ((first, last), 0-based, inclusive): a sasaran's No and name beside all
    # its rows
    gabung_kolom: tuple[int, ...] = ()
    gabung_baris: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Tabel:
    nomor: str  # "Tabel 3.1"
    judul: str
    header: list[str]
    rows: list[list[Run]]
    align: list[str]  # "l" | "r" per column
    bold_rows: set[int] = field(default_factory=set)
    catatan: list[str] = field(default_factory=list)  # notes under the table (what marks mean)
    # a printed form's header: a row of groups above ``header`` ((text, span) in column order; a
    # span of 1 stands for the one column, its header spanning both rows), and a row numbering
    # the columns (1), (2), ... under it
    kepala_atas: list[tuple[str, int]] = field(default_factory=list)
    nomor_kolom: bool = False
    lembar: Lembar | None = None  # its sheet in a workbook

    def numbers(self) -> list[tuple[str, int]]:
        """The column-number row: one number per group of the printed form (its K and Rp
        columns share it), else one per column."""
        spans = [span for _, span in self.kepala_atas] or [1] * len(self.header)
        return [(f"({i})", span) for i, span in enumerate(spans, 1)]

    def flat_header(self) -> list[str]:
        """One header line per column (for Markdown and the terminal): a group's name before
        its columns' ("Realisasi TW I K"), the column's number in front when the form numbers
        them."""
        out = []
        groups: list[str] = []
        for text, span in self.kepala_atas:
            groups += [text if span > 1 else ""] * span
        numbers: list[str] = []
        for label, span in self.numbers():
            numbers += [label] * span
        for j, h in enumerate(self.header):
            g = groups[j] if j < len(groups) else ""
            name = f"{g} {h}".strip() if g else h
            out.append(f"{numbers[j]} {name}" if self.nomor_kolom else name)
        return out


@dataclass
class Tanda:
    """The signature block of the head of the agency."""

    tempat_tanggal: list[Run]
    jabatan: str
    nama: str
    pangkat: str | None
    nip: str | None
    kiri: bool = False  # the second party of an agreement signs on the left


@dataclass
class HalamanBaru:
    """The next block starts on a new page (the Lampiran)."""


@dataclass
class Gambar:
    """A numbered picture (the pohon kinerja): SVG for HTML, a PNG made when Word asks for it,
    and the picture in words for Markdown, the terminal and Excel."""

    nomor: str  # "Gambar 2.1"
    judul: str
    svg: str
    png: Callable[[], bytes] | None
    lebar_mm: float
    tinggi_mm: float = 0.0
    teks: list[str] = field(default_factory=list)


@dataclass
class Seri:
    """One series of a chart: its name (the legend), a value per category (None: no figure),
    its fill, and per point a fill of its own (a capaian's kategori) where given."""

    nama: str
    nilai: list[float | None]
    warna: str
    tiap: list[str | None] | None = None  # a fill per point
    label: list[str] | None = None  # the text at each bar's end (the figure, its kategori)
    atas: list[float | None] | None = None  # a range's upper bound per point (83-85 %)


@dataclass
class Acuan:
    """A reference line across the plot: 100 %, the end target."""

    nilai: float
    label: str


@dataclass
class Grafik:
    """A numbered chart (:mod:`ikutool.render.charts`): SVG in HTML, a picture in Word, a chart
    Excel draws from its own cells in a workbook; never the only place of a figure (the table it
    draws stays), so Markdown and the terminal leave it out.

    ``jenis``: "batang" (horizontal bars, a category per row: names are read in full) or "kolom"
    (vertical bars, a category per column: the years of the period)."""

    nomor: str  # "Grafik 3.1"
    judul: str
    jenis: Literal["batang", "kolom"]
    kategori: list[str]  # each category's label as the picture shows it
    kode: list[str]  # each category's short label (the workbook's chart)
    seri: list[Seri]
    satuan: str  # of the values: "%", "Rp", "UMKM"
    acuan: list[Acuan] = field(default_factory=list)
    legenda: list[tuple[str, str]] = field(default_factory=list)  # (fill, label) beyond series
    sumber: str = ""  # where the figures stand in full ("Angka lengkap pada Tabel 3.1")
    lebar_mm: float = 160.0
    halaman_baru: bool = False  # printed on a page of its own (after a form)

    def alt(self) -> str:
        """The chart in words (alt text): what it shows, over what."""
        names = ", ".join(s.nama for s in self.seri)
        return f"{self.judul}: {names} untuk {len(self.kategori)} {self.satuan_kategori()}"

    def satuan_kategori(self) -> str:
        return "tahun" if self.jenis == "kolom" else "baris"


Block = Heading | Para | Tabel | Tanda | HalamanBaru | Gambar | Grafik


@dataclass
class Dokumen:
    judul: str  # the window title, the Word document's title property
    blocks: list[Block]
    peringatan_halaman: list[str] = field(default_factory=list)  # on every page (CONTOH, ...)
    kaki: str = ""  # footer text before the page number (Word)
    asal: list[str] = field(default_factory=list)  # provenance: files, tool (properties only)
    landscape: bool = False
    kertas: str = "A4"  # A4 | F4 (Word and Excel)
    # a workbook read for its figures first: every chart's sheet after the tables' sheets, a
    # chart taking the headings that lead to it, the text before it waiting for the next table
    grafik_akhir: bool = False


def tanda_kepala(kota: str | None, kepala: Any, instansi: str, tahun: int) -> Tanda:
    """The head of the agency's signature block (LKjIP, quarterly report): place and date,
    position, name, rank and NIP as the IKU file gives them, the gaps left for the officer."""
    return Tanda(
        tempat_tanggal=[kota or placeholder("kota"), ", ", placeholder("tanggal"), f" {tahun}"],
        jabatan=(kepala.jabatan if kepala and kepala.jabatan else f"Kepala {instansi}"),
        nama=kepala.nama if kepala else placeholder("nama kepala")[0],
        pangkat=kepala.pangkat if kepala else None,
        nip=kepala.nip if kepala else None,
    )


def placeholder(what: str) -> tuple[str, RunKind]:
    """A gap the officer fills, in the officer's words (never a file or a key)."""
    return (f"[diisi: {what}]", "placeholder")


def text_of(run: Run) -> str:
    match run:
        case str():
            return run
        case Angka():
            return run.teks
        case (text, _):
            return text
        case _:
            assert_never(run)


def kategori_colour(label: str) -> str | None:
    """A kategori's colour as text on white (the charts' hues), None for a label no scale
    colours."""
    from ikutool.render.charts import KATEGORI_TEKS

    return KATEGORI_TEKS.get(label)


ALERT_COLOUR = "#c62828"


# --- Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\*_|`[]<>"})


def md_escape(text: str) -> str:
    """User and tool text as literal Markdown: ``*)`` stays a footnote mark, not emphasis."""
    return text.translate(_MD_SPECIAL)


def _md_line_start(text: str) -> str:
    """A paragraph must not turn into a list, heading or quote by its first characters."""
    if text[:1] in "-+#>" or (text[:1].isdigit() and text.split(" ", 1)[0].rstrip(".)").isdigit()):
        return "\\" + text
    return text


def _run_md(run: Run) -> str:
    match run:
        case str():
            return md_escape(run).replace("\n", "<br>")
        case Angka():
            return md_escape(run.teks).replace("\n", "<br>")
        case (text, kind):
            match kind:
                case "bold" | "placeholder":
                    return _md_bold(text)
                case "kategori" | "alert":  # Markdown has no colour: the words carry it
                    return md_escape(text).replace("\n", "<br>")
                case _:
                    assert_never(kind)
        case _:
            assert_never(run)


def _md_bold(text: str) -> str:
    if not text.strip():
        return md_escape(text)
    # "**Label: **x" is not bold in Markdown: the spaces go outside the markers
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}**{md_escape(core)}**{trail}"


def markdown(doc: Dokumen) -> str:
    lines: list[str] = []
    for b in doc.blocks:
        lines += _md_block(b)
    return "\n".join(lines).rstrip() + "\n"


def _md_block(b: Block) -> list[str]:
    match b:
        case Heading():  # a title's second line joins the first
            return [("#" * (b.level + 1)) + " " + md_escape(b.text.replace("\n", " ")), ""]
        case Para():
            text = _md_line_start("".join(_run_md(r) for r in b.runs))
            return [f"> **{text}**" if b.kind == "note" else text, ""]
        case Tabel():
            return _md_table(b)
        case Gambar():
            head = [f"**{md_escape(b.nomor)}** {md_escape(b.judul)}".strip(), ""]
            return head + [md_escape(line) for line in b.teks] + [""]
        case Grafik():  # the table it draws carries its figures
            return []
        case Tanda():
            return [
                "".join(_run_md(r) for r in b.tempat_tanggal) + "  ",
                md_escape(b.jabatan) + "  ",
                "",
                "",
                f"**{md_escape(b.nama)}**  ",
                *([md_escape(b.pangkat) + "  "] if b.pangkat else []),
                *([f"NIP. {md_escape(b.nip)}"] if b.nip else []),
                "",
            ]
        case HalamanBaru():
            return ["---", ""]
        case _:
            assert_never(b)


def _md_table(b: Tabel) -> list[str]:
    lines = []
    if b.nomor:
        lines += [f"**{md_escape(b.nomor)}** {md_escape(b.judul)}".strip(), ""]
    elif b.judul:
        lines += [f"**{md_escape(b.judul)}**", ""]
    lines.append("| " + " | ".join(md_escape(h) for h in b.flat_header()) + " |")
    lines.append("|" + "|".join("---:" if a == "r" else "---" for a in b.align) + "|")
    for i, row in enumerate(b.rows):
        cells = [_run_md(c) for c in row]
        if i in b.bold_rows:
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for note in b.catatan:
        lines += [_md_line_start(md_escape(note)), ""]
    return lines


# --- HTML ---------------------------------------------------------------------------------------

CSS = """
body{font-family:"DejaVu Serif","Times New Roman",serif;font-size:11pt;color:#111;margin:16px auto;max-width:1000px}
h1{font-size:15pt;text-align:center}h2{font-size:13pt;margin-top:26px}h3{font-size:12pt}h4{font-size:11pt}
p.note{border:2px solid #c62828;color:#c62828;font-weight:bold;padding:6px 10px}
p.small{font-size:9pt;margin:2px 0}p.lead{font-weight:bold;margin-bottom:2px;break-after:avoid}
.ph{background:#fff59d;font-weight:bold}
table{border-collapse:collapse;width:100%;margin:4px 0 8px;font-size:9.5pt}
th,td{border:1px solid #777;padding:3px 5px;vertical-align:top}th{background:#e8eef7}
td.r{text-align:right;white-space:nowrap}tr.b td{font-weight:bold;background:#f3f3f3}
.cap{font-weight:bold;margin:10px 0 2px}.ttd{margin:40px 0 0 55%;break-inside:avoid}
.page{break-before:page}
@page{size:A4;margin:20mm}
@media print{body{max-width:none;margin:0}thead{display:table-header-group}
tr{break-inside:avoid}h2,h3,.cap{break-after:avoid}}
"""


def _run_html(run: Run) -> str:
    match run:
        case str():
            return escape(run).replace("\n", "<br>")
        case Angka():
            return escape(run.teks)
        case (text, kind):
            match kind:
                case "placeholder":
                    return f'<span class="ph">{escape(text)}</span>'
                case "bold":
                    return f"<b>{escape(text)}</b>"
                case "kategori":
                    colour = kategori_colour(text)
                    style = f"color:{colour};" if colour else ""
                    return f'<span style="{style}font-weight:bold">{escape(text)}</span>'
                case "alert":
                    return f'<span style="color:{ALERT_COLOUR}">{escape(text)}</span>'
                case _:
                    assert_never(kind)
        case _:
            assert_never(run)


def _html_head(b: Tabel) -> str:
    if not b.kepala_atas:
        rows = ["<tr>" + "".join(f"<th>{escape(h)}</th>" for h in b.header) + "</tr>"]
    else:
        top, below, j = [], [], 0
        for text, span in b.kepala_atas:
            if span == 1:
                top.append(f'<th rowspan="2">{escape(b.header[j])}</th>')
            else:
                top.append(f'<th colspan="{span}">{escape(text)}</th>')
                below += [f"<th>{escape(h)}</th>" for h in b.header[j : j + span]]
            j += span
        rows = [f"<tr>{''.join(top)}</tr>", f"<tr>{''.join(below)}</tr>"]
    if b.nomor_kolom:
        rows.append(
            "<tr>" + "".join(f"<th>({j})</th>" for j in range(1, len(b.header) + 1)) + "</tr>"
        )
    return "".join(rows)


def html(doc: Dokumen) -> str:
    css = CSS.replace("size:A4", "size:A4 landscape") if doc.landscape else CSS
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.judul)}</title><style>{css}</style></head><body>",
    ]
    page = False
    for b in doc.blocks:
        if isinstance(b, HalamanBaru):
            page = True
            continue
        parts += _html_block(b, page or (isinstance(b, Grafik) and b.halaman_baru))
        page = False
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_block(b: Block, page: bool) -> list[str]:
    cls = ' class="page"' if page else ""
    match b:
        case Heading():
            tag = f"h{b.level + 1}"
            return [f"<{tag}{cls}>{escape(b.text).replace(chr(10), '<br>')}</{tag}>"]
        case Para():
            kinds = " ".join(
                k for k in (b.kind if b.kind != "normal" else "", "page" if page else "") if k
            )
            attr = f' class="{kinds}"' if kinds else ""
            return [f"<p{attr}>{''.join(_run_html(r) for r in b.runs)}</p>"]
        case Tabel():
            return _html_table(b, page)
        case Gambar():
            caption = f"{escape(b.nomor)} {escape(b.judul)}".strip()
            return [
                f'<figure{cls} style="margin:8px 0">',
                f'<figcaption class="cap">{caption}</figcaption>{b.svg}</figure>',
            ]
        case Grafik():
            from ikutool.render.charts import chart_svg

            caption = f"{escape(b.nomor)} {escape(b.judul)}".strip()
            source = f'<p class="small">{escape(b.sumber)}</p>' if b.sumber else ""
            return [
                f'<figure class="grafik{" page" if page else ""}" style="margin:8px 0">',
                f'<figcaption class="cap">{caption}</figcaption>{chart_svg(b)}{source}</figure>',
            ]
        case Tanda():
            lines = ["".join(_run_html(r) for r in b.tempat_tanggal), escape(b.jabatan), "", "", ""]
            lines.append(f"<b><u>{escape(b.nama)}</u></b>")
            if b.pangkat:
                lines.append(escape(b.pangkat))
            if b.nip:
                lines.append(f"NIP. {escape(b.nip)}")
            return [f'<p class="ttd{" page" if page else ""}">{"<br>".join(lines)}</p>']
        case HalamanBaru():
            return []
        case _:
            assert_never(b)


def _html_table(b: Tabel, page: bool) -> list[str]:
    head = _html_head(b)
    body = []
    for i, row in enumerate(b.rows):
        cells = "".join(
            f"<td{' class=r' if b.align[j] == 'r' else ''}>{_run_html(c)}</td>"
            for j, c in enumerate(row)
        )
        body.append(f"<tr{' class=b' if i in b.bold_rows else ''}>{cells}</tr>")
    parts = []
    caption = f"{escape(b.nomor)} {escape(b.judul)}".strip()
    if caption:
        parts.append(f'<p class="cap{" page" if page else ""}">{caption}</p>')
    parts.append(f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")
    parts += [f'<p class="small">{escape(n)}</p>' for n in b.catatan]
    return parts


# --- terminal -----------------------------------------------------------------------------------


def view(doc: Dokumen, width: int | None = None) -> Any:
    """The document for the terminal (rich): tables as tables, placeholders highlighted; a table
    too wide for ``width`` columns as a list (one block per row, "header: value"), never cut."""
    from rich.console import Group

    parts: list[Any] = []
    for b in doc.blocks:
        parts += _view_block(b, width)
    return Group(*parts)


def _inert(value: str = "", style: str = "") -> Any:
    """rich's Text of ``value`` with every control character shown, never obeyed (a folder
    name or a catatan from another agency's files reaches the terminal as text)."""
    from rich.text import Text

    from ikutool.errors import visible

    return Text(visible(value), style=style)


def _rich_text(runs: list[Run], style: str = "") -> Any:
    from ikutool.errors import visible

    out = _inert(style=style)
    for r in runs:
        match r:
            case str():
                out.append(visible(r))
            case Angka():
                out.append(visible(r.teks))
            case (text, kind):
                out.append(visible(text), style=_view_style(text, kind))
            case _:
                assert_never(r)
    return out


def _view_style(text: str, kind: RunKind) -> str:
    match kind:
        case "placeholder":
            return "black on yellow"
        case "bold":
            return "bold"
        case "kategori":
            colour = kategori_colour(text)
            return f"bold {colour}" if colour else "bold"
        case "alert":
            return "bold red"
        case _:
            assert_never(kind)


def _view_block(b: Block, width: int | None) -> list[Any]:
    Text = _inert  # noqa: N806 - rich's Text, made inert

    match b:
        case Heading():
            return [Text("\n" + b.text, style="bold underline" if b.level < 2 else "bold")]
        case Para():
            style = {"note": "bold yellow", "small": "dim", "lead": "bold"}.get(b.kind, "")
            return [_rich_text(b.runs, style)]
        case Tabel():
            return _view_table(b, width)
        case Gambar():
            return [Text(f"{b.nomor} {b.judul}".strip(), style="bold"), *(Text(x) for x in b.teks)]
        case Grafik():  # the table it draws is on the screen
            return []
        case Tanda():
            return [
                Text("\n"),
                _rich_text(b.tempat_tanggal),
                Text(b.jabatan),
                Text(""),
                Text(b.nama, style="bold underline"),
                *([Text(b.pangkat)] if b.pangkat else []),
                *([Text(f"NIP. {b.nip}")] if b.nip else []),
            ]
        case HalamanBaru():
            return [Text("")]
        case _:
            assert_never(b)


def _view_table(b: Tabel, width: int | None) -> list[Any]:
    from rich.table import Table

    from ikutool.errors import visible
    from ikutool.render.documents.tables import fits

    Text = _inert  # noqa: N806 - rich's Text, made inert
    t = Table(title=Text(f"{b.nomor} {b.judul}".strip()), header_style="bold", show_lines=False)
    for h, a in zip(b.flat_header(), b.align, strict=False):
        t.add_column(Text(h), justify="right" if a == "r" else "left")
    for i, row in enumerate(b.rows):
        t.add_row(*[_rich_text([c], "bold" if i in b.bold_rows else "") for c in row])
    parts: list[Any] = []
    if fits(t, width):
        parts.append(t)
    else:
        parts.append(Text(f"{b.nomor} {b.judul}".strip(), style="bold"))
        heads = b.flat_header()
        for i, row in enumerate(b.rows):
            style = "bold" if i in b.bold_rows else ""
            lines = [_rich_text([c], style) for c in row[:2] if text_of(c).strip()]
            first = Text(" ", style=style).join(lines) if lines else Text("-")
            parts.append(first)
            for h, c in zip(heads[2:], row[2:], strict=False):
                if text_of(c).strip():
                    parts.append(
                        Text("    ").append(visible(f"{h}: ")).append(_rich_text([c], style))
                    )
    parts += [Text(n, style="dim") for n in b.catatan]
    return parts
