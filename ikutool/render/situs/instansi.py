"""An agency's site as pages, laid out like the national SDG reporting platforms (Open SDG) that
officers and citizens already know: a home page with the agency's capaian by sasaran; a page per
sasaran and per indicator (chart and table tabs, target lines, the Manual IKU, the realisasi
history, notes); the Perjanjian Kinerja of each year; the reporting status; the downloads.
This module holds the site being laid out, its frame and the home page; each other page is a
module of its own (``sasaran``, ``pengukuran``, ``indikator``, ``perjanjian``, ...).

Every figure is one the other documents show, in their words (:mod:`ikutool.render.wording`,
:mod:`ikutool.render.documents.pengukuran`) and numbers (:mod:`ikutool.formatting.values`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ikutool.compute.capaian import GROUP_TEXT, STATUS_TEXT
from ikutool.formatting.values import MISSING, persen
from ikutool.render.situs import grafik
from ikutool.render.situs.halaman import Halaman, Kerangka, daftar, esc, slug
from ikutool.render.situs.tabel import Kolom, TabelSitus

if TYPE_CHECKING:
    from ikutool.compute.capaian import HasilCapaian, HasilIndikator, HasilSasaran
    from ikutool.reports.situs import SitusInstansi, TahunSitus

STATUS_DATA = {
    "contoh": "contoh (angka ilustrasi)",
    "sementara": "sementara (belum final)",
    "final": "final",
    None: "tanpa status",
}


@dataclass
class Situs:
    """One agency's site while it is laid out: its data, where it sits, the files made."""

    data: SitusInstansi
    base: str  # "" for an agency's own site, "instansi/<name>/" inside a regency's
    kerangka: Kerangka
    dokumen: bool  # the documents are offered here (else: at the agency)
    files: dict[str, bytes] = field(default_factory=dict)
    tables: list[tuple[Halaman, TabelSitus]] = field(default_factory=list)  # in page order
    sasaran_slug: dict[str, str] = field(default_factory=dict)
    indikator_slug: dict[str, str] = field(default_factory=dict)
    pengukuran: dict[int, Any] = field(default_factory=dict)  # each year's table, built once

    def path(self, rel: str) -> str:
        return self.base + rel

    def page(self, rel: str, judul: str, jejak: list[tuple[str, str]] | None = None) -> Halaman:
        return Halaman(self.path(rel), judul, self.kerangka, jejak or [])

    def table(self, page: Halaman, table: TabelSitus) -> str:
        """The table on ``page``, and its CSV and JSON in the site's data folder."""
        self.files[self.path(f"data/{table.nama}.csv")] = table.csv()
        self.files[self.path(f"data/{table.nama}.json")] = table.json(self.data.catatan)
        self.tables.append((page, table))
        return table.html(page, self.path("data/"))

    def done(self, page: Halaman) -> None:
        self.files[page.path] = page.render()

    def sasaran_href(self, kode: str) -> str:
        return self.path(f"sasaran/{self.sasaran_slug[kode]}.html")

    def indikator_href(self, kode: str) -> str:
        return self.path(f"indikator/{self.indikator_slug[kode]}.html")

    @property
    def home(self) -> str:
        return self.path("index.html")


def kerangka(data: SitusInstansi, base: str = "", akar: list[tuple[str, str]] | None = None,
             css: str = "gaya.css") -> Kerangka:  # fmt: skip
    iku = data.iku
    sub = " · ".join(
        x for x in (iku.instansi.pemerintah, f"Indikator Kinerja Utama {period(data)}") if x
    )
    return Kerangka(
        nama=iku.instansi.nama,
        sub=sub,
        menu=[
            ("Beranda", base + "index.html"),
            ("Perjanjian Kinerja", base + "pk.html"),
            *([("Anggaran", base + "anggaran.html")] if money_years(data) else []),
            ("Status pelaporan", base + "status.html"),
            ("Unduhan", base + "unduhan.html"),
        ],
        catatan=data.catatan,
        kaki=f"Data kinerja {iku.instansi.nama}. Kategori capaian menurut skala "
        f"{data.skala.nama}. Angka ditulis dengan koma desimal dan titik ribuan (1.234,56).",
        css=css,
        akar=akar or [],
    )


def money_years(data: SitusInstansi) -> list[TahunSitus]:
    return [t for t in data.tahun if t.uang is not None and t.uang.program]


def period(data: SitusInstansi) -> str:
    return f"{data.iku.periode.awal}-{data.iku.periode.akhir}"


