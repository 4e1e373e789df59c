"""``iku realisasi template`` and ``iku realisasi isi``: the realisasi files of a workspace."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ikutool.cli.common import IkuOpt, RealisasiOpt, check_year, load_iku, sources, warn
from ikutool.cli.output import write
from ikutool.errors import IkuError


def template(
    tahun: Annotated[int, typer.Option("--tahun", metavar="TAHUN", help="Tahun berkas realisasi.")],
    iku_file: IkuOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="BERKAS",
            help="Berkas tujuan (bawaan: realisasi/<tahun>.yaml di ruang kerja); '-' mencetaknya "
            "ke layar.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas tujuan bila sudah ada.")
    ] = False,
) -> None:
    """Buat berkas realisasi kosong untuk satu tahun, dengan target di samping setiap baris.

    Di dalam ruang kerja berkas ditulis ke folder realisasi; di luar ruang kerja isinya hanya
    dicetak ke layar.

    Contoh: iku realisasi template --tahun 2020
    """
    from ikutool.files import write_atomic
    from ikutool.paths import shown
    from ikutool.realisasi import template_text

    src = sources(iku_file)
    iku = load_iku(src).iku
    check_year(iku, tahun)
    text = template_text(iku, tahun, iku_file=src.iku_label)
    if str(out) == "-" or (out is None and src.root is None):
        write(text)
        if out is None:
            sys.stderr.write(
                "Hanya dicetak ke layar: di luar ruang kerja tidak ada berkas yang ditulis "
                "(pakai --out BERKAS, atau iku init).\n"
            )
        return
    if out is None:
        src.realisasi.mkdir(exist_ok=True)  # the workspace's own folder, named in ikutool.yaml
        out = src.realisasi / f"{tahun}.yaml"
    else:
        src.require_writable("Menulis berkas realisasi")
    write_atomic(out, text, force=force)
    sys.stderr.write(
        f"Berkas realisasi {tahun} ditulis: {shown(out)}\n"
        f"Isi nilainya di berkas itu, atau dengan: iku realisasi isi --tahun {tahun} KODE=NILAI\n"
    )


def isi(
    nilai: Annotated[
        list[str],
        typer.Argument(
            metavar="KODE=NILAI",
            help="KODE=NILAI, KODE.KOMPONEN=NILAI atau KODE[.KOMPONEN].TRIWULAN=NILAI, mis. "
            "S1.2=58 S3.2.ekspor=6,5 S4.1.II=12",
            show_default=False,
        ),
    ],
    tahun: Annotated[int, typer.Option("--tahun", metavar="TAHUN", help="Tahun berkas realisasi.")],
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
) -> None:
    """Isi atau ubah nilai di berkas realisasi; komentar, urutan dan tanda kutip tetap.

    Berkas diperiksa dulu; bila ada galat, berkas tidak diubah sama sekali. Dua orang yang mengisi
    berkas yang sama pada saat bersamaan: yang kedua menunggu, kedua isian tersimpan.

    Contoh: iku realisasi isi --tahun 2020 S1.2=58 S3.2.ekspor=6,5
    """
    from ikutool.editing import edit_file, parse_assignments
    from ikutool.paths import shown
    from ikutool.workspace import template_hint

    src = sources(iku_file, realisasi_dir, announce=False)
    src.require_writable("Mengisi realisasi")
    iku = load_iku(src).iku
    check_year(iku, tahun)
    path = src.realisasi / f"{tahun}.yaml"
    if not path.is_file():
        raise IkuError.single(
            "IKU308",
            f"berkas realisasi {tahun} belum ada",
            file=shown(path),
            exit_code=2,
            hint=template_hint(src, tahun),
        )
    assignments = parse_assignments(nilai, iku)
    name = shown(path)
    result = edit_file(path, iku, assignments, name)
    warn(result.findings)
    sys.stderr.write(f"{len(assignments)} nilai diisi di {name}\n")
