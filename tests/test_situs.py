"""`iku situs`: the public site of an agency (the contoh) and of a synthetic regency: every page
there, every internal link resolving, nothing fetched from elsewhere, the same bytes on a
rebuild, contoh said on every page, nothing internal published, the figures those of
`iku capaian` and `iku rekap`, drafts held back, and nothing written outside --out."""

from __future__ import annotations

import importlib.util
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from posixpath import dirname, join, normpath

import pytest
from pytest import approx

ROOT = Path(__file__).parent.parent


# --- helpers -------------------------------------------------------------------------------


class Page(HTMLParser):
    """What a test needs of a page: its links, ids, headings, charts and text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()
        self.headings: list[int] = []
        self.svgs: list[dict[str, str]] = []
        self.titles_in_svg = 0
        self.descs_in_svg = 0
        self.scripts_with_src = 0
        self.lang: str | None = None
        self._svg = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.add(a["id"])
        for attr in ("href", "src", "action", "xlink:href", "poster", "data"):
            if attr in a:
                self.links.append((tag, attr, a[attr]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "svg":
            self.svgs.append(a)
            self._svg = True
        if self._svg and tag == "title" and a.get("id"):  # the chart's own (a bar's tip: none)
            self.titles_in_svg += 1
        if self._svg and tag == "desc":
            self.descs_in_svg += 1
        if tag == "script" and "src" in a:
            self.scripts_with_src += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg = False


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def pages_of(out: Path) -> dict[str, str]:
    return {
        rel: data.decode("utf-8") for rel, data in files_of(out).items() if rel.endswith(".html")
    }


def broken_links(out: Path) -> list[str]:
    pages = pages_of(out)
    parsed = {rel: Page(text) for rel, text in pages.items()}
    broken = []
    for rel, page in parsed.items():
        for _tag, _attr, value in page.links:
            path, _, frag = value.partition("#")
            target = normpath(join(dirname(rel), path)) if path else rel
            if target.startswith("../") or not (out / target).is_file():
                broken.append(f"{rel}: {value}")
            elif frag and target.endswith(".html") and frag not in parsed[target].ids:
                broken.append(f"{rel}: {value} (no #{frag})")
    return broken


def make_data():
    spec = importlib.util.spec_from_file_location("make_data", ROOT / "benchmarks" / "make_data.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def component_keys(iku_path: Path) -> set[str]:
    """The IKU's internal component keys that differ from how a person names them."""
    from ikutool.definition.load import load_iku

    iku = load_iku(iku_path).iku
    keys = set()
    for _, ind in iku.indikator():
        for target in ind.target.values():
            for c in target.komponen if target else []:
                if c.kunci and "_" in c.kunci:
                    keys.add(c.kunci)
    return keys


# --- the contoh ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def contoh(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from ikutool.cli.app import app

    ws = tmp_path_factory.mktemp("contoh") / "dinas"
    assert CliRunner().invoke(app, ["init", "--contoh", str(ws)]).exit_code == 0
    return ws


@pytest.fixture(scope="module")
def site(contoh: Path, tmp_path_factory) -> Path:
    """The contoh's site without the Word documents (those: test_documents_for_download)."""
    import os

    from typer.testing import CliRunner

    from ikutool.cli.app import app

    out = tmp_path_factory.mktemp("situs") / "situs"
    here = os.getcwd()
    os.chdir(contoh)
    try:
        result = CliRunner().invoke(app, ["situs", "--out", str(out), "--tanpa-dokumen"])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return out


