"""One agency-year, one truth (issue 24): on random workspaces (PK, rencana aksi, program and
kegiatan money with gaps, quarters, many target forms, bobot 0, a kelompok), every figure that
appears in more than one document is the same in every document and format that shows it.

The documents: capaian (json, markdown, csv), the LKjIP (json, markdown), the quarterly report at
TW IV (json, markdown, docx, xlsx), E.81 (json), E.80 (json) and the roll-up (json). At TW IV the
quarterly report's progress toward the year is the year's capaian, so it must equal what
``iku capaian`` says, per indicator and per sasaran.
"""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ikutool.formatting.numbers import format_angka

YEAR = 2020
QUARTERS = ("I", "II", "III", "IV")


# --- a random workspace ---------------------------------------------------------------------


@st.composite
def indicator(draw: st.DrawFn, kode: str, first: bool = False) -> dict:
    form = draw(st.sampled_from(["hitung", "persen", "indeks", "maksimal", "rentang", "rupiah"]))
    quarters = draw(st.lists(st.integers(1, 60), min_size=4, max_size=4))
    written_quarterly = draw(st.booleans())
    reported = draw(st.integers(0, 4)) if written_quarterly else 4  # quarters reported
    # bobot 0 is shown and never counted; a sasaran keeps one counted indicator (the IKU rule)
    bobot = draw(st.sampled_from([1, 2] if first else [1, 1, 2, 0]))
    spec: dict = {"kode": kode, "form": form, "bobot": bobot}
    if form == "hitung":
        spec |= {"target": f"{sum(quarters) + draw(st.integers(-20, 20))} UMKM", "rule": None}
        values = [str(q) for q in quarters]
    elif form == "persen":
        spec |= {"target": f"{draw(st.integers(50, 95))} %", "rule": "akhir"}
        values = [str(30 + q) for q in quarters]
    elif form == "indeks":
        spec |= {
            "target": f'"{format_angka(draw(st.integers(30, 40)) / 10)} poin"',
            "rule": "rata_rata",
        }
        values = [f'"{format_angka(2 + q / 20)}"' for q in quarters]
    elif form == "maksimal":
        spec |= {"target": f"maksimal {draw(st.integers(3, 10))} hari", "rule": "akhir"}
        values = [str(q % 12 + 1) for q in quarters]
    elif form == "rentang":
        low = draw(st.integers(60, 80))
        spec |= {"target": f"{low}-{low + 10} %", "rule": "akhir"}
        values = [str(40 + q) for q in quarters]
    else:
        spec |= {"target": f"Rp {draw(st.integers(1, 9))} miliar", "rule": None}
        values = [f'"Rp {format_angka(q * 10_000_000)}"' for q in quarters]
    spec["quarterly"] = written_quarterly
    spec["values"] = values[:reported] if written_quarterly else values[:1]
    spec["pk"] = draw(st.booleans())
    spec["plan"] = [str(v) for v in values]
    return spec


@st.composite
def workspace(draw: st.DrawFn) -> dict:
    n_sasaran = draw(st.integers(1, 3))
    sasaran = []
    for s in range(1, n_sasaran + 1):
        n = draw(st.integers(1, 3))
        sasaran.append(
            {
                "kode": f"S{s}",
                "kelompok": s == 3 and draw(st.booleans()),
                "indikator": [draw(indicator(f"S{s}.{i}", i == 1)) for i in range(1, n + 1)],
            }
        )
    programs = []
    for p in range(1, draw(st.integers(1, 3)) + 1):
        own = draw(st.booleans())
        money = [draw(st.integers(1, 9)) * 10_000_000 for _ in QUARTERS]
        programs.append(
            {
                "kode": f"P{p}",
                "sasaran": f"S{draw(st.integers(1, n_sasaran))}",
                "own": own,
                "pagu": sum(money) + draw(st.integers(0, 5)) * 10_000_000,
                "quarters": money[: draw(st.integers(0, 4))],
                "kegiatan": [
                    {
                        "pagu": sum(money) + draw(st.integers(0, 5)) * 10_000_000,
                        "quarters": money[: draw(st.integers(0, 4))],
                    }
                    for _ in range(draw(st.integers(1, 2)))
                ],
            }
        )
    return {"sasaran": sasaran, "program": programs}


