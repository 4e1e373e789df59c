"""The terminal view (rich) of every block document (:mod:`ikutool.render.blocks`)."""

from __future__ import annotations

from typing import Any, assert_never

from ikutool.render.blocks import (
    Angka,
    Block,
    Dokumen,
    Gambar,
    Grafik,
    HalamanBaru,
    Heading,
    Para,
    ParaKind,
    Run,
    RunKind,
    Tabel,
    Tanda,
    kategori_colour,
    text_of,
)


def view(doc: Dokumen, width: int | None = None) -> Any:
    """The document for the terminal (rich): tables as tables, placeholders highlighted; a table
    too wide for ``width`` columns as a list (one block per row, "header: value"), never cut."""
    from rich.console import Group

    parts: list[Any] = []
    for b in doc.blocks:
        parts += _view_block(b, width)
    return Group(*parts)


def _inert(value: str = "", style: str = "") -> Any:
    """rich's Text of ``value`` with every control character shown, never obeyed (a folder
    name or a catatan from another agency's files reaches the terminal as text)."""
    from rich.text import Text

    from ikutool.errors import visible

    return Text(visible(value), style=style)


def _rich_text(runs: list[Run], style: str = "") -> Any:
    from ikutool.errors import visible

    out = _inert(style=style)
    for r in runs:
        match r:
            case str():
                out.append(visible(r))
            case Angka():
                out.append(visible(r.teks))
            case (text, kind):
                out.append(visible(text), style=_view_style(text, kind))
            case _:
                assert_never(r)
    return out


def _view_style(text: str, kind: RunKind) -> str:
    match kind:
        case "placeholder":
            return "black on yellow"
        case "bold":
            return "bold"
        case "kategori":
            colour = kategori_colour(text)
            return f"bold {colour}" if colour else "bold"
        case "alert":
            return "bold red"
        case _:
            assert_never(kind)


def _para_style(kind: ParaKind) -> tuple[str, str]:
    """A paragraph's style on the terminal, and the mark before it."""
    match kind:
        case "note":
            return "bold yellow", ""
        case "small":
            return "dim", ""
        case "lead":
            return "bold", ""
        case "item":
            return "", "\u2022 "
        case "normal" | "sub":
            return "", ""
        case _:
            assert_never(kind)


def _view_block(b: Block, width: int | None) -> list[Any]:
    Text = _inert  # noqa: N806 - rich's Text, made inert

    match b:
        case Heading():
            return [Text("\n" + b.text, style="bold underline" if b.level < 2 else "bold")]
        case Para():
            style, mark = _para_style(b.kind)
            return [_rich_text([mark, *b.runs] if mark else b.runs, style)]
        case Tabel():
            return _view_table(b, width)
        case Gambar():
            return [Text(f"{b.nomor} {b.judul}".strip(), style="bold"), *(Text(x) for x in b.teks)]
        case Grafik():  # the table it draws is on the screen
            return []
        case Tanda():
            return [
                Text("\n"),
                _rich_text(b.tempat_tanggal),
                Text(b.jabatan),
                Text(""),
                Text(b.nama, style="bold underline"),
                *([Text(b.pangkat)] if b.pangkat else []),
                *([Text(f"NIP. {b.nip}")] if b.nip else []),
            ]
        case HalamanBaru():
            return [Text("")]
        case _:
            assert_never(b)


def _view_table(b: Tabel, width: int | None) -> list[Any]:
    from rich.table import Table

    from ikutool.errors import visible
    from ikutool.render.documents.tables import fits

    Text = _inert  # noqa: N806 - rich's Text, made inert
    t = Table(title=Text(f"{b.nomor} {b.judul}".strip()), header_style="bold", show_lines=False)
    for h, a in zip(b.flat_header(), b.align, strict=False):
        t.add_column(Text(h), justify="right" if a == "r" else "left")
    for i, row in enumerate(b.rows):
        t.add_row(*[_rich_text([c], "bold" if i in b.bold_rows else "") for c in row])
    parts: list[Any] = []
    if fits(t, width):
        parts.append(t)
    else:
        parts.append(Text(f"{b.nomor} {b.judul}".strip(), style="bold"))
        heads = b.flat_header()
        for i, row in enumerate(b.rows):
            style = "bold" if i in b.bold_rows else ""
            lines = [_rich_text([c], style) for c in row[:2] if text_of(c).strip()]
            first = Text(" ", style=style).join(lines) if lines else Text("-")
            parts.append(first)
            for h, c in zip(heads[2:], row[2:], strict=False):
                if text_of(c).strip():
                    parts.append(
                        Text("    ").append(visible(f"{h}: ")).append(_rich_text([c], style))
                    )
    parts += [Text(n, style="dim") for n in b.catatan]
    return parts
