"""The IKU definition as typed pydantic models: the agency, its periode, bidang, scales, tujuan,
sasaran and indicators.

The base models and the limits on every input are in :mod:`ikutool.model.base`; a target cell
and its components in :mod:`ikutool.model.target` (the names the file kinds and results import
are re-exported here, ``X as X``). Checks that need the
whole document (years against the periode, duplicate codes, colliding component keys, undeclared
bidang, suspicious units) live in :mod:`ikutool.definition.checks`, which reports them with file
locations.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, StrictStr, model_validator
from pydantic_core import PydanticCustomError

from ikutool.model.base import MAX_BOBOT, MAX_TEXT, Base, Code, LongText, Text, plain_text
from ikutool.model.base import MAX_MAGNITUDE as MAX_MAGNITUDE
from ikutool.model.base import Number as Number
from ikutool.model.base import Result as Result
from ikutool.model.base import field_defaults as field_defaults
from ikutool.model.base import magnitude_problem as magnitude_problem
from ikutool.model.base import text_problem as text_problem
from ikutool.model.base import to_number as to_number
from ikutool.model.target import Komponen as Komponen
from ikutool.model.target import KondisiAwal, Target, TargetCell

Polaritas = Literal["positif", "negatif"]
RumusNegatif = Literal["selisih", "kebalikan"]
AgregasiTriwulan = Literal["kumulatif", "akhir", "rata_rata"]
Frekuensi = Literal["tahunan", "semesteran", "triwulanan", "bulanan"]


class Kepala(Base):
    nama: Text
    jabatan: Text | None = None
    pangkat: Text | None = None
    nip: Text | None = None


class Instansi(Base):
    nama: Text
    singkatan: Text | None = None
    pemerintah: Text | None = None  # "Kabupaten Tanjung Jabung Barat"
    alamat: Text | None = None
    kota: Text | None = None
    telepon: Text | None = None
    kepala: Kepala | None = None


class Periode(Base):
    awal: int = Field(ge=1900, le=2200)
    akhir: int = Field(ge=1900, le=2200)

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.akhir < self.awal:
            raise PydanticCustomError(
                "periode",
                "periode terbalik: 'akhir' ({akhir}) lebih kecil dari 'awal' ({awal})",
                {"awal": self.awal, "akhir": self.akhir},
            )
        return self

    @property
    def tahun(self) -> range:
        return range(self.awal, self.akhir + 1)


class Bidang(Base):
    kunci: Text
    nama: Text


class Tingkat(Base):
    """One band of a kategori scale; bands are tried from the top, the first that holds wins."""

    label: Text
    lebih_dari: float | None = None  # capaian > this
    minimal: float | None = None  # capaian >= this
    warna: Text | None = None


class Skala(Base):
    nama: Text
    tingkat: list[Tingkat] = Field(min_length=1)


class SkalaPredikat(Base):
    """A predikat scale the IKU file declares, lowest first: ``{nama: kla, urutan: [Pratama,
    Madya, Nindya, Utama, Paripurna]}``."""

    nama: Code
    urutan: list[Text] = Field(min_length=2, max_length=50)


class KomponenDef(Base):
    """Names the components of a composite target by position (for "7% dan 17%")."""

    kunci: Code
    uraian: Text | None = None


class Indikator(Base):
    kode: Code
    uraian: Text
    polaritas: Polaritas = "positif"
    rumus_negatif: RumusNegatif | None = None  # None: the file's setting
    satuan: Text | None = None  # unit for targets written as a bare number
    penanggung_jawab: Text | None = None
    bidang: Text | None = None
    sumber_data: Text | None = None
    keterangan: (
        Annotated[StrictStr, Field(max_length=MAX_TEXT), BeforeValidator(plain_text)] | None
    ) = None
    # a Manual IKU (what evaluators ask for per indicator); all optional
    definisi: LongText | None = None
    alasan: LongText | None = None
    formula: LongText | None = None
    penyedia_data: Text | None = None
    frekuensi: Frekuensi | None = None
    kondisi_awal: KondisiAwal | None = None
    bobot: float = Field(default=1.0, ge=0, le=MAX_BOBOT)  # 0: shown, not counted in the mean
    # how quarters make a year; None: never guessed (counts and rupiah add up; a percentage,
    # index, ratio or predikat must say)
    agregasi_triwulan: AgregasiTriwulan | None = None
    skala_predikat: Code | None = None  # opini_bpk | predikat_sakip | a scale the file declares
    capaian_predikat: Literal["peringkat", "biner"] = "peringkat"
    komponen: list[KomponenDef] = Field(default_factory=list)
    target: dict[int, TargetCell] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _name_components(self) -> Indikator:
        for target in self.target.values():
            if target is not None:
                self.name_components(target)
        # "maksimal 5 hari" says lower is better: the polaritas it implies, unless written
        # (a written one that contradicts it is an error, located by definition.check_iku)
        if "polaritas" not in self.model_fields_set and any(
            c.batas == "maks" for t in self.target.values() if t for c in t.komponen
        ):
            self.polaritas = "negatif"
        return self

    def name_components(self, target: Target) -> Target:
        """Give every component of ``target`` a key and a unit: written, else positional (from
        ``komponen``), else from its unit; a bare number takes the indicator's ``satuan``. Used
        for the Renstra targets here and for PK targets (pk.py) alike."""
        from ikutool.model.notation import format_target, is_percent, key_for_unit

        positional = len(self.komponen) == len(target.komponen)
        for i, comp in enumerate(target.komponen):
            if not comp.satuan and self.satuan:
                comp.satuan = self.satuan
                comp.persen = is_percent(self.satuan)
            if comp.kunci is None:
                comp.kunci = self.komponen[i].kunci if positional else key_for_unit(comp.satuan)
        if not target.teks:
            target.teks = format_target(
                [
                    (
                        c.kunci,
                        c.jumlah,
                        c.jumlah_maks,
                        c.satuan,
                        c.jenis,
                        c.batas,
                        c.rasio_dari,
                        c.predikat,
                    )
                    for c in target.komponen
                ]
            )
        return target

    def target_for(self, tahun: int) -> Target | None:
        return self.target.get(tahun)

    def reference_target(self, tahun: int) -> Target | None:
        """The target whose components a realisasi of ``tahun`` is written in: that year's, or,
        in a year without a target ("-"), the nearest earlier year's, else the nearest later."""
        own = self.target.get(tahun)
        if own is not None:
            return own
        years = sorted(
            (y for y, t in self.target.items() if t is not None),
            key=lambda y: (y > tahun, abs(y - tahun)),
        )
        return self.target[years[0]] if years else None

    def label_for(self, kunci: str) -> str | None:
        for k in self.komponen:
            if k.kunci == kunci:
                return k.uraian
        return None


