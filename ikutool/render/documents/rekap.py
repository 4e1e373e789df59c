"""The roll-up across agencies in every format, from one :class:`ikutool.reports.rekap.Rekap`."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ikutool.formatting.numbers import format_angka
from ikutool.render.formats import csvsafe
from ikutool.reports.rekap import BarisRekap, Rekap


def _year(b: BarisRekap, year: int) -> Any:
    return next((t for t in b.tahun if t.tahun == year), None)


def _name(b: BarisRekap) -> str:
    return f"{b.instansi} ({b.folder})" if b.instansi else b.folder


def _sasaran_text(t: Any, sep: str = "; ") -> str:
    from ikutool.compute.capaian import STATUS_TEXT

    if t is None:
        return "-"
    return sep.join(
        f"{s.kode} "
        + (format_angka(s.capaian, 2) if s.capaian is not None else STATUS_TEXT.get(s.status, "-"))
        for s in t.sasaran
    )


def _status(b: BarisRekap) -> str:
    if b.galat:
        first = b.galat[0]
        where = ":".join(
            str(x) for x in (first.get("berkas"), first.get("baris"), first.get("kolom")) if x
        )
        more = f" (+{len(b.galat) - 1} galat lagi)" if len(b.galat) > 1 else ""
        return f"GALAT di {where}: {first['pesan']}{more}"
    text = "; ".join([*b.kurang, *b.peringatan]) or "lengkap"
    statuses = {t.status_data for t in b.tahun} | {t.status_pk for t in b.tahun}
    if "contoh" in statuses:
        text += "; data CONTOH"
    elif "sementara" in statuses:
        text += "; data sementara"
    return text


def contoh_notice(names: list[str]) -> str:
    """The notice that the figures of ``names`` (agencies) are illustrative: how many, and the
    first five by name (a name may hold commas, so they are parted by semicolons)."""
    shown = "; ".join(names[:5]) + (f"; dan {len(names) - 5} lainnya" if len(names) > 5 else "")
    return (
        f"CATATAN: data {len(names)} instansi berstatus CONTOH - angka ilustrasi, bukan data "
        f"resmi ({shown})."
    )


def notice(rekap: Rekap) -> str | None:
    """Which agencies' figures are illustrative (status: contoh) or not final: said in every
    output, as capaian says it for one agency."""
    parts = []
    contoh = rekap.berstatus("contoh")
    if contoh:
        parts.append(contoh_notice(contoh))
    sementara = [f for f in rekap.berstatus("sementara") if f not in contoh]
    if sementara:
        parts.append(
            f"Catatan: realisasi {len(sementara)} instansi berstatus SEMENTARA (belum final)."
        )
    return " ".join(parts) or None


def rows(rekap: Rekap) -> list[list[str]]:
    """The table's rows as text (table, Markdown and HTML share them)."""
    single = len(rekap.tahun) == 1
    out = []
    for no, b in enumerate(rekap.baris, 1):
        last = _year(b, rekap.tahun[-1])
        row = [
            str(no),
            _name(b),
            str(b.jumlah_indikator) if b.jumlah_indikator is not None else "-",
        ]
        row.append(_terisi(last))
        if single:
            row.append(_sasaran_text(last))
            row.append(_capaian(last))
            row.append(_kategori(last))
        else:
            for y in rekap.tahun:
                row.append(_capaian(_year(b, y)))
            row.append(_kategori(last))
        row.append(_status(b))
        out.append(row)
    return out


def _partial(t: Any) -> str:
    """`` (s.d. TW II)`` beside every figure of a year built from fewer quarters."""
    return f" (s.d. TW {t.sd_triwulan})" if t is not None and t.sd_triwulan else ""


def _capaian(t: Any) -> str:
    if t is None or t.capaian is None:
        return "-"
    return format_angka(t.capaian, 2) + _partial(t)


def _kategori(t: Any) -> str:
    return (t.kategori + _partial(t)) if t is not None and t.kategori else "-"


def _terisi(t: Any) -> str:
    """Indicators with a capaian figure out of those with a target; composites computed from
    some of their components are counted, and said to be partial."""
    if t is None:
        return "-"
    text = f"{t.dengan_realisasi} dari {t.bertarget}"
    return text + (f" ({len(t.sebagian)} sebagian)" if t.sebagian else "")


