"""Form E.80 of Permendagri 86/2017, "Evaluasi terhadap hasil Renstra Perangkat Daerah", laid
out like E.81 (:mod:`ikutool.reports.renja`): per sasaran, its own IKU indicators (indikator
sasaran), its programs with their indicators, their kegiatan with theirs; every figure column in
kinerja (K) and rupiah (Rp).

Columns, as the form numbers them (P = the years of the Renstra period, periode.awal to
periode.akhir; a six-year period 2016-2021 gives 7-12 for the years, 13, 14 and 15):

 1 No; 2 Sasaran; 3 Program/kegiatan (kode and nama); 4 Indikator kinerja program (outcome) /
 kegiatan (output), and the sasaran's IKU indicators; 5 data capaian pada awal tahun perencanaan
 (K only: the IKU's kondisi awal where the definition has one); 6 target capaian pada akhir tahun
 perencanaan (K: the end target; Rp: ``pagu_renstra``); 7 .. 6+P the realisasi of each year of
 the period, tahun ke-1 .. ke-P (years after the year evaluated stay empty); 7+P realisasi s.d.
 the year evaluated (n); 8+P tingkat capaian s.d. n (%) = (7+P) / 6 x 100; 9+P unit penanggung
 jawab. :func:`kolom` gives the numbers of a period.

Every figure is another document's, never recomputed here:
- a program's, kegiatan's or program/kegiatan indicator's figure of a year with a program file
  is that year's E.81 column 12 (K by the indicator's quarter rule, Rp summed;
  :meth:`ikutool.workspace.year.Year.renja`), its sasaran's the E.81 sasaran row's;
- a program's and a sasaran's Rp of a year with only an older anggaran file is that year's money
  (:meth:`Year.uang`, :mod:`ikutool.compute.money`): such a year has no kegiatan and no
  indicators;
- an indikator sasaran row is the IKU report's (:mod:`ikutool.reports.laporan`): each year's
  realisasi as written, and as tingkat the capaian of the latest realisasi against the end
  target, the figure ``iku report`` and the LKjIP show.

Column 7+P: Rp is the years of the period up to n summed; a year without a money file, or a
member of the sum without its figure, leaves it empty and the row names the year (never a partial
sum shown as the whole); a program not listed in a year's budget adds nothing and the row says so.
K: a ``kumulatif`` indicator's years summed (by the same rule), an ``akhir`` or ``rata_rata``
indicator's latest value (as E.81's column 13). Where this differs from year n's E.81 column 13
(which adds the realisasi up to last year written in that year's program file), the row says both.
Column 8+P: K by the indicator's polarity rule (as E.81's column 14).

The footer: jumlah (the programs' Rp summed per column, empty where a member is), rata-rata
capaian K (over the indicators with a tingkat: indikator sasaran of a sasaran, and program and
kegiatan indicators) and Rp (over the programs), a predikat for each on the Permendagri 86
bands, and the officer's words from the latest program file. The rows themselves are built in
:mod:`ikutool.reports.renstra_baris`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ikutool.compute.capaian import mean
from ikutool.formatting.numbers import settled_figure
from ikutool.model.iku import Iku, Result
from ikutool.reports.renja import PREDIKAT_SINGKAT, Sel

if TYPE_CHECKING:
    from ikutool.compute.money import UangTahun
    from ikutool.inputs.program import ProgramTahun
    from ikutool.reports.laporan import Laporan
    from ikutool.reports.renja import HasilRenja

FAKTOR = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut_renja", "tindak_lanjut_renstra")


class SelRenstra(Result):
    k: float | None = None
    teks: str | None = None  # K as the IKU report writes it (an indikator sasaran row)
    rp: float | None = None


class BarisRenstra(Result):
    kode: str | None
    jenis: str  # sasaran | indikator_sasaran | program | kegiatan | indikator
    uraian: str
    kelompok: str | None = None  # a group that is no sasaran: "kelompok" | "tujuan"
    sasaran: str | None = None  # the sasaran the row stands under
    satuan: str | None = None  # a program/kegiatan indicator's unit
    aturan_triwulan: str | None = None  # its quarter rule (how its years make the s.d.)
    awal: str | None = None  # column 5
    target: SelRenstra  # column 6
    tahun: dict[int, SelRenstra]  # columns 7 .. 6+P, every year of the period
    sd: SelRenstra  # column 7+P
    tingkat: Sel  # column 8+P
    unit: str | None = None  # column 9+P
    dirata: bool = False  # an indicator whose tingkat counts in the mean
    catatan: list[str] = []  # what the reader needs to know about this row's figures


class JumlahRenstra(Result):
    target: float | None  # column 6 Rp
    tahun: dict[int, float | None]
    sd: float | None
    tingkat: float | None
    catatan: list[str] = []


class HasilRenstra(Result):
    instansi: str
    pemerintah: str | None
    periode_awal: int
    periode_akhir: int
    sampai: int  # n: the year evaluated
    tahun: list[int]  # the period's years, a column each
    kolom: dict[str, int]  # the form's number of each column
    bidang: str | None = None
    bidang_nama: str | None = None
    skala: str
    baris: list[BarisRenstra]
    jumlah: JumlahRenstra
    rata_rata_capaian: Sel
    dirata: dict[str, int]  # k (of which k_sasaran, k_program), rp: the members of each mean
    predikat: dict[str, str | None]
    predikat_label: dict[str, str | None]
    faktor: dict[str, str | None]  # the officer's words, None where not written
    catatan: list[str] = []  # the notices on every page (contoh, sementara)
    keterangan: list[str] = []  # the notes under the table that concern no single row
    # the files it was computed from (provenance: the CLI and the document properties only)
    berkas_iku: str | None = None
    folder_realisasi: str | None = None
    berkas_anggaran: dict[int, str] = {}  # per year: its program or anggaran file


@dataclass
class TahunRenstra:
    """What one year of the period gives E.80, each derived once by its own layer."""

    renja: HasilRenja | None = None  # the year's E.81 (with a program file)
    program: ProgramTahun | None = None  # its indicators' rules (polarity, quarters)
    uang: UangTahun | None = None  # the year's money (program or older anggaran file)


def kolom(awal: int, akhir: int) -> dict[str, int]:
    """The number of each column of the form for a period (see the module's docstring)."""
    years = list(range(awal, akhir + 1))
    out = {"no": 1, "sasaran": 2, "program": 3, "indikator": 4, "awal": 5, "target": 6}
    out |= {str(y): 7 + i for i, y in enumerate(years)}
    p = len(years)
    return out | {"sd": 7 + p, "tingkat": 8 + p, "unit": 9 + p}


def _fig(value: float | None) -> float | None:
    return settled_figure(value) if value is not None and math.isfinite(value) else None


def _notices(laporan: Laporan, shown: list[int], years: dict[int, TahunRenstra]) -> list[str]:
    """Which inputs are illustrative (contoh) or provisional (sementara), on every page."""
    from ikutool.render.wording import report_notices

    out = report_notices(laporan)
    for status, sentence in (
        ("contoh", "CATATAN: anggaran program tahun {} berstatus CONTOH - angka ilustrasi, "
                   "bukan data resmi."),
        ("sementara", "Catatan: anggaran program tahun {} berstatus SEMENTARA (belum final)."),
    ):  # fmt: skip
        named = [y for y in shown if (t := years.get(y)) and t.uang and t.uang.status == status]
        if named:
            out.append(sentence.format(", ".join(map(str, named))))  # as the realisasi's
    return out


def _means(rows: list[BarisRenstra]) -> tuple[Sel, dict[str, int]]:
    """Rata-rata capaian K over the indicators with a tingkat that count (an indikator sasaran
    of a sasaran, every program and kegiatan indicator), Rp over the programs with one; and
    what each is over."""
    k = [r.tingkat.k for r in rows if r.dirata and r.tingkat.k is not None]
    rp = [r.tingkat.rp for r in rows if r.jenis == "program" and r.tingkat.rp is not None]
    over = {
        "k": len(k),
        "k_sasaran": sum(r.jenis == "indikator_sasaran" and r.dirata for r in rows),
        "k_program": sum(r.jenis == "indikator" and r.dirata for r in rows),
        "rp": len(rp),
    }
    return Sel(k=_fig(mean(k)), rp=_fig(mean(rp))), over


def build_renstra(
    iku: Iku,
    laporan: Laporan,
    years: dict[int, TahunRenstra],
    sampai: int,
    *,
    skala: str | None = None,
) -> HasilRenstra:
    """Form E.80 evaluated up to year ``sampai`` (n): the IKU report ``laporan`` (its years up
    to n) and what each year of the period gives (``years``; a year missing has no file)."""
    from ikutool.model.scales import kategori, scale_of
    from ikutool.reports.renstra_baris import Tree, iku_row, jumlah_row, program_rows, sasaran_row

    scale = scale_of(iku, skala or "permendagri86")
    period = list(iku.periode.tahun)
    shown = [y for y in period if y <= sampai]
    tree = Tree(iku)
    for y in reversed(shown):  # the latest year's programs, names and order first
        t = years.get(y)
        if t is not None and t.renja is not None:
            tree.add_renja(y, t.renja)
        elif t is not None and t.uang is not None:
            tree.add_uang(y, t.uang)
    reported = {s.kode: s for s in laporan.sasaran}
    rows: list[BarisRenstra] = []
    for group in iku.groups():
        sas = reported.get(group.kode)
        programs = [p for p in tree.programs if p.sasaran == group.kode]
        if (sas is None or not sas.indikator) and not programs:
            continue
        head = sasaran_row(group, shown, years, period)
        head.kelompok = group.jenis if group.jenis != "sasaran" else None
        rows.append(head)
        rows += [iku_row(iku, ind, sas, sampai, period) for ind in (sas.indikator if sas else [])]
        for p in programs:
            rows += program_rows(iku, p, shown, years, period)
    of_programs = [r for r in rows if r.jenis == "program"]
    avg, dirata = _means(rows)
    label = {"k": kategori(avg.k, scale), "rp": kategori(avg.rp, scale)}
    last = next((t.program for y in reversed(shown) if (t := years.get(y)) and t.program), None)
    words = last.evaluasi if last is not None else {}
    keterangan = []
    if any(r.kelompok for r in rows):
        keterangan.append("Indikator kelompok dan tujuan ditampilkan, tidak ikut dirata-ratakan.")
    if not tree.programs:
        keterangan.append(f"Belum ada data program dan anggaran tahun {period[0]}-{sampai}.")
    return HasilRenstra.model_construct(
        instansi=iku.instansi.nama,
        pemerintah=iku.instansi.pemerintah,
        periode_awal=period[0],
        periode_akhir=period[-1],
        sampai=sampai,
        tahun=period,
        kolom=kolom(period[0], period[-1]),
        bidang=laporan.bidang,
        bidang_nama=laporan.bidang_nama,
        skala=scale.nama,
        baris=rows,
        jumlah=jumlah_row(of_programs, tree.known, shown, years, period),
        rata_rata_capaian=avg,
        dirata=dirata,
        predikat={k: PREDIKAT_SINGKAT.get(v or "", v) if v else None for k, v in label.items()},
        predikat_label=label,
        faktor={name: words.get(name) for name in FAKTOR},
        catatan=_notices(laporan, shown, years),
        keterangan=keterangan,
        berkas_iku=laporan.berkas_iku,
        folder_realisasi=laporan.folder_realisasi,
        berkas_anggaran={y: t.uang.file for y in shown if (t := years.get(y)) and t.uang},
    )
