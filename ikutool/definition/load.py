"""Load an IKU definition file: YAML -> typed model -> whole-document checks.

``load_iku`` returns the model with its warnings, or raises :class:`IkuError` carrying every error
found (and the warnings) in one go.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ikutool.errors import Finding, IkuError, Severity, errors_only
from ikutool.model.iku import Iku
from ikutool.model.scales import scale_for
from ikutool.model.validation import nearest, validate_document
from ikutool.yaml_reader import Document

W = Severity.WARNING


@dataclass
class LoadedIku:
    iku: Iku
    file: str
    findings: list[Finding] = field(default_factory=list)  # warnings only


def load_iku(path: Path, display_name: str | None = None) -> LoadedIku:
    """The validated IKU of ``path``: from the cache when the same bytes were validated before."""
    from ikutool.workspace.paths import shown
    from ikutool.yaml_reader import read_bounded

    name = display_name or shown(path)
    raw = read_bounded(path, name)
    return cached_iku(raw, name) or iku_from_bytes(raw, name)


def cached_iku(raw: bytes, name: str) -> LoadedIku | None:
    """The IKU these exact bytes validated into before, or None (never validated, or an entry
    that cannot be read: it is then replaced by :func:`iku_from_bytes`)."""
    from ikutool.workspace import cache

    entry = cache.key("iku", raw)
    hit = cache.load("iku", entry)
    if hit is None:
        return None
    try:
        iku = cache.rebuild(Iku, hit["iku"])
        findings = [finding_from_dict(f, name) for f in hit["temuan"]]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    iku._berkas = name
    iku._sidik = entry
    attach_target_warnings(iku, findings)
    return LoadedIku(iku, name, findings)


def iku_from_bytes(raw: bytes, name: str, doc: Document | None = None) -> LoadedIku:
    """Compose (unless ``doc`` is given), validate and remember in the cache."""
    from ikutool.workspace import cache
    from ikutool.yaml_reader import parse_yaml_bytes

    loaded = iku_from_document(doc if doc is not None else parse_yaml_bytes(raw, name))
    entry = cache.key("iku", raw)
    loaded.iku._sidik = entry
    cache.store(
        "iku",
        entry,
        lambda: {
            "iku": loaded.iku.model_dump(mode="json", exclude_unset=True),
            "temuan": [f.to_dict() for f in loaded.findings],
        },
    )
    return loaded


def finding_from_dict(data: dict[str, Any], file: str) -> Finding:
    """A cached warning, placed in the file as it is named now."""
    return Finding(
        data["kode"],
        data["pesan"],
        Severity(data["tingkat"]),
        file,
        data["baris"],
        data["kolom"],
        data["lokasi"],
        tuple(data["jalur"]) if data.get("jalur") is not None else None,
    )


def iku_from_document(doc: Document) -> LoadedIku:
    """Validate a composed IKU file; raise :class:`IkuError` with every error found."""
    iku, findings = validate_document(
        doc,
        Iku,
        "isi berkas harus berupa pemetaan 'kunci: nilai' (berkas IKU: instansi, periode, "
        "sasaran; berkas realisasi: tahun, realisasi), bukan daftar atau teks",
    )
    if iku is not None:
        findings.extend(resolve_forms(iku, doc))
        findings.extend(check_iku(iku, doc))
    else:
        # the model failed somewhere: the whole-document checks still run on every part that
        # validated, so one `iku validate` reports every error at once, not a second batch
        # after the first is fixed
        findings.extend(_partial_checks(doc))
    findings.sort(key=lambda f: (f.line or 0, f.column or 0))
    if errors_only(findings) or iku is None:
        raise IkuError(findings)
    iku._berkas = doc.file
    attach_target_warnings(iku, findings)
    return LoadedIku(iku, doc.file, findings)


# target warnings the capaian reports itself (a target of zero gives "target nol")
_COMPUTED = frozenset({"IKU255"})


def attach_target_warnings(iku: Iku, findings: list[Finding]) -> None:
    """Remember each warning located in a target cell (``sasaran[i].indikator[j].target.YEAR``)
    against that indicator and year, so that it is shown beside the target wherever it is."""
    found: dict[tuple[str, int], list[str]] = {}
    for f in findings:
        seg = f.segments
        if f.is_error or f.code in _COMPUTED or not seg or len(seg) < 6:
            continue
        if seg[0] not in ("sasaran", "tujuan") or seg[2] != "indikator" or seg[4] != "target":
            continue
        try:
            group = iku.sasaran if seg[0] == "sasaran" else iku.tujuan
            ind = group[int(seg[1])].indikator[int(seg[3])]
            year = int(seg[5])
        except (IndexError, TypeError, ValueError):
            continue
        text = f"{f.code} {f.message}"
        bucket = found.setdefault((ind.kode, year), [])
        if text not in bucket:
            bucket.append(text)
    iku._peringatan = found or None


def _code_key(code: str) -> str:
    return "".join(code.split()).casefold()


def resolve_forms(iku: Iku, doc: Document) -> list[Finding]:
    """Every target form that needs the indicator, checked and settled where it is written: a
    predikat ranked on its scale (its ``jumlah`` becomes the rank), a ratio and a one-sided
    target held to the indicator's polaritas."""
    out: list[Finding] = []
    for si, sas in enumerate(iku.sasaran):
        for ii, ind in enumerate(sas.indikator):
            out += check_forms(iku, ind, ("sasaran", si, "indikator", ii), doc)
    for ti, tuj in enumerate(iku.tujuan):
        for ii, ind in enumerate(tuj.indikator):
            out += check_forms(iku, ind, ("tujuan", ti, "indikator", ii), doc)
    return out


