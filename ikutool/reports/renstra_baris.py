"""The rows of form E.80 (:mod:`ikutool.reports.renstra`, where the columns and the rules are
written): each program, kegiatan and indicator matched across the years of the period (by kode,
else by name), each year's figure taken from where it was derived (that year's E.81, or its
money), or the reason there is none; the s.d. sums by the one money rule; the indikator sasaran
rows from the IKU report."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ikutool.model.iku import Iku
from ikutool.reports.renja import Sel
from ikutool.reports.renstra import (
    BarisRenstra,
    JumlahRenstra,
    SelRenstra,
    TahunRenstra,
    _fig,
)

if TYPE_CHECKING:
    from ikutool.compute.money import UangProgram, UangTahun
    from ikutool.reports.laporan import LaporanIndikator
    from ikutool.reports.renja import BarisRenja, HasilRenja


def _years(years: list[int]) -> str:
    """``2016``, ``2016 dan 2017``, ``2016, 2017 dan 2018``."""
    head = ", ".join(map(str, years[:-1]))
    return f"{head} dan {years[-1]}" if head else str(years[-1])


# --- one year's figure of a node, or why there is none ---------------------------------------

ADA, KOSONG, TIDAK_TERCANTUM, TANPA_RINCIAN, TANPA_DATA = (
    "ada", "kosong", "tidak tercantum", "tanpa rincian", "tanpa data",
)  # fmt: skip


@dataclass
class _Cell:
    value: float | None
    state: str  # ADA | KOSONG (listed, no figure) | TIDAK_TERCANTUM (not in the year's file) |
    # TANPA_RINCIAN (the year's file has no such level) | TANPA_DATA (no file for the year)


@dataclass
class _Node:
    """A program, kegiatan or indicator across the years (matched by kode, else by name)."""

    jenis: str
    kode: str | None
    nama: str
    sasaran: str
    rows: dict[int, BarisRenja] = field(default_factory=dict)  # its E.81 row per year
    uang: dict[int, UangProgram] = field(default_factory=dict)  # an anggaran year's program
    moved: dict[int, str] = field(default_factory=dict)  # a year it counted for another sasaran
    children: list[_Node] = field(default_factory=list)

    def same(self, kode: str | None, nama: str) -> bool:
        return (kode is not None and kode == self.kode) or _name(nama) == _name(self.nama)

    def latest(self) -> BarisRenja | None:
        return self.rows[max(self.rows)] if self.rows else None


def _name(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _find(nodes: list[_Node], kode: str | None, nama: str) -> _Node | None:
    return next((n for n in nodes if n.kode == kode and kode is not None), None) or next(
        (n for n in nodes if n.same(kode, nama)), None
    )


class Tree:
    """The programs of every year up to n, latest year's order first."""

    def __init__(self, iku: Iku) -> None:
        self.known = {g.kode for g in iku.groups()}
        self.programs: list[_Node] = []
        self.indicators: dict[str, _Node] = {}

    def program(self, y: int, kode: str | None, nama: str, sasaran: str) -> _Node:
        node = _find(self.programs, kode, nama)
        if node is None:
            node = _Node("program", kode, nama, sasaran)
            self.programs.append(node)
        elif sasaran != node.sasaran:
            node.moved[y] = sasaran
        return node

    def add_renja(self, y: int, renja: HasilRenja) -> None:
        program = kegiatan = None
        for r in renja.baris:
            if r.jenis == "sasaran":
                continue
            if r.jenis == "program":
                program = self.program(y, r.kode, r.uraian, r.sasaran or "")
                program.rows[y], kegiatan = r, None
            elif r.jenis == "kegiatan" and program is not None:
                kegiatan = _find(program.children, r.kode, r.uraian)
                if kegiatan is None:
                    kegiatan = _Node("kegiatan", r.kode, r.uraian, program.sasaran)
                    program.children.append(kegiatan)
                kegiatan.rows[y] = r
            elif r.jenis == "indikator" and r.kode is not None and program is not None:
                node = self.indicators.get(r.kode)
                if node is None:
                    parent = kegiatan or program
                    node = _Node("indikator", r.kode, r.uraian, program.sasaran)
                    self.indicators[r.kode] = node
                    parent.children.append(node)
                node.rows[y] = r

    def add_uang(self, y: int, uang: UangTahun) -> None:
        for p in uang.program:
            if p.sasaran and p.sasaran[0] in self.known:
                self.program(y, p.kode, p.nama, p.sasaran[0]).uang[y] = p


