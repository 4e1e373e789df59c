"""An agency's money on its site: each year's programs (pagu, realisasi, serapan, as LKjIP Bab
III B and E.81 show them) and each sasaran's, all from :mod:`ikutool.compute.money`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.formatting.values import MISSING, persen, rupiah
from ikutool.render.situs.instansi import Situs, money_years
from ikutool.render.situs.tabel import Kolom, TabelSitus

if TYPE_CHECKING:
    from ikutool.compute.money import Anggaran, UangProgram

MONEY_COLUMNS = [
    Kolom("tahun", "Tahun"),
    Kolom("pagu", "Pagu (Rp)", angka=True, unduh=False),
    Kolom("pagu_angka", "Pagu (Rp)", tampil=False),
    Kolom("realisasi", "Realisasi (Rp)", angka=True, unduh=False),
    Kolom("realisasi_angka", "Realisasi (Rp)", tampil=False),
    Kolom("serapan", "Serapan (%)", angka=True, unduh=False),
    Kolom("serapan_angka", "Serapan (%)", tampil=False),
]


def _money_cells(money: Anggaran | UangProgram | None) -> dict[str, Any]:
    """Pagu, realisasi and serapan as every document writes them (compute.money's figures)."""
    pagu = money.pagu if money else None
    spent = money.realisasi if money else None
    share = money.serapan if money else None
    return {
        "pagu": rupiah(pagu, unit=False),
        "pagu_angka": pagu,
        "realisasi": rupiah(spent, unit=False),
        "realisasi_angka": spent,
        "serapan": persen(share, unit=False),
        "serapan_angka": share,
    }


def sasaran_money(site: Situs, kode: str) -> TabelSitus | None:
    """The money of the programs that count for the sasaran, per year (compute.money)."""
    from ikutool.compute.money import jumlah

    rows = []
    for t in money_years(site.data):
        assert t.uang is not None
        counted = t.uang.counted_for(kode)
        money = jumlah(counted)
        others = [p.nama for p in t.uang.supporting(kode) if p not in counted]
        if money is None and not others:
            continue
        rows.append(
            {
                "tahun": t.tahun,
                **_money_cells(money),
                "program": "; ".join(money.program) if money else "",
                "program_lain": "; ".join(others),
            }
        )
    if not rows:
        return None
    return TabelSitus(
        nama=f"sasaran-{site.sasaran_slug[kode]}-anggaran",
        judul=f"Anggaran program sasaran {kode} per tahun",
        kolom=[
            *MONEY_COLUMNS,
            Kolom("program", "Program"),
            Kolom("program_lain", "Program lain yang juga mendukung"),
        ],
        baris=rows,
        kepala_baris="tahun",
        catatan=[
            "Anggaran sasaran: jumlah program yang sasaran pertamanya sasaran ini (program yang "
            "mendukung beberapa sasaran dihitung sekali). Serapan = realisasi / pagu x 100."
        ],
    )


def page(site: Situs) -> None:
    """Each year's programs: pagu, realisasi and serapan (LKjIP Bab III B), and their sum."""
    from ikutool.compute.money import jumlah

    page = site.page("anggaran.html", "Realisasi anggaran", [("Beranda", site.home)])
    page.p(
        "Pagu dan realisasi anggaran setiap program, per tahun, dan serapannya (realisasi / "
        "pagu x 100)."
    )
    for t in reversed(money_years(site.data)):
        assert t.uang is not None
        page.h2(f"Tahun {t.tahun}", anchor=f"tahun-{t.tahun}")
        total = jumlah(t.uang.program)
        rows = [
            {
                "no": str(n),
                "kode": p.kode or MISSING,
                "program": p.nama,
                "sasaran": ", ".join(p.sasaran),
                **_money_cells(p),
            }
            for n, p in enumerate(t.uang.program, 1)
        ]
        rows.append(
            {"no": "", "kode": "", "program": "Jumlah", "sasaran": "", **_money_cells(total)}
        )
        said = [f"{k[0].upper()}{k[1:]}." for k in total.kurang] if total else []
        page.add(
            site.table(
                page,
                TabelSitus(
                    nama=f"anggaran-{t.tahun}",
                    judul=f"Realisasi anggaran per program tahun {t.tahun}",
                    kolom=[
                        Kolom("no", "No"),
                        Kolom("kode", "Kode"),
                        Kolom("program", "Program"),
                        Kolom("sasaran", "Sasaran"),
                        *MONEY_COLUMNS[1:],
                    ],
                    baris=rows,
                    tebal={len(rows) - 1},
                    catatan=[*t.catatan, *said],
                ),
            )
        )
    site.done(page)
