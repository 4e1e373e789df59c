"""Realisasi files (``<tahun>.yaml``): what was reached in a year, checked against the IKU.

A file looks like::

    tahun: 2019
    status: contoh            # contoh | sementara | final
    realisasi:
      S1.2: 58                # single-component indicator: a bare number
      S3.2: {ekspor: "6,5", impor: 19}
      S1.1:
        nilai: {umkm: 2750, sertifikasi_usaha_mikro: 100, kop_ksp_usp_umkm: 9}
        catatan: ...
        sumber: ...
      S2.1:
        triwulan: {I: 20, II: 21, III: 23, IV: 24}   # combined by the indicator's rule
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from ikutool import lazyre
from ikutool.errors import Finding, IkuError, Severity, errors_only
from ikutool.formatting.numbers import NumberFormatError, format_angka
from ikutool.inputs.kind import (
    Codec,
    Kind,
    Reading,
    findings_from_cache,
    from_document,
    read_file,
    year_file,
)
from ikutool.inputs.satuan import read_number, unit_problem
from ikutool.model.iku import (
    MAX_MAGNITUDE,
    Base,
    Iku,
    Indikator,
    Number,
    Text,
    magnitude_problem,
    plain_text,
    text_problem,
)
from ikutool.model.notation import NotationError, parse_value, plain_rupiah
from ikutool.model.quarters import (
    QUARTERS,
    aggregate,
    measured_quarters,
    quarter_name,
    rule_for,
)
from ikutool.model.validation import clip, listing, nearest, validate_part
from ikutool.workspace.paths import shown
from ikutool.yaml_reader import Document, PathT

W = Severity.WARNING
STATUS = ("contoh", "sementara", "final")
RESERVED = ("nilai", "catatan", "sumber", "triwulan", "pembanding", "analisis")
LongText = Annotated[str, Field(min_length=1, max_length=10_000), BeforeValidator(plain_text)]


class Pembanding(Base):
    """A national, provincial or SPM standard to compare the realisasi with (LKjIP analysis 4)."""

    nilai: Number | dict[str, Number]  # one figure, or one per component key
    tingkat: Literal["nasional", "provinsi", "spm"]
    sumber: Text | None = None
    tahun: int | None = Field(default=None, ge=1900, le=2200)


class Analisis(Base):
    """The officer's own words for the LKjIP (analyses 5 and 7): kept verbatim, never invented."""

    pendorong: LongText | None = None
    penghambat: LongText | None = None
    solusi: LongText | None = None
    program: LongText | None = None


class RealisasiFile(Base):
    tahun: int
    status: Literal["contoh", "sementara", "final"] | None = None
    keterangan: str | None = None
    sumber: Text | None = None
    realisasi: dict[Any, Any] | None = None  # keys checked against the IKU's codes


@dataclass
class RealisasiIndikator:
    kode: str
    nilai: dict[str, float | None]  # per component key (in target order)
    catatan: str | None = None
    sumber: str | None = None
    triwulan: dict[str, dict[str, float | None]] = field(default_factory=dict)
    pembanding: Pembanding | None = None
    analisis: Analisis | None = None
    # warnings about a value as it was read ("1.250" read as 1,25): (component key or None for
    # the whole entry, "CODE message"); they travel with the value into every output
    peringatan: list[tuple[str | None, str]] = field(default_factory=list)
    # per component key: the last quarter a year built from fewer than four quarters reaches
    sd_triwulan: dict[str, str] = field(default_factory=dict)
    agregasi: dict[str, str] = field(default_factory=dict)  # key -> rule, when built from quarters

    def warnings_for(self, key: str | None) -> list[str]:
        return [text for k, text in self.peringatan if k == key or k is None]


@dataclass
class RealisasiTahun:
    tahun: int
    file: str
    status: str | None = None
    keterangan: str | None = None
    indikator: dict[str, RealisasiIndikator] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # warnings
    # values written with their unit, as read ("S1.1 '2 lembaga' = 2"): said by validate's
    # summary (set when the file is read, not kept in the cache)
    dibaca: list[str] = field(default_factory=list)

    @property
    def is_contoh(self) -> bool:
        return self.status == "contoh"