def check_forms(iku: Any, ind: Any, ipath: tuple, doc: Document | None) -> list[Finding]:
    out: list[Finding] = []

    def problem(message: str, year: int | None, code: str = "IKU207") -> None:
        where = (*ipath, "target", year) if year is not None else ipath
        if doc is not None:
            # inside the cell's text (past an opening quote), where a notation error points
            offset = 0 if year is not None else None
            out.append(doc.finding(code, message, where, column_offset=offset))
        else:
            out.append(Finding(code, message, Severity.ERROR, iku.berkas))

    targets = [(y, t) for y, t in sorted(ind.target.items()) if t is not None]
    labels = [c.predikat for _, t in targets for c in t.komponen if c.jenis == "predikat"]
    if labels:
        name, why = scale_for(iku, ind, labels)
        if name is None and ind.skala_predikat is not None and doc is not None:
            # the scale named is unknown: said where it is named
            out.append(doc.finding("IKU207", why or "", (*ipath, "skala_predikat")))
        elif name is None:
            from ikutool.model.scales import find_label, predikat_scales

            # every year whose label is on no scale at all ("Kop 25" in two years: two errors);
            # labels that fit no one scale together: said once, at the first
            scales = predikat_scales(iku).values()
            written = [(y, c.predikat or "") for y, t in targets for c in t.komponen if c.predikat]
            unknown = [(y, p) for y, p in written if not any(find_label(u, p) for u in scales)]
            for year, label in unknown:
                problem(_unknown_label(iku, ind, label), year)
            if not unknown:
                problem(why or "", written[0][0])
        else:
            ind.skala_predikat = name
            for year, t in targets:
                why = rank_predikat(iku, ind, t)
                if why:
                    problem(why, year)
            if ind.polaritas == "negatif":
                problem(
                    "target predikat dibandingkan menurut peringkatnya (makin tinggi makin baik); "
                    "hapus 'polaritas: negatif'",
                    None,
                    "IKU209",
                )
    bounds = {c.batas for _, t in targets for c in t.komponen if c.batas}
    explicit = "polaritas" in ind.model_fields_set
    if bounds == {"min", "maks"}:
        problem(
            "target indikator ini ditulis 'minimal' di satu tahun dan 'maksimal' di tahun lain; "
            "satu indikator satu arah: makin tinggi makin baik, atau makin rendah makin baik",
            None,
            "IKU209",
        )
    for year, t in targets:
        for c in t.komponen:
            if c.batas == "min" and explicit and ind.polaritas == "negatif":
                problem(
                    f"'{c.teks}' berarti makin tinggi makin baik, padahal polaritas negatif", year
                )
            if c.batas == "maks" and explicit and ind.polaritas == "positif":
                problem(
                    f"'{c.teks}' berarti makin rendah makin baik, padahal polaritas positif", year
                )
            if c.jenis == "rasio" and not explicit:
                problem(
                    f"target rasio '{c.teks}' dibandingkan pada suku keduanya, dan arah baiknya "
                    "berbeda-beda (rasio guru:murid makin rendah makin baik, rasio dokter:penduduk "
                    "juga; rasio cakupan sebaliknya): tulis 'polaritas: negatif' atau 'positif' "
                    "pada indikator ini",
                    year,
                )
    return out


