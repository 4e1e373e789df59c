"""Rencana aksi files (``renaksi/<tahun>.yaml``): the year's target of each indicator split over the
four quarters, in the target notation, and optionally the planned action per quarter.

    tahun: 2020
    target:
      S1.1: {I: "10 UMKM", II: "20 UMKM", III: "30 UMKM", IV: "40 UMKM"}
      S2.1: {I: "20 %", II: "40 %", III: "60 %", IV: "80 %"}
    aksi:
      S1.1: {I: "Pendataan UMKM kecamatan A-C"}
    catatan:                 # the officer's notes per quarter (kendala, keterangan), optional
      S1.1: {II: "Pendataan kecamatan C mundur ke Juli"}

The quarters are checked against the year's target (the PK's where there is one, else the
Renstra's) by the indicator's quarter rule: ``kumulatif`` quarters add up to the year, ``akhir``
TW IV is the year, ``rata_rata`` their mean is the year. A mismatch is a warning that names both
figures: the rencana aksi is the officer's plan, and the quarterly report still measures against
it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from ikutool.errors import Finding, IkuError, Severity
from ikutool.formatting.numbers import settled
from ikutool.inputs.limits import check_lengths
from ikutool.inputs.realisasi import (
    QUARTERS,
    RULE_TEXT,
    aggregate,
    file_for_year,
    quarter_name,
    rule_for,
    year_findings,
)
from ikutool.model.iku import Base, Iku, Indikator, LongText, Target, TargetCell, Text
from ikutool.model.validation import clip, listing, nearest, validate_document
from ikutool.workspace.paths import shown
from ikutool.yaml_reader import REALISASI_MAX_BYTES, Document, PathT, read_yaml

W = Severity.WARNING


class RenaksiFile(Base):
    tahun: int = Field(ge=1900, le=2200)
    status: Literal["contoh", "sementara", "final"] | None = None
    keterangan: Text | None = None
    # keys (indicator codes, quarters) are checked against the IKU below, located
    target: dict[Any, dict[Any, TargetCell] | None] | None = None
    aksi: dict[Any, dict[Any, LongText] | None] | None = None  # empty in a template: fine
    catatan: dict[Any, dict[Any, LongText] | None] | None = None


@dataclass
class RenaksiTahun:
    tahun: int
    file: str
    status: str | None = None
    target: dict[str, dict[str, Target]] = field(default_factory=dict)  # kode -> TW -> target
    aksi: dict[str, dict[str, str]] = field(default_factory=dict)
    catatan: dict[str, dict[str, str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # warnings

    @property
    def is_contoh(self) -> bool:
        return self.status == "contoh"

    def target_tw(self, kode: str, tw: str) -> Target | None:
        return self.target.get(kode, {}).get(tw)

    def warnings_for(self, kode: str) -> list[str]:
        """Warnings located in ``kode``'s quarterly targets (travel with them)."""
        return [
            f"{f.code} {f.message}"
            for f in self.findings
            if not f.is_error
            and f.segments
            and len(f.segments) >= 2
            and f.segments[0] == "target"
            and str(f.segments[1]) == kode
        ]


def quarter_keys(
    doc: Document, raw: Any, path: PathT, findings: list[Finding]
) -> list[tuple[str, Any]]:
    """``(TW name, original key)`` of a per-quarter mapping; an unknown quarter located (IKU302),
    a quarter written twice ("2" and "II") located too (IKU104)."""
    out: list[tuple[str, Any]] = []
    if not isinstance(raw, dict):
        return out
    seen: dict[str, Any] = {}
    for key in raw:
        name = quarter_name(str(key))
        if name is None:
            findings.append(
                doc.finding(
                    "IKU302",
                    f"triwulan '{clip(str(key))}' tidak ada; pakai I, II, III atau IV",
                    (*path, key),
                    at_key=True,
                )
            )
            continue
        if name in seen:
            findings.append(
                doc.finding(
                    "IKU104",
                    f"triwulan {name} ditulis dua kali ('{seen[name]}' dan '{key}'); sisakan satu",
                    (*path, key),
                    at_key=True,
                )
            )
            continue
        seen[name] = key
        out.append((name, key))
    out.sort(key=lambda item: QUARTERS.index(item[0]))
    return out


def unknown_indicator(doc: Document, iku: Iku, kode: Any, path: PathT) -> Finding:
    codes = [ind.kode for _, ind in iku.indikator()]
    guess = nearest(str(kode), codes)
    hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
    return doc.finding(
        "IKU301",
        f"kode indikator '{clip(str(kode))}' tidak ada di IKU {iku.berkas}.{hint} Kode yang ada: "
        f"{listing(codes)}.",
        path,
        at_key=True,
    )


