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
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from ikutool.errors import Finding
from ikutool.inputs.kind import Codec, Kind, Reading, findings_from_cache, read_file
from ikutool.model.iku import Base, LongText, Number, Text

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


def _build(r: Reading) -> Register:
    lines = {}
    for i, e in enumerate(r.model.evaluasi):
        for j, _ in enumerate(e.rekomendasi):
            _, loc = r.doc.resolve(("evaluasi", i, "rekomendasi", j))
            lines[(i, j)] = loc.line if loc is not None else None
    return Register(r.doc.file, r.model.status, list(r.model.evaluasi), lines)


def _to_cache(r: Register) -> dict[str, Any]:
    return {
        "status": r.status,
        "evaluasi": [e.model_dump(mode="json", exclude_unset=True) for e in r.evaluasi],
        "baris": [[i, j, line] for (i, j), line in r.baris.items()],
        "temuan": [f.to_dict() for f in r.findings],
    }


def _from_cache(data: dict[str, Any], name: str) -> Register:
    from ikutool.workspace.cache import rebuild

    return Register(
        name,
        data["status"],
        [rebuild(Evaluasi, e) for e in data["evaluasi"]],
        {(i, j): line for i, j, line in data["baris"]},
        findings_from_cache(data["temuan"], name),
    )


KIND: Kind[Register] = Kind(
    name="tindak_lanjut",
    label="register tindak lanjut",
    what="tindak lanjut",
    model=TindakLanjutFile,
    shape="isi tindak-lanjut.yaml harus berupa pemetaan dengan 'evaluasi'",
    build=_build,
    codec=Codec(_to_cache, _from_cache),
    per_year=False,
)


def load_register(path: Path) -> Register | None:
    """The register, or None when the workspace has none (it is optional)."""
    if not path.is_file():
        return None
    return read_file(KIND, path, None)
