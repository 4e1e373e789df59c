"""The pohon kinerja: the file read and checked (located findings), the hand-made regency of three
agencies, the documents (picture, cascading sheet, PK per eselon, Matriks Peran dan Hasil), and
a workspace without a tree unchanged."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from ikutool.errors import IkuError
from ikutool.inputs.pohon import pohon_from_document
from ikutool.inputs.rpjmd import load_rpjmd
from ikutool.workspace.paths import data_dir
from ikutool.yaml_reader import parse_yaml_text

CORPUS = Path(__file__).parent / "corpus" / "pohon"
KABUPATEN = CORPUS / "kabupaten"


def located(findings) -> list[tuple[str, str, int | None, int | None]]:
    return [(f.code, Path(f.file or "").name, f.line, f.column) for f in findings]


def tree(text: str, bundled, rpjmd=True):
    r = load_rpjmd(data_dir() / "pohon" / "rpjmd.yaml") if rpjmd else None
    return pohon_from_document(parse_yaml_text(textwrap.dedent(text), "pohon.yaml"), bundled.iku, r)


def findings_of(text: str, bundled) -> list[tuple[str, int | None, int | None]]:
    try:
        found = tree(text, bundled).findings
    except IkuError as exc:
        found = exc.findings
    return [(f.code, f.line, f.column) for f in found]


ALL_SASARAN = """\
    pohon:
      - {kode: S1, mendukung: SR2.1}
      - {kode: S2, mendukung: SR2.1}
      - {kode: S3, mendukung: SR2.2}
      - {kode: S4, mendukung: SR2.3}
