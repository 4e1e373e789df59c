"""The quality of the IKU itself (``iku validate --mutu``): the mechanical SMART-C checks an
evaluator makes on worksheet KKE-1, as located warnings.

- measurable: a Manual IKU with definisi, formula and sumber data (IKU260);
- time-bound: a target for every year of the period (IKU261);
- challenging: no target below last year's realisasi (IKU257), no target lighter than the
  year before's (IKU262: lower on a positive indicator, higher on a negative one);
- one unit for one indicator, across the years and between PK and Renstra (IKU258);
- at most the agency's number of indicators per sasaran (``maks_indikator_per_sasaran`` in the
  IKU file; IKU259). A sasaran measured by nothing is IKU253 (every validation says it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.errors import Finding, Severity
from ikutool.model.iku import Iku, Indikator

if TYPE_CHECKING:
    from ikutool.yaml_reader import Document, PathT

W = Severity.WARNING


def _too_many(iku: Iku, doc: Document) -> list[Finding]:
    """IKU259: a sasaran with more indicators than the agency's rule allows."""
    out: list[Finding] = []
    for i, sas in enumerate(iku.sasaran):
        limit = iku.maks_indikator_per_sasaran
        if limit is not None and len(sas.indikator) > limit:
            out.append(doc.finding(
                "IKU259",
                f"sasaran {sas.kode} diukur dengan {len(sas.indikator)} indikator, lebih dari "
                f"aturan instansi ({limit}, 'maks_indikator_per_sasaran'); pilih yang paling "
                "mewakili hasil sasaran itu",
                ("sasaran", i, "indikator"), severity=W, at_key=True))  # fmt: skip
    return out


def _manual(iku: Iku, doc: Document, ind: Indikator, where: PathT) -> list[Finding]:
    """IKU260: a Manual IKU without its definisi, formula or sumber data."""
    missing = [name for name, value in (("definisi", ind.definisi), ("formula", ind.formula),
                                        ("sumber data", iku.sumber_data(ind)))
               if not value]  # fmt: skip
    if not missing:
        return []
    return [doc.finding(
        "IKU260",
        f"{ind.kode}: Manual IKU belum lengkap, belum ada {', '.join(missing)} (indikator "
        "yang cara mengukurnya tidak tertulis tidak terukur bagi evaluator)",
        where, severity=W)]  # fmt: skip


def _missing_years(
    iku: Iku, doc: Document, ind: Indikator, where: PathT, years: list[int]
) -> list[Finding]:
    """IKU261: an indicator with targets, but not for every year of the period."""
    if not any(ind.target.get(y) is not None for y in years):
        return []
    gaps = [str(y) for y in years if y not in ind.target]
    if not gaps:
        return []
    return [doc.finding(
        "IKU261",
        f"{ind.kode}: tidak ada target untuk {', '.join(gaps)} (periode "
        f"{iku.periode.awal}-{iku.periode.akhir}); tulis targetnya, atau '-' bila "
        "memang tidak ditargetkan tahun itu",
        (*where, "target"), severity=W, at_key=True)]  # fmt: skip


def _unit_changes(doc: Document, ind: Indikator, where: PathT) -> list[Finding]:
    """IKU258: a component whose unit changes between the years."""
    shapes = [t for _, t in sorted(ind.target.items()) if t is not None]
    counts = {len(t.komponen) for t in shapes}
    per_position: list[set[str]] = []
    if len(counts) == 1:  # compared by position (a changed unit changes the derived key)
        per_position = [{t.komponen[k].satuan for t in shapes} for k in range(counts.pop())]
    out: list[Finding] = []
    for found in per_position:
        if len(found) > 1:
            out.append(doc.finding(
                "IKU258",
                f"{ind.kode}: satuan berubah antar tahun ({', '.join(sorted(found))}); satu "
                "indikator diukur dengan satu satuan sepanjang periode",
                (*where, "target"), severity=W, at_key=True))  # fmt: skip
    return out


