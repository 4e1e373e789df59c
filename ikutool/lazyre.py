"""Module-level regular expressions compiled on first use.

``re.compile`` at import costs a command every pattern its modules define, used or not (38 of
them cost ``iku capaian`` about 47 M instructions, 4 % of the command), while most are used only
by some inputs. :func:`compile` returns a stand-in that compiles the pattern the first time one
of its attributes is looked up and from then on answers with the compiled pattern's own
attributes (each stored on the stand-in at its first look-up, so a later ``.match`` costs what
it costs on a ``re.Pattern``). The stand-in is for method calls (``X.match(s)``, ``X.sub(...)``,
``X.pattern``); a function that wants a real ``re.Pattern`` (``re.match(X, s)``,
``isinstance``) gets :func:`pattern` ``(X)``.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _Lazy:
    """A pattern and its flags, compiled at the first attribute looked up."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        found: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if found is None:
            found = self.__dict__["_compiled"] = re.compile(self._source, self._flags)
        return found

    def __getattr__(self, name: str) -> Any:  # only for names not yet stored
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"lazyre.compile({self._source!r}, {self._flags!r})"


def compile(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _Lazy(source, int(flags)))


def pattern(lazy: re.Pattern[str]) -> re.Pattern[str]:
    """The real compiled pattern behind :func:`compile`'s stand-in (or ``lazy`` itself)."""
    if isinstance(lazy, _Lazy):
        return lazy.compiled()
    return lazy
