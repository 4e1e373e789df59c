"""The capaian engine's results: per component, indicator, sasaran and agency, with the status
that says why a figure is missing, and how each status reads."""

from __future__ import annotations

from typing import Literal

from ikutool.model.base import Result

Status = Literal[
    "ada",  # a number was computed
    "tanpa_target",  # "-" in the IKU
    "belum_ada_realisasi",
    "target_nol",
    "realisasi_nol",  # kebalikan convention with realisasi 0: T/0
    "sebagian",  # a composite with some components filled: the mean of those, flagged
    "kelompok",  # a group (an aspek, an index's components): measured, never averaged
    "tujuan",  # a tujuan's indicators: measured, never averaged
]

STATUS_TEXT = {
    "ada": "dihitung",
    "tanpa_target": "tanpa target",
    "belum_ada_realisasi": "belum ada realisasi",
    "target_nol": "target nol",
    "realisasi_nol": "realisasi nol (rumus kebalikan)",
    "sebagian": "sebagian komponen",
    "kelompok": "kelompok, tidak dirata-ratakan",
    "tujuan": "tujuan, tidak dirata-ratakan",
}
# what a group row says instead of a figure, and why
GROUP_TEXT = {
    "kelompok": "kelompok: indikatornya diukur, tidak dirata-ratakan dan tidak masuk rata-rata "
    "instansi",
    "tujuan": "tujuan: indikatornya diukur, tidak dirata-ratakan dan tidak masuk rata-rata "
    "instansi",
}


class HasilKomponen(Result):
    kunci: str
    uraian: str | None = None
    satuan: str
    persen: bool
    target: float | None
    target_maks: float | None = None
    pembanding: float | None = None  # the bound the realisasi was compared with (ranges)
    realisasi: float | None
    capaian: float | None
    capaian_asli: float | None = None  # before the optional cap
    status: Status
    peringatan: list[str] = []  # about the capaian (extreme, not computable)
    peringatan_realisasi: list[str] = []  # about the realisasi as it was read (IKU107, ...)
    jenis: str = "angka"  # angka | rasio | rupiah | predikat
    batas: str | None = None  # min | maks: a one-sided target
    rasio_dari: float | None = None  # a ratio's first term (target and realisasi are per one)
    skala: list[str] | None = None  # a predikat's scale, lowest first (target/realisasi: ranks)
    target_tulisan: str | None = None  # the target as the document writes it
    realisasi_tulisan: str | None = None  # a ratio, predikat or rupiah realisasi, written out
    kesimpulan: str | None = None  # "tercapai" | "tidak tercapai" (predikat, a zero target)
    aturan: str | None = None  # the rule used, where it is not the plain formula
    sd_triwulan: str | None = None  # "III": the year is built from quarters up to TW III
    agregasi_triwulan: str | None = None  # the rule that built the year from quarters


class HasilIndikator(Result):
    kode: str
    uraian: str
    bidang: str | None
    polaritas: str
    rumus_negatif: str
    bobot: float
    target_teks: str | None
    target_catatan: str | None = None  # the note the target cell wrote in parentheses
    komponen: list[HasilKomponen]
    capaian: float | None
    kategori: str | None
    status: Status
    catatan: str | None = None
    sumber: str | None = None
    peringatan: list[str] = []
    peringatan_target: list[str] = []  # about the target cell as it was read (IKU107, ...)
    target_sumber: Literal["pk", "renstra"] | None = None  # whose target the capaian is against
    target_renstra_teks: str | None = None  # the Renstra target, when a PK target replaced it
    pk_perubahan: str | None = None  # the date (ISO) of the PK perubahan that set the target


class HasilSasaran(Result):
    kode: str
    uraian: str
    jenis: str = "sasaran"  # sasaran | kelompok | tujuan (the last two: never averaged)
    indikator: list[HasilIndikator]  # those shown (a bidang's only, with --bidang)
    capaian: float | None  # the sasaran's own figure: the mean over all its indicators
    kategori: str | None
    status: Status = "ada"  # why there is no figure: every indicator without a target, ...
    jumlah_indikator: int = 0  # indicators of the sasaran, in every bidang
    capaian_bidang: float | None = None  # with --bidang: the mean over the rows shown only
    kategori_bidang: str | None = None


class HasilCapaian(Result):
    tahun: int
    instansi: str
    status_data: str | None  # contoh | sementara | final | None
    berkas_iku: str | None = None  # as shown to the user ("contoh bawaan/..." for the sample)
    berkas_pk: str | None = None  # the Perjanjian Kinerja file whose targets were used
    status_pk: str | None = None  # contoh | sementara | final | None
    berkas_realisasi: str | None
    skala: str
    batas_capaian: float | None
    bidang: str | None
    bidang_nama: str | None = None
    sasaran: list[HasilSasaran]
    capaian: float | None  # the agency's figure: the mean of every sasaran, in every bidang
    kategori: str | None
    capaian_bidang: float | None = None  # with --bidang: the mean of that bidang's indicators
    kategori_bidang: str | None = None
    jumlah_sasaran: int = (
        0  # every sasaran of the IKU (the agency mean is over those with a figure)
    )
    sasaran_berangka: int = 0  # those with a figure
    tidak_dirata: list[str] = []  # kelompok and tujuan: measured, left out of every mean
    peringatan: list[str] = []

    @property
    def is_contoh(self) -> bool:
        return self.status_data == "contoh"

    @property
    def sasaran_dihitung(self) -> list[HasilSasaran]:
        return [s for s in self.sasaran if s.capaian is not None]
