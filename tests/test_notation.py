import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikutool.model.notation import NotationError, format_target, key_for_unit, parse_target


def parts(text: str) -> list[tuple]:
    result = parse_target(text)
    assert result is not None
    return [(c.kunci, c.jumlah, c.jumlah_maks, c.satuan, c.persen) for c in result]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "100 sertifikasi usaha mikro, 15 Kop/ 25 UKM",
            [
                (None, 100, None, "sertifikasi usaha mikro", False),
                (None, 15, None, "Kop", False),
                (None, 25, None, "UKM", False),
            ],
        ),
        (
            "3000 UMKM, 100 sertifikasi usaha mikro, 10 Kop/KSP/USP/UMKM",
            [
                (None, 3000, None, "UMKM", False),
                (None, 100, None, "sertifikasi usaha mikro", False),
                (None, 10, None, "Kop/KSP/USP/UMKM", False),
            ],
        ),
        (
            "15 Kop/KSP/USP dan 25 UMKM",
            [(None, 15, None, "Kop/KSP/USP", False), (None, 25, None, "UMKM", False)],
        ),
        (
            "15 Kop/ KSP /USP dan 25 UMKM",
            [(None, 15, None, "Kop/KSP/USP", False), (None, 25, None, "UMKM", False)],
        ),
        ("7% dan 17%", [(None, 7, None, "%", True), (None, 17, None, "%", True)]),
        ("7,14 %", [(None, 7.14, None, "%", True)]),
        ("60 org", [(None, 60, None, "org", False)]),
        ("80-90 %", [(None, 80, 90, "%", True)]),
        ("80\u201390 %", [(None, 80, 90, "%", True)]),
        ("7\u20138 bulan", [(None, 7, 8, "bulan", False)]),
        ("7 s.d. 8 bulan", [(None, 7, 8, "bulan", False)]),
        (
            "ekspor=7% dan impor=17%",
            [("ekspor", 7, None, "%", True), ("impor", 17, None, "%", True)],
        ),
        ("1.234,5 unit", [(None, 1234.5, None, "unit", False)]),
        ("-2 %", [(None, -2, None, "%", True)]),
        ("25", [(None, 25, None, "", False)]),
    ],
)
def test_reads_document_cells(text: str, expected: list[tuple]) -> None:
    assert parts(text) == expected


@pytest.mark.parametrize("text", ["-", "", "  ", "\u2013"])
def test_dash_means_no_target(text: str) -> None:
    assert parse_target(text) is None


@pytest.mark.parametrize(
    ("text", "offset", "fragment"),
    [
        ("% 5", 0, "harus berupa angka"),
        ("2.75 %", 1, "koma"),
        ("90-80 %", 2, "rentang terbalik"),
        ("25 Kop, dan", None, None),  # trailing words are part of the unit, not an error
    ],
)
def test_errors_carry_an_offset(text: str, offset: int | None, fragment: str | None) -> None:
    if offset is None:
        assert parse_target(text) is not None
        return
    with pytest.raises(NotationError) as info:
        parse_target(text)
    assert info.value.offset == offset
    assert fragment in info.value.message


def test_keys_from_units() -> None:
    assert key_for_unit("sertifikasi usaha mikro") == "sertifikasi_usaha_mikro"
    assert key_for_unit("Kop/KSP/USP/UMKM") == "kop_ksp_usp_umkm"
    assert key_for_unit("%") == "persen"
    assert key_for_unit("") == "nilai"


units = st.sampled_from(
    ["Kop", "UMKM", "org", "%", "unit", "sertifikasi usaha mikro", "Kop/KSP/USP", "bulan", ""]
)
numbers = st.decimals(min_value=0, max_value=10**7, places=2).map(float)
components = st.tuples(
    st.sampled_from([None, "ekspor", "impor_b"]), numbers, st.one_of(st.none(), numbers), units
)


@given(st.lists(components, min_size=1, max_size=4))
def test_format_then_parse_round_trips(comps: list[tuple]) -> None:
    normal = [(k, lo, None if hi is None else max(lo, hi), u) for k, lo, hi, u in comps]
    text = format_target(normal)
    parsed = parse_target(text)
    assert parsed is not None
    got = [(c.kunci or key_for_unit(c.satuan), c.jumlah, c.jumlah_maks, c.satuan) for c in parsed]
    want = [(k or key_for_unit(u), lo, hi, u) for k, lo, hi, u in normal]
    assert got == want


@given(st.text(max_size=40))
def test_any_text_parses_or_gives_located_error(text: str) -> None:
    try:
        parse_target(text)
    except NotationError as exc:
        assert 0 <= exc.offset <= len(text)
        assert exc.message


def test_two_numbers_without_a_separator_is_an_error() -> None:
    from ikutool.model.notation import NotationError, parse_target

    with pytest.raises(NotationError) as info:
        parse_target("88 % 9 puskesmas")
    assert info.value.offset == 5 and "88 %, 9 puskesmas" in info.value.message
    # a number inside a unit is fine when the unit does not start with it
    assert parse_target("25 per 1.000 KH")[0].satuan == "per 1.000 KH"
    assert parse_target("5 m3")[0].satuan == "m3"