def build(site: Situs) -> None:
    """Every page of the agency's site into ``site.files``."""
    from ikutool.render.situs import (
        anggaran,
        indikator,
        pelaporan,
        pengukuran,
        perjanjian,
        sasaran,
        unduhan,
    )

    taken: set[str] = set()
    for group in site.data.iku.groups():
        site.sasaran_slug[group.kode] = slug(group.kode, taken, "sasaran")
    taken = set()
    for _, ind in site.data.iku.indikator():
        site.indikator_slug[ind.kode] = slug(ind.kode, taken, "indikator")
    home(site)
    for t in site.data.terbit:
        pengukuran.page(site, t)
    for group in site.data.iku.groups():
        sasaran.page(site, group.kode)
    for g, ind in site.data.iku.indikator():
        indikator.page(site, g.kode, ind.kode)
    perjanjian.page(site)
    if money_years(site.data):
        anggaran.page(site)
    pelaporan.page(site)
    unduhan.page(site)


# --- helpers -------------------------------------------------------------------------------


def group_of(result: HasilCapaian, kode: str) -> HasilSasaran | None:
    return next((s for s in result.sasaran if s.kode == kode), None)


def indikator_of(result: HasilCapaian, kode: str) -> HasilIndikator | None:
    return next((i for s in result.sasaran for i in s.indikator if i.kode == kode), None)


def capaian_text(value: float | None, status: str, *, unit: bool = True) -> str:
    """A capaian as every table writes it; without a figure, why (``belum ada realisasi``)."""
    if value is None:
        return STATUS_TEXT.get(status, MISSING) if status not in ("ada", "sebagian") else MISSING
    return persen(value, unit=unit)


def group_kind_text(jenis: str) -> str | None:
    text = GROUP_TEXT.get(jenis)
    return text[0].upper() + text[1:] + "." if text else None


def _word(jenis: str) -> str:
    return {"kelompok": "Kelompok", "tujuan": "Tujuan"}.get(jenis, "Sasaran")


# --- home ----------------------------------------------------------------------------------


def home(site: Situs) -> None:
    data = site.data
    iku = data.iku
    page = site.page("index.html", "Capaian Kinerja")
    kinds = [g.jenis for g in iku.groups()]
    counted = ", ".join(
        f"{kinds.count(k)} {k}" for k in ("tujuan", "sasaran", "kelompok") if k in kinds
    )
    intro = (
        f"{iku.instansi.nama}"
        + (f", {iku.instansi.pemerintah}" if iku.instansi.pemerintah else "")
        + f". Indikator Kinerja Utama (IKU) periode {period(data)}: "
        f"{counted}, dengan {len(iku.indikator())} indikator."
    )
    page.p(intro)
    last = data.terakhir
    if last is None:
        page.p(
            "Belum ada realisasi yang diterbitkan. Target setiap indikator ada di halaman "
            "indikatornya dan di halaman Perjanjian Kinerja.",
            "ringkas",
        )
    else:
        _home_year(site, page, last)
    if data.laporan is not None and len(data.laporan.tahun) > 1:
        page.h2("Capaian per sasaran, per tahun")
        page.add(site.table(page, _sasaran_years(site)))
    page.h2("Sasaran dan indikator")
    page.add(_tree(site, page, last))
    if data.terbit:
        page.h2("Pengukuran kinerja per tahun")
        page.add(
            daftar(
                [
                    page.link(
                        f"Pengukuran Kinerja Tahun {t.tahun}",
                        site.path(f"pengukuran/{t.tahun}.html"),
                    )
                    + f" ({_status_data(t)})"
                    for t in reversed(data.terbit)
                ]
            )
        )
    if iku.visi or iku.misi:
        page.h2("Visi dan misi")
        if iku.visi:
            page.add(f"<p><strong>Visi:</strong> {esc(iku.visi)}</p>")
        if iku.misi:
            page.add(
                "<p><strong>Misi:</strong></p><ol>"
                + "".join(f"<li>{esc(m)}</li>" for m in iku.misi)
                + "</ol>"
            )
    site.done(page)


def _status_data(t: TahunSitus) -> str:
    return f"data {STATUS_DATA.get(t.hasil.status_data, t.hasil.status_data)}"


def _home_year(site: Situs, page: Halaman, t: TahunSitus) -> None:
    from ikutool.render.wording import mean_label

    r = t.hasil
    kat = f" ({r.kategori})" if r.kategori else ""
    page.p(
        f"Tahun {t.tahun} - {mean_label(r)}: {capaian_text(r.capaian, 'kosong')}{kat}.", "ringkas"
    )
    page.h2(f"Capaian per sasaran tahun {t.tahun}")
    table = _sasaran_year(site, t)
    chart = grafik.figure(page, grafik.sasaran(r, site.data.skala))
    shown = site.table(page, table)
    page.tab_panels([("Grafik", chart), ("Tabel", shown)] if chart else [("Tabel", shown)])