def load_renaksi_file(path: Path, iku: Iku, pk: Any = None) -> RenaksiTahun:
    doc = read_yaml(path, display_name=shown(path), limit=REALISASI_MAX_BYTES)
    return renaksi_from_document(doc, path, iku, pk)


def renaksi_from_document(doc: Document, path: Path, iku: Iku, pk: Any = None) -> RenaksiTahun:
    """Check a rencana aksi file against the IKU (and the year's PK, when given); raise
    :class:`IkuError` with every error found."""
    check_lengths(doc, "renaksi")
    model, findings = validate_document(
        doc,
        RenaksiFile,
        "isi berkas rencana aksi harus berupa pemetaan dengan 'tahun' dan 'target'",
    )
    if model is None:
        raise IkuError(findings)
    findings.extend(year_findings(doc, path, model.tahun, iku, "berkas rencana aksi"))
    out = RenaksiTahun(model.tahun, doc.file, model.status)
    for kode, quarters in (model.target or {}).items():
        quarters = quarters or {}
        ind = iku.find_indikator(str(kode))
        if ind is None:
            findings.append(unknown_indicator(doc, iku, kode, ("target", kode)))
            continue
        own: dict[str, Target] = {}
        for name, key in quarter_keys(doc, quarters, ("target", kode), findings):
            target = quarters[key]
            if target is None:
                continue  # "-": no target this quarter
            _take_year_units(iku, ind, target, model.tahun, pk)
            problem = _shape_problem(ind, target, model.tahun)
            if problem:
                findings.append(doc.finding("IKU210", problem, ("target", kode, key)))
                continue
            own[name] = target
        if own:
            out.target[ind.kode] = own
            findings.extend(_against_year(doc, iku, ind, own, model.tahun, pk, kode))
    stores: tuple[tuple[str, dict[str, dict[str, str]]], ...] = (
        ("aksi", out.aksi),
        ("catatan", out.catatan),
    )
    for section, store in stores:
        for kode, quarters in (getattr(model, section) or {}).items():
            quarters = quarters or {}
            ind = iku.find_indikator(str(kode))
            if ind is None:
                findings.append(unknown_indicator(doc, iku, kode, (section, kode)))
                continue
            keys = quarter_keys(doc, quarters, (section, kode), findings)
            store[ind.kode] = {name: str(quarters[key]) for name, key in keys}
    findings.sort(key=lambda f: (f.line or 0, f.column or 0))
    if any(f.is_error for f in findings):
        raise IkuError(findings)
    out.findings = findings
    return out


def _take_year_units(iku: Iku, ind: Indikator, target: Target, tahun: int, pk: Any) -> None:
    """A quarter written as bare numbers ("40") is in the year target's units: officers write
    the unit once, in the year's target."""
    year, _ = year_target(iku, ind, tahun, pk)
    year = year or ind.reference_target(tahun)
    if year is None or len(year.komponen) != len(target.komponen):
        return
    for comp, ref in zip(target.komponen, year.komponen, strict=True):
        if comp.kunci is None and not comp.satuan and comp.jenis == ref.jenis == "angka":
            comp.satuan, comp.persen, comp.kunci = ref.satuan, ref.persen, ref.kunci


def _shape_problem(ind: Indikator, target: Target, tahun: int) -> str | None:
    """Why a quarterly target cannot be measured like the year's (None when it can)."""
    from ikutool.inputs.pk import _components_differ

    why = _components_differ(ind, target, tahun)
    if not why:
        return None
    return why.replace("target PK", "target triwulan").replace("angka PK", "angka triwulan")


def year_target(iku: Iku, ind: Indikator, tahun: int, pk: Any) -> tuple[Target | None, str]:
    """The year's target of ``ind`` and where it comes from ("PK" or "Renstra")."""
    if pk is not None and ind.kode in pk.target:
        return pk.target[ind.kode], "PK"
    return ind.target_for(tahun), "Renstra"


