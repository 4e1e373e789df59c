"""``iku renaksi template``: the rencana aksi file of a year, from the PK."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

from typing import Annotated

import typer

from ikutool.cli.common import (
    ForceOpt,
    IkuOpt,
    OutOpt,
    PkOpt,
    agency,
    check_year,
    deliver,
    refuse_out,
    sources,
)


def renaksi_template(
    tahun: Annotated[int, typer.Option("--tahun", metavar="TAHUN", help="Tahun rencana aksi.")],
    out: OutOpt = None,
    force: ForceOpt = False,
    iku_file: IkuOpt = None,
    pk_dir: PkOpt = None,
) -> None:
    """Berkas rencana aksi kosong untuk satu tahun: setiap indikator dengan target tahunannya
    (PK bila ada) dan aturan triwulannya; target TW IV indikator 'akhir' sudah terisi.

    Tanpa --out: ditulis ke renaksi/<tahun>.yaml di ruang kerja (tidak pernah menimpa tanpa
    --force).

    Contoh: iku renaksi template --tahun 2020
    """
    from ikutool.inputs.renaksi import template_text

    src = sources(iku_file, pk=pk_dir)
    ws = agency(src)
    iku = ws.iku
    check_year(iku, tahun)
    pk = ws.year(tahun).pk
    if out is None:
        from ikutool.workspace.sources import make_folder

        src.require_writable("Membuat berkas rencana aksi")
        make_folder(src.renaksi)  # the workspace's own folder, named in ikutool.yaml
        out = ws.year(tahun).new_file("renaksi")
    refuse_out(out, force)
    from ikutool.schema import in_workspace

    text = in_workspace(
        template_text(iku, tahun, pk, iku_file=src.iku_label), "renaksi", out, src.root
    )
    deliver(text, out, force)
