"""``iku realisasi isi``: values typed on the command line, written into a year's realisasi file.

A year without a file yet is started from the template (what ``iku realisasi template`` would
write), then filled, as ``iku realisasi impor`` does. The report says every value, old -> new, as
``impor`` does, and how a value written with its unit ("2 lembaga") was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ikutool.errors import Finding, IkuError

if TYPE_CHECKING:
    from ikutool.inputs.editing import Assignment
    from ikutool.inputs.realisasi import RealisasiTahun
    from ikutool.model.iku import Iku
    from ikutool.workspace.year import Year


@dataclass(frozen=True)
class Perubahan:
    """One value as ``isi`` wrote it: where, what the file held, what it holds now."""

    label: str  # "S1.2", "S3.2 ekspor": as a person names the row
    what: str  # "realisasi", "triwulan II"
    old: str
    new: str
    note: str | None = None  # how a value written with its unit was read

    @property
    def same(self) -> bool:
        return self.old == self.new


@dataclass
class IsiReport:
    file: str
    tahun: int
    changes: list[Perubahan]
    created: bool
    findings: list[Finding] = field(default_factory=list)  # warnings of the resulting file

    def text(self) -> str:
        lines = [f"Isi {self.file} (tahun {self.tahun})"]
        for ch in self.changes:
            if ch.same:
                lines.append(f"  {ch.label} ({ch.what}): {ch.new} (sama seperti di berkas)")
            else:
                lines.append(f"  {ch.label} ({ch.what}): {ch.old} -> {ch.new}")
            if ch.note:
                lines.append(f"      {ch.note}")
        changed = sum(not ch.same for ch in self.changes)
        same = len(self.changes) - changed
        lines.append(
            f"{changed} nilai diubah"
            + (f", {same} sama seperti di berkas" if same else "")
            + ("; berkas baru dibuat dari templat" if self.created else "")
            + "."
        )
        return "\n".join(lines) + "\n"


def isi_year(year: Year, assignments: list[Assignment]) -> IsiReport:
    """Write ``assignments`` into ``year``'s realisasi file (started from the template when the
    year has none), under the file's lock; the report of what changed."""
    from ikutool.inputs.editing import edit_file, set_values
    from ikutool.inputs.realisasi_templat import template_text
    from ikutool.workspace.files import write_atomic
    from ikutool.workspace.paths import shown

    agency, iku, tahun = year.agency, year.iku, year.tahun
    path = year.new_file("realisasi")
    name = shown(path)
    seen: list[Perubahan] = []

    def against(now: RealisasiTahun | None) -> list[Assignment]:
        seen[:] = [_change(iku, tahun, a, now) for a in assignments]
        return assignments

    created = not path.is_file()
    if created:
        agency.require_realisasi_folder(tahun)  # a folder ikutool.yaml names but is not there
        start = template_text(iku, tahun, iku_file=agency.src.iku_label, pk=year.pk)
        text, result = set_values(start.encode("utf-8"), path, iku, against(None), name)
        try:
            write_atomic(path, text)  # never over a file another process created meanwhile
        except IkuError as exc:
            if exc.findings[0].code != "IKU502":
                raise
            created = False  # another isi started it meanwhile: fill that one, keeping both
    if not created:
        result = edit_file(path, iku, against, name)
    return IsiReport(name, tahun, seen, created, list(result.findings))


def _change(iku: Iku, tahun: int, a: Assignment, now: RealisasiTahun | None) -> Perubahan:
    from ikutool.inputs.satuan import how_read
    from ikutool.model.notation import component_label

    ind = iku.find_indikator(a.kode)
    target = ind.reference_target(tahun) if ind is not None else None
    comps = target.komponen if target is not None else []
    key = a.kunci or (comps[0].kunci or "nilai" if comps else "nilai")
    comp = next((c for c in comps if (c.kunci or "nilai") == key), None)
    label = a.kode
    if ind is not None and comp is not None and len(comps) > 1:
        label = f"{a.kode} {component_label(comp.kunci, comp.satuan, ind.label_for(key))}"
    entry = now.indikator.get(a.kode) if now is not None else None
    old: Any = None
    if entry is not None:
        old = entry.triwulan.get(a.triwulan, {}) if a.triwulan else entry.nilai
        old = old.get(key)
    form = None
    if comp is not None and comp.jenis != "angka" and ind is not None:
        form = (comp.jenis, iku.predikat_labels(ind), comp.rasio_dari)
    new = a.tulisan if a.tulisan is not None and a.value is not None else _shown(a.value, form)
    what = f"triwulan {a.triwulan}" if a.triwulan else "realisasi"
    return Perubahan(label, what, _shown(old, form), new, how_read(a.text, comp))


def _shown(value: Any, form: tuple | None) -> str:
    from ikutool.formatting.numbers import format_angka

    if value is None:
        return "(kosong)"
    if form is not None:
        from ikutool.model.notation import format_value

        return format_value(float(value), *form)
    return format_angka(value)
