"""The quarters' kendala and tindak lanjut in the realisasi workbook, and where they go: the rencana
aksi's ``catatan`` (``renaksi/<tahun>.yaml``, ``catatan: {KODE: {TW: text}}``), which Tabel 2 of
the quarterly report shows.

The workbook has a column per quarter (per indicator, on its first row), pre-filled from the
rencana aksi; ``iku realisasi impor`` merges them by the same three-way rule as every other cell
and writes them with a round-trip edit of the rencana aksi (comments, key order and quoting kept).
A year with no rencana aksi file gets one started from the rencana aksi template with every target
left empty: the kendala are the bidang's, the plan is never made up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ikutool.inputs.renaksi import RenaksiTahun
    from ikutool.model.iku import Iku

KENDALA = "kendala."  # the workbook field of a quarter's note: kendala.I .. kendala.IV
KENDALA_HEADER = "Kendala dan tindak lanjut"


def is_kendala(field: str) -> bool:
    return field.startswith(KENDALA)


def quarter_of(field: str) -> str:
    return field[len(KENDALA) :]


def field_name(field: str) -> str:
    """How a person names the field, in messages: "kendala dan tindak lanjut TW II"."""
    return f"{KENDALA_HEADER.lower()} TW {quarter_of(field)}"


def current(renaksi: RenaksiTahun | None, kode: str, field: str) -> str | None:
    """What the rencana aksi holds now for the cell (None when nothing)."""
    if renaksi is None:
        return None
    return renaksi.catatan.get(kode, {}).get(quarter_of(field))


@dataclass(frozen=True)
class Note:
    """One quarter's note to set (``text`` None: take it out, HAPUS typed in the cell)."""

    kode: str
    tw: str
    text: str | None


def start_text(
    iku: Iku, tahun: int, pk: Any, *, iku_file: str | None, path: Path, root: Path | None
) -> str:
    """The rencana aksi a year without one starts from: the template's indicators and their year
    targets in comments, every quarter target left empty (the officer's plan is never guessed:
    not even TW IV of an 'akhir' indicator), and a word on where the file came from."""
    from ikutool.inputs.renaksi import template_text
    from ikutool.schema import in_workspace

    text = template_text(iku, tahun, pk, iku_file=iku_file, prefill=False)
    head = (
        "# Dimulai oleh iku realisasi impor untuk catatan triwulan (kendala dan tindak lanjut)\n"
        "# dari buku kerja bidang; target triwulannya belum diisi.\n"
    )
    return in_workspace(head + text, "renaksi", path, root)


def set_notes(
    raw: bytes, path: Path, iku: Iku, pk: Any, notes: list[Note], display_name: str
) -> tuple[str, RenaksiTahun]:
    """The rencana aksi's new text with ``notes`` set in its ``catatan``, checked exactly as any
    rencana aksi file; nothing is written here."""
    from ruamel.yaml.comments import CommentedMap

    from ikutool.inputs.editing import load_round_trip
    from ikutool.inputs.renaksi import renaksi_from_document
    from ikutool.yaml_reader import parse_yaml_text

    doc = load_round_trip(raw, display_name)
    data = doc.data
    flow = _flow_style(data)
    if not isinstance(data.get("catatan"), dict):
        data["catatan"] = CommentedMap()
    for note in notes:
        _set(data["catatan"], iku, note, flow)
    new_text = doc.dump()
    result = renaksi_from_document(
        parse_yaml_text(new_text.replace("\r\n", "\n"), display_name), path, iku, pk
    )
    return new_text, result


def _key_of(holder: Any, wanted: str, same: Any) -> Any:
    """The key of ``holder`` that names ``wanted`` as the reader reads it ("2" or "TW2" for II, a
    code as written), or None."""
    return next((k for k in holder if same(str(k)) == wanted), None)


def _insert_at(holder: Any, order: list[str], name: Any, same: Any) -> int:
    """Where a new key goes: after the last key that comes before it in ``order`` (the quarters'
    calendar order, the IKU's order of codes), so the file keeps reading in order."""
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(str(name), len(order))
    before = [i for i, k in enumerate(holder) if rank.get(same(str(k)) or "", len(order)) < mine]
    return before[-1] + 1 if before else 0


def _flow_style(data: Any) -> bool:
    """Whether a new entry is written ``S1.1: {II: "..."}``, as the file's own entries are (the
    first of its catatan, else of its aksi, else of its targets; the template writes them so)."""
    for section in ("catatan", "aksi", "target"):
        entries = data.get(section)
        if isinstance(entries, dict):
            for value in entries.values():
                if isinstance(value, dict) and hasattr(value, "fa"):
                    return bool(value.fa.flow_style())
    return False


def _set(catatan: Any, iku: Iku, note: Note, flow: bool) -> None:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from ikutool.model.quarters import QUARTERS, quarter_name

    def code_of(key: str) -> str | None:
        ind = iku.find_indikator(key)
        return ind.kode if ind is not None else None

    codes = [ind.kode for _, ind in iku.indikator()]
    key = _key_of(catatan, note.kode, code_of)
    quarters: Any = catatan.get(key) if key is not None else None
    if note.text is None:  # HAPUS: the quarter's note taken out (a code left with none goes too)
        if isinstance(quarters, dict):
            tw = _key_of(quarters, note.tw, quarter_name)
            if tw is not None:
                del quarters[tw]
            if not quarters:
                del catatan[key]
        return
    if not isinstance(quarters, dict):
        quarters = CommentedMap()
        if flow:
            quarters.fa.set_flow_style()
        if key is None:
            catatan.insert(_insert_at(catatan, codes, note.kode, code_of), note.kode, quarters)
        else:
            catatan[key] = quarters  # "S1.1:" with nothing under it
    tw = _key_of(quarters, note.tw, quarter_name)
    # always quoted: a note reads back as the same text ("ya", "2026", "=..." never another type)
    value = DoubleQuotedScalarString(note.text)
    if tw is None:
        quarters.insert(_insert_at(quarters, list(QUARTERS), note.tw, quarter_name), note.tw, value)
    else:
        quarters[tw] = value
