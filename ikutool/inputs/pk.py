"""Perjanjian Kinerja files (``pk/<tahun>.yaml``): the targets the head of the agency signed for a
year, where they differ from the Renstra's.

    tahun: 2019
    ditandatangani: 2019-01-15          # optional
    target:                              # only the indicators whose PK target differs
      S1.2: "55 org"
      S3.2: "6% dan 15%"

A PK target is written in the IKU's own notation and must have the same components (the same
keys, in the same number) as the Renstra target it replaces, so that realisasi, written per
component, means the same thing against either.

A PK revised during the year (PK perubahan) keeps its revisions in the same file:

    perubahan:
      - tanggal: 2020-07-01
        target: {S1.2: "50 org"}

For each indicator the latest revision that names it stands; every output says so ("PK
perubahan (1 Juli 2020)").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from ikutool.errors import Finding, Severity
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
from ikutool.model.iku import Base, Iku, Target, TargetCell, Text
from ikutool.model.validation import clip, listing, nearest
from ikutool.yaml_reader import Document


class Perubahan(Base):
    """One revision of the PK: its date and the targets it changes."""

    tanggal: dt.date
    keterangan: Text | None = None
    target: dict[str, TargetCell] = Field(min_length=1)


def _ya_tidak(value: object) -> object:
    """``daftar_lengkap: ya`` as officers write it (YAML 1.2 reads ya/tidak as text)."""
    if isinstance(value, str) and value.strip().lower() in ("ya", "yes", "true"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("tidak", "no", "false"):
        return False
    return value


class PkFile(Base):
    tahun: int = Field(ge=1900, le=2200)
    # "ya": the file lists every indicator the signed PK holds (even where its target is the
    # Renstra's), so an indicator absent from it is not in the PK (the LKE pre-check reads this)
    daftar_lengkap: Annotated[bool, BeforeValidator(_ya_tidak)] = False
    status: Literal["contoh", "sementara", "final"] | None = None
    ditandatangani: Text | None = None  # YYYY-MM-DD
    keterangan: Text | None = None
    target: dict[str, TargetCell] = Field(default_factory=dict)
    perubahan: list[Perubahan] = Field(default_factory=list, max_length=100)


@dataclass
class PkTahun:
    tahun: int
    file: str
    status: str | None = None
    ditandatangani: dt.date | None = None
    target: dict[str, Target] = field(default_factory=dict)  # per indikator kode, as it stands
    findings: list[Finding] = field(default_factory=list)  # warnings
    perubahan: dict[str, dt.date] = field(default_factory=dict)  # kode -> revision that set it
    daftar_lengkap: bool = False  # the file lists every indicator of the signed PK
    # kode -> every target it had in the year, in order: (None: as signed, or the revision's date)
    riwayat: dict[str, list[tuple[dt.date | None, Target]]] = field(default_factory=dict)

    def as_of(self, day: dt.date) -> PkTahun:
        """The PK in force on ``day``: each target as signed, or as the last revision dated on
        or before ``day`` set it (a quarter is measured against the PK of its last day)."""
        target: dict[str, Target] = {}
        perubahan: dict[str, dt.date] = {}
        for kode, steps in self.riwayat.items():
            for when, t in steps:
                if when is None or when <= day:
                    target[kode] = t
                    if when is not None:
                        perubahan[kode] = when
                    else:
                        perubahan.pop(kode, None)
        return PkTahun(
            self.tahun, self.file, self.status, self.ditandatangani, target, self.findings,
            perubahan, self.daftar_lengkap, self.riwayat,
        )  # fmt: skip

    def revisions_after(self, day: dt.date) -> list[dt.date]:
        """The dates of the revisions made after ``day`` (a report for an earlier quarter says
        that a later PK perubahan is not what it measures against)."""
        return sorted({w for steps in self.riwayat.values() for w, _ in steps if w and w > day})

    def revised(self, kode: str) -> dt.date | None:
        """The date of the PK perubahan that set ``kode``'s target (None: the PK as signed)."""
        return self.perubahan.get(kode)

    @property
    def is_contoh(self) -> bool:
        return self.status == "contoh"

    def warnings_for(self, kode: str) -> list[str]:
        """Warnings located in the PK target of ``kode`` (travel with the target)."""
        return warnings_at(self.findings, "target", kode)


def _dump(pk: PkTahun) -> dict[str, Any]:
    return {
        "tahun": pk.tahun,
        "status": pk.status,
        "ditandatangani": pk.ditandatangani.isoformat() if pk.ditandatangani else None,
        "target": {k: t.model_dump(mode="json", exclude_unset=True) for k, t in pk.target.items()},
        "temuan": [f.to_dict() for f in pk.findings],
        "perubahan": {k: v.isoformat() for k, v in pk.perubahan.items()},
        "daftar_lengkap": pk.daftar_lengkap,
        "riwayat": {
            k: [
                [w.isoformat() if w else None, t.model_dump(mode="json", exclude_unset=True)]
                for w, t in steps
            ]
            for k, steps in pk.riwayat.items()
        },  # fmt: skip
    }


