"""Shared wording: how figures and statuses read in Bahasa Indonesia, in every format."""

from __future__ import annotations

from ikutool.capaian import STATUS_TEXT, HasilCapaian, HasilIndikator, HasilKomponen
from ikutool.numfmt import format_angka, format_persen

CONTOH_NOTICE = (
    "CATATAN: realisasi tahun {tahun} berstatus CONTOH - angka ilustrasi, bukan data resmi."
)
STATUS_DATA_NOTICE = {
    "contoh": CONTOH_NOTICE,
    "sementara": "Catatan: realisasi tahun {tahun} berstatus SEMENTARA (belum final).",
}


def notice(result: HasilCapaian) -> str | None:
    text = STATUS_DATA_NOTICE.get(result.status_data or "")
    return text.format(tahun=result.tahun) if text else None


def quantity(value: float | None, satuan: str, maks: float | None = None) -> str:
    if value is None:
        return "-"
    text = format_angka(value)
    if maks is not None:
        text += "-" + format_angka(maks)
    if satuan == "%":
        return text + " %"
    return f"{text} {satuan}".rstrip()


def capaian_cell(value: float | None, status: str) -> str:
    if value is None:
        return STATUS_TEXT.get(status, "-") if status != "ada" else "-"
    return format_angka(value, 2)


def component_label(comp: HasilKomponen) -> str:
    return comp.uraian or comp.satuan or comp.kunci


def explain_component(ind: HasilIndikator, comp: HasilKomponen) -> str:
    """The arithmetic behind one figure, as an auditor would write it by hand."""
    if comp.capaian is None:
        return STATUS_TEXT[comp.status]
    r = format_angka(comp.realisasi)
    result = format_persen(comp.capaian_asli if comp.capaian_asli is not None else comp.capaian)
    prefix = ""
    t_value = comp.target
    if comp.target_maks is not None:
        lo, hi = format_angka(comp.target), format_angka(comp.target_maks)
        if comp.pembanding is None or (comp.target <= (comp.realisasi or 0) <= comp.target_maks):
            return f"{lo} <= {r} <= {hi}: di dalam rentang target = 100,00 %"
        side = "di bawah" if (comp.realisasi or 0) < comp.target else "di atas"
        prefix = f"{side} rentang {lo}-{hi}, dibandingkan dengan {format_angka(comp.pembanding)}: "
        t_value = comp.pembanding
    t = format_angka(t_value)
    if ind.polaritas == "positif":
        body = f"{r} / {t} x 100 = {result}"
    elif ind.rumus_negatif == "kebalikan":
        body = f"{t} / {r} x 100 = {result} (polaritas negatif, rumus kebalikan)"
    else:
        body = f"(2 x {t} - {r}) / {t} x 100 = {result} (polaritas negatif, rumus selisih)"
    if comp.capaian_asli is not None:
        body += f", dibatasi menjadi {format_persen(comp.capaian)}"
    return prefix + body


def explain_mean(values: list[float], weights: list[float] | None, result: float | None) -> str:
    if result is None or not values:
        return "tidak ada angka untuk dirata-ratakan"
    if len(values) == 1:
        return f"= {format_persen(result)}"
    if weights and any(w != 1 for w in weights):
        terms = " + ".join(
            f"{format_angka(w)} x {format_angka(v, 2)}"
            for v, w in zip(values, weights, strict=True)
        )
        return f"({terms}) / {format_angka(sum(weights))} = {format_persen(result)}"
    terms = " + ".join(format_angka(v, 2) for v in values)
    return f"({terms}) / {len(values)} = {format_persen(result)}"
