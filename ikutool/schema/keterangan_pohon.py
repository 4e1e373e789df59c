"""What every key of the pohon kinerja (``pohon/pohon.yaml``) and of the RPJMD
(``pohon/rpjmd.yaml``) means, in Indonesian: the same tables as :mod:`ikutool.schema.keterangan`,
for the two files of the cascade (read by :mod:`ikutool.inputs.pohon` and
:mod:`ikutool.inputs.rpjmd`), kept apart as their own family.
"""

from __future__ import annotations

from ikutool.schema.keterangan import KETERANGAN_BERKAS, STATUS

# model name -> (title, description, {field: description})
TABEL: dict[str, tuple[str, str, dict[str, str]]] = {
    # --- pohon/pohon.yaml ---
    "PohonFile": (
        "Pohon kinerja",
        "Pohon kinerja perangkat daerah (pohon/pohon.yaml): daftar simpul dari tujuan dan sasaran "
        "IKU sampai program, kegiatan dan sub kegiatan, masing-masing menyebut induknya, dengan "
        "indikator, target setiap tahun dan pejabat pemiliknya. Periksa dengan: iku validate.",
        {
            "instansi": "Kode perangkat daerah ini di daftar perangkat_daerah RPJMD, mis. "
            "DISKOPERINDAG; crosscutting perangkat daerah lain menunjuk pohon ini dengan kode itu.",
            "periode": "Periode pohon kinerja (opsional); bila ditulis, sama dengan periode IKU.",
            "status": STATUS,
            "keterangan": KETERANGAN_BERKAS,
            "pejabat": "Daftar pejabat pemilik simpul, ditulis sekali dan dirujuk dengan kodenya "
            "di 'pemilik' dan 'atasan'.",
            "pohon": "Daftar simpul pohon kinerja (wajib, paling sedikit satu), dalam urutan "
            "gambarnya; setiap simpul menyebut induknya.",
        },
    ),
    "PejabatFile": (
        "Pejabat",
        "Satu pejabat pemilik simpul: pihak Perjanjian Kinerja eselonnya dan pemilik RHK di SKP.",
        {
            "kode": "Kode singkat pejabat, unik di berkas, dipakai di 'pemilik' simpul dan "
            "'atasan', mis. kabid-ukm.",
            "jabatan": "Jabatan seperti di dokumen (wajib), mis. Kepala Bidang UKM.",
            "eselon": "Eselon jabatan (wajib): II (kepala dinas), III (kepala bidang) atau IV "
            "(kepala seksi).",
            "nama": "Nama pejabat; yang belum ditulis tampil sebagai [diisi: ...].",
            "nip": 'NIP, selalu dalam tanda kutip, mis. "19660912 199603 1 001".',
            "pangkat": "Pangkat/golongan, mis. Pembina Tk. I / IV.b.",
            "atasan": "Kode pejabat atasannya (pihak kedua Perjanjian Kinerjanya); kepala dinas "
            "tanpa atasan berperjanjian dengan kepala daerah RPJMD.",
        },
    ),
    "NodeFile": (
        "Simpul pohon kinerja",
        "Satu simpul: tujuan atau sasaran IKU (cukup kode, 'mendukung' dan pemiliknya; uraian dan "
        "indikatornya dibaca dari IKU), atau program, kegiatan, sub kegiatan (dengan 'level', "
        "'induk', uraian dan indikatornya).",
        {
            "kode": "Kode simpul, unik di pohon: kode tujuan atau sasaran IKU (S1), kode program "
            "atau kegiatan berkas program (P1, P1.02), kode nomenklatur sub kegiatan seperti di "
            "DPA (2.17.02.1.01.0001).",
            "level": "Jenjang simpul: tujuan, sasaran, program, kegiatan atau sub_kegiatan; untuk "
            "tujuan dan sasaran IKU boleh tidak ditulis.",
            "induk": "Kode simpul induknya: sasaran di bawah tujuan (tanpa induk bila IKU tidak "
            "bertujuan), program di bawah sasaran atau tujuan, kegiatan di bawah program, sub "
            "kegiatan di bawah kegiatan.",
            "uraian": "Nama simpul seperti di dokumen; wajib untuk program, kegiatan dan sub "
            "kegiatan. Tujuan dan sasaran memakai uraian IKU (yang ditulis di sini dibandingkan).",
            "mendukung": "Kode tujuan atau sasaran RPJMD yang didukung simpul ini (satu, atau "
            "daftar); setiap sasaran mendukung sasaran RPJMD, sendiri atau lewat tujuannya.",
            "pemilik": "Kode pejabat pemilik simpul (dari daftar 'pejabat').",
            "indikator": "Indikator simpul dengan target setiap tahun periode. Tujuan dan sasaran "
            "memakai indikator IKU: yang ditulis di sini dibandingkan dengannya.",
            "crosscutting": "Simpul perangkat daerah lain yang didukung simpul ini (crosscutting), "
            "mis. - {instansi: DINKES, kode: S2, peran: ...}.",
            "keterangan": "Catatan tentang simpul ini.",
        },
    ),
    "IndikatorNode": (
        "Indikator simpul",
        "Satu indikator simpul pohon kinerja dengan target setiap tahun periode, dalam notasi "
        "target IKU.",
        {
            "kode": "Kode indikator, unik di pohon kinerja, mis. P1.a; indikator tujuan dan "
            "sasaran memakai kode IKU, mis. S1.1.",
            "bagian_dari": "Kode indikator yang indikator ini menjadi bagiannya (sub-indikator, "
            "komponen indeks): disebut begitu di setiap keluaran, tidak pernah dirata-ratakan.",
        },
    ),
    "CrosscuttingFile": (
        "Crosscutting",
        "Simpul pohon kinerja perangkat daerah lain yang didukung simpul ini.",
        {
            "instansi": "Kode perangkat daerah lain, dari daftar perangkat_daerah RPJMD, mis. "
            "DINKES.",
            "kode": "Kode simpul di pohon kinerja perangkat daerah itu, mis. S2.",
            "peran": "Sumbangan simpul ini, mis. Pangan olahan UMKM yang memenuhi standar keamanan "
            "pangan.",
        },
    ),
    # --- pohon/rpjmd.yaml ---
    "RpjmdFile": (
        "Tujuan dan sasaran RPJMD",
        "Tujuan dan sasaran RPJMD kabupaten/kota dengan indikator dan targetnya (pohon/rpjmd.yaml), "
        "salinan yang dibagikan Bappeda kepada setiap perangkat daerah, agar satu kode berarti "
        "satu sasaran di semua pohon kinerja. Periksa dengan: iku validate.",
        {
            "pemerintah": "Pemerintah daerah (wajib), mis. Kabupaten Tanjung Jabung Barat.",
            "periode": "Periode RPJMD (wajib), mis. {awal: 2021, akhir: 2026}; setiap tahun target "
            "sasaran harus di dalamnya.",
            "status": STATUS,
            "keterangan": KETERANGAN_BERKAS,
            "visi": "Visi kepala daerah seperti di RPJMD.",
            "misi": "Daftar misi RPJMD.",
            "kepala_daerah": "Bupati atau Wali Kota: pihak kedua Perjanjian Kinerja kepala dinas.",
            "tujuan": "Daftar tujuan RPJMD, masing-masing dengan indikatornya.",
            "sasaran": "Daftar sasaran RPJMD (wajib, paling sedikit satu); kodenya dipakai di "
            "'mendukung' pohon kinerja.",
            "perangkat_daerah": "Daftar perangkat daerah kabupaten/kota dengan kodenya, untuk "
            "crosscutting, mis. - {kode: DINKES, nama: Dinas Kesehatan}.",
        },
    ),
    "TujuanRpjmd": (
        "Tujuan RPJMD",
        "Satu tujuan RPJMD dengan indikatornya.",
        {
            "kode": "Kode tujuan, unik di berkas, mis. T2.",
            "uraian": "Uraian tujuan seperti di RPJMD.",
            "indikator": "Daftar indikator tujuan ini, dengan target per tahun.",
        },
    ),
    "SasaranRpjmd": (
        "Sasaran RPJMD",
        "Satu sasaran RPJMD dengan indikatornya; sasaran perangkat daerah mendukungnya.",
        {
            "kode": "Kode sasaran, unik di berkas, mis. SR2.1; dipakai di 'mendukung' pohon "
            "kinerja.",
            "uraian": "Uraian sasaran seperti di RPJMD.",
            "indikator": "Daftar indikator sasaran ini, dengan target setiap tahun periode RPJMD.",
            "tujuan": "Kode tujuan RPJMD (dari daftar 'tujuan') yang didukung sasaran ini.",
        },
    ),
    "PerangkatDaerah": (
        "Perangkat daerah",
        "Satu perangkat daerah kabupaten/kota, dengan kodenya untuk crosscutting.",
        {
            "kode": "Kode perangkat daerah, unik di berkas, mis. DINKES; sama dengan 'instansi' di "
            "pohon kinerjanya.",
            "nama": "Nama perangkat daerah, mis. Dinas Kesehatan.",
        },
    ),
}
