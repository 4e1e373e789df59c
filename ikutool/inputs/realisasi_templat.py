"""A blank realisasi file for a year: every indicator with a target that year, each line saying
the form its value is written in (``iku realisasi template``)."""

from __future__ import annotations

import re
from typing import Any

from ikutool.formatting.numbers import format_angka
from ikutool.model.iku import (
    Iku,
)


def template_text(iku: Iku, tahun: int, *, iku_file: str | None = None, pk: Any = None) -> str:
    """A blank realisasi file for ``tahun``: every indicator with a target that year, each line
    commented with its target and unit: the Perjanjian Kinerja's where ``pk`` changes it (the
    target capaian is measured against), with the Renstra's beside it."""

    lines = [
        f"# Realisasi IKU tahun {tahun}: {iku.instansi.nama}",
        "# Isi setiap nilai yang masih kosong (null) dengan angka realisasi.",
        '# Angka boleh ditulis 2750, "1.234" atau "6,5" (dalam tanda kutip bila memakai titik/koma).',
        "# Hapus 'status: sementara' atau ganti dengan 'final' setelah angka diverifikasi.",
    ]
    if iku_file:
        lines.append(f"# Definisi IKU: {iku_file}")
    if pk is not None and pk.target:
        lines.append(f"# Target bertanda PK: dari Perjanjian Kinerja {tahun} ({pk.file}).")
    lines += ["", f"tahun: {tahun}", "status: sementara", "realisasi:"]
    for _, ind in iku.indikator():
        renstra = ind.target_for(tahun)
        if renstra is None:
            continue
        target = pk.target.get(ind.kode, renstra) if pk is not None else renstra
        note = f" (PK; Renstra {renstra.teks})" if target is not renstra else ""
        if len(target.komponen) == 1:
            comp = target.komponen[0]
            lines.append(
                f"  {yaml_key(ind.kode)}: null  # target {_describe(comp, format_angka)}{note}"
            )
            continue
        lines.append(f"  {yaml_key(ind.kode)}:  # target {target.teks}{note}")
        for comp in target.komponen:
            lines.append(
                f"    {yaml_key(comp.kunci or 'nilai')}: null  # target {_describe(comp, format_angka)}"
            )
    return "\n".join(lines) + "\n"


def _describe(comp: Any, fmt: Any) -> str:
    if comp.jenis != "angka" or comp.batas:  # "minimal 80 %", "1:30", "WTP": as written
        return comp.tulisan
    number = fmt(comp.jumlah) + (
        f"-{fmt(comp.jumlah_maks)}" if comp.jumlah_maks is not None else ""
    )
    if comp.satuan == "%":
        return number + " %"
    return f"{number} {comp.satuan}".rstrip()


def yaml_key(key: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.\-]*", key) and key.lower() not in {
        "yes",
        "no",
        "on",
        "off",
        "true",
        "false",
        "null",
    }:
        return key
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
