"""The compact target notation: a target cell as the IKU document prints it.

Grammar (informal)::

    target    := "-" | "" | predikat | component (separator component)* [note]
    component := [key ("=" | ":")] [bound] (rupiah | ratio | number [range]) [unit] [note]
    bound     := "minimal" | "min." | ">=" | "≥" | "paling sedikit" | ...      -- one-sided, positive
               | "maksimal" | "maks." | "<=" | "≤" | "paling lama" | "kurang dari" | ...  -- negative
    rupiah    := "Rp" number [scale]            scale := ribu | juta | jt | miliar | triliun
    ratio     := number ":" number              -- "1:30", "1 : 2.500": compared on the second term
    range     := ("-" | "–" | "s.d." | "s/d" | "sampai") number
    predikat  := a label without digits ("WTP", "BB", "Madya"), ranked on a predikat scale
    note      := "(" text ")"                   -- kept for display, never part of a unit or key
    separator := "," | ";" | "/" | "dan" | "&" | "+"      -- only when a number follows

Numbers are Indonesian (``7,14``, ``1.234``). A unit runs until a separator that is followed by a
number, so ``10 Kop/KSP/USP/UMKM`` is one component (unit ``Kop/KSP/USP/UMKM``) while
``15 Kop/ 25 UKM`` is two. A component without an explicit key is keyed by its unit
(``sertifikasi usaha mikro`` -> ``sertifikasi_usaha_mikro``, ``%`` -> ``persen``).

Examples the seed document uses: ``100 sertifikasi usaha mikro, 15 Kop/ 25 UKM``,
``15 Kop/KSP/USP dan 25 UMKM``, ``7% dan 17%``, ``7,14 %``, ``60 org``; other agencies:
``80-90 %``, ``7–8 bulan``, ``ekspor=7% dan impor=17%``, ``minimal 80 %``, ``maksimal 5 hari``,
``1:30``, ``Rp 1,5 miliar``, ``12 Puskesmas (Rp 1,5 M)``, ``WTP``, ``BB``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ikutool import lazyre
from ikutool.formatting.numbers import format_angka

NO_TARGET = frozenset({"", "-", "\u2013", "\u2014", "--"})

_NUM = r"[-\u2212]?(?:\d{1,3}(?:\.\d{3})+(?![\d.])|\d+)(?:,\d+)?"
_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_MIN_WORDS = (
    r"minimal|minimum|min\.?|paling\s+sedikit|sekurang-kurangnya|setidak-tidaknya|setidaknya|>=|≥"
)
_MAX_WORDS = (
    r"maksimal|maksimum|maks\.?|max\.?|paling\s+lama|paling\s+banyak|kurang\s+dari|"
    r"tidak\s+lebih\s+dari|sebanyak-banyaknya|selambat-lambatnya|<=|≤"
)
_BOUND = rf"(?:{_MIN_WORDS}|{_MAX_WORDS})"
_BOUND_RE = lazyre.compile(
    rf"(?:(?P<min>{_MIN_WORDS})|(?P<max>{_MAX_WORDS}))(?![A-Za-z])\s*", re.IGNORECASE
)
_RP = r"Rp\.?"
_RP_RE = lazyre.compile(rf"{_RP}\s*(?={_NUM})", re.IGNORECASE)
_SCALE_RE = lazyre.compile(r"\s*(ribu|rb|juta|jt|miliar|milyar|triliun)\b\.?", re.IGNORECASE)
_SCALES = {
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "triliun": 1e12,
}
_AMBIGUOUS_SCALE = lazyre.compile(r"\s*(M|T|B|K|Jt\b|Mn|Bn)(?![A-Za-z])")
_RATIO_RE = lazyre.compile(rf"\s*:\s*(?={_NUM})")
_KEY_RE = lazyre.compile(
    rf"({_KEY})\s*[=:]\s*(?=(?:{_BOUND}\s*)?(?:{_RP}\s*)?{_NUM})", re.IGNORECASE
)
_NUM_RE = lazyre.compile(_NUM)
_RANGE_RE = lazyre.compile(rf"\s*(?:%\s*)?(?:-|\u2013|\u2014|s\.\s?d\.?|s/d|sampai)\s*(?={_NUM})")
# no leading \s*: searched from every position, it would make a long run of spaces quadratic
_SEP = rf"(?:,|;|/|\bdan\b|&|\+)\s*(?=(?:{_KEY}\s*[=:]\s*)?(?:{_BOUND}\s*)?(?:{_RP}\s*)?{_NUM})"
_SEP_RE = lazyre.compile(_SEP, re.IGNORECASE)
# a unit that starts (after an optional %) with another number: "88 % 9 puskesmas"
_STRAY_NUMBER = lazyre.compile(rf"\s*(?:%\s*)?({_NUM})(?:\s|$)")
_NOTE_RE = lazyre.compile(r"\s*\(([^()]*)\)\s*$")
_LABEL_RE = lazyre.compile(
    r"^(?:(?P<bound>" + _BOUND + r")\s+)?(?P<label>[A-Za-z][A-Za-z .'/\-]{0,60})$", re.IGNORECASE
)

# a label with digits: begins with a word (never a number, a key or "Rp" and a number)
_DIGIT_LABEL_RE = lazyre.compile(
    r"(?:(?P<bound>"
    + _BOUND
    + r")\s+)?(?!Rp\b)(?P<label>[A-Za-z][A-Za-z]{1,40}[A-Za-z0-9 .'/\-]{0,58})",
    re.IGNORECASE,
)


class NotationError(ValueError):
    """A target text that cannot be read; ``offset`` is the 0-based index of the problem."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