def _cells(node: _Node, shown: list[int], years: dict[int, TahunRenstra]) -> dict[int, _Cell]:
    """Each year's figure of ``node`` (Rp for a program or kegiatan, K for an indicator)."""
    part = "k" if node.jenis == "indikator" else "rp"
    out = {}
    for y in shown:
        t = years.get(y) or TahunRenstra()
        if t.renja is not None:
            row = node.rows.get(y)
            if row is None:
                out[y] = _Cell(None, TIDAK_TERCANTUM)
            else:
                value = getattr(row.kolom["12"], part)
                out[y] = _Cell(value, ADA if value is not None else KOSONG)
        elif t.uang is not None:
            if node.jenis != "program":
                out[y] = _Cell(None, TANPA_RINCIAN)
            elif y in node.uang:
                value = node.uang[y].realisasi
                out[y] = _Cell(value, ADA if value is not None else KOSONG)
            else:
                out[y] = _Cell(None, TIDAK_TERCANTUM)
        else:
            out[y] = _Cell(None, TANPA_DATA)
    return out


def _sum(cells: dict[int, _Cell], n: int, what: str) -> tuple[float | None, list[str]]:
    """The years summed (the one money rule: an empty member leaves the sum empty), and what the
    reader needs to know about it."""
    by: dict[str, list[int]] = {}
    for y, c in cells.items():
        by.setdefault(c.state, []).append(y)
    notes = []
    if by.get(TIDAK_TERCANTUM):
        notes.append(f"tidak tercantum pada tahun {_years(by[TIDAK_TERCANTUM])} (tidak dijumlah)")
    gaps = []
    if by.get(TANPA_DATA):
        gaps.append(f"data {what} tahun {_years(by[TANPA_DATA])} tidak ada")
    if by.get(TANPA_RINCIAN):
        when = _years(by[TANPA_RINCIAN])
        gaps.append(
            f"anggaran tahun {when} tercatat per program, tanpa rincian kegiatan"
            if what == "anggaran"
            else f"data tahun {when} tanpa indikator program dan kegiatan"
        )
    if by.get(KOSONG):
        done = "belum lengkap" if what == "anggaran" else "belum diisi"
        gaps.append(f"realisasi tahun {_years(by[KOSONG])} {done}")
    if gaps:
        return None, [*notes, f"realisasi s.d. {n} tidak dijumlah: " + "; ".join(gaps)]
    values = [c.value for c in cells.values() if c.value is not None]
    return (_fig(math.fsum(values)) if values else None), notes


def _latest(cells: dict[int, _Cell], n: int, rule: str) -> tuple[float | None, list[str]]:
    """An ``akhir`` or ``rata_rata`` indicator: s.d. n is its latest value."""
    have = [y for y, c in cells.items() if c.value is not None]
    name = "rata-rata" if rule == "rata_rata" else "akhir"
    if not have:
        return None, []
    y = have[-1]
    said = f"realisasi s.d. {n} = nilai tahun terakhir ({y}), tidak dijumlah (aturan {name})"
    return cells[y].value, [said]


def _against_renja(mine: float | None, row: BarisRenja | None, part: str, n: int) -> list[str]:
    """Year n's E.81 column 13, where it is not this row's s.d. n: both figures, for the reader."""
    if row is None:
        return []
    theirs, before = getattr(row.kolom["13"], part), getattr(row.kolom["6"], part)
    if theirs is None or (mine is not None and math.isclose(mine, theirs, rel_tol=1e-12)):
        return []
    from ikutool.formatting.values import angka, rupiah

    show = rupiah if part == "rp" else angka
    said = (
        f"evaluasi hasil Renja {n} mencatat s.d. {n} {show(theirs)} (realisasi s.d. {n - 1} "
        f"yang dicatatnya, {show(before)}, ditambah realisasi {n})"
    )
    if mine is not None:
        said += f"; di sini {show(mine)}, jumlah realisasi setiap tahun Renstra"
    return [said]


def _period_cells(period: list[int], cells: dict[int, _Cell], part: str) -> dict[int, SelRenstra]:
    return {y: SelRenstra(**{part: cells[y].value}) if y in cells else SelRenstra() for y in period}


def _money_row(
    node: _Node, shown: list[int], years: dict[int, TahunRenstra], period: list[int]
) -> BarisRenstra:
    n = shown[-1]
    cells = _cells(node, shown, years)
    sd, notes = _sum(cells, n, "anggaran")
    notes += [f"tahun {y} dihitung pada sasaran {s}" for y, s in sorted(node.moved.items())]
    notes += _against_renja(sd, node.rows.get(n), "rp", n)
    latest = node.latest()
    target = latest.kolom["5"].rp if latest is not None else None
    return BarisRenstra.model_construct(
        kode=latest.kode if latest is not None else node.kode,
        jenis=node.jenis,
        uraian=latest.uraian if latest is not None else node.nama,
        sasaran=node.sasaran,
        target=SelRenstra(rp=target),
        tahun=_period_cells(period, cells, "rp"),
        sd=SelRenstra(rp=sd),
        tingkat=Sel(rp=_fig(sd / target * 100) if sd is not None and target else None),
        unit=latest.unit if latest is not None else None,
        catatan=notes,
    )


