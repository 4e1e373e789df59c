"""Runs a Python script with one function wrapped so that callgrind counts only the
instructions spent inside it (inclusive): the wrapper calls the function through
``sys.call_tracing``, a C function nothing else calls, and callgrind runs with
``--collect-atstart=no --toggle-collect=sys_call_tracing``. Used by benchmarks/callgrind.py.

    python benchmarks/phase_harness.py MODULE:QUALNAME[@PREFIX] SCRIPT [ARGS...]
    python benchmarks/phase_harness.py imports:LOG SCRIPT [ARGS...]

The function's module is patched when it is first imported (or at once if it already is), so
the import order of the measured program is unchanged. Only the outermost call counts (a
recursive or nested call is inside it already). ``@PREFIX``: only calls whose first argument
is a string starting with PREFIX (``_find_and_load@ikutool``: imports of ikutool modules).

``imports:LOG``: the start and the end of every module load call ``sys.call_tracing``, and LOG
receives their order; with callgrind's ``--dump-before=sys_call_tracing`` each stretch between
two of them is a profile part of its own, so each module's own cost (its body, without the
modules it imports) can be added up.
"""

from __future__ import annotations

import functools
import runpy
import sys
from typing import Any


def wrapped(fn: Any, prefix: str | None) -> Any:
    depth = 0

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal depth
        if depth or (prefix is not None and not (args and str(args[0]).startswith(prefix))):
            return fn(*args, **kwargs)
        depth += 1
        try:
            return sys.call_tracing(functools.partial(fn, *args, **kwargs), ())
        finally:
            depth -= 1

    return wrapper


def patch(module: Any, qualname: str, prefix: str | None) -> None:
    *owners, name = qualname.split(".")
    target = module
    for owner in owners:
        target = getattr(target, owner)
    fn = target.__dict__[name] if owners else getattr(target, name)
    if isinstance(fn, staticmethod):
        fn = fn.__func__
    new = wrapped(fn, prefix)
    setattr(target, name, staticmethod(new) if owners and name == "__new__" else new)


class PatchOnImport:  # a meta path finder (importlib.abc is not imported: import order kept)
    def __init__(self, module: str, qualname: str, prefix: str | None) -> None:
        self.module, self.qualname, self.prefix = module, qualname, prefix

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != self.module:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_and_patch(module: Any) -> None:
            exec_module(module)
            patch(module, self.qualname, self.prefix)

        loader.exec_module = exec_and_patch
        return spec


def log_imports(path: str) -> None:
    import _frozen_importlib  # type: ignore[import-not-found]

    events: list[str] = []
    load = _frozen_importlib._find_and_load

    def mark() -> None:
        pass

    def logged(name: str, import_: Any) -> Any:
        # each start and end of a load calls sys.call_tracing (never nested: callgrind dumps
        # on the outermost entry of a function only)
        events.append(f"> {name}")
        sys.call_tracing(mark, ())
        try:
            return load(name, import_)
        finally:
            events.append(f"< {name}")
            sys.call_tracing(mark, ())

    def write() -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(events) + "\n")

    import atexit

    atexit.register(write)
    _frozen_importlib._find_and_load = logged


def main() -> None:
    where, script, *args = sys.argv[1:]
    if where.startswith("imports:"):
        log_imports(where.removeprefix("imports:"))
        sys.argv = [script, *args]
        runpy.run_path(script, run_name="__main__")
        return
    where, _, prefix = where.partition("@")
    module, qualname = where.split(":")
    if module == "importlib._bootstrap":
        module = "_frozen_importlib"  # what the import statement calls
    if module in sys.modules:
        patch(sys.modules[module], qualname, prefix or None)
    else:
        sys.meta_path.insert(0, PatchOnImport(module, qualname, prefix or None))
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