Jenis = str  # "angka" | "rasio" | "rupiah" | "predikat"


@dataclass(frozen=True)
class ParsedComponent:
    kunci: str | None  # explicit key, or None to derive one from the unit
    jumlah: float
    jumlah_maks: float | None  # upper bound of a range target ("80-90 %"), else None
    satuan: str
    offset: int
    jenis: Jenis = "angka"
    batas: str | None = None  # "min" | "maks": a one-sided target
    rasio_dari: float | None = None  # the first term of a ratio ("1" of "1:30")
    predikat: str | None = None  # the label of a predikat target ("WTP")
    teks: str = ""  # the component as written
    catatan: str | None = None  # a note in parentheses after it

    @property
    def persen(self) -> bool:
        return is_percent(self.satuan)


def is_percent(satuan: str) -> bool:
    s = satuan.strip().lower()
    return s.startswith("%") or s.startswith("persen")


def normalize_unit(unit: str) -> str:
    unit = re.sub(r"\s+", " ", unit.replace("\u00a0", " ")).strip()
    return re.sub(r"\s*/\s*", "/", unit).rstrip(" ,;&+")


def key_for_unit(satuan: str) -> str:
    """The key a component gets from its unit when none is written."""
    s = satuan.strip().lower()
    if s in {"%", "persen"}:
        return "persen"
    s = s.replace("%", " persen ")
    slug = re.sub(r"[^0-9a-z]+", "_", s).strip("_")
    return slug or "nilai"


def _to_float(text: str) -> float:
    text = text.replace("\u2212", "-").replace(".", "").replace(",", ".")
    return float(text)


def parse_target(text: str) -> list[ParsedComponent] | None:
    """Parse a target cell. Returns None for "no target" ("-" or empty)."""
    s = text.replace("\u00a0", " ")
    if s.strip() in NO_TARGET:
        return None
    end = len(s.rstrip())
    note = None
    m = _NOTE_RE.search(s[:end])
    if m and m.start() > 0:  # "12 Puskesmas (Rp 1,5 M)": a note, kept for display
        note = " ".join(m.group(1).split()) or None
        end = len(s[: m.start()].rstrip())
    pos = len(s) - len(s.lstrip())
    label = _LABEL_RE.match(s[pos:end])
    if label and not any(ch.isdigit() for ch in s[pos:end]):
        return [_predikat(s, pos, end, label, note)]
    components: list[ParsedComponent] = []
    while True:
        try:
            component, pos, sep_found = _component(s, pos, end, bool(components))
        except NotationError:
            # "Level 3", "Tingkat 2": a word first is a predikat label with digits (a scale the
            # IKU declares), ranked like any other; a number first stays the notation's error
            digits = _DIGIT_LABEL_RE.match(s, pos, end) if not components else None
            if digits is None or digits.end() != end:
                raise
            return [_predikat(s, pos, end, digits, note)]
        components.append(component)
        if not sep_found:
            break
    if note is not None:
        last = components[-1]
        components[-1] = ParsedComponent(**{**last.__dict__, "catatan": note})
    return components


