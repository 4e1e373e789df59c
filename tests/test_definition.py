"""The bundled IKU against the seed table, and the validator on bad definitions."""

from __future__ import annotations

import json

import pytest

from ikutool.definition.load import load_iku, resolve_bidang
from ikutool.errors import IkuError
from tests.conftest import MINIMAL

# Transcribed by hand from the seed document's Bab IV table (docs/sumber/iku-2016-2021.txt),
# independently of data/iku_2016_2021.yaml. Cells as (quantity, unit); None is "-".
# Line-wrap splits inside cells ("sertifi kasi", "UMK M") are joined.
SEED = {
    "S1.1": {
        2016: None,
        2017: None,
        2018: [(100, "sertifikasi Usaha Mikro"), (15, "Kop"), (25, "UKM")],
        2019: [(3000, "UMKM"), (100, "sertifikasi usaha mikro"), (10, "Kop/KSP/USP/UMKM")],
        2020: [(2500, "UMKM"), (100, "sertifikasi usaha mikro"), (10, "Kop/KSP/JSP/UMKM")],
        2021: [(315, "Buku"), (100, "sertifikasi usaha mikro"), (10, "Kop/KSP/USP/UMKM")],
    },
    "S1.2": {
        2016: None,
        2017: [(60, "org")],
        2018: [(120, "org")],
        2019: [(60, "org")],
        2020: [(60, "org")],
        2021: [(60, "org")],
    },
    "S1.3": {
        2016: None,
        **{y: [(15, "Kop/KSP/USP"), (25, "UMKM")] for y in (2017, 2018)},
        **{y: [(10, "Kop/KSP/USP"), (25, "UMKM")] for y in (2019, 2020, 2021)},
    },
    "S2.1": {
        2016: [(20, "Kop")],
        2017: [(21, "Kop")],
        2018: [(22, "Kop")],
        2019: [(25, "Kop")],
        2020: [(28, "Kop")],
        2021: [(30, "Kop")],
    },
    "S3.1": {y: [(100, "unit")] for y in range(2016, 2022)},
    "S3.2": {
        2016: [(7, "%"), (17, "%")],
        2017: [(7, "%"), (17, "%")],
        2018: [(8, "%"), (17, "%")],
        2019: [(8, "%"), (17, "%")],
        2020: [(8, "%"), (18, "%")],
        2021: [(9, "%"), (18, "%")],
    },
    "S3.3": {y: [(2, "%")] for y in range(2016, 2022)},
    "S3.4": {2016: None, 2017: [(7.14, "%")], **{y: [(5, "%")] for y in range(2018, 2022)}},
    "S4.1": {y: [(50, "IKM")] for y in range(2016, 2022)},
}
SASARAN = {
    "S1": (
        "Pendataan UMKM yang Update serta meningkatnya kualitas SDM Usaha Kecil Menengah",
        ["S1.1", "S1.2", "S1.3"],
    ),
    "S2": ("Meningkatnya Kualitas Kelembagaan Koperasi", ["S2.1"]),
    "S3": (
        "Meningkatkan aktifitas, Sarana dan Prasarana Perdagangan",
        ["S3.1", "S3.2", "S3.3", "S3.4"],
    ),
    "S4": (
        "Menumbuhkembangkan dan meningkatkan kemampuan IKM yang tangguh dan berdayasaing",
        ["S4.1"],
    ),
}
BIDANG = (
    {"S1.1": "UKM", "S1.2": "UKM", "S1.3": "UKM", "S2.1": "Koperasi"}
    | dict.fromkeys(("S3.1", "S3.2", "S3.3", "S3.4"), "Perdagangan")
    | {"S4.1": "Perindustrian"}
)
SUMBER = {
    "UKM": "Bid. UKM",
    "Koperasi": "Bid. Koperasi",
    "Perdagangan": "Bid. Perdagangan dan Pasar",
    "Perindustrian": "Bid. Perindustrian",
}
# The one deliberate change, documented in the YAML and the README.
CORRECTED = {("S1.1", 2020, 2): ("Kop/KSP/JSP/UMKM", "Kop/KSP/USP/UMKM")}


