"""Turn pydantic's validation errors into located findings in Bahasa Indonesia.

pydantic reports a path inside the data (``loc``); :class:`~ikutool.yaml_reader.Document` maps it
back to the line and column in the user's file. Suggestions for misspelt keys come from the field
names of the model found at that path.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ikutool.errors import Finding
from ikutool.formatting.numbers import format_angka
from ikutool.yaml_reader import Document, PathT


def nearest(word: str, choices: list[str]) -> str | None:
    """The closest valid name, compared without regard to case."""
    if len(word) > 100:  # nobody mistypes a code that long; and difflib is quadratic in it
        return None
    import difflib

    lowered = {c.lower(): c for c in choices}
    hit = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[hit[0]] if hit else None


def clip(text: str, limit: int = 60) -> str:
    """User text echoed in a message, cut to a readable length."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def listing(items: list[str], limit: int = 20) -> str:
    """``a, b, c`` for a message, the first ``limit`` of them and how many more."""
    shown = ", ".join(clip(i) for i in items[:limit])
    more = len(items) - limit
    return shown + (f" (dan {more} lainnya)" if more > 0 else "")


def _unwrap(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(_unwrap(arg))
        return out
    return [tp]


def fields_at(model: type[BaseModel], path: PathT) -> list[str]:
    """Field names of the model that sits at ``path`` below ``model`` ([] when not a model)."""
    current: list[Any] = [model]
    for seg in path:
        nxt: list[Any] = []
        for tp in current:
            for t in _unwrap(tp):
                origin = typing.get_origin(t)
                if isinstance(t, type) and issubclass(t, BaseModel):
                    if isinstance(seg, str) and seg in t.model_fields:
                        nxt.append(t.model_fields[seg].annotation)
                elif origin is list and isinstance(seg, int):
                    nxt.append(typing.get_args(t)[0])
                elif origin is dict:
                    nxt.append(typing.get_args(t)[1])
        current = nxt
    for tp in current:
        for t in _unwrap(tp):
            if isinstance(t, type) and issubclass(t, BaseModel):
                return list(t.model_fields)
    return []


def _raw(doc: Document, path: PathT, value: Any) -> str:
    _, loc = doc.resolve(path)
    if loc is not None and loc.raw is not None:
        return loc.raw
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) < 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "sebuah pemetaan (kunci: nilai)"
    if isinstance(value, list):
        return "sebuah daftar"
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return f"{str(value).lower()} (benar/salah)"
    return f"'{value}'"


M = typing.TypeVar("M", bound=BaseModel)


def validate_document(
    doc: Document, model: type[M], not_a_mapping: str
) -> tuple[M | None, list[Finding]]:
    """The top-level model of a composed file, and the findings (the reader's first)."""
    findings = list(doc.findings)
    if not isinstance(doc.data, dict):
        findings.append(doc.finding("IKU203", not_a_mapping, ()))
        return None, findings
    try:
        return model.model_validate(doc.data), findings
    except ValidationError as exc:
        return None, findings + translate(exc, doc, model)


MAX_FINDINGS = 1000  # a file with more errors needs its first ones fixed: not 60.000 messages


def translate(
    exc: ValidationError, doc: Document, model: type[BaseModel], prefix: PathT = ()
) -> list[Finding]:
    """Located findings for pydantic's errors; ``prefix`` is where ``model`` sits in the file.
    Past ``MAX_FINDINGS`` they are counted, not translated (each costs a suggestion search)."""
    errors = exc.errors(include_url=False)
    findings = [_one(err, doc, model, prefix) for err in errors[:MAX_FINDINGS]]
    if len(errors) > MAX_FINDINGS:
        # placed where the first one not described is, so it sorts after those that are
        first = (*prefix, *errors[MAX_FINDINGS]["loc"])
        findings.append(
            doc.finding(
                "IKU109",
                f"mulai di sini, {format_angka(len(errors) - MAX_FINDINGS)} galat lainnya tidak "
                f"diuraikan satu per satu; perbaiki {format_angka(MAX_FINDINGS)} galat pertama, "
                "lalu periksa lagi",
                tuple(p for p in first if p != "[key]"),
            )
        )
    return findings


def validate_part(
    doc: Document, model: type[M], value: Any, prefix: PathT
) -> tuple[M | None, list[Finding]]:
    """Validate one part of a file (``value`` found at ``prefix``) with located findings."""
    try:
        return model.model_validate(value), []
    except ValidationError as exc:
        return None, translate(exc, doc, model, prefix)


def _key_error(doc: Document, key_path: PathT, kind: str) -> Finding:
    """A mapping key of the wrong type (a year written as a date, a code written as a number)."""
    if kind == "string_type":
        return doc.finding(
            "IKU203",
            f"kunci {key_path[-1]} adalah angka, bukan kode; tulis kode persis seperti di IKU "
            f'(mis. S1.1), atau beri tanda kutip bila kodenya memang angka: "{key_path[-1]}"',
            key_path,
            at_key=True,
        )
    return doc.finding(
        "IKU203",
        f"kunci '{key_path[-1]}' harus berupa tahun (bilangan bulat, mis. 2019)",
        key_path,
        at_key=True,
    )


