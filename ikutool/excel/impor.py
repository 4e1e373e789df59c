"""Merging filled-in workbooks into a year's realisasi file (``iku realisasi impor``), and their
kendala cells into the year's rencana aksi (``excel/kendala.py``).

Every workbook is read and checked first (workbook.py); two workbooks that set one value
differently are an error naming both cells; only when nothing is wrong are the files edited, with
the same round-trip edit as ``iku realisasi isi`` (comments, order and quoting kept), under their
locks, and put in place together (both or neither). A file that does not exist yet is started from
its template. The report says what changes, old -> new, and how each text number was read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ikutool.errors import Finding, IkuError, Severity
from ikutool.excel import kendala
from ikutool.excel.kendala import is_kendala
from ikutool.excel.workbook import FIELD_NAMES, CellValue, read_workbook
from ikutool.formatting.numbers import format_angka
from ikutool.inputs.editing import Assignment
from ikutool.workspace.paths import shown

if TYPE_CHECKING:
    from ikutool.inputs.realisasi import RealisasiTahun
    from ikutool.inputs.renaksi import RenaksiTahun
    from ikutool.model.iku import Iku
    from ikutool.workspace.year import Agency


@dataclass
class Change:
    value: CellValue
    old: Any


@dataclass
class Plan:
    """What an import does to the file as it is now, by the three-way rule (workbook, what the
    workbook was made from, the file now)."""

    changes: list[Change]
    unchanged: int  # the file already holds what the cell holds
    kept: int  # cells the bidang left as they were made: the file's newer value stands
    conflicts: list[Finding]


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return str(a) == str(b)


def plan(
    values: list[CellValue],
    data: RealisasiTahun | None,
    iku: Iku,
    year: int,
    file: str,
    renaksi: RenaksiTahun | None = None,
    renaksi_file: str = "",
) -> Plan:
    """The three-way rule, per cell: what the bidang left as it was made never overwrites the
    file (the officer may have corrected it since: Monday's workbook must not undo Tuesday's
    edit); what the bidang changed is written when the file still holds what the workbook was
    made from; when both changed, differently, it is a conflict naming both, and nothing is
    written. HAPUS is always the bidang's change (no cell was made holding it): typed in a
    workbook older than the file's value (re-sent after an import, or made before the officer's
    edit), it is a conflict too, never silently left. A kendala cell is judged against the
    rencana aksi (``renaksi``), by the same rule."""
    out = Plan([], 0, 0, [])
    for v in values:
        if is_kendala(v.field):
            now, where = kendala.current(renaksi, v.kode, v.field), renaksi_file
        else:
            ind = iku.find_indikator(v.kode)
            target = ind.reference_target(year) if ind else None
            keys = [c.kunci or "nilai" for c in target.komponen] if target else []
            now, where = current_value(data, v, keys), file
        cleared = v.value is None  # HAPUS typed in the cell
        if _same(v.value, now):
            out.unchanged += 1
        elif _same(v.value, v.asal) and not cleared:
            out.kept += 1
        elif _same(now, v.asal):
            out.changes.append(Change(v, now))
        else:
            out.conflicts.append(_conflict(v, now, year, where))
    return out


def _conflict(v: CellValue, now: Any, year: int, file: str) -> Finding:
    """IKU318: the cell and the file both changed since the workbook was made; what to do."""
    what = FIELD_NAMES.get(v.field, v.field)
    typed = "HAPUS" if v.value is None else v.tulisan or _show(v.value, v.bentuk)
    fresh = f"iku realisasi template --tahun {year} --format xlsx"
    isi = _isi_command(v, year, typed)
    ways = f"buat buku kerja baru ({fresh}; berisi {_show(now, v.bentuk)}) dan isi lagi di sana" + (
        f", atau tulis nilainya langsung: {isi}" if isi else ""
    )
    if is_kendala(v.field):
        ways += f", atau tulis teksnya langsung di {file} (catatan {v.kode}, {kendala.quarter_of(v.field)})"
    return Finding(
        "IKU318",
        f"{v.label} ({what}): buku kerja dibuat saat {file} berisi {_show(v.asal, v.bentuk)}; "
        f"sejak itu berkas diubah menjadi {_show(now, v.bentuk)} (oleh petugas, atau oleh impor "
        f"buku kerja ini sebelumnya), dan di buku kerja diisi {typed}. Buku kerja ini sudah "
        "lama: nilai di berkas yang tidak dilihat bidang tidak ditimpa. Tentukan yang benar: "
        f"{ways}; lalu impor lagi",
        Severity.ERROR,
        v.where,
        path=v.label,
    )


def _isi_command(v: CellValue, year: int, typed: str) -> str | None:
    """The ``iku realisasi isi`` that writes the cell's value (None for a text field)."""
    if v.field != "nilai" and not v.field.startswith("triwulan."):
        return None
    parts = [v.kode, *([v.kunci] if v.kunci else [])]
    if v.field.startswith("triwulan."):
        parts.append(v.field.split(".")[1])
    arg = f"{'.'.join(parts)}={typed}"
    return f"iku realisasi isi --tahun {year} " + (f'"{arg}"' if " " in arg else arg)


