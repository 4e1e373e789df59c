"""The IKU definition as typed pydantic models.

The limits on what an input may be live here, once, so that every later stage (arithmetic,
number formatting, JSON, Excel, HTML) can trust what it receives: numbers are finite, between
``MIN_MAGNITUDE`` and ``MAX_MAGNITUDE`` (or zero); text has a bounded length and no control
characters; weights are bounded.

Structure and per-cell parsing live here (a target cell is read by the notation parser into typed
components). Checks that need the whole document (years against the periode, duplicate codes,
colliding component keys, undeclared bidang, suspicious units) live in :mod:`ikutool.definition.load`,
which reports them with file locations.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictStr,
    model_validator,
)
from pydantic_core import PydanticCustomError

# the target notation (its regular expressions) is imported where it is used: a warm run,
# served from the cache, validates nothing and never needs it
from ikutool.formatting.numbers import NumberFormatError, parse_angka

Polaritas = Literal["positif", "negatif"]
RumusNegatif = Literal["selisih", "kebalikan"]
AgregasiTriwulan = Literal["kumulatif", "akhir", "rata_rata"]
JenisKomponen = Literal["angka", "rasio", "rupiah", "predikat"]
Frekuensi = Literal["tahunan", "semesteran", "triwulanan", "bulanan"]
MAX_MAGNITUDE = 1e15  # a count, a rupiah amount, a percentage: no KPI figure is larger
MIN_MAGNITUDE = 1e-9  # and no non-zero one is smaller (so capaian stays below 10^26 %)
MAX_TEXT = 2000
MAX_TARGET_TEXT = 500
MAX_BOBOT = 1000.0

# control characters other than TAB and newline (invisible, they break terminals and Excel), the
# Unicode line separators, and what XML 1.0 cannot hold (surrogates, U+FFFE, U+FFFF): Word and
# Excel files are XML, so such a character would stop every document (written as "\ufffe" in a
# quoted YAML value, it gets past the reader)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def text_problem(value: str, limit: int = MAX_TEXT) -> str | None:
    """Why ``value`` cannot be stored as text, or None. Shared by every loader."""
    if len(value) > limit:
        return f"teks terlalu panjang ({len(value)} karakter; paling banyak {limit})"
    m = _CONTROL.search(value)
    if m:
        code = ord(m.group())
        what = (
            "karakter pemisah baris"
            if code in (0x2028, 0x2029)
            else "karakter yang tidak dapat disimpan di dokumen Word atau Excel"
            if code >= 0xD800
            else "karakter kendali"
        )
        return (
            f"teks berisi {what} U+{code:04X} (tidak terlihat; biasanya terbawa dari salinan); "
            "hapus karakter itu"
        )
    return None


def magnitude_problem(value: float) -> str | None:
    """Why ``value`` cannot be used as a figure, or None. Shared by every loader."""
    if not math.isfinite(value):
        return "harus angka terhingga, bukan .nan atau .inf"
    if abs(value) > MAX_MAGNITUDE:
        return "angka terlalu besar (lebih dari 10^15)"
    if value != 0 and abs(value) < MIN_MAGNITUDE:
        return "angka terlalu kecil (kurang dari 10^-9); tulis 0 bila maksudnya nol"
    return None


def plain_text(value: Any) -> Any:
    if isinstance(value, str):
        problem = text_problem(value, 10**9)  # length is each field's own constraint
        if problem:
            raise PydanticCustomError("teks", problem)
    return value


Text = Annotated[StrictStr, Field(min_length=1, max_length=MAX_TEXT), BeforeValidator(plain_text)]
Code = Annotated[StrictStr, Field(min_length=1, max_length=40), BeforeValidator(plain_text)]


class Base(BaseModel):
    # defer_build: a model's validator is built when first used, not when imported, so each
    # command pays only for the models it reads
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, allow_inf_nan=False, defer_build=True
    )


_IMMUTABLE = (str, int, float, bool, type(None), tuple, frozenset)


def field_defaults(cls: Any) -> list[tuple[str, Any, Any]]:
    """Each field of a pydantic model, in declared order, with its default and how to make a
    fresh one: ``(name, default, make)``; ``make`` is None when the default can be shared (an
    immutable value), else the default factory or a copier (a mutable default such as ``[]``).
    Computed once per class."""
    plan = cls.__dict__.get("_iku_defaults")
    if plan is None:
        import copy

        plan = []
        for name, info in cls.model_fields.items():
            make = info.default_factory
            if make is None and not isinstance(info.default, _IMMUTABLE):
                make = lambda d=info.default: copy.copy(d)  # noqa: E731
            plan.append((name, info.default, make))
        type.__setattr__(cls, "_iku_defaults", plan)
    return plan


class Result(BaseModel):
    """Base of computed results (capaian, reports, the LKjIP): built by the tool itself, nothing
    to validate, serialised to JSON when asked."""

    model_config = ConfigDict(defer_build=True)

    @classmethod
    def model_construct(  # type: ignore[override]  # same call, as pydantic documents it
        cls, _fields_set: set[str] | None = None, **values: Any
    ) -> Self:
        """pydantic's ``model_construct`` for these plain models (no aliases, extras or private
        attributes), without its per-call overhead: results are built tens of thousands of
        times in a large report."""
        data = {}
        for name, default, make in field_defaults(cls):
            if name in values:
                data[name] = values[name]
            else:
                data[name] = make() if make is not None else default
        inst = cls.__new__(cls)
        object.__setattr__(inst, "__dict__", data)
        object.__setattr__(
            inst, "__pydantic_fields_set__", set(values) if _fields_set is None else _fields_set
        )
        object.__setattr__(inst, "__pydantic_extra__", None)
        object.__setattr__(inst, "__pydantic_private__", None)
        return inst


def to_number(value: Any) -> Any:
    """Accept YAML numbers and Indonesian number strings ("6,5", "1.234", "7,14 %")."""
    if isinstance(value, bool):
        raise PydanticCustomError("angka", "harus berupa angka, bukan true/false")
    if isinstance(value, int | float):
        number = float(value) if abs(value) <= MAX_MAGNITUDE * 10 else math.inf
    elif isinstance(value, str):
        try:
            number, _ = parse_angka(value)
        except NumberFormatError as exc:
            raise PydanticCustomError("angka", exc.message) from None
    else:
        raise PydanticCustomError("angka", "harus berupa angka")
    problem = magnitude_problem(number)
    if problem == "harus angka terhingga, bukan .nan atau .inf" and isinstance(value, int):
        problem = "angka terlalu besar (lebih dari 10^15)"
    if problem:
        raise PydanticCustomError("angka", problem)
    return number
    raise PydanticCustomError("angka", "harus berupa angka")


Number = Annotated[float, BeforeValidator(to_number)]


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


class Komponen(Base):
    """One typed quantity of a target: ``15 Kop``, ``7,14 %``, ``80-90 %``, ``minimal 80 %``,
    ``1:30`` (a ratio: ``jumlah`` is the second term per one of the first), ``Rp 1,5 miliar``,
    ``WTP`` (a predikat: ``jumlah`` is its rank on the indicator's scale, set when the IKU is
    checked)."""

    kunci: Code | None = None  # filled from the unit (or the indicator's komponen) when absent
    jumlah: Number
    jumlah_maks: Number | None = None  # upper bound of a range target
    satuan: Annotated[StrictStr, Field(max_length=200), BeforeValidator(plain_text)] = ""
    persen: bool | None = None
    jenis: JenisKomponen = "angka"
    batas: Literal["min", "maks"] | None = None  # one-sided: "minimal 80 %", "maksimal 5 hari"
    rasio_dari: Number | None = None  # the first term of a ratio ("1" of "1:30")
    predikat: Annotated[StrictStr, Field(max_length=100), BeforeValidator(plain_text)] | None = None
    teks: Annotated[StrictStr, Field(max_length=MAX_TARGET_TEXT)] = ""  # as written

    @model_validator(mode="after")
    def _derive(self) -> Komponen:
        from ikutool.model.notation import is_percent, normalize_unit

        self.satuan = normalize_unit(self.satuan)
        if self.persen is None:
            self.persen = is_percent(self.satuan)
        elif self.persen and not self.satuan:
            self.satuan = "%"
        if self.jumlah_maks is not None and self.jumlah_maks < self.jumlah:
            raise PydanticCustomError(
                "rentang", "rentang terbalik: 'jumlah_maks' lebih kecil dari 'jumlah'"
            )
        return self

    @property
    def is_range(self) -> bool:
        return self.jumlah_maks is not None

    @property
    def tulisan(self) -> str:
        """The component as its document writes it ("minimal 80 %", "1:30", "WTP"): the text
        read from the file, else written from its parts (a target given as a list)."""
        from ikutool.model.notation import format_component

        return self.teks or format_component(
            None,
            self.jumlah,
            self.jumlah_maks,
            self.satuan,
            self.jenis,
            self.batas,
            self.rasio_dari,
            self.predikat,
        )


class Target(Base):
    teks: Annotated[StrictStr, Field(max_length=MAX_TARGET_TEXT)] = ""
    komponen: list[Komponen] = Field(min_length=1)
    catatan: Annotated[StrictStr, Field(max_length=MAX_TARGET_TEXT)] | None = None  # "(...)"


def _coerce_target(value: Any) -> Any:
    """A target cell in any of its written forms -> Target input (or None for "-")."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise PydanticCustomError(
            "target", "target harus teks seperti '25 Kop' atau daftar komponen, bukan true/false"
        )
    if isinstance(value, str):
        from ikutool.model.notation import NotationError, parse_target

        if len(value) > MAX_TARGET_TEXT:
            raise PydanticCustomError(
                "target",
                f"teks target terlalu panjang ({len(value)} karakter; paling banyak "
                f"{MAX_TARGET_TEXT})",
            )
        problem = text_problem(value)
        if problem:
            raise PydanticCustomError("target", problem)
        try:
            parsed = parse_target(value)
        except NotationError as exc:
            raise PydanticCustomError(
                "target_notasi",
                "teks target '{teks}' tidak dapat dibaca: {alasan}",
                {"teks": value, "alasan": exc.message, "offset": exc.offset},
            ) from None
        if parsed is None:
            return None
        return {
            "teks": " ".join(value.split()),
            "catatan": parsed[-1].catatan,
            "komponen": [
                {
                    "kunci": c.kunci,
                    "jumlah": c.jumlah,
                    "jumlah_maks": c.jumlah_maks,
                    "satuan": c.satuan,
                    "jenis": c.jenis,
                    "batas": c.batas,
                    "rasio_dari": c.rasio_dari,
                    "predikat": c.predikat,
                    "teks": c.teks,
                }
                for c in parsed
            ],
        }
    if isinstance(value, int | float):
        return {"komponen": [{"jumlah": value}]}
    if isinstance(value, list):
        return {"komponen": value}
    return value


