"""``iku schema``: the JSON Schemas of the files, for an editor. Copies the shipped schemas: no
model is built, nothing is validated."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ikutool.errors import Finding, IkuError
from ikutool.schema import KINDS


class Jenis(StrEnum):
    iku = "iku"
    realisasi = "realisasi"
    pk = "pk"
    renaksi = "renaksi"
    program = "program"
    anggaran = "anggaran"
    tindak_lanjut = "tindak-lanjut"
    ruang_kerja = "ruang-kerja"
    pohon = "pohon"
    rpjmd = "rpjmd"


assert [j.value for j in Jenis] == list(KINDS)


def schema(
    jenis: Annotated[
        Jenis | None,
        typer.Argument(
            metavar="JENIS",
            help="Jenis berkas: " + ", ".join(KINDS) + ". Tanpa JENIS (dengan --out): semuanya.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FOLDER",
            help="Tulis skema (<jenis>.schema.json) ke folder ini; dibuat bila belum ada.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa skema yang sudah ada di folder --out.")
    ] = False,
) -> None:
    """Skema JSON berkas-berkas ikutool, agar editor (VS Code dengan ekstensi YAML dari Red Hat)
    melengkapi kunci, menjelaskan artinya dan menandai kunci yang salah ketik atau yang kurang
    saat berkas diketik, tanpa internet.

    Tanpa --out, skema satu jenis dicetak ke layar. Dengan --out, semua skema (atau satu jenis)
    ditulis ke folder itu; yang sudah ada tidak ditimpa tanpa --force. iku init sudah menulisnya
    ke folder .skema ruang kerja dan menyebutnya di baris pertama setiap berkas YAML yang dibuatnya.

    Contoh: iku schema --out .skema --force   (memperbarui skema ruang kerja setelah ikutool
    diperbarui), atau iku schema realisasi
    """
    from ikutool.cli.output import write
    from ikutool.schema import schema_bytes

    if out is None:
        if jenis is None:
            raise IkuError.single(
                "IKU501",
                "sebutkan jenis berkas untuk mencetak skemanya, atau --out FOLDER untuk menulis "
                f"semuanya. Jenis: {', '.join(KINDS)}",
                file="JENIS",
                exit_code=2,
                hint="Contoh: iku schema realisasi, atau iku schema --out .skema",
            )
        write(schema_bytes(jenis.value).decode("utf-8"))
        return
    kinds = [jenis.value] if jenis is not None else list(KINDS)
    _write_all(out, kinds, force)


def _write_all(folder: Path, kinds: list[str], force: bool) -> None:
    """Every schema into ``folder``, or none: a file already there (without ``--force``) or a
    place that cannot be written is said before anything is written."""
    from ikutool.schema import file_name, schema_bytes
    from ikutool.workspace.files import check_target, write_atomic
    from ikutool.workspace.paths import inside_package, shown
    from ikutool.workspace.sources import make_folder, path_problem

    problem = path_problem(folder, True)
    if problem is not None:
        raise IkuError.single("IKU503", f"'{shown(folder)}': {problem}", file="--out", exit_code=2)
    if inside_package(folder):
        raise IkuError.single(
            "IKU504",
            "folder di dalam paket ikutool yang terpasang tidak boleh ditulisi",
            file=shown(folder),
            exit_code=2,
        )
    targets = [folder / file_name(kind) for kind in kinds]
    if folder.is_dir():
        found: list[Finding] = []
        for target in targets:
            try:
                check_target(target, force)
            except IkuError as exc:
                if exc.exit_code == 2:
                    raise
                found += exc.findings
        if found:
            raise IkuError(found, hint="Pakai --force untuk menimpanya dengan skema versi ini.")
    else:
        make_folder(folder)
    for kind, target in zip(kinds, targets, strict=True):
        write_atomic(target, schema_bytes(kind), force=force)
        sys.stderr.write(f"Ditulis: {shown(target)}\n")
    first = targets[0]
    sys.stderr.write(
        "Agar editor memakainya, baris pertama berkas YAML menyebut skemanya (jalur relatif "
        f"terhadap berkas itu), mis.:\n  # yaml-language-server: $schema={first.as_posix()}\n"
    )
