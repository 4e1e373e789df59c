"""An indicator's page: what it is (the Manual IKU), its targets and realisasi over the period
(chart and table), its capaian per year, where it stands against the end-of-period target, its
quarters, and the notes that came with its figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.compute.capaian import STATUS_TEXT
from ikutool.definition.manual import POLARITAS_TEXT
from ikutool.formatting.values import MISSING, besaran, persen
from ikutool.model.quarters import QUARTERS
from ikutool.render.situs import grafik
from ikutool.render.situs.halaman import Halaman, daftar, esc
from ikutool.render.situs.instansi import (
    STATUS_DATA,
    Situs,
    _word,
    capaian_text,
    indikator_of,
)
from ikutool.render.situs.tabel import Kolom, TabelSitus

if TYPE_CHECKING:
    from ikutool.compute.capaian import HasilIndikator, HasilKomponen
    from ikutool.definition.manual import IndikatorManual
    from ikutool.reports.laporan import LaporanIndikator
    from ikutool.reports.triwulan import KomponenTriwulan


def page(site: Situs, group_kode: str, kode: str) -> None:
    data = site.data
    group = next(g for g in data.iku.groups() if g.kode == group_kode)
    man = next(m for m in data.manual.indikator if m.kode == kode)
    pg = site.page(
        f"indikator/{site.indikator_slug[kode]}.html",
        f"Indikator {kode}: {man.uraian}",
        [
            ("Beranda", site.home),
            (f"{_word(group.jenis)} {group.kode}", site.sasaran_href(group.kode)),
        ],
    )
    pg.add(_facts(site, man))
    pg.h2("Target dan realisasi")
    charts = _charts(site, pg, kode)
    table = site.table(pg, _history(site, kode, man))
    pg.tab_panels([("Grafik", charts), ("Tabel", table)] if charts else [("Tabel", table)])
    rep = _laporan_indikator(site, kode)
    if rep is not None:
        from ikutool.render.wording import kalimat

        pg.add(daftar([esc(kalimat(row)) for row in rep.tahun]))
        _end_target(site, pg, rep)
    _quarters(site, pg, kode)
    pg.h2("Manual IKU")
    pg.add(site.table(pg, _manual(site, man)))
    pg.h2("Catatan")
    notes = _notes(site, kode)
    pg.add(daftar([esc(n) for n in notes]) if notes else "<p>Tidak ada catatan.</p>")
    site.done(pg)


def _facts(site: Situs, man: IndikatorManual) -> str:
    iku = site.data.iku
    ind = iku.find_indikator(man.kode)
    bidang = iku.bidang_of(ind) if ind is not None else None
    facts = [
        ("Sasaran", f"{man.kelompok_kode} {man.kelompok_uraian}"),
        ("Satuan", man.satuan or MISSING),
        ("Polaritas", POLARITAS_TEXT.get(man.polaritas, man.polaritas)),
        ("Frekuensi pengukuran", man.frekuensi or MISSING),
        ("Target akhir periode", man.target_akhir or MISSING),
    ]
    if bidang is not None:
        facts.insert(1, ("Bidang", bidang.nama))
    last = site.data.terakhir
    h = indikator_of(last.hasil, man.kode) if last is not None else None
    if h is not None and last is not None:
        kat = f" ({h.kategori})" if h.kategori else ""
        facts.append((f"Capaian {last.tahun}", capaian_text(h.capaian, h.status) + kat))
    return (
        '<dl class="manual">'
        + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
        + "</dl>"
    )


def _laporan_indikator(site: Situs, kode: str) -> LaporanIndikator | None:
    if site.data.laporan is None:
        return None
    return next((i for s in site.data.laporan.sasaran for i in s.indikator if i.kode == kode), None)


def _by_year(site: Situs, kode: str) -> list[tuple[Any, HasilIndikator]]:
    out = []
    for t in site.data.tahun:
        h = indikator_of(t.hasil, kode)
        if h is not None:
            out.append((t, h))
    return out


def _components(rows: list[tuple[Any, HasilIndikator]]) -> list[tuple[str, HasilKomponen]]:
    """Each component (key, a year's component for its form) in the order first seen."""
    seen: dict[str, HasilKomponen] = {}
    for _, h in rows:
        for c in h.komponen:
            seen.setdefault(c.kunci, c)
    return list(seen.items())


MAX_COMPONENT_CHARTS = 3  # more: the capaian chart, and every component in the table


def _charts(site: Situs, pg: Halaman, kode: str) -> str:
    rows = _by_year(site, kode)
    comps = [
        key
        for key, _ in _components(rows)
        if any(c.kunci == key and c.realisasi is not None for t, h in rows if t.terbit
               for c in h.komponen)
    ]  # fmt: skip
    rep = _laporan_indikator(site, kode)
    ends = {}
    if rep is not None and rep.tahun and rep.tahun[-1].terhadap_target_akhir:
        ends = {c.kunci: c.target_akhir for c in rep.tahun[-1].terhadap_target_akhir}
    out = []
    if len(comps) <= MAX_COMPONENT_CHARTS:
        per_year = [
            (t.tahun, [c if t.terbit else c.model_copy(update={"realisasi": None})
                       for c in h.komponen])
            for t, h in rows
        ]  # fmt: skip
        uraian = rows[0][1].uraian if rows else ""
        end_year = site.data.iku.periode.akhir
        for g in grafik.komponen(kode, uraian, per_year, ends, end_year):
            out.append(grafik.figure(pg, g))
    items = [(t.tahun, h.capaian, h.kategori, h.status) for t, h in rows if t.terbit]
    out.append(grafik.figure(pg, grafik.per_tahun(f"Capaian {kode} per tahun", items,
                                                  site.data.skala)))  # fmt: skip
    if len(comps) > MAX_COMPONENT_CHARTS:
        out.append(
            f"<p>{esc(kode)} terdiri atas {len(comps)} komponen yang berbeda antartahun; target "
            "dan realisasi setiap komponen ada di tab Tabel.</p>"
        )
    return "".join(out)


def _history(site: Situs, kode: str, man: IndikatorManual) -> TabelSitus:
    from ikutool.render.wording import pk_name, realisasi_figure, sd_mark, target_figure

    rows: list[dict[str, Any]] = []
    bold = set()
    entries = _by_year(site, kode)
    several = any(len(h.komponen) > 1 for _, h in entries)
    for t, h in entries:
        source = (
            pk_name(h) if h.target_sumber == "pk" else "Renstra" if h.target_sumber else MISSING
        )
        status_data = STATUS_DATA.get(t.hasil.status_data) if t.terbit else "belum ada"
        comps: list[HasilKomponen | None] = [*h.komponen] or [None]
        for c in comps:
            one = len(h.komponen) <= 1
            rows.append(
                {
                    "tahun": t.tahun,
                    "komponen": (c.uraian or c.satuan) if c is not None and several else "",
                    "target": target_figure(c, unit=True)
                    if c is not None
                    else h.target_teks or MISSING,
                    "target_angka": c.target if c is not None else None,
                    "sumber_target": source,
                    "realisasi": realisasi_figure(c, unit=True) + sd_mark(c)
                    if c is not None and c.realisasi is not None
                    else MISSING,
                    "realisasi_angka": c.realisasi if c is not None else None,
                    "capaian": capaian_text(c.capaian, c.status, unit=False)
                    if c is not None
                    else capaian_text(None, h.status, unit=False),
                    "capaian_angka": c.capaian if c is not None else None,
                    "kategori": (h.kategori or MISSING) if one else "",
                    "status_data": status_data,
                }
            )
        if not one_row(h) and t.terbit:
            bold.add(len(rows))
            rows.append(
                {
                    "tahun": t.tahun,
                    "komponen": f"rata-rata {len(h.komponen)} komponen",
                    "target": "",
                    "target_angka": None,
                    "sumber_target": "",
                    "realisasi": "",
                    "realisasi_angka": None,
                    "capaian": capaian_text(h.capaian, h.status, unit=False),
                    "capaian_angka": h.capaian,
                    "kategori": h.kategori or MISSING,
                    "status_data": status_data,
                }
            )
    return TabelSitus(
        nama=f"indikator-{site.indikator_slug[kode]}-riwayat",
        judul=f"Target, realisasi dan capaian {kode} per tahun",
        kolom=[
            Kolom("tahun", "Tahun"),
            *([Kolom("komponen", "Komponen")] if several else []),
            Kolom("target", "Target", angka=True),
            Kolom("target_angka", "Target (angka)", tampil=False),
            Kolom("sumber_target", "Sumber target"),
            Kolom("realisasi", "Realisasi", angka=True),
            Kolom("realisasi_angka", "Realisasi (angka)", tampil=False),
            Kolom("capaian", "Capaian (%)", angka=True),
            Kolom("capaian_angka", "Capaian (%) (angka)", tampil=False),
            Kolom("kategori", "Kategori"),
            Kolom("status_data", "Status data"),
        ],
        baris=rows,
        tebal=bold,
        catatan=[
            "Target: target Perjanjian Kinerja tahun itu bila ada (PK, atau PK perubahan dengan "
            "tanggalnya), selain itu target Renstra. Status data: contoh (angka ilustrasi), "
            "sementara (belum final) atau final."
        ],
    )


def one_row(h: HasilIndikator) -> bool:
    return len(h.komponen) <= 1


def _end_target(site: Situs, pg: Halaman, rep: LaporanIndikator) -> None:
    from ikutool.render.wording import end_target_figure

    row = rep.terakhir
    if row is None:
        return
    pg.h2("Terhadap target akhir periode")
    end_year = site.data.iku.periode.akhir
    rows = []
    several = len(row.terhadap_target_akhir) > 1
    for c in row.terhadap_target_akhir:
        rows.append(
            {
                "komponen": (c.uraian or c.satuan) if several else "",
                "target_akhir": end_target_figure(c),
                "target_akhir_angka": c.target_akhir,
                "realisasi": besaran(
                    c.realisasi, c.satuan, jenis=c.jenis, skala=c.skala, rasio_dari=c.rasio_dari
                ),
                "realisasi_angka": c.realisasi,
                "capaian": capaian_text(c.capaian, c.status, unit=False),
                "capaian_angka": c.capaian,
            }
        )
    kolom = [
        *([Kolom("komponen", "Komponen")] if several else []),
        Kolom("target_akhir", f"Target akhir {end_year}", angka=True),
        Kolom("target_akhir_angka", "Target akhir (angka)", tampil=False),
        Kolom("realisasi", f"Realisasi {row.tahun}", angka=True),
        Kolom("realisasi_angka", "Realisasi (angka)", tampil=False),
        Kolom("capaian", "Capaian terhadap target akhir (%)", angka=True),
        Kolom("capaian_angka", "Capaian terhadap target akhir (%) (angka)", tampil=False),
    ]
    notes = []
    if row.capaian_target_akhir is not None:
        kat = f" ({row.kategori_target_akhir})" if row.kategori_target_akhir else ""
        notes.append(
            f"Capaian {row.tahun} terhadap target akhir periode: "
            f"{persen(row.capaian_target_akhir)}{kat}."
        )
    if rep.proyeksi is not None:
        notes.append(
            f"Proyeksi target akhir {rep.proyeksi.tahun_akhir}: {rep.proyeksi.status} (menurut "
            "laju realisasi tahun-tahun yang sudah ada dibanding laju yang diperlukan)."
        )
    pg.add(
        site.table(
            pg,
            TabelSitus(
                nama=f"indikator-{site.indikator_slug[rep.kode]}-target-akhir",
                judul=f"Realisasi {row.tahun} terhadap target akhir periode {end_year}",
                kolom=kolom,
                baris=rows,
                catatan=notes,
            ),
        )
    )


def _quarters(site: Situs, pg: Halaman, kode: str) -> None:
    shown = False
    for t in reversed(site.data.terbit):
        per_tw = {tw: _tw_indicator(t.triwulan[tw], kode) for tw in QUARTERS}
        if not any(
            c.target_tw is not None or (tw != "IV" and c.realisasi_tw is not None)
            for tw, ind in per_tw.items()
            if ind is not None
            for c in ind.komponen
        ):
            continue
        if not shown:
            pg.h2("Realisasi per triwulan")
            shown = True
        pg.add(site.table(pg, _quarter_table(site, kode, t.tahun, per_tw)))
    if not shown and site.data.terbit:
        pg.h2("Realisasi per triwulan")
        pg.p("Realisasi indikator ini ditulis setahun, tidak per triwulan.")


def _tw_indicator(hasil: Any, kode: str) -> Any:
    return next((i for s in hasil.sasaran for i in s.indikator if i.kode == kode), None)


def _quarter_table(site: Situs, kode: str, tahun: int, per_tw: dict[str, Any]) -> TabelSitus:
    rows: list[dict[str, Any]] = []
    several = any(len(i.komponen) > 1 for i in per_tw.values() if i is not None)
    for tw in QUARTERS:
        ind = per_tw[tw]
        if ind is None:
            continue
        for c in ind.komponen:
            rows.append(_quarter_row(tw, c, several))
    return TabelSitus(
        nama=f"indikator-{site.indikator_slug[kode]}-triwulan-{tahun}",
        judul=f"Realisasi {kode} per triwulan, {tahun}",
        kolom=[
            Kolom("triwulan", "Triwulan"),
            *([Kolom("komponen", "Komponen")] if several else []),
            Kolom("target_tw", "Target TW (rencana aksi)", angka=True),
            Kolom("target_tw_angka", "Target triwulan (angka)", tampil=False),
            Kolom("realisasi_tw", "Realisasi TW", angka=True),
            Kolom("realisasi_tw_angka", "Realisasi triwulan (angka)", tampil=False),
            Kolom("realisasi_sd_tw", "Realisasi s.d. TW", angka=True),
            Kolom("realisasi_sd_tw_angka", "Realisasi s.d. triwulan (angka)", tampil=False),
            Kolom("capaian_sd_tw", "Capaian s.d. TW (%)", angka=True),
            Kolom("capaian_sd_tw_angka", "Capaian s.d. triwulan (%) (angka)", tampil=False),
            Kolom("progres", "Progres thd target tahun (%)", angka=True),
            Kolom("progres_angka", "Progres thd target tahunan (%) (angka)", tampil=False),
            Kolom("keterangan", "Keterangan"),
        ],
        baris=rows,
        catatan=[
            "Capaian s.d. triwulan = realisasi s.d. triwulan / target s.d. triwulan menurut "
            "rencana aksi x 100. Progres = realisasi s.d. triwulan / target tahunan x 100 "
            "(tidak dikategorikan sebelum TW IV)."
        ],
    )


def _quarter_row(tw: str, c: KomponenTriwulan, several: bool) -> dict[str, Any]:
    def fig(value: float | None) -> str:
        return besaran(
            value, c.satuan, jenis=c.jenis, skala=c.skala, rasio_dari=c.rasio_dari, rerata=True
        )

    sd = fig(c.realisasi_sd_tw)
    if c.realisasi_sd_tw is not None and c.sd_triwulan and c.sd_triwulan != tw:
        sd += f" (s.d. TW {c.sd_triwulan})"
    return {
        "triwulan": f"TW {tw}",
        "komponen": (c.uraian or c.satuan) if several else "",
        "target_tw": c.target_tw_tulisan or fig(c.target_tw),
        "target_tw_angka": c.target_tw,
        "realisasi_tw": fig(c.realisasi_tw),
        "realisasi_tw_angka": c.realisasi_tw,
        "realisasi_sd_tw": sd,
        "realisasi_sd_tw_angka": c.realisasi_sd_tw,
        "capaian_sd_tw": persen(c.capaian_sd_tw, unit=False),
        "capaian_sd_tw_angka": c.capaian_sd_tw,
        "progres": persen(c.progres_tahun, unit=False),
        "progres_angka": c.progres_tahun,
        "keterangan": c.catatan or "",
    }


def _manual(site: Situs, man: IndikatorManual) -> TabelSitus:
    from ikutool.render.documents.manual import rows as manual_rows

    def text(run: Any) -> str:
        if isinstance(run, tuple):
            return "belum ditulis" if run[1] == "placeholder" else run[0]
        return str(run)

    rows = [{"unsur": text(a), "uraian": text(b)} for a, b in manual_rows(man)]
    return TabelSitus(
        nama=f"indikator-{site.indikator_slug[man.kode]}-manual",
        judul=f"Manual IKU {man.kode}",
        kolom=[Kolom("unsur", "Unsur"), Kolom("uraian", "Uraian")],
        baris=rows,
        kepala_baris="unsur",
    )


def _notes(site: Situs, kode: str) -> list[str]:
    from ikutool.render.documents.pengukuran import figure_warnings
    from ikutool.render.wording import for_reader

    out = []
    for t, h in _by_year(site, kode):
        if not t.terbit:
            continue
        if h.catatan:
            out.append(f"{t.tahun}: {h.catatan}")
        if h.sumber:
            out.append(f"{t.tahun}: sumber data realisasi: {h.sumber}")
        out += [f"{t.tahun}: {w}" for w in figure_warnings(h, for_reader)]
        if h.status not in ("ada", "sebagian") and h.target_teks is not None:
            out.append(f"{t.tahun}: {STATUS_TEXT.get(h.status, h.status)}")
    return out
