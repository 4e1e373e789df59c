"""The pohon kinerja against the agency's other files, and its quality (``iku validate --mutu``).

Consistency (warnings, each where the difference is written): the tree's tujuan and sasaran say
what the IKU says (wording, indicators, targets) and the PK's targets; every program, kegiatan
and sub kegiatan of a year's program file hangs under a node of its level, under the same parent
as in the file, with the same indicators and targets. Quality (``--mutu``): every node has an
indicator with a target for each year of the period, an owner, and an outcome that is not a count
of activities at the sasaran and program levels.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ikutool import lazyre
from ikutool.errors import Finding, Severity
from ikutool.model.validation import clip

if TYPE_CHECKING:
    from ikutool.inputs.pk import PkTahun
    from ikutool.inputs.pohon import IndikatorNode, Pohon, Simpul
    from ikutool.inputs.program import Kegiatan, ProgramTahun
    from ikutool.model.iku import Iku, Target
    from ikutool.yaml_reader import Document, PathT

W = Severity.WARNING

# an outcome written as the count or the holding of activities (docs/domain.md: evaluators mark it)
ACTIVITY = lazyre.compile(
    r"^\s*(terlaksana(?:nya)?|terselenggara(?:nya)?|dilaksanakan(?:nya)?|pelaksanaan|"
    r"jumlah\s+(?:kegiatan|pelaksanaan|penyelenggaraan|rapat|sosialisasi|pelatihan)|"
    r"banyaknya\s+kegiatan|persentase\s+kegiatan\s+yang\s+(?:terlaksana|dilaksanakan))\b",
    re.IGNORECASE,
)


def target_words(t: Target | None) -> str:
    return t.teks if t is not None and t.teks else ("-" if t is None else "?")


def same_target(a: Target | None, b: Target | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    key = [(c.jumlah, c.jumlah_maks, c.satuan, c.jenis, c.predikat) for c in a.komponen]
    return key == [(c.jumlah, c.jumlah_maks, c.satuan, c.jenis, c.predikat) for c in b.komponen]


def compare_with_iku(
    doc: Document, iku: Iku, group: Any, own: list[IndikatorNode], where: PathT
) -> list[Finding]:
    """What a tujuan or sasaran node writes again of its IKU indicators: every difference."""
    out: list[Finding] = []
    if not own:
        return out
    by_code = {i.kode: i for i in group.indikator}
    for j, ind in enumerate(own):
        at = (*where, "indikator", j)
        ref = by_code.get(ind.kode)
        if ref is None:
            out.append(
                doc.finding(
                    "IKU606",
                    f"indikator {clip(ind.kode)} tidak ada di {group.jenis} {group.kode} IKU "
                    f"({', '.join(by_code) or 'tanpa indikator'}); pohon kinerja memakai indikator "
                    "IKU",
                    (*at, "kode"),
                    severity=W,
                )
            )
            continue
        if " ".join(ind.uraian.split()) != " ".join(ref.uraian.split()):
            out.append(
                doc.finding(
                    "IKU606",
                    f"uraian indikator {ind.kode} berbeda dari IKU ('{clip(ref.uraian)}')",
                    (*at, "uraian"),
                    severity=W,
                )
            )
        for year, t in ind.target.items():
            if not same_target(t, ref.target.get(year)):
                out.append(
                    doc.finding(
                        "IKU606",
                        f"target {ind.kode} {year} di pohon kinerja '{target_words(t)}', di IKU "
                        f"'{target_words(ref.target.get(year))}'; yang dipakai target IKU",
                        (*at, "target", year),
                        severity=W,
                    )
                )
    absent = [k for k in by_code if k not in {i.kode for i in own}]
    if absent:
        out.append(
            doc.finding(
                "IKU606",
                f"indikator IKU {', '.join(absent)} tidak ditulis di simpul {group.kode}; tulis "
                "semua indikator IKU sasaran ini, atau hapus daftar 'indikator' (indikator IKU "
                "dipakai)",
                (*where, "indikator"),
                severity=W,
                at_key=True,
            )
        )
    return out


def pk_findings(pohon: Pohon, pk: dict[int, PkTahun]) -> list[Finding]:
    """A tree's own target for a year that the PK of that year sets otherwise."""
    out: list[Finding] = []
    for node, _ in pohon.walk():
        for ind in node.indikator:
            if ind.sumber != "pohon":
                continue
            for year, t in ind.target.items():
                signed = pk.get(year)
                other = signed.target.get(ind.kode) if signed is not None else None
                if other is not None and not same_target(t, other):
                    out.append(
                        pohon.doc.finding(
                            "IKU606",
                            f"target {ind.kode} {year} di pohon kinerja '{target_words(t)}', di "
                            f"Perjanjian Kinerja {year} '{target_words(other)}'",
                            _indicator_path(pohon, node, ind.kode, year),
                            severity=W,
                        )
                    )
    return out


def _indicator_path(pohon: Pohon, node: Simpul, kode: str, year: int | None = None) -> PathT:
    data = pohon.doc.data["pohon"][node.where[1]]
    for j, ind in enumerate(data.get("indikator") or []):
        if isinstance(ind, dict) and ind.get("kode") == kode:
            return (*node.where, "indikator", j, *(("target", year) if year else ()))
    return (*node.where, "kode")