def test_bundled_matches_seed_cell_by_cell(bundled) -> None:
    iku = bundled.iku
    assert [s.kode for s in iku.sasaran] == list(SASARAN)
    for sas in iku.sasaran:
        uraian, codes = SASARAN[sas.kode]
        assert sas.uraian == uraian
        assert [i.kode for i in sas.indikator] == codes
    assert (iku.periode.awal, iku.periode.akhir) == (2016, 2021)
    for _, ind in iku.indikator():
        assert ind.polaritas == "positif"
        assert ind.penanggung_jawab == "Dinas Kopperindag"
        assert ind.bidang == BIDANG[ind.kode]
        # the "Sumber Data" column as the document prints it ("Bid. Perda gan dan Pasar" joined)
        assert ind.sumber_data == SUMBER[ind.bidang]
        assert sorted(ind.target) == list(range(2016, 2022)), ind.kode
        for year, expected in SEED[ind.kode].items():
            target = ind.target[year]
            if expected is None:
                assert target is None, (ind.kode, year)
                continue
            got = [(c.jumlah, c.satuan) for c in target.komponen]
            want = list(expected)
            for (kode, y, i), (original, corrected) in CORRECTED.items():
                if (kode, y) == (ind.kode, year):
                    assert want[i][1] == original
                    want[i] = (want[i][0], corrected)
            assert got == want, (ind.kode, year)


def test_bundled_context(bundled) -> None:
    iku = bundled.iku
    assert iku.instansi.kepala is not None
    assert iku.instansi.kepala.nip == "19660912 199603 1 001"
    assert iku.instansi.kepala.pangkat == "Pembina Tk. I / IV.b"
    assert iku.instansi.telepon == "(0742) 21166"
    assert len(iku.misi) == 5
    assert [b.nama for b in iku.bidang] == [
        "UKM",
        "Koperasi",
        "Perdagangan dan Pasar",
        "Perindustrian",
    ]
    export = iku.find_indikator("S3.2")
    assert export is not None
    assert [c.kunci for c in export.target[2019].komponen] == ["ekspor", "impor"]
    assert bundled.findings == []


def test_minimal_file_validates(write) -> None:
    loaded = load_iku(write("min.yaml", MINIMAL))
    ind = loaded.iku.find_indikator("S1.1")
    assert ind is not None
    ranged = ind.target[2020].komponen[0]
    assert (ranged.jumlah, ranged.jumlah_maks, ranged.persen) == (80, 90, True)


def test_list_form_equals_text_form(write) -> None:
    text = MINIMAL.replace('2019: "25 Kop"', '2019: "ekspor=7% dan impor=17,5 %"')
    listed = MINIMAL.replace(
        '2019: "25 Kop"',
        "2019:\n            - {kunci: ekspor, jumlah: 7, satuan: '%'}\n            - {kunci: impor, jumlah: '17,5', satuan: '%'}",
    )
    a = load_iku(write("a.yaml", text)).iku.find_indikator("S1.1")
    b = load_iku(write("b.yaml", listed)).iku.find_indikator("S1.1")
    # the same components (each keeps its text as written: "17,5 %" or "17,5%")
    assert [c.model_dump(exclude={"teks"}) for c in a.target[2019].komponen] == [  # type: ignore[union-attr]
        c.model_dump(exclude={"teks"})
        for c in b.target[2019].komponen  # type: ignore[union-attr]
    ]


def errors_of(path) -> list:
    with pytest.raises(IkuError) as info:
        load_iku(path)
    return [f for f in info.value.findings if f.is_error]


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "col", "fragment"),
    [
        ("    uraian: Mening", "    uraain: Mening", "IKU201", 8, 5, "Mungkin maksudnya 'uraian'"),
        ("  akhir: 2021", "  akhir: '2021x'", "IKU203", 5, 10, "bilangan bulat"),
        ("  nama: Dinas Contoh\n", "  alamat: Jl\n", "IKU202", 1, 1, "'nama'"),
        (
            '          2019: "25 Kop"',
            '          2025: "25 Kop"',
            "IKU204",
            14,
            11,
            "di luar periode",
        ),
        (
            '          2019: "25 Kop"',
            '          2019: "Kop 25"',
            "IKU207",
            14,
            18,
            "tidak dapat dibaca",
        ),
        ('          2019: "25 Kop"', '          2019: "7% dan 17%"', "IKU206", 14, 17, "ekspor=7%"),
        (
            "        polaritas: positif",
            "        polaritas: positive",
            "IKU209",
            12,
            20,
            "Mungkin maksudnya 'positif'",
        ),
        ("      - kode: S1.1", "      - kode: 1.10", "IKU203", 10, 15, 'tanda kutip: "1.10"'),
    ],
)
def test_bad_definitions_are_located(write, old, new, code, line, col, fragment) -> None:
    assert old in MINIMAL
    errors = errors_of(write("bad.yaml", MINIMAL.replace(old, new)))
    match = [f for f in errors if f.code == code]
    assert match, errors
    f = match[0]
    assert (f.line, f.column) == (line, col), str(f)
    assert fragment in f.message
    assert f.file and f.file.endswith("bad.yaml")


