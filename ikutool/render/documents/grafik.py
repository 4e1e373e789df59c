"""The charts of the documents, each drawn from figures a table of the same document shows (the
results derived once per year): a chart never carries a figure of its own, and its caption says
which table holds them in full.

- capaian per sasaran and per indicator against the 100 % line, coloured by kategori;
- target and realisasi per year of the period, with the end target;
- capaian s.d. a quarter against the rencana aksi (or, without one, progress to the year's
  target, not graded);
- serapan per program; E.81's column 14 per program and indicator;
- agencies ranked by capaian, and how much of the quarter each has reported (the roll-up);
- shares (how many of how many have reported), the public site's status pages.

The site (:mod:`ikutool.render.situs.grafik`) draws its charts with these builders too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.formatting.values import persen
from ikutool.render.blocks import Acuan, Grafik, Seri
from ikutool.render.charts import KEDUA, REALISASI, TARGET, fill_of

if TYPE_CHECKING:
    from ikutool.compute.capaian import HasilKomponen
    from ikutool.model.iku import Skala

SERATUS = Acuan(100.0, "100 %")
KATEGORI_86 = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
# a capaian's axis ends here: one of thousands of % (a target of 1 reached 78 times) would
# shrink every other bar to a sliver; it is cut, its figure written whole
CAPAIAN_MAKS = 250.0


def _legend(labels: list[str | None], skala: Skala | None = None) -> list[tuple[str, str]]:
    """The kategori that occur, in the scale's order, then the others as they come."""
    seen = [k for k in dict.fromkeys(labels) if k]
    scale = [t.label for t in skala.tingkat] if skala is not None else list(KATEGORI_86)
    order = [k for k in scale if k in seen] + [k for k in seen if k not in scale]
    return [(fill_of(k, skala), k) for k in order]


def _graded(value: float | None, kategori: str | None, status: str | None = None) -> str:
    """A bar's words: the figure and its kategori, as the table has them (a partial composite
    marked as there); without a figure, why."""
    if value is None:
        from ikutool.compute.capaian import STATUS_TEXT

        why = STATUS_TEXT.get(status or "", "") if status not in (None, "ada", "sebagian") else ""
        return why or "belum dapat dihitung"
    mark = " *)" if status == "sebagian" else ""
    return f"{persen(value)}{mark} ({kategori})" if kategori else persen(value) + mark


def capaian_bars(
    nomor: str,
    judul: str,
    rows: list[tuple[str, str, float | None, str | None]],
    *,
    seri: str,
    sumber: str,
    status: list[str] | None = None,
    keterangan: list[str] | None = None,
    skala: Skala | None = None,
    lebar_mm: float = 160.0,
) -> Grafik | None:
    """Horizontal bars, one per (kode, name, capaian, kategori), coloured and hatched by
    kategori (another scale's by ``skala``), with the 100 % line; a row without a figure says
    why (its ``status``, or its own ``keterangan``). None when no row has a figure (an empty
    chart says nothing)."""
    if not any(v is not None for _, _, v, _ in rows):
        return None
    kats = [k for _, _, _, k in rows]
    words = [
        keterangan[i] if keterangan and v is None else _graded(v, k, status[i] if status else None)
        for i, (_, _, v, k) in enumerate(rows)
    ]
    return Grafik(
        nomor,
        judul,
        "batang",
        [f"{kode} {name}".strip() for kode, name, _, _ in rows],
        [kode for kode, _, _, _ in rows],
        [
            Seri(
                seri,
                [v for _, _, v, _ in rows],
                REALISASI,
                [fill_of(k, skala) for k in kats],
                words,
            )
        ],
        "%",
        [SERATUS],
        _legend(kats, skala),
        sumber,
        lebar_mm,
        sumbu_maks=CAPAIAN_MAKS,
    )


