"""The pohon kinerja (``pohon.yaml``): the agency's cascade of results, from its tujuan and sasaran
(the IKU's, by code) through programs, kegiatan and sub kegiatan (by the codes of the program
files), each node owned by an official, each agency sasaran supporting a sasaran of the regency's
RPJMD (``rpjmd.yaml``), and nodes another agency contributes to (crosscutting).

    instansi: DINKOP                 # the agency's code in the RPJMD's perangkat_daerah
    pejabat:
      - {kode: kadis, jabatan: Kepala Dinas, eselon: II, nama: ..., nip: "..."}
      - {kode: kabid-ukm, jabatan: Kepala Bidang UKM, eselon: III, atasan: kadis}
    pohon:
      - {kode: S1, mendukung: SR1, pemilik: kadis}          # the IKU's sasaran S1
      - kode: P1
        level: program
        induk: S1
        uraian: Program Pemberdayaan UMKM
        pemilik: kabid-ukm
        indikator:
          - {kode: P1.a, uraian: Persentase UMKM naik kelas, target: {2020: "10 %", 2021: "12 %"}}
        crosscutting:
          - {instansi: DINKES, kode: S2, peran: Pangan olahan UMKM yang bersertifikat}

The file is flat, one node a line of thought, each naming its parent (``induk``), as the e-SAKIP
systems store it: what has no parent, or a parent of the wrong level, is then a located finding.
A tujuan or sasaran node takes its wording and indicators from the IKU (one truth): written
again in the tree, they are compared and every difference said. A workspace without this file
behaves exactly as before. The checks after the model are in :mod:`ikutool.inputs.pohon_reader`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BeforeValidator, Field

from ikutool.errors import Finding, IkuError, Severity
from ikutool.inputs.anggaran import one_or_many
from ikutool.model.iku import Base, Code, Indikator, LongText, Periode, Target, Text
from ikutool.yaml_reader import Document, PathT

if TYPE_CHECKING:
    from ikutool.inputs.rpjmd import Rpjmd
    from ikutool.model.iku import Iku

W = Severity.WARNING
POHON_MAX_BYTES = 8 * 1024 * 1024
Level = Literal["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
LEVELS: tuple[str, ...] = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
LEVEL_NAMA = {
    "tujuan_pemda": "Tujuan RPJMD",
    "sasaran_pemda": "Sasaran RPJMD",
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub kegiatan",
}
# which level a node's parent may be (PermenPAN-RB 89/2021: strategic -> tactical -> operational)
PARENTS: dict[str, tuple[str, ...]] = {
    "tujuan": (),
    "sasaran": ("tujuan",),
    "program": ("sasaran", "tujuan"),
    "kegiatan": ("program",),
    "sub_kegiatan": ("kegiatan",),
}
ESELON = {"II": "eselon II", "III": "eselon III", "IV": "eselon IV"}


class IndikatorNode(Indikator):
    # a part of another indicator (a sub-indicator, a component of an index): said wherever it
    # is shown, and never averaged into anything
    bagian_dari: Code | None = None


class CrosscuttingFile(Base):
    instansi: Code  # the other agency's code (the RPJMD's perangkat_daerah)
    kode: Code  # the node of that agency's pohon kinerja this one contributes to
    peran: LongText | None = None  # what this node contributes


class NodeFile(Base):
    kode: Code
    level: Level | None = None  # inferred for the IKU's tujuan and sasaran
    induk: Code | None = None
    uraian: Text | None = None  # from the IKU or the program file when not written
    mendukung: Annotated[list[Code], BeforeValidator(one_or_many)] = Field(default_factory=list)
    pemilik: Code | None = None
    indikator: list[IndikatorNode] | None = Field(default=None, max_length=200)
    crosscutting: list[CrosscuttingFile] = Field(default_factory=list, max_length=100)
    keterangan: Text | None = None


class PejabatFile(Base):
    kode: Code
    jabatan: Text
    eselon: Literal["II", "III", "IV"]
    nama: Text | None = None
    nip: Text | None = None
    pangkat: Text | None = None
    atasan: Code | None = None


class PohonFile(Base):
    instansi: Code | None = None
    periode: Periode | None = None
    status: Literal["contoh", "sementara", "final"] | None = None
    keterangan: Text | None = None
    pejabat: list[PejabatFile] = Field(default_factory=list, max_length=5000)
    pohon: list[NodeFile] = Field(min_length=1, max_length=20000)


@dataclass
class IndikatorPohon:
    kode: str
    uraian: str
    target: dict[int, Target | None]
    sumber: str  # "iku" | "pohon" | "program"
    bagian_dari: str | None = None


@dataclass
class Crosscutting:
    instansi: str
    kode: str
    peran: str | None
    where: PathT


@dataclass
class Pejabat:
    kode: str
    jabatan: str
    eselon: str
    nama: str | None = None
    nip: str | None = None
    pangkat: str | None = None
    atasan: str | None = None


@dataclass
class Simpul:
    kode: str
    level: str
    uraian: str
    induk: str | None
    pemilik: str | None
    mendukung: list[str]
    indikator: list[IndikatorPohon]
    crosscutting: list[Crosscutting]
    where: PathT
    keterangan: str | None = None
    anak: list[Simpul] = field(default_factory=list)
    yatim: bool = False  # its parent is missing: drawn apart, and said
    dari: str | None = None  # in a regency tree: the agency a node belongs to

    @property
    def judul(self) -> str:
        return f"{self.kode} {self.uraian}"


@dataclass
class Pohon:
    file: str
    status: str | None
    instansi: str | None
    pejabat: dict[str, Pejabat]
    simpul: dict[str, Simpul]
    akar: list[Simpul]
    doc: Document
    findings: list[Finding] = field(default_factory=list)  # warnings

    @property
    def is_contoh(self) -> bool:
        return self.status == "contoh"

    def walk(self, roots: list[Simpul] | None = None) -> Iterator[tuple[Simpul, int]]:
        """Every node depth-first in the file's order, with its depth."""
        stack = [(n, 0) for n in reversed(roots if roots is not None else self.akar)]
        while stack:
            node, depth = stack.pop()
            yield node, depth
            stack.extend((c, depth + 1) for c in reversed(node.anak))

    def owner(self, node: Simpul) -> Pejabat | None:
        return self.pejabat.get(node.pemilik) if node.pemilik else None