def _iku(w: dict) -> str:
    lines = [
        "instansi: {nama: Dinas Acak}",
        f"periode: {{awal: {YEAR}, akhir: {YEAR + 2}}}",
        "sasaran:",
    ]
    for s in w["sasaran"]:
        lines += [f"  - kode: {s['kode']}", f"    uraian: Sasaran {s['kode']}"]
        if s["kelompok"]:
            lines.append("    jenis: kelompok")
        lines.append("    indikator:")
        for ind in s["indikator"]:
            lines += [
                f"      - kode: {ind['kode']}",
                f"        uraian: Indikator {ind['kode']}",
                f"        bobot: {ind['bobot']}",
            ]
            if ind["rule"]:
                lines.append(f"        agregasi_triwulan: {ind['rule']}")
            t = ind["target"]
            lines.append(f"        target: {{{YEAR}: {t}, {YEAR + 1}: {t}, {YEAR + 2}: {t}}}")
    return "\n".join(lines) + "\n"


def _realisasi(w: dict) -> str:
    lines = [f"tahun: {YEAR}", "status: sementara", "realisasi:"]
    for s in w["sasaran"]:
        for ind in s["indikator"]:
            if not ind["values"]:
                continue
            if ind["quarterly"]:
                quarters = ", ".join(
                    f"{q}: {v}" for q, v in zip(QUARTERS, ind["values"], strict=False)
                )
                lines += [f"  {ind['kode']}:", f"    triwulan: {{{quarters}}}"]
            else:
                lines.append(f"  {ind['kode']}: {ind['values'][0]}")
    return "\n".join(lines) + "\n"


def _pk(w: dict) -> str:
    lines = [f"tahun: {YEAR}", "target:"]
    for s in w["sasaran"]:
        for ind in s["indikator"]:
            if ind["pk"] and ind["form"] == "hitung":
                number = int(ind["target"].split()[0]) + 7
                lines.append(f'  {ind["kode"]}: "{number} UMKM"')
    return "\n".join(lines) + ("\n" if len(lines) > 2 else " {}\n")


def _renaksi(w: dict) -> str:
    lines = [f"tahun: {YEAR}", "target:"]
    for s in w["sasaran"]:
        for ind in s["indikator"]:
            if ind["form"] in ("hitung", "indeks", "persen", "rupiah"):
                unit = {"hitung": " UMKM", "persen": " %", "indeks": "", "rupiah": ""}[ind["form"]]
                cells = ", ".join(
                    f"{q}: {v if ind['form'] in ('indeks', 'rupiah') else chr(34) + v + unit + chr(34)}"
                    for q, v in zip(QUARTERS, ind["plan"], strict=True)
                )
                lines.append(f"  {ind['kode']}: {{{cells}}}")
    return "\n".join(lines) + "\n"


def _rp(value: int) -> str:
    return f'"Rp {format_angka(value)}"'


def _program(w: dict) -> str:
    lines = [f"tahun: {YEAR}", "program:"]
    for p in w["program"]:
        lines += [
            f"  - kode: {p['kode']}",
            f"    nama: Program {p['kode']}",
            f"    sasaran: {p['sasaran']}",
        ]
        if p["own"]:
            lines.append(f"    pagu: {_rp(p['pagu'])}")
            if p["quarters"]:
                cells = ", ".join(
                    f"{q}: {_rp(v)}" for q, v in zip(QUARTERS, p["quarters"], strict=False)
                )
                lines.append(f"    realisasi_rp: {{{cells}}}")
            continue
        lines.append("    kegiatan:")
        for j, k in enumerate(p["kegiatan"], 1):
            lines += [
                f"      - kode: {p['kode']}.{j:02d}",
                f"        nama: Kegiatan {p['kode']}.{j}",
                f"        pagu: {_rp(k['pagu'])}",
            ]
            if k["quarters"]:
                cells = ", ".join(
                    f"{q}: {_rp(v)}" for q, v in zip(QUARTERS, k["quarters"], strict=False)
                )
                lines.append(f"        realisasi_rp: {{{cells}}}")
    return "\n".join(lines) + "\n"


