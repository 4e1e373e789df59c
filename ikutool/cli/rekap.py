"""``iku rekap``: every agency of a regency (or a province) in one table."""

# (no `from __future__ import annotations`: typer reads the commands' signatures, and real
# annotations spare it compiling and evaluating each one as a string at every start)

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ikutool.cli.common import (
    ForceOpt,
    SkalaOpt,
    deliver,
    need_out,
    refuse_out,
    rich_to_text,
)
from ikutool.cli.output import console, write_findings
from ikutool.errors import IkuError


class FormatRekap(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"
    html = "html"
    parquet = "parquet"
    docx = "docx"
    svg = "svg"
    pdf = "pdf"


class Urut(StrEnum):
    nama = "nama"
    capaian = "capaian"


def rekap(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="Folder berisi ruang kerja setiap instansi (masing-masing dibuat dengan iku init). "
            "Bawaan: folder ini.",
            show_default=False,
        ),
    ] = Path("."),
    tahun: Annotated[
        int | None, typer.Option("--tahun", metavar="TAHUN", help="Satu tahun, mis. 2026.")
    ] = None,
    dari: Annotated[
        int | None, typer.Option("--dari", metavar="TAHUN", help="Tren: tahun awal.")
    ] = None,
    sampai: Annotated[
        int | None, typer.Option("--sampai", metavar="TAHUN", help="Tren: tahun akhir.")
    ] = None,
    urut: Annotated[
        Urut, typer.Option("--urut", metavar="URUTAN", help="nama atau capaian (tertinggi dulu).")
    ] = Urut.nama,
    format: Annotated[
        FormatRekap,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, json, csv, markdown, xlsx, html atau parquet (xlsx, html dan parquet "
            "perlu --out; parquet perlu pip install 'ikutool[parquet]').",
        ),
    ] = FormatRekap.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="BERKAS", help="Tulis ke berkas ini.")
    ] = None,
    force: ForceOpt = False,
    skala: SkalaOpt = None,
    tw: Annotated[
        str | None,
        typer.Option(
            "--tw",
            metavar="N",
            help="Triwulan (1-4) dengan --tahun: capaian s.d. triwulan itu per instansi dan "
            "instansi yang belum melaporkannya (format table, markdown, csv, json, xlsx, docx).",
        ),
    ] = None,
    pohon: Annotated[
        bool,
        typer.Option(
            "--pohon",
            help="Pohon kinerja kabupaten dari pohon kinerja setiap instansi: sasaran RPJMD yang "
            "belum didukung, crosscutting yang tidak ditemukan, dan gambar pohonnya (format "
            "table, markdown, json, svg, pdf, html, docx). RPJMD: rpjmd.yaml di FOLDER.",
        ),
    ] = False,
) -> None:
    """Rekapitulasi semua instansi: satu baris per ruang kerja di FOLDER.

    Capaian per sasaran, rata-rata, kategori dan yang masih kurang; dengan --tw, capaian s.d.
    triwulan dan instansi yang belum melapor. Instansi yang berkasnya salah dilaporkan
    (dengan lokasinya) dan yang lain tetap dihitung; kode keluar 1 bila ada yang salah.

    Contoh: iku rekap --tahun 2026 kabupaten/, iku rekap --dari 2025 --sampai 2027 --urut capaian
    """
    if pohon:
        from ikutool.cli.pohon import rekap_pohon

        rekap_pohon(folder, tahun, format.value, out, force)
        return
    if format in (FormatRekap.svg, FormatRekap.pdf):
        raise IkuError.single(
            "IKU501", "format svg dan pdf untuk --pohon", file="--format", exit_code=2
        )
    if tw is not None:
        _rekap_triwulan(folder, tahun, dari, sampai, tw, urut, format, out, force, skala)
    else:
        _rekap_tahunan(folder, tahun, dari, sampai, urut, format, out, force, skala)


