"""The pohon kinerja's documents as blocks (:mod:`ikutool.render.blocks`): the picture (one
figure per page), the cascading sheet evaluators and Bappeda print (tujuan, sasaran, program,
kegiatan, sub kegiatan, each with indicators, targets and owner), the Perjanjian Kinerja of each
eselon with its signature page, and the Matriks Peran dan Hasil with each official's rencana
hasil kerja (RHK). All are views of one :class:`~ikutool.reports.pohon.HasilPohon`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.render.blocks import (
    Block,
    Dokumen,
    Gambar,
    HalamanBaru,
    Heading,
    Para,
    Run,
    Tabel,
    Tanda,
    placeholder,
)

if TYPE_CHECKING:
    from ikutool.render.pohon.layout import Halaman
    from ikutool.reports.pohon import HasilPohon, PejabatPohon, SimpulPohon

ESELON_NAMA = {"II": "Eselon II", "III": "Eselon III", "IV": "Eselon IV"}


def _asal(h: HasilPohon) -> list[str]:
    from ikutool import __version__

    return [
        f"Disusun dengan ikutool {__version__}.",
        f"Pohon kinerja: {h.berkas_pohon}",
        f"RPJMD: {h.berkas_rpjmd or '-'}",
        f"Program: {h.berkas_program or '-'}",
        f"Perjanjian Kinerja: {h.berkas_pk or '-'}",
    ]


def outline(h: HasilPohon) -> list[str]:
    """The tree in words, one node a line, indented by level (Markdown, terminal, Excel)."""
    from ikutool.render.pohon.kotak import owner_line, target_line
    from ikutool.render.pohon.layout import TITLE

    lines = []
    for r in h.rpjmd:
        if r.didukung:
            lines.append(
                f"{TITLE['sasaran_pemda']} {r.kode} {r.uraian}: didukung {', '.join(r.didukung)}"
            )
    for s in h.simpul:
        pad = "    " * s.kedalaman
        extra = " (TANPA INDUK)" if s.tanpa_induk else ""
        lines.append(f"{pad}- {TITLE[s.level]} {s.kode} {s.uraian}{extra}")
        for i in s.indikator:
            lines.append(f"{pad}    {i.kode} {i.uraian}: {target_line(h.tahun, i)}")
        owner = owner_line(s)
        if owner:
            lines.append(f"{pad}    {owner}")
    return lines


def picture_pages(h: HasilPohon, judul: str | None = None) -> list[Halaman]:
    from ikutool.render.pohon.kotak import agency_forest
    from ikutool.render.pohon.layout import pages

    return pages(judul or f"Pohon Kinerja {h.tahun}", agency_forest(h))


def figures(pages: list[Halaman], bab: int | None, words: list[str]) -> list[Block]:
    """One figure per page; the picture in words goes with the first."""
    import functools

    from ikutool.render.pohon.png import page_png
    from ikutool.render.pohon.svg import page_svg

    out: list[Block] = []
    for i, page in enumerate(pages, 1):
        nomor = f"Gambar {bab}.{i}" if bab is not None else f"Gambar {i}"
        out.append(
            Gambar(
                nomor,
                page.judul,
                page_svg(page),
                functools.partial(page_png, page),
                page.w,
                page.h,
                words if i == 1 else [],
            )
        )
    return out


def lkjip_section(h: HasilPohon) -> list[Block]:
    """The pohon kinerja in the LKjIP's Bab II: the cascade from the RPJMD's sasaran to the
    sub kegiatan, one figure per page of the tree."""
    pages = picture_pages(h, f"Pohon Kinerja {h.tahun}")
    return [
        Heading(2, "Pohon Kinerja"),
        Para(
            [
                f"Sasaran perangkat daerah mendukung sasaran RPJMD, dan dijabarkan ke program, "
                f"kegiatan dan sub kegiatan beserta indikator, target {h.tahun} dan pejabat "
                "penanggung jawabnya, sebagaimana gambar berikut."
            ]
        ),
        *figures(pages, 2, outline(h)),
    ]


def pohon_document(h: HasilPohon, *, pictures: bool = True) -> Dokumen:
    """The tree drawn, one page a figure (``pictures``), else in words only (the terminal and
    Markdown: no picture is laid out for them)."""
    blocks: list[Block] = [
        Heading(1, f"Pohon Kinerja {h.instansi}"),
        Para([f"Periode {h.periode_awal}-{h.periode_akhir}; target tahun {h.tahun}."]),
        *[Para([n], kind="note") for n in h.catatan],
    ]
    if not pictures:
        blocks += [Para([line]) for line in outline(h)]
    else:
        pages = picture_pages(h, f"Pohon Kinerja {h.instansi} {h.tahun}")
        for i, fig in enumerate(figures(pages, None, outline(h))):
            if i:
                blocks.append(HalamanBaru())
            blocks.append(fig)
    return Dokumen(
        judul=f"Pohon Kinerja {h.tahun} {h.instansi}",
        blocks=blocks,
        peringatan_halaman=list(h.catatan),
        kaki=f"Pohon Kinerja {h.tahun}",
        asal=_asal(h),
        landscape=True,
    )


# --- the cascading sheet ------------------------------------------------------------------------


def _node_cell(s: SimpulPohon) -> str:
    owner = f"\nPJ: {s.jabatan}" if s.jabatan else ""
    return f"{s.kode} {s.uraian}{owner}"


def _inds(s: SimpulPohon) -> tuple[str, str]:
    names = "\n".join(f"{i.kode} {i.uraian}" for i in s.indikator) or "-"
    targets = "\n".join(
        (i.target or "-") + (" (PK)" if i.sumber == "PK" else "") for i in s.indikator
    )
    return names, targets or "-"


def cascading_rows(h: HasilPohon) -> tuple[list[str], list[list[Run]]]:
    """One row per leaf of the tree (a node without children), each level's cells on the first
    row of its branch only (as the printed sheet merges them)."""
    from ikutool.formatting.numbers import format_angka

    levels = [lv for lv in ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
              if any(s.level == lv for s in h.simpul)]  # fmt: skip
    by_code = {s.kode: s for s in h.simpul}
    rows: list[list[Run]] = []
    shown: set[str] = set()
    rpjmd = {r.kode: r for r in h.rpjmd}
    for s in h.simpul:
        if h.anak(s.kode):
            continue
        chain = [s]
        while chain[0].induk in by_code and not chain[0].tanpa_induk:
            chain.insert(0, by_code[chain[0].induk])
        row: list[Run] = [str(len(rows) + 1)]
        top = chain[0]
        support = top.mendukung or next((c.mendukung for c in chain if c.mendukung), [])
        key = "rpjmd:" + ",".join(support)
        if key not in shown and support:
            row.append("\n".join(f"{k} {rpjmd[k].uraian}" if k in rpjmd else k for k in support))
            shown.add(key)
        else:
            row.append("")
        for lv in levels:
            node = next((c for c in chain if c.level == lv), None)
            if node is None or node.kode in shown:
                row += ["", "", ""]
                continue
            shown.add(node.kode)
            names, targets = _inds(node)
            row += [_node_cell(node), names, targets]
        leaf_pagu = s.pagu if s.level in ("program", "kegiatan", "sub_kegiatan") else None
        row.append(format_angka(leaf_pagu) if leaf_pagu is not None else (s.pagu_catatan or ""))
        rows.append(row)
    return levels, rows


def cascading_document(h: HasilPohon) -> Dokumen:
    from ikutool.render.pohon.layout import TITLE

    levels, rows = cascading_rows(h)
    eselon = {"tujuan": "eselon II", "sasaran": "eselon II", "program": "eselon III",
              "kegiatan": "eselon IV", "sub_kegiatan": "eselon IV"}  # fmt: skip
    groups: list[tuple[str, int]] = [("No", 1), ("Sasaran RPJMD", 1)]
    header = ["No", "Sasaran RPJMD"]
    for lv in levels:
        groups.append((f"{TITLE[lv]} ({eselon[lv]})", 3))
        header += [TITLE[lv], "Indikator", f"Target {h.tahun}"]
    groups.append((f"Pagu {h.tahun} (Rp)", 1))
    header.append(f"Pagu {h.tahun} (Rp)")
    align = ["r", "l"] + ["l", "l", "l"] * len(levels) + ["r"]
    return Dokumen(
        judul=f"Cascading Kinerja {h.tahun} {h.instansi}",
        blocks=[
            Heading(0, "CASCADING KINERJA"),
            Para([(h.instansi.upper(), "bold")]),
            *([Para([h.pemerintah.upper()])] if h.pemerintah else []),
            Para([f"Periode {h.periode_awal}-{h.periode_akhir}; target dan pagu tahun {h.tahun}"]),
            *[Para([n], kind="note") for n in h.catatan],
            Tabel(
                "",
                "",
                header,
                rows,
                align,
                kepala_atas=groups,
                catatan=[
                    "PJ: pejabat penanggung jawab (pemilik hasil). (PK): target Perjanjian "
                    "Kinerja, berbeda dari target Renstra tahun itu.",
                    "Pagu: pagu tahun ini dari dokumen anggaran, pada baris jenjang terbawah.",
                ],
            ),
        ],
        peringatan_halaman=list(h.catatan),
        kaki=f"Cascading Kinerja {h.tahun}",
        asal=_asal(h),
        landscape=True,
    )


# --- PK per eselon --------------------------------------------------------------------------------

AGREEMENT = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
PROMISE = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
    "tersebut menjadi tanggung jawab kami."
)
SUPERVISE = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
    "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
    "pemberian penghargaan dan sanksi."
)


def _second_party(h: HasilPohon, p: PejabatPohon) -> tuple[str, str | None, str | None, str | None]:
    """(jabatan, nama, pangkat, nip) of the one ``p`` signs with: the atasan, or the head of the
    regency for the head of the agency."""
    boss = next((q for q in h.pejabat if q.kode == p.atasan), None)
    if boss is not None:
        return boss.jabatan, boss.nama, boss.pangkat, boss.nip
    head = h.kepala_daerah or {}
    return (
        head.get("jabatan") or f"Kepala Daerah {h.pemerintah or ''}".strip(),
        head.get("nama"),
        head.get("pangkat"),
        head.get("nip"),
    )


def _tanda(place: list[Run], jabatan: str, nama: str | None, pangkat: str | None,
           nip: str | None, kiri: bool) -> Tanda:  # fmt: skip
    return Tanda(place, jabatan, nama or "[diisi: nama]", pangkat, nip, kiri)


def _pk_one(h: HasilPohon, p: PejabatPohon, owned: list[SimpulPohon]) -> list[Block]:
    from ikutool.formatting.numbers import format_angka
    from ikutool.render.pohon.layout import TITLE

    jab2, nama2, pangkat2, nip2 = _second_party(h, p)
    place: list[Run] = [f"{h.kota or '[diisi: tempat]'}, ", placeholder("tanggal")]
    blocks: list[Block] = [
        Heading(0, f"PERJANJIAN KINERJA TAHUN {h.tahun}"),
        Para([(p.jabatan.upper(), "bold")]),
        Para([AGREEMENT]),
        Para([("Nama: ", "bold"), p.nama or placeholder("nama pejabat")]),
        Para([("Jabatan: ", "bold"), p.jabatan]),
        Para(["selanjutnya disebut pihak pertama;"]),
        Para([("Nama: ", "bold"), nama2 or placeholder("nama atasan")]),
        Para([("Jabatan: ", "bold"), jab2]),
        Para(["selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua."]),
        Para([PROMISE]),
        Para([SUPERVISE]),
        _tanda(["Pihak kedua,"], jab2, nama2, pangkat2, nip2, True),
        _tanda(place, f"Pihak pertama, {p.jabatan}", p.nama, p.pangkat, p.nip, False),
        HalamanBaru(),
        Heading(1, f"Lampiran Perjanjian Kinerja Tahun {h.tahun}: {p.jabatan}"),
    ]
    rows: list[list[Run]] = []
    for n, s in enumerate(owned, 1):
        for k, i in enumerate(s.indikator or [None]):
            rows.append(
                [
                    str(n) if k == 0 else "",
                    f"{TITLE[s.level]} {s.kode} {s.uraian}" if k == 0 else "",
                    f"{i.kode} {i.uraian}" if i else "-",
                    ((i.target or "-") + (" (PK)" if i.sumber == "PK" else "")) if i else "-",
                ]
            )
    blocks.append(
        Tabel(
            "",
            f"Sasaran dan indikator kinerja {h.tahun}",
            ["No", "Sasaran/program/kegiatan", "Indikator kinerja", "Target"],
            rows,
            ["r", "l", "l", "l"],
        )  # fmt: skip
    )
    money = [s for s in owned if s.level in ("program", "kegiatan", "sub_kegiatan")]
    if money:
        blocks.append(
            Tabel(
                "",
                f"Anggaran {h.tahun}",
                ["No", "Program/kegiatan/sub kegiatan", "Anggaran (Rp)", "Keterangan"],
                [
                    [
                        str(n),
                        f"{s.kode} {s.uraian}",
                        format_angka(s.pagu) if s.pagu is not None else "-",
                        s.pagu_catatan or ("" if s.pagu is not None else "pagu belum tercatat"),
                    ]
                    for n, s in enumerate(money, 1)
                ],  # fmt: skip
                ["r", "l", "r", "l"],
            )
        )
    blocks += [
        _tanda(["Pihak kedua,"], jab2, nama2, pangkat2, nip2, True),
        _tanda(place, f"Pihak pertama, {p.jabatan}", p.nama, p.pangkat, p.nip, False),
    ]
    return blocks


def pk_document(h: HasilPohon, eselon: str | None = None) -> Dokumen:
    """The PK of every official who owns nodes (or of one eselon), each starting a page."""
    blocks: list[Block] = []
    order = {"II": 0, "III": 1, "IV": 2}
    for p in sorted(h.pejabat, key=lambda q: order.get(q.eselon, 9)):
        if eselon is not None and p.eselon != eselon:
            continue
        owned = [s for s in h.simpul if s.pemilik == p.kode]
        if not owned:
            continue
        if blocks:
            blocks.append(HalamanBaru())
        blocks += [Para([n], kind="note") for n in h.catatan]
        blocks += _pk_one(h, p, owned)
    if not blocks:
        blocks = [Para(["Tidak ada pejabat yang memiliki simpul pohon kinerja."])]
    return Dokumen(
        judul=f"Perjanjian Kinerja {h.tahun} {h.instansi}",
        blocks=blocks,
        peringatan_halaman=list(h.catatan),
        kaki=f"Perjanjian Kinerja {h.tahun}",
        asal=_asal(h),
    )


# --- Matriks Peran dan Hasil, RHK -------------------------------------------------------------


def matriks_tables(h: HasilPohon) -> list[Tabel]:
    """Per atasan: the atasan's results across the top, each subordinate down the side, in each
    cell what the subordinate's nodes contribute to that result (PermenPAN-RB 6/2022)."""
    by_code = {s.kode: s for s in h.simpul}
    out = []
    for boss in h.pejabat:
        mine = [s for s in h.simpul if s.pemilik == boss.kode]
        staff = [q for q in h.pejabat if q.atasan == boss.kode]
        if not mine or not staff:
            continue
        cells: dict[tuple[str, str], list[str]] = {}
        for s in h.simpul:
            owner = next((q for q in staff if q.kode == s.pemilik), None)
            if owner is None:
                continue
            up = by_code.get(s.induk or "")
            if up is not None and up.pemilik == s.pemilik:
                continue  # under the official's own result: that one stands for it
            while up is not None and up.pemilik != boss.kode:
                up = by_code.get(up.induk or "")
            if up is not None:
                cells.setdefault((owner.kode, up.kode), []).append(f"{s.kode} {s.uraian}")
        rows: list[list[Run]] = [
            [q.jabatan, *["\n".join(cells.get((q.kode, m.kode), [])) or "-" for m in mine]]
            for q in staff
        ]
        out.append(
            Tabel(
                "",
                f"Matriks Peran dan Hasil: {boss.jabatan}",
                ["Pejabat", *[f"{m.kode} {m.uraian}" for m in mine]],
                rows,
                ["l"] * (len(mine) + 1),
            )
        )
    return out


