"""Machine-readable and paste-able outputs (JSON, CSV, Markdown), built from the same results the
terminal tables show."""

from __future__ import annotations

import io
import json
from typing import Any

from ikutool.compute.capaian import HasilCapaian, HasilIndikator, HasilKomponen, HasilSasaran
from ikutool.errors import Finding
from ikutool.model.iku import Iku
from ikutool.render.formats import csvsafe
from ikutool.render.wording import (
    notice,
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
    """The parsed definition, every field of every indicator (the Manual IKU's included, null
    where the file leaves it empty); year keys as strings, null where there is no target."""
    wanted = years or list(iku.periode.tahun)

    def indicator(ind: Any) -> dict[str, Any]:
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
        return data

    levels: dict[str, list[dict[str, Any]]] = {"tujuan": [], "sasaran": []}
    for group in iku.groups():
        indikator = [
            indicator(ind) for ind in group.indikator if codes is None or ind.kode in codes
        ]
        if codes is not None and not indikator:
            continue
        entry: dict[str, Any] = {"kode": group.kode, "uraian": group.uraian}
        if group.jenis != "tujuan":
            entry["jenis"] = group.jenis
            entry["tujuan"] = group.tujuan  # type: ignore[union-attr]
        entry["indikator"] = indikator
        levels["tujuan" if group.jenis == "tujuan" else "sasaran"].append(entry)
    out = {"berkas_iku": iku.berkas, **iku.model_dump(mode="json", exclude={"sasaran", "tujuan"})}
    out["tujuan"] = levels["tujuan"]
    out["sasaran"] = levels["sasaran"]
    return out


def manual_data(manual: Any) -> dict[str, Any]:
    """``iku manual --format json``: every field of every indicator (null where the IKU file
    leaves it empty, listed in ``kosong``), and which are complete."""
    data = manual.model_dump(mode="json")
    data["lengkap"] = manual.lengkap
    return data


def capaian_data(result: HasilCapaian) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    data["catatan"] = notice(result)
    return data


# the columns of ``iku capaian --format csv``: a row per component (or per indicator without any)
CAPAIAN_CSV_COLUMNS = (
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
    "sasaran_jenis",
    "komponen_jenis",
    "target_tulisan",
    "realisasi_tulisan",
    "kesimpulan",
    "sd_triwulan",
    "pk_perubahan",
)


def capaian_csv(result: HasilCapaian) -> str:
    buf = io.StringIO()
    writer = csvsafe.writer(buf)
    writer.writerow(list(CAPAIAN_CSV_COLUMNS))
    for sas in result.sasaran:
        for ind in sas.indikator:
            comps: list[HasilKomponen | None] = [*ind.komponen] or [None]
            for comp in comps:
                writer.writerow(_capaian_row(result, sas, ind, comp))
    return buf.getvalue()


def _num(v: float | None) -> str:
    return "" if v is None else repr(v)


def _capaian_row(
    result: HasilCapaian, sas: HasilSasaran, ind: HasilIndikator, comp: HasilKomponen | None
) -> list[Any]:
    """One row of :data:`CAPAIAN_CSV_COLUMNS`: a component of ``ind``, or ``ind`` itself
    (``comp`` None) when it has no components."""
    return [
        result.tahun,
        result.status_data or "",
        sas.kode,
        sas.uraian,
        _num(sas.capaian),
        ind.kode,
        ind.uraian,
        ind.polaritas,
        comp.kunci if comp else "",
        comp.satuan if comp else "",
        _num(comp.target) if comp else "",
        _num(comp.target_maks) if comp else "",
        _num(comp.realisasi) if comp else "",
        _num(comp.capaian) if comp else "",
        comp.status if comp else ind.status,
        _num(ind.capaian),
        ind.status,
        ind.target_sumber or "",
        ind.kategori or "",
        result.berkas_iku or "",
        result.berkas_realisasi or "",
        "; ".join(
            [
                *ind.peringatan_target,
                *ind.peringatan,
                *(comp.peringatan_realisasi if comp else []),
                *(comp.peringatan if comp else []),
            ]
        ),
        sas.jenis,
        comp.jenis if comp else "",
        (comp.target_tulisan or "") if comp else (ind.target_teks or ""),
        (comp.realisasi_tulisan or "") if comp else "",
        (comp.kesimpulan or "") if comp else "",
        (comp.sd_triwulan or "") if comp else "",
        ind.pk_perubahan or "",
    ]


def capaian_markdown(result: HasilCapaian) -> str:
    from ikutool.render.blocks import markdown
    from ikutool.render.documents.laporan import capaian_document

    return markdown(capaian_document(result))


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
    from ikutool.render.wording import kalimat, report_notices

    data = laporan.model_dump(mode="json", exclude={"per_tahun"})
    for sas_d, sas in zip(data["sasaran"], laporan.sasaran, strict=True):
        for ind_d, ind in zip(sas_d["indikator"], sas.indikator, strict=True):
            for row_d, row in zip(ind_d["tahun"], ind.tahun, strict=True):
                row_d["kalimat"] = kalimat(row)
    data["catatan"] = report_notices(laporan)
    return data


def report_markdown(laporan: Any) -> str:
    from ikutool.render.blocks import markdown
    from ikutool.render.documents.laporan import report_document

    return markdown(report_document(laporan))


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
        "anggaran": lk.anggaran.model_dump(mode="json") if lk.anggaran else None,
        "kelengkapan": [k.model_dump(mode="json") for k in lk.kelengkapan],
        "peringatan": lk.peringatan,
    }


def kelengkapan_markdown(lk: Any) -> str:
    from ikutool.render.blocks import md_escape

    lines = [f"### Kelengkapan analisis LKjIP {lk.tahun}: {lk.instansi}", ""]
    lines.append("| Sasaran | No | Analisis | Ada | Sumber (berkas: kunci) |")
    lines.append("|---|---:|---|---|---|")
    for k in lk.kelengkapan:
        lines.append(
            f"| {k.sasaran} | {k.nomor} | {k.analisis} | "
            + ("ya" if k.ada else f"**{k.keadaan}**")
            + " | "
            f"{md_escape(k.sumber)} |"
        )
    missing = sum(not k.ada for k in lk.kelengkapan)
    lines += ["", f"{missing} dari {len(lk.kelengkapan)} analisis belum lengkap."]
    return "\n".join(lines) + "\n"