def _unknown_label(iku: Any, ind: Any, label: str) -> str:
    """Why a word target on no scale cannot be read: "Kop 25" is most likely a number written
    after its unit; "Level 3" would be a label of a scale the IKU declares."""
    if not any(ch.isdigit() for ch in label):
        return scale_for(iku, ind, [label])[1] or ""
    from ikutool.model.scales import predikat_scales

    known = "; ".join(f"{n}: {', '.join(u)}" for n, u in predikat_scales(iku).items())
    return (
        f"teks target '{label}' tidak dapat dibaca: awal target harus berupa angka (mis. '25 Kop', "
        "'7,14 %', '80-90 %', 'minimal 80 %', '1:30', 'Rp 1,5 miliar') atau predikat seperti di "
        f"skalanya ({known}); skala dengan label berangka (mis. 'Level 1' sampai 'Level 5') "
        "dinyatakan di 'predikat' berkas IKU"
    )


def unreadable_label(iku: Any, ind: Any, target: Any) -> str | None:
    """A word target with digits that is on no scale ("org 55"): why it cannot be read, as the
    notation would have said; None when every label of ``target`` is on some scale."""
    from ikutool.model.scales import find_label, predikat_scales

    scales = predikat_scales(iku).values()
    for c in target.komponen:
        label = c.predikat or ""
        digits = c.jenis == "predikat" and any(ch.isdigit() for ch in label)
        if digits and not any(find_label(u, label) for u in scales):
            return _unknown_label(iku, ind, label)
    return None


def rank_predikat(iku: Any, ind: Any, target: Any) -> str | None:
    """Give each predikat component of ``target`` its rank on ``ind``'s scale (None), or say
    why it cannot be ranked. Used for Renstra targets here and for PK targets (pk.py)."""
    from ikutool.model.scales import find_label, predikat_scales

    scale = predikat_scales(iku).get(ind.skala_predikat or "")
    for c in target.komponen:
        if c.jenis != "predikat":
            continue
        rank = find_label(scale, c.predikat or "") if scale else None
        if rank is None:
            return (
                f"predikat '{c.predikat}' tidak ada di skala {ind.skala_predikat} "
                f"({', '.join(scale or [])})"
            )
        c.jumlah = float(rank)
        c.predikat = (scale or [])[rank - 1]
        c.satuan = c.satuan or "predikat"
    return None


def check_iku(iku: Iku, doc: Document) -> list[Finding]:
    """Checks that need the whole document. Paths follow the YAML, so findings are located."""
    entries: list[SasaranEntry] = [
        (("tujuan", ti), tuj.kode, list(enumerate(tuj.indikator)), True, False)
        for ti, tuj in enumerate(iku.tujuan)
    ] + [
        (("sasaran", si), sas.kode, list(enumerate(sas.indikator)), True, sas.jenis == "sasaran")
        for si, sas in enumerate(iku.sasaran)
    ]
    out = _checks(iku.periode, iku.bidang, entries, doc, iku.target_nol)
    return out + _tujuan_links(iku, doc) + _scale_names(iku, doc)


