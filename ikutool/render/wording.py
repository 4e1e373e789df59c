"""Shared wording: how figures and statuses read in Bahasa Indonesia, in every format."""

from __future__ import annotations

import re
from typing import Any

from ikutool import lazyre
from ikutool.compute.capaian import STATUS_TEXT, HasilCapaian, HasilIndikator, HasilKomponen
from ikutool.formatting.numbers import format_angka, format_persen, tanggal
from ikutool.formatting.values import besaran, dengan_catatan

CONTOH_NOTICE = (
    "CATATAN: realisasi tahun {tahun} berstatus CONTOH - angka ilustrasi, bukan data resmi."
)
STATUS_DATA_NOTICE = {
    "contoh": CONTOH_NOTICE,
    "sementara": "Catatan: realisasi tahun {tahun} berstatus SEMENTARA (belum final).",
}


def pk_notice(result: HasilCapaian) -> str | None:
    """Said on stderr when a PK file changed some targets (a person should not miss it)."""
    if any(i.target_sumber == "pk" for s in result.sasaran for i in s.indikator):
        return target_source_text(result)
    return None


# the columns of the LKjIP's pengukuran kinerja table (the xlsx report and the LKjIP appendix)
PENGUKURAN_HEADER = (
    "No",
    "Sasaran",
    "Indikator",
    "Satuan",
    "Target",
    "Realisasi",
    "Capaian (%)",
    "Kategori",
)


def notice(result: HasilCapaian) -> str | None:
    text = STATUS_DATA_NOTICE.get(result.status_data or "")
    if result.status_pk == "contoh" and result.status_data != "contoh":
        return CONTOH_NOTICE.replace("realisasi", "Perjanjian Kinerja").format(tahun=result.tahun)
    if result.status_pk == "contoh" and text:
        text = text.replace("realisasi", "realisasi dan Perjanjian Kinerja")
    return text.format(tahun=result.tahun) if text else None


# the parts of a message that tell the officer what to do with a file: a document handed in
# carries what the figure is, never instructions about files or keys
_INSTRUCTION = lazyre.compile(
    r"^\s*(tulis|isi|isikan|ubah|hapus|samakan|periksa|pakai|gabungkan|pindahkan|sebutkan|buat|"
    r"perbaiki|jalankan|sisakan|pecah|bila maksudnya)\b|\.yaml|\biku [a-z]",
    re.IGNORECASE,
)
_CLAUSES = lazyre.compile(r"; |(?<!s\.d)\. (?=[A-Z])")
_CODE = lazyre.compile(r"\bIKU\d{3} ")


# how a document's reader is told what a few findings mean (the rest: their first clauses)
_FOR_READER = (
    (lazyre.compile(r"^(IKU320 .*?), padahal berkas ini bukan 'sementara'.*$"),
     r"\1: angka tahunannya s.d. triwulan terakhir yang terisi"),
    (lazyre.compile(r" tanpa tanda kutip dibaca YAML sebagai "), " dibaca sebagai "),
)  # fmt: skip


def for_reader(message: str) -> str:
    """A finding as a document's reader reads it: without the tool's code, and without the
    clauses that tell the officer what to edit (those stay on the terminal)."""
    for pattern, repl in _FOR_READER:
        message = pattern.sub(repl, message)
    text = _CODE.sub("", message)
    parts = [p for p in _CLAUSES.split(text) if p]
    kept = [p for p in parts if not _INSTRUCTION.search(p)] or parts[:1]
    return "; ".join(kept).strip()


def quantity(value: float | None, satuan: str, maks: float | None = None) -> str:
    """A plain number with its unit (:func:`ikutool.formatting.values.besaran`)."""
    return besaran(value, satuan, maks=maks)


def is_plain(comp: Any) -> bool:
    """A component written as a plain number (or range): its figure stands without its text."""
    return comp.jenis == "angka" and not comp.batas


