"""The pengukuran kinerja table (LKjIP Bab III and its appendix, docs/domain.md "Reports"), built once
as rows of cells from a :class:`~ikutool.compute.capaian.HasilCapaian`; the terminal, Markdown, HTML,
Excel and the LKjIP each lay the same rows out, so every format shows the same figures with the
same labels, marks and notes:

- a composite indicator: its own row, a row per component, and the mean of its components;
- every mean says what it is over (``rata-rata 2 dari 3 komponen``, a bidang's indicators);
- a mark beside a figure that has a note under the table: ``*)`` for a composite computed from
  some of its components, ``(!)`` for a warning about the value (how it was read, an extreme
  capaian), ``(PK)`` for a target from the Perjanjian Kinerja.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ikutool import lazyre
from ikutool.compute.capaian import (
    GROUP_TEXT,
    STATUS_TEXT,
    HasilCapaian,
    HasilIndikator,
    HasilKomponen,
)
from ikutool.formatting.numbers import format_angka
from ikutool.render.wording import (
    PARTIAL_MARK,
    PARTIAL_NOTE,
    PENGUKURAN_HEADER,
    bidang_mean_label,
    group_name,
    is_number,
    is_plain,
    kesimpulan_mark,
    mean_label,
    realisasi_figure,
    revision_texts,
    sasaran_bidang_label,
    sasaran_label,
    sd_mark,
    target_figure,
    target_source_text,
)
from ikutool.render.wording_explain import explain_component, explain_mean

WARN_MARK = "(!)"
PK_MARK = "(PK)"
NEGATIVE_NOTE = "(makin rendah makin baik)"

Jenis = Literal[
    "indikator",  # a single-component indicator (or one without a target)
    "judul",  # the name row of a composite indicator
    "komponen",  # one component of a composite
    "rata_komponen",  # a composite's mean
    "sasaran",  # the sasaran's own figure
    "sasaran_bidang",  # a bidang view: the mean of the bidang's rows in a sasaran
    "instansi",  # the agency's figure
    "bidang",  # a bidang view: the mean of the bidang's indicators
]


@dataclass
class Sel:
    """One cell: its text as shown, and for a figure its number and the marks after it (so a
    workbook stores the number and shows the marks in the number format)."""

    teks: str = ""
    angka: float | None = None
    tanda: str = ""  # " (PK)", " (!)", " *)"
    desimal: int | None = None  # a computed figure (a mean): shown with at most this many

    def __str__(self) -> str:
        return self.teks


@dataclass
class Baris:
    jenis: Jenis
    sasaran_kode: str
    no: str = ""
    sasaran: str = ""
    indikator: str = ""
    satuan: str = ""
    target: Sel = field(default_factory=Sel)
    realisasi: Sel = field(default_factory=Sel)
    capaian: Sel = field(default_factory=Sel)
    kategori: str | None = None
    penjelasan: str = ""  # the arithmetic, for ``--jelaskan``

    @property
    def tebal(self) -> bool:
        return self.jenis not in ("indikator", "judul", "komponen")

    def cells(self) -> list[Any]:
        """The eight columns of PENGUKURAN_HEADER, as text."""
        cap = self.capaian.teks
        kat = self.kategori or ("-" if self.jenis in ("indikator",) or cap else "")
        return [
            self.no,
            self.sasaran,
            self.indikator,
            self.satuan,
            self.target.teks,
            self.realisasi.teks,
            cap,
            kat if self.jenis != "komponen" else "",
        ]


@dataclass
class Tabel:
    judul: str
    header: tuple[str, ...]
    baris: list[Baris]
    catatan: list[str]  # notes under the table, each beginning with the mark it explains


_CODE = lazyre.compile(r"\bIKU\d{3} ")


def for_people(text: str) -> str:
    """A warning as a document shows it (:func:`ikutool.render.wording.for_reader`)."""
    from ikutool.render.wording import for_reader

    return for_reader(text)


def _marks(*pairs: tuple[bool, str]) -> str:
    return "".join(f" {mark}" for on, mark in pairs if on)


def _capaian(value: float | None, status: str, marks: str = "") -> Sel:
    if value is None:
        text = STATUS_TEXT.get(status, "-") if status not in ("ada", "sebagian") else "-"
        return Sel(text + marks, None, marks)
    return Sel(format_angka(value, 2) + marks, value, marks)


def _target(ind: HasilIndikator, comp: HasilKomponen) -> Sel:
    marks = _marks((ind.target_sumber == "pk", PK_MARK), (bool(ind.peringatan_target), WARN_MARK))
    if comp.target is None:
        return Sel("-", None, "")
    if ind.target_catatan and comp is ind.komponen[-1]:  # the note the target cell wrote
        marks = f" ({ind.target_catatan})" + marks
    text = target_figure(comp) + marks
    # a range, a one-sided target, a ratio, a predikat are text; a single figure stays a
    # number for a workbook
    plain = is_plain(comp) and comp.target_maks is None
    return Sel(text, comp.target if plain else None, marks)


def _realisasi(comp: HasilKomponen) -> Sel:
    marks = sd_mark(comp) + _marks((bool(comp.peringatan_realisasi), WARN_MARK))
    if comp.realisasi is None:
        return Sel("-")
    if not is_number(comp):  # a ratio, a predikat: text
        return Sel(realisasi_figure(comp) + marks, None, marks)
    mean = comp.agregasi_triwulan == "rata_rata"
    return Sel(realisasi_figure(comp) + marks, comp.realisasi, marks, 2 if mean else None)


def _komponen_cells(ind: HasilIndikator, comp: HasilKomponen) -> tuple[Sel, Sel, Sel]:
    marks = kesimpulan_mark(comp) + _marks((bool(comp.peringatan), WARN_MARK))
    cap = _capaian(comp.capaian, comp.status, marks)
    return _target(ind, comp), _realisasi(comp), cap


def indikator_label(ind: HasilIndikator) -> str:
    label = f"{ind.kode} {ind.uraian}"
    return label + (f" {NEGATIVE_NOTE}" if ind.polaritas == "negatif" else "")


def rows(result: HasilCapaian, *, explain: bool = False) -> list[Baris]:
    out: list[Baris] = []
    for no, sas in enumerate(result.sasaran, 1):
        block: list[Baris] = []
        for ind in sas.indikator:
            block += _indikator(ind, sas.kode, explain)
        counted = [i for i in sas.indikator if i.capaian is not None]
        block.append(
            Baris(
                "sasaran",
                sas.kode,
                indikator=sasaran_label(result, sas),
                capaian=_capaian(sas.capaian, sas.status),
                kategori=sas.kategori,
                penjelasan=explain_mean(
                    [i.capaian for i in counted if i.capaian is not None],
                    [i.bobot for i in counted],
                    sas.capaian,
                )
                if explain and len(sas.indikator) == sas.jumlah_indikator and sas.jenis == "sasaran"
                else (GROUP_TEXT.get(sas.jenis, "") if explain else ""),
            )
        )
        block[0].no, block[0].sasaran = str(no), group_name(sas)
        out += block
        if result.bidang and len(sas.indikator) < sas.jumlah_indikator and sas.jenis == "sasaran":
            out.append(
                Baris(
                    "sasaran_bidang",
                    sas.kode,
                    indikator=sasaran_bidang_label(result, sas),
                    capaian=_capaian(sas.capaian_bidang, "kosong"),
                    kategori=sas.kategori_bidang,
                )
            )
    if result.bidang:
        out.append(
            Baris(
                "bidang",
                "",
                indikator=bidang_mean_label(result),
                capaian=_capaian(result.capaian_bidang, "kosong"),
                kategori=result.kategori_bidang,
            )
        )
    out.append(
        Baris(
            "instansi",
            "",
            indikator=mean_label(result),
            capaian=_capaian(result.capaian, "kosong"),
            kategori=result.kategori,
        )
    )
    return out


def _indikator(ind: HasilIndikator, sasaran_kode: str, explain: bool) -> list[Baris]:
    comps = ind.komponen
    if not comps:  # no target and nothing reached: the status says why
        return [
            Baris(
                "indikator",
                sasaran_kode,
                indikator=indikator_label(ind),
                satuan="-",
                target=Sel(ind.target_teks or "-"),
                realisasi=Sel("-"),
                capaian=_capaian(None, ind.status),
                kategori=None,
                penjelasan=STATUS_TEXT[ind.status] if explain else "",
            )
        ]
    if len(comps) == 1:
        comp = comps[0]
        target, real, cap = _komponen_cells(ind, comp)
        if ind.status == "sebagian":  # cannot happen with one component; kept for symmetry
            cap = _capaian(ind.capaian, ind.status, f" {PARTIAL_MARK}")
        return [
            Baris(
                "indikator",
                sasaran_kode,
                indikator=indikator_label(ind),
                satuan=comp.satuan or "-",
                target=target,
                realisasi=real,
                capaian=cap,
                kategori=ind.kategori,
                penjelasan=explain_component(ind, comp) if explain else "",
            )
        ]
    out = [Baris("judul", sasaran_kode, indikator=indikator_label(ind))]
    for comp in comps:
        target, real, cap = _komponen_cells(ind, comp)
        out.append(
            Baris(
                "komponen",
                sasaran_kode,
                indikator=f"- {comp.uraian or comp.satuan or comp.kunci}",
                satuan=comp.satuan or "-",
                target=target,
                realisasi=real,
                capaian=cap,
                penjelasan=explain_component(ind, comp) if explain else "",
            )
        )
    numbers = [c.capaian for c in comps if c.capaian is not None]
    counted = len(numbers)
    over = f"{counted} dari {len(comps)}" if ind.status == "sebagian" else str(len(comps))
    partial = _marks((ind.status == "sebagian", PARTIAL_MARK))
    out.append(
        Baris(
            "rata_komponen",
            sasaran_kode,
            indikator=f"Capaian {ind.kode} (rata-rata {over} komponen)",
            capaian=_capaian(ind.capaian, ind.status, partial),
            kategori=ind.kategori,
            penjelasan=explain_mean(numbers, None, ind.capaian) if explain else "",
        )
    )
    return out


def notes(result: HasilCapaian, *, document: bool = False) -> list[str]:
    """The notes under the table: what each mark means, every warning beside the figure it
    concerns (named by indicator and component), and whose targets were used. ``document``:
    in words only, for a document an officer hands in (no error codes, no file names)."""
    out: list[str] = []
    inds = [i for s in result.sasaran for i in s.indikator]
    if any(i.status == "sebagian" for i in inds):
        out.append(PARTIAL_NOTE)
    for ind in inds:
        out += figure_warnings(ind, lambda w: _clean(w, document))
    if any(i.target_sumber == "pk" for i in inds):
        revised = "".join(f"; {text}" for text in revision_texts(inds))
        out.append(f"{PK_MARK} target Perjanjian Kinerja tahun {result.tahun}{revised}.")
    if not document:
        out.append(target_source_text(result) + ".")
    return out


def figure_warnings(ind: HasilIndikator, say: Callable[[str], str]) -> list[str]:
    """The warnings about an indicator's figures, each once beside what it concerns: a warning
    about the whole entry (it reaches every component) is said once, under the indicator's
    code, never repeated under each component's name."""
    out = [f"{WARN_MARK} Target {ind.kode}: {say(w)}" for w in ind.peringatan_target]
    several = len(ind.komponen) > 1
    shared = (
        set.intersection(*(set(c.peringatan_realisasi) for c in ind.komponen)) if several else set()
    )
    out += [f"{WARN_MARK} Realisasi {ind.kode}: {say(w)}" for w in sorted(shared)]
    for c in ind.komponen:
        name = f"{ind.kode} {c.uraian}" if several else ind.kode
        out += [
            f"{WARN_MARK} Realisasi {name}: {say(w)}"
            for w in c.peringatan_realisasi
            if w not in shared
        ]
        out += [f"{WARN_MARK} Capaian {name}: {say(w)}" for w in c.peringatan]
    return out


def _clean(text: str, document: bool) -> str:
    return for_people(text) if document else text


def title(result: HasilCapaian) -> str:
    text = f"Pengukuran Kinerja Tahun {result.tahun}"
    if result.bidang:
        text += f", Bidang {result.bidang_nama or result.bidang}"
    return text


def table(result: HasilCapaian, *, document: bool = False, explain: bool = False) -> Tabel:
    return Tabel(
        title(result),
        PENGUKURAN_HEADER,
        rows(result, explain=explain),
        notes(result, document=document),
    )
