"""Program files (``program/<tahun>.yaml``): the agency's programs for a year, each linked to the
sasaran it serves, with their kegiatan; each has its own indicators (outcome for a program,
output for a kegiatan) with K targets and quarterly realisasi, and its money (pagu, realisasi Rp
per quarter). One file kind holds a program's money: the LKjIP's efisiensi and serapan read it
here (:meth:`ProgramTahun.as_anggaran`); the older ``anggaran/<tahun>.yaml`` still works for a year
without a program file.

    tahun: 2020
    program:
      - kode: P1
        nama: Program Pemberdayaan UMKM
        sasaran: S1
        pagu: "Rp 1.000.000.000"
        pagu_renstra: "Rp 5.000.000.000"
        realisasi_rp_sd_tahun_lalu: "Rp 1.800.000.000"
        realisasi_rp: {I: "Rp 100.000.000", II: "Rp 250.000.000"}
        indikator:
          - kode: P1.a
            uraian: Persentase UMKM naik kelas
            target: "10 %"
            target_akhir: "20 %"
            realisasi_sd_tahun_lalu: "8 %"
            agregasi_triwulan: akhir
            realisasi: {I: "2 %", II: "5 %"}
        kegiatan:
          - kode: P1.01
            nama: Pelatihan UMKM
            pagu: "Rp 400.000.000"
            realisasi_rp: {I: "Rp 50.000.000"}
            indikator: [...]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictStr
from pydantic_core import PydanticCustomError

from ikutool import lazyre
from ikutool.errors import Finding, Severity
from ikutool.inputs.anggaran import one_or_many
from ikutool.inputs.kind import Codec, Kind, Reading, from_document, read_file, year_file
from ikutool.model.iku import (
    AgregasiTriwulan,
    Base,
    Code,
    Iku,
    Komponen,
    LongText,
    Polaritas,
    Target,
    TargetCell,
    Text,
    to_number,
)
from ikutool.model.quarters import QUARTERS, aggregate
from ikutool.model.uang import Uang
from ikutool.model.validation import clip
from ikutool.yaml_reader import Document

W = Severity.WARNING
Metode = Literal["rasio", "selisih", "sisa"]
_LETTERS = lazyre.compile(r"[A-Za-z]")


def to_rupiah(value: Any) -> Any:
    """Money as officers write it: ``"Rp 1.000.000.000"``, ``"Rp 1,5 miliar"``,
    ``"1.250.000.000"``, ``1250000000``. ``"1,5 M"`` is refused with what to write instead."""
    if isinstance(value, str) and _LETTERS.search(value):
        from ikutool.model.notation import NotationError, parse_target

        try:
            parsed = parse_target(value)
        except NotationError as exc:
            raise PydanticCustomError("angka", "{alasan}", {"alasan": exc.message}) from None
        if not parsed or len(parsed) != 1 or parsed[0].jenis != "rupiah":
            raise PydanticCustomError(
                "angka",
                "'{teks}' bukan jumlah rupiah; tulis mis. 'Rp 1.200.000.000' atau 'Rp 1,2 miliar'",
                {"teks": clip(value)},
            )
        number = parsed[0].jumlah
    else:
        number = to_number(value)
    if number < 0:
        raise PydanticCustomError("angka", "jumlah rupiah tidak mungkin negatif")
    return number


Money = Annotated[float, BeforeValidator(to_rupiah)]
Value = StrictStr | int | float  # a K value in its target's form; read against the target below


class IndikatorProgramFile(Base):
    kode: Code
    uraian: Text
    polaritas: Polaritas = "positif"
    satuan: Text | None = None
    target: TargetCell = None  # this year's (Renja) target: E.81 column 7
    target_akhir: TargetCell = None  # end of the Renstra period: column 5
    realisasi_sd_tahun_lalu: Value | None = None  # column 6
    agregasi_triwulan: AgregasiTriwulan | None = None
    realisasi: dict[Any, Value | None] = Field(default_factory=dict)  # per quarter


class KegiatanFile(Base):
    kode: Code | None = None
    nama: Text
    pagu: Money | None = None  # this year's: column 7 (Rp)
    pagu_renstra: Money | None = None  # the whole Renstra period: column 5 (Rp)
    realisasi_rp_sd_tahun_lalu: Money | None = None  # column 6 (Rp)
    realisasi_rp: dict[Any, Money | None] = Field(default_factory=dict)  # per quarter
    realisasi: Money | None = None  # the year's Rp, when it is not written per quarter
    unit: Text | None = None  # E.81/E.80 column 15: the unit responsible
    penanggung_jawab: Text | None = None  # the older name of ``unit``
    keterangan: Text | None = None
    indikator: list[IndikatorProgramFile] = Field(default_factory=list, max_length=500)


class KegiatanItemFile(KegiatanFile):
    """A kegiatan, with its sub kegiatan (the DPA level: national nomenclature codes, each with
    its own pagu, realisasi and output indicators, the same fields as a kegiatan)."""

    sub_kegiatan: list[KegiatanFile] = Field(default_factory=list, max_length=2000)


class ProgramItemFile(KegiatanFile):
    sasaran: Annotated[list[Text], BeforeValidator(one_or_many)] = Field(default_factory=list)
    kegiatan: list[KegiatanItemFile] = Field(default_factory=list, max_length=2000)


class EvaluasiCatatan(Base):
    """The officer's words for the E.81 and E.80 footers; never invented, placeholders when
    absent."""

    faktor_pendorong: LongText | None = None
    faktor_penghambat: LongText | None = None
    tindak_lanjut_triwulan: LongText | None = None
    tindak_lanjut_renja: LongText | None = None
    tindak_lanjut_renstra: LongText | None = None  # E.80's footer


class ProgramFile(Base):
    tahun: int = Field(ge=1900, le=2200)
    status: Literal["contoh", "sementara", "final"] | None = None
    efisiensi: Metode = "rasio"
    keterangan: Text | None = None
    program: list[ProgramItemFile] = Field(default_factory=list, max_length=2000)
    evaluasi: EvaluasiCatatan | None = None


@dataclass
class IndikatorKinerja:
    """One indicator of a program (outcome) or a kegiatan (output), its values read."""

    kode: str
    uraian: str
    polaritas: str
    rule: str | None  # quarter rule (None: none written, and not a count)
    target: Target | None
    target_akhir: Target | None
    sd_tahun_lalu: float | None
    realisasi: dict[str, float] = field(default_factory=dict)  # TW -> value
    # what capaian.value_args reads of an indicator: the file's negative rule, ranks compared
    rumus_negatif: str | None = None
    capaian_predikat: str = "peringkat"

    @property
    def komponen(self) -> Komponen | None:
        ref = self.target or self.target_akhir
        return ref.komponen[0] if ref is not None else None

    def sd(self, tw: str) -> tuple[float | None, str | None]:
        """Realisasi of the year up to ``tw`` by the quarter rule, and the last quarter it has."""
        present = [q for q in QUARTERS[: QUARTERS.index(tw) + 1] if q in self.realisasi]
        if not present or self.rule is None:
            return None, present[-1] if present else None
        return aggregate(self.rule, [self.realisasi[q] for q in present]), present[-1]


@dataclass
class Kegiatan:
    kode: str | None
    nama: str
    uang: Uang
    indikator: list[IndikatorKinerja]
    penanggung_jawab: str | None = None
    sub_kegiatan: list[Kegiatan] = field(default_factory=list)

    def linked(self) -> Kegiatan:
        """What a kegiatan does not write itself is its sub kegiatan's (model/uang.py)."""
        if self.sub_kegiatan:
            self.uang.bagian = [
                (f"sub kegiatan {clip(s.nama, 40)}", s.uang) for s in self.sub_kegiatan
            ]
        return self


