"""The LKE pre-check as a block document (terminal, Markdown, HTML, Excel), with the evaluators'
worksheets KKE-1, KKE-3, KKE-5 and KKE-6 as tables (sheets of the workbook). The criteria are
named in words, never by their internal id; where an item is in the agency's files is a column of
the pre-check only (the worksheets carry none)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.formatting.numbers import format_angka
from ikutool.render.blocks import Block, Dokumen, Heading, Para, Run, Tabel, placeholder
from ikutool.reports.lke import BANDS, GRADE_VALUE, HasilLke, Kriteria

if TYPE_CHECKING:
    from ikutool.inputs.tindaklanjut import Register
    from ikutool.model.iku import Iku, Indikator
    from ikutool.reports.lkjip import Lkjip

BANDS_SHORT = "pita rasio a-e"


def _n(v: float | None, decimals: int = 2) -> str:
    return format_angka(v, decimals) if v is not None else "-"


def _nilai(c: Kriteria) -> str:
    if not c.dapat_dihitung:
        return "perlu evaluator" if c.bukti else "belum dapat dihitung"
    if isinstance(c.nilai, str):
        return f"{c.nilai} ({format_angka(GRADE_VALUE[c.nilai], 2)})"
    return format_angka(c.nilai or 0, 0)


def _score_table(h: HasilLke) -> list[Block]:
    """Table 1, the estimated score per komponen and sub-komponen, and the range it makes."""
    rows: list[list[Run]] = []
    bold: set[int] = set()
    for k in h.komponen:
        bold.add(len(rows))
        rows.append([k.nama, "", _n(k.bobot), _n(k.min), _n(k.maks)])
        for s in k.sub:
            rows.append(["", s.nama, _n(s.bobot), _n(s.min), _n(s.maks)])
    bold.add(len(rows))
    rows.append(["Jumlah", "", "100,00", _n(h.total["min"]), _n(h.total["maks"])])
    span = h.predikat[0] if len(h.predikat) == 1 else f"{h.predikat[0]} sampai {h.predikat[-1]}"
    return [
        Tabel("Tabel 1", "Perkiraan nilai per komponen",
              ["Komponen", "Sub-komponen", "Bobot", "Nilai terendah", "Nilai tertinggi"], rows,
              ["l", "l", "r", "r", "r"], bold_rows=bold,
              catatan=["Nilai terendah: kriteria yang perlu penilaian evaluator dihitung 0; "
                       "tertinggi: dihitung penuh. Bobot komponen 30/30/15/25, sub-komponen "
                       "keberadaan 20 %, kualitas 30 %, pemanfaatan 50 %, seperti lembar kerja "
                       "evaluator (PermenPAN-RB 88/2021)."]),
        Para([("Perkiraan nilai: ", "bold"),
              f"{_n(h.total['min'])} sampai {_n(h.total['maks'])}; predikat {span} "
              "(AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D <= 30). ", _decided(h)]),
    ]  # fmt: skip


def _criteria_table(h: HasilLke) -> Tabel:
    """Table 2, every criterion with its ratio, value and rule (or the evidence to prepare)."""
    crit_rows: list[list[Run]] = []
    for n, c in enumerate(h.kriteria, 1):
        komponen = next(k.nama for k in h.komponen if k.id == c.komponen)
        sub = next(
            s.nama
            for k in h.komponen
            for s in k.sub
            if k.id == c.komponen and s.id == c.subkomponen
        )
        rule = BANDS_SHORT if c.aturan == BANDS else c.aturan
        crit_rows.append(
            [str(n), c.uraian, f"{komponen} / {sub}", _n(c.rasio), _nilai(c),
             rule if c.dapat_dihitung else (f"siapkan: {c.bukti}" if c.bukti else rule)]
        )  # fmt: skip
    return Tabel(
        "Tabel 2",
        "Kriteria",
        ["No", "Kriteria", "Komponen", "Rasio (%)", "Nilai", "Aturan / bukti"],
        crit_rows,
        ["r", "l", "l", "r", "l", "l"],
        catatan=[f"{BANDS_SHORT}: {BANDS}; nilai a-e bernilai 1; 0,75; 0,5; 0,25; 0."],
    )


def _items_table(h: HasilLke) -> list[Block]:
    """Table 3, what is still lacking and where it is in the files (none: no table)."""
    item_rows: list[list[Run]] = []
    for n, c in enumerate(h.kriteria, 1):
        for t in c.temuan:
            where = f"{t.berkas}:{t.baris}" if t.berkas and t.baris else (t.berkas or "-")
            item_rows.append([str(n), t.pesan, where])
    if not item_rows:
        return []
    return [
        Tabel(
            "Tabel 3",
            "Yang masih kurang, dan cara memperbaikinya",
            ["Kriteria (Tabel 2)", "Temuan", "Letak di berkas"],
            item_rows,
            ["r", "l", "l"],
        )
    ]


def lke_document(h: HasilLke, *, kke: dict[str, Any] | None = None) -> Dokumen:
    blocks: list[Block] = [
        Heading(0, f"PERKIRAAN EVALUASI AKUNTABILITAS KINERJA TAHUN {h.tahun}"),
        Para([(h.instansi.upper(), "bold")]),
        *[Para([n], kind="note") for n in h.catatan],
    ]
    blocks += _score_table(h)
    blocks.append(_criteria_table(h))
    blocks += _items_table(h)
    if kke is not None:
        blocks += _kke(h, kke)
    from ikutool import __version__

    return Dokumen(
        judul=f"Perkiraan LKE {h.tahun}",
        blocks=blocks,
        peringatan_halaman=["PERKIRAAN - bukan nilai resmi evaluasi SAKIP."],
        asal=[f"Disusun dengan ikutool {__version__}."],
        landscape=True,
    )


def _decided(h: HasilLke) -> str:
    """The score over the criteria the files decide: what the range is made of."""
    got, out_of = h.total["dihitung"], h.total["dapat_dihitung"]
    share = f" ({format_angka(got / out_of * 100, 2)} %)" if out_of else ""
    return (
        f"Dari berkas: {_n(got)} dari {_n(out_of)} poin yang dapat dihitung{share}; "
        f"{_n(100 - out_of)} poin lainnya perlu penilaian evaluator atau berkas yang belum ada."
    )


def _yes(flag: bool | None) -> Run:
    return "ya" if flag else ("tidak" if flag is False else "-")


def _kke(h: HasilLke, k: dict[str, Any]) -> list[Block]:
    """The evaluators' worksheets: the mechanical columns filled, the rest left for them."""
    iku, lk, register = k["iku"], k["lkjip"], k.get("register")
    return [_kke1(h, iku), _kke3(h.tahun, lk), _kke5(iku), _kke6(register)]


