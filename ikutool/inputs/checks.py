"""``iku validate``: recognise what kind of file a user gave and check it with the right loader.

The result is a report per file (findings plus a one-line summary when valid); the CLI renders it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ikutool.errors import Finding, IkuError

if TYPE_CHECKING:
    from ikutool.definition.load import LoadedIku
    from ikutool.model.iku import Iku

KIND_NAMES = {
    "iku": "berkas IKU",
    "realisasi": "berkas realisasi",
    "pk": "berkas Perjanjian Kinerja",
    "anggaran": "berkas anggaran",
    "program": "berkas program dan kegiatan",
    "renaksi": "berkas rencana aksi",
    "tindak_lanjut": "register tindak lanjut evaluasi (tindak-lanjut.yaml)",
    "ruang_kerja": "berkas ruang kerja (ikutool.yaml)",
    "pohon": "pohon kinerja (pohon.yaml)",
    "rpjmd": "tujuan dan sasaran RPJMD (rpjmd.yaml)",
}


@dataclass
class FileReport:
    file: str
    kind: str
    findings: list[Finding] = field(default_factory=list)
    summary: str | None = None  # set when the file is valid
    iku: Iku | None = None  # the validated definition, when the file is a valid IKU

    @property
    def valid(self) -> bool:
        return not any(f.is_error for f in self.findings) and self.summary is not None

    def to_dict(self) -> dict[str, object]:
        return {
            "berkas": self.file,
            "jenis": self.kind,
            "sah": self.valid,
            "ringkasan": self.summary,
            "jumlah_galat": sum(f.is_error for f in self.findings),
            "jumlah_peringatan": sum(not f.is_error for f in self.findings),
        }


def kind_of(path: Path, data: object) -> str:
    from ikutool.workspace.sources import MARKER

    if path.name == MARKER:
        return "ruang_kerja"
    from ikutool.inputs.pohon_validate import pohon_kind

    tree = pohon_kind(path, data)
    if tree is not None:
        return tree
    if isinstance(data, dict) and not ({"sasaran", "instansi", "periode"} & set(data)):
        keys = set(data)
        if path.name == "tindak-lanjut.yaml" or isinstance(data.get("evaluasi"), list):
            return "tindak_lanjut"
        if path.parent.name in ("program", "renaksi", "anggaran", "pk"):
            return path.parent.name
        if "aksi" in keys or _per_quarter(data.get("target")):
            return "renaksi"
        programs = data.get("program")
        if "evaluasi" in keys or any(
            isinstance(p, dict)
            and {"kegiatan", "indikator", "realisasi_rp", "pagu_renstra"} & set(p)
            for p in (programs if isinstance(programs, list) else [])
        ):
            return "program"
        if "program" in keys or "efisiensi" in keys:
            return "anggaran"
        if "target" in keys or "ditandatangani" in keys or path.parent.name == "pk":
            return "pk"
        if {"tahun", "realisasi"} & keys:
            return "realisasi"
    return "iku"


def _per_quarter(target: object) -> bool:
    """A rencana aksi's targets: a mapping per indicator (a PK's: one text per indicator)."""
    return isinstance(target, dict) and any(isinstance(v, dict) for v in target.values())


def check_file(path: Path, name: str, get_iku: Callable[[], Iku]) -> FileReport:
    """Check one file. ``get_iku`` gives the IKU a realisasi file is checked against; its own
    problems (a missing or broken IKU file) propagate as they are."""
    from ikutool.definition.load import cached_iku
    from ikutool.yaml_reader import REALISASI_MAX_BYTES, parse_yaml_bytes, read_bounded, read_yaml

    try:
        raw = read_bounded(path, name)
        known = cached_iku(raw, name)  # the same bytes validated as an IKU before
        if known is not None:
            return _iku_report(known)
        doc = parse_yaml_bytes(raw, name)
    except IkuError as exc:
        if exc.exit_code == 2:
            raise
        return FileReport(name, "tidak_dikenal", exc.findings)
    kind = kind_of(path, doc.data)
    try:
        if kind in ("realisasi", "pk", "anggaran", "program", "renaksi"):
            if path.stat().st_size > REALISASI_MAX_BYTES:  # the same answer capaian would give
                read_yaml(path, display_name=name, limit=REALISASI_MAX_BYTES)
        if kind == "realisasi":
            return _realisasi(doc, path, get_iku())
        if kind == "pk":
            return _pk(doc, path, get_iku())
        if kind == "anggaran":
            return _anggaran(doc, path, get_iku())
        if kind == "program":
            return _program(doc, path, get_iku())
        if kind == "renaksi":
            return _renaksi(doc, path, get_iku())
        if kind == "tindak_lanjut":
            return _tindak_lanjut(path, name)
        if kind in ("pohon", "rpjmd"):
            from ikutool.inputs.pohon_validate import check_tree_file

            return FileReport(name, kind, *check_tree_file(kind, doc, path, get_iku))
        if kind == "ruang_kerja":
            from ikutool.workspace.sources import check_paths, workspace_sources

            check_paths(workspace_sources(path.parent))
            return FileReport(name, kind, list(doc.findings), "berkas ruang kerja sah")
        from ikutool.definition.load import iku_from_bytes

        return _iku_report(iku_from_bytes(raw, name, doc))
    except IkuError as exc:
        if exc.exit_code == 2 or (kind != "iku" and exc.findings[0].file != name):
            raise  # the IKU behind a realisasi file is missing or broken: say that, not more
        return FileReport(name, kind, exc.findings)


def _iku_report(loaded: LoadedIku) -> FileReport:
    iku = loaded.iku
    summary = (
        f"berkas IKU sah: {len(iku.sasaran)} sasaran, {len(iku.indikator())} indikator, periode "
        f"{iku.periode.awal}-{iku.periode.akhir}"
    )
    return FileReport(loaded.file, "iku", loaded.findings, summary, iku)


def _realisasi(doc, path: Path, iku: Iku) -> FileReport:
    from ikutool.inputs.realisasi import kelengkapan, realisasi_from_document, values_without_target

    data = realisasi_from_document(doc, path, iku)
    total, complete, partial = kelengkapan(iku, data)
    if total:
        summary = (
            f"berkas realisasi sah: tahun {data.tahun}, {complete} dari {total} indikator "
            "bertarget terisi"
        )
    else:
        summary = f"berkas realisasi sah: tahun {data.tahun}, tidak ada indikator bertarget di IKU"
    if partial:
        summary += f" ({partial} lagi baru sebagian komponennya)"
    loose = values_without_target(iku, data)
    if loose:
        summary += f"; {loose} nilai untuk indikator tanpa target tahun ini (tidak dihitung)"
    if data.status:
        summary += f", status {data.status}"
    summary += f"; diperiksa terhadap IKU {iku.berkas}"
    return FileReport(doc.file, "realisasi", data.findings, summary)


def _pk(doc, path: Path, iku: Iku) -> FileReport:
    from ikutool.inputs.pk import pk_from_document

    pk = pk_from_document(doc, path, iku)

    def renstra(kode: str) -> list[float]:
        ind = iku.find_indikator(kode)
        target = ind.target_for(pk.tahun) if ind is not None else None
        return [c.jumlah for c in target.komponen] if target is not None else []

    differ = [k for k, t in pk.target.items() if [c.jumlah for c in t.komponen] != renstra(k)]
    summary = (
        f"berkas Perjanjian Kinerja sah: tahun {pk.tahun}, {len(differ)} target berbeda dari "
        f"Renstra ({', '.join(differ) or '-'})"
    )
    if pk.daftar_lengkap:
        summary += f"; daftar lengkap: {len(pk.target)} indikator di PK"
    return FileReport(doc.file, "pk", pk.findings, summary)


def _anggaran(doc, path: Path, iku: Iku) -> FileReport:
    from ikutool.formatting.numbers import format_angka
    from ikutool.inputs.anggaran import anggaran_from_document

    a = anggaran_from_document(doc, path, iku)
    pagu = sum(p.pagu for p in a.program)
    summary = (
        f"berkas anggaran sah: tahun {a.tahun}, {len(a.program)} program, pagu "
        f"Rp{format_angka(pagu)}, efisiensi metode {a.metode}"
    )
    return FileReport(doc.file, "anggaran", a.findings, summary)


def _program(doc, path: Path, iku: Iku) -> FileReport:
    from ikutool.formatting.numbers import format_angka
    from ikutool.inputs.program import program_from_document

    p = program_from_document(doc, path, iku)
    from ikutool.inputs.pohon_validate import program_against_tree

    p.findings = sorted(
        p.findings + program_against_tree(p, doc, path, iku),
        key=lambda f: (f.line or 0, f.column or 0),
    )
    pagu = sum(x.uang.pagu or 0 for x in p.program)
    n_keg = sum(len(x.kegiatan) for x in p.program)
    n_ind = sum(len(x.indikator) + sum(len(k.indikator) for k in x.kegiatan) for x in p.program)
    summary = (
        f"berkas program sah: tahun {p.tahun}, {len(p.program)} program, {n_keg} kegiatan, "
        f"{n_ind} indikator, pagu Rp{format_angka(pagu)}"
    )
    return FileReport(doc.file, "program", p.findings, summary)


def _renaksi(doc, path: Path, iku: Iku) -> FileReport:
    """A rencana aksi, checked against the year's PK of the workspace it lies in (if any)."""
    from ikutool.inputs.pk import load_pk
    from ikutool.inputs.realisasi import year_from_name
    from ikutool.inputs.renaksi import renaksi_from_document
    from ikutool.workspace.sources import find_root, workspace_sources

    pk = None
    root = find_root(path.parent)
    tahun = doc.data.get("tahun") if isinstance(doc.data, dict) else None
    if root is not None and isinstance(tahun, int) and tahun == (year_from_name(path) or tahun):
        pk = load_pk(workspace_sources(root).pk, iku, tahun)
    r = renaksi_from_document(doc, path, iku, pk)
    summary = (
        f"berkas rencana aksi sah: tahun {r.tahun}, target triwulan untuk {len(r.target)} "
        f"indikator, dicocokkan dengan target {'PK dan ' if pk else ''}Renstra {r.tahun}"
    )
    return FileReport(doc.file, "renaksi", r.findings, summary)


def _tindak_lanjut(path: Path, name: str) -> FileReport:
    from ikutool.inputs.tindaklanjut import load_register

    reg = load_register(path)
    assert reg is not None  # the file exists: it was just read
    n = sum(len(e.rekomendasi) for e in reg.evaluasi)
    done = sum(r.status == "Tuntas" for e in reg.evaluasi for r in e.rekomendasi)
    summary = (
        f"register tindak lanjut sah: {len(reg.evaluasi)} evaluasi, {n} rekomendasi, {done} tuntas"
    )
    return FileReport(name, "tindak_lanjut", reg.findings, summary)