def _load(hit: dict[str, Any], name: str) -> PkTahun:
    from ikutool.workspace.cache import rebuild

    signed = hit["ditandatangani"]
    return PkTahun(
        hit["tahun"],
        name,
        hit["status"],
        dt.date.fromisoformat(signed) if signed else None,
        {k: rebuild(Target, v) for k, v in hit["target"].items()},
        findings_from_cache(hit["temuan"], name),
        {k: dt.date.fromisoformat(v) for k, v in hit["perubahan"].items()},
        bool(hit["daftar_lengkap"]),
        {
            k: [(dt.date.fromisoformat(w) if w else None, rebuild(Target, t)) for w, t in steps]
            for k, steps in hit["riwayat"].items()
        },
    )


def load_pk_file(path: Path, iku: Iku) -> PkTahun:
    """A PK file checked against ``iku``, from the cache when checked before (see cache.py)."""
    return read_file(KIND, path, iku)


def pk_from_document(doc: Document, path: Path, iku: Iku) -> PkTahun:
    """Check a PK file against the IKU; raise :class:`IkuError` with every error found."""
    return from_document(KIND, doc, path, iku)


def _build(r: Reading) -> PkTahun:
    doc, iku, findings, model = r.doc, r.iku, r.findings, r.model
    # checked even when another part of the file is wrong
    targets = _targets(doc, iku, findings, r.data.get("target"), ("target",))
    history: dict[str, list[tuple[dt.date | None, Target]]] = {
        k: [(None, t)] for k, t in targets.items()
    }
    revisions = r.data.get("perubahan")
    dates: dict[str, dt.date] = {}
    if isinstance(revisions, list):
        read = []
        for i, rev in enumerate(revisions):
            if not isinstance(rev, dict):
                continue
            found = _targets(doc, iku, findings, rev.get("target"), ("perubahan", i, "target"))
            when = rev.get("tanggal")
            if isinstance(when, str):
                try:
                    when = dt.date.fromisoformat(when.strip())
                except ValueError:
                    when = None  # located by the file's model
            if isinstance(when, dt.datetime):
                when = when.date()
            if isinstance(when, dt.date):
                read.append((when, i, found))
        read.sort(key=lambda r: (r[0], r[1]))  # the latest stands; one day: the later in the file
        for when, _, found in read:
            for kode, target in found.items():
                targets[kode] = target
                dates[kode] = when
                history.setdefault(kode, []).append((when, target))
        findings.extend(_revision_dates(doc, model, revisions))
    if model is None:
        return PkTahun(0, doc.file)  # not returned: the file's model has an error
    out = PkTahun(
        model.tahun,
        doc.file,
        model.status,
        target=targets,
        perubahan=dates,
        daftar_lengkap=model.daftar_lengkap,
        riwayat=history,
    )
    if model.ditandatangani is not None:
        try:
            out.ditandatangani = dt.date.fromisoformat(model.ditandatangani)
        except ValueError:
            findings.append(
                doc.finding(
                    "IKU203",
                    f"tanggal '{clip(model.ditandatangani)}' tidak terbaca; tulis TAHUN-BULAN-HARI, "
                    "mis. 2019-01-15",
                    ("ditandatangani",),
                )
            )
    return out


def _revision_dates(doc: Document, model: PkFile | None, revisions: list) -> list[Finding]:
    """A revision dated outside its year, or before the PK was signed, is likely mistyped."""
    out: list[Finding] = []
    if model is None:
        return out
    signed = None
    try:
        signed = dt.date.fromisoformat(model.ditandatangani) if model.ditandatangani else None
    except ValueError:
        pass
    for i, rev in enumerate(model.perubahan):
        problem = None
        if rev.tanggal.year != model.tahun:
            problem = f"tanggal perubahan {rev.tanggal.isoformat()} di luar tahun {model.tahun}"
        elif signed is not None and rev.tanggal < signed:
            problem = (
                f"tanggal perubahan {rev.tanggal.isoformat()} sebelum PK ditandatangani "
                f"({signed.isoformat()})"
            )
        if problem:
            out.append(
                doc.finding(
                    "IKU209",
                    problem + "; periksa tanggalnya (TAHUN-BULAN-HARI)",
                    ("perubahan", i, "tanggal"),
                    severity=Severity.WARNING,
                )
            )
    return out


