"""``iku lke``: the SAKIP evaluation (LKE), pre-checked from the agency's own files."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ikutool.cli.common import (
    ForceOpt,
    IkuOpt,
    OutOpt,
    PkOpt,
    ProgramOpt,
    RealisasiOpt,
    check_year,
    deliver,
    deliver_document,
    load_iku,
    load_renaksi,
    need_out,
    refuse_out,
    sources,
)
from ikutool.errors import IkuError


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
    from ikutool.inputs.realisasi import file_for_year
    from ikutool.reports.lke import Masukan, build_lke
    from ikutool.yaml_reader import read_yaml

    if format in (FormatLke.html, FormatLke.xlsx):
        need_out(format.value, out, f"lke-{tahun}.{format.value}")
    refuse_out(out, force)
    src = sources(iku_file, realisasi_dir, pk=pk_dir, program=program_dir)
    iku = load_iku(src).iku
    check_year(iku, tahun)
    lkjip, data, pk_all = year_lkjip(src, iku, tahun, Options())
    pk = pk_all.get(tahun)
    riwayat, alasan = None, None
    if src.bundled:
        alasan = "contoh bawaan: tidak ada riwayat IKU ruang kerja"
    else:
        from ikutool.definition.diff import history

        try:
            riwayat = history(src.iku, src.iku_label, src.root)
        except IkuError as exc:
            alasan = f"tidak dapat dihitung: {exc.findings[0].message}"

    def doc_of(path):  # the composed file, for the lines items are reported at
        return read_yaml(path, display_name=path.name) if path is not None else None

    real_path = file_for_year(src.realisasi, tahun, "realisasi")
    pk_path = file_for_year(src.pk, tahun, "PK") if pk is not None else None
    masukan = Masukan(
        iku=iku,
        tahun=tahun,
        lkjip=lkjip,
        realisasi=data,
        pk=pk,
        pk_doc=doc_of(pk_path),
        iku_doc=doc_of(src.iku),
        iku_name=src.iku_label,
        renaksi=load_renaksi(src, iku, tahun, pk),
        register=_register(src),
        riwayat=riwayat,
        riwayat_alasan=alasan,
        realisasi_doc=doc_of(real_path),
        anggaran_doc=doc_of(_money_path(src, tahun)),
    )
    hasil = build_lke(masukan)
    for status, what in (
        (masukan.renaksi.status if masukan.renaksi else None, "rencana aksi"),
        (masukan.register.status if masukan.register else None, "register tindak lanjut"),
    ):
        if status == "contoh":
            hasil.catatan.append(f"CATATAN: {what} berstatus CONTOH - ilustrasi, bukan data resmi.")
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
    if out is not None or format is not FormatLke.table:
        sys.stderr.write(hasil.catatan[0] + "\n")


def _money_path(src, tahun: int):  # -> Path | None
    from ikutool.inputs.realisasi import file_for_year

    return file_for_year(src.program, tahun, "program") or file_for_year(
        src.anggaran, tahun, "anggaran"
    )


def _register(src):  # -> Register | None
    from ikutool.cli.common import warn
    from ikutool.inputs.tindaklanjut import load_register

    reg = load_register(src.tindak_lanjut)
    if reg is not None:
        warn(reg.findings)
    return reg
