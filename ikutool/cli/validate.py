"""``iku validate``: the IKU definition and the files that go with it (``--mutu``: its quality)."""

from __future__ import annotations

import contextlib
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ikutool.cli.common import (
    announce_sample,
    load_iku,
    sources,
)
from ikutool.cli.output import write, write_findings
from ikutool.errors import IkuError

if TYPE_CHECKING:
    from ikutool.inputs.checks import FileReport
    from ikutool.model.iku import Iku
    from ikutool.workspace.sources import Sources


class FormatValidasi(StrEnum):
    table = "table"
    json = "json"


def validate(
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="BERKAS",
            help="Berkas IKU, realisasi, PK, rencana aksi, program, anggaran atau ikutool.yaml. "
            "Tanpa ini: IKU ruang kerja dan semua berkas realisasi, PK, rencana aksi, program dan "
            "anggarannya (di luar ruang kerja: contoh bawaan).",
            show_default=False,
        ),
    ] = None,
    iku_file: Annotated[
        Path | None,
        typer.Option(
            "--iku", metavar="BERKAS", help="Definisi IKU untuk memeriksa berkas realisasi."
        ),
    ] = None,
    format: Annotated[
        FormatValidasi, typer.Option("--format", "-f", metavar="FORMAT", help="table atau json.")
    ] = FormatValidasi.table,
    mutu: Annotated[
        bool,
        typer.Option(
            "--mutu",
            help="Periksa juga mutu IKU (SMART-C mekanis): Manual IKU, target setiap tahun, "
            "target di bawah realisasi tahun lalu atau lebih ringan dari tahun sebelumnya, "
            "satuan yang berubah, jumlah indikator per sasaran.",
        ),
    ] = False,
) -> None:
    """Periksa berkas IKU atau berkas realisasi: semua galat dan peringatan sekaligus.

    Contoh: iku validate, iku validate realisasi/2020.yaml, iku validate --mutu
    """
    from ikutool.inputs.checks import check_file
    from ikutool.render.formats.export import dumps, validation_data
    from ikutool.workspace.paths import shown

    src, targets = _targets(file, iku_file)
    cache: list = []

    def get_iku():  # the IKU that realisasi files are checked against, loaded once
        if not cache:
            announce_sample(src)
            cache.append(load_iku(src).iku)
        return cache[0]

    # a file named on the command line is named as typed; the workspace's own files as shown
    reports = []
    for path in targets:
        report = check_file(path, str(path) if file is not None else shown(path), get_iku)
        if report.iku is not None and not cache and path == src.iku:
            cache.append(report.iku)  # the workspace's IKU, just validated: not twice
        reports.append(report)
    if mutu and all(r.valid for r in reports if r.kind == "iku"):
        named = reports[0].iku if file is not None else None
        if named is not None and file is not None and not _same_file(file, src.iku):
            # another IKU file than the workspace's (or outside any): its own quality, with the
            # realisasi and PK folders beside it, never the bundled sample's
            _mutu(sources(file, announce=False), named, reports)
        else:
            _mutu(src, get_iku(), reports)
    ok = all(r.valid for r in reports)
    if format is FormatValidasi.json:
        write(dumps(validation_data(reports)))
    else:
        _write_reports(reports)
    raise typer.Exit(0 if ok else 1)


def _targets(file: Path | None, iku_file: Path | None) -> tuple[Sources, list[Path]]:
    """The files to check: the one named, else the workspace's IKU and every file beside it."""
    from ikutool.inputs.kind import yaml_files

    if file is not None:
        return sources(iku_file, start=file.parent, announce=False), [file]
    src = sources(iku_file)
    targets = [src.iku]
    if not src.bundled:
        for folder in (src.realisasi, src.pk, src.anggaran, src.program, src.renaksi):
            if folder.is_dir():
                targets += yaml_files(folder)
        if src.tindak_lanjut.is_file():
            targets.append(src.tindak_lanjut)
        targets += [f for f in (src.rpjmd, src.pohon) if f is not None and f.is_file()]
    return src, targets


def _write_reports(reports: list[FileReport]) -> None:
    """Each file's findings, then its verdict in one line."""
    for report in reports:
        write_findings(sys.stdout, report.findings)
        n_err = sum(f.is_error for f in report.findings)
        n_warn = len(report.findings) - n_err
        if report.valid:
            write(f"{report.file}: {report.summary} ({n_warn} peringatan).\n")
        else:
            write(f"{report.file}: tidak sah: {n_err} galat, {n_warn} peringatan.\n")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _mutu(src: Sources, iku: Iku, reports: list[FileReport]) -> None:
    """The quality warnings, each under the file it is located in."""
    from ikutool.definition.mutu import mutu_findings
    from ikutool.inputs.checks import FileReport
    from ikutool.workspace.paths import shown
    from ikutool.workspace.year import Agency
    from ikutool.yaml_reader import read_yaml

    ws = Agency(src, iku)  # each file's own warnings are in its report above
    realisasi, pk, pk_docs = {}, {}, {}
    for year in iku.periode.tahun:  # a file with errors is reported above; left out here
        with contextlib.suppress(IkuError):
            if (data := ws.year(year).realisasi) is not None:
                realisasi[year] = data
        with contextlib.suppress(IkuError):
            if (signed := ws.year(year).pk) is not None:
                pk[year] = signed
                pk_docs[year] = ws.year(year).document("pk")
    doc = read_yaml(src.iku, display_name=shown(src.iku))
    found = mutu_findings(iku, doc, {y: r for y, r in realisasi.items() if r}, pk, pk_docs)
    from ikutool.inputs.pohon_validate import tree_mutu

    found += tree_mutu(src, iku, doc)
    by_file = {r.file: r for r in reports}
    extra: dict[str, list] = {}
    for f in found:
        target = by_file.get(f.file or "")
        if target is not None:
            target.findings.append(f)
        else:
            extra.setdefault(f.file or shown(src.iku), []).append(f)
    for name, findings in extra.items():
        reports.append(FileReport(name, "mutu", findings, "pemeriksaan mutu IKU"))
    for r in reports:
        r.findings.sort(key=lambda f: (f.line or 0, f.column or 0))
