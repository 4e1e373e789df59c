"""``iku situs``: the published SAKIP site of an agency (or of a regency), as plain files."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from ikutool.cli.common import (
    IkuOpt,
    PkOpt,
    ProgramOpt,
    RealisasiOpt,
    RenaksiOpt,
    SkalaOpt,
    agency,
    sources,
)
from ikutool.errors import IkuError


def situs(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="FOLDER",
            help="Folder situs (dibuat bila belum ada). Folder yang tidak kosong hanya dipakai "
            "bila berisi situs buatan perintah ini, atau dengan --force.",
        ),
    ],
    kabupaten: Annotated[
        Path | None,
        typer.Option(
            "--kabupaten",
            metavar="FOLDER",
            help="Folder kabupaten/kota berisi ruang kerja setiap instansi (yang dibaca iku "
            "rekap): situs seluruh instansi, dengan peringkat capaian dan status pelaporannya.",
        ),
    ] = None,
    sementara: Annotated[
        bool,
        typer.Option(
            "--sementara",
            help="Terbitkan juga data berstatus sementara (belum final); tanpa pilihan ini "
            "berkasnya tidak diterbitkan.",
        ),
    ] = False,
    dokumen: Annotated[
        bool | None,
        typer.Option(
            "--dokumen/--tanpa-dokumen",
            help="Sertakan LKjIP, E.81 dan Manual IKU (Word) untuk diunduh. Bawaan: ya untuk "
            "satu instansi; tidak untuk --kabupaten (menyusunnya perlu sekitar setengah detik "
            "per dokumen).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Pakai folder --out yang tidak kosong dan menimpa berkas bernama sama (berkas "
            "lain di folder itu tidak dihapus).",
        ),
    ] = False,
    skala: SkalaOpt = None,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    pk_dir: PkOpt = None,
    renaksi_dir: RenaksiOpt = None,
    program_dir: ProgramOpt = None,
) -> None:
    """Situs SAKIP tanpa server: halaman capaian, sasaran, indikator, Perjanjian Kinerja,
    status pelaporan dan unduhan (dokumen, CSV dan JSON setiap tabel).

    Folder --out dapat dibuka langsung di peramban, disalin ke flashdisk, atau diunggah ke
    hosting mana pun; tidak perlu server, basis data atau internet. Menyusun ulang dari berkas
    yang sama tidak mengubah satu bita pun.

    Contoh: iku situs --out situs, lalu buka situs/index.html;
    iku situs --kabupaten kabupaten/ --out situs-kabupaten
    """
    from ikutool.workspace.situs import check_out, write_site

    start = time.monotonic()
    old = check_out(out, force)
    paths = (iku_file, realisasi_dir, pk_dir, renaksi_dir, program_dir)
    files, summary, bad = _site_files(out, kabupaten, skala, sementara, dokumen, paths)
    result = write_site(out, files, force=force, old=old)
    _tell_written(out, files, result, summary, start)
    _refuse_bad_files(bad)


def _site_files(
    out: Path,
    kabupaten: Path | None,
    skala: SkalaOpt,
    sementara: bool,
    dokumen: bool | None,
    paths: tuple[Path | None, ...],
) -> tuple[dict[str, bytes], str, list]:
    """The site's files (a regency's or one agency's), the summary line, the agencies' errors."""
    from ikutool.compute.capaian import Options

    options = Options(skala=skala.value if skala else None)
    if kabupaten is not None:
        if any(x is not None for x in paths):
            raise IkuError.single(
                "IKU501",
                "--kabupaten membaca ruang kerja setiap instansi; --iku, --realisasi, --pk, "
                "--renaksi dan --program hanya untuk satu instansi",
                file="--kabupaten",
                exit_code=2,
            )
        return _regency(kabupaten, out, options, sementara, bool(dokumen))
    files, summary = _agency(out, options, sementara, True if dokumen is None else dokumen, *paths)
    return files, summary, []


def _tell_written(
    out: Path, files: dict[str, bytes], result: Any, summary: str, start: float
) -> None:
    """What was written where, and the files of an earlier site left alone because edited."""
    from ikutool.workspace.paths import shown

    pages = sum(p.endswith(".html") for p in files)
    sys.stderr.write(
        f"Situs ditulis di {shown(out)}: {pages} halaman, {len(files)} berkas ({result.ditulis} "
        f"ditulis, {result.sama} tidak berubah, {result.dihapus} dihapus) dalam "
        f"{time.monotonic() - start:.1f} detik. {summary}\n"
        f"Buka {shown(out / 'index.html')} di peramban.\n"
    )
    for rel in result.disimpan:
        sys.stderr.write(
            f"Dibiarkan: {shown(out / rel)} (dibuat situs sebelumnya, tetapi sudah diubah).\n"
        )


def _refuse_bad_files(bad: list) -> None:
    """The rest is published; the agencies' files in error are said, and the exit is 1."""
    if bad:
        from ikutool.cli.output import write_findings

        write_findings(sys.stderr, bad)
        sys.stderr.write(
            f"{len(bad)} galat di berkas instansi: bagian itu tidak diterbitkan, yang lain tetap "
            "diterbitkan.\n"
        )
        raise typer.Exit(1)


