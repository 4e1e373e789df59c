"""Multi-year reports built on the capaian engine: trends, change against the previous year,
progress against the end-of-Renstra target, and the Permendagri 86/2017 Renstra evaluation.

Every capaian figure here comes from :func:`ikutool.compute.capaian.compute` (per year) or from
:func:`ikutool.compute.capaian.capaian_value` (against the end target); nothing is computed twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ikutool.compute.capaian import (
    HasilCapaian,
    HasilIndikator,
    HasilSasaran,
    Options,
    capaian_value,
    compute,
    mean,
    value_args,
)
from ikutool.compute.proyeksi import Proyeksi, proyeksi_indikator
from ikutool.inputs.pk import PkTahun
from ikutool.inputs.realisasi import RealisasiTahun
from ikutool.model.iku import Iku, Indikator, Result, Skala
from ikutool.model.notation import component_label
from ikutool.model.scales import kategori, scale_of
from ikutool.model.target import Target


class KomponenAkhir(Result):
    """One component's realisasi against the same component of the end-of-period target."""

    kunci: str
    uraian: str | None = None  # how a person names the component
    satuan: str
    target_akhir: float
    target_akhir_maks: float | None = None
    target_tulisan: str | None = None  # the end target's component as written
    jenis: str = "angka"  # angka | rasio | rupiah | predikat
    batas: str | None = None  # min | maks: a one-sided target
    rasio_dari: float | None = None
    skala: list[str] | None = None  # a predikat's scale, lowest first
    realisasi: float | None
    capaian: float | None
    status: str


class TahunIndikator(Result):
    tahun: int
    hasil: HasilIndikator
    status_data: str | None
    tahun_sebelumnya: int | None = None
    perubahan_capaian: float | None = None  # percentage points against the previous year
    perubahan_realisasi: dict[str, float | None] = {}  # per component: % change of realisasi
    terhadap_target_akhir: list[KomponenAkhir] = []
    capaian_target_akhir: float | None = None  # mean over the comparable components
    kategori_target_akhir: str | None = None


class LaporanIndikator(Result):
    kode: str
    uraian: str
    bidang: str | None
    polaritas: str
    target_akhir_teks: str | None
    tahun: list[TahunIndikator]
    proyeksi: Proyeksi | None = None  # as of the last year reported

    @property
    def terakhir(self) -> TahunIndikator | None:
        """The latest year that could be compared with the end-of-period target."""
        return next((r for r in reversed(self.tahun) if r.capaian_target_akhir is not None), None)


class LaporanSasaran(Result):
    kode: str
    uraian: str
    jenis: str = "sasaran"  # sasaran | kelompok | tujuan (the last two: never averaged)
    indikator: list[LaporanIndikator]  # those shown (a bidang's only, with --bidang)
    capaian: dict[int, float | None]  # per year: the sasaran's own figure, over all its indicators
    kategori: dict[int, str | None]
    jumlah_indikator: int = 0  # in every bidang
    capaian_bidang: dict[int, float | None] = {}  # with --bidang: the mean of the rows shown
    kategori_bidang: dict[int, str | None] = {}

    @property
    def sebagian(self) -> bool:
        """A bidang view shows only some of this sasaran's indicators."""
        return len(self.indikator) < self.jumlah_indikator


class Laporan(Result):
    instansi: str
    pemerintah: str | None
    periode_awal: int
    periode_akhir: int
    bidang: str | None
    bidang_nama: str | None
    tahun: list[int]
    status_data: dict[int, str | None]
    skala: str
    sasaran: list[LaporanSasaran]
    capaian: dict[int, float | None]  # agency figure per year (every sasaran, every bidang)
    kategori: dict[int, str | None]
    per_tahun: list[HasilCapaian]
    capaian_bidang: dict[int, float | None] = {}  # with --bidang: that bidang's indicators' mean
    kategori_bidang: dict[int, str | None] = {}
    berkas_iku: str | None = None
    folder_realisasi: str | None = None
    peringatan: list[str] = []  # every year's, prefixed with the year

    @property
    def contoh_years(self) -> list[int]:
        return [y for y, s in self.status_data.items() if s == "contoh"]


def _change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None or before == 0:
        return None
    return (now - before) / abs(before) * 100


@dataclass(frozen=True)
class _Years:
    """What every row of a report is built from: the IKU, each year's capaian, the realisasi."""

    iku: Iku
    data: dict[int, RealisasiTahun]
    years: list[int]  # the years reported
    all_years: list[int]  # and the earlier ones in ``data`` (the change against the year before)
    results: dict[int, HasilCapaian]
    skala: Skala


def _against_previous(row: TahunIndikator, before: HasilIndikator, prev_year: int) -> None:
    """The change of ``row``'s capaian (points) and realisasi (%) against the year before."""
    hasil = row.hasil
    row.tahun_sebelumnya = prev_year
    if hasil.capaian is not None and before.capaian is not None:
        row.perubahan_capaian = hasil.capaian - before.capaian
    prev_r = {c.kunci: c.realisasi for c in before.komponen}
    row.perubahan_realisasi = {
        c.kunci: _change(c.realisasi, prev_r.get(c.kunci)) for c in hasil.komponen
    }


