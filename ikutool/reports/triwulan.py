"""The quarterly performance report (``iku triwulan``), judged against the plan (docs/domain.md,
"Quarters").

Per indicator and component:

- the quarter: target TW N (rencana aksi), realisasi TW N, capaian TW N = realisasi / target;
- the year so far, against the plan: target s.d. TW N = the rencana aksi's quarters I..N made one
  figure by the indicator's quarter rule (kumulatif: summed; akhir: the last planned; rata_rata:
  their mean), realisasi s.d. TW N by the same rule, capaian s.d. TW N = realisasi s.d. TW N /
  target s.d. TW N; the kategori is graded on this figure (on plan in April is on plan);
- progress toward the year ("terhadap target tahunan"): realisasi s.d. TW N / the year's target,
  shown and never graded before TW IV (at TW IV it is the year's capaian).

Without a rencana aksi nothing is graded against a plan (at TW IV the year's capaian is, and the
report says which). An annual indicator (``frekuensi: tahunan``) has its one value at TW IV: before
it, it is shown as measured yearly and left out of the means. A quarter is measured against the
PK (or PK perubahan) in force on its last day, and the report says which. A quarter not reported
is never filled in: the figure says which quarter it reaches.
"""

from __future__ import annotations

import math
from typing import Any

from ikutool.compute.capaian import capaian_value, mean, status_notes, value_args
from ikutool.compute.money import Anggaran
from ikutool.formatting.numbers import settled_figure
from ikutool.model.iku import Iku, Indikator, Kepala, Komponen, Result
from ikutool.model.quarters import QUARTERS, aggregate, measured_quarters, quarter_end

# what the kategori of a row is graded on
DASAR_RENCANA = "rencana aksi"
DASAR_TAHUNAN = "target tahunan"


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
    target_sd_tw: float | None  # the rencana aksi's quarters I..N by the quarter rule
    realisasi_sd_tw: float | None
    sd_triwulan: str | None  # the last quarter the realisasi figure reaches (None: no quarter)
    capaian_sd_tw: float | None  # realisasi s.d. TW / target s.d. TW x 100 (against the plan)
    target_tahun: float | None
    target_tahun_tulisan: str | None
    progres_tahun: float | None  # realisasi s.d. TW / the year's target x 100 (not graded)
    catatan: str | None = None  # why a figure is missing, in words


class IndikatorTriwulan(Result):
    kode: str
    uraian: str
    bidang: str | None
    bobot: float = 1.0  # its weight in the sasaran's mean (0: shown, not counted)
    frekuensi: str | None = None
    tahunan_belum: bool = False  # an annual indicator before TW IV: measured yearly, not yet
    target_sumber: str | None  # PK | Renstra
    komponen: list[KomponenTriwulan]
    # the indicator's figures: the component's, or (several components) their mean capaian
    target_tw: float | None
    realisasi_tw: float | None
    capaian_tw: float | None
    target_sd_tw: float | None
    realisasi_sd_tw: float | None
    capaian_sd_tw: float | None
    target_tahun: float | None
    progres_tahun: float | None
    aturan_triwulan: str | None
    kategori: str | None
    dasar_kategori: str | None = None  # rencana aksi | target tahunan (TW IV without a plan)
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
    progres_tahun: float | None
    kategori: str | None
    dirata_tw: int = 0  # indicators in each mean
    dirata_sd_tw: int = 0
    dirata_tahun: int = 0


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
    pemerintah: str | None = None
    kota: str | None = None  # where the head signs
    kepala: Kepala | None = None
    status_data: str | None  # the realisasi file's status
    status_renaksi: str | None
    berkas_iku: str | None
    berkas_realisasi: str | None
    berkas_renaksi: str | None
    berkas_pk: str | None
    berkas_program: str | None
    pk_berlaku: str | None = None  # which PK the quarter is measured against, in words
    ada_renaksi: bool = False
    skala: str
    sasaran: list[SasaranTriwulan]
    capaian_tw: float | None  # mean over sasaran (kelompok and tujuan left out)
    capaian_sd_tw: float | None  # against the plan
    progres_tahun: float | None  # against the year's target (not graded before TW IV)
    kategori: str | None
    dasar_kategori: str | None = None
    dirata: int = 0  # sasaran in the agency mean
    program: list[ProgramTriwulan] = []
    pagu: float | None = None
    realisasi_rp_sd_tw: float | None = None
    serapan_sd_tw: float | None = None
    kurang_anggaran: list[str] = []  # what keeps the total empty
    catatan: list[str] = []  # which inputs are illustrative or provisional (every output)
    peringatan: list[str] = []