def _agency(
    out: Path,
    options: Any,
    sementara: bool,
    dokumen: bool,
    *paths: Path | None,
) -> tuple[dict[str, bytes], str]:
    from ikutool.cli.common import warn
    from ikutool.render.situs.bangun import agency_files
    from ikutool.reports.situs import PublicAgency, build_situs

    iku_file, realisasi_dir, pk_dir, renaksi_dir, program_dir = paths
    src = sources(iku_file, realisasi_dir, pk=pk_dir, renaksi=renaksi_dir, program=program_dir)
    ws = agency(src)
    _refuse_inside(out, src.root)
    public = PublicAgency(ws.src, ws.iku, warn=warn, sementara=sementara)
    data = build_situs(public, options, dokumen=dokumen)
    for line in data.ditahan:
        sys.stderr.write(f"Catatan: {line}.\n")
    notes: list[str] = []
    files = agency_files(data, dokumen=dokumen, notes=notes)
    for line in notes:
        sys.stderr.write(f"Catatan: {line}.\n")
    years = ", ".join(str(t.tahun) for t in data.terbit) or "belum ada"
    docs = sum(p.endswith(".docx") for p in files)
    return files, f"Realisasi yang diterbitkan: {years}; {docs} dokumen untuk diunduh."


def _regency(
    folder: Path, out: Path, options: Any, sementara: bool, dokumen: bool
) -> tuple[dict[str, bytes], str, list]:
    from ikutool.cli.common import warn
    from ikutool.render.situs.kabupaten import regency_files
    from ikutool.reports.situs_kabupaten import build_situs_kabupaten

    if not folder.is_dir():
        raise IkuError.single("IKU101", "folder tidak ada", file=str(folder), exit_code=2)
    _refuse_inside(out, folder.resolve())
    data = build_situs_kabupaten(folder, options, sementara=sementara, dokumen=dokumen, warn=warn)
    if not data.instansi:
        raise IkuError.single(
            "IKU308",
            "tidak ada ruang kerja instansi (folder dengan ikutool.yaml) di folder ini",
            file=str(folder),
            exit_code=2,
        )
    for a in data.terbaca:
        assert a.situs is not None
        for line in a.situs.ditahan:
            sys.stderr.write(f"Catatan: {a.folder}: {line}.\n")
    notes: list[str] = []
    files = regency_files(data, dokumen=dokumen, notes=notes)
    for line in notes:
        sys.stderr.write(f"Catatan: {line}.\n")
    years = ", ".join(map(str, data.tahun)) or "belum ada"
    summary = f"{len(data.terbaca)} dari {len(data.instansi)} instansi diterbitkan; tahun: {years}."
    return files, summary, data.galat


def _refuse_inside(out: Path, root: Path | None) -> None:
    """The site is not written over the files it is made from (a workspace's own folders)."""
    if root is None:
        return
    target = out.resolve()
    for folder in ("realisasi", "pk", "renaksi", "program", "anggaran", "pohon", ".skema"):
        inside = root / folder
        if target == inside or inside in target.parents:
            raise IkuError.single(
                "IKU501",
                f"--out di dalam folder {folder} ruang kerja; pilih folder lain, mis. --out situs",
                file="--out",
                exit_code=2,
            )
    if target == root:
        raise IkuError.single(
            "IKU501",
            "--out adalah folder ruang kerja itu sendiri; pilih folder lain, mis. --out situs",
            file="--out",
            exit_code=2,
        )
