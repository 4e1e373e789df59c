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

from ikutool.errors import Finding, Severity
from ikutool.formatting.numbers import settled
from ikutool.inputs.kind import (
    Codec,
    Kind,
    Reading,
    findings_from_cache,
    from_document,
    read_file,
    warnings_at,
    year_file,
)
from ikutool.inputs.pk import form_problem
from ikutool.model.iku import Base, Iku, Indikator, LongText, Target, TargetCell, Text
from ikutool.model.quarters import (
    RULE_TEXT,
    aggregate,
    measured_quarters,
    quarter_keys,
    rule_for,
)
from ikutool.model.validation import clip, listing, nearest
from ikutool.yaml_reader import Document, PathT

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
        return warnings_at(self.findings, "target", kode)


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
    return read_file(KIND, path, iku, extra=pk)


def renaksi_from_document(doc: Document, path: Path, iku: Iku, pk: Any = None) -> RenaksiTahun:
    """Check a rencana aksi file against the IKU (and the year's PK, when given); raise
    :class:`IkuError` with every error found."""
    return from_document(KIND, doc, path, iku, pk)


def _build(r: Reading) -> RenaksiTahun:
    doc, iku, findings, model, pk = r.doc, r.iku, r.findings, r.model, r.extra
    out = RenaksiTahun(model.tahun, doc.file, model.status)
    for kode, quarters in (model.target or {}).items():
        quarters = quarters or {}
        ind = iku.find_indikator(str(kode))
        if ind is None:
            findings.append(unknown_indicator(doc, iku, kode, ("target", kode)))
            continue
        own: dict[str, Target] = {}
        unreadable = False
        for name, key in quarter_keys(doc, quarters, ("target", kode), findings):
            target = quarters[key]
            if target is None:
                continue  # "-": no target this quarter
            from ikutool.definition.forms import unreadable_label

            why = unreadable_label(iku, ind, target)  # "org 10": a number after its unit
            if why:
                findings.append(doc.finding("IKU207", why, ("target", kode, key), column_offset=0))
                unreadable = True
                continue
            _take_year_units(iku, ind, target, model.tahun, pk)
            problem = _shape_problem(ind, target, model.tahun)
            if problem:
                findings.append(doc.finding("IKU210", problem, ("target", kode, key)))
                continue
            why = form_problem(iku, ind, target)  # ranked and checked as a PK target is
            if why:
                findings.append(doc.finding("IKU207", why, ("target", kode, key), column_offset=0))
                continue
            own[name] = target
        if own:
            out.target[ind.kode] = own
            if not unreadable:  # the quarter said unreadable is not also "not written"
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
    from ikutool.inputs.pk import _components_differ  # the PK's rule, one for both

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
    measured = measured_quarters(ind.frekuensi)
    for i, comp in enumerate(year.komponen):
        name = ind.kode if len(year.komponen) == 1 else f"{ind.kode} ({comp.kunci})"
        # an annual indicator has one target, at TW IV: it is the year's, whatever its rule
        rule = "akhir" if len(measured) == 1 else rule_for(ind.agregasi_triwulan, comp)
        if rule is None:
            out.append(
                doc.finding(
                    "IKU319",
                    f"{name}: cara menjadikan target triwulan angka tahunan belum ditulis "
                    "(persentase, indeks, rasio atau predikat tidak boleh dijumlah), jadi target "
                    "triwulan tidak dapat dicocokkan dengan target tahun ini. Tulis di IKU "
                    "'agregasi_triwulan: akhir', 'rata_rata' atau 'kumulatif'; atau, bila "
                    "indikatornya diukur setahun sekali, 'frekuensi: tahunan' (cukup target TW IV)",
                    where,
                    severity=W,
                    at_key=True,
                )
            )
            continue
        present = [q for q in measured if q in quarters]
        series = [quarters[q].komponen[i].jumlah for q in present]
        if rule == "akhir" and "IV" not in quarters:
            continue  # nothing to compare the year with yet
        if rule != "akhir" and len(present) < len(measured):
            gaps = ", ".join(q for q in measured if q not in quarters)
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
            said = _mismatch(name, rule, series, got, f"{source} {tahun}", comp)
            out.append(doc.finding("IKU321", said, where, severity=W, at_key=True))
    return out


