"""How long each list in a file may be, checked before any item is validated (issue 23).

An agency's PK has a few revisions, its program file some dozens of programs, its rencana aksi
one entry per indicator. A file of 50.000 unknown codes (2 MB) cost 10-12 s and 405 MB in every
command that read it, and 5.000 PK ``perubahan`` were each validated before pydantic said, in
English, that 100 is the most. So the lengths are measured on the composed YAML, the moment it
is read, and a list past its bound is one Indonesian finding at the list's key (IKU110).

The 1.000-findings cap (IKU109) that holds for every file kind lives in :class:`IkuError`.
Each reader calls :func:`check_lengths` with its kind, right before validating.
"""

from __future__ import annotations

from typing import Any

from ikutool.errors import IkuError
from ikutool.formatting.numbers import format_angka

ANY = "*"  # every item of a list, or every value of a mapping
# file kind -> (path to a list or mapping, the most items it may hold, what the items are)
LIMITS: dict[str, tuple[tuple[tuple[str, ...], int, str], ...]] = {
    "pk": (
        (("perubahan",), 100, "perubahan PK"),
        (("target",), 5_000, "target indikator"),
        (("perubahan", ANY, "target"), 5_000, "target indikator"),
    ),
    "renaksi": (
        (("target",), 5_000, "kode indikator"),
        (("aksi",), 5_000, "kode indikator"),
        (("catatan",), 5_000, "kode indikator"),
    ),
    "program": (
        (("program",), 2_000, "program"),
        (("program", ANY, "kegiatan"), 2_000, "kegiatan"),
        (("program", ANY, "indikator"), 500, "indikator program"),
        (("program", ANY, "kegiatan", ANY, "indikator"), 500, "indikator kegiatan"),
    ),
    "anggaran": ((("program",), 2_000, "program"),),
    "realisasi": ((("indikator",), 5_000, "kode indikator"),),
    "tindak_lanjut": ((("rekomendasi",), 1_000, "rekomendasi"), (("evaluasi",), 100, "evaluasi")),
}


def _lists(data: Any, path: tuple[str, ...], at: tuple[Any, ...] = ()) -> Any:
    """``(where, value)`` for every value at ``path`` (``*`` walks every item)."""
    if not path:
        yield at, data
        return
    head, rest = path[0], path[1:]
    if head == ANY:
        items = enumerate(data) if isinstance(data, list) else (
            data.items() if isinstance(data, dict) else ()
        )  # fmt: skip
        for key, value in items:
            yield from _lists(value, rest, (*at, key))
    elif isinstance(data, dict) and head in data:
        yield from _lists(data[head], rest, (*at, head))


def check_lengths(doc: Any, kind: str) -> None:
    """Raise IKU110 at the first list of ``doc`` (a composed YAML document) that holds more items
    than a file of ``kind`` can."""
    for path, most, what in LIMITS[kind]:
        for where, value in _lists(doc.data, path):
            if isinstance(value, list | dict) and len(value) > most:
                raise IkuError([doc.finding(
                    "IKU110",
                    f"terlalu banyak {what}: {format_angka(len(value))} butir, paling banyak "
                    f"{format_angka(most)} dalam satu berkas. Periksa apakah ini berkas yang "
                    "benar; tidak ada butir yang diperiksa",
                    where,
                    at_key=True,
                )])  # fmt: skip