def sasaran_chart(hasil: Any, nomor: str, sumber: str, **kw: Any) -> Grafik | None:
    """Capaian per sasaran of one year (:class:`ikutool.compute.capaian.HasilCapaian`): each
    sasaran's own figure, the mean of its indicators."""
    shown = [s for s in hasil.sasaran if s.jenis == "sasaran"]
    return capaian_bars(
        nomor,
        f"Capaian kinerja per sasaran tahun {hasil.tahun}",
        [(s.kode, s.uraian, s.capaian, s.kategori) for s in shown],
        seri=f"Capaian {hasil.tahun}",
        sumber=sumber,
        status=[s.status for s in shown],
        **kw,
    )


def indikator_chart(hasil: Any, nomor: str, sumber: str, **kw: Any) -> Grafik | None:
    """Capaian per indicator of one year."""
    shown = [i for s in hasil.sasaran for i in s.indikator]
    return capaian_bars(
        nomor,
        f"Capaian kinerja per indikator tahun {hasil.tahun}",
        [(i.kode, i.uraian, i.capaian, i.kategori) for i in shown],
        seri=f"Capaian {hasil.tahun}",
        sumber=sumber,
        status=[i.status for i in shown],
        **kw,
    )


def target_realisasi_chart(
    nomor: str,
    judul: str,
    years: list[int],
    target: dict[int, float | None],
    realisasi: dict[int, float | None],
    satuan: str,
    akhir: tuple[int, float] | None,
    sumber: str,
    **kw: Any,
) -> Grafik | None:
    """Vertical bars per year of the period: the year's target beside its realisasi, the end
    target dashed across. None without a single realisasi."""
    if not any(realisasi.get(y) is not None for y in years):
        return None
    from ikutool.formatting.values import angka

    acuan = (
        [Acuan(akhir[1], f"Target akhir {akhir[0]}: {angka(akhir[1])} {satuan}".strip())]
        if akhir is not None
        else []
    )
    labels = [str(y) for y in years]
    return Grafik(
        nomor,
        judul,
        "kolom",
        labels,
        labels,
        [
            Seri("Target", [target.get(y) for y in years], TARGET),
            Seri("Realisasi", [realisasi.get(y) for y in years], REALISASI),
        ],
        satuan,
        acuan,
        [],
        sumber,
        **kw,
    )


def triwulan_chart(h: Any, nomor: str, sumber: str, **kw: Any) -> Grafik | None:
    """Per indicator: capaian s.d. the quarter against the rencana aksi, graded; without a
    plan, progress s.d. the quarter against the year's target, not graded (ungraded before the
    year ends)."""
    tw = h.triwulan
    inds = [i for s in h.sasaran for i in s.indikator]
    planned = any(i.capaian_sd_tw is not None for i in inds)
    if planned:
        rows = [(i.kode, i.uraian, i.capaian_sd_tw, i.kategori) for i in inds]
        return capaian_bars(
            nomor,
            f"Capaian s.d. triwulan {tw} tahun {h.tahun} terhadap rencana aksi",
            rows,
            seri=f"Capaian s.d. TW {tw}",
            sumber=sumber,
            **kw,
        )
    rows = [(i.kode, i.uraian, i.progres_tahun, None) for i in inds]
    g = capaian_bars(
        nomor,
        f"Progres s.d. triwulan {tw} tahun {h.tahun} terhadap target tahunan (belum dinilai)",
        rows,
        seri=f"Progres s.d. TW {tw}",
        sumber=sumber,
        **kw,
    )
    if g is not None:
        g.seri[0].tiap = None
        g.legenda = []
    return g


def serapan_chart(
    nomor: str, judul: str, rows: list[tuple[str, str, float | None]], sumber: str, **kw: Any
) -> Grafik | None:
    """Serapan per program (realisasi / pagu x 100), the 100 % line."""
    if not any(v is not None for _, _, v in rows):
        return None
    return Grafik(
        nomor,
        judul,
        "batang",
        [f"{kode} {name}".strip() for kode, name, _ in rows],
        [kode for kode, _, _ in rows],
        [
            Seri(
                "Serapan",
                [v for _, _, v in rows],
                KEDUA,
                None,
                [persen(v) if v is not None else "belum dapat dihitung" for _, _, v in rows],
            )
        ],
        "%",
        [SERATUS],
        [],
        sumber,
        **kw,
    )