def _rekap_tahunan(
    folder: Path,
    tahun: int | None,
    dari: int | None,
    sampai: int | None,
    urut: Urut,
    format: FormatRekap,
    out: Path | None,
    force: bool,
    skala: SkalaOpt,
) -> None:
    """``iku rekap --tahun Y`` (or ``--dari A --sampai B``): each agency's capaian per year."""
    from ikutool.compute.capaian import Options
    from ikutool.reports.rekap import build_rekap

    _check_yearly_format(format, out)
    if not folder.is_dir():
        raise IkuError.single("IKU101", "folder tidak ada", file=str(folder), exit_code=2)
    years = _years(tahun, dari, sampai)
    refuse_out(out, force)
    result = build_rekap(
        folder,
        years,
        Options(skala=skala.value if skala else None),
        urut=urut.value,
        progress=_progress(),
    )
    if not result.baris:
        raise _no_agencies(folder)
    _emit(result, format, out, force)
    _bad_agencies(result)


def _check_yearly_format(format: FormatRekap, out: Path | None) -> None:
    """The yearly roll-up's formats: no docx (that is the quarters'), a file for the binary
    ones, pyarrow for parquet."""
    if format is FormatRekap.docx:
        raise IkuError.single(
            "IKU501",
            "format docx untuk rekap tersedia bersama --tw; untuk rekap tahunan pakai xlsx atau html",
            file="--format",
            exit_code=2,
        )
    if format in (FormatRekap.xlsx, FormatRekap.html, FormatRekap.parquet):
        need_out(format.value, out, f"rekap.{format.value}")
    if format is FormatRekap.parquet:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise IkuError.single(
                "IKU501",
                "format parquet memerlukan pyarrow: pip install 'ikutool[parquet]'",
                file="--format",
                exit_code=2,
            ) from None


def _rekap_triwulan(
    folder: Path,
    tahun: int | None,
    dari: int | None,
    sampai: int | None,
    tw: str,
    urut: Urut,
    format: FormatRekap,
    out: Path | None,
    force: bool,
    skala: SkalaOpt,
) -> None:
    """``iku rekap --tahun Y --tw N``: each agency's capaian s.d. TW N, and who has not reported."""
    from ikutool.cli.triwulan import quarter_option
    from ikutool.compute.capaian import Options
    from ikutool.reports.rekap import build_rekap_triwulan

    name = quarter_option(tw)
    if tahun is None or dari is not None or sampai is not None:
        raise IkuError.single(
            "IKU501",
            "--tw dipakai bersama --tahun (satu tahun), mis. iku rekap --tahun 2026 --tw 2",
            file="--tw",
            exit_code=2,
        )
    if format is FormatRekap.parquet:
        raise IkuError.single(
            "IKU501",
            "format parquet belum tersedia untuk rekap triwulan; pakai table, markdown, csv, "
            "json, html, xlsx atau docx",
            file="--format",
            exit_code=2,
        )
    if format in (FormatRekap.xlsx, FormatRekap.docx, FormatRekap.html):
        need_out(format.value, out, f"rekap-tw{name}.{format.value}")
    if not folder.is_dir():
        raise IkuError.single("IKU101", "folder tidak ada", file=str(folder), exit_code=2)
    refuse_out(out, force)
    result = build_rekap_triwulan(
        folder,
        tahun,
        name,
        Options(skala=skala.value if skala else None),
        urut=urut.value,
        progress=_progress(),
    )
    if not result.baris:
        raise _no_agencies(folder)
    _emit_triwulan(result, format, out, force)
    _bad_agencies(result)


