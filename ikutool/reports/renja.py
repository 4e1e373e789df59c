"""Form E.81 of Permendagri 86/2017, "Evaluasi terhadap hasil Renja": per sasaran, program,
kegiatan and indicator, every column in kinerja (K) and rupiah (Rp).

Columns, as docs/domain.md and the form number them:
 5 target of the Renstra at the end of its period; 6 realisasi up to last year's Renja;
 7 this year's Renja target (K) and pagu (Rp); 8-11 realisasi TW I-IV; 12 realisasi of the year:
 K by the indicator's quarter rule, Rp summed; 13 realisasi of the Renstra up to this year:
 6 + 12 for Rp and for a ``kumulatif`` indicator, otherwise the latest value (a percentage or a
 level is never added to last year's); 14 = 13 / 5 x 100 (K by the indicator's polarity rule);
 15 the unit responsible.

The footer: jumlah anggaran dan realisasi (Rp summed over programs), rata-rata capaian for K
(over the indicators with a column 14) and for Rp (over the programs), and a predikat for each
from its own average, on the Permendagri 86 bands (ST > 90, T > 75, S > 65, R > 50, SR <= 50:
the regulation's integer bands 91-100, 76-90, ... extended to real numbers, so 90,5 is ST).
"""

from __future__ import annotations

import math
from typing import Any

from ikutool.compute.capaian import capaian_value, mean, status_notes
from ikutool.formatting.numbers import settled_figure
from ikutool.model.iku import Iku, Result
from ikutool.model.quarters import QUARTERS, aggregate
from ikutool.model.uang import Uang

KOLOM = [str(n) for n in range(5, 15)]
PREDIKAT_SINGKAT = {
    "Sangat Tinggi": "ST",
    "Tinggi": "T",
    "Sedang": "S",
    "Rendah": "R",
    "Sangat Rendah": "SR",
}


class Sel(Result):
    k: float | None = None
    rp: float | None = None


class BarisRenja(Result):
    kode: str | None
    jenis: str  # sasaran | program | kegiatan | indikator
    uraian: str
    sasaran: str | None = None  # the sasaran kode a program row serves
    satuan: str | None = None  # an indicator's unit
    aturan_triwulan: str | None = None  # an indicator's quarter rule
    kolom: dict[str, Sel]
    unit: str | None = None  # column 15
    catatan: str | None = None  # how column 13 was made, where it is not 6 + 12


class HasilRenja(Result):
    tahun: int
    instansi: str
    pemerintah: str | None = None
    status_data: str | None
    berkas_program: str | None
    skala: str
    baris: list[BarisRenja]
    jumlah: dict[str, Sel]  # the programs' Rp summed, per column
    rata_rata_capaian: Sel
    dirata: dict[str, int]  # {"k": indicators, "rp": programs} in each mean
    predikat: dict[str, str | None]
    predikat_label: dict[str, str | None]
    faktor: dict[str, str | None]  # the officer's words, None where not written
    catatan: list[str] = []


def _fig(value: float | None) -> float | None:
    return settled_figure(value) if value is not None and math.isfinite(value) else None


def _money(uang: Uang) -> dict[str, Sel]:
    """A program's or kegiatan's Rp columns, by the one money rule (model/uang.py)."""
    cols = {c: Sel() for c in KOLOM}
    cols["5"].rp = uang.field("pagu_renstra")
    cols["6"].rp = uang.field("sd_tahun_lalu")
    cols["7"].rp = uang.field("pagu")
    for i, q in enumerate(QUARTERS):
        cols[str(8 + i)].rp = uang.quarter(q)
    year = uang.sd("IV")
    cols["12"].rp = year
    before = cols["6"].rp
    if year is not None and before is not None:  # 6 unknown: 13 is not guessed
        cols["13"].rp = _fig(before + year)
    if cols["13"].rp is not None and cols["5"].rp:
        cols["14"].rp = _fig(cols["13"].rp / cols["5"].rp * 100)
    return cols


def money_note(uang: Uang) -> str | None:
    """Which members keep a sum of this row empty (the one money rule), in words."""
    gaps: dict[str, list[str]] = {}
    for q in QUARTERS:
        missing = uang.kurang_quarter(q)
        if len(missing) < len(uang.bagian):  # some reported the quarter, these did not
            for name in missing:
                gaps.setdefault(name, []).append(f"TW {q}")
    for name in uang.kurang_sd("IV"):
        gaps.setdefault(name, [])
    if not gaps:
        return None
    said = [f"{name} ({', '.join(qs)})" if qs else name for name, qs in gaps.items()]
    return "Rp kosong: realisasi belum diisi oleh " + "; ".join(said)


def _indicator(iku: Iku, ind: Any, unit: str | None) -> BarisRenja:
    cols = {c: Sel() for c in KOLOM}
    comp = ind.komponen
    akhir = ind.target_akhir.komponen[0] if ind.target_akhir is not None else None
    cols["5"].k = akhir.jumlah if akhir is not None else None
    cols["6"].k = ind.sd_tahun_lalu
    cols["7"].k = ind.target.komponen[0].jumlah if ind.target is not None else None
    for i, q in enumerate(QUARTERS):
        cols[str(8 + i)].k = ind.realisasi.get(q)
    series = [ind.realisasi[q] for q in QUARTERS if q in ind.realisasi]
    note = None
    if series and ind.rule is not None:
        cols["12"].k = _fig(aggregate(ind.rule, series))
        last = [q for q in QUARTERS if q in ind.realisasi][-1]
        if last != "IV":
            note = f"kolom 12 s.d. TW {last}"
    year = cols["12"].k
    if year is not None:
        if ind.rule == "kumulatif":
            if ind.sd_tahun_lalu is None:
                note = _join(
                    note, "kolom 13 tidak dihitung: kolom 6 (realisasi s.d. tahun lalu) kosong"
                )
            else:
                cols["13"].k = _fig(ind.sd_tahun_lalu + year)
        else:
            cols["13"].k = year
            rule = "rata-rata" if ind.rule == "rata_rata" else "akhir"
            note = _join(note, f"kolom 13 = nilai terakhir (aturan {rule}), bukan 6 + 12")
    if cols["13"].k is not None and akhir is not None:
        from ikutool.compute.capaian import value_args

        args = value_args(iku, ind, akhir)  # type: ignore[arg-type]  # reads the same fields
        value, _, _ = capaian_value(akhir.jumlah, cols["13"].k, **args)
        cols["14"].k = _fig(value)
    return BarisRenja.model_construct(
        kode=ind.kode,
        jenis="indikator",
        uraian=ind.uraian,
        sasaran=None,
        satuan=comp.satuan if comp is not None else None,
        aturan_triwulan=ind.rule,
        kolom=cols,
        unit=unit,
        catatan=note,
    )


