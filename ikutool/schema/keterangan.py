"""What every key of every file means, in Indonesian: the text an editor shows beside a key.

One table per model (by class name; for the parts of a file read by hand after the model, by the
name the schema gives them): its title, what it is, and each field. This module holds the IKU
file's tables, the workspace's (``ikutool.yaml``), the texts several files share and the shapes of
values; the files of a year (realisasi, pk, renaksi, program, anggaran, tindak lanjut) are in
:mod:`ikutool.schema.keterangan_tahun`, the pohon kinerja's and the RPJMD's in
:mod:`ikutool.schema.keterangan_pohon`. Kept beside the models rather than inside them, so that
the file-reading code stays short; ``tests/test_schema.py`` checks that every field of every model
the schemas describe has its text in one of them, and that nothing there names a field that no
longer exists.
"""

from __future__ import annotations

STATUS = (
    "Status berkas: contoh (angka ilustrasi; setiap keluaran menyebutnya), sementara (belum "
    "diverifikasi) atau final (sudah diverifikasi)."
)
KETERANGAN_BERKAS = "Catatan tentang berkas ini (tidak dihitung)."
POLARITAS = "positif (bawaan): makin tinggi makin baik; negatif: makin rendah makin baik."
AGREGASI = (
    "Cara realisasi triwulan menjadi angka tahunan: kumulatif (dijumlah), akhir (nilai triwulan "
    "terakhir) atau rata_rata (rata-rata triwulan). Wajib ditulis untuk persentase, indeks, rasio "
    "dan predikat yang diisi per triwulan; tanpa itu jumlah dan rupiah dijumlah."
)
EFISIENSI = (
    "Rumus efisiensi per sasaran: rasio (bawaan; capaian / serapan × 100), selisih (capaian − "
    "serapan, dalam poin) atau sisa (anggaran yang dihemat bila capaian ≥ 100 %)."
)
SASARAN_PROGRAM = (
    "Kode sasaran di IKU yang didukung program ini: satu (sasaran: S1) atau daftar "
    "(sasaran: [S1, S2])."
)

