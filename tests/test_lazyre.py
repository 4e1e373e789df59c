"""Module-level regexes compiled on first use (ikutool/lazyre.py): nothing compiled at import,
the same answers as ``re.compile`` once used."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from ikutool import lazyre


def test_compiled_only_when_first_used(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = re.compile

    def counting(source: str, flags: int = 0) -> re.Pattern[str]:
        calls.append(source)
        return real(source, flags)

    monkeypatch.setattr(re, "compile", counting)
    lazy = lazyre.compile(r"(\d+)\.(\d{3})", re.IGNORECASE)
    assert calls == []
    m = lazy.match("1.250 unit")
    assert m is not None and m.groups() == ("1", "250")
    assert lazy.search("x 7.000") is not None
    assert lazy.pattern == r"(\d+)\.(\d{3})" and lazy.flags & re.IGNORECASE
    assert calls == [r"(\d+)\.(\d{3})"]  # once, for every method after


def test_same_answers_as_re_compile() -> None:
    source, flags = r"(?P<a>[a-z]+)\s*;\s*", re.IGNORECASE
    lazy, real = lazyre.compile(source, flags), re.compile(source, flags)
    text = "Satu ; dua;TIGA ;"
    assert lazy.split(text) == real.split(text) == ["", "Satu", "", "dua", "", "TIGA", ""]
    assert lazy.sub(r"<\g<a>>", text) == real.sub(r"<\g<a>>", text) == "<Satu><dua><TIGA>"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.fullmatch("abc ; ") is not None and lazy.groupindex == {"a": 1}
    assert lazyre.pattern(lazy) is lazyre.pattern(lazy)
    assert isinstance(lazyre.pattern(lazy), re.Pattern) and lazyre.pattern(real) is real
    with pytest.raises(AttributeError):
        lazy.no_such_method  # noqa: B018


def test_a_bad_pattern_fails_where_it_is_used() -> None:
    lazy = lazyre.compile("(unclosed")
    with pytest.raises(re.error):
        lazy.match("x")


def test_importing_the_capaian_modules_compiles_none_of_their_patterns() -> None:
    code = (
        "import re, sys\n"
        "import ikutool.model.notation, ikutool.yaml_reader, ikutool.inputs.realisasi\n"
        "import ikutool.yaml_builder\n"
        "import ikutool.errors, ikutool.model.base, ikutool.render.wording\n"
        "from ikutool import lazyre\n"
        "lazy = [m for m in list(sys.modules.values()) if getattr(m, '__name__', '')"
        ".startswith('ikutool') for v in vars(m).values() if isinstance(v, lazyre._Lazy)]\n"
        "done = [1 for m in list(sys.modules.values()) if getattr(m, '__name__', '')"
        ".startswith('ikutool') for v in vars(m).values() if isinstance(v, lazyre._Lazy)"
        " and '_compiled' in vars(v)]\n"
        "print(len(lazy), len(done))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    found, compiled = map(int, out.stdout.split())
    assert found >= 25 and compiled == 0, out.stdout
