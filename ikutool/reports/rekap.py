"""A roll-up across agencies (``iku rekap``): for a regency's planning office (Bappeda) or its
Inspektorat, one row per agency workspace found in a folder.

Each agency is computed exactly as ``iku capaian`` computes it in that agency's folder (same
loaders, same cache, same arithmetic); an agency whose files are wrong is reported with its
located findings and the rest are still computed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ikutool.compute.capaian import HasilCapaian, Options, compute
from ikutool.errors import Finding, IkuError
from ikutool.model.iku import Result
from ikutool.model.quarters import QUARTERS
from ikutool.workspace.paths import shown
from ikutool.workspace.sources import MARKER

if TYPE_CHECKING:
    from ikutool.reports.triwulan import HasilTriwulan
    from ikutool.workspace.year import Agency


class IndikatorRekap(Result):
    kode: str
    sasaran: str
    uraian: str
    bidang: str | None
    target_teks: str | None
    target_sumber: str | None  # "pk" when the Perjanjian Kinerja target was used
    capaian: float | None
    kategori: str | None
    status: str


class SasaranRekap(Result):
    kode: str
    uraian: str
    capaian: float | None
    kategori: str | None
    status: str = "ada"  # why there is no figure: tanpa_target, belum_ada_realisasi, ...


class TahunRekap(Result):
    tahun: int
    capaian: float | None
    kategori: str | None
    status_data: str | None  # of the realisasi file: contoh | sementara | final | None
    status_pk: str | None  # of the Perjanjian Kinerja file used, if any
    dengan_realisasi: int  # indicators with a target that year and a capaian figure
    bertarget: int  # indicators with a target that year
    sebagian: list[str] = []  # of those, composites computed from some of their components
    tanpa_realisasi: list[str] = []  # with a target, realisasi not filled
    target_nol: list[str] = []  # with a target of zero (no capaian, reported)
    # the year is built from quarters up to this one only (some indicator has not reported the
    # rest): every figure of the year is marked "s.d. TW II"
    sd_triwulan: str | None = None
    sasaran: list[SasaranRekap]
    indikator: list[IndikatorRekap]  # the facts a warehouse loads (parquet: one row each)


class BarisRekap(Result):
    folder: str
    instansi: str | None
    pemerintah: str | None  # the regency or province the agency belongs to, as its IKU says
    jumlah_indikator: int | None
    tahun: list[TahunRekap]
    kurang: list[str]  # what is missing, in words
    galat: list[dict[str, Any]]  # located findings when the agency's files are wrong
    peringatan: list[str] = []  # e.g. another workspace carries the same agency name

    @property
    def ok(self) -> bool:
        return not self.galat


class Rekap(Result):
    folder: str
    tahun: list[int]
    baris: list[BarisRekap]
    skala: str | None

    @property
    def jumlah_galat(self) -> int:
        return sum(not b.ok for b in self.baris)

    def dengan_angka(self) -> int:
        """Agencies with a capaian figure for the last year shown."""
        last = self.tahun[-1]
        return sum(
            any(t.tahun == last and t.capaian is not None for t in b.tahun) for b in self.baris
        )

    def berstatus(self, status: str) -> list[str]:
        """Folders of the agencies whose realisasi (or PK) of a year shown has this status."""
        return [
            b.folder
            for b in self.baris
            if any(t.status_data == status or t.status_pk == status for t in b.tahun)
        ]


def find_workspaces(folder: Path, depth: int = 2) -> list[Path]:
    """Agency workspaces at most ``depth`` levels below ``folder`` (sorted by path)."""
    found: list[Path] = []

    def walk(here: Path, level: int) -> Iterator[Path]:
        try:
            children = sorted(
                p for p in here.iterdir() if p.is_dir() and not p.name.startswith(".")
            )
        except OSError:
            return
        for child in children:
            if (child / MARKER).is_file():
                yield child
            elif level < depth and not child.is_symlink():  # never wander off through a link
                yield from walk(child, level + 1)

    found.extend(walk(folder, 1))
    return found


def rekap_agency(root: Path, years: list[int], options: Options) -> BarisRekap:
    """One agency's years, computed as ``iku capaian`` computes them in its folder (every read
    confined to that folder)."""
    from ikutool.workspace.confine import within

    with within(root):
        return _agency(root, years, options)


def linked_away(root: Path, name: str) -> None:
    """A folder of the regency that is a link to somewhere else is refused, by name (IKU511)."""
    from ikutool.workspace.confine import link_message, really_inside

    if root.is_symlink() and not really_inside(root, root.parent):
        raise IkuError.single("IKU511", link_message("folder instansi ini"), file=name)


def _agency(root: Path, years: list[int], options: Options) -> BarisRekap:
    from ikutool.workspace.year import open_agency

    name = shown(root)
    try:
        linked_away(root, name)
        ws = open_agency(root)
    except IkuError as exc:
        return BarisRekap.model_construct(
            folder=name,
            instansi=None,
            pemerintah=None,
            jumlah_indikator=None,
            tahun=[],
            kurang=[],
            galat=[f.to_dict() for f in exc.findings if f.is_error][:20],
        )
    return rekap_workspace(ws, name, years, options)


def rekap_workspace(ws: Agency, name: str, years: list[int], options: Options) -> BarisRekap:
    """One opened agency's row (``iku situs`` asks it of the agencies it has opened)."""
    iku = ws.iku
    rows, kurang, galat = [], [], []
    for year in years:
        if year not in iku.periode.tahun:
            kurang.append(f"{year} di luar periode {iku.periode.awal}-{iku.periode.akhir}")
            continue
        try:
            data = ws.year(year).realisasi
            if data is None:
                kurang.append(f"realisasi {year} belum ada")
                continue
            pk = ws.year(year).pk
        except IkuError as exc:
            galat += [f.to_dict() for f in exc.findings if f.is_error][:20]
            continue
        result = compute(iku, year, data, options, pk)
        rows.append(_year(result))
        kurang += _gaps(rows[-1])
    return BarisRekap.model_construct(
        folder=name,
        instansi=iku.instansi.nama,
        pemerintah=iku.instansi.pemerintah,
        jumlah_indikator=len(iku.indikator()),
        tahun=rows,
        kurang=kurang,
        galat=galat,
    )


