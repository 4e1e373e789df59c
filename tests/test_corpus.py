"""The bad-input corpus (tests/corpus): every file, through every command that reads its kind.

Each case names the expected exit code, finding code, line, column and a fragment of the message.
No input may produce a traceback or an exit code other than 0, 1 or 2.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ikutool.workspace.paths import data_dir

CORPUS = Path(__file__).parent / "corpus"

# file: (exit code, finding code or None, line, column, message fragment)
IKU = {
    "01-tab-indent.yaml": (1, "IKU103", 2, 1, "TAB"),
    "02-bad-indent.yaml": (1, "IKU103", 5, 9, "indentasi"),
    "03-unclosed-quote.yaml": (1, "IKU103", 14, 17, "tanda kutip tidak ditutup"),
    "04-unclosed-bracket.yaml": (1, "IKU103", 4, 9, "kurung siku '[' tidak ditutup"),
    "05-duplicate-key.yaml": (1, "IKU104", 12, 9, "ditulis dua kali (pertama di baris 11)"),
    "06-empty.yaml": (1, "IKU106", 1, 1, "berkas kosong"),
    "07-only-comments.yaml": (1, "IKU106", 1, 1, "hanya berisi komentar"),
    "08-list-at-top.yaml": (1, "IKU203", 1, 1, "pemetaan"),
    "09-instansi-string.yaml": (1, "IKU203", 1, 11, "pemetaan 'kunci: nilai'"),
    "10-periode-list.yaml": (1, "IKU203", 3, 10, "tertulis sebuah daftar"),
    "11-sasaran-mapping.yaml": (1, "IKU203", 7, 3, "harus berupa daftar"),
    "12-indikator-string.yaml": (1, "IKU203", 9, 16, "harus berupa daftar"),
    "13-year-not-number.yaml": (1, "IKU203", 4, 9, "bilangan bulat"),
    "14-unknown-key.yaml": (1, "IKU201", 12, 9, "Mungkin maksudnya 'polaritas'"),
    "15-missing-nama.yaml": (1, "IKU202", 1, 1, "'nama'"),
    "16-bool-trap-polaritas.yaml": (
        1,
        "IKU209",
        12,
        20,
        "'no' tidak sah; pilih salah satu: positif, negatif",
    ),
    "17-float-trap-kode.yaml": (1, "IKU203", 10, 15, 'beri tanda kutip: "1.10"'),
    "18-date-trap-year.yaml": (1, "IKU203", 14, 11, "harus berupa tahun"),
    "19-year-outside-periode.yaml": (1, "IKU204", 14, 11, "di luar periode 2016-2021"),
    "20-codes-differ-in-case.yaml": (1, "IKU205", 16, 15, "huruf besar/kecil atau spasi"),
    "21-codes-differ-in-spaces.yaml": (1, "IKU205", 16, 15, "huruf besar/kecil atau spasi"),
    "22-target-unreadable.yaml": (1, "IKU207", 14, 18, "bukan angka dan bukan predikat"),
    "23-target-decimal-dot.yaml": (1, "IKU207", 14, 19, "koma"),
    "24-component-keys-collide.yaml": (1, "IKU206", 14, 17, "ekspor=7% dan impor=17%"),
    "25-very-long-kode.yaml": (1, "IKU209", 10, 15, "terlalu panjang"),
    "26-huge-number.yaml": (1, "IKU203", 14, 27, "terhingga"),
    "27-nan-target.yaml": (1, "IKU203", 14, 27, "terhingga"),
    "28-billion-laughs.yaml": (1, "IKU105", 6, 29, "alias"),
    "29-multiple-documents.yaml": (1, "IKU103", 16, 1, "lebih dari satu dokumen"),
    "30-undeclared-bidang.yaml": (1, "IKU208", 15, 17, "tidak dideklarasikan"),
    "31-bobot-zero.yaml": (1, "IKU209", 13, 16, "berbobot lebih dari 0"),
    "32-periode-reversed.yaml": (1, "IKU209", 4, 3, "periode terbalik"),
    "33-cp1252.yaml": (1, "IKU102", 2, 37, "bukan UTF-8"),
    "34-bom-crlf-valid.yaml": (0, None, None, None, None),
}
REALISASI = {
    "01-tab.yaml": (1, "IKU103", 4, 1, "TAB"),
    "02-unclosed-brace.yaml": (1, "IKU103", 5, 9, "kurung kurawal"),
    "03-duplicate-code.yaml": (1, "IKU104", 6, 3, "ditulis dua kali"),
    "04-unknown-code.yaml": (1, "IKU301", 4, 3, "Kode yang ada"),
    "05-code-case.yaml": (1, "IKU301", 4, 3, "Mungkin maksudnya 'S1.2'"),
    "06-unknown-component.yaml": (1, "IKU302", 5, 10, "Mungkin maksudnya 'ekspor'"),
    "07-not-a-number.yaml": (1, "IKU303", 4, 9, "bukan angka"),
    "08-negative-count.yaml": (1, "IKU304", 4, 9, "negatif"),
    "09-thousands-dot-string.yaml": (1, "IKU303", 4, 9, "'2,75'"),
    "10-nan.yaml": (1, "IKU303", 4, 9, ".nan"),
    "11-inf.yaml": (1, "IKU303", 4, 9, ".inf"),
    "12-huge-int.yaml": (1, "IKU303", 4, 9, "terlalu besar"),
    "13-bool-trap.yaml": (1, "IKU303", 4, 9, "'yes' bukan angka"),
    "14-octal-trap.yaml": (1, "IKU303", 4, 9, "'0o17' bukan angka"),
    "15-date-trap.yaml": (1, "IKU303", 4, 9, "'2019-01-01' bukan angka"),
    "16-tahun-mismatch.yaml": (1, "IKU305", 1, 8, "nama berkas"),
    "17-list-instead-of-mapping.yaml": (1, "IKU203", 1, 1, "pemetaan"),
    "18-realisasi-list.yaml": (1, "IKU203", 3, 3, "tertulis sebuah daftar"),
    "19-status-unknown.yaml": (1, "IKU209", 2, 9, "contoh, sementara, final"),
    "20-empty.yaml": (1, "IKU106", 1, 1, "berkas kosong"),
    "21-composite-as-number.yaml": (1, "IKU302", 5, 9, "{ekspor: ..., impor: ...}"),
    "22-very-long-number.yaml": (1, "IKU303", 4, 9, "lebih dari 15 digit"),
    "23-tahun-text.yaml": (1, "IKU203", 1, 8, "bilangan bulat"),
    "24-billion-laughs.yaml": (1, "IKU105", 6, 29, "alias"),
    "25-english-number.yaml": (1, "IKU303", 4, 9, "format Inggris"),
    "26-cp1252.yaml": (1, "IKU102", 2, 31, "bukan UTF-8"),
    "27-bom-crlf-valid.yaml": (0, None, None, None, None),
    "28-thousands-dot-trap-warning.yaml": (0, "IKU107", 4, 9, "Jika maksudnya 2750"),
    "29-leading-zero-warning.yaml": (0, "IKU107", 4, 9, "diawali angka nol"),
    "30-year-outside-periode.yaml": (1, "IKU307", 1, 8, "di luar periode IKU 2016-2021"),
    "31-pembanding-bad-tingkat.yaml": (1, "IKU209", 5, 38, "Mungkin maksudnya 'provinsi'"),
    "32-analisis-unknown-key.yaml": (1, "IKU201", 7, 7, "Mungkin maksudnya 'penghambat'"),
    "33-pembanding-composite-single.yaml": (1, "IKU302", 5, 25, "pembanding per komponen"),
}


def test_corpus_is_complete() -> None:
    for kind, cases in (("iku", IKU), ("realisasi", REALISASI), ("pk", PK), ("anggaran", ANGGARAN)):
        assert {p.name for p in (CORPUS / kind).iterdir()} == set(cases), kind
    assert len(IKU) + len(REALISASI) + len(PK) + len(ANGGARAN) >= 80


def check(result, name: str, expected) -> None:
    exit_code, code, line, col, fragment = expected
    output = result.output
    assert "Traceback" not in output
    assert result.exit_code in (0, 1, 2)
    assert result.exit_code == exit_code, output
    if code is None:
        return
    # the located finding (on stderr); a warning also travels into the output beside its value
    lines = [ln for ln in output.splitlines() if f" {code}" in ln and f"{name}:" in ln]
    assert lines, output
    hit = lines[0]
    assert f"{name}:{line}:{col}: " in hit, hit
    assert fragment in hit, hit


IKU_COMMANDS = {
    "validate": lambda f: ["validate", f],
    "show": lambda f: ["show", "--iku", f],
    "capaian": lambda f: [
        "capaian",
        "--iku",
        f,
        "--tahun",
        "2019",
        "--realisasi",
        str(data_dir() / "realisasi"),
    ],
    "report": lambda f: ["report", "--iku", f, "--realisasi", str(data_dir() / "realisasi")],
    "evaluasi": lambda f: ["evaluasi", "--iku", f, "--realisasi", str(data_dir() / "realisasi")],
    "template": lambda f: ["realisasi", "template", "--iku", f, "--tahun", "2019"],
}


@pytest.mark.parametrize("command", sorted(IKU_COMMANDS))
@pytest.mark.parametrize("name", sorted(IKU))
def test_iku_corpus(iku_cli, tmp_path: Path, name: str, command: str) -> None:
    expected = IKU[name]
    args = IKU_COMMANDS[command](str(CORPUS / "iku" / name))
    if expected[0] == 0 and "--realisasi" in args:
        # a valid IKU of other codes than the bundled one: give it realisasi of its own
        (tmp_path / "2019.yaml").write_text(
            "tahun: 2019\nrealisasi: {S1.1: 20}\n", encoding="utf-8"
        )
        args[args.index("--realisasi") + 1] = str(tmp_path)
    check(iku_cli(*args), name, expected)


REALISASI_COMMANDS = {
    "validate": lambda d: ["validate", str(d / "2019.yaml")],
    "capaian": lambda d: ["capaian", "--tahun", "2019", "--realisasi", str(d)],
    "report": lambda d: ["report", "--tahun", "2019", "--realisasi", str(d)],
    "evaluasi": lambda d: ["evaluasi", "--sampai", "2019", "--realisasi", str(d)],
}


@pytest.mark.parametrize("command", sorted(REALISASI_COMMANDS))
@pytest.mark.parametrize("name", sorted(REALISASI))
def test_realisasi_corpus(iku_cli, tmp_path: Path, name: str, command: str) -> None:
    folder = tmp_path / "realisasi dengan spasi"
    folder.mkdir()
    shutil.copyfile(CORPUS / "realisasi" / name, folder / "2019.yaml")
    check(iku_cli(*REALISASI_COMMANDS[command](folder)), "2019.yaml", REALISASI[name])


def test_alias_bomb_is_refused_with_bounded_work_and_memory() -> None:
    import tracemalloc

    from ikutool import yaml_reader
    from ikutool.errors import IkuError

    text = (CORPUS / "iku" / "28-billion-laughs.yaml").read_text(encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(IkuError) as info:
            yaml_reader.parse_yaml_text(text, "bomb.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.findings[0].code == "IKU105"
    assert peak < 64 * 1024 * 1024  # expanded, it would be 9^9 = 387 million strings
    # the work is bounded by the alias budget: aliases are counted as they expand, and the file
    # is refused at the alias that crosses it, long before anything is expanded
    assert yaml_reader.MAX_ALIAS_VALUES <= 1_000_000


# Perjanjian Kinerja and anggaran files, placed as pk/2019.yaml and anggaran/2019.yaml of a
# workspace made with `iku init --contoh` (its program/2019.yaml removed for the anggaran ones)
PK = {
    "01-components-differ.yaml": (1, "IKU210", 3, 9, "komponen target PK (kop)"),
    "02-unknown-code.yaml": (1, "IKU301", 3, 3, "tidak ada di IKU iku.yaml"),
    "03-unreadable-target.yaml": (1, "IKU207", 3, 10, "harus berupa angka"),
    "04-bad-date.yaml": (1, "IKU203", 2, 17, "TAHUN-BULAN-HARI"),
    "05-year-mismatch.yaml": (1, "IKU305", 1, 8, "nama berkas"),
    "06-composite-one-component.yaml": (1, "IKU210", 3, 9, "ekspor, impor"),
    "07-target-list.yaml": (1, "IKU203", 2, 9, "pemetaan"),
    "08-no-target-dash.yaml": (1, "IKU209", 3, 9, "tidak diperlukan"),
    "09-misspelt-key.yaml": (1, "IKU201", 2, 1, "Mungkin maksudnya 'target'"),
    "10-duplicate-code.yaml": (1, "IKU104", 4, 3, "ditulis dua kali"),
}
ANGGARAN = {
    "01-realisasi-above-pagu.yaml": (1, "IKU314", 6, 16, "melebihi pagu"),
    "02-unknown-sasaran.yaml": (1, "IKU301", 4, 15, "sasaran 'S9'"),
    "03-no-sasaran.yaml": (1, "IKU315", 3, 5, "belum dikaitkan"),
    "04-money-not-a-number.yaml": (1, "IKU203", 5, 11, "'satu milyar' bukan angka"),
    "05-unknown-method.yaml": (1, "IKU209", 2, 12, "rasio, selisih, sisa"),
    "06-negative-pagu.yaml": (1, "IKU304", 3, 5, "negatif"),
    "07-program-not-a-list.yaml": (1, "IKU203", 3, 3, "harus berupa daftar"),
    "08-float-trap-money.yaml": (1, "IKU303", 5, 11, "Tulis 1250 tanpa titik"),
    "09-missing-nama.yaml": (1, "IKU202", 3, 5, "'nama'"),
    "10-english-money.yaml": (1, "IKU203", 5, 11, "format Inggris"),
}


@pytest.mark.parametrize(
    ("kind", "name"), [("pk", n) for n in sorted(PK)] + [("anggaran", n) for n in sorted(ANGGARAN)]
)
def test_pk_and_anggaran_corpus(iku_cli, workspace: Path, kind: str, name: str) -> None:
    if kind == "anggaran":  # the old file kind, for a year without a program file
        (workspace / "program" / "2019.yaml").unlink()
    shutil.copyfile(CORPUS / kind / name, workspace / kind / "2019.yaml")
    expected = (PK if kind == "pk" else ANGGARAN)[name]
    before = {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()}
    commands = [["validate", f"{kind}/2019.yaml"], ["validate"], ["lkjip", "--tahun", "2019"]]
    if kind == "pk":
        commands += [["capaian", "--tahun", "2019"], ["report", "-f", "json"]]
    for args in commands:
        result = iku_cli(*args)
        if args == ["validate"] and expected[0] == 0:
            assert result.exit_code == 0, result.output
            continue
        check(result, "2019.yaml", expected)
    after = {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()}
    assert after == before  # nothing written, nothing changed