def load_realisasi_file(path: Path, iku: Iku, display_name: str | None = None) -> RealisasiTahun:
    """A realisasi file checked against ``iku``: from the cache when these bytes, under this name,
    were checked against this same IKU before."""
    return read_file(KIND, path, iku, name=display_name)


def _to_cache(r: RealisasiTahun) -> dict[str, Any]:
    return {
        "tahun": r.tahun,
        "status": r.status,
        "keterangan": r.keterangan,
        "indikator": {
            kode: {
                "nilai": e.nilai,
                "catatan": e.catatan,
                "sumber": e.sumber,
                "triwulan": e.triwulan,
                "sd_triwulan": e.sd_triwulan,
                "agregasi": e.agregasi,
                "pembanding": e.pembanding.model_dump(mode="json", exclude_unset=True)
                if e.pembanding
                else None,
                "analisis": e.analisis.model_dump(mode="json", exclude_unset=True)
                if e.analisis
                else None,
            }
            for kode, e in r.indikator.items()
        },
        "temuan": [f.to_dict() for f in r.findings],
    }


def _from_cache(data: dict[str, Any], name: str) -> RealisasiTahun:
    from ikutool.workspace.cache import rebuild

    out = RealisasiTahun(data["tahun"], name, data["status"], data["keterangan"])
    for kode, e in data["indikator"].items():
        out.indikator[kode] = RealisasiIndikator(
            kode,
            e["nilai"],
            e["catatan"],
            e["sumber"],
            e["triwulan"],
            rebuild(Pembanding, e["pembanding"]) if e["pembanding"] else None,
            rebuild(Analisis, e["analisis"]) if e["analisis"] else None,
        )
        out.indikator[kode].sd_triwulan = dict(e["sd_triwulan"])
        out.indikator[kode].agregasi = dict(e["agregasi"])
    out.findings = findings_from_cache(data["temuan"], name)
    return out


def realisasi_from_document(doc: Document, path: Path, iku: Iku) -> RealisasiTahun:
    """Check a composed realisasi file against the IKU; raise :class:`IkuError` on any error.

    Every error is reported at once: a bad ``status`` does not hide an unknown code below it.
    """
    return from_document(KIND, doc, path, iku)


def _build(r: Reading) -> RealisasiTahun:
    model, findings, tahun = r.model, r.findings, r.tahun
    result = RealisasiTahun(tahun or 0, r.doc.file)
    if tahun is not None:
        result.status = model.status if model is not None else None
        result.keterangan = model.keterangan if model is not None else None
        entries = r.data.get("realisasi")
        if isinstance(entries, dict):
            _Entries(r.doc, r.iku, tahun, result, findings).read(entries)
        if result.status == "final" and not errors_only(findings):
            findings.extend(_final_gaps(r.doc, r.iku, result))
        findings.extend(_without_target(r.doc, r.iku, result))
    # one warning per misread value: the reader's "2.750 is 2,75" already says what IKU317 would
    misread = {(f.line, f.column) for f in findings if f.code == "IKU107"}
    findings[:] = [
        f for f in findings if not (f.code == "IKU317" and (f.line, f.column) in misread)
    ]
    return result


# warnings the capaian reports itself, from the data (a partial composite, a final file with a
# gap): not attached again to the value
_COMPUTED = frozenset({"IKU309", "IKU311"})


def attach_value_warnings(result: RealisasiTahun) -> None:
    """Give each entry the warnings located inside it (by the finding's path), so that a warning
    about a value is never only on stderr: ``realisasi.S2.3`` (the value), ``realisasi.S3.2.nilai
    .ekspor``, ``realisasi.S2.1.triwulan.II``."""
    for f in result.findings:
        seg = f.segments
        if f.is_error or f.code in _COMPUTED or not seg or len(seg) < 2 or seg[0] != "realisasi":
            continue
        entry = result.indikator.get(str(seg[1]))
        if entry is None:
            continue
        rest = [str(s) for s in seg[2:] if s not in ("nilai", "triwulan")]
        rest = [s for s in rest if quarter_name(s) is None]
        key = next((s for s in rest if s in entry.nilai), None)
        if key is None and len(entry.nilai) == 1 and not rest:
            key = next(iter(entry.nilai))
        if key is None and rest and rest[0] in ("pembanding", "analisis", "catatan", "sumber"):
            continue  # about the officer's text or the comparison figure, not the realisasi
        text = f"{f.code} {f.message}"
        if (key, text) not in entry.peringatan:
            entry.peringatan.append((key, text))