@dataclass
class Program(Kegiatan):
    sasaran: list[str] = field(default_factory=list)
    kegiatan: list[Kegiatan] = field(default_factory=list)

    def linked(self) -> Program:
        """What the program does not write itself is its kegiatan's (one rule: model/uang.py)."""
        self.uang.bagian = [(f"kegiatan {clip(k.nama, 40)}", k.uang) for k in self.kegiatan]
        return self


@dataclass
class ProgramTahun:
    tahun: int
    file: str
    status: str | None
    metode: Metode
    program: list[Program] = field(default_factory=list)
    evaluasi: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # warnings

    @property
    def is_contoh(self) -> bool:
        return self.status == "contoh"

    def for_sasaran(self, kode: str) -> list[Program]:
        return [p for p in self.program if kode in p.sasaran]

    def warnings_at(self, *where: Any) -> list[str]:
        """Warnings located in the program (``"program", i``) or kegiatan (``..., "kegiatan",
        j``) at ``where``, itself and not its kegiatan: they travel with its row."""
        out = []
        for f in self.findings:
            seg = tuple(f.segments or ())
            if f.is_error or seg[: len(where)] != where:
                continue
            if len(where) == 2 and len(seg) > 2 and seg[2] == "kegiatan":
                continue
            out.append(f.message)
        return out


def load_program_file(path: Path, iku: Iku) -> ProgramTahun:
    """A program file checked against ``iku``, from the cache when these bytes were checked
    against this IKU before (the model of a program file costs more to build than to use)."""
    return read_file(KIND, path, iku)


def _target_dump(t: Target | None) -> Any:
    return t.model_dump(mode="json", exclude_unset=True) if t is not None else None