def _sasaran_year(site: Situs, t: TahunSitus) -> TabelSitus:
    r = t.hasil
    rows: list[dict[str, Any]] = []
    links = {}
    for no, s in enumerate(r.sasaran, 1):
        counted = sum(i.capaian is not None for i in s.indikator)
        rows.append(
            {
                "no": str(no),
                "sasaran": f"{s.kode} {s.uraian}",
                "kode": s.kode,
                "capaian": capaian_text(s.capaian, s.status, unit=False)
                if s.jenis == "sasaran"
                else "tidak dirata-ratakan",
                "capaian_angka": s.capaian,
                "kategori": s.kategori or MISSING,
                "indikator": f"{counted} dari {s.jumlah_indikator}",
            }
        )
        links[(no - 1, "sasaran")] = site.sasaran_href(s.kode)
    from ikutool.render.wording import mean_label

    rows.append(
        {
            "no": "",
            "sasaran": mean_label(r),
            "kode": "",
            "capaian": capaian_text(r.capaian, "kosong", unit=False),
            "capaian_angka": r.capaian,
            "kategori": r.kategori or MISSING,
            "indikator": "",
        }
    )
    return TabelSitus(
        nama=f"capaian-sasaran-{t.tahun}",
        judul=f"Capaian per sasaran tahun {t.tahun}",
        kolom=[
            Kolom("no", "No"),
            Kolom("sasaran", "Sasaran"),
            Kolom("kode", "Kode sasaran", tampil=False),
            Kolom("capaian", "Capaian (%)", angka=True, unduh=False),
            Kolom("capaian_angka", "Capaian (%)", tampil=False),
            Kolom("kategori", "Kategori"),
            Kolom("indikator", "Indikator dengan angka capaian"),
        ],
        baris=rows,
        tebal={len(rows) - 1},
        tautan=links,
        catatan=t.catatan,
    )


def _sasaran_years(site: Situs) -> TabelSitus:
    laporan = site.data.laporan
    assert laporan is not None
    years = laporan.tahun
    cols = [Kolom("sasaran", "Sasaran")]
    for y in years:
        cols += [
            Kolom(f"capaian_{y}", f"{y} (%)", angka=True, unduh=False),
            Kolom(f"capaian_{y}_angka", f"Capaian {y} (%)", tampil=False),
            Kolom(f"kategori_{y}", f"Kategori {y}"),
        ]
    rows = []
    links = {}
    for i, s in enumerate(laporan.sasaran):
        row: dict[str, Any] = {"sasaran": f"{s.kode} {s.uraian}"}
        for y in years:
            value = s.capaian.get(y)
            row[f"capaian_{y}"] = (
                capaian_text(value, "kosong", unit=False) if s.jenis == "sasaran" else MISSING
            )
            row[f"capaian_{y}_angka"] = value
            row[f"kategori_{y}"] = s.kategori.get(y) or MISSING
        rows.append(row)
        links[(i, "sasaran")] = site.sasaran_href(s.kode)
    mean: dict[str, Any] = {"sasaran": "Capaian rata-rata sasaran"}
    for y in years:
        mean[f"capaian_{y}"] = capaian_text(laporan.capaian.get(y), "kosong", unit=False)
        mean[f"capaian_{y}_angka"] = laporan.capaian.get(y)
        mean[f"kategori_{y}"] = laporan.kategori.get(y) or MISSING
    rows.append(mean)
    return TabelSitus(
        nama="capaian-sasaran-per-tahun",
        judul=f"Capaian per sasaran, {years[0]}-{years[-1]}",
        kolom=cols,
        baris=rows,
        tebal={len(rows) - 1},
        tautan=links,
        kepala_baris="sasaran",
    )


def _tree(site: Situs, page: Halaman, last: TahunSitus | None) -> str:
    out = []
    for group in site.data.iku.groups():
        items = []
        for ind in group.indikator:
            text = page.link(f"{ind.kode} {ind.uraian}", site.indikator_href(ind.kode))
            h = indikator_of(last.hasil, ind.kode) if last is not None else None
            if h is not None and last is not None:
                kat = f", {h.kategori}" if h.kategori else ""
                text += esc(f" - {last.tahun}: {capaian_text(h.capaian, h.status)}{kat}")
            items.append(text)
        out.append(
            f"<h3>{page.link(f'{group.kode} {group.uraian}', site.sasaran_href(group.kode))}</h3>"
            + daftar(items)
        )
    return "".join(out)
