"""Markdown for every block document (:mod:`ikutool.render.blocks`)."""

from __future__ import annotations

from typing import assert_never

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
    Tabel,
    Tanda,
)

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\*_|`[]<>"})


def md_escape(text: str) -> str:
    """User and tool text as literal Markdown: ``*)`` stays a footnote mark, not emphasis."""
    return text.translate(_MD_SPECIAL)


def _md_line_start(text: str) -> str:
    """A paragraph must not turn into a list, heading or quote by its first characters."""
    if text[:1] in "-+#>" or (text[:1].isdigit() and text.split(" ", 1)[0].rstrip(".)").isdigit()):
        return "\\" + text
    return text


def _run_md(run: Run) -> str:
    match run:
        case str():
            return md_escape(run).replace("\n", "<br>")
        case Angka():
            return md_escape(run.teks).replace("\n", "<br>")
        case (text, kind):
            match kind:
                case "bold" | "placeholder":
                    return _md_bold(text)
                case "kategori" | "alert":  # Markdown has no colour: the words carry it
                    return md_escape(text).replace("\n", "<br>")
                case _:
                    assert_never(kind)
        case _:
            assert_never(run)


def _md_bold(text: str) -> str:
    if not text.strip():
        return md_escape(text)
    # "**Label: **x" is not bold in Markdown: the spaces go outside the markers
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}**{md_escape(core)}**{trail}"


def markdown(doc: Dokumen) -> str:
    lines: list[str] = []
    for b in doc.blocks:
        lines += _md_block(b)
    return "\n".join(lines).rstrip() + "\n"


def _md_block(b: Block) -> list[str]:
    match b:
        case Heading():  # a title's second line joins the first
            return [("#" * (b.level + 1)) + " " + md_escape(b.text.replace("\n", " ")), ""]
        case Para():
            text = _md_line_start("".join(_run_md(r) for r in b.runs))
            return [_md_para(text, b.kind), ""]
        case Tabel():
            return _md_table(b)
        case Gambar():
            head = [f"**{md_escape(b.nomor)}** {md_escape(b.judul)}".strip(), ""]
            return head + [md_escape(line) for line in b.teks] + [""]
        case Grafik():  # the table it draws carries its figures
            return []
        case Tanda():
            return [
                "".join(_run_md(r) for r in b.tempat_tanggal) + "  ",
                md_escape(b.jabatan) + "  ",
                "",
                "",
                f"**{md_escape(b.nama)}**  ",
                *([md_escape(b.pangkat) + "  "] if b.pangkat else []),
                *([f"NIP. {md_escape(b.nip)}"] if b.nip else []),
                "",
            ]
        case HalamanBaru():
            return ["---", ""]
        case _:
            assert_never(b)


def _md_para(text: str, kind: ParaKind) -> str:
    match kind:
        case "note":
            return f"> **{text}**"
        case "item":
            return f"- {text}"
        case "normal" | "small" | "lead" | "sub":
            return text
        case _:
            assert_never(kind)


def _md_table(b: Tabel) -> list[str]:
    lines = []
    if b.nomor:
        lines += [f"**{md_escape(b.nomor)}** {md_escape(b.judul)}".strip(), ""]
    elif b.judul:
        lines += [f"**{md_escape(b.judul)}**", ""]
    lines.append("| " + " | ".join(md_escape(h) for h in b.flat_header()) + " |")
    lines.append("|" + "|".join("---:" if a == "r" else "---" for a in b.align) + "|")
    for i, row in enumerate(b.rows):
        cells = [_run_md(c) for c in row]
        if i in b.bold_rows:
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for note in b.catatan:
        lines += [_md_line_start(md_escape(note)), ""]
    return lines
