"""The quarterly performance report (``iku triwulan``): per indicator the quarter's target (from
the rencana aksi), the quarter's realisasi, its capaian, the realisasi of the year so far by the
indicator's quarter rule against the year's target, and the programs' money spent so far against
their pagu.

Quarterly capaian = realisasi TW / target TW (the indicator's own rule for negatives, ranges and
the other forms, as the year's capaian). "s.d. TW N" = the quarters I..N made one figure by the
quarter rule (kumulatif: summed; akhir: the last reported; rata_rata: their mean) / the year's
target. A quarter that was not reported is never filled in: the figure says which quarter it
reaches.
"""

from __future__ import annotations

from typing import Any

from ikutool.compute.capaian import capaian_value, mean, status_notes, value_args
from ikutool.compute.money import Anggaran
from ikutool.formatting.numbers import settled_figure
from ikutool.inputs.realisasi import quarter_rule
from ikutool.model.iku import Iku, Indikator, Komponen, Result
from ikutool.model.quarters import QUARTERS, aggregate


class KomponenTriwulan(Result):
    kunci: str
    uraian: str | None = None
    satuan: str
    jenis: str = "angka"
    skala: list[str] | None = None  # a predikat's scale, lowest first (its values are ranks)
    rasio_dari: float | None = None  # a ratio's first term
    aturan_triwulan: str | None  # kumulatif | akhir | rata_rata | None (none written)
    target_tw: float | None
    target_tw_tulisan: str | None
    realisasi_tw: float | None
    capaian_tw: float | None
    realisasi_sd_tw: float | None
    sd_triwulan: str | None  # the last quarter the figure reaches (None: no quarter)
    target_tahun: float | None
    target_tahun_tulisan: str | None
    capaian_sd_tw: float | None
    catatan: str | None = None  # why a figure is missing, in words


class IndikatorTriwulan(Result):
    kode: str
    uraian: str
    bidang: str | None
    bobot: float = 1.0  # its weight in the sasaran's mean (0: shown, not counted)
    target_sumber: str | None  # PK | Renstra
    komponen: list[KomponenTriwulan]
    # the indicator's figures: the component's, or (several components) their mean capaian
    target_tw: float | None
    realisasi_tw: float | None
    capaian_tw: float | None
    realisasi_sd_tw: float | None
    target_tahun: float | None
    capaian_sd_tw: float | None
    aturan_triwulan: str | None
    kategori: str | None
    aksi: str | None = None  # the planned action for the quarter (rencana aksi)
    catatan: str | None = None  # the officer's note for the quarter (rencana aksi 'catatan')
    peringatan: list[str] = []


class SasaranTriwulan(Result):
    kode: str
    uraian: str
    jenis: str
    indikator: list[IndikatorTriwulan]
    capaian_tw: float | None
    capaian_sd_tw: float | None
    kategori: str | None
    dirata_tw: int = 0  # indicators in each mean
    dirata_sd_tw: int = 0


class ProgramTriwulan(Result):
    kode: str | None
    nama: str
    sasaran: list[str]
    pagu: float | None
    realisasi_rp_tw: float | None
    realisasi_rp_sd_tw: float | None
    serapan_sd_tw: float | None  # realisasi Rp s.d. TW / pagu x 100
    peringatan: list[str] = []  # warnings located in the program's entry (travel with its row)


class HasilTriwulan(Result):
    tahun: int
    triwulan: str  # I | II | III | IV
    instansi: str
    status_data: str | None  # the realisasi file's status
    status_renaksi: str | None
    berkas_iku: str | None
    berkas_realisasi: str | None
    berkas_renaksi: str | None
    berkas_pk: str | None
    berkas_program: str | None
    skala: str
    sasaran: list[SasaranTriwulan]
    capaian_tw: float | None  # mean over sasaran (kelompok and tujuan left out)
    capaian_sd_tw: float | None
    kategori: str | None
    dirata: int = 0  # sasaran in the agency mean
    program: list[ProgramTriwulan] = []
    pagu: float | None = None
    realisasi_rp_sd_tw: float | None = None
    serapan_sd_tw: float | None = None
    kurang_anggaran: list[str] = []  # what keeps the total empty
    catatan: list[str] = []  # which inputs are illustrative or provisional (every output)
    peringatan: list[str] = []


def _fig(value: float | None) -> float | None:
    return settled_figure(value) if value is not None else None