# model (or part) name -> (title, description, {field: description})
TABEL: dict[str, tuple[str, str, dict[str, str]]] = {
    # --- the IKU file ---
    "Iku": (
        "Berkas IKU",
        "Indikator Kinerja Utama satu instansi untuk satu periode Renstra: instansi, periode, "
        "sasaran dan indikatornya dengan target per tahun, ditulis seperti di dokumen. Periksa "
        "dengan: iku validate.",
        {
            "instansi": "Identitas instansi (wajib; paling sedikit nama).",
            "periode": "Periode Renstra, mis. {awal: 2025, akhir: 2029}; setiap tahun target "
            "harus di dalamnya.",
            "visi": "Visi instansi seperti di dokumen (untuk LKjIP).",
            "misi": "Daftar misi instansi.",
            "tugas_fungsi": "Daftar tugas dan fungsi instansi.",
            "landasan_hukum": "Daftar dasar hukum yang dikutip dokumen.",
            "bidang": "Daftar bidang instansi (opsional). Bila ada, 'bidang' setiap indikator "
            "harus salah satu kunci atau nama ini; dipakai untuk --bidang dan laporan per bidang.",
            "rumus_negatif": "Rumus capaian indikator berpolaritas negatif: selisih (bawaan; "
            "(2 × target − realisasi) / target × 100) atau kebalikan (target / realisasi × 100).",
            "skala": "Skala kategori capaian: permendagri86 (bawaan), permenpanrb53, atau skala "
            "sendiri {nama, tingkat}.",
            "target_nol": "Target nol pada indikator negatif ('0 kasus'): biner (bawaan; "
            "realisasi 0 = 100, di atasnya 0) atau tidak_dihitung (tanpa capaian).",
            "maks_indikator_per_sasaran": "Aturan instansi untuk iku validate --mutu: paling "
            "banyak sekian indikator per sasaran.",
            "predikat": "Skala predikat milik berkas ini, dari yang terendah, mis. "
            "{nama: kla, urutan: [Pratama, Madya, Nindya, Utama, Paripurna]}.",
            "tujuan": "Daftar tujuan di atas sasaran, dengan indikatornya sendiri (diukur, tidak "
            "dirata-ratakan).",
            "sasaran": "Daftar sasaran (wajib, paling sedikit satu), masing-masing dengan "
            "indikatornya.",
        },
    ),
    "Instansi": (
        "Instansi",
        "Identitas instansi seperti di dokumen.",
        {
            "nama": "Nama instansi seperti di dokumen (wajib).",
            "singkatan": "Singkatan nama instansi, mis. Dinas Kopperindag.",
            "pemerintah": "Pemerintah daerahnya, mis. Kabupaten Tanjung Jabung Barat.",
            "alamat": "Alamat kantor.",
            "kota": "Kota tempat dokumen ditandatangani.",
            "telepon": "Nomor telepon kantor (dalam tanda kutip).",
            "kepala": "Kepala instansi, untuk blok tanda tangan laporan.",
        },
    ),
    "Kepala": (
        "Kepala",
        "Kepala instansi (berkas IKU) atau kepala daerah (RPJMD), untuk blok tanda tangan.",
        {
            "nama": "Nama kepala (wajib di bagian ini).",
            "jabatan": "Jabatan, mis. Kepala Dinas Contoh Kabupaten Contoh, atau Bupati Contoh.",
            "pangkat": "Pangkat/golongan, mis. Pembina Tk. I / IV.b.",
            "nip": 'NIP, selalu dalam tanda kutip, mis. "19700101 199503 1 001".',
        },
    ),
    "Periode": (
        "Periode Renstra",
        "Tahun pertama dan terakhir periode Renstra.",
        {
            "awal": "Tahun pertama periode Renstra, mis. 2025.",
            "akhir": "Tahun terakhir periode Renstra; targetnya adalah target akhir.",
        },
    ),
    "Bidang": (
        "Bidang",
        "Satu bidang instansi.",
        {
            "kunci": "Kunci singkat bidang, dipakai di 'bidang' indikator dan --bidang, mis. UKM.",
            "nama": "Nama bidang seperti di dokumen.",
        },
    ),
    "Skala": (
        "Skala kategori sendiri",
        "Skala kategori milik instansi: nama dan tingkatnya, dicoba dari atas.",
        {
            "nama": "Nama skala, tampil di keluaran.",
            "tingkat": "Tingkat kategori, dicoba dari atas; yang pertama cocok dipakai.",
        },
    ),
    "Tingkat": (
        "Tingkat kategori",
        "Satu tingkat skala kategori, mis. {label: Baik, minimal: 85}.",
        {
            "label": "Nama kategori, mis. Sangat Baik.",
            "lebih_dari": "Capaian harus lebih dari angka ini.",
            "minimal": "Capaian paling sedikit angka ini.",
            "warna": "Warna kategori di terminal, mis. green, yellow, red.",
        },
    ),
    "SkalaPredikat": (
        "Skala predikat",
        "Skala predikat milik berkas ini, dari yang terendah.",
        {
            "nama": "Nama skala (bukan opini_bpk atau predikat_sakip, yang sudah ada), dipakai "
            "di 'skala_predikat' indikator.",
            "urutan": "Predikat dari yang terendah sampai yang tertinggi (paling sedikit dua).",
        },
    ),
    "Tujuan": (
        "Tujuan",
        "Tujuan di atas sasaran, dengan indikatornya sendiri: diukur, tidak dirata-ratakan.",
        {
            "kode": "Kode tujuan, unik di berkas, mis. T1.",
            "uraian": "Uraian tujuan seperti di dokumen.",
            "indikator": "Daftar indikator tujuan ini.",
        },
    ),
    "Sasaran": (
        "Sasaran",
        "Satu sasaran dengan indikatornya.",
        {
            "kode": "Kode sasaran, unik di berkas, mis. S1.",
            "uraian": "Uraian sasaran seperti di dokumen.",
            "jenis": "sasaran (bawaan; dirata-ratakan) atau kelompok (aspek atau komponen sebuah "
            "indeks: indikatornya diukur, tetapi tidak punya capaian sendiri).",
            "tujuan": "Kode tujuan (dari daftar 'tujuan') yang didukung sasaran ini.",
            "indikator": "Daftar indikator sasaran ini.",
        },
    ),
    "Indikator": (
        "Indikator",
        "Satu indikator kinerja dengan target per tahun.",
        {
            "kode": "Kode indikator, unik di berkas, mis. S1.1; kode indikator IKU ditulis persis "
            "sama di berkas realisasi, PK dan rencana aksi.",
            "uraian": "Uraian indikator seperti di dokumen.",
            "polaritas": POLARITAS,
            "rumus_negatif": "Rumus negatif indikator ini, menimpa rumus berkas: selisih atau "
            "kebalikan.",
            "satuan": "Satuan untuk target yang ditulis sebagai angka saja, mis. hari.",
            "penanggung_jawab": "Unit atau pejabat penanggung jawab.",
            "bidang": "Bidang indikator: kunci atau nama dari daftar 'bidang'.",
            "sumber_data": "Sumber data realisasi, mis. Survei kepuasan masyarakat.",
            "keterangan": "Catatan tentang indikator ini.",
            "definisi": "Manual IKU: definisi indikator.",
            "alasan": "Manual IKU: alasan indikator ini dipilih.",
            "formula": "Manual IKU: cara menghitung, mis. (jumlah kematian bayi / jumlah "
            "kelahiran hidup) x 1.000.",
            "penyedia_data": "Manual IKU: unit penyedia data.",
            "frekuensi": "Manual IKU: frekuensi pengukuran: tahunan, semesteran, triwulanan atau "
            "bulanan.",
            "kondisi_awal": "Kondisi awal Renstra: tahun dan nilai dalam notasi target, mis. "
            '{tahun: 2015, nilai: "8,2 per 1.000 KH"}, atau nilai N/A.',
            "bobot": "Bobot dalam rata-rata sasaran (bawaan 1; 0: tampil, tidak dihitung; paling "
            "besar 1.000).",
            "agregasi_triwulan": AGREGASI,
            "skala_predikat": "Skala target predikat: opini_bpk, predikat_sakip, atau nama skala "
            "di daftar 'predikat' berkas ini.",
            "capaian_predikat": "Capaian target predikat: peringkat (bawaan; peringkat realisasi / "
            "peringkat target × 100) atau biner (100 bila tercapai, 0 bila tidak).",
            "komponen": "Nama komponen target menurut urutannya di teks target, mis. "
            "- {kunci: ekspor, uraian: Pertumbuhan nilai ekspor}.",
            "target": 'Target per tahun, ditulis seperti di dokumen, mis. 2025: "80 %", 2026: '
            '"15 Kop/ 25 UKM", 2027: "80-90 %", 2028: "-" (tidak ada target).',
        },
    ),
    "KomponenDef": (
        "Nama komponen",
        "Nama satu komponen target, menurut urutannya di teks target.",
        {
            "kunci": "Kunci komponen, dipakai di berkas realisasi, mis. ekspor.",
            "uraian": "Nama komponen untuk keluaran, mis. Pertumbuhan nilai ekspor.",
        },
    ),
    "KondisiAwal": (
        "Kondisi awal",
        "Kondisi awal (baseline) Renstra.",
        {
            "tahun": "Tahun kondisi awal, mis. 2015.",
            "nilai": 'Nilai dalam notasi target, mis. "45 %", atau N/A bila dokumen tidak '
            "menyebutnya.",
        },
    ),
    "Target": (
        "Target (bentuk rinci)",
        "Target yang ditulis per komponen, bukan sebagai teks.",
        {
            "teks": "Teks target seperti ditulis (disusun sendiri dari komponennya bila kosong).",
            "komponen": 'Komponen target, mis. - {kunci: ekspor, jumlah: 7, satuan: "%"}.',
            "catatan": "Catatan, tampil di samping target.",
        },
    ),
    "Komponen": (
        "Komponen target",
        'Satu besaran target, mis. {kunci: ekspor, jumlah: 7, satuan: "%"}.',
        {
            "kunci": "Kunci komponen (tanpa ini: dari daftar 'komponen' indikator, atau dari "
            "satuannya), dipakai di berkas realisasi.",
            "jumlah": 'Angka target, mis. 7, atau dalam format Indonesia: "7,14", "1.234".',
            "jumlah_maks": "Batas atas target rentang (80-90 %: jumlah 80, jumlah_maks 90).",
            "satuan": "Satuan, mis. %, Kop, orang.",
            "persen": "true bila satuannya persen (biasanya ditentukan dari satuannya).",
            "jenis": "angka (bawaan), rasio, rupiah atau predikat.",
            "batas": "Target satu sisi: min (minimal 80 %) atau maks (maksimal 5 hari).",
            "rasio_dari": "Suku pertama rasio (1 pada 1:30); 'jumlah' adalah suku keduanya.",
            "predikat": "Label predikat target, mis. WTP.",
            "teks": "Komponen seperti ditulis.",
        },
    ),
    # --- ikutool.yaml ---
    "WorkspaceConfig": (
        "Berkas ruang kerja (ikutool.yaml)",
        "Tempat berkas-berkas satu instansi. Jalur ditulis relatif terhadap folder ruang kerja; "
        "semua kunci opsional.",
        {
            "nama": "Nama ruang kerja (catatan untuk pembaca berkas).",
            "iku": "Berkas IKU (bawaan: iku.yaml).",
            "realisasi": "Folder realisasi, realisasi/<tahun>.yaml (bawaan: realisasi).",
            "pk": "Folder Perjanjian Kinerja, pk/<tahun>.yaml (bawaan: pk).",
            "anggaran": "Folder anggaran bentuk lama, anggaran/<tahun>.yaml (bawaan: anggaran).",
            "renaksi": "Folder rencana aksi, renaksi/<tahun>.yaml (bawaan: renaksi).",
            "program": "Folder program dan kegiatan, program/<tahun>.yaml (bawaan: program).",
            "tindak_lanjut": "Register tindak lanjut evaluasi (bawaan: tindak-lanjut.yaml).",
            "pohon": "Pohon kinerja (bawaan: pohon/pohon.yaml); tanpa berkas itu tidak ada yang "
            "berubah.",
            "rpjmd": "Tujuan dan sasaran RPJMD, salinan dari Bappeda (bawaan: pohon/rpjmd.yaml).",
        },
    ),
}

