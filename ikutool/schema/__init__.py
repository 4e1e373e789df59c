"""JSON Schemas of the files an agency edits, so that an editor (VS Code with the YAML extension,
or any editor on the YAML language server) completes keys, explains each one in Indonesian and
marks a misspelt or missing key as it is typed, offline.

The schemas are generated from the models by :mod:`ikutool.schema.generate` and shipped as the
``*.schema.json`` files beside this module; ``iku init`` copies them into the workspace's
``.skema/`` folder and starts every YAML file it makes with the line that names its schema
(``# yaml-language-server: $schema=.skema/iku.schema.json``); ``iku schema`` writes them anywhere.
Nothing here imports pydantic: writing a schema is copying a file.
"""

from __future__ import annotations

import os
from pathlib import Path

# kind -> what its files are (Indonesian, for help texts and messages)
KINDS: dict[str, str] = {
    "iku": "berkas IKU (iku.yaml)",
    "realisasi": "berkas realisasi (realisasi/<tahun>.yaml)",
    "pk": "Perjanjian Kinerja (pk/<tahun>.yaml)",
    "renaksi": "rencana aksi (renaksi/<tahun>.yaml)",
    "program": "program dan kegiatan (program/<tahun>.yaml)",
    "anggaran": "anggaran bentuk lama (anggaran/<tahun>.yaml)",
    "tindak-lanjut": "register tindak lanjut evaluasi (tindak-lanjut.yaml)",
    "ruang-kerja": "berkas ruang kerja (ikutool.yaml)",
    "pohon": "pohon kinerja (pohon/pohon.yaml)",
    "rpjmd": "tujuan dan sasaran RPJMD (pohon/rpjmd.yaml)",
}
FOLDER = ".skema"  # the workspace's copy of the schemas
PREFIX = "# yaml-language-server: $schema="
_BOM = "\ufeff"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def packaged(kind: str) -> Path:
    """The shipped schema of ``kind``."""
    return Path(__file__).parent / file_name(kind)


def schema_bytes(kind: str) -> bytes:
    return packaged(kind).read_bytes()


def schema_line(kind: str, target: Path, root: Path) -> str:
    """The line that gives ``target`` (a file inside the workspace ``root``) its schema: a path
    relative to the file, with forward slashes, as the YAML language server resolves it."""
    schema = Path(os.path.abspath(root / FOLDER / file_name(kind)))
    here = Path(os.path.abspath(target)).parent
    return PREFIX + Path(os.path.relpath(schema, here)).as_posix()


def with_schema_line(text: str, line: str) -> str:
    """``text`` starting with ``line``: after a byte-order mark, replacing a schema line already
    there, with the file's own line ending."""
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    newline = "\r\n" if "\r\n" in body else "\n"
    first, sep, rest = body.partition("\n")
    if first.startswith(PREFIX):
        body = rest if sep else ""
    return bom + line + newline + body


def kind_of_path(path: Path, root: Path) -> str | None:
    """The kind of a YAML file ``iku init`` makes, from where it lies in the workspace."""
    rel = path.relative_to(root).parts
    if rel == ("ikutool.yaml",):
        return "ruang-kerja"
    if rel == ("iku.yaml",):
        return "iku"
    if rel == ("tindak-lanjut.yaml",):
        return "tindak-lanjut"
    if len(rel) == 2 and rel[0] in ("realisasi", "pk", "renaksi", "program", "anggaran"):
        return rel[0]
    if rel in (("pohon", "pohon.yaml"), ("pohon", "rpjmd.yaml")):
        return rel[1].removesuffix(".yaml")
    return None


def for_workspace(root: Path, files: list[tuple[Path, bytes]]) -> list[tuple[Path, bytes]]:
    """The files ``iku init`` writes into ``root``, each YAML file starting with its schema line,
    and the schemas themselves in ``root/.skema``."""
    out: list[tuple[Path, bytes]] = []
    for path, payload in files:
        kind = kind_of_path(path, root) if path.suffix == ".yaml" else None
        if kind is not None:
            text = with_schema_line(payload.decode("utf-8"), schema_line(kind, path, root))
            payload = text.encode("utf-8")
        out.append((path, payload))
    out += [(root / FOLDER / file_name(kind), schema_bytes(kind)) for kind in KINDS]
    return out


def in_workspace(text: str, kind: str, target: Path, root: Path | None) -> str:
    """A YAML file the tool writes into a workspace (a realisasi or rencana aksi template)
    starting with its schema line, when the workspace has that schema (``iku init`` made it, or
    ``iku schema --out .skema``); otherwise ``text`` as it is."""
    if root is None or not (root / FOLDER / file_name(kind)).is_file():
        return text
    try:
        Path(os.path.abspath(target)).relative_to(os.path.abspath(root))
    except ValueError:
        return text  # a file outside the workspace: its schema is not ours to name
    return with_schema_line(text, schema_line(kind, target, root))