def _scale_names(iku: Iku, doc: Document) -> list[Finding]:
    """A predikat scale the file declares has a name of its own: not a built-in one (which it
    would silently replace), not one declared twice, and no label twice."""
    from ikutool.model.scales import PREDIKAT, _fold

    out = []
    seen: set[str] = set()
    for i, scale in enumerate(iku.predikat):
        if scale.nama in PREDIKAT:
            out.append(
                doc.finding(
                    "IKU209",
                    f"nama skala '{scale.nama}' sudah dipakai skala bawaan "
                    f"({' < '.join(PREDIKAT[scale.nama])}); pakai nama lain untuk skala sendiri",
                    ("predikat", i, "nama"),
                )
            )
        elif scale.nama in seen:
            out.append(
                doc.finding(
                    "IKU205",
                    f"skala predikat '{scale.nama}' dinyatakan dua kali",
                    ("predikat", i, "nama"),
                )
            )
        seen.add(scale.nama)
        folded = [_fold(x) for x in scale.urutan]
        twice = sorted({x for x in scale.urutan if folded.count(_fold(x)) > 1})
        if twice:
            out.append(
                doc.finding(
                    "IKU209",
                    f"predikat {', '.join(twice)} tertulis dua kali di skala '{scale.nama}'; "
                    "setiap predikat satu peringkat",
                    ("predikat", i, "urutan"),
                )
            )
    return out


def _tujuan_links(iku: Iku, doc: Document) -> list[Finding]:
    """``sasaran[].tujuan`` names a tujuan the file declares."""
    known = {t.kode for t in iku.tujuan}
    out = []
    for si, sas in enumerate(iku.sasaran):
        if sas.tujuan is None or sas.tujuan in known:
            continue
        guess = nearest(sas.tujuan, sorted(known))
        hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
        listing = (
            f"tujuan yang ada: {', '.join(sorted(known))}"
            if known
            else "berkas ini belum punya daftar 'tujuan:' (kode, uraian, indikator)"
        )
        out.append(
            doc.finding(
                "IKU208",
                f"sasaran {sas.kode} merujuk tujuan '{sas.tujuan}' yang tidak ada.{hint} "
                f"{listing[0].upper()}{listing[1:]}.",
                ("sasaran", si, "tujuan"),
            )
        )
    return out


# (its path, kode, its indicators that validated with their positions, whether all did,
# whether its indicators are averaged into a capaian: a sasaran, not a kelompok or tujuan)
SasaranEntry = tuple[tuple[str, int], Any, list[tuple[int, Any]], bool, bool]


def _partial_checks(doc: Document) -> list[Finding]:
    """The whole-document checks over the parts of a file whose model failed: its periode and
    bidang if they validate, every sasaran that validates, and every indicator that validates
    inside a sasaran that does not."""
    import types

    from pydantic import ValidationError

    from ikutool.model.iku import Bidang, Indikator, Periode, Sasaran, SkalaPredikat, Tujuan

    data = doc.data if isinstance(doc.data, dict) else {}

    def valid(model: Any, value: Any) -> Any:
        try:
            return model.model_validate(value)
        except ValidationError:
            return None

    periode = valid(Periode, data.get("periode"))
    raw_scales = data.get("predikat")
    holder = types.SimpleNamespace(
        berkas=doc.file,
        predikat=[p for p in (valid(SkalaPredikat, x) for x in raw_scales) if p]
        if isinstance(raw_scales, list)
        else [],
    )
    raw_bidang = data.get("bidang")
    bidang = (
        [b for b in (valid(Bidang, x) for x in raw_bidang) if b]
        if isinstance(raw_bidang, list)
        else []
    )
    entries: list[SasaranEntry] = []
    dropped: set[int] = set()
    for level, model in (("tujuan", Tujuan), ("sasaran", Sasaran)):
        raw_groups = data.get(level)
        for si, raw in enumerate(raw_groups if isinstance(raw_groups, list) else []):
            sas = valid(model, raw)
            if sas is not None:
                averaged = level == "sasaran" and sas.jenis == "sasaran"
                entries.append(
                    ((level, si), sas.kode, list(enumerate(sas.indikator)), True, averaged)
                )
                continue
            if not isinstance(raw, dict):
                continue
            kode = raw.get("kode") if isinstance(raw.get("kode"), str) else None
            raw_ind = raw.get("indikator")
            inds = []
            for ii, x in enumerate(raw_ind if isinstance(raw_ind, list) else []):
                ind = _salvage(Indikator, x)
                if ind is None:
                    continue
                inds.append((ii, ind))
                if isinstance(x, dict) and x.get("target") and not ind.target:
                    dropped.add(id(ind))
            entries.append(((level, si), kode, inds, False, False))
    forms = [
        f
        for spath, _, inds, _, _ in entries
        for ii, ind in inds
        for f in check_forms(holder, ind, (*spath, "indikator", ii), doc)
    ]
    return forms + _checks(periode, bidang, entries, doc, untargeted=frozenset(dropped))


