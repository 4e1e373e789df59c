"""One realisasi value against its target's form: the component it is written for, the rule by
which its quarters make the year, and what is wrong with a value (a unit written where none is
due, English thousands, a fraction of a count, a plain number against rupiah, out of range)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ikutool import lazyre
from ikutool.formatting.numbers import format_angka
from ikutool.inputs.satuan import unit_problem
from ikutool.model.iku import (
    Indikator,
    magnitude_problem,
)
from ikutool.model.quarters import (
    rule_for,
)


def quarter_rule(ind: Indikator, key: str, tahun: int) -> str | None:
    """How quarters of ``ind``'s component ``key`` make the year: the indicator's rule where it
    writes one; without, counts and rupiah add up (``kumulatif``) and a percentage, index, ratio
    or predikat has no rule (None): never guessed."""
    if ind.agregasi_triwulan is not None:
        return ind.agregasi_triwulan
    return rule_for(None, component_of(ind, key, tahun))


# units that measure rather than count: a fraction of them is normal
_MEASURES = lazyre.compile(
    r"^(rp|rupiah|ribu|juta|miliar|milyar|triliun|km|m|cm|mm|ha|hektar|m2|m3|km2|ton|kg|kwintal|"
    r"liter|l|hari|bulan|minggu|jam|menit|tahun|poin|nilai|skor|indeks|rasio|kali|usd|\$)\b",
    re.IGNORECASE,
)
# a rate ("per 1.000 KH", "per 100.000 penduduk"): a fraction of it is normal too
_RATE = lazyre.compile(r"\bper\b|‰", re.IGNORECASE)
_ENGLISH_THOUSANDS = lazyre.compile(r"^[-+]?\d{1,3}(,\d{3})+$")


def component_of(ind: Indikator, key: str, tahun: int) -> Any:
    """The component ``key`` of the target a realisasi of ``tahun`` is written in, or None."""
    target = ind.reference_target(tahun)
    return next(
        (c for c in (target.komponen if target else []) if (c.kunci or "nilai") == key), None
    )


def value_problems(
    ind: Indikator,
    key: str,
    tahun: int,
    number: float,
    *,
    percent: bool = False,
    raw: str | None = None,
    satuan: str | None = None,
) -> list[tuple[str, str, bool]]:
    """What is wrong (or suspect) with one realisasi value of ``ind``'s component ``key``:
    ``(code, message, is_error)``. The one rule for every way a value comes in: a YAML file,
    ``iku realisasi isi`` and a workbook cell. ``percent``: it was written with a % sign;
    ``raw``: the text as typed, when it was text; ``satuan``: the unit it was written with
    ("2 lembaga"), held to the target's."""
    form = _form(ind, key, tahun)
    shown = raw if raw is not None else format_angka(number)
    refused = _refusal(form, number, shown, percent=percent, satuan=satuan)
    if refused is not None:
        return [refused]
    if _counts(form) and not float(number).is_integer():
        return [_fraction_of_count(form, number, raw)]
    return []


class _Form(NamedTuple):
    """What a value of one component is held to: the target's component (None: the indicator
    as a whole), its unit as the target writes it, whether it is a percentage, its unit as
    messages say it, and its name as a person says it."""

    comp: Any
    target_unit: str | None
    is_pct: bool
    unit: str
    name: str


def _form(ind: Indikator, key: str, tahun: int) -> _Form:
    from ikutool.model.notation import component_label

    comp = component_of(ind, key, tahun)
    is_pct = (
        bool(comp.persen) if comp is not None else bool(ind.satuan and ind.satuan.startswith("%"))
    )
    unit = (comp.satuan if comp is not None else ind.satuan) or "tanpa satuan"
    reference = ind.reference_target(tahun)
    several = reference is not None and len(reference.komponen) > 1
    name = ind.kode
    if comp is not None and several:  # named as a person names it, never by its internal key
        name = f"{ind.kode} ({component_label(comp.kunci, comp.satuan, ind.label_for(key))})"
    target_unit = comp.satuan if comp is not None else ind.satuan
    return _Form(comp, target_unit, is_pct, unit, name)


def _counts(form: _Form) -> bool:
    """Whether the value counts things (whole targets, a unit that neither measures nor is a
    rate), so that a fraction of it is suspect."""
    comp = form.comp
    return (
        comp is not None
        and comp.jenis == "angka"
        and not form.is_pct
        and float(comp.jumlah).is_integer()
        and (comp.jumlah_maks is None or float(comp.jumlah_maks).is_integer())
        and not _MEASURES.match(form.unit.strip())
        and not _RATE.search(form.unit)
    )


def _refusal(
    form: _Form, number: float, shown: str, *, percent: bool, satuan: str | None
) -> tuple[str, str, bool] | None:
    """The first error of a value, in this order: a unit other than the target's, a % sign on
    a value that is not a percentage, a magnitude out of range, a negative count."""
    if satuan is not None and satuan != "%":
        problem = unit_problem(shown, number, satuan, form.target_unit, form.name)
        if problem:
            return ("IKU312", problem, True)
    if percent and not form.is_pct:
        return (
            "IKU312",
            f"'{shown}' ditulis dengan tanda %, padahal satuan target {form.name} adalah "
            f"'{form.unit}', bukan persen; tulis angkanya saja, mis. "
            f"{shown.replace('%', '').strip()}",
            True,
        )
    problem = magnitude_problem(number)
    if problem:
        return ("IKU303", problem, True)
    if number < 0 and not form.is_pct:
        return (
            "IKU304",
            f"realisasi {form.name} negatif ({shown}); jumlah/hitungan tidak mungkin negatif. "
            "Nilai negatif hanya sah untuk persentase (mis. pertumbuhan)",
            True,
        )
    return None


def _fraction_of_count(form: _Form, number: float, raw: str | None) -> tuple[str, str, bool]:
    """The warning for a fraction of a count, with the English thousands it may have been."""
    english = raw is not None and _ENGLISH_THOUSANDS.match(raw.strip().rstrip("%").strip())
    hint = (
        f"; bila maksudnya {format_angka(float(raw.replace(',', '')))} (format Inggris, koma "
        "sebagai pemisah ribuan), tulis angkanya tanpa koma"
        if english and raw is not None
        else "; periksa angkanya (koma adalah desimal, titik pemisah ribuan)"
    )
    return (
        "IKU317",
        f"realisasi {form.name} {format_angka(number)} {form.unit} bukan bilangan bulat, padahal "
        f"satuannya hitungan{hint}",
        False,
    )
