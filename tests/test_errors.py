from pathlib import Path

import pytest

from ikutool.errors import CODES, Finding, IkuError

DOC = (Path(__file__).parent.parent / "docs" / "kode-galat.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_documented(code: str) -> None:
    assert f"| {code} " in DOC


def test_finding_text_and_dict() -> None:
    f = Finding(
        "IKU201", "kunci 'x' tidak dikenal", file="a.yaml", line=3, column=5, path="sasaran[0].x"
    )
    assert str(f) == "a.yaml:3:5: galat IKU201 [sasaran[0].x]: kunci 'x' tidak dikenal"
    assert f.to_dict()["baris"] == 3


def test_unknown_code_is_a_bug() -> None:
    with pytest.raises(ValueError):
        Finding("IKU999", "x")


def test_error_exit_code() -> None:
    assert IkuError.single("IKU101", "x", exit_code=2).exit_code == 2