def _final_gaps(doc: Document, iku: Iku, result: RealisasiTahun) -> list[Finding]:
    """A file marked final must hold a value for every indicator with a target that year."""
    out = []
    for _, ind in iku.indikator():
        target = ind.target_for(result.tahun)
        if target is None:
            continue
        keys = [c.kunci or "nilai" for c in target.komponen]
        entry = result.indikator.get(ind.kode)
        missing = [k for k in keys if entry is None or entry.nilai.get(k) is None]
        if not missing:
            continue
        what = (
            "belum diisi"
            if len(missing) == len(keys)
            else f"komponen {', '.join(missing)} belum diisi"
        )
        path: PathT = ("realisasi", ind.kode) if entry is not None else ("status",)
        out.append(
            doc.finding(
                "IKU311",
                f"berkas berstatus final, tetapi {ind.kode} {what} (target {result.tahun}: "
                f"{target.teks}); isi nilainya, atau ubah status menjadi 'sementara'",
                path,
                severity=W,
            )
        )
    return out


def _without_target(doc: Document, iku: Iku, result: RealisasiTahun) -> list[Finding]:
    """A value for an indicator that has no target that year ("-" in the IKU) is kept and shown,
    but measures nothing: said, so it is not taken for a capaian."""
    out = []
    for kode, entry in result.indikator.items():
        ind = iku.find_indikator(kode)
        if ind is None or ind.target_for(result.tahun) is not None:
            continue
        if any(v is not None for v in entry.nilai.values()):
            out.append(
                doc.finding(
                    "IKU316",
                    f"{kode} tidak punya target tahun {result.tahun} di IKU ('-'); realisasinya "
                    "ditampilkan tetapi tidak dihitung capaiannya. Periksa tahunnya, atau isi "
                    "target tahun itu di IKU (atau di Perjanjian Kinerja)",
                    ("realisasi", kode),
                    severity=W,
                    at_key=True,
                )
            )
    return out


def values_without_target(iku: Iku, data: RealisasiTahun) -> int:
    """How many values the file holds for indicators without a target that year."""
    count = 0
    for kode, entry in data.indikator.items():
        ind = iku.find_indikator(kode)
        if ind is not None and ind.target_for(data.tahun) is None:
            count += sum(v is not None for v in entry.nilai.values())
    return count


def kelengkapan(iku: Iku, data: RealisasiTahun) -> tuple[int, int, int]:
    """``(with a target, filled completely, filled in part)`` for the indicators of that year."""
    total = complete = partial = 0
    for _, ind in iku.indikator():
        target = ind.target_for(data.tahun)
        if target is None:
            continue
        total += 1
        entry = data.indikator.get(ind.kode)
        values = [entry.nilai.get(c.kunci or "nilai") if entry else None for c in target.komponen]
        filled = sum(v is not None for v in values)
        if filled == len(values):
            complete += 1
        elif filled:
            partial += 1
    return total, complete, partial


