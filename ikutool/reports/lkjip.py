"""The LKjIP chapter (PermenPAN-RB 53/2014, docs/domain.md "The LKjIP"), assembled from what the other
stages computed: Bab II (the Perjanjian Kinerja), Bab III A (for each sasaran, seven analyses),
Bab III B (realisasi anggaran per program), and the evaluators' checklist. Pure: models in,
models out; nothing here reads a file or prints.

The seven analyses of a sasaran:
1. realisasi against this year's target (PK where given, else Renstra);
2. against previous years;
3. against the end-of-Renstra target, with the proyeksi;
4. against a national, provincial or SPM standard (``pembanding`` in the realisasi file);
5. causes of success or failure and the solutions taken (the officer's ``analisis``);
6. efficiency of the budget (``anggaran/<tahun>.yaml``);
7. the programs and activities that supported it (anggaran programs, the officer's text).
(1)-(4) and (6) are arithmetic; (5) and (7) are words the tool places and prompts for, never
invents.
"""

from __future__ import annotations

from ikutool.compute.capaian import (
    HasilCapaian,
    HasilIndikator,
    HasilSasaran,
    Options,
    status_notes,
)
from ikutool.compute.efisiensi import Efisiensi, efisiensi
from ikutool.compute.money import Anggaran, UangProgram, UangTahun, jumlah
from ikutool.compute.proyeksi import Proyeksi
from ikutool.definition.manual import IndikatorManual, build_manual
from ikutool.inputs.pk import PkTahun
from ikutool.inputs.realisasi import Analisis, Pembanding, RealisasiTahun
from ikutool.model.iku import Iku, Kepala, Result
from ikutool.reports.laporan import (
    Laporan,
    LaporanIndikator,
    LaporanSasaran,
    TahunIndikator,
    build_report,
)

ANALISIS = {
    1: "Capaian terhadap target tahun ini",
    2: "Perbandingan dengan tahun-tahun sebelumnya",
    3: "Capaian terhadap target akhir Renstra",
    4: "Perbandingan dengan standar nasional/provinsi/SPM",
    5: "Penyebab keberhasilan/kegagalan dan solusi",
    6: "Efisiensi penggunaan sumber daya (anggaran)",
    7: "Program dan kegiatan pendukung",
}


class IndikatorLkjip(Result):
    kode: str
    uraian: str
    hasil: HasilIndikator  # this year's, against the PK or Renstra target
    target_sumber: str | None  # "pk" | "renstra"
    riwayat: list[TahunIndikator]  # every year with realisasi up to this one, oldest first
    proyeksi: Proyeksi | None
    pembanding: Pembanding | None
    analisis: Analisis | None


class SasaranLkjip(Result):
    kode: str
    uraian: str
    jenis: str = "sasaran"  # sasaran | kelompok | tujuan (the last two: never averaged)
    capaian: float | None
    kategori: str | None
    indikator: list[IndikatorLkjip]
    anggaran: Anggaran | None
    efisiensi: Efisiensi | None
    program: list[UangProgram]  # whose money counts for the sasaran (its first sasaran)
    program_lain: list[str] = []  # programs that also support it, counted under another


class Kelengkapan(Result):
    sasaran: str
    nomor: int  # 1..7
    analisis: str
    ada: bool  # complete
    sumber: str  # the file and key that supply it (or would), and what is still missing
    status: str = "lengkap"  # lengkap | sebagian (some indicators have it) | belum
    terisi: int = 0  # how many of the sasaran's indicators (or items) supply it
    jumlah: int = 0  # out of how many
    per_indikator: bool = False  # counted over the sasaran's indicators

    @property
    def keadaan(self) -> str:
        """As a person reads it: "lengkap", "belum", "sebagian (1 dari 4 indikator)"."""
        if self.status != "sebagian":
            return self.status
        of = f"{self.terisi} dari {self.jumlah}" + (" indikator" if self.per_indikator else "")
        return f"sebagian ({of})"


class Lkjip(Result):
    tahun: int
    instansi: str
    pemerintah: str | None
    kota: str | None
    kepala: Kepala | None
    periode_awal: int
    periode_akhir: int
    skala: str
    status_data: str | None  # of this year's realisasi
    berkas_iku: str | None
    berkas_realisasi: str | None
    berkas_pk: str | None
    pk_ditandatangani: str | None
    berkas_anggaran: str | None
    metode_efisiensi: str | None
    catatan: list[str]  # sample / provisional notices for every input used
    sasaran: list[SasaranLkjip]
    program: list[UangProgram]  # Bab III B, every program
    anggaran: Anggaran | None = None  # Bab III B, the agency's total
    pengukuran: HasilCapaian  # the pengukuran kinerja table (Lampiran)
    capaian: float | None
    kategori: str | None
    kelengkapan: list[Kelengkapan]
    peringatan: list[str] = []
    manual: list[IndikatorManual] = []  # the IKU with formula and kondisi awal (Bab II)
    pk_perubahan: list[str] = []  # the dates (ISO) of this year's PK revisions