def _targets(
    doc: Document, iku: Iku, findings: list[Finding], raw: Any, where: tuple
) -> dict[str, Target]:
    """Each PK target under ``where`` that reads and has the Renstra's components, by indikator
    kode; the problems of the others appended to ``findings`` (notation errors come from the
    model)."""
    from pydantic import TypeAdapter, ValidationError

    year = doc.data.get("tahun") if isinstance(doc.data, dict) else None
    if not isinstance(raw, dict):
        return {}
    codes = [ind.kode for _, ind in iku.indikator()]
    cell = TypeAdapter(TargetCell)
    out: dict[str, Target] = {}
    for kode, text in raw.items():
        path = (*where, kode)
        ind = iku.find_indikator(str(kode))
        if ind is None:
            guess = nearest(str(kode), codes)
            hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
            findings.append(
                doc.finding(
                    "IKU301",
                    f"kode indikator '{clip(str(kode))}' tidak ada di IKU {iku.berkas}.{hint} Kode "
                    f"yang ada: {listing(codes)}.",
                    path,
                    at_key=True,
                )
            )
            continue
        try:
            target = cell.validate_python(text)
        except ValidationError:
            continue  # located by the file's model
        if target is None:
            findings.append(
                doc.finding(
                    "IKU209",
                    "PK tanpa target ('-') tidak diperlukan: hapus baris ini; target Renstra yang "
                    "berlaku",
                    path,
                )
            )
            continue
        from ikutool.definition.forms import unreadable_label

        problem = unreadable_label(iku, ind, target)  # "org 55": a number after its unit
        if problem:
            findings.append(doc.finding("IKU207", problem, path, column_offset=0))
            continue
        problem = _components_differ(ind, target, year if isinstance(year, int) else 0)
        if problem:
            findings.append(doc.finding("IKU210", problem, path))
            continue
        why = form_problem(iku, ind, target)
        if why:
            findings.append(doc.finding("IKU207", why, path, column_offset=0))
            continue
        out[ind.kode] = target
    return out


def form_problem(iku: Iku, ind: Any, target: Target) -> str | None:
    """Why a target written beside the IKU's (a PK's, a rencana aksi quarter's) cannot be read as
    the IKU reads its own (None when it can): its predikat ranked on the indicator's scale, its
    ratio, rupiah and one-sided forms checked by the IKU's own rules."""
    from ikutool.definition.forms import check_forms, rank_predikat

    why = rank_predikat(iku, ind, target)
    if why:
        return why
    forms = [f for f in check_forms(iku, _with_target(ind, target), (), None) if f.code == "IKU207"]
    return forms[0].message if forms else None


def _components_differ(ind: Any, target: Target, tahun: int) -> str | None:
    """Why a PK target cannot stand in for the Renstra target of ``tahun`` (None when it can)."""
    ind.name_components(target)
    renstra = ind.reference_target(tahun)
    if renstra is None:
        return None
    want = [c.kunci for c in renstra.komponen]
    got = [c.kunci for c in target.komponen]
    if want == got:
        forms = [(c.jenis, r.jenis) for c, r in zip(target.komponen, renstra.komponen, strict=True)]
        wrong = next(((c, r) for c, r in forms if c != r), None)
        if wrong is None:
            return None
        return (
            f"target PK berbentuk {FORM_WORDS[wrong[0]]}, sedangkan target Renstra {ind.kode} "
            f"({renstra.teks}) berbentuk {FORM_WORDS[wrong[1]]}; tulis target PK dalam bentuk "
            "yang sama"
        )
    return (
        f"komponen target PK ({', '.join(map(str, got))}) tidak sama dengan komponen target "
        f"Renstra {ind.kode} ({renstra.teks}: {', '.join(map(str, want))}); realisasi ditulis per "
        "komponen, jadi target PK harus punya komponen yang sama, mis. "
        f"'{renstra.teks}' dengan angka PK"
    )


FORM_WORDS = {
    "angka": "angka",
    "rasio": "rasio (mis. 1:30)",
    "rupiah": "rupiah (mis. Rp 1,5 miliar)",
    "predikat": "predikat (mis. WTP)",
}


def _with_target(ind: Any, target: Target) -> Any:
    """``ind`` with only ``target`` (for the form checks of a PK target)."""
    return ind.model_copy(update={"target": {0: target}})


KIND: Kind[PkTahun] = Kind(
    name="pk",
    label="berkas PK",
    what="PK",
    model=PkFile,
    shape="isi berkas PK harus berupa pemetaan dengan 'tahun' dan 'target'",
    build=_build,
    codec=Codec(_dump, _load),
    salvage=True,
)


def load_pk(folder: Path, iku: Iku, tahun: int) -> PkTahun | None:
    """The PK of ``tahun`` from ``folder``, or None when there is none (PK files are optional)."""
    path = year_file(folder, tahun, KIND.what)
    return load_pk_file(path, iku) if path is not None else None
