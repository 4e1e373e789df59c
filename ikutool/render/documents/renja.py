"""Form E.81 (evaluasi hasil Renja) as a block document laid out as the printed form: numbered
column groups (1)-(15), each figure column split into K and Rp, the footer rows under the table.
JSON is built from the same result."""

from __future__ import annotations

from typing import Any

from ikutool.formatting.values import angka, persen
from ikutool.render.blocks import (
    Block,
    Dokumen,
    Heading,
    Para,
    Run,
    Tabel,
    placeholder,
)
from ikutool.reports.renja import KOLOM, HasilRenja

FAKTOR = {
    "faktor_pendorong": "Faktor pendorong keberhasilan pencapaian",
    "faktor_penghambat": "Faktor penghambat pencapaian kinerja",
    "tindak_lanjut_triwulan": "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
    "tindak_lanjut_renja": "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
}


def _n(value: float | None) -> str:
    return "" if value is None else angka(value)  # the printed form leaves an empty cell blank


def _pct(value: float | None) -> str:
    return "" if value is None else persen(value, unit=False)


def _groups(y: int) -> list[tuple[str, int]]:
    """The printed form's column groups (1)-(15), each figure group split into K and Rp."""
    return [
        ("No", 1),
        ("Sasaran", 1),
        ("Program/kegiatan", 1),
        ("Indikator kinerja program (outcome)/kegiatan (output)", 1),
        ("Target Renstra pada akhir periode", 2),
        (f"Realisasi capaian kinerja Renstra s.d. Renja tahun lalu ({y - 1})", 2),
        (f"Target kinerja dan anggaran Renja tahun {y}", 2),
        ("Realisasi TW I", 2),
        ("Realisasi TW II", 2),
        ("Realisasi TW III", 2),
        ("Realisasi TW IV", 2),
        (f"Realisasi capaian kinerja dan anggaran Renja {y}", 2),
        (f"Realisasi kinerja dan anggaran Renstra s.d. {y}", 2),
        (f"Tingkat capaian kinerja dan realisasi anggaran Renstra s.d. {y} (%)", 2),
        ("Unit penanggung jawab", 1),
    ]


def _figures(kolom: dict[str, Any]) -> list[Run]:
    out: list[Run] = []
    for c in KOLOM:
        show = _pct if c == "14" else _n
        out += [show(kolom[c].k), show(kolom[c].rp)]
    return out


def _body(h: HasilRenja, bold: set[int], notes: list[str]) -> list[list[Run]]:
    """A row per sasaran (numbered, bold), program, kegiatan and indicator; each row's note
    numbered *1), *2), ... for the lines under the table."""
    rows: list[list[Run]] = []
    no = 0

    def mark(catatan: str | None) -> str:
        if not catatan:
            return ""
        notes.append(catatan)
        return f" *{len(notes)})"

    for r in h.baris:
        figures = _figures(r.kolom)
        if r.jenis == "sasaran":
            no += 1
            bold.add(len(rows))
            rows.append([str(no), f"{r.kode} {r.uraian}", "", "", *figures, ""])
        elif r.jenis in ("program", "kegiatan"):
            name = ("- " if r.jenis == "kegiatan" else "") + (f"{r.kode} " if r.kode else "")
            rows.append(["", "", name + r.uraian + mark(r.catatan), "", *figures, r.unit or ""])
        else:
            unit = f" ({r.satuan})" if r.satuan else ""
            cell = f"{r.kode} {r.uraian}{unit}{mark(r.catatan)}"
            rows.append(["", "", "", cell, *figures, r.unit or ""])
    return rows