def _emit_triwulan(result, format: FormatRekap, out: Path | None, force: bool) -> None:
    """The quarterly roll-up in ``format``: json and csv here, the rest as a document."""
    from ikutool.cli.common import deliver_document

    if format is FormatRekap.json:
        from ikutool.render.formats.export import dumps

        data = result.model_dump(mode="json")
        data["belum_lapor"] = result.belum_lapor
        deliver(dumps(data), out, force)
    elif format is FormatRekap.csv:
        import io

        from ikutool.render.formats import csvsafe

        buf = io.StringIO()
        w = csvsafe.writer(buf)
        w.writerow(["tahun", "triwulan", "folder", "instansi", "dilaporkan", "terisi",
                    "jumlah_indikator", "capaian_tw", "capaian_sd_tw", "kategori",
                    "serapan_sd_tw", "status_data", "kurang", "galat"])  # fmt: skip
        for b in result.baris:
            w.writerow(
                [result.tahun, result.triwulan, b.folder, b.instansi or "", int(b.dilaporkan),
                 b.terisi, b.jumlah_indikator, _num(b.capaian_tw), _num(b.capaian_sd_tw),
                 b.kategori or "", _num(b.serapan_sd_tw), b.status_data or "",
                 "; ".join(b.kurang), len(b.galat)]
            )  # fmt: skip
        deliver(buf.getvalue(), out, force)
    else:
        from ikutool.render.documents.rekap import rekap_triwulan_document

        deliver_document(rekap_triwulan_document(result), format.value, out, force)


def _no_agencies(folder: Path) -> IkuError:
    return IkuError.single(
        "IKU308",
        "tidak ada ruang kerja instansi (folder dengan ikutool.yaml) di folder ini",
        file=str(folder),
        exit_code=2,
    )


def _bad_agencies(result) -> None:  # result: Rekap | RekapTriwulan
    """The roll-up of the others is out; these are the agencies' own files to fix (exit 1)."""
    from ikutool.reports.rekap import galat_findings

    bad = galat_findings(result)
    if bad:
        write_findings(sys.stderr, bad)
        sys.stderr.write(
            f"{result.jumlah_galat} instansi dengan berkas yang salah ({len(bad)} galat); "
            "instansi lain tetap dihitung.\n"
        )
        raise typer.Exit(1)


def _num(v: float | None) -> str:
    return "" if v is None else repr(v)


def _years(tahun: int | None, dari: int | None, sampai: int | None) -> list[int]:
    if tahun is not None and (dari is not None or sampai is not None):
        raise IkuError.single(
            "IKU501", "pakai --tahun saja, atau --dari dan --sampai", file="--tahun", exit_code=2
        )
    if tahun is not None:
        return [tahun]
    if dari is None or sampai is None:
        raise IkuError.single(
            "IKU501",
            "sebutkan --tahun TAHUN, atau --dari TAHUN dan --sampai TAHUN",
            file="--tahun",
            exit_code=2,
        )
    if not 0 <= sampai - dari <= 50:
        raise IkuError.single(
            "IKU501", f"--dari {dari} harus sebelum --sampai {sampai}", file="--dari", exit_code=2
        )
    return list(range(dari, sampai + 1))


def _progress():  # -> Callable[[int, int], None] | None
    """A progress bar on stderr, only for a person watching a terminal, and only once it takes
    more than a moment."""
    import time

    if not sys.stderr.isatty():
        return None
    start = time.monotonic()
    state: dict[str, Any] = {}

    def tick(done: int, total: int) -> None:
        if "bar" not in state:
            if time.monotonic() - start < 0.5 or done == total:
                return
            from rich.progress import Progress

            bar = Progress(console=console(stderr=True), transient=True)
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("Menghitung instansi", total=total)
        bar = state["bar"]
        bar.update(state["task"], completed=done)
        if done == total:
            bar.stop()

    return tick


def _emit(result, format: FormatRekap, out: Path | None, force: bool) -> None:
    from ikutool.render.documents import rekap as render
    from ikutool.render.formats import export

    if format is FormatRekap.json:
        deliver(export.dumps(render.rekap_data(result)), out, force)
    elif format is FormatRekap.csv:
        deliver(render.rekap_csv(result), out, force)
    elif format is FormatRekap.markdown:
        deliver(render.rekap_markdown(result), out, force)
    elif format is FormatRekap.html:
        deliver(render.rekap_html(result), out, force)
    elif format is FormatRekap.xlsx:
        scratch = out.resolve().parent if out is not None else None
        deliver(render.rekap_xlsx(result, scratch), out, force)
    elif format is FormatRekap.parquet:
        deliver(render.rekap_parquet(result), out, force)
    elif out is None:
        screen = console()
        screen.print(render.rekap_view(result, screen.width))
    else:
        deliver(rich_to_text(render.rekap_view(result)), out, force)