def rhk_rows(h: HasilPohon) -> list[list[Run]]:
    by_code = {s.kode: s for s in h.simpul}
    rows: list[list[Run]] = []
    order = {"II": 0, "III": 1, "IV": 2}
    for p in sorted(h.pejabat, key=lambda q: order.get(q.eselon, 9)):
        first = True
        for s in (x for x in h.simpul if x.pemilik == p.kode):
            up = by_code.get(s.induk or "")
            boss_rhk = f"{up.kode} {up.uraian}" if up else ", ".join(s.mendukung) or "-"
            for k, i in enumerate(s.indikator or [None]):
                rows.append(
                    [
                        f"{p.jabatan} ({ESELON_NAMA.get(p.eselon, p.eselon)})" if first else "",
                        boss_rhk if k == 0 else "",
                        f"{s.kode} {s.uraian}" if k == 0 else "",
                        f"{i.kode} {i.uraian}" if i else "-",
                        (i.target or "-") if i else "-",
                    ]
                )
                first = False
    return rows


def matriks_document(h: HasilPohon) -> Dokumen:
    blocks: list[Block] = [
        Heading(0, "MATRIKS PERAN DAN HASIL"),
        Para([(h.instansi.upper(), "bold")]),
        Para([f"Tahun {h.tahun}"]),
        *[Para([n], kind="note") for n in h.catatan],
        Para(
            [
                "Setiap matriks menempatkan hasil atasan di baris paling atas dan setiap pejabat "
                "di bawahnya di kolom kiri; setiap sel memuat hasil pejabat itu yang mendukung "
                "hasil atasan di kolomnya."
            ]
        ),
    ]
    blocks += matriks_tables(h)
    blocks.append(Heading(1, "Rencana Hasil Kerja (RHK) Pejabat"))
    blocks.append(
        Tabel(
            "",
            f"Rencana hasil kerja {h.tahun} setiap pejabat untuk SKP",
            [
                "Pejabat",
                "RHK atasan yang diintervensi",
                "Rencana hasil kerja",
                "Indikator",
                f"Target {h.tahun}",
            ],  # fmt: skip
            rhk_rows(h),
            ["l", "l", "l", "l", "l"],
        )
    )
    return Dokumen(
        judul=f"Matriks Peran dan Hasil {h.tahun} {h.instansi}",
        blocks=blocks,
        peringatan_halaman=list(h.catatan),
        kaki=f"Matriks Peran dan Hasil {h.tahun}",
        asal=_asal(h),
        landscape=True,
    )


def pohon_data(h: HasilPohon) -> dict[str, Any]:
    return h.model_dump(mode="json")