def target_figure(comp: HasilKomponen, unit: bool = False) -> str:
    """One component's target as its document writes it: ``minimal 80 %``, ``1:30``,
    ``Rp 1,5 miliar``, ``WTP``; a plain number alone (its unit has a column) or with ``unit``."""
    if comp.target is None:
        return "-"
    if not is_plain(comp):  # set by the engine from the component as written
        return comp.target_tulisan or "-"
    return quantity(comp.target, comp.satuan if unit else "", comp.target_maks)


def realisasi_figure(comp: HasilKomponen, unit: bool = False) -> str:
    """One component's realisasi in its target's form: ``1:24``, ``WDP``, ``Rp 1.200.000.000``,
    else the number (with its unit when ``unit``)."""
    return besaran(
        comp.realisasi,
        comp.satuan if unit else "",
        jenis=comp.jenis,
        skala=comp.skala,
        rasio_dari=comp.rasio_dari,
        rerata=comp.agregasi_triwulan == "rata_rata",  # a computed mean: two decimals
    )


def is_number(comp: HasilKomponen) -> bool:
    """Whether a component's figures are numbers a workbook can compute with."""
    return comp.jenis in ("angka", "rupiah")


def sd_mark(comp: HasilKomponen) -> str:
    """`` (s.d. TW III)`` beside a year built from fewer than four quarters."""
    return f" (s.d. TW {comp.sd_triwulan})" if comp.sd_triwulan else ""


def kesimpulan_mark(comp: HasilKomponen) -> str:
    """`` (tercapai)`` beside a predikat's or a zero target's capaian."""
    return f" ({comp.kesimpulan})" if comp.kesimpulan else ""


PARTIAL_MARK = "*)"
PARTIAL_NOTE = f"{PARTIAL_MARK} dihitung dari sebagian komponen saja; komponen lainnya belum diisi."


def capaian_cell(value: float | None, status: str) -> str:
    """A capaian figure as a table shows it; a partial composite is marked ``*)``, explained by
    PARTIAL_NOTE under the table."""
    if value is None:
        return STATUS_TEXT.get(status, "-") if status not in ("ada", "sebagian") else "-"
    return format_angka(value, 2) + (f" {PARTIAL_MARK}" if status == "sebagian" else "")


def has_partial(result: HasilCapaian) -> bool:
    return any(i.status == "sebagian" for s in result.sasaran for i in s.indikator)


def mean_label(result: HasilCapaian) -> str:
    """``Capaian rata-rata 4 sasaran`` or, when some have no figure, ``... 2 dari 4 sasaran``:
    the agency's figure, always over every sasaran (a bidang view says so)."""
    counted, total = result.sasaran_berangka, result.jumlah_sasaran
    text = f"Capaian rata-rata {counted if counted == total else f'{counted} dari {total}'} sasaran"
    text += " (seluruh instansi, semua bidang)" if result.bidang else ""
    return text + groups_note(result.tidak_dirata)


def groups_note(codes: list[str]) -> str:
    """What a mean leaves out: `` (tanpa kelompok/tujuan A1, T1)``."""
    return f" (tanpa kelompok/tujuan {', '.join(codes)})" if codes else ""


def bidang_mean_label(result: HasilCapaian) -> str:
    """The mean of a bidang view's rows, named as what it is."""
    rows = [i for s in result.sasaran if s.jenis == "sasaran" for i in s.indikator]
    counted = sum(i.capaian is not None for i in rows)
    over = f"{counted} dari {len(rows)}" if counted != len(rows) else str(len(rows))
    groups = [s.kode for s in result.sasaran if s.jenis != "sasaran"]
    return (
        f"Rata-rata capaian {over} indikator Bidang {result.bidang_nama or result.bidang}"
        + groups_note(groups)
    )


def sasaran_bidang_label(result: HasilCapaian, sas: Any) -> str:
    counted = sum(i.capaian is not None for i in sas.indikator)
    return (
        f"Rata-rata {counted} indikator Bidang {result.bidang_nama or result.bidang} di {sas.kode}"
    )


