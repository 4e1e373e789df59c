"""The pengukuran kinerja pages of an agency's site: each year's table as the LKjIP prints it
(:mod:`ikutool.render.documents.pengukuran`), with its rows linked to the indicators' pages; a
sasaran's page shows its own rows of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.render.situs.instansi import Situs, capaian_text
from ikutool.render.situs.tabel import Kolom, TabelSitus

if TYPE_CHECKING:
    from ikutool.reports.situs import TahunSitus

KIND_TEXT = {
    "indikator": "indikator",
    "judul": "indikator (komponen di bawahnya)",
    "komponen": "komponen",
    "rata_komponen": "rata-rata komponen",
    "sasaran": "sasaran",
    "sasaran_bidang": "rata-rata bidang dalam sasaran",
    "instansi": "instansi",
    "bidang": "bidang",
}


def pengukuran_table(site: Situs, t: TahunSitus, sasaran_kode: str | None = None) -> TabelSitus:
    """The pengukuran kinerja table (as the LKjIP prints it), or one sasaran's rows of it."""
    from ikutool.render.documents import pengukuran as pg

    table = site.pengukuran.get(t.tahun)
    if table is None:
        table = site.pengukuran[t.tahun] = pg.table(t.hasil, document=True)
    rows: list[dict[str, Any]] = []
    bold = set()
    links = {}
    for b in table.baris:
        if sasaran_kode is not None and b.sasaran_kode != sasaran_kode:
            continue
        cells = b.cells()
        if b.tebal:
            bold.add(len(rows))
        if b.jenis in ("indikator", "judul"):
            kode = b.indikator.split(" ", 1)[0]
            if kode in site.indikator_slug:
                links[(len(rows), "indikator")] = site.indikator_href(kode)
        rows.append(
            {
                "no": cells[0],
                "sasaran": cells[1],
                "indikator": cells[2],
                "baris": KIND_TEXT.get(b.jenis, b.jenis),
                "satuan": cells[3],
                "target": cells[4],
                "target_angka": b.target.angka,
                "realisasi": cells[5],
                "realisasi_angka": b.realisasi.angka,
                "capaian": cells[6],
                "capaian_angka": b.capaian.angka,
                "kategori": cells[7],
            }
        )
    if sasaran_kode is not None:
        for row in rows:
            row["no"] = ""
    name = f"pengukuran-{t.tahun}" + (
        f"-{site.sasaran_slug[sasaran_kode]}" if sasaran_kode is not None else ""
    )
    return TabelSitus(
        nama=name,
        judul=pg.title(t.hasil) + (f", sasaran {sasaran_kode}" if sasaran_kode else ""),
        kolom=[
            Kolom("no", "No", tampil=sasaran_kode is None),
            Kolom("sasaran", "Sasaran", tampil=sasaran_kode is None),
            Kolom("indikator", "Indikator"),
            Kolom("baris", "Jenis baris", tampil=False),
            Kolom("satuan", "Satuan"),
            Kolom("target", "Target", angka=True),
            Kolom("target_angka", "Target (angka)", tampil=False),
            Kolom("realisasi", "Realisasi", angka=True),
            Kolom("realisasi_angka", "Realisasi (angka)", tampil=False),
            Kolom("capaian", "Capaian (%)", angka=True),
            Kolom("capaian_angka", "Capaian (%) (angka)", tampil=False),
            Kolom("kategori", "Kategori"),
        ],
        baris=rows,
        catatan=[*t.catatan, *table.catatan],
        tebal=bold,
        tautan=links,
    )


def page(site: Situs, t: TahunSitus) -> None:
    """The year's pengukuran kinerja page: the agency's mean, and the whole table."""
    page = site.page(
        f"pengukuran/{t.tahun}.html",
        f"Pengukuran Kinerja Tahun {t.tahun}",
        [("Beranda", site.home)],
    )
    from ikutool.render.wording import mean_label

    r = t.hasil
    kat = f" ({r.kategori})" if r.kategori else ""
    page.p(f"{mean_label(r)}: {capaian_text(r.capaian, 'kosong')}{kat}. Skala kategori: {r.skala}.")
    page.add(site.table(page, pengukuran_table(site, t)))
    site.done(page)
