"""Findings (errors and warnings about a user's input) and the one user-error type.

Every problem with a user's file becomes a :class:`Finding` carrying a stable code, the file, line,
column, the path inside the document and a message in Bahasa Indonesia. :class:`IkuError` carries
one or more findings up to the CLI, which is the only place that turns them into output and an
exit code. Anything else that escapes is a bug in the tool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ikutool import lazyre


class Severity(StrEnum):
    ERROR = "galat"
    WARNING = "peringatan"


# Stable codes: documented in docs/kode-galat.md (a test checks that every code is there).
CODES: dict[str, str] = {
    # Reading the file
    "IKU101": "berkas tidak ditemukan atau tidak dapat dibaca",
    "IKU102": "berkas bukan UTF-8",
    "IKU103": "sintaks YAML tidak sah",
    "IKU104": "kunci YAML ganda",
    "IKU105": "berkas terlalu besar atau alias berlebihan",
    "IKU106": "berkas kosong",
    "IKU107": "angka YAML yang mungkin salah baca",
    "IKU108": "bukan berkas YAML (Excel, CSV, Word, PDF)",
    "IKU109": "terlalu banyak galat untuk diuraikan satu per satu",
    "IKU110": "daftar dalam berkas terlalu panjang",
    # The IKU definition
    "IKU201": "kunci tidak dikenal",
    "IKU202": "kolom wajib tidak ada",
    "IKU203": "tipe nilai salah",
    "IKU204": "tahun di luar periode",
    "IKU205": "kode ganda",
    "IKU206": "kunci komponen bentrok",
    "IKU207": "teks target tidak dapat dibaca",
    "IKU208": "bidang tidak dideklarasikan",
    "IKU209": "nilai tidak sah",
    "IKU210": "komponen target PK berbeda dari target Renstra",
    "IKU251": "satuan mirip atau sama maksudnya tetapi ditulis berbeda",
    "IKU252": "indikator tanpa target",
    "IKU253": "sasaran tanpa indikator",
    "IKU254": "jumlah komponen berbeda dari daftar komponen indikator",
    "IKU255": "target nol atau negatif",
    "IKU256": "polaritas tidak ditulis untuk indikator yang biasanya makin rendah makin baik",
    "IKU257": "mutu: target di bawah realisasi tahun sebelumnya",
    "IKU258": "mutu: satuan berubah antar tahun atau antara PK dan Renstra",
    "IKU259": "mutu: indikator per sasaran melebihi aturan instansi",
    "IKU260": "mutu: Manual IKU belum lengkap",
    "IKU261": "mutu: target tidak ada untuk sebagian tahun periode",
    "IKU262": "mutu: target lebih ringan dari target tahun sebelumnya",
    # Realisasi files
    "IKU301": "kode indikator tidak dikenal",
    "IKU302": "kunci komponen tidak dikenal",
    "IKU303": "nilai bukan angka",
    "IKU304": "hitungan negatif",
    "IKU305": "tahun berbeda dengan nama berkas",
    "IKU306": "dua berkas untuk satu tahun",
    "IKU307": "tahun realisasi di luar periode",
    "IKU308": "realisasi untuk tahun itu tidak ada",
    "IKU309": "komponen belum diisi",
    "IKU310": "nilai tahunan berbeda dari hasil triwulan",
    "IKU311": "realisasi berstatus final belum lengkap",
    "IKU312": "satuan yang ditulis berbeda dari satuan target (mis. tanda % pada komponen yang bukan persentase)",
    "IKU313": "komentar menyebut nilai yang baru diganti",
    "IKU314": "anggaran: realisasi melebihi pagu",
    "IKU315": "anggaran: program tanpa sasaran",
    "IKU316": "realisasi untuk indikator tanpa target tahun itu",
    "IKU317": "pecahan pada satuan hitungan (angka yang mungkin salah baca)",
    "IKU318": "isian buku kerja bertabrakan dengan perubahan di berkas sejak buku kerja dibuat",
    "IKU319": "realisasi triwulan tanpa aturan agregasi untuk persentase, indeks, rasio atau predikat",
    "IKU320": "triwulan belum lengkap pada berkas yang bukan sementara",
    "IKU321": "target triwulan rencana aksi tidak cocok dengan target tahunan",
    # Pohon kinerja (pohon.yaml, rpjmd.yaml)
    "IKU601": "pohon kinerja: simpul tanpa induk",
    "IKU602": "pohon kinerja: jenjang simpul tidak sesuai induknya, atau induk berputar",
    "IKU603": "pohon kinerja: kode simpul, pejabat atau sasaran RPJMD tidak dikenal",
    "IKU604": "pohon kinerja: sasaran perangkat daerah tidak mendukung sasaran RPJMD",
    "IKU605": "pohon kinerja: sasaran, program, kegiatan atau sub kegiatan tidak tergantung di pohon",
    "IKU606": "pohon kinerja: indikator berbeda dari IKU, PK atau berkas program",
    "IKU607": "mutu pohon kinerja: simpul tanpa indikator atau tanpa target sebagian tahun",
    "IKU608": "mutu pohon kinerja: indikator hasil berupa hitungan kegiatan",
    "IKU609": "mutu pohon kinerja: simpul tanpa pemilik (pejabat)",
    "IKU610": "pohon kinerja: crosscutting yang tidak ditemukan di perangkat daerah tujuannya",
    "IKU611": "pohon kinerja: sasaran RPJMD tanpa dukungan perangkat daerah",
    # Capaian
    "IKU401": "capaian ekstrem",
    "IKU402": "capaian tidak dapat dihitung",
    # Usage
    "IKU501": "pilihan perintah tidak sah",
    "IKU502": "berkas keluaran sudah ada",
    "IKU503": "berkas keluaran gagal ditulis",
    "IKU504": "menulis di luar ruang kerja atau ke dalam paket terpasang",
    "IKU505": "berkas sedang diubah oleh proses lain",
    "IKU506": "berkas diubah program lain selama perintah berjalan",
    "IKU507": "folder tujuan tidak kosong",
    "IKU509": "jalur di ikutool.yaml atau di pilihan tidak dapat dipakai",
    "IKU510": "riwayat IKU tidak tersedia (git tidak terpasang, atau berkas di luar repositori git)",
    "IKU511": "tautan simbolik di ruang kerja yang menunjuk ke luar ruang kerja",
    "IKU512": "tujuan tulis berupa tautan simbolik",
}


MAX_MESSAGE = 2000
MAX_FINDINGS = 1000  # one error raises at most this many findings, and one that counts the rest
# C0 and C1 controls but tab and newline (ESC, CR, BEL, backspace...), and the bidirectional
# overrides and isolates that reorder what a terminal shows
_CONTROL = lazyre.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown_code(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """User text made safe for a terminal: every control character shown as ``\\x1b`` (so an
    escape sequence in a commit subject or a folder name is seen, never obeyed)."""
    return _CONTROL.sub(_shown_code, text)


@dataclass(frozen=True)
class Finding:
    """One problem found in a user's input, located as precisely as the input allows."""

    code: str
    message: str
    severity: Severity = Severity.ERROR
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
    # the path inside the document as keys and list positions, so a warning can be attached to
    # the value it concerns (and travel with it into every output); not part of the identity
    segments: tuple[str | int, ...] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a typo in the tool itself, not in the user's file
            raise ValueError(f"unknown finding code {self.code}")
        # messages echo the user's text: never let it carry terminal control sequences or run on
        clean = visible(self.message)
        if len(clean) > MAX_MESSAGE:
            clean = clean[: MAX_MESSAGE - 3] + "..."
        object.__setattr__(self, "message", clean)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def where(self) -> str:
        """``FILE:LINE:COL`` as far as it is known."""
        parts = [self.file or "<masukan>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kode": self.code,
            "tingkat": self.severity.value,
            "berkas": self.file,
            "baris": self.line,
            "kolom": self.column,
            "lokasi": self.path,
            "pesan": self.message,
            "jalur": list(self.segments) if self.segments is not None else None,
        }

    def __str__(self) -> str:
        at = f" [{self.path}]" if self.path else ""
        return f"{self.where}: {self.severity.value} {self.code}{at}: {self.message}"