def _gaps(t: TahunRekap) -> list[str]:
    """What is missing or partial in a year, in words, naming the indicators."""
    out = [f"{t.tahun} baru s.d. TW {t.sd_triwulan}"] if t.sd_triwulan else []
    for codes, what in (
        (t.tanpa_realisasi, "tanpa realisasi"),
        (t.sebagian, "baru sebagian komponennya"),
        (t.target_nol, "bertarget nol (tanpa angka capaian)"),
    ):
        if codes:
            out.append(
                f"{len(codes)} indikator {what} {t.tahun} ({', '.join(codes[:5])}"
                + (", ..." if len(codes) > 5 else "")
                + ")"
            )
    return out


def _year(result: HasilCapaian) -> TahunRekap:
    inds = [i for s in result.sasaran for i in s.indikator]
    with_target = [i for i in inds if i.target_teks is not None]
    reached = [c.sd_triwulan for i in with_target for c in i.komponen if c.sd_triwulan]
    return TahunRekap.model_construct(
        sd_triwulan=min(reached, key=QUARTERS.index) if reached else None,
        tahun=result.tahun,
        capaian=result.capaian,
        kategori=result.kategori,
        status_data=result.status_data,
        status_pk=result.status_pk,
        dengan_realisasi=sum(i.capaian is not None for i in with_target),
        bertarget=len(with_target),
        sebagian=[i.kode for i in with_target if i.status == "sebagian"],
        tanpa_realisasi=[i.kode for i in with_target if i.status == "belum_ada_realisasi"],
        target_nol=[i.kode for i in with_target if i.status in ("target_nol", "realisasi_nol")],
        sasaran=[
            SasaranRekap.model_construct(
                kode=s.kode,
                uraian=s.uraian,
                capaian=s.capaian,
                kategori=s.kategori,
                status=s.status,
            )
            for s in result.sasaran
        ],
        indikator=[
            IndikatorRekap.model_construct(
                kode=i.kode,
                sasaran=s.kode,
                uraian=i.uraian,
                bidang=i.bidang,
                target_teks=i.target_teks,
                target_sumber=i.target_sumber,
                capaian=i.capaian,
                kategori=i.kategori,
                status=str(i.status),
            )
            for s in result.sasaran
            for i in s.indikator
        ],
    )


