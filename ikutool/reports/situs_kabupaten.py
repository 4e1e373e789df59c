"""A regency's public site (``iku situs --kabupaten FOLDER``), as data: every agency workspace of
the folder ``iku rekap`` reads, each opened once, with

- its own site's data (:func:`ikutool.reports.situs.build_situs`);
- its row of the roll-up and, per year and quarter, whether it has reported, as ``iku rekap``
  and ``iku rekap --tw`` compute them (:func:`ikutool.reports.rekap.rekap_workspace`,
  :func:`~ikutool.reports.rekap.rekap_workspace_tw`) from the same opened agency.

An agency whose IKU cannot be read has no site and is listed as such; a wrong file of one year
reads as absent (its located findings go to the terminal) and the rest is published.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ikutool.compute.capaian import Options
from ikutool.errors import Finding, IkuError
from ikutool.model.quarters import QUARTERS
from ikutool.reports.situs import PublicAgency, SitusInstansi, build_situs
from ikutool.workspace.paths import shown

if TYPE_CHECKING:
    from ikutool.reports.rekap import BarisRekap, BarisTriwulan
    from ikutool.workspace.year import Warn


@dataclass
class InstansiKabupaten:
    folder: str  # as shown on the terminal (never published)
    situs: SitusInstansi | None  # None: its IKU could not be read
    rekap: BarisRekap | None = None
    triwulan: dict[int, dict[str, BarisTriwulan]] = field(default_factory=dict)
    galat: list[Finding] = field(default_factory=list)  # for the terminal

    @property
    def nama(self) -> str | None:
        return self.situs.iku.instansi.nama if self.situs is not None else None


@dataclass
class SitusKabupaten:
    nama: str  # "Kabupaten Tanjung Jabung Barat", as the agencies' IKU name it
    tahun: list[int]  # every year some agency has published
    instansi: list[InstansiKabupaten]  # by name; those without a site last
    catatan: list[str]  # the notice every page carries
    skala: str | None  # the scale when every agency uses the same, else None

    @property
    def terbaca(self) -> list[InstansiKabupaten]:
        return [a for a in self.instansi if a.situs is not None]

    @property
    def galat(self) -> list[Finding]:
        return [f for a in self.instansi for f in a.galat]


def build_situs_kabupaten(
    folder: Path,
    options: Options | None = None,
    *,
    sementara: bool = False,
    dokumen: bool = False,
    warn: Warn | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SitusKabupaten:
    from ikutool.reports.rekap import (
        find_workspaces,
        linked_away,
        rekap_workspace,
        rekap_workspace_tw,
    )
    from ikutool.workspace.confine import within
    from ikutool.workspace.year import open_agency

    options = options or Options()
    roots = find_workspaces(folder)
    agencies: list[tuple[InstansiKabupaten, PublicAgency | None]] = []
    at: dict[int, Path] = {}  # each opened agency's folder: its reads stay inside it
    for i, root in enumerate(roots, 1):
        try:
            linked_away(root, shown(root))
            with within(root):
                opened = open_agency(root, warn=warn)
        except IkuError as exc:
            agencies.append(
                (
                    InstansiKabupaten(
                        shown(root), None, galat=[f for f in exc.findings if f.is_error]
                    ),
                    None,
                )
            )
            continue
        public = PublicAgency(opened.src, opened.iku, warn=warn, sementara=sementara, lenient=True)
        with within(root):
            agency = InstansiKabupaten(shown(root), build_situs(public, options, dokumen=dokumen))
        at[id(public)] = root
        agency.galat = public.galat
        agencies.append((agency, public))
        if progress is not None:
            progress(i, len(roots))
    years = sorted({t.tahun for a, _ in agencies if a.situs for t in a.situs.terbit})
    for agency, ws in agencies:
        if ws is None or agency.situs is None:
            continue
        own = [y for y in years if y in ws.iku.periode.tahun]
        built = {t.tahun: t.triwulan for t in agency.situs.tahun}
        with within(at[id(ws)]):
            agency.rekap = rekap_workspace(ws, agency.folder, own, options)
            agency.triwulan = {
                y: {
                    tw: rekap_workspace_tw(
                        ws, agency.folder, y, tw, options, built.get(y, {}).get(tw)
                    )
                    for tw in QUARTERS
                }
                for y in own
            }
    listed = sorted(
        (a for a, _ in agencies),
        key=lambda a: (a.situs is None, (a.nama or "").casefold(), a.folder),
    )
    return SitusKabupaten(
        nama=_regency_name(listed),
        tahun=years,
        instansi=listed,
        catatan=_notes(listed),
        skala=_one_scale(listed),
    )


def _regency_name(agencies: list[InstansiKabupaten]) -> str:
    names = Counter(
        a.situs.iku.instansi.pemerintah
        for a in agencies
        if a.situs is not None and a.situs.iku.instansi.pemerintah
    )
    return names.most_common(1)[0][0] if names else "Pemerintah Daerah"


def _one_scale(agencies: list[InstansiKabupaten]) -> str | None:
    scales = {a.situs.skala.nama for a in agencies if a.situs is not None}
    return scales.pop() if len(scales) == 1 else None


def _notes(agencies: list[InstansiKabupaten]) -> list[str]:
    """The regency's notice: which agencies' published data are contoh or sementara."""
    out = []
    for status, sentence in (
        ("contoh", "CATATAN: data {who} berstatus CONTOH - angka ilustrasi, bukan data resmi."),
        ("sementara", "Catatan: sebagian data {who} berstatus SEMENTARA (belum final)."),
    ):
        marked = [
            a
            for a in agencies
            if a.situs is not None and any(s == status for t in a.situs.tahun for _, s in t.masukan)
        ]
        if not marked:
            continue
        every = len(marked) == len([a for a in agencies if a.situs is not None])
        who = "semua instansi" if every else f"{len(marked)} instansi (ditandai di halamannya)"
        out.append(sentence.format(who=who))
    return out
