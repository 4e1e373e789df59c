"""The programs, kegiatan and sub kegiatan of a program file checked one by one (codes, names,
indicators with their targets and quarters, pagu and realisasi Rp, the unit), and duplicates
across the file. Loaded only when a file is read, not when it comes from the cache."""

from __future__ import annotations

import math
from typing import Any

from ikutool.errors import Finding
from ikutool.inputs.anggaran import sasaran_findings
from ikutool.inputs.program import (
    IndikatorKinerja,
    IndikatorProgramFile,
    Kegiatan,
    KegiatanFile,
    KegiatanItemFile,
    Program,
    ProgramItemFile,
    W,
)
from ikutool.model.iku import (
    Iku,
    Komponen,
)
from ikutool.model.quarters import quarter_keys, rule_for
from ikutool.model.uang import Uang
from ikutool.model.validation import clip
from ikutool.yaml_reader import Document, PathT


class Reader:
    def __init__(self, doc: Document, iku: Iku, tahun: int, findings: list[Finding]) -> None:
        self.doc, self.iku, self.tahun, self.findings = doc, iku, tahun, findings

    def error(self, code: str, message: str, path: PathT, **kw: Any) -> None:
        self.findings.append(self.doc.finding(code, message, path, **kw))

    def program(self, p: ProgramItemFile, where: PathT) -> Program:
        known = [s.kode for s in self.iku.groups()]
        self.findings += sasaran_findings(self.doc, self.iku, p.nama, p.sasaran, where, known, "S1")
        kegiatan = [
            self.kegiatan_item(k, (*where, "kegiatan", j)) for j, k in enumerate(p.kegiatan)
        ]
        base = self.kegiatan(p, where)
        uang = base.uang
        own_pagu = uang.pagu
        sums = [k.uang.pagu for k in kegiatan if k.uang.pagu is not None]
        if own_pagu is not None and sums and math.fsum(sums) > own_pagu * (1 + 1e-12):
            self.error(
                "IKU314",
                f"pagu kegiatan program '{clip(p.nama)}' berjumlah {_rp(math.fsum(sums))}, lebih "
                f"dari pagu programnya ({_rp(own_pagu)}); periksa kedua angkanya",
                (*where, "pagu"),
                severity=W,
            )
        return Program(
            base.kode, base.nama, uang, base.indikator, base.penanggung_jawab,
            sasaran=list(p.sasaran), kegiatan=kegiatan,
        ).linked()  # fmt: skip

    def kegiatan_item(self, k: KegiatanItemFile, where: PathT) -> Kegiatan:
        """A kegiatan and its sub kegiatan; its money from theirs where it writes none."""
        from ikutool.inputs.subkegiatan import roll_up

        subs = [self.kegiatan(x, (*where, "sub_kegiatan", j)) for j, x in enumerate(k.sub_kegiatan)]
        out = self.kegiatan(k, where)
        out.sub_kegiatan = subs
        if subs:
            self.findings += roll_up(self.doc, out, subs, where)
        return out.linked()

    def kegiatan(self, k: KegiatanFile, where: PathT) -> Kegiatan:
        uang = Uang(k.pagu, k.pagu_renstra, k.realisasi_rp_sd_tahun_lalu)
        for name, key in quarter_keys(
            self.doc, k.realisasi_rp, (*where, "realisasi_rp"), self.findings
        ):
            value = k.realisasi_rp[key]
            if value is not None:
                uang.realisasi_tw[name] = value
        if k.realisasi is not None:
            if uang.realisasi_tw:
                self.error(
                    "IKU209",
                    "realisasi rupiah ditulis dua kali: 'realisasi' (setahun) dan 'realisasi_rp' "
                    "(per triwulan); sisakan salah satu",
                    (*where, "realisasi"),
                    at_key=True,
                )
            uang.realisasi_tahun = k.realisasi
        spent = uang.sd("IV")
        if uang.pagu is not None and spent is not None and spent > uang.pagu * (1 + 1e-12):
            self.error(
                "IKU314",
                f"realisasi anggaran ({_rp(spent)}) melebihi pagu ({_rp(uang.pagu)}); periksa "
                "kedua angkanya (pagu setelah perubahan?)",
                (*where, "realisasi_rp" if uang.realisasi_tw else "realisasi"),
                at_key=True,
            )
        inds = [self.indicator(ind, (*where, "indikator", j)) for j, ind in enumerate(k.indikator)]
        return Kegiatan(k.kode, k.nama, uang, [i for i in inds if i], self.unit(k, where))

    def unit(self, k: KegiatanFile, where: PathT) -> str | None:
        """Column 15: ``unit``, or its older name ``penanggung_jawab``; both, differing, is an
        error (which one the form shows would be a guess)."""
        if k.unit and k.penanggung_jawab and k.unit.strip() != k.penanggung_jawab.strip():
            self.error(
                "IKU209",
                f"unit penanggung jawab ditulis dua kali dan berbeda: unit '{clip(k.unit)}', "
                f"penanggung_jawab '{clip(k.penanggung_jawab)}'; sisakan 'unit'",
                (*where, "penanggung_jawab"),
                at_key=True,
            )
        return k.unit or k.penanggung_jawab

    def indicator(self, ind: IndikatorProgramFile, where: PathT) -> IndikatorKinerja | None:
        for name in ("target", "target_akhir"):
            t = getattr(ind, name)
            if t is not None:
                if len(t.komponen) != 1:
                    self.error(
                        "IKU207",
                        f"target indikator {ind.kode} harus satu besaran (mis. '10 %' atau "
                        f"'200 UMKM'), tertulis {len(t.komponen)} komponen; pecah menjadi "
                        "beberapa indikator",
                        (*where, name),
                    )
                    return None
                if not t.komponen[0].satuan and ind.satuan:
                    from ikutool.model.notation import is_percent

                    t.komponen[0].satuan = ind.satuan
                    t.komponen[0].persen = is_percent(ind.satuan)
        ref = ind.target or ind.target_akhir
        comp = ref.komponen[0] if ref is not None else None
        rule = rule_for(ind.agregasi_triwulan, comp)
        out = IndikatorKinerja(
            ind.kode, ind.uraian, ind.polaritas, rule, ind.target, ind.target_akhir, None
        )
        if ind.realisasi_sd_tahun_lalu is not None:
            out.sd_tahun_lalu = self.value(
                ind.realisasi_sd_tahun_lalu, comp, (*where, "realisasi_sd_tahun_lalu")
            )
        for name, key in quarter_keys(
            self.doc, ind.realisasi, (*where, "realisasi"), self.findings
        ):
            raw = ind.realisasi[key]
            if raw is None:
                continue
            value = self.value(raw, comp, (*where, "realisasi", key))
            if value is not None:
                out.realisasi[name] = value
        if out.realisasi and rule is None:
            self.error(
                "IKU319",
                f"{ind.kode} diisi per triwulan, tetapi cara menjadikannya angka tahunan belum "
                "ditulis: persentase, indeks, rasio atau predikat tidak boleh dijumlah. Tulis "
                "'agregasi_triwulan: akhir' (nilai triwulan terakhir), 'rata_rata' atau "
                "'kumulatif'",
                (*where, "realisasi"),
                at_key=True,
            )
        return out

    def value(self, raw: Any, comp: Komponen | None, path: PathT) -> float | None:
        """A K value written in its target's form ("40 UMKM", "5 %", 40, "Rp 1,2 miliar")."""
        from ikutool.formatting.numbers import NumberFormatError, parse_angka
        from ikutool.model.notation import NotationError, normalize_unit, parse_target, parse_value

        if isinstance(raw, bool):
            self.error("IKU303", "harus berupa angka, bukan true/false", path)
            return None
        if isinstance(raw, int | float):
            if not math.isfinite(raw):
                self.error("IKU303", "harus angka terhingga", path)
                return None
            return float(raw)
        jenis = comp.jenis if comp is not None else "angka"
        try:
            if jenis != "angka":
                return parse_value(raw, jenis, None)
            try:
                return parse_angka(raw)[0]
            except NumberFormatError:
                pass
            parsed = parse_target(raw)
        except NotationError as exc:
            self.error("IKU303", exc.message, path)
            return None
        if (
            not parsed
            or len(parsed) != 1
            or parsed[0].jenis != "angka"
            or parsed[0].jumlah_maks is not None
        ):
            self.error(
                "IKU303",
                f"'{clip(raw)}' bukan satu angka; tulis mis. "
                f"'{comp.tulisan if comp else '40 UMKM'}' (satuan seperti targetnya)",
                path,
            )
            return None
        got = parsed[0]
        if comp is not None and got.satuan and normalize_unit(got.satuan) != comp.satuan:
            self.error(
                "IKU303",
                f"satuan '{got.satuan}' berbeda dengan satuan targetnya ('{comp.satuan}'); tulis "
                f"dalam satuan target, mis. '{comp.tulisan}'",
                path,
            )
            return None
        return got.jumlah

    def duplicates(self, programs: list[Program]) -> None:
        seen: dict[str, str] = {}
        for i, p in enumerate(programs):
            items: list[tuple[str | None, PathT]] = [(p.kode, ("program", i, "kode"))]
            items += [
                (ind.kode, ("program", i, "indikator", j, "kode"))
                for j, ind in enumerate(p.indikator)
            ]
            for j, k in enumerate(p.kegiatan):
                items.append((k.kode, ("program", i, "kegiatan", j, "kode")))
                items += [
                    (ind.kode, ("program", i, "kegiatan", j, "indikator", m, "kode"))
                    for m, ind in enumerate(k.indikator)
                ]
                for n, x in enumerate(k.sub_kegiatan):
                    at = ("program", i, "kegiatan", j, "sub_kegiatan", n)
                    items.append((x.kode, (*at, "kode")))
                    items += [
                        (ind.kode, (*at, "indikator", m, "kode"))
                        for m, ind in enumerate(x.indikator)
                    ]
            for kode, path in items:
                if kode is None:
                    continue
                if kode in seen:
                    self.error(
                        "IKU205",
                        f"kode '{clip(kode)}' sudah dipakai di {seen[kode]}; setiap program, "
                        "kegiatan dan indikator perlu kode sendiri",
                        path,
                    )
                else:
                    seen[kode] = "program " + clip(p.nama, 40)


def _rp(value: float) -> str:
    from ikutool.formatting.values import rupiah

    return rupiah(value)