def load_pohon(path: Path, iku: Iku, rpjmd: Rpjmd | None = None) -> Pohon:
    from ikutool.inputs.rpjmd import read_file

    doc, raw = read_file(path, POHON_MAX_BYTES)
    return pohon_from_document(doc, iku, rpjmd, raw)


def pohon_from_document(
    doc: Document, iku: Iku, rpjmd: Rpjmd | None = None, raw: bytes | None = None
) -> Pohon:
    """Check a pohon kinerja against the IKU (and the RPJMD, when given); raise
    :class:`IkuError` with every error found. ``raw``: the file's bytes, to reuse the checked
    model of the same bytes (the checks against the IKU and the RPJMD run every time)."""
    from ikutool.inputs.pohon_reader import Reader
    from ikutool.inputs.rpjmd import validated

    model, findings = validated(
        "pohon",
        doc,
        raw,
        PohonFile,
        "isi pohon.yaml harus berupa pemetaan dengan 'pejabat' dan 'pohon'",
    )
    if model is None:
        raise IkuError(findings)
    r = Reader(doc, iku, rpjmd, findings)
    if model.periode is not None and (
        model.periode.awal != iku.periode.awal or model.periode.akhir != iku.periode.akhir
    ):
        r.add(
            "IKU204",
            f"periode pohon kinerja {model.periode.awal}-{model.periode.akhir} berbeda dengan "
            f"periode IKU {iku.periode.awal}-{iku.periode.akhir} ({iku.berkas})",
            ("periode",),
        )
    pejabat = r.pejabat(model.pejabat)
    nodes = r.nodes(model.pohon, pejabat)
    roots = r.link(nodes, model.pohon)
    r.support(nodes, model.pohon)
    r.missing_iku(nodes)
    r.crosscutting(model.instansi, nodes)
    findings.sort(key=lambda f: (f.line or 0, f.column or 0))
    if any(f.is_error for f in findings):
        raise IkuError(findings)
    return Pohon(doc.file, model.status, model.instansi, pejabat, nodes, roots, doc, findings)