def renja_chart(h: Any, nomor: str, sumber: str, **kw: Any) -> Grafik | None:
    """E.81 column 14, the level reached against the Renstra: K per indicator (dark), Rp per
    program (light), in the form's order."""
    rows = [r for r in h.baris if r.jenis in ("program", "indikator")]
    values = [r.kolom["14"].rp if r.jenis == "program" else r.kolom["14"].k for r in rows]
    if not any(v is not None for v in values):
        return None
    fills: list[str | None] = [KEDUA if r.jenis == "program" else REALISASI for r in rows]
    part = ["Rp" if r.jenis == "program" else "K" for r in rows]
    return Grafik(
        nomor,
        f"Tingkat capaian s.d. tahun {h.tahun} terhadap Renstra (kolom 14)",
        "batang",
        [f"{r.kode or ''} {r.uraian}".strip() for r in rows],
        [r.kode or r.uraian[:12] for r in rows],
        [
            Seri(
                "Kolom 14",
                values,
                REALISASI,
                fills,
                [
                    f"{persen(v)} ({p})" if v is not None else f"- ({p})"
                    for v, p in zip(values, part, strict=True)
                ],
            )
        ],
        "%",
        [SERATUS],
        [(REALISASI, "K: indikator"), (KEDUA, "Rp: program")],
        sumber,
        **kw,
    )


def peringkat_chart(
    nomor: str, judul: str, rows: list[tuple[str, float | None, str | None]], sumber: str,
    **kw: Any,
) -> Grafik | None:  # fmt: skip
    """Agencies ranked by capaian (highest first; those without a figure last, said so)."""
    ranked = sorted(rows, key=lambda r: (r[1] is None, -(r[1] or 0.0)))
    g = capaian_bars(
        nomor,
        judul,
        [(str(n), name, v, k) for n, (name, v, k) in enumerate(ranked, 1)],
        seri="Capaian",
        sumber=sumber,
        **kw,
    )
    if g is not None:  # the rank before each name: "1 Dinas ...", the workbook's categories 1, 2
        g.kategori = [f"{n}. {name}" for n, (name, _, _) in enumerate(ranked, 1)]
    return g


def pelaporan_chart(
    nomor: str, judul: str, rows: list[tuple[str, int, int]], sumber: str, **kw: Any
) -> Grafik | None:
    """Per agency: how many of its indicators have the quarter's realisasi (of how many)."""
    return bagian_chart(nomor, judul, rows, sumber, **kw)


def bagian_chart(
    nomor: str,
    judul: str,
    rows: list[tuple[str, int, int]],
    sumber: str,
    *,
    apa: str = "indikator",
    seri: str = "Indikator terisi",
    lebar_mm: float = 160.0,
) -> Grafik | None:
    """Shares, one bar per (name, how many, of how many) as a percentage against the 100 %
    line, each saying "8 dari 9 indikator" (``apa``: what is counted)."""
    if not rows:
        return None
    values: list[float | None] = [(n / total * 100) if total else None for _, n, total in rows]
    return Grafik(
        nomor,
        judul,
        "batang",
        [name for name, _, _ in rows],
        [name[:20] for name, _, _ in rows],
        [
            Seri(
                seri,
                values,
                REALISASI,
                None,
                [f"{n} dari {total} {apa}" for _, n, total in rows],
            )
        ],
        "%",
        [SERATUS],
        [],
        sumber,
        lebar_mm,
    )


def _numeric(c: Any) -> bool:
    """A component drawn as bars: a count, an amount, a percentage (a ratio's per-one figures
    and a predikat's ranks are not lengths)."""
    return getattr(c, "jenis", "angka") in ("angka", "rupiah")


class Nomor:
    """The next chart's number ("Grafik 3.2"), taken only by a chart that is drawn."""

    def __init__(self, prefix: str = "Grafik ", n: int = 0) -> None:
        self.prefix, self.n = prefix, n

    def __call__(self) -> str:
        self.n += 1
        return f"{self.prefix}{self.n}"

    def take(self, g: Grafik | None) -> Grafik | None:
        """Number ``g`` (when there is one) and return it."""
        if g is not None:
            g.nomor = self()
        return g


