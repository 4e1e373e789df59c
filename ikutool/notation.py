"""The compact target notation: a target cell as the IKU document prints it.

Grammar (informal)::

    target    := "-" | "" | component (separator component)*
    component := [key ("=" | ":")] number [range] [unit]
    range     := ("-" | "–" | "s.d." | "s/d" | "sampai") number
    separator := "," | ";" | "/" | "dan" | "&" | "+"      -- only when a number follows

Numbers are Indonesian (``7,14``, ``1.234``). A unit runs until a separator that is followed by a
number, so ``10 Kop/KSP/USP/UMKM`` is one component (unit ``Kop/KSP/USP/UMKM``) while
``15 Kop/ 25 UKM`` is two. A component without an explicit key is keyed by its unit
(``sertifikasi usaha mikro`` -> ``sertifikasi_usaha_mikro``, ``%`` -> ``persen``).

Examples the seed document uses: ``100 sertifikasi usaha mikro, 15 Kop/ 25 UKM``,
``15 Kop/KSP/USP dan 25 UMKM``, ``7% dan 17%``, ``7,14 %``, ``60 org``; other agencies:
``80-90 %``, ``7–8 bulan``, ``ekspor=7% dan impor=17%``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ikutool.numfmt import format_angka

NO_TARGET = frozenset({"", "-", "\u2013", "\u2014", "--"})

_NUM = r"[-\u2212]?(?:\d{1,3}(?:\.\d{3})+(?![\d.])|\d+)(?:,\d+)?"
_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_KEY_RE = re.compile(rf"({_KEY})\s*[=:]\s*(?={_NUM})")
_NUM_RE = re.compile(_NUM)
_RANGE_RE = re.compile(rf"\s*(?:%\s*)?(?:-|\u2013|\u2014|s\.\s?d\.?|s/d|sampai)\s*(?={_NUM})")
# no leading \s*: searched from every position, it would make a long run of spaces quadratic
_SEP = rf"(?:,|;|/|\bdan\b|&|\+)\s*(?=(?:{_KEY}\s*[=:]\s*)?{_NUM})"
_SEP_RE = re.compile(_SEP)
# a unit that starts (after an optional %) with another number: "88 % 9 puskesmas"
_STRAY_NUMBER = re.compile(rf"\s*(?:%\s*)?({_NUM})(?:\s|$)")


class NotationError(ValueError):
    """A target text that cannot be read; ``offset`` is the 0-based index of the problem."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True)
class ParsedComponent:
    kunci: str | None  # explicit key, or None to derive one from the unit
    jumlah: float
    jumlah_maks: float | None  # upper bound of a range target ("80-90 %"), else None
    satuan: str
    offset: int

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
    pos = len(s) - len(s.lstrip())
    end = len(s.rstrip())
    components: list[ParsedComponent] = []
    while True:
        start = pos
        key = None
        m = _KEY_RE.match(s, pos)
        if m:
            key = m.group(1)
            pos = m.end()
        m = _NUM_RE.match(s, pos)
        if not m:
            what = "awal target" if not components else "setelah pemisah"
            raise NotationError(
                f"{what} harus berupa angka (mis. '25 Kop', '7,14 %', '80-90 %'), "
                f"tertulis '{s[pos:end][:30]}'",
                pos,
            )
        low = _to_float(m.group())
        pos = m.end()
        _reject_ambiguous_dot(s, pos)
        high = None
        r = _RANGE_RE.match(s, pos)
        if r:
            n = _NUM_RE.match(s, r.end())
            assert n is not None  # guaranteed by the lookahead
            high = _to_float(n.group())
            pos = n.end()
            _reject_ambiguous_dot(s, pos)
            if high < low:
                raise NotationError(
                    f"rentang terbalik: batas bawah {format_angka(low)} lebih besar dari "
                    f"batas atas {format_angka(high)}; tulis dari kecil ke besar",
                    r.start(),
                )
        sep = _SEP_RE.search(s, pos, end)
        unit_end = sep.start() if sep else end
        unit = normalize_unit(s[pos:unit_end])
        stray = _STRAY_NUMBER.match(s, pos, unit_end)
        if stray:
            raise NotationError(
                "dua angka tanpa pemisah: setiap komponen dipisah koma, titik koma, '/', 'dan' "
                f"atau '&', mis. '{s[start : stray.start(1)].strip()}, {s[stray.start(1) : unit_end].strip()}'",
                stray.start(1),
            )
        components.append(ParsedComponent(key, low, high, unit, start))
        if not sep:
            break
        pos = sep.end()
    return components


def _reject_ambiguous_dot(s: str, pos: int) -> None:
    if re.match(r"\.\d", s[pos : pos + 2]):
        raise NotationError(
            "angka dengan titik desimal: dalam format Indonesia titik adalah pemisah ribuan "
            "(1.234) dan koma adalah desimal (7,14); tulis desimal dengan koma",
            pos,
        )


def format_component(
    kunci: str | None, jumlah: float, jumlah_maks: float | None, satuan: str
) -> str:
    number = format_angka(jumlah)
    if jumlah_maks is not None:
        number += "-" + format_angka(jumlah_maks)
    if satuan == "%":
        body = number + "%"
    elif satuan:
        body = f"{number} {satuan}"
    else:
        body = number
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


def format_target(components: list[tuple[str | None, float, float | None, str]]) -> str:
    """The notation text for components ``(kunci, jumlah, jumlah_maks, satuan)``; "-" for none."""
    if not components:
        return "-"
    return ", ".join(format_component(*c) for c in components)