def _salvage(model: Any, raw: Any) -> Any:
    """``raw`` validated without the keys whose values failed (their errors are reported by the
    whole file's validation): the rest of an indicator still gets the whole-document checks."""
    from pydantic import ValidationError

    if not isinstance(raw, dict):
        return None
    data = dict(raw)
    for _ in range(4):
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            bad = {err["loc"][0] for err in exc.errors() if err["loc"]}
            if not bad or bad & {"kode", "uraian"} or not bad <= set(data):
                return None
            for key in bad:
                data.pop(key)
    return None


def _checks(
    periode: Any,
    bidang: list[Any],
    entries: list[SasaranEntry],
    doc: Document,
    target_nol: str = "biner",
    untargeted: frozenset[int] = frozenset(),
) -> list[Finding]:
    """``untargeted``: ids of indicators whose targets failed to validate (reported by the
    model): not "without a target"."""
    out: list[Finding] = []
    seen: dict[str, tuple[str, ...]] = {}
    declared = {b.kunci for b in bidang} | {b.nama for b in bidang}

    def code_check(code: str, path: tuple) -> None:
        key = _code_key(code)
        if key in seen:
            first = seen[key]
            same = (
                "sama"
                if first[0] == code
                else f"hanya berbeda huruf besar/kecil atau spasi dengan '{first[0]}'"
            )
            out.append(
                doc.finding(
                    "IKU205",
                    f"kode '{code}' {same} (sudah dipakai di {first[1]}); setiap kode harus unik",
                    (*path, "kode"),
                )
            )
        else:
            seen[key] = (code, ".".join(str(p) for p in path))

    for spath, kode, inds, complete, averaged in entries:
        if kode is not None:
            code_check(kode, spath)
        if averaged and complete and inds and all(ind.bobot == 0 for _, ind in inds):
            out.append(
                doc.finding(
                    "IKU209",
                    f"semua indikator sasaran {kode} berbobot 0, jadi sasaran ini tidak punya "
                    "capaian; setiap sasaran perlu paling sedikit satu indikator berbobot lebih "
                    "dari 0 (bobot 0: ditampilkan, tidak dihitung)",
                    (*spath, "indikator", inds[0][0], "bobot"),
                )
            )
        if not inds and complete and spath[0] != "tujuan":  # a tujuan may only group sasaran
            level = "sasaran" if averaged else "kelompok"
            out.append(
                doc.finding("IKU253", f"{level} {kode} belum punya indikator", spath, severity=W)
            )
        for ii, ind in inds:
            ipath = (*spath, "indikator", ii)
            code_check(ind.kode, ipath)
            if ind.bidang and bidang and ind.bidang not in declared:
                guess = nearest(ind.bidang, sorted(declared))
                hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
                out.append(
                    doc.finding(
                        "IKU208",
                        f"bidang '{ind.bidang}' tidak dideklarasikan di daftar 'bidang' berkas ini."
                        f"{hint} Bidang yang ada: {', '.join(b.kunci for b in bidang)}.",
                        (*ipath, "bidang"),
                    )
                )
            if id(ind) not in untargeted and not any(t is not None for t in ind.target.values()):
                out.append(
                    doc.finding(
                        "IKU252",
                        f"indikator {ind.kode} tidak punya target di tahun mana pun",
                        ipath,
                        severity=W,
                    )
                )
            out.extend(_check_targets(periode, ind, ipath, doc, target_nol))
            out.extend(_polarity_hint(ind, ipath, doc))
    return out


