"""Property tests over mutated inputs (the fast part of the fuzzer; scripts/fuzz.py runs the long
campaign through every command in separate processes).

The promise: a file is either refused with located findings (IkuError), or accepted, and then
every stage and every output format handles it; JSON is always valid JSON.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ikutool.compute.capaian import compute
from ikutool.definition.load import iku_from_document
from ikutool.errors import IkuError
from ikutool.formatting.numbers import NumberFormatError, format_angka, parse_angka
from ikutool.inputs.realisasi import realisasi_from_document
from ikutool.model.notation import NotationError, parse_target
from ikutool.render.formats import export
from ikutool.reports.laporan import build_report
from ikutool.workspace.paths import bundled_iku, data_dir
from ikutool.yaml_reader import parse_yaml_bytes
from tests.fuzzing import mutate

IKU_BYTES = bundled_iku().read_bytes()
REALISASI_BYTES = (data_dir() / "realisasi" / "2019.yaml").read_bytes()
# every target form, groups, quarters and Manual IKU fields (tests/corpus/bentuk)
BENTUK = Path(__file__).parent / "corpus" / "bentuk"
BENTUK_IKU = (BENTUK / "iku.yaml").read_bytes()
BENTUK_REALISASI = (BENTUK / "realisasi" / "2019.yaml").read_bytes()
FUZZ = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _located(exc: IkuError) -> None:
    assert exc.findings, "an IkuError must carry its findings"
    for f in exc.findings:
        assert f.file and f.message


def render_everything(iku, data) -> None:
    """Every renderer on an accepted input; raises on any crash."""
    from rich.console import Console

    from ikutool.render.documents.report import report_book, report_page
    from ikutool.render.documents.tables import capaian_view
    from ikutool.render.documents.tables_laporan import report_view
    from ikutool.render.formats.html import html
    from ikutool.render.formats.xlsx import document_xlsx

    result = compute(iku, data.tahun, data)
    json.loads(export.dumps(export.capaian_data(result)))
    export.capaian_csv(result)
    export.capaian_markdown(result)
    laporan = build_report(iku, {data.tahun: data}, [data.tahun])
    json.loads(export.dumps(export.report_data(laporan)))
    export.report_markdown(laporan)
    from ikutool.render.blocks import markdown
    from ikutool.render.documents.renstra import renstra_document
    from ikutool.reports.renstra import build_renstra

    markdown(renstra_document(build_renstra(iku, laporan, {}, data.tahun)))
    html(report_page(laporan))
    document_xlsx(report_book(laporan))
    from ikutool.definition.manual import build_manual
    from ikutool.render import blocks as document
    from ikutool.render.documents.manual import manual_document
    from ikutool.render.formats.docx import docx

    manual = manual_document(build_manual(iku))
    document.markdown(manual)
    document.html(manual)
    docx(manual)
    json.loads(export.dumps(export.manual_data(build_manual(iku))))
    json.loads(export.dumps(export.iku_data(iku)))
    console = Console(width=120, file=None, record=True)
    with console.capture():
        for view in (capaian_view(result, width=120), report_view(laporan, 120)):
            console.print(view)


def load_iku_bytes(raw: bytes):
    return iku_from_document(parse_yaml_bytes(raw, "iku.yaml")).iku


@pytest.mark.slow
@FUZZ
@given(st.integers(0, 2**32), st.booleans())
def test_mutated_iku_files(seed: int, bentuk: bool) -> None:
    raw = mutate(BENTUK_IKU if bentuk else IKU_BYTES, random.Random(seed))
    try:
        iku = load_iku_bytes(raw)
    except IkuError as exc:
        _located(exc)
        return
    try:
        data = realisasi_from_document(
            parse_yaml_bytes(BENTUK_REALISASI if bentuk else REALISASI_BYTES, "2019.yaml"),
            Path("2019.yaml"),
            iku,
        )
    except IkuError as exc:
        _located(exc)
        return
    render_everything(iku, data)


@pytest.mark.slow
@FUZZ
@given(st.integers(0, 2**32), st.booleans())
def test_mutated_realisasi_files(seed: int, bentuk: bool) -> None:
    iku = load_iku_bytes(BENTUK_IKU if bentuk else IKU_BYTES)
    raw = mutate(BENTUK_REALISASI if bentuk else REALISASI_BYTES, random.Random(seed))
    try:
        data = realisasi_from_document(parse_yaml_bytes(raw, "2019.yaml"), Path("2019.yaml"), iku)
    except IkuError as exc:
        _located(exc)
        return
    render_everything(iku, data)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_target_notation_only_ever_says_no_politely(text: str) -> None:
    try:
        parse_target(text)
    except NotationError as exc:
        assert 0 <= exc.offset <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_number_reader_only_ever_says_no_politely(text: str) -> None:
    try:
        value, _ = parse_angka(text)
    except NumberFormatError as exc:
        assert exc.message
    else:
        assert value == value  # not NaN


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(0, 4) | st.none())
def test_any_finite_number_can_be_printed(value: float, decimals: int | None) -> None:
    text = format_angka(value, decimals)
    assert text and "e" not in text.lower()
