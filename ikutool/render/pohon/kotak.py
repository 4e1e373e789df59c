"""The boxes of a pohon kinerja picture from the year's tree (:mod:`ikutool.reports.pohon`): each
node with its indicators and the year's target, its owner, its pagu; the RPJMD sasaran above the
agency's; nodes without a parent apart, dashed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikutool.render.pohon.layout import Kotak

if TYPE_CHECKING:
    from ikutool.reports.pohon import HasilPohon, IndikatorSimpul, SimpulPohon


def target_line(tahun: int, ind: IndikatorSimpul) -> str:
    mark = " (PK)" if ind.sumber == "PK" else ""
    return f"Target {tahun}: {ind.target}{mark}" if ind.target else f"Target {tahun}: -"


def owner_line(s: SimpulPohon) -> str | None:
    if not s.jabatan:
        return None
    return f"PJ: {s.jabatan}" + (f" ({s.nama})" if s.nama else "")


def box(h: HasilPohon, s: SimpulPohon, prefix: str = "") -> Kotak:
    from ikutool.formatting.numbers import format_angka

    inds: list[tuple[str, str | None]] = [
        (
            f"{i.kode} {i.uraian}" + (f" (bagian dari {i.bagian_dari})" if i.bagian_dari else ""),
            target_line(h.tahun, i),
        )
        for i in s.indikator
    ]
    notes = []
    if len(s.mendukung) > 1:
        notes.append("juga mendukung " + ", ".join(s.mendukung[1:]))
    if s.pagu is not None:
        notes.append(f"Pagu {h.tahun}: Rp {format_angka(s.pagu)}")
    elif s.pagu_catatan:
        notes.append(s.pagu_catatan)
    for c in s.crosscutting:
        notes.append(f"Crosscutting ke {c.instansi} {c.kode}" + (f": {c.peran}" if c.peran else ""))
    if s.tanpa_induk:
        notes.append("TANPA INDUK" + (f" ({s.induk} tidak ada)" if s.induk else ""))
    return Kotak(
        s.level,
        f"{prefix}{s.kode}",
        s.uraian,
        inds,
        owner_line(s),
        notes,
        putus=s.tanpa_induk,
    )


def agency_forest(h: HasilPohon, *, above: bool = True) -> list[Kotak]:
    """The agency's tree, under the RPJMD sasaran (and tujuan) its nodes support."""
    boxes = {s.kode: box(h, s) for s in h.simpul}
    for s in h.simpul:
        if s.induk in boxes and not s.tanpa_induk:
            boxes[s.induk].anak.append(boxes[s.kode])
    roots = [boxes[s.kode] for s in h.akar()]
    for s in h.simpul:
        for c in s.diterima:
            got = Kotak(
                "sub_kegiatan" if s.level in ("kegiatan", "sub_kegiatan") else "kegiatan",
                f"{c.instansi} {c.kode}",
                c.uraian or c.kode,
                [],
                None,
                [f"Crosscutting dari {c.instansi}" + (f": {c.peran}" if c.peran else "")],
                putus=True,
            )
            boxes[s.kode].anak.append(got)
    if not above or not h.rpjmd:
        return roots
    return _under_rpjmd(h, roots, {s.kode: s for s in h.simpul})


def _under_rpjmd(h: HasilPohon, roots: list[Kotak], nodes: dict[str, SimpulPohon]) -> list[Kotak]:
    sasaran: dict[str, Kotak] = {}
    tujuan: dict[str, Kotak] = {}
    out: list[Kotak] = []
    for r in h.rpjmd:
        if not r.didukung:
            continue
        k = Kotak(
            "sasaran_pemda", r.kode, r.uraian, [(f"{i.kode} {i.uraian}", target_line(h.tahun, i))
                                                 for i in r.indikator],
        )  # fmt: skip
        sasaran[r.kode] = k
        if r.tujuan:
            if r.tujuan not in tujuan:
                tujuan[r.tujuan] = Kotak("tujuan_pemda", r.tujuan, r.tujuan_uraian or r.tujuan)
                out.append(tujuan[r.tujuan])
            tujuan[r.tujuan].anak.append(k)
        else:
            out.append(k)
    rest = []
    for root in roots:
        node = nodes.get(root.kode)
        first = node.mendukung[0] if node is not None and node.mendukung else None
        if first in sasaran and not root.putus:
            sasaran[first].anak.append(root)
        else:
            rest.append(root)
    return out + rest
