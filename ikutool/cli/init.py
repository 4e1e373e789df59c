"""``iku init``: an agency's own workspace."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

import sys
from pathlib import Path
from typing import Annotated

import typer


def init(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="Folder ruang kerja (dibuat bila belum ada). Bawaan: folder ini.",
            show_default=False,
        ),
    ] = Path("."),
    contoh: Annotated[
        bool,
        typer.Option(
            "--contoh",
            help="Isi dengan salinan IKU Dinas Kopperindag Tanjung Jabung Barat dan realisasi "
            "contohnya, untuk mencoba.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Pakai folder yang tidak kosong (berkas yang ada tidak diubah)."
        ),
    ] = False,
) -> None:
    """Buat ruang kerja IKU: berkas IKU, penanda ikutool.yaml, folder realisasi, pk, renaksi,
    program dan anggaran, dan skema berkas di folder .skema agar editor (VS Code dengan ekstensi
    YAML) melengkapi dan menjelaskan kunci.

    Semua perintah lain yang dijalankan di dalam folder itu memakai berkasnya tanpa --iku. Di
    ruang kerja lama, iku init --force . menambahkan yang belum ada (skema juga) tanpa mengubah
    berkas yang sudah ada.

    Contoh: iku init dinas-saya, lalu cd dinas-saya dan iku validate
    """
    from ikutool.workspace.paths import shown
    from ikutool.workspace.sources import find_root, init_workspace

    outer = find_root(folder.resolve().parent)
    from ikutool.schema import FOLDER

    done = init_workspace(folder, contoh=contoh, force=force)
    # the schemas are one line: the folder, and how many of its files were made
    schemas = [created for path, created in done if path.parent.name == FOLDER]
    for path, created in done:
        if path.parent.name == FOLDER:
            continue
        label = shown(path) + ("/" if path.is_dir() else "")
        if path.name == FOLDER:
            made = sum(schemas)
            label += f" (skema untuk editor: {made} berkas dibuat" + (
                f", {len(schemas) - made} sudah ada, tidak diubah)" if made < len(schemas) else ")"
            )
        sys.stderr.write(f"  {'dibuat' if created else 'sudah ada, tidak diubah'}: {label}\n")
    if outer is not None:
        sys.stderr.write(
            f"Catatan: folder ini berada di dalam ruang kerja lain ({shown(outer)}); di dalamnya "
            "ruang kerja yang baru ini yang dipakai.\n"
        )
    where = shown(folder)
    step = f"cd {where} && " if where != "." else ""
    sys.stderr.write(
        f"Ruang kerja siap di {where}. Langkah berikutnya:\n"
        + (
            f"  {step}iku capaian --tahun 2019\n"
            if contoh
            else f"  {step}iku validate   (setelah iku.yaml diisi IKU instansi Anda)\n"
            "  iku realisasi template --tahun 2025\n"
            "  iku realisasi isi --tahun 2025 S1.1=81\n"
            "  iku capaian --tahun 2025\n"
        )
    )