TargetCell = Annotated[Target | None, BeforeValidator(_coerce_target)]


class KondisiAwal(Base):
    """The baseline the Renstra starts from: a year and a value in the target notation (or
    "N/A" where the document has none)."""

    tahun: int = Field(ge=1900, le=2200)
    nilai: Annotated[StrictStr, Field(min_length=1, max_length=MAX_TARGET_TEXT)]

    @model_validator(mode="after")
    def _readable(self) -> KondisiAwal:
        if self.nilai.strip().upper() in ("N/A", "NA", "-"):
            return self
        from ikutool.model.notation import NotationError, parse_target

        try:
            parse_target(self.nilai)
        except NotationError as exc:
            raise PydanticCustomError(
                "target_notasi",
                "kondisi awal '{teks}' tidak dapat dibaca: {alasan}; tulis dalam notasi target "
                "(mis. '45 %') atau N/A",
                {"teks": self.nilai, "alasan": exc.message, "offset": exc.offset},
            ) from None
        return self


class SkalaPredikat(Base):
    """A predikat scale the IKU file declares, lowest first: ``{nama: kla, urutan: [Pratama,
    Madya, Nindya, Utama, Paripurna]}``."""

    nama: Code
    urutan: list[Text] = Field(min_length=2, max_length=50)


class KomponenDef(Base):
    """Names the components of a composite target by position (for "7% dan 17%")."""

    kunci: Code
    uraian: Text | None = None


LongText = Annotated[
    StrictStr, Field(min_length=1, max_length=MAX_TEXT), BeforeValidator(plain_text)
]


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
