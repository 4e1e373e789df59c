"""The quarterly performance report as a block document (every format: terminal, Markdown, Word,
Excel), and as JSON and CSV built from the same result."""

from __future__ import annotations

import io
from typing import Any

from ikutool.formatting.values import besaran, persen, rupiah
from ikutool.model.notation import component_label
from ikutool.render.blocks import (
    Block,
    Dokumen,
    Heading,
    Para,
    Run,
    Tabel,
    placeholder,
    tanda_kepala,
)
from ikutool.render.formats import csvsafe
from ikutool.reports.triwulan import (
    HasilTriwulan,
    IndikatorTriwulan,
    KomponenTriwulan,
    SasaranTriwulan,
    rule_note,
)

RULE_SHORT = {"kumulatif": "kumulatif", "akhir": "akhir", "rata_rata": "rata-rata"}


def _q(value: float | None, c: KomponenTriwulan, *, so_far: bool = False) -> str:
    """A quarter's quantity in its target's form (``BB``, ``Rp 1.150.000.000``, ``80 UMKM``);
    ``so_far``: a figure made of several quarters (a mean has two decimals at most)."""
    return besaran(
        value, c.satuan, jenis=c.jenis, skala=c.skala, rasio_dari=c.rasio_dari,
        rerata=so_far and c.aturan_triwulan == "rata_rata",
    )  # fmt: skip


def _pct(value: float | None) -> str:
    return persen(value, unit=False)  # under a column headed "(%)"


def _sd(c: KomponenTriwulan, tw: str) -> str:
    text = _q(c.realisasi_sd_tw, c, so_far=True)
    if c.realisasi_sd_tw is not None and c.sd_triwulan and c.sd_triwulan != tw:
        text += f" (s.d. TW {c.sd_triwulan})"
    return text


def _rows(ind: IndikatorTriwulan, tw: str, no: str) -> list[list[Run]]:
    def comp_cells(c: KomponenTriwulan) -> list[Run]:
        if ind.tahunan_belum:  # an annual indicator before TW IV: nothing to judge yet
            return ["-", "-", "-", "-", c.catatan or "-", "-", c.target_tahun_tulisan or "-", "-"]
        real_sd = _sd(c, tw) if c.catatan is None or c.realisasi_sd_tw is not None else c.catatan
        return [
            c.target_tw_tulisan or "-",
            _q(c.realisasi_tw, c),
            _pct(c.capaian_tw),
            _q(c.target_sd_tw, c, so_far=True),
            real_sd,
            _pct(c.capaian_sd_tw),
            c.target_tahun_tulisan or "-",
            _pct(c.progres_tahun),
        ]

    warn = " (!)" if ind.peringatan else ""
    name = f"{ind.kode} {ind.uraian}{warn}"
    if len(ind.komponen) == 1:
        return [[no, name, *comp_cells(ind.komponen[0]), ind.kategori or "-"]]
    out: list[list[Run]] = [
        [no, name, "", "", _pct(ind.capaian_tw), "", "", _pct(ind.capaian_sd_tw), "",
         _pct(ind.progres_tahun), ind.kategori or "-"]
    ]  # fmt: skip
    for c in ind.komponen:
        out.append(["", f"- {component_label(c.kunci, c.satuan, c.uraian)}", *comp_cells(c), ""])
    return out


def _mean_note(s: SasaranTriwulan, tw: str) -> str:
    total = len(s.indikator)
    if s.jenis != "sasaran":
        return "tidak dirata-rata"
    if s.dirata_tw == s.dirata_sd_tw:
        return f"rata-rata {s.dirata_sd_tw} dari {total} indikator"
    return (
        f"rata-rata {s.dirata_tw} (TW {tw}) dan {s.dirata_sd_tw} (s.d. TW {tw}) dari {total} "
        "indikator"
    )


