"""Composed YAML documents kept in the cache (:mod:`ikutool.workspace.cache`), so that a warm run
that only points at lines of a file (``iku lke``: the PK's, the IKU's, the realisasi's) does not
load the YAML parser or parse the file again.

An entry is keyed by the file's bytes and the name it is shown by, and holds the document's data,
the location of every value and key, and the reader's own warnings, as plain JSON:

- a mapping is ``{"d": [[key, value], ...]}`` (keys keep their type: ``2019`` is not ``"2019"``),
  a list a JSON array, a scalar itself;
- a location is ``[line, column, raw, quoted, key_line, key_column, key_raw, kids]``.

Only the types the reader produces are stored (text, whole and decimal numbers, true/false,
null); a document holding anything else is simply not stored, so an entry decodes into exactly
the document a fresh read gives.
"""

from __future__ import annotations

from typing import Any

from ikutool.yaml_document import Document, _Mark

KIND = "dokumen"
_SCALARS = (str, int, float, bool, type(None))


def parse(raw: bytes, name: str) -> Document:
    """:func:`ikutool.yaml_reader.parse_yaml_bytes`, from the cache when these bytes were read
    under this name before."""
    doc = load(raw, name)
    if doc is None:
        from ikutool.yaml_reader import parse_yaml_bytes

        doc = parse_yaml_bytes(raw, name)
        store(raw, name, doc)
    return doc


def load(raw: bytes, name: str) -> Document | None:
    """The document of these bytes under this name from the cache, or None."""
    from ikutool.workspace import cache

    hit = cache.load(KIND, cache.key(KIND, name, raw))
    if hit is None:
        return None
    try:
        from ikutool.definition.load import finding_from_dict

        doc = Document(file=name, data=_data(hit["data"]), marks=_mark(hit["marks"]))
        doc.findings = [finding_from_dict(f, name) for f in hit["temuan"]]
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None  # an unreadable entry is ignored (and replaced)
    return doc


def store(raw: bytes, name: str, doc: Document) -> None:
    from ikutool.workspace import cache

    cache.store(KIND, cache.key(KIND, name, raw), lambda: dump(doc))


def dump(doc: Document) -> dict[str, Any]:
    """The entry of ``doc``; TypeError for a value the entry cannot hold exactly."""
    return {
        "data": _plain(doc.data),
        "marks": _plain_mark(doc.marks),
        "temuan": [f.to_dict() for f in doc.findings],
    }


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        pairs = []
        for k, v in value.items():
            if type(k) not in _SCALARS:
                raise TypeError(f"key {k!r}")
            pairs.append([k, _plain(v)])
        return {"d": pairs}
    if kind is list:
        return [_plain(v) for v in value]
    if kind in _SCALARS:
        return value
    raise TypeError(f"value {value!r}")


def _data(value: Any) -> Any:
    if type(value) is dict:
        return {k: _data(v) for k, v in value["d"]}
    if type(value) is list:
        return [_data(v) for v in value]
    return value


def _plain_mark(mark: _Mark | None) -> Any:
    if mark is None:
        return None
    kids = mark.kids
    if isinstance(kids, dict):
        for k in kids:
            if type(k) not in _SCALARS:
                raise TypeError(f"key {k!r}")
        plain_kids: Any = {"d": [[k, _plain_mark(m)] for k, m in kids.items()]}
    elif isinstance(kids, list):
        plain_kids = [_plain_mark(m) for m in kids]
    else:
        plain_kids = None
    fields = (mark.line, mark.column, mark.raw, mark.quoted)
    for v in (*fields, mark.key_line, mark.key_column, mark.key_raw):
        if type(v) not in _SCALARS:
            raise TypeError(f"mark {v!r}")
    return [*fields, mark.key_line, mark.key_column, mark.key_raw, plain_kids]


def _mark(plain: Any) -> _Mark | None:
    if plain is None:
        return None
    line, column, raw, quoted, key_line, key_column, key_raw, kids = plain
    mark = _Mark(line, column, raw, quoted)
    mark.key_line, mark.key_column, mark.key_raw = key_line, key_column, key_raw
    if type(kids) is dict:
        mark.kids = {k: _mark(m) for k, m in kids["d"]}  # type: ignore[misc]
    elif type(kids) is list:
        mark.kids = [_mark(m) for m in kids]  # type: ignore[misc]
    return mark
