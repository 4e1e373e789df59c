"""The Manual IKU (docs/domain.md "Manual IKU"): per indicator, what evaluators ask an agency to
write down: its definition, why it is measured, its formula, its unit and direction, how often
it is measured, where the data come from and who answers for it, the baseline and the targets.

Built from the IKU file alone; pure: model in, result out. A field the file leaves empty stays
empty here (listed in ``kosong``), so a document shows it as a gap the officer fills, never as
invented text. Used by ``iku manual`` and by the LKjIP's Bab II (the IKU table).
"""

from __future__ import annotations

from ikutool.model.iku import Iku, Indikator, Result

# the fields of a Manual IKU an agency writes (in the order a Manual IKU block lists them), with
# their labels; the evaluators' completeness criterion names the first three
FIELDS = {
    "definisi": "Definisi operasional",
    "formula": "Formula",
    "sumber_data": "Sumber data",
    "alasan": "Alasan pemilihan indikator",
    "penanggung_jawab": "Penanggung jawab",
    "penyedia_data": "Penyedia data",
    "frekuensi": "Frekuensi pengukuran",
    "kondisi_awal": "Kondisi awal",
}
REQUIRED = ("definisi", "formula", "sumber_data")  # the LKE's "Manual IKU lengkap"

POLARITAS_TEXT = {
    "positif": "positif (makin tinggi makin baik)",
    "negatif": "negatif (makin rendah makin baik)",
}
AGREGASI_TEXT = {
    "kumulatif": "kumulatif (angka triwulan dijumlah)",
    "akhir": "nilai akhir (angka triwulan terakhir)",
    "rata_rata": "rata-rata triwulan",
}


class TargetManual(Result):
    tahun: int
    teks: str | None  # as written; None where the IKU has "-"


class IndikatorManual(Result):
    kode: str
    uraian: str
    kelompok_kode: str  # the sasaran (or kelompok, tujuan) it belongs to
    kelompok_uraian: str
    kelompok_jenis: str  # sasaran | kelompok | tujuan
    definisi: str | None
    alasan: str | None
    formula: str | None
    satuan: str | None  # the units its targets are written in
    polaritas: str
    agregasi_triwulan: str | None  # how quarters make a year, where written
    frekuensi: str | None
    kondisi_awal: str | None  # "45 % (2015)"
    kondisi_awal_tahun: int | None
    kondisi_awal_nilai: str | None
    target: list[TargetManual]
    target_akhir: str | None  # the end-of-period target, as written
    sumber_data: str | None
    penanggung_jawab: str | None
    penyedia_data: str | None
    bidang: str | None
    keterangan: str | None
    kosong: list[str]  # the fields of FIELDS left empty


class ManualIku(Result):
    instansi: str
    pemerintah: str | None
    periode_awal: int
    periode_akhir: int
    berkas_iku: str
    indikator: list[IndikatorManual]

    @property
    def lengkap(self) -> list[str]:
        """Indicators whose definisi, formula and sumber data are all written."""
        return [i.kode for i in self.indikator if not set(REQUIRED) & set(i.kosong)]


def _units(ind: Indikator) -> str | None:
    seen: list[str] = []
    for _, target in sorted(ind.target.items()):
        for comp in target.komponen if target else []:
            unit = comp.satuan or ("predikat" if comp.jenis == "predikat" else "")
            if unit and unit not in seen:
                seen.append(unit)
    if not seen and ind.satuan:
        seen.append(ind.satuan)
    return ", ".join(seen) or None


def manual_indikator(iku: Iku, group, ind: Indikator) -> IndikatorManual:  # noqa: ANN001
    years = list(iku.periode.tahun)
    targets = [
        TargetManual.model_construct(tahun=y, teks=t.teks if (t := ind.target_for(y)) else None)
        for y in years
    ]
    end = ind.target_for(iku.periode.akhir)
    awal = ind.kondisi_awal
    values = {
        "definisi": ind.definisi,
        "alasan": ind.alasan,
        "formula": ind.formula,
        "sumber_data": iku.sumber_data(ind),
        "penanggung_jawab": ind.penanggung_jawab,
        "penyedia_data": ind.penyedia_data,
        "frekuensi": ind.frekuensi,
        "kondisi_awal": f"{awal.nilai} ({awal.tahun})" if awal else None,
    }
    return IndikatorManual.model_construct(
        kode=ind.kode,
        uraian=ind.uraian,
        kelompok_kode=group.kode,
        kelompok_uraian=group.uraian,
        kelompok_jenis=group.jenis,
        definisi=ind.definisi,
        alasan=ind.alasan,
        formula=ind.formula,
        satuan=_units(ind),
        polaritas=ind.polaritas,
        agregasi_triwulan=ind.agregasi_triwulan,
        frekuensi=ind.frekuensi,
        kondisi_awal=values["kondisi_awal"],
        kondisi_awal_tahun=awal.tahun if awal else None,
        kondisi_awal_nilai=awal.nilai if awal else None,
        target=targets,
        target_akhir=end.teks if end else None,
        sumber_data=values["sumber_data"],
        penanggung_jawab=ind.penanggung_jawab,
        penyedia_data=ind.penyedia_data,
        bidang=ind.bidang,
        keterangan=ind.keterangan,
        kosong=[name for name in FIELDS if not values[name]],
    )


def build_manual(iku: Iku, codes: set[str] | None = None) -> ManualIku:
    """The Manual IKU of every indicator (or those of ``codes``), in the file's order."""
    return ManualIku.model_construct(
        instansi=iku.instansi.nama,
        pemerintah=iku.instansi.pemerintah,
        periode_awal=iku.periode.awal,
        periode_akhir=iku.periode.akhir,
        berkas_iku=iku.berkas,
        indikator=[
            manual_indikator(iku, group, ind)
            for group, ind in iku.indikator()
            if codes is None or ind.kode in codes
        ],
    )