@dataclass
class ImportReport:
    file: str
    tahun: int
    books: list[str]
    changes: list[Change]
    unchanged: int
    dry_run: bool
    created: bool
    kept: int = 0  # cells the bidang left as they were made (the file's value stands)
    findings: list[Finding] = field(default_factory=list)  # warnings of the resulting file
    renaksi_file: str | None = None  # the rencana aksi the kendala cells go to
    renaksi_created: bool = False  # it did not exist: started from its template, targets empty

    def text(self) -> str:
        real = [c for c in self.changes if not is_kendala(c.value.field)]
        notes = [c for c in self.changes if is_kendala(c.value.field)]
        lines = [
            f"Impor {', '.join(self.books)} -> {self.file} (tahun {self.tahun})"
            + (" [--dry-run: tidak ada yang ditulis]" if self.dry_run else "")
        ]
        lines += _change_lines(real)
        if notes:
            lines.append(f"Kendala dan tindak lanjut -> {self.renaksi_file} (catatan rencana aksi)")
            lines += _change_lines(notes)
        verb = "akan berubah" if self.dry_run else "diubah"
        started = [
            *(["berkas realisasi"] if self.created and real else []),
            *(["berkas rencana aksi (target triwulannya kosong)"] if self.renaksi_created else []),
        ]
        lines.append(
            f"{len(self.changes)} nilai {verb}, {self.unchanged} sama seperti di berkas"
            + (
                f", {self.kept} tidak diubah bidang (nilai di berkas yang berlaku)"
                if self.kept
                else ""
            )
            + (
                f"; {' dan '.join(started)} baru dibuat dari templat"
                if started and not self.dry_run
                else ""
            )
            + "."
        )
        return "\n".join(lines) + "\n"


def _change_lines(changes: list[Change]) -> list[str]:
    lines = []
    for ch in changes:
        v = ch.value
        what = FIELD_NAMES.get(v.field, v.field)
        old, new = _show(ch.old, v.bentuk), v.tulisan or _show(v.value, v.bentuk)
        lines.append(f"  {v.label} ({what}): {old} -> {new}   [{v.where}]")
        if v.note:
            lines.append(f"      {v.note}")
    return lines


def _show(value: Any, bentuk: tuple | None = None) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, float | int) and bentuk is not None:  # "1:24", "WDP"
        from ikutool.model.notation import format_value

        jenis, labels, first = bentuk
        return format_value(float(value), jenis, labels, first)
    if isinstance(value, float | int):
        return format_angka(value)
    from ikutool.errors import visible

    # a note of several lines on one line of the summary; a control character in a bidang's text
    # (U+202E turns the line around) shown, never obeyed, even when the summary is piped
    text = visible(" ".join(str(value).split()))
    return f'"{text[:40]}..."' if len(text) > 40 else f'"{text}"'


def current_value(data: RealisasiTahun | None, v: CellValue, keys: list[str]) -> Any:
    """What the realisasi file holds now for the cell's field (None when nothing)."""
    if data is None or v.kode not in data.indikator:
        return None
    entry = data.indikator[v.kode]
    key = v.kunci or (keys[0] if keys else "nilai")
    if v.field == "nilai":
        return entry.nilai.get(key)
    if v.field.startswith("triwulan."):
        return entry.triwulan.get(v.field.split(".")[1], {}).get(key)
    head, _, leaf = v.field.partition(".")
    if head in ("catatan", "sumber"):
        return getattr(entry, head)
    part = getattr(entry, head)
    if part is None:
        return None
    value = getattr(part, leaf)
    if isinstance(value, dict):
        return value.get(key)
    return value