def _indikator(
    ind_rep: LaporanIndikator, hasil: HasilIndikator, real: RealisasiTahun
) -> IndikatorLkjip:
    """One indicator: this year's result, its history and proyeksi, the officer's words."""
    entry = real.indikator.get(ind_rep.kode)
    return IndikatorLkjip.model_construct(
        kode=ind_rep.kode,
        uraian=ind_rep.uraian,
        hasil=hasil,
        target_sumber=hasil.target_sumber,
        riwayat=ind_rep.tahun,
        proyeksi=ind_rep.proyeksi,
        pembanding=entry.pembanding if entry else None,
        analisis=entry.analisis if entry else None,
    )


def _sasaran(
    sas_rep: LaporanSasaran,
    sas_now: HasilSasaran,
    real: RealisasiTahun,
    anggaran: UangTahun | None,
) -> SasaranLkjip:
    """One sasaran: its indicators, the money counted for it, its efisiensi."""
    indikator = [
        _indikator(ind_rep, hasil, real)
        for ind_rep, hasil in zip(sas_rep.indikator, sas_now.indikator, strict=True)
    ]
    linked = anggaran.counted_for(sas_now.kode) if anggaran else []
    others = (
        [p.nama for p in anggaran.supporting(sas_now.kode) if p not in linked] if anggaran else []
    )
    money = jumlah(linked)
    return SasaranLkjip.model_construct(
        kode=sas_now.kode,
        uraian=sas_now.uraian,
        jenis=sas_now.jenis,
        capaian=sas_now.capaian,
        kategori=sas_now.kategori,
        indikator=indikator,
        anggaran=money,
        efisiensi=efisiensi(anggaran.metode, sas_now.capaian, money)
        if money is not None and anggaran is not None
        else None,
        program=linked,
        program_lain=others,
    )


def build_lkjip(
    iku: Iku,
    tahun: int,
    data: dict[int, RealisasiTahun],
    *,
    pk: dict[int, PkTahun] | None = None,
    anggaran: UangTahun | None = None,
    options: Options | None = None,
    folder_realisasi: str | None = None,
    anggaran_folder: str = "anggaran",
) -> Lkjip:
    """``data`` holds the realisasi of ``tahun`` and of any earlier years available."""
    pk = pk or {}
    years = sorted(y for y in data if y <= tahun)
    laporan: Laporan = build_report(
        iku, data, years, options, folder_realisasi=folder_realisasi, pk=pk
    )
    this_year = laporan.per_tahun[-1]
    real = data[tahun]
    programs = anggaran.program if anggaran else []
    sasaran_out = [
        _sasaran(sas_rep, sas_now, real, anggaran)
        for sas_rep, sas_now in zip(laporan.sasaran, this_year.sasaran, strict=True)
    ]
    this_pk = pk.get(tahun)
    notes = status_notes(
        tahun,
        [
            ("realisasi", real.status),
            ("Perjanjian Kinerja", this_pk.status if this_pk else None),
            ("anggaran", anggaran.status if anggaran else None),
        ],
    )
    out = Lkjip.model_construct(
        tahun=tahun,
        instansi=iku.instansi.nama,
        pemerintah=iku.instansi.pemerintah,
        kota=iku.instansi.kota,
        kepala=iku.instansi.kepala,
        periode_awal=iku.periode.awal,
        periode_akhir=iku.periode.akhir,
        skala=this_year.skala,
        status_data=real.status,
        berkas_iku=iku.berkas,
        berkas_realisasi=real.file,
        berkas_pk=this_pk.file if this_pk else None,
        pk_ditandatangani=this_pk.ditandatangani.isoformat()
        if this_pk and this_pk.ditandatangani
        else None,
        berkas_anggaran=anggaran.file if anggaran else None,
        metode_efisiensi=anggaran.metode if anggaran else None,
        catatan=notes,
        sasaran=sasaran_out,
        program=programs,
        anggaran=jumlah(programs),
        pengukuran=this_year,
        capaian=this_year.capaian,
        kategori=this_year.kategori,
        kelengkapan=[],
        peringatan=this_year.peringatan,
        manual=build_manual(iku).indikator,
        pk_perubahan=sorted({d.isoformat() for d in this_pk.perubahan.values()}) if this_pk else [],
    )
    out.kelengkapan = checklist(out, years, anggaran_folder)
    return out