def test_every_page_type_is_there(site: Path) -> None:
    names = set(files_of(site))
    for page in ("index.html", "pk.html", "status.html", "unduhan.html", "gaya.css"):
        assert page in names
    assert {f"pengukuran/{y}.html" for y in (2017, 2018, 2019)} <= names
    assert {f"sasaran/s{i}.html" for i in (1, 2, 3, 4)} <= names
    codes = ["s1-1", "s1-2", "s1-3", "s2-1", "s3-1", "s3-2", "s3-3", "s3-4", "s4-1"]
    assert {f"indikator/{c}.html" for c in codes} <= names
    assert "pengukuran/2020.html" not in names  # no realisasi 2020: no page of figures
    tables = [n for n in names if n.startswith("data/") and n.endswith(".csv")]
    assert {n.replace(".csv", ".json") for n in tables} <= names
    # every table on a page has its CSV and JSON
    for rel, text in pages_of(site).items():
        for href in re.findall(r'href="([^"]+\.csv)"', text):
            assert (site / normpath(join(dirname(rel), href))).is_file()


def test_every_internal_link_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_nothing_is_fetched_from_elsewhere(site: Path) -> None:
    for rel, text in pages_of(site).items():
        page = Page(text)
        for _tag, attr, value in page.links:
            assert not re.match(r"^[a-z][a-z0-9+.-]*:|^//", value), f"{rel}: {attr}={value}"
        assert page.scripts_with_src == 0
        # the only URL a page carries is the SVG namespace, which is never fetched
        assert set(re.findall(r"https?://[^\s\"'<>]+", text)) <= {"http://www.w3.org/2000/svg"}
    css = (site / "gaya.css").read_text("utf-8")
    assert "url(" not in css and "@import" not in css


def test_a_rebuild_changes_no_byte(
    contoh: Path, site: Path, iku_cli, monkeypatch, tmp_path
) -> None:
    monkeypatch.chdir(contoh)
    again = tmp_path / "lagi"
    assert iku_cli("situs", "--out", str(again), "--tanpa-dokumen").exit_code == 0
    assert files_of(again) == files_of(site)
    before = {p: (site / p).stat().st_mtime_ns for p in files_of(site)}
    result = iku_cli("situs", "--out", str(site), "--tanpa-dokumen")
    assert result.exit_code == 0
    assert "(0 ditulis," in result.stderr
    assert {p: (site / p).stat().st_mtime_ns for p in files_of(site)} == before


def test_contoh_is_said_on_every_page(site: Path) -> None:
    for rel, text in pages_of(site).items():
        assert "berstatus CONTOH - angka ilustrasi, bukan data resmi." in text, rel
    for rel, data in files_of(site).items():
        if rel.endswith(".json") and rel.startswith("data/"):
            notes = json.loads(data)["catatan_data"]
            assert any("CONTOH" in n for n in notes), rel


def test_nothing_internal_is_published(site: Path, contoh: Path) -> None:
    keys = component_keys(contoh / "iku.yaml")
    assert "kop_ksp_usp_umkm" in keys  # the check below would catch one
    for rel, data in files_of(site).items():
        if rel == ".situs.json":
            continue
        text = data.decode("utf-8")
        assert not re.search(r"\bIKU\d{3}\b", text), rel  # error codes
        assert ".yaml" not in text and "ikutool" not in text.lower(), rel  # files, the tool
        assert str(contoh) not in text and "contoh bawaan" not in text, rel
        assert "[diisi" not in text, rel  # an officer's gap is "belum ditulis" here
        found = [k for k in keys if k in text]
        assert not found, f"{rel}: {found}"


def test_figures_are_those_of_iku_capaian(site: Path, contoh: Path, iku_cli, monkeypatch) -> None:
    monkeypatch.chdir(contoh)
    for year in (2017, 2018, 2019):
        expected = json.loads(iku_cli("capaian", "--tahun", str(year), "-f", "json").stdout)
        table = json.loads((site / f"data/pengukuran-{year}.json").read_bytes())
        rows = table["baris"]
        sasaran = [r for r in rows if r["baris"] == "sasaran"]
        assert [r["capaian_angka"] for r in sasaran] == [s["capaian"] for s in expected["sasaran"]]
        agency = [r for r in rows if r["baris"] == "instansi"]
        assert agency[0]["capaian_angka"] == expected["capaian"]
        shown = {
            r["indikator"].split(" ", 1)[0]: r["capaian_angka"]
            for r in rows
            if r["baris"] in ("indikator", "rata_komponen", "rata-rata komponen")
            and r["capaian_angka"] is not None
        }
        for s in expected["sasaran"]:
            for ind in s["indikator"]:
                if ind["capaian"] is not None and len(ind["komponen"]) <= 1:
                    assert shown[ind["kode"]] == ind["capaian"]
    # hand-worked: S1 2019 = mean(88,89; 105,45; 94,00) = 96,11 %, the agency 94,25 %
    home = json.loads((site / "data/capaian-sasaran-2019.json").read_bytes())["baris"]
    assert home[0]["capaian_angka"] == approx((800 / 9 + 58 / 55 * 100 + 94) / 3)
    assert home[-1]["capaian_angka"] == approx(94.25, abs=0.005)
    assert "96,11" in (site / "index.html").read_text("utf-8")


