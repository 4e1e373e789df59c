"""Realisasi files (``<tahun>.yaml``): what was reached in a year, checked against the IKU.

A file looks like::

    tahun: 2019
    status: contoh            # contoh | sementara | final
    realisasi:
      S1.2: 58                # single-component indicator: a bare number
      S3.2: {ekspor: "6,5", impor: 19}
      S1.1:
        nilai: {umkm: 2750, sertifikasi_usaha_mikro: 100, kop_ksp_usp_umkm: 9}
        catatan: ...
        sumber: ...
      S2.1:
        triwulan: {I: 20, II: 21, III: 23, IV: 24}   # combined by the indicator's rule
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from ikutool.errors import Finding, IkuError, Severity, errors_only
from ikutool.inputs.kind import (
    Codec,
    Kind,
    Reading,
    findings_from_cache,
    from_document,
    read_file,
    year_file,
)
from ikutool.model.iku import (
    Base,
    Iku,
    Number,
    Text,
    plain_text,
)
from ikutool.model.quarters import (
    quarter_name,
)
from ikutool.workspace.paths import shown
from ikutool.yaml_reader import Document, PathT

W = Severity.WARNING
STATUS = ("contoh", "sementara", "final")
RESERVED = ("nilai", "catatan", "sumber", "triwulan", "pembanding", "analisis")
LongText = Annotated[str, Field(min_length=1, max_length=10_000), BeforeValidator(plain_text)]


class Pembanding(Base):
    """A national, provincial or SPM standard to compare the realisasi with (LKjIP analysis 4)."""

    nilai: Number | dict[str, Number]  # one figure, or one per component key
    tingkat: Literal["nasional", "provinsi", "spm"]
    sumber: Text | None = None
    tahun: int | None = Field(default=None, ge=1900, le=2200)


class Analisis(Base):
    """The officer's own words for the LKjIP (analyses 5 and 7): kept verbatim, never invented."""

    pendorong: LongText | None = None
    penghambat: LongText | None = None
    solusi: LongText | None = None
    program: LongText | None = None


class RealisasiFile(Base):
    tahun: int
    status: Literal["contoh", "sementara", "final"] | None = None
    keterangan: str | None = None
    sumber: Text | None = None
    realisasi: dict[Any, Any] | None = None  # keys checked against the IKU's codes


@dataclass
class RealisasiIndikator:
    kode: str
    nilai: dict[str, float | None]  # per component key (in target order)
    catatan: str | None = None
    sumber: str | None = None
    triwulan: dict[str, dict[str, float | None]] = field(default_factory=dict)
    pembanding: Pembanding | None = None
    analisis: Analisis | None = None
    # warnings about a value as it was read ("1.250" read as 1,25): (component key or None for
    # the whole entry, "CODE message"); they travel with the value into every output
    peringatan: list[tuple[str | None, str]] = field(default_factory=list)
    # per component key: the last quarter a year built from fewer than four quarters reaches
    sd_triwulan: dict[str, str] = field(default_factory=dict)
    agregasi: dict[str, str] = field(default_factory=dict)  # key -> rule, when built from quarters

    def warnings_for(self, key: str | None) -> list[str]:
        return [text for k, text in self.peringatan if k == key or k is None]


@dataclass
class RealisasiTahun:
    tahun: int
    file: str
    status: str | None = None
    keterangan: str | None = None
    indikator: dict[str, RealisasiIndikator] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # warnings
    # values written with their unit, as read ("S1.1 '2 lembaga' = 2"): said by validate's
    # summary (kept in the cache too: validate reads a file checked before from it)
    dibaca: list[str] = field(default_factory=list)

    @property
    def is_contoh(self) -> bool:
        return self.status == "contoh"


def load_realisasi_file(path: Path, iku: Iku, display_name: str | None = None) -> RealisasiTahun:
    """A realisasi file checked against ``iku``: from the cache when these bytes, under this name,
    were checked against this same IKU before."""
    return read_file(KIND, path, iku, name=display_name)


def _to_cache(r: RealisasiTahun) -> dict[str, Any]:
    return {
        "tahun": r.tahun,
        "status": r.status,
        "keterangan": r.keterangan,
        "indikator": {
            kode: {
                "nilai": e.nilai,
                "catatan": e.catatan,
                "sumber": e.sumber,
                "triwulan": e.triwulan,
                "sd_triwulan": e.sd_triwulan,
                "agregasi": e.agregasi,
                "pembanding": e.pembanding.model_dump(mode="json", exclude_unset=True)
                if e.pembanding
                else None,
                "analisis": e.analisis.model_dump(mode="json", exclude_unset=True)
                if e.analisis
                else None,
            }
            for kode, e in r.indikator.items()
        },
        "temuan": [f.to_dict() for f in r.findings],
        "dibaca": r.dibaca,
    }


