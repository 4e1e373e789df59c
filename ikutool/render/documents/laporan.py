"""The pengukuran kinerja table of one year, the multi-year report and the Renstra evaluation as
documents (:mod:`ikutool.render.blocks`), for Markdown (and every other block renderer).

Like every document an officer pastes into a report, they hold the agency's words and figures
only: marks beside figures, notes under tables (each warning beside the figure it concerns), and
no file name, tool name or error code; the CLI says on stderr which files they came from.
"""

from __future__ import annotations

from typing import Any

from ikutool.compute.capaian import HasilCapaian, HasilIndikator
from ikutool.formatting.numbers import format_persen
from ikutool.render.blocks import Block, Dokumen, Heading, Para, Tabel
from ikutool.render.documents import pengukuran
from ikutool.render.documents.pengukuran import WARN_MARK
from ikutool.render.wording import (
    PARTIAL_NOTE,
    bidang_mean_label,
    capaian_cell,
    end_target_text,
    group_name,
    laporan_bidang_label,
    laporan_overall,
    laporan_sasaran_label,
    mean_label,
    notice,
    realisasi_text,
    report_notices,
    target_text,
)

ALIGN_PENGUKURAN = ["r", "l", "l", "l", "r", "r", "r", "l"]


def _pct(value: float | None, label: str | None) -> str:
    return format_persen(value) + (f" ({label})" if label else "")


def capaian_document(result: HasilCapaian) -> Dokumen:
    table = pengukuran.table(result, document=True)
    blocks: list[Block] = []
    note = notice(result)
    if note:
        blocks.append(Para([note], kind="note"))
    blocks.append(Heading(2, f"{table.judul}: {result.instansi}"))
    blocks.append(
        Tabel(
            "",
            "",
            list(table.header),
            [b.cells() for b in table.baris],
            ALIGN_PENGUKURAN,
            {i for i, b in enumerate(table.baris) if b.tebal},
            catatan=table.catatan,
        )
    )
    if result.bidang:
        blocks.append(
            Para(
                [
                    f"{bidang_mean_label(result)}: {_pct(result.capaian_bidang, result.kategori_bidang)}."
                ]
            )
        )
    blocks.append(
        Para(
            [
                f"{mean_label(result)}: {_pct(result.capaian, result.kategori)}. "
                f"Skala kategori: {result.skala}."
            ]
        )
    )
    if note:
        blocks.append(Para([note], kind="note"))
    return Dokumen(f"{table.judul} {result.instansi}", blocks)


def marked_target(h: HasilIndikator, sep: str) -> str:
    return target_text(h, sep) + (f" {WARN_MARK}" if h.peringatan_target else "")


def marked_realisasi(h: HasilIndikator, sep: str) -> str:
    warn = any(c.peringatan_realisasi for c in h.komponen)
    return realisasi_text(h, sep) + (f" {WARN_MARK}" if warn else "")


def marked_capaian(h: HasilIndikator) -> str:
    warn = any(c.peringatan for c in h.komponen)
    return capaian_cell(h.capaian, h.status) + (f" {WARN_MARK}" if warn else "")


def laporan_notes(laporan: Any, *, document: bool = True) -> list[str]:
    """The notes of every year shown, once each, with the year before each warning."""
    out: list[str] = []
    for result in laporan.per_tahun:
        for line in pengukuran.notes(result, document=document):
            if line.startswith(WARN_MARK):
                line = f"{WARN_MARK} {result.tahun}:{line[len(WARN_MARK) :]}"
            elif line.startswith("(PK)"):
                line = "(PK) target Perjanjian Kinerja tahun itu."
            if line not in out:
                out.append(line)
    return out