def test_indicator_page_shows_history_quarters_manual_and_notes(site: Path) -> None:
    page = (site / "indikator/s4-1.html").read_text("utf-8")
    # the history, its status, the quarters (kumulatif: 10 + 12 + 11 + 9 = 42 IKM)
    history = json.loads((site / "data/indikator-s4-1-riwayat.json").read_bytes())["baris"]
    y2019 = next(r for r in history if r["tahun"] == 2019)
    assert y2019["realisasi_angka"] == 42 and y2019["capaian_angka"] == approx(84.0)
    assert y2019["status_data"].startswith("contoh")
    quarters = json.loads((site / "data/indikator-s4-1-triwulan-2019.json").read_bytes())
    assert [r["realisasi_sd_tw_angka"] for r in quarters["baris"]] == [10, 22, 33, 42]
    assert "Manual IKU" in page and "Penanggung jawab" in page
    assert "target akhir 2021" in page  # the end-target line of the chart
    notes = (site / "indikator/s2-1.html").read_text("utf-8")
    assert "Satu koperasi tidak melaksanakan RAT" in notes  # the realisasi's note
    pk = (site / "pk.html").read_text("utf-8")
    assert "55 org" in pk and "60 org" in pk  # the PK target beside the Renstra's


def test_pages_are_accessible_and_work_without_script(site: Path) -> None:
    for rel, text in pages_of(site).items():
        page = Page(text)
        assert page.lang == "id", rel
        assert page.headings.count(1) == 1, rel
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{rel}: h{before} then h{after}"
        for svg in page.svgs:
            assert svg.get("role") == "img" and svg.get("aria-labelledby"), rel
        assert page.titles_in_svg == page.descs_in_svg == len(page.svgs), rel
        # tabs: without the script each panel is there under its own heading
        for panel in re.findall(r'<section class="panel" id="[^"]+">(.{0,40})', text):
            assert panel.startswith("<h3>"), rel
        assert '<meta name="viewport"' in text
    home = (site / "index.html").read_text("utf-8")
    assert "<h3>Grafik</h3>" in home and "<h3>Tabel</h3>" in home


def test_charts_read_in_indonesian_and_in_black_and_white(site: Path) -> None:
    home = (site / "index.html").read_text("utf-8")
    chart = home[home.index("<svg") : home.index("</svg>")]
    assert ">100 %</text>" in chart and ">96,11 % (Sangat Tinggi)</text>" in chart
    assert 'stroke-dasharray="1.2 0.8"' in chart  # the 100 % line
    # S4 (84,00 %, Tinggi) is hatched, not only another colour; its legend says so
    assert "<pattern" in chart and ">84,00 % (Tinggi)</text>" in chart
    assert ">Tinggi</text>" in chart


