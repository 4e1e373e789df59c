"""Target forms real IKU documents use (docs/domain.md "Target forms in real IKU documents"): one-sided,
a zero target, a ratio, rupiah, predikat; groups that are not averaged; quarters never guessed;
PK perubahan. Every expected figure is worked by hand in the comment beside it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ikutool.model.notation import NotationError, parse_target, parse_value

IKU = """\
instansi:
  nama: Dinas Uji Bentuk Target
periode: {awal: 2020, akhir: 2021}
tujuan:
  - kode: T1
    uraian: Meningkatnya tata kelola
    indikator:
      - kode: T1.1
        uraian: Opini BPK atas laporan keuangan daerah
        skala_predikat: opini_bpk
        target: {2020: WTP, 2021: WTP}
sasaran:
  - kode: S1
    uraian: Layanan yang cepat dan tuntas
    tujuan: T1
    indikator:
      - kode: S1.1
        uraian: Persentase pengaduan yang ditindaklanjuti
        target: {2020: "minimal 80 %", 2021: "minimal 85 %"}
      - kode: S1.2
        uraian: Waktu penyelesaian izin
        target: {2020: "maksimal 5 hari", 2021: "maksimal 4 hari"}
      - kode: S1.3
        uraian: Kasus gratifikasi
        polaritas: negatif
        target: {2020: "0 kasus", 2021: "0 kasus"}
      - kode: S1.4
        uraian: Rasio guru terhadap murid
        polaritas: negatif
        target: {2020: "1:30", 2021: "1:28"}
      - kode: S1.5
        uraian: Nilai hibah yang disalurkan
        target: {2020: "Rp 1,5 miliar", 2021: "Rp 2 miliar"}
      - kode: S1.6
        uraian: Opini BPK
        skala_predikat: opini_bpk
        target: {2020: WTP, 2021: WTP}
      - kode: S1.7
        uraian: Indeks kepuasan masyarakat
        agregasi_triwulan: rata_rata
        target: {2020: "80 %", 2021: "82 %"}
  - kode: A1
    uraian: Aspek perencanaan (komponen indeks)
    jenis: kelompok
    indikator:
      - kode: A1.1
        uraian: Nilai aspek perencanaan
        target: {2020: "30", 2021: "30"}
"""

REALISASI = """\
tahun: 2020
status: final
realisasi:
  T1.1: WTP
  S1.1: 84
  S1.2: 4
  S1.3: 0
  S1.4: "1:24"
  S1.5: "Rp 1.200.000.000"
  S1.6: WDP
  S1.7: {triwulan: {I: 88, II: 89, III: 90, IV: 91}}
  A1.1: 60
