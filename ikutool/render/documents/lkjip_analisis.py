"""Bab III A of the LKjIP, one sasaran at a time: its capaian and the seven analyses of
PermenPAN-RB 53/2014 as numbered tables and charts (against the target, the years before, the
Renstra's end target, a national or provincial standard; the officer's causes and solutions; the
budget and efficiency; the supporting programs). The officer's own words are placed verbatim, a
visible placeholder where they are missing. The chapter around them is
:mod:`ikutool.render.documents.lkjip_bab3`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.formatting.numbers import format_angka, format_persen
from ikutool.formatting.values import besaran, rupiah
from ikutool.render.blocks import Block, Heading, Para, Tabel, placeholder
from ikutool.render.documents.pengukuran import WARN_MARK, figure_warnings, for_people
from ikutool.render.wording import (
    PARTIAL_MARK,
    PARTIAL_NOTE,
    capaian_cell,
    end_target_figure,
    kalimat,
    named,
    realisasi_text,
    target_text,
)
from ikutool.reports.lkjip import ANALISIS, IndikatorLkjip, Lkjip, SasaranLkjip

if TYPE_CHECKING:
    from ikutool.render.documents.lkjip_bab3 import Numbering


def rp_cell(value: float | None) -> str:
    return rupiah(value, unit=False)  # under a column headed "(Rp)"


def _officer(text: str | None, what: str) -> str | tuple[str, str]:
    return text if text else placeholder(what)


def _lead(no: int, extra: str = "") -> Para:
    return Para([(f"{no}) {ANALISIS[no]}{extra}", "bold")], kind="lead")


def sasaran_blocks(lk: Lkjip, i: int, sas: SasaranLkjip, num: Numbering) -> list[Block]:
    """One sasaran of Bab III A: its capaian, then the seven analyses in their order."""
    out: list[Block] = [
        Heading(3, f"Sasaran {i}: {sas.uraian} ({sas.kode})"),
        Para(
            [
                f"Capaian sasaran {sas.kode} tahun {lk.tahun}: {format_persen(sas.capaian)}"
                + (f" (kategori {sas.kategori})." if sas.kategori else ".")
            ]
        ),
    ]
    for build in (
        _analisis1,
        _analisis2,
        _analisis3,
        _analisis4,
        _analisis5,
        _analisis6,
        _analisis7,
    ):
        out += build(lk, sas, num)
    return out


def _marked(text: str, on: bool, mark: str) -> str:
    return f"{text} {mark}" if on else text


def _warnings(inds: list[IndikatorLkjip]) -> list[str]:
    """Every warning about a figure of these indicators, for the note under their table."""
    out = []
    for ind in inds:
        out += figure_warnings(ind.hasil, for_people)
    return out


def _analisis1(lk: Lkjip, sas: SasaranLkjip, num: Numbering) -> list[Block]:
    rows: list[list[Any]] = []
    for ind in sas.indikator:
        h = ind.hasil
        warn_r = any(c.peringatan_realisasi for c in h.komponen)
        warn_c = any(c.peringatan for c in h.komponen)
        rows.append(
            [
                f"{ind.kode} {ind.uraian}",
                _marked(target_text(h, "; "), bool(h.peringatan_target), WARN_MARK),
                "PK" if ind.target_sumber == "pk" else ("Renstra" if ind.target_sumber else "-"),
                _marked(realisasi_text(h, "; "), warn_r, WARN_MARK),
                _marked(
                    format_angka(h.capaian, 2)
                    if h.capaian is not None
                    else capaian_cell(None, h.status),
                    h.status == "sebagian",
                    PARTIAL_MARK,
                )
                + (f" {WARN_MARK}" if warn_c else ""),
                h.kategori or "-",
            ]
        )
    notes = [PARTIAL_NOTE] if any(i.hasil.status == "sebagian" for i in sas.indikator) else []
    table = Tabel(
        num.next(),
        f"Capaian indikator sasaran {sas.kode} terhadap target {lk.tahun}",
        ["Indikator", "Target", "Sumber target", "Realisasi", "Capaian (%)", "Kategori"],
        rows,
        ["l", "r", "l", "r", "r", "l"],
        catatan=notes + _warnings(sas.indikator),
    )
    return [
        _lead(1),
        table,
        *(num.chart(_indicator_bars(lk, sas, table.nomor)) if len(sas.indikator) > 1 else []),
        *[Para([f"{ind.kode}: {kalimat(ind.riwayat[-1])}"]) for ind in sas.indikator],
    ]


def _indicator_bars(lk: Lkjip, sas: SasaranLkjip, table: str) -> Any:
    from ikutool.render.documents.grafik import capaian_bars

    return capaian_bars(
        "",
        f"Capaian indikator sasaran {sas.kode} tahun {lk.tahun}",
        [(i.kode, i.uraian, i.hasil.capaian, i.hasil.kategori) for i in sas.indikator],
        seri=f"Capaian {lk.tahun}",
        sumber=f"Angka lengkap pada {table}.",
        status=[i.hasil.status for i in sas.indikator],
    )


def _analisis2(lk: Lkjip, sas: SasaranLkjip, num: Numbering) -> list[Block]:
    inds = sas.indikator
    years = [r.tahun for r in inds[0].riwayat] if inds else []
    if len(years) <= 1:
        return [
            _lead(2),
            Para(
                [
                    "Perbandingan dengan tahun sebelumnya: ",
                    placeholder(f"realisasi tahun {lk.tahun - 1} dan sebelumnya"),
                ]
            ),
        ]
    rows: list[list[Any]] = []
    for ind in inds:
        row: list[Any] = [f"{ind.kode} {ind.uraian}"]
        for r in ind.riwayat:
            row += [realisasi_text(r.hasil, "; "), capaian_cell(r.hasil.capaian, r.hasil.status)]
        rows.append(row)
    header = ["Indikator"]
    for y in years:
        header += [f"Realisasi {y}", f"Capaian {y} (%)"]
    partial = any(r.hasil.status == "sebagian" for i in inds for r in i.riwayat)
    return [
        _lead(2),
        Tabel(
            num.next(),
            f"Realisasi dan capaian sasaran {sas.kode}, {years[0]}-{years[-1]}",
            header,
            rows,
            ["l"] + ["r"] * (2 * len(years)),
            catatan=[PARTIAL_NOTE] if partial else [],
        ),
    ]


def _speeds(ind: IndikatorLkjip) -> str:
    proj = ind.proyeksi
    speeds = []
    for pc in proj.komponen if proj else []:
        if pc.laju_teramati is not None and pc.laju_diperlukan is not None:
            name = f"{pc.uraian}: " if proj is not None and len(proj.komponen) > 1 else ""
            speeds.append(
                f"{name}{format_angka(pc.laju_teramati, 2)} / {format_angka(pc.laju_diperlukan, 2)}"
            )
    return "; ".join(speeds) or "-"


def _analisis3(lk: Lkjip, sas: SasaranLkjip, num: Numbering) -> list[Block]:
    rows: list[list[Any]] = []
    notes: list[str] = []
    for ind in sas.indikator:
        last = ind.riwayat[-1] if ind.riwayat else None
        proj = ind.proyeksi
        several = bool(last and len(last.terhadap_target_akhir) > 1)
        labels = {c.kunci: c.uraian for c in (proj.komponen if proj else [])}
        rows.append(
            [
                f"{ind.kode} {ind.uraian}",
                "; ".join(
                    (
                        f"{labels[c.kunci]}: "
                        if several and labels.get(c.kunci) not in (None, c.satuan)
                        else ""
                    )
                    + end_target_figure(c)
                    for c in last.terhadap_target_akhir
                )
                if last and last.terhadap_target_akhir
                else "-",
                realisasi_text(ind.hasil, "; "),
                capaian_cell(last.capaian_target_akhir, "ada")
                if last and last.capaian_target_akhir is not None
                else "-",
                proj.status if proj else "-",
                _speeds(ind),
            ]
        )
        notes += [f"{ind.kode}: {n}." for n in (proj.catatan if proj else [])]
    table_no = num.next()
    return [
        _lead(3, f" ({lk.periode_akhir})"),
        Tabel(
            table_no,
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
            catatan=notes,
        ),
        *_year_charts(lk, sas, num, table_no),
    ]


def _year_charts(lk: Lkjip, sas: SasaranLkjip, num: Numbering, table: str) -> list[Block]:
    """Each indicator's realisasi per year against the end target (analyses 2 and 3): drawn
    where there are two years or more; the figures stand in the tables of both analyses."""
    from ikutool.render.documents.grafik import indicator_year_charts

    earlier = f"{num.bab}.{num.n - 1}" if len(sas.indikator[0].riwayat) > 1 else None
    where = f"Tabel {earlier} dan {table}" if earlier else table
    out: list[Block] = []
    for ind in sas.indikator:
        if len(ind.riwayat) < 2:
            continue
        out += indicator_year_charts(
            ind.kode, ind.uraian, ind.riwayat, lk.periode_akhir, num.grafik,
            f"Angka lengkap pada {where}.", target=False,
        )  # fmt: skip
    return out


def _pembanding_row(ind: IndikatorLkjip) -> list[Any]:
    p = ind.pembanding
    if p is None:
        return [
            f"{ind.kode} {ind.uraian}",
            realisasi_text(ind.hasil, "; "),
            placeholder("angka pembanding nasional/provinsi/SPM"),
            "",
            "",
            "",
        ]
    values = (
        p.nilai if isinstance(p.nilai, dict) else {c.kunci: p.nilai for c in ind.hasil.komponen[:1]}
    )
    several = len(ind.hasil.komponen) > 1
    shown, gaps = [], []
    for c in ind.hasil.komponen:
        v = values.get(c.kunci)
        if v is None:
            continue
        shown.append(
            named(
                c,
                besaran(v, c.satuan, jenis=c.jenis, skala=c.skala, rasio_dari=c.rasio_dari),
                several,
            )
        )
        if c.realisasi is not None:
            # a difference is computed: two decimals, like every computed figure
            gap = format_angka(c.realisasi - v, max_decimals=2)
            unit = "poin" if c.persen else c.satuan
            gaps.append(named(c, f"{gap} {unit}".rstrip(), several))
    return [
        f"{ind.kode} {ind.uraian}",
        realisasi_text(ind.hasil, "; "),
        "; ".join(shown) or "-",
        p.tingkat.upper() if p.tingkat == "spm" else p.tingkat,
        p.sumber or "-",
        "; ".join(gaps) or "-",
    ]


def _analisis4(lk: Lkjip, sas: SasaranLkjip, num: Numbering) -> list[Block]:
    return [
        _lead(4),
        Tabel(
            num.next(),
            f"Realisasi sasaran {sas.kode} dibandingkan dengan standar",
            ["Indikator", f"Realisasi {lk.tahun}", "Pembanding", "Tingkat", "Sumber", "Selisih"],
            [_pembanding_row(ind) for ind in sas.indikator],
            ["l", "r", "r", "l", "l", "r"],
        ),
    ]


def _analisis5(lk: Lkjip, sas: SasaranLkjip, num: Numbering) -> list[Block]:
    rows: list[list[Any]] = []
    for ind in sas.indikator:
        a = ind.analisis
        rows.append(
            [
                f"{ind.kode} {ind.uraian}",
                _officer(a.pendorong if a else None, "faktor pendorong"),
                _officer(a.penghambat if a else None, "faktor penghambat"),
                _officer(a.solusi if a else None, "solusi"),
            ]
        )
    return [
        _lead(5),
        Tabel(
            num.next(),
            f"Faktor pendorong, penghambat dan solusi sasaran {sas.kode}",
            ["Indikator", "Faktor pendorong", "Faktor penghambat", "Solusi"],
            rows,
            ["l", "l", "l", "l"],
        ),
    ]


def _analisis6(lk: Lkjip, sas: SasaranLkjip, num: Numbering) -> list[Block]:
    if sas.anggaran is None or not sas.program:
        return [
            _lead(6),
            Para(
                [
                    "Anggaran yang mendukung sasaran ini: ",
                    placeholder("program, pagu dan realisasi anggaran yang mendukung sasaran ini"),
                ]
            ),
        ]
    rows: list[list[Any]] = [
        [p.nama, rp_cell(p.pagu), rp_cell(p.realisasi), capaian_cell(p.serapan, "ada")]
        for p in sas.program
    ]
    money = sas.anggaran
    rows.append(
        [
            "Jumlah",
            rp_cell(money.pagu),
            rp_cell(money.realisasi),
            capaian_cell(money.serapan, "ada"),
        ]
    )
    said = [f"{k[0].upper()}{k[1:]}." for k in money.kurang]
    if sas.program_lain:
        said.append(
            f"Juga mendukung sasaran ini: {', '.join(sas.program_lain)} (anggarannya dihitung "
            "pada sasaran pertama yang didukungnya)."
        )
    out: list[Block] = [
        _lead(6),
        Tabel(
            num.next(),
            f"Anggaran dan efisiensi sasaran {sas.kode}",
            ["Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
            rows,
            ["l", "r", "r", "r"],
            {len(rows) - 1},
        ),
    ]
    if said:
        out.append(Para([" ".join(said)]))
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
                ]
            )
        )
    return out


def _analisis7(lk: Lkjip, sas: SasaranLkjip, num: Numbering) -> list[Block]:
    rows: list[list[Any]] = [
        [
            f"{ind.kode} {ind.uraian}",
            _officer(
                ind.analisis.program if ind.analisis else None, "program dan kegiatan pendukung"
            ),
        ]
        for ind in sas.indikator
    ]
    return [
        _lead(7),
        Tabel(
            num.next(),
            f"Program dan kegiatan pendukung sasaran {sas.kode}",
            ["Indikator", "Program dan kegiatan"],
            rows,
            ["l", "l"],
        ),
    ]