def _fig(value: float | None) -> float | None:
    return settled_figure(value) if value is not None and math.isfinite(value) else None


def _weighted(rows: list[Any], attr: str) -> tuple[float | None, int]:
    """The bobot-weighted mean of ``attr`` over ``rows`` that have it (bobot 0: never counted)."""
    counted = [r for r in rows if getattr(r, attr) is not None and r.bobot > 0]
    if not counted:
        return None, 0
    value = mean([getattr(r, attr) for r in counted], [r.bobot for r in counted])
    return _fig(value), len(counted)


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
    in_force = pk.as_of(quarter_end(tahun, tw)) if pk is not None else None
    sasaran_out = []
    for group in iku.groups():
        rows = [
            _indicator(iku, ind, tahun, tw, realisasi, renaksi, in_force, scale)
            for ind in group.indikator
            if bidang is None or iku.bidang_key(ind) == bidang
        ]
        if rows:
            sasaran_out.append(_sasaran(group, rows, tw, scale))
    averaged = [s for s in sasaran_out if s.jenis == "sasaran"]
    agency_tw = _fig(mean([s.capaian_tw for s in averaged if s.capaian_tw is not None]))
    plan = [s.capaian_sd_tw for s in averaged if s.capaian_sd_tw is not None]
    year = [s.progres_tahun for s in averaged if s.progres_tahun is not None]
    agency_sd, agency_year = _fig(mean(plan)), _fig(mean(year))
    graded, dasar = _graded(agency_sd, agency_year, tw)
    programs, total = _programs(program, tw, bidang is None)
    berkas = berkas or {}
    return HasilTriwulan.model_construct(
        tahun=tahun,
        triwulan=tw,
        instansi=iku.instansi.nama,
        pemerintah=iku.instansi.pemerintah,
        kota=iku.instansi.kota,
        kepala=iku.instansi.kepala,
        status_data=realisasi.status if realisasi is not None else None,
        status_renaksi=renaksi.status if renaksi is not None else None,
        berkas_iku=berkas.get("iku"),
        berkas_realisasi=realisasi.file if realisasi is not None else None,
        berkas_renaksi=renaksi.file if renaksi is not None else None,
        berkas_pk=pk.file if pk is not None else None,
        berkas_program=program.file if program is not None else None,
        pk_berlaku=_pk_in_force(pk, in_force, tahun, tw),
        # a rencana aksi holding only notes (started by impor for its kendala) is no plan
        ada_renaksi=renaksi is not None and bool(renaksi.target),
        skala=scale.nama,
        sasaran=sasaran_out,
        capaian_tw=agency_tw,
        capaian_sd_tw=agency_sd,
        progres_tahun=agency_year,
        kategori=kategori(graded, scale),
        dasar_kategori=dasar if graded is not None else None,
        dirata=len(plan) if plan else len(year),
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
                ("anggaran program", program.status if program is not None else None),
            ],
        ),
        peringatan=[],
    )


def _graded(plan: float | None, year: float | None, tw: str) -> tuple[float | None, str]:
    """The figure a kategori is given on: against the plan; without a plan only the year, at
    TW IV (a year's progress is never graded before it ends)."""
    if plan is not None:
        return plan, DASAR_RENCANA
    if tw == "IV" and year is not None:
        return year, DASAR_TAHUNAN
    return None, ""


def _sasaran(group: Any, rows: list[IndikatorTriwulan], tw: str, scale: Any) -> SasaranTriwulan:
    from ikutool.model.scales import kategori

    grouped = getattr(group, "jenis", "sasaran") == "sasaran"
    c_tw, n_tw = _weighted(rows, "capaian_tw")
    c_sd, n_sd = _weighted(rows, "capaian_sd_tw")
    c_year, n_year = _weighted(rows, "progres_tahun")
    if not grouped:  # a kelompok or a tujuan: measured, never averaged
        c_tw = c_sd = c_year = None
        n_tw = n_sd = n_year = 0
    graded, _ = _graded(c_sd, c_year, tw)
    return SasaranTriwulan.model_construct(
        kode=group.kode,
        uraian=group.uraian,
        jenis=getattr(group, "jenis", "sasaran"),
        indikator=rows,
        capaian_tw=c_tw,
        capaian_sd_tw=c_sd,
        progres_tahun=c_year,
        kategori=kategori(graded, scale),
        dirata_tw=n_tw,
        dirata_sd_tw=n_sd,
        dirata_tahun=n_year,
    )


