"""Checks of an IKU file that need the whole document: codes, years, units, bidang, scales,
tujuan links, targets and polarity hints, each located; and the partial checks that still run when
the file's model failed (so every error is said at once).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from ikutool import lazyre
from ikutool.definition.forms import check_forms
from ikutool.errors import Finding, Severity
from ikutool.model.iku import Iku
from ikutool.model.validation import nearest
from ikutool.yaml_reader import Document

W = Severity.WARNING


def _code_key(code: str) -> str:
    return "".join(code.split()).casefold()


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


_NEGATIVE_WORDS = lazyre.compile(
    r"\b(angka kematian|kematian|prevalensi|angka kesakitan|kemiskinan|pengangguran|stunting|"
    r"gizi buruk|putus sekolah|kecelakaan|kebakaran|inflasi|gini|ketimpangan|kekerasan|"
    r"tunggakan|pencemaran|kriminalitas|buta aksara)\b",
    re.IGNORECASE,
)
_POSITIVE_FRAMING = lazyre.compile(
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
