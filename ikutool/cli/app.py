"""The ``iku`` command line: parse options, call the library, render, exit. Nothing else."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ikutool.cli.output import IkuCommand, IkuGroup, console, print_error, write
from ikutool.errors import IkuError

app = typer.Typer(
    cls=IkuGroup,
    name="iku",
    help="ikutool: Indikator Kinerja Utama (IKU), realisasi, capaian dan tabel LKjIP.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
realisasi_app = typer.Typer(
    cls=IkuGroup,
    help="Berkas realisasi: membuat berkas kosong per tahun dan mengisi nilainya.",
    no_args_is_help=True,
)
app.add_typer(realisasi_app, name="realisasi")


class FormatValidasi(StrEnum):
    table = "table"
    json = "json"


class FormatShow(StrEnum):
    table = "table"
    json = "json"


class FormatCapaian(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class NamaSkala(StrEnum):
    permendagri86 = "permendagri86"
    permenpanrb53 = "permenpanrb53"


IkuOpt = Annotated[
    Path | None,
    typer.Option(
        "--iku", help="Berkas definisi IKU (YAML). Bawaan: IKU 2016-2021 yang disertakan."
    ),
]
RealisasiOpt = Annotated[
    Path | None,
    typer.Option(
        "--realisasi",
        help="Folder berkas realisasi (<tahun>.yaml). Bawaan: folder 'realisasi' di samping "
        "berkas --iku, atau contoh yang disertakan.",
    ),
]
BidangOpt = Annotated[
    str | None,
    typer.Option("--bidang", help="Hanya indikator bidang ini (kunci atau bagian namanya)."),
]


def _load(iku_file: Path | None):  # -> LoadedIku
    from ikutool.definition import load_iku
    from ikutool.paths import bundled_iku, shown

    path = iku_file or bundled_iku()
    loaded = load_iku(path, display_name=shown(path))
    _warn(loaded.findings)
    return loaded


def _warn(findings) -> None:
    """Warnings go to stderr, one plain line each, so stdout stays the table or the data."""
    for f in findings:
        sys.stderr.write(f"{f}\n")


def _load_realisasi(folder: Path, iku, years: list[int], iku_file: Path | None):
    from ikutool.realisasi import load_realisasi_dir

    data = load_realisasi_dir(folder, iku, years, iku_option=_iku_option_text(iku_file))
    for year in sorted(data):
        _warn(data[year].findings)
    return data


def _iku_option_text(iku_file: Path | None) -> str:
    return f' --iku "{iku_file}"' if iku_file else ""


@app.command(cls=IkuCommand)
def validate(
    file: Annotated[
        Path | None,
        typer.Argument(help="Berkas IKU atau berkas realisasi. Bawaan: IKU yang disertakan."),
    ] = None,
    iku_file: Annotated[
        Path | None, typer.Option("--iku", help="Definisi IKU untuk memeriksa berkas realisasi.")
    ] = None,
    format: Annotated[
        FormatValidasi, typer.Option("--format", "-f", help="table atau json.")
    ] = FormatValidasi.table,
) -> None:
    """Periksa berkas IKU (atau berkas realisasi): semua galat dan peringatan sekaligus.

    Contoh: iku validate data/iku_2016_2021.yaml
    """
    from ikutool.definition import iku_from_document
    from ikutool.paths import bundled_iku, shown
    from ikutool.realisasi import realisasi_from_document
    from ikutool.render.export import dumps, findings_data
    from ikutool.yaml_reader import read_yaml

    path = file or bundled_iku()
    name = shown(path)
    summary = ""
    try:
        doc = read_yaml(path, display_name=name)
        is_realisasi = (
            isinstance(doc.data, dict)
            and "sasaran" not in doc.data
            and ("realisasi" in doc.data or "tahun" in doc.data)
        )
        if is_realisasi:
            iku = _load(iku_file).iku
            r = realisasi_from_document(doc, path, iku)
            findings = r.findings
            summary = f"berkas realisasi sah: tahun {r.tahun}, {len(r.indikator)} indikator terisi"
            if r.status:
                summary += f", status {r.status}"
        else:
            loaded = iku_from_document(doc)
            findings = loaded.findings
            iku = loaded.iku
            n_ind = len(iku.indikator())
            summary = (
                f"berkas IKU sah: {len(iku.sasaran)} sasaran, {n_ind} indikator, periode "
                f"{iku.periode.awal}-{iku.periode.akhir}"
            )
        code = 0
    except IkuError as exc:
        if exc.exit_code == 2:
            raise
        findings = exc.findings
        code = 1
    if format is FormatValidasi.json:
        write(dumps(findings_data(name, findings)))
    else:
        for f in findings:
            write(f"{f}\n")
        n_err = sum(f.is_error for f in findings)
        n_warn = len(findings) - n_err
        if code == 0:
            write(f"{name}: {summary} ({n_warn} peringatan).\n")
        else:
            write(f"{name}: tidak sah: {n_err} galat, {n_warn} peringatan.\n")
    raise typer.Exit(code)


@app.command(cls=IkuCommand)
def show(
    iku_file: IkuOpt = None,
    tahun: Annotated[int | None, typer.Option("--tahun", help="Hanya target tahun ini.")] = None,
    bidang: BidangOpt = None,
    format: Annotated[
        FormatShow, typer.Option("--format", "-f", help="table atau json.")
    ] = FormatShow.table,
) -> None:
    """Tampilkan tabel IKU seperti di dokumen: sasaran, indikator, target per tahun.

    Contoh: iku show --tahun 2019 --bidang UKM
    """
    from ikutool.definition import resolve_bidang
    from ikutool.render.export import dumps, iku_data

    iku = _load(iku_file).iku
    years = list(iku.periode.tahun)
    if tahun is not None:
        _check_year(iku, tahun)
        years = [tahun]
    codes = None
    if bidang:
        key = resolve_bidang(iku, bidang)
        codes = {ind.kode for _, ind in iku.indikator() if iku.bidang_key(ind) == key}
    if format is FormatShow.json:
        write(dumps(iku_data(iku, [tahun] if tahun is not None else None, codes)))
        return
    from ikutool.render.tables import iku_table

    console().print(iku_table(iku, years, codes))


def _check_year(iku, tahun: int) -> None:
    if tahun not in iku.periode.tahun:
        raise IkuError.single(
            "IKU501",
            f"tahun {tahun} di luar periode IKU {iku.periode.awal}-{iku.periode.akhir}",
            file="--tahun",
            exit_code=2,
        )


@app.command(cls=IkuCommand)
def capaian(
    tahun: Annotated[int, typer.Option("--tahun", help="Tahun yang diukur, mis. 2019.")],
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    bidang: BidangOpt = None,
    format: Annotated[
        FormatCapaian, typer.Option("--format", "-f", help="table, json, csv atau markdown.")
    ] = FormatCapaian.table,
    jelaskan: Annotated[
        bool, typer.Option("--jelaskan", help="Tampilkan perhitungan setiap angka.")
    ] = False,
    skala: Annotated[
        NamaSkala | None,
        typer.Option(
            "--skala", help="Skala kategori; bawaan: yang ditetapkan berkas IKU (permendagri86)."
        ),
    ] = None,
    batas: Annotated[
        float | None,
        typer.Option(
            "--batas",
            help="Batas atas capaian per komponen, mis. 100 atau 120 (bawaan: tanpa batas).",
        ),
    ] = None,
) -> None:
    """Hitung capaian per komponen, indikator dan sasaran untuk satu tahun (tabel pengukuran kinerja).

    Contoh: iku capaian --tahun 2019 --jelaskan
    """
    from ikutool.capaian import Options, compute
    from ikutool.definition import resolve_bidang
    from ikutool.paths import default_realisasi_dir

    if batas is not None and batas <= 0:
        raise IkuError.single(
            "IKU501",
            f"--batas harus lebih besar dari 0, mis. 100 atau 120 (tertulis {batas:g})",
            file="--batas",
            exit_code=2,
        )
    iku = _load(iku_file).iku
    _check_year(iku, tahun)
    key = resolve_bidang(iku, bidang) if bidang else None
    folder = realisasi_dir or default_realisasi_dir(iku_file)
    data = _load_realisasi(folder, iku, [tahun], iku_file)[tahun]
    result = compute(
        iku, tahun, data, Options(skala=skala.value if skala else None, batas=batas, bidang=key)
    )
    _emit_capaian(result, format, jelaskan)


def _emit_capaian(result, format: FormatCapaian, jelaskan: bool) -> None:
    from ikutool.render import export

    if format is FormatCapaian.json:
        write(export.dumps(export.capaian_data(result)))
    elif format is FormatCapaian.csv:
        write(export.capaian_csv(result))
    elif format is FormatCapaian.markdown:
        write(export.capaian_markdown(result))
    else:
        from ikutool.render.tables import capaian_view

        out = console()
        out.print(capaian_view(result, explain=jelaskan, width=out.width))
    if result.is_contoh and format is not FormatCapaian.table:
        # stdout carries the notice inside the data; say it on stderr as well for a person
        from ikutool.render.text import notice

        sys.stderr.write(f"{notice(result)}\n")


class FormatReport(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


class FormatEvaluasi(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Tulis ke berkas ini (wajib untuk html dan xlsx)."),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Timpa berkas --out bila sudah ada.")]


def _report_data(iku, iku_file, realisasi_dir, tahun, dari, sampai):
    """Years to report and the realisasi they need (plus the year before, for the change)."""
    from ikutool.paths import default_realisasi_dir
    from ikutool.realisasi import available_years, template_hint

    folder = realisasi_dir or default_realisasi_dir(iku_file)
    option = _iku_option_text(iku_file)
    if tahun is not None and (dari is not None or sampai is not None):
        raise IkuError.single(
            "IKU501",
            "pakai --tahun saja, atau --dari dan --sampai, jangan keduanya",
            file="--tahun",
            exit_code=2,
        )
    available = available_years(folder, iku, iku_option=option)
    if tahun is not None:
        _check_year(iku, tahun)
        years = [tahun]
    else:
        lo = dari if dari is not None else iku.periode.awal
        hi = sampai if sampai is not None else iku.periode.akhir
        for y in (lo, hi):
            _check_year(iku, y)
        if lo > hi:
            raise IkuError.single(
                "IKU501", f"--dari {lo} lebih besar dari --sampai {hi}", file="--dari", exit_code=2
            )
        years = [y for y in available if lo <= y <= hi]
        if not years:
            raise IkuError.single(
                "IKU308",
                f"tidak ada berkas realisasi untuk tahun {lo}-{hi} di folder ini"
                + (f" (yang ada: {', '.join(map(str, available))})" if available else ""),
                file=str(folder),
                hint=template_hint(lo, folder, option),
            )
    before = [y for y in available if y < years[0]]
    need = sorted(set(years) | ({before[-1]} if before else set()))
    return years, _load_realisasi(folder, iku, need, iku_file)


def _deliver(text_or_bytes, out: Path | None, force: bool) -> None:
    from ikutool.files import write_atomic
    from ikutool.paths import shown

    if out is None:
        write(text_or_bytes)
        return
    write_atomic(out, text_or_bytes, force=force)
    sys.stderr.write(f"Ditulis: {shown(out)}\n")


def _emit_laporan(laporan, format: str, out: Path | None, force: bool, *, table: str) -> None:
    """One place where a report becomes output: each format's renderer, to stdout or --out."""
    from ikutool.render import export

    if format == "json":
        _deliver(export.dumps(export.report_data(laporan)), out, force)
    elif format == "markdown":
        render = export.report_markdown if table == "report" else export.evaluasi_markdown
        _deliver(render(laporan), out, force)
    elif format == "html":
        from ikutool.render.html import report_html

        _deliver(report_html(laporan), out, force)
    elif format == "xlsx":
        from ikutool.render.xlsx import report_xlsx

        _deliver(report_xlsx(laporan), out, force)
    else:
        from ikutool.render.tables import evaluasi_view, report_view

        view = report_view(laporan) if table == "report" else evaluasi_view(laporan)
        if out is None:
            console().print(view)
        else:
            _deliver(_rich_to_text(view), out, force)