def test_the_sites_charts_are_the_documents_drawn_at_the_sites_width(site: Path) -> None:
    """One chart code: the home page's chart is the LKjIP's Grafik 3.1 (the same bars, words
    and hatching) laid out at the site's width; each page's charts own their ids; a chart
    widens with the screen up to the figure's width."""
    lkjip_words = ">96,11 % (Sangat Tinggi)</text>"  # as the LKjIP html writes Grafik 3.1
    home = (site / "index.html").read_text("utf-8")
    svg = home[home.index("<svg") : home.index("</svg>")]
    assert lkjip_words in svg
    assert re.search(r'viewBox="0 0 76 [0-9.]+"', svg) and "max-width:100%" in svg
    assert re.search(r'<pattern id="grafik-1-miring"', svg)
    css = (site / "gaya.css").read_text("utf-8")
    assert ".grafik{margin:.5rem 0 1rem;max-width:30rem}" in css
    for rel, text in pages_of(site).items():
        ids = re.findall(r' id="([^"]+)"', text)
        assert len(ids) == len(set(ids)), rel


# --- drafts, and the folder it writes --------------------------------------------------------


@pytest.fixture
def workspace(contoh: Path, tmp_path: Path) -> Path:
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(contoh, ws)
    return ws


def _status(path: Path, status: str) -> None:
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"(?m)^status: \w+", f"status: {status}", text), "utf-8")


def test_drafts_are_held_back_unless_asked(workspace: Path, iku_cli, monkeypatch) -> None:
    monkeypatch.chdir(workspace)
    _status(workspace / "realisasi" / "2019.yaml", "sementara")
    result = iku_cli("situs", "--out", "situs", "--tanpa-dokumen")
    assert result.exit_code == 0
    assert "realisasi 2019 berstatus sementara: tidak diterbitkan" in result.stderr
    out = workspace / "situs"
    assert not (out / "pengukuran/2019.html").exists()
    assert "Tahun 2018 - Capaian rata-rata" in (out / "index.html").read_text("utf-8")
    history = json.loads((out / "data/indikator-s4-1-riwayat.json").read_bytes())["baris"]
    assert next(r for r in history if r["tahun"] == 2019)["realisasi_angka"] is None
    assert "SEMENTARA" not in "".join(pages_of(out).values())
    result = iku_cli("situs", "--out", "situs", "--tanpa-dokumen", "--sementara")
    assert result.exit_code == 0
    assert (out / "pengukuran/2019.html").exists()
    for rel, text in pages_of(out).items():
        assert "berstatus SEMENTARA (belum final)" in text, rel


def test_a_draft_pk_holds_back_its_year(workspace: Path, iku_cli, monkeypatch) -> None:
    monkeypatch.chdir(workspace)
    _status(workspace / "pk" / "2019.yaml", "sementara")
    result = iku_cli("situs", "--out", "situs", "--tanpa-dokumen")
    assert result.exit_code == 0
    assert not (workspace / "situs/pengukuran/2019.html").exists()
    assert "Perjanjian Kinerja 2019 berstatus sementara" in result.stderr


def test_a_folder_it_did_not_make_is_refused(workspace: Path, iku_cli, monkeypatch) -> None:
    monkeypatch.chdir(workspace)
    out = workspace / "lain"
    out.mkdir()
    (out / "catatan.txt").write_text("milik orang lain", "utf-8")
    result = iku_cli("situs", "--out", "lain", "--tanpa-dokumen")
    assert result.exit_code == 1 and "IKU507" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["catatan.txt"]  # nothing written
    result = iku_cli("situs", "--out", "lain", "--tanpa-dokumen", "--force")
    assert result.exit_code == 0
    assert (out / "catatan.txt").read_text("utf-8") == "milik orang lain"
    assert (out / "index.html").is_file()
    # now it is a site it made: a rebuild needs no --force, and leaves the other file alone
    assert iku_cli("situs", "--out", "lain", "--tanpa-dokumen").exit_code == 0
    assert (out / "catatan.txt").is_file()


