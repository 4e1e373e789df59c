"""``iku --help`` without what typer.rich_utils imports but ikutool's help never uses
(ikutool/cli/i18n.py rich_utils): rich.markdown and rich.traceback, and with them markdown_it,
pygments and attrs. The help's bytes are the golden corpus's (tests/golden/corpus)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("markdown_it", "mdurl", "pygments", "attr", "rich.markdown", "rich.traceback")


def _run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return proc.stdout


def test_help_loads_none_of_them() -> None:
    code = (
        "import sys, atexit\n"
        f"heavy = {HEAVY!r}\n"
        "atexit.register(lambda: sys.__stderr__.write(repr(sorted(m for m in sys.modules "
        "if m in heavy or m.split('.')[0] in heavy))))\n"
        "sys.argv = ['iku', '--help']\n"
        "from ikutool.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "Perintah" in proc.stdout  # the help itself was printed
    assert proc.stderr == "[]"


def test_the_stand_ins_load_the_real_classes_when_used() -> None:
    out = _run(
        "import sys\n"
        "from ikutool.cli.i18n import rich_utils\n"
        "ru = rich_utils()\n"
        "print('rich.markdown' in sys.modules, 'rich.traceback' in sys.modules)\n"
        "md = ru.Markdown('# judul')\n"
        "import rich.markdown\n"
        "print(type(md) is rich.markdown.Markdown, isinstance(md, ru.Markdown))\n"
        "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n"
        "    tb = ru.Traceback.from_exception(type(e), e, e.__traceback__)\n"
        "import rich.traceback\n"
        "print(type(tb) is rich.traceback.Traceback)\n"
    )
    assert out.split() == ["False", "False", "True", "True", "True"]


def test_a_module_already_loaded_is_used_as_it_is() -> None:
    out = _run(
        "import rich.markdown\n"
        "from ikutool.cli.i18n import rich_utils\n"
        "print(rich_utils().Markdown is rich.markdown.Markdown)\n"
    )
    assert out.split() == ["True"]