def build_triwulan(
    iku: Iku,
    tahun: int,
    tw: str,
    *,
    realisasi: Any = None,
    renaksi: Any = None,
    pk: Any = None,
    program: Any = None,
    skala: str | None = None,
    bidang: str | None = None,
    berkas: dict[str, str | None] | None = None,
) -> HasilTriwulan:
    from ikutool.model.scales import kategori, scale_of

    scale = scale_of(iku, skala)
    sasaran_out = []
    for group in iku.groups():
        rows = []
        for ind in group.indikator:
            if bidang is not None and iku.bidang_key(ind) != bidang:
                continue
            rows.append(_indicator(iku, ind, tahun, tw, realisasi, renaksi, pk, scale))
        if not rows:
            continue
        jenis = getattr(group, "jenis", "sasaran")
        # the sasaran's mean, weighted as its year's capaian is (bobot 0: shown, never counted)
        with_tw = [r for r in rows if r.capaian_tw is not None and r.bobot > 0]
        with_sd = [r for r in rows if r.capaian_sd_tw is not None and r.bobot > 0]
        counted_tw = [r.capaian_tw for r in with_tw]
        counted_sd = [r.capaian_sd_tw for r in with_sd]
        grouped = jenis == "sasaran"
        c_tw = _fig(mean(counted_tw, [r.bobot for r in with_tw])) if grouped else None  # type: ignore[arg-type]
        c_sd = _fig(mean(counted_sd, [r.bobot for r in with_sd])) if grouped else None  # type: ignore[arg-type]
        sasaran_out.append(
            SasaranTriwulan.model_construct(
                kode=group.kode,
                uraian=group.uraian,
                jenis=jenis,
                indikator=rows,
                capaian_tw=c_tw,
                capaian_sd_tw=c_sd,
                kategori=kategori(c_sd, scale),
                dirata_tw=len(counted_tw) if grouped else 0,
                dirata_sd_tw=len(counted_sd) if grouped else 0,
            )
        )
    counted = [s for s in sasaran_out if s.jenis == "sasaran" and s.capaian_sd_tw is not None]
    agency_sd = _fig(mean([s.capaian_sd_tw for s in counted]))  # type: ignore[misc]
    agency_tw = _fig(
        mean(
            [s.capaian_tw for s in sasaran_out if s.jenis == "sasaran" and s.capaian_tw is not None]
        )  # type: ignore[misc]
    )
    programs, total = _programs(program, tw, bidang is None)
    berkas = berkas or {}
    return HasilTriwulan.model_construct(
        tahun=tahun,
        triwulan=tw,
        instansi=iku.instansi.nama,
        status_data=realisasi.status if realisasi is not None else None,
        status_renaksi=renaksi.status if renaksi is not None else None,
        berkas_iku=berkas.get("iku"),
        berkas_realisasi=realisasi.file if realisasi is not None else None,
        berkas_renaksi=renaksi.file if renaksi is not None else None,
        berkas_pk=pk.file if pk is not None else None,
        berkas_program=program.file if program is not None else None,
        skala=scale.nama,
        sasaran=sasaran_out,
        capaian_tw=agency_tw,
        capaian_sd_tw=agency_sd,
        kategori=kategori(agency_sd, scale),
        dirata=len(counted),
        program=programs,
        pagu=total.pagu if total is not None else None,
        realisasi_rp_sd_tw=total.realisasi if total is not None else None,
        serapan_sd_tw=total.serapan if total is not None else None,
        kurang_anggaran=total.kurang if total is not None else [],
        catatan=status_notes(
            tahun,
            [
                ("realisasi", realisasi.status if realisasi is not None else None),
                ("rencana aksi", renaksi.status if renaksi is not None else None),
                ("Perjanjian Kinerja", pk.status if pk is not None else None),
                ("program dan anggaran", program.status if program is not None else None),
            ],
        ),
        peringatan=[],
    )