"""


@pytest.fixture
def bentuk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "realisasi").mkdir()
    (tmp_path / "iku.yaml").write_text(IKU, encoding="utf-8")
    (tmp_path / "realisasi" / "2020.yaml").write_text(REALISASI, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def capaian(iku_cli, *extra: str) -> dict:
    result = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "-f", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_code(data: dict) -> dict[str, dict]:
    return {i["kode"]: i for s in data["sasaran"] for i in s["indikator"]}


def test_every_form_measured_by_hand(iku_cli, bentuk) -> None:
    rows = by_code(capaian(iku_cli))
    one = {k: v["komponen"][0] for k, v in rows.items()}
    assert one["S1.1"]["capaian"] == pytest.approx(105)  # 84 / 80 x 100
    assert one["S1.2"]["capaian"] == pytest.approx(120)  # (2 x 5 - 4) / 5 x 100
    assert rows["S1.2"]["polaritas"] == "negatif"  # "maksimal" says lower is better
    assert one["S1.3"]["capaian"] == 100 and one["S1.3"]["kesimpulan"] == "tercapai"  # 0 of 0
    assert one["S1.4"]["capaian"] == pytest.approx(120)  # (2 x 30 - 24) / 30 x 100
    assert one["S1.4"]["realisasi_tulisan"] == "1:24"
    assert one["S1.5"]["capaian"] == pytest.approx(80)  # 1,2 miliar / 1,5 miliar
    assert one["S1.6"]["capaian"] == pytest.approx(75)  # WDP rank 3 / WTP rank 4
    assert one["S1.6"]["kesimpulan"] == "tidak tercapai"
    assert one["S1.6"]["realisasi_tulisan"] == "WDP" and one["S1.6"]["target_tulisan"] == "WTP"
    assert one["T1.1"]["capaian"] == 100 and one["T1.1"]["kesimpulan"] == "tercapai"
    assert one["S1.7"]["realisasi"] == pytest.approx(89.5)  # (88 + 89 + 90 + 91) / 4
    assert one["S1.7"]["capaian"] == pytest.approx(111.875)


def test_groups_are_measured_but_never_averaged(iku_cli, bentuk) -> None:
    data = capaian(iku_cli)
    groups = {s["kode"]: s for s in data["sasaran"]}
    assert groups["A1"]["jenis"] == "kelompok" and groups["A1"]["capaian"] is None
    assert groups["T1"]["jenis"] == "tujuan" and groups["T1"]["capaian"] is None
    assert by_code(data)["A1.1"]["capaian"] == pytest.approx(200)  # still measured: 60 / 30
    # S1, the only sasaran: (105 + 120 + 100 + 120 + 80 + 75 + 111,875) / 7
    s1 = (105 + 120 + 100 + 120 + 80 + 75 + 111.875) / 7
    assert groups["S1"]["capaian"] == pytest.approx(s1)
    assert data["capaian"] == pytest.approx(s1)  # neither A1 (200 %) nor T1 (100 %) in it
    assert data["jumlah_sasaran"] == 1 and data["tidak_dirata"] == ["T1", "A1"]


def test_means_say_what_they_leave_out_in_every_format(iku_cli, bentuk) -> None:
    table = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml").stdout
    md = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "-f", "markdown").stdout
    for text in (table, md):
        flat = " ".join(text.split())
        assert "Capaian rata-rata 1 sasaran (tanpa kelompok/tujuan T1, A1)" in flat
        assert "tidak dirata-ratakan" in flat
    csv = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "-f", "csv").stdout
    assert ",kelompok,angka," in csv and ",tujuan,predikat," in csv


def test_forms_are_shown_as_written(iku_cli, bentuk) -> None:
    md = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "-f", "markdown").stdout
    for cell in ("minimal 80 %", "maksimal 5 hari", "1:30", "1:24", "Rp 1,5 miliar", "WTP", "WDP"):
        assert f"| {cell}" in md, cell
    assert "75,00 (tidak tercapai)" in md and "100,00 (tercapai)" in md
    assert "2.800" not in md


def test_jelaskan_says_the_rule(iku_cli, bentuk) -> None:
    out = " ".join(
        iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "--jelaskan").stdout.split()
    )
    out = re.sub(r"[│|]", " ", out)
    out = " ".join(out.split())
    assert "peringkat 3" in out and "TMP < TW < WDP < WTP" in out
    assert "rasio 1:30 dan 1:24" in out
    assert "target nol pada polaritas negatif" in out
    assert "target satu sisi 'minimal 80 %'" in out


def test_ratio_is_never_a_number_with_a_unit(iku_cli, bentuk) -> None:
    # the old reading: 1 with the unit ":30", realisasi 28 -> 2.800 %
    (bentuk / "realisasi" / "2020.yaml").write_text(
        REALISASI.replace('"1:24"', '"1:28"'), encoding="utf-8"
    )
    one = by_code(capaian(iku_cli))["S1.4"]["komponen"][0]
    assert one["jenis"] == "rasio" and one["target"] == 30
    assert one["capaian"] == pytest.approx(106 + 2 / 3)  # (60 - 28) / 30 x 100


def test_zero_target_above_zero_is_not_reached(iku_cli, bentuk) -> None:
    (bentuk / "realisasi" / "2020.yaml").write_text(
        REALISASI.replace("S1.3: 0", "S1.3: 2"), encoding="utf-8"
    )
    one = by_code(capaian(iku_cli))["S1.3"]["komponen"][0]
    assert one["capaian"] == 0 and one["kesimpulan"] == "tidak tercapai"


def test_zero_target_rule_of_the_file(iku_cli, bentuk) -> None:
    text = IKU.replace("periode:", "target_nol: tidak_dihitung\nperiode:")
    (bentuk / "iku.yaml").write_text(text, encoding="utf-8")
    one = by_code(capaian(iku_cli))["S1.3"]["komponen"][0]
    assert one["capaian"] is None and one["status"] == "target_nol"


def test_positive_zero_target_stays_target_nol(iku_cli, bentuk) -> None:
    text = IKU.replace('target: {2020: "30", 2021: "30"}', 'target: {2020: "0", 2021: "30"}')
    (bentuk / "iku.yaml").write_text(text, encoding="utf-8")
    one = by_code(capaian(iku_cli))["A1.1"]["komponen"][0]
    assert one["capaian"] is None and one["status"] == "target_nol"


def test_predikat_binary_and_a_declared_scale(iku_cli, bentuk) -> None:
    text = IKU.replace(
        "sasaran:\n",
        "predikat:\n  - nama: kla\n    urutan: [Pratama, Madya, Nindya, Utama, Paripurna]\n"
        "sasaran:\n",
        1,
    ).replace(
        "        uraian: Opini BPK\n        skala_predikat: opini_bpk\n",
        "        uraian: Opini BPK\n        skala_predikat: opini_bpk\n"
        "        capaian_predikat: biner\n",
    )
    text += (
        "      - kode: A1.2\n        uraian: Predikat Kabupaten Layak Anak\n"
        "        skala_predikat: kla\n        target: {2020: Nindya, 2021: Utama}\n"
    )
    (bentuk / "iku.yaml").write_text(text, encoding="utf-8")
    (bentuk / "realisasi" / "2020.yaml").write_text(REALISASI + "  A1.2: Madya\n", encoding="utf-8")
    rows = by_code(capaian(iku_cli))
    assert rows["S1.6"]["komponen"][0]["capaian"] == 0  # WDP against WTP, biner
    assert rows["A1.2"]["komponen"][0]["capaian"] == pytest.approx(2 / 3 * 100)  # Madya 2 / 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("minimal 80 %", (80, "min")),
        ("min. 80 %", (80, "min")),
        (">= 80 %", (80, "min")),
        ("≥ 80 %", (80, "min")),
        ("paling sedikit 80 %", (80, "min")),
        ("maksimal 5 hari", (5, "maks")),
        ("maks. 5 hari", (5, "maks")),
        ("<= 5 hari", (5, "maks")),
        ("≤ 5 hari", (5, "maks")),
        ("paling lama 5 hari", (5, "maks")),
        ("kurang dari 5 hari", (5, "maks")),
    ],
)
def test_one_sided_spellings(text: str, expected: tuple) -> None:
    (comp,) = parse_target(text) or []
    assert (comp.jumlah, comp.batas) == expected


@pytest.mark.parametrize(
    ("text", "jumlah", "jenis"),
    [
        ("1:30", 30, "rasio"),
        ("1 : 2.500", 2500, "rasio"),
        ("Rp 1,5 miliar", 1_500_000_000, "rupiah"),
        ("Rp 1.500.000.000", 1_500_000_000, "rupiah"),
        ("Rp 12 juta", 12_000_000, "rupiah"),
        ("Rp 2 triliun", 2_000_000_000_000, "rupiah"),
    ],
)
def test_ratio_and_rupiah(text: str, jumlah: float, jenis: str) -> None:
    (comp,) = parse_target(text) or []
    assert (comp.jumlah, comp.jenis) == (jumlah, jenis)


def test_a_note_in_parentheses_is_kept_apart() -> None:
    (comp,) = parse_target("12 Puskesmas (Rp 1,5 M)") or []
    assert (comp.jumlah, comp.satuan, comp.catatan) == (12, "Puskesmas", "Rp 1,5 M")


def test_ambiguous_m_is_refused_with_a_hint() -> None:
    with pytest.raises(NotationError) as err:
        parse_target("Rp 1,5 M")
    assert "miliar" in err.value.message and "juta" in err.value.message


def test_realisasi_in_the_target_form() -> None:
    assert parse_value("1:24", "rasio") == 24
    assert parse_value("Rp 1.200.000.000", "rupiah") == 1_200_000_000
    assert parse_value("WDP", "predikat", ["TMP", "TW", "WDP", "WTP"]) == 3
    with pytest.raises(NotationError):
        parse_value("24", "rasio")  # a bare number for a ratio
    with pytest.raises(NotationError):
        parse_value("WDX", "predikat", ["TMP", "TW", "WDP", "WTP"])


LOCATED = re.compile(r"^(\S+):(\d+):(\d+): galat (IKU\d{3})", re.MULTILINE)


def errors(result) -> list[tuple[str, int, int, str]]:
    return [(f, int(line), int(col), code) for f, line, col, code in LOCATED.findall(result.stdout)]


@pytest.mark.parametrize(
    ("old", "new", "at", "code", "words"),
    [
        # a one-sided word against the declared polaritas: at the target cell
        (
            "        uraian: Persentase pengaduan yang ditindaklanjuti\n",
            "        uraian: Persentase pengaduan yang ditindaklanjuti\n"
            "        polaritas: negatif\n",
            '"minimal 80 %"',
            "IKU207",
            "padahal polaritas negatif",
        ),
        # a ratio without a declared polaritas
        (
            '        polaritas: negatif\n        target: {2020: "1:30"',
            '        target: {2020: "1:30"',
            '"1:30"',
            "IKU207",
            "tulis 'polaritas: negatif' atau 'positif'",
        ),
        # M is ambiguous
        (
            '"Rp 1,5 miliar"',
            '"Rp 1,5 M"',
            '"Rp 1,5 M"',
            "IKU207",
            "'Rp 1,5 miliar' atau 'Rp 1,5 juta'",
        ),
        # a label that is not on the scale
        (
            "uraian: Opini BPK\n        skala_predikat: opini_bpk\n        target: {2020: WTP",
            "uraian: Opini BPK\n        skala_predikat: opini_bpk\n        target: {2020: WTX",
            "WTX",
            "IKU207",
            "tidak ada di skala opini_bpk",
        ),
        # minimal one year, maksimal the next
        ('"minimal 85 %"', '"maksimal 85 %"', "uraian: Persentase pengaduan", "IKU209", "minimal"),
        # a declared scale that does not exist
        (
            "uraian: Opini BPK\n        skala_predikat: opini_bpk",
            "uraian: Opini BPK\n        skala_predikat: opini",
            "        skala_predikat: opini",
            "IKU207",
            "opini",
        ),
    ],
)
def test_forms_written_wrongly_are_located(iku_cli, bentuk, old, new, at, code, words) -> None:
    assert old in IKU
    text = IKU.replace(old, new, 1)
    (bentuk / "iku.yaml").write_text(text, encoding="utf-8")
    result = iku_cli("validate", "iku.yaml")
    assert result.exit_code == 1
    first = at.split("\n")[0]
    lines_of = text.splitlines()
    line = next(
        (i for i, ln in enumerate(lines_of, 1) if ln == first),
        next(i for i, ln in enumerate(lines_of, 1) if first in ln),
    )
    lines = {ln for f, ln, _, c in errors(result) if f == "iku.yaml" and c == code}
    assert line in lines or line - 1 in lines, result.stdout  # the cell, or its indicator
    assert words in result.stdout
    assert "IKU252" not in result.stdout  # a target written wrongly is not "no target"
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('S1.4: "1:24"', "S1.4: 24", "bentuk targetnya (1:30)"),  # a bare number for a ratio
        ("S1.1: 84", 'S1.1: "1:84"', "S1.1"),  # a ratio for a number target
        ("S1.6: WDP", "S1.6: WDX", "WDX"),  # not on the scale
        ("S1.6: WDP", "S1.6: 3", "bentuk targetnya (WTP)"),  # a rank is not a predikat
    ],
)
def test_realisasi_in_the_wrong_form_is_located(iku_cli, bentuk, old, new, words) -> None:
    (bentuk / "realisasi" / "2020.yaml").write_text(REALISASI.replace(old, new), encoding="utf-8")
    result = iku_cli("validate", "realisasi/2020.yaml", "--iku", "iku.yaml")
    assert result.exit_code == 1
    found = errors(result)
    assert found and found[0][0] == "realisasi/2020.yaml", result.stdout
    key = new.split(":")[0]
    text = REALISASI.replace(old, new).splitlines()
    assert found[0][1] == next(i for i, ln in enumerate(text, 1) if ln.strip().startswith(key))
    assert words in result.stdout


def test_quarterly_percentage_without_a_rule_fails_validate(iku_cli, bentuk) -> None:
    (bentuk / "iku.yaml").write_text(
        IKU.replace("        agregasi_triwulan: rata_rata\n", ""), encoding="utf-8"
    )
    result = iku_cli("validate", "--iku", "iku.yaml")
    assert result.exit_code == 1
    assert ("realisasi/2020.yaml", 11, 20, "IKU319") in errors(result)
    for word in ("kumulatif", "akhir", "rata_rata", "358"):
        assert word in result.stdout


def test_a_year_from_three_quarters_says_so_everywhere(iku_cli, bentuk) -> None:
    (bentuk / "realisasi" / "2020.yaml").write_text(
        REALISASI.replace(", IV: 91", ""), encoding="utf-8"
    )
    check = iku_cli("validate", "realisasi/2020.yaml", "--iku", "iku.yaml")
    assert check.exit_code == 0 and "IKU320" in check.stdout  # a final file with a gap
    one = by_code(capaian(iku_cli))["S1.7"]["komponen"][0]
    assert one["realisasi"] == pytest.approx(89) and one["sd_triwulan"] == "III"
    md = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "-f", "markdown").stdout
    assert "| 89 (s.d. TW III) (!) |" in md  # (!): the IKU320 warning travels with it
    table = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml").stdout
    assert "(s.d." in table and "TW III)" in table
    csv = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "-f", "csv").stdout
    assert csv.splitlines()[0].endswith("sd_triwulan,pk_perubahan")
    assert ",III," in csv
    # a provisional file: the mark stays, the warning goes
    (bentuk / "realisasi" / "2020.yaml").write_text(
        REALISASI.replace(", IV: 91", "").replace("final", "sementara"), encoding="utf-8"
    )
    check = iku_cli("validate", "realisasi/2020.yaml", "--iku", "iku.yaml")
    assert "IKU320" not in check.stdout


def test_bobot_zero_is_shown_not_counted(iku_cli, bentuk) -> None:
    text = IKU.replace(
        "        uraian: Nilai hibah yang disalurkan\n",
        "        uraian: Nilai hibah yang disalurkan\n        bobot: 0\n",
    )
    (bentuk / "iku.yaml").write_text(text, encoding="utf-8")
    data = capaian(iku_cli)
    assert by_code(data)["S1.5"]["capaian"] == pytest.approx(80)  # shown
    s1 = (105 + 120 + 100 + 120 + 75 + 111.875) / 6  # without S1.5
    assert data["capaian"] == pytest.approx(s1)


def test_a_sasaran_of_only_bobot_zero_is_an_error(iku_cli, bentuk) -> None:
    text = IKU.replace("        target: {", "        bobot: 0\n        target: {")
    (bentuk / "iku.yaml").write_text(text, encoding="utf-8")
    result = iku_cli("validate", "iku.yaml")
    assert result.exit_code == 1 and "berbobot 0" in result.stdout


def test_unknown_tujuan_is_located(iku_cli, bentuk) -> None:
    (bentuk / "iku.yaml").write_text(IKU.replace("tujuan: T1\n", "tujuan: T2\n"), encoding="utf-8")
    result = iku_cli("validate", "iku.yaml")
    assert result.exit_code == 1
    assert ("iku.yaml", 15, 13, "IKU208") in errors(result)


PK = """\
tahun: 2020
ditandatangani: 2020-01-15
target:
  S1.1: "minimal 82 %"
