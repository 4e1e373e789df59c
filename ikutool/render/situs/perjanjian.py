"""The Perjanjian Kinerja page: each year's PK (signed when, changed when), its targets against
the Renstra's, the history of every target a perubahan changed, and the Renstra's targets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.formatting.numbers import tanggal
from ikutool.formatting.values import MISSING
from ikutool.render.situs.instansi import Situs, period
from ikutool.render.situs.tabel import Kolom, TabelSitus

if TYPE_CHECKING:
    from ikutool.render.situs.halaman import Halaman
    from ikutool.reports.situs import TahunSitus


def page(site: Situs) -> None:
    data = site.data
    page = site.page("pk.html", "Perjanjian Kinerja", [("Beranda", site.home)])
    page.p(
        "Target yang ditandatangani kepala instansi untuk setiap tahun (Perjanjian Kinerja) dan "
        "perubahannya. Capaian suatu tahun diukur terhadap target Perjanjian Kinerja bila ada, "
        "dan terhadap target Renstra bila tidak."
    )
    with_pk = [t for t in data.tahun if t.pk is not None]
    for t in reversed(with_pk):
        _pk_year(site, page, t)
    without = [t.tahun for t in data.terbit if t.pk is None]
    if without:
        page.p(
            f"Tahun {', '.join(map(str, without))}: Perjanjian Kinerja tidak dimuat di situs ini; "
            "capaian tahun itu diukur terhadap target Renstra."
        )
    if not with_pk:
        page.p("Belum ada Perjanjian Kinerja yang dimuat di situs ini.")
    page.h2(f"Target Renstra {period(data)}")
    page.add(site.table(page, _renstra_table(site)))
    site.done(page)


def _pk_year(site: Situs, page: Halaman, t: TahunSitus) -> None:
    from ikutool.render.wording import group_name, pk_name, target_text

    p = t.pk
    assert p is not None
    page.h2(f"Perjanjian Kinerja Tahun {t.tahun}", anchor=f"pk-{t.tahun}")
    said = []
    if p.ditandatangani:
        said.append(f"Ditandatangani pada {tanggal(p.ditandatangani.isoformat())}.")
    dates = sorted(set(p.perubahan.values()))
    if dates:
        said.append(
            "Diubah dengan PK perubahan tanggal "
            + ", ".join(tanggal(d.isoformat()) for d in dates)
            + "."
        )
    if said:
        page.p(" ".join(said))
    rows = []
    for no, s in enumerate(t.hasil.sasaran, 1):
        for k, h in enumerate(s.indikator):
            if h.target_teks is None:
                continue
            rows.append(
                {
                    "no": str(no) if k == 0 else "",
                    "sasaran": group_name(s) if k == 0 else "",
                    "indikator": f"{h.kode} {h.uraian}",
                    "target": target_text(h, "; ").replace(" (PK)", ""),
                    "sumber": pk_name(h) if h.target_sumber == "pk" else "Renstra",
                    "target_renstra": h.target_renstra_teks or "",
                }
            )
    page.add(
        site.table(
            page,
            TabelSitus(
                nama=f"pk-{t.tahun}",
                judul=f"Perjanjian Kinerja Tahun {t.tahun}",
                kolom=[
                    Kolom("no", "No"),
                    Kolom("sasaran", "Sasaran"),
                    Kolom("indikator", "Indikator kinerja"),
                    Kolom("target", f"Target {t.tahun}"),
                    Kolom("sumber", "Sumber target"),
                    Kolom("target_renstra", "Target Renstra (bila berbeda)"),
                ],
                baris=rows,
                catatan=[
                    *t.catatan,
                    "Sumber target PK: target dari Perjanjian Kinerja (PK perubahan, dengan "
                    "tanggalnya, bila diubah); Renstra: sama dengan target Renstra.",
                ],
            ),
        )
    )
    history = _pk_history(t)
    if history:
        page.add(
            site.table(
                page,
                TabelSitus(
                    nama=f"pk-{t.tahun}-perubahan",
                    judul=f"Riwayat target Perjanjian Kinerja {t.tahun}",
                    kolom=[
                        Kolom("indikator", "Indikator"),
                        Kolom("berlaku", "Ditetapkan dengan"),
                        Kolom("target", "Target"),
                    ],
                    baris=history,
                ),
            )
        )


def _pk_history(t: TahunSitus) -> list[dict[str, Any]]:
    """Each target a perubahan changed, from the first PK to the last perubahan."""
    assert t.pk is not None
    rows = []
    for ind in (i for s in t.hasil.sasaran for i in s.indikator):
        steps = t.pk.riwayat.get(ind.kode, [])
        if not any(day is not None for day, _ in steps):
            continue
        for day, target in steps:
            rows.append(
                {
                    "indikator": f"{ind.kode} {ind.uraian}",
                    "berlaku": f"PK perubahan {tanggal(day.isoformat())}" if day else "PK awal",
                    "target": target.teks,
                }
            )
    return rows


def _renstra_table(site: Situs) -> TabelSitus:
    manual = site.data.manual
    years = list(site.data.iku.periode.tahun)
    rows = []
    links = {}
    for i, ind in enumerate(manual.indikator):
        row: dict[str, Any] = {"indikator": f"{ind.kode} {ind.uraian}"}
        for t in ind.target:
            row[str(t.tahun)] = t.teks or MISSING
        rows.append(row)
        links[(i, "indikator")] = site.indikator_href(ind.kode)
    return TabelSitus(
        nama="target-renstra",
        judul=f"Target Renstra per tahun, {period(site.data)}",
        kolom=[
            Kolom("indikator", "Indikator"),
            *(Kolom(str(y), str(y)) for y in years),
        ],
        baris=rows,
        tautan=links,
        kepala_baris="indikator",
    )