def _check_targets(
    periode: Any, ind: Any, ipath: tuple, doc: Document, target_nol: str = "biner"
) -> list[Finding]:
    out: list[Finding] = []
    units: dict[str, list[int]] = defaultdict(list)
    for year, target in ind.target.items():
        tpath = (*ipath, "target", year)
        if periode is not None and year not in periode.tahun:
            out.append(
                doc.finding(
                    "IKU204",
                    f"tahun {year} di luar periode {periode.awal}-{periode.akhir}; "
                    "perbaiki tahunnya atau perluas 'periode'",
                    tpath,
                    at_key=True,
                )
            )
        if target is None:
            continue
        if ind.komponen and len(ind.komponen) != len(target.komponen):
            out.append(
                doc.finding(
                    "IKU254",
                    f"target {year} punya {len(target.komponen)} komponen, sedangkan daftar "
                    f"'komponen' indikator ini berisi {len(ind.komponen)}; kunci tidak dapat "
                    "diberikan menurut urutan",
                    tpath,
                    severity=W,
                )
            )
        counts = Counter(c.kunci for c in target.komponen)
        for key, n in counts.items():
            if n > 1:
                out.append(
                    doc.finding(
                        "IKU206",
                        f"{n} komponen target {year} berkunci sama '{key}' (dari satuannya); beri "
                        "kunci sendiri, mis. 'ekspor=7% dan impor=17%', atau daftar 'komponen' "
                        "pada indikator (- kunci: ekspor / - kunci: impor)",
                        tpath,
                    )
                )
        for comp in target.komponen:
            units[comp.satuan].append(year)
            zero_rule = ind.polaritas == "negatif" and target_nol == "biner"
            if comp.jenis == "predikat" or (comp.jumlah == 0 and zero_rule):
                continue  # a rank; or a zero the file's rule measures ("0 kasus": tercapai)
            if comp.jumlah == 0 or (comp.jumlah < 0 and ind.polaritas == "negatif"):
                out.append(
                    doc.finding(
                        "IKU255",
                        f"target {year} komponen '{comp.kunci}' bernilai "
                        f"{'nol' if comp.jumlah == 0 else 'negatif'}; capaian tidak dapat "
                        "dihitung dengan rumus biasa",
                        tpath,
                        severity=W,
                    )
                )
    out.extend(_similar_units(ind, ipath, units, doc))
    return out


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# words that write one unit several ways; each maps to one canonical spelling
_UNIT_SYNONYMS = {
    "org": "orang",
    "persen": "%",
    "prosen": "%",
    "bh": "buah",
    "thn": "tahun",
    "bln": "bulan",
    "hr": "hari",
    "rupiah": "rp",
    "kk": "kepala keluarga",
    "kel": "kelompok",
}


def _canonical_unit(unit: str) -> str:
    words = unit.casefold().replace(".", " ").split()
    return " ".join(_UNIT_SYNONYMS.get(w, w) for w in words)


def _synonym_units(
    ind, ipath: tuple, units: dict[str, list[int]], doc: Document
) -> tuple[list[Finding], set[str]]:
    """One unit written two ways across the years ("1.400 org" and "orang", "90 persen" and
    "%"): a component with another unit gets another key, so its realisasi no longer carries
    over from year to year."""
    out = []
    flagged: set[str] = set()
    by_canonical: dict[str, list[str]] = defaultdict(list)
    for unit in units:
        by_canonical[_canonical_unit(unit)].append(unit)
    for spellings in by_canonical.values():
        if len({u.casefold() for u in spellings}) < 2:
            continue  # only the case differs: the same key (and the document's own spelling)
        spellings.sort(key=lambda u: min(units[u]))
        first = spellings[0]
        for other in spellings[1:]:
            if other.casefold() == first.casefold():
                continue
            flagged.add(other)
            for year in units[other]:
                out.append(
                    doc.finding(
                        "IKU251",
                        f"satuan '{other}' di target {year} sama maksudnya dengan '{first}' di tahun "
                        f"{', '.join(map(str, units[first]))}, tetapi ditulis berbeda; tulis dengan "
                        "satu bentuk agar komponennya sama dari tahun ke tahun",
                        (*ipath, "target", year),
                        severity=W,
                    )
                )
    return out, flagged