def bidang_unit(iku: Iku, group: Any) -> str | None:
    """Column 15 where a program writes no ``unit``: the bidang of the sasaran's indicators,
    when they all have the same one (else left empty: which bidang would be a guess)."""
    names = {iku.bidang_name(b) for ind in group.indikator if (b := iku.bidang_key(ind))}
    return names.pop() if len(names) == 1 else None


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


def _row(jenis: str, kode: str | None, uraian: str, sasaran: str, kolom: dict[str, Sel],
         unit: str | None = None, catatan: str | None = None) -> BarisRenja:  # fmt: skip
    return BarisRenja.model_construct(
        kode=kode, jenis=jenis, uraian=uraian, sasaran=sasaran, kolom=kolom, unit=unit,
        satuan=None, aturan_triwulan=None, catatan=catatan,
    )  # fmt: skip


def _sasaran_rows(iku: Iku, group: Any, program: Any) -> list[BarisRenja]:
    """A sasaran's row (its programs' Rp summed), then each program, its indicators, its
    kegiatan and theirs; nothing when no program counts its money here."""
    progs = [
        (i, p) for i, p in enumerate(program.program) if p.sasaran and p.sasaran[0] == group.kode
    ]
    if not progs:
        return []
    rows = [
        _row(
            "sasaran",
            group.kode,
            group.uraian,
            group.kode,
            _sum([_money(p.uang) for _, p in progs]),
        )
    ]
    bidang = bidang_unit(iku, group)
    for i, p in progs:
        unit = p.penanggung_jawab or bidang
        also = ", ".join(p.sasaran[1:])
        said = [f"juga mendukung sasaran {also}"] if also else []
        said += program.warnings_at("program", i)
        if (gap := money_note(p.uang)) is not None:
            said.append(gap)
        rows.append(_row("program", p.kode, p.nama, group.kode, _money(p.uang), unit,
                         "; ".join(said) or None))  # fmt: skip
        rows += [_indicator(iku, ind, unit) for ind in p.indikator]
        for k in p.kegiatan:
            own = k.penanggung_jawab or unit
            rows.append(_row("kegiatan", k.kode, k.nama, group.kode, _money(k.uang), own))
            rows += [_indicator(iku, ind, own) for ind in k.indikator]
    return rows


FAKTOR_KEYS = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut_triwulan",
               "tindak_lanjut_renja")  # fmt: skip


def build_renja(iku: Iku, tahun: int, program: Any, *, skala: str | None = None) -> HasilRenja:
    from ikutool.model.scales import kategori, scale_of

    scale = scale_of(iku, skala or "permendagri86")
    rows = [r for group in iku.groups() for r in _sasaran_rows(iku, group, program)]
    program_rows = [r for r in rows if r.jenis == "program"]
    k_values = [
        r.kolom["14"].k for r in rows if r.jenis == "indikator" and r.kolom["14"].k is not None
    ]
    rp_values = [r.kolom["14"].rp for r in program_rows if r.kolom["14"].rp is not None]
    avg = Sel(k=_fig(mean(k_values)), rp=_fig(mean(rp_values)))  # type: ignore[arg-type]
    label = {"k": kategori(avg.k, scale), "rp": kategori(avg.rp, scale)}
    notes = program.evaluasi if program is not None else {}
    return HasilRenja.model_construct(
        tahun=tahun,
        instansi=iku.instansi.nama,
        pemerintah=iku.instansi.pemerintah,
        status_data=program.status,
        berkas_program=program.file,
        skala=scale.nama,
        baris=rows,
        jumlah=_sum([r.kolom for r in program_rows]),
        rata_rata_capaian=avg,
        dirata={"k": len(k_values), "rp": len(rp_values)},
        predikat={k: PREDIKAT_SINGKAT.get(v or "", v) if v else None for k, v in label.items()},
        predikat_label=label,
        faktor={name: notes.get(name) for name in FAKTOR_KEYS},
        catatan=status_notes(tahun, [("anggaran program", program.status)]),
    )


def _sum(columns: list[dict[str, Sel]]) -> dict[str, Sel]:
    """Rp summed per column over ``columns``, where every one has a figure (a total of some is
    not the total: left empty); 14 recomputed from the sums, never a sum of percentages. K left
    empty (indicators of different units are never added)."""
    out = {c: Sel() for c in KOLOM}
    for c in KOLOM[:-1]:
        values = [cols[c].rp for cols in columns]
        if values and all(v is not None for v in values):
            out[c].rp = _fig(math.fsum(v for v in values if v is not None))
    if out["13"].rp is not None and out["5"].rp:
        out["14"].rp = _fig(out["13"].rp / out["5"].rp * 100)
    return out
