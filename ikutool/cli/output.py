"""The one place where a user error becomes output and an exit code; console setup."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from ikutool.errors import IkuError


def console(*, stderr: bool = False) -> Any:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None
    if not stream.isatty():
        # Piped or redirected: do not squeeze the LKjIP table into 80 columns.
        width = int(os.environ.get("COLUMNS", "0") or 0) or 180
    return Console(stderr=stderr, width=width, highlight=False, soft_wrap=False)


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def print_error(exc: IkuError) -> None:
    err = sys.stderr
    errors = [f for f in exc.findings if f.is_error]
    for f in exc.findings:
        err.write(f"{f}\n")
    if exc.hint:
        err.write(f"{exc.hint}\n")
    if exc.exit_code == 1 and errors:
        n = len(errors)
        err.write(f"{n} galat ditemukan; tidak ada berkas yang ditulis atau diubah.\n")
    err.flush()


class IkuGroup(TyperGroup):
    """Turns :class:`IkuError` raised by any command into a message and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except IkuError as exc:
            print_error(exc)
            raise typer.Exit(exc.exit_code) from None