def sasaran_label(result: HasilCapaian, sas: Any) -> str:
    """``Capaian sasaran S2``, and in a bidang view that it is over every bidang's indicators."""
    if sas.jenis != "sasaran":
        return group_label(sas)
    if result.bidang and len(sas.indikator) < sas.jumlah_indikator:
        return (
            f"Capaian sasaran {sas.kode} (seluruh {sas.jumlah_indikator} indikator, semua bidang)"
        )
    return f"Capaian sasaran {sas.kode}"


def group_label(sas: Any) -> str:
    """The row of a kelompok or a tujuan, where a sasaran has its mean."""
    return f"{sas.jenis.capitalize()} {sas.kode}: tidak dirata-ratakan"


def group_name(sas: Any) -> str:
    """A group's name in the Sasaran column: a kelompok and a tujuan say what they are."""
    kind = {"kelompok": " (kelompok)", "tujuan": " (tujuan)"}.get(sas.jenis, "")
    return f"{sas.kode} {sas.uraian}{kind}"


def laporan_sasaran_label(sas: Any) -> str:
    """A multi-year report's sasaran row; in a bidang view, said to be over every bidang."""
    if sas.jenis != "sasaran":
        return group_label(sas)
    if sas.sebagian:
        return (
            f"Capaian sasaran {sas.kode} (seluruh {sas.jumlah_indikator} indikator, semua bidang)"
        )
    return f"Capaian sasaran {sas.kode}"


def laporan_bidang_label(laporan: Any, sas: Any | None = None) -> str:
    """The mean of a bidang's indicators (in one sasaran, or over all of them)."""
    where = f" di {sas.kode}" if sas is not None else ""
    n = len(sas.indikator) if sas is not None else sum(len(s.indikator) for s in laporan.sasaran)
    return f"Rata-rata {n} indikator Bidang {laporan.bidang_nama or laporan.bidang}{where}"


def sasaran_means(laporan: Any, sas: Any) -> list[tuple[str, dict, dict]]:
    """A report's mean rows for one sasaran: ``(label, capaian per year, kategori per year)``,
    the sasaran's own and, in a bidang view of part of it, the bidang's."""
    out = [(laporan_sasaran_label(sas), sas.capaian, sas.kategori)]
    if sas.sebagian and sas.jenis == "sasaran":
        out.append((laporan_bidang_label(laporan, sas), sas.capaian_bidang, sas.kategori_bidang))
    return out


def laporan_overall(laporan: Any, fmt: Any) -> list[str]:
    """The per-year summary lines of a report: the agency figure (said to be over every
    sasaran and bidang in a bidang view), and a bidang's own mean beside it. ``fmt(value,
    label)`` formats one year's figure."""
    agency = ", ".join(
        f"{y}: {fmt(laporan.capaian[y], laporan.kategori[y])}" for y in laporan.tahun
    )
    if not laporan.bidang:
        return [f"Capaian rata-rata sasaran per tahun: {agency}. Skala: {laporan.skala}."]
    mine = ", ".join(
        f"{y}: {fmt(laporan.capaian_bidang.get(y), laporan.kategori_bidang.get(y))}"
        for y in laporan.tahun
    )
    return [
        f"{laporan_bidang_label(laporan)}, per tahun: {mine}.",
        f"Capaian instansi (rata-rata semua sasaran, semua bidang) per tahun: {agency}. "
        f"Skala: {laporan.skala}.",
    ]


def sumber_text(berkas_iku: str | None, realisasi: str | None) -> str:
    """Which files a figure was computed from, as the user names them."""
    parts = []
    if berkas_iku:
        parts.append(f"IKU {berkas_iku}")
    if realisasi:
        parts.append(f"realisasi {realisasi}")
    return "Dihitung dari " + "; ".join(parts) if parts else ""


def component_label(comp: HasilKomponen) -> str:
    return comp.uraian or comp.satuan or comp.kunci


def named(comp: HasilKomponen, text: str, several: bool) -> str:
    """A component's figure in a cell holding several: named when its unit does not already
    say which it is (``ekspor 6 %; impor 15 %``, but ``3.000 UMKM; 10 Kop``)."""
    if not several or not comp.uraian or comp.uraian == comp.satuan:
        return text
    return f"{comp.uraian}: {text}"