"""


def test_the_contoh_tree_is_read_with_the_iku_s_indicators(bundled) -> None:
    t = tree((data_dir() / "pohon" / "pohon.yaml").read_text("utf-8"), bundled)
    assert t.findings == []
    assert [n.kode for n, d in t.walk() if d == 0] == ["S1", "S2", "S3", "S4"]
    s1 = t.simpul["S1"]
    assert [i.kode for i in s1.indikator] == ["S1.1", "S1.2", "S1.3"]
    assert s1.uraian.startswith("Pendataan UMKM")  # from the IKU, not written in the tree
    assert [c.kode for c in t.simpul["P1.02"].anak] == ["2.17.02.1.01.0001", "2.17.02.1.01.0002"]
    assert t.owner(t.simpul["P1"]).jabatan == "Kepala Bidang UKM"


def test_an_orphan_is_said_and_kept_apart(bundled) -> None:
    text = ALL_SASARAN + "      - {kode: P9, level: program, induk: S9, uraian: Program X}\n"
    assert findings_of(text, bundled) == [("IKU601", 6, 39)]  # at "S9"
    t = tree(text, bundled)
    assert t.simpul["P9"].yatim and t.simpul["P9"] in t.akar


def test_levels_codes_owners_and_support_are_checked(bundled) -> None:
    text = """\
    pejabat:
      - {kode: kadis, jabatan: Kepala Dinas, eselon: II, atasan: kabid}
      - {kode: kabid, jabatan: Kepala Bidang, eselon: III, atasan: kadis}
    pohon:
      - {kode: S1, mendukung: SR9, pemilik: kepala}
      - {kode: S2}
      - {kode: S3, mendukung: SR2.2}
      - {kode: S4, mendukung: SR2.3}
      - {kode: S7, level: sasaran}
      - {kode: K1, level: kegiatan, induk: S3, uraian: Kegiatan X}
    """
    assert findings_of(text, bundled) == [
        ("IKU602", 2, 62),  # kadis -> kabid -> kadis: at "kabid"
        ("IKU602", 3, 64),
        ("IKU603", 5, 27),  # SR9 is not in the RPJMD
        ("IKU603", 5, 41),  # no such owner: at "kepala"
        ("IKU604", 6, 12),  # S2 supports no RPJMD sasaran
        ("IKU603", 9, 12),  # S7 is not an IKU sasaran
        ("IKU602", 10, 40),  # a kegiatan under a sasaran: at its induk "S3"
    ]


def test_what_the_tree_writes_again_is_compared_with_the_iku(bundled) -> None:
    text = ALL_SASARAN.replace(
        "{kode: S2, mendukung: SR2.1}",
        "{kode: S2, mendukung: SR2.1, indikator: [{kode: S2.1, uraian: Koperasi Aktif, "
        'target: {2019: "24 Kop", 2020: "28 Kop"}}]}',
    )
    t = tree(text, bundled)
    assert [(f.code, f.line) for f in t.findings] == [("IKU606", 3)]
    assert "'24 Kop', di IKU '25 Kop'" in t.findings[0].message
    assert t.simpul["S2"].indikator[0].target[2019].teks == "25 Kop"  # the IKU's is used


def test_missing_iku_sasaran_is_said(bundled) -> None:
    found = tree("pohon:\n  - {kode: S1, mendukung: SR2.1}\n", bundled).findings
    assert [(f.code, f.line) for f in found] == [("IKU605", 1)]
    assert "S2, S3, S4" in found[0].message


def test_sub_kegiatan_money_rule(bundled) -> None:
    from ikutool.inputs.program import program_from_document

    text = textwrap.dedent(
        """\
        tahun: 2019
        program:
          - kode: P1
            nama: Program A
            sasaran: S1
            kegiatan:
              - kode: K1
                nama: Kegiatan dengan pagu dari sub kegiatannya
                sub_kegiatan:
                  - {kode: "1.01", nama: Sub A, pagu: "Rp 100.000.000", realisasi_rp: {I: "Rp 10.000.000"}}
                  - {kode: "1.02", nama: Sub B, pagu: "Rp 50.000.000", realisasi_rp: {I: "Rp 5.000.000"}}
              - kode: K2
                nama: Kegiatan dengan sub kegiatan tanpa pagu
                sub_kegiatan:
                  - {kode: "2.01", nama: Sub C, pagu: "Rp 100.000.000"}
                  - {kode: "2.02", nama: Sub D}
              - kode: K3
                nama: Kegiatan berpagu
                pagu: "Rp 120.000.000"
                sub_kegiatan:
                  - {kode: "3.01", nama: Sub E, pagu: "Rp 70.000.000"}
                  - {kode: "3.02", nama: Sub F, pagu: "Rp 60.000.000"}
        """
    )
    p = program_from_document(parse_yaml_text(text, "2019.yaml"), Path("2019.yaml"), bundled.iku)
    k1, k2, k3 = p.program[0].kegiatan
    # the one money rule (ikutool/model/uang.py): a kegiatan's Rp is its own, else its sub
    # kegiatan's; a sum with an empty member stays empty and names it
    assert k1.uang.field("pagu") == 150_000_000 and k1.uang.quarter("I") == 15_000_000
    assert k2.uang.field("pagu") is None
    assert k2.uang.kurang_field("pagu") == ("sub kegiatan Sub D",)  # empty, named
    assert k3.uang.field("pagu") == 120_000_000
    assert [(f.code, f.line) for f in p.findings] == [("IKU314", 19)]  # 70 + 60 > 120
    assert "Rp 130.000.000" in p.findings[0].message


# --- the hand-made regency ----------------------------------------------------------------------


@pytest.fixture
def kabupaten(tmp_path: Path) -> Path:
    root = tmp_path / "kabupaten"
    shutil.copytree(KABUPATEN, root)
    return root


def _validate(iku_cli, folder: Path, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(folder)
    result = iku_cli("validate", "-f", "json")
    data = json.loads(result.stdout)
    assert all(r["sah"] for r in data["berkas"]), result.stdout
    return result.exit_code, [
        f"{f['kode']} {f['berkas']}:{f['baris']}:{f['kolom']}" for f in data["temuan"]
    ]


def test_each_agency_of_the_regency_gives_exactly_its_finding(iku_cli, kabupaten, monkeypatch):
    assert _validate(iku_cli, kabupaten / "dinas-a", monkeypatch) == (0, [])
    assert _validate(iku_cli, kabupaten / "dinas-b", monkeypatch) == (
        0, ["IKU601 pohon/pohon.yaml:9:12"],
    )  # fmt: skip
    assert _validate(iku_cli, kabupaten / "dinas-c", monkeypatch) == (
        0, ["IKU314 program/2024.yaml:13:19"],
    )  # fmt: skip


def test_the_regency_tree(iku_cli, kabupaten, monkeypatch) -> None:
    monkeypatch.chdir(kabupaten)
    result = iku_cli("rekap", "--pohon", ".", "--tahun", "2024", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["tanpa_dukungan"] == ["SR4"]
    assert {s["kode"]: [d["instansi"] for d in s["didukung"]] for s in data["sasaran_rpjmd"]} == {
        "SR1": ["DINKOP"], "SR2": ["DINDAG"], "SR3": ["DINKES"], "SR4": [],
    }  # fmt: skip
    found = [f"{f['kode']} {f['berkas']}:{f['baris']}:{f['kolom']}" for f in data["temuan"]]
    assert found == [
        "IKU601 dinas-b/pohon/pohon.yaml:9:12",
        "IKU314 dinas-c/program/2024.yaml:13:19",
        "IKU611 rpjmd.yaml:19:11",
    ]
    dinkes = next(a for a in data["instansi"] if a["kode"] == "DINKES")
    s1 = next(s for s in dinkes["pohon"]["simpul"] if s["kode"] == "S1")
    assert s1["diterima"] == [
        {"instansi": "DINKOP", "kode": "P1", "peran": "Pangan olahan usaha mikro bergizi dan aman",
         "uraian": "Program Pemberdayaan Usaha Mikro"},
    ]  # fmt: skip
    table = iku_cli("rekap", "--pohon", ".", "--tahun", "2024")
    row = next(line for line in table.stdout.splitlines() if "SR4" in line)
    assert "BELUM DIDUKUNG" in row


def test_a_broken_crosscutting_link_is_located(iku_cli, kabupaten, monkeypatch) -> None:
    path = kabupaten / "dinas-a" / "pohon" / "pohon.yaml"
    path.write_text(path.read_text("utf-8").replace("kode: S1, peran", "kode: S5, peran"), "utf-8")
    monkeypatch.chdir(kabupaten)
    data = json.loads(iku_cli("rekap", "--pohon", ".", "--tahun", "2024", "-f", "json").stdout)
    broken = [f for f in data["temuan"] if f["kode"] == "IKU610"]
    assert [(f["berkas"], f["baris"], f["kolom"]) for f in broken] == [
        ("dinas-a/pohon/pohon.yaml", 15, 34)  # at "S5"
    ]
    assert "simpul S5 tidak ada di pohon kinerja Dinas Kesehatan" in broken[0]["pesan"]


def test_regency_pictures(iku_cli, kabupaten, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(kabupaten)
    svg = iku_cli("rekap", "--pohon", ".", "--tahun", "2024", "-f", "svg").stdout
    assert svg.startswith("<svg") and "BELUM DIDUKUNG" in svg and "DINKOP P1" in svg
    assert "Crosscutting dari DINKOP" in svg
    out = tmp_path / "kab.pdf"
    assert iku_cli("rekap", "--pohon", ".", "-f", "pdf", "--out", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"%PDF-1.4")


# --- documents ----------------------------------------------------------------------------------


def test_iku_pohon_formats(iku_cli, workspace, tmp_path) -> None:
    data = json.loads(iku_cli("pohon", "--tahun", "2019", "-f", "json").stdout)
    p1 = next(s for s in data["simpul"] if s["kode"] == "P1")
    assert p1["pagu"] == 1_250_000_000 and p1["jabatan"] == "Kepala Bidang UKM"
    s1 = next(s for s in data["simpul"] if s["kode"] == "S1")
    s12 = next(i for i in s1["indikator"] if i["kode"] == "S1.2")
    assert (s12["target"], s12["sumber"]) == ("55 org", "PK")  # the PK's target in force in 2019
    svg = iku_cli("pohon", "--tahun", "2019", "-f", "svg").stdout
    assert "Target 2019: 55 org (PK)" in svg and "PJ: Kepala Bidang UKM" in svg
    for fmt, doc in (("pdf", "pohon"), ("docx", "pohon"), ("docx", "cascading"),
                     ("xlsx", "cascading"), ("docx", "pk"), ("docx", "matriks")):  # fmt: skip
        out = tmp_path / f"{doc}.{fmt}"
        result = iku_cli("pohon", "--tahun", "2019", "-d", doc, "-f", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000


def test_documents_carry_no_file_names_or_codes(iku_cli, workspace) -> None:
    for doc in ("pohon", "cascading", "pk", "matriks"):
        text = iku_cli("pohon", "--tahun", "2019", "-d", doc, "-f", "markdown").stdout
        assert "ikutool" not in text and ".yaml" not in text and "IKU6" not in text


def test_pk_per_eselon(iku_cli, workspace) -> None:
    text = iku_cli(
        "pohon", "--tahun", "2019", "-d", "pk", "--eselon", "III", "-f", "markdown"
    ).stdout
    assert text.count("PERJANJIAN KINERJA TAHUN 2019") == 4  # four kepala bidang own programs
    assert "Kepala Dinas Koperasi, UKM, Perindustrian dan Perdagangan" in text  # their atasan
    assert "P1.a Persentase UMKM binaan yang naik kelas | 10 %" in text
    kadis = iku_cli(
        "pohon", "--tahun", "2019", "-d", "pk", "--eselon", "II", "-f", "markdown"
    ).stdout
    assert "Bupati Tanjung Jabung Barat" in kadis and "55 org (PK)" in kadis


def test_the_two_parties_sign_side_by_side(iku_cli, workspace, tmp_path) -> None:
    """A PK is signed by both parties in one row, the second (the atasan) on the left, as PK
    documents are printed; they stood one under the other."""
    import zipfile

    out = tmp_path / "pk.docx"
    iku_cli(
        "pohon", "--tahun", "2019", "-d", "pk", "--eselon", "II", "-f", "docx", "--out", str(out)
    )
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    rows = [r for r in body.split("<w:tr>") if "Pihak kedua," in r]
    assert rows and all(r.count("<w:tc>") == 2 for r in rows)
    left, right = rows[0].split("<w:tc>")[1:]
    assert "Pihak kedua," in left and "Bupati Tanjung Jabung Barat" in left
    assert "Pihak pertama, Kepala Dinas" in right and "SYAFRIWAN, SE" in right
    html = iku_cli("pohon", "--tahun", "2019", "-d", "pk", "--eselon", "II", "-f", "html").stdout
    pair = html[html.index("display:flex") :].split("</div>")[0]
    assert pair.index("Pihak kedua,") < pair.index("Pihak pertama, Kepala Dinas")


def test_matriks_peran_dan_hasil(iku_cli, workspace) -> None:
    text = iku_cli("pohon", "--tahun", "2019", "-d", "matriks", "-f", "markdown").stdout
    assert "Matriks Peran dan Hasil: Kepala Bidang UKM" in text
    row = next(line for line in text.splitlines() if line.startswith("| Kepala Seksi Usaha Mikro"))
    assert row == "| Kepala Seksi Usaha Mikro | P1.02 Fasilitasi Sertifikasi Usaha Mikro |"


def test_cascading_rows_one_per_leaf(iku_cli, workspace) -> None:
    from ikutool.cli.pohon import year_pohon
    from ikutool.definition.load import load_iku
    from ikutool.render.documents.pohon import cascading_rows
    from ikutool.workspace.sources import resolve

    src = resolve()
    h = year_pohon(src, load_iku(src.iku).iku, 2019)
    levels, rows = cascading_rows(h)
    assert levels == ["sasaran", "program", "kegiatan", "sub_kegiatan"]
    leaves = ["P1.01", "2.17.02.1.01.0001", "2.17.02.1.01.0002", "P2", "P3", "P4", "P5"]
    assert len(rows) == len(leaves)
    assert rows[0][2].startswith("S1 ") and rows[1][2] == ""  # S1 once, on its first row
    assert rows[0][-1] == "750.000.000"


def test_a_workspace_without_a_tree(iku_cli, workspace) -> None:
    shutil.rmtree(workspace / "pohon")
    result = iku_cli("pohon")
    assert result.exit_code == 2 and "pohon kinerja belum ada" in result.output
    validated = json.loads(iku_cli("validate", "-f", "json").stdout)
    assert not any("pohon" in r["berkas"] for r in validated["berkas"])


def test_a_large_tree_is_split_into_pages(bundled) -> None:
    from benchmarks.make_pohon import make_workspace_tree
    from ikutool.render.documents.pohon import picture_pages
    from ikutool.reports.pohon import build_pohon

    iku, t = make_workspace_tree(200)
    assert len(t.simpul) == 200
    h = build_pohon(iku, t, 2025)
    pages = picture_pages(h)
    assert len(pages) > 3
    drawn = {k.kode for p in pages for k in p.kotak}
    assert {s.kode for s in h.simpul} <= drawn  # every node on some page
    assert max(p.w for p in pages) <= 2 * 297


def test_lke_criteria_from_the_tree(iku_cli, workspace) -> None:
    path = workspace / "pohon" / "pohon.yaml"
    text = path.read_text("utf-8")
    text = text.replace("{kode: S2, mendukung: SR2.1, pemilik: kadis}", "{kode: S2}")
    text = text.replace("    induk: S4\n", "    induk: S9\n")  # P5 loses its parent
    path.write_text(text, "utf-8")
    data = json.loads(iku_cli("lke", "--tahun", "2019", "-f", "json").stdout)
    got = {k["id"]: k for k in data["kriteria"]}
    # 13 nodes: S2 without an owner (and P2 under it keeps its own)
    assert (got["pengukuran_berjenjang"]["rasio"], got["pengukuran_berjenjang"]["nilai"]) == (
        92.31, "a",
    )  # fmt: skip
    loose = got["pohon_kinerja_tersambung"]
    assert loose["rasio"] == 84.62 and loose["nilai"] == "b"  # 11 of 13: S2 unsupported, P5 orphan
    assert sorted(t["kode"] for t in loose["temuan"]) == ["P5", "S2"]
    assert all(t["berkas"] == "pohon/pohon.yaml" and t["baris"] for t in loose["temuan"])
    assert got["pengukuran_berjenjang"]["dapat_dihitung"] is True


def test_without_a_tree_the_lke_leaves_cascading_to_the_evaluator(iku_cli, workspace) -> None:
    shutil.rmtree(workspace / "pohon")
    data = json.loads(iku_cli("lke", "--tahun", "2019", "-f", "json").stdout)
    got = {k["id"]: k for k in data["kriteria"]}
    assert got["pengukuran_berjenjang"]["dapat_dihitung"] is False
    assert "pohon_kinerja_tersambung" not in got
