"""Load an IKU definition file: YAML -> typed model -> whole-document checks.

``load_iku`` returns the model with its warnings, or raises :class:`IkuError` carrying every error
found (and the warnings) in one go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ikutool.definition.checks import _partial_checks, check_iku
from ikutool.definition.forms import resolve_forms
from ikutool.errors import Finding, IkuError, Severity, errors_only
from ikutool.model.iku import Iku
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
