"""Real published tables (tests/nyata/, each file names its source): every IKU validates as the
document writes it, and every capaian the document prints that can be recomputed is what ikutool
computes, at the document's own precision. A printed figure that is the document's own mistake is
recorded as such below, never matched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ikutool.formatting.numbers import format_angka

NYATA = Path(__file__).parent / "nyata"
FOLDERS = sorted(p.name for p in NYATA.iterdir() if (p / "iku.yaml").is_file())

# (folder, year, indicator, what, the figure as the document prints it)
# what: "capaian" (against the year's target) | "target_akhir" (against the end target)
PRINTED = [
    ("lampung_akb", 2015, "S1.1", "capaian", "184,75"),  # (2 x 32 - 4,88) / 32
    ("lampung_akb", 2015, "S1.1", "target_akhir", "179,67"),  # (2 x 24 - 4,88) / 24
    ("tanah_datar_pu", 2015, "S3.1.1.1", "capaian", "121,32"),  # 25,478 / 21 km
    ("tanah_datar_pu", 2015, "S3.1.1.2", "capaian", "100"),
    ("dumai_pupr", 2020, "S1.1", "capaian", "16,05"),  # 65 / 405
    ("dumai_pupr", 2020, "S2.1", "capaian", "100"),
    ("kulon_progo_klh", 2016, "S1.1", "capaian", "100,36"),  # 98,07 / 97,72
    ("wonogiri_iklh", 2020, "S1.1", "capaian", "90,49"),  # 72,39 / 80
]


def report(iku_cli, folder: str) -> dict:
    result = iku_cli("report", "--iku", str(NYATA / folder / "iku.yaml"), "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def indicator_year(data: dict, kode: str, tahun: int) -> dict:
    for sas in data["sasaran"]:
        for ind in sas["indikator"]:
            if ind["kode"] == kode:
                return next(t for t in ind["tahun"] if t["tahun"] == tahun)
    raise AssertionError(kode)


def test_there_are_eight_kinds_of_agency() -> None:
    assert len(FOLDERS) >= 8
    for folder in FOLDERS:
        head = (NYATA / folder / "iku.yaml").read_text(encoding="utf-8")
        assert head.startswith("# Sumber: ") and "http" in head.split("\n\n")[0], folder
        assert "# Jenis instansi: " in head, folder


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_real_iku_validates(iku_cli, folder: str) -> None:
    result = iku_cli("validate", "--iku", str(NYATA / folder / "iku.yaml"))
    assert result.exit_code == 0, result.stdout
    assert " galat " not in result.stdout


@pytest.mark.parametrize(("folder", "tahun", "kode", "what", "printed"), PRINTED)
def test_printed_capaian_is_recomputed(iku_cli, folder, tahun, kode, what, printed) -> None:
    row = indicator_year(report(iku_cli, folder), kode, tahun)
    value = row["hasil"]["capaian"] if what == "capaian" else row["capaian_target_akhir"]
    decimals = len(printed.split(",")[1]) if "," in printed else 0
    assert format_angka(value, decimals) == printed


def test_document_mistake_tanah_datar_mean_rounded_down(iku_cli) -> None:
    # the document prints "Rata-rata Capaian 110" for 121,32 and 100: the mean is 110,66
    data = report(iku_cli, "tanah_datar_pu")
    value = data["sasaran"][0]["capaian"]["2015"]
    assert format_angka(value, 2) == "110,66"
    assert format_angka(value, 0) != "110"  # the document's figure is not reproduced


def test_document_mistake_kulon_progo_water_index_scales(iku_cli) -> None:
    # target 0,79 (a 0-1 index) against realisasi 62 (0-100): the document prints "-"; ikutool
    # computes it and says the figure is extreme and the units are to be checked
    data = json.loads(
        iku_cli(
            "capaian",
            "--tahun",
            "2016",
            "--iku",
            str(NYATA / "kulon_progo_klh" / "iku.yaml"),
            "-f",
            "json",
        ).stdout
    )
    air = data["sasaran"][0]["indikator"][1]["komponen"][0]
    assert air["capaian"] == pytest.approx(62 / 0.79 * 100)
    assert any(w.startswith("IKU401") and "skala berbeda" in w for w in air["peringatan"])


def test_wonogiri_index_components_are_not_averaged(iku_cli) -> None:
    data = json.loads(
        iku_cli(
            "capaian",
            "--tahun",
            "2020",
            "--iku",
            str(NYATA / "wonogiri_iklh" / "iku.yaml"),
            "-f",
            "json",
        ).stdout
    )
    groups = {s["kode"]: s for s in data["sasaran"]}
    assert groups["K1"]["jenis"] == "kelompok" and groups["K1"]["capaian"] is None
    assert all(i["capaian"] is not None for i in groups["K1"]["indikator"])  # measured
    assert format_angka(data["capaian"], 2) == "90,49"  # the agency figure is IKLH's alone


def test_sampang_scale_is_the_documents(iku_cli) -> None:
    from ikutool.definition.load import load_iku
    from ikutool.model.scales import kategori, scale_of

    iku = load_iku(NYATA / "sampang_inspektorat" / "iku.yaml").iku
    scale = scale_of(iku, None)
    bands = {100: "Sangat Baik", 91: "Sangat Baik", 90: "Baik", 76: "Baik", 75: "Cukup"}
    bands |= {66: "Cukup", 65: "Kurang", 51: "Kurang", 50: "Sangat Kurang", 10: "Sangat Kurang"}
    for value, label in bands.items():
        assert kategori(value, scale) == label, value
    # realisasi "n/a" in the document: no realisasi file, no capaian
    data = json.loads(
        iku_cli(
            "capaian",
            "--tahun",
            "2019",
            "--iku",
            str(NYATA / "sampang_inspektorat" / "iku.yaml"),
            "-f",
            "json",
        ).stdout
    )
    assert data["sasaran"][0]["indikator"][0]["status"] == "belum_ada_realisasi"


@pytest.mark.parametrize(
    ("folder", "kode", "fields"),
    [
        (
            "banten_dikbud",
            "S1.1",
            {
                "sumber_data": "Badan Pusat Statistik",
                "frekuensi": "tahunan",
                "penyedia_data": "Dinas Pendidikan dan Kebudayaan",
                "kondisi_awal": "9,55 Tahun (2024)",
                "target_akhir": "11,12 Tahun",
            },
        ),
        ("bps_iku", "IKU1.1.1", {"sumber_data": "Survei Kebutuhan Data (SKD)"}),
        ("magelang_dpupr", "S1.1", {"kondisi_awal": "48,21 % (2018)", "target_akhir": "94,12 %"}),
        (
            "wonogiri_iklh",
            "S1.1",
            {"formula": "IKLH = (0,376 x IKA) + (0,405 x IKU) + (0,219 x IKL)"},
        ),
    ],
)
def test_manual_fields_as_the_document_writes_them(iku_cli, folder, kode, fields) -> None:
    data = json.loads(
        iku_cli("manual", "--iku", str(NYATA / folder / "iku.yaml"), "-f", "json").stdout
    )
    ind = next(i for i in data["indikator"] if i["kode"] == kode)
    for name, value in fields.items():
        assert ind[name] == value, name


def test_a_decimal_point_as_the_document_writes_it_is_refused_with_a_hint(
    iku_cli, tmp_path
) -> None:
    # Magelang writes "48.21%": in Indonesian notation the point separates thousands
    text = (NYATA / "magelang_dpupr" / "iku.yaml").read_text(encoding="utf-8")
    (tmp_path / "iku.yaml").write_text(text.replace('"54,29 %"', '"54.29%"'), encoding="utf-8")
    result = iku_cli("validate", str(tmp_path / "iku.yaml"))
    assert result.exit_code == 1 and "koma" in result.stdout
