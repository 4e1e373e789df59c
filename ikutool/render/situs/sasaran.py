"""A sasaran's page on an agency's site (a kelompok's or a tujuan's alike): its capaian per
year as a chart and a table, its indicators in the last year's pengukuran kinerja, its money."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikutool.formatting.values import MISSING
from ikutool.render.situs import grafik
from ikutool.render.situs.halaman import daftar
from ikutool.render.situs.instansi import (
    STATUS_DATA,
    Situs,
    _word,
    capaian_text,
    group_kind_text,
    group_of,
)
from ikutool.render.situs.pengukuran import pengukuran_table
from ikutool.render.situs.tabel import Kolom, TabelSitus

if TYPE_CHECKING:
    from ikutool.model.iku import Sasaran, Tujuan
    from ikutool.render.situs.halaman import Halaman


def page(site: Situs, kode: str) -> None:
    """A sasaran's (or kelompok's, tujuan's) page: capaian per year, its indicators' rows of
    the last year's pengukuran, its money, its indicators."""
    data = site.data
    group = next(g for g in data.iku.groups() if g.kode == kode)
    page = site.page(
        f"sasaran/{site.sasaran_slug[kode]}.html",
        f"{_word(group.jenis)} {group.kode}: {group.uraian}",
        [("Beranda", site.home)],
    )
    note = group_kind_text(group.jenis)
    if note:
        page.p(note)
    page.p(f"{len(group.indikator)} indikator.")
    if data.terbit:
        _per_year(site, page, group)
        last = data.terakhir
        assert last is not None
        page.h2(f"Indikator tahun {last.tahun}")
        page.add(site.table(page, pengukuran_table(site, last, kode)))
    from ikutool.render.situs.anggaran import sasaran_money

    money = sasaran_money(site, kode)
    if money is not None:
        page.h2("Anggaran")
        page.add(site.table(page, money))
    page.h2("Indikator")
    page.add(
        daftar(
            [
                page.link(f"{i.kode} {i.uraian}", site.indikator_href(i.kode))
                for i in group.indikator
            ]
        )
    )
    site.done(page)


def _per_year(site: Situs, page: Halaman, group: Sasaran | Tujuan) -> None:
    """The group's capaian in each published year: a table, and its chart for a sasaran (a
    kelompok's or tujuan's indicators are not averaged)."""
    page.h2(f"Capaian {_word(group.jenis).lower()} per tahun")
    rows = []
    items = []
    for t in site.data.terbit:
        s = group_of(t.hasil, group.kode)
        if s is None:
            continue
        counted = sum(i.capaian is not None for i in s.indikator)
        value_text = (
            capaian_text(s.capaian, s.status, unit=False)
            if s.jenis == "sasaran"
            else "tidak dirata-ratakan"
        )
        rows.append(
            {
                "tahun": t.tahun,
                "capaian": value_text,
                "capaian_angka": s.capaian,
                "kategori": s.kategori or MISSING,
                "indikator": f"{counted} dari {s.jumlah_indikator}",
                "status_data": STATUS_DATA.get(t.hasil.status_data, t.hasil.status_data),
            }
        )
        items.append((t.tahun, s.capaian, s.kategori, s.status))
    table = TabelSitus(
        nama=f"sasaran-{site.sasaran_slug[group.kode]}-per-tahun",
        judul=f"Capaian {group.kode} per tahun",
        kolom=[
            Kolom("tahun", "Tahun"),
            Kolom("capaian", "Capaian (%)", angka=True, unduh=False),
            Kolom("capaian_angka", "Capaian (%)", tampil=False),
            Kolom("kategori", "Kategori"),
            Kolom("indikator", "Indikator dengan angka capaian"),
            Kolom("status_data", "Status data"),
        ],
        baris=rows,
        kepala_baris="tahun",
    )
    chart = ""
    if group.jenis == "sasaran":
        g = grafik.per_tahun(f"Capaian {group.kode} per tahun", items, site.data.skala)
        chart = grafik.figure(page, g)
    if chart:
        page.tab_panels([("Grafik", chart), ("Tabel", site.table(page, table))])
    else:
        page.add(site.table(page, table))
