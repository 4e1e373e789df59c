"""The LKjIP chapter as a sequence of blocks (headings, paragraphs, numbered tables, the
signature), built once from :class:`ikutool.lkjip.Lkjip`; Markdown, HTML, the terminal and Word
(render/docx.py) each only lay the same blocks out, so every format shows the same figures.

Generated sentences and the officer's own words are kept apart: the first are marked
"(otomatis)", the second are the officer's text verbatim, and where it is missing a visible
placeholder ("[diisi: faktor pendorong]") stands in its place, never invented prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from ikutool.lkjip import ANALISIS, Lkjip, SasaranLkjip
from ikutool.numfmt import format_angka, format_persen
from ikutool.render.text import (
    PENGUKURAN_HEADER,
    capaian_cell,
    component_label,
    kalimat,
    mean_label,
    quantity,
    realisasi_text,
    target_text,
)

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
]  # fmt: skip


@dataclass
class Heading:
    level: int  # 0 title, 1 bab, 2 section, 3 sasaran
    text: str


@dataclass
class Para:
    """Text made of runs: plain strings, or (text, kind) with kind "placeholder", "bold",
    "note" (a sample-data notice) or "auto" (a generated sentence)."""

    runs: list[str | tuple[str, str]]
    kind: str = "normal"  # normal | note | auto | officer | caption


@dataclass
class Tabel:
    nomor: str  # "Tabel 3.1"
    judul: str
    header: list[str]
    rows: list[list[str | tuple[str, str]]]
    align: list[str]  # "l" | "r" per column
    bold_rows: set[int] = field(default_factory=set)


@dataclass
class Tanda:
    """The signature block of the head of the agency."""

    tempat_tanggal: list[str | tuple[str, str]]
    jabatan: str
    nama: str
    pangkat: str | None
    nip: str | None


Block = Heading | Para | Tabel | Tanda


def placeholder(what: str) -> tuple[str, str]:
    return (f"[diisi: {what}]", "placeholder")


def _rp(value: float | None) -> str:
    return (
        "-"
        if value is None
        else format_angka(value, 0)
        if float(value).is_integer()
        else format_angka(value, 2)
    )


class _Numbering:
    def __init__(self, bab: int) -> None:
        self.bab, self.n = bab, 0

    def next(self) -> str:
        self.n += 1
        return f"Tabel {self.bab}.{self.n}"


def lkjip_blocks(lk: Lkjip) -> list[Block]:
    out: list[Block] = [
        Heading(0, f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {lk.tahun}"),
        Para([(lk.instansi.upper(), "bold")]),
    ]
    if lk.pemerintah:
        out.append(Para([lk.pemerintah.upper()]))
    out += [Para([n], kind="note") for n in lk.catatan]
    out += _bab2(lk)
    out += _bab3(lk)
    out += _lampiran(lk)
    out.append(_signature(lk))
    out += [Para([n], kind="note") for n in lk.catatan]
    source = [f"IKU {lk.berkas_iku}", f"realisasi {lk.berkas_realisasi}"]
    source.append(f"PK {lk.berkas_pk}" if lk.berkas_pk else "tanpa berkas PK (target Renstra)")
    source.append(
        f"anggaran {lk.berkas_anggaran}" if lk.berkas_anggaran else "tanpa berkas anggaran"
    )
    out.append(Para([f"Dihitung dengan ikutool dari {'; '.join(source)}."], kind="caption"))
    return out


def _pk_rows(lk: Lkjip) -> tuple[list[list[Any]], bool]:
    rows: list[list[Any]] = []
    any_pk = False
    for no, sas in enumerate(lk.sasaran, 1):
        for k, ind in enumerate(sas.indikator):
            h = ind.hasil
            if h.target_teks is None:
                continue
            any_pk = any_pk or ind.target_sumber == "pk"
            rows.append(
                [
                    str(no) if k == 0 else "",
                    f"{sas.kode} {sas.uraian}" if k == 0 else "",
                    f"{ind.kode} {ind.uraian}",
                    target_text(h, "; ").replace(" (PK)", ""),
                    "PK" if ind.target_sumber == "pk" else "Renstra",
                    h.target_renstra_teks or "",
                ]
            )
    return rows, any_pk


def _bab2(lk: Lkjip) -> list[Block]:
    out: list[Block] = [
        Heading(1, "BAB II PERENCANAAN KINERJA"),
        Heading(2, f"Perjanjian Kinerja Tahun {lk.tahun}"),
    ]
    if lk.berkas_pk:
        signed = ""
        if lk.pk_ditandatangani:
            y, m, d = (int(x) for x in lk.pk_ditandatangani.split("-"))
            signed = f" yang ditandatangani pada {d} {BULAN[m - 1]} {y}"
        out.append(
            Para(
                [
                    f"Perjanjian Kinerja tahun {lk.tahun}{signed} memuat target berikut. Target yang "
                    "berbeda dari Renstra ditandai PK, dengan target Renstra-nya; capaian tahun ini "
                    "diukur terhadap target PK tersebut."
                ]
            )
        )
    else:
        out.append(
            Para(
                [
                    f"Tidak ada berkas Perjanjian Kinerja tahun {lk.tahun}; target yang dipakai "
                    "adalah target Renstra tahun itu. ",
                    placeholder(f"berkas pk/{lk.tahun}.yaml bila PK berbeda dari Renstra"),
                ]
            )
        )
    rows, any_pk = _pk_rows(lk)
    out.append(
        Tabel(
            "Tabel 2.1",
            f"Perjanjian Kinerja Tahun {lk.tahun}",
            [
                "No",
                "Sasaran",
                "Indikator Kinerja",
                f"Target {lk.tahun}",
                "Sumber target",
                "Target Renstra",
            ]
            if any_pk
            else ["No", "Sasaran", "Indikator Kinerja", f"Target {lk.tahun}", "Sumber target"],
            [r if any_pk else r[:5] for r in rows],
            ["r", "l", "l", "r", "l", "r"] if any_pk else ["r", "l", "l", "r", "l"],
        )
    )
    return out


def _bab3(lk: Lkjip) -> list[Block]:
    num = _Numbering(3)
    out: list[Block] = [
        Heading(1, "BAB III AKUNTABILITAS KINERJA"),
        Heading(2, "A. Capaian Kinerja Organisasi"),
        Para(
            [
                f"{mean_label(lk.pengukuran)} tahun {lk.tahun}: {format_persen(lk.capaian)}"
                + (f" (kategori {lk.kategori})" if lk.kategori else "")
                + f". Skala kategori: {lk.skala}. Setiap sasaran diuraikan dengan tujuh analisis "
                "(PermenPAN-RB 53/2014)."
            ]
        ),
    ]
    for i, sas in enumerate(lk.sasaran, 1):
        out += _sasaran(lk, i, sas, num)
    out.append(Heading(2, "B. Realisasi Anggaran"))
    if lk.program:
        total_p = sum(p.pagu for p in lk.program)
        total_r = sum(p.realisasi for p in lk.program)
        rows: list[list[Any]] = [
            [
                str(n),
                p.kode or "-",
                p.nama,
                ", ".join(p.sasaran),
                _rp(p.pagu),
                _rp(p.realisasi),
                capaian_cell(p.serapan, "ada"),
            ]
            for n, p in enumerate(lk.program, 1)
        ]
        rows.append(
            [
                "",
                "",
                "Jumlah",
                "",
                _rp(total_p),
                _rp(total_r),
                capaian_cell(total_r / total_p * 100 if total_p else None, "ada"),
            ]
        )
        out.append(
            Tabel(
                num.next(),
                f"Realisasi anggaran per program tahun {lk.tahun}",
                ["No", "Kode", "Program", "Sasaran", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
                rows,
                ["r", "l", "l", "l", "r", "r", "r"],
                {len(rows) - 1},
            )
        )
    else:
        out.append(
            Para(
                [
                    "Belum ada data anggaran. ",
                    placeholder(f"berkas anggaran/{lk.tahun}.yaml: pagu dan realisasi per program"),
                ]
            )
        )
    return out


def _officer(text: str | None, what: str) -> str | tuple[str, str]:
    return text if text else placeholder(what)


def _sasaran(lk: Lkjip, i: int, sas: SasaranLkjip, num: _Numbering) -> list[Block]:
    out: list[Block] = [
        Heading(3, f"Sasaran {i}: {sas.uraian} ({sas.kode})"),
        Para(
            [
                f"Capaian sasaran {sas.kode} tahun {lk.tahun}: {format_persen(sas.capaian)}"
                + (f" (kategori {sas.kategori})." if sas.kategori else ".")
            ]
        ),
    ]
    inds = sas.indikator
    # (1) against this year's target
    rows: list[list[Any]] = []
    for ind in inds:
        h = ind.hasil
        rows.append(
            [
                f"{ind.kode} {ind.uraian}",
                target_text(h, "; "),
                "PK" if ind.target_sumber == "pk" else ("Renstra" if ind.target_sumber else "-"),
                realisasi_text(h, "; "),
                capaian_cell(h.capaian, h.status),
                h.kategori or "-",
            ]
        )
    out.append(Para([(f"1) {ANALISIS[1]}", "bold")]))
    out.append(
        Tabel(
            num.next(),
            f"Capaian indikator sasaran {sas.kode} terhadap target {lk.tahun}",
            ["Indikator", "Target", "Sumber target", "Realisasi", "Capaian (%)", "Kategori"],
            rows,
            ["l", "r", "l", "r", "r", "l"],
        )
    )
    out += [
        Para([f"{ind.kode}: {kalimat(ind.riwayat[-1])} (otomatis)"], kind="auto") for ind in inds
    ]
    # (2) against previous years
    out.append(Para([(f"2) {ANALISIS[2]}", "bold")]))
    years = [r.tahun for r in inds[0].riwayat] if inds else []
    if len(years) > 1:
        rows = []
        for ind in inds:
            row: list[Any] = [f"{ind.kode} {ind.uraian}"]
            for r in ind.riwayat:
                row += [
                    realisasi_text(r.hasil, "; "),
                    capaian_cell(r.hasil.capaian, r.hasil.status),
                ]
            rows.append(row)
        header = ["Indikator"]
        for y in years:
            header += [f"Realisasi {y}", f"Capaian {y} (%)"]
        out.append(
            Tabel(
                num.next(),
                f"Realisasi dan capaian sasaran {sas.kode}, {years[0]}-{years[-1]}",
                header,
                rows,
                ["l"] + ["r"] * (2 * len(years)),
            )
        )
    else:
        out.append(
            Para(
                [
                    "Belum ada realisasi tahun sebelumnya. ",
                    placeholder(f"berkas realisasi/{lk.tahun - 1}.yaml"),
                ]
            )
        )
    # (3) against the end-of-Renstra target, with the projection
    out.append(Para([(f"3) {ANALISIS[3]} ({lk.periode_akhir})", "bold")]))
    rows = []
    for ind in inds:
        last = ind.riwayat[-1] if ind.riwayat else None
        proj = ind.proyeksi
        speeds = []
        labels = {c.kunci: component_label(c) for c in ind.hasil.komponen}
        for pc in proj.komponen if proj else []:
            if pc.laju_teramati is not None and pc.laju_diperlukan is not None:
                several = proj is not None and len(proj.komponen) > 1
                name = f"{labels.get(pc.kunci, pc.kunci)}: " if several else ""
                speeds.append(
                    f"{name}{format_angka(pc.laju_teramati, 2)} / "
                    f"{format_angka(pc.laju_diperlukan, 2)}"
                )
        rows.append(
            [
                f"{ind.kode} {ind.uraian}",
                "; ".join(
                    quantity(c.target_akhir, c.satuan, c.target_akhir_maks)
                    for c in last.terhadap_target_akhir
                )
                if last and last.terhadap_target_akhir
                else "-",
                realisasi_text(ind.hasil, "; "),
                capaian_cell(last.capaian_target_akhir, "ada")
                if last and last.capaian_target_akhir is not None
                else "-",
                proj.status if proj else "-",
                "; ".join(speeds) or "-",
            ]
        )
    out.append(
        Tabel(
            num.next(),
            f"Capaian sasaran {sas.kode} terhadap target akhir Renstra {lk.periode_akhir}",
            [
                "Indikator",
                f"Target {lk.periode_akhir}",
                f"Realisasi {lk.tahun}",
                "Capaian thd target akhir (%)",
                "Proyeksi",
                "Laju per tahun: teramati / diperlukan",
            ],
            rows,
            ["l", "r", "r", "r", "l", "r"],
        )
    )
    # (4) against a national / provincial / SPM standard
    out.append(Para([(f"4) {ANALISIS[4]}", "bold")]))
    rows = []
    for ind in inds:
        p = ind.pembanding
        if p is None:
            rows.append(
                [
                    f"{ind.kode} {ind.uraian}",
                    realisasi_text(ind.hasil, "; "),
                    placeholder("pembanding"),
                    "",
                    "",
                    "",
                ]
            )
            continue
        values = (
            p.nilai
            if isinstance(p.nilai, dict)
            else {c.kunci: p.nilai for c in ind.hasil.komponen[:1]}
        )
        shown_values = []
        gaps = []
        for c in ind.hasil.komponen:
            v = values.get(c.kunci)
            if v is None:
                continue
            shown_values.append(quantity(v, c.satuan))
            if c.realisasi is not None:
                gaps.append(quantity(c.realisasi - v, "poin" if c.persen else c.satuan))
        rows.append(
            [
                f"{ind.kode} {ind.uraian}",
                realisasi_text(ind.hasil, "; "),
                "; ".join(shown_values) or "-",
                p.tingkat.upper() if p.tingkat == "spm" else p.tingkat,
                p.sumber or "-",
                "; ".join(gaps) or "-",
            ]
        )
    out.append(
        Tabel(
            num.next(),
            f"Realisasi sasaran {sas.kode} dibandingkan dengan standar",
            ["Indikator", f"Realisasi {lk.tahun}", "Pembanding", "Tingkat", "Sumber", "Selisih"],
            rows,
            ["l", "r", "r", "l", "l", "r"],
        )
    )
    # (5) causes and solutions: the officer's words
    out.append(Para([(f"5) {ANALISIS[5]}", "bold")]))
    rows = []
    for ind in inds:
        a = ind.analisis
        rows.append(
            [
                f"{ind.kode} {ind.uraian}",
                _officer(a.pendorong if a else None, "faktor pendorong"),
                _officer(a.penghambat if a else None, "faktor penghambat"),
                _officer(a.solusi if a else None, "solusi"),
            ]
        )
    out.append(
        Tabel(
            num.next(),
            f"Faktor pendorong, penghambat dan solusi sasaran {sas.kode} (uraian petugas)",
            ["Indikator", "Faktor pendorong", "Faktor penghambat", "Solusi"],
            rows,
            ["l", "l", "l", "l"],
        )
    )
    # (6) efficiency of the budget
    out.append(Para([(f"6) {ANALISIS[6]}", "bold")]))
    if sas.anggaran is not None and sas.program:
        rows = [
            [p.nama, _rp(p.pagu), _rp(p.realisasi), capaian_cell(p.serapan, "ada")]
            for p in sas.program
        ]
        money = sas.anggaran
        rows.append(
            ["Jumlah", _rp(money.pagu), _rp(money.realisasi), capaian_cell(money.serapan, "ada")]
        )
        out.append(
            Tabel(
                num.next(),
                f"Anggaran dan efisiensi sasaran {sas.kode}",
                ["Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
                rows,
                ["l", "r", "r", "r"],
                {len(rows) - 1},
            )
        )
        e = sas.efisiensi
        if e is not None:
            figure = (
                f"{format_angka(e.nilai, 2)} {'poin' if e.satuan == 'poin' else '%'}"
                if e.nilai is not None
                else "tidak dihitung"
            )
            out.append(
                Para(
                    [
                        f"Efisiensi (metode {e.metode}): {figure}"
                        + (f", {e.kategori}" if e.kategori else "")
                        + (f" ({e.keterangan})" if e.keterangan else "")
                        + (f". Perhitungan: {e.rumus}." if e.rumus != "-" else ".")
                        + " (otomatis)"
                    ],
                    kind="auto",
                )
            )
    else:
        out.append(
            Para(
                [
                    "Belum ada anggaran yang dikaitkan dengan sasaran ini. ",
                    placeholder(
                        f"program dengan 'sasaran: [{sas.kode}]' di anggaran/{lk.tahun}.yaml"
                    ),
                ]
            )
        )
    # (7) supporting programs and activities: the officer's words
    out.append(Para([(f"7) {ANALISIS[7]}", "bold")]))
    rows = [
        [
            f"{ind.kode} {ind.uraian}",
            _officer(
                ind.analisis.program if ind.analisis else None, "program dan kegiatan pendukung"
            ),
        ]
        for ind in inds
    ]
    out.append(
        Tabel(
            num.next(),
            f"Program dan kegiatan pendukung sasaran {sas.kode} (uraian petugas)",
            ["Indikator", "Program dan kegiatan"],
            rows,
            ["l", "l"],
        )
    )
    return out


def _lampiran(lk: Lkjip) -> list[Block]:
    num = _Numbering(4)
    num.n = 0
    out: list[Block] = [Heading(1, "LAMPIRAN")]
    rows, any_pk = _pk_rows(lk)
    out.append(
        Tabel(
            "Lampiran 1",
            f"Perjanjian Kinerja Tahun {lk.tahun}",
            [
                "No",
                "Sasaran",
                "Indikator Kinerja",
                f"Target {lk.tahun}",
                "Sumber target",
                "Target Renstra",
            ][: 6 if any_pk else 5],
            [r[: 6 if any_pk else 5] for r in rows],
            ["r", "l", "l", "r", "l", "r"][: 6 if any_pk else 5],
        )
    )
    result = lk.pengukuran
    rows = []
    bold: set[int] = set()
    for no, sas in enumerate(result.sasaran, 1):
        first = True
        for ind in sas.indikator:
            multi = len(ind.komponen) > 1
            if multi:
                rows.append(
                    [
                        str(no) if first else "",
                        sas.kode if first else "",
                        f"{ind.kode} {ind.uraian}",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ]
                )
                first = False
            comps: list[Any] = [*ind.komponen] or [None]
            for comp in comps:
                label = (
                    f"- {component_label(comp)}" if multi and comp else f"{ind.kode} {ind.uraian}"
                )
                rows.append(
                    [
                        str(no) if first else "",
                        sas.kode if first else "",
                        label,
                        (comp.satuan if comp else "") or "-",
                        (
                            quantity(comp.target, "", comp.target_maks)
                            + (" (PK)" if ind.target_sumber == "pk" else "")
                        )
                        if comp
                        else (ind.target_teks or "-"),
                        quantity(comp.realisasi, "") if comp else "-",
                        capaian_cell(comp.capaian, comp.status)
                        if comp
                        else capaian_cell(None, ind.status),
                        "" if multi else (ind.kategori or "-"),
                    ]
                )
                first = False
            if multi:
                rows.append(
                    [
                        "",
                        "",
                        f"Capaian {ind.kode}",
                        "",
                        "",
                        "",
                        capaian_cell(ind.capaian, ind.status),
                        ind.kategori or "-",
                    ]
                )
                bold.add(len(rows) - 1)
        rows.append(
            [
                "",
                "",
                f"Capaian sasaran {sas.kode}",
                "",
                "",
                "",
                capaian_cell(sas.capaian, "ada"),
                sas.kategori or "-",
            ]
        )
        bold.add(len(rows) - 1)
    rows.append(
        [
            "",
            "",
            mean_label(result),
            "",
            "",
            "",
            capaian_cell(result.capaian, "ada"),
            result.kategori or "-",
        ]
    )
    bold.add(len(rows) - 1)
    out.append(
        Tabel(
            "Lampiran 2",
            f"Pengukuran Kinerja Tahun {lk.tahun}",
            list(PENGUKURAN_HEADER),
            rows,
            ["r", "l", "l", "l", "r", "r", "r", "l"],
            bold,
        )
    )
    return out


def _signature(lk: Lkjip) -> Tanda:
    k = lk.kepala
    return Tanda(
        tempat_tanggal=[
            f"{lk.kota or placeholder('kota')[0]}, ",
            placeholder("tanggal"),
            f" {lk.tahun + 1}",
        ],
        jabatan=(k.jabatan if k and k.jabatan else f"Kepala {lk.instansi}"),
        nama=k.nama if k else placeholder("nama kepala")[0],
        pangkat=k.pangkat if k else None,
        nip=k.nip if k else None,
    )


# --- Markdown, HTML, terminal ---------------------------------------------------------------


def _run_md(run: str | tuple[str, str]) -> str:
    if isinstance(run, str):
        return run.replace("|", "\\|")
    text, kind = run
    if kind == "bold":
        return f"**{text}**"
    if kind == "placeholder":
        return f"**{text}**"
    return text


def lkjip_markdown(lk: Lkjip) -> str:
    lines: list[str] = []
    for b in lkjip_blocks(lk):
        if isinstance(b, Heading):
            lines += [("#" * (b.level + 1)) + " " + b.text, ""]
        elif isinstance(b, Para):
            text = "".join(_run_md(r) for r in b.runs)
            if b.kind == "note":
                text = f"> **{text}**"
            elif b.kind in ("auto", "caption"):
                text = f"*{text}*"
            lines += [text, ""]
        elif isinstance(b, Tabel):
            lines += [f"**{b.nomor}** {b.judul}", ""]
            lines.append("| " + " | ".join(b.header) + " |")
            lines.append(
                "|"
                + "|".join("---:" if a == "r" else "---" for a in b.align[: len(b.header)])
                + "|"
            )
            for i, row in enumerate(b.rows):
                cells = [_run_md(c).replace("\n", "<br>") for c in row]
                if i in b.bold_rows:
                    cells = [f"**{c}**" if c else c for c in cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        else:
            lines += [
                "".join(_run_md(r) for r in b.tempat_tanggal) + "  ",
                b.jabatan + "  ",
                "",
                "",
                f"**{b.nama}**  ",
                *([b.pangkat + "  "] if b.pangkat else []),
                *([f"NIP. {b.nip}"] if b.nip else []),
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


CSS = """
body{font-family:"DejaVu Serif","Times New Roman",serif;font-size:11pt;color:#111;margin:16px auto;max-width:1000px}
h1{font-size:15pt;text-align:center}h2{font-size:13pt;margin-top:26px}h3{font-size:12pt}h4{font-size:11pt}
p.note{border:2px solid #c62828;color:#c62828;font-weight:bold;padding:6px 10px}
p.auto{color:#333;font-style:italic}p.caption{font-size:8.5pt;color:#666}
.ph{background:#fff59d;font-weight:bold}
table{border-collapse:collapse;width:100%;margin:4px 0 14px;font-size:9.5pt}
th,td{border:1px solid #777;padding:3px 5px;vertical-align:top}th{background:#e8eef7}
td.r{text-align:right;white-space:nowrap}tr.b td{font-weight:bold;background:#f3f3f3}
.cap{font-weight:bold;margin:10px 0 2px}.ttd{margin:40px 0 0 55%}
@page{size:A4;margin:20mm}
@media print{body{max-width:none;margin:0}thead{display:table-header-group}
tr{break-inside:avoid}h2,h3,.cap{break-after:avoid}}
"""


def _run_html(run: str | tuple[str, str]) -> str:
    if isinstance(run, str):
        return escape(run).replace("\n", "<br>")
    text, kind = run
    if kind == "placeholder":
        return f'<span class="ph">{escape(text)}</span>'
    if kind == "bold":
        return f"<b>{escape(text)}</b>"
    return escape(text)


def lkjip_html(lk: Lkjip) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>LKjIP {lk.tahun} {escape(lk.instansi)}</title><style>{CSS}</style></head><body>",
    ]
    for b in lkjip_blocks(lk):
        if isinstance(b, Heading):
            tag = f"h{b.level + 1}"
            parts.append(f"<{tag}>{escape(b.text)}</{tag}>")
        elif isinstance(b, Para):
            cls = f' class="{b.kind}"' if b.kind != "normal" else ""
            parts.append(f"<p{cls}>{''.join(_run_html(r) for r in b.runs)}</p>")
        elif isinstance(b, Tabel):
            head = "".join(f"<th>{escape(h)}</th>" for h in b.header)
            body = []
            for i, row in enumerate(b.rows):
                cells = "".join(
                    f"<td{' class=r' if b.align[j] == 'r' else ''}>{_run_html(c)}</td>"
                    for j, c in enumerate(row)
                )
                body.append(f"<tr{' class=b' if i in b.bold_rows else ''}>{cells}</tr>")
            parts.append(
                f'<p class="cap">{escape(b.nomor)} {escape(b.judul)}</p>'
                f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            )
        else:
            lines = ["".join(_run_html(r) for r in b.tempat_tanggal), escape(b.jabatan), "", "", ""]
            lines.append(f"<b><u>{escape(b.nama)}</u></b>")
            if b.pangkat:
                lines.append(escape(b.pangkat))
            if b.nip:
                lines.append(f"NIP. {escape(b.nip)}")
            parts.append(f'<p class="ttd">{"<br>".join(lines)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def lkjip_view(lk: Lkjip, width: int | None = None) -> Any:
    """The chapter for the terminal (rich): tables as tables, placeholders highlighted."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    def text(runs: list[str | tuple[str, str]], style: str = "") -> Text:
        out = Text(style=style)
        for r in runs:
            if isinstance(r, str):
                out.append(r)
            elif r[1] == "placeholder":
                out.append(r[0], style="black on yellow")
            else:
                out.append(r[0], style="bold")
        return out

    parts: list[Any] = []
    for b in lkjip_blocks(lk):
        if isinstance(b, Heading):
            parts.append(Text("\n" + b.text, style="bold underline" if b.level < 2 else "bold"))
        elif isinstance(b, Para):
            style = {"note": "bold yellow", "auto": "italic", "caption": "dim"}.get(b.kind, "")
            parts.append(text(b.runs, style))
        elif isinstance(b, Tabel):
            t = Table(title=f"{b.nomor} {b.judul}", header_style="bold", show_lines=False)
            for h, a in zip(b.header, b.align, strict=False):
                t.add_column(h, justify="right" if a == "r" else "left")
            for i, row in enumerate(b.rows):
                cells = [text([c], "bold" if i in b.bold_rows else "") for c in row]
                t.add_row(*cells)
            parts.append(t)
        else:
            lines = [
                text(b.tempat_tanggal),
                Text(b.jabatan),
                Text(""),
                Text(b.nama, style="bold underline"),
            ]
            lines += [Text(b.pangkat)] if b.pangkat else []
            lines += [Text(f"NIP. {b.nip}")] if b.nip else []
            parts.append(Text("\n"))
            parts += lines
    return Group(*parts)
