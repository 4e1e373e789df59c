"""The quarterly performance report as a block document (every format: terminal, Markdown, Word,
Excel), and as JSON and CSV built from the same result."""

from __future__ import annotations

import io
from typing import Any

from ikutool.formatting.numbers import format_angka, format_persen
from ikutool.inputs.realisasi import RULE_TEXT
from ikutool.model.notation import component_label
from ikutool.render.blocks import Block, Dokumen, Heading, Para, Run, Tabel, placeholder
from ikutool.render.formats import csvsafe
from ikutool.reports.triwulan import HasilTriwulan, IndikatorTriwulan, KomponenTriwulan

RULE_SHORT = {"kumulatif": "kumulatif", "akhir": "akhir", "rata_rata": "rata-rata"}


def _q(value: float | None, satuan: str) -> str:
    if value is None:
        return "-"
    text = format_angka(value)
    return f"{text} %" if satuan == "%" else f"{text} {satuan}".rstrip()


def _pct(value: float | None) -> str:
    return format_persen(value).replace(" %", "").replace("%", "") if value is not None else "-"


def _sd(c: KomponenTriwulan, tw: str) -> str:
    text = _q(c.realisasi_sd_tw, c.satuan)
    if c.realisasi_sd_tw is not None and c.sd_triwulan and c.sd_triwulan != tw:
        text += f" (s.d. TW {c.sd_triwulan})"
    return text


def _rows(ind: IndikatorTriwulan, tw: str, no: str) -> list[list[Run]]:
    def comp_cells(c: KomponenTriwulan) -> list[Run]:
        target_tw = c.target_tw_tulisan or "-"
        rule = RULE_SHORT.get(c.aturan_triwulan or "", "belum ditulis")
        return [
            target_tw,
            _q(c.realisasi_tw, c.satuan),
            _pct(c.capaian_tw),
            _sd(c, tw) if c.catatan is None or c.realisasi_sd_tw is not None else c.catatan,
            rule,
            c.target_tahun_tulisan or "-",
            _pct(c.capaian_sd_tw),
        ]

    warn = " (!)" if ind.peringatan else ""
    if len(ind.komponen) == 1:
        return [
            [
                no,
                f"{ind.kode} {ind.uraian}{warn}",
                *comp_cells(ind.komponen[0]),
                ind.kategori or "-",
            ]
        ]
    out: list[list[Run]] = [
        [no, f"{ind.kode} {ind.uraian}{warn}", "", "", _pct(ind.capaian_tw), "", "", "",
         _pct(ind.capaian_sd_tw), ind.kategori or "-"]
    ]  # fmt: skip
    for c in ind.komponen:
        out.append(["", f"- {component_label(c.kunci, c.satuan, c.uraian)}", *comp_cells(c), ""])
    return out