def _rich_to_text(renderable) -> str:
    from rich.console import Console

    capture = Console(width=180, no_color=True, highlight=False, file=None, record=True)
    with capture.capture():
        capture.print(renderable)
    return capture.export_text()


@app.command(cls=IkuCommand)
def report(
    bidang: BidangOpt = None,
    tahun: Annotated[int | None, typer.Option("--tahun", help="Satu tahun saja.")] = None,
    dari: Annotated[int | None, typer.Option("--dari", help="Tahun awal rentang.")] = None,
    sampai: Annotated[int | None, typer.Option("--sampai", help="Tahun akhir rentang.")] = None,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    format: Annotated[
        FormatReport, typer.Option("--format", "-f", help="table, json, markdown, html atau xlsx.")
    ] = FormatReport.table,
    out: OutOpt = None,
    force: ForceOpt = False,
    skala: Annotated[NamaSkala | None, typer.Option("--skala", help="Skala kategori.")] = None,
) -> None:
    """Laporan per bidang: capaian setiap tahun, perubahan, capaian terhadap target akhir Renstra.

    Tanpa --tahun atau --dari/--sampai: semua tahun yang punya berkas realisasi.

    Contoh: iku report --bidang UKM --format xlsx --out laporan-ukm.xlsx
    """
    from ikutool.capaian import Options
    from ikutool.definition import resolve_bidang
    from ikutool.report import build_report

    if format in (FormatReport.html, FormatReport.xlsx) and out is None:
        raise IkuError.single(
            "IKU501",
            f"format {format.value} perlu --out BERKAS, mis. --out laporan.{format.value}",
            file="--out",
            exit_code=2,
        )
    if out is not None:
        from ikutool.files import refuse_existing

        refuse_existing(out, force)  # say so before any work, not after
    iku = _load(iku_file).iku
    key = resolve_bidang(iku, bidang) if bidang else None
    years, data = _report_data(iku, iku_file, realisasi_dir, tahun, dari, sampai)
    laporan = build_report(
        iku, data, years, Options(skala=skala.value if skala else None, bidang=key)
    )
    _emit_laporan(laporan, format.value, out, force, table="report")
    if laporan.contoh_years and (out is not None or format is not FormatReport.table):
        from ikutool.render.text import report_notices

        for n in report_notices(laporan):
            sys.stderr.write(n + "\n")