def test_a_rebuild_replaces_only_what_it_made(workspace: Path, iku_cli, monkeypatch) -> None:
    monkeypatch.chdir(workspace)
    out = workspace / "situs"
    assert iku_cli("situs", "--out", "situs", "--tanpa-dokumen").exit_code == 0
    # a page someone edited by hand is not overwritten without --force
    (out / "pk.html").write_text("diubah", "utf-8")
    result = iku_cli("situs", "--out", "situs", "--tanpa-dokumen")
    assert result.exit_code == 1 and "IKU502" in result.stderr and "pk.html" in result.stderr
    assert (out / "pk.html").read_text("utf-8") == "diubah"
    assert iku_cli("situs", "--out", "situs", "--tanpa-dokumen", "--force").exit_code == 0
    assert (out / "pk.html").read_text("utf-8") != "diubah"
    # a page it made and no longer makes goes; one changed since stays
    (workspace / "realisasi" / "2017.yaml").unlink()
    (out / "data/pengukuran-2017.csv").write_text("diubah", "utf-8")
    result = iku_cli("situs", "--out", "situs", "--tanpa-dokumen")
    assert result.exit_code == 0
    assert not (out / "pengukuran/2017.html").exists()
    assert (out / "data/pengukuran-2017.csv").read_text("utf-8") == "diubah"
    assert "Dibiarkan" in result.stderr
    assert broken_links(out) == []


