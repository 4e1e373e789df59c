"""The LKjIP chapter as a document (:mod:`ikutool.render.blocks`): Bab II (the Perjanjian
Kinerja), Bab III (per sasaran, the seven analyses as numbered tables; realisasi anggaran: in
:mod:`ikutool.render.documents.lkjip_bab3`), Bab IV (the officer's conclusion), the signature,
then the Lampiran on a page of their own. Built once from :class:`ikutool.reports.lkjip.Lkjip`;
every format lays out the same blocks.

Generated sentences and the officer's own words are kept apart: the officer's text is placed
verbatim, and where it is missing a visible placeholder in the officer's words ("[diisi: faktor
pendorong]") stands in its place, never invented prose. A warning about a figure is a note under
the table that shows it, beside a mark on the figure.
"""

from __future__ import annotations

from typing import Any

from ikutool import __version__
from ikutool.formatting.numbers import format_persen, tanggal
from ikutool.render.blocks import (
    Block,
    Dokumen,
    HalamanBaru,
    Heading,
    Para,
    Tabel,
    Tanda,
    placeholder,
    tanda_kepala,
)
from ikutool.render.documents import pengukuran
from ikutool.render.documents.lkjip_bab3 import bab3
from ikutool.render.wording import group_name, pk_name, target_text
from ikutool.reports.lkjip import Lkjip


def provenance(lk: Lkjip) -> list[str]:
    """Where every figure came from: the document's properties and the terminal, not its text."""
    out = [f"Disusun dengan ikutool {__version__}.", f"IKU: {lk.berkas_iku}"]
    out.append(f"Realisasi: {lk.berkas_realisasi}")
    out.append(f"Perjanjian Kinerja: {lk.berkas_pk or '-'}")
    out.append(f"Anggaran: {lk.berkas_anggaran or '-'}")
    return out


