"""One agency's year as every command reads it: the one place that knows which file is year Y's.

:class:`Agency` is a workspace (its :class:`~ikutool.workspace.sources.Sources` and its IKU);
``agency.year(2019)`` is a :class:`Year`, which finds each file kind's file by one rule
(:func:`ikutool.inputs.kind.year_file`), reads it once (through the cache), says its warnings
once, and keeps the composed document for the places a report points at. Every command and the
roll-up ask it; nothing else globs a folder or builds a year's path.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ikutool.errors import Finding, IkuError
from ikutool.workspace.paths import shown

if TYPE_CHECKING:
    from ikutool.compute.money import UangTahun
    from ikutool.inputs.anggaran import AnggaranTahun
    from ikutool.inputs.kind import Kind
    from ikutool.inputs.pk import PkTahun
    from ikutool.inputs.program import ProgramTahun
    from ikutool.inputs.realisasi import RealisasiTahun
    from ikutool.inputs.renaksi import RenaksiTahun
    from ikutool.inputs.tindaklanjut import Register
    from ikutool.model.iku import Iku
    from ikutool.reports.renja import HasilRenja
    from ikutool.workspace.sources import Sources
    from ikutool.yaml_reader import Document

Warn = Callable[[list[Finding]], None]

# file kind -> (module in ikutool.inputs, the Sources attribute of its folder, its --option)
FOLDERS = {
    "realisasi": ("realisasi", "realisasi", "--realisasi"),
    "pk": ("pk", "pk", "--pk"),
    "renaksi": ("renaksi", "renaksi", "--renaksi"),
    "program": ("program", "program", "--program"),
    "anggaran": ("anggaran", "anggaran", "--anggaran"),
}


def kind_of(name: str) -> Kind[Any]:
    import importlib

    module = importlib.import_module(f"ikutool.inputs.{FOLDERS[name][0]}")
    return module.KIND  # type: ignore[no-any-return]


class Agency:
    """A workspace and its IKU; its years are read on demand, each file once."""

    def __init__(self, src: Sources, iku: Iku, *, warn: Warn | None = None) -> None:
        self.src = src
        self.iku = iku
        self._warn = warn
        self._years: dict[int, Year] = {}

    def warn(self, findings: list[Finding]) -> None:
        if self._warn is not None and findings:
            self._warn(findings)

    def year(self, tahun: int) -> Year:
        if tahun not in self._years:
            self._years[tahun] = Year(self, tahun)
        return self._years[tahun]

    def folder(self, kind: str) -> Path:
        """The kind's folder; one named on the command line must exist (the workspace's own are
        optional; a missing realisasi folder is said where realisasi is needed, with the command
        that starts it)."""
        attr, option = FOLDERS[kind][1], FOLDERS[kind][2]
        folder: Path = getattr(self.src, attr)
        given = getattr(self.src, f"{attr}_option", None)
        if given is not None and kind != "realisasi" and not folder.is_dir():
            raise IkuError.single(
                "IKU501",
                f"folder {option} '{shown(folder)}' tidak ada"
                + (" (ini sebuah berkas)" if folder.exists() else ""),
                file=option,
                exit_code=2,
            )
        return folder

    def hint(self, tahun: int) -> str:
        from ikutool.workspace.sources import template_hint

        return template_hint(self.src, tahun)

    def require_realisasi_folder(self, tahun: int | None = None) -> Path:
        from ikutool.inputs.realisasi import require_folder

        folder = self.folder("realisasi")
        require_folder(folder, tahun or self.iku.periode.awal, self.hint)
        return folder

    def realisasi_years(self) -> list[int]:
        """The years of the period with a realisasi file (the folder must exist)."""
        from ikutool.inputs.kind import years_in

        folder = self.require_realisasi_folder()
        return [y for y in years_in(folder) if y in self.iku.periode.tahun]

    def realisasi(self, years: list[int]) -> dict[int, RealisasiTahun]:
        """The realisasi of each of ``years``, every one required: a missing year is a usage
        problem with the command that starts its file. Every file's errors are said at once."""
        from ikutool.inputs.realisasi import missing_year

        self.require_realisasi_folder(years[0] if years else None)
        found: dict[int, RealisasiTahun] = {}
        errors: list[Finding] = []
        for y in years:
            try:
                data = self.year(y).realisasi
            except IkuError as exc:
                errors += exc.findings
                continue
            if data is not None:
                found[y] = data
        if errors:
            raise IkuError(errors)
        missing = [y for y in years if y not in found]
        if missing:
            raise missing_year(self.src.realisasi, self.iku, missing, self.hint)
        return found

    def history(self, tahun: int) -> dict[int, RealisasiTahun]:
        """``tahun``'s realisasi (required) and every earlier year's of the period that has one."""
        years = [y for y in self.realisasi_years() if y <= tahun]
        return self.realisasi(sorted({*years, tahun}))

    def pk(self, years: list[int]) -> dict[int, PkTahun]:
        """The Perjanjian Kinerja of each year that has one (PK files are optional)."""
        return {y: pk for y in years if (pk := self.year(y).pk) is not None}

    @cached_property
    def register(self) -> Register | None:
        """The tindak-lanjut register, when the workspace has one."""
        from ikutool.inputs.tindaklanjut import load_register

        reg = load_register(self.src.tindak_lanjut)
        if reg is not None:
            self.warn(reg.findings)
        return reg