def header(rekap: Rekap) -> list[str]:
    y = rekap.tahun[-1]
    head = ["No", "Instansi (folder)", "Indikator", f"Terisi {y}"]
    if len(rekap.tahun) == 1:
        head += ["Capaian per sasaran (%)", "Capaian (%)", "Kategori"]
    else:
        head += [f"Capaian {t} (%)" for t in rekap.tahun] + [f"Kategori {y}"]
    return head + ["Kurang / galat"]


def _title(rekap: Rekap) -> str:
    span = rekap.tahun
    years = f"{span[0]}" + (f"-{span[-1]}" if len(span) > 1 else "")
    return f"REKAPITULASI CAPAIAN KINERJA {len(rekap.baris)} INSTANSI, TAHUN {years}"


def _summary(rekap: Rekap, *, document: bool = True) -> str:
    """How many agencies got a figure, had none yet, or could not be read. ``document``: no
    folder path or reference to the terminal (a workbook or page handed on)."""
    bad = rekap.jumlah_galat
    figure = rekap.dengan_angka()
    none = len(rekap.baris) - bad - figure
    year = rekap.tahun[-1]
    parts = [f"{figure} instansi dengan angka capaian {year}"]
    if none:
        parts.append(f"{none} tanpa angka capaian {year} (lihat kolom terakhir)")
    if bad:
        parts.append(f"{bad} dengan galat pada berkasnya (lihat kolom terakhir)")
    text = f"{len(rekap.baris)} instansi: " + ", ".join(parts) + "."
    same = sum(1 for b in rekap.baris if b.peringatan)
    if same:
        text += f" {same} instansi bernama sama dengan instansi lain; periksa foldernya."
    if not document:
        text += f" Folder: {rekap.folder}." + (" Pesan galat lengkap di stderr." if bad else "")
    return text


