"""The entries of a realisasi file, one indicator at a time: its shape (a bare number, components,
``nilai`` with notes, quarters), codes against the IKU, each value against its target's form
(:mod:`ikutool.inputs.realisasi_nilai`), quarters by the indicator's rule, pembanding and analisis."""

from __future__ import annotations

import math
from typing import Any

from ikutool.errors import Finding
from ikutool.formatting.numbers import NumberFormatError, format_angka
from ikutool.inputs.realisasi import (
    RESERVED,
    Analisis,
    Pembanding,
    RealisasiIndikator,
    RealisasiTahun,
    W,
)
from ikutool.inputs.realisasi_nilai import component_of, quarter_rule, value_problems
from ikutool.inputs.satuan import read_number
from ikutool.model.iku import (
    MAX_MAGNITUDE,
    Iku,
    Indikator,
    text_problem,
)
from ikutool.model.notation import NotationError, parse_value, plain_rupiah
from ikutool.model.quarters import (
    QUARTERS,
    aggregate,
    measured_quarters,
    quarter_name,
)
from ikutool.model.validation import clip, listing, nearest, validate_part
from ikutool.yaml_reader import Document, PathT


class Entries:
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
