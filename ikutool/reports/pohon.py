"""The pohon kinerja of a year, derived once from the year's files: every node with its owner,
its indicators and the target in force that year (the PK's where the year's PK sets one, else
the Renstra's for the IKU's tujuan and sasaran; the tree's, else the year's program file, below),
its pagu from the year's program file, and the RPJMD sasaran above the agency's. The picture,
the cascading sheet, the PK per eselon, the Matriks Peran dan Hasil and JSON are views of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.model.iku import Result

if TYPE_CHECKING:
    from ikutool.inputs.pk import PkTahun
    from ikutool.inputs.pohon import IndikatorPohon, Pohon, Simpul
    from ikutool.inputs.program import Kegiatan, ProgramTahun
    from ikutool.inputs.rpjmd import Rpjmd
    from ikutool.model.iku import Iku


class IndikatorSimpul(Result):
    kode: str
    uraian: str
    target: str | None  # the year's target as its document writes it (None: "-")
    sumber: str  # Renstra | PK | pohon | program
    bagian_dari: str | None = None


class Crosscut(Result):
    instansi: str  # the agency contributed to (or, received: the agency contributing)
    kode: str
    peran: str | None
    uraian: str | None = None  # the node's wording, when the other agency's tree is known


class SimpulPohon(Result):
    kode: str
    level: str
    uraian: str
    induk: str | None
    kedalaman: int
    pemilik: str | None
    jabatan: str | None
    nama: str | None
    nip: str | None
    eselon: str | None
    mendukung: list[str]
    indikator: list[IndikatorSimpul]
    pagu: float | None
    pagu_catatan: str | None
    crosscutting: list[Crosscut]
    diterima: list[Crosscut] = []  # crosscutting other agencies contribute here (rekap)
    tanpa_induk: bool = False
    instansi: str | None = None


class SasaranRpjmdPohon(Result):
    kode: str
    uraian: str
    tujuan: str | None
    tujuan_uraian: str | None
    indikator: list[IndikatorSimpul]
    didukung: list[str]  # the agency's nodes that support it


class PejabatPohon(Result):
    kode: str
    jabatan: str
    eselon: str
    nama: str | None
    nip: str | None
    pangkat: str | None
    atasan: str | None


class HasilPohon(Result):
    instansi: str
    kode_instansi: str | None
    pemerintah: str | None
    kota: str | None
    tahun: int
    periode_awal: int
    periode_akhir: int
    status_data: str | None
    berkas_pohon: str
    berkas_rpjmd: str | None
    berkas_program: str | None
    berkas_pk: str | None
    kepala_daerah: dict[str, str | None] | None
    rpjmd: list[SasaranRpjmdPohon]
    simpul: list[SimpulPohon]
    pejabat: list[PejabatPohon]
    catatan: list[str] = []

    def node(self, kode: str) -> SimpulPohon | None:
        return next((s for s in self.simpul if s.kode == kode), None)

    def anak(self, kode: str) -> list[SimpulPohon]:
        return [s for s in self.simpul if s.induk == kode and not s.tanpa_induk]

    def akar(self) -> list[SimpulPohon]:
        codes = {s.kode for s in self.simpul}
        return [s for s in self.simpul if s.induk is None or s.induk not in codes or s.tanpa_induk]


def _target_text(t: Any) -> str | None:
    return t.teks if t is not None else None


def _indicators(
    iku: Iku, node: Simpul, tahun: int, pk: PkTahun | None, item: Kegiatan | None
) -> list[IndikatorSimpul]:
    out = []
    for ind in node.indikator:
        out.append(_indicator(iku, ind, tahun, pk))
    if not node.indikator and item is not None:
        out += [
            IndikatorSimpul.model_construct(
                kode=i.kode,
                uraian=i.uraian,
                target=_target_text(i.target),
                sumber="program",
                bagian_dari=None,
            )
            for i in item.indikator
        ]
    return out


def _indicator(iku: Iku, ind: IndikatorPohon, tahun: int, pk: PkTahun | None) -> IndikatorSimpul:
    if ind.sumber == "iku":
        signed = pk.target.get(ind.kode) if pk is not None else None
        if signed is not None:
            return IndikatorSimpul.model_construct(
                kode=ind.kode, uraian=ind.uraian, target=signed.teks, sumber="PK",
                bagian_dari=None,
            )  # fmt: skip
        source = "Renstra"
    else:
        source = "pohon"
    return IndikatorSimpul.model_construct(
        kode=ind.kode,
        uraian=ind.uraian,
        target=_target_text(ind.target.get(tahun)),
        sumber=source,
        bagian_dari=ind.bagian_dari,
    )


def _items(program: ProgramTahun | None) -> dict[str, Kegiatan]:
    out: dict[str, Kegiatan] = {}
    if program is None:
        return out
    for p in program.program:
        for k in [p, *p.kegiatan, *(s for x in p.kegiatan for s in x.sub_kegiatan)]:
            if k.kode:
                out.setdefault(k.kode, k)
    return out


def build_pohon(
    iku: Iku,
    tree: Pohon,
    tahun: int,
    *,
    rpjmd: Rpjmd | None = None,
    pk: PkTahun | None = None,
    program: ProgramTahun | None = None,
) -> HasilPohon:
    from ikutool.compute.capaian import status_notes

    items = _items(program)
    nodes = [_simpul(iku, tree, node, depth, tahun, pk, items) for node, depth in tree.walk()]
    above = _rpjmd(iku, tree, rpjmd, tahun)
    sources = [
        ("pohon kinerja", tree.status),
        ("anggaran program", program.status if program is not None else None),
        ("RPJMD", rpjmd.model.status if rpjmd is not None else None),
    ]
    head = rpjmd.model.kepala_daerah if rpjmd is not None else None
    return HasilPohon.model_construct(
        instansi=iku.instansi.nama,
        kode_instansi=tree.instansi,
        pemerintah=iku.instansi.pemerintah or (rpjmd.model.pemerintah if rpjmd else None),
        kota=iku.instansi.kota,
        tahun=tahun,
        periode_awal=iku.periode.awal,
        periode_akhir=iku.periode.akhir,
        status_data=tree.status,
        berkas_pohon=tree.file,
        berkas_rpjmd=rpjmd.file if rpjmd is not None else None,
        berkas_program=program.file if program is not None else None,
        berkas_pk=pk.file if pk is not None else None,
        kepala_daerah=head.model_dump() if head is not None else None,
        rpjmd=above,
        simpul=nodes,
        pejabat=_pejabat(tree),
        catatan=status_notes(tahun, [(what, st) for what, st in sources if st]),
    )


def _simpul(
    iku: Iku,
    tree: Pohon,
    node: Simpul,
    depth: int,
    tahun: int,
    pk: PkTahun | None,
    items: dict[str, Kegiatan],
) -> SimpulPohon:
    """One node of the tree with its owner, its indicators' targets of the year and its pagu
    (a program, kegiatan or sub kegiatan's, from the program file)."""
    owner = tree.owner(node)
    item = items.get(node.kode) if node.level in ("program", "kegiatan", "sub_kegiatan") else None
    pagu, note = None, None
    if item is not None:
        pagu = item.uang.field("pagu")
        if pagu is None and item.uang.kurang_field("pagu"):
            note = "pagu tidak dijumlah: belum ada pagu " + ", ".join(
                item.uang.kurang_field("pagu")
            )
    return SimpulPohon.model_construct(
        kode=node.kode,
        level=node.level,
        uraian=node.uraian,
        induk=node.induk,
        kedalaman=depth,
        pemilik=node.pemilik,
        jabatan=owner.jabatan if owner else None,
        nama=owner.nama if owner else None,
        nip=owner.nip if owner else None,
        eselon=owner.eselon if owner else None,
        mendukung=list(node.mendukung),
        indikator=_indicators(iku, node, tahun, pk, item),
        pagu=pagu,
        pagu_catatan=note,
        crosscutting=[
            Crosscut.model_construct(instansi=c.instansi, kode=c.kode, peran=c.peran)
            for c in node.crosscutting
        ],
        diterima=[],
        tanpa_induk=node.yatim,
        instansi=tree.instansi,
    )


def _pejabat(tree: Pohon) -> list[PejabatPohon]:
    return [
        PejabatPohon.model_construct(
            kode=p.kode,
            jabatan=p.jabatan,
            eselon=p.eselon,
            nama=p.nama,
            nip=p.nip,
            pangkat=p.pangkat,
            atasan=p.atasan,
        )  # fmt: skip
        for p in tree.pejabat.values()
    ]


def _rpjmd(iku: Iku, tree: Pohon, rpjmd: Rpjmd | None, tahun: int) -> list[SasaranRpjmdPohon]:
    """The RPJMD sasaran the agency's nodes support, in the RPJMD's order (every one when the
    RPJMD is known, each with the nodes that support it; else the codes the tree names)."""
    support: dict[str, list[str]] = {}
    for node, _ in tree.walk():
        for kode in node.mendukung:
            support.setdefault(kode, []).append(node.kode)
    if rpjmd is None:
        return [
            SasaranRpjmdPohon.model_construct(
                kode=k, uraian=k, tujuan=None, tujuan_uraian=None, indikator=[], didukung=v
            )
            for k, v in support.items()
        ]
    out = []
    for s in rpjmd.model.sasaran:
        tujuan = rpjmd.tujuan(s.tujuan) if s.tujuan else None
        out.append(
            SasaranRpjmdPohon.model_construct(
                kode=s.kode,
                uraian=s.uraian,
                tujuan=s.tujuan,
                tujuan_uraian=tujuan.uraian if tujuan else None,
                indikator=[
                    IndikatorSimpul.model_construct(
                        kode=i.kode,
                        uraian=i.uraian,
                        target=_target_text(i.target.get(tahun)),
                        sumber="RPJMD",
                        bagian_dari=None,
                    )  # fmt: skip
                    for i in s.indikator
                ],
                didukung=support.get(s.kode, []),
            )
        )
    return out
