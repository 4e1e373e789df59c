"""The regency's RPJMD (``rpjmd.yaml``): its tujuan and sasaran with their indicators, in the IKU's
target notation, as Bappeda shares them with every agency (the same code means the same goal in
every agency's pohon kinerja), and the agencies of the regency by code (for crosscutting).

    pemerintah: Kabupaten Contoh
    periode: {awal: 2021, akhir: 2026}
    kepala_daerah: {nama: ..., jabatan: Bupati Contoh}
    tujuan:
      - kode: T1
        uraian: Meningkatnya perekonomian daerah
        indikator:
          - {kode: T1.a, uraian: Pertumbuhan ekonomi, target: {2021: "5 %", 2026: "6 %"}}
    sasaran:
      - kode: SR1
        tujuan: T1
        uraian: Meningkatnya daya saing usaha mikro dan kecil
        indikator: [...]
    perangkat_daerah:
      - {kode: DINKOP, nama: Dinas Koperasi dan UKM}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, Field

from ikutool.errors import Finding, IkuError, Severity
from ikutool.model.iku import Base, Code, Indikator, Kepala, Periode, Text
from ikutool.model.validation import clip, validate_document
from ikutool.yaml_reader import Document

W = Severity.WARNING
M = TypeVar("M", bound=BaseModel)
RPJMD_MAX_BYTES = 4 * 1024 * 1024


class TujuanRpjmd(Base):
    kode: Code
    uraian: Text
    indikator: list[Indikator] = Field(default_factory=list, max_length=200)


class SasaranRpjmd(TujuanRpjmd):
    tujuan: Code | None = None  # the tujuan it serves


class PerangkatDaerah(Base):
    kode: Code
    nama: Text


class RpjmdFile(Base):
    pemerintah: Text
    periode: Periode
    status: Literal["contoh", "sementara", "final"] | None = None
    keterangan: Text | None = None
    visi: Text | None = None
    misi: list[Text] = Field(default_factory=list)
    kepala_daerah: Kepala | None = None  # the Bupati/Wali Kota: the PK of each eselon II
    tujuan: list[TujuanRpjmd] = Field(default_factory=list, max_length=500)
    sasaran: list[SasaranRpjmd] = Field(min_length=1, max_length=2000)
    perangkat_daerah: list[PerangkatDaerah] = Field(default_factory=list, max_length=2000)


@dataclass
class Rpjmd:
    file: str
    model: RpjmdFile
    doc: Document
    findings: list[Finding] = field(default_factory=list)

    @property
    def is_contoh(self) -> bool:
        return self.model.status == "contoh"

    def sasaran(self, kode: str) -> SasaranRpjmd | None:
        return next((s for s in self.model.sasaran if s.kode == kode), None)

    def tujuan(self, kode: str) -> TujuanRpjmd | None:
        return next((t for t in self.model.tujuan if t.kode == kode), None)

    def codes(self) -> list[str]:
        return [t.kode for t in self.model.tujuan] + [s.kode for s in self.model.sasaran]

    def perangkat(self, kode: str) -> PerangkatDaerah | None:
        return next((p for p in self.model.perangkat_daerah if p.kode == kode), None)

    def line_of(self, kode: str) -> tuple[int | None, int | None]:
        for i, s in enumerate(self.model.sasaran):
            if s.kode == kode:
                _, loc = self.doc.resolve(("sasaran", i, "kode"))
                return (loc.line, loc.column) if loc else (None, None)
        return None, None


def validated(
    kind: str, doc: Document, raw: bytes | None, model: type[M], message: str
) -> tuple[M | None, list[Finding]]:
    """:func:`validate_document`, from the cache when these bytes validated cleanly before (the
    model costs more to build than the file to read: start-up stays that of the IKU's)."""
    from ikutool.workspace import cache

    entry = cache.key(kind, raw) if raw is not None else None
    hit = cache.load(kind, entry) if entry else None
    if hit is not None and not doc.findings:
        try:
            return cache.rebuild(model, hit), []
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # an unreadable entry is ignored, and replaced below
    found_model, findings = validate_document(doc, model, message)
    if found_model is not None and entry and not findings:
        cache.store(kind, entry, lambda: found_model.model_dump(mode="json", exclude_unset=True))
    return found_model, findings


def read_file(path: Path, limit: int, display_name: str | None = None) -> tuple[Document, bytes]:
    from ikutool import yaml_cache
    from ikutool.workspace.paths import shown
    from ikutool.yaml_reader import read_bounded

    name = display_name or shown(path)
    raw = read_bounded(path, name, limit)
    return yaml_cache.parse(raw, name), raw  # lines and findings point into it: kept composed


def load_rpjmd(path: Path, display_name: str | None = None) -> Rpjmd:
    doc, raw = read_file(path, RPJMD_MAX_BYTES, display_name)
    return rpjmd_from_document(doc, raw)


def rpjmd_from_document(doc: Document, raw: bytes | None = None) -> Rpjmd:
    """Check an RPJMD file; raise :class:`IkuError` with every error found."""
    model, findings = validated(
        "rpjmd",
        doc,
        raw,
        RpjmdFile,
        "isi rpjmd.yaml harus berupa pemetaan dengan 'pemerintah', 'periode' dan 'sasaran'",
    )
    if model is None:
        raise IkuError(findings)
    seen: dict[str, str] = {}
    tujuan = {t.kode for t in model.tujuan}
    items: list[tuple[str, tuple]] = [
        (t.kode, ("tujuan", i, "kode")) for i, t in enumerate(model.tujuan)
    ]
    items += [(s.kode, ("sasaran", i, "kode")) for i, s in enumerate(model.sasaran)]
    items += [
        (p.kode, ("perangkat_daerah", i, "kode")) for i, p in enumerate(model.perangkat_daerah)
    ]
    for kode, path in items:
        key = " ".join(kode.split()).casefold()
        if key in seen:
            findings.append(
                doc.finding("IKU205", f"kode '{clip(kode)}' sudah dipakai di {seen[key]}", path)
            )
        else:
            seen[key] = path[0]
    for i, s in enumerate(model.sasaran):
        if s.tujuan is not None and s.tujuan not in tujuan:
            findings.append(
                doc.finding(
                    "IKU603",
                    f"tujuan '{clip(s.tujuan)}' sasaran RPJMD {s.kode} tidak ada di daftar tujuan "
                    f"rpjmd.yaml ({', '.join(sorted(tujuan)) or 'belum ada tujuan'})",
                    ("sasaran", i, "tujuan"),
                )
            )
        for j, ind in enumerate(s.indikator):
            for year in ind.target:
                if year not in model.periode.tahun:
                    findings.append(
                        doc.finding(
                            "IKU204",
                            f"tahun {year} di luar periode RPJMD "
                            f"{model.periode.awal}-{model.periode.akhir}",
                            ("sasaran", i, "indikator", j, "target", year),
                            at_key=True,
                        )
                    )
    findings.sort(key=lambda f: (f.line or 0, f.column or 0))
    if any(f.is_error for f in findings):
        raise IkuError(findings)
    return Rpjmd(doc.file, model, doc, findings)