# the shapes of values the schemas share (their definitions): title, description
NILAI: dict[str, tuple[str, str]] = {
    "Angka": (
        "Angka",
        'Angka YAML (2750, 6.5) atau teks format Indonesia: "6,5", "1.234", "1.234,5", '
        '"7,14 %". Awas: 2.750 tanpa tanda kutip dibaca YAML sebagai 2,75.',
    ),
    "Rupiah": (
        "Rupiah",
        'Jumlah rupiah: "Rp 1.250.000.000", "Rp 1,5 miliar", "1.250.000.000" atau 1250000000 '
        '("Rp 1,5 M" ditolak: M bisa berarti miliar atau juta).',
    ),
    "SelTarget": (
        "Target",
        'Target seperti tercetak di dokumen: "25 Kop", "7% dan 17%", "80-90 %", "minimal 80 %", '
        '"maksimal 5 hari", "1:30", "Rp 1,5 miliar", "WTP", "12 Puskesmas (catatan)"; "-" bila '
        "tidak ada target. Angka format Indonesia (7,14; 1.234).",
    ),
    "NilaiRealisasi": (
        "Nilai realisasi",
        'Angka (58, "6,5", "1.234", "7,14 %"), dalam bentuk targetnya untuk rasio, rupiah dan '
        'predikat ("1:24", "Rp 1,2 miliar", "WDP"), atau kosong (null) bila belum ada.',
    ),
}
