"""The arithmetic behind a figure, as an auditor would write it by hand (the ``--jelaskan``
column): a component's formula with its numbers, and a mean over its terms."""

from __future__ import annotations

from ikutool.compute.capaian import STATUS_TEXT, HasilIndikator, HasilKomponen
from ikutool.formatting.numbers import format_angka, format_persen
from ikutool.render.wording import realisasi_figure, target_figure

QUARTER_RULE_TEXT = {
    "kumulatif": "jumlah triwulan",
    "akhir": "nilai triwulan terakhir",
    "rata_rata": "rata-rata triwulan",
}


def explain_component(ind: HasilIndikator, comp: HasilKomponen) -> str:
    """The arithmetic behind one figure, as an auditor would write it by hand."""
    if comp.capaian is None or comp.target is None or comp.realisasi is None:
        return STATUS_TEXT[comp.status]
    r = format_angka(comp.realisasi)
    result = format_persen(comp.capaian_asli if comp.capaian_asli is not None else comp.capaian)
    built = f"; realisasi dihitung dari TW I s.d. TW {comp.sd_triwulan}" if comp.sd_triwulan else ""
    rule = QUARTER_RULE_TEXT.get(comp.agregasi_triwulan or "")
    built += f"; realisasi tahunan = {rule}" if rule else ""
    if comp.jenis == "predikat":
        real, goal = realisasi_figure(comp), target_figure(comp)
        scale = " < ".join(comp.skala or [])
        if "peringkat" in (comp.aturan or ""):
            body = (
                f"{real} peringkat {r}, {goal} peringkat {format_angka(comp.target)} pada skala "
                f"{scale}: {r} / {format_angka(comp.target)} x 100 = {result}"
            )
        else:
            body = f"{real} terhadap {goal} pada skala {scale}: {result} (100 bila tercapai, 0 bila tidak)"
        return f"{body} ({comp.kesimpulan}){built}"
    if comp.kesimpulan and comp.target == 0:
        return (
            f"target {target_figure(comp, unit=True)}, realisasi {realisasi_figure(comp, unit=True)}: "
            f"{result} ({comp.kesimpulan}; target nol pada polaritas negatif: realisasi 0 = 100, "
            f"di atas 0 = 0){built}"
        )
    return _explain_number(ind, comp, r, result) + _form_note(comp) + built


def _form_note(comp: HasilKomponen) -> str:
    """What a target's form adds to the arithmetic, said after it."""
    if comp.jenis == "rasio":
        first = format_angka(comp.rasio_dari or 1)
        return (
            f" (rasio {target_figure(comp)} dan {realisasi_figure(comp)}: dibandingkan pada suku "
            f"kedua per {first})"
        )
    if comp.batas == "min":
        return f" (target satu sisi '{target_figure(comp)}': makin tinggi makin baik)"
    if comp.batas == "maks":
        return f" (target satu sisi '{target_figure(comp)}': makin rendah makin baik)"
    return ""


def _explain_number(ind: HasilIndikator, comp: HasilKomponen, r: str, result: str) -> str:
    """The plain formula of a number (or a range) against its target."""
    assert comp.target is not None and comp.realisasi is not None and comp.capaian is not None
    prefix = ""
    t_value = comp.target
    if comp.target_maks is not None:
        lo, hi = format_angka(comp.target), format_angka(comp.target_maks)
        if comp.pembanding is None or comp.target <= comp.realisasi <= comp.target_maks:
            return f"{lo} <= {r} <= {hi}: di dalam rentang target = 100,00 %"
        side = "di bawah" if comp.realisasi < comp.target else "di atas"
        prefix = f"{side} rentang {lo}-{hi}, dibandingkan dengan {format_angka(comp.pembanding)}: "
        t_value = comp.pembanding
    t = format_angka(t_value)
    if ind.polaritas == "positif":
        body = f"{r} / {t} x 100 = {result}"
    elif ind.rumus_negatif == "kebalikan":
        body = f"{t} / {r} x 100 = {result} (polaritas negatif, rumus kebalikan)"
    else:
        body = f"(2 x {t} - {r}) / {t} x 100 = {result} (polaritas negatif, rumus selisih)"
    if comp.capaian_asli is not None:
        body += f", dibatasi menjadi {format_persen(comp.capaian)}"
    return prefix + body


def explain_mean(values: list[float], weights: list[float] | None, result: float | None) -> str:
    if result is None or not values:
        return "tidak ada angka untuk dirata-ratakan"
    if len(values) == 1:
        return f"= {format_persen(result)}"
    if weights and any(w != 1 for w in weights):
        terms = " + ".join(
            f"{format_angka(w)} x {format_angka(v, 2)}"
            for v, w in zip(values, weights, strict=True)
        )
        return f"({terms}) / {format_angka(sum(weights))} = {format_persen(result)}"
    terms = " + ".join(format_angka(v, 2) for v in values)
    return f"({terms}) / {len(values)} = {format_persen(result)}"