def build_rekap(
    folder: Path,
    years: list[int],
    options: Options | None = None,
    *,
    urut: str = "nama",
    progress: Callable[[int, int], None] | None = None,
) -> Rekap:
    options = options or Options()
    roots = find_workspaces(folder)
    rows = []
    for i, root in enumerate(roots, 1):
        rows.append(rekap_agency(root, years, options))
        if progress is not None:
            progress(i, len(roots))
    if urut == "capaian":
        last = years[-1]

        def score(b: BarisRekap) -> float:
            row = next((t for t in b.tahun if t.tahun == last), None)
            return -(row.capaian if row and row.capaian is not None else float("-inf"))

        rows.sort(key=lambda b: (score(b), b.instansi or b.folder))
    else:
        rows.sort(key=lambda b: ((b.instansi or "").casefold(), b.folder))
    _same_names(rows)
    skala = None
    for b in rows:
        if b.tahun:
            from ikutool.model.scales import BUILT_IN

            skala = BUILT_IN[options.skala].nama if options.skala else None
            break
    return Rekap.model_construct(folder=shown(folder), tahun=years, baris=rows, skala=skala)


def _same_names(rows: list[BarisRekap]) -> None:
    """Two workspaces that carry the same agency name are most often a copied folder: each says
    which other folder has its name, so neither is counted twice without a word."""
    by_name: dict[str, list[BarisRekap]] = {}
    for b in rows:
        if b.instansi:
            by_name.setdefault(" ".join(b.instansi.split()).casefold(), []).append(b)
    for same in by_name.values():
        if len(same) < 2:
            continue
        for b in same:
            others = ", ".join(o.folder for o in same if o is not b)
            b.peringatan = [*b.peringatan, f"nama instansi sama dengan {others}"]


def galat_findings(rekap: Rekap | RekapTriwulan) -> list[Finding]:
    """The located findings of every bad agency, as findings again (for the one error printer)."""
    from ikutool.definition.load import finding_from_dict

    out = []
    for b in rekap.baris:
        for g in b.galat:
            out.append(finding_from_dict(g, g.get("berkas") or b.folder))
    return out


# --- the quarter: who has reported TW N, and each agency's capaian s.d. TW N ---------------------


class BarisTriwulan(Result):
    folder: str
    instansi: str | None
    pemerintah: str | None
    dilaporkan: bool  # some indicator has a realisasi for the quarter
    dalam_periode: bool  # the year is in the agency's period (else nothing is due)
    terisi: int  # indicators with a realisasi for the quarter
    jumlah_indikator: int
    status_data: str | None
    capaian_tw: float | None
    capaian_sd_tw: float | None  # against the plan (rencana aksi), as the agency's own report
    kategori: str | None
    serapan_sd_tw: float | None
    kurang: list[str]
    galat: list[dict[str, Any]]
    progres_tahun: float | None = None  # toward the year's target (not graded before TW IV)
    dasar_kategori: str | None = None  # rencana aksi | target tahunan
    sd_triwulan: str | None = None  # the figures reach this earlier quarter only

    @property
    def ok(self) -> bool:
        return not self.galat


class RekapTriwulan(Result):
    folder: str
    tahun: int
    triwulan: str
    baris: list[BarisTriwulan]

    @property
    def jumlah_galat(self) -> int:
        return sum(not b.ok for b in self.baris)

    @property
    def belum_lapor(self) -> list[str]:
        return [
            b.instansi or b.folder
            for b in self.baris
            if b.ok and b.dalam_periode and not b.dilaporkan
        ]


def rekap_agency_tw(root: Path, tahun: int, tw: str, options: Options) -> BarisTriwulan:
    """One agency's quarter, computed as ``iku triwulan`` computes it in its folder (every read
    confined to that folder)."""
    from ikutool.workspace.confine import within

    with within(root):
        return _agency_tw(root, tahun, tw, options)


def _agency_tw(root: Path, tahun: int, tw: str, options: Options) -> BarisTriwulan:
    from ikutool.workspace.year import open_agency

    name = shown(root)
    try:
        linked_away(root, name)
        ws = open_agency(root)
    except IkuError as exc:
        return BarisTriwulan.model_construct(
            **{**_EMPTY_TW, "folder": name, "kurang": [],
               "galat": [f.to_dict() for f in exc.findings if f.is_error][:20]}
        )  # fmt: skip
    return rekap_workspace_tw(ws, name, tahun, tw, options)


