"""Every command of the start-up table and every document command, in every format, prints and
writes what the golden corpus holds (tests/golden_corpus.py): the safety net for speed work and
refactors that must not change a byte a person sees. After an intended change of output:
``python -m tests.golden_corpus --update`` (or ``IKU_GOLDEN_UPDATE=1 pytest``), then read the
diff before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import golden_corpus as corpus

BY_NAME = {c.name: c for c in corpus.CASES}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("golden") / "w"
    corpus.make_workspaces(root)
    return root


def check(case: corpus.Case, got: corpus.Outcome) -> None:
    if os.environ.get("IKU_GOLDEN_UPDATE") == "1":
        corpus.store(case, got)
    want = corpus.expected(case)
    assert want is not None, (
        f"{case.name} is not in the corpus: python -m tests.golden_corpus --update"
    )
    assert got.exit_code == want.exit_code, got.stderr.decode()
    # decoded, so pytest shows the lines that differ; then byte for byte
    assert got.stdout.decode() == want.stdout.decode()
    assert got.stderr.decode() == want.stderr.decode()
    assert (got.stdout, got.stderr) == (want.stdout, want.stderr)
    assert got.parts == want.parts, (
        "the written file differs from the corpus; python -m tests.golden_corpus --check --keep "
        "DIR keeps it for a look"
    )


@pytest.mark.parametrize("case", corpus.CASES, ids=[c.name for c in corpus.CASES])
def test_output_as_in_corpus(root: Path, case: corpus.Case) -> None:
    check(case, corpus.run_in_process(root, case))


@pytest.mark.slow
def test_real_processes_print_the_same(root: Path, tmp_path: Path) -> None:
    # the start-up commands in real processes: what CliRunner cannot see (the exit path, the
    # streams flushed at exit, the program's name in usage lines)
    env = corpus.subprocess_env(tmp_path / "cache")
    for name in corpus.STARTUP:
        check(BY_NAME[name], corpus.run_subprocess(root, BY_NAME[name], env))


def test_corpus_has_every_case_and_nothing_else() -> None:
    stems = {p.name.split(".")[0] for p in corpus.CORPUS.iterdir()}
    assert stems == set(BY_NAME)
    assert set(corpus.STARTUP) <= set(BY_NAME)
    assert len(BY_NAME) == len(corpus.CASES)


def test_a_changed_byte_is_found(root: Path) -> None:
    # the net has no hole: one character more in a Word document's text, or in what is printed
    case = BY_NAME["manual-docx"]
    got = corpus.run_in_process(root, case)
    assert corpus.differences(case, got) == []
    last = root / "keluar" / "manual-docx.docx.last"
    import io
    import zipfile

    changed = io.BytesIO()
    with zipfile.ZipFile(last) as src, zipfile.ZipFile(changed, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"Manual", b"Manual ", 1)
            dst.writestr(item, data)
    parts = corpus.file_parts(changed.getvalue(), "docx")
    altered = corpus.Outcome(got.exit_code, got.stdout + b" ", got.stderr, parts)
    assert corpus.differences(case, altered) == [
        "manual-docx: stdout differs from the corpus",
        "manual-docx: written file differs in word/document.xml",
    ]