def _lighter(doc: Document, ind: Indikator, where: PathT, years: list[int]) -> list[Finding]:
    """IKU262: a target lighter than the year before's (lower when higher is better)."""
    out: list[Finding] = []
    previous = None
    for y in years:
        t = ind.target.get(y)
        if t is None:
            continue
        if previous is not None and len(previous[1].komponen) == len(t.komponen):
            for a, b in zip(previous[1].komponen, t.komponen, strict=True):
                if a.jenis != "angka" or b.jenis != "angka" or a.is_range or b.is_range:
                    continue
                if a.kunci != b.kunci:  # another quantity (its unit changed): IKU258 says it
                    continue
                lighter = b.jumlah < a.jumlah if ind.polaritas == "positif" else b.jumlah > a.jumlah
                if lighter:
                    out.append(doc.finding(
                        "IKU262",
                        f"{ind.kode}: target {y} ({b.tulisan}) lebih ringan dari target "
                        f"{previous[0]} ({a.tulisan}); target yang menurun perlu alasan yang "
                        "tertulis",
                        (*where, "target", y), severity=W))  # fmt: skip
        previous = (y, t)
    return out


def _against_last_year(
    doc: Document,
    ind: Indikator,
    where: PathT,
    years: list[int],
    realisasi: dict[int, Any],
    pk: dict[int, Any],
    pk_docs: dict[int, Any],
) -> list[Finding]:
    """IKU257: a target (the PK's where it sets one) below last year's realisasi; and IKU258: a
    PK target in other units than the Renstra's."""
    from ikutool.formatting.numbers import format_angka

    out: list[Finding] = []
    for y in years:
        last = realisasi.get(y - 1)
        own_pk: Any = pk.get(y)
        from_pk = own_pk is not None and ind.kode in own_pk.target
        t = own_pk.target[ind.kode] if from_pk else ind.target.get(y)
        entry = last.indikator.get(ind.kode) if last is not None else None
        if t is None or entry is None:
            continue
        for c in t.komponen:
            value = entry.nilai.get(c.kunci or "nilai")
            if value is None or c.jenis != "angka" or c.is_range:
                continue
            low = c.jumlah < value if ind.polaritas == "positif" else c.jumlah > value
            if low:
                msg = (f"{ind.kode}: target {y} {c.tulisan} di bawah realisasi {y - 1} "
                       f"({format_angka(value)}); di LKE target seperti ini bernilai 0")  # fmt: skip
                if from_pk:
                    out.append(pk_docs[y].finding("IKU257", msg, ("target", ind.kode), severity=W))
                else:
                    out.append(doc.finding("IKU257", msg, (*where, "target", y), severity=W))
        if from_pk:
            renstra = ind.target.get(y)
            if renstra is not None:
                ours = [k.satuan for k in renstra.komponen]
                theirs = [k.satuan for k in own_pk.target[ind.kode].komponen]
                if ours != theirs:
                    out.append(pk_docs[y].finding(
                        "IKU258",
                        f"{ind.kode}: satuan target PK {y} ({', '.join(theirs)}) berbeda "
                        f"dengan target Renstra ({', '.join(ours)})",
                        ("target", ind.kode), severity=W))  # fmt: skip
    return out


def mutu_findings(
    iku: Iku, doc: Any, realisasi: dict[int, Any], pk: dict[int, Any], pk_docs: dict[int, Any]
) -> list[Finding]:
    """Every quality warning of ``iku`` (its PK and realisasi beside it), sorted by place."""
    out = _too_many(iku, doc)
    paths = iku.indikator_paths()
    years = list(iku.periode.tahun)
    for _, ind in iku.indikator():
        where = paths[ind.kode]
        out += _manual(iku, doc, ind, where)
        out += _missing_years(iku, doc, ind, where, years)
        out += _unit_changes(doc, ind, where)
        out += _lighter(doc, ind, where, years)
        out += _against_last_year(doc, ind, where, years, realisasi, pk, pk_docs)
    out.sort(key=lambda f: (f.file or "", f.line or 0, f.column or 0))
    return out