class Sasaran(Base):
    kode: Code
    uraian: Text
    # "kelompok": an aspek, or the components of an index: its indicators are measured, but it
    # has no capaian of its own and is left out of the agency's mean
    jenis: Literal["sasaran", "kelompok"] = "sasaran"
    tujuan: Code | None = None  # the tujuan it serves (``tujuan:`` above sasaran)
    indikator: list[Indikator] = Field(default_factory=list)


class Tujuan(Base):
    """A tujuan above the sasaran, with its own indicators: measured, never averaged into
    anything."""

    kode: Code
    uraian: Text
    indikator: list[Indikator] = Field(default_factory=list)

    @property
    def jenis(self) -> str:
        return "tujuan"


class Iku(Base):
    instansi: Instansi
    periode: Periode
    visi: Annotated[StrictStr, Field(max_length=MAX_TEXT), BeforeValidator(plain_text)] | None = (
        None
    )
    misi: list[Text] = Field(default_factory=list)
    tugas_fungsi: list[Text] = Field(default_factory=list)
    landasan_hukum: list[Text] = Field(default_factory=list)
    bidang: list[Bidang] = Field(default_factory=list)
    rumus_negatif: RumusNegatif = "selisih"
    skala: Literal["permendagri86", "permenpanrb53"] | Skala = "permendagri86"
    # a target of zero on a negative indicator ("0 kasus"): realisasi 0 is 100 (tercapai),
    # above 0 is 0 ("biner"); or no capaian, reported as "target nol" ("tidak_dihitung")
    target_nol: Literal["biner", "tidak_dihitung"] = "biner"
    # the agency's rule for `iku validate --mutu`: at most this many indicators per sasaran
    maks_indikator_per_sasaran: int | None = Field(default=None, ge=1, le=1000)
    predikat: list[SkalaPredikat] = Field(default_factory=list)
    tujuan: list[Tujuan] = Field(default_factory=list)
    sasaran: list[Sasaran] = Field(min_length=1)
    _berkas: str | None = PrivateAttr(default=None)
    _sidik: str = PrivateAttr(default="")  # a hash of the file's bytes (cache keys depend on it)
    _index: dict[str, Indikator] | None = PrivateAttr(default=None)
    # warnings about a target cell as it was read, per (indicator code, year): they travel with
    # the target into every output (definition.attach_target_warnings)
    _peringatan: dict[tuple[str, int], list[str]] | None = PrivateAttr(default=None)

    def predikat_labels(self, ind: Indikator) -> list[str] | None:
        """The labels of ``ind``'s predikat scale, lowest first (None without one)."""
        from ikutool.model.scales import predikat_scales

        return predikat_scales(self).get(ind.skala_predikat or "")

    def target_warnings(self, kode: str, tahun: int) -> list[str]:
        return (self._peringatan or {}).get((kode, tahun), [])

    @property
    def berkas(self) -> str:
        """The file this IKU was read from, as shown to the user."""
        return self._berkas or "IKU"

    def groups(self) -> list[Sasaran | Tujuan]:
        """Every group of indicators in the file's order of levels: tujuan, then sasaran."""
        return [*self.tujuan, *self.sasaran]

    def indikator(self) -> list[tuple[Sasaran | Tujuan, Indikator]]:
        """Every indicator with its group (a tujuan's, a sasaran's, a kelompok's)."""
        return [(s, i) for s in self.groups() for i in s.indikator]

    def indikator_paths(self) -> dict[str, tuple]:
        """Each indicator's path in the file (``("sasaran", i, "indikator", j)``), for the line
        a report points at."""
        out: dict[str, tuple] = {}
        for i, sas in enumerate(self.sasaran):
            for j, ind in enumerate(sas.indikator):
                out[ind.kode] = ("sasaran", i, "indikator", j)
        for i, tuj in enumerate(self.tujuan):
            for j, ind in enumerate(tuj.indikator):
                out[ind.kode] = ("tujuan", i, "indikator", j)
        return out

    def find_indikator(self, kode: str) -> Indikator | None:
        """The indikator of ``kode`` (an index built on first use: callers look every code up)."""
        if self._index is None:
            self._index = {}
            for _, ind in self.indikator():
                self._index.setdefault(ind.kode, ind)
        return self._index.get(kode)

    def rumus_for(self, ind: Indikator) -> RumusNegatif:
        return ind.rumus_negatif or self.rumus_negatif

    def bidang_of(self, ind: Indikator) -> Bidang | None:
        for b in self.bidang:
            if ind.bidang in (b.kunci, b.nama):
                return b
        return None

    def bidang_name(self, kunci: str) -> str:
        return next((b.nama for b in self.bidang if b.kunci == kunci), kunci)

    def bidang_key(self, ind: Indikator) -> str | None:
        b = self.bidang_of(ind)
        return b.kunci if b else ind.bidang

    def sumber_data(self, ind: Indikator) -> str | None:
        """The indicator's data source as its IKU writes it; never invented (a bidang is who
        answers for it, not necessarily where the figure comes from)."""
        return ind.sumber_data
