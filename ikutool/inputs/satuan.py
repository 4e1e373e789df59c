"""A realisasi written with its unit, as people write it: "2 lembaga", "4 hari", "97,45 %".

The number is read and the unit held to the target's (a realisasi in another unit is refused: it
measures something else); how it was read is said where the value comes in (the summary of
``iku validate``, the report of ``iku realisasi isi`` and ``impor``). One rule for a YAML file, a
command-line value and a workbook cell, called from :func:`ikutool.inputs.realisasi_nilai.value_problems`
and the readers.
"""

from __future__ import annotations

from typing import Any

from ikutool import lazyre

MAX_TEXT = 200  # a number with its unit is short; anything longer is not tried
# a number, then a space and a word ("2 lembaga"), or a % sign: never "0o17" or "2x"
_NUMBER_THEN_UNIT = lazyre.compile(r"\s*[-\u2212+]?\d[\d.,]*(?:\s+[^\W\d]|\s*%)")


def with_unit(raw: str) -> tuple[float, str] | None:
    """``"2 lembaga"`` -> ``(2.0, "lembaga")``; None when ``raw`` is not one plain number
    followed by a unit (a range, a bound, a key or a second number is never a realisasi)."""
    from ikutool.model.notation import NotationError, parse_target

    if len(raw) > MAX_TEXT or not _NUMBER_THEN_UNIT.match(raw):
        return None
    try:
        parsed = parse_target(raw)
    except NotationError:
        return None
    if not parsed or len(parsed) != 1:
        return None
    c = parsed[0]
    if (
        c.jenis != "angka"
        or c.kunci is not None
        or c.batas is not None
        or c.jumlah_maks is not None
        or c.catatan is not None
        or not c.satuan
    ):
        return None
    return c.jumlah, c.satuan


def read_number(raw: str) -> tuple[float, bool, str | None]:
    """``raw`` as a realisasi number: ``(value, written as a percentage, unit as written)``.
    Raises :class:`~ikutool.formatting.numbers.NumberFormatError` (Indonesian) for text that is
    neither an Indonesian number nor a number with its unit."""
    from ikutool.formatting.numbers import NumberFormatError, parse_angka
    from ikutool.model.notation import is_percent

    try:
        number, percent = parse_angka(raw)
    except NumberFormatError:
        found = with_unit(raw)
        if found is None:
            raise
        number, unit = found
        return number, is_percent(unit), unit
    return number, percent, "%" if percent else None


def _fold(unit: str) -> str:
    from ikutool.model.notation import is_percent, normalize_unit

    return "%" if is_percent(unit) else normalize_unit(unit).casefold()


def same_unit(written: str, target: str | None) -> bool:
    """The unit a value was written in is the target's ("Lembaga" is "lembaga", "persen" is
    "%")."""
    return bool(target) and _fold(written) == _fold(target or "")


def unit_problem(raw: str, number: float, written: str, unit: str | None, name: str) -> str | None:
    """Why a value written in ``written`` cannot be a realisasi of a target in ``unit`` (None
    when the units agree)."""
    from ikutool.formatting.numbers import format_angka

    if same_unit(written, unit):
        return None
    plain = format_angka(number)
    if not unit:
        return (
            f"'{raw}' ditulis dengan satuan '{written}', padahal target {name} tidak bersatuan; "
            f"tulis angkanya saja, mis. {plain}"
        )
    return (
        f"'{raw}' ditulis dengan satuan '{written}', padahal satuan target {name} adalah "
        f"'{unit}': realisasi diukur dalam satuan targetnya. Tulis angkanya saja (mis. {plain}) "
        f"atau dengan satuan target ('{plain} {unit}'), atau periksa indikatornya"
    )


def how_read(raw: str | None, comp: Any) -> str | None:
    """How a value written with its unit was read ("'2 lembaga' dibaca 2 (lembaga, satuan
    targetnya)"), or None for a plain number."""
    from ikutool.formatting.numbers import NumberFormatError, format_angka

    if raw is None or comp is None or comp.jenis != "angka":
        return None
    try:
        number, _, unit = read_number(raw)
    except NumberFormatError:
        return None
    if unit is None or not same_unit(unit, comp.satuan):
        return None
    shown = "%" if comp.persen else comp.satuan
    return f"'{raw.strip()}' dibaca {format_angka(number)} ({shown}, satuan targetnya)"


def read_summary(read: list[str], shown: int = 5) -> str:
    """validate's words for the values a file wrote with their unit: how each was read."""
    more = f" dan {len(read) - shown} lainnya" if len(read) > shown else ""
    return (
        f"{len(read)} nilai ditulis dengan satuan targetnya, dibaca angkanya: "
        + ", ".join(read[:shown])
        + more
    )
