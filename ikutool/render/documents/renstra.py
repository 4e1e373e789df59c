"""Form E.80 (evaluasi terhadap hasil Renstra) as a block document laid out as the printed form,
like E.81 (:mod:`ikutool.render.documents.renja`): numbered column groups, each figure column
split into K and Rp, the footer rows under the table, the officer's words after it. JSON is
built from the same result (:mod:`ikutool.reports.renstra`, where the columns are numbered)."""

from __future__ import annotations

from typing import Any

from ikutool.formatting.values import angka, persen, rupiah
from ikutool.render.blocks import Block, Dokumen, Heading, Para, Run, Tabel, placeholder
from ikutool.reports.renstra import BarisRenstra, HasilRenstra, SelRenstra

FAKTOR = {
    "faktor_pendorong": "Faktor pendorong keberhasilan pencapaian",
    "faktor_penghambat": "Faktor penghambat pencapaian kinerja",
    "tindak_lanjut_renja": "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
    "tindak_lanjut_renstra": "Tindak lanjut yang diperlukan dalam Renstra Perangkat Daerah "
    "berikutnya",
}
BANDS = (
    "ST di atas 90, T di atas 75 s.d. 90, S di atas 65 s.d. 75, R di atas 50 s.d. 65, SR 50 ke "
    "bawah (rentang bilangan bulat 91-100, 76-90, 66-75, 51-65, 0-50 diperluas ke bilangan "
    "pecahan: 90,5 termasuk ST)"
)


def _n(value: float | None) -> str:
    return "" if value is None else angka(value)  # the printed form leaves an empty cell blank


def _rp(value: float | None) -> str:
    return "" if value is None else rupiah(value, unit=False)


def _pct(value: float | None) -> str:
    return "" if value is None else persen(value, unit=False)


def _k(cell: SelRenstra) -> str:
    return cell.teks if cell.teks is not None else _n(cell.k)


def groups(h: HasilRenstra) -> list[tuple[str, int]]:
    n = h.sampai
    return [
        ("No", 1),
        ("Sasaran", 1),
        ("Program/kegiatan", 1),
        ("Indikator kinerja program (outcome)/kegiatan (output)", 1),
        ("Data capaian pada awal tahun perencanaan", 1),
        ("Target capaian pada akhir tahun perencanaan", 2),
        *[
            (f"Realisasi capaian kinerja dan anggaran Renstra tahun ke-{i} ({y})", 2)
            for i, y in enumerate(h.tahun, 1)
        ],
        (f"Realisasi capaian kinerja dan anggaran Renstra s.d. tahun {n}", 2),
        (f"Tingkat capaian kinerja dan realisasi anggaran Renstra s.d. tahun {n} (%)", 2),
        ("Unit penanggung jawab", 1),
    ]