def report_document(laporan: Any) -> Dokumen:
    from ikutool.render.wording import kalimat

    notes = report_notices(laporan)
    title = f"Laporan Capaian Kinerja {laporan.instansi}"
    if laporan.bidang_nama:
        title += f", Bidang {laporan.bidang_nama}"
    span = laporan.tahun
    title += f", Tahun {span[0]}" + (f"-{span[-1]}" if len(span) > 1 else "")
    rows: list[list[Any]] = []
    bold: set[int] = set()
    for sas in laporan.sasaran:
        bold.add(len(rows))
        rows.append([group_name(sas), "", "", "", "", "", ""])
        for ind in sas.indikator:
            for ri, row in enumerate(ind.tahun):
                h = row.hasil
                akhir = row.capaian_target_akhir
                rows.append(
                    [
                        f"{ind.kode} {ind.uraian}" if ri == 0 else "",
                        str(row.tahun),
                        marked_target(h, "\n"),
                        marked_realisasi(h, "\n"),
                        marked_capaian(h),
                        h.kategori or "-",
                        capaian_cell(akhir, "ada") if akhir is not None else "-",
                    ]
                )
        means = [(laporan_sasaran_label(sas), sas.capaian, sas.kategori)]
        if sas.sebagian:
            means.append(
                (laporan_bidang_label(laporan, sas), sas.capaian_bidang, sas.kategori_bidang)
            )
        for label, values, labels in means:
            for y in laporan.tahun:
                bold.add(len(rows))
                rows.append(
                    [
                        label,
                        str(y),
                        "",
                        "",
                        capaian_cell(values.get(y), "ada"),
                        labels.get(y) or "-",
                        "",
                    ]
                )
    blocks: list[Block] = [Para([n], kind="note") for n in notes]
    blocks.append(Heading(2, title))
    blocks.append(
        Tabel(
            "",
            "",
            [
                "Indikator",
                "Tahun",
                "Target",
                "Realisasi",
                "Capaian (%)",
                "Kategori",
                f"Thd target akhir {laporan.periode_akhir} (%)",
            ],
            rows,
            ["l", "r", "r", "r", "r", "l", "r"],
            bold,
            catatan=laporan_notes(laporan),
        )
    )
    blocks.append(Para([(f"Uraian per indikator ({span[-1]}):", "bold")]))
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            blocks.append(Para([(ind.kode, "bold"), f" {kalimat(ind.tahun[-1])}"]))
    blocks += [Para([line]) for line in laporan_overall(laporan, _pct)]
    blocks += [Para([n], kind="note") for n in notes]
    return Dokumen(title, blocks)


def evaluasi_document(laporan: Any, renstra: Any = None) -> Dokumen:
    notes = report_notices(laporan)
    title = f"Evaluasi Renstra {laporan.periode_awal}-{laporan.periode_akhir}: {laporan.instansi}"
    if laporan.bidang_nama:
        title += f", Bidang {laporan.bidang_nama}"
    head = ["No", "Sasaran / Indikator", f"Target akhir {laporan.periode_akhir}"]
    for y in laporan.tahun:
        head += [f"Realisasi {y}", f"Capaian {y} (%)"]
    head += [f"Tingkat capaian thd target {laporan.periode_akhir} (%)", "Kategori"]
    rows: list[list[Any]] = []
    bold: set[int] = set()
    no = 0
    for sas in laporan.sasaran:
        bold.add(len(rows))
        rows.append(["", group_name(sas), *[""] * (len(head) - 2)])
        for ind in sas.indikator:
            no += 1
            cells: list[Any] = [str(no), f"{ind.kode} {ind.uraian}", end_target_text(ind, "\n")]
            for row in ind.tahun:
                cells += [marked_realisasi(row.hasil, "\n"), marked_capaian(row.hasil)]
            latest = ind.terakhir
            cells += [
                capaian_cell(latest.capaian_target_akhir, "ada") if latest else "-",
                (latest.kategori_target_akhir or "-") if latest else "-",
            ]
            rows.append(cells)
    catatan = [
        f"Tingkat capaian terhadap target akhir: realisasi tahun terakhir yang ada dibandingkan "
        f"dengan target {laporan.periode_akhir}, per komponen yang sama, lalu dirata-ratakan. "
        f"Skala: {laporan.skala}.",
        *laporan_notes(laporan),
    ]
    if any(
        r.hasil.status == "sebagian" for s in laporan.sasaran for i in s.indikator for r in i.tahun
    ):
        catatan.insert(0, PARTIAL_NOTE)
    blocks: list[Block] = [Para([n], kind="note") for n in notes]
    blocks.append(Heading(2, title))
    blocks.append(
        Tabel(
            "",
            "Capaian kinerja per indikator",
            head,
            rows,
            ["r", "l", "r"] + ["r", "r"] * len(laporan.tahun) + ["r", "l"],
            bold,
            catatan=list(dict.fromkeys(catatan)),
        )
    )
    if renstra is not None:
        blocks += renstra_blocks(laporan, renstra)
    blocks += [Para([n], kind="note") for n in notes]
    return Dokumen(title, blocks, peringatan_halaman=list(notes), landscape=True)


