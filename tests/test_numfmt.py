import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikutool.formatting.numbers import NumberFormatError, format_angka, format_persen, parse_angka


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
    # exact to the 15 significant digits every typed number fits in
    value, _ = parse_angka(format_angka(x))
    assert math.isclose(value, x, rel_tol=1e-14, abs_tol=0)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False))
def test_typed_numbers_round_trip_exactly(d) -> None:
    x = float(d)
    assert parse_angka(format_angka(x))[0] == x


def test_float_noise_is_never_shown() -> None:
    # 12,23 - 6 and 0,1 + 0,2 as a person computes them (issue 15: "6,229999999999997")
    assert format_angka(12.23 - 6) == "6,23"
    assert format_angka(0.1 + 0.2) == "0,3"
    assert format_angka(0.57 * 100) == "57"
    assert format_angka(1234567.891) == "1.234.567,891"


def test_band_edges_are_compared_as_a_person_computes() -> None:
    from ikutool.formatting.numbers import settled

    assert settled((0.3 / 0.4 * 100 + 125) / 2) == 100
    assert settled(12.23 - 7.23) == 5
    assert settled(99.999) < 100


@given(st.text(max_size=20))
def test_any_string_parses_or_says_why(text: str) -> None:
    try:
        value, _ = parse_angka(text)
    except NumberFormatError as exc:
        assert exc.message
    else:
        assert math.isfinite(value)