class _Entries:
    def __init__(
        self, doc: Document, iku: Iku, tahun: int, out: RealisasiTahun, findings: list[Finding]
    ):
        self.doc, self.iku, self.tahun, self.out, self.findings = doc, iku, tahun, out, findings
        self.codes = [ind.kode for _, ind in iku.indikator()]
        self.squashed: dict[str, str] | None = None
        self.unknown = 0

    def error(self, code: str, message: str, path: PathT, **kw: Any) -> None:
        self.findings.append(self.doc.finding(code, message, path, **kw))

    def read(self, entries: dict[str, Any]) -> None:
        for kode, value in entries.items():
            path: PathT = ("realisasi", kode)
            ind = self.iku.find_indikator(str(kode))
            if ind is None and isinstance(kode, int | float) and not isinstance(kode, bool):
                self.error(
                    "IKU301",
                    f"kunci {kode} adalah angka, bukan kode indikator; setiap nilai ditulis di bawah "
                    f"kode indikatornya persis seperti di IKU, mis. {self.codes[0]}: ... "
                    f"(kode yang ada: {listing(self.codes)})",
                    path,
                    at_key=True,
                )
                continue
            if ind is None:
                self._unknown_code(str(kode), path)
                continue
            keys = self._keys(ind)
            entry = RealisasiIndikator(ind.kode, dict.fromkeys(keys))
            self._entry(ind, keys, value, path, entry)
            self.out.indikator[ind.kode] = entry

    def _unknown_code(self, kode: str, path: PathT) -> None:
        if self.squashed is None:
            self.squashed = {"".join(c.split()).casefold(): c for c in self.codes}
        guess = self.squashed.get("".join(kode.split()).casefold())
        self.unknown += 1
        if guess is None and self.unknown <= 50:  # suggestions cost a scan of every code
            guess = nearest(kode, self.codes)
        hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
        self.error(
            "IKU301",
            f"kode indikator '{clip(kode)}' tidak ada di IKU {self.iku.berkas}.{hint} "
            f"Kode yang ada: {listing(self.codes)}.",
            path,
            at_key=True,
        )

    def _part(self, model: Any, value: Any, path: PathT) -> Any:
        obj, found = validate_part(self.doc, model, value, path)
        self.findings.extend(found)
        return obj

    def _check_pembanding(
        self, ind: Indikator, p: Pembanding | None, keys: list[str], path: PathT
    ) -> None:
        if p is None or not isinstance(p.nilai, dict):
            if p is not None and len(keys) > 1:
                self.error(
                    "IKU302",
                    f"indikator ini punya {len(keys)} komponen; tulis pembanding per komponen, mis. "
                    f"nilai: {{{', '.join(f'{k}: ...' for k in keys)}}}",
                    (*path, "nilai"),
                )
            return
        for k in p.nilai:
            if keys and k not in keys:
                self.error(
                    "IKU302",
                    f"komponen '{clip(k)}' tidak ada; komponen yang ada: {self._named(ind, keys)}",
                    (*path, "nilai", k),
                    at_key=True,
                )

    def _named(self, ind: Indikator, keys: list[str]) -> str:
        """The keys a file may use, each with the name a person knows it by where they differ:
        ``per_100_000_kh (per 100.000 KH)``."""
        from ikutool.model.notation import component_label

        out = []
        for k in keys:
            comp = component_of(ind, k, self.tahun)
            label = component_label(comp.kunci, comp.satuan, ind.label_for(k)) if comp else k
            out.append(k if label in (k, k.replace("_", " ")) else f"{k} ({label})")
        return listing(out)

    def _keys(self, ind: Indikator) -> list[str]:
        target = ind.reference_target(self.tahun)
        if target is None:
            return []
        return [c.kunci or "nilai" for c in target.komponen]

    def _entry(
        self, ind: Indikator, keys: list[str], value: Any, path: PathT, entry: RealisasiIndikator
    ) -> None:
        if isinstance(value, dict) and any(k in RESERVED for k in value):
            for k in value:
                if k not in RESERVED:
                    guess = nearest(str(k), list(RESERVED))
                    hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
                    self.error(
                        "IKU302",
                        f"kunci '{clip(str(k))}' tidak dikenal di sini.{hint} Yang sah: "
                        f"{', '.join(RESERVED)}.",
                        (*path, k),
                        at_key=True,
                    )
            for k in ("catatan", "sumber"):
                text = value.get(k)
                if text is not None and not isinstance(text, str):
                    self.error("IKU203", f"'{k}' harus berupa teks", (*path, k))
                elif isinstance(text, str) and (problem := text_problem(text)):
                    self.error("IKU209", problem, (*path, k))
                elif isinstance(text, str):
                    setattr(entry, k, text)
            if value.get("pembanding") is not None:
                entry.pembanding = self._part(
                    Pembanding, value["pembanding"], (*path, "pembanding")
                )
                self._check_pembanding(ind, entry.pembanding, keys, (*path, "pembanding"))
            if value.get("analisis") is not None:
                entry.analisis = self._part(Analisis, value["analisis"], (*path, "analisis"))
            if "triwulan" in value:
                self._quarters(ind, keys, value["triwulan"], (*path, "triwulan"), entry)
            if value.get("nilai") is not None:
                from_quarters = dict(entry.nilai)
                self._values(ind, keys, value["nilai"], (*path, "nilai"), entry.nilai)
                if entry.triwulan and any(
                    from_quarters.get(k) is not None
                    and entry.nilai.get(k) is not None
                    and not math.isclose(from_quarters[k], entry.nilai[k])  # type: ignore[arg-type]
                    for k in entry.nilai
                ):
                    self.error(
                        "IKU310",
                        "nilai tahunan berbeda dari hasil triwulan "
                        f"({quarter_rule(ind, keys[0] if keys else 'nilai', self.tahun)}); "
                        "yang dipakai adalah 'nilai'",
                        (*path, "nilai"),
                        severity=W,
                    )
            return
        self._values(ind, keys, value, path, entry.nilai)

    def _values(
        self,
        ind: Indikator,
        keys: list[str],
        value: Any,
        path: PathT,
        into: dict[str, float | None],
    ) -> None:
        if value is None:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                if keys and k not in keys:
                    guess = nearest(str(k), keys)
                    hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
                    self.error(
                        "IKU302",
                        f"komponen '{clip(str(k))}' tidak ada di target {ind.kode} tahun "
                        f"{self.tahun}.{hint} Komponen yang ada: {self._named(ind, keys)}.",
                        (*path, k),
                        at_key=True,
                    )
                    continue
                into[str(k)] = self._number(ind, str(k), v, (*path, k))
            missing = [k for k in keys if into.get(k) is None]
            if missing and len(missing) < len(keys):
                self.error(
                    "IKU309",
                    f"komponen {', '.join(missing)} belum diisi; capaian {ind.kode} dihitung dari "
                    "komponen yang ada saja",
                    path,
                    severity=W,
                )
            return
        if isinstance(value, list):
            self.error(
                "IKU203",
                "realisasi harus berupa angka, atau pemetaan 'komponen: angka', bukan daftar",
                path,
            )
            return
        if len(keys) > 1:
            self.error(
                "IKU302",
                f"{ind.kode} punya {len(keys)} komponen di tahun {self.tahun}; tulis per komponen, "
                f"mis. {{{', '.join(f'{k}: ...' for k in keys)}}}",
                path,
            )
            return
        key = keys[0] if keys else "nilai"
        into[key] = self._number(ind, key, value, path)

    def _number(self, ind: Indikator, key: str, value: Any, path: PathT) -> float | None:
        if value is None:
            return None
        number: float | None = None
        percent = False
        raw = None
        if isinstance(value, bool):
            self.error("IKU303", f"harus berupa angka, tertulis {str(value).lower()}", path)
            return None
        comp = component_of(ind, key, self.tahun)
        jenis = comp.jenis if comp is not None else "angka"
        written: str | None = None  # the unit the value was written with ("2 lembaga")
        if jenis == "rupiah" and not isinstance(value, str):
            shown = format_angka(value) if isinstance(value, int | float) else str(value)
            self.error("IKU303", plain_rupiah(shown, value, comp.tulisan), path)
            return None
        if jenis in ("rasio", "predikat") and not isinstance(value, str):
            example = "1:24" if jenis == "rasio" else (self.iku.predikat_labels(ind) or ["WTP"])[-1]
            self.error(
                "IKU303",
                f"realisasi {ind.kode} ditulis dalam bentuk targetnya ({comp.teks if comp else ''}), "
                f'mis. "{example}", bukan angka saja',
                path,
            )
            return None
        if isinstance(value, int | float):
            number = float(value) if abs(value) <= MAX_MAGNITUDE * 10 else math.inf
        elif isinstance(value, str) and jenis != "angka":
            raw = value
            try:
                target = comp.tulisan if comp is not None else None
                number = parse_value(value, jenis, self.iku.predikat_labels(ind), target=target)
            except NotationError as exc:
                self.error("IKU303", exc.message, path)
                return None
        elif isinstance(value, str):
            raw = value
            try:
                number, percent, written = read_number(value)
            except NumberFormatError as exc:
                self.error("IKU303", exc.message, path)
                return None
        else:
            self.error("IKU303", "harus berupa angka", path)
            return None
        problems = value_problems(
            ind, key, self.tahun, number, percent=percent, raw=raw, satuan=written
        )
        for code, message, is_error in problems:
            self.error(code, message, path, **({} if is_error else {"severity": W}))
        if any(is_error for _, _, is_error in problems):
            return None
        if written is not None and raw is not None:
            self.out.dibaca.append(f"{ind.kode} '{raw.strip()}' = {format_angka(number)}")
        return number

    def _quarters(
        self, ind: Indikator, keys: list[str], value: Any, path: PathT, entry: RealisasiIndikator
    ) -> None:
        if not isinstance(value, dict):
            self.error("IKU203", "'triwulan' harus berupa pemetaan, mis. {I: 10, II: 12}", path)
            return
        for q, v in value.items():
            name = quarter_name(str(q))
            if name is None:
                self.error(
                    "IKU302",
                    f"triwulan '{q}' tidak dikenal; pakai I, II, III atau IV",
                    (*path, q),
                    at_key=True,
                )
                continue
            values: dict[str, float | None] = dict.fromkeys(keys)
            self._values(ind, keys, v, (*path, q), values)
            entry.triwulan[name] = values
        for k in keys or ["nilai"]:
            # quarters in calendar order, the unreported ones left out
            present = [
                q for q in QUARTERS if q in entry.triwulan and entry.triwulan[q].get(k) is not None
            ]
            series = [v for q in present if (v := entry.triwulan[q][k]) is not None]
            if not series:
                continue
            measured = measured_quarters(ind.frekuensi)
            rule = quarter_rule(ind, k, self.tahun)
            if rule is None and len(measured) == 1 and present == list(measured):
                rule = "akhir"  # an annual indicator: its one value is the year's
            if rule is None:
                name = f"{ind.kode} ({k})" if len(keys) > 1 else ind.kode
                self.error(
                    "IKU319",
                    f"{name} diisi per triwulan, tetapi cara menjadikannya angka tahunan belum "
                    "ditulis: persentase, indeks, rasio atau predikat tidak boleh dijumlah "
                    "(88 + 89 + 90 + 91 bukan 358 %). Tulis di IKU 'agregasi_triwulan: akhir' "
                    "(nilai triwulan terakhir), 'rata_rata' (rata-rata triwulan) atau "
                    "'kumulatif' (dijumlah); atau 'frekuensi: tahunan' bila diukur setahun sekali "
                    "(nilainya di TW IV)",
                    path,
                )
                continue
            entry.agregasi[k] = rule
            entry.nilai[k] = aggregate(rule, series)
            gaps_in = [q for q in measured if q not in present]
            if gaps_in:
                entry.sd_triwulan[k] = present[-1]  # "s.d. TW III": never silently a year
                if self.out.status != "sementara":
                    name = f"{ind.kode} ({k})" if len(keys) > 1 else ind.kode
                    gaps = ", ".join(gaps_in)
                    self.error(
                        "IKU320",
                        f"{name} baru diisi TW {', '.join(present)} (TW {gaps} kosong), padahal "
                        "berkas ini bukan 'sementara': angka tahunannya dihitung s.d. TW "
                        f"{present[-1]} dan ditandai begitu di setiap keluaran. Isi triwulan yang "
                        "kosong, atau tulis 'status: sementara' bila tahunnya belum selesai",
                        path,
                        severity=W,
                    )


