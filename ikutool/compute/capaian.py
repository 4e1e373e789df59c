"""The capaian engine: pure functions, models in, results out (docs/domain.md, "Arithmetic").

- positif: R / T x 100
- negatif, "selisih" (PermenPAN-RB, most LKjIPs): (2T - R) / T x 100
- negatif, "kebalikan": T / R x 100
- a range [L, U]: inside -> 100; below -> against L; above -> against U (either polarity)
- no cap by default; a composite indicator is the mean of its components, a sasaran the (weighted)
  mean of its indicators, the agency figure the mean of its sasaran. Values without a number
  (no target, no realisasi yet, target zero) are left out of every mean, never counted as 0.

Full precision throughout; rounding happens only when rendering.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ikutool.compute.capaian_hasil import GROUP_TEXT as GROUP_TEXT
from ikutool.compute.capaian_hasil import STATUS_TEXT as STATUS_TEXT
from ikutool.compute.capaian_hasil import (
    HasilCapaian,
    HasilIndikator,
    HasilKomponen,
    HasilSasaran,
    Status,
)
from ikutool.formatting.numbers import format_angka, format_persen, settled
from ikutool.inputs.pk import PkTahun
from ikutool.inputs.realisasi import RealisasiIndikator, RealisasiTahun
from ikutool.model.iku import Iku, Indikator, Komponen, Sasaran, Skala, Tujuan
from ikutool.model.notation import component_label, format_value
from ikutool.model.scales import kategori, scale_of
from ikutool.model.target import Target

EXTREME = 1000.0


@dataclass(frozen=True)
class Options:
    skala: str | None = None  # override of the file's scale: permendagri86 | permenpanrb53
    batas: float | None = None  # optional display cap, e.g. 100 or 120; None = no cap (default)
    bidang: str | None = None  # bidang kunci to keep (already resolved)


def capaian_value(
    target: float,
    realisasi: float | None,
    *,
    polaritas: str = "positif",
    rumus: str = "selisih",
    target_maks: float | None = None,
    jenis: str = "angka",
    predikat: str = "peringkat",
    nol: str = "biner",
) -> tuple[float | None, Status, float]:
    """Capaian of one quantity: ``(capaian or None, status, the bound compared with)``.

    A predikat compares ranks on its scale: ``peringkat`` R / T x 100 (WDP against WTP: 3/4 =
    75), ``biner`` 100 when reached, else 0. A target of zero on a negative indicator ("0 kasus")
    is measured by the file's ``target_nol`` rule: ``biner`` gives 100 for a realisasi of 0 and
    0 above it (``tidak_dihitung``: no capaian, "target nol")."""
    if realisasi is None:
        return None, "belum_ada_realisasi", target
    if jenis == "predikat":
        if predikat == "biner":
            return (100.0 if realisasi >= target else 0.0), "ada", target
        return realisasi / target * 100, "ada", target
    bound = target
    if target_maks is not None:
        if target <= realisasi <= target_maks:
            return 100.0, "ada", realisasi
        bound = target if realisasi < target else target_maks
    if bound == 0:
        if polaritas == "negatif" and nol == "biner":
            return (100.0 if settled(realisasi) <= 0 else 0.0), "ada", bound
        return None, "target_nol", bound
    if polaritas == "positif":
        return realisasi / bound * 100, "ada", bound
    if rumus == "kebalikan":
        if realisasi == 0:
            return None, "realisasi_nol", bound
        return bound / realisasi * 100, "ada", bound
    return (2 * bound - realisasi) / bound * 100, "ada", bound


def value_args(iku: Iku, ind: Indikator, comp: Komponen) -> dict:
    """The keyword arguments of :func:`capaian_value` for ``comp`` of ``ind``: one place that
    says which rule measures a component (the year's capaian and the end-target comparison)."""
    return {
        "polaritas": ind.polaritas,
        "rumus": iku.rumus_for(ind),
        "target_maks": comp.jumlah_maks,
        "jenis": comp.jenis,
        "predikat": ind.capaian_predikat,
        "nol": iku.target_nol,
    }


def mean(values: list[float], weights: list[float] | None = None) -> float | None:
    if not values:
        return None
    if weights is None:
        return math.fsum(values) / len(values)
    total = math.fsum(weights)
    if total == 0:  # only indicators of bobot 0 have a figure: shown, never counted
        return None
    return math.fsum(v * w for v, w in zip(values, weights, strict=True)) / total


def extreme_cause(target: float, realisasi: float, value: float, rumus_args: dict) -> str:
    """The likely reason for a capaian beyond +/-1000 %, in words an officer can act on."""
    if realisasi >= 1000 and float(realisasi).is_integer():
        smaller = realisasi / 1000
        alt, _, _ = capaian_value(target, smaller, **rumus_args)
        if alt is not None and 10 <= alt <= 500:
            return (
                f"realisasi {format_angka(realisasi)} mungkin salah ketik: titik dibaca sebagai "
                f"pemisah ribuan; bila maksudnya {format_angka(smaller)}, tulis "
                f'"{format_angka(smaller)}" (desimal dengan koma)'
            )
    hundredth, _, _ = capaian_value(target, realisasi / 100, **rumus_args)
    if abs(target) <= 1 < abs(realisasi) <= 100 and hundredth is not None:
        if 10 <= hundredth <= 500:
            return (
                f"target {format_angka(target)} dan realisasi {format_angka(realisasi)} tampaknya "
                "ditulis dalam skala berbeda (pecahan 0-1 dan angka 0-100); tulis keduanya dalam "
                f"skala yang sama, mis. realisasi {format_angka(realisasi / 100)} atau target "
                f"{format_angka(target * 100)}"
            )
    if abs(target) < 1 and abs(realisasi) > abs(target):
        return f"target {format_angka(target)} terlalu dekat dengan nol; periksa targetnya"
    if value < 0:
        return "realisasi bergerak jauh berlawanan arah dengan target; periksa tanda dan satuannya"
    return (
        "realisasi jauh dari target; periksa satuan keduanya (mis. ribu dan satuan, juta dan "
        "rupiah) dan angka targetnya"
    )


def _komponen(
    iku: Iku,
    ind: Indikator,
    comp: Komponen,
    realisasi: float | None,
    rumus: str,
    batas: float | None,
) -> HasilKomponen:
    value, status, bound = capaian_value(comp.jumlah, realisasi, **value_args(iku, ind, comp))
    warnings = []
    original = value
    kesimpulan = aturan = None
    if comp.jenis == "predikat" and value is not None:
        kesimpulan = (
            "tercapai" if realisasi is not None and realisasi >= comp.jumlah else "tidak tercapai"
        )
        aturan = (
            "predikat, peringkat realisasi / peringkat target x 100"
            if ind.capaian_predikat == "peringkat"
            else "predikat, 100 bila tercapai, 0 bila tidak"
        )
    elif bound == 0 and value is not None and ind.polaritas == "negatif":
        kesimpulan = "tercapai" if value == 100 else "tidak tercapai"
        aturan = "target nol pada polaritas negatif: realisasi 0 = 100, di atas 0 = 0"
    elif value is not None:
        if abs(value) > EXTREME:
            cause = extreme_cause(
                bound,
                realisasi,  # type: ignore[arg-type]
                value,
                {"polaritas": ind.polaritas, "rumus": rumus},
            )
            warnings.append(f"IKU401 capaian ekstrem ({format_persen(value)}): {cause}")
        elif value < 0:
            warnings.append(
                "IKU401 capaian negatif: realisasi bergerak berlawanan arah dengan target"
            )
    if value is not None and batas is not None and value > batas:
        value = batas
    elif status == "target_nol":
        warnings.append("IKU402 target nol: capaian tidak dapat dihitung (pembagian dengan nol)")
    elif status == "realisasi_nol":
        warnings.append(
            "IKU402 realisasi nol dengan rumus kebalikan (T/R): capaian tidak terdefinisi"
        )
    return HasilKomponen.model_construct(
        kunci=comp.kunci or "nilai",
        uraian=component_label(comp.kunci, comp.satuan, ind.label_for(comp.kunci or "")),
        satuan=comp.satuan,
        persen=bool(comp.persen),
        target=comp.jumlah,
        target_maks=comp.jumlah_maks,
        pembanding=bound if comp.jumlah_maks is not None and status == "ada" else None,
        realisasi=realisasi,
        capaian=value,
        capaian_asli=original if value != original else None,
        status=status,
        peringatan=warnings,
        jenis=comp.jenis,
        batas=comp.batas,
        rasio_dari=comp.rasio_dari,
        skala=iku.predikat_labels(ind) if comp.jenis == "predikat" else None,
        target_tulisan=comp.tulisan,
        realisasi_tulisan=format_value(
            realisasi, comp.jenis, iku.predikat_labels(ind), comp.rasio_dari
        )
        if realisasi is not None and comp.jenis != "angka"
        else None,
        kesimpulan=kesimpulan,
        aturan=aturan,
    )


def _without_target(
    ind: Indikator, tahun: int, entry: RealisasiIndikator | None
) -> list[HasilKomponen]:
    """A year without a target: still what was reached, if anything, in the units of other
    years."""
    ref = ind.reference_target(tahun)
    units = {c.kunci or "nilai": c for c in (ref.komponen if ref else [])}
    components: list[HasilKomponen] = []
    for key, value in entry.nilai.items() if entry else []:
        if value is None:
            continue
        unit = units.get(key)
        components.append(
            HasilKomponen.model_construct(
                kunci=key,
                uraian=component_label(key, unit.satuan if unit else "", ind.label_for(key)),
                satuan=unit.satuan if unit else (ind.satuan or ""),
                persen=bool(unit.persen) if unit else False,
                target=None,
                realisasi=value,
                capaian=None,
                status="tanpa_target",
                peringatan_realisasi=entry.warnings_for(key) if entry else [],
            )
        )
    return components


def _against_target(
    iku: Iku,
    ind: Indikator,
    target: Target,
    entry: RealisasiIndikator | None,
    rumus: str,
    batas: float | None,
) -> list[HasilKomponen]:
    """Each component of ``target`` against its realisasi, with what the realisasi file says of
    it (its warnings, the quarters it is built from)."""
    components: list[HasilKomponen] = []
    for comp in target.komponen:
        key = comp.kunci or "nilai"
        one = _komponen(iku, ind, comp, entry.nilai.get(key) if entry else None, rumus, batas)
        if entry is not None and one.realisasi is not None:
            one.peringatan_realisasi = entry.warnings_for(key)
            one.sd_triwulan = entry.sd_triwulan.get(key)
            one.agregasi_triwulan = entry.agregasi.get(key)
        components.append(one)
    return components


def _indicator_figure(
    ind: Indikator, components: list[HasilKomponen], notes: list[str]
) -> tuple[float | None, Status]:
    """An indicator's capaian (the mean of its components') and its status; a composite with
    components still empty is ``sebagian``, said in ``notes``."""
    numbers = [c.capaian for c in components if c.capaian is not None]
    value = mean(numbers)
    missing = [c.kunci for c in components if c.status == "belum_ada_realisasi"]
    if value is not None and missing:
        notes.append(
            f"IKU309 komponen {', '.join(missing)} belum diisi; capaian {ind.kode} dihitung "
            f"dari {len(numbers)} dari {len(components)} komponen"
        )
        return value, "sebagian"
    if value is not None:
        return value, "ada"
    found = [c.status for c in components]
    return value, next(
        (s for s in ("target_nol", "realisasi_nol") if s in found), "belum_ada_realisasi"
    )


def capaian_indikator(
    iku: Iku,
    ind: Indikator,
    tahun: int,
    data: RealisasiTahun | None,
    skala: Skala,
    batas: float | None = None,
    pk: PkTahun | None = None,
) -> HasilIndikator:
    """One indicator's capaian, against the Perjanjian Kinerja target where the PK gives one,
    else the Renstra target of that year (the LKjIP rule; the result says which)."""
    rumus = iku.rumus_for(ind)
    pk_target = pk.target.get(ind.kode) if pk is not None else None
    target = pk_target or ind.target_for(tahun)
    entry = data.indikator.get(ind.kode) if data else None
    notes: list[str] = []
    value: float | None
    status: Status
    if target is None:
        components = _without_target(ind, tahun, entry)
        value, status = None, "tanpa_target"
    else:
        components = _against_target(iku, ind, target, entry, rumus, batas)
        value, status = _indicator_figure(ind, components, notes)
    return HasilIndikator.model_construct(
        kode=ind.kode,
        uraian=ind.uraian,
        bidang=ind.bidang,
        polaritas=ind.polaritas,
        rumus_negatif=rumus,
        bobot=ind.bobot,
        target_teks=target.teks if target else None,
        target_catatan=target.catatan if target else None,
        komponen=components,
        capaian=value,
        kategori=kategori(value, skala),
        status=status,
        catatan=entry.catatan if entry else None,
        sumber=entry.sumber if entry else None,
        peringatan=notes,
        peringatan_target=(pk.warnings_for(ind.kode) if pk_target is not None and pk else [])
        if pk_target is not None
        else iku.target_warnings(ind.kode, tahun),
        target_sumber="pk" if pk_target is not None else ("renstra" if target else None),
        target_renstra_teks=(t.teks if (t := ind.target_for(tahun)) else None)
        if pk_target is not None
        else None,
        pk_perubahan=(d.isoformat() if pk and pk_target and (d := pk.revised(ind.kode)) else None),
    )


def sasaran_status(rows: list[HasilIndikator], value: float | None) -> Status:
    """Why a sasaran has no figure, in one status: no indicator has a target that year
    ("tanpa target"), or one that has a target waits for its realisasi, or a target of zero."""
    if value is not None:
        return "ada"
    statuses = [r.status for r in rows]
    if not statuses or all(s == "tanpa_target" for s in statuses):
        return "tanpa_target"
    if "belum_ada_realisasi" in statuses:
        return "belum_ada_realisasi"
    return next(s for s in statuses if s != "tanpa_target")


def _weighted(rows: list[HasilIndikator]) -> float | None:
    """The mean, by bobot, of the rows that have a figure."""
    counted = [r for r in rows if r.capaian is not None]
    return mean([r.capaian for r in counted], [r.bobot for r in counted])  # type: ignore[misc]


def _shown(
    iku: Iku, sas: Sasaran | Tujuan, rows: list[HasilIndikator], bidang: str | None
) -> list[HasilIndikator]:
    """The rows a view shows: every one, or with ``bidang`` that bidang's indicators only."""
    return [
        r
        for r, ind in zip(rows, sas.indikator, strict=True)
        if bidang is None or iku.bidang_key(ind) == bidang
    ]


def _sasaran_result(
    sas: Sasaran | Tujuan,
    rows: list[HasilIndikator],
    keep: list[HasilIndikator],
    value: float | None,
    skala: Skala,
    bidang: str | None,
) -> HasilSasaran:
    """A group's result: its own figure (over all its indicators) beside, in a bidang view, the
    mean of the rows shown, each labelled as what it is."""
    averaged = sas.jenis == "sasaran"
    part = _weighted(keep) if bidang is not None and averaged else None
    return HasilSasaran.model_construct(
        kode=sas.kode,
        uraian=sas.uraian,
        jenis=sas.jenis,
        indikator=keep,
        capaian=value,
        kategori=kategori(value, skala),
        status=sasaran_status(rows, value) if averaged else sas.jenis,  # type: ignore[arg-type]
        jumlah_indikator=len(rows),
        capaian_bidang=part,
        kategori_bidang=kategori(part, skala),
    )


def _warnings(sasaran: list[HasilSasaran]) -> list[str]:
    """Every warning of the rows shown, each prefixed with the indicator (and component) it is
    about."""
    warnings: list[str] = []
    for s in sasaran:
        for ind in s.indikator:
            warnings += [f"{ind.kode} target: {w}" for w in ind.peringatan_target]
            warnings += [f"{ind.kode}: {w}" for w in ind.peringatan]
            for c in ind.komponen:
                where = f"{ind.kode} {c.uraian}" if len(ind.komponen) > 1 else ind.kode
                warnings += [f"{where} realisasi: {w}" for w in c.peringatan_realisasi]
                warnings += [f"{where}: {w}" for w in c.peringatan]
    return warnings


def compute(
    iku: Iku,
    tahun: int,
    data: RealisasiTahun | None,
    options: Options | None = None,
    pk: PkTahun | None = None,
) -> HasilCapaian:
    options = options or Options()
    skala = scale_of(iku, options.skala)
    sasaran_out = []
    every_sasaran = []
    shown_rows: list[HasilIndikator] = []
    for sas in iku.groups():
        rows = [
            capaian_indikator(iku, ind, tahun, data, skala, options.batas, pk)
            for ind in sas.indikator
        ]
        averaged = sas.jenis == "sasaran"
        value = _weighted(rows) if averaged else None
        if averaged:
            every_sasaran.append(value)
        keep = _shown(iku, sas, rows, options.bidang)
        if not keep and options.bidang is not None:
            continue
        if averaged:
            shown_rows += keep
        sasaran_out.append(_sasaran_result(sas, rows, keep, value, skala, options.bidang))
    overall = mean([v for v in every_sasaran if v is not None])
    bidang_mean = _weighted(shown_rows) if options.bidang is not None else None
    warnings = _warnings(sasaran_out)
    return HasilCapaian.model_construct(
        tahun=tahun,
        instansi=iku.instansi.nama,
        status_data=data.status if data else None,
        berkas_iku=iku.berkas,
        berkas_pk=pk.file if pk is not None else None,
        status_pk=pk.status if pk is not None else None,
        berkas_realisasi=data.file if data else None,  # as the loader was told to show it
        skala=skala.nama,
        batas_capaian=options.batas,
        bidang=options.bidang,
        bidang_nama=iku.bidang_name(options.bidang) if options.bidang else None,
        sasaran=sasaran_out,
        capaian=overall,
        kategori=kategori(overall, skala),
        capaian_bidang=bidang_mean,
        kategori_bidang=kategori(bidang_mean, skala),
        jumlah_sasaran=len(every_sasaran),
        sasaran_berangka=sum(v is not None for v in every_sasaran),
        tidak_dirata=[g.kode for g in iku.groups() if g.jenis != "sasaran"],
        peringatan=warnings,
    )


def status_notes(tahun: int, inputs: list[tuple[str, str | None]]) -> list[str]:
    """The notices every document built from ``inputs`` carries, on every page: which inputs are
    illustrative (contoh) or provisional (sementara)."""
    notes = []
    for status, sentence in (
        (
            "contoh",
            "CATATAN: {what} tahun {tahun} berstatus CONTOH - angka ilustrasi, bukan data resmi.",
        ),
        ("sementara", "Catatan: {what} tahun {tahun} berstatus SEMENTARA (belum final)."),
    ):
        named = [what for what, s in inputs if s == status]
        if named:
            what = ", ".join(named[:-1]) + " dan " + named[-1] if len(named) > 1 else named[0]
            notes.append(sentence.format(what=what, tahun=tahun))
    return notes
