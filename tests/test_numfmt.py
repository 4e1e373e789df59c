import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikutool.numfmt import NumberFormatError, format_angka, format_persen, parse_angka


@pytest.mark.parametrize(
    ("text", "value", "percent"),
    [
        ("6,5", 6.5, False),
        ("1.234", 1234.0, False),
        ("1.234,5", 1234.5, False),
        ("7,14 %", 7.14, True),
        ("2750", 2750.0, False),
        ("-1,41", -1.41, False),
        ("\u22121,41 %", -1.41, True),
        (" 12.345.678,25 ", 12345678.25, False),
        ("- 5", -5.0, False),
    ],
)
def test_reads_indonesian_numbers(text: str, value: float, percent: bool) -> None:
    assert parse_angka(text) == (value, percent)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2.75", "'2,75'"),
        ("1,234.5", "format Inggris"),
        ("abc", "bukan angka"),
        ("", "kosong"),
        ("10 25", "bukan angka"),
    ],
)
def test_refuses_ambiguous_or_foreign_numbers(text: str, fragment: str) -> None:
    with pytest.raises(NumberFormatError) as info:
        parse_angka(text)
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234.56, 2, "1.234,56"),
        (2750, None, "2.750"),
        (7.14, None, "7,14"),
        (91.666666, 2, "91,67"),
        (0.145, 2, "0,15"),  # half-up, as by hand (binary float 0.145 is below .145)
        (-70.5, 2, "-70,50"),
        (-0.001, 2, "0,00"),
        (1000000, None, "1.000.000"),
        (None, 2, "-"),
    ],
)
def test_formats_indonesian(value: float | None, decimals: int | None, text: str) -> None:
    assert format_angka(value, decimals) == text


def test_format_persen() -> None:
    assert format_persen(184.75) == "184,75 %"
    assert format_persen(None) == "-"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False))
def test_round_trip(x: float) -> None:
    value, _ = parse_angka(format_angka(x))
    assert value == x or math.isclose(value, x, rel_tol=1e-15)


@given(st.text(max_size=20))
def test_any_string_parses_or_says_why(text: str) -> None:
    try:
        value, _ = parse_angka(text)
    except NumberFormatError as exc:
        assert exc.message
    else:
        assert math.isfinite(value)