def laporan_charts(laporan: Any) -> list[Grafik]:
    """The report's charts (:class:`ikutool.reports.laporan.Laporan`): capaian per indicator
    for each year reported, then target and realisasi per year of each numeric component, with
    the end target of the period."""
    nomor = Nomor()
    out: list[Grafik] = []
    for result in laporan.per_tahun:
        g = nomor.take(
            indikator_chart(result, "", "Angka lengkap pada tabel pengukuran kinerja tahun itu.")
        )
        if g is not None:
            out.append(g)
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            out += indicator_year_charts(
                ind.kode,
                ind.uraian,
                ind.tahun,
                laporan.periode_akhir,
                nomor,
                "Angka lengkap pada tabel ringkasan per indikator.",
            )
    return out


def indicator_year_charts(
    kode: str,
    uraian: str,
    riwayat: list[Any],
    periode_akhir: int,
    nomor: Any,
    sumber: str,
    *,
    target: bool = True,
    lebar_mm: float = 110.0,
) -> list[Grafik]:
    """Per numeric component of one indicator, over the years of ``riwayat`` (its
    :class:`ikutool.reports.laporan.TahunIndikator` rows): the realisasi of each year (beside
    its target, with ``target``) and the end target of the period dashed across. ``nomor``
    gives the next chart's number when asked (a chart not drawn takes none). A component with
    realisasi in fewer than two years is not drawn: one bar says nothing a table does not."""
    ends = {a.kunci: a.target_akhir for a in (riwayat[-1].terhadap_target_akhir or [])}
    out = component_charts(
        kode,
        uraian,
        [(r.tahun, list(r.hasil.komponen)) for r in riwayat],
        ends,
        periode_akhir,
        sumber,
        target=target,
        lebar_mm=lebar_mm,
    )
    for g in out:
        g.nomor = nomor()
    return out


def component_charts(
    kode: str,
    uraian: str,
    per_tahun: list[tuple[int, list[HasilKomponen]]],
    akhir: dict[str, float],
    periode_akhir: int,
    sumber: str,
    *,
    target: bool = True,
    lebar_mm: float = 110.0,
    minimal: int = 2,
) -> list[Grafik]:
    """Per numeric component (one with a target in some year), over the years of
    ``per_tahun`` (each year's components): its realisasi per year, beside its target (with
    ``target``), the end target (``akhir``, per component key) dashed across; not numbered.
    A component with realisasi in fewer than ``minimal`` years is not drawn."""
    from ikutool.render.wording import component_label

    keys: list[str] = []
    for _, komponen in per_tahun:
        for c in komponen:
            if c.kunci not in keys and c.target is not None and _numeric(c):
                keys.append(c.kunci)
    out: list[Grafik] = []
    years = [y for y, _ in per_tahun]
    for key in keys:
        comps = {y: next((c for c in komponen if c.kunci == key), None)
                 for y, komponen in per_tahun}  # fmt: skip
        any_comp = next(c for c in comps.values() if c is not None)
        if sum(1 for c in comps.values() if c is not None and c.realisasi is not None) < minimal:
            continue
        ends = (periode_akhir, akhir[key]) if key in akhir else None
        what = uraian if len(keys) == 1 else component_label(any_comp)
        unit = f" ({any_comp.satuan})" if any_comp.satuan and any_comp.satuan != what else ""
        g = target_realisasi_chart(
            "",
            f"{'Target dan realisasi' if target else 'Realisasi'} {kode} {what}"
            + ("" if target else " per tahun")
            + unit,
            years,
            {y: c.target if c else None for y, c in comps.items()},
            {y: c.realisasi if c else None for y, c in comps.items()},
            any_comp.satuan,
            ends,
            sumber,
            lebar_mm=lebar_mm,
        )
        if g is None:
            continue
        if target:
            g.seri[0].atas = [c.target_maks if c else None for c in comps.values()]
        else:  # the years' targets stand in no table of the document: drawn only where they do
            g.seri = g.seri[1:]
        out.append(g)
    return out