def _capaian_table(h: HasilTriwulan) -> Tabel:
    tw = h.triwulan
    rows: list[list[Run]] = []
    bold: set[int] = set()
    warnings: list[str] = []
    for s in h.sasaran:
        bold.add(len(rows))
        rows.append(
            ["", f"{s.kode} {s.uraian} ({_mean_note(s, tw)})", "", "", _pct(s.capaian_tw), "", "",
             _pct(s.capaian_sd_tw), "", _pct(s.progres_tahun), s.kategori or "-"]
        )  # fmt: skip
        for n, ind in enumerate(s.indikator, 1):
            rows += _rows(ind, tw, str(n))
            warnings += [f"(!) {ind.kode}: {_plain(w)}" for w in ind.peringatan]
    if h.sasaran:
        bold.add(len(rows))
        n_sasaran = sum(1 for s in h.sasaran if s.jenis == "sasaran")
        rows.append(
            ["", f"Capaian rata-rata {h.dirata} dari {n_sasaran} sasaran", "", "",
             _pct(h.capaian_tw), "", "", _pct(h.capaian_sd_tw), "", _pct(h.progres_tahun),
             h.kategori or "-"]
        )  # fmt: skip
    annual = [i.kode for s in h.sasaran for i in s.indikator if i.tahunan_belum]
    notes = [rule_note(tw)]
    if not h.ada_renaksi:
        said = "belum berisi target triwulan" if h.berkas_renaksi else "belum ada"
        notes.append(
            f"Rencana aksi tahun {h.tahun} {said}: target triwulan dan target s.d. TW {tw} "
            "kosong, dan tidak ada capaian yang dinilai terhadap rencana"
            + (" (kategori TW IV menurut target tahunan)." if tw == "IV" else ".")
        )
    if annual:
        notes.append(
            f"Diukur tahunan (dinilai pada TW IV, tidak masuk rata-rata TW {tw}): "
            + ", ".join(annual)
            + "."
        )
    if h.pk_berlaku:
        notes.append(h.pk_berlaku)
    notes.append(
        "Sasaran: rata-rata capaian indikatornya yang berangka; '-': belum dapat dihitung "
        "(tanpa target atau tanpa realisasi)."
    )
    return Tabel(
        "Tabel 1",
        f"Capaian indikator kinerja triwulan {tw} tahun {h.tahun}",
        [
            "No",
            "Sasaran / indikator",
            f"Target TW {tw}",
            f"Realisasi TW {tw}",
            f"Capaian TW {tw} (%)",
            f"Target s.d. TW {tw}",
            f"Realisasi s.d. TW {tw}",
            f"Capaian s.d. TW {tw} (%)",
            f"Target {h.tahun}",
            "Progres terhadap target tahunan (%)",
            "Kategori",
        ],
        rows,
        ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "l"],
        bold_rows=bold,
        catatan=[*notes, *warnings],
    )


def _aksi_table(h: HasilTriwulan) -> Tabel:
    """Tabel 2: each indicator's planned action for the quarter and the officer's kendala and
    tindak lanjut (the rencana aksi's catatan), a visible gap where none is written."""
    tw = h.triwulan
    rows: list[list[Run]] = [
        [f"{ind.kode} {ind.uraian}", ind.aksi or "-",
         ind.catatan or placeholder(f"kendala dan tindak lanjut TW {tw}")]
        for s in h.sasaran
        for ind in s.indikator
    ]  # fmt: skip
    return Tabel(
        "Tabel 2",
        f"Rencana aksi dan catatan triwulan {tw}",
        ["Indikator", f"Rencana aksi TW {tw}", "Kendala dan tindak lanjut"],
        rows,
        ["l", "l", "l"],
    )


def _program_table(h: HasilTriwulan) -> Tabel:
    """Tabel 3: each program's pagu, realisasi in and up to the quarter, serapan; the total."""
    tw = h.triwulan
    rows: list[list[Run]] = []
    notes: list[str] = []
    for n, p in enumerate(h.program, 1):
        mark = " (!)" if p.peringatan else ""
        notes += [f"(!) {p.kode or p.nama}: {w}" for w in p.peringatan]
        rows.append(
            [str(n), f"{p.kode + ' ' if p.kode else ''}{p.nama}{mark}", ", ".join(p.sasaran),
             _rp(p.pagu), _rp(p.realisasi_rp_tw), _rp(p.realisasi_rp_sd_tw),
             _pct(p.serapan_sd_tw)]
        )  # fmt: skip
    rows.append(
        ["", "Jumlah", "", _rp(h.pagu), "", _rp(h.realisasi_rp_sd_tw), _pct(h.serapan_sd_tw)]
    )
    return Tabel(
        "Tabel 3",
        f"Realisasi anggaran program s.d. triwulan {tw} tahun {h.tahun}",
        ["No", "Program", "Sasaran", "Pagu (Rp)", f"Realisasi TW {tw} (Rp)",
         f"Realisasi s.d. TW {tw} (Rp)", "Serapan (%)"],
        rows,
        ["l", "l", "l", "r", "r", "r", "r"],
        bold_rows={len(rows) - 1},
        catatan=[f"Serapan = realisasi s.d. TW {tw} / pagu x 100.", *notes],
    )  # fmt: skip


