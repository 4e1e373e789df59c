"""Bahasa Indonesia for what typer/click print themselves: help panels and usage errors.

typer builds these strings with f-strings (no gettext catalogue to hook), so the panel titles are
set on typer.rich_utils and usage errors are rewritten from their attributes before they are shown.
"""

from __future__ import annotations

import re
from typing import Any

HELP_TEXT = "Tampilkan bantuan ini lalu keluar."


def install() -> None:
    from typer import rich_utils as ru

    ru.ARGUMENTS_PANEL_TITLE = "Argumen"
    ru.OPTIONS_PANEL_TITLE = "Pilihan"
    ru.COMMANDS_PANEL_TITLE = "Perintah"
    ru.ERRORS_PANEL_TITLE = "Galat penggunaan"
    ru.ABORTED_TEXT = "Dibatalkan."
    ru.RICH_HELP = "Lihat [blue]'{command_path} {help_option}'[/] untuk bantuan."
    ru.REQUIRED_LONG_STRING = "[wajib]"
    ru.DEFAULT_STRING = "[bawaan: {}]"
    ru.DEPRECATED_STRING = "(usang) "


def _hint(e: Any) -> str:
    param = getattr(e, "param", None)
    if getattr(e, "param_hint", None):
        hint = e.param_hint
        return " / ".join(hint) if isinstance(hint, list | tuple) else str(hint)
    if param is not None:
        opts = getattr(param, "opts", None) or [getattr(param, "name", "")]
        return " / ".join(f"'{o}'" for o in opts)
    return ""


def _value_message(message: str) -> str:
    m = re.search(r"'([^']*)' is not one of (.*)\.?$", message)
    if m:
        return f"'{m.group(1)}' tidak dikenal; pilih salah satu: {m.group(2).rstrip('.')}"
    if "valid integer" in message:
        return "harus bilangan bulat, mis. 2019"
    if "valid number" in message:
        return "harus berupa angka, mis. 120"
    if "does not exist" in message:
        return "berkas atau folder tidak ada"
    return message


def translate(e: Any) -> None:
    """Rewrite a click UsageError's message in Bahasa Indonesia (in place, once)."""
    if getattr(e, "_iku_translated", False):
        return
    e._iku_translated = True
    install()
    name = type(e).__name__
    hint = _hint(e)
    if name == "MissingParameter":
        kind = (
            "argumen"
            if getattr(e, "param_type", None) == "argument"
            or (
                getattr(e, "param", None) is not None
                and getattr(e.param, "param_type_name", "") == "argument"
            )
            else "pilihan"
        )
        text = f"{kind} wajib {hint} belum diberikan"
    elif name == "BadParameter":
        text = f"nilai untuk {hint} tidak sah: {_value_message(str(e.message))}"
    elif name == "NoSuchOption":
        text = f"pilihan tidak dikenal: {e.option_name}"
        if getattr(e, "possibilities", None):
            text += f"; mungkin maksudnya {', '.join(sorted(e.possibilities))}?"
    else:
        message = str(getattr(e, "message", e))
        m = re.match(r"No such command '?([^'.]*)'?", message)
        if m:
            text = f"perintah '{m.group(1)}' tidak dikenal"
        elif message.startswith("Got unexpected extra argument"):
            text = "argumen berlebih: " + message.split("(", 1)[-1].rstrip(")")
        else:
            text = message
    e.message = text
    e.format_message = lambda: text