def rekap_view(rekap: Rekap, width: int | None = None) -> Any:
    """The roll-up table, or a list (one block per agency) when the terminal is too narrow to
    show every figure whole."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from ikutool.render.documents.tables import fits

    table = Table(title=_title(rekap), header_style="bold")
    numeric = {0, 2}
    head = header(rekap)
    for i, h in enumerate(head):
        right = i in numeric or h.startswith("Capaian ") and "per sasaran" not in h
        # the last column holds file paths (where a bad agency's first error is): folded, never
        # cut to "..."
        table.add_column(
            h,
            justify="right" if right else "left",
            overflow="fold" if i == len(head) - 1 else "ellipsis",
        )
    body = rows(rekap)
    for b, row in zip(rekap.baris, body, strict=True):
        cells = [Text(c) for c in row]
        if b.galat:
            cells[-1].stylize("bold red")
        table.add_row(*cells)
    note = notice(rekap)
    warn = [Text(note, style="bold yellow")] if note else []
    if fits(table, width):
        return Group(*warn, table, Text(_summary(rekap, document=False)), *warn)
    listing = Text(_title(rekap) + "\n", style="bold")
    for b, row in zip(rekap.baris, body, strict=True):
        listing.append(f"\n{row[0]}. {row[1]}\n", style="bold")
        for h, value in zip(head[2:], row[2:], strict=True):
            listing.append(f"   {h}: ")
            listing.append(value + "\n", style="bold red" if b.galat and h == head[-1] else "")
    return Group(*warn, listing, Text("\n" + _summary(rekap, document=False)), *warn)


def rekap_markdown(rekap: Rekap) -> str:
    from ikutool.render.blocks import md_escape

    lines = [f"### {md_escape(_title(rekap))}", ""]
    note = notice(rekap)
    if note:
        lines += [f"**{md_escape(note)}**", ""]
    head = header(rekap)
    lines.append("| " + " | ".join(head) + " |")
    lines.append(
        "|"
        + "|".join(
            "---:" if h in ("No", "Indikator") or "(%)" in h and "sasaran" not in h else "---"
            for h in head
        )
        + "|"
    )
    for row in rows(rekap):
        lines.append("| " + " | ".join(md_escape(c).replace("\n", "<br>") for c in row) + " |")
    lines += ["", md_escape(_summary(rekap))] + ([f"**{md_escape(note)}**"] if note else [])
    return "\n".join(lines) + "\n"


def rekap_csv(rekap: Rekap) -> str:
    """Long format, for programs: one row per agency, year and sasaran (sasaran "" is the
    agency's mean), dot decimals, unrounded."""
    buf = io.StringIO()
    w = csvsafe.writer(buf)
    w.writerow(
        ["folder", "instansi", "tahun", "sasaran", "capaian", "kategori", "status_data", "galat"]
    )
    for b in rekap.baris:
        status = _status(b) if b.galat else ""
        if not b.tahun:
            w.writerow([b.folder, b.instansi or "", "", "", "", "", "", status])
        for t in b.tahun:
            w.writerow(
                [
                    b.folder,
                    b.instansi,
                    t.tahun,
                    "",
                    _num(t.capaian),
                    t.kategori or "",
                    t.status_data or "",
                    status,
                ]
            )
            for s in t.sasaran:
                w.writerow(
                    [
                        b.folder,
                        b.instansi,
                        t.tahun,
                        s.kode,
                        _num(s.capaian),
                        s.kategori or "",
                        t.status_data or "",
                        status,
                    ]
                )
    return buf.getvalue()


def _num(v: float | None) -> str:
    return "" if v is None else repr(v)


def rekap_data(rekap: Rekap) -> dict[str, Any]:
    data = rekap.model_dump(mode="json")
    data["jumlah_galat"] = rekap.jumlah_galat
    data["catatan"] = notice(rekap)
    return data


def rekap_html(rekap: Rekap) -> str:
    from ikutool.render.documents.rekap_tahun import rekap_page
    from ikutool.render.formats.html import html

    return html(rekap_page(rekap))


def rekap_xlsx(rekap: Rekap, scratch: Path | None = None) -> bytes:
    from ikutool.render.documents.rekap_tahun import rekap_book
    from ikutool.render.formats.xlsx import document_xlsx

    return document_xlsx(rekap_book(rekap), scratch=scratch)


def rekap_parquet(rekap: Rekap) -> bytes:
    """The facts, one row per agency, year and indicator, typed and denormalised (the agency's and
    the sasaran's capaian repeated on each row), for DuckDB or any warehouse. An agency whose
    files are wrong has no rows here; the table, JSON and the exit code report it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("pemerintah", pa.string()),
            ("folder", pa.string()),
            ("instansi", pa.string()),
            ("tahun", pa.int16()),
            ("status_data", pa.string()),
            ("instansi_capaian", pa.float64()),
            ("instansi_kategori", pa.string()),
            ("sasaran", pa.string()),
            ("sasaran_capaian", pa.float64()),
            ("indikator", pa.string()),
            ("uraian", pa.string()),
            ("bidang", pa.string()),
            ("target", pa.string()),
            ("target_sumber", pa.string()),
            ("capaian", pa.float64()),
            ("kategori", pa.string()),
            ("status", pa.string()),
        ]
    )
    cols: dict[str, list[Any]] = {name: [] for name in schema.names}
    for b in rekap.baris:
        for t in b.tahun:
            sasaran = {s.kode: s.capaian for s in t.sasaran}
            for ind in t.indikator:
                for name, value in (
                    ("pemerintah", b.pemerintah),
                    ("folder", b.folder),
                    ("instansi", b.instansi),
                    ("tahun", t.tahun),
                    ("status_data", t.status_data),
                    ("instansi_capaian", t.capaian),
                    ("instansi_kategori", t.kategori),
                    ("sasaran", ind.sasaran),
                    ("sasaran_capaian", sasaran.get(ind.sasaran)),
                    ("indikator", ind.kode),
                    ("uraian", ind.uraian),
                    ("bidang", ind.bidang),
                    ("target", ind.target_teks),
                    ("target_sumber", ind.target_sumber),
                    ("capaian", ind.capaian),
                    ("kategori", ind.kategori),
                    ("status", ind.status),
                ):
                    cols[name].append(value)
    table = pa.table(cols, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def _triwulan_charts(r: Any) -> list[Any]:
    """Agencies ranked by capaian s.d. the quarter (against their plans), and how much of the
    quarter each has reported."""
    from ikutool.render.documents.grafik import pelaporan_chart, peringkat_chart

    shown = [b for b in r.baris if b.ok and b.dalam_periode]
    charts = [
        peringkat_chart(
            "Grafik 1",
            f"Capaian s.d. triwulan {r.triwulan} tahun {r.tahun} per instansi, berurutan",
            [(b.instansi or b.folder, b.capaian_sd_tw, b.kategori) for b in shown],
            "Angka lengkap pada tabel di atas.",
        ),
        pelaporan_chart(
            "Grafik 2",
            f"Indikator yang sudah terisi realisasi triwulan {r.triwulan} tahun {r.tahun}",
            [(b.instansi or b.folder, b.terisi, b.jumlah_indikator) for b in shown],
            "Angka lengkap pada kolom Indikator terisi di tabel di atas.",
        ),
    ]
    return [g for g in charts if g is not None]


def rekap_chart(rekap: Rekap) -> Any:
    """The yearly roll-up's chart: agencies ranked by their capaian of the last year shown."""
    from ikutool.render.documents.grafik import peringkat_chart

    year = rekap.tahun[-1]
    rows = []
    for b in rekap.baris:
        t = _year(b, year) if b.ok else None
        rows.append((_name(b), t.capaian if t else None, t.kategori if t else None))
    return peringkat_chart(
        "Grafik 1",
        f"Capaian kinerja per instansi tahun {year}, berurutan",
        rows,
        "Angka lengkap pada tabel rekapitulasi.",
    )


def rekap_triwulan_document(r: Any) -> Any:
    """The quarterly roll-up as a block document (terminal, Markdown, Excel, Word)."""
    from ikutool.formatting.numbers import format_angka
    from ikutool.render.blocks import Block, Dokumen, Heading, Para, Run, Tabel

    def pct(v: float | None, mark: str = "") -> str:
        return format_angka(v, 2) + mark if v is not None else "-"

    rows: list[list[Run]] = []
    for n, b in enumerate(r.baris, 1):
        if not b.ok:
            rows.append([str(n), b.instansi or b.folder, "-", "-", "-", "-", "-", "-", "-",
                         "berkas salah (lihat daftar galat)"])  # fmt: skip
            continue
        mark = f" (s.d. TW {b.sd_triwulan})" if b.sd_triwulan else ""
        rows.append(
            [str(n), b.instansi or b.folder,
             ("ya" if b.dilaporkan else "belum") if b.dalam_periode else "-",
             f"{b.terisi} dari {b.jumlah_indikator}", pct(b.capaian_tw),
             pct(b.capaian_sd_tw, mark), pct(b.progres_tahun, mark),
             (b.kategori + mark) if b.kategori else "-", pct(b.serapan_sd_tw),
             "; ".join(b.kurang) or "-"]
        )  # fmt: skip
    late = r.belum_lapor
    blocks: list[Block] = [
        Heading(0, f"REKAPITULASI KINERJA TRIWULAN {r.triwulan} TAHUN {r.tahun}"),
        Tabel(
            "",
            f"Capaian s.d. triwulan {r.triwulan} tahun {r.tahun} per instansi",
            [
                "No",
                "Instansi",
                f"Melapor TW {r.triwulan}",
                "Indikator terisi",
                f"Capaian TW {r.triwulan} (%)",
                f"Capaian s.d. TW {r.triwulan} (%)",
                "Progres terhadap target tahunan (%)",
                "Kategori",
                f"Serapan anggaran s.d. TW {r.triwulan} (%)",
                "Keterangan",
            ],
            rows,
            ["l", "l", "l", "l", "r", "r", "r", "l", "r", "l"],
            catatan=[
                "Capaian setiap instansi dihitung seperti laporan triwulannya sendiri: rata-rata "
                "sasarannya, realisasi dan target s.d. triwulan menurut aturan triwulan setiap "
                "indikator. Capaian s.d. triwulan dinilai terhadap rencana aksi; progres terhadap "
                "target tahunan tidak dikategorikan sebelum TW IV.",
            ],
        ),  # fmt: skip
        Para(
            [f"Belum melaporkan TW {r.triwulan}: {', '.join(late)}."]
            if late
            else [f"Semua instansi sudah melaporkan TW {r.triwulan}."]
        ),
    ]
    blocks += _triwulan_charts(r)
    contoh = [b.folder for b in r.baris if b.status_data == "contoh"]
    notes = [contoh_notice(contoh)] if contoh else []
    return Dokumen(
        judul=f"Rekap Triwulan {r.triwulan} {r.tahun}",
        blocks=[*[Para([n], kind="note") for n in notes], *blocks],
        peringatan_halaman=notes,
        landscape=True,
    )
