"""Realisasi files: reading, bad input, the template."""

from __future__ import annotations

import pytest

from ikutool.errors import IkuError
from ikutool.inputs.realisasi import load_realisasi_dir, load_realisasi_file
from ikutool.inputs.realisasi_templat import template_text
from ikutool.yaml_reader import parse_yaml_text


def errors(path, iku) -> list:
    with pytest.raises(IkuError) as info:
        load_realisasi_file(path, iku)
    return [f for f in info.value.findings if f.is_error]


def test_numbers_in_every_written_form(bundled, write) -> None:
    path = write(
        "2019.yaml",
        'tahun: 2019\nrealisasi:\n  S1.1: {umkm: "2.750", sertifikasi_usaha_mikro: 100}\n'
        '  S3.2: {ekspor: "6,5", impor: "-1,41 %"}\n  S2.1: 24\n  S1.2: "1.234,5"\n',
    )
    data = load_realisasi_file(path, bundled.iku)
    assert data.indikator["S1.1"].nilai == {
        "umkm": 2750.0,
        "sertifikasi_usaha_mikro": 100.0,
        "kop_ksp_usp_umkm": None,
    }
    assert data.indikator["S3.2"].nilai == {"ekspor": 6.5, "impor": -1.41}
    assert data.indikator["S1.2"].nilai == {"org": 1234.5}
    # one component not filled in; 1.234,5 orang is not a whole number of people
    assert [f.code for f in data.findings] == ["IKU309", "IKU317"]


def test_thousands_dot_trap_is_a_warning_naming_the_line(bundled, write) -> None:
    data = load_realisasi_file(
        write("2019.yaml", "tahun: 2019\nrealisasi:\n  S1.2: 2.750\n"), bundled.iku
    )
    (w,) = data.findings
    assert (w.code, w.line, w.column) == ("IKU107", 3, 9)
    assert "2750" in w.message and "2,75" in w.message
    assert data.indikator["S1.2"].nilai == {"org": 2.75}  # what YAML read; the warning says so


@pytest.mark.parametrize(
    ("body", "code", "line", "col", "fragment"),
    [
        ("  S1.9: 5\n", "IKU301", 3, 3, "Kode yang ada"),
        ("  s1.2: 5\n", "IKU301", 3, 3, "Mungkin maksudnya 'S1.2'"),
        ("  S3.2: {ekspr: 5}\n", "IKU302", 3, 10, "Mungkin maksudnya 'ekspor'"),
        ("  S3.2: 5\n", "IKU302", 3, 9, "ekspor: ..."),
        ("  S1.2: banyak\n", "IKU303", 3, 9, "bukan angka"),
        ("  S1.2: '2.75'\n", "IKU303", 3, 9, "'2,75'"),
        ("  S1.2: -3\n", "IKU304", 3, 9, "negatif"),
        ("  S1.2: .nan\n", "IKU303", 3, 9, "bukan .nan"),
        ("  S1.2: true\n", "IKU303", 3, 9, "true"),
        ("  S4.1: {triwulan: {V: 3}}\n", "IKU302", 3, 21, "I, II, III atau IV"),
        ("  S4.1: {nilai: 3, catatn: x}\n", "IKU302", 3, 20, "Mungkin maksudnya 'catatan'"),
    ],
)
def test_bad_realisasi_is_located(bundled, write, body, code, line, col, fragment) -> None:
    errs = errors(write("2019.yaml", "tahun: 2019\nrealisasi:\n" + body), bundled.iku)
    assert errs[0].code == code, errs
    assert (errs[0].line, errs[0].column) == (line, col), str(errs[0])
    assert fragment in errs[0].message


def test_negative_percentage_is_legal(bundled, write) -> None:
    data = load_realisasi_file(
        write("2019.yaml", "tahun: 2019\nrealisasi:\n  S3.3: -0,5\n".replace("-0,5", "'-0,5'")),
        bundled.iku,
    )
    assert data.indikator["S3.3"].nilai == {"persen": -0.5}


def test_year_must_match_name_and_periode(bundled, write) -> None:
    errs = errors(write("2018.yaml", "tahun: 2019\nrealisasi: {}\n"), bundled.iku)
    assert [(f.code, f.line) for f in errs] == [("IKU305", 1)]
    errs = errors(write("2025.yaml", "tahun: 2025\nrealisasi: {}\n"), bundled.iku)
    assert [f.code for f in errs] == ["IKU307"]


def test_two_files_for_one_year(bundled, write, tmp_path) -> None:
    write("r/2019.yaml", "tahun: 2019\nrealisasi: {S1.2: 5}\n")
    write("r/2019-revisi.yaml", "tahun: 2019\nrealisasi: {S1.2: 6}\n")
    with pytest.raises(IkuError) as info:
        load_realisasi_dir(tmp_path / "r", bundled.iku, [2019])
    assert [f.code for f in info.value.findings] == ["IKU306"]