def _unknown_key(doc: Document, model: type[BaseModel], rel: PathT, loc: PathT) -> Finding:
    """A key the model does not have, with the nearest valid one and every valid one."""
    name = str(loc[-1])
    valid = fields_at(model, rel[:-1])
    guess = nearest(name, valid)
    hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
    keys = f" Kunci yang sah di sini: {', '.join(valid)}." if valid else ""
    return doc.finding(
        "IKU201", f"kunci '{clip(name)}' tidak dikenal.{hint}{keys}", loc, at_key=True
    )


def _type_error(doc: Document, kind: str, value: Any, raw: str, loc: PathT) -> Finding | None:
    """A value of the wrong type (text, a whole number, a number, true/false, a list, a
    mapping), said with what was written; None for another kind of error."""
    if kind in ("string_type",):
        if isinstance(value, int | float) and not isinstance(value, bool):
            msg = f'harus berupa teks, tertulis angka {raw}; beri tanda kutip: "{raw}"'
        else:
            msg = f"harus berupa teks, tertulis {_kind(value)}"
        return doc.finding("IKU203", msg, loc)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return doc.finding(
            "IKU203", f"harus bilangan bulat (mis. 2019), tertulis {_kind(raw)}", loc
        )
    if kind in ("float_type", "float_parsing", "finite_number"):
        return doc.finding("IKU203", f"harus berupa angka, tertulis {_kind(raw)}", loc)
    if kind in ("bool_type", "bool_parsing"):
        return doc.finding("IKU203", f"harus true atau false, tertulis {_kind(raw)}", loc)
    if kind == "list_type":
        return doc.finding(
            "IKU203",
            f"harus berupa daftar (setiap butir diawali '- '), tertulis {_kind(value)}",
            loc,
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return doc.finding(
            "IKU203", f"harus berupa pemetaan 'kunci: nilai', tertulis {_kind(value)}", loc
        )
    return None


def _value_error(
    doc: Document, err: Any, kind: str, value: Any, raw: str, ctx: dict[str, Any], loc: PathT
) -> Finding:
    """A value of the right type that is not allowed: not one of the choices, empty, too long,
    out of bounds, or refused by one of the models' own validators."""
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "")
        options = [o.strip() for o in expected.replace(" or ", ",").split(",") if o.strip()]
        guess = nearest(str(value), options) if isinstance(value, str) else None
        hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
        return doc.finding(
            "IKU209",
            f"nilai {_kind(raw)} tidak sah; pilih salah satu: {', '.join(options)}.{hint}",
            loc,
        )
    if kind in ("string_too_short", "too_short"):
        return doc.finding("IKU209", "tidak boleh kosong", loc)
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return doc.finding(
            "IKU209",
            f"teks terlalu panjang ({len(str(value))} karakter; paling banyak {limit})",
            loc,
        )
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {
            "greater_than": "lebih besar dari",
            "greater_than_equal": "paling kecil",
            "less_than": "lebih kecil dari",
            "less_than_equal": "paling besar",
        }
        bound = next(iter(ctx.values()), "")
        if isinstance(bound, int | float):
            bound = format_angka(bound)
        return doc.finding("IKU209", f"harus {words[kind]} {bound}, tertulis {_kind(raw)}", loc)
    if kind in ("angka",):
        return doc.finding("IKU203", err["msg"], loc)
    if kind in ("target", "periode", "rentang", "teks"):
        return doc.finding("IKU209", err["msg"], loc)
    return doc.finding("IKU209", f"nilai tidak sah: {err['msg']}", loc)


def _one(err: Any, doc: Document, model: type[BaseModel], prefix: PathT = ()) -> Finding:
    rel: PathT = tuple(err["loc"])
    loc: PathT = (*prefix, *rel)
    kind = err["type"]
    if loc and loc[-1] == "[key]":  # a mapping key of the wrong type (a year written as a date)
        return _key_error(doc, loc[:-1], kind)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        name = loc[-1]
        return doc.finding(
            "IKU202",
            f"kolom wajib '{name}' tidak ada; tambahkan '{name}: ...' di bagian ini",
            loc,
            at_key=True,
        )
    if kind == "extra_forbidden":
        return _unknown_key(doc, model, rel, loc)
    raw = _raw(doc, loc, value)
    if kind == "target_notasi":
        return doc.finding("IKU207", err["msg"], loc, column_offset=int(ctx.get("offset", 0)))
    found = _type_error(doc, kind, value, raw, loc)
    if found is not None:
        return found
    return _value_error(doc, err, kind, value, raw, ctx, loc)
