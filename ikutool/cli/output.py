"""The one place where a user error becomes output and an exit code; console setup."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ikutool.errors import IkuError


def inert_console_class() -> Any:
    """rich's Console with every text segment made inert (errors.visible) as it is rendered:
    whatever a view builds (a table of folder names, commit subjects, indicator texts) reaches
    the terminal with its control characters shown, while rich's own styling (control
    segments) still works. The one place all rich output passes."""
    from rich.console import Console
    from rich.segment import Segment

    from ikutool.errors import visible

    class InertConsole(Console):
        def _render_buffer(self, buffer: Any) -> str:
            return super()._render_buffer(
                s if s.control else Segment(visible(s.text), s.style, s.control) for s in buffer
            )

    return InertConsole


class VisibleStream:
    """A terminal stream whose every write has control characters made visible (the messages
    written with ``sys.stderr.write`` name files and folders of another agency's workspace)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        from ikutool.errors import visible

        return self.inner.write(visible(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def console(*, stderr: bool = False) -> Any:
    Console = inert_console_class()  # noqa: N806 - a class

    stream = sys.stderr if stderr else sys.stdout
    width = None
    if not stream.isatty():
        # Piped or redirected: do not squeeze the LKjIP table into 80 columns.
        width = int(os.environ.get("COLUMNS", "0") or 0) or 180
    # markup and emoji off: user text ("Jumlah [wajib] UMKM", ":thumbs_up:") prints as written;
    # every style of ours is a rich Text style, never markup in a string
    return Console(
        stderr=stderr,
        # rich's own styling goes to the terminal itself; its text is made inert by the class
        file=getattr(sys.stderr, "inner", None) if stderr else None,
        width=width,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
    )


def write(text: str) -> None:
    if sys.stdout.isatty():  # a person reads it: control characters shown, not obeyed
        from ikutool.errors import visible

        text = visible(text)
    sys.stdout.write(text)
    sys.stdout.flush()


SHOWN_FINDINGS = 200  # a file with thousands of errors needs its first ones fixed, not a flood


def write_findings(stream: Any, findings: list[Any]) -> None:
    for f in findings[:SHOWN_FINDINGS]:
        stream.write(f"{f}\n")
    if len(findings) > SHOWN_FINDINGS:
        stream.write(
            f"... dan {len(findings) - SHOWN_FINDINGS} temuan lainnya (semuanya: iku validate "
            "BERKAS --format json)\n"
        )


def print_error(exc: IkuError) -> None:
    err = sys.stderr
    errors = [f for f in exc.findings if f.is_error]
    write_findings(err, exc.findings)
    if exc.hint:
        err.write(f"{exc.hint}\n")
    if exc.exit_code == 1 and errors:
        n = len(errors)
        err.write(f"{n} galat ditemukan; tidak ada berkas yang ditulis atau diubah.\n")
    err.flush()


class _Indonesian:
    """Help option text and usage in Bahasa Indonesia (mixed into the group and command classes)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from ikutool.cli.i18n import one_line_paragraphs

        obj: Any = self
        obj.help = one_line_paragraphs(obj.help)

    def get_help_option(self, ctx: Any) -> Any:
        from ikutool.cli.i18n import HELP_TEXT

        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
            option.display_type_rich = lambda ctx: None
        return option

    def format_help(self, ctx: Any, formatter: Any) -> Any:
        from ikutool.cli.i18n import install, prepare_help

        install()  # typer.rich_utils is heavy (markdown): load it only when help is shown
        prepare_help(self)
        return super().format_help(ctx, formatter)  # type: ignore[misc]

    def get_usage(self, ctx: Any) -> str:
        usage = super().get_usage(ctx)  # type: ignore[misc]
        for english, indonesian in (
            ("Usage:", "Penggunaan:"),
            ("[OPTIONS]", "[PILIHAN]"),
            ("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]..."),
        ):
            usage = usage.replace(english, indonesian, 1)
        return usage

    def parse_args(self, ctx: Any, args: list[str]) -> Any:
        from typer._click.exceptions import UsageError

        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except UsageError as exc:
            from ikutool.cli.i18n import translate

            translate(exc)
            raise


MAX_NAME_BYTES = 255  # one file or folder name, on every common file system
MAX_PATH_BYTES = 4096


def path_problem(path: Any) -> str | None:
    """Why a path typed on the command line cannot be used at all, or None: a symbolic link
    loop, a name too long for the file system, a NUL. (What it is, a file or a folder, and
    whether it exists, each command says.)"""
    import errno

    try:
        raw = os.fsencode(path)
    except (TypeError, ValueError):
        return None
    if b"\0" in raw:
        return "nama jalur tidak sah (berisi karakter NUL)"
    if len(raw) > MAX_PATH_BYTES or any(len(part) > MAX_NAME_BYTES for part in raw.split(b"/")):
        return "nama terlalu panjang untuk sistem berkas (lebih dari 255 bita); pakai nama yang lebih pendek"
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                "tautan simbolik berputar (menunjuk dirinya sendiri lewat tautan lain); perbaiki "
                "tautannya, atau tulis jalur yang sebenarnya"
            )
        if exc.errno == errno.ENAMETOOLONG:
            return "nama terlalu panjang untuk sistem berkas; pakai nama yang lebih pendek"
    return None


def check_path_params(ctx: Any) -> None:
    """Every path given to a command checked before the command runs (IKU509, exit 2)."""
    from pathlib import PurePath

    from ikutool.errors import Finding, Severity

    names = {
        p.name: (p.opts[0] if getattr(p, "opts", None) else p.name) for p in ctx.command.params
    }
    findings = []
    for key, value in ctx.params.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if not isinstance(item, PurePath) or str(item) == "-":
                continue
            problem = path_problem(item)
            if problem is not None:
                option = names.get(key, key)
                shown = os.fsdecode(bytes(item) if isinstance(item, bytes) else os.fsencode(item))
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                findings.append(
                    Finding("IKU509", f"{option} '{shown}': {problem}", Severity.ERROR, option)
                )
    if findings:
        raise IkuError(findings, exit_code=2)


class IkuCommand(_Indonesian, TyperCommand):
    """Checks every path parameter first; a path that still defeats the file system deep inside
    a command (a link loop met by ``Path.resolve``) is a message, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        import errno

        check_path_params(ctx)
        try:
            return super().invoke(ctx)
        except RuntimeError as exc:
            if "Symlink loop" not in str(exc):
                raise
            raise _path_error(
                str(exc).split("from", 1)[-1].strip(" '"), "tautan simbolik berputar"
            ) from None
        except OSError as exc:
            if exc.errno not in (errno.ELOOP, errno.ENAMETOOLONG):
                raise
            why = "tautan simbolik berputar" if exc.errno == errno.ELOOP else "nama terlalu panjang"
            raise _path_error(os.fsdecode(exc.filename or "?"), why) from None


def _path_error(name: str, why: str) -> IkuError:
    name = name if len(name) <= 80 else name[:77] + "..."
    return IkuError.single("IKU509", f"jalur tidak dapat dipakai: {why}", file=name, exit_code=2)


class IkuGroup(_Indonesian, TyperGroup):
    """Turns :class:`IkuError` raised by any command into a message and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        from typer._click.exceptions import UsageError

        from ikutool.cli import common

        common._announced = False  # once per command run (tests run many in one process)
        from ikutool.workspace.confine import set_root

        set_root(None)  # each command finds its own workspace
        try:
            return super().invoke(ctx)
        except IkuError as exc:
            print_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except UsageError as exc:
            from ikutool.cli.i18n import translate

            translate(exc)
            raise
