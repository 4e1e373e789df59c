"""A regency's site: a home page with every agency's capaian (ranked, as Bappeda shows the
Bupati), a reporting-status page (which agencies have published each year and each quarter),
the downloads, and each agency's own site under ``instansi/<name>/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ikutool.formatting.values import MISSING
from ikutool.model.quarters import QUARTERS
from ikutool.render.situs import grafik
from ikutool.render.situs.halaman import CSS, CSS_FILE, Halaman, Kerangka, daftar, esc, slug
from ikutool.render.situs.instansi import STATUS_DATA, capaian_text
from ikutool.render.situs.tabel import Kolom, TabelSitus
from ikutool.render.situs.unduhan import data_list

if TYPE_CHECKING:
    from ikutool.reports.rekap import TahunRekap
    from ikutool.reports.situs_kabupaten import InstansiKabupaten, SitusKabupaten

NOT_SHOWN = "data belum dapat ditampilkan"


@dataclass
class Kabupaten:
    data: SitusKabupaten
    kerangka: Kerangka
    slugs: dict[int, str]  # id(agency) -> its folder in the site
    files: dict[str, bytes] = field(default_factory=dict)
    tables: list[tuple[Halaman, TabelSitus]] = field(default_factory=list)

    def table(self, page: Halaman, table: TabelSitus) -> str:
        self.files[f"data/{table.nama}.csv"] = table.csv()
        self.files[f"data/{table.nama}.json"] = table.json(self.data.catatan)
        self.tables.append((page, table))
        return table.html(page, "data/")

    def home_of(self, a: InstansiKabupaten) -> str | None:
        return f"instansi/{self.slugs[id(a)]}/index.html" if id(a) in self.slugs else None


def regency_files(
    data: SitusKabupaten,
    *,
    dokumen: bool = False,
    notes: list[str] | None = None,
) -> dict[str, bytes]:
    from ikutool.render.situs.bangun import agency_files

    taken: set[str] = set()
    slugs = {id(a): slug(a.nama or "instansi", taken, "instansi") for a in data.terbaca}
    frame = Kerangka(
        nama=f"Kinerja Perangkat Daerah {data.nama}",
        sub="Capaian Indikator Kinerja Utama setiap perangkat daerah",
        menu=[
            ("Beranda", "index.html"),
            ("Status pelaporan", "status.html"),
            ("Unduhan", "unduhan.html"),
        ],
        catatan=data.catatan,
        kaki=f"Data kinerja perangkat daerah {data.nama}, dari Indikator Kinerja Utama dan "
        "realisasi setiap instansi. Angka ditulis dengan koma desimal dan titik ribuan "
        "(1.234,56).",
    )
    site = Kabupaten(data, frame, slugs)
    home(site)
    status(site)
    unduhan(site)
    site.files[CSS_FILE] = CSS.encode("utf-8")
    for a in data.terbaca:
        assert a.situs is not None
        site.files.update(
            agency_files(
                a.situs,
                base=f"instansi/{slugs[id(a)]}/",
                akar=[(data.nama, "index.html")],
                dokumen=dokumen,
                notes=notes,
            )
        )
    return site.files


def _year_row(a: InstansiKabupaten, tahun: int) -> TahunRekap | None:
    if a.rekap is None:
        return None
    return next((t for t in a.rekap.tahun if t.tahun == tahun), None)


def _ranked(site: Kabupaten, tahun: int) -> list[InstansiKabupaten]:
    """Agencies with a figure for ``tahun``, highest capaian first (then by name), then the
    rest by name."""

    def key(a: InstansiKabupaten) -> tuple[int, float, str]:
        row = _year_row(a, tahun)
        value = row.capaian if row is not None else None
        return (value is None, -(value or 0.0), (a.nama or "").casefold())

    return sorted(site.data.terbaca, key=key)


def home(site: Kabupaten) -> None:
    data = site.data
    page = Halaman("index.html", "Capaian Kinerja Perangkat Daerah", site.kerangka)
    shown = len(data.terbaca)
    page.p(
        f"{data.nama}: {shown} perangkat daerah"
        + (f" (dan {len(data.instansi) - shown} yang datanya belum dapat ditampilkan)"
           if shown < len(data.instansi) else "")
        + ". Capaian setiap instansi adalah rata-rata capaian sasarannya, diukur terhadap "
        "target Perjanjian Kinerja (atau Renstra bila tidak ada)."
    )  # fmt: skip
    if data.tahun:
        last = data.tahun[-1]
        page.h2(f"Capaian instansi tahun {last}")
        ranked = _ranked(site, last)
        items = []
        for a in ranked:
            row = _year_row(a, last)
            items.append(
                (a.nama or "", row.capaian if row else None, row.kategori if row else None)
            )
        skala = ranked[0].situs.skala if ranked and ranked[0].situs else None
        table = site.table(page, _rank_table(site, last, ranked))
        chart = ""
        if skala is not None and data.skala is not None:  # else their kategori are not one legend
            chart = grafik.figure(page, grafik.peringkat(f"Capaian instansi tahun {last}", items,
                                                         skala))  # fmt: skip
        if chart:
            page.tab_panels([("Grafik", chart), ("Tabel", table)])
        else:
            page.add(table)
        if len(data.tahun) > 1:
            page.h2("Capaian instansi per tahun")
            page.add(site.table(page, _years_table(site)))
    else:
        page.p("Belum ada realisasi yang diterbitkan.", "ringkas")
    page.h2("Perangkat daerah")
    items_html = []
    for a in data.instansi:
        target = site.home_of(a)
        if target is None:
            items_html.append(esc(f"Satu ruang kerja instansi: {NOT_SHOWN}"))
        else:
            items_html.append(page.link(a.nama or "", target))
    page.add(daftar(items_html))
    site.files[page.path] = page.render()


def _rank_table(site: Kabupaten, tahun: int, ranked: list[InstansiKabupaten]) -> TabelSitus:
    rows: list[dict[str, Any]] = []
    links = {}
    rank = 0
    for a in ranked:
        row = _year_row(a, tahun)
        has = row is not None and row.capaian is not None
        rank += has
        rows.append(
            {
                "peringkat": str(rank) if has else "",
                "instansi": a.nama,
                "capaian": capaian_text(row.capaian, "kosong", unit=False)
                if row is not None
                else "belum ada realisasi",
                "capaian_angka": row.capaian if row is not None else None,
                "kategori": (row.kategori or MISSING) if row is not None else MISSING,
                "indikator": f"{row.dengan_realisasi} dari {row.bertarget}" if row else "",
                "status_data": STATUS_DATA.get(row.status_data, row.status_data)
                if row is not None
                else "",
            }
        )
        if (target := site.home_of(a)) is not None:
            links[(len(rows) - 1, "instansi")] = target
    return TabelSitus(
        nama=f"capaian-instansi-{tahun}",
        judul=f"Capaian instansi tahun {tahun}, dari yang tertinggi",
        kolom=[
            Kolom("peringkat", "Peringkat", angka=True),
            Kolom("instansi", "Instansi"),
            Kolom("capaian", "Capaian (%)", angka=True, unduh=False),
            Kolom("capaian_angka", "Capaian (%)", tampil=False),
            Kolom("kategori", "Kategori"),
            Kolom("indikator", "Indikator bertarget dengan angka capaian"),
            Kolom("status_data", "Status data"),
        ],
        baris=rows,
        tautan=links,
        catatan=[
            "Capaian instansi: rata-rata capaian sasarannya. Kategori menurut skala "
            f"{site.data.skala or 'yang ditetapkan setiap instansi'}."
        ],
    )


def _years_table(site: Kabupaten) -> TabelSitus:
    years = site.data.tahun
    cols = [Kolom("instansi", "Instansi")]
    for y in years:
        cols += [
            Kolom(f"capaian_{y}", f"{y} (%)", angka=True, unduh=False),
            Kolom(f"capaian_{y}_angka", f"Capaian {y} (%)", tampil=False),
            Kolom(f"kategori_{y}", f"Kategori {y}"),
        ]
    rows = []
    links = {}
    for a in site.data.terbaca:
        row: dict[str, Any] = {"instansi": a.nama}
        for y in years:
            r = _year_row(a, y)
            row[f"capaian_{y}"] = capaian_text(r.capaian, "kosong", unit=False) if r else MISSING
            row[f"capaian_{y}_angka"] = r.capaian if r else None
            row[f"kategori_{y}"] = (r.kategori or MISSING) if r else MISSING
        rows.append(row)
        if (target := site.home_of(a)) is not None:
            links[(len(rows) - 1, "instansi")] = target
    return TabelSitus(
        nama="capaian-instansi-per-tahun",
        judul=f"Capaian instansi per tahun, {years[0]}-{years[-1]}",
        kolom=cols,
        baris=rows,
        tautan=links,
        kepala_baris="instansi",
    )


def status(site: Kabupaten) -> None:
    data = site.data
    page = Halaman("status.html", "Status pelaporan", site.kerangka, [("Beranda", "index.html")])
    page.p(
        "Instansi yang sudah menerbitkan realisasinya: setiap tahun, dan setiap triwulan "
        "(sudah ada realisasi triwulan itu untuk sedikitnya satu indikator)."
    )
    agencies = data.terbaca
    if data.tahun:
        page.h2("Ringkasan")
        items = [
            (str(y), sum(_year_row(a, y) is not None for a in agencies), len(agencies))
            for y in data.tahun
        ]
        title = "Instansi yang sudah menerbitkan realisasi per tahun"
        page.add(grafik.figure(page, grafik.bagian(title, items, "instansi", "Sudah terbit")))
    for y in reversed(data.tahun):
        page.h2(f"Tahun {y}", anchor=f"tahun-{y}")
        counts = dict.fromkeys(QUARTERS, 0)
        due = 0
        rows = []
        links = {}
        for a in agencies:
            quarters = a.triwulan.get(y, {})
            row: dict[str, Any] = {"instansi": a.nama}
            inside = any(b.dalam_periode for b in quarters.values())
            due += inside
            for tw in QUARTERS:
                b = quarters.get(tw)
                if b is None or not b.dalam_periode:
                    row[f"tw_{tw}"] = "di luar periode"
                elif b.dilaporkan:
                    row[f"tw_{tw}"] = f"ada ({b.terisi} dari {b.jumlah_indikator} indikator)"
                    counts[tw] += 1
                else:
                    row[f"tw_{tw}"] = "belum"
            yr = _year_row(a, y)
            row["setahun"] = (
                f"ada ({yr.dengan_realisasi} dari {yr.bertarget} indikator bertarget)"
                if yr is not None
                else "belum"
            )
            rows.append(row)
            if (target := site.home_of(a)) is not None:
                links[(len(rows) - 1, "instansi")] = f"{target[: -len('index.html')]}status.html"
        shares = grafik.bagian(
            f"Instansi yang sudah melaporkan realisasi triwulan, {y}",
            [(f"TW {tw}", counts[tw], due) for tw in QUARTERS],
            "instansi",
            "Sudah melaporkan",
        )
        page.add(grafik.figure(page, shares))
        page.add(
            site.table(
                page,
                TabelSitus(
                    nama=f"status-instansi-{y}",
                    judul=f"Realisasi per triwulan dan setahun per instansi, {y}",
                    kolom=[
                        Kolom("instansi", "Instansi"),
                        *(Kolom(f"tw_{tw}", f"TW {tw}") for tw in QUARTERS),
                        Kolom("setahun", "Setahun"),
                    ],
                    baris=rows,
                    tautan=links,
                    kepala_baris="instansi",
                ),
            )
        )
    missing = len(data.instansi) - len(agencies)
    if missing:
        page.p(f"{missing} ruang kerja instansi: {NOT_SHOWN} (berkas IKU-nya belum dapat dibaca).")
    site.files[page.path] = page.render()


def unduhan(site: Kabupaten) -> None:
    page = Halaman("unduhan.html", "Unduhan", site.kerangka, [("Beranda", "index.html")])
    page.p(
        "Setiap tabel halaman kabupaten sebagai CSV (untuk Excel dan program pengolah data) dan "
        "JSON. Data dan dokumen setiap instansi ada di halaman Unduhan instansi itu."
    )
    page.h2("Data kabupaten")
    page.add(data_list(page, site.tables, "data/"))
    page.h2("Data setiap instansi")
    page.add(
        daftar(
            [
                page.link(a.nama or "", f"instansi/{site.slugs[id(a)]}/unduhan.html")
                for a in site.data.terbaca
            ]
        )
    )
    site.files[page.path] = page.render()