def _predikat(s: str, pos: int, end: int, m: re.Match, note: str | None) -> ParsedComponent:
    b = _BOUND_RE.match(m.group("bound") or "")
    batas = None if not m.group("bound") or b is None else ("min" if b.group("min") else "maks")
    label = " ".join(m.group("label").split())
    return ParsedComponent(
        None, 0.0, None, "", pos, jenis="predikat", batas=batas, predikat=label,
        teks=" ".join(s[pos:end].split()), catatan=note,
    )  # fmt: skip


def _lead_words(s: str, pos: int) -> tuple[str | None, str | None, str, int]:
    """What may come before a component's number: a key (``ekspor=``), a bound (``minimal``),
    ``Rp``; returns ``(key, batas, jenis, position after them)``."""
    key = None
    m = _KEY_RE.match(s, pos)
    if m:
        key = m.group(1)
        pos = m.end()
    batas = None
    b = _BOUND_RE.match(s, pos)
    if b:
        batas = "min" if b.group("min") else "maks"
        pos = b.end()
    jenis = "angka"
    r = _RP_RE.match(s, pos)
    if r:
        jenis = "rupiah"
        pos = r.end()
    return key, batas, jenis, pos


def _ratio_or_range(
    s: str, pos: int, n: re.Match, low: float, batas: str | None, start: int
) -> tuple[str, float, float | None, float | None, int]:
    """After a number: a ratio's second term (``1:30``) or a range's upper bound (``80-90``);
    returns ``(jenis, jumlah, jumlah_maks, rasio_dari, position after them)``."""
    ratio = _RATIO_RE.match(s, pos)
    if ratio:
        second = _NUM_RE.match(s, ratio.end())
        assert second is not None  # guaranteed by the lookahead
        first, value = low, _to_float(second.group())
        if first <= 0:
            raise NotationError("suku pertama rasio harus lebih dari nol, mis. '1:30'", n.start())
        _reject_ambiguous_dot(s, second.end())
        return "rasio", value / first, None, first, second.end()
    rng = _RANGE_RE.match(s, pos)
    if not rng:
        return "angka", low, None, None, pos
    n2 = _NUM_RE.match(s, rng.end())
    assert n2 is not None  # guaranteed by the lookahead
    high = _to_float(n2.group())
    pos = n2.end()
    _reject_ambiguous_dot(s, pos)
    if high < low:
        raise NotationError(
            f"rentang terbalik: batas bawah {format_angka(low)} lebih besar dari "
            f"batas atas {format_angka(high)}; tulis dari kecil ke besar",
            rng.start(),
        )
    if batas is not None:
        raise NotationError(
            "target rentang tidak memakai 'minimal' atau 'maksimal'; tulis salah "
            "satunya, mis. '80-90 %' atau 'minimal 80 %'",
            start,
        )
    return "angka", low, high, None, pos


def _unit(s: str, pos: int, unit_end: int, jenis: str) -> tuple[str, str]:
    """The unit written after the number, and the jenis it makes (``rupiah``); refuses what
    follows a rupiah amount and a unit that may be money or not (``M``)."""
    unit = normalize_unit(s[pos:unit_end])
    if jenis == "rupiah":
        if unit and unit.casefold() not in ("rupiah",):
            raise NotationError(
                f"setelah jumlah rupiah tertulis '{unit[:20]}'; tulis 'Rp 1,5 miliar', "
                "'Rp 1.500.000.000' atau 'Rp 12 juta'",
                pos,
            )
        return "Rp", jenis
    if unit.casefold() in ("rupiah", "rp"):
        return "Rp", "rupiah"
    if unit in ("M", "Jt", "T"):  # "1,5 M": miliar rupiah? million? metres?
        raise NotationError(
            f"satuan '{unit}' tidak jelas artinya (miliar, juta, atau satuan lain?); untuk uang "
            "tulis 'Rp 1,5 miliar' atau 'Rp 1.500.000.000', untuk satuan lain tulis namanya",
            pos,
        )
    return unit, jenis