def import_workbooks(
    ws: Agency, files: list[Path], tahun: int | None, *, dry_run: bool
) -> ImportReport:
    src, iku = ws.src, ws.iku

    books, findings = [], []
    for path in files:
        try:
            books.append(read_workbook(path, shown(path), iku, tahun))
        except IkuError as exc:
            if exc.exit_code == 2:
                raise
            findings += exc.findings
    for book in books:
        findings += book.findings
    years = sorted({b.tahun for b in books})
    if len(years) > 1:
        findings.append(
            Finding(
                "IKU108",
                f"buku kerja untuk tahun berbeda ({', '.join(map(str, years))}); impor satu tahun "
                "sekali jalan",
                Severity.ERROR,
                ", ".join(b.file for b in books),
            )
        )
    findings += _conflicts(books)
    if any(f.is_error for f in findings) or not books:
        raise IkuError(findings)
    year = tahun if tahun is not None else years[0]
    if not src.realisasi.is_dir():
        # a realisasi folder the workspace names but that is not there (a typo in ikutool.yaml,
        # a moved folder): said, never created silently beside the real one
        ws.require_realisasi_folder(year)
    the_year = ws.year(year)
    target = _Target(the_year, any(is_kendala(v.field) for b in books for v in b.values))
    values = _unique(books)
    first = target.plan(values, the_year.realisasi, the_year.renaksi if target.notes else None)
    if first.conflicts:
        raise IkuError(first.conflicts)
    kendala_changed = any(is_kendala(c.value.field) for c in first.changes)
    report = ImportReport(
        target.name,
        year,
        [b.file for b in books],
        first.changes,
        first.unchanged,
        dry_run,
        created=the_year.realisasi is None,
        kept=first.kept,
        renaksi_file=target.renaksi_name if target.notes else None,
        renaksi_created=kendala_changed and the_year.renaksi is None,
    )
    # a suspect value (a fraction of people) is written, and said where it was typed
    report.findings = [f for f in findings if not f.is_error]
    if dry_run or not first.changes:
        return report
    report.findings += target.write(values)
    return report


class _Target:
    """The files an import writes: the year's realisasi, and its rencana aksi when a workbook
    has kendala cells. Both are edited as one: read and planned again under their locks, checked,
    and put in place together, or neither is."""

    def __init__(self, year: Any, notes: bool) -> None:
        self.year, self.iku, self.notes = year, year.iku, notes
        self.path = year.new_file("realisasi")
        self.name = shown(self.path)
        self.renaksi_path = year.new_file("renaksi") if notes else None
        self.renaksi_name = shown(self.renaksi_path) if self.renaksi_path else ""

    def plan(self, values: list[CellValue], data: Any, renaksi: Any) -> Plan:
        return plan(values, data, self.iku, self.year.tahun, self.name, renaksi, self.renaksi_name)

    def write(self, values: list[CellValue]) -> list[Finding]:
        """Every change written, by the three-way rule applied again to the files as they are
        under their locks (an isi or another import since the plan is never overwritten); returns
        the warnings of the files written."""
        import contextlib

        from ikutool.workspace.files import edit_lock

        with contextlib.ExitStack() as locks:
            # always in this order (realisasi, then rencana aksi): two imports never deadlock
            for path in (self.path, self.renaksi_path):
                if path is not None and path.exists():
                    _bounded(path)  # refuse what cannot be edited, before waiting on its lock
                    locks.enter_context(edit_lock(path))
            return self._write_locked(values)

    def _write_locked(self, values: list[CellValue]) -> list[Finding]:
        from ikutool.inputs.editing import set_values
        from ikutool.workspace.files import write_together

        real_raw = _read_now(self.path)
        ren_raw = _read_now(self.renaksi_path) if self.renaksi_path is not None else None
        data = self._realisasi(real_raw)
        renaksi = self._renaksi(ren_raw)
        fresh = self.plan(values, data, renaksi)
        if fresh.conflicts:
            raise IkuError(fresh.conflicts)
        real = [c for c in fresh.changes if not is_kendala(c.value.field)]
        notes = [c for c in fresh.changes if is_kendala(c.value.field)]
        staged, findings = [], []
        try:
            if real:
                start = real_raw if real_raw is not None else self._realisasi_start()
                text, result = set_values(start, self.path, self.iku, _assignments(real), self.name)
                findings += result.findings
                staged.append(self._stage(self.path, text, real_raw))
            if notes and self.renaksi_path is not None:
                start = ren_raw if ren_raw is not None else self._renaksi_start()
                text, ren = kendala.set_notes(
                    start, self.renaksi_path, self.iku, self.year.pk, _notes(notes),
                    self.renaksi_name,
                )  # fmt: skip
                findings += [f for f in ren.findings if f.segments and f.segments[0] == "catatan"]
                if ren_raw is None:  # the folder too, once the file is known to be right
                    from ikutool.workspace.sources import make_folder

                    make_folder(self.year.agency.folder("renaksi"))
                staged.append(self._stage(self.renaksi_path, text, ren_raw))
        except BaseException:
            for s in staged:
                s.discard()
            raise
        write_together(staged)
        return findings

    def _stage(self, path: Path, text: str, original: bytes | None) -> Any:
        from ikutool.workspace.files import stage

        if original is None:  # a new file: never over one another process created meanwhile
            return stage(path, text)
        return stage(path, text, force=True, expect=original, replace_link=False)

    def _realisasi(self, raw: bytes | None) -> Any:
        from ikutool.inputs.realisasi import realisasi_from_document
        from ikutool.yaml_reader import parse_yaml_bytes

        if raw is None:
            return None
        return realisasi_from_document(parse_yaml_bytes(raw, self.name), self.path, self.iku)

    def _renaksi(self, raw: bytes | None) -> Any:
        from ikutool.inputs.renaksi import renaksi_from_document
        from ikutool.yaml_reader import parse_yaml_bytes

        if raw is None or self.renaksi_path is None:
            return None
        doc = parse_yaml_bytes(raw, self.renaksi_name)
        return renaksi_from_document(doc, self.renaksi_path, self.iku, self.year.pk)

    def _realisasi_start(self) -> bytes:
        from ikutool.inputs.realisasi_templat import template_text
        from ikutool.schema import in_workspace
        from ikutool.workspace.sources import make_folder

        src = self.year.agency.src
        make_folder(src.realisasi)
        text = template_text(self.iku, self.year.tahun, iku_file=src.iku_label, pk=self.year.pk)
        return in_workspace(text, "realisasi", self.path, src.root).encode("utf-8")

    def _renaksi_start(self) -> bytes:
        assert self.renaksi_path is not None
        src = self.year.agency.src
        text = kendala.start_text(
            self.iku, self.year.tahun, self.year.pk, iku_file=src.iku_label,
            path=self.renaksi_path, root=src.root,
        )  # fmt: skip
        return text.encode("utf-8")


