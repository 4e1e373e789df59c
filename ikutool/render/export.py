"""Machine-readable and paste-able outputs (JSON, CSV, Markdown), built from the same results the
terminal tables show."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ikutool.capaian import HasilCapaian
from ikutool.errors import Finding
from ikutool.model import Iku
from ikutool.render.text import capaian_cell, component_label, notice, quantity


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
    out = iku.model_dump(mode="json", exclude={"sasaran"})
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
            "kategori",
        ]
    )

    def num(v: float | None) -> str:
        return "" if v is None else repr(v)

    for sas in result.sasaran:
        for ind in sas.indikator:
            for comp in ind.komponen or [None]:
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
                        ind.kategori or "",
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
            for ci, comp in enumerate(ind.komponen or [None]):  # type: ignore[list-item]
                label = f"{ind.kode} {ind.uraian}" if ci == 0 else ""
                if multi and comp is not None:
                    label += ("<br>" if label else "") + f"- {component_label(comp)}"
                cells = [
                    str(no) if first else "",
                    f"{sas.kode} {sas.uraian}" if first else "",
                    label,
                    (comp.satuan if comp else "") or "-",
                    quantity(comp.target, "", comp.target_maks)
                    if comp
                    else (ind.target_teks or "-"),
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
                    f"| | | **Capaian {ind.kode}** (rata-rata komponen) | | | | "
                    f"**{capaian_cell(ind.capaian, ind.status)}** | {ind.kategori or '-'} |"
                )
        lines.append(
            f"| | | **Capaian sasaran {sas.kode}** | | | | "
            f"**{capaian_cell(sas.capaian, 'ada' if sas.capaian is not None else 'belum_ada_realisasi')}** | "
            f"{sas.kategori or '-'} |"
        )
    lines.append("")
    lines.append(
        f"Capaian rata-rata {len(result.sasaran)} sasaran: **{capaian_cell(result.capaian, 'ada')} %**"
        + (f" ({result.kategori})" if result.kategori else "")
        + f". Skala: {result.skala}."
    )
    if note:
        lines += ["", f"> **{note}**"]
    return "\n".join(lines) + "\n"


def findings_data(file: str, findings: list[Finding]) -> dict[str, Any]:
    errors = [f for f in findings if f.is_error]
    return {
        "berkas": file,
        "sah": not errors,
        "jumlah_galat": len(errors),
        "jumlah_peringatan": len(findings) - len(errors),
        "temuan": [f.to_dict() for f in findings],
    }