def _component(s: str, pos: int, end: int, after_sep: bool) -> tuple[ParsedComponent, int, bool]:
    start = pos
    key, batas, jenis, pos = _lead_words(s, pos)
    n = _NUM_RE.match(s, pos)
    if not n:
        what = "setelah pemisah" if after_sep else "awal target"
        raise NotationError(
            f"{what} harus berupa angka (mis. '25 Kop', '7,14 %', '80-90 %', 'minimal 80 %', "
            f"'1:30', 'Rp 1,5 miliar') atau predikat (mis. 'WTP'), tertulis '{s[pos:end][:30]}'",
            pos,
        )
    low = _to_float(n.group())
    pos = n.end()
    _reject_ambiguous_dot(s, pos)
    high = None
    first = None
    if jenis == "rupiah":
        low, pos = _rupiah_scale(s, pos, low)
    else:
        jenis, low, high, first, pos = _ratio_or_range(s, pos, n, low, batas, start)
    unit_start = pos
    sep = _SEP_RE.search(s, pos, end)
    unit_end = sep.start() if sep else end
    unit, jenis = _unit(s, pos, unit_end, jenis)
    stray = _STRAY_NUMBER.match(s, unit_start, unit_end)
    if stray:
        raise NotationError(
            "dua angka tanpa pemisah: setiap komponen dipisah koma, titik koma, '/', 'dan' "
            f"atau '&', mis. '{s[start : stray.start(1)].strip()}, {s[stray.start(1) : unit_end].strip()}'",
            stray.start(1),
        )
    component = ParsedComponent(
        key,
        low,
        high,
        unit,
        start,
        jenis=jenis,
        batas=batas,
        rasio_dari=first,
        teks=" ".join(s[start:unit_end].split()),
    )
    if not sep:
        return component, end, False
    return component, sep.end(), True


def _rupiah_scale(s: str, pos: int, value: float) -> tuple[float, int]:
    """``Rp 1,5 miliar`` -> 1.500.000.000; ``Rp 1,5 M`` is refused (M is miliar or million)."""
    m = _SCALE_RE.match(s, pos)
    if m:
        return value * _SCALES[m.group(1).lower()], m.end()
    bad = _AMBIGUOUS_SCALE.match(s, pos)
    if bad:
        raise NotationError(
            f"'{bad.group(1)}' setelah jumlah rupiah tidak jelas artinya (ribu, juta, miliar "
            "atau triliun?); tulis kata lengkapnya, mis. 'Rp 1,5 miliar' atau 'Rp 1,5 juta', "
            "atau angka penuh 'Rp 1.500.000.000'",
            bad.start(1),
        )
    return value, pos


def _reject_ambiguous_dot(s: str, pos: int) -> None:
    if re.match(r"\.\d", s[pos : pos + 2]):
        raise NotationError(
            "angka dengan titik desimal: dalam format Indonesia titik adalah pemisah ribuan "
            "(1.234) dan koma adalah desimal (7,14); tulis desimal dengan koma",
            pos,
        )


def format_component(
    kunci: str | None,
    jumlah: float,
    jumlah_maks: float | None,
    satuan: str,
    jenis: str = "angka",
    batas: str | None = None,
    rasio_dari: float | None = None,
    predikat: str | None = None,
) -> str:
    if jenis == "predikat":
        body = predikat or ""
    elif jenis == "rasio":
        first = rasio_dari or 1.0
        body = f"{format_angka(first)}:{format_angka(jumlah * first)}"
    elif jenis == "rupiah":
        body = f"Rp {format_angka(jumlah)}"
    else:
        number = format_angka(jumlah)
        if jumlah_maks is not None:
            number += "-" + format_angka(jumlah_maks)
        if satuan == "%":
            body = number + "%"
        elif satuan:
            body = f"{number} {satuan}"
        else:
            body = number
    if batas is not None:
        body = f"{'minimal' if batas == 'min' else 'maksimal'} {body}"
    if kunci is not None and kunci != key_for_unit(satuan):
        return f"{kunci}={body}"
    return body


def component_label(kunci: str | None, satuan: str, uraian: str | None = None) -> str:
    """How a person names one component of a target: its description (``komponen[].uraian``),
    else the key the file wrote (``ekspor=7%`` -> "ekspor"), else its unit ("UMKM"). A key that
    was only derived from the unit (``per_100_000_kh``) is never shown."""
    if uraian:
        return uraian
    if kunci and kunci != key_for_unit(satuan):
        return kunci.replace("_", " ")
    return satuan or (kunci or "nilai").replace("_", " ")