def _kke1(h: HasilLke, iku: Iku) -> Tabel:
    """KKE-1: the quality of every indicator (SMART-C), the mechanical columns filled."""
    tahun = h.tahun
    low = {t.kode for c in h.kriteria if c.id == "target_menantang" for t in c.temuan if t.kode}
    compared = any(c.id == "target_menantang" and c.dapat_dihitung for c in h.kriteria)
    rows1: list[list[Run]] = []
    for n, (group, ind) in enumerate(iku.indikator(), 1):
        target = ind.target_for(tahun)
        rows1.append(
            [str(n), f"{group.kode} {group.uraian}", f"{ind.kode} {ind.uraian}",
             target.teks if target else "-", "", _yes(bool(ind.formula) and target is not None), "",
             "", _yes(target is not None), _yes(ind.kode not in low) if compared else "-",
             placeholder("catatan evaluator")]
        )  # fmt: skip
    return Tabel(
        "KKE-1",
        f"Kualitas indikator kinerja (SMART-C) tahun {tahun}",
        [
            "No",
            "Sasaran",
            "Indikator",
            f"Target {tahun}",
            "Specific",
            "Measurable",
            "Achievable",
            "Relevant",
            "Time-bound",
            "Challenging",
            "Catatan evaluator",
        ],
        rows1,
        ["r", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l"],
        catatan=[
            "Measurable: ada formula dan target berangka; Time-bound: ada target tahun "
            "itu; Challenging: target tidak di bawah realisasi tahun lalu. Specific, "
            "Achievable dan Relevant diisi evaluator."
        ],
    )  # fmt: skip


def _kke3(tahun: int, lk: Lkjip) -> Tabel:
    """KKE-3: each program and its money against the plan, beside its sasaran's capaian."""
    rows3: list[list[Run]] = []
    capaian = {s.kode: s.capaian for s in lk.sasaran}
    for n, p in enumerate(lk.program, 1):
        first = p.sasaran[0] if p.sasaran else None
        rows3.append(
            [str(n), ", ".join(p.sasaran), f"{p.kode + ' ' if p.kode else ''}{p.nama}",
             format_angka(p.pagu), format_angka(p.realisasi), _n(p.serapan),
             _n(capaian.get(first)) if first else "-", placeholder("catatan evaluator")]
        )  # fmt: skip
    return Tabel(
        "KKE-3",
        f"Program dan anggarannya terhadap rencana, tahun {tahun}",
        [
            "No",
            "Sasaran",
            "Program",
            "Pagu (Rp)",
            "Realisasi (Rp)",
            "Serapan (%)",
            "Capaian sasaran (%)",
            "Catatan evaluator",
        ],
        rows3 or [["-", "-", "belum ada program", "-", "-", "-", "-", "-"]],
        ["r", "l", "l", "r", "r", "r", "r", "l"],
    )  # fmt: skip


def _kke5(iku: Iku) -> Tabel:
    """KKE-5: how every indicator is measured (the Manual IKU's fields)."""
    rows5: list[list[Run]] = []
    for n, (_, ind) in enumerate(iku.indikator(), 1):
        rows5.append(
            [str(n), f"{ind.kode} {ind.uraian}", ind.definisi or placeholder("definisi"),
             ind.formula or placeholder("formula"), ind.satuan or _units(ind),
             iku.sumber_data(ind) or ind.sumber_data or placeholder("sumber data"),
             ind.penanggung_jawab or "-", ind.frekuensi or "-", placeholder("catatan evaluator")]
        )  # fmt: skip
    return Tabel(
        "KKE-5",
        "Cara mengukur setiap indikator",
        [
            "No",
            "Indikator",
            "Definisi operasional",
            "Formula",
            "Satuan",
            "Sumber data",
            "Penanggung jawab",
            "Frekuensi",
            "Catatan evaluator",
        ],
        rows5,
        ["r", "l", "l", "l", "l", "l", "l", "l", "l"],
    )  # fmt: skip


def _kke6(register: Register | None) -> Tabel:
    """KKE-6: the follow-up of the last evaluations' recommendations."""
    rows6: list[list[Run]] = []
    n = 0
    for ev in register.evaluasi if register is not None else []:
        for r in ev.rekomendasi:
            n += 1
            rows6.append(
                [str(n), f"{ev.tahun}" + (f" ({ev.lhe})" if ev.lhe else ""), r.uraian,
                 r.rencana or "-", r.penanggung_jawab or "-", r.status, r.bukti or "-",
                 placeholder("catatan evaluator")]
            )  # fmt: skip
    return Tabel(
        "KKE-6",
        "Tindak lanjut rekomendasi evaluasi",
        [
            "No",
            "Evaluasi (LHE)",
            "Rekomendasi",
            "Rencana tindak lanjut",
            "Penanggung jawab",
            "Status",
            "Bukti",
            "Catatan evaluator",
        ],
        rows6 or [["-", "-", "belum ada register tindak lanjut", "-", "-", "-", "-", "-"]],
        ["r", "l", "l", "l", "l", "l", "l", "l"],
    )  # fmt: skip


def _units(ind: Indikator) -> str:
    units = {c.satuan for t in ind.target.values() if t for c in t.komponen if c.satuan}
    return ", ".join(sorted(units)) or "-"