def _indicator(
    iku: Iku,
    ind: Indikator,
    tahun: int,
    tw: str,
    realisasi: Any,
    renaksi: Any,
    pk: Any,
    scale: Any,
) -> IndikatorTriwulan:
    from ikutool.inputs.renaksi import year_target
    from ikutool.model.scales import kategori

    year, source = year_target(iku, ind, tahun, pk)
    entry = realisasi.indikator.get(ind.kode) if realisasi is not None else None
    quarter = renaksi.target_tw(ind.kode, tw) if renaksi is not None else None
    warnings: list[str] = []
    if renaksi is not None:
        warnings += renaksi.warnings_for(ind.kode)
    comps: list[KomponenTriwulan] = []
    ref = year or ind.reference_target(tahun)
    for i, comp in enumerate(ref.komponen if ref is not None else []):
        key = comp.kunci or "nilai"
        rule = quarter_rule(ind, key, tahun)
        q_comp: Komponen | None = quarter.komponen[i] if quarter is not None else None
        series = []
        last = None
        note = None
        if entry is not None and entry.triwulan:
            for q in QUARTERS[: QUARTERS.index(tw) + 1]:
                v = entry.triwulan.get(q, {}).get(key)
                if v is not None:
                    series.append(v)
                    last = q
        r_tw = entry.triwulan.get(tw, {}).get(key) if entry is not None else None
        if series and rule is not None:
            sd = aggregate(rule, series)
        elif entry is not None and not entry.triwulan and tw == "IV":
            sd = entry.nilai.get(key)  # a year written as one figure is the year at TW IV
            last = "IV" if sd is not None else None
        else:
            sd = None
        if entry is None:
            note = "belum ada realisasi"
        elif not entry.triwulan:
            note = "realisasi ditulis setahun, tidak per triwulan"
        elif rule is None:
            note = "aturan triwulan belum ditulis"
        c_tw = None
        if q_comp is not None and r_tw is not None:
            c_tw, _, _ = capaian_value(q_comp.jumlah, r_tw, **value_args(iku, ind, q_comp))
        c_sd = None
        if year is not None and sd is not None:
            c_sd, _, _ = capaian_value(comp.jumlah, sd, **value_args(iku, ind, comp))
        comps.append(
            KomponenTriwulan.model_construct(
                kunci=key,
                uraian=ind.label_for(key),
                satuan=comp.satuan,
                jenis=comp.jenis,
                skala=iku.predikat_labels(ind) if comp.jenis == "predikat" else None,
                rasio_dari=comp.rasio_dari,
                aturan_triwulan=rule,
                target_tw=q_comp.jumlah if q_comp is not None else None,
                target_tw_tulisan=q_comp.tulisan if q_comp is not None else None,
                realisasi_tw=r_tw,
                capaian_tw=_fig(c_tw),
                realisasi_sd_tw=_fig(sd),
                sd_triwulan=last,
                target_tahun=comp.jumlah if year is not None else None,
                target_tahun_tulisan=comp.tulisan if year is not None else None,
                capaian_sd_tw=_fig(c_sd),
                catatan=note,
            )
        )
    single = comps[0] if len(comps) == 1 else None
    c_tw_all = [c.capaian_tw for c in comps if c.capaian_tw is not None]
    c_sd_all = [c.capaian_sd_tw for c in comps if c.capaian_sd_tw is not None]
    c_sd_ind = _fig(mean(c_sd_all))  # type: ignore[arg-type]
    rules = {c.aturan_triwulan for c in comps}
    bidang = iku.bidang_of(ind)
    return IndikatorTriwulan.model_construct(
        kode=ind.kode,
        uraian=ind.uraian,
        bidang=bidang.nama if bidang is not None else None,
        bobot=ind.bobot,
        target_sumber=source if year is not None else None,
        komponen=comps,
        target_tw=single.target_tw if single else None,
        realisasi_tw=single.realisasi_tw if single else None,
        capaian_tw=_fig(mean(c_tw_all)),  # type: ignore[arg-type]
        realisasi_sd_tw=single.realisasi_sd_tw if single else None,
        target_tahun=single.target_tahun if single else None,
        capaian_sd_tw=c_sd_ind,
        aturan_triwulan=rules.pop() if len(rules) == 1 else None,
        kategori=kategori(c_sd_ind, scale),
        aksi=renaksi.aksi.get(ind.kode, {}).get(tw) if renaksi is not None else None,
        catatan=renaksi.catatan.get(ind.kode, {}).get(tw) if renaksi is not None else None,
        peringatan=warnings,
    )


def _programs(
    program: Any, tw: str, include: bool
) -> tuple[list[ProgramTriwulan], Anggaran | None]:
    """The programs' Rp s.d. TW against their pagu, and their sum, by the one money rule."""
    from ikutool.compute.money import jumlah, uang_tahun

    if program is None or not include:
        return [], None
    money = uang_tahun(program, tw)
    rows = []
    for i, (p, m) in enumerate(zip(program.program, money.program, strict=True)):
        rows.append(
            ProgramTriwulan.model_construct(
                kode=p.kode,
                nama=p.nama,
                sasaran=p.sasaran,
                pagu=m.pagu,
                realisasi_rp_tw=p.uang.quarter(tw),
                realisasi_rp_sd_tw=m.realisasi,
                serapan_sd_tw=m.serapan,
                peringatan=program.warnings_at("program", i) + m.kurang,
            )
        )
    return rows, jumlah(money.program)
