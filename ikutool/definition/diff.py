"""What changed between two IKU files (or two PK files): indicators added, removed, renamed,
recoded; targets per year, polaritas, satuan, definisi and formula. And the IKU file's history,
version by version, where the workspace is a git repository (``iku diff --riwayat``; git is
optional), which the LKE pre-check counts (an IKU that keeps changing within its period loses
marks).

Indicators are matched by kode first; an old and a new indicator left over are then paired by
their text (the same or nearly the same uraian: the kode changed), and the rest are added or
removed.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

from ikutool.errors import IkuError
from ikutool.model.iku import Iku, Indikator, Result
from ikutool.yaml_reader import line_of

KIND_WORDS = {
    "ditambah": "indikator ditambah",
    "dihapus": "indikator dihapus",
    "diganti_nama": "uraian indikator diubah",
    "kode_diubah": "kode indikator diubah",
    "target": "target diubah",
    "polaritas": "polaritas diubah",
    "satuan": "satuan diubah",
    "definisi": "definisi operasional diubah",
    "formula": "formula diubah",
    "sasaran": "dipindah ke sasaran lain",
}
SIMILAR = 0.8  # difflib ratio above which two uraian are the same indicator under a new kode
MAX_VERSIONS = 200  # the history walked at most (newest first)


class Perubahan(Result):
    jenis: str  # a key of KIND_WORDS
    kode: str
    kode_lama: str | None = None
    uraian: str
    tahun: int | None = None
    lama: str | None = None
    baru: str | None = None
    berkas: str | None = None  # where it is: the new file (the old one for a removal)
    baris: int | None = None


class HasilDiff(Result):
    jenis_berkas: str  # iku | pk
    lama: str
    baru: str
    perubahan: list[Perubahan]


class Versi(Result):
    commit: str
    tanggal: str  # ISO date of the commit
    judul: str
    perubahan: list[Perubahan]
    catatan: str | None = None  # a version that could not be read (said, not skipped silently)


class Riwayat(Result):
    berkas: str
    versi: list[Versi]  # oldest first; each against the one before
    jumlah: int = 0  # versions the history holds (``versi`` may be the newest of them only)
    kekurangan: list[str] = []  # why the history read is not the whole story (shallow, ...)

    @property
    def lengkap(self) -> bool:
        return not self.kekurangan

    def berubah_dalam(self, awal: int, akhir: int) -> list[Versi]:
        """The versions that changed something, committed within the years ``awal``-``akhir``."""
        return [v for v in self.versi if v.perubahan and awal <= _year(v.tanggal) <= akhir]


def _year(iso: str) -> int:
    try:
        return dt.date.fromisoformat(iso).year
    except ValueError:  # a commit date git could not print as a date
        return 0


def _units(ind: Indikator) -> str:
    units = []
    for t in ind.target.values():
        if t is not None:
            units += [c.satuan for c in t.komponen]
    return ", ".join(dict.fromkeys(u for u in units if u)) or (ind.satuan or "")


def diff_iku(
    old: Iku, new: Iku, *, old_name: str, new_name: str, old_doc: Any = None, new_doc: Any = None
) -> HasilDiff:
    old_inds = {ind.kode: (g, ind) for g, ind in old.indikator()}
    new_inds = {ind.kode: (g, ind) for g, ind in new.indikator()}
    old_paths, new_paths = old.indikator_paths(), new.indikator_paths()
    out: list[Perubahan] = []

    def at_new(kode: str, *more: Any) -> dict[str, Any]:
        return {"berkas": new_name, "baris": line_of(new_doc, (*new_paths[kode], *more))}

    pairs: list[tuple[str, str]] = [(k, k) for k in old_inds if k in new_inds]
    gone = [k for k in old_inds if k not in new_inds]
    fresh = [k for k in new_inds if k not in old_inds]
    for k in list(gone):
        text = old_inds[k][1].uraian.casefold()
        best = max(
            fresh,
            key=lambda n: difflib.SequenceMatcher(
                None, text, new_inds[n][1].uraian.casefold()
            ).ratio(),
            default=None,
        )
        if best is not None:
            ratio = difflib.SequenceMatcher(None, text, new_inds[best][1].uraian.casefold()).ratio()
            if ratio >= SIMILAR:
                pairs.append((k, best))
                gone.remove(k)
                fresh.remove(best)
                out.append(
                    Perubahan(jenis="kode_diubah", kode=best, kode_lama=k,
                              uraian=new_inds[best][1].uraian, lama=k, baru=best,
                              **at_new(best, "kode"))
                )  # fmt: skip
    for k in gone:
        ind = old_inds[k][1]
        out.append(
            Perubahan(jenis="dihapus", kode=k, uraian=ind.uraian, berkas=old_name,
                      baris=line_of(old_doc, old_paths[k]))
        )  # fmt: skip
    for k in fresh:
        out.append(Perubahan(jenis="ditambah", kode=k, uraian=new_inds[k][1].uraian, **at_new(k)))
    for ko, kn in pairs:
        (g_old, a), (g_new, b) = old_inds[ko], new_inds[kn]
        if a.uraian != b.uraian and ko == kn:
            out.append(Perubahan(jenis="diganti_nama", kode=kn, uraian=b.uraian, lama=a.uraian,
                                 baru=b.uraian, **at_new(kn, "uraian")))  # fmt: skip
        if g_old.kode != g_new.kode:
            out.append(Perubahan(jenis="sasaran", kode=kn, uraian=b.uraian, lama=g_old.kode,
                                 baru=g_new.kode, **at_new(kn)))  # fmt: skip
        for name in ("polaritas", "definisi", "formula"):
            va, vb = getattr(a, name), getattr(b, name)
            if va != vb:
                out.append(Perubahan(jenis=name, kode=kn, uraian=b.uraian, lama=_s(va),
                                     baru=_s(vb), **at_new(kn, name)))  # fmt: skip
        ua, ub = _units(a), _units(b)
        if ua != ub:
            out.append(Perubahan(jenis="satuan", kode=kn, uraian=b.uraian, lama=ua or None,
                                 baru=ub or None, **at_new(kn, "target")))  # fmt: skip
        for year in sorted(set(a.target) | set(b.target)):
            ta, tb = a.target.get(year), b.target.get(year)
            if _target_key(ta) != _target_key(tb):
                out.append(Perubahan(jenis="target", kode=kn, uraian=b.uraian, tahun=year,
                                     lama=ta.teks if ta else None, baru=tb.teks if tb else None,
                                     **at_new(kn, "target", year)))  # fmt: skip
    order = {k: i for i, k in enumerate([*new_inds, *old_inds])}
    out.sort(key=lambda p: (order.get(p.kode, 0), p.tahun or 0))
    return HasilDiff(jenis_berkas="iku", lama=old_name, baru=new_name, perubahan=out)


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


def _target_key(t: Any) -> Any:
    """What a target means (its components), not how it is spelt ("25 Kop" and "25  Kop")."""
    if t is None:
        return None
    return [(c.kunci, c.jumlah, c.jumlah_maks, c.satuan, c.jenis, c.batas, c.rasio_dari,
             c.predikat) for c in t.komponen]  # fmt: skip


def diff_pk(
    old: Any, new: Any, iku: Iku, *, old_name: str, new_name: str, new_doc: Any = None
) -> HasilDiff:
    """Two PK files: targets changed, indicators added to or taken out of the PK."""
    out = []
    for kode in [*new.target, *(k for k in old.target if k not in new.target)]:
        ind = iku.find_indikator(kode)
        uraian = ind.uraian if ind is not None else kode
        ta, tb = old.target.get(kode), new.target.get(kode)
        line = line_of(new_doc, ("target", kode))
        if ta is None:
            out.append(Perubahan(jenis="ditambah", kode=kode, uraian=uraian, tahun=new.tahun,
                                 baru=tb.teks, berkas=new_name, baris=line))  # fmt: skip
        elif tb is None:
            out.append(Perubahan(jenis="dihapus", kode=kode, uraian=uraian, tahun=old.tahun,
                                 lama=ta.teks, berkas=old_name))  # fmt: skip
        elif _target_key(ta) != _target_key(tb):
            out.append(Perubahan(jenis="target", kode=kode, uraian=uraian, tahun=new.tahun,
                                 lama=ta.teks, baru=tb.teks, berkas=new_name, baris=line))  # fmt: skip
    return HasilDiff(jenis_berkas="pk", lama=old_name, baru=new_name, perubahan=out)


# --- history ------------------------------------------------------------------------------------


def history(path: Path, shown_name: str, root: Path | None = None) -> Riwayat:
    """Every committed version of ``path`` (oldest first, the newest ``MAX_VERSIONS``), each
    compared with the one before, read by :mod:`ikutool.workspace.git` (which never lets the
    workspace's repository run anything). Raises a usage error (exit 2) that explains itself
    when git is not installed or the file is not in a git repository inside ``root``."""
    from ikutool.definition.load import iku_from_bytes
    from ikutool.workspace.git import read_log
    from ikutool.yaml_reader import parse_yaml_bytes

    log = read_log(path, root, MAX_VERSIONS)
    versions: list[Versi] = []
    previous: tuple[Iku, Any] | None = None
    for entry in reversed(log.entries):  # oldest first
        sha = entry.commit
        note = entry.note
        current = None
        if entry.blob is not None:
            try:
                name = f"{shown_name}@{sha[:8]}"
                doc = parse_yaml_bytes(entry.blob, name)
                current = (iku_from_bytes(entry.blob, name, doc).iku, doc)
            except IkuError as exc:
                note = f"versi ini tidak sah ({exc.findings[0].code}); dibandingkan versi sah berikutnya"
        changes: list[Perubahan] = []
        if current is not None and previous is not None:
            changes = diff_iku(
                previous[0], current[0], old_name=f"{shown_name}@lama",
                new_name=f"{shown_name}@{sha[:8]}", new_doc=current[1],
            ).perubahan  # fmt: skip
        versions.append(
            Versi(commit=sha, tanggal=entry.date, judul=entry.subject, perubahan=changes,
                  catatan=note)
        )  # fmt: skip
        if current is not None:
            previous = current
    return Riwayat(berkas=shown_name, versi=versions, jumlah=log.total, kekurangan=log.gaps)