def _indicator_object(t: TahunRenstra | None, kode: str) -> Any:
    """The indicator ``kode`` of a year's program file (codes are unique in a file)."""
    program = t.program if t is not None else None
    for p in program.program if program is not None else []:
        for ind in [*p.indikator, *(i for k in p.kegiatan for i in k.indikator)]:
            if ind.kode == kode:
                return ind
    return None


def _indicator_row(
    iku: Iku, node: _Node, shown: list[int], years: dict[int, TahunRenstra], period: list[int]
) -> BarisRenstra:
    from ikutool.compute.capaian import capaian_value, value_args

    n = shown[-1]
    cells = _cells(node, shown, years)
    latest_year = max(node.rows)
    latest = node.rows[latest_year]
    rule = latest.aturan_triwulan
    sd: float | None = None
    notes: list[str] = []
    if rule == "kumulatif":
        sd, notes = _sum(cells, n, "kinerja")
        notes += _against_renja(sd, node.rows.get(n), "k", n)
    elif rule is not None:
        sd, notes = _latest(cells, n, rule)
    for y in sorted(node.rows):
        ind = _indicator_object(years.get(y), node.kode or "")
        last = ind.sd("IV")[1] if ind is not None else None
        if last is not None and last != "IV":
            notes.insert(0, f"tahun {y} s.d. TW {last}")
    ind = _indicator_object(years.get(latest_year), node.kode or "")
    akhir = ind.target_akhir.komponen[0] if ind is not None and ind.target_akhir else None
    tingkat = None
    if sd is not None and akhir is not None:
        args = value_args(iku, ind, akhir)  # reads the same fields of a program indicator
        tingkat = _fig(capaian_value(akhir.jumlah, sd, **args)[0])
    return BarisRenstra.model_construct(
        kode=node.kode,
        jenis="indikator",
        uraian=latest.uraian,
        sasaran=node.sasaran,
        satuan=latest.satuan,
        aturan_triwulan=rule,
        target=SelRenstra(k=latest.kolom["5"].k),
        tahun=_period_cells(period, cells, "k"),
        sd=SelRenstra(k=_fig(sd)),
        tingkat=Sel(k=tingkat),
        unit=latest.unit,
        dirata=tingkat is not None,
        catatan=notes,
    )


def iku_row(
    iku: Iku, ind: LaporanIndikator, sasaran: Any, n: int, period: list[int]
) -> BarisRenstra:
    """An indikator sasaran: the IKU report's figures (realisasi as written, tingkat against the
    end target), the same as ``iku report`` and the LKjIP show."""
    from ikutool.render.wording import end_target_text, for_reader, realisasi_text

    own = iku.find_indikator(ind.kode)
    awal = own.kondisi_awal if own is not None else None
    by_year = {r.tahun: r for r in ind.tahun}
    notes: list[str] = []
    tahun = {}
    for y in period:
        r = by_year.get(y)
        if r is None:
            tahun[y] = SelRenstra()
            continue
        tahun[y] = SelRenstra(k=_single(r.hasil), teks=_written(realisasi_text(r.hasil, "\n")))
        several = len(r.hasil.komponen) > 1
        for c in r.hasil.komponen:
            name = f" {c.uraian}" if several and c.uraian else ""
            said = [*c.peringatan_realisasi, *c.peringatan]  # a capaian's: a mistyped figure
            notes += [f"realisasi {y}{name}: {for_reader(w)}" for w in said]
    last = ind.terakhir
    sd = SelRenstra()
    if last is not None:
        sd = SelRenstra(k=_single(last.hasil), teks=_written(realisasi_text(last.hasil, "\n")))
        if last.tahun != n:
            notes.append(f"realisasi s.d. {n}: tahun {last.tahun}, tahun terakhir yang ada datanya")
        comps = last.terhadap_target_akhir
        counted = [c for c in comps if c.capaian is not None]
        if len(counted) < len(comps):
            notes.append(
                f"tingkat capaian atas {len(counted)} dari {len(comps)} komponen target akhir "
                "(komponen lainnya belum ada realisasinya)"
            )
    return BarisRenstra.model_construct(
        kode=ind.kode,
        jenis="indikator_sasaran",
        uraian=ind.uraian,
        sasaran=sasaran.kode,
        awal=f"{awal.nilai} ({awal.tahun})" if awal is not None else None,
        target=SelRenstra(teks=end_target_text(ind, "\n")),
        tahun=tahun,
        sd=sd,
        tingkat=Sel(k=last.capaian_target_akhir if last is not None else None),
        unit=_bidang(iku, own) if own is not None else ind.bidang,
        dirata=sasaran.jenis == "sasaran" and last is not None,
        catatan=list(dict.fromkeys(notes)),
    )


