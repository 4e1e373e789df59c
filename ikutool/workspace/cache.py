"""A cache of validated IKU, realisasi, PK, rencana aksi, program and tindak-lanjut files (and of
composed documents, :mod:`ikutool.yaml_cache`), so that running ``iku`` again (or rolling up forty
agencies) does not read and validate unchanged files again.

- Keyed by the SHA-256 of the file's bytes (and, for realisasi and PK files, of the IKU they were
  checked against, and of their name): a changed file is a new key, so an entry is never stale.
- Stored as plain JSON, never pickle: a cache file cannot run code. An entry from another
  version of ikutool, or one that cannot be read, is ignored. The folder is safe to delete.
- Only files that validated are stored, with their warnings; errors are always computed afresh.
- Where: ``IKUTOOL_CACHE_DIR``, else the user's cache folder (platformdirs); ``IKUTOOL_CACHE_DIR=``
  (empty) turns the cache off.

An entry holds the model's own JSON (``model_dump(mode="json", exclude_unset=True)``), rebuilt
into the same models without validation (see ``rebuild``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 9  # 9: rencana aksi files cached too


def folder() -> Path | None:
    configured = os.environ.get("IKUTOOL_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("ikutool", appauthor=False))


def key(kind: str, *parts: bytes | str) -> str:
    from ikutool import __version__

    digest = hashlib.sha256(f"{kind}\0{__version__}\0{FORMAT}".encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
    return digest.hexdigest()


def load(kind: str, entry: str) -> Any | None:
    base = folder()
    if base is None:
        return None
    path = base / kind / f"{entry}.json"
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data.get("isi")


def store(kind: str, entry: str, make: Callable[[], Any]) -> None:
    """Best effort: a cache that cannot be written is simply not used. ``make`` builds the
    payload, only when there is a cache to write it to (dumping a large IKU costs time)."""
    base = folder()
    if base is None:
        return
    target = base / kind / f"{entry}.json"
    with contextlib.suppress(OSError, TypeError, ValueError):
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"format": FORMAT, "isi": make()}, ensure_ascii=False, allow_nan=False)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, target)
        finally:
            Path(tmp).unlink(missing_ok=True)


# --- validated JSON back into models, without validating again --------------------------------
#
# A warm run must not pay for building pydantic's validators (about 35 ms for the IKU models,
# more than the rest of the command): the cached JSON came out of validation, so the models are
# rebuilt directly, the way pydantic's ``model_construct`` does, from a plan made once per class.

_PLANS: dict[type, tuple[dict[str, Any], list[tuple[str, Any, Any]], dict[str, Any]]] = {}


def rebuild(cls: Any, data: dict[str, Any]) -> Any:
    """An instance of pydantic model ``cls`` from ``model_dump(mode="json", exclude_unset=True)``
    of a validated instance: the same values, the same set fields, no validation."""
    converters, defaults, private = _plan(cls)
    values = {}
    for name, default, make in defaults:  # every field, in the order the model declares
        if name in data:
            value = data[name]
            convert = converters.get(name)
            values[name] = convert(value) if convert is not None and value is not None else value
        else:
            values[name] = make() if make is not None else default
    inst = cls.__new__(cls)
    object.__setattr__(inst, "__dict__", values)
    object.__setattr__(inst, "__pydantic_fields_set__", set(data))
    object.__setattr__(inst, "__pydantic_extra__", None)
    object.__setattr__(inst, "__pydantic_private__", dict(private) if private else None)
    return inst


def _plan(cls: type) -> tuple[dict[str, Any], list[tuple[str, Any, Any]], dict[str, Any]]:
    plan = _PLANS.get(cls)
    if plan is None:
        from ikutool.model.iku import field_defaults

        fields = cls.model_fields  # type: ignore[attr-defined]
        converters = {}
        for name, info in fields.items():
            convert = _converter(info.annotation)
            if convert is not None:
                converters[name] = convert
        private = {
            name: attr.get_default()
            for name, attr in getattr(cls, "__private_attributes__", {}).items()
        }
        plan = _PLANS[cls] = (converters, field_defaults(cls), private)
    return plan


def _converter(annotation: Any) -> Any:
    """A function turning JSON into the field's value, or None when JSON is the value."""
    import types
    import typing

    from pydantic import BaseModel

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _converter(typing.get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return lambda v, cls=annotation: rebuild(cls, v)
    if origin in (typing.Union, types.UnionType):
        # each member that needs converting, with the JSON type it comes as (a model or a dict
        # from an object, a list from an array); anything else is taken as it is
        choices = []
        for arg in typing.get_args(annotation):
            convert = _converter(arg)
            if convert is None:
                continue
            arg_origin = typing.get_origin(
                typing.get_args(arg)[0] if typing.get_origin(arg) is typing.Annotated else arg
            )
            choices.append((list if arg_origin is list else dict, convert))
        if not choices:
            return None
        return lambda v: next((c(v) for kind, c in choices if isinstance(v, kind)), v)
    if origin is list:
        item = _converter(typing.get_args(annotation)[0])
        return (lambda v: [item(x) for x in v]) if item is not None else (lambda v: list(v))
    if origin is dict:
        k_type, v_type = typing.get_args(annotation)
        value = _converter(v_type)
        if k_type is int:
            return lambda v: {
                int(k): (value(x) if value is not None and x is not None else x)
                for k, x in v.items()
            }
        if value is not None:
            return lambda v: {k: value(x) if x is not None else x for k, x in v.items()}
        return lambda v: dict(v)
    return None
