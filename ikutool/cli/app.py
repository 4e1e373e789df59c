"""The ``iku`` command line: the command table. Each command lives in the module of its name;
each command parses, calls the library, renders and exits. Nothing else.

Commands are built lazily: ``iku capaian`` imports and builds the ``capaian`` command only, not
the other twelve (typer would otherwise turn every function into a click command at start-up).
"""

from __future__ import annotations

import gc
import importlib
import signal
import sys
from typing import Annotated, Any

import typer

from ikutool.cli.output import IkuCommand, IkuGroup, print_error
from ikutool.errors import IkuError

# name: (module in ikutool.cli, function); in the order --help lists them
COMMANDS = {
    "init": ("init", "init"),
    "validate": ("validate", "validate"),
    "show": ("show", "show"),
    "manual": ("manual", "manual"),
    "capaian": ("capaian", "capaian"),
    "report": ("report", "report"),
    "triwulan": ("triwulan", "triwulan"),
    "lkjip": ("lkjip", "lkjip"),
    "pohon": ("pohon", "pohon"),
    "rekap": ("rekap", "rekap"),
    "situs": ("situs", "situs"),
    "lke": ("lke", "lke"),
    "diff": ("diff", "diff"),
    "schema": ("schema", "schema"),
}
REALISASI = {
    "template": ("realisasi", "template"),
    "isi": ("realisasi", "isi"),
    "impor": ("realisasi", "impor"),
}


def build(name: str, module: str, function: str) -> Any:
    """The click command of one function, built by typer when it is first needed."""
    import typer.main

    fn = getattr(importlib.import_module(f"ikutool.cli.{module}"), function)
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    single.command(name, cls=IkuCommand)(fn)
    command = typer.main.get_command(single)
    command.name = name
    return command


class _LazyGroup(IkuGroup):
    table: dict[str, tuple[str, str]] = {}
    subgroups: dict[str, Any] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        return [*self.table, *self.subgroups]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name not in self.commands:
            if name in self.table:
                self.commands[name] = build(name, *self.table[name])
            elif name in self.subgroups:
                self.commands[name] = self.subgroups[name]()
        return self.commands.get(name)


class RealisasiGroup(_LazyGroup):
    table = REALISASI


RENAKSI = {"template": ("renaksi", "renaksi_template")}
EVALUASI = {"renstra": ("evaluasi", "evaluasi"), "renja": ("evaluasi", "evaluasi_renja")}


class EvaluasiGroup(_LazyGroup):
    """``iku evaluasi renja`` (E.81) and ``iku evaluasi renstra`` (E.80); ``iku evaluasi`` with
    options only is the Renstra evaluation, as before the Renja one existed."""

    table = EVALUASI

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.table and args[0] not in ("--help", "-h")):
            args = ["renstra", *args]
        return super().parse_args(ctx, args)


def _evaluasi_group() -> Any:
    import typer.main

    sub = typer.Typer(cls=EvaluasiGroup, no_args_is_help=False, add_completion=False)

    @sub.callback()
    def evaluasi() -> None:
        """Evaluasi Renja (formulir E.81) dan Renstra (E.80): kinerja dan anggaran.

        'iku evaluasi' tanpa perintah berikutnya sama dengan 'iku evaluasi renstra'.

        Contoh: iku evaluasi renja --tahun 2019 --format xlsx --out e81-2019.xlsx
        """

    group = typer.main.get_command(sub)
    group.name = "evaluasi"
    return group


class RenaksiGroup(_LazyGroup):
    table = RENAKSI


def _renaksi_group() -> Any:
    import typer.main

    sub = typer.Typer(cls=RenaksiGroup, no_args_is_help=True, add_completion=False)

    @sub.callback()
    def renaksi() -> None:
        """Rencana aksi: target setiap indikator per triwulan (renaksi/<tahun>.yaml)."""

    group = typer.main.get_command(sub)
    group.name = "renaksi"
    return group


def _realisasi_group() -> Any:
    import typer.main

    sub = typer.Typer(cls=RealisasiGroup, no_args_is_help=True, add_completion=False)

    @sub.callback()
    def realisasi() -> None:
        """Berkas realisasi: membuat berkas kosong (atau buku kerja Excel) per tahun, mengisi
        nilainya, dan mengimpor buku kerja yang diisi bidang."""

    group = typer.main.get_command(sub)
    group.name = "realisasi"
    return group


class RootGroup(_LazyGroup):
    table = COMMANDS
    subgroups = {
        "realisasi": _realisasi_group,
        "renaksi": _renaksi_group,
        "evaluasi": _evaluasi_group,
    }


app = typer.Typer(
    cls=RootGroup,
    name="iku",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from ikutool import __version__

        sys.stdout.write(f"ikutool {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def iku(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Tampilkan versi ikutool lalu keluar.",
            is_eager=True,
            callback=_version,
        ),
    ] = False,
) -> None:
    """ikutool: Indikator Kinerja Utama (IKU), realisasi, capaian dan tabel LKjIP.

    Mulai: iku init NAMA-FOLDER, lalu jalankan perintah lain di dalam folder itu.
    """


def _terminate(signum: int, _frame: object) -> None:
    # SIGTERM / SIGHUP (a closed terminal window) unwind like Ctrl-C, so a write in progress
    # removes its temporary file and the old file stays as it was.
    raise SystemExit(128 + signum)


def main() -> None:
    # One short-lived process building many small objects that never form cycles worth
    # collecting early: the cyclic collector's default (a pass every 700 allocations) costs a
    # third of a 10.000-indicator run. Memory stays bounded by the input limits.
    gc.set_threshold(100_000, 50, 1000)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    if sys.stderr.isatty():  # every message a person reads: control characters shown
        from ikutool.cli.output import VisibleStream

        sys.stderr = VisibleStream(sys.stderr)
    from ikutool.cli import fastexit

    fds = fastexit.open_fds()
    code = _run()
    # everything is written and closed: end without the interpreter's teardown (58-98 M
    # instructions, 4-7 % of a command) when nothing can be lost by it (cli/fastexit.py)
    if isinstance(code, int | None) and fastexit.safe(sys._getframe(1).f_globals, fds):
        fastexit.exit_now(code or 0)
    sys.exit(code)


def _run() -> Any:
    """Run the command line; the exit code (``SystemExit``'s) it ends with."""
    try:
        app()
    except SystemExit as exc:
        return exc.code
    except IkuError as exc:  # raised outside a command (should not happen, but never a traceback)
        print_error(exc)
        return exc.exit_code
    except BrokenPipeError:  # `iku capaian ... | head`
        return 0
    return 0


if __name__ == "__main__":
    main()
