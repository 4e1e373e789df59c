"""``iku lke``: the SAKIP evaluation (LKE), pre-checked from the agency's own files."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ikutool.cli.common import (
    ForceOpt,
    IkuOpt,
    OutOpt,
    PkOpt,
    ProgramOpt,
    RealisasiOpt,
    agency,
    check_year,
    deliver,
    deliver_document,
    need_out,
    refuse_out,
    sources,
)
from ikutool.errors import IkuError

if TYPE_CHECKING:
    from pathlib import Path

    from ikutool.definition.diff import Riwayat
    from ikutool.model.iku import Iku
    from ikutool.reports.lke import HasilLke, Masukan
    from ikutool.reports.lkjip import Lkjip
    from ikutool.workspace.sources import Sources


class FormatLke(StrEnum):
    table = "table"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    json = "json"


def lke(
    tahun: Annotated[
        int, typer.Option("--tahun", metavar="TAHUN", help="Tahun yang akan dievaluasi.")
    ],
    format: Annotated[
        FormatLke,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, markdown, html, xlsx (dengan lembar KKE-1, 3, 5, 6) atau json (html dan "
            "xlsx perlu --out).",
        ),
    ] = FormatLke.table,
    out: OutOpt = None,
    force: ForceOpt = False,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    pk_dir: PkOpt = None,
    program_dir: ProgramOpt = None,
) -> None:
    """Perkiraan evaluasi SAKIP (LKE) dari berkas instansi sendiri; bukan nilai resmi.

    LKE PermenPAN-RB 88/2021: setiap komponen dan sub-komponen dengan bobotnya, kriteria yang
    dapat dihitung dari berkas (rasio, nilai, dan yang masih kurang dengan letaknya), kriteria
    yang perlu penilaian evaluator (dan bukti yang perlu disiapkan), perkiraan nilai sebagai
    rentang, dan predikatnya.

    Contoh: iku lke --tahun 2019, iku lke --tahun 2019 -f xlsx --out lke-2019.xlsx
    """
    from ikutool.cli.lkjip import year_lkjip
    from ikutool.compute.capaian import Options
    from ikutool.reports.lke import Masukan, build_lke
    from ikutool.yaml_reader import read_yaml

    if format in (FormatLke.html, FormatLke.xlsx):
        need_out(format.value, out, f"lke-{tahun}.{format.value}")
    refuse_out(out, force)
    src = sources(iku_file, realisasi_dir, pk=pk_dir, program=program_dir)
    ws = agency(src)
    iku = ws.iku
    check_year(iku, tahun)
    lkjip, data, pk_all = year_lkjip(ws, tahun, Options())
    year = ws.year(tahun)
    pk = year.pk
    riwayat, alasan = _riwayat(src)
    masukan = Masukan(
        iku=iku,
        tahun=tahun,
        lkjip=lkjip,
        realisasi=data,
        pk=pk,
        pk_doc=year.document("pk"),
        iku_doc=read_yaml(src.iku, display_name=src.iku.name),
        iku_name=src.iku_label,
        renaksi=year.renaksi,
        register=ws.register,
        riwayat=riwayat,
        riwayat_alasan=alasan,
        realisasi_doc=year.document("realisasi"),
        anggaran_doc=year.document("money"),
        pohon=_pohon(year),
    )
    hasil = build_lke(masukan)
    _contoh_notes(hasil, masukan)
    _deliver(hasil, format, out, force, iku, lkjip, masukan)
    if out is not None or format is not FormatLke.table:
        sys.stderr.write(hasil.catatan[0] + "\n")


def _riwayat(src: Sources) -> tuple[Riwayat | None, str | None]:
    """The IKU file's git history, or why there is none."""
    if src.bundled:
        return None, "contoh bawaan: tidak ada riwayat IKU ruang kerja"
    from ikutool.definition.diff import history

    try:
        return history(src.iku, src.iku_label, src.root), None
    except IkuError as exc:
        return None, f"tidak dapat dihitung: {exc.findings[0].message}"


def _contoh_notes(hasil: HasilLke, masukan: Masukan) -> None:
    """The notice on the pre-check for each illustrative (contoh) input it used."""
    for status, what in (
        (masukan.renaksi.status if masukan.renaksi else None, "rencana aksi"),
        (masukan.register.status if masukan.register else None, "register tindak lanjut"),
    ):
        if status == "contoh":
            hasil.catatan.append(f"CATATAN: {what} berstatus CONTOH - ilustrasi, bukan data resmi.")


def _deliver(
    hasil: HasilLke,
    format: FormatLke,
    out: Path | None,
    force: bool,
    iku: Iku,
    lkjip: Lkjip,
    masukan: Masukan,
) -> None:
    """The pre-check as JSON, or as a document (the xlsx with the evaluators' KKE sheets)."""
    if format is FormatLke.json:
        from ikutool.render.formats.export import dumps

        deliver(dumps(hasil.model_dump(mode="json")), out, force)
    else:
        from ikutool.render.documents.lke import lke_document

        kke = (
            {"iku": iku, "lkjip": lkjip, "register": masukan.register}
            if format is FormatLke.xlsx
            else None
        )
        deliver_document(lke_document(hasil, kke=kke), format.value, out, force)


def _pohon(year):  # -> (Pohon, HasilPohon) | None
    """The tree and its year, when the workspace has a pohon kinerja (None: as before)."""
    from ikutool.cli.pohon import load_tree
    from ikutool.reports.pohon import build_pohon

    tree, rpjmd = load_tree(year.agency.src, year.iku)
    if tree is None:
        return None
    return tree, build_pohon(
        year.iku, tree, year.tahun, rpjmd=rpjmd, pk=year.pk, program=year.program
    )