def quarter_rule(ind: Indikator, key: str, tahun: int) -> str | None:
    """How quarters of ``ind``'s component ``key`` make the year: the indicator's rule where it
    writes one; without, counts and rupiah add up (``kumulatif``) and a percentage, index, ratio
    or predikat has no rule (None): never guessed."""
    if ind.agregasi_triwulan is not None:
        return ind.agregasi_triwulan
    return rule_for(None, component_of(ind, key, tahun))


# units that measure rather than count: a fraction of them is normal
_MEASURES = lazyre.compile(
    r"^(rp|rupiah|ribu|juta|miliar|milyar|triliun|km|m|cm|mm|ha|hektar|m2|m3|km2|ton|kg|kwintal|"
    r"liter|l|hari|bulan|minggu|jam|menit|tahun|poin|nilai|skor|indeks|rasio|kali|usd|\$)\b",
    re.IGNORECASE,
)
# a rate ("per 1.000 KH", "per 100.000 penduduk"): a fraction of it is normal too
_RATE = lazyre.compile(r"\bper\b|‰", re.IGNORECASE)
_ENGLISH_THOUSANDS = lazyre.compile(r"^[-+]?\d{1,3}(,\d{3})+$")


def component_of(ind: Indikator, key: str, tahun: int) -> Any:
    """The component ``key`` of the target a realisasi of ``tahun`` is written in, or None."""
    target = ind.reference_target(tahun)
    return next(
        (c for c in (target.komponen if target else []) if (c.kunci or "nilai") == key), None
    )