def _mismatch(name: str, rule: str, series: list[float], got: float, year: str, comp: Any) -> str:
    """What a warning says when the quarters, by their rule, do not give the year's target."""
    from ikutool.formatting.numbers import format_angka

    parts = {
        "kumulatif": " + ".join(format_angka(v) for v in series),
        "akhir": f"TW IV {format_angka(series[-1])}",
        "rata_rata": f"rata-rata ({'; '.join(format_angka(v) for v in series)})",
    }[rule]
    return (
        f"{name}: target triwulan ({RULE_TEXT[rule]}) menghasilkan {parts} = "
        f"{format_angka(settled(got))}, sedangkan target {year} "
        f"{format_angka(comp.jumlah)} ({comp.tulisan}); samakan salah satunya"
    )


def _to_cache(r: RenaksiTahun) -> dict[str, Any]:
    return {
        "tahun": r.tahun,
        "status": r.status,
        "target": {
            kode: {tw: t.model_dump(mode="json", exclude_unset=True) for tw, t in quarters.items()}
            for kode, quarters in r.target.items()
        },
        "aksi": r.aksi,
        "catatan": r.catatan,
        "temuan": [f.to_dict() for f in r.findings],
    }


def _from_cache(data: dict[str, Any], name: str) -> RenaksiTahun:
    from ikutool.workspace.cache import rebuild

    return RenaksiTahun(
        data["tahun"],
        name,
        data["status"],
        {
            kode: {tw: rebuild(Target, t) for tw, t in quarters.items()}
            for kode, quarters in data["target"].items()
        },
        {kode: dict(quarters) for kode, quarters in data["aksi"].items()},
        {kode: dict(quarters) for kode, quarters in data["catatan"].items()},
        findings_from_cache(data["temuan"], name),
    )


def _pk_key(pk: Any) -> tuple[str, ...]:
    """What of the year's PK a rencana aksi is checked against (its targets, which also lend
    their units to bare quarters): part of the cache key, so a changed PK is a new entry."""
    if pk is None:
        return ()
    return ("pk", repr(sorted(pk.target.items())))


KIND: Kind[RenaksiTahun] = Kind(
    name="renaksi",
    label="berkas rencana aksi",
    what="rencana aksi",
    model=RenaksiFile,
    shape="isi berkas rencana aksi harus berupa pemetaan dengan 'tahun' dan 'target'",
    build=_build,
    codec=Codec(_to_cache, _from_cache),
    cache_key=_pk_key,
)


def load_renaksi(folder: Path, iku: Iku, tahun: int, pk: Any = None) -> RenaksiTahun | None:
    """The rencana aksi of ``tahun`` from ``folder``, or None when there is none (optional)."""
    path = year_file(folder, tahun, KIND.what)
    return load_renaksi_file(path, iku, pk) if path is not None else None


def template_text(
    iku: Iku, tahun: int, pk: Any = None, *, iku_file: str | None = None, prefill: bool = True
) -> str:
    """A rencana aksi of ``tahun`` to fill: every indicator with its year target (PK first),
    pre-filled where the rule makes the split obvious (``akhir``: TW IV is the year's target) and
    left empty where the officer must decide (how a count spreads over the year). ``prefill``
    False: every quarter left empty (a file started for its notes, whose plan nobody wrote)."""
    from ikutool.inputs.realisasi_templat import yaml_key

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
        measured = measured_quarters(ind.frekuensi)
        how = "diukur setahun sekali (TW IV)" if len(measured) == 1 else f"aturan triwulan: {said}"
        lines.append(f"  # {ind.kode} {clip(ind.uraian, 70)}: target {source} {year.teks}; {how}")
        if len(measured) == 1:  # an annual indicator: its one target is the year's, at TW IV
            own = _quote(year.teks) if prefill else '""'
            lines.append(f"  {yaml_key(ind.kode)}: {{IV: {own}}}")
            continue
        last = _quote(year.teks) if rule == "akhir" and prefill else '""'
        cells = ", ".join(f"{q}: {last if q == 'IV' else chr(34) * 2}" for q in measured)
        lines.append(f"  {yaml_key(ind.kode)}: {{{cells}}}")
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
