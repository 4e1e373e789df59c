"""The YAML reader on what people really type: each input is either taken as a person means it,
or refused in Indonesian at the place to fix, naming the fix (issue 15, findings 3 and 20-23)."""

from __future__ import annotations

import pytest

from ikutool.errors import IkuError
from ikutool.yaml_reader import parse_yaml_bytes, parse_yaml_text


def refused(text: str) -> IkuError:
    with pytest.raises(IkuError) as info:
        doc = parse_yaml_text(text, "f.yaml")
        errors = [f for f in doc.findings if f.is_error]
        if errors:
            raise IkuError(errors)
    return info.value


def only(exc: IkuError) -> tuple[int | None, int | None, str]:
    f = exc.findings[0]
    return f.line, f.column, f.message


@pytest.mark.parametrize(
    ("second", "line"),
    [('"2025": 2', 3), ("+2025: 2", 3), ("02025: 2", 3), ("'2025': 2", 3)],
)
def test_one_year_written_two_ways_is_a_duplicate_key(second: str, line: int) -> None:
    # finding 3: the later one used to replace the earlier one silently
    exc = refused(f"target:\n  2025: 1\n  {second}\n")
    f = exc.findings[0]
    assert f.code == "IKU104" and (f.line, f.column) == (line, 3)
    assert "baris 2" in f.message and "keduanya 2025" in f.message


def test_other_numbers_as_keys_stay_apart() -> None:
    doc = parse_yaml_text("target:\n  2025: 1\n  2026: 2\n  S1: 3\n", "f.yaml")
    assert doc.data == {"target": {2025: 1, 2026: 2, "S1": 3}} and not doc.findings


def test_an_unquoted_web_address_in_braces_is_explained_in_indonesian() -> None:
    # finding 20: libyaml's "found unexpected ':'"
    text = "p: {nama: BPS, sumber: https://bps.go.id/x}\n"
    line, _, message = only(refused(text))
    assert line == 1 and "alamat web" in message and 'sumber: "https://' in message
    assert "found" not in message


def test_a_blank_line_holding_a_tab_is_blank() -> None:
    doc = parse_yaml_text("tahun: 2019\n\t\nrealisasi:\n  S1.2: 58\n  \t \n  S2.1: 3\n", "f.yaml")
    assert doc.data == {"tahun": 2019, "realisasi": {"S1.2": 58, "S2.1": 3}}


def test_content_after_a_document_end_marker() -> None:
    line, _, message = only(refused("tahun: 2019\n...\nrealisasi: {}\n"))
    assert line == 3 and "'...'" in message and "did not" not in message


@pytest.mark.parametrize(
    "text",
    [
        "a: b: c\n",
        "- a\nb: 1\n",
        "a: [1, 2\n",
        "a: {x: 1\n",
        "a: 1\n b: 2\n",
        "a: *x\n",
        "a: @x\n",
        "a: `x`\n",
        '"a\n',
        "a: 1 # ok\n  - b\n",
        "a: 'x' y\n",
        "? [a]\n: 1\n",
        'a: "\\q"\n',
        'a: "\\xZZ"\n',
    ],
)
def test_every_parser_message_is_indonesian(text: str) -> None:
    message = only(refused(text))[2]
    for english in ("found", "expected", "while", "scanning", "could not", "not allowed"):
        assert english not in message, message


def test_a_closed_multi_line_quote_is_not_blamed_for_a_later_error() -> None:
    # finding 21: the error is the unclosed '[' on line 4, not the quote on line 1
    line, _, message = only(refused('a: "satu\n  dua"\nb: 1\nc: [1, 2\n'))
    assert line == 4 and "'['" in message


def test_an_inch_mark_is_not_an_open_quote() -> None:
    line, col, message = only(refused('a: 14"\nb: 1\n c: 2\n'))
    assert (line, col) == (3, 3) and "tidak ditutup" not in message


def test_a_quote_left_open_is_reported_where_it_was_opened() -> None:
    line, col, message = only(refused('a: "satu\nb: 2\nc: "tiga"\n'))
    assert (line, col) == (1, 4) and "tanda kutip tidak ditutup" in message


@pytest.mark.parametrize(
    ("char", "name"), [("\u2028", "pemisah baris"), ("\u2029", "pemisah paragraf"), ("\x85", "NEL")]
)
@pytest.mark.parametrize("where", ["comment", "value"])
def test_unicode_line_separators_are_refused_where_they_are(
    char: str, name: str, where: str
) -> None:
    # finding 22: in a comment, the text after one silently became data
    text = (
        f"tahun: 2019 # catatan{char}realisasi: {{}}\n"
        if where == "comment"
        else f'tahun: 2019\nx: "a{char}b"\n'
    )
    line, col, message = only(refused(text))
    assert name in message
    assert (line, col) == ((1, 22) if where == "comment" else (2, 6))


def test_a_merge_key_says_what_is_wrong() -> None:
    line, col, message = only(refused("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n"))
    assert (line, col) == (3, 3) and "'<<'" in message


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff", b""])
def test_utf16_files_are_named(bom: bytes) -> None:
    encoding = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be", b"": "utf-16-le"}[bom]
    raw = bom + "tahun: 2019\nrealisasi: {}\n".encode(encoding)
    with pytest.raises(IkuError) as info:
        parse_yaml_bytes(raw, "f.yaml")
    f = info.value.findings[0]
    assert f.code == "IKU102" and "UTF-16" in f.message and "UTF-8" in f.message


def test_a_number_as_an_indicator_code_says_so(bundled) -> None:
    from pathlib import Path

    from ikutool.inputs.realisasi import realisasi_from_document

    doc = parse_yaml_text("tahun: 2019\nrealisasi:\n  1: 81\n", "2019.yaml")
    with pytest.raises(IkuError) as info:
        realisasi_from_document(doc, Path("2019.yaml"), bundled.iku)
    f = info.value.findings[0]
    assert f.code == "IKU301" and (f.line, f.column) == (3, 3)
    assert "adalah angka, bukan kode indikator" in f.message and "S1.1" in f.message
