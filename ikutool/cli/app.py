"""The ``iku`` command line: the command table. Each family of commands lives in its own module;
each command parses, calls the library, renders and exits. Nothing else."""

from __future__ import annotations

import signal
import sys

import typer

from ikutool.cli import capaian, definition, laporan, lkjip, realisasi, workspace
from ikutool.cli.output import IkuCommand, IkuGroup, print_error
from ikutool.errors import IkuError

app = typer.Typer(
    cls=IkuGroup,
    name="iku",
    help="ikutool: Indikator Kinerja Utama (IKU), realisasi, capaian dan tabel LKjIP.\n\n"
    "Mulai: iku init NAMA-FOLDER, lalu jalankan perintah lain di dalam folder itu.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
realisasi_app = typer.Typer(
    cls=IkuGroup,
    help="Berkas realisasi: membuat berkas kosong (atau buku kerja Excel) per tahun, mengisi "
    "nilainya, dan mengimpor buku kerja yang diisi bidang.",
    no_args_is_help=True,
)

app.command("init", cls=IkuCommand)(workspace.init)
app.command("validate", cls=IkuCommand)(definition.validate)
app.command("show", cls=IkuCommand)(definition.show)
app.command("capaian", cls=IkuCommand)(capaian.capaian)
app.command("report", cls=IkuCommand)(laporan.report)
app.command("evaluasi", cls=IkuCommand)(laporan.evaluasi)
app.command("lkjip", cls=IkuCommand)(lkjip.lkjip)
app.add_typer(realisasi_app, name="realisasi")
realisasi_app.command("template", cls=IkuCommand)(realisasi.template)
realisasi_app.command("isi", cls=IkuCommand)(realisasi.isi)
realisasi_app.command("impor", cls=IkuCommand)(realisasi.impor)


def _terminate(signum: int, _frame: object) -> None:
    # SIGTERM / SIGHUP (a closed terminal window) unwind like Ctrl-C, so a write in progress
    # removes its temporary file and the old file stays as it was.
    raise SystemExit(128 + signum)


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    try:
        app()
    except IkuError as exc:  # raised outside a command (should not happen, but never a traceback)
        print_error(exc)
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # `iku capaian ... | head`
        sys.exit(0)


if __name__ == "__main__":
    main()