@app.command(cls=IkuCommand)
def evaluasi(
    sampai: Annotated[
        int | None,
        typer.Option(
            "--sampai", help="Tahun terakhir yang dievaluasi (bawaan: tahun terakhir yang ada)."
        ),
    ] = None,
    bidang: BidangOpt = None,
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
    format: Annotated[
        FormatEvaluasi, typer.Option("--format", "-f", help="table, json atau markdown.")
    ] = FormatEvaluasi.table,
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """Evaluasi Renstra (susunan Permendagri 86/2017): target akhir, realisasi dan capaian per
    tahun, tingkat capaian terhadap target akhir periode.

    Contoh: iku evaluasi --sampai 2019
    """
    from ikutool.capaian import Options
    from ikutool.definition import resolve_bidang
    from ikutool.report import build_report

    if out is not None:
        from ikutool.files import refuse_existing

        refuse_existing(out, force)
    iku = _load(iku_file).iku
    key = resolve_bidang(iku, bidang) if bidang else None
    years, data = _report_data(iku, iku_file, realisasi_dir, None, iku.periode.awal, sampai)
    laporan = build_report(iku, data, years, Options(bidang=key))
    _emit_laporan(laporan, format.value, out, force, table="evaluasi")


@realisasi_app.command("template", cls=IkuCommand)
def realisasi_template(
    tahun: Annotated[int, typer.Option("--tahun", help="Tahun berkas realisasi.")],
    iku_file: IkuOpt = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Berkas tujuan; tanpa ini, isi dicetak ke layar."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Timpa berkas tujuan bila sudah ada.")
    ] = False,
) -> None:
    """Buat berkas realisasi kosong untuk satu tahun, dengan target di samping setiap baris.

    Contoh: iku realisasi template --tahun 2020 --out data/realisasi/2020.yaml
    """
    from ikutool.files import write_atomic
    from ikutool.paths import shown
    from ikutool.realisasi import template_text

    iku = _load(iku_file).iku
    _check_year(iku, tahun)
    text = template_text(iku, tahun, iku_file=shown(iku_file) if iku_file else None)
    if out is None:
        write(text)
        return
    write_atomic(out, text, force=force)
    sys.stderr.write(f"Berkas realisasi {tahun} ditulis: {shown(out)}\n")