def _from_cache(data: dict[str, Any], name: str) -> RealisasiTahun:
    from ikutool.workspace.cache import rebuild

    out = RealisasiTahun(data["tahun"], name, data["status"], data["keterangan"])
    for kode, e in data["indikator"].items():
        out.indikator[kode] = RealisasiIndikator(
            kode,
            e["nilai"],
            e["catatan"],
            e["sumber"],
            e["triwulan"],
            rebuild(Pembanding, e["pembanding"]) if e["pembanding"] else None,
            rebuild(Analisis, e["analisis"]) if e["analisis"] else None,
        )
        out.indikator[kode].sd_triwulan = dict(e["sd_triwulan"])
        out.indikator[kode].agregasi = dict(e["agregasi"])
    out.findings = findings_from_cache(data["temuan"], name)
    out.dibaca = list(data["dibaca"])
    return out


def realisasi_from_document(doc: Document, path: Path, iku: Iku) -> RealisasiTahun:
    """Check a composed realisasi file against the IKU; raise :class:`IkuError` on any error.

    Every error is reported at once: a bad ``status`` does not hide an unknown code below it.
    """
    return from_document(KIND, doc, path, iku)


def _build(r: Reading) -> RealisasiTahun:
    model, findings, tahun = r.model, r.findings, r.tahun
    result = RealisasiTahun(tahun or 0, r.doc.file)
    if tahun is not None:
        result.status = model.status if model is not None else None
        result.keterangan = model.keterangan if model is not None else None
        entries = r.data.get("realisasi")
        if isinstance(entries, dict):
            from ikutool.inputs.realisasi_entri import Entries

            Entries(r.doc, r.iku, tahun, result, findings).read(entries)
        if result.status == "final" and not errors_only(findings):
            findings.extend(_final_gaps(r.doc, r.iku, result))
        findings.extend(_without_target(r.doc, r.iku, result))
    # one warning per misread value: the reader's "2.750 is 2,75" already says what IKU317 would
    misread = {(f.line, f.column) for f in findings if f.code == "IKU107"}
    findings[:] = [
        f for f in findings if not (f.code == "IKU317" and (f.line, f.column) in misread)
    ]
    return result


# warnings the capaian reports itself, from the data (a partial composite, a final file with a
# gap): not attached again to the value
_COMPUTED = frozenset({"IKU309", "IKU311"})


def attach_value_warnings(result: RealisasiTahun) -> None:
    """Give each entry the warnings located inside it (by the finding's path), so that a warning
    about a value is never only on stderr: ``realisasi.S2.3`` (the value), ``realisasi.S3.2.nilai
    .ekspor``, ``realisasi.S2.1.triwulan.II``."""
    for f in result.findings:
        seg = f.segments
        if f.is_error or f.code in _COMPUTED or not seg or len(seg) < 2 or seg[0] != "realisasi":
            continue
        entry = result.indikator.get(str(seg[1]))
        if entry is None:
            continue
        rest = [str(s) for s in seg[2:] if s not in ("nilai", "triwulan")]
        rest = [s for s in rest if quarter_name(s) is None]
        key = next((s for s in rest if s in entry.nilai), None)
        if key is None and len(entry.nilai) == 1 and not rest:
            key = next(iter(entry.nilai))
        if key is None and rest and rest[0] in ("pembanding", "analisis", "catatan", "sumber"):
            continue  # about the officer's text or the comparison figure, not the realisasi
        text = f"{f.code} {f.message}"
        if (key, text) not in entry.peringatan:
            entry.peringatan.append((key, text))


def _final_gaps(doc: Document, iku: Iku, result: RealisasiTahun) -> list[Finding]:
    """A file marked final must hold a value for every indicator with a target that year."""
    out = []
    for _, ind in iku.indikator():
        target = ind.target_for(result.tahun)
        if target is None:
            continue
        keys = [c.kunci or "nilai" for c in target.komponen]
        entry = result.indikator.get(ind.kode)
        missing = [k for k in keys if entry is None or entry.nilai.get(k) is None]
        if not missing:
            continue
        what = (
            "belum diisi"
            if len(missing) == len(keys)
            else f"komponen {', '.join(missing)} belum diisi"
        )
        path: PathT = ("realisasi", ind.kode) if entry is not None else ("status",)
        out.append(
            doc.finding(
                "IKU311",
                f"berkas berstatus final, tetapi {ind.kode} {what} (target {result.tahun}: "
                f"{target.teks}); isi nilainya, atau ubah status menjadi 'sementara'",
                path,
                severity=W,
            )
        )
    return out