def renstra_blocks(laporan: Any, r: Any) -> list[Block]:
    """E.80 beyond kinerja: each sasaran's money per year, its level against the Renstra pagu,
    the average of K and of Rp and a predikat for each, and the officer's words (or gaps)."""
    from ikutool.formatting.values import persen, rupiah
    from ikutool.render.blocks import placeholder

    def rp(v: float | None) -> str:
        return rupiah(v, unit=False)  # under a column headed "(Rp)"

    def pct(v: float | None) -> str:
        return persen(v, unit=False)  # under a column headed "(%)"

    head = ["No", "Sasaran", "Pagu Renstra (Rp)"]
    for y in r.tahun_anggaran:
        head += [f"Pagu {y} (Rp)", f"Realisasi {y} (Rp)"]
    head += ["Jumlah realisasi (Rp)", "Tingkat realisasi anggaran (%)", "Dibandingkan dengan"]
    rows: list[list[Any]] = []
    for n, s in enumerate(r.sasaran, 1):
        cells: list[Any] = [str(n), f"{s.kode} {s.uraian}", rp(s.pagu_renstra)]
        for y in r.tahun_anggaran:
            cells += [rp(s.pagu.get(y)), rp(s.realisasi.get(y))]
        cells += [rp(s.jumlah_realisasi), pct(s.tingkat), s.dasar or "-"]
        rows.append(cells)
    out: list[Block] = []
    if rows:
        out.append(
            Tabel(
                "",
                "Anggaran per sasaran",
                head,
                rows,
                ["r", "l", "r", *(["r", "r"] * len(r.tahun_anggaran)), "r", "r", "l"],
                catatan=[
                    "Tingkat realisasi anggaran = jumlah realisasi tahun-tahun itu / pagu Renstra "
                    "program sasaran itu x 100; bila pagu Renstra tidak ditulis, terhadap jumlah "
                    "pagu tahun-tahun yang sama (serapan periode itu)."
                ],
            )
        )
    bands = (
        "ST di atas 90, T di atas 75 s.d. 90, S di atas 65 s.d. 75, R di atas 50 s.d. 65, SR 50 "
        "ke bawah; 90,5 termasuk ST"
    )
    avg = r.rata_rata_capaian
    out += [
        Para([("Rata-rata tingkat capaian kinerja: ", "bold"),
              f"{pct(avg.k)} % ({r.dirata.get('k', 0)} indikator), " + _predikat(r, "k")]),
        Para([("Rata-rata tingkat realisasi anggaran: ", "bold"),
              f"{pct(avg.rp)} % ({r.dirata.get('rp', 0)} sasaran), " + _predikat(r, "rp")]),
        Para([f"Predikat kinerja dan anggaran masing-masing dari rata-ratanya sendiri ({bands})."],
             kind="small"),
    ]  # fmt: skip
    from ikutool.render.documents.renja import FAKTOR

    words = {
        "faktor_pendorong": FAKTOR["faktor_pendorong"],
        "faktor_penghambat": FAKTOR["faktor_penghambat"],
        "tindak_lanjut_renja": "Tindak lanjut yang diperlukan dalam Renstra berikutnya",
    }
    for key, label in words.items():
        text = r.faktor.get(key)
        out.append(
            Para([(f"{label}: ", "bold"), text or placeholder(label[0].lower() + label[1:])])
        )
    return out


def _predikat(r: Any, part: str) -> str:
    short = r.predikat.get(part)
    if not short:
        return "predikat -"
    return f"predikat {short} ({r.predikat_label[part]})"
