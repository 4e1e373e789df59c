"""``iku validate``: recognise what kind of file a user gave and check it with the right loader.

The result is a report per file (findings plus a one-line summary when valid); the CLI renders it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ikutool.errors import Finding, IkuError

if TYPE_CHECKING:
    from ikutool.definition.load import LoadedIku
    from ikutool.inputs.anggaran import AnggaranTahun
    from ikutool.inputs.kind import Kind
    from ikutool.inputs.pk import PkTahun
    from ikutool.inputs.program import ProgramTahun
    from ikutool.inputs.realisasi import RealisasiTahun
    from ikutool.inputs.renaksi import RenaksiTahun
    from ikutool.inputs.tindaklanjut import Register
    from ikutool.model.iku import Iku
    from ikutool.yaml_reader import Document

# the file kinds iku validate knows beside the IKU and ikutool.yaml: module in ikutool.inputs
# (imported only when a file of the kind is checked: each module builds pydantic models)
KINDS = {
    "realisasi": "realisasi",
    "pk": "pk",
    "anggaran": "anggaran",
    "program": "program",
    "renaksi": "renaksi",
    "tindak_lanjut": "tindaklanjut",
}
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


def kind(name: str) -> Kind[Any]:
    """The description of file kind ``name`` (see :mod:`ikutool.inputs.kind`)."""
    import importlib

    return importlib.import_module(f"ikutool.inputs.{KINDS[name]}").KIND  # type: ignore[no-any-return]


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
    from ikutool import yaml_cache
    from ikutool.definition.load import cached_iku
    from ikutool.yaml_reader import read_bounded

    try:
        raw = read_bounded(path, name)
        known = cached_iku(raw, name)  # the same bytes validated as an IKU before
        if known is not None:
            return _iku_report(known)
        doc = yaml_cache.parse(raw, name)  # composed before: from the cache
    except IkuError as exc:
        if exc.exit_code == 2:
            raise
        return FileReport(name, "tidak_dikenal", exc.findings)
    name_of_kind = kind_of(path, doc.data)
    try:
        if name_of_kind in KINDS:
            return _of_kind(name_of_kind, doc, path, get_iku, raw)
        if name_of_kind in ("pohon", "rpjmd"):
            from ikutool.inputs.pohon_validate import check_tree_file

            return FileReport(
                name, name_of_kind, *check_tree_file(name_of_kind, doc, path, get_iku)
            )
        if name_of_kind == "ruang_kerja":
            from ikutool.workspace.sources import check_paths, workspace_sources

            check_paths(workspace_sources(path.parent))
            return FileReport(name, name_of_kind, list(doc.findings), "berkas ruang kerja sah")
        from ikutool.definition.load import iku_from_bytes

        return _iku_report(iku_from_bytes(raw, name, doc))
    except IkuError as exc:
        if exc.exit_code == 2 or (name_of_kind != "iku" and exc.findings[0].file != name):
            raise  # the IKU behind a realisasi file is missing or broken: say that, not more
        return FileReport(name, name_of_kind, exc.findings)


def _of_kind(
    name: str, doc: Document, path: Path, get_iku: Callable[[], Iku], raw: bytes
) -> FileReport:
    from ikutool.inputs.kind import checked
    from ikutool.yaml_reader import read_yaml

    described = kind(name)
    if path.stat().st_size > described.limit:  # the same answer the other commands would give
        read_yaml(path, display_name=doc.file, limit=described.limit)
    iku = get_iku() if described.per_year else None
    extra = _renaksi_pk(doc, path, iku) if name == "renaksi" and iku is not None else None
    result = checked(described, raw, doc.file, path, iku, extra, doc)  # checked before: cached
    findings = result.findings
    if name == "program" and iku is not None:  # its programs against the pohon kinerja, if any
        from ikutool.inputs.pohon_validate import program_against_tree

        findings = sorted(
            findings + program_against_tree(result, doc, path, iku),
            key=lambda f: (f.line or 0, f.column or 0),
        )
    return FileReport(doc.file, name, findings, SUMMARY[name](result, iku, extra))


def _iku_report(loaded: LoadedIku) -> FileReport:
    iku = loaded.iku
    summary = (
        f"berkas IKU sah: {len(iku.sasaran)} sasaran, {len(iku.indikator())} indikator, periode "
        f"{iku.periode.awal}-{iku.periode.akhir}"
    )
    return FileReport(loaded.file, "iku", loaded.findings, summary, iku)


def _realisasi(data: RealisasiTahun, iku: Iku, _: Any) -> str:
    from ikutool.inputs.realisasi import kelengkapan, values_without_target

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
    if data.dibaca:
        from ikutool.inputs.satuan import read_summary

        summary += "; " + read_summary(data.dibaca)
    return summary + f"; diperiksa terhadap IKU {iku.berkas}"


def _pk(pk: PkTahun, iku: Iku, _: Any) -> str:
    from ikutool.formatting.numbers import tanggal

    def renstra(kode: str) -> Any:
        ind = iku.find_indikator(kode)
        return ind.target_for(pk.tahun) if ind is not None else None

    differ = [k for k, t in pk.target.items() if not same_target(t, renstra(k))]
    summary = (
        f"berkas Perjanjian Kinerja sah: tahun {pk.tahun}, {len(differ)} target berbeda dari "
        f"Renstra ({', '.join(differ) or '-'})"
    )
    if pk.perubahan:  # a revision is a change of the PK even where it restores the Renstra's
        by_date: dict[Any, list[str]] = {}
        for kode, when in pk.perubahan.items():
            back = " (kini sama dengan Renstra)" if kode not in differ else ""
            by_date.setdefault(when, []).append(kode + back)
        revisions = "; ".join(
            f"{tanggal(when.isoformat())}: {', '.join(codes)}"
            for when, codes in sorted(by_date.items())
        )
        summary += f"; {len(pk.perubahan)} target diubah PK perubahan ({revisions})"
    if pk.daftar_lengkap:
        summary += f"; daftar lengkap: {len(pk.target)} indikator di PK"
    return summary


def same_target(a: Any, b: Any) -> bool:
    """Two targets that measure the same way: the same components with the same amounts, range,
    bound and form ("80-90 %" is not "80 %", "minimal 80 %" is not "80 %"; "1:30" is "2:60")."""
    if a is None or b is None:
        return a is None and b is None

    def terms(t: Any) -> list[tuple]:
        return [(c.jenis, c.jumlah, c.jumlah_maks, c.batas, c.predikat) for c in t.komponen]

    return terms(a) == terms(b)


def _anggaran(a: AnggaranTahun, iku: Iku, _: Any) -> str:
    from ikutool.formatting.values import rupiah

    pagu = sum(p.pagu for p in a.program)
    return (
        f"berkas anggaran sah: tahun {a.tahun}, {len(a.program)} program, pagu "
        f"{rupiah(pagu)}, efisiensi metode {a.metode}"
    )


def _program(p: ProgramTahun, iku: Iku, _: Any) -> str:
    from ikutool.formatting.values import rupiah

    pagu = sum(x.uang.pagu or 0 for x in p.program)
    n_keg = sum(len(x.kegiatan) for x in p.program)
    n_ind = sum(len(x.indikator) + sum(len(k.indikator) for k in x.kegiatan) for x in p.program)
    return (
        f"berkas program sah: tahun {p.tahun}, {len(p.program)} program, {n_keg} kegiatan, "
        f"{n_ind} indikator, pagu {rupiah(pagu)}"
    )


def _renaksi_pk(doc: Document, path: Path, iku: Iku) -> PkTahun | None:
    """The year's PK of the workspace a rencana aksi lies in (if any): it is checked against it."""
    from ikutool.inputs.kind import year_from_name
    from ikutool.inputs.pk import load_pk
    from ikutool.workspace.sources import find_root, workspace_sources

    root = find_root(path.parent)
    tahun = doc.data.get("tahun") if isinstance(doc.data, dict) else None
    if root is not None and isinstance(tahun, int) and tahun == (year_from_name(path) or tahun):
        return load_pk(workspace_sources(root).pk, iku, tahun)
    return None


def _renaksi(r: RenaksiTahun, iku: Iku, pk: PkTahun | None) -> str:
    return (
        f"berkas rencana aksi sah: tahun {r.tahun}, target triwulan untuk {len(r.target)} "
        f"indikator, dicocokkan dengan target {'PK dan ' if pk else ''}Renstra {r.tahun}"
    )


def _tindak_lanjut(reg: Register, iku: Iku | None, _: Any) -> str:
    n = sum(len(e.rekomendasi) for e in reg.evaluasi)
    done = sum(r.status == "Tuntas" for e in reg.evaluasi for r in e.rekomendasi)
    return (
        f"register tindak lanjut sah: {len(reg.evaluasi)} evaluasi, {n} rekomendasi, {done} tuntas"
    )


# validate's one-line summary of a valid file, per kind
SUMMARY: dict[str, Callable[[Any, Any, Any], str]] = {
    "realisasi": _realisasi,
    "pk": _pk,
    "anggaran": _anggaran,
    "program": _program,
    "renaksi": _renaksi,
    "tindak_lanjut": _tindak_lanjut,
}