def _bidang(iku: Iku, ind: Any) -> str | None:
    found = iku.bidang_of(ind)
    return found.nama if found is not None else ind.bidang


def _written(text: str) -> str | None:
    from ikutool.formatting.values import MISSING

    return None if text == MISSING else text


def _single(hasil: Any) -> float | None:
    """A realisasi as one number, where the indicator has one component."""
    return hasil.komponen[0].realisasi if len(hasil.komponen) == 1 else None


def _sasaran_cells(kode: str, shown: list[int], years: dict[int, TahunRenstra]) -> dict[int, _Cell]:
    """A sasaran's Rp of each year: the E.81 sasaran row's column 12, or (a year with only an
    anggaran file) its programs' money by the one rule."""
    from ikutool.compute.money import jumlah

    out = {}
    for y in shown:
        t = years.get(y) or TahunRenstra()
        value: float | None
        if t.renja is not None:
            row = next((r for r in t.renja.baris if r.jenis == "sasaran" and r.kode == kode), None)
            value = row.kolom["12"].rp if row is not None else None
            present = row is not None
        elif t.uang is not None:
            money = jumlah(t.uang.counted_for(kode))
            value = money.realisasi if money is not None else None
            present = money is not None
        else:
            out[y] = _Cell(None, TANPA_DATA)
            continue
        out[y] = _Cell(
            value, TIDAK_TERCANTUM if not present else ADA if value is not None else KOSONG
        )
    return out


def sasaran_row(
    group: Any, shown: list[int], years: dict[int, TahunRenstra], period: list[int]
) -> BarisRenstra:
    n = shown[-1]
    cells = _sasaran_cells(group.kode, shown, years)
    sd, notes = _sum(cells, n, "anggaran")
    rows = [
        (y, r)
        for y in shown
        if (t := years.get(y)) is not None and t.renja is not None
        for r in t.renja.baris
        if r.jenis == "sasaran" and r.kode == group.kode
    ]
    latest = rows[-1][1] if rows else None
    target = latest.kolom["5"].rp if latest is not None else None
    notes += _against_renja(sd, dict(rows).get(n), "rp", n)
    return BarisRenstra.model_construct(
        kode=group.kode,
        jenis="sasaran",
        uraian=group.uraian,
        sasaran=group.kode,
        target=SelRenstra(rp=target),
        tahun=_period_cells(period, cells, "rp"),
        sd=SelRenstra(rp=sd),
        tingkat=Sel(rp=_fig(sd / target * 100) if sd is not None and target else None),
        catatan=notes if any(c.state != TANPA_DATA for c in cells.values()) else [],
    )


def jumlah_row(
    programs: list[BarisRenstra],
    known: set[str],
    shown: list[int],
    years: dict[int, TahunRenstra],
    period: list[int],
) -> JumlahRenstra:
    """The programs' Rp summed per column (a sum with an empty member stays empty); a year's is
    that year's E.81 total, or its money by the one rule."""
    from ikutool.compute.money import jumlah

    def total(values: list[float | None]) -> float | None:
        if not values or any(v is None for v in values):
            return None
        return _fig(math.fsum(v for v in values if v is not None))

    per_year: dict[int, float | None] = dict.fromkeys(period)
    for y in shown:
        t = years.get(y) or TahunRenstra()
        if t.renja is not None:
            per_year[y] = t.renja.jumlah["12"].rp
        elif t.uang is not None:
            money = jumlah([p for p in t.uang.program if p.sasaran and p.sasaran[0] in known])
            per_year[y] = money.realisasi if money is not None else None
    target = total([r.target.rp for r in programs])
    sd = total([r.sd.rp for r in programs])
    cells = {}
    for y in shown:
        t = years.get(y) or TahunRenstra()
        if t.renja is None and t.uang is None:
            cells[y] = _Cell(None, TANPA_DATA)
        else:
            cells[y] = _Cell(per_year[y], ADA if per_year[y] is not None else KOSONG)
    return JumlahRenstra.model_construct(
        target=target,
        tahun=per_year,
        sd=sd,
        tingkat=_fig(sd / target * 100) if sd is not None and target else None,
        catatan=_sum(cells, shown[-1], "anggaran")[1] if programs else [],
    )


def program_rows(
    iku: Iku, p: _Node, shown: list[int], years: dict[int, TahunRenstra], period: list[int]
) -> list[BarisRenstra]:
    """A program, its indicators, then each kegiatan and its indicators (E.81's order)."""
    rows = [_money_row(p, shown, years, period)]
    rows += [
        _indicator_row(iku, c, shown, years, period) for c in p.children if c.jenis == "indikator"
    ]
    for k in p.children:
        if k.jenis == "kegiatan":
            rows.append(_money_row(k, shown, years, period))
            rows += [_indicator_row(iku, c, shown, years, period) for c in k.children]
    return rows