def _without_target(doc: Document, iku: Iku, result: RealisasiTahun) -> list[Finding]:
    """A value for an indicator that has no target that year ("-" in the IKU) is kept and shown,
    but measures nothing: said, so it is not taken for a capaian."""
    out = []
    for kode, entry in result.indikator.items():
        ind = iku.find_indikator(kode)
        if ind is None or ind.target_for(result.tahun) is not None:
            continue
        if any(v is not None for v in entry.nilai.values()):
            out.append(
                doc.finding(
                    "IKU316",
                    f"{kode} tidak punya target tahun {result.tahun} di IKU ('-'); realisasinya "
                    "ditampilkan tetapi tidak dihitung capaiannya. Periksa tahunnya, atau isi "
                    "target tahun itu di IKU (atau di Perjanjian Kinerja)",
                    ("realisasi", kode),
                    severity=W,
                    at_key=True,
                )
            )
    return out


def values_without_target(iku: Iku, data: RealisasiTahun) -> int:
    """How many values the file holds for indicators without a target that year."""
    count = 0
    for kode, entry in data.indikator.items():
        ind = iku.find_indikator(kode)
        if ind is not None and ind.target_for(data.tahun) is None:
            count += sum(v is not None for v in entry.nilai.values())
    return count


def kelengkapan(iku: Iku, data: RealisasiTahun) -> tuple[int, int, int]:
    """``(with a target, filled completely, filled in part)`` for the indicators of that year."""
    total = complete = partial = 0
    for _, ind in iku.indikator():
        target = ind.target_for(data.tahun)
        if target is None:
            continue
        total += 1
        entry = data.indikator.get(ind.kode)
        values = [entry.nilai.get(c.kunci or "nilai") if entry else None for c in target.komponen]
        filled = sum(v is not None for v in values)
        if filled == len(values):
            complete += 1
        elif filled:
            partial += 1
    return total, complete, partial


Hint = Callable[[int], str]


def load_realisasi_dir(
    folder: Path, iku: Iku, years: list[int], *, hint: Hint | None = None
) -> dict[int, RealisasiTahun]:
    """The realisasi of ``years`` from ``folder``: each year's file by the one rule of
    :func:`ikutool.inputs.kind.year_file`. A missing folder or year is a usage problem (exit 2);
    ``hint`` gives the command that starts the missing file of a year."""
    require_folder(folder, years[0] if years else iku.periode.awal, hint)
    by_year: dict[int, RealisasiTahun] = {}
    errors: list[Finding] = []
    for year in years:
        try:
            path = year_file(folder, year, KIND.what)
            if path is not None:
                by_year[year] = load_realisasi_file(path, iku)
        except IkuError as exc:
            errors.extend(exc.findings)
    if errors:
        raise IkuError(errors)
    missing = [y for y in years if y not in by_year]
    if missing:
        raise missing_year(folder, iku, missing, hint)
    return by_year


def missing_year(folder: Path, iku: Iku, missing: list[int], hint: Hint | None) -> IkuError:
    return IkuError.single(
        "IKU308",
        f"realisasi tahun {', '.join(map(str, missing))} belum ada di folder realisasi "
        f"(IKU: {iku.berkas})",
        file=shown(folder),
        exit_code=2,
        hint=hint(missing[0]) if hint else None,
    )


def require_folder(folder: Path, tahun: int, hint: Hint | None) -> None:
    if not folder.is_dir():
        raise IkuError.single(
            "IKU308",
            "ini sebuah berkas, bukan folder realisasi"
            if folder.exists()
            else "folder realisasi tidak ada",
            file=shown(folder),
            exit_code=2,
            hint=hint(tahun) if hint else None,
        )


KIND: Kind[RealisasiTahun] = Kind(
    name="realisasi",
    label="berkas realisasi",
    what="realisasi",
    model=RealisasiFile,
    shape="isi berkas realisasi harus berupa pemetaan dengan 'tahun' dan 'realisasi'",
    build=_build,
    codec=Codec(_to_cache, _from_cache),
    salvage=True,
    after=attach_value_warnings,
)
