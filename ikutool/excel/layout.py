"""The realisasi workbook's layout, shared by the writer (``excel/template.py``) and the reader
(``excel/workbook.py``): its columns and header row, the hidden sheet that identifies the IKU and
year it was made for (and the values its cells were made with), and the IKU's fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from ikutool.excel.kendala import KENDALA, KENDALA_HEADER
from ikutool.model.iku import Iku
from ikutool.model.quarters import QUARTERS

META_SHEET = "_ikutool"
META_KIND = "ikutool-templat-realisasi"
# 2: the values each cell was made with (the "asal" rows), for the 3-way import; 3: the kendala
# columns (the rencana aksi's catatan per quarter). A version-2 workbook is still read (it simply
# has no kendala cells); an older ikutool refuses a version-3 one rather than drop its kendala
META_VERSION = 3
READ_VERSIONS = (2, 3)
ASAL_ROW = 40  # where those rows start on the hidden sheet


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    field: str | None  # what the column fills (None: read-only); see workbook.FIELDS
    per: str = "row"  # "row": every component row; "indikator": the indicator's first row only


COLUMNS = [
    Column("No", 5, None),
    Column("Kode", 8, None),
    Column("Indikator", 34, None),
    Column("Komponen", 22, None),
    Column("Kunci komponen", 14, None),  # hidden: how impor finds the component
    Column("Satuan", 11, None),
    Column("Target", 11, None),
    # the rencana aksi's quarter targets (read-only: the plan is the officer's, signed with the PK)
    Column("Target TW I", 10, None),
    Column("Target TW II", 10, None),
    Column("Target TW III", 10, None),
    Column("Target TW IV", 10, None),
    Column("Realisasi", 12, "nilai"),
    Column("Triwulan I", 11, "triwulan.I"),
    Column("Triwulan II", 11, "triwulan.II"),
    Column("Triwulan III", 11, "triwulan.III"),
    Column("Triwulan IV", 11, "triwulan.IV"),
    Column("Catatan", 24, "catatan", "indikator"),
    # the quarter's kendala and tindak lanjut: the rencana aksi's catatan (renaksi/<tahun>.yaml),
    # shown in Tabel 2 of the quarterly report
    *[Column(f"{KENDALA_HEADER} TW {q}", 22, f"{KENDALA}{q}", "indikator") for q in QUARTERS],
    Column("Sumber data", 16, "sumber", "indikator"),
    Column("Pembanding", 16, "pembanding.nilai"),
    Column("Tingkat pembanding", 16, "pembanding.tingkat", "indikator"),
    Column("Sumber pembanding", 18, "pembanding.sumber", "indikator"),
    Column("Faktor pendorong", 24, "analisis.pendorong", "indikator"),
    Column("Faktor penghambat", 24, "analisis.penghambat", "indikator"),
    Column("Solusi", 24, "analisis.solusi", "indikator"),
    Column("Program/kegiatan", 24, "analisis.program", "indikator"),
]


HEADER_ROW = 6
HIDDEN = ("Kunci komponen",)
GUIDE_SHEET = "Petunjuk"


def iku_fingerprint(iku: Iku) -> str:
    """A hash of what the workbook's rows depend on: the codes, targets, component keys and
    forms, and how quarters make a year.

    Cosmetic edits of the IKU file (comments, spacing, the instansi's address) keep it; a
    changed code, target, component or quarter rule makes an old workbook refuse to import."""
    rows = []
    for sas in iku.groups():
        for ind in sas.indikator:
            targets = {
                str(y): [
                    (c.kunci, c.jumlah, c.jumlah_maks, c.satuan, c.jenis, c.rasio_dari, c.predikat)
                    for c in t.komponen
                ]
                for y, t in sorted(ind.target.items())
                if t is not None
            }
            rule = ind.agregasi_triwulan
            rows.append([sas.kode, ind.kode, ind.polaritas, targets, rule, ind.skala_predikat])
    canonical = json.dumps([iku.periode.awal, iku.periode.akhir, rows], sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