def _against_year(
    doc: Document,
    iku: Iku,
    ind: Indikator,
    quarters: dict[str, Target],
    tahun: int,
    pk: Any,
    kode: Any,
) -> list[Finding]:
    """The quarters against the year's target, by the quarter rule, per component: a warning
    with both figures where they disagree."""
    from ikutool.formatting.numbers import format_angka

    year, source = year_target(iku, ind, tahun, pk)
    where = ("target", kode)
    if year is None:
        return [
            doc.finding(
                "IKU252",
                f"{ind.kode} tidak punya target {source} tahun {tahun}; target triwulan tidak "
                "dapat dicocokkan dengan target tahunan",
                where,
                severity=W,
                at_key=True,
            )
        ]
    out = []
    for i, comp in enumerate(year.komponen):
        name = ind.kode if len(year.komponen) == 1 else f"{ind.kode} ({comp.kunci})"
        rule = rule_for(ind.agregasi_triwulan, comp)
        if rule is None:
            out.append(
                doc.finding(
                    "IKU319",
                    f"{name}: cara menjadikan target triwulan angka tahunan belum ditulis "
                    "(persentase, indeks, rasio atau predikat tidak boleh dijumlah), jadi target "
                    "triwulan tidak dapat dicocokkan dengan target tahun ini. Tulis di IKU "
                    "'agregasi_triwulan: akhir', 'rata_rata' atau 'kumulatif'",
                    where,
                    severity=W,
                    at_key=True,
                )
            )
            continue
        present = [q for q in QUARTERS if q in quarters]
        series = [quarters[q].komponen[i].jumlah for q in present]
        if rule == "akhir" and "IV" not in quarters:
            continue  # nothing to compare the year with yet
        if rule != "akhir" and len(present) < len(QUARTERS):
            gaps = ", ".join(q for q in QUARTERS if q not in quarters)
            out.append(
                doc.finding(
                    "IKU321",
                    f"{name}: target TW {gaps} belum ditulis, jadi target triwulan ({RULE_TEXT[rule]}) "
                    f"belum dapat dicocokkan dengan target {source} {tahun} ({year.teks})",
                    where,
                    severity=W,
                    at_key=True,
                )
            )
            continue
        got = aggregate(rule, series)
        if not math.isclose(settled(got), settled(comp.jumlah), rel_tol=1e-9, abs_tol=1e-9):
            parts = {
                "kumulatif": " + ".join(format_angka(v) for v in series),
                "akhir": f"TW IV {format_angka(series[-1])}",
                "rata_rata": f"rata-rata ({'; '.join(format_angka(v) for v in series)})",
            }[rule]
            out.append(
                doc.finding(
                    "IKU321",
                    f"{name}: target triwulan ({RULE_TEXT[rule]}) menghasilkan {parts} = "
                    f"{format_angka(settled(got))}, sedangkan target {source} {tahun} "
                    f"{format_angka(comp.jumlah)} ({comp.tulisan}); samakan salah satunya",
                    where,
                    severity=W,
                    at_key=True,
                )
            )
    return out


def load_renaksi(folder: Path, iku: Iku, tahun: int, pk: Any = None) -> RenaksiTahun | None:
    """The rencana aksi of ``tahun`` from ``folder``, or None when there is none (optional)."""
    path = file_for_year(folder, tahun, "rencana aksi")
    return load_renaksi_file(path, iku, pk) if path is not None else None


def template_text(iku: Iku, tahun: int, pk: Any = None, *, iku_file: str | None = None) -> str:
    """A rencana aksi of ``tahun`` to fill: every indicator with its year target (PK first),
    pre-filled where the rule makes the split obvious (``akhir``: TW IV is the year's target) and
    left empty where the officer must decide (how a count spreads over the year)."""
    from ikutool.inputs.realisasi import _yaml_key

    lines = [
        f"# Rencana aksi {tahun}: target setiap indikator per triwulan (TW I-IV), ditulis seperti",
        "# target di IKU. Aturan triwulan tiap indikator menentukan cara mencocokkannya dengan",
        "# target tahunan: kumulatif = jumlah TW I-IV; akhir = TW IV; rata_rata = rata-rata TW.",
        *([f"# IKU: {iku_file}"] if iku_file else []),
        f"tahun: {tahun}",
        "target:",
    ]
    for _, ind in iku.indikator():
        year, source = year_target(iku, ind, tahun, pk)
        if year is None:
            lines.append(f"  # {ind.kode}: tidak ada target {tahun}")
            continue
        rules = {rule_for(ind.agregasi_triwulan, c) for c in year.komponen}
        rule = rules.pop() if len(rules) == 1 else None
        said = RULE_TEXT.get(rule, "aturan triwulan belum ditulis") if rule else "belum ditulis"
        lines.append(
            f"  # {ind.kode} {clip(ind.uraian, 70)}: target {source} {year.teks}; "
            f"aturan triwulan: {said}"
        )
        last = _quote(year.teks) if rule == "akhir" else '""'
        lines.append(f'  {_yaml_key(ind.kode)}: {{I: "", II: "", III: "", IV: {last}}}')
    lines += [
        "aksi:                     # rencana kegiatan per triwulan (opsional), mis.:",
        '  # S1.1: {I: "Pendataan UMKM", II: "Pelatihan"}',
        "catatan:                  # kendala dan tindak lanjut per triwulan (opsional), mis.:",
        '  # S1.1: {II: "Pelatihan tahap II mundur ke Juli"}',
        "",
    ]
    return "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