def test_missing_folder_or_year_is_a_usage_problem(bundled, write, tmp_path) -> None:
    with pytest.raises(IkuError) as info:
        load_realisasi_dir(tmp_path / "nope", bundled.iku, [2019])
    assert info.value.exit_code == 2 and info.value.findings[0].code == "IKU308"
    write("r/2018.yaml", "tahun: 2018\nrealisasi: {}\n")
    with pytest.raises(IkuError) as info:
        load_realisasi_dir(tmp_path / "r", bundled.iku, [2019])
    assert info.value.exit_code == 2 and info.value.findings[0].code == "IKU308"


def test_quarters_follow_the_indicator_rule(write) -> None:
    from ikutool.definition.load import load_iku

    base = (
        "instansi: {nama: X}\nperiode: {awal: 2020, akhir: 2021}\nsasaran:\n  - kode: A\n    uraian: a\n"
        "    indikator:\n      - {kode: A.1, uraian: a, agregasi_triwulan: RULE, target: {2020: '10 %'}}\n"
    )
    expected = {"kumulatif": 10.0, "akhir": 4.0, "rata_rata": 2.5}
    for rule, value in expected.items():
        iku = load_iku(write(f"{rule}.yaml", base.replace("RULE", rule))).iku
        data = load_realisasi_file(
            write(
                "2020.yaml",
                "tahun: 2020\nrealisasi:\n  A.1: {triwulan: {I: 1, II: 2, III: 3, IV: 4}}\n",
            ),
            iku,
        )
        assert data.indikator["A.1"].nilai == {"persen": value}, rule


def test_template_lists_every_indicator_with_a_target(bundled) -> None:
    text = template_text(bundled.iku, 2017)
    doc = parse_yaml_text(text, "t.yaml")
    assert doc.data["tahun"] == 2017
    entries = doc.data["realisasi"]
    assert list(entries) == [
        "S1.2",
        "S1.3",
        "S2.1",
        "S3.1",
        "S3.2",
        "S3.3",
        "S3.4",
        "S4.1",
    ]  # S1.1 has "-"
    assert entries["S1.3"] == {"kop_ksp_usp": None, "umkm": None}
    assert entries["S3.2"] == {"ekspor": None, "impor": None}
    assert entries["S1.2"] is None
    assert "S1.2: null  # target 60 org" in text
    assert "ekspor: null  # target 7 %" in text


def test_partial_composite_is_a_warning(bundled, write) -> None:
    data = load_realisasi_file(
        write("2019.yaml", "tahun: 2019\nrealisasi:\n  S3.2: {ekspor: '6,5', impor: null}\n"),
        bundled.iku,
    )
    (w,) = [f for f in data.findings if f.code == "IKU309"]
    assert "impor belum diisi" in w.message and (w.line, w.column) == (3, 9)


def test_final_file_with_gaps_names_each_gap(bundled, write) -> None:
    data = load_realisasi_file(
        write(
            "2019.yaml",
            "tahun: 2019\nstatus: final\nrealisasi:\n  S1.2: 58\n  S3.2: {ekspor: 6}\n",
        ),
        bundled.iku,
    )
    gaps = [f for f in data.findings if f.code == "IKU311"]
    named = {f.message.split(",")[1].split()[1] for f in gaps}
    assert named == {"S1.1", "S1.3", "S2.1", "S3.1", "S3.2", "S3.3", "S3.4", "S4.1"}
    s32 = next(f for f in gaps if " S3.2 " in f.message)
    assert "komponen impor belum diisi" in s32.message and s32.line == 5


def test_a_template_counts_as_empty(iku_cli, workspace) -> None:
    assert iku_cli("realisasi", "template", "--tahun", "2020").exit_code == 0
    result = iku_cli("validate", "realisasi/2020.yaml")
    assert result.exit_code == 0
    assert "0 dari 9 indikator bertarget terisi" in result.stdout


def test_all_errors_at_once(bundled, write) -> None:
    errs = errors(
        write("2019.yaml", "tahun: 2019\nstatus: finall\nrealisasi:\n  S9.9: 1\n  S1.2: banyak\n"),
        bundled.iku,
    )
    assert [f.code for f in errs] == ["IKU209", "IKU301", "IKU303"]


def test_percent_sign_on_a_count_is_refused(bundled, write) -> None:
    errs = errors(write("2019.yaml", "tahun: 2019\nrealisasi:\n  S1.2: '58%'\n"), bundled.iku)
    assert [f.code for f in errs] == ["IKU312"] and "'org'" in errs[0].message


def test_negative_percentage_in_a_year_without_target(bundled, write) -> None:
    # S3.3 has "-" in 2016; its other years are percentages, so growth of -1,5 % is legal
    data = load_realisasi_file(
        write("2016.yaml", "tahun: 2016\nrealisasi:\n  S1.2: 4\n  S3.3: '-1,5'\n"), bundled.iku
    )
    assert data.indikator["S3.3"].nilai == {"persen": -1.5}