def _footer(h: HasilRenja) -> list[list[Run]]:
    """Jumlah (Rp summed over programs), the two means and the two predikat."""
    empty = [""] * (2 * len(KOLOM) - 2)
    total: list[Run] = []
    for c in KOLOM:
        total += ["", (_pct if c == "14" else _n)(h.jumlah[c].rp)]
    return [
        ["", "Jumlah anggaran dan realisasi dari seluruh program", "", "", *total, ""],
        ["", "Rata-rata capaian kinerja (%)", "", "",
         *empty, _pct(h.rata_rata_capaian.k), _pct(h.rata_rata_capaian.rp), ""],
        ["", "Predikat kinerja", "", "",
         *empty, h.predikat.get("k") or "-", h.predikat.get("rp") or "-", ""],
    ]  # fmt: skip


def _form_notes(h: HasilRenja, notes: list[str]) -> list[str]:
    return [
        "K: kinerja (dalam satuan indikatornya); Rp: rupiah.",
        "Kolom 12: realisasi tahun ini, kinerja menurut aturan triwulan indikatornya "
        "(kumulatif: dijumlah; akhir: nilai triwulan terakhir; rata-rata), anggaran "
        "dijumlah. Kolom 13 = 6 + 12 untuk anggaran dan indikator kumulatif; indikator "
        "lain memakai nilai terakhir. Kolom 14 = 13 / 5 x 100.",
        f"Rata-rata capaian kinerja: kolom 14 (K) rata-rata {h.dirata.get('k', 0)} "
        f"indikator; anggaran: kolom 14 (Rp) rata-rata {h.dirata.get('rp', 0)} program. "
        "Predikat masing-masing dari rata-ratanya sendiri: ST di atas 90, T di atas 75 "
        "s.d. 90, S di atas 65 s.d. 75, R di atas 50 s.d. 65, SR 50 ke bawah (rentang "
        "bilangan bulat 91-100, 76-90, 66-75, 51-65, 0-50 diperluas ke bilangan pecahan: "
        "90,5 termasuk ST).",
        *[f"*{i}) {n}" for i, n in enumerate(notes, 1)],
    ]


def _form(h: HasilRenja) -> Tabel:
    header = ["No", "Sasaran", "Program/kegiatan", "Indikator"]
    for _ in KOLOM:
        header += ["K", "Rp"]
    header.append("Unit penanggung jawab")
    bold: set[int] = set()
    notes: list[str] = []
    rows = _body(h, bold, notes)
    for f in _footer(h):
        bold.add(len(rows))
        rows.append(f)
    align = ["l", "l", "l", "l", *(["r"] * (2 * len(KOLOM))), "l"]
    return Tabel(
        "", "", header, rows, align, bold_rows=bold, kepala_atas=_groups(h.tahun),
        nomor_kolom=True, catatan=_form_notes(h, notes),
    )  # fmt: skip


def renja_document(h: HasilRenja) -> Dokumen:
    y = h.tahun
    blocks: list[Block] = [
        Heading(0, "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"),
        Para([(h.instansi.upper(), "bold")]),
        *([Para([h.pemerintah.upper()])] if h.pemerintah else []),
        Para([f"Periode pelaksanaan: tahun {y}"]),
        *[Para([n], kind="note") for n in h.catatan],
        _form(h),
    ]
    for key, label in FAKTOR.items():
        text = h.faktor.get(key)
        blocks.append(
            Para([(f"{label}: ", "bold"), text or placeholder(label[0].lower() + label[1:])])
        )
    from ikutool.render.documents.grafik import renja_chart

    chart = renja_chart(h, "Grafik 1", "Angka lengkap pada kolom 14 formulir di atas.")
    if chart is not None:  # after the form, on a page of its own: the form stays as printed
        chart.halaman_baru = True
        blocks.append(chart)
    from ikutool import __version__

    return Dokumen(
        judul=f"Evaluasi Hasil Renja {y}",
        blocks=blocks,
        peringatan_halaman=list(h.catatan),
        kaki=f"Evaluasi Hasil Renja {y}",
        asal=[f"Disusun dengan ikutool {__version__}.", f"Program: {h.berkas_program}"],
        landscape=True,
    )


def renja_data(h: HasilRenja) -> dict[str, Any]:
    return h.model_dump(mode="json")
