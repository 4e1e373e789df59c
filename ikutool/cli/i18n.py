"""Bahasa Indonesia for what typer/click print themselves: help panels and usage errors.

typer builds these strings with f-strings (no gettext catalogue to hook), so the panel titles are
set on typer.rich_utils and usage errors are rewritten from their attributes before they are shown.
"""

from __future__ import annotations

import re
from typing import Any

HELP_TEXT = "Tampilkan bantuan ini lalu keluar."


# What typer.rich_utils imports but ikutool's help and usage errors never use: rich.markdown
# (for markup_mode="markdown"; ours is "rich") and rich.traceback (typer's pretty exceptions, off).
# With them come markdown_it, mdurl, pygments and attrs: 150 M instructions, a fifth of --help.
_UNUSED_BY_HELP = {"rich.markdown": ("Markdown",), "rich.traceback": ("Traceback",)}


class _Deferred(type):
    """A stand-in for a class of a module not loaded: calling it, or any attribute of it, loads
    the real module and answers with the real class's."""

    _module: str
    _name: str

    def real(cls) -> Any:
        import importlib

        return getattr(importlib.import_module(cls._module), cls._name)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls.real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        return getattr(cls.real(), name)

    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, cls.real())


def rich_utils() -> Any:
    """``typer.rich_utils``, imported without :data:`_UNUSED_BY_HELP`: while it is first
    imported those modules are stand-ins whose classes load the real module when used (so a
    markdown help or a pretty traceback would still work), and they leave ``sys.modules``
    right after, so any later import of them is the real one."""
    import sys
    import types

    found = sys.modules.get("typer.rich_utils")
    if found is not None:
        return found
    standins = {}
    for module, names in _UNUSED_BY_HELP.items():
        if module in sys.modules:
            continue
        standin = types.ModuleType(module)
        for name in names:
            setattr(standin, name, _Deferred(name, (), {"_module": module, "_name": name}))
        standins[module] = sys.modules[module] = standin
    try:
        from typer import rich_utils as ru
    finally:
        for module, standin in standins.items():
            if sys.modules.get(module) is standin:
                del sys.modules[module]
    return ru


def install() -> None:
    ru = rich_utils()

    ru.ARGUMENTS_PANEL_TITLE = "Argumen"
    ru.OPTIONS_PANEL_TITLE = "Pilihan"
    ru.COMMANDS_PANEL_TITLE = "Perintah"
    ru.ERRORS_PANEL_TITLE = "Galat penggunaan"
    ru.ABORTED_TEXT = "Dibatalkan."
    ru.RICH_HELP = "Lihat [blue]'{command_path} {help_option}'[/] untuk bantuan."
    ru.REQUIRED_LONG_STRING = "[wajib]"
    ru.DEFAULT_STRING = "[bawaan: {}]"
    ru.DEPRECATED_STRING = "(usang) "


_TYPE_LABELS = {"int": "BILANGAN", "float": "ANGKA", "str": "TEKS", "Path": "BERKAS"}


def one_line_paragraphs(text: str | None) -> str | None:
    """A docstring's paragraphs each on one line (typer keeps single line breaks otherwise)."""
    import inspect

    if not text:
        return text
    return re.sub(r"(?<!\n)\n(?!\n)", " ", inspect.cleandoc(text))


def prepare_help(command: Any) -> None:
    """Help that reads as Indonesian: no ``<bool>``/``<path>``/``<int>`` type labels; our help
    texts printed as written (typer reads them as rich markup: ``'ikutool[parquet]'`` lost its
    ``[parquet]``)."""
    from rich.markup import escape

    if not getattr(command, "_iku_escaped", False):
        command._iku_escaped = True
        if command.help:
            command.help = escape(command.help)
        for param in command.params:
            if getattr(param, "help", None):
                param.help = escape(param.help)
    for param in command.params:
        label: str | None = None
        if param.param_type_name == "option" and not getattr(param, "is_flag", False):
            label = param.metavar or _TYPE_LABELS.get(getattr(param.type, "name", ""), None)
            if label is None:
                label = str(getattr(param.type, "name", "NILAI")).upper()
        param.display_type_rich = lambda ctx, label=label: label


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


_EXAMPLES = {
    "--tahun": "2019",
    "--dari": "2017",
    "--sampai": "2019",
    "--format": "json",
    "-f": "json",
    "--bidang": "UKM",
    "--out": "laporan.xlsx",
    "-o": "laporan.xlsx",
    "--iku": "iku.yaml",
    "--realisasi": "realisasi",
    "--batas": "120",
    "--skala": "permendagri86",
}


def _example(option: str) -> str:
    return _EXAMPLES.get(option, "NILAI")


def _format_hint(e: Any) -> str:
    """``capaian --format xlsx``: the command that does make Excel or HTML."""
    ctx = getattr(e, "ctx", None)
    param = getattr(e, "param", None)
    if ctx is None or param is None or getattr(param, "name", "") != "format":
        return ""
    wanted = next(
        (v for v in ("xlsx", "xls", "excel", "html") if v in str(e.message).lower()), None
    )
    if wanted is None or ctx.command.name == "report":
        return ""
    fmt = "html" if wanted == "html" else "xlsx"
    return f". Untuk {fmt.upper()} pakai: iku report --format {fmt} --out laporan.{fmt}"


def _command_hint(e: Any, typed: str) -> str:
    import difflib

    ctx = getattr(e, "ctx", None)
    if ctx is None:
        return ""
    names = ctx.command.list_commands(ctx)
    hits = difflib.get_close_matches(typed, names, n=1, cutoff=0.6)
    return (
        f"; mungkin maksudnya '{hits[0]}'?" if hits else f". Perintah yang ada: {', '.join(names)}"
    )


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
        text += _format_hint(e)
    elif name == "BadOptionUsage" and "requires" in str(getattr(e, "message", "")):
        option = getattr(e, "option_name", "") or hint
        text = f"pilihan {option} perlu nilai, mis. {option} {_example(option)}"
    elif name == "NoSuchOption":
        text = f"pilihan tidak dikenal: {e.option_name}"
        if getattr(e, "possibilities", None):
            text += f"; mungkin maksudnya {', '.join(sorted(e.possibilities))}?"
    else:
        message = str(getattr(e, "message", e))
        m = re.match(r"No such command '?([^'.]*)'?", message)
        if m:
            text = f"perintah '{m.group(1)}' tidak dikenal" + _command_hint(e, m.group(1))
        elif message.startswith("Got unexpected extra argument"):
            extra = re.search(r"\(([^()]*)\)\s*$", message)
            text = "argumen berlebih: " + (extra.group(1) if extra else message)
            text += "; perintah ini tidak menerima argumen tambahan (pilihan ditulis --nama nilai)"
        else:
            text = message
    e.message = text
    e.format_message = lambda: text
