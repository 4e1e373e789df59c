"""The regency's pohon kinerja (``iku rekap --pohon``): every agency's tree under the RPJMD
sasaran its sasaran support, the RPJMD sasaran no agency supports, and every crosscutting link
resolved in the other agency's tree (a link that does not resolve is a located finding in the
contributing agency's pohon.yaml; one that does is drawn in the receiving agency's branch).

The regency's RPJMD is ``rpjmd.yaml`` in the folder of the agencies (Bappeda's), else each
agency's own copy (and then the first, said so)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ikutool.errors import Finding, IkuError, Severity
from ikutool.workspace.paths import shown

if TYPE_CHECKING:
    from ikutool.inputs.pohon import Pohon
    from ikutool.inputs.rpjmd import Rpjmd
    from ikutool.render.pohon.layout import Kotak
    from ikutool.reports.pohon import HasilPohon

W = Severity.WARNING


@dataclass
class Instansi:
    folder: str
    kode: str
    nama: str
    hasil: HasilPohon
    tree: Pohon
    rpjmd_sendiri: Rpjmd | None = None  # the agency's own copy of the RPJMD


@dataclass
class PohonKabupaten:
    folder: str
    tahun: int
    rpjmd: Rpjmd | None
    instansi: list[Instansi] = field(default_factory=list)
    tanpa_dukungan: list[str] = field(default_factory=list)  # RPJMD sasaran codes
    findings: list[Finding] = field(default_factory=list)  # warnings, located
    galat: list[Finding] = field(default_factory=list)  # agencies whose files are wrong
    tanpa_pohon: list[str] = field(default_factory=list)  # agency folders without a tree

    def to_dict(self) -> dict[str, Any]:
        r = self.rpjmd
        return {
            "folder": self.folder,
            "tahun": self.tahun,
            "rpjmd": r.file if r is not None else None,
            "sasaran_rpjmd": [
                {
                    "kode": s.kode,
                    "uraian": s.uraian,
                    "didukung": [
                        {"instansi": a.kode, "simpul": n.kode}
                        for a in self.instansi
                        for n in a.hasil.simpul
                        if s.kode in _support(a.hasil, n)
                    ],
                }
                for s in (r.model.sasaran if r is not None else [])
            ],
            "tanpa_dukungan": self.tanpa_dukungan,
            "instansi": [
                {
                    "folder": a.folder,
                    "kode": a.kode,
                    "nama": a.nama,
                    "pohon": a.hasil.model_dump(mode="json"),
                }
                for a in self.instansi
            ],
            "tanpa_pohon": self.tanpa_pohon,
            "temuan": [f.to_dict() for f in [*self.galat, *self.findings]],
        }


def _support(h: HasilPohon, node: Any) -> list[str]:
    """What a sasaran node supports: its own codes, else its tujuan's."""
    if node.level != "sasaran":
        return list(node.mendukung) if node.level == "tujuan" else []
    if node.mendukung:
        return list(node.mendukung)
    parent = h.node(node.induk) if node.induk else None
    return list(parent.mendukung) if parent is not None else []


def build_pohon_kabupaten(folder: Path, tahun: int | None) -> PohonKabupaten:
    from ikutool.inputs.rpjmd import load_rpjmd
    from ikutool.reports.rekap import find_workspaces

    regency = folder / "rpjmd.yaml"
    rpjmd = None
    out = PohonKabupaten(shown(folder), tahun or 0, None)
    if regency.is_file():
        try:
            rpjmd = load_rpjmd(regency)
        except IkuError as exc:
            out.galat += [f for f in exc.findings if f.is_error]
    for root in find_workspaces(folder):
        _agency(out, root, rpjmd, tahun)
    if rpjmd is None and out.instansi:
        rpjmd = next((a.rpjmd_sendiri for a in out.instansi if a.rpjmd_sendiri), None)
    out.rpjmd = rpjmd
    if rpjmd is not None:
        out.tahun = out.tahun or rpjmd.model.periode.akhir
        _unsupported(out, rpjmd)
    _crosscutting(out)
    out.findings.sort(key=lambda f: (f.file or "", f.line or 0, f.column or 0))
    return out


def _agency(out: PohonKabupaten, root: Path, regency: Rpjmd | None, tahun: int | None) -> None:
    from ikutool.definition.load import load_iku
    from ikutool.inputs.pk import load_pk
    from ikutool.inputs.pohon import load_pohon
    from ikutool.inputs.program import load_program
    from ikutool.inputs.rpjmd import load_rpjmd
    from ikutool.reports.pohon import build_pohon
    from ikutool.workspace.sources import check_paths, workspace_sources

    try:
        src = workspace_sources(root)
        check_paths(src)
        if src.pohon is None or not src.pohon.is_file():
            out.tanpa_pohon.append(shown(root))
            return
        iku = load_iku(src.iku, display_name=shown(src.iku)).iku
        own = load_rpjmd(src.rpjmd) if src.rpjmd is not None and src.rpjmd.is_file() else None
        rpjmd = regency or own
        tree = load_pohon(src.pohon, iku, rpjmd)
        year = tahun or (rpjmd.model.periode.akhir if rpjmd else iku.periode.akhir)
        program = load_program(src.program, iku, year) if year in iku.periode.tahun else None
        pk = load_pk(src.pk, iku, year) if year in iku.periode.tahun else None
        hasil = build_pohon(iku, tree, year, rpjmd=rpjmd, pk=pk, program=program)
    except IkuError as exc:
        out.galat += [f for f in exc.findings if f.is_error][:20]
        return
    out.findings += tree.findings + (program.findings if program is not None else [])
    kode = tree.instansi or root.name
    out.instansi.append(Instansi(shown(root), kode, iku.instansi.nama, hasil, tree, own))


