"""The regency's pohon kinerja as a document: the RPJMD sasaran with the agencies that support
them, those no agency supports, the crosscutting links (resolved and broken), and the regency's
tree drawn with each agency's branch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikutool.render.blocks import Block, Dokumen, Heading, Para, Run, Tabel

if TYPE_CHECKING:
    from ikutool.render.pohon.layout import Halaman
    from ikutool.reports.pohon_rekap import PohonKabupaten


def regency_pages(k: PohonKabupaten) -> list[Halaman]:
    from ikutool.render.pohon.layout import pages
    from ikutool.reports.pohon_rekap import regency_forest

    name = k.rpjmd.model.pemerintah if k.rpjmd is not None else "Kabupaten"
    return pages(f"Pohon Kinerja {name} {k.tahun}", regency_forest(k))


def regency_document(k: PohonKabupaten, *, pictures: bool) -> Dokumen:
    from ikutool.reports.pohon_rekap import _support

    name = k.rpjmd.model.pemerintah if k.rpjmd is not None else "Kabupaten"
    rows: list[list[Run]] = []
    for i, s in enumerate(k.rpjmd.model.sasaran if k.rpjmd is not None else [], 1):
        who = [
            f"{a.kode}: {n.kode} {n.uraian}"
            for a in k.instansi
            for n in a.hasil.simpul
            if s.kode in _support(a.hasil, n)
        ]
        rows.append([str(i), f"{s.kode} {s.uraian}", "\n".join(who) or ("BELUM DIDUKUNG", "bold")])
    cross: list[list[Run]] = []
    for a in k.instansi:
        for n in a.hasil.simpul:
            for c in n.diterima:
                cross.append([f"{c.instansi} {c.kode} {c.uraian or ''}".strip(),
                              f"{a.kode} {n.kode} {n.uraian}", c.peran or "-"])  # fmt: skip
    broken = [f for f in k.findings if f.code == "IKU610"]
    blocks: list[Block] = [
        Heading(0, f"POHON KINERJA {name.upper()}"),
        Para([f"Tahun {k.tahun}; {len(k.instansi)} perangkat daerah dengan pohon kinerja."]),
        Tabel(
            "",
            "Sasaran RPJMD dan sasaran perangkat daerah yang mendukungnya",
            ["No", "Sasaran RPJMD", "Didukung oleh"],
            rows,
            ["r", "l", "l"],
        ),  # fmt: skip
    ]
    if k.tanpa_dukungan:
        blocks.append(
            Para(
                [
                    ("Sasaran RPJMD tanpa dukungan perangkat daerah: ", "bold"),
                    ", ".join(k.tanpa_dukungan) + ".",
                ]
            )  # fmt: skip
        )
    if cross:
        blocks.append(
            Tabel(
                "",
                "Crosscutting antarperangkat daerah",
                ["Dari (perangkat daerah, simpul)", "Ke (perangkat daerah, simpul)", "Peran"],
                cross,
                ["l", "l", "l"],
            )  # fmt: skip
        )
    if broken:
        blocks.append(Para([("Crosscutting yang tidak ditemukan: ", "bold"), f"{len(broken)}."]))
        blocks += [Para([f"{f.where}: {f.message}"], kind="small") for f in broken]
    if k.tanpa_pohon:
        blocks.append(Para(["Ruang kerja tanpa pohon kinerja: " + ", ".join(k.tanpa_pohon) + "."]))
    if pictures:
        from ikutool.render.documents.pohon import figures

        blocks += figures(regency_pages(k), None, [])
    return Dokumen(
        judul=f"Pohon Kinerja {name} {k.tahun}",
        blocks=blocks,
        kaki=f"Pohon Kinerja {name} {k.tahun}",
        landscape=True,
    )