def value_problems(
    ind: Indikator,
    key: str,
    tahun: int,
    number: float,
    *,
    percent: bool = False,
    raw: str | None = None,
    satuan: str | None = None,
) -> list[tuple[str, str, bool]]:
    """What is wrong (or suspect) with one realisasi value of ``ind``'s component ``key``:
    ``(code, message, is_error)``. The one rule for every way a value comes in: a YAML file,
    ``iku realisasi isi`` and a workbook cell. ``percent``: it was written with a % sign;
    ``raw``: the text as typed, when it was text; ``satuan``: the unit it was written with
    ("2 lembaga"), held to the target's."""
    from ikutool.model.notation import component_label

    comp = component_of(ind, key, tahun)
    is_pct = (
        bool(comp.persen) if comp is not None else bool(ind.satuan and ind.satuan.startswith("%"))
    )
    unit = (comp.satuan if comp is not None else ind.satuan) or "tanpa satuan"
    reference = ind.reference_target(tahun)
    several = reference is not None and len(reference.komponen) > 1
    name = ind.kode
    if comp is not None and several:  # named as a person names it, never by its internal key
        name = f"{ind.kode} ({component_label(comp.kunci, comp.satuan, ind.label_for(key))})"
    shown = raw if raw is not None else format_angka(number)
    if satuan is not None and satuan != "%":
        target_unit = comp.satuan if comp is not None else ind.satuan
        problem = unit_problem(shown, number, satuan, target_unit, name)
        if problem:
            return [("IKU312", problem, True)]
    if percent and not is_pct:
        return [
            (
                "IKU312",
                f"'{shown}' ditulis dengan tanda %, padahal satuan target {name} adalah '{unit}', "
                f"bukan persen; tulis angkanya saja, mis. {shown.replace('%', '').strip()}",
                True,
            )
        ]
    problem = magnitude_problem(number)
    if problem:
        return [("IKU303", problem, True)]
    if number < 0 and not is_pct:
        return [
            (
                "IKU304",
                f"realisasi {name} negatif ({shown}); jumlah/hitungan tidak mungkin negatif. Nilai "
                "negatif hanya sah untuk persentase (mis. pertumbuhan)",
                True,
            )
        ]
    out = []
    counts = (
        comp is not None
        and comp.jenis == "angka"
        and not is_pct
        and float(comp.jumlah).is_integer()
        and (comp.jumlah_maks is None or float(comp.jumlah_maks).is_integer())
        and not _MEASURES.match(unit.strip())
        and not _RATE.search(unit)
    )
    if counts and not float(number).is_integer():
        english = raw is not None and _ENGLISH_THOUSANDS.match(raw.strip().rstrip("%").strip())
        hint = (
            f"; bila maksudnya {format_angka(float(raw.replace(',', '')))} (format Inggris, koma "
            "sebagai pemisah ribuan), tulis angkanya tanpa koma"
            if english and raw is not None
            else "; periksa angkanya (koma adalah desimal, titik pemisah ribuan)"
        )
        out.append(
            (
                "IKU317",
                f"realisasi {name} {format_angka(number)} {unit} bukan bilangan bulat, padahal "
                f"satuannya hitungan{hint}",
                False,
            )
        )
    return out