def _pk_in_force(pk: Any, in_force: Any, tahun: int, tw: str) -> str | None:
    """Which PK the quarter is measured against, and any perubahan made after it."""
    if pk is None:
        return None
    from ikutool.formatting.numbers import tanggal

    end = quarter_end(tahun, tw)
    made = sorted(set(in_force.perubahan.values()))
    text = (
        f"PK perubahan {tanggal(made[-1].isoformat())}"
        if made
        else "PK awal"
        + (
            f" (ditandatangani {tanggal(pk.ditandatangani.isoformat())})"
            if pk.ditandatangani
            else ""
        )
    )
    text = f"Target tahunan menurut {text}, yang berlaku pada akhir TW {tw} ({tanggal(end.isoformat())})"
    later = pk.revisions_after(end)
    if later:
        text += (
            "; PK perubahan "
            + ", ".join(tanggal(d.isoformat()) for d in later)
            + " berlaku sesudahnya dan tidak dipakai untuk triwulan ini"
        )
    return text + "."


def _series(
    values: dict[str, float], tw: str, quarters: tuple[str, ...]
) -> list[tuple[str, float]]:
    """``(quarter, value)`` of the quarters I..``tw`` that are measured and written."""
    upto = QUARTERS.index(tw)
    return [(q, values[q]) for q in quarters if QUARTERS.index(q) <= upto and q in values]


def _komponen(
    iku: Iku,
    ind: Indikator,
    i: int,
    comp: Komponen,
    year: Any,
    tahun: int,
    tw: str,
    entry: Any,
    renaksi: Any,
) -> KomponenTriwulan:
    from ikutool.inputs.realisasi_nilai import quarter_rule

    key = comp.kunci or "nilai"
    measured = measured_quarters(ind.frekuensi)
    rule = "akhir" if len(measured) == 1 else quarter_rule(ind, key, tahun)
    plan = renaksi.target.get(ind.kode, {}) if renaksi is not None else {}
    planned = {q: t.komponen[i] for q, t in plan.items() if i < len(t.komponen)}
    q_comp = planned.get(tw)
    real: dict[str, float] = {}
    if entry is not None and entry.triwulan:
        real = {q: v for q, vals in entry.triwulan.items() if (v := vals.get(key)) is not None}
    elif entry is not None and entry.nilai.get(key) is not None:
        real = {"IV": entry.nilai[key]}  # a year written as one figure is the year at TW IV
    done = _series(real, tw, measured)
    note = None
    if entry is None:
        note = "belum ada realisasi"
    elif not entry.triwulan and tw != "IV":
        note = "realisasi ditulis setahun, tidak per triwulan"
    elif rule is None and entry.triwulan:
        note = "aturan triwulan belum ditulis"
    if entry is not None and not entry.triwulan:  # a year written as one figure: the year
        sd = done[0][1] if done else None
    else:
        sd = aggregate(rule, [v for _, v in done]) if done and rule else None
    aimed = _series({q: c.jumlah for q, c in planned.items()}, tw, measured)
    target_sd = aggregate(rule, [v for _, v in aimed]) if aimed and rule else None
    shape = planned[aimed[-1][0]] if aimed else comp  # the form the plan is compared in
    c_tw = _value(iku, ind, q_comp, real.get(tw)) if q_comp is not None else None
    c_sd = _value(iku, ind, shape, sd, target_sd) if target_sd is not None else None
    c_year = _value(iku, ind, comp, sd) if year is not None else None
    return KomponenTriwulan.model_construct(
        kunci=key,
        uraian=ind.label_for(key),
        satuan=comp.satuan,
        jenis=comp.jenis,
        skala=iku.predikat_labels(ind) if comp.jenis == "predikat" else None,
        rasio_dari=comp.rasio_dari,
        aturan_triwulan=rule,
        target_tw=q_comp.jumlah if q_comp is not None else None,
        target_tw_tulisan=q_comp.tulisan if q_comp is not None else None,
        realisasi_tw=real.get(tw),
        capaian_tw=_fig(c_tw),
        target_sd_tw=_fig(target_sd),
        realisasi_sd_tw=_fig(sd),
        sd_triwulan=done[-1][0] if done else None,
        capaian_sd_tw=_fig(c_sd),
        target_tahun=comp.jumlah if year is not None else None,
        target_tahun_tulisan=comp.tulisan if year is not None else None,
        progres_tahun=_fig(c_year),
        catatan=note,
    )