def triwulan_document(h: HasilTriwulan) -> Dokumen:
    from ikutool.render.documents.grafik import serapan_chart, triwulan_chart

    tw = h.triwulan
    blocks: list[Block] = [
        Heading(0, f"LAPORAN KINERJA TRIWULAN {tw} TAHUN {h.tahun}"),
        Para([(h.instansi.upper(), "bold")]),
        *[Para([n], kind="note") for n in h.catatan],
        Heading(1, "A. Capaian Kinerja"),
        _capaian_table(h),
    ]
    if (chart := triwulan_chart(h, "Grafik 1", "Angka lengkap pada Tabel 1.")) is not None:
        blocks.append(chart)
    blocks += [Heading(1, "B. Rencana Aksi, Kendala dan Tindak Lanjut"), _aksi_table(h)]
    if h.program:
        blocks += [Heading(1, "C. Realisasi Anggaran Program"), _program_table(h)]
        chart = serapan_chart(
            "Grafik 2",
            f"Serapan anggaran program s.d. triwulan {tw} tahun {h.tahun}",
            [(p.kode or "", p.nama, p.serapan_sd_tw) for p in h.program],
            "Angka lengkap pada Tabel 3.",
        )
        if chart is not None:
            blocks.append(chart)
    # signed by the head, in the month after the quarter (TW IV: the next January)
    blocks.append(tanda_kepala(h.kota, h.kepala, h.instansi, h.tahun + (tw == "IV")))
    from ikutool import __version__

    return Dokumen(
        judul=f"Laporan Kinerja Triwulan {tw} Tahun {h.tahun}",
        blocks=blocks,
        peringatan_halaman=list(h.catatan),
        kaki=f"Laporan Kinerja Triwulan {tw} Tahun {h.tahun}",
        asal=[
            f"Disusun dengan ikutool {__version__}.",
            *(
                f"{k}: {v}"
                for k, v in (
                    ("IKU", h.berkas_iku),
                    ("Realisasi", h.berkas_realisasi),
                    ("Rencana aksi", h.berkas_renaksi),
                    ("PK", h.berkas_pk),
                    ("Program", h.berkas_program),
                )
                if v
            ),
        ],  # fmt: skip
        landscape=True,
    )


def _rp(value: float | None) -> str:
    return rupiah(value, unit=False)  # under a column headed "(Rp)"


def _plain(warning: str) -> str:
    """A warning as the report's reader reads it (what the figure is, not what to edit)."""
    from ikutool.render.wording import for_reader

    return for_reader(warning)


def triwulan_data(h: HasilTriwulan) -> dict[str, Any]:
    """The JSON: ``indikator[]`` flat (every indicator with its sasaran), ``sasaran[]`` with their
    means, ``program[]``; the same figures the tables show."""
    data = h.model_dump(mode="json")
    indikator = []
    for s in data["sasaran"]:
        for ind in s.pop("indikator"):
            indikator.append({"sasaran": s["kode"], **ind})
    data["indikator"] = indikator
    return data


def triwulan_csv(h: HasilTriwulan) -> str:
    buf = io.StringIO()
    w = csvsafe.writer(buf)
    w.writerow(
        ["tahun", "triwulan", "sasaran", "kode", "komponen", "satuan", "aturan_triwulan",
         "target_tw", "realisasi_tw", "capaian_tw", "target_sd_tw", "realisasi_sd_tw",
         "sd_triwulan", "capaian_sd_tw", "target_tahun", "progres_tahun",
         "indikator_capaian_tw", "indikator_capaian_sd_tw", "indikator_progres_tahun",
         "kategori", "dasar_kategori", "status_data"]
    )  # fmt: skip

    def num(v: float | None) -> str:
        return "" if v is None else repr(v)

    for s in h.sasaran:
        for ind in s.indikator:
            for c in ind.komponen:
                w.writerow(
                    [h.tahun, h.triwulan, s.kode, ind.kode, c.kunci, c.satuan,
                     c.aturan_triwulan or "", num(c.target_tw), num(c.realisasi_tw),
                     num(c.capaian_tw), num(c.target_sd_tw), num(c.realisasi_sd_tw),
                     c.sd_triwulan or "", num(c.capaian_sd_tw), num(c.target_tahun),
                     num(c.progres_tahun), num(ind.capaian_tw), num(ind.capaian_sd_tw),
                     num(ind.progres_tahun), ind.kategori or "", ind.dasar_kategori or "",
                     h.status_data or ""]
                )  # fmt: skip
    return buf.getvalue()
