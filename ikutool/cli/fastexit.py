"""Ending the ``iku`` process without the interpreter's teardown, once everything is written.

A command's output is complete when it returns: every file it wrote is closed (documents and
edits written atomically and fsync'd by :mod:`ikutool.workspace.files`, cache entries renamed
into place), and what is left is text buffered in ``sys.stdout`` and ``sys.stderr``. The
interpreter's normal exit then spends 58-98 M instructions (4-7 % of a command: ``iku capaian``
76 M of 1.159 G) freeing every module and object one by one, which nobody sees. :func:`exit_now`
flushes both streams, runs the ``atexit`` handlers the interpreter would have run, and ends the
process with :func:`os._exit`, keeping the exit code.

It does so only when nothing else could still need the normal exit (:func:`safe`): when ``main``
was called by the program itself (the ``iku`` script, ``python -m ikutool``), never by a test or
a program that imported it; with no tracer or profiler (coverage, cProfile, a debugger report at
exit), no ``-W``/``-X dev`` (warnings at teardown), no interactive prompt to fall into, no other
thread running, and no file descriptor opened during the command still open (a file not closed
would lose what it buffered). Otherwise, and whenever flushing fails (a closed pipe), the
interpreter exits as it always did, and says what it always said.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def open_fds() -> frozenset[int] | None:
    """The process's open file descriptors, or None where the system does not list them."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return None
    found = set()
    for name in names:
        try:
            os.fstat(int(name))
        except (OSError, ValueError):  # the listing's own descriptor, closed by now
            continue
        found.add(int(name))
    return frozenset(found)


def safe(caller: dict[str, Any], fds_at_start: frozenset[int] | None) -> bool:
    """Whether ending without the teardown can lose nothing (see the module's docstring)."""
    if caller.get("__name__") != "__main__" or fds_at_start is None:
        return False
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return False
    if sys.flags.interactive or sys.flags.inspect or sys.flags.dev_mode or sys.warnoptions:
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    now = open_fds()
    return now is not None and now <= fds_at_start


def exit_now(code: int) -> None:
    """Flush stdout and stderr, run the ``atexit`` handlers, flush again, then end the process
    with ``code``. Returns (so that the caller exits normally) if a stream cannot be flushed."""
    import atexit

    if not _flushed():
        return
    # what the interpreter runs at exit, in its order: the handlers, then the streams once more
    run_exitfuncs = getattr(atexit, "_run_exitfuncs", None)
    if run_exitfuncs is None:  # pragma: no cover - CPython has it
        return
    run_exitfuncs()  # (and forgets them: a normal exit after this would not run them twice)
    if _flushed():
        os._exit(code)


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe: the normal exit reports it, as it always did
        return False
    return True
