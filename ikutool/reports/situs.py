"""What an agency's public site (``iku situs``) shows, as data: every figure taken from the
stages that compute it for every other document, nothing computed here.

- the years are read through :mod:`ikutool.workspace.year` (a :class:`PublicAgency`, which hides
  an officer's drafts: a file of ``status: sementara`` is not published unless asked);
- each year's capaian is :func:`ikutool.compute.capaian.compute` (the published years through the
  multi-year report, :func:`ikutool.reports.laporan.build_report`, whose per-year results are
  those of ``compute``; a year without published realisasi still has its targets);
- each published year's quarters are :func:`ikutool.reports.triwulan.build_triwulan`;
- the documents offered for download (LKjIP, E.81, Manual IKU) are built by the functions the
  commands ``iku lkjip``, ``iku evaluasi renja`` and ``iku manual`` use.

Pure apart from reading the workspace through its :class:`~ikutool.workspace.year.Agency`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ikutool.compute.capaian import HasilCapaian, Options, compute, status_notes
from ikutool.errors import Finding, IkuError
from ikutool.model.quarters import QUARTERS
from ikutool.workspace.year import Agency, Year

if TYPE_CHECKING:
    from ikutool.compute.money import UangTahun
    from ikutool.definition.manual import ManualIku
    from ikutool.inputs.pk import PkTahun
    from ikutool.inputs.realisasi import RealisasiTahun
    from ikutool.model.iku import Iku, Skala
    from ikutool.reports.laporan import Laporan
    from ikutool.reports.lkjip import Lkjip
    from ikutool.reports.pohon import HasilPohon
    from ikutool.reports.renja import HasilRenja
    from ikutool.reports.triwulan import HasilTriwulan
    from ikutool.workspace.sources import Sources
    from ikutool.workspace.year import Warn

# the file kinds whose status decides what is published, as a person names them
WHAT = {
    "realisasi": "realisasi",
    "pk": "Perjanjian Kinerja",
    "renaksi": "rencana aksi",
    "program": "anggaran program",
    "anggaran": "anggaran",
}


class PublicYear(Year):
    """A year as the public sees it: a file of ``status: sementara`` (the officer's draft) reads
    as absent unless drafts are published; a year whose realisasi or Perjanjian Kinerja is a
    draft has no published realisasi (its capaian would rest on the draft). In a regency's site
    (``lenient``) a wrong file reads as absent too, its findings kept for the terminal."""

    agency: PublicAgency

    def __init__(self, agency: PublicAgency, tahun: int) -> None:
        super().__init__(agency, tahun)
        self._wrong: set[str] = set()

    def _public(self, kind: str, read: Callable[[], Any]) -> Any:
        if kind in self._wrong:
            return None
        try:
            value = read()
        except IkuError as exc:
            if not self.agency.lenient:
                raise
            self._wrong.add(kind)
            self.agency.galat += [f for f in exc.findings if f.is_error]
            return None
        if value is None or self.agency.sementara or getattr(value, "status", None) != "sementara":
            return value
        self.agency.ditahan.add((self.tahun, kind))
        return None

    @property
    def realisasi(self) -> RealisasiTahun | None:
        data = self._public("realisasi", lambda: super(PublicYear, self).realisasi)
        if data is not None and self.pk is None and self.draft_pk:
            self.agency.ditahan.add((self.tahun, "realisasi"))
            return None
        return data  # type: ignore[no-any-return]

    @property
    def draft_pk(self) -> bool:
        if self.agency.sementara or "pk" in self._wrong:
            return False
        raw = super().pk
        return raw is not None and raw.status == "sementara"

    @property
    def pk(self) -> PkTahun | None:
        return self._public("pk", lambda: super(PublicYear, self).pk)  # type: ignore[no-any-return]

    @property
    def renaksi(self) -> Any:
        return self._public("renaksi", lambda: super(PublicYear, self).renaksi)

    @property
    def program(self) -> Any:
        return self._public("program", lambda: super(PublicYear, self).program)

    @property
    def anggaran(self) -> Any:
        return self._public("anggaran", lambda: super(PublicYear, self).anggaran)


class PublicAgency(Agency):
    """An agency whose years are :class:`PublicYear`; ``ditahan`` collects what was held back,
    ``galat`` (``lenient``) the findings of the files read as absent."""

    def __init__(
        self,
        src: Sources,
        iku: Iku,
        *,
        warn: Warn | None = None,
        sementara: bool = False,
        lenient: bool = False,
    ) -> None:
        super().__init__(src, iku, warn=warn)
        self.sementara = sementara
        self.lenient = lenient
        self.ditahan: set[tuple[int, str]] = set()
        self.galat: list[Finding] = []
        self._public_years: dict[int, PublicYear] = {}

    def year(self, tahun: int) -> PublicYear:
        if tahun not in self._public_years:
            self._public_years[tahun] = PublicYear(self, tahun)
        return self._public_years[tahun]

    def held_back(self) -> list[str]:
        """What was not published, in words (for the officer, on the terminal)."""
        return [
            f"{WHAT[kind]} {tahun} berstatus sementara: tidak diterbitkan (pakai --sementara "
            "untuk menerbitkannya)"
            for tahun, kind in sorted(self.ditahan)
        ]


@dataclass
class TahunSitus:
    """One year of the period."""

    tahun: int
    hasil: HasilCapaian  # compute(): against the PK target where the PK gives one
    terbit: bool  # a realisasi is published for this year
    pk: PkTahun | None
    triwulan: dict[str, HasilTriwulan] = field(default_factory=dict)  # I..IV, published years
    masukan: list[tuple[str, str | None]] = field(default_factory=list)  # (input, its status)
    uang: UangTahun | None = None  # the year's money (compute.money), where a file gives it

    @property
    def catatan(self) -> list[str]:
        """Which of the year's inputs are illustrative (contoh) or provisional (sementara)."""
        return status_notes(self.tahun, self.masukan)


@dataclass
class Unduhan:
    """A document offered for download, built when the site is written."""

    nama: str  # the file name in the site
    judul: str
    jenis: str  # lkjip | renja | manual
    tahun: int | None
    hasil: Any  # Lkjip | HasilRenja | ManualIku
    pohon: HasilPohon | None = None


@dataclass
class SitusInstansi:
    iku: Iku
    skala: Skala
    tahun: list[TahunSitus]  # every year of the period, in order
    laporan: Laporan | None  # over the published years (None: nothing published yet)
    manual: ManualIku
    unduhan: list[Unduhan]
    catatan: list[str]  # what every page says about the data (contoh, sementara)
    contoh: bool
    ditahan: list[str]  # what was held back, for the terminal

    @property
    def terbit(self) -> list[TahunSitus]:
        return [t for t in self.tahun if t.terbit]

    @property
    def terakhir(self) -> TahunSitus | None:
        """The latest year with a published realisasi."""
        return self.terbit[-1] if self.terbit else None

    def year(self, tahun: int) -> TahunSitus:
        return next(t for t in self.tahun if t.tahun == tahun)


def build_situs(
    ws: PublicAgency, options: Options | None = None, *, dokumen: bool = True
) -> SitusInstansi:
    """The agency's site data. ``dokumen``: also prepare the documents offered for download."""
    from ikutool.definition.manual import build_manual
    from ikutool.model.scales import scale_of
    from ikutool.reports.laporan import build_report

    options = options or Options()
    iku = ws.iku
    data: dict[int, RealisasiTahun] = {}
    pks: dict[int, PkTahun] = {}
    for y in iku.periode.tahun:
        year = ws.year(y)
        real = year.realisasi
        if real is not None:
            data[y] = real
        pk = year.pk
        if pk is not None:
            pks[y] = pk
    published = sorted(data)
    laporan = (
        build_report(iku, data, published, options, pk={y: pks[y] for y in published if y in pks})
        if published
        else None
    )
    by_year = dict(zip(published, laporan.per_tahun, strict=True)) if laporan else {}
    years = []
    for y in iku.periode.tahun:
        hasil = by_year.get(y) or compute(iku, y, None, options, pks.get(y))
        years.append(
            TahunSitus(
                tahun=y,
                hasil=hasil,
                terbit=y in data,
                pk=pks.get(y),
                triwulan=_quarters(ws, y, data[y], options) if y in data else {},
                masukan=_inputs(ws.year(y), y in data),
                uang=ws.year(y).uang(),
            )
        )
    manual = build_manual(iku)
    downloads = _downloads(ws, data, pks, options, manual) if dokumen else []
    statuses = _statuses(years)
    return SitusInstansi(
        iku=iku,
        skala=scale_of(iku, options.skala),
        tahun=years,
        laporan=laporan,
        manual=manual,
        unduhan=downloads,
        catatan=site_notes(statuses),
        contoh=bool(statuses.get("contoh")),
        ditahan=ws.held_back(),
    )


def _quarters(
    ws: PublicAgency, tahun: int, data: RealisasiTahun, options: Options
) -> dict[str, HasilTriwulan]:
    from ikutool.reports.triwulan import build_triwulan

    year = ws.year(tahun)
    return {
        tw: build_triwulan(
            ws.iku,
            tahun,
            tw,
            realisasi=data,
            renaksi=year.renaksi,
            pk=year.pk,
            program=year.program,
            skala=options.skala,
        )  # fmt: skip
        for tw in QUARTERS
    }


def _inputs(year: PublicYear, published: bool) -> list[tuple[str, str | None]]:
    """The year's published inputs and their status, as :func:`status_notes` takes them."""
    out: list[tuple[str, str | None]] = []
    if published and (real := year.realisasi) is not None:
        out.append((WHAT["realisasi"], real.status))
    for kind in ("pk", "renaksi"):
        value = getattr(year, kind)
        if value is not None:
            out.append((WHAT[kind], value.status))
    money = year.anggaran  # the program file, or the older anggaran file
    if money is not None:
        out.append((WHAT["program"], money.status))
    return out


def _statuses(years: list[TahunSitus]) -> dict[str, list[tuple[str, int]]]:
    """status -> [(what, year)] over every published input of the site."""
    out: dict[str, list[tuple[str, int]]] = {}
    for t in years:
        for what, status in t.masukan:
            if status in ("contoh", "sementara"):
                out.setdefault(status, []).append((what, t.tahun))
    return out


def _years_text(pairs: list[tuple[str, int]]) -> str:
    by_what: dict[str, list[int]] = {}
    for what, y in pairs:
        by_what.setdefault(what, []).append(y)
    parts = [f"{what} {_and([str(y) for y in sorted(ys)])}" for what, ys in by_what.items()]
    return _and(parts)


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " dan " + items[-1] if len(items) > 1 else "".join(items)


def site_notes(statuses: dict[str, list[tuple[str, int]]]) -> list[str]:
    """The notice every page carries: which published data are illustrative or provisional."""
    out = []
    if statuses.get("contoh"):
        out.append(
            f"CATATAN: {_years_text(statuses['contoh'])} berstatus CONTOH - angka ilustrasi, "
            "bukan data resmi."
        )
    if statuses.get("sementara"):
        out.append(
            f"Catatan: {_years_text(statuses['sementara'])} berstatus SEMENTARA (belum final)."
        )
    return out


# --- the documents offered for download -----------------------------------------------------


def _downloads(
    ws: PublicAgency,
    data: dict[int, RealisasiTahun],
    pks: dict[int, PkTahun],
    options: Options,
    manual: ManualIku,
) -> list[Unduhan]:
    from ikutool.reports.renja import build_renja

    iku = ws.iku
    out = []
    tree = _tree(ws)
    for y in sorted(data):
        out.append(
            Unduhan(
                nama=f"lkjip-{y}.docx",
                judul=f"LKjIP Tahun {y}",
                jenis="lkjip",
                tahun=y,
                hasil=year_lkjip(ws, y, data, pks, options),
                pohon=_year_tree(ws, tree, y),
            )
        )
    for y in iku.periode.tahun:
        program = ws.year(y).program
        if program is not None:
            out.append(
                Unduhan(
                    nama=f"e81-{y}.docx",
                    judul=f"Evaluasi Hasil Renja Tahun {y} (formulir E.81)",
                    jenis="renja",
                    tahun=y,
                    hasil=build_renja(iku, y, program, skala=options.skala),
                )
            )
    period = f"{iku.periode.awal}-{iku.periode.akhir}"
    out.append(
        Unduhan(
            nama=f"manual-iku-{period}.docx",
            judul=f"Manual IKU {period}",
            jenis="manual",
            tahun=None,
            hasil=manual,
        )
    )
    return out


def year_lkjip(
    ws: Agency,
    tahun: int,
    data: dict[int, RealisasiTahun],
    pks: dict[int, PkTahun],
    options: Options,
) -> Lkjip:
    """The year's LKjIP from the published years, as ``iku lkjip`` builds it from its files."""
    from ikutool.reports.lkjip import build_lkjip

    history = {y: d for y, d in data.items() if y <= tahun}
    return build_lkjip(
        ws.iku,
        tahun,
        history,
        pk={y: p for y, p in pks.items() if y in history},
        anggaran=ws.year(tahun).uang(),
        options=options,
    )


def _tree(ws: Agency) -> tuple[Any, Any] | None:
    """The workspace's pohon kinerja (and the RPJMD it supports), when it has one."""
    src = ws.src
    if src.pohon is None or not src.pohon.is_file():
        return None
    from ikutool.inputs.pohon import load_pohon
    from ikutool.inputs.rpjmd import load_rpjmd

    rpjmd = load_rpjmd(src.rpjmd) if src.rpjmd is not None and src.rpjmd.is_file() else None
    if rpjmd is not None:
        ws.warn(rpjmd.findings)
    tree = load_pohon(src.pohon, ws.iku, rpjmd)
    ws.warn(tree.findings)
    if tree.status == "sementara" and not getattr(ws, "sementara", False):
        return None
    return tree, rpjmd


def _year_tree(ws: Agency, tree: tuple[Any, Any] | None, tahun: int) -> HasilPohon | None:
    if tree is None:
        return None
    from ikutool.reports.pohon import build_pohon

    year = ws.year(tahun)
    return build_pohon(ws.iku, tree[0], tahun, rpjmd=tree[1], pk=year.pk, program=year.program)


def renja_years(site: SitusInstansi) -> list[int]:
    return [u.tahun for u in site.unduhan if u.jenis == "renja" and u.tahun is not None]


def quarter_has(hasil: HasilTriwulan, kode: str) -> bool | None:
    """Whether indicator ``kode`` has a realisasi for the report's quarter (None: not measured
    in that quarter, an annual indicator before TW IV)."""
    for s in hasil.sasaran:
        for i in s.indikator:
            if i.kode == kode:
                if i.tahunan_belum:
                    return None
                return any(c.realisasi_tw is not None for c in i.komponen)
    return False


def renja_of(site: SitusInstansi, tahun: int) -> HasilRenja | None:
    return next((u.hasil for u in site.unduhan if u.jenis == "renja" and u.tahun == tahun), None)
