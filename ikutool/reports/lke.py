"""A pre-check ("perkiraan") of the SAKIP evaluation (LKE, PermenPAN-RB 88/2021) from the
agency's own files: which criteria the files decide, how each grades, every item that falls
short (file:line and what would fix it), which criteria need an evaluator's judgement, and the
total as a range (the undecided criteria at their lowest and their highest).

Weights and bands as evaluators' tools encode them (docs/domain.md, "The SAKIP evaluation"; the
regulation's own text was not at hand): components Perencanaan 30, Pengukuran 30, Pelaporan 15,
Evaluasi Akuntabilitas Kinerja Internal 25, each split Keberadaan 20 % / Kualitas 30 % /
Pemanfaatan 50 %; answers a-e worth 1; 0,75; 0,5; 0,25; 0, a coverage ratio graded a > 90 %,
b > 75 %, c > 40 %, d > 10 %, e <= 10 %; predikat AA > 90, A > 80, BB > 70, B > 60, CC > 50,
C > 30, D <= 30. A sub-component's value is its weight times the mean of its criteria's values.
Never an official score: every output says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ikutool.formatting.numbers import settled, settled_figure
from ikutool.model.iku import Result
from ikutool.model.quarters import measured_quarters
from ikutool.yaml_reader import line_of

KOMPONEN = (
    ("perencanaan", "Perencanaan Kinerja", 30.0),
    ("pengukuran", "Pengukuran Kinerja", 30.0),
    ("pelaporan", "Pelaporan Kinerja", 15.0),
    ("evaluasi", "Evaluasi Akuntabilitas Kinerja Internal", 25.0),
)
SUB = (("keberadaan", "Keberadaan", 0.2), ("kualitas", "Kualitas", 0.3),
       ("pemanfaatan", "Pemanfaatan", 0.5))  # fmt: skip
GRADE_VALUE = {"a": 1.0, "b": 0.75, "c": 0.5, "d": 0.25, "e": 0.0}
PREDIKAT = ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C"))
PREDIKAT_ORDER = ("D", "C", "CC", "B", "BB", "A", "AA")
BANDS = "a > 90 %, b > 75 %, c > 40 %, d > 10 %, e <= 10 %"


def grade(ratio: float) -> str:
    """A coverage ratio (0-100) as an answer a-e: a > 90, b > 75, c > 40, d > 10, else e."""
    r = settled(ratio)
    return "a" if r > 90 else "b" if r > 75 else "c" if r > 40 else "d" if r > 10 else "e"


def predikat(total: float) -> str:
    t = settled(total)
    return next((label for edge, label in PREDIKAT if t > edge), "D")


class Temuan(Result):
    pesan: str
    berkas: str | None = None
    baris: int | None = None
    kode: str | None = None  # the indicator (or sasaran) it is about, where there is one


class Kriteria(Result):
    id: str
    komponen: str
    subkomponen: str
    uraian: str
    dapat_dihitung: bool
    rasio: float | None = None  # 0-100
    nilai: str | float | None = None  # the grade a-e, or the points of the criterion's rule
    skor: float | None = None  # 0-1: what the answer is worth
    aturan: str = ""  # how it is graded
    temuan: list[Temuan] = []
    bukti: str | None = None  # for a judged criterion: the evidence to prepare


class SubKomponen(Result):
    id: str
    nama: str
    bobot: float
    min: float
    maks: float


class KomponenLke(Result):
    id: str
    nama: str
    bobot: float
    sub: list[SubKomponen]
    min: float
    maks: float


class HasilLke(Result):
    tahun: int
    instansi: str
    kriteria: list[Kriteria]
    komponen: list[KomponenLke]
    total: dict[str, float]
    predikat: list[str]
    catatan: list[str]


# the criteria an evaluator judges: (komponen, sub, id, uraian, the evidence to prepare)
JUDGED = (
    ("perencanaan", "keberadaan", "renstra_ditetapkan",
     "Renstra dan Renja ditetapkan, memuat tujuan, sasaran, indikator dan target",
     "Renstra dan Renja beserta SK penetapannya"),
    ("perencanaan", "keberadaan", "pk_ditandatangani",
     "Perjanjian Kinerja ditandatangani dan dipublikasikan tepat waktu",
     "PK bertanda tangan, tanggal penandatanganan, tautan publikasi"),
    ("perencanaan", "kualitas", "sasaran_berorientasi_hasil",
     "Sasaran berorientasi hasil dan indikatornya SMART (lihat lembar KKE-1)",
     "lembar KKE-1 yang diisi"),
    ("perencanaan", "pemanfaatan", "anggaran_mengacu_kinerja",
     "Anggaran dan kegiatan mengacu pada sasaran dan target kinerja",
     "DPA/RKA dengan program dan kegiatan yang dikaitkan ke sasaran (lembar KKE-3)"),
    ("pengukuran", "keberadaan", "pedoman_pengukuran",
     "Pedoman teknis pengukuran dan pengumpulan data kinerja ada",
     "pedoman pengukuran kinerja, SK tim pengumpul data"),
    ("pengukuran", "kualitas", "pengukuran_berjenjang",
     "Pengukuran kinerja berjenjang sampai individu (cascading)",
     "pohon kinerja, PK eselon III/IV dan SKP"),
    ("pengukuran", "pemanfaatan", "hasil_pengukuran_dipakai",
     "Hasil pengukuran dipakai untuk menyesuaikan strategi dan memberi penghargaan",
     "notula rapat evaluasi triwulan, keputusan yang diambil"),
    ("pelaporan", "keberadaan", "lkjip_tepat_waktu",
     "LKjIP disusun, disampaikan tepat waktu dan dipublikasikan",
     "tanda terima penyampaian LKjIP, tautan publikasi"),
    ("pelaporan", "pemanfaatan", "laporan_dipakai",
     "Informasi laporan kinerja dipakai untuk perbaikan perencanaan dan anggaran",
     "notula, perubahan Renja atau anggaran yang merujuk LKjIP"),
    ("evaluasi", "keberadaan", "evaluasi_internal",
     "Evaluasi akuntabilitas kinerja internal (rencana aksi) dilaksanakan",
     "laporan evaluasi internal, laporan kinerja triwulan"),
    ("evaluasi", "kualitas", "evaluasi_berkualitas",
     "Evaluasi dilakukan oleh SDM kompeten dan memberi rekomendasi perbaikan",
     "laporan hasil evaluasi internal dan rekomendasinya"),
    ("evaluasi", "pemanfaatan", "hasil_evaluasi_dipakai",
     "Hasil evaluasi dipakai untuk perbaikan kinerja",
     "bukti perbaikan yang berasal dari rekomendasi evaluasi"),
)  # fmt: skip

# where each decided criterion sits
DECIDED = {
    "pk_memuat_iku": ("perencanaan", "kualitas",
                      "Indikator Renstra tahun ini dimuat dalam Perjanjian Kinerja"),
    "target_menantang": ("perencanaan", "kualitas",
                         "Target tidak lebih rendah dari realisasi tahun lalu"),
    "iku_stabil": ("perencanaan", "kualitas", "IKU tidak berubah-ubah dalam periode Renstra"),
    "pengukuran_triwulan": ("pengukuran", "kualitas",
                            "Capaian diukur setiap triwulan (bagian triwulan yang terisi: "
                            "realisasi, dan target rencana aksi bila ada)"),
    "manual_iku_lengkap": ("pengukuran", "keberadaan",
                           "Manual IKU lengkap: definisi, formula dan sumber data"),
    "lkjip_lengkap": ("pelaporan", "keberadaan",
                      "LKjIP memuat setiap analisis per sasaran (tujuh analisis)"),
    "data_pembanding": ("pelaporan", "kualitas",
                        "Capaian dibandingkan dengan target, tahun lalu, target akhir dan "
                        "data pembanding"),
    "efisiensi_anggaran": ("pelaporan", "kualitas",
                           "Anggaran tidak tersisa pada sasaran yang capaiannya di bawah 100 %; "
                           "efisiensi hanya pada capaian >= 100 %"),
    "tindak_lanjut": ("evaluasi", "pemanfaatan",
                      "Rekomendasi evaluasi tahun lalu ditindaklanjuti (tuntas)"),
}  # fmt: skip


@dataclass
class Masukan:
    """What the pre-check reads (each optional but the IKU and the year's LKjIP)."""

    iku: Any
    tahun: int
    lkjip: Any  # lkjip.Lkjip of the year
    realisasi: dict[int, Any]  # the year's and earlier years'
    pk: Any  # PkTahun of the year, or None
    pk_doc: Any  # its composed document (lines)
    iku_doc: Any  # the IKU file's composed document (lines)
    iku_name: str
    renaksi: Any = None
    register: Any = None
    riwayat: Any = None  # diff.Riwayat, or None when there is none to read
    riwayat_alasan: str | None = None  # why there is none (no git, not a repository)
    realisasi_doc: Any = None  # the year's realisasi file's document, for lines
    anggaran_doc: Any = None  # the year's program (or anggaran) file's document, for lines
    pohon: Any = None  # (inputs.pohon.Pohon, reports.pohon.HasilPohon) when there is a tree


def _band(id_: str, ratio: float | None, temuan: list[Temuan], aturan: str = "") -> Kriteria:
    komponen, sub, uraian = DECIDED[id_]
    if ratio is None:
        return Kriteria(id=id_, komponen=komponen, subkomponen=sub, uraian=uraian,
                        dapat_dihitung=False, temuan=temuan, aturan=aturan or BANDS)  # fmt: skip
    g = grade(ratio)
    return Kriteria(id=id_, komponen=komponen, subkomponen=sub, uraian=uraian,
                    dapat_dihitung=True, rasio=settled_figure(ratio), nilai=g,
                    skor=GRADE_VALUE[g],
                    aturan=aturan or BANDS,
                    temuan=temuan)  # fmt: skip


def _points(id_: str, ratio: float | None, ok: bool, temuan: list[Temuan], aturan: str) -> Kriteria:
    komponen, sub, uraian = DECIDED[id_]
    return Kriteria(id=id_, komponen=komponen, subkomponen=sub, uraian=uraian,
                    dapat_dihitung=True, rasio=settled_figure(ratio) if ratio is not None else None,
                    nilai=1.0 if ok else 0.0, skor=1.0 if ok else 0.0, aturan=aturan,
                    temuan=temuan)  # fmt: skip


def pk_memuat_iku(m: Masukan) -> Kriteria:
    iku, y = m.iku, m.tahun
    wanted = [ind for _, ind in iku.indikator() if ind.target_for(y) is not None]
    if m.pk is None or not m.pk.daftar_lengkap:
        why = (
            f"belum ada berkas PK {y}"
            if m.pk is None
            else f"berkas PK {y} hanya memuat target yang berbeda dari Renstra"
        )
        return _band("pk_memuat_iku", None, [Temuan(
            pesan=f"tidak dapat dihitung: {why}. Tulis di berkas PK 'daftar_lengkap: ya' dan "
                  "sebutkan setiap indikator yang ada di PK bertanda tangan (juga yang targetnya "
                  "sama dengan Renstra)",
            berkas=m.pk.file if m.pk else None, baris=line_of(m.pk_doc, ("tahun",)) if m.pk else None)])  # fmt: skip
    absent = [ind for ind in wanted if ind.kode not in m.pk.target]
    ratio = (len(wanted) - len(absent)) / len(wanted) * 100 if wanted else None
    line = line_of(m.pk_doc, ("target",), at_key=True)
    temuan = [
        Temuan(pesan=f"{ind.kode} ({ind.uraian}) ada di Renstra {y} tetapi tidak di PK; "
                     f"masukkan ke PK dengan targetnya ({ind.target_for(y).teks})",
               berkas=m.pk.file, baris=line, kode=ind.kode)
        for ind in absent
    ]  # fmt: skip
    return _band("pk_memuat_iku", ratio, temuan)


def target_menantang(m: Masukan) -> Kriteria:
    from ikutool.formatting.numbers import format_angka

    iku, y = m.iku, m.tahun
    last = m.realisasi.get(y - 1)
    if last is None:
        komponen, sub, uraian = DECIDED["target_menantang"]
        return Kriteria(id="target_menantang", komponen=komponen, subkomponen=sub, uraian=uraian,
                        dapat_dihitung=False, aturan="0 bila ada target di bawah realisasi tahun lalu",
                        temuan=[Temuan(pesan=f"realisasi {y - 1} tidak ada: target {y} tidak dapat "
                                             "dibandingkan dengan realisasi tahun lalu")])  # fmt: skip
    paths = iku.indikator_paths()
    temuan, compared = [], 0
    for _, ind in iku.indikator():
        from_pk = m.pk is not None and ind.kode in m.pk.target
        target = m.pk.target[ind.kode] if from_pk else ind.target_for(y)
        entry = last.indikator.get(ind.kode)
        if target is None or entry is None:
            continue
        for comp in target.komponen:
            if comp.jenis != "angka" or comp.is_range:
                continue
            value = entry.nilai.get(comp.kunci or "nilai")
            if value is None:
                continue
            compared += 1
            low = comp.jumlah < value if ind.polaritas == "positif" else comp.jumlah > value
            if low:
                where = (
                    (m.pk.file, line_of(m.pk_doc, ("target", ind.kode)))
                    if from_pk
                    else (m.iku_name, line_of(m.iku_doc, (*paths.get(ind.kode, ()), "target", y)))
                )
                word = "di bawah" if ind.polaritas == "positif" else "di atas (polaritas negatif)"
                temuan.append(Temuan(
                    pesan=f"target {y} {ind.kode} {comp.tulisan} {word} realisasi {y - 1} "
                          f"({format_angka(value)}): target yang lebih ringan dari yang sudah "
                          f"dicapai bernilai 0; naikkan targetnya, atau catat alasannya",
                    berkas=where[0], baris=where[1], kode=ind.kode))  # fmt: skip
    ratio = (compared - len(temuan)) / compared * 100 if compared else None
    return _points("target_menantang", ratio, not temuan, temuan,
                   "1 bila tidak ada target di bawah realisasi tahun lalu, selain itu 0")  # fmt: skip


def iku_stabil(m: Masukan) -> Kriteria:
    komponen, sub, uraian = DECIDED["iku_stabil"]
    aturan = "berubah paling banyak 1 kali: a; 2: b; 3: c; 4: d; 5 kali atau lebih: e"
    if m.riwayat is None:
        return Kriteria(id="iku_stabil", komponen=komponen, subkomponen=sub, uraian=uraian,
                        dapat_dihitung=False, aturan=aturan,
                        temuan=[Temuan(pesan=m.riwayat_alasan or "riwayat IKU tidak ada")])  # fmt: skip
    if not m.riwayat.versi:
        return Kriteria(id="iku_stabil", komponen=komponen, subkomponen=sub, uraian=uraian,
                        dapat_dihitung=False, aturan=aturan,
                        temuan=[Temuan(pesan="tidak dapat dihitung: berkas IKU belum pernah "
                                             "disimpan (commit) di git", berkas=m.iku_name)])  # fmt: skip
    if m.riwayat.kekurangan:
        return Kriteria(id="iku_stabil", komponen=komponen, subkomponen=sub, uraian=uraian,
                        dapat_dihitung=False, aturan=aturan,
                        temuan=[Temuan(pesan=f"tidak dapat dihitung: {why}; riwayat yang tidak "
                                             "utuh tidak dinilai", berkas=m.iku_name)
                                for why in m.riwayat.kekurangan])  # fmt: skip
    iku = m.iku
    changed = m.riwayat.berubah_dalam(iku.periode.awal, iku.periode.akhir)
    n = len(changed)
    g = "a" if n <= 1 else "b" if n == 2 else "c" if n == 3 else "d" if n == 4 else "e"
    temuan = [
        Temuan(pesan=f"{v.tanggal} ({v.commit[:8]} {v.judul}): {len(v.perubahan)} perubahan IKU",
               berkas=m.iku_name)
        for v in changed
    ]  # fmt: skip
    return Kriteria(id="iku_stabil", komponen=komponen, subkomponen=sub, uraian=uraian,
                    dapat_dihitung=True, rasio=None, nilai=g, skor=GRADE_VALUE[g], aturan=aturan,
                    temuan=temuan)  # fmt: skip


def pengukuran_triwulan(m: Masukan) -> Kriteria:
    iku, y = m.iku, m.tahun
    data = m.realisasi.get(y)
    # an indicator measured once a year (frekuensi: tahunan) is not measured per quarter: not
    # counted; a semesteran one, in its two quarters
    due = [
        ind
        for _, ind in iku.indikator()
        if ind.target_for(y) is not None and len(measured_quarters(ind.frekuensi)) > 1
    ]
    temuan: list[Temuan] = []
    have = total = 0
    for ind in due:
        quarters = measured_quarters(ind.frekuensi)
        entry = data.indikator.get(ind.kode) if data is not None else None
        got = [q for q in quarters if entry is not None and q in entry.triwulan]
        total += len(quarters)
        have += len(got)
        if len(got) < len(quarters):
            gaps = ", ".join(q for q in quarters if q not in got)
            temuan.append(Temuan(
                pesan=f"{ind.kode}: realisasi TW {gaps} belum diisi per triwulan "
                      f"(isi 'triwulan: {{I: .., II: ..}}')",
                berkas=data.file if data is not None else None,
                baris=line_of(m.realisasi_doc, ("realisasi", ind.kode), at_key=True),
                kode=ind.kode))  # fmt: skip
        if m.renaksi is not None:
            planned = [q for q in quarters if q in m.renaksi.target.get(ind.kode, {})]
            total += len(quarters)
            have += len(planned)
            if len(planned) < len(quarters):
                gaps = ", ".join(q for q in quarters if q not in planned)
                temuan.append(Temuan(
                    pesan=f"{ind.kode}: target TW {gaps} belum ada di rencana aksi",
                    berkas=m.renaksi.file))  # fmt: skip
    ratio = have / total * 100 if total else None
    return _band("pengukuran_triwulan", ratio, temuan)


def manual_iku_lengkap(m: Masukan) -> Kriteria:
    iku = m.iku
    paths = iku.indikator_paths()
    inds = [ind for _, ind in iku.indikator()]
    temuan = []
    complete = 0
    for ind in inds:
        missing = [name for name, value in (("definisi", ind.definisi), ("formula", ind.formula),
                                            ("sumber data", iku.sumber_data(ind) or ind.sumber_data))
                   if not value]  # fmt: skip
        if missing:
            temuan.append(Temuan(
                pesan=f"{ind.kode}: Manual IKU belum lengkap, belum ada {', '.join(missing)}",
                berkas=m.iku_name, baris=line_of(m.iku_doc, paths.get(ind.kode, ())),
                kode=ind.kode))  # fmt: skip
        else:
            complete += 1
    ratio = complete / len(inds) * 100 if inds else None
    return _band("manual_iku_lengkap", ratio, temuan)


def lkjip_criteria(m: Masukan) -> tuple[Kriteria, Kriteria, Kriteria]:
    """lkjip_lengkap, data_pembanding and efisiensi_anggaran, from the year's LKjIP."""
    from ikutool.formatting.numbers import format_angka

    lk = m.lkjip
    checks = lk.kelengkapan
    present = [k for k in checks if k.ada]
    temuan = [Temuan(pesan=f"{k.sasaran} analisis {k.nomor} ({k.analisis}): {k.keadaan}; {k.sumber}")
              for k in checks if not k.ada]  # fmt: skip
    lengkap = _band("lkjip_lengkap", len(present) / len(checks) * 100 if checks else None, temuan)
    by_sasaran: dict[str, dict[int, Any]] = {}
    for k in checks:
        by_sasaran.setdefault(k.sasaran, {})[k.nomor] = k
    words = {1: "target tahun ini", 2: "tahun lalu", 3: "target akhir Renstra",
             4: "data pembanding (nasional/provinsi/SPM)"}  # fmt: skip
    compared, temuan2 = 0, []
    for kode, found in by_sasaran.items():
        # a comparison some of the sasaran's indicators make is "sebagian", never "belum"
        missing = [words[n] for n in (1, 2, 3, 4) if n not in found or found[n].status == "belum"]
        partly = [f"{words[n]} baru {found[n].keadaan}" for n in (1, 2, 3, 4)
                  if n in found and found[n].status == "sebagian"]  # fmt: skip
        said = ([f"belum dibandingkan dengan {', '.join(missing)}"] if missing else []) + (
            [f"dibandingkan dengan {'; '.join(partly)}"] if partly else [])  # fmt: skip
        if said:
            temuan2.append(Temuan(pesan=f"{kode}: " + "; ".join(said),
                                  berkas=lk.berkas_realisasi))  # fmt: skip
        else:
            compared += 1
    pembanding = _band("data_pembanding",
                       compared / len(by_sasaran) * 100 if by_sasaran else None, temuan2)  # fmt: skip
    temuan3: list[Temuan] = []
    rows = [s for s in lk.sasaran if s.jenis == "sasaran"]
    with_money = [s for s in rows if s.anggaran is not None and s.capaian is not None]
    bad = 0
    for s in with_money:
        serapan = s.anggaran.serapan
        unspent = serapan is not None and settled(serapan) < 100 and settled(s.capaian) < 100
        pagu, spent = s.anggaran.pagu or 0.0, s.anggaran.realisasi or 0.0
        claimed = (
            s.efisiensi is not None
            and s.efisiensi.kategori in ("efisien", "cukup efisien")
            and settled(s.capaian) < 100
        )
        if not (unspent or claimed):
            continue
        bad += 1
        parts = []
        if unspent:
            left = pagu - spent
            parts.append(
                f"anggaran tersisa Rp {format_angka(left)} (serapan {format_angka(serapan, 2)} %) "
                f"padahal capaian {format_angka(s.capaian, 2)} % di bawah 100 %: nilai 0; jelaskan "
                "di LKjIP mengapa anggaran tidak dipakai untuk mencapai target"
            )
        if claimed:
            parts.append(
                f"LKjIP menyatakan '{s.efisiensi.kategori}' padahal capaian "
                f"{format_angka(s.capaian, 2)} % di bawah 100 %; efisiensi hanya dapat diklaim "
                "bila target tercapai"
            )
        temuan3.append(Temuan(pesan=f"{s.kode}: " + "; ".join(parts), berkas=lk.berkas_anggaran,
                              baris=_moneyline_of(m, s.kode), kode=s.kode))  # fmt: skip
    if not with_money:
        komponen, sub, uraian = DECIDED["efisiensi_anggaran"]
        efisiensi = Kriteria(id="efisiensi_anggaran", komponen=komponen, subkomponen=sub,
                             uraian=uraian, dapat_dihitung=False,
                             aturan="0 bila ada anggaran tersisa pada capaian di bawah 100 %",
                             temuan=[Temuan(pesan=f"belum ada berkas program (atau anggaran) {m.tahun}")])  # fmt: skip
    else:
        ratio = (len(with_money) - bad) / len(with_money) * 100
        efisiensi = _points("efisiensi_anggaran", ratio, bad == 0, temuan3,
                            "1 bila tidak ada anggaran tersisa pada sasaran yang capaiannya di "
                            "bawah 100 %, selain itu 0")  # fmt: skip
    return lengkap, pembanding, efisiensi


def _moneyline_of(m: Masukan, kode: str) -> int | None:
    """The line of the first program serving sasaran ``kode`` in the year's money file."""
    doc = m.anggaran_doc
    programs = doc.data.get("program") if doc is not None and isinstance(doc.data, dict) else None
    for i, p in enumerate(programs if isinstance(programs, list) else []):
        linked = p.get("sasaran") if isinstance(p, dict) else None
        if linked == kode or (isinstance(linked, list) and kode in linked):
            return line_of(doc, ("program", i))
    return None


def tindak_lanjut(m: Masukan) -> Kriteria:
    reg = m.register
    last = reg.terakhir(m.tahun) if reg is not None else None
    if last is None:
        why = ("belum ada tindak-lanjut.yaml" if reg is None
               else f"tindak-lanjut.yaml belum memuat evaluasi sebelum {m.tahun}")  # fmt: skip
        return _band("tindak_lanjut", None, [Temuan(pesan=f"tidak dapat dihitung: {why}")])
    i, ev = last
    done = [r for r in ev.rekomendasi if r.status == "Tuntas"]
    temuan = [
        Temuan(pesan=f"rekomendasi LHE {ev.tahun} berstatus {r.status}: {r.uraian}"
                     + (f" (penanggung jawab: {r.penanggung_jawab})" if r.penanggung_jawab else ""),
               berkas=reg.file, baris=reg.baris.get((i, j)))
        for j, r in enumerate(ev.rekomendasi)
        if r.status != "Tuntas"
    ]  # fmt: skip
    ratio = len(done) / len(ev.rekomendasi) * 100 if ev.rekomendasi else None
    return _band("tindak_lanjut", ratio, temuan)


def build_lke(m: Masukan) -> HasilLke:
    decided = [pk_memuat_iku(m), target_menantang(m), iku_stabil(m), pengukuran_triwulan(m),
               manual_iku_lengkap(m), *lkjip_criteria(m), tindak_lanjut(m)]  # fmt: skip
    replaced: frozenset[str] = frozenset()
    if m.pohon is not None:  # the tree decides what the evaluator would otherwise judge
        from ikutool.reports.lke_pohon import REPLACES, pohon_criteria

        decided += pohon_criteria(m.iku, *m.pohon)
        replaced = REPLACES
    judged = [
        Kriteria(id=id_, komponen=k, subkomponen=s, uraian=u, dapat_dihitung=False,
                 aturan="penilaian evaluator", bukti=b)
        for k, s, id_, u, b in JUDGED
        if id_ not in replaced
    ]  # fmt: skip
    criteria = decided + judged
    components = []
    lo_total = hi_total = 0.0
    scored, scorable = [], []  # the points the decided criteria earn, and could earn
    for kid, name, weight in KOMPONEN:
        subs = []
        for sid, sname, share in SUB:
            here = [c for c in criteria if c.komponen == kid and c.subkomponen == sid]
            w = weight * share
            for c in here:  # each criterion is an equal part of its sub-component's weight
                if c.skor is not None:
                    scored.append(w * c.skor / len(here))
                    scorable.append(w / len(here))
            lo = [c.skor if c.skor is not None else 0.0 for c in here]
            hi = [c.skor if c.skor is not None else 1.0 for c in here]
            smin = w * math.fsum(lo) / len(lo) if lo else 0.0
            smax = w * math.fsum(hi) / len(hi) if hi else w
            subs.append(SubKomponen(id=sid, nama=sname, bobot=w, min=settled_figure(smin),
                                    maks=settled_figure(smax)))  # fmt: skip
        cmin = math.fsum(s.min for s in subs)
        cmax = math.fsum(s.maks for s in subs)
        lo_total += cmin
        hi_total += cmax
        components.append(KomponenLke(id=kid, nama=name, bobot=weight, sub=subs,
                                      min=settled_figure(cmin), maks=settled_figure(cmax)))  # fmt: skip
    lo_p, hi_p = predikat(lo_total), predikat(hi_total)
    span = list(PREDIKAT_ORDER[PREDIKAT_ORDER.index(lo_p) : PREDIKAT_ORDER.index(hi_p) + 1])
    return HasilLke(
        tahun=m.tahun,
        instansi=m.iku.instansi.nama,
        kriteria=criteria,
        komponen=components,
        total={
            "min": settled_figure(lo_total),
            "maks": settled_figure(hi_total),
            # "x dari y poin yang dapat dihitung": what the files decide, out of what they can
            "dihitung": settled_figure(math.fsum(scored)),
            "dapat_dihitung": settled_figure(math.fsum(scorable)),
        },
        predikat=span,
        catatan=[
            "PERKIRAAN dari berkas instansi sendiri, bukan nilai resmi evaluasi SAKIP: kriteria "
            "yang perlu penilaian evaluator dihitung pada nilai terendah dan tertinggi.",
            *list(getattr(m.lkjip, "catatan", [])),
        ],
    )
