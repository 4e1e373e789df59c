"""The pohon kinerja's reader, after its model: the officials (codes, superiors), the nodes
(levels, owners, wording and indicators against the IKU), each node under its parent (orphans
drawn apart), the support of the RPJMD's sasaran, the IKU's tujuan and sasaran missing from the
tree, and crosscutting to other agencies; every problem a located finding. The file's models and
the tree itself are in :mod:`ikutool.inputs.pohon`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikutool.errors import Finding
from ikutool.inputs.pohon import (
    LEVEL_NAMA,
    PARENTS,
    Crosscutting,
    IndikatorPohon,
    NodeFile,
    Pejabat,
    PejabatFile,
    Simpul,
    W,
)
from ikutool.model.validation import clip, listing, nearest
from ikutool.yaml_reader import Document, PathT

if TYPE_CHECKING:
    from ikutool.inputs.rpjmd import Rpjmd
    from ikutool.model.iku import Iku


class Reader:
    """The checks of one pohon kinerja, in the order ``pohon_from_document`` calls them; every
    problem is added to ``findings``, located in the file."""

    def __init__(self, doc: Document, iku: Iku, rpjmd: Rpjmd | None, found: list[Finding]):
        self.doc, self.iku, self.rpjmd, self.findings = doc, iku, rpjmd, found

    def add(self, code: str, message: str, path: PathT, **kw: Any) -> None:
        self.findings.append(self.doc.finding(code, message, path, **kw))

    def pejabat(self, items: list[PejabatFile]) -> dict[str, Pejabat]:
        out: dict[str, Pejabat] = {}
        for i, p in enumerate(items):
            if p.kode in out:
                self.add(
                    "IKU205", f"kode pejabat '{clip(p.kode)}' sudah dipakai", ("pejabat", i, "kode")
                )
                continue
            out[p.kode] = Pejabat(p.kode, p.jabatan, p.eselon, p.nama, p.nip, p.pangkat, p.atasan)
        for i, p in enumerate(items):
            if p.atasan is not None and p.atasan not in out:
                self.add(
                    "IKU603",
                    f"atasan '{clip(p.atasan)}' pejabat {p.kode} tidak ada di daftar pejabat"
                    + self._guess(p.atasan, list(out)),
                    ("pejabat", i, "atasan"),
                )
            elif p.atasan is not None and self._circular(out, p.kode):
                self.add(
                    "IKU602",
                    f"atasan pejabat {p.kode} berputar kembali ke dirinya sendiri; periksa 'atasan'",
                    ("pejabat", i, "atasan"),
                )
        return out

    @staticmethod
    def _circular(pejabat: dict[str, Pejabat], kode: str) -> bool:
        seen, here = {kode}, pejabat[kode].atasan
        while here is not None and here in pejabat:
            if here in seen:
                return True
            seen.add(here)
            here = pejabat[here].atasan
        return False

    @staticmethod
    def _guess(word: str, choices: list[str]) -> str:
        guess = nearest(word, choices)
        return f". Mungkin maksudnya '{guess}'?" if guess else ""

    def nodes(self, items: list[NodeFile], pejabat: dict[str, Pejabat]) -> dict[str, Simpul]:
        groups = {g.kode: g for g in self.iku.groups()}
        out: dict[str, Simpul] = {}
        seen_ind: dict[str, str] = {}
        for i, n in enumerate(items):
            where = ("pohon", i)
            key = " ".join(n.kode.split()).casefold()
            if any(" ".join(k.split()).casefold() == key for k in out):
                self.add("IKU205", f"kode simpul '{clip(n.kode)}' sudah dipakai", (*where, "kode"))
                continue
            group = groups.get(n.kode)
            level = n.level or (group.jenis if group is not None else None)
            if level == "kelompok":
                level = "sasaran"
            if level is None:
                self.add(
                    "IKU202",
                    f"simpul {clip(n.kode)} bukan tujuan atau sasaran IKU: tulis jenjangnya, "
                    "mis. 'level: program' (program, kegiatan atau sub_kegiatan)",
                    (*where, "kode"),
                )
                continue
            if level in ("tujuan", "sasaran") and group is None:
                known = [g.kode for g in self.iku.groups()]
                self.add(
                    "IKU603",
                    f"{level} '{clip(n.kode)}' tidak ada di IKU {self.iku.berkas}; simpul tujuan "
                    f"dan sasaran memakai kode IKU ({listing(known)})" + self._guess(n.kode, known),
                    (*where, "kode"),
                )
                continue
            if group is not None and level != ("tujuan" if group.jenis == "tujuan" else "sasaran"):
                self.add(
                    "IKU602",
                    f"{n.kode} adalah {group.jenis} di IKU, bukan {LEVEL_NAMA[level].lower()}; "
                    "hapus 'level' atau pakai kode lain",
                    (*where, "level"),
                )
                continue
            if n.pemilik is not None and n.pemilik not in pejabat:
                self.add(
                    "IKU603",
                    f"pemilik '{clip(n.pemilik)}' simpul {n.kode} tidak ada di daftar pejabat"
                    + self._guess(n.pemilik, list(pejabat)),
                    (*where, "pemilik"),
                )
            uraian = n.uraian or (group.uraian if group is not None else None)
            if uraian is None:
                self.add(
                    "IKU202",
                    f"simpul {clip(n.kode)}: tulis 'uraian' (nama {LEVEL_NAMA[level].lower()} "
                    "seperti di dokumen anggaran)",
                    (*where, "uraian"),  # a missing key is named, as the model's own are
                )
                continue
            inds = self.indicators(n, group, where, seen_ind)
            cross = [
                Crosscutting(c.instansi, c.kode, c.peran, (*where, "crosscutting", j))
                for j, c in enumerate(n.crosscutting)
            ]
            out[n.kode] = Simpul(
                n.kode, level, uraian, n.induk, n.pemilik, list(n.mendukung), inds, cross,
                where, n.keterangan,
            )  # fmt: skip
            if (
                group is not None
                and n.uraian
                and " ".join(n.uraian.split()) != " ".join(group.uraian.split())
            ):
                self.add(
                    "IKU606",
                    f"uraian {n.kode} di pohon kinerja berbeda dari IKU ('{clip(group.uraian)}'); "
                    "pohon kinerja, Renstra dan IKU memakai rumusan yang sama",
                    (*where, "uraian"),
                    severity=W,
                )
        return out

    def indicators(
        self, n: NodeFile, group: Any, where: PathT, seen: dict[str, str]
    ) -> list[IndikatorPohon]:
        """A node's indicators: the IKU's for its tujuan and sasaran (what the tree writes again
        is compared), the tree's own below."""
        own = n.indikator or []
        for j, ind in enumerate(own):
            if ind.kode in seen:
                self.add(
                    "IKU205",
                    f"kode indikator '{clip(ind.kode)}' sudah dipakai di simpul {seen[ind.kode]}",
                    (*where, "indikator", j, "kode"),
                )
            seen.setdefault(ind.kode, n.kode)
        if group is None:
            return [
                IndikatorPohon(i.kode, i.uraian, dict(i.target), "pohon", i.bagian_dari)
                for i in own
            ]
        from ikutool.inputs.pohon_cek import compare_with_iku

        self.findings += compare_with_iku(self.doc, self.iku, group, own, where)
        return [
            IndikatorPohon(i.kode, i.uraian, dict(i.target), "iku", None) for i in group.indikator
        ]

    def link(self, nodes: dict[str, Simpul], items: list[NodeFile]) -> list[Simpul]:
        """Each node under its parent; what has none (and is not a root) is an orphan, said and
        drawn apart."""
        iku_tujuan = {s.kode: s.tujuan for s in self.iku.sasaran if s.tujuan}
        roots: list[Simpul] = []
        for node in nodes.values():
            induk = node.induk
            if induk is None and node.level == "sasaran" and iku_tujuan.get(node.kode) in nodes:
                induk = node.induk = iku_tujuan[node.kode]
            allowed = PARENTS[node.level]
            if induk is None:
                if node.level == "tujuan" or (
                    node.level == "sasaran" and not any(n.level == "tujuan" for n in nodes.values())
                ):
                    roots.append(node)
                    continue
                self._orphan(node, f"belum punya induk: tulis 'induk' ({_names(allowed)} yang "
                                   "didukungnya)", (*node.where, "kode"))  # fmt: skip
                roots.append(node)
                continue
            parent = nodes.get(induk)
            if parent is None:
                known = [k for k, n in nodes.items() if n.level in allowed]
                self._orphan(
                    node,
                    f"induk '{clip(induk)}' tidak ada di pohon kinerja"
                    + self._guess(induk, known)
                    + f" ({_names(allowed)} yang ada: {listing(known) or 'belum ada'})",
                    (*node.where, "induk"),
                )
                roots.append(node)
                continue
            if parent.level not in allowed:
                self.add(
                    "IKU602",
                    f"{LEVEL_NAMA[node.level].lower()} {node.kode} tidak dapat berinduk "
                    f"{LEVEL_NAMA[parent.level].lower()} {parent.kode}; induknya "
                    f"{_names(allowed)}",
                    (*node.where, "induk"),
                )
                continue
            parent.anak.append(node)
        return roots

    def _orphan(self, node: Simpul, why: str, path: PathT) -> None:
        node.yatim = True
        self.add(
            "IKU601",
            f"{LEVEL_NAMA[node.level].lower()} {node.kode} {why}; simpul tanpa induk tidak "
            "tersambung ke sasaran mana pun",
            path,
            severity=W,
        )

    def support(self, nodes: dict[str, Simpul], items: list[NodeFile]) -> None:
        """Every agency sasaran supports an RPJMD sasaran (itself or through its tujuan); the
        codes it names exist in the RPJMD."""
        known = self.rpjmd.codes() if self.rpjmd is not None else None
        for node in nodes.values():
            for j, kode in enumerate(node.mendukung):
                if known is not None and kode not in known:
                    self.add(
                        "IKU603",
                        f"'{clip(kode)}' tidak ada di RPJMD {self.rpjmd.file if self.rpjmd else ''}"
                        + self._guess(kode, known)
                        + f" (tujuan dan sasaran RPJMD: {listing(known)})",
                        (*node.where, "mendukung", j),
                    )
            if node.level != "sasaran" or node.mendukung:
                continue
            parent = nodes.get(node.induk) if node.induk else None
            if parent is not None and parent.mendukung:
                continue
            self.add(
                "IKU604",
                f"sasaran {node.kode} belum dikaitkan dengan sasaran RPJMD: tulis 'mendukung: "
                "KODE' (sasaran RPJMD yang didukungnya), di sasaran ini atau di tujuannya",
                (*node.where, "kode"),
                severity=W,
            )

    def missing_iku(self, nodes: dict[str, Simpul]) -> None:
        absent = [g.kode for g in self.iku.groups() if g.kode not in nodes]
        if absent:
            self.add(
                "IKU605",
                f"{'tujuan/sasaran' if len(absent) > 1 else 'sasaran'} IKU {listing(absent)} "
                "tidak ada di pohon kinerja: setiap tujuan dan sasaran IKU adalah simpul pohon "
                "(tulis mis. '- kode: " + absent[0] + "' dengan induk dan pemiliknya)",
                ("pohon",),
                severity=W,
                at_key=True,
            )

    def crosscutting(self, own: str | None, nodes: dict[str, Simpul]) -> None:
        agencies = (
            [p.kode for p in self.rpjmd.model.perangkat_daerah] if self.rpjmd is not None else []
        )
        for node in nodes.values():
            for c in node.crosscutting:
                if own is not None and c.instansi == own:
                    self.add(
                        "IKU209",
                        f"crosscutting {node.kode} menunjuk perangkat daerah ini sendiri ({own}); "
                        "crosscutting menunjuk simpul perangkat daerah lain",
                        (*c.where, "instansi"),
                    )
                elif agencies and c.instansi not in agencies:
                    self.add(
                        "IKU610",
                        f"perangkat daerah '{clip(c.instansi)}' tidak ada di daftar perangkat "
                        f"daerah RPJMD" + self._guess(c.instansi, agencies),
                        (*c.where, "instansi"),
                        severity=W,
                    )


def _names(levels: tuple[str, ...]) -> str:
    return " atau ".join(LEVEL_NAMA[x].lower() for x in levels) or "-"