def program_findings(pohon: Pohon, program: ProgramTahun, doc: Document) -> list[Finding]:
    """Every program, kegiatan and sub kegiatan of a year's program file under a node of its
    level and the same parent, with the tree's indicators and targets (located in the file)."""
    out: list[Finding] = []
    for i, p in enumerate(program.program):
        where = ("program", i)
        out += _item(pohon, doc, p, "program", list(p.sasaran), where, program.tahun)
        for j, k in enumerate(p.kegiatan):
            at = (*where, "kegiatan", j)
            out += _item(pohon, doc, k, "kegiatan", [p.kode] if p.kode else [], at, program.tahun)
            for m, s in enumerate(k.sub_kegiatan):
                up = [k.kode] if k.kode else []
                out += _item(
                    pohon, doc, s, "sub_kegiatan", up, (*at, "sub_kegiatan", m), program.tahun
                )
    return out


def _item(
    pohon: Pohon,
    doc: Document,
    item: Kegiatan,
    level: str,
    parents: list[str],
    where: PathT,
    tahun: int,
) -> list[Finding]:
    from ikutool.inputs.pohon import LEVEL_NAMA

    name = LEVEL_NAMA[level].lower()
    if item.kode is None:
        return [
            doc.finding(
                "IKU605",
                f"{name} '{clip(item.nama)}' tanpa kode tidak dapat dicari di pohon kinerja; "
                "tulis 'kode' seperti di pohon kinerja",
                where,
                severity=W,
            )
        ]
    node = pohon.simpul.get(item.kode)
    if node is None or node.level != level:
        return [
            doc.finding(
                "IKU605",
                f"{name} {item.kode} tidak tergantung di pohon kinerja {pohon.file}: tambahkan "
                f"simpulnya (level: {level}, dengan induknya), atau periksa kodenya",
                (*where, "kode"),
                severity=W,
            )
        ]
    out = []
    if parents and node.induk not in parents:
        out.append(
            doc.finding(
                "IKU605",
                f"{name} {item.kode} di berkas ini di bawah {', '.join(parents)}, di pohon "
                f"kinerja di bawah {node.induk or '(tanpa induk)'}; samakan keduanya",
                (*where, "kode"),
                severity=W,
            )
        )
    own = {i.kode: i for i in node.indikator if i.sumber == "pohon"}
    if not own:
        return out
    for j, ind in enumerate(item.indikator):
        ref = own.get(ind.kode)
        if ref is None:
            out.append(
                doc.finding(
                    "IKU606",
                    f"indikator {ind.kode} tidak ada di simpul {item.kode} pohon kinerja "
                    f"({', '.join(own)})",
                    (*where, "indikator", j, "kode"),
                    severity=W,
                )
            )
        elif not _same_program_target(ind.target, ref.target.get(tahun)):
            out.append(
                doc.finding(
                    "IKU606",
                    f"target {ind.kode} {tahun} di berkas ini '{target_words(ind.target)}', di pohon "
                    f"kinerja '{target_words(ref.target.get(tahun))}'",
                    (*where, "indikator", j, "target"),
                    severity=W,
                )
            )
    return out


def _same_program_target(a: Target | None, b: Target | None) -> bool:
    if a is None or b is None:
        return True  # a year the tree or the file leaves without a target: nothing to compare
    return same_target(a, b)


def mutu_findings(
    pohon: Pohon, iku: Iku, iku_doc: Document | None, programs: dict[int, ProgramTahun]
) -> list[Finding]:
    """The tree's quality: indicators with a target every year, owners, outcomes that are not
    counts of activities."""
    out: list[Finding] = []
    years = list(iku.periode.tahun)
    from_files = {
        k.kode
        for prog in programs.values()
        for p in prog.program
        for k in [p, *p.kegiatan, *(s for x in p.kegiatan for s in x.sub_kegiatan)]
        if k.indikator
    }
    paths = iku.indikator_paths()
    for node, _ in pohon.walk():
        if node.pemilik is None:
            out.append(
                pohon.doc.finding(
                    "IKU609",
                    f"simpul {node.kode} belum punya pemilik: tulis 'pemilik' (kode pejabat yang "
                    "bertanggung jawab); PK per eselon dan rencana hasil kerja pejabat disusun dari "
                    "pemilik simpul",
                    (*node.where, "kode"),
                    severity=W,
                )
            )
        if not node.indikator and node.kode not in from_files:
            out.append(
                pohon.doc.finding(
                    "IKU607",
                    f"simpul {node.kode} tanpa indikator: setiap simpul diukur dengan indikator "
                    "bertarget setiap tahun periode",
                    (*node.where, "kode"),
                    severity=W,
                )
            )
        for ind in node.indikator:
            if ind.sumber == "pohon":
                missing = [y for y in years if y not in ind.target]
                if missing:
                    out.append(
                        pohon.doc.finding(
                            "IKU607",
                            f"indikator {ind.kode} tanpa target {_years(missing)}; tulis targetnya, "
                            'atau "-" bila memang tidak ditargetkan',
                            _indicator_path(pohon, node, ind.kode),
                            severity=W,
                        )
                    )
            if node.level in ("sasaran", "program") and ACTIVITY.search(ind.uraian):
                if ind.sumber == "iku" and iku_doc is not None and ind.kode in paths:
                    doc, path = iku_doc, (*paths[ind.kode], "uraian")
                else:
                    doc, path = pohon.doc, _indicator_path(pohon, node, ind.kode)
                out.append(
                    doc.finding(
                        "IKU608",
                        f"indikator {node.level} {ind.kode} '{clip(ind.uraian)}' menghitung "
                        "kegiatan, bukan hasilnya: indikator sasaran dan program mengukur hasil "
                        "(outcome), mis. 'Persentase UMKM yang naik kelas'",
                        path,
                        severity=W,
                    )
                )
    return out


def _years(years: list[int]) -> str:
    return ", ".join(str(y) for y in years)
