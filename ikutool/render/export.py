"""Machine-readable and paste-able outputs (JSON, CSV, Markdown), built from the same results the
terminal tables show."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ikutool.capaian import HasilCapaian, HasilKomponen
from ikutool.errors import Finding
from ikutool.model import Iku
from ikutool.render.text import (
    PARTIAL_NOTE,
    capaian_cell,
    component_label,
    has_partial,
    mean_label,
    notice,
    quantity,
    sumber_text,
    target_cell,
    target_source_text,
)


def dumps(data: Any) -> str:
    """JSON as ``json.dumps(data, ensure_ascii=False, indent=2)`` writes it, by pydantic's own
    encoder (the standard library falls back to pure Python when indenting: ten times slower).

    inf_nan_mode="constants" then a check: the model bounds every figure, so a NaN or Infinity
    here is a bug, and it must fail loudly rather than print JSON other programs cannot read."""
    from pydantic_core import to_json

    text = to_json(data, indent=2, inf_nan_mode="constants").decode()
    if "NaN" in text or "Infinity" in text:
        # rare (user text may contain the words): confirm with the strict encoder
        json.dumps(data, allow_nan=False)
    return text + "\n"


def iku_data(
    iku: Iku, years: list[int] | None = None, codes: set[str] | None = None
) -> dict[str, Any]:
    """The parsed definition; year keys as strings, null where there is no target."""
    wanted = years or list(iku.periode.tahun)
    sasaran = []
    for sas in iku.sasaran:
        indikator = []
        for ind in sas.indikator:
            if codes is not None and ind.kode not in codes:
                continue
            data = ind.model_dump(mode="json", exclude={"target"})
            data["rumus_negatif"] = iku.rumus_for(ind)
            data["sumber_data"] = iku.sumber_data(ind)
            targets: dict[str, Any] = {}
            for y in sorted(set(wanted) | {y for y in ind.target if years is None}):
                if years is not None and y not in years:
                    continue
                t = ind.target_for(y)
                targets[str(y)] = t.model_dump(mode="json") if t else None
            data["target"] = targets
            indikator.append(data)
        if codes is not None and not indikator:
            continue
        sasaran.append({"kode": sas.kode, "uraian": sas.uraian, "indikator": indikator})
    out = {"berkas_iku": iku.berkas, **iku.model_dump(mode="json", exclude={"sasaran"})}
    out["sasaran"] = sasaran
    return out


def capaian_data(result: HasilCapaian) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    data["catatan"] = notice(result)
    return data


def capaian_csv(result: HasilCapaian) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(
        [
            "tahun",
            "status_data",
            "sasaran",
            "sasaran_uraian",
            "sasaran_capaian",
            "indikator",
            "indikator_uraian",
            "polaritas",
            "komponen",
            "satuan",
            "target",
            "target_maks",
            "realisasi",
            "capaian_komponen",
            "status",
            "indikator_capaian",
            "indikator_status",
            "target_sumber",
            "kategori",
            "berkas_iku",
            "berkas_realisasi",
            "peringatan",
        ]
    )

    def num(v: float | None) -> str:
        return "" if v is None else repr(v)

    for sas in result.sasaran:
        for ind in sas.indikator:
            comps: list[HasilKomponen | None] = [*ind.komponen] or [None]
            for comp in comps:
                writer.writerow(
                    [
                        result.tahun,
                        result.status_data or "",
                        sas.kode,
                        sas.uraian,
                        num(sas.capaian),
                        ind.kode,
                        ind.uraian,
                        ind.polaritas,
                        comp.kunci if comp else "",
                        comp.satuan if comp else "",
                        num(comp.target) if comp else "",
                        num(comp.target_maks) if comp else "",
                        num(comp.realisasi) if comp else "",
                        num(comp.capaian) if comp else "",
                        comp.status if comp else ind.status,
                        num(ind.capaian),
                        ind.status,
                        ind.target_sumber or "",
                        ind.kategori or "",
                        result.berkas_iku or "",
                        result.berkas_realisasi or "",
                        "; ".join([*ind.peringatan, *(comp.peringatan if comp else [])]),
                    ]
                )
    return buf.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def capaian_markdown(result: HasilCapaian) -> str:
    lines = []
    note = notice(result)
    if note:
        lines += [f"> **{note}**", ""]
    title = f"Pengukuran Kinerja Tahun {result.tahun}: {result.instansi}"
    if result.bidang:
        title += f" (Bidang {result.bidang})"
    lines += [f"### {title}", ""]
    lines.append(
        "| No | Sasaran | Indikator | Satuan | Target | Realisasi | Capaian (%) | Kategori |"
    )
    lines.append("|---:|---|---|---|---:|---:|---:|---|")
    for no, sas in enumerate(result.sasaran, 1):
        first = True
        for ind in sas.indikator:
            multi = len(ind.komponen) > 1
            if multi:  # the indicator on its own row, each component's figures beside its name
                cells = [str(no) if first else "", f"{sas.kode} {sas.uraian}" if first else ""]
                cells += [f"{ind.kode} {ind.uraian}", "", "", "", "", ""]
                lines.append("| " + " | ".join(_md_escape(c) for c in cells) + " |")
                first = False
            comps: list[HasilKomponen | None] = [*ind.komponen] or [None]
            for comp in comps:
                label = (
                    f"- {component_label(comp)}" if multi and comp else f"{ind.kode} {ind.uraian}"
                )
                cells = [
                    str(no) if first else "",
                    f"{sas.kode} {sas.uraian}" if first else "",
                    label,
                    (comp.satuan if comp else "") or "-",
                    target_cell(ind, comp) if comp else (ind.target_teks or "-"),
                    quantity(comp.realisasi, "") if comp else "-",
                    capaian_cell(comp.capaian, comp.status)
                    if comp
                    else capaian_cell(None, ind.status),
                    (ind.kategori or "-") if not multi else "",
                ]
                lines.append("| " + " | ".join(_md_escape(c) for c in cells) + " |")
                first = False
            if multi:
                lines.append(
                    f"| | | **Capaian {ind.kode}** (rata-rata "
                    + ("komponen yang terisi" if ind.status == "sebagian" else "komponen")
                    + ") | | | | "
                    f"**{capaian_cell(ind.capaian, ind.status)}** | {ind.kategori or '-'} |"
                )
        lines.append(
            f"| | | **Capaian sasaran {sas.kode}** | | | | "
            f"**{capaian_cell(sas.capaian, 'ada' if sas.capaian is not None else 'belum_ada_realisasi')}** | "
            f"{sas.kategori or '-'} |"
        )
    lines.append("")
    lines.append(
        f"{mean_label(result)}: **{capaian_cell(result.capaian, 'ada')} %**"
        + (f" ({result.kategori})" if result.kategori else "")
        + f". Skala: {result.skala}."
    )
    if has_partial(result):
        lines += ["", PARTIAL_NOTE]
    lines += ["", target_source_text(result) + "."]
    lines += ["", sumber_text(result.berkas_iku, result.berkas_realisasi) + "."]
    lines += [f"- Peringatan: {_md_escape(w)}" for w in result.peringatan]
    if note:
        lines += ["", f"> **{note}**"]
    return "\n".join(lines) + "\n"


def _laporan_footer(laporan: Any) -> list[str]:
    lines = ["", sumber_text(laporan.berkas_iku, laporan.folder_realisasi) + "."]
    lines += [f"- Peringatan: {_md_escape(w)}" for w in laporan.peringatan]
    return lines


def validation_data(reports: list[Any]) -> dict[str, Any]:
    """``iku validate --format json``: every finding, and a line per file checked."""
    findings: list[Finding] = [f for r in reports for f in r.findings]
    errors = [f for f in findings if f.is_error]
    return {
        "sah": all(r.valid for r in reports),
        "jumlah_galat": len(errors),
        "jumlah_peringatan": len(findings) - len(errors),
        "berkas": [r.to_dict() for r in reports],
        "temuan": [f.to_dict() for f in findings],
    }


def report_data(laporan: Any) -> dict[str, Any]:
    from ikutool.render.text import kalimat, report_notices

    data = laporan.model_dump(mode="json", exclude={"per_tahun"})
    for sas_d, sas in zip(data["sasaran"], laporan.sasaran, strict=True):
        for ind_d, ind in zip(sas_d["indikator"], sas.indikator, strict=True):
            for row_d, row in zip(ind_d["tahun"], ind.tahun, strict=True):
                row_d["kalimat"] = kalimat(row)
    data["catatan"] = report_notices(laporan)
    return data


def report_markdown(laporan: Any) -> str:
    from ikutool.render.text import kalimat, realisasi_text, report_notices, target_text

    notes = report_notices(laporan)
    lines = [f"> **{n}**" for n in notes] + ([""] if notes else [])
    title = f"Laporan Capaian Kinerja {laporan.instansi}"
    if laporan.bidang_nama:
        title += f", Bidang {laporan.bidang_nama}"
    span = laporan.tahun
    title += f", Tahun {span[0]}" + (f"-{span[-1]}" if len(span) > 1 else "")
    lines += [f"### {title}", ""]
    lines.append(
        "| Indikator | Tahun | Target | Realisasi | Capaian (%) | Kategori | "
        f"Thd target akhir {laporan.periode_akhir} (%) |"
    )
    lines.append("|---|---:|---:|---:|---:|---|---:|")
    for sas in laporan.sasaran:
        lines.append(f"| **{_md_escape(sas.kode + ' ' + sas.uraian)}** | | | | | | |")
        for ind in sas.indikator:
            for ri, row in enumerate(ind.tahun):
                h = row.hasil
                akhir = row.capaian_target_akhir
                cells = [
                    f"{ind.kode} {ind.uraian}" if ri == 0 else "",
                    str(row.tahun),
                    target_text(h, "<br>"),
                    realisasi_text(h, "<br>"),
                    capaian_cell(h.capaian, h.status),
                    h.kategori or "-",
                    capaian_cell(akhir, "ada") if akhir is not None else "-",
                ]
                lines.append(
                    "| " + " | ".join(_md_escape(c) if "<br>" not in c else c for c in cells) + " |"
                )
        for y in laporan.tahun:
            lines.append(
                f"| *Capaian sasaran {sas.kode}* | {y} | | | **{capaian_cell(sas.capaian[y], 'ada')}** | "
                f"{sas.kategori[y] or '-'} | |"
            )
    lines += ["", f"Uraian per indikator ({laporan.tahun[-1]}):", ""]
    for sas in laporan.sasaran:
        for ind in sas.indikator:
            lines.append(f"- **{ind.kode}** {kalimat(ind.tahun[-1])}")
    lines += _laporan_footer(laporan)
    if notes:
        lines += [""] + [f"> **{n}**" for n in notes]
    return "\n".join(lines) + "\n"


def evaluasi_markdown(laporan: Any) -> str:
    from ikutool.render.text import end_target_text, realisasi_text, report_notices

    notes = report_notices(laporan)
    lines = [f"> **{n}**" for n in notes] + ([""] if notes else [])
    lines += [
        f"### Evaluasi Renstra {laporan.periode_awal}-{laporan.periode_akhir}: {laporan.instansi}",
        "",
    ]
    head = ["No", "Sasaran / Indikator", f"Target akhir {laporan.periode_akhir}"]
    for y in laporan.tahun:
        head += [f"Realisasi {y}", f"Capaian {y} (%)"]
    head += [f"Tingkat capaian thd target {laporan.periode_akhir} (%)", "Kategori"]
    lines.append("| " + " | ".join(head) + " |")
    aligns = ["---:", "---", "---:"] + ["---:", "---:"] * len(laporan.tahun) + ["---:", "---"]
    lines.append("|" + "|".join(aligns) + "|")
    no = 0
    for sas in laporan.sasaran:
        lines.append(
            f"| | **{_md_escape(sas.kode + ' ' + sas.uraian)}** |" + " |" * (len(head) - 2)
        )
        for ind in sas.indikator:
            no += 1
            cells = [str(no), _md_escape(f"{ind.kode} {ind.uraian}"), end_target_text(ind, "<br>")]
            for row in ind.tahun:
                cells += [
                    realisasi_text(row.hasil, "<br>"),
                    capaian_cell(row.hasil.capaian, row.hasil.status),
                ]
            latest = ind.terakhir
            cells += [
                capaian_cell(latest.capaian_target_akhir, "ada") if latest else "-",
                (latest.kategori_target_akhir or "-") if latest else "-",
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines += _laporan_footer(laporan)
    if notes:
        lines += [""] + [f"> **{n}**" for n in notes]
    return "\n".join(lines) + "\n"


def lkjip_data(lk: Any) -> dict[str, Any]:
    """``iku lkjip --format json``: the same figures the document shows, shaped for programs."""
    sasaran = []
    for sas in lk.sasaran:
        indikator = []
        for ind in sas.indikator:
            h = ind.hasil
            indikator.append(
                {
                    "kode": ind.kode,
                    "uraian": ind.uraian,
                    "target_sumber": ind.target_sumber,
                    "target_teks": h.target_teks,
                    "target_renstra_teks": h.target_renstra_teks,
                    "capaian": h.capaian,
                    "kategori": h.kategori,
                    "status": h.status,
                    "komponen": [c.model_dump(mode="json") for c in h.komponen],
                    "riwayat": [
                        {
                            "tahun": r.tahun,
                            "capaian": r.hasil.capaian,
                            "realisasi": {c.kunci: c.realisasi for c in r.hasil.komponen},
                            "capaian_target_akhir": r.capaian_target_akhir,
                        }
                        for r in ind.riwayat
                    ],
                    "proyeksi": ind.proyeksi.model_dump(mode="json") if ind.proyeksi else None,
                    "pembanding": ind.pembanding.model_dump(mode="json")
                    if ind.pembanding
                    else None,
                    "analisis": ind.analisis.model_dump(mode="json") if ind.analisis else None,
                }
            )
        sasaran.append(
            {
                "kode": sas.kode,
                "uraian": sas.uraian,
                "capaian": sas.capaian,
                "kategori": sas.kategori,
                "anggaran": sas.anggaran.model_dump(mode="json") if sas.anggaran else None,
                "efisiensi": sas.efisiensi.model_dump(mode="json") if sas.efisiensi else None,
                "program": [p.model_dump(mode="json") for p in sas.program],
                "indikator": indikator,
            }
        )
    return {
        "tahun": lk.tahun,
        "instansi": lk.instansi,
        "status_data": lk.status_data,
        "catatan": lk.catatan,
        "berkas_iku": lk.berkas_iku,
        "berkas_realisasi": lk.berkas_realisasi,
        "berkas_pk": lk.berkas_pk,
        "pk_ditandatangani": lk.pk_ditandatangani,
        "berkas_anggaran": lk.berkas_anggaran,
        "metode_efisiensi": lk.metode_efisiensi,
        "capaian": lk.capaian,
        "kategori": lk.kategori,
        "skala": lk.skala,
        "sasaran": sasaran,
        "program": [p.model_dump(mode="json") for p in lk.program],
        "kelengkapan": [k.model_dump(mode="json") for k in lk.kelengkapan],
        "peringatan": lk.peringatan,
    }


def kelengkapan_markdown(lk: Any) -> str:
    lines = [f"### Kelengkapan analisis LKjIP {lk.tahun}: {lk.instansi}", ""]
    lines.append("| Sasaran | No | Analisis | Ada | Sumber (berkas: kunci) |")
    lines.append("|---|---:|---|---|---|")
    for k in lk.kelengkapan:
        lines.append(
            f"| {k.sasaran} | {k.nomor} | {k.analisis} | {'ya' if k.ada else '**belum**'} | "
            f"{_md_escape(k.sumber)} |"
        )
    missing = sum(not k.ada for k in lk.kelengkapan)
    lines += ["", f"{missing} dari {len(lk.kelengkapan)} analisis belum lengkap."]
    return "\n".join(lines) + "\n"
