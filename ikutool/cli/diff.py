"""``iku diff``: what changed between two IKU (or PK) files, or along the IKU file's history."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ikutool.cli.common import (
    ForceOpt,
    IkuOpt,
    OutOpt,
    deliver,
    deliver_document,
    load_iku,
    refuse_out,
    sources,
)
from ikutool.errors import IkuError


class FormatDiff(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


def diff(
    lama: Annotated[
        Path | None,
        typer.Argument(metavar="LAMA", help="Berkas IKU (atau PK) lama.", show_default=False),
    ] = None,
    baru: Annotated[
        Path | None,
        typer.Argument(metavar="BARU", help="Berkas IKU (atau PK) baru.", show_default=False),
    ] = None,
    riwayat: Annotated[
        bool,
        typer.Option(
            "--riwayat",
            help="Riwayat berkas IKU ruang kerja ini dari git: perubahan setiap versi.",
        ),
    ] = False,
    format: Annotated[
        FormatDiff,
        typer.Option("--format", "-f", metavar="FORMAT", help="table, markdown atau json."),
    ] = FormatDiff.table,
    out: OutOpt = None,
    force: ForceOpt = False,
    iku_file: IkuOpt = None,
) -> None:
    """Perbedaan dua berkas IKU (atau PK), atau riwayat IKU dari git.

    Indikator ditambah, dihapus, diubah uraian atau kodenya; target per tahun, polaritas,
    satuan, definisi dan formula.

    --riwayat: perubahan berkas IKU ruang kerja dari versi ke versi (ruang kerja dalam git).

    Contoh: iku diff iku-2019.yaml iku.yaml, iku diff --riwayat
    """
    from ikutool.render.documents.diff import diff_data, diff_document, riwayat_document

    refuse_out(out, force)
    if riwayat:
        if lama is not None or baru is not None:
            raise IkuError.single(
                "IKU501",
                "--riwayat membaca berkas IKU ruang kerja; jangan sebut berkas lain",
                file="--riwayat",
                exit_code=2,
            )
        from ikutool.definition.diff import history

        src = sources(iku_file, announce=False)
        if src.bundled:
            raise IkuError.single(
                "IKU510",
                "riwayat dibaca dari berkas IKU sebuah ruang kerja dalam git; folder ini (dan "
                "folder di atasnya) bukan ruang kerja",
                file="--riwayat",
                exit_code=2,
            )
        iku = load_iku(src).iku
        result = history(src.iku, src.iku_label, src.root)
        if format is FormatDiff.json:
            data = diff_data(result)
            data["berubah_dalam_periode"] = len(
                result.berubah_dalam(iku.periode.awal, iku.periode.akhir)
            )
            deliver(_dumps(data), out, force)
        else:
            doc = riwayat_document(result, iku.periode.awal, iku.periode.akhir)
            deliver_document(doc, format.value, out, force)
        return
    if lama is None or baru is None:
        raise IkuError.single(
            "IKU501",
            "sebutkan dua berkas, mis. iku diff iku-lama.yaml iku.yaml (atau --riwayat)",
            file="LAMA",
            exit_code=2,
        )
    result = _compare(lama, baru, iku_file)
    if format is FormatDiff.json:
        deliver(_dumps(diff_data(result)), out, force)
    else:
        deliver_document(diff_document(result), format.value, out, force)


def _dumps(data: object) -> str:
    from ikutool.render.formats.export import dumps

    return dumps(data)


def _compare(lama: Path, baru: Path, iku_file: Path | None):  # -> HasilDiff
    from ikutool.definition.diff import diff_iku, diff_pk
    from ikutool.definition.load import iku_from_bytes
    from ikutool.inputs.checks import kind_of
    from ikutool.yaml_reader import parse_yaml_bytes, read_bounded

    docs = []
    for path in (lama, baru):
        if not path.is_file():
            raise IkuError.single("IKU101", "berkas tidak ada", file=str(path), exit_code=2)
        raw = read_bounded(path, str(path))
        docs.append((path, raw, parse_yaml_bytes(raw, str(path))))
    kinds = [kind_of(p, d.data) for p, _, d in docs]
    if kinds[0] != kinds[1] or kinds[0] not in ("iku", "pk"):
        raise IkuError.single(
            "IKU501",
            f"iku diff membandingkan dua berkas IKU atau dua berkas PK; ini {kinds[0]} dan "
            f"{kinds[1]}",
            file="LAMA",
            exit_code=2,
        )
    if kinds[0] == "iku":
        (p_old, raw_old, d_old), (p_new, raw_new, d_new) = docs
        old = iku_from_bytes(raw_old, str(p_old), d_old).iku
        new = iku_from_bytes(raw_new, str(p_new), d_new).iku
        return diff_iku(old, new, old_name=str(p_old), new_name=str(p_new), old_doc=d_old,
                        new_doc=d_new)  # fmt: skip
    from ikutool.inputs.pk import pk_from_document

    iku = load_iku(sources(iku_file, start=baru.parent)).iku
    (p_old, _, d_old), (p_new, _, d_new) = docs
    old_pk = pk_from_document(d_old, p_old, iku)
    new_pk = pk_from_document(d_new, p_new, iku)
    return diff_pk(old_pk, new_pk, iku, old_name=str(p_old), new_name=str(p_new), new_doc=d_new)
