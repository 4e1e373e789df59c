"""A target cell: its typed components (``Komponen``), the ``Target``, how a written cell is read
into them (through the notation of :mod:`ikutool.model.notation`), and the kondisi awal."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictStr, model_validator
from pydantic_core import PydanticCustomError

# the target notation (its regular expressions) is imported where it is used: a warm run,
# served from the cache, validates nothing and never needs it
from ikutool.model.base import MAX_TARGET_TEXT, Base, Code, Number, plain_text, text_problem

JenisKomponen = Literal["angka", "rasio", "rupiah", "predikat"]


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