Hint = Callable[[int], str]


def load_realisasi_dir(
    folder: Path, iku: Iku, years: list[int], *, hint: Hint | None = None
) -> dict[int, RealisasiTahun]:
    """The realisasi of ``years`` from ``folder``: each year's file by the one rule of
    :func:`ikutool.inputs.kind.year_file`. A missing folder or year is a usage problem (exit 2);
    ``hint`` gives the command that starts the missing file of a year."""
    require_folder(folder, years[0] if years else iku.periode.awal, hint)
    by_year: dict[int, RealisasiTahun] = {}
    errors: list[Finding] = []
    for year in years:
        try:
            path = year_file(folder, year, KIND.what)
            if path is not None:
                by_year[year] = load_realisasi_file(path, iku)
        except IkuError as exc:
            errors.extend(exc.findings)
    if errors:
        raise IkuError(errors)
    missing = [y for y in years if y not in by_year]
    if missing:
        raise missing_year(folder, iku, missing, hint)
    return by_year


def missing_year(folder: Path, iku: Iku, missing: list[int], hint: Hint | None) -> IkuError:
    return IkuError.single(
        "IKU308",
        f"realisasi tahun {', '.join(map(str, missing))} belum ada di folder realisasi "
        f"(IKU: {iku.berkas})",
        file=shown(folder),
        exit_code=2,
        hint=hint(missing[0]) if hint else None,
    )