def test_all_errors_in_one_run(write) -> None:
    text = MINIMAL.replace("    uraian: Mening", "    uraain: Mening").replace(
        "polaritas: positif", "polaritas: naik"
    )
    codes = sorted(f.code for f in errors_of(write("bad.yaml", text)))
    assert codes == ["IKU201", "IKU202", "IKU209"]  # unknown key, its missing twin, bad literal


def test_duplicate_codes_and_keys(write) -> None:
    text = (
        MINIMAL
        + """\
      - kode: "s1.1 "
        uraian: Lagi
        uraian: Dua kali
"""
    )
    errors = errors_of(write("dup.yaml", text))
    assert {f.code for f in errors} == {"IKU104", "IKU205"}
    dup_key = next(f for f in errors if f.code == "IKU104")
    assert (dup_key.line, dup_key.column) == (18, 9)


def test_undeclared_bidang(write) -> None:
    text = MINIMAL.replace(
        "sasaran:\n", "bidang:\n  - {kunci: UKM, nama: Usaha Kecil}\nsasaran:\n"
    ).replace("        polaritas: positif\n", "        polaritas: positif\n        bidang: UMK\n")
    errors = errors_of(write("b.yaml", text))
    assert errors[0].code == "IKU208"
    assert "Mungkin maksudnya 'UKM'" in errors[0].message


def test_typo_unit_warns_like_the_document(write) -> None:
    text = MINIMAL.replace(
        '          2019: "25 Kop"\n          2020: "80-90 %"\n',
        '          2018: "10 Kop/KSP/USP/UMKM"\n          2019: "10 Kop/KSP/USP/UMKM"\n'
        '          2020: "10 Kop/KSP/JSP/UMKM"\n          2021: "10 Kop/KSP/USP/UMKM"\n',
    )
    loaded = load_iku(write("typo.yaml", text))
    warnings = [f for f in loaded.findings if f.code == "IKU251"]
    assert len(warnings) == 1
    assert "'Kop/KSP/JSP/UMKM'" in warnings[0].message and warnings[0].line == 16


def test_no_target_warns(write) -> None:
    text = MINIMAL.replace(
        '          2019: "25 Kop"\n          2020: "80-90 %"\n', '          2019: "-"\n'
    )
    loaded = load_iku(write("none.yaml", text))
    assert [f.code for f in loaded.findings] == ["IKU252"]


def test_units_umkm_and_ukm_are_not_a_typo(bundled) -> None:
    assert not [f for f in bundled.findings if f.code == "IKU251"]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("UKM", "UKM"),
        ("ukm", "UKM"),
        ("Perdagangan", "Perdagangan"),
        ("pasar", "Perdagangan"),
        ("industri", "Perindustrian"),
    ],
)
def test_resolve_bidang(bundled, query: str, key: str) -> None:
    assert resolve_bidang(bundled.iku, query) == key


@pytest.mark.parametrize(
    ("query", "fragment"), [("Pertanian", "tidak dikenal"), ("Per", "lebih dari satu")]
)
def test_resolve_bidang_refuses(bundled, query: str, fragment: str) -> None:
    with pytest.raises(IkuError) as info:
        resolve_bidang(bundled.iku, query)
    assert fragment in info.value.findings[0].message
    assert "Perdagangan dan Pasar" in info.value.findings[0].message


def test_validate_reports_every_error_at_once(iku_cli, write) -> None:
    """Issue 15 (8): model errors (a missing uraian, an unreadable target, a wrong polaritas) and
    whole-document errors (a duplicate code, an undeclared bidang, a year outside the periode)
    in one run, not a second batch after the first is fixed."""
    text = """\
instansi: {nama: Dinas Contoh}
periode: {awal: 2016, akhir: 2021}
bidang:
  - {kunci: UKM, nama: Usaha Kecil}
sasaran:
  - kode: S1
    indikator:
      - kode: S1.1
        uraian: Koperasi aktif
        polaritas: naik
        target: {2019: "Kop"}
  - kode: S2
    uraian: Sasaran dua
    indikator:
      - kode: S2.1
        uraian: Satu
        bidang: UMK
        target: {2019: "5 Kop", 2025: "6 Kop"}
      - kode: S2.1
        uraian: Dua
        target: {2019: "5 Kop"}
"""
    result = iku_cli("validate", str(write("iku.yaml", text)), "-f", "json")
    assert result.exit_code == 1
    codes = sorted(f["kode"] for f in json.loads(result.stdout)["temuan"])
    assert codes == ["IKU202", "IKU204", "IKU205", "IKU207", "IKU208", "IKU209"], codes
