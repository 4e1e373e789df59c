"""The Manual IKU as a document (:mod:`ikutool.render.blocks`): one block per indicator, a
two-column table of what the agency wrote about it, each indicator on a page of its own (as
agencies publish it). A field the IKU file leaves empty is a visible gap in the officer's words
("[diisi: definisi operasional]"), never invented text.
"""

from __future__ import annotations

from ikutool import __version__
from ikutool.definition.manual import (
    AGREGASI_TEXT,
    FIELDS,
    POLARITAS_TEXT,
    IndikatorManual,
    ManualIku,
)
from ikutool.render.blocks import Block, Dokumen, HalamanBaru, Heading, Para, Run, Tabel
from ikutool.render.blocks import placeholder as gap

GROUP_WORD = {"sasaran": "Sasaran", "kelompok": "Kelompok", "tujuan": "Tujuan"}


def _field(ind: IndikatorManual, name: str, value: str | None) -> Run:
    return value if value else gap(FIELDS[name].lower())


def rows(ind: IndikatorManual) -> list[list[Run]]:
    """The rows of one indicator's block: (what, its text or a gap)."""
    out: list[list[Run]] = [
        [
            GROUP_WORD.get(ind.kelompok_jenis, "Sasaran"),
            f"{ind.kelompok_kode} {ind.kelompok_uraian}",
        ],
        ["Indikator kinerja", f"{ind.kode} {ind.uraian}"],
        ["Definisi operasional", _field(ind, "definisi", ind.definisi)],
        ["Alasan pemilihan indikator", _field(ind, "alasan", ind.alasan)],
        ["Formula", _field(ind, "formula", ind.formula)],
        ["Satuan", ind.satuan or gap("satuan")],
        ["Polaritas", POLARITAS_TEXT.get(ind.polaritas, ind.polaritas)],
        [
            "Frekuensi pengukuran",
            ind.frekuensi or gap("frekuensi pengukuran"),
        ],
    ]
    if ind.agregasi_triwulan or ind.frekuensi in ("triwulanan", "semesteran"):
        out.append(
            [
                "Angka tahunan dari triwulan",
                AGREGASI_TEXT[ind.agregasi_triwulan]
                if ind.agregasi_triwulan
                else gap("cara menjadikan angka triwulan angka tahunan"),
            ]
        )
    out.append(["Kondisi awal", _field(ind, "kondisi_awal", ind.kondisi_awal)])
    out += [[f"Target {t.tahun}", t.teks or "-"] for t in ind.target]
    out += [
        ["Target akhir periode", ind.target_akhir or "-"],
        ["Sumber data", _field(ind, "sumber_data", ind.sumber_data)],
        ["Penanggung jawab", _field(ind, "penanggung_jawab", ind.penanggung_jawab)],
        ["Penyedia data", _field(ind, "penyedia_data", ind.penyedia_data)],
    ]
    if ind.keterangan:
        out.append(["Keterangan", ind.keterangan])
    return out


def manual_document(manual: ManualIku) -> Dokumen:
    period = f"{manual.periode_awal}-{manual.periode_akhir}"
    blocks: list[Block] = [
        Heading(0, f"MANUAL INDIKATOR KINERJA UTAMA {period}"),
        Para([(manual.instansi.upper(), "bold")]),
    ]
    if manual.pemerintah:
        blocks.append(Para([manual.pemerintah.upper()]))
    for n, ind in enumerate(manual.indikator, 1):
        if n > 1:
            blocks.append(HalamanBaru())
        blocks += [
            Heading(2, f"{ind.kode} {ind.uraian}"),
            Tabel(
                f"Tabel {n}",
                f"Manual IKU {ind.kode}",
                ["Unsur", "Uraian"],
                rows(ind),
                ["l", "l"],
            ),
        ]
    if not manual.indikator:
        blocks.append(Para(["Tidak ada indikator."]))
    return Dokumen(
        judul=f"Manual IKU {manual.instansi} {period}",
        blocks=blocks,
        kaki=f"Manual IKU {period} - {manual.instansi}",
        asal=[f"Disusun dengan ikutool {__version__}.", f"IKU: {manual.berkas_iku}"],
    )


def completeness(manual: ManualIku) -> list[str]:
    """What is still to be written, for the officer (the terminal), never in the document."""
    total = len(manual.indikator)
    done = manual.lengkap
    out = [
        f"Manual IKU lengkap (definisi, formula, sumber data): {len(done)} dari {total} indikator."
    ]
    for ind in manual.indikator:
        if ind.kosong:
            missing = ", ".join(FIELDS[name].lower() for name in ind.kosong)
            out.append(f"{ind.kode}: belum diisi {missing}")
    return out