def _against_end_target(
    row: TahunIndikator, iku: Iku, ind_def: Indikator, end_target: Target, skala: Skala
) -> None:
    """``row``'s realisasi against each component of the end-of-period target, and their mean."""
    realised = {c.kunci: c.realisasi for c in row.hasil.komponen}
    for comp in end_target.komponen:
        key = comp.kunci or "nilai"
        value, status, _ = capaian_value(
            comp.jumlah, realised.get(key), **value_args(iku, ind_def, comp)
        )
        row.terhadap_target_akhir.append(
            KomponenAkhir.model_construct(
                kunci=key,
                uraian=component_label(comp.kunci, comp.satuan, ind_def.label_for(key)),
                satuan=comp.satuan,
                target_akhir=comp.jumlah,
                target_akhir_maks=comp.jumlah_maks,
                target_tulisan=comp.tulisan,
                jenis=comp.jenis,
                batas=comp.batas,
                rasio_dari=comp.rasio_dari,
                skala=iku.predikat_labels(ind_def) if comp.jenis == "predikat" else None,
                realisasi=realised.get(key),
                capaian=value,
                status=status,
            )
        )
    row.capaian_target_akhir = mean(
        [c.capaian for c in row.terhadap_target_akhir if c.capaian is not None]
    )
    row.kategori_target_akhir = kategori(row.capaian_target_akhir, skala)


def _row(
    ctx: _Years, y: int, si: int, ii: int, ind_def: Indikator, end_target: Target | None
) -> TahunIndikator:
    """Indicator ``ii`` of sasaran ``si`` in year ``y``."""
    hasil = ctx.results[y].sasaran[si].indikator[ii]
    prev_year = max((p for p in ctx.all_years if p < y and p in ctx.data), default=None)
    row = TahunIndikator.model_construct(
        tahun=y, hasil=hasil, status_data=ctx.results[y].status_data
    )
    if prev_year is not None:
        _against_previous(row, ctx.results[prev_year].sasaran[si].indikator[ii], prev_year)
    if end_target is not None:
        _against_end_target(row, ctx.iku, ind_def, end_target, ctx.skala)
    return row


def _indikator(ctx: _Years, si: int, ii: int, ind_first: HasilIndikator) -> LaporanIndikator:
    """One indicator over the years, with its proyeksi as of the last year reported."""
    ind_def = ctx.iku.find_indikator(ind_first.kode)
    assert ind_def is not None
    end_year = ctx.iku.periode.akhir
    end_target = ind_def.target_for(end_year)
    rows = [_row(ctx, y, si, ii, ind_def, end_target) for y in ctx.years]
    years = ctx.years
    series = {
        y: d.indikator[ind_def.kode].nilai
        for y, d in ctx.data.items()
        if y <= years[-1] and ind_def.kode in d.indikator
    }
    return LaporanIndikator.model_construct(
        kode=ind_first.kode,
        uraian=ind_first.uraian,
        bidang=ind_first.bidang,
        polaritas=ind_first.polaritas,
        target_akhir_teks=end_target.teks if end_target else None,
        tahun=rows,
        proyeksi=proyeksi_indikator(ind_def, series, end_year, years[-1]) if end_target else None,
    )


def _sasaran(ctx: _Years, si: int, sas: HasilSasaran) -> LaporanSasaran:
    """Sasaran ``si`` over the years: its indicators, its figure per year."""
    years, results = ctx.years, ctx.results
    return LaporanSasaran.model_construct(
        kode=sas.kode,
        uraian=sas.uraian,
        jenis=sas.jenis,
        indikator=[_indikator(ctx, si, ii, ind) for ii, ind in enumerate(sas.indikator)],
        capaian={y: results[y].sasaran[si].capaian for y in years},
        kategori={y: results[y].sasaran[si].kategori for y in years},
        jumlah_indikator=sas.jumlah_indikator,
        capaian_bidang={y: results[y].sasaran[si].capaian_bidang for y in years},
        kategori_bidang={y: results[y].sasaran[si].kategori_bidang for y in years},
    )


def build_report(
    iku: Iku,
    data: dict[int, RealisasiTahun],
    years: list[int],
    options: Options | None = None,
    *,
    folder_realisasi: str | None = None,
    pk: dict[int, PkTahun] | None = None,
) -> Laporan:
    """Report over ``years`` (each must be in ``data``); earlier years in ``data`` serve for the
    change against the previous year. A year's capaian is against its Perjanjian Kinerja target
    where ``pk`` has one for it, else against the Renstra's (each result says which)."""
    options = options or Options()
    pk = pk or {}
    skala = scale_of(iku, options.skala)
    all_years = sorted(set(data) | set(years))
    results = {y: compute(iku, y, data.get(y), options, pk.get(y)) for y in all_years}
    end_year = iku.periode.akhir
    ctx = _Years(iku, data, years, all_years, results, skala)
    sasaran_out = [_sasaran(ctx, si, sas) for si, sas in enumerate(results[years[0]].sasaran)]
    bidang_nama = iku.bidang_name(options.bidang) if options.bidang else None
    return Laporan.model_construct(
        instansi=iku.instansi.nama,
        pemerintah=iku.instansi.pemerintah,
        periode_awal=iku.periode.awal,
        periode_akhir=end_year,
        bidang=options.bidang,
        bidang_nama=bidang_nama,
        tahun=years,
        status_data={y: results[y].status_data for y in years},
        skala=skala.nama,
        sasaran=sasaran_out,
        capaian={y: results[y].capaian for y in years},
        kategori={y: results[y].kategori for y in years},
        per_tahun=[results[y] for y in years],
        capaian_bidang={y: results[y].capaian_bidang for y in years} if options.bidang else {},
        kategori_bidang={y: results[y].kategori_bidang for y in years} if options.bidang else {},
        berkas_iku=iku.berkas,
        folder_realisasi=folder_realisasi,
        peringatan=[f"{y} {w}" for y in years for w in results[y].peringatan],
    )