def _bounded(path: Path) -> bytes:
    from ikutool.yaml_reader import EDIT_MAX_BYTES, read_bounded

    return read_bounded(path, shown(path), EDIT_MAX_BYTES)


def _read_now(path: Path | None) -> bytes | None:
    """The file's bytes as they are under the lock (None: it does not exist)."""
    if path is None or not path.exists():
        return None
    return _bounded(path)


def _notes(changes: list[Change]) -> list[kendala.Note]:
    return [
        kendala.Note(c.value.kode, kendala.quarter_of(c.value.field), c.value.value)  # type: ignore[arg-type]
        for c in changes
    ]


def _assignments(changes: list[Change]) -> list[Assignment]:
    return [
        Assignment(
            c.value.kode,
            c.value.kunci,
            c.value.value,
            str(c.value.value),
            triwulan=c.value.field.split(".")[1] if c.value.field.startswith("triwulan.") else None,
            field="nilai" if c.value.field.startswith("triwulan.") else c.value.field,
            tulisan=c.value.tulisan,
        )
        for c in changes
    ]


def _conflicts(books: list[Any]) -> list[Finding]:
    """A value that two workbooks set differently: an error naming both files and cells."""
    seen: dict[tuple[str, str | None, str], CellValue] = {}
    out = []
    for book in books:
        for v in book.values:
            key = (v.kode, v.kunci, v.field)
            first = seen.get(key)
            if first is None:
                seen[key] = v
            elif first.value != v.value and first.where.split("!")[0] != v.where.split("!")[0]:
                out.append(
                    Finding(
                        "IKU306",
                        f"{v.label} ({FIELD_NAMES.get(v.field, v.field)}): {_show(v.value)} di sini, "
                        f"tetapi {_show(first.value)} di {first.where}; samakan salah satunya",
                        Severity.ERROR,
                        v.where,
                        path=v.label,
                    )
                )
    return out


def _unique(books: list[Any]) -> list[CellValue]:
    out: dict[tuple[str, str | None, str], CellValue] = {}
    for book in books:
        for v in book.values:
            out.setdefault((v.kode, v.kunci, v.field), v)
    return list(out.values())