def write(root: Path, w: dict) -> None:
    for sub in ("realisasi", "pk", "renaksi", "program"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "ikutool.yaml").write_text("iku: iku.yaml\n", encoding="utf-8")
    (root / "iku.yaml").write_text(_iku(w), encoding="utf-8")
    (root / "realisasi" / f"{YEAR}.yaml").write_text(_realisasi(w), encoding="utf-8")
    (root / "pk" / f"{YEAR}.yaml").write_text(_pk(w), encoding="utf-8")
    (root / "renaksi" / f"{YEAR}.yaml").write_text(_renaksi(w), encoding="utf-8")
    (root / "program" / f"{YEAR}.yaml").write_text(_program(w), encoding="utf-8")


# --- the documents ---------------------------------------------------------------------------


def run(iku_cli, *args: str) -> str:
    result = iku_cli(*args)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def documents(iku_cli, root: Path) -> dict:
    y = str(YEAR)
    docs = {
        "capaian": json.loads(run(iku_cli, "capaian", "--tahun", y, "-f", "json")),
        "capaian_md": run(iku_cli, "capaian", "--tahun", y, "-f", "markdown"),
        "lkjip": json.loads(run(iku_cli, "lkjip", "--tahun", y, "-f", "json")),
        "lkjip_md": run(iku_cli, "lkjip", "--tahun", y, "-f", "markdown"),
        "tw4": json.loads(run(iku_cli, "triwulan", "--tahun", y, "--tw", "4", "-f", "json")),
        "tw4_md": run(iku_cli, "triwulan", "--tahun", y, "--tw", "4", "-f", "markdown"),
        "e81": json.loads(run(iku_cli, "evaluasi", "renja", "--tahun", y, "-f", "json")),
        "e80": json.loads(run(iku_cli, "evaluasi", "renstra", "--sampai", y, "-f", "json")),
        "rekap": json.loads(run(iku_cli, "rekap", str(root.parent), "--tahun", y, "-f", "json")),
    }
    for fmt in ("docx", "xlsx"):
        out = root.parent / f"tw4.{fmt}"
        run(iku_cli, "triwulan", "--tahun", y, "--tw", "4", "-f", fmt, "--out", str(out), "--force")
        docs[f"tw4_{fmt}"] = _package_text(out)
        if fmt == "xlsx":
            docs["tw4_xlsx_angka"] = _numbers(docs["tw4_xlsx"])
    return docs


def _numbers(text: str) -> list[float]:
    """The numbers an Excel sheet holds (a figure is a number there, rounded as shown)."""
    out = []
    for word in text.split():
        try:
            out.append(float(word))
        except ValueError:
            continue
    return out


def _package_text(path: Path) -> str:
    """Every text of a Word or Excel file's XML parts, joined (cells, paragraphs, strings)."""
    import re

    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    return " ".join(re.findall(r">([^<>]+)<", xml))


def pct(value: float) -> str:
    return format_angka(value, 2)


# --- the properties --------------------------------------------------------------------------