def _value(
    iku: Iku, ind: Indikator, comp: Komponen, realisasi: float | None, target: float | None = None
) -> float | None:
    """The capaian of ``realisasi`` against ``comp`` (or against ``target`` in ``comp``'s form)."""
    if realisasi is None:
        return None
    args = value_args(iku, ind, comp)
    if target is not None and target != comp.jumlah:
        args["target_maks"] = None  # an aggregate of quarters is one figure, not a range
    value, _, _ = capaian_value(comp.jumlah if target is None else target, realisasi, **args)
    return value


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
    ref = year or ind.reference_target(tahun)
    comps = [
        _komponen(iku, ind, i, comp, year, tahun, tw, entry, renaksi)
        for i, comp in enumerate(ref.komponen if ref is not None else [])
    ]
    annual_pending = measured_quarters(ind.frekuensi) == ("IV",) and tw != "IV"
    if annual_pending:  # measured once a year: nothing to judge before TW IV
        for c in comps:
            c.catatan = "diukur tahunan: dinilai pada TW IV"
    single = comps[0] if len(comps) == 1 else None

    def avg(attr: str) -> float | None:
        return _fig(mean([v for c in comps if (v := getattr(c, attr)) is not None]))

    c_sd, c_year = avg("capaian_sd_tw"), avg("progres_tahun")
    if annual_pending:
        c_sd = c_year = None
    graded, dasar = _graded(c_sd, c_year, tw)
    rules = {c.aturan_triwulan for c in comps}
    bidang = iku.bidang_of(ind)
    return IndikatorTriwulan.model_construct(
        kode=ind.kode,
        uraian=ind.uraian,
        bidang=bidang.nama if bidang is not None else None,
        bobot=ind.bobot,
        frekuensi=ind.frekuensi,
        tahunan_belum=annual_pending,
        target_sumber=source if year is not None else None,
        komponen=comps,
        target_tw=single.target_tw if single else None,
        realisasi_tw=single.realisasi_tw if single else None,
        capaian_tw=None if annual_pending else avg("capaian_tw"),
        target_sd_tw=single.target_sd_tw if single else None,
        realisasi_sd_tw=single.realisasi_sd_tw if single else None,
        capaian_sd_tw=c_sd,
        target_tahun=single.target_tahun if single else None,
        progres_tahun=c_year,
        aturan_triwulan=rules.pop() if len(rules) == 1 else None,
        kategori=kategori(graded, scale),
        dasar_kategori=dasar if graded is not None else None,
        aksi=renaksi.aksi.get(ind.kode, {}).get(tw) if renaksi is not None else None,
        catatan=renaksi.catatan.get(ind.kode, {}).get(tw) if renaksi is not None else None,
        peringatan=renaksi.warnings_for(ind.kode) if renaksi is not None else [],
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


def rule_note(tw: str) -> str:
    """How the figures of a quarterly report are made, for the note under its table."""
    return (
        f"Capaian TW {tw} = realisasi TW {tw} / target TW {tw} (rencana aksi) x 100. Target dan "
        f"realisasi s.d. TW {tw} menurut aturan triwulan setiap indikator: kumulatif = jumlah "
        "triwulan, akhir = triwulan terakhir, rata-rata = rata-rata triwulan. Capaian s.d. TW "
        f"{tw} = realisasi s.d. TW {tw} / target s.d. TW {tw} (rencana aksi) x 100; kategori "
        f"menurut capaian ini. Progres = realisasi s.d. TW {tw} / target tahunan x 100"
        + (
            ", tidak dikategorikan sebelum TW IV."
            if tw != "IV"
            else "; pada TW IV sama dengan capaian tahunan."
        )
    )