def _to_cache(p: ProgramTahun) -> dict[str, Any]:
    def uang(u: Uang) -> dict[str, Any]:
        return {
            "pagu": u.pagu,
            "pagu_renstra": u.pagu_renstra,
            "sd_tahun_lalu": u.sd_tahun_lalu,
            "realisasi_tw": u.realisasi_tw,
            "realisasi_tahun": u.realisasi_tahun,
        }

    def ind(i: IndikatorKinerja) -> dict[str, Any]:
        return {
            "kode": i.kode,
            "uraian": i.uraian,
            "polaritas": i.polaritas,
            "rule": i.rule,
            "target": _target_dump(i.target),
            "target_akhir": _target_dump(i.target_akhir),
            "sd_tahun_lalu": i.sd_tahun_lalu,
            "realisasi": i.realisasi,
        }

    def keg(k: Kegiatan) -> dict[str, Any]:
        return {
            "kode": k.kode,
            "nama": k.nama,
            "uang": uang(k.uang),
            "indikator": [ind(i) for i in k.indikator],
            "penanggung_jawab": k.penanggung_jawab,
            "sub_kegiatan": [keg(x) for x in k.sub_kegiatan],
        }

    return {
        "tahun": p.tahun,
        "status": p.status,
        "metode": p.metode,
        "evaluasi": p.evaluasi,
        "temuan": [f.to_dict() for f in p.findings],
        "program": [
            {**keg(x), "sasaran": x.sasaran, "kegiatan": [keg(k) for k in x.kegiatan]}
            for x in p.program
        ],
    }


def _from_cache(data: dict[str, Any], name: str) -> ProgramTahun:
    from ikutool.definition.load import finding_from_dict
    from ikutool.workspace import cache

    def target(v: Any) -> Target | None:
        return cache.rebuild(Target, v) if v is not None else None

    def ind(i: dict[str, Any]) -> IndikatorKinerja:
        return IndikatorKinerja(
            i["kode"], i["uraian"], i["polaritas"], i["rule"], target(i["target"]),
            target(i["target_akhir"]), i["sd_tahun_lalu"], dict(i["realisasi"]),
        )  # fmt: skip

    def uang(u: dict[str, Any]) -> Uang:
        return Uang(
            u["pagu"], u["pagu_renstra"], u["sd_tahun_lalu"], dict(u["realisasi_tw"]),
            u["realisasi_tahun"],
        )  # fmt: skip

    def keg(k: dict[str, Any]) -> Kegiatan:
        return Kegiatan(
            k["kode"], k["nama"], uang(k["uang"]), [ind(i) for i in k["indikator"]],
            k["penanggung_jawab"], [keg(x) for x in k.get("sub_kegiatan", [])],
        ).linked()  # fmt: skip

    programs = [
        Program(
            x["kode"],
            x["nama"],
            uang(x["uang"]),
            [ind(i) for i in x["indikator"]],
            x["penanggung_jawab"],
            sasaran=list(x["sasaran"]),
            kegiatan=[keg(k) for k in x["kegiatan"]],
        ).linked()  # fmt: skip
        for x in data["program"]
    ]
    return ProgramTahun(
        data["tahun"], name, data["status"], data["metode"], programs, dict(data["evaluasi"]),
        [finding_from_dict(f, name) for f in data["temuan"]],
    )  # fmt: skip


MONEY_FIELDS = frozenset(
    {"pagu", "pagu_renstra", "realisasi_rp_sd_tahun_lalu", "realisasi_rp", "realisasi"}
)


def program_from_document(doc: Document, path: Path, iku: Iku) -> ProgramTahun:
    """Check a program file against the IKU; raise :class:`IkuError` with every error found."""
    return from_document(KIND, doc, path, iku)


def _build(r: Reading) -> ProgramTahun:
    model = r.model
    from ikutool.inputs.program_entri import Reader

    reader = Reader(r.doc, r.iku, model.tahun, r.findings)
    programs = [reader.program(p, ("program", i)) for i, p in enumerate(model.program)]
    reader.duplicates(programs)
    notes = model.evaluasi.model_dump(exclude_none=True) if model.evaluasi else {}
    return ProgramTahun(model.tahun, r.doc.file, model.status, model.efisiensi, programs, notes)


KIND: Kind[ProgramTahun] = Kind(
    name="program",
    label="berkas program",
    what="program",
    model=ProgramFile,
    shape="isi berkas program harus berupa pemetaan dengan 'tahun' dan 'program'",
    build=_build,
    money=MONEY_FIELDS,
    codec=Codec(_to_cache, _from_cache),
)


def load_program(folder: Path, iku: Iku, tahun: int) -> ProgramTahun | None:
    """The programs of ``tahun`` from ``folder``, or None when there is none (optional)."""
    path = year_file(folder, tahun, KIND.what)
    return load_program_file(path, iku) if path is not None else None
