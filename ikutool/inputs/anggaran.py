"""Anggaran files (``anggaran/<tahun>.yaml``): the budget (pagu) and its realisation per program,
linked to the sasaran each program serves. Loaded and checked here; efisiensi is computed in
:mod:`ikutool.compute.efisiensi`.

    tahun: 2019
    efisiensi: rasio                     # rasio (default) | selisih | sisa
    program:
      - kode: "2.17.2.17.01.15"          # optional
        nama: Program Pengembangan Kewirausahaan dan Keunggulan Kompetitif UKM
        sasaran: [S1]
        pagu: 1.250.000.000              # Indonesian format, quoted or not
        realisasi: 1.180.500.000

Money is read as officers type it: ``1.250.000.000`` (a string in YAML, read the Indonesian way),
``1250000000``, ``"1.250.000.000,50"``. An unquoted ``1.250`` is YAML's float 1,25: the reader
warns about it, as everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictStr

from ikutool.errors import Finding, IkuError
from ikutool.inputs.limits import check_lengths
from ikutool.inputs.realisasi import file_for_year, year_findings
from ikutool.model.iku import Base, Iku, Number, Text
from ikutool.model.validation import clip, listing, nearest, validate_document
from ikutool.workspace.paths import shown
from ikutool.yaml_reader import REALISASI_MAX_BYTES, Document, read_yaml

Metode = Literal["rasio", "selisih", "sisa"]


def one_or_many(value: object) -> object:
    """``sasaran: S1`` as ``[S1]``: one sasaran written without a list."""
    return [value] if isinstance(value, str) else value


def sasaran_findings(
    doc: Document,
    iku: Iku,
    nama: str,
    sasaran: list[str],
    where: tuple,
    known: list[str],
    example: str,
) -> list[Finding]:
    """A program (of a program or anggaran file) linked to no sasaran (IKU315), or to one the IKU
    does not have (IKU301, with the nearest code)."""
    out = []
    if not sasaran:
        first = known[0] if known else "S1"
        out.append(
            doc.finding(
                "IKU315",
                f"program '{clip(nama)}' belum dikaitkan dengan sasaran mana pun; tulis sasaran "
                f"yang didukungnya, mis. 'sasaran: {example.replace('S1', first)}'",
                where,
            )
        )
    for j, kode in enumerate(sasaran):
        if kode not in known:
            guess = nearest(kode, known)
            hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
            out.append(
                doc.finding(
                    "IKU301",
                    f"program '{clip(nama)}' dikaitkan dengan sasaran '{clip(kode)}' yang tidak "
                    f"ada di IKU {iku.berkas}.{hint} Sasaran yang ada: {listing(known)}.",
                    (*where, "sasaran", j),
                )
            )
    return out


class Program(Base):
    kode: Annotated[StrictStr, Field(min_length=1, max_length=60)] | None = None
    nama: Text
    sasaran: Annotated[list[Text], BeforeValidator(one_or_many)] = Field(default_factory=list)
    pagu: Number
    realisasi: Number
    keterangan: Text | None = None


class AnggaranFile(Base):
    tahun: int = Field(ge=1900, le=2200)
    status: Literal["contoh", "sementara", "final"] | None = None
    efisiensi: Metode = "rasio"
    keterangan: Text | None = None
    program: list[Program] = Field(default_factory=list)


@dataclass
class AnggaranTahun:
    tahun: int
    file: str
    metode: Metode
    status: str | None
    program: list[Program] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # warnings

    @property
    def is_contoh(self) -> bool:
        return self.status == "contoh"

    def for_sasaran(self, kode: str) -> list[Program]:
        return [p for p in self.program if kode in p.sasaran]


def load_anggaran_file(path: Path, iku: Iku) -> AnggaranTahun:
    doc = read_yaml(path, display_name=shown(path), limit=REALISASI_MAX_BYTES)
    return anggaran_from_document(doc, path, iku)


def anggaran_from_document(doc: Document, path: Path, iku: Iku) -> AnggaranTahun:
    """Check an anggaran file against the IKU; raise :class:`IkuError` with every error found."""
    check_lengths(doc, "anggaran")
    model, findings = validate_document(
        doc, AnggaranFile, "isi berkas anggaran harus berupa pemetaan dengan 'tahun' dan 'program'"
    )
    findings = [_money_trap(doc, f) for f in findings]
    if model is None:
        raise IkuError(findings)
    findings.extend(year_findings(doc, path, model.tahun, iku, "berkas anggaran"))
    known = [s.kode for s in iku.sasaran]
    for i, prog in enumerate(model.program):
        where = ("program", i)
        findings += sasaran_findings(doc, iku, prog.nama, prog.sasaran, where, known, "[S1]")
        if prog.pagu < 0 or prog.realisasi < 0:
            findings.append(
                doc.finding("IKU304", "pagu dan realisasi anggaran tidak mungkin negatif", where)
            )
        elif prog.realisasi > prog.pagu:
            findings.append(
                doc.finding(
                    "IKU314",
                    f"realisasi anggaran ({_rupiah(prog.realisasi)}) melebihi pagu "
                    f"({_rupiah(prog.pagu)}); periksa kedua angkanya (pagu setelah perubahan?)",
                    (*where, "realisasi"),
                )
            )
    findings.sort(key=lambda f: (f.line or 0, f.column or 0))
    if any(f.is_error for f in findings):
        raise IkuError(findings)
    return AnggaranTahun(
        model.tahun, doc.file, model.efisiensi, model.status, list(model.program), findings
    )


def _money_trap(doc: Document, f: Finding) -> Finding:
    """``pagu: 950.000`` unquoted is YAML's 950: in a rupiah field that is never meant, so the
    reader's warning becomes an error here (elsewhere a decimal may be meant)."""
    seg = f.segments or ()
    if f.code != "IKU107" or len(seg) < 3 or seg[0] != "program" or seg[-1] not in MONEY:
        return f
    _, loc = doc.resolve(seg)
    raw = loc.raw if loc is not None and loc.raw else "?"
    return doc.finding(
        "IKU303",
        f"{seg[-1]} {raw} tanpa tanda kutip dibaca YAML sebagai {raw.split('.')[0]} rupiah (titik "
        f'sebagai desimal). Tulis {raw.replace(".", "")} tanpa titik, atau "{raw}" dalam tanda '
        "kutip",
        seg,
    )


MONEY = ("pagu", "realisasi")


def _rupiah(value: float) -> str:
    from ikutool.formatting.numbers import format_angka

    return f"Rp{format_angka(value)}"


def load_anggaran(folder: Path, iku: Iku, tahun: int) -> AnggaranTahun | None:
    """The anggaran of ``tahun`` from ``folder``, or None when there is none (optional)."""
    path = file_for_year(folder, tahun, "anggaran")
    return load_anggaran_file(path, iku) if path is not None else None