_EMPTY_TW: dict[str, Any] = {
    "folder": "", "instansi": None, "pemerintah": None, "dilaporkan": False,
    "dalam_periode": False, "terisi": 0,
    "jumlah_indikator": 0, "status_data": None, "capaian_tw": None, "capaian_sd_tw": None,
    "kategori": None, "serapan_sd_tw": None, "kurang": [], "galat": [],
    "progres_tahun": None, "dasar_kategori": None, "sd_triwulan": None,
}  # fmt: skip


def rekap_workspace_tw(
    ws: Agency,
    name: str,
    tahun: int,
    tw: str,
    options: Options,
    hasil: HasilTriwulan | None = None,
) -> BarisTriwulan:
    """One opened agency's quarter (``iku situs`` asks it of the agencies it has opened, with
    the quarter's report it has already built from the same files as ``hasil``)."""
    from ikutool.reports.triwulan import build_triwulan

    iku = ws.iku
    empty: dict[str, Any] = {**_EMPTY_TW, "folder": name, "kurang": [], "galat": []}
    empty.update(
        instansi=iku.instansi.nama,
        pemerintah=iku.instansi.pemerintah,
        jumlah_indikator=len(iku.indikator()),
    )
    empty["dalam_periode"] = tahun in iku.periode.tahun
    if tahun not in iku.periode.tahun:
        empty["kurang"] = [f"{tahun} di luar periode {iku.periode.awal}-{iku.periode.akhir}"]
        return BarisTriwulan.model_construct(**empty)
    try:
        year = ws.year(tahun)
        data, pk, renaksi, program = year.realisasi, year.pk, year.renaksi, year.program
    except IkuError as exc:
        return BarisTriwulan.model_construct(
            **{**empty, "galat": [f.to_dict() for f in exc.findings if f.is_error][:20]}
        )
    if hasil is None:
        hasil = build_triwulan(
            iku, tahun, tw, realisasi=data, renaksi=renaksi, pk=pk, program=program,
            skala=options.skala,
        )  # fmt: skip
    inds = [i for s in hasil.sasaran for i in s.indikator]
    terisi = sum(any(c.realisasi_tw is not None for c in i.komponen) for i in inds)
    # the last quarter any indicator's figures reach (a TW II figure in a TW III column is said)
    reached = [c.sd_triwulan for i in inds for c in i.komponen if c.sd_triwulan]
    reach = max(reached, key=QUARTERS.index) if reached else None
    kurang = []
    if data is None:
        kurang.append(f"realisasi {tahun} belum ada")
    elif not terisi:
        kurang.append(f"realisasi TW {tw} belum diisi")
    if renaksi is None:
        kurang.append(f"rencana aksi {tahun} belum ada")
    return BarisTriwulan.model_construct(
        **{
            **empty,
            "dilaporkan": terisi > 0,
            "terisi": terisi,
            "status_data": data.status if data is not None else None,
            "capaian_tw": hasil.capaian_tw,
            "capaian_sd_tw": hasil.capaian_sd_tw,
            "progres_tahun": hasil.progres_tahun,
            "dasar_kategori": hasil.dasar_kategori,
            "sd_triwulan": reach if reach is not None and reach != tw else None,
            "kategori": hasil.kategori,
            "serapan_sd_tw": hasil.serapan_sd_tw,
            "kurang": kurang,
        }
    )


def build_rekap_triwulan(
    folder: Path,
    tahun: int,
    tw: str,
    options: Options | None = None,
    *,
    urut: str = "nama",
    progress: Callable[[int, int], None] | None = None,
) -> RekapTriwulan:
    options = options or Options()
    roots = find_workspaces(folder)
    rows = []
    for i, root in enumerate(roots, 1):
        rows.append(rekap_agency_tw(root, tahun, tw, options))
        if progress is not None:
            progress(i, len(roots))
    if urut == "capaian":
        rows.sort(
            key=lambda b: (
                -(b.capaian_sd_tw if b.capaian_sd_tw is not None else float("-inf")),
                b.instansi or b.folder,
            )
        )
    else:
        rows.sort(key=lambda b: ((b.instansi or "").casefold(), b.folder))
    return RekapTriwulan.model_construct(folder=shown(folder), tahun=tahun, triwulan=tw, baris=rows)