def _unsupported(out: PohonKabupaten, rpjmd: Rpjmd) -> None:
    supported = {k for a in out.instansi for n in a.hasil.simpul for k in _support(a.hasil, n)}
    for i, s in enumerate(rpjmd.model.sasaran):
        if s.kode in supported:
            continue
        out.tanpa_dukungan.append(s.kode)
        out.findings.append(
            rpjmd.doc.finding(
                "IKU611",
                f"sasaran RPJMD {s.kode} '{s.uraian}' tidak didukung sasaran perangkat daerah mana "
                "pun: perangkat daerah yang urusannya mencakup sasaran ini menulis 'mendukung: "
                f"{s.kode}' di sasarannya",
                ("sasaran", i, "kode"),
                severity=W,
            )
        )


def _crosscutting(out: PohonKabupaten) -> None:
    from ikutool.model.validation import listing
    from ikutool.reports.pohon import Crosscut

    by_code = {a.kode: a for a in out.instansi}
    for a in out.instansi:
        for node in a.tree.simpul.values():
            for c in node.crosscutting:
                other = by_code.get(c.instansi)
                target = other.hasil.node(c.kode) if other is not None else None
                if target is None:
                    why = (
                        f"perangkat daerah {c.instansi} tidak ada di folder ini (yang ada: "
                        f"{listing(sorted(by_code))})"
                        if other is None
                        else f"simpul {c.kode} tidak ada di pohon kinerja {other.nama} "
                        f"({other.tree.file})"
                    )
                    out.findings.append(
                        a.tree.doc.finding(
                            "IKU610",
                            f"crosscutting {node.kode} ke {c.instansi} {c.kode} tidak ditemukan: "
                            f"{why}",
                            (*c.where, "kode"),
                            severity=W,
                        )
                    )
                    continue
                target.diterima = [
                    *target.diterima,
                    Crosscut.model_construct(
                        instansi=a.kode, kode=node.kode, peran=c.peran, uraian=node.uraian
                    ),
                ]


def regency_forest(k: PohonKabupaten) -> list[Kotak]:
    """RPJMD tujuan and sasaran on top, each agency's tree under what it supports (its boxes
    named by the agency's code); an RPJMD sasaran without support in red, dashed."""
    from ikutool.render.pohon.kotak import agency_forest
    from ikutool.render.pohon.layout import Kotak

    r = k.rpjmd
    sasaran: dict[str, Kotak] = {}
    roots: list[Kotak] = []
    tujuan: dict[str, Kotak] = {}
    if r is not None:
        for t in r.model.tujuan:
            tujuan[t.kode] = Kotak("tujuan_pemda", t.kode, t.uraian)
            roots.append(tujuan[t.kode])
        for s in r.model.sasaran:
            box = Kotak(
                "sasaran_pemda",
                s.kode,
                s.uraian,
                [
                    (f"{i.kode} {i.uraian}", _target(k.tahun, i.target.get(k.tahun)))
                    for i in s.indikator
                ],  # fmt: skip
            )
            if s.kode in k.tanpa_dukungan:
                box.peringatan = True
                box.catatan = ["BELUM DIDUKUNG perangkat daerah mana pun"]
            sasaran[s.kode] = box
            (tujuan[s.tujuan].anak if s.tujuan in tujuan else roots).append(box)
    for a in k.instansi:
        for box in agency_forest(a.hasil, above=False):
            _prefix(box, a.kode)
            node = a.hasil.node(box.kode.split(" ", 1)[-1])
            first = _support(a.hasil, node)[:1] if node is not None else []
            if first and first[0] in sasaran and not box.putus:
                sasaran[first[0]].anak.append(box)
            else:
                roots.append(box)
    return roots


def _target(tahun: int, t: Any) -> str:
    return f"Target {tahun}: {t.teks if t is not None else '-'}"


def _prefix(box: Kotak, kode: str) -> None:
    """Every box of an agency's tree named by the agency's code (those received from another
    agency already carry that one's)."""
    from ikutool.render.pohon.layout import _each

    for b in _each([box]):
        if not any(n.startswith("Crosscutting dari") for n in b.catatan):
            b.kode = f"{kode} {b.kode}"