class Year:
    """One year of one agency: each file kind's file, read once."""

    def __init__(self, agency: Agency, tahun: int) -> None:
        self.agency = agency
        self.tahun = tahun
        self._read: dict[str, Any] = {}
        self._docs: dict[str, Document | None] = {}

    @property
    def iku(self) -> Iku:
        return self.agency.iku

    def file(self, kind: str) -> Path | None:
        """This year's file of ``kind``, by the one rule, or None."""
        from ikutool.inputs.kind import year_file

        return year_file(self.agency.folder(kind), self.tahun, kind_of(kind).what)

    def new_file(self, kind: str) -> Path:
        """Where this year's file of ``kind`` is, or would be written when it does not exist."""
        return self.file(kind) or self.agency.folder(kind) / f"{self.tahun}.yaml"

    def _load(self, kind: str, extra: Any = None) -> Any:
        if kind not in self._read:
            from ikutool.inputs.kind import read_file

            path = self.file(kind)
            result = None
            if path is not None:
                result = read_file(kind_of(kind), path, self.iku, extra=extra)
                self.agency.warn(result.findings)
            self._read[kind] = result
        return self._read[kind]

    @property
    def realisasi(self) -> RealisasiTahun | None:
        return self._load("realisasi")  # type: ignore[no-any-return]

    def need_realisasi(self) -> RealisasiTahun:
        return self.agency.realisasi([self.tahun])[self.tahun]

    @property
    def pk(self) -> PkTahun | None:
        return self._load("pk")  # type: ignore[no-any-return]

    @property
    def renaksi(self) -> RenaksiTahun | None:
        """The rencana aksi, checked against this year's PK."""
        return self._load("renaksi", self.pk)  # type: ignore[no-any-return]

    @property
    def program(self) -> ProgramTahun | None:
        return self._load("program")  # type: ignore[no-any-return]

    @property
    def money_file(self) -> Path | None:
        """The file the year's programs' money comes from: ``program/<tahun>.yaml`` where it
        exists, else the older ``anggaran/<tahun>.yaml``; both for one year is an error that says
        which to keep."""
        program, old = self.file("program"), self.file("anggaran")
        if program is not None and old is not None:
            raise IkuError.single(
                "IKU306",
                f"anggaran {self.tahun} ditulis dua kali: di {shown(program)} dan di {shown(old)}. "
                "Berkas program menggantikan berkas anggaran: pindahkan pagu dan realisasinya ke "
                f"program (pagu, realisasi_rp), lalu hapus {shown(old)}",
                file=shown(old),
                line=1,
                column=1,
            )
        return program or old

    @property
    def anggaran(self) -> AnggaranTahun | ProgramTahun | None:
        """The file the year's money is read from, read (see :attr:`money_file`)."""
        path = self.money_file
        if path is None:
            return None
        if path == self.file("program"):
            return self.program
        return self._load("anggaran")  # type: ignore[no-any-return]

    def uang(self, tw: str = "IV") -> UangTahun | None:
        """The year's money s.d. quarter ``tw``, derived once (:mod:`ikutool.compute.money`)."""
        key = f"uang {tw}"
        if key not in self._read:
            from ikutool.compute.money import uang_tahun

            source = self.anggaran
            self._read[key] = uang_tahun(source, tw) if source is not None else None
        return self._read[key]  # type: ignore[no-any-return]

    def renja(self, skala: str | None = None) -> HasilRenja | None:
        """The year's form E.81 (:func:`ikutool.reports.renja.build_renja`), derived once from its
        program file (None without one): ``iku evaluasi renja`` shows it, and E.80 takes each
        year's column 12 from it."""
        key = f"renja {skala}"
        if key not in self._read:
            from ikutool.reports.renja import build_renja

            program = self.program
            self._read[key] = (
                build_renja(self.iku, self.tahun, program, skala=skala)
                if program is not None
                else None
            )
        return self._read[key]  # type: ignore[no-any-return]

    def document(self, kind: str) -> Document | None:
        """The composed file of ``kind`` (for the lines a report points at), or None."""
        if kind not in self._docs:
            from ikutool.yaml_reader import read_yaml

            path = self.money_file if kind == "money" else self.file(kind)
            self._docs[kind] = read_yaml(path, display_name=shown(path)) if path else None
        return self._docs[kind]


def open_agency(root: Path, *, warn: Warn | None = None) -> Agency:
    """The workspace at ``root`` (a roll-up reads every agency's this way): its paths checked,
    its IKU read."""
    from ikutool.definition.load import load_iku
    from ikutool.workspace.sources import check_paths, workspace_sources

    src = workspace_sources(root)
    check_paths(src)
    loaded = load_iku(src.iku, display_name=shown(src.iku))
    if warn is not None:
        warn(loaded.findings)
    return Agency(src, loaded.iku, warn=warn)
