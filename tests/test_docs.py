"""Every YAML example in the README and docs/ is checked: a "salah" example really produces its
code, a "benar" example really is valid. An example without a tag is itself a failure.

Fence tags: ```yaml benar:KIND or ```yaml salah:KIND IKUnnn, KIND one of
- iku: a whole IKU file;
- indikator: a list of indikator, placed in a minimal IKU;
- realisasi: a whole realisasi file for 2019, checked against the bundled IKU;
- entri: lines under ``realisasi:`` of that file;
- pk, anggaran, program: a whole PK, anggaran or program file for 2019, checked against the
  bundled IKU;
- renaksi: a whole rencana aksi file for 2019, checked against the bundled IKU and its PK;
- tindak-lanjut: a whole tindak-lanjut.yaml register;
- mutu-indikator: a list of indikator placed in a minimal IKU, with the quality check of
  ``iku validate --mutu`` (no realisasi);
- bentuk-entri, bentuk-pk: lines under ``realisasi:`` of a 2019 file, or a whole PK file for 2019,
  checked against the IKU with every target form (tests/corpus/bentuk/iku.yaml);
- ruang-kerja: an ikutool.yaml;
- pohon: a whole pohon.yaml, checked against the bundled IKU and the bundled RPJMD
  (data/pohon/rpjmd.yaml); rpjmd: a whole rpjmd.yaml.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from ikutool.definition.load import iku_from_document
from ikutool.errors import Finding, IkuError
from ikutool.inputs.realisasi import realisasi_from_document
from ikutool.yaml_reader import parse_yaml_text

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```yaml([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
BASE_IKU = """\
instansi: {nama: Dinas Contoh}
periode: {awal: 2016, akhir: 2021}
sasaran:
  - kode: S1
    uraian: Sasaran contoh
    indikator:
"""


def examples() -> list[tuple[str, str, str]]:
    out = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            line = text[: m.start()].count("\n") + 1
            out.append((f"{doc.name}:{line}", m.group(1).strip(), m.group(2)))
    return out


EXAMPLES = examples()


def findings(kind: str, body: str, bundled) -> list[Finding]:
    try:
        if kind == "iku":
            return iku_from_document(parse_yaml_text(body, "contoh.yaml")).findings
        if kind == "indikator":
            text = BASE_IKU + textwrap.indent(body, " " * 6)
            return iku_from_document(parse_yaml_text(text, "contoh.yaml")).findings
        if kind in ("realisasi", "entri"):
            text = (
                body
                if kind == "realisasi"
                else "tahun: 2019\nrealisasi:\n" + textwrap.indent(body, "  ")
            )
            doc = parse_yaml_text(text, "2019.yaml")
            return realisasi_from_document(doc, Path("2019.yaml"), bundled.iku).findings
        if kind in ("bentuk-entri", "bentuk-pk"):
            from ikutool.definition.load import load_iku
            from ikutool.inputs.pk import pk_from_document

            iku = load_iku(ROOT / "tests" / "corpus" / "bentuk" / "iku.yaml").iku
            if kind == "bentuk-pk":
                doc = parse_yaml_text(body, "2019.yaml")
                return pk_from_document(doc, Path("2019.yaml"), iku).findings
            text = "tahun: 2019\nrealisasi:\n" + textwrap.indent(body, "  ")
            doc = parse_yaml_text(text, "2019.yaml")
            return realisasi_from_document(doc, Path("2019.yaml"), iku).findings
        if kind == "tindak-lanjut":
            from ikutool.inputs.tindaklanjut import TindakLanjutFile
            from ikutool.model.validation import validate_document

            _, found = validate_document(
                parse_yaml_text(body, "tindak-lanjut.yaml"), TindakLanjutFile, ""
            )
            return found
        if kind == "mutu-indikator":
            from ikutool.definition.mutu import mutu_findings

            text = BASE_IKU + textwrap.indent(body, " " * 6)
            doc = parse_yaml_text(text, "contoh.yaml")
            iku = iku_from_document(doc).iku
            return mutu_findings(iku, doc, {}, {}, {})
        if kind == "renaksi":
            from ikutool.inputs.pk import load_pk_file
            from ikutool.inputs.renaksi import renaksi_from_document

            pk = load_pk_file(ROOT / "data" / "pk" / "2019.yaml", bundled.iku)
            doc = parse_yaml_text(body, "2019.yaml")
            return renaksi_from_document(doc, Path("2019.yaml"), bundled.iku, pk).findings
        if kind in ("pk", "anggaran", "program"):
            from ikutool.inputs.anggaran import anggaran_from_document
            from ikutool.inputs.pk import pk_from_document
            from ikutool.inputs.program import program_from_document

            load = {
                "pk": pk_from_document,
                "anggaran": anggaran_from_document,
                "program": program_from_document,
            }[kind]
            doc = parse_yaml_text(body, "2019.yaml")
            return load(doc, Path("2019.yaml"), bundled.iku).findings
        if kind in ("pohon", "rpjmd"):
            from ikutool.inputs.pohon import pohon_from_document
            from ikutool.inputs.rpjmd import load_rpjmd, rpjmd_from_document

            doc = parse_yaml_text(body, f"{kind}.yaml")
            if kind == "rpjmd":
                return rpjmd_from_document(doc).findings
            rpjmd = load_rpjmd(ROOT / "data" / "pohon" / "rpjmd.yaml")
            return pohon_from_document(doc, bundled.iku, rpjmd).findings
        if kind == "ruang-kerja":
            import tempfile

            from ikutool.model.validation import validate_document
            from ikutool.workspace.sources import _config_model, init_workspace, resolve

            model, found = validate_document(
                parse_yaml_text(body, "ikutool.yaml"), _config_model(), ""
            )
            assert model is not None, found
            if found:
                return found
            # the paths it names, in a real workspace (they are checked by every command)
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp) / "ws"
                init_workspace(root, contoh=False, force=False)
                (root / "ikutool.yaml").write_text(body, encoding="utf-8")
                resolve(start=root)
            return []
    except IkuError as exc:
        return exc.findings
    raise AssertionError(f"unknown example kind {kind!r}")


def test_there_are_examples() -> None:
    tags = [tag for _, tag, _ in EXAMPLES]
    assert sum(t.startswith("salah:") for t in tags) >= 15
    assert sum(t.startswith("benar:") for t in tags) >= 10


@pytest.mark.parametrize(("where", "tag", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example(where: str, tag: str, body: str, bundled) -> None:
    assert re.fullmatch(r"(benar|salah):[a-z-]+( IKU\d{3})?", tag), f"{where}: untagged example"
    verdict, _, rest = tag.partition(":")
    kind, _, code = rest.partition(" ")
    found = findings(kind, body, bundled)
    if verdict == "benar":
        assert found == [], f"{where}: " + "; ".join(map(str, found))
    else:
        assert code in {f.code for f in found}, f"{where}: " + "; ".join(map(str, found))


def test_the_developer_map_names_every_module() -> None:
    """docs/arsitektur.md places every module of ikutool/ (a new module is placed when made)."""
    root = Path(__file__).parent.parent
    text = (root / "docs" / "arsitektur.md").read_text(encoding="utf-8")
    modules = sorted(
        p.relative_to(root).as_posix()
        for p in (root / "ikutool").rglob("*.py")
        if p.name != "__init__.py"
    )
    missing = [m for m in modules if f"`{m}`" not in text]
    assert not missing, f"docs/arsitektur.md does not name: {missing}"
    named = set(re.findall(r"`(ikutool/[\w/]+\.py)`", text))
    assert named <= set(modules), f"named but not there: {sorted(named - set(modules))}"
