"""The follow-up register (``tindak-lanjut.yaml`` in the workspace): each evaluation's report
(LHE), its recommendations, the plan to follow each up, who is responsible, and where it stands
(Belum / Proses / Tuntas), with the evidence. The LKE pre-check counts the share of the last
evaluation's recommendations that are tuntas; the KKE-6 worksheet lists them.

    evaluasi:
      - tahun: 2019                       # the year that was evaluated
        lhe: "LHE AKIP Nomor 700/123/2020"
        rekomendasi:
          - uraian: Menyusun Manual IKU untuk seluruh indikator
            rencana: Manual IKU disahkan kepala dinas
            penanggung_jawab: Subbag Perencanaan
            status: Tuntas                # Belum | Proses | Tuntas
            bukti: manual-iku-2020.pdf
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from ikutool.errors import Finding, IkuError
from ikutool.inputs.limits import check_lengths
from ikutool.model.iku import Base, LongText, Number, Text
from ikutool.model.validation import validate_document
from ikutool.workspace.paths import shown
from ikutool.yaml_reader import REALISASI_MAX_BYTES, read_yaml

STATUS = ("Belum", "Proses", "Tuntas")


def _status(value: object) -> object:
    """ "tuntas", "TUNTAS", " Tuntas " as officers type it."""
    if isinstance(value, str):
        for s in STATUS:
            if value.strip().casefold() == s.casefold():
                return s
    return value


class Rekomendasi(Base):
    uraian: LongText
    rencana: LongText | None = None
    penanggung_jawab: Text | None = None
    status: Annotated[Literal["Belum", "Proses", "Tuntas"], BeforeValidator(_status)]
    bukti: Text | None = None
    batas_waktu: Text | None = None


class Evaluasi(Base):
    tahun: int = Field(ge=1900, le=2200)
    lhe: Text | None = None
    nilai: Number | None = None  # the LHE's score, where it gives one
    predikat: Text | None = None
    rekomendasi: list[Rekomendasi] = Field(default_factory=list, max_length=1000)


class TindakLanjutFile(Base):
    status: Literal["contoh", "sementara", "final"] | None = None
    evaluasi: list[Evaluasi] = Field(default_factory=list, max_length=100)


@dataclass
class Register:
    file: str
    status: str | None
    evaluasi: list[Evaluasi]
    baris: dict[tuple[int, int], int | None] = field(default_factory=dict)  # (i, j) -> line
    findings: list[Finding] = field(default_factory=list)  # warnings

    def terakhir(self, tahun: int) -> tuple[int, Evaluasi] | None:
        """The evaluation whose follow-up year ``tahun`` is judged on: the one of the year
        before, else the latest before ``tahun``."""
        earlier = [(i, e) for i, e in enumerate(self.evaluasi) if e.tahun < tahun]
        if not earlier:
            return None
        return max(earlier, key=lambda ie: (ie[1].tahun, ie[0]))


def load_register(path: Path) -> Register | None:
    """The register, or None when the workspace has none (it is optional)."""
    if not path.is_file():
        return None
    doc = read_yaml(path, display_name=shown(path), limit=REALISASI_MAX_BYTES)
    check_lengths(doc, "tindak_lanjut")
    model, findings = validate_document(
        doc, TindakLanjutFile, "isi tindak-lanjut.yaml harus berupa pemetaan dengan 'evaluasi'"
    )
    errors: list[Finding] = [f for f in findings if f.is_error]
    if model is None or errors:
        raise IkuError(findings)
    lines = {}
    for i, e in enumerate(model.evaluasi):
        for j, _ in enumerate(e.rekomendasi):
            _, loc = doc.resolve(("evaluasi", i, "rekomendasi", j))
            lines[(i, j)] = loc.line if loc is not None else None
    return Register(doc.file, model.status, list(model.evaluasi), lines, findings)
