"""``iku diff`` as a block document (terminal and Markdown) and JSON from the same result."""

from __future__ import annotations

from typing import Any

from ikutool.definition.diff import KIND_WORDS, HasilDiff, Perubahan, Riwayat
from ikutool.render.blocks import Block, Dokumen, Heading, Para, Run, Tabel


def _rows(changes: list[Perubahan]) -> list[list[Run]]:
    rows: list[list[Run]] = []
    for n, p in enumerate(changes, 1):
        where = f"{p.berkas}:{p.baris}" if p.berkas and p.baris else (p.berkas or "-")
        kode = f"{p.kode_lama} -> {p.kode}" if p.kode_lama else p.kode
        rows.append(
            [str(n), KIND_WORDS.get(p.jenis, p.jenis), kode, p.uraian,
             str(p.tahun) if p.tahun else "-", p.lama or "-", p.baru or "-", where]
        )  # fmt: skip
    return rows


HEAD = ["No", "Perubahan", "Kode", "Indikator", "Tahun", "Lama", "Baru", "Letak"]
ALIGN = ["r", "l", "l", "l", "r", "l", "l", "l"]


def diff_document(h: HasilDiff) -> Dokumen:
    what = "IKU" if h.jenis_berkas == "iku" else "Perjanjian Kinerja"
    blocks: list[Block] = [Heading(1, f"Perbedaan {what}: {h.lama} -> {h.baru}")]
    if h.perubahan:
        blocks.append(Tabel("", "", HEAD, _rows(h.perubahan), ALIGN))
    counts: dict[str, int] = {}
    for p in h.perubahan:
        counts[KIND_WORDS.get(p.jenis, p.jenis)] = (
            counts.get(KIND_WORDS.get(p.jenis, p.jenis), 0) + 1
        )
    summary = "; ".join(f"{v} {k}" for k, v in counts.items()) or "tidak ada perbedaan isi"
    blocks.append(Para([f"{len(h.perubahan)} perubahan: {summary}."]))
    return Dokumen(f"Perbedaan {what}", blocks)


def riwayat_document(r: Riwayat, awal: int | None = None, akhir: int | None = None) -> Dokumen:
    from ikutool.formatting.numbers import format_angka

    read = len(r.versi)
    count = (
        f"{format_angka(read)} versi tercatat"
        if read >= r.jumlah
        else f"{format_angka(read)} dari {format_angka(r.jumlah)} versi dibaca"
    )
    blocks: list[Block] = [Heading(1, f"Riwayat {r.berkas}: {count}")]
    for why in r.kekurangan:
        blocks.append(Para([f"Riwayat tidak utuh: {why}."], kind="small"))
    for v in r.versi:
        title = f"{v.tanggal} {v.commit[:8]} {v.judul}".strip()
        blocks.append(Heading(2, title))
        if v.catatan:
            blocks.append(Para([v.catatan], kind="small"))
        if v is r.versi[0]:
            blocks.append(Para(["versi pertama yang tercatat"], kind="small"))
        elif v.perubahan:
            blocks.append(Tabel("", "", HEAD, _rows(v.perubahan), ALIGN))
        elif not v.catatan:
            blocks.append(
                Para(["tidak ada perubahan isi (hanya komentar atau susunan)"], kind="small")
            )
    if awal is not None and akhir is not None:
        changed = r.berubah_dalam(awal, akhir)
        blocks.append(Para([f"IKU berubah isi {len(changed)} kali dalam periode {awal}-{akhir}."]))
    return Dokumen(f"Riwayat {r.berkas}", blocks)


def diff_data(h: Any) -> dict[str, Any]:
    return h.model_dump(mode="json")