class _Marks:
    """Numbered notes under the table: one number per distinct note, marked where it belongs."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def mark(self, notes: list[str]) -> str:
        numbers = []
        for note in notes:
            text = note[0].upper() + note[1:]
            if text not in self.notes:
                self.notes.append(text)
            numbers.append(self.notes.index(text) + 1)
        return "".join(f" *{i})" for i in numbers)


def _figures(h: HasilRenstra, r: BarisRenstra) -> list[Run]:
    cells: list[Run] = [r.awal or "", _k(r.target), _rp(r.target.rp)]
    for y in h.tahun:
        cell = r.tahun.get(y) or SelRenstra()
        cells += [_k(cell), _rp(cell.rp)]
    cells += [_k(r.sd), _rp(r.sd.rp), _pct(r.tingkat.k), _pct(r.tingkat.rp)]
    return cells


def _row(h: HasilRenstra, r: BarisRenstra, no: int, marks: _Marks) -> list[Run]:
    mark = marks.mark(r.catatan)
    figures = _figures(h, r)
    if r.jenis == "sasaran":
        kind = {"kelompok": " (kelompok)", "tujuan": " (tujuan)"}.get(r.kelompok or "", "")
        return [str(no), f"{r.kode} {r.uraian}{kind}{mark}", "", "", *figures, ""]
    if r.jenis in ("program", "kegiatan"):
        name = f"{r.kode + ' ' if r.kode else ''}{r.uraian}{mark}"
        return ["", "", ("- " if r.jenis == "kegiatan" else "") + name, "", *figures, r.unit or ""]
    unit = f" ({r.satuan})" if r.satuan else ""
    return ["", "", "", f"{r.kode} {r.uraian}{unit}{mark}", *figures, r.unit or ""]


def _footer(h: HasilRenstra, marks: _Marks) -> list[list[Run]]:
    width = 3 + 2 * len(h.tahun) + 4  # columns 5 to the tingkat's
    j = h.jumlah
    total: list[Run] = ["", "", _rp(j.target)]
    for y in h.tahun:
        total += ["", _rp(j.tahun.get(y))]
    total += ["", _rp(j.sd), "", _pct(j.tingkat)]
    empty: list[Run] = [""] * (width - 2)
    label = "Jumlah anggaran dan realisasi dari seluruh program" + marks.mark(j.catatan)
    avg = h.rata_rata_capaian
    return [
        ["", label, "", "", *total, ""],
        ["", "Rata-rata capaian kinerja (%)", "", "", *empty, _pct(avg.k), _pct(avg.rp), ""],
        ["", "Predikat kinerja", "", "", *empty,
         h.predikat.get("k") or "-", h.predikat.get("rp") or "-", ""],
    ]  # fmt: skip


def _explained(h: HasilRenstra) -> list[str]:
    """What the columns are, for the reader (the numbers as the form prints them)."""
    c = h.kolom
    first, last = c[str(h.tahun[0])], c[str(h.tahun[-1])]
    sd, tingkat, d = c["sd"], c["tingkat"], h.dirata
    return [
        "K: kinerja (indikator sasaran seperti ditulis; indikator program dan kegiatan dalam "
        "satuannya); Rp: rupiah.",
        f"Indikator sasaran (baris di bawah sasarannya, sebelum program): kolom 5 kondisi awal "
        f"(tahunnya dalam kurung), kolom {first}-{last} realisasi setiap tahun, kolom {sd} "
        f"realisasi tahun terakhir, kolom {tingkat} tingkat capaiannya terhadap target akhir "
        f"{h.periode_akhir}, sama dengan laporan capaian kinerja.",
        f"Program, kegiatan dan indikatornya: kolom {first}-{last} sama dengan realisasi tahun "
        "itu pada evaluasi hasil Renja (kinerja menurut aturan triwulan indikatornya, anggaran "
        f"dijumlah). Kolom {sd}: anggaran dan indikator kumulatif dijumlah dari tahun-tahun "
        f"{h.periode_awal}-{h.sampai}; indikator lain memakai nilai tahun terakhir. Kolom "
        f"{tingkat} = {sd} / 6 x 100.",
        f"Rata-rata capaian kinerja: {_over_k(d, tingkat)}; anggaran: {_over_rp(d, tingkat)}. "
        f"Predikat masing-masing dari rata-ratanya sendiri: {BANDS}.",
        *h.keterangan,
    ]


def _over_k(d: dict[str, int], col: int) -> str:
    if not d.get("k"):
        return f"tidak ada indikator yang kolom {col} (K)-nya terisi, tanpa rata-rata"
    return (
        f"kolom {col} (K) rata-rata {d['k']} indikator ({d.get('k_sasaran', 0)} indikator "
        f"sasaran, {d.get('k_program', 0)} indikator program dan kegiatan)"
    )


def _over_rp(d: dict[str, int], col: int) -> str:
    if not d.get("rp"):
        return f"tidak ada program yang kolom {col} (Rp)-nya terisi, tanpa rata-rata"
    return f"kolom {col} (Rp) rata-rata {d['rp']} program"


def renstra_document(h: HasilRenstra) -> Dokumen:
    marks = _Marks()
    rows: list[list[Run]] = []
    bold: set[int] = set()
    no = 0
    for r in h.baris:
        if r.jenis == "sasaran":
            no += 1
            bold.add(len(rows))
        rows.append(_row(h, r, no, marks))
    for f in _footer(h, marks):
        bold.add(len(rows))
        rows.append(f)
    heads = groups(h)
    header = [text for text, _ in heads[:5]] + ["K", "Rp"] * (len(h.tahun) + 3)
    header.append("Unit penanggung jawab")
    figures = 3 + 2 * len(h.tahun) + 4
    align = ["l", "l", "l", "l", *(["r"] * figures), "l"]
    span = f"{h.periode_awal}-{h.periode_akhir}"
    blocks: list[Block] = [
        Heading(0, "EVALUASI TERHADAP HASIL RENSTRA PERANGKAT DAERAH"),
        Para([(h.instansi.upper(), "bold")]),
        *([Para([h.pemerintah.upper()])] if h.pemerintah else []),
        Para([f"Periode pelaksanaan: {span}"]),
        Para([f"Evaluasi s.d. tahun {h.sampai}"]),
        *_bidang(h),
        *[Para([n], kind="note") for n in h.catatan],
        Tabel(
            "",
            "",
            header,
            rows,
            align,
            bold_rows=bold,
            kepala_atas=heads,
            nomor_kolom=True,
            catatan=[*_explained(h), *[f"*{i}) {n}" for i, n in enumerate(marks.notes, 1)]],
        ),
    ]
    for key, label in FAKTOR.items():
        text = h.faktor.get(key)
        blocks.append(
            Para([(f"{label}: ", "bold"), text or placeholder(label[0].lower() + label[1:])])
        )
    from ikutool import __version__

    return Dokumen(
        judul=f"Evaluasi Hasil Renstra {span}",
        blocks=blocks,
        peringatan_halaman=list(h.catatan),
        kaki=f"Evaluasi Hasil Renstra {span} s.d. {h.sampai}",
        asal=[
            f"Disusun dengan ikutool {__version__}.",
            *([f"IKU: {h.berkas_iku}"] if h.berkas_iku else []),
            *([f"Realisasi: {h.folder_realisasi}"] if h.folder_realisasi else []),
            *[f"Program dan anggaran {y}: {f}" for y, f in h.berkas_anggaran.items()],
        ],
        landscape=True,
    )


def _bidang(h: HasilRenstra) -> list[Block]:
    if not h.bidang:
        return []
    return [
        Para(
            [
                f"Bidang {h.bidang_nama or h.bidang}: indikator sasaran bidang ini saja; program "
                "dan kegiatan seluruhnya."
            ]
        )
    ]


def renstra_data(h: HasilRenstra) -> dict[str, Any]:
    return h.model_dump(mode="json")