_NEGATIVE_WORDS = re.compile(
    r"\b(angka kematian|kematian|prevalensi|angka kesakitan|kemiskinan|pengangguran|stunting|"
    r"gizi buruk|putus sekolah|kecelakaan|kebakaran|inflasi|gini|ketimpangan|kekerasan|"
    r"tunggakan|pencemaran|kriminalitas|buta aksara)\b",
    re.IGNORECASE,
)
_POSITIVE_FRAMING = re.compile(
    r"\b(penurunan|turunnya|menurunnya|berkurangnya|pengurangan|tertangani|ditangani|penanganan|"
    r"cakupan|bebas|terbebas|pencegahan)\b",
    re.IGNORECASE,
)


def _polarity_hint(ind, ipath: tuple, doc: Document) -> list[Finding]:
    """ "Angka Kematian Ibu", "Prevalensi Stunting" without a polaritas: usually lower is
    better, and read as positive they would grade a worse year as a better one."""
    if "polaritas" in ind.model_fields_set:
        return []
    m = _NEGATIVE_WORDS.search(ind.uraian)
    if m is None or _POSITIVE_FRAMING.search(ind.uraian):
        return []
    return [
        doc.finding(
            "IKU256",
            f"uraian {ind.kode} menyebut '{m.group()}': indikator seperti ini biasanya makin rendah "
            "makin baik, tetapi polaritasnya tidak ditulis (dibaca positif). Tulis "
            "'polaritas: negatif' bila begitu, atau 'polaritas: positif' untuk menegaskannya",
            ipath,
            severity=W,
        )
    ]


def _similar_units(ind, ipath: tuple, units: dict[str, list[int]], doc: Document) -> list[Finding]:
    """Flag a unit that differs from a more common one of the same indicator by a letter or two."""
    out, synonyms = _synonym_units(ind, ipath, units, doc)
    names = sorted(units, key=lambda u: -len(units[u]))
    for rare in names:
        for common in names:
            if rare == common or len(units[common]) <= len(units[rare]):
                continue
            a, b = rare.casefold(), common.casefold()
            if a == b or _canonical_unit(a) == _canonical_unit(b) or rare in synonyms:
                continue
            dist = _edit_distance(a, b)
            if dist <= 2 and dist / max(len(a), len(b)) <= 0.15:
                for year in units[rare]:
                    out.append(
                        doc.finding(
                            "IKU251",
                            f"satuan '{rare}' di target {year} hanya berbeda {dist} huruf dari "
                            f"'{common}' yang dipakai di tahun {', '.join(map(str, units[common]))}; "
                            "salah ketik?",
                            (*ipath, "target", year),
                            severity=W,
                        )
                    )
                break
    return out


def resolve_bidang(iku: Iku, query: str) -> str:
    """A bidang by its key or any unambiguous part of its name, case-insensitive -> its key."""
    choices: dict[str, set[str]] = {}
    for b in iku.bidang:
        choices[b.kunci] = {b.kunci.casefold(), b.nama.casefold()}
    for _, ind in iku.indikator():
        if ind.bidang and iku.bidang_of(ind) is None:
            choices.setdefault(ind.bidang, {ind.bidang.casefold()})
    q = " ".join(query.split()).casefold()
    exact = [k for k, names in choices.items() if q in names]
    hits = exact or [k for k, names in choices.items() if q and any(q in n for n in names)]
    if len(hits) == 1:
        return hits[0]
    listing = ", ".join(
        f"{b.kunci} ({b.nama})" if b.nama != b.kunci else b.kunci for b in iku.bidang
    ) or ", ".join(choices)
    if not choices:
        message = (
            f"bidang '{query}' tidak dikenal: berkas IKU {iku.berkas} tidak membagi indikatornya "
            "per bidang (tidak ada daftar 'bidang' dan tidak ada 'bidang:' pada indikator); "
            "jalankan tanpa --bidang"
        )
    elif not hits:
        guess = nearest(query, list(choices))
        hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
        message = f"bidang '{query}' tidak dikenal.{hint} Bidang yang ada: {listing}."
    else:
        message = (
            f"bidang '{query}' cocok dengan lebih dari satu bidang ({', '.join(hits)}); "
            f"tulis lebih lengkap. Bidang yang ada: {listing}."
        )
    raise IkuError.single("IKU501", message, file="--bidang", exit_code=2)