def require_folder(folder: Path, tahun: int, hint: Hint | None) -> None:
    if not folder.is_dir():
        raise IkuError.single(
            "IKU308",
            "ini sebuah berkas, bukan folder realisasi"
            if folder.exists()
            else "folder realisasi tidak ada",
            file=shown(folder),
            exit_code=2,
            hint=hint(tahun) if hint else None,
        )


def template_text(iku: Iku, tahun: int, *, iku_file: str | None = None, pk: Any = None) -> str:
    """A blank realisasi file for ``tahun``: every indicator with a target that year, each line
    commented with its target and unit: the Perjanjian Kinerja's where ``pk`` changes it (the
    target capaian is measured against), with the Renstra's beside it."""
    from ikutool.formatting.numbers import format_angka

    lines = [
        f"# Realisasi IKU tahun {tahun}: {iku.instansi.nama}",
        "# Isi setiap nilai yang masih kosong (null) dengan angka realisasi.",
        '# Angka boleh ditulis 2750, "1.234" atau "6,5" (dalam tanda kutip bila memakai titik/koma).',
        "# Hapus 'status: sementara' atau ganti dengan 'final' setelah angka diverifikasi.",
    ]
    if iku_file:
        lines.append(f"# Definisi IKU: {iku_file}")
    if pk is not None and pk.target:
        lines.append(f"# Target bertanda PK: dari Perjanjian Kinerja {tahun} ({pk.file}).")
    lines += ["", f"tahun: {tahun}", "status: sementara", "realisasi:"]
    for _, ind in iku.indikator():
        renstra = ind.target_for(tahun)
        if renstra is None:
            continue
        target = pk.target.get(ind.kode, renstra) if pk is not None else renstra
        note = f" (PK; Renstra {renstra.teks})" if target is not renstra else ""
        if len(target.komponen) == 1:
            comp = target.komponen[0]
            lines.append(
                f"  {_yaml_key(ind.kode)}: null  # target {_describe(comp, format_angka)}{note}"
            )
            continue
        lines.append(f"  {_yaml_key(ind.kode)}:  # target {target.teks}{note}")
        for comp in target.komponen:
            lines.append(
                f"    {_yaml_key(comp.kunci or 'nilai')}: null  # target {_describe(comp, format_angka)}"
            )
    return "\n".join(lines) + "\n"


def _describe(comp: Any, fmt: Any) -> str:
    if comp.jenis != "angka" or comp.batas:  # "minimal 80 %", "1:30", "WTP": as written
        return comp.tulisan
    number = fmt(comp.jumlah) + (
        f"-{fmt(comp.jumlah_maks)}" if comp.jumlah_maks is not None else ""
    )
    if comp.satuan == "%":
        return number + " %"
    return f"{number} {comp.satuan}".rstrip()


def _yaml_key(key: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.\-]*", key) and key.lower() not in {
        "yes",
        "no",
        "on",
        "off",
        "true",
        "false",
        "null",
    }:
        return key
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


KIND: Kind[RealisasiTahun] = Kind(
    name="realisasi",
    label="berkas realisasi",
    what="realisasi",
    model=RealisasiFile,
    shape="isi berkas realisasi harus berupa pemetaan dengan 'tahun' dan 'realisasi'",
    build=_build,
    codec=Codec(_to_cache, _from_cache),
    salvage=True,
    after=attach_value_warnings,
)
