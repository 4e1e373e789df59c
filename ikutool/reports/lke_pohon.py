"""The LKE criteria a pohon kinerja decides (when the agency has one; without it they stay the
evaluator's judgement, as before): measurement cascaded to every official, cause and effect from
the RPJMD's sasaran to the sub kegiatan, crosscutting stated, and the same indicators in the tree,
the IKU and the year's program file. Each is a coverage ratio graded a-e, with every item short
of it located in its file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikutool.reports.lke import BANDS, GRADE_VALUE, Kriteria, Temuan, grade

if TYPE_CHECKING:
    from ikutool.inputs.pohon import Pohon
    from ikutool.model.iku import Iku
    from ikutool.reports.pohon import HasilPohon

# the criteria of the evaluator's list these decide (reports.lke.JUDGED ids)
REPLACES = frozenset({"pengukuran_berjenjang"})


def _line(tree: Pohon, where: tuple) -> int | None:
    _, loc = tree.doc.resolve(where)
    return loc.line if loc is not None else None


def _criterion(id_: str, komponen: str, sub: str, uraian: str, ok: int, total: int,
               temuan: list[Temuan]) -> Kriteria:  # fmt: skip
    if not total:
        return Kriteria(id=id_, komponen=komponen, subkomponen=sub, uraian=uraian,
                        dapat_dihitung=False, aturan=BANDS, temuan=temuan)  # fmt: skip
    ratio = ok / total * 100
    g = grade(ratio)
    return Kriteria(
        id=id_, komponen=komponen, subkomponen=sub, uraian=uraian, dapat_dihitung=True,
        rasio=round(ratio, 2), nilai=g, skor=GRADE_VALUE[g], aturan=BANDS, temuan=temuan,
    )  # fmt: skip


def pohon_criteria(iku: Iku, tree: Pohon, h: HasilPohon) -> list[Kriteria]:
    nodes = {n.kode: n for n, _ in tree.walk()}
    view = {s.kode: s for s in h.simpul}
    out = []
    # 1. measured down to each official: an owner and an indicator with this year's target
    short = []
    for kode, n in nodes.items():
        s = view[kode]
        why = [w for w, bad in (("tanpa pemilik", not s.jabatan),
                                (f"tanpa indikator bertarget {h.tahun}",
                                 not any(i.target for i in s.indikator))) if bad]  # fmt: skip
        if why:
            short.append(Temuan(pesan=f"{kode}: {', '.join(why)}", berkas=tree.file,
                                baris=_line(tree, n.where), kode=kode))  # fmt: skip
    out.append(_criterion(
        "pengukuran_berjenjang", "pengukuran", "kualitas",
        "Pengukuran kinerja berjenjang sampai individu (cascading): setiap simpul pohon kinerja "
        "punya pemilik dan indikator bertarget tahun ini",
        len(nodes) - len(short), len(nodes), short,
    ))  # fmt: skip
    # 2. cause and effect: every node hangs under the agency's sasaran, every sasaran under RPJMD
    loose = []
    for kode, n in nodes.items():
        if n.yatim:
            loose.append(Temuan(pesan=f"{kode}: tanpa induk", berkas=tree.file,
                                baris=_line(tree, n.where), kode=kode))  # fmt: skip
        elif (
            n.level == "sasaran"
            and not n.mendukung
            and not (n.induk in nodes and nodes[n.induk].mendukung)
        ):
            loose.append(Temuan(pesan=f"{kode}: belum mendukung sasaran RPJMD", berkas=tree.file,
                                baris=_line(tree, n.where), kode=kode))  # fmt: skip
    out.append(_criterion(
        "pohon_kinerja_tersambung", "perencanaan", "kualitas",
        "Pohon kinerja tersambung sebab-akibat dari sasaran RPJMD sampai sub kegiatan",
        len(nodes) - len(loose), len(nodes), loose,
    ))  # fmt: skip
    # 3. crosscutting stated, each naming a node of another agency
    links = [(n, c) for n in nodes.values() for c in n.crosscutting]
    named = [(n, c) for n, c in links if c.instansi and c.kode]
    cross = [] if links else [Temuan(pesan="pohon kinerja belum menyatakan crosscutting dengan "
                                           "perangkat daerah lain", berkas=tree.file)]  # fmt: skip
    out.append(_criterion(
        "crosscutting", "perencanaan", "kualitas",
        "Crosscutting antarperangkat daerah dinyatakan di pohon kinerja (keberadaannya di pohon "
        "perangkat daerah lain diperiksa iku rekap --pohon)",
        len(named) if links else 0, len(links) or 1, cross,
    ))  # fmt: skip
    # 4. the same indicators: the IKU's in the tree (its sasaran are nodes), restated the same
    differ = {f.path for f in tree.findings if f.code in ("IKU606", "IKU605")}
    total = ok = 0
    same = []
    for group in iku.groups():
        for ind in group.indikator:
            total += 1
            if group.kode not in nodes:
                same.append(Temuan(pesan=f"{ind.kode}: sasaran {group.kode} tidak ada di pohon "
                                         "kinerja", berkas=tree.file, kode=ind.kode))  # fmt: skip
                continue
            node = nodes[group.kode]
            prefix = f"pohon[{node.where[1]}].indikator"
            if any(p and p.startswith(prefix) for p in differ):
                same.append(Temuan(pesan=f"{ind.kode}: berbeda di pohon kinerja dan IKU",
                                   berkas=tree.file, baris=_line(tree, node.where),
                                   kode=ind.kode))  # fmt: skip
                continue
            ok += 1
    out.append(_criterion(
        "indikator_selaras", "perencanaan", "kualitas",
        "Sasaran dan indikator yang sama di pohon kinerja, Renstra/IKU dan PK",
        ok, total, same,
    ))  # fmt: skip
    return out