perubahan:
  - tanggal: 2020-07-01
    target: {S1.1: "minimal 84 %", S1.6: WDP}
  - tanggal: 2020-03-01
    target: {S1.1: "minimal 90 %"}
"""


def test_pk_perubahan_latest_stands_and_is_named(iku_cli, bentuk) -> None:
    (bentuk / "pk").mkdir()
    (bentuk / "pk" / "2020.yaml").write_text(PK, encoding="utf-8")
    rows = by_code(capaian(iku_cli, "--pk", "pk"))
    assert rows["S1.1"]["komponen"][0]["target"] == 84  # 1 Juli, the latest, not 1 Maret
    assert rows["S1.1"]["komponen"][0]["capaian"] == 100  # 84 / 84
    assert rows["S1.1"]["pk_perubahan"] == "2020-07-01"
    assert rows["S1.6"]["komponen"][0]["capaian"] == 100  # WDP against a PK target of WDP
    for fmt in ("table", "markdown"):
        out = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "--pk", "pk", "-f", fmt)
        assert "PK perubahan (1 Juli 2020) untuk S1.1, S1.6" in " ".join(out.stdout.split())
    lkjip = iku_cli(
        "lkjip", "--tahun", "2020", "--iku", "iku.yaml", "--pk", "pk", "-f", "markdown"
    ).stdout
    assert "diubah dengan PK perubahan tanggal 1 Juli 2020" in lkjip
    assert "| PK perubahan (1 Juli 2020) |" in lkjip


def test_pk_perubahan_checked_like_a_target(iku_cli, bentuk) -> None:
    (bentuk / "pk").mkdir()
    bad = PK.replace("S1.6: WDP", "S1.6: WDX").replace('"minimal 90 %"', "90")
    (bentuk / "pk" / "2020.yaml").write_text(bad, encoding="utf-8")
    result = iku_cli("validate", "pk/2020.yaml", "--iku", "iku.yaml")
    assert result.exit_code == 1
    found = errors(result)
    assert ("pk/2020.yaml", 7, 42, "IKU207") in found, result.stdout


def test_warm_cache_equals_cold(iku_cli, bentuk, tmp_path, monkeypatch) -> None:
    # every form, a year from three quarters, a PK with revisions: what a run from the cache of
    # checked files gives is what a first run gives
    (bentuk / "realisasi" / "2020.yaml").write_text(
        REALISASI.replace(", IV: 91", ""), encoding="utf-8"
    )
    (bentuk / "pk").mkdir()
    (bentuk / "pk" / "2020.yaml").write_text(PK, encoding="utf-8")
    monkeypatch.setenv("IKUTOOL_CACHE_DIR", str(tmp_path / "cache"))
    cold = capaian(iku_cli, "--pk", "pk")
    warm = capaian(iku_cli, "--pk", "pk")
    assert len(list((tmp_path / "cache").rglob("*.json"))) >= 3
    assert cold == warm
    assert by_code(warm)["S1.7"]["komponen"][0]["sd_triwulan"] == "III"
    assert by_code(warm)["S1.1"]["pk_perubahan"] == "2020-07-01"


def test_bidang_asked_of_an_iku_without_bidang(iku_cli, bentuk) -> None:
    result = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "--bidang", "UKM")
    assert result.exit_code == 2
    assert "tidak membagi indikatornya per bidang" in result.stderr
    assert "Bidang yang ada: ." not in result.stderr


def test_template_shows_targets_as_written(iku_cli, bentuk) -> None:
    from openpyxl import load_workbook

    out = bentuk / "isi.xlsx"
    result = iku_cli(
        "realisasi", "template", "--tahun", "2020", "--iku", "iku.yaml", "-f", "xlsx", "--out",
        str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["Realisasi"]
    head = [c.value for c in ws[6]]
    col = head.index("Target")
    shown = {row[1].value: row[col].value for row in ws.iter_rows(min_row=7) if row[1].value}
    assert shown["S1.1"] == "minimal 80 %" and shown["S1.2"] == "maksimal 5 hari"
    assert shown["S1.4"] == "1:30" and shown["S1.5"] == "Rp 1,5 miliar"
    assert shown["S1.6"] == "WTP" and shown["T1.1"] == "WTP"
    assert shown["S1.3"] == 0  # a plain number stays a number


def test_forms_round_trip_through_the_workbook(iku_cli, bentuk) -> None:
    from openpyxl import load_workbook

    (bentuk / "ikutool.yaml").write_text("iku: iku.yaml\n", encoding="utf-8")
    assert iku_cli("realisasi", "template", "--tahun", "2021").exit_code == 0
    comments = (bentuk / "realisasi" / "2021.yaml").read_text(encoding="utf-8")
    assert "S1.4: null  # target 1:28" in comments  # the target as written, not 28
    assert "S1.6: null  # target WTP" in comments
    assert "S1.5: null  # target Rp 2 miliar" in comments
    out = bentuk / "isi.xlsx"
    assert iku_cli("realisasi", "template", "--tahun", "2021", "-f", "xlsx", "--out", str(out))
    wb = load_workbook(out)
    ws = wb["Realisasi"]
    col = [c.value for c in ws[6]].index("Realisasi") + 1
    typed = {"S1.4": "1:25", "S1.5": "Rp 1,8 miliar", "S1.6": "WDP", "S1.2": 3}
    for row in ws.iter_rows(min_row=7):
        if row[1].value in typed:
            ws.cell(row=row[0].row, column=col, value=typed[row[1].value])
    wb.save(out)
    result = iku_cli("realisasi", "impor", str(out))
    assert result.exit_code == 0, result.output
    assert "(kosong) -> 1:25" in result.stdout and "(kosong) -> WDP" in result.stdout
    assert "(kosong) -> Rp 1.800.000.000" in result.stdout
    rows = by_code(json.loads(iku_cli("capaian", "--tahun", "2021", "-f", "json").stdout))
    assert rows["S1.4"]["komponen"][0]["capaian"] == pytest.approx((56 - 25) / 28 * 100)
    assert rows["S1.5"]["komponen"][0]["capaian"] == pytest.approx(90)  # 1,8 / 2 miliar
    assert rows["S1.6"]["komponen"][0]["capaian"] == pytest.approx(75)  # WDP / WTP


def test_a_quarterly_mean_reads_like_every_mean(iku_cli, bentuk) -> None:
    (bentuk / "realisasi" / "2020.yaml").write_text(
        REALISASI.replace("{I: 88, II: 89, III: 90, IV: 91}", "{I: 88, II: 89, III: 91}"),
        encoding="utf-8",
    )
    one = by_code(capaian(iku_cli))["S1.7"]["komponen"][0]
    assert one["realisasi"] == pytest.approx(268 / 3)  # full precision in JSON
    assert one["agregasi_triwulan"] == "rata_rata"
    md = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "-f", "markdown").stdout
    assert "| 89,33 (s.d. TW III) (!) |" in md  # (88 + 89 + 91) / 3, two decimals
    explained = iku_cli("capaian", "--tahun", "2020", "--iku", "iku.yaml", "--jelaskan").stdout
    assert "rata-rata triwulan" in " ".join(explained.split())


@pytest.mark.parametrize(
    ("scales", "code", "words"),
    [
        ("  - {nama: opini_bpk, urutan: [A, B]}\n", "IKU209", "skala bawaan"),
        (
            "  - {nama: kla, urutan: [A, B]}\n  - {nama: kla, urutan: [C, D]}\n",
            "IKU205",
            "dua kali",
        ),
        ("  - {nama: kla, urutan: [Madya, madya]}\n", "IKU209", "dua kali"),
    ],
)
def test_declared_scales_are_checked(iku_cli, bentuk, scales, code, words) -> None:
    text = IKU.replace("sasaran:\n", "predikat:\n" + scales + "sasaran:\n", 1)
    (bentuk / "iku.yaml").write_text(text, encoding="utf-8")
    result = iku_cli("validate", "iku.yaml")
    assert result.exit_code == 1
    assert any(c == code for _, _, _, c in errors(result)), result.stdout
    assert words in result.stdout


def test_a_quarterly_mean_in_excel_keeps_its_value_and_shows_two_decimals(iku_cli, bentuk) -> None:
    from openpyxl import load_workbook

    (bentuk / "realisasi" / "2020.yaml").write_text(
        REALISASI.replace("{I: 88, II: 89, III: 90, IV: 91}", "{I: 88, II: 89, III: 91}"),
        encoding="utf-8",
    )
    out = bentuk / "laporan.xlsx"
    result = iku_cli(
        "report", "--iku", "iku.yaml", "--tahun", "2020", "-f", "xlsx", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["2020"]
    cell = next(
        row[5] for row in ws.iter_rows(min_row=7) if str(row[2].value or "").startswith("S1.7")
    )
    assert cell.value == pytest.approx(268 / 3)  # the workbook can compute with it
    assert cell.number_format.startswith("[$-421]#,##0.00") and "0.000" not in cell.number_format
