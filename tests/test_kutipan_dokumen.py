"""Docstrings and comments cite files of this repository (issue 24 item 7): every ``docs/...``
or ``data/...`` file they name exists, every quoted section of docs/domain.md is in it, and
nothing points outside the repository (the project's shared folder, DOMAIN.md by its old name)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.joinpath("ikutool").rglob("*.py"), *ROOT.joinpath("tests").rglob("*.py")])
CITED = re.compile(r"\b((?:docs|data)/[\w./-]+\.(?:md|txt|yaml|png))")
SECTION = re.compile(r'docs/domain\.md,? "([^"]+)"')


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_cited_files_exist() -> None:
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in SOURCES
        for name in CITED.findall(_text(path))
        if not (ROOT / name.rstrip(".")).exists()
    ]
    assert missing == []


def test_cited_domain_sections_exist() -> None:
    domain = " ".join(_text(ROOT / "docs" / "domain.md").split()).casefold()
    missing = [
        f"{path.relative_to(ROOT)}: {section}"
        for path in SOURCES
        for section in SECTION.findall(_text(path))
        if " ".join(section.split()).casefold() not in domain
    ]
    assert missing == []


def test_nothing_cited_outside_the_repository() -> None:
    outside = re.compile(r"\.\./shared|(?<![\w/])DOMAIN\.md")
    this = Path(__file__).resolve()
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in SOURCES
        if path != this
        for n, line in enumerate(_text(path).splitlines(), 1)
        if outside.search(line)
    ]
    assert found == []