def realisasi_text(ind: HasilIndikator, sep: str = "; ") -> str:
    several = len(ind.komponen) > 1
    parts = [
        named(c, realisasi_figure(c, unit=True) + sd_mark(c), several)
        for c in ind.komponen
        if c.realisasi is not None
    ]
    return sep.join(parts) if parts else "-"


def target_text(ind: HasilIndikator, sep: str = "; ") -> str:
    if ind.target_teks is None:
        return "-"
    several = len(ind.komponen) > 1
    text = (
        sep.join(named(c, target_figure(c, unit=True), several) for c in ind.komponen)
        or ind.target_teks
    )
    return dengan_catatan(text, ind.target_catatan) + pk_mark(ind)


def pk_mark(ind: HasilIndikator) -> str:
    """`` (PK)`` beside a target taken from the Perjanjian Kinerja, so no output hides it."""
    return " (PK)" if ind.target_sumber == "pk" else ""


def target_cell(ind: HasilIndikator, comp: HasilKomponen) -> str:
    """One component's target figure in a table column (the unit has its own column); the note
    the target wrote in parentheses follows its last component."""
    text = target_figure(comp)
    if ind.komponen and comp is ind.komponen[-1]:
        text = dengan_catatan(text, ind.target_catatan)
    return text + pk_mark(ind)


def target_source_text(result: HasilCapaian) -> str:
    """Which target each indicator was measured against, in one line."""
    inds = [i for s in result.sasaran for i in s.indikator]
    pk = [i.kode for i in inds if i.target_sumber == "pk"]
    if result.berkas_pk is None:
        return "Target: Renstra (tidak ada berkas Perjanjian Kinerja tahun ini)"
    if not pk:
        return f"Target: Renstra; Perjanjian Kinerja ({result.berkas_pk}) sama dengan Renstra"
    return (
        f"Target: Perjanjian Kinerja ({result.berkas_pk}) untuk {', '.join(pk)} (ditandai PK)"
        + "".join(f"; {text}" for text in revision_texts(inds))
        + "; Renstra untuk indikator lainnya"
    )


def pk_name(ind: Any) -> str:
    """``PK perubahan (1 Juli 2020)`` for a target a revision set, else ``PK``."""
    if ind.pk_perubahan:
        return f"PK perubahan ({tanggal(ind.pk_perubahan)})"
    return "PK"


def revision_texts(inds: list[Any]) -> list[str]:
    """``PK perubahan (1 Juli 2020) untuk S1.2, S2.1``, one per revision date."""
    by_name: dict[str, list[str]] = {}
    for i in inds:
        if i.target_sumber == "pk" and i.pk_perubahan:
            by_name.setdefault(pk_name(i), []).append(i.kode)
    return [f"{name} untuk {', '.join(codes)}" for name, codes in sorted(by_name.items())]


def _direction(value: float, unit: str) -> str:
    if round(value, 2) == 0:
        return "sama dengan"
    word = "naik" if value > 0 else "turun"
    return f"{word} {format_angka(abs(value), 2)}{unit} dibanding"


def change_text(value: float | None, unit: str) -> str:
    """A change against the previous year, signed, two decimals like every other figure."""
    if value is None:
        return "-"
    return f"{'+' if value > 0 else ''}{format_angka(value, 2)} {unit}"