def _kelengkapan(
    kode: str, no: int, have: int, total: int, sumber: str, per_indikator: bool = False
) -> Kelengkapan:
    status = "lengkap" if have == total else ("sebagian" if have else "belum")
    return Kelengkapan.model_construct(
        sasaran=kode,
        nomor=no,
        analisis=ANALISIS[no],
        ada=status == "lengkap",
        sumber=sumber,
        status=status,
        terisi=have,
        jumlah=total,
        per_indikator=per_indikator,
    )


def _per_indicator(
    kode: str, no: int, gaps: list[str], present: str, total: int, real: str
) -> Kelengkapan:
    """An analysis each indicator supplies: complete, partly there, or missing."""
    where = f"{real}: " + (f"belum: {', '.join(gaps)}" if gaps else present)
    return _kelengkapan(kode, no, total - len(gaps), total, where, True)


def _analysis_gaps(with_target: list[IndikatorLkjip]) -> list[str]:
    """The indicators whose officer's analysis (5) lacks its causes or its solution."""
    gaps = []
    for i in with_target:
        a = i.analisis
        lacking = [
            what
            for what, ok in (
                ("pendorong/penghambat", a is not None and bool(a.pendorong or a.penghambat)),
                ("solusi", a is not None and bool(a.solusi)),
            )
            if not ok
        ]
        if lacking:
            gaps.append(f"realisasi.{i.kode}.analisis ({', '.join(lacking)})")
    return gaps


def _sasaran_checklist(
    lkjip: Lkjip, sas: SasaranLkjip, real: str, budget: str, earlier: list[int]
) -> list[Kelengkapan]:
    """The seven analyses of one sasaran, in their order."""
    kode = sas.kode
    with_target = [i for i in sas.indikator if i.hasil.target_teks is not None]
    n = len(with_target)
    judged = [
        i for i in with_target if i.riwayat and i.riwayat[-1].capaian_target_akhir is not None
    ]
    return [
        _per_indicator(
            kode,
            1,
            [
                f"realisasi.{i.kode}"
                for i in with_target
                if i.hasil.status not in ("ada", "sebagian")
            ],
            "realisasi",
            n,
            real,
        ),
        _kelengkapan(
            kode,
            2,
            int(bool(earlier)),
            1,
            f"realisasi tahun {', '.join(map(str, earlier))}"
            if earlier
            else f"berkas realisasi tahun sebelum {lkjip.tahun} (mis. realisasi/{lkjip.tahun - 1}.yaml)",
        ),
        _kelengkapan(
            kode,
            3,
            len(judged),
            n,
            f"{lkjip.berkas_iku}: target {lkjip.periode_akhir}; {real}: realisasi",
            True,
        ),
        _per_indicator(
            kode,
            4,
            [f"realisasi.{i.kode}.pembanding" for i in with_target if i.pembanding is None],
            "pembanding",
            n,
            real,
        ),
        _per_indicator(kode, 5, _analysis_gaps(with_target), "analisis", n, real),
        _kelengkapan(
            kode,
            6,
            int(sas.anggaran is not None),
            1,
            f"{budget}: program dengan sasaran [{kode}]"
            if lkjip.berkas_anggaran or sas.anggaran
            else f"{budget} (berkas belum ada): program dengan sasaran [{kode}]",
        ),
        _per_indicator(
            kode,
            7,
            [
                f"realisasi.{i.kode}.analisis.program"
                for i in with_target
                if not (i.analisis is not None and i.analisis.program)
            ],
            "analisis.program",
            n,
            real,
        ),
    ]


def checklist(lkjip: Lkjip, years: list[int], anggaran_folder: str) -> list[Kelengkapan]:
    """For each sasaran and each of the seven analyses: present or missing, and what supplies it."""
    real = lkjip.berkas_realisasi or "realisasi"
    budget = lkjip.berkas_anggaran or f"{anggaran_folder}/{lkjip.tahun}.yaml"
    earlier = [y for y in years if y < lkjip.tahun]
    out = []
    for sas in lkjip.sasaran:
        out += _sasaran_checklist(lkjip, sas, real, budget, earlier)
    return out