def format_target(components: list[tuple]) -> str:
    """The notation text for components ``(kunci, jumlah, jumlah_maks, satuan[, jenis, batas,
    rasio_dari, predikat])``; "-" for none."""
    if not components:
        return "-"
    return ", ".join(format_component(*c) for c in components)


def parse_value(
    text: str, jenis: str, labels: list[str] | None = None, *, target: str | None = None
) -> float:
    """A realisasi written in its target's form, as the number capaian compares: ``1:24`` -> 24
    (per one of the first term), ``Rp 1,2 miliar`` -> 1.200.000.000, ``WDP`` -> its rank on
    ``labels``. A plain number is never a rupiah amount ("1040,9" against "Rp 425 miliar" may be
    miliar, juta or rupiah): refused with the fix, which ``target`` (its text) makes concrete.
    Raises :class:`NotationError` in Indonesian."""
    s = " ".join(text.replace("\u00a0", " ").split())
    if jenis == "predikat":
        from ikutool.model.scales import find_label

        rank = find_label(labels or [], s) if s else None
        if rank is None:
            raise NotationError(
                f"'{s}' bukan predikat di skala indikator ini ({', '.join(labels or [])})", 0
            )
        return float(rank)
    if jenis == "rasio":
        m = re.fullmatch(rf"({_NUM})\s*:\s*({_NUM})", s)
        if not m:
            raise NotationError(f"'{s}' bukan rasio; tulis seperti target, mis. '1:24'", 0)
        first = _to_float(m.group(1))
        if first <= 0:
            raise NotationError("suku pertama rasio harus lebih dari nol, mis. '1:24'", 0)
        return _to_float(m.group(2)) / first
    # rupiah
    parsed = parse_target(s)
    if parsed and len(parsed) == 1 and parsed[0].jenis == "angka":
        scale = parsed[0].satuan.casefold().rstrip(".")
        if not parsed[0].satuan or scale in _SCALES:
            raise NotationError(
                plain_rupiah(s, parsed[0].jumlah, target, scale if scale in _SCALES else None), 0
            )
    if (
        not parsed
        or len(parsed) != 1
        or parsed[0].jenis not in ("rupiah", "angka")
        or (parsed[0].jenis == "angka" and parsed[0].satuan)
    ):
        raise NotationError(
            f"'{s}' bukan jumlah rupiah; tulis mis. 'Rp 1.200.000.000' atau 'Rp 1,2 miliar'", 0
        )
    return parsed[0].jumlah


def plain_rupiah(
    written: str, value: float, target: str | None = None, scale: str | None = None
) -> str:
    """The message for a number without "Rp" where the target is a rupiah amount: never read as
    rupiah, the fix written out (in the scale written, else in the target's: "Rp 1.040,9
    miliar")."""
    amount = format_angka(value)
    if scale is not None:  # "1040,9 miliar": only the Rp is missing
        example = f'"Rp {amount} {scale}"'
    else:
        found = re.search(r"\b(ribu|juta|miliar|milyar|triliun)\b", target or "", re.IGNORECASE)
        if abs(value) >= 1e6:  # a full amount, only the Rp missing
            example = f'"Rp {amount}"'
        elif found:
            unit = found.group(1).lower()
            example = (
                f'"Rp {amount} {unit}" bila maksudnya {unit} rupiah, atau "Rp {amount}" bila '
                "memang rupiah"
            )
        else:
            example = f'"Rp {amount}" bila jumlahnya rupiah penuh, atau "Rp {amount} juta"'
    against = f" (target {target})" if target else ""
    return (
        f"'{written}' ditulis tanpa 'Rp', padahal realisasinya jumlah rupiah{against}: angka saja "
        f"tidak dibaca sebagai rupiah. Tulis jumlahnya dengan Rp, mis. {example}"
    )


def format_value(value: float, jenis: str, labels: list[str] | None = None,
                 rasio_dari: float | None = None) -> str:  # fmt: skip
    """A realisasi as its target's form writes it: the inverse of :func:`parse_value`."""
    if jenis == "predikat" and labels and float(value).is_integer() and 1 <= value <= len(labels):
        return labels[int(value) - 1]
    if jenis == "rasio":
        first = rasio_dari or 1.0
        return f"{format_angka(first)}:{format_angka(value * first)}"
    if jenis == "rupiah":
        return f"Rp {format_angka(value)}"
    return format_angka(value)
