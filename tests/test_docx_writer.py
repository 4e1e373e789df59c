"""The Word writer (render/formats/docx.py) writes the body as text; python-docx's element API,
which it replaced, is kept in tests/docx_reference.py as the oracle. For every document the CLI
writes and for any block document hypothesis can make, the two give the same package: every
part byte for byte (``word/document.xml`` included), the document properties' times aside."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ikutool.render.formats.docx as writer
from ikutool.render.blocks import Dokumen, HalamanBaru, Heading, Para, Tabel, Tanda
from ikutool.render.formats.docx import docx as streamed
from tests.docx_reference import docx as reference

_TIMES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        out = {name: package.read(name) for name in package.namelist()}
    out["docProps/core.xml"] = _TIMES.sub(b"", out["docProps/core.xml"])
    return out


def assert_same(doc: Dokumen) -> None:
    new, old = parts(streamed(doc)), parts(reference(doc))
    assert list(new) == list(old)  # the same parts, in the same order
    assert new["word/document.xml"] == old["word/document.xml"]
    assert new == old


DOCUMENTS = [
    ("lkjip", "--tahun", "2019", "-f", "docx", "--kolofon"),
    ("manual", "-f", "docx"),
    ("evaluasi", "renja", "--tahun", "2019", "-f", "docx"),  # printed form: merged header
    ("evaluasi", "renstra", "-f", "docx"),
    ("triwulan", "--tahun", "2019", "--tw", "2", "-f", "docx"),
    ("pohon", "-f", "docx"),  # pictures (the pohon kinerja)
    ("pohon", "-d", "pk", "-f", "docx"),  # a signature on the left
]


@pytest.mark.parametrize("args", DOCUMENTS, ids=[" ".join(a[:2]) for a in DOCUMENTS])
def test_every_cli_document_as_python_docx_built_it(iku_cli, workspace, monkeypatch, args) -> None:
    seen: list[Dokumen] = []

    def both(doc: Dokumen) -> bytes:
        assert_same(doc)
        seen.append(doc)
        return b""

    monkeypatch.setattr(writer, "docx", both)
    result = iku_cli(*args, "--out", str(workspace / "keluar.docx"))
    assert result.exit_code == 0, result.output
    assert len(seen) == 1


def test_rekap_quarter_document_as_python_docx_built_it(iku_cli, workspace, monkeypatch) -> None:
    seen: list[Dokumen] = []
    monkeypatch.setattr(writer, "docx", lambda doc: (assert_same(doc), seen.append(doc), b"")[2])
    monkeypatch.chdir(workspace.parent)
    argv = ["rekap", "--tahun", "2019", "--tw", "2", ".", "-f", "docx", "--out", "r.docx"]
    result = iku_cli(*argv)
    assert result.exit_code == 0, result.output
    assert len(seen) == 1


# any text a document may carry: spaces at either end, tabs and line breaks (w:tab, w:br), XML's
# own characters, non-ASCII, the no-break space (str.strip() counts it as space)
TEXT = st.text(
    alphabet=st.sampled_from(
        list("ab Z9.,-") + ["\t", "\n", "\r", "&", "<", ">", '"', "'", "é", "\xa0", "→"]
    ),  # fmt: skip
    max_size=12,
)
RUN = st.one_of(TEXT, st.tuples(TEXT, st.sampled_from(["bold", "placeholder", "other"])))


@st.composite
def tabel(draw: st.DrawFn) -> Tabel:
    form = draw(st.booleans())
    if form:
        spans = draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))
        kepala = [(draw(TEXT), s) for s in spans]
        n = sum(spans)
    else:
        kepala, n = [], draw(st.integers(1, 6))
    rows = draw(st.lists(st.lists(RUN, max_size=n), max_size=4))
    return Tabel(
        nomor=draw(st.sampled_from(["", "Tabel 3.1"])),
        judul=draw(TEXT),
        header=draw(st.lists(TEXT, min_size=n, max_size=n)),
        rows=rows,
        align=draw(st.lists(st.sampled_from("lr"), min_size=n, max_size=n)),
        bold_rows=draw(st.sets(st.integers(0, 4))),
        catatan=draw(st.lists(TEXT, max_size=2)),
        kepala_atas=kepala,
        nomor_kolom=draw(st.booleans()),
    )


BLOCK = st.one_of(
    st.builds(Heading, st.integers(0, 5), TEXT),
    st.builds(
        Para,
        st.lists(RUN, max_size=4),
        st.sampled_from(["normal", "note", "small", "lead", "other"]),
    ),
    tabel(),
    st.builds(Tanda, st.lists(RUN, max_size=2), TEXT, TEXT, st.none() | TEXT, st.none() | TEXT),
    st.just(HalamanBaru()),
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    blocks=st.lists(BLOCK, max_size=8),
    landscape=st.booleans(),
    kertas=st.sampled_from(["A4", "F4"]),
    notice=st.lists(TEXT, max_size=1),
)
def test_any_block_document_as_python_docx_built_it(blocks, landscape, kertas, notice) -> None:
    doc = Dokumen("Judul & <dokumen>", blocks, notice, "Kaki", ["IKU: iku.yaml"], landscape, kertas)
    assert_same(doc)


def test_text_xml_cannot_hold_is_refused_as_before() -> None:
    doc = Dokumen("x", [Para(["a\x01b"])])
    with pytest.raises(ValueError, match="XML compatible") as old:
        reference(doc)
    with pytest.raises(ValueError, match="XML compatible") as new:
        streamed(doc)
    assert str(new.value) == str(old.value)