def check(docs: dict) -> None:
    cap = docs["capaian"]
    year_ind = {i["kode"]: i for s in cap["sasaran"] for i in s["indikator"]}
    year_sas = {s["kode"]: s for s in cap["sasaran"]}
    tw4 = docs["tw4"]
    tw4_ind = {i["kode"]: i for i in tw4["indikator"]}
    lk = docs["lkjip"]
    lk_sas = {s["kode"]: s for s in lk["sasaran"]}
    (rekap_row,) = docs["rekap"]["baris"]
    (rekap_year,) = rekap_row["tahun"]
    rekap_ind = {i["kode"]: i for i in rekap_year["indikator"]}
    rekap_sas = {s["kode"]: s for s in rekap_year["sasaran"]}

    # an indicator's capaian of the year: capaian, LKjIP, rekap, and TW IV's progress
    for kode, ind in year_ind.items():
        lk_ind = next(i for s in lk["sasaran"] for i in s["indikator"] if i["kode"] == kode)
        assert lk_ind["capaian"] == ind["capaian"] == rekap_ind[kode]["capaian"], kode
        assert lk_ind["kategori"] == ind["kategori"] == rekap_ind[kode]["kategori"], kode
        if ind["capaian"] is not None:
            assert tw4_ind[kode]["progres_tahun"] == pytest.approx(ind["capaian"]), kode
            assert pct(ind["capaian"]) in docs["capaian_md"], kode
    # a sasaran's capaian: capaian, LKjIP, rekap, TW IV (bobot and kelompok as the year's)
    tw4_sas = {s["kode"]: s for s in tw4["sasaran"]}
    for kode, sas in year_sas.items():
        assert lk_sas[kode]["capaian"] == sas["capaian"] == rekap_sas[kode]["capaian"], kode
        assert lk_sas[kode]["kategori"] == sas["kategori"] == rekap_sas[kode]["kategori"], kode
        if sas["capaian"] is not None:
            assert tw4_sas[kode]["progres_tahun"] == pytest.approx(sas["capaian"]), kode
    assert lk["capaian"] == cap["capaian"] == rekap_year["capaian"]

    # a sasaran's money: LKjIP, E.80 (the year's column), E.81 (the sasaran row)
    e80 = {r["kode"]: r for r in docs["e80"]["baris"] if r["jenis"] == "sasaran"}
    e81 = {r["kode"]: r for r in docs["e81"]["baris"] if r["jenis"] == "sasaran"}
    for kode, sas in lk_sas.items():
        money = sas["anggaran"]
        if money is None:
            assert kode not in e81 or e81[kode]["kolom"]["7"]["rp"] is None
            continue
        assert e81[kode]["kolom"]["7"]["rp"] == money["pagu"], kode
        assert e81[kode]["kolom"]["12"]["rp"] == money["realisasi"], kode
        if kode in e80:  # E.80 shows each year's realisasi (its pagu is E.81's column 7)
            assert e80[kode]["tahun"][str(YEAR)]["rp"] == money["realisasi"], kode
    # the agency's money: LKjIP Bab III B, the quarterly report at TW IV, E.81's total
    total = lk["anggaran"] or {"pagu": None, "realisasi": None, "serapan": None}
    assert (tw4["pagu"], tw4["realisasi_rp_sd_tw"], tw4["serapan_sd_tw"]) == (
        total["pagu"],
        total["realisasi"],
        total["serapan"],
    )
    assert docs["e81"]["jumlah"]["7"]["rp"] == total["pagu"]
    assert docs["e81"]["jumlah"]["12"]["rp"] == total["realisasi"]

    # the quarterly report's figures are the same in every format
    for kode, ind in tw4_ind.items():
        for key in ("capaian_tw", "capaian_sd_tw", "progres_tahun"):
            if ind[key] is not None:
                shown = pct(ind[key])
                for fmt in ("tw4_md", "tw4_docx"):
                    assert shown in docs[fmt], (kode, key, fmt)
                as_shown = float(shown.replace(".", "").replace(",", "."))  # half-up, as shown
                assert any(abs(x - as_shown) < 1e-6 for x in docs["tw4_xlsx_angka"]), (
                    kode,
                    key,
                    "xlsx",
                )


SETTINGS = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(w=workspace())
def test_one_figure_everywhere(iku_cli, tmp_path_factory, w) -> None:
    root = tmp_path_factory.mktemp("acak") / "kab" / "dinas"
    write(root, w)
    with contextlib.chdir(root):
        check(documents(iku_cli, root))


@pytest.mark.slow
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(w=workspace())
def test_one_figure_everywhere_many(iku_cli, tmp_path_factory, w) -> None:
    root = tmp_path_factory.mktemp("acak") / "kab" / "dinas"
    write(root, w)
    with contextlib.chdir(root):
        check(documents(iku_cli, root))
