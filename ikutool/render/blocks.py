"""Documents as blocks: one model (headings, paragraphs, numbered tables, the signature, page
breaks, charts) that every document is built on (the LKjIP, the report, the rekap, ...), and
one renderer per format in :mod:`ikutool.render.formats` (markdown, html, terminal, docx, xlsx),
each a ``match`` over the block and run kinds that the type checker proves complete. A fix to
how a table breaks across pages or how a placeholder looks lands in every document at once.

What an officer hands in carries the agency's words only: no tool name, error code, file path or
internal key. Where a figure came from (the files, the tool) is the document's provenance: a
document property in Word, and on the terminal, never in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
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
# table; "lead": a run-in heading that stays with what follows; "sub": a line under the title
# (the government, the period); "item": one item of a bulleted list
ParaKind = Literal["normal", "note", "small", "lead", "sub", "item"]


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
    lebar: list[float] = field(default_factory=list)  # the columns' widths; []: from their text
    arsir_tebal: bool = False  # the bold rows (means) shaded, as the page shades them
    judul_tengah: bool = False  # the title and notice lines above the table centred


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
    # rows that head a group (a sasaran's name): their first cell spans the table where a format
    # can span (HTML, Excel), the other cells of the row are empty
    judul_baris: set[int] = field(default_factory=set)

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
    sumbu_maks: float | None = None  # the axis ends here: a longer bar is cut, its figure whole

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
    # "cetak": a document printed first (serif, the margins of an official document); "layar":
    # a page read on screen first (the report, the rekap: sans, a rule under each heading)
    gaya: Literal["cetak", "layar"] = "cetak"


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


# --- the renderers (one module per format; imported when used) ---------------------------------


def md_escape(text: str) -> str:
    from ikutool.render.formats.markdown import md_escape as escape_md

    return escape_md(text)


def markdown(doc: Dokumen) -> str:
    from ikutool.render.formats.markdown import markdown as render

    return render(doc)


def html(doc: Dokumen) -> str:
    from ikutool.render.formats.html import html as render

    return render(doc)


def view(doc: Dokumen, width: int | None = None) -> Any:
    from ikutool.render.formats.terminal import view as render

    return render(doc, width)
