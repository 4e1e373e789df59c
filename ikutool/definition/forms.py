"""Target forms on their scales: each component of a target (the IKU's, a PK's, a rencana aksi
quarter's) read as its form says, and a predikat ranked on its indicator's scale.
"""

from __future__ import annotations

from typing import Any

from ikutool.errors import Finding, Severity
from ikutool.model.iku import Iku
from ikutool.model.scales import scale_for
from ikutool.yaml_reader import Document


def resolve_forms(iku: Iku, doc: Document) -> list[Finding]:
    """Every target form that needs the indicator, checked and settled where it is written: a
    predikat ranked on its scale (its ``jumlah`` becomes the rank), a ratio and a one-sided
    target held to the indicator's polaritas."""
    out: list[Finding] = []
    for si, sas in enumerate(iku.sasaran):
        for ii, ind in enumerate(sas.indikator):
            out += check_forms(iku, ind, ("sasaran", si, "indikator", ii), doc)
    for ti, tuj in enumerate(iku.tujuan):
        for ii, ind in enumerate(tuj.indikator):
            out += check_forms(iku, ind, ("tujuan", ti, "indikator", ii), doc)
    return out


def check_forms(iku: Any, ind: Any, ipath: tuple, doc: Document | None) -> list[Finding]:
    out: list[Finding] = []

    def problem(message: str, year: int | None, code: str = "IKU207") -> None:
        where = (*ipath, "target", year) if year is not None else ipath
        if doc is not None:
            # inside the cell's text (past an opening quote), where a notation error points
            offset = 0 if year is not None else None
            out.append(doc.finding(code, message, where, column_offset=offset))
        else:
            out.append(Finding(code, message, Severity.ERROR, iku.berkas))

    targets = [(y, t) for y, t in sorted(ind.target.items()) if t is not None]
    labels = [c.predikat for _, t in targets for c in t.komponen if c.jenis == "predikat"]
    if labels:
        name, why = scale_for(iku, ind, labels)
        if name is None and ind.skala_predikat is not None and doc is not None:
            # the scale named is unknown: said where it is named
            out.append(doc.finding("IKU207", why or "", (*ipath, "skala_predikat")))
        elif name is None:
            from ikutool.model.scales import find_label, predikat_scales

            # every year whose label is on no scale at all ("Kop 25" in two years: two errors);
            # labels that fit no one scale together: said once, at the first
            scales = predikat_scales(iku).values()
            written = [(y, c.predikat or "") for y, t in targets for c in t.komponen if c.predikat]
            unknown = [(y, p) for y, p in written if not any(find_label(u, p) for u in scales)]
            for year, label in unknown:
                problem(_unknown_label(iku, ind, label), year)
            if not unknown:
                problem(why or "", written[0][0])
        else:
            ind.skala_predikat = name
            for year, t in targets:
                why = rank_predikat(iku, ind, t)
                if why:
                    problem(why, year)
            if ind.polaritas == "negatif":
                problem(
                    "target predikat dibandingkan menurut peringkatnya (makin tinggi makin baik); "
                    "hapus 'polaritas: negatif'",
                    None,
                    "IKU209",
                )
    bounds = {c.batas for _, t in targets for c in t.komponen if c.batas}
    explicit = "polaritas" in ind.model_fields_set
    if bounds == {"min", "maks"}:
        problem(
            "target indikator ini ditulis 'minimal' di satu tahun dan 'maksimal' di tahun lain; "
            "satu indikator satu arah: makin tinggi makin baik, atau makin rendah makin baik",
            None,
            "IKU209",
        )
    for year, t in targets:
        for c in t.komponen:
            if c.batas == "min" and explicit and ind.polaritas == "negatif":
                problem(
                    f"'{c.teks}' berarti makin tinggi makin baik, padahal polaritas negatif", year
                )
            if c.batas == "maks" and explicit and ind.polaritas == "positif":
                problem(
                    f"'{c.teks}' berarti makin rendah makin baik, padahal polaritas positif", year
                )
            if c.jenis == "rasio" and not explicit:
                problem(
                    f"target rasio '{c.teks}' dibandingkan pada suku keduanya, dan arah baiknya "
                    "berbeda-beda (rasio guru:murid makin rendah makin baik, rasio dokter:penduduk "
                    "juga; rasio cakupan sebaliknya): tulis 'polaritas: negatif' atau 'positif' "
                    "pada indikator ini",
                    year,
                )
    return out


def _unknown_label(iku: Any, ind: Any, label: str) -> str:
    """Why a word target on no scale cannot be read: "Kop 25" is most likely a number written
    after its unit; "Level 3" would be a label of a scale the IKU declares."""
    if not any(ch.isdigit() for ch in label):
        return scale_for(iku, ind, [label])[1] or ""
    from ikutool.model.scales import predikat_scales

    known = "; ".join(f"{n}: {', '.join(u)}" for n, u in predikat_scales(iku).items())
    return (
        f"teks target '{label}' tidak dapat dibaca: awal target harus berupa angka (mis. '25 Kop', "
        "'7,14 %', '80-90 %', 'minimal 80 %', '1:30', 'Rp 1,5 miliar') atau predikat seperti di "
        f"skalanya ({known}); skala dengan label berangka (mis. 'Level 1' sampai 'Level 5') "
        "dinyatakan di 'predikat' berkas IKU"
    )


def unreadable_label(iku: Any, ind: Any, target: Any) -> str | None:
    """A word target with digits that is on no scale ("org 55"): why it cannot be read, as the
    notation would have said; None when every label of ``target`` is on some scale."""
    from ikutool.model.scales import find_label, predikat_scales

    scales = predikat_scales(iku).values()
    for c in target.komponen:
        label = c.predikat or ""
        digits = c.jenis == "predikat" and any(ch.isdigit() for ch in label)
        if digits and not any(find_label(u, label) for u in scales):
            return _unknown_label(iku, ind, label)
    return None


def rank_predikat(iku: Any, ind: Any, target: Any) -> str | None:
    """Give each predikat component of ``target`` its rank on ``ind``'s scale (None), or say
    why it cannot be ranked. Used for Renstra targets here and for PK targets (pk.py)."""
    from ikutool.model.scales import find_label, predikat_scales

    scale = predikat_scales(iku).get(ind.skala_predikat or "")
    for c in target.komponen:
        if c.jenis != "predikat":
            continue
        rank = find_label(scale, c.predikat or "") if scale else None
        if rank is None:
            return (
                f"predikat '{c.predikat}' tidak ada di skala {ind.skala_predikat} "
                f"({', '.join(scale or [])})"
            )
        c.jumlah = float(rank)
        c.predikat = (scale or [])[rank - 1]
        c.satuan = c.satuan or "predikat"
    return None
