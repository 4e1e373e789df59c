"""The base of every model (``Base`` for files, ``Result`` for computed results) and the limits
on what an input may be.

The limits live here, once, so that every later stage (arithmetic, number formatting, JSON,
Excel, HTML) can trust what it receives: numbers are finite, between ``MIN_MAGNITUDE`` and
``MAX_MAGNITUDE`` (or zero); text has a bounded length and no control characters; weights are
bounded.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr
from pydantic_core import PydanticCustomError

from ikutool import lazyre
from ikutool.formatting.numbers import NumberFormatError, parse_angka

MAX_MAGNITUDE = 1e15  # a count, a rupiah amount, a percentage: no KPI figure is larger
MIN_MAGNITUDE = 1e-9  # and no non-zero one is smaller (so capaian stays below 10^26 %)
MAX_TEXT = 2000
MAX_TARGET_TEXT = 500
MAX_BOBOT = 1000.0

# control characters other than TAB and newline (invisible, they break terminals and Excel), the
# Unicode line separators, and what XML 1.0 cannot hold (surrogates, U+FFFE, U+FFFF): Word and
# Excel files are XML, so such a character would stop every document (written as "\ufffe" in a
# quoted YAML value, it gets past the reader)
_CONTROL = lazyre.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


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


LongText = Annotated[
    StrictStr, Field(min_length=1, max_length=MAX_TEXT), BeforeValidator(plain_text)
]