def triwulan_document(h: HasilTriwulan) -> Dokumen:
    tw = h.triwulan
    blocks: list[Block] = [
        Heading(0, f"LAPORAN KINERJA TRIWULAN {tw} TAHUN {h.tahun}"),
        Para([(h.instansi.upper(), "bold")]),
        *[Para([n], kind="note") for n in h.catatan],
        Heading(1, "A. Capaian Kinerja"),
    ]
    rows: list[list[Run]] = []
    bold: set[int] = set()
    warnings: list[str] = []
    for s in h.sasaran:
        bold.add(len(rows))
        total = len(s.indikator)
        if s.jenis != "sasaran":
            mean_note = "tidak dirata-rata"
        elif s.dirata_tw == s.dirata_sd_tw:
            mean_note = f"rata-rata {s.dirata_sd_tw} dari {total} indikator"
        else:
            mean_note = (
                f"rata-rata {s.dirata_tw} (TW {tw}) dan {s.dirata_sd_tw} (s.d. TW {tw}) dari "
                f"{total} indikator"
            )
        rows.append(
            ["", f"{s.kode} {s.uraian} ({mean_note})", "", "", _pct(s.capaian_tw), "", "", "",
             _pct(s.capaian_sd_tw), s.kategori or "-"]
        )  # fmt: skip
        for n, ind in enumerate(s.indikator, 1):
            rows += _rows(ind, tw, str(n))
            warnings += [f"(!) {ind.kode}: {_plain(w)}" for w in ind.peringatan]
    if h.sasaran:
        bold.add(len(rows))
        rows.append(
            ["", f"Capaian rata-rata {h.dirata} dari "
             f"{sum(1 for s in h.sasaran if s.jenis == 'sasaran')} sasaran", "", "", _pct(h.capaian_tw), "", "", "",
             _pct(h.capaian_sd_tw), h.kategori or "-"]
        )  # fmt: skip
    blocks.append(
        Tabel(
            "Tabel 1",
            f"Capaian indikator kinerja triwulan {tw} tahun {h.tahun}",
            [
                "No",
                "Sasaran / indikator",
                f"Target TW {tw}",
                f"Realisasi TW {tw}",
                f"Capaian TW {tw} (%)",
                f"Realisasi s.d. TW {tw}",
                "Aturan triwulan",
                f"Target {h.tahun}",
                f"Capaian s.d. TW {tw} (%)",
                "Kategori",
            ],
            rows,
            ["l", "l", "r", "r", "r", "r", "l", "r", "r", "l"],
            bold_rows=bold,
            catatan=[
                f"Capaian TW {tw} = realisasi TW {tw} / target TW {tw} (rencana aksi) x 100. "
                f"Realisasi s.d. TW {tw} menurut aturan triwulan indikatornya: "
                + "; ".join(
                    f"{RULE_SHORT[k]} = {v.split(', ', 1)[-1]}" for k, v in RULE_TEXT.items()
                )
                + f". Capaian s.d. TW {tw} = realisasi s.d. TW {tw} / target tahunan x 100; "
                "kategori menurut capaian s.d. triwulan ini.",
                "Sasaran: rata-rata capaian indikatornya yang berangka; '-': belum dapat dihitung "
                "(tanpa target triwulan atau tanpa realisasi).",
                *warnings,
            ],
        )  # fmt: skip
    )
    blocks.append(Heading(1, "B. Rencana Aksi, Kendala dan Tindak Lanjut"))
    aksi_rows: list[list[Run]] = []
    for s in h.sasaran:
        for ind in s.indikator:
            aksi_rows.append(
                [
                    f"{ind.kode} {ind.uraian}",
                    ind.aksi or "-",
                    ind.catatan or placeholder(f"kendala dan tindak lanjut TW {tw}"),
                ]
            )
    blocks.append(
        Tabel(
            "Tabel 2",
            f"Rencana aksi dan catatan triwulan {tw}",
            ["Indikator", f"Rencana aksi TW {tw}", "Kendala dan tindak lanjut"],
            aksi_rows,
            ["l", "l", "l"],
        )
    )
    if h.program:
        blocks.append(Heading(1, "C. Realisasi Anggaran Program"))
        prog_rows: list[list[Run]] = []
        prog_notes: list[str] = []
        for n, p in enumerate(h.program, 1):
            mark = " (!)" if p.peringatan else ""
            prog_notes += [f"(!) {p.kode or p.nama}: {w}" for w in p.peringatan]
            prog_rows.append(
                [str(n), f"{p.kode + ' ' if p.kode else ''}{p.nama}{mark}", ", ".join(p.sasaran),
                 _rp(p.pagu), _rp(p.realisasi_rp_tw), _rp(p.realisasi_rp_sd_tw),
                 _pct(p.serapan_sd_tw)]
            )  # fmt: skip
        prog_rows.append(
            ["", "Jumlah", "", _rp(h.pagu), "", _rp(h.realisasi_rp_sd_tw), _pct(h.serapan_sd_tw)]
        )
        blocks.append(
            Tabel(
                "Tabel 3",
                f"Realisasi anggaran program s.d. triwulan {tw} tahun {h.tahun}",
                [
                    "No",
                    "Program",
                    "Sasaran",
                    "Pagu (Rp)",
                    f"Realisasi TW {tw} (Rp)",
                    f"Realisasi s.d. TW {tw} (Rp)",
                    "Serapan (%)",
                ],
                prog_rows,
                ["l", "l", "l", "r", "r", "r", "r"],
                bold_rows={len(prog_rows) - 1},
                catatan=[f"Serapan = realisasi s.d. TW {tw} / pagu x 100.", *prog_notes],
            )  # fmt: skip
        )
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
    return format_angka(value) if value is not None else "-"


def _plain(warning: str) -> str:
    """A warning for a person: without its code."""
    code, _, rest = warning.partition(" ")
    return rest if code.startswith("IKU") and rest else warning


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
         "target_tw", "realisasi_tw", "capaian_tw", "realisasi_sd_tw", "sd_triwulan",
         "target_tahun", "capaian_sd_tw", "indikator_capaian_tw", "indikator_capaian_sd_tw",
         "kategori", "status_data"]
    )  # fmt: skip

    def num(v: float | None) -> str:
        return "" if v is None else repr(v)

    for s in h.sasaran:
        for ind in s.indikator:
            for c in ind.komponen:
                w.writerow(
                    [h.tahun, h.triwulan, s.kode, ind.kode, c.kunci, c.satuan,
                     c.aturan_triwulan or "", num(c.target_tw), num(c.realisasi_tw),
                     num(c.capaian_tw), num(c.realisasi_sd_tw), c.sd_triwulan or "",
                     num(c.target_tahun), num(c.capaian_sd_tw), num(ind.capaian_tw),
                     num(ind.capaian_sd_tw), ind.kategori or "", h.status_data or ""]
                )  # fmt: skip
    return buf.getvalue()