def lkjip_document(lk: Lkjip, *, kolofon: bool = False, pohon: Any = None) -> Dokumen:
    """The LKjIP as blocks. ``kolofon``: add a last page naming the files it was computed from
    (for the planning office's own copy; left out of what is handed in). ``pohon``: the year's
    pohon kinerja (:class:`~ikutool.reports.pohon.HasilPohon`), drawn in Bab II when there is
    one."""
    blocks: list[Block] = [
        Heading(0, f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {lk.tahun}"),
        Para([(lk.instansi.upper(), "bold")]),
    ]
    if lk.pemerintah:
        blocks.append(Para([lk.pemerintah.upper()]))
    blocks += [Para([n], kind="note") for n in lk.catatan]
    blocks += _bab2(lk)
    if pohon is not None:
        from ikutool.render.documents.pohon import lkjip_section

        blocks += lkjip_section(pohon)
    blocks += bab3(lk)
    blocks += _bab4(lk)
    blocks.append(_signature(lk))
    blocks += _lampiran(lk)
    if kolofon:
        blocks += [HalamanBaru(), Heading(2, "Keterangan penyusunan")]
        blocks += [Para([line], kind="small") for line in provenance(lk)]
    return Dokumen(
        judul=f"LKjIP {lk.tahun} {lk.instansi}",
        blocks=blocks,
        peringatan_halaman=list(lk.catatan),
        kaki=f"LKjIP {lk.tahun} - {lk.instansi}",
        asal=provenance(lk),
    )


# --- Bab II ----------------------------------------------------------------------------------


def _pk_rows(lk: Lkjip) -> tuple[list[list[Any]], bool]:
    rows: list[list[Any]] = []
    any_pk = False
    for no, sas in enumerate(lk.sasaran, 1):
        for k, ind in enumerate(sas.indikator):
            h = ind.hasil
            if h.target_teks is None:
                continue
            any_pk = any_pk or ind.target_sumber == "pk"
            rows.append(
                [
                    str(no) if k == 0 else "",
                    group_name(sas) if k == 0 else "",
                    f"{ind.kode} {ind.uraian}",
                    target_text(h, "; ").replace(" (PK)", ""),
                    pk_name(h) if ind.target_sumber == "pk" else "Renstra",
                    h.target_renstra_teks or "",
                ]
            )
    return rows, any_pk


def _pk_table(lk: Lkjip, nomor: str) -> Tabel:
    rows, any_pk = _pk_rows(lk)
    n = 6 if any_pk else 5
    header = ["No", "Sasaran", "Indikator Kinerja", f"Target {lk.tahun}", "Sumber target"]
    return Tabel(
        nomor,
        f"Perjanjian Kinerja Tahun {lk.tahun}",
        [*header, "Target Renstra"][:n],
        [r[:n] for r in rows],
        ["r", "l", "l", "r", "l", "r"][:n],
    )


def _bab2(lk: Lkjip) -> list[Block]:
    out: list[Block] = [
        Heading(1, "BAB II PERENCANAAN KINERJA"),
        Heading(2, "Indikator Kinerja Utama"),
        Para(
            [
                f"Indikator Kinerja Utama {lk.periode_awal}-{lk.periode_akhir}, dengan formula, "
                "kondisi awal dan sumber datanya:"
            ]
        ),
        _iku_table(lk, "Tabel 2.1"),
        Heading(2, f"Perjanjian Kinerja Tahun {lk.tahun}"),
    ]
    if lk.berkas_pk:
        signed = (
            f" yang ditandatangani pada {tanggal(lk.pk_ditandatangani)}"
            if lk.pk_ditandatangani
            else ""
        )
        revised = (
            " dan diubah dengan PK perubahan tanggal "
            + ", ".join(tanggal(d) for d in lk.pk_perubahan)
            if lk.pk_perubahan
            else ""
        )
        out.append(
            Para(
                [
                    f"Perjanjian Kinerja tahun {lk.tahun}{signed}{revised} memuat target berikut. "
                    "Target yang berbeda dari Renstra ditandai PK (atau PK perubahan, dengan "
                    "tanggalnya), dengan target Renstra-nya; capaian tahun ini diukur terhadap "
                    "target PK tersebut."
                ]
            )
        )
    else:
        out.append(
            Para(
                [
                    f"Target kinerja tahun {lk.tahun} yang diukur adalah target Renstra tahun itu "
                    "sebagaimana tercantum dalam Perjanjian Kinerja yang ditandatangani pada ",
                    placeholder("tanggal penandatanganan Perjanjian Kinerja"),
                    ".",
                ]
            )
        )
    out.append(_pk_table(lk, "Tabel 2.2"))
    return out


def _iku_table(lk: Lkjip, nomor: str) -> Tabel:
    """The IKU as the Renstra sets it: each indicator with its formula, kondisi awal, this
    year's and the end target, and its data source (Bab II, before the PK)."""
    rows: list[list[Any]] = []
    for no, ind in enumerate(lk.manual, 1):
        this_year = next((t.teks for t in ind.target if t.tahun == lk.tahun), None)
        note = f"\nKeterangan: {ind.keterangan}" if ind.keterangan else ""
        rows.append(
            [
                str(no),
                f"{ind.kode} {ind.uraian}{note}",
                ind.formula or placeholder("formula"),
                ind.kondisi_awal or placeholder("kondisi awal"),
                this_year or "-",
                ind.target_akhir or "-",
                ind.sumber_data or placeholder("sumber data"),
            ]
        )
    return Tabel(
        nomor,
        f"Indikator Kinerja Utama {lk.periode_awal}-{lk.periode_akhir}",
        [
            "No",
            "Indikator Kinerja",
            "Formula",
            "Kondisi awal",
            f"Target {lk.tahun}",
            f"Target {lk.periode_akhir}",
            "Sumber data",
        ],
        rows,
        ["r", "l", "l", "r", "r", "r", "l"],
    )


# --- Bab IV, signature, Lampiran ---------------------------------------------------------------


def _bab4(lk: Lkjip) -> list[Block]:
    return [
        Heading(1, "BAB IV PENUTUP"),
        Para(
            [
                f"Capaian kinerja tahun {lk.tahun} secara keseluruhan {format_persen(lk.capaian)}"
                + (f" (kategori {lk.kategori}). " if lk.kategori else ". "),
                placeholder("simpulan, kendala utama dan langkah perbaikan tahun berikutnya"),
            ]
        ),
    ]


def _signature(lk: Lkjip) -> Tanda:
    return tanda_kepala(lk.kota, lk.kepala, lk.instansi, lk.tahun + 1)


def _lampiran(lk: Lkjip) -> list[Block]:
    table = pengukuran.table(lk.pengukuran, document=True)
    rows = [b.cells() for b in table.baris]
    bold = {i for i, b in enumerate(table.baris) if b.tebal}
    return [
        HalamanBaru(),
        Heading(1, "LAMPIRAN"),
        _pk_table(lk, "Lampiran 1"),
        Tabel(
            "Lampiran 2",
            f"Pengukuran Kinerja Tahun {lk.tahun}",
            list(table.header),
            rows,
            ["r", "l", "l", "l", "r", "r", "r", "l"],
            bold,
            catatan=table.catatan,
        ),
    ]