def kalimat(row: Any) -> str:  # row: report.TahunIndikator
    """One sentence in Bahasa Indonesia an officer can paste into the LKjIP and edit."""
    ind: HasilIndikator = row.hasil
    y = row.tahun
    comps = ind.komponen
    if ind.status == "tanpa_target":
        got = realisasi_text(ind, ", ")
        tail = f"; realisasi tercatat {got}" if got != "-" else ""
        return f"Tahun {y} tidak ada target untuk indikator ini{tail}."
    if ind.status == "belum_ada_realisasi":
        return f"Realisasi {y} belum diisi (target {target_text(ind, ', ')})."
    if ind.capaian is None:
        reason = STATUS_TEXT.get(ind.status, ind.status)
        return (
            f"Capaian {y} tidak dapat dihitung ({reason}); realisasi {realisasi_text(ind, ', ')}."
        )
    kat = f" (kategori {ind.kategori})" if ind.kategori else ""
    prev = row.tahun_sebelumnya
    # "58 org atau 96,67 % dari target" is true only when higher is better; for a negative
    # indicator the capaian is not a share of the target, so it is named as capaian
    negatif = ind.polaritas == "negatif"

    def share(value: float) -> str:
        return (
            f"capaian {format_persen(value)}" if negatif else f"{format_persen(value)} dari target"
        )

    if len(comps) == 1:
        c = comps[0]
        joint = " dengan " if negatif else " atau "
        text = (
            f"Realisasi {y} sebesar {realisasi_figure(c, unit=True)}{sd_mark(c)}{joint}"
            f"{share(ind.capaian)}{kesimpulan_mark(c)}{kat}"
        )
        if negatif:
            text += " (polaritas negatif: makin rendah makin baik)"
        change = row.perubahan_realisasi.get(c.kunci) if prev else None
        if change is not None:
            text += f", {_direction(change, ' %')} {prev}"
    else:
        pieces = []
        for c in comps:
            if c.realisasi is None:
                pieces.append(f"realisasi {c.uraian or c.satuan or c.kunci} belum diisi")
            elif c.capaian is None:
                pieces.append(f"{realisasi_figure(c, unit=True)} ({STATUS_TEXT[c.status]})")
            else:
                pieces.append(
                    f"{realisasi_figure(c, unit=True)}{sd_mark(c)} ({share(c.capaian)}"
                    f"{', ' + c.kesimpulan if c.kesimpulan else ''})"
                )
        partial = " dari komponen yang terisi" if ind.status == "sebagian" else ""
        text = (
            f"Realisasi {y}: {', '.join(pieces)}; capaian rata-rata{partial} "
            f"{format_persen(ind.capaian)}{kat}"
        )
        if prev and row.perubahan_capaian is not None:
            text += f", {_direction(row.perubahan_capaian, ' poin')} {prev}"
    if row.capaian_target_akhir is not None and row.terhadap_target_akhir:
        text += (
            f". Terhadap target akhir Renstra capaiannya {format_persen(row.capaian_target_akhir)}"
        )
    return text + "."


def report_notices(laporan: Any) -> list[str]:
    """The sample-data / provisional notice for a multi-year report, one line each."""
    out = []
    contoh = [y for y, s in laporan.status_data.items() if s == "contoh"]
    sementara = [y for y, s in laporan.status_data.items() if s == "sementara"]
    if contoh:
        out.append(
            f"CATATAN: realisasi tahun {', '.join(map(str, contoh))} berstatus CONTOH - angka ilustrasi, "
            "bukan data resmi."
        )
    if sementara:
        out.append(
            f"Catatan: realisasi tahun {', '.join(map(str, sementara))} berstatus SEMENTARA (belum final)."
        )
    return out


def end_target_figure(c: Any) -> str:
    """One component of the end-of-period target (``KomponenAkhir``) as its document writes it:
    ``maksimal 3 hari``, ``Rp 6 miliar``, ``A``; a plain number with its unit."""
    if c.jenis != "angka" or c.batas:
        return c.target_tulisan or besaran(c.target_akhir, c.satuan, jenis=c.jenis, skala=c.skala)
    return besaran(c.target_akhir, c.satuan, maks=c.target_akhir_maks)


def end_target_text(ind: Any, sep: str = "\n") -> str:
    """The end-of-period target, one component a line, each named when there are several (from
    the report's own comparison rows)."""
    if not ind.tahun or not ind.tahun[-1].terhadap_target_akhir:
        return ind.target_akhir_teks or "-"
    comps = ind.tahun[-1].terhadap_target_akhir
    several = len(comps) > 1
    return sep.join(
        f"{c.uraian}: {end_target_figure(c)}"
        if several and c.uraian and c.uraian != c.satuan
        else end_target_figure(c)
        for c in comps
    )
