"""``iku realisasi template`` and ``iku realisasi isi``: the realisasi files of a workspace."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ikutool.cli.common import (
    BidangOpt,
    IkuOpt,
    PkOpt,
    RealisasiOpt,
    agency,
    bidang_key,
    check_year,
    load_iku,
    sources,
    warn,
)
from ikutool.cli.output import write
from ikutool.errors import IkuError

if TYPE_CHECKING:
    from ikutool.workspace.year import Year


class FormatTemplate(StrEnum):
    yaml = "yaml"
    xlsx = "xlsx"


def template(
    tahun: Annotated[int, typer.Option("--tahun", metavar="TAHUN", help="Tahun berkas realisasi.")],
    format: Annotated[
        FormatTemplate,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="yaml (berkas realisasi) atau xlsx (buku kerja untuk diisi bidang; perlu --out).",
        ),
    ] = FormatTemplate.yaml,
    bidang: BidangOpt = None,
    per_bidang: Annotated[
        bool, typer.Option("--per-bidang", help="xlsx: satu lembar per bidang.")
    ] = False,
    iku_file: IkuOpt = None,
    pk_dir: PkOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="BERKAS",
            help="Berkas tujuan (bawaan: realisasi/<tahun>.yaml di ruang kerja, atau "
            "realisasi-<tahun>.xlsx di folder ruang kerja untuk xlsx); '-' mencetak YAML-nya ke "
            "layar.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas tujuan bila sudah ada.")
    ] = False,
) -> None:
    """Buat berkas realisasi kosong untuk satu tahun, dengan target di samping setiap baris; atau
    buku kerja Excel untuk diisi bidang dan diimpor kembali.

    Di dalam ruang kerja berkas YAML ditulis ke folder realisasi; di luar ruang kerja isinya hanya
    dicetak ke layar.

    Contoh: iku realisasi template --tahun 2020 --format xlsx --per-bidang --out r-2020.xlsx
    """
    from ikutool.inputs.realisasi_templat import template_text
    from ikutool.workspace.files import write_atomic
    from ikutool.workspace.paths import shown

    src = sources(iku_file, pk=pk_dir)
    ws = agency(src)
    iku = ws.iku
    check_year(iku, tahun)
    year = ws.year(tahun)
    # the targets the year is measured against: the Perjanjian Kinerja's where it has one
    pk = year.pk
    if format is FormatTemplate.xlsx:
        _template_xlsx(year, out, force, bidang, per_bidang)
        return
    text = template_text(iku, tahun, iku_file=src.iku_label, pk=pk)
    if str(out) == "-" or (out is None and src.root is None):
        write(text)
        if out is None:
            sys.stderr.write(
                "Hanya dicetak ke layar: di luar ruang kerja tidak ada berkas yang ditulis "
                "(pakai --out BERKAS, atau iku init).\n"
            )
        return
    if out is None:
        from ikutool.workspace.sources import make_folder

        make_folder(src.realisasi)  # the workspace's own folder, named in ikutool.yaml
        out = year.new_file("realisasi")
    else:
        src.require_writable("Menulis berkas realisasi")
    from ikutool.schema import in_workspace

    write_atomic(out, in_workspace(text, "realisasi", out, src.root), force=force)
    sys.stderr.write(
        f"Berkas realisasi {tahun} ditulis: {shown(out)}\n"
        f"Isi nilainya di berkas itu, atau dengan: iku realisasi isi --tahun {tahun} KODE=NILAI\n"
    )


def _template_xlsx(
    year: Year, out: Path | None, force: bool, bidang: str | None, per_bidang: bool
) -> None:
    from ikutool.excel.template import realisasi_template_xlsx
    from ikutool.workspace.files import check_target, write_atomic
    from ikutool.workspace.paths import shown

    if out is not None and str(out) == "-":
        raise IkuError.single(
            "IKU501",
            "buku kerja xlsx tidak dapat dicetak ke layar; berikan --out BERKAS.xlsx",
            file="--out",
            exit_code=2,
        )
    src, iku, tahun = year.agency.src, year.iku, year.tahun
    src.require_writable("Membuat buku kerja realisasi")
    key = bidang_key(iku, bidang)
    if out is None:  # beside the workspace's files, named by year (and bidang)
        suffix = f"-{key.lower().replace(' ', '-')}" if key else ""
        out = (src.root or Path.cwd()) / f"realisasi-{tahun}{suffix}.xlsx"
    check_target(out, force)
    data = year.realisasi
    pk = year.pk
    renaksi = year.renaksi  # the quarter targets, shown beside the cells
    payload = realisasi_template_xlsx(
        iku,
        tahun,
        data,
        bidang=key,
        per_bidang=per_bidang,
        iku_label=src.iku_label,
        scratch=out.resolve().parent,
        pk=pk,
        renaksi=renaksi,
    )
    write_atomic(out, payload, force=force)
    filled = " (nilai yang sudah ada diisikan)" if data is not None else ""
    sys.stderr.write(
        f"Buku kerja realisasi {tahun} ditulis: {shown(out)}{filled}\n"
        f"Setelah diisi bidang: iku realisasi impor {shown(out)}\n"
    )


def impor(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="BERKAS.xlsx",
            help="Buku kerja dari 'iku realisasi template --format xlsx' yang sudah diisi; boleh "
            "beberapa (mis. satu per bidang).",
            show_default=False,
        ),
    ],
    tahun: Annotated[
        int | None,
        typer.Option(
            "--tahun",
            metavar="TAHUN",
            help="Tahun realisasi (bawaan: yang tercatat di buku kerja).",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Tampilkan perubahannya saja; tidak ada yang ditulis."),
    ] = False,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
) -> None:
    """Impor realisasi dari buku kerja Excel yang diisi bidang ke berkas realisasi tahun itu;
    komentar, urutan dan tanda kutip berkas tetap.

    Kendala dan tindak lanjut TW I-IV masuk ke catatan rencana aksi tahun itu (berkasnya dibuat,
    tanpa target, bila belum ada). Setiap sel diperiksa dulu; bila ada satu saja masalah, tidak ada
    yang ditulis, di berkas mana pun. Sel kosong tidak mengubah apa pun. Perubahannya (lama -> baru)
    ditampilkan.

    Contoh: iku realisasi impor realisasi-2020-ukm.xlsx realisasi-2020-pasar.xlsx --dry-run
    """
    from ikutool.excel.impor import import_workbooks

    src = sources(iku_file, realisasi_dir, announce=False)
    src.require_writable("Mengimpor realisasi")
    from ikutool.workspace.year import Agency

    ws = Agency(src, load_iku(src).iku)  # the file's own warnings are the import's report
    if tahun is not None:
        check_year(ws.iku, tahun)
    report = import_workbooks(ws, files, tahun, dry_run=dry_run)
    write(report.text())
    warn(report.findings)


def isi(
    nilai: Annotated[
        list[str],
        typer.Argument(
            metavar="KODE=NILAI",
            help="KODE=NILAI, KODE.KOMPONEN=NILAI atau KODE[.KOMPONEN].TRIWULAN=NILAI, mis. "
            'S1.2=58 S3.2.ekspor=6,5 S4.1.II=12; NILAI boleh dengan satuan targetnya (S1.2="58 '
            'org"); HAPUS mengosongkan nilai yang salah (S1.2=HAPUS)',
            show_default=False,
        ),
    ],
    tahun: Annotated[int, typer.Option("--tahun", metavar="TAHUN", help="Tahun berkas realisasi.")],
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
) -> None:
    """Isi atau ubah nilai di berkas realisasi; komentar, urutan dan tanda kutip tetap. Tahun
    yang belum punya berkas dimulai dari templatnya (seperti iku realisasi template).

    Berkas diperiksa dulu; bila ada galat, berkas tidak diubah sama sekali. Setiap nilai
    ditampilkan, lama -> baru. Dua orang yang mengisi berkas yang sama pada saat bersamaan: yang
    kedua menunggu, kedua isian tersimpan.

    Contoh: iku realisasi isi --tahun 2020 S1.2=58 S3.2.ekspor=6,5
    """
    from ikutool.inputs.editing import parse_assignments
    from ikutool.inputs.isi import isi_year

    src = sources(iku_file, realisasi_dir, announce=False)
    src.require_writable("Mengisi realisasi")
    ws = agency(src)
    iku = ws.iku
    check_year(iku, tahun)
    assignments = parse_assignments(nilai, iku, tahun)
    report = isi_year(ws.year(tahun), assignments)
    write(report.text())
    warn(report.findings)
