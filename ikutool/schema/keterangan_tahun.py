"""What every key of the files of a year means, in Indonesian: realisasi, Perjanjian Kinerja,
rencana aksi, program and kegiatan, the older anggaran files, and the tindak-lanjut register. The
same tables as :mod:`ikutool.schema.keterangan` (the IKU file and the workspace's), kept apart as
their own family.
"""

from __future__ import annotations

from ikutool.schema.keterangan import (
    AGREGASI,
    EFISIENSI,
    KETERANGAN_BERKAS,
    POLARITAS,
    SASARAN_PROGRAM,
    STATUS,
)

# model (or part) name -> (title, description, {field: description})
TABEL: dict[str, tuple[str, str, dict[str, str]]] = {
    # --- realisasi/<tahun>.yaml ---
    "RealisasiFile": (
        "Berkas realisasi",
        "Realisasi IKU satu tahun (realisasi/<tahun>.yaml), diperiksa terhadap berkas IKU. "
        "Periksa dengan: iku validate.",
        {
            "tahun": "Tahun realisasi; sama dengan tahun di nama berkas (2025.yaml) dan di dalam "
            "periode IKU.",
            "status": STATUS,
            "keterangan": KETERANGAN_BERKAS,
            "sumber": "Sumber data seluruh berkas.",
            "realisasi": "Realisasi per kode indikator, kode persis seperti di IKU: angka (S1.2: "
            '58), per komponen (S3.2: {ekspor: "6,5", impor: 19}), atau rinci {nilai, catatan, '
            "sumber, triwulan, pembanding, analisis}.",
        },
    ),
    "Realisasi": (
        "Realisasi satu indikator",
        'Realisasi satu indikator: angka (58, "6,5", "7,14 %"; dalam bentuk targetnya untuk '
        'rasio dan predikat: "1:24", "WDP"), per komponen {kunci: angka}, atau rinci.',
        {},
    ),
    "RealisasiRinci": (
        "Realisasi rinci",
        "Realisasi satu indikator dengan catatan, sumber, triwulan, pembanding atau analisis.",
        {
            "nilai": 'Realisasi tahunan: angka, atau per komponen {ekspor: "6,5", impor: 19}.',
            "catatan": "Catatan petugas tentang realisasi ini.",
            "sumber": "Sumber data realisasi ini.",
            "triwulan": "Realisasi per triwulan, mis. {I: 10, II: 12, III: 11, IV: 9}; digabung "
            "menurut agregasi_triwulan indikatornya.",
            "pembanding": "Pembanding untuk LKjIP: standar nasional, provinsi atau SPM.",
            "analisis": "Uraian petugas untuk LKjIP: pendorong, penghambat, solusi, program.",
        },
    ),
    "Pembanding": (
        "Pembanding",
        "Standar nasional, provinsi atau SPM untuk dibandingkan dengan realisasi (LKjIP).",
        {
            "nilai": "Angka pembanding, atau per komponen {kunci: angka}.",
            "tingkat": "nasional, provinsi atau spm.",
            "sumber": "Sumber angka pembanding.",
            "tahun": "Tahun angka pembanding.",
        },
    ),
    "Analisis": (
        "Analisis",
        "Kata-kata petugas untuk LKjIP, disalin apa adanya, tidak pernah dikarang.",
        {
            "pendorong": "Faktor pendorong keberhasilan.",
            "penghambat": "Faktor penghambat.",
            "solusi": "Langkah pemecahan masalah.",
            "program": "Program atau kegiatan yang menunjang.",
        },
    ),
    # --- pk/<tahun>.yaml ---
    "PkFile": (
        "Berkas Perjanjian Kinerja",
        "Target Perjanjian Kinerja satu tahun (pk/<tahun>.yaml) yang berbeda dari target "
        "Renstra, ditulis dengan notasi target yang sama dan komponen yang sama.",
        {
            "tahun": "Tahun PK; sama dengan tahun di nama berkas.",
            "daftar_lengkap": "ya: berkas ini memuat semua indikator PK yang ditandatangani "
            "(juga yang targetnya sama dengan Renstra); bawaan tidak.",
            "status": STATUS,
            "ditandatangani": "Tanggal PK ditandatangani, TAHUN-BULAN-HARI, mis. 2019-01-15.",
            "keterangan": KETERANGAN_BERKAS,
            "target": 'Target PK per kode indikator, mis. S1.2: "55 org"; hanya yang berbeda '
            "dari target Renstra.",
            "perubahan": "PK perubahan di tengah tahun: daftar {tanggal, target}; untuk setiap "
            "indikator, perubahan terakhir yang berlaku.",
        },
    ),
    "Perubahan": (
        "PK perubahan",
        "Satu perubahan PK: tanggalnya dan target yang diubahnya.",
        {
            "tanggal": "Tanggal perubahan, TAHUN-BULAN-HARI, mis. 2019-07-01.",
            "keterangan": "Catatan tentang perubahan ini.",
            "target": 'Target yang diubah, per kode indikator, mis. {S1.2: "50 org"}.',
        },
    ),
    # --- renaksi/<tahun>.yaml ---
    "RenaksiFile": (
        "Berkas rencana aksi",
        "Target setiap indikator per triwulan (renaksi/<tahun>.yaml), dan rencana kegiatan serta "
        "catatan per triwulan.",
        {
            "tahun": "Tahun rencana aksi; sama dengan tahun di nama berkas.",
            "status": STATUS,
            "keterangan": KETERANGAN_BERKAS,
            "target": "Target per kode indikator per triwulan, dalam notasi target, mis. S1.1: "
            '{I: "10 UMKM", II: "20 UMKM", III: "30 UMKM", IV: "40 UMKM"}; angka saja memakai '
            "satuan target tahunannya.",
            "aksi": "Rencana kegiatan per kode indikator per triwulan, mis. S1.1: "
            '{I: "Pendataan UMKM"}.',
            "catatan": "Kendala dan tindak lanjut per kode indikator per triwulan, mis. S1.1: "
            '{II: "Pelatihan mundur ke Juli"}.',
        },
    ),
    # --- program/<tahun>.yaml ---
    "ProgramFile": (
        "Berkas program dan kegiatan",
        "Program instansi satu tahun (program/<tahun>.yaml), dikaitkan dengan sasaran, dengan "
        "kegiatan, indikator dan anggarannya (formulir E.81, serapan dan efisiensi di LKjIP).",
        {
            "tahun": "Tahun program; sama dengan tahun di nama berkas.",
            "status": STATUS,
            "efisiensi": EFISIENSI,
            "keterangan": KETERANGAN_BERKAS,
            "program": "Daftar program.",
            "evaluasi": "Kata-kata petugas untuk kaki formulir E.81.",
        },
    ),
    "KegiatanFile": (
        "Sub kegiatan",
        "Satu sub kegiatan (jenjang DPA), dengan indikator keluarannya dan anggarannya; kuncinya "
        "sama dengan kegiatan.",
        {
            "kode": "Kode kegiatan, mis. P1.01; kode sub kegiatan adalah kode nomenklatur seperti "
            "di DPA, mis. 2.17.02.1.01.0001.",
            "nama": "Nama kegiatan atau sub kegiatan.",
            "pagu": 'Pagu tahun ini (E.81 kolom 7 Rp), mis. "Rp 750.000.000".',
            "pagu_renstra": "Pagu seluruh periode Renstra (kolom 5 Rp).",
            "realisasi_rp_sd_tahun_lalu": "Realisasi Rp s.d. tahun lalu (kolom 6 Rp).",
            "realisasi_rp": 'Realisasi Rp per triwulan, mis. {I: "Rp 100.000.000", '
            'II: "Rp 190.500.000"}.',
            "realisasi": "Realisasi Rp setahun, bila tidak ditulis per triwulan.",
            "unit": "Unit penanggung jawab (E.81 dan E.80 kolom terakhir), mis. Bidang UKM. "
            "Bila tidak ditulis: unit programnya; untuk program: bidang indikator sasarannya "
            "bila semuanya satu bidang.",
            "penanggung_jawab": "Nama lama untuk 'unit' (sama artinya; tulis salah satu).",
            "keterangan": "Catatan.",
            "indikator": "Indikator keluaran (output).",
        },
    ),
    "KegiatanItemFile": (
        "Kegiatan",
        "Satu kegiatan program, dengan indikator keluarannya, anggarannya dan sub kegiatannya.",
        {
            "pagu": 'Pagu kegiatan tahun ini (E.81 kolom 7 Rp), mis. "Rp 750.000.000"; tanpa ini '
            "dijumlah dari sub kegiatannya.",
            "realisasi_rp": 'Realisasi Rp per triwulan, mis. {I: "Rp 100.000.000", '
            'II: "Rp 190.500.000"}; tanpa ini dijumlah dari sub kegiatannya.',
            "sub_kegiatan": "Daftar sub kegiatan kegiatan ini (jenjang DPA), dengan kunci yang sama "
            "dengan kegiatan: kode nomenklatur, nama, pagu, realisasi Rp, indikator.",
        },
    ),
    "ProgramItemFile": (
        "Program",
        "Satu program, dikaitkan dengan sasaran, dengan indikator hasilnya, kegiatannya dan "
        "anggarannya.",
        {
            "kode": "Kode program, mis. P1.",
            "nama": "Nama program.",
            "pagu": 'Pagu program tahun ini, mis. "Rp 1.250.000.000"; tanpa ini dijumlah dari '
            "kegiatannya.",
            "realisasi_rp": "Realisasi Rp per triwulan; tanpa ini dijumlah dari kegiatannya.",
            "indikator": "Indikator hasil (outcome) program.",
            "sasaran": SASARAN_PROGRAM,
            "kegiatan": "Daftar kegiatan program.",
        },
    ),
    "IndikatorProgramFile": (
        "Indikator program atau kegiatan",
        "Satu indikator program (hasil) atau kegiatan (keluaran), satu besaran.",
        {
            "kode": "Kode indikator, unik di berkas, mis. P1.a.",
            "uraian": "Uraian indikator.",
            "polaritas": POLARITAS,
            "satuan": "Satuan untuk target yang ditulis sebagai angka saja.",
            "target": 'Target tahun ini (Renja, E.81 kolom 7), satu besaran, mis. "10 %".',
            "target_akhir": "Target akhir periode Renstra (kolom 5).",
            "realisasi_sd_tahun_lalu": 'Realisasi s.d. tahun lalu (kolom 6), mis. "8 %".',
            "agregasi_triwulan": AGREGASI,
            "realisasi": 'Realisasi per triwulan dalam bentuk targetnya, mis. {I: "2 %", '
            'II: "5 %"}.',
        },
    ),
    "EvaluasiCatatan": (
        "Catatan evaluasi E.81 dan E.80",
        "Kata-kata petugas untuk kaki formulir E.81 (dan E.80, dari berkas program terakhir); "
        "yang tidak ditulis tampil sebagai [diisi: ...].",
        {
            "faktor_pendorong": "Faktor pendorong keberhasilan pencapaian.",
            "faktor_penghambat": "Faktor penghambat pencapaian.",
            "tindak_lanjut_triwulan": "Tindak lanjut yang diperlukan pada triwulan berikutnya.",
            "tindak_lanjut_renja": "Tindak lanjut yang diperlukan pada Renja berikutnya.",
            "tindak_lanjut_renstra": "Tindak lanjut yang diperlukan pada Renstra berikutnya "
            "(kaki formulir E.80).",
        },
    ),
    # --- anggaran/<tahun>.yaml ---
    "AnggaranFile": (
        "Berkas anggaran (bentuk lama)",
        "Pagu dan realisasi per program satu tahun (anggaran/<tahun>.yaml), untuk tahun yang "
        "belum punya berkas program.",
        {
            "tahun": "Tahun anggaran; sama dengan tahun di nama berkas.",
            "status": STATUS,
            "efisiensi": EFISIENSI,
            "keterangan": KETERANGAN_BERKAS,
            "program": "Daftar program dengan pagu dan realisasinya.",
        },
    ),
    "Program": (
        "Program (anggaran)",
        "Pagu dan realisasi satu program.",
        {
            "kode": 'Kode program (opsional), dalam tanda kutip, mis. "2.17.01.15".',
            "nama": "Nama program.",
            "sasaran": SASARAN_PROGRAM,
            "pagu": 'Pagu program, mis. 1250000000 atau "1.250.000.000".',
            "realisasi": "Realisasi anggaran program.",
            "keterangan": "Catatan.",
        },
    ),
    # --- tindak-lanjut.yaml ---
    "TindakLanjutFile": (
        "Register tindak lanjut evaluasi",
        "Rekomendasi setiap evaluasi SAKIP (LHE) dan tindak lanjutnya (tindak-lanjut.yaml), "
        "untuk perkiraan LKE.",
        {
            "status": STATUS,
            "evaluasi": "Daftar evaluasi (LHE), masing-masing dengan rekomendasinya.",
        },
    ),
    "Evaluasi": (
        "Evaluasi (LHE)",
        "Satu Laporan Hasil Evaluasi dan rekomendasinya.",
        {
            "tahun": "Tahun yang dievaluasi.",
            "lhe": 'Nomor atau judul LHE, mis. "LHE AKIP Nomor 700/123/2020".',
            "nilai": 'Nilai evaluasi dalam LHE, mis. "65,2".',
            "predikat": "Predikat evaluasi, mis. B.",
            "rekomendasi": "Daftar rekomendasi LHE.",
        },
    ),
    "Rekomendasi": (
        "Rekomendasi",
        "Satu rekomendasi evaluasi dan tindak lanjutnya.",
        {
            "uraian": "Isi rekomendasi.",
            "rencana": "Rencana tindak lanjut.",
            "penanggung_jawab": "Unit penanggung jawab tindak lanjut.",
            "status": "Belum, Proses atau Tuntas.",
            "bukti": "Bukti tindak lanjut, mis. nama dokumennya.",
            "batas_waktu": "Batas waktu tindak lanjut.",
        },
    ),
}