@realisasi_app.command("isi", cls=IkuCommand)
def realisasi_isi(
    nilai: Annotated[
        list[str],
        typer.Argument(
            help="KODE=NILAI atau KODE.KOMPONEN=NILAI, mis. S1.2=58 S3.2.ekspor=6,5",
            show_default=False,
        ),
    ],
    tahun: Annotated[int, typer.Option("--tahun", help="Tahun berkas realisasi.")],
    iku_file: IkuOpt = None,
    realisasi_dir: RealisasiOpt = None,
) -> None:
    """Isi atau ubah nilai di berkas realisasi; komentar, urutan dan tanda kutip tetap.

    Berkas diperiksa dulu; bila ada galat, berkas tidak diubah sama sekali.

    Contoh: iku realisasi isi --tahun 2020 S1.2=58 S3.2.ekspor=6,5
    """
    from ikutool.editing import parse_assignment, set_values
    from ikutool.files import write_atomic
    from ikutool.paths import default_realisasi_dir, shown
    from ikutool.realisasi import template_hint

    iku = _load(iku_file).iku
    _check_year(iku, tahun)
    folder = realisasi_dir or default_realisasi_dir(iku_file)
    path = folder / f"{tahun}.yaml"
    if not path.is_file():
        raise IkuError.single(
            "IKU308",
            f"berkas realisasi {tahun} belum ada",
            file=shown(path),
            exit_code=2,
            hint=template_hint(tahun, folder, _iku_option_text(iku_file)),
        )
    assignments = [parse_assignment(a, iku) for a in nilai]
    text, result = set_values(path, iku, assignments, shown(path))
    write_atomic(path, text, force=True)  # an edit of this very file is what was asked for
    _warn(result.findings)
    sys.stderr.write(f"{len(assignments)} nilai diisi di {shown(path)}\n")


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        app()
    except IkuError as exc:  # raised outside a command (should not happen, but never a traceback)
        print_error(exc)
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # `iku capaian ... | head`
        sys.exit(0)


if __name__ == "__main__":
    main()
