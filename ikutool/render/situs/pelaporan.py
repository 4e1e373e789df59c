"""The reporting-status page of an agency: per year, which indicators have a realisasi for the
year and for each quarter (Open SDG's "reporting status", per SAKIP quarter)."""

from __future__ import annotations

from typing import Any

from ikutool.compute.capaian import STATUS_TEXT
from ikutool.model.quarters import QUARTERS
from ikutool.render.situs import grafik
from ikutool.render.situs.instansi import STATUS_DATA, Situs
from ikutool.render.situs.tabel import Kolom, TabelSitus

QUARTER_CELL = {True: "ada", False: "belum", None: "diukur tahunan"}
# the year's realisasi, as the status table says it (the capaian's own status otherwise)
YEAR_CELL = {"ada": "ada", "sebagian": "sebagian komponen", "belum_ada_realisasi": "belum"}


def page(site: Situs) -> None:
    from ikutool.reports.situs import quarter_has

    data = site.data
    page = site.page("status.html", "Status pelaporan", [("Beranda", site.home)])
    page.p(
        "Realisasi yang sudah dilaporkan: untuk setiap tahun, indikator yang sudah berisi "
        "realisasi setahun dan triwulan yang sudah terisi."
    )
    if data.terbit:
        items = []
        for t in data.terbit:
            inds = [i for s in t.hasil.sasaran for i in s.indikator if i.target_teks is not None]
            got = sum(any(c.realisasi is not None for c in i.komponen) for i in inds)
            items.append((str(t.tahun), got, len(inds)))
        page.h2("Ringkasan")
        title = "Indikator bertarget yang sudah berisi realisasi"
        chart = grafik.bagian(title, items, "indikator bertarget", "Berisi realisasi")
        page.add(grafik.figure(page, chart))
    for t in reversed(data.terbit):
        page.h2(f"Tahun {t.tahun}", anchor=f"tahun-{t.tahun}")
        page.p(
            f"Status data realisasi: {STATUS_DATA.get(t.hasil.status_data, t.hasil.status_data)}."
        )
        rows = []
        counts = dict.fromkeys(QUARTERS, 0)
        total = 0
        for s in t.hasil.sasaran:
            for h in s.indikator:
                total += 1
                row: dict[str, Any] = {"indikator": f"{h.kode} {h.uraian}"}
                for tw in QUARTERS:
                    has = quarter_has(t.triwulan[tw], h.kode)
                    row[f"tw_{tw}"] = QUARTER_CELL[has]
                    counts[tw] += bool(has)
                reach = next((c.sd_triwulan for c in h.komponen if c.sd_triwulan), None)
                row["setahun"] = YEAR_CELL.get(h.status, STATUS_TEXT.get(h.status, h.status)) + (
                    f" (s.d. TW {reach})" if reach else ""
                )
                rows.append(row)
        shares = grafik.bagian(
            f"Indikator yang sudah berisi realisasi per triwulan, {t.tahun}",
            [(f"TW {tw}", counts[tw], total) for tw in QUARTERS],
            "indikator",
            "Berisi realisasi",
        )
        page.add(grafik.figure(page, shares))
        page.add(
            site.table(
                page,
                TabelSitus(
                    nama=f"status-{t.tahun}",
                    judul=f"Realisasi per triwulan dan setahun, {t.tahun}",
                    kolom=[
                        Kolom("indikator", "Indikator"),
                        *(Kolom(f"tw_{tw}", f"TW {tw}") for tw in QUARTERS),
                        Kolom("setahun", "Setahun"),
                    ],
                    baris=rows,
                    kepala_baris="indikator",
                    catatan=[
                        "ada: realisasi triwulan itu sudah diisi; belum: belum diisi; diukur "
                        "tahunan: indikator yang diukur sekali setahun (pada TW IV).",
                        *t.catatan,
                    ],
                ),
            )
        )
    rest = [t.tahun for t in data.tahun if not t.terbit]
    if rest:
        page.p(f"Belum ada realisasi yang diterbitkan untuk tahun {', '.join(map(str, rest))}.")
    site.done(page)
