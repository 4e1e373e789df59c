"""One reader for every file kind beside the IKU (realisasi, PK, rencana aksi, program, the older
anggaran, the tindak-lanjut register).

A file kind is a description (:class:`Kind`): its name, how a person calls it, its model, the
message for a file that is not a mapping, its money fields, how its own part is read, and how it
is cached. :func:`read_file` does what every kind shares, once: a bounded read, the cache, the
model's validation, the unquoted-number trap in money fields, the year against the file name and
the IKU's period, sorting (and capping) the findings, and raising when one is an error.

Which file is "year Y's" is one rule for every kind, :func:`year_file`: the one ``<Y>*.yaml`` of the
kind's folder (``2019.yaml``, ``2019-final.yaml``); two such files are an error that names both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from ikutool.errors import Finding, IkuError, Severity
from ikutool.workspace.paths import shown
from ikutool.yaml_reader import REALISASI_MAX_BYTES, Document, PathT

if TYPE_CHECKING:
    from ikutool.model.iku import Base, Iku

MAX_FINDINGS = 1000  # reported per file: enough to fix a file, never a flood


class HasFindings(Protocol):
    findings: list[Finding]


R = TypeVar("R", bound=HasFindings)


def warnings_at(findings: list[Finding], key: str, kode: str) -> list[str]:
    """The warnings located under ``key``/``kode`` of a file (a PK or rencana aksi target), as
    "code message": they travel with the value into every document that shows it."""
    return [
        f"{f.code} {f.message}"
        for f in findings
        if not f.is_error
        and f.segments
        and len(f.segments) >= 2
        and f.segments[0] == key
        and str(f.segments[1]) == kode
    ]


@dataclass
class Reading:
    """One file being read: its document, the IKU it is checked against, its validated model
    (None when the top level failed and the kind reads on regardless), and the findings so far.
    ``extra`` is what a kind is checked against besides the IKU (a rencana aksi: the year's PK)."""

    doc: Document
    path: Path
    iku: Iku
    model: Any
    findings: list[Finding]
    extra: Any = None

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data if isinstance(self.doc.data, dict) else {}

    @property
    def tahun(self) -> int | None:
        tahun = getattr(self.model, "tahun", None) if self.model is not None else None
        if tahun is None:
            tahun = self.data.get("tahun")
        return tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None

    def error(self, code: str, message: str, path: PathT, **kw: Any) -> None:
        self.findings.append(self.doc.finding(code, message, path, **kw))

    def warn(self, code: str, message: str, path: PathT, **kw: Any) -> None:
        self.findings.append(self.doc.finding(code, message, path, severity=Severity.WARNING, **kw))


@dataclass(frozen=True)
class Codec(Generic[R]):
    """How a kind's result is kept in the cache (plain JSON) and rebuilt from it."""

    dump: Callable[[R], dict[str, Any]]
    load: Callable[[dict[str, Any], str], R]


@dataclass(frozen=True)
class Kind(Generic[R]):
    name: str  # the cache's kind, the workspace key (ikutool.yaml) and the folder's default name
    label: str  # how messages call one file of the kind: "berkas PK"
    what: str  # how messages name its content: "PK", "rencana aksi"
    model: type[Base]
    shape: str  # the message for a file that is not a mapping of the expected keys
    build: Callable[[Reading], R]  # the kind's own part, from the validated model
    money: frozenset[str] = frozenset()  # rupiah fields: an unquoted 950.000 is an error there
    codec: Codec[R] | None = None
    per_year: bool = True  # a file per year (``tahun:`` checked against its name and the period)
    salvage: bool = False  # read on when the top level failed, to report everything at once
    after: Callable[[R], None] | None = None  # done to every result, read or rebuilt
    limit: int = REALISASI_MAX_BYTES
    cache_key: Callable[[Any], tuple[bytes | str, ...]] = field(default=lambda extra: ())


def year_from_name(path: Path) -> int | None:
    """The year a per-year file's name starts with (``2019.yaml``, ``2019-final.yaml``)."""
    m = re.match(r"(\d{4})(?!\d)", path.stem)
    return int(m.group(1)) if m else None


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder, sorted (a missing folder has none)."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    # not only regular files: a FIFO or a planted link there is refused by its reader, by name
    return [p for p in entries if p.suffix.lower() in (".yaml", ".yml") and not p.is_dir()]


def year_file(folder: Path, tahun: int, what: str) -> Path | None:
    """Year ``tahun``'s file of a per-year folder: the one whose name starts with the year, or
    None. Two such files are an error naming both (which one counts is never guessed)."""
    if not folder.is_dir():
        return None
    candidates = [p for p in yaml_files(folder) if year_from_name(p) == tahun]
    if len(candidates) > 1:
        raise IkuError.single(
            "IKU306",
            f"dua berkas {what} untuk tahun {tahun}: "
            f"{', '.join(shown(p) for p in candidates)}; gabungkan menjadi satu",
            file=shown(candidates[1]),
            line=1,
            column=1,
        )
    return candidates[0] if candidates else None


def years_in(folder: Path) -> list[int]:
    """The years that have a file in a per-year folder, by the same rule as :func:`year_file`."""
    return sorted({y for p in yaml_files(folder) if (y := year_from_name(p)) is not None})


def year_findings(doc: Document, path: Path, tahun: int, iku: Iku, what: str) -> list[Finding]:
    """The year a per-year file declares, against its file name (IKU305) and the IKU's period
    (IKU307)."""
    out = []
    named = year_from_name(path)
    if named is not None and named != tahun:
        out.append(
            doc.finding(
                "IKU305",
                f"'tahun: {tahun}' berbeda dengan tahun di nama berkas ({named}); samakan "
                f"keduanya ({what} {tahun} bernama {tahun}.yaml)",
                ("tahun",),
            )
        )
    if tahun not in iku.periode.tahun:
        out.append(
            doc.finding(
                "IKU307",
                f"tahun {tahun} di luar periode IKU {iku.periode.awal}-{iku.periode.akhir} "
                f"({iku.berkas})",
                ("tahun",),
            )
        )
    return out


def money_trap(doc: Document, f: Finding, money: frozenset[str]) -> Finding:
    """``pagu: 950.000`` unquoted is YAML's 950: in a rupiah field that is never what was meant,
    so the reader's warning (IKU107) becomes an error there (elsewhere a decimal may be meant)."""
    seg = f.segments or ()
    field_name = next((s for s in seg if isinstance(s, str) and s in money), None)
    if f.code != "IKU107" or field_name is None or "indikator" in seg:
        return f  # not money (a kinerja value of a program's indicator is not either)
    from ikutool.formatting.numbers import format_angka

    _, loc = doc.resolve(seg)
    raw = loc.raw if loc is not None and loc.raw else "?"
    read = doc_value(doc, seg)
    as_read = format_angka(read) if isinstance(read, int | float) else raw
    return doc.finding(
        "IKU303",
        f"{field_name} {raw} tanpa tanda kutip dibaca YAML sebagai {as_read} rupiah (titik sebagai "
        f'desimal). Tulis {raw.replace(".", "")} tanpa titik, atau "Rp {raw}" dalam tanda kutip',
        seg,
    )


def doc_value(doc: Document, path: PathT) -> Any:
    """The value at ``path`` in the document's data, or None."""
    here: Any = doc.data
    for seg in path:
        if isinstance(here, dict):
            here = here.get(seg)
        elif isinstance(here, list) and isinstance(seg, int) and 0 <= seg < len(here):
            here = here[seg]
        else:
            return None
    return here


def finish(findings: list[Finding]) -> list[Finding]:
    """Findings in file order, at most :data:`MAX_FINDINGS` (the last one says how many more);
    raises :class:`IkuError` when one is an error."""
    findings.sort(key=lambda f: (f.line or 0, f.column or 0))
    if len(findings) > MAX_FINDINGS:
        from ikutool.formatting.numbers import format_angka

        rest = findings[MAX_FINDINGS:]
        first = rest[0]
        findings = findings[:MAX_FINDINGS] + [
            Finding(
                "IKU109",
                f"mulai di sini, {format_angka(len(rest))} temuan lainnya tidak diuraikan satu "
                f"per satu; perbaiki {format_angka(MAX_FINDINGS)} temuan pertama, lalu periksa lagi",
                Severity.ERROR if any(f.is_error for f in rest) else Severity.WARNING,
                first.file,
                first.line,
                first.column,
                first.path,
            )
        ]
    if any(f.is_error for f in findings):
        raise IkuError(findings)
    return findings


def from_document(
    kind: Kind[R], doc: Document, path: Path, iku: Iku | None, extra: Any = None
) -> R:
    """Check a composed file of ``kind`` against the IKU; raise :class:`IkuError` with every
    error found. ``iku`` may be None only for a kind that is not per year and does not read it
    (the tindak-lanjut register)."""
    from ikutool.inputs.limits import LIMITS, check_lengths
    from ikutool.model.validation import validate_document

    if kind.name in LIMITS:  # every list measured before one item is validated (issue 23)
        check_lengths(doc, kind.name)
    model, findings = validate_document(doc, kind.model, kind.shape)
    if kind.money:
        findings = [money_trap(doc, f, kind.money) for f in findings]
    reading = Reading(doc, path, cast("Iku", iku), model, findings, extra)
    if model is None and not kind.salvage:
        finish(findings)
        raise IkuError(findings)  # a model that failed has at least one error
    tahun = reading.tahun
    if kind.per_year and tahun is not None and iku is not None:
        findings.extend(year_findings(doc, path, tahun, iku, kind.label))
    result = kind.build(reading)
    if model is None:
        finish(reading.findings)
        raise IkuError(reading.findings)
    result.findings = finish(reading.findings)
    if kind.after is not None:
        kind.after(result)
    return result


def read_file(
    kind: Kind[R], path: Path, iku: Iku | None, *, extra: Any = None, name: str | None = None
) -> R:
    """A file of ``kind`` checked against ``iku``: from the cache when these bytes, under this
    name, were checked against this same IKU (and ``extra``) before."""
    from ikutool.yaml_reader import read_bounded

    name = name or shown(path)
    return checked(kind, read_bounded(path, name, kind.limit), name, path, iku, extra)


def checked(
    kind: Kind[R],
    raw: bytes,
    name: str,
    path: Path,
    iku: Iku | None,
    extra: Any = None,
    doc: Document | None = None,
) -> R:
    """The bytes of a file of ``kind`` checked (:func:`from_document`; ``doc`` when they are
    composed already), or the result of checking the same bytes before, from the cache."""
    from ikutool.workspace import cache

    entry = None
    # checked against the IKU: cached under it; a kind read without one (the tindak-lanjut
    # register) depends on its bytes and name alone
    sidik = iku._sidik if iku is not None else "-"
    if kind.codec is not None and sidik:
        entry = cache.key(kind.name, sidik, path.name, raw, *kind.cache_key(extra))
        hit = cache.load(kind.name, entry)
        if hit is not None:
            try:
                result = kind.codec.load(hit, name)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # an unreadable entry is ignored, and replaced below
            else:
                if kind.after is not None:
                    kind.after(result)
                return result
    if doc is None:
        from ikutool.yaml_reader import parse_yaml_bytes

        doc = parse_yaml_bytes(raw, name)
    result = from_document(kind, doc, path, iku, extra)
    if entry is not None and kind.codec is not None:
        codec = kind.codec
        cache.store(kind.name, entry, lambda: codec.dump(result))
    return result


def findings_from_cache(data: list[dict[str, Any]], name: str) -> list[Finding]:
    from ikutool.definition.load import finding_from_dict

    return [finding_from_dict(f, name) for f in data]