@dataclass
class IkuError(Exception):
    """A problem with the user's input or request. Never a bug in the tool.

    ``exit_code`` is 1 for bad input, 2 for a usage problem (a missing file or folder).
    """

    findings: list[Finding] = field(default_factory=list)
    exit_code: int = 1
    hint: str | None = None

    def __post_init__(self) -> None:
        if len(self.findings) > MAX_FINDINGS + 1 and not any(
            f.code == "IKU109"
            for f in self.findings  # capped already where they were made
        ):  # the cap for every file kind
            rest = self.findings[MAX_FINDINGS:]
            first = rest[0]
            count = f"{len(rest):,}".replace(",", ".")
            self.findings = [
                *self.findings[:MAX_FINDINGS],
                Finding(
                    "IKU109",
                    f"mulai di sini, {count} temuan lainnya tidak diuraikan satu per satu; "
                    f"perbaiki 1.000 temuan pertama, lalu periksa lagi",
                    Severity.ERROR,
                    first.file,
                    first.line,
                    first.column,
                    first.path,
                ),
            ]
        super().__init__(self.summary())

    def summary(self) -> str:
        return "; ".join(str(f) for f in self.findings) or "galat"

    @classmethod
    def single(
        cls,
        code: str,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        exit_code: int = 1,
        hint: str | None = None,
    ) -> IkuError:
        finding = Finding(code, message, Severity.ERROR, file, line, column, path)
        return cls([finding], exit_code=exit_code, hint=hint)


def errors_only(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.is_error]


def warnings_only(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not f.is_error]
