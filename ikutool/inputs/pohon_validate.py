"""What ``iku validate`` does with the pohon kinerja: recognise ``pohon.yaml`` and ``rpjmd.yaml``,
check them (the tree against the IKU, the RPJMD and the year's PK), check each program file
against the tree of its workspace, and add the tree's quality to ``--mutu``. A workspace without
a tree gets none of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ikutool.errors import Finding, IkuError

if TYPE_CHECKING:
    from ikutool.inputs.pohon import Pohon
    from ikutool.inputs.program import ProgramTahun
    from ikutool.inputs.rpjmd import Rpjmd
    from ikutool.model.iku import Iku
    from ikutool.workspace.sources import Sources
    from ikutool.yaml_reader import Document


def pohon_kind(path: Path, data: object) -> str | None:
    """ "pohon" or "rpjmd" for those files (by name, else by their keys), else None."""
    if path.name in ("pohon.yaml", "pohon.yml"):
        return "pohon"
    if path.name in ("rpjmd.yaml", "rpjmd.yml"):
        return "rpjmd"
    if isinstance(data, dict):
        keys = set(data)
        if "pohon" in keys and "sasaran" not in keys:
            return "pohon"
        if "pemerintah" in keys and "sasaran" in keys and "instansi" not in keys:
            return "rpjmd"
    return None


def _sources_of(path: Path) -> Sources | None:
    from ikutool.workspace.sources import find_root, workspace_sources

    root = find_root(path.parent)
    if root is None:
        return None
    try:
        return workspace_sources(root)
    except IkuError:
        return None


def rpjmd_for(src: Sources | None) -> Rpjmd | None:
    """The workspace's RPJMD when it has a valid one (its own problems are said where it is
    validated itself)."""
    from ikutool.inputs.rpjmd import load_rpjmd

    if src is None or src.rpjmd is None or not src.rpjmd.is_file():
        return None
    try:
        return load_rpjmd(src.rpjmd)
    except IkuError:
        return None


def tree_for(src: Sources | None, iku: Iku) -> Pohon | None:
    """The workspace's pohon kinerja when it has a valid one, else None."""
    from ikutool.inputs.pohon import load_pohon

    if src is None or src.pohon is None or not src.pohon.is_file():
        return None
    try:
        return load_pohon(src.pohon, iku, rpjmd_for(src))
    except IkuError:
        return None


def check_tree_file(
    kind: str, doc: Document, path: Path, get_iku: Callable[[], Iku]
) -> tuple[list[Finding], str | None]:
    """The findings and (when valid) the summary of a pohon or RPJMD file."""
    from ikutool.inputs.pohon import LEVEL_NAMA, LEVELS, pohon_from_document
    from ikutool.inputs.rpjmd import rpjmd_from_document

    try:
        if kind == "rpjmd":
            r = rpjmd_from_document(doc)
            m = r.model
            return r.findings, (
                f"RPJMD sah: {m.pemerintah} {m.periode.awal}-{m.periode.akhir}, {len(m.tujuan)} "
                f"tujuan, {len(m.sasaran)} sasaran, {len(m.perangkat_daerah)} perangkat daerah"
            )
        src = _sources_of(path)
        iku = get_iku()
        rpjmd = rpjmd_for(src)
        tree = pohon_from_document(doc, iku, rpjmd)
    except IkuError as exc:
        if exc.exit_code == 2 or (exc.findings and exc.findings[0].file != doc.file):
            raise
        return exc.findings, None
    findings = list(tree.findings)
    if src is not None:
        findings += _pk(tree, src, iku)
        findings.sort(key=lambda f: (f.line or 0, f.column or 0))
    counts = dict.fromkeys(LEVELS, 0)
    for node, _ in tree.walk():
        counts[node.level] += 1
    parts = [f"{n} {LEVEL_NAMA[lv].lower()}" for lv, n in counts.items() if n]
    summary = (
        f"pohon kinerja sah: {len(tree.simpul)} simpul ({', '.join(parts)}), "
        f"{len(tree.pejabat)} pejabat; "
        + (f"dikaitkan dengan RPJMD {rpjmd.file}" if rpjmd else "RPJMD tidak ada (rpjmd.yaml)")
    )
    return findings, summary


def _pk(tree: Pohon, src: Sources, iku: Iku) -> list[Finding]:
    from ikutool.inputs.pk import load_pk
    from ikutool.inputs.pohon_cek import pk_findings

    pk = {}
    for year in iku.periode.tahun:
        try:
            found = load_pk(src.pk, iku, year)
        except IkuError:
            continue
        if found is not None:
            pk[year] = found
    return pk_findings(tree, pk)


def program_against_tree(
    program: ProgramTahun, doc: Document, path: Path, iku: Iku
) -> list[Finding]:
    """A program file against the pohon kinerja of its workspace (none: nothing)."""
    from ikutool.inputs.pohon_cek import program_findings

    tree = tree_for(_sources_of(path), iku)
    if tree is None:
        return []
    return program_findings(tree, program, doc)


def tree_mutu(src: Sources, iku: Iku, iku_doc: Document | None) -> list[Finding]:
    """The quality of the workspace's pohon kinerja (``iku validate --mutu``)."""
    from ikutool.inputs.pohon_cek import mutu_findings
    from ikutool.inputs.program import load_program

    tree = tree_for(src, iku)
    if tree is None:
        return []
    programs = {}
    for year in iku.periode.tahun:
        try:
            found = load_program(src.program, iku, year)
        except IkuError:
            continue
        if found is not None:
            programs[year] = found
    return mutu_findings(tree, iku, iku_doc, programs)