def test_nothing_is_written_through_a_link(workspace: Path, iku_cli, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(workspace)
    assert iku_cli("situs", "--out", "situs", "--tanpa-dokumen").exit_code == 0
    outside = tmp_path / "di-luar"
    outside.mkdir()
    (outside / "penting.txt").write_text("jangan", "utf-8")
    data = workspace / "situs" / "data"
    for f in data.iterdir():
        f.unlink()
    data.rmdir()
    data.symlink_to(outside, target_is_directory=True)
    result = iku_cli("situs", "--out", "situs", "--tanpa-dokumen")
    assert result.exit_code == 1 and "IKU503" in result.stderr
    assert [p.name for p in outside.iterdir()] == ["penting.txt"]


def test_a_hostile_list_removes_nothing_outside(workspace: Path, iku_cli, monkeypatch, tmp_path):
    import hashlib

    monkeypatch.chdir(workspace)
    victim = workspace / "iku.yaml"
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    out = workspace / "situs"
    out.mkdir()
    manifest = {"situs": 1, "berkas": {"../iku.yaml": digest, str(victim): digest}}
    (out / ".situs.json").write_text(json.dumps(manifest), "utf-8")
    assert iku_cli("situs", "--out", "situs", "--tanpa-dokumen").exit_code == 0
    assert victim.is_file()


@pytest.mark.parametrize(("out", "code"), [("iku.yaml", 2), ("realisasi/situs", 2), (".", 2)])
def test_out_must_be_a_folder_of_its_own(workspace: Path, iku_cli, monkeypatch, out, code) -> None:
    monkeypatch.chdir(workspace)
    before = files_of(workspace)
    result = iku_cli("situs", "--out", out, "--tanpa-dokumen", "--force")
    assert result.exit_code == code, result.stderr
    assert files_of(workspace) == before


@pytest.mark.slow
def test_documents_for_download(contoh: Path, iku_cli, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(contoh)
    out = tmp_path / "situs"
    assert iku_cli("situs", "--out", str(out)).exit_code == 0
    names = sorted(p.name for p in (out / "unduh").iterdir())
    assert names == [
        "e81-2019.docx",
        "lkjip-2017.docx",
        "lkjip-2018.docx",
        "lkjip-2019.docx",
        "manual-iku-2016-2021.docx",
    ]
    for path in (out / "unduh").iterdir():
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None
            assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        assert ".yaml" not in text and "ikutool" not in text.lower(), path.name
        assert "<dc:description></dc:description>" in text or "<dc:description/>" in text
    unduhan = (out / "unduhan.html").read_text("utf-8")
    assert "LKjIP Tahun 2019" in unduhan and "unduh/e81-2019.docx" in unduhan
    again = tmp_path / "lagi"
    assert iku_cli("situs", "--out", str(again)).exit_code == 0
    assert files_of(again) == files_of(out)


# --- a regency of 40 agencies --------------------------------------------------------------


@pytest.fixture(scope="module")
def regency(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kabupaten") / "opd"
    make_data().region(out, 40)  # 7, 27: a non-number in 2026; 13, 33: a misspelt IKU key
    return out


@pytest.mark.slow
def test_a_regency_of_40_agencies(regency: Path, iku_cli, tmp_path) -> None:
    out = tmp_path / "situs"
    result = iku_cli("situs", "--kabupaten", str(regency), "--out", str(out))
    assert result.exit_code == 1  # wrong files are said (located) and the rest is published
    assert "opd-013/iku.yaml:" in result.stderr and "IKU303" in result.stderr
    assert "38 dari 40 instansi diterbitkan" in result.stderr
    homes = sorted(p.parent.name for p in out.glob("instansi/*/index.html"))
    assert len(homes) == 38
    assert broken_links(out) == []
    pages = pages_of(out)
    for rel, text in pages.items():
        assert "CONTOH" in text, rel
        assert "opd-0" not in text and str(regency) not in text, rel  # folders stay private
        assert not re.search(r"\bIKU\d{3}\b", text), rel
    # the ranking is iku rekap's, highest first
    rekap = json.loads(iku_cli("rekap", "--tahun", "2027", str(regency), "-f", "json").stdout)
    figures = {
        b["instansi"]: t["capaian"]
        for b in rekap["baris"]
        for t in b["tahun"]
        if t["tahun"] == 2027 and t["capaian"] is not None
    }
    ranked = json.loads((out / "data/capaian-instansi-2027.json").read_bytes())["baris"]
    shown = [(r["instansi"], r["capaian_angka"]) for r in ranked if r["capaian_angka"] is not None]
    assert dict(shown) == figures
    assert [v for _, v in shown] == sorted(figures.values(), reverse=True)
    # who has reported: agency 7's realisasi 2026 is wrong, so it has not
    status = json.loads((out / "data/status-instansi-2026.json").read_bytes())["baris"]
    by_name = {r["instansi"]: r for r in status}
    assert by_name["Dinas Sintetis 007 (sintetis)"]["setahun"] == "belum"
    assert by_name["Dinas Sintetis 001 (sintetis)"]["tw_IV"].startswith("ada (")
    # the same bytes again
    again = tmp_path / "lagi"
    iku_cli("situs", "--kabupaten", str(regency), "--out", str(again))
    assert files_of(again) == files_of(out)


# --- hostile text, a revised PK ------------------------------------------------------------

HOSTILE_IKU = """\
instansi:
  nama: "Dinas <script>alert(1)</script> & Co"
  pemerintah: Kabupaten Uji
periode: {awal: 2019, akhir: 2021}
sasaran:
  - kode: S1
    uraian: "=HYPERLINK(\\"http://contoh.invalid\\")"
    indikator:
      - kode: S1.1
        uraian: '"><img src=x onerror=alert(1)> koperasi'
        target: {2019: "25 Kop", 2020: "26 Kop", 2021: "30 Kop"}
      - kode: S1.2
        uraian: Pelatihan
        target: {2019: "60 org", 2020: "60 org", 2021: "60 org"}
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    ws = tmp_path / "uji"
    (ws / "realisasi").mkdir(parents=True)
    (ws / "pk").mkdir()
    (ws / "ikutool.yaml").write_text("iku: iku.yaml\n", "utf-8")
    (ws / "iku.yaml").write_text(HOSTILE_IKU, "utf-8")
    (ws / "realisasi" / "2019.yaml").write_text(
        "tahun: 2019\nstatus: final\nrealisasi:\n"
        "  S1.1: {nilai: 24, catatan: '@SUM(A1) <b>tebal</b>'}\n  S1.2: 57\n",
        "utf-8",
    )
    (ws / "pk" / "2019.yaml").write_text(
        "tahun: 2019\nstatus: final\nditandatangani: 2019-01-15\n"
        'target:\n  S1.2: "55 org"\nperubahan:\n'
        '  - tanggal: 2019-07-01\n    target: {S1.2: "50 org"}\n',
        "utf-8",
    )
    return ws


def test_user_text_is_text_on_a_page_and_in_a_spreadsheet(hostile, iku_cli, monkeypatch) -> None:
    monkeypatch.chdir(hostile)
    result = iku_cli("situs", "--out", "situs", "--tanpa-dokumen")
    assert result.exit_code == 0, result.stderr
    out = hostile / "situs"
    for rel, text in pages_of(out).items():
        assert "<script>alert" not in text and "<img" not in text, rel
        assert text.count("<script>") <= 1, rel  # the tabs' own, nothing else
        assert "<b>tebal" not in text, rel
    home = (out / "index.html").read_text("utf-8")
    assert "Dinas &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in home
    assert "http://contoh.invalid" not in "".join(
        href for p in pages_of(out).values() for _, _, href in Page(p).links
    )
    assert broken_links(out) == []


def test_a_csv_cell_never_starts_a_formula() -> None:
    from ikutool.render.situs.tabel import Kolom, TabelSitus

    table = TabelSitus(
        "uji", "Uji", [Kolom(k, k) for k in "abcdef"],
        [{"a": "=1+1", "b": -3.5, "c": "-", "d": "@SUM(A1)", "e": "- UMKM", "f": "+62"}],
    )  # fmt: skip
    row = table.csv().decode("utf-8-sig").splitlines()[1]
    assert row == "'=1+1,-3.5,-,'@SUM(A1),'- UMKM,'+62"


def test_the_pk_page_shows_each_perubahan(hostile, iku_cli, monkeypatch) -> None:
    monkeypatch.chdir(hostile)
    assert iku_cli("situs", "--out", "situs", "--tanpa-dokumen").exit_code == 0
    out = hostile / "situs"
    pk = json.loads((out / "data/pk-2019.json").read_bytes())["baris"]
    s12 = next(r for r in pk if r["indikator"].startswith("S1.2"))
    assert s12["target"] == "50 org" and s12["sumber"] == "PK perubahan (1 Juli 2019)"
    assert s12["target_renstra"] == "60 org"
    history = json.loads((out / "data/pk-2019-perubahan.json").read_bytes())["baris"]
    assert [(r["indikator"], r["berlaku"], r["target"]) for r in history] == [
        ("S1.2 Pelatihan", "PK awal", "55 org"),
        ("S1.2 Pelatihan", "PK perubahan 1 Juli 2019", "50 org"),
    ]
    page = (out / "pk.html").read_text("utf-8")
    assert "Ditandatangani pada 15 Januari 2019" in page
    assert "Diubah dengan PK perubahan tanggal 1 Juli 2019" in page
    # measured against the revised PK: 57 / 50 = 114 %
    capaian = json.loads((out / "data/pengukuran-2019.json").read_bytes())["baris"]
    assert next(r for r in capaian if r["indikator"].startswith("S1.2"))["capaian_angka"] == approx(
        114.0
    )
    assert "CONTOH" not in page  # final data: no notice


def test_money_is_that_of_the_lkjip(site: Path, contoh: Path, iku_cli, monkeypatch) -> None:
    monkeypatch.chdir(contoh)
    lkjip = json.loads(iku_cli("lkjip", "--tahun", "2019", "-f", "json").stdout)
    rows = json.loads((site / "data/anggaran-2019.json").read_bytes())["baris"]
    assert [(r["program"], r["pagu_angka"], r["realisasi_angka"], r["serapan_angka"])
            for r in rows[:-1]] == [
        (p["nama"], p["pagu"], p["realisasi"], p["serapan"]) for p in lkjip["program"]
    ]  # fmt: skip
    # hand-worked: 3.189.500.000 / 3.400.000.000 = 93,81 %
    assert rows[-1]["realisasi_angka"] == 3_189_500_000
    assert rows[-1]["serapan_angka"] == approx(3_189_500_000 / 3_400_000_000 * 100)
    assert "3.189.500.000" in (site / "anggaran.html").read_text("utf-8")
    s3 = json.loads((site / "data/sasaran-s3-anggaran.json").read_bytes())["baris"]
    assert next(r for r in s3 if r["tahun"] == 2019)["pagu_angka"] == 800_000_000 + 300_000_000
