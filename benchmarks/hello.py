"""The "stack hello-world" iku's start-up is compared with: import typer, ruamel.yaml, pydantic
and rich, load a small YAML, validate it into a pydantic model, print a 9-row rich table.

    python benchmarks/hello.py
"""

from __future__ import annotations

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table
from ruamel.yaml import YAML

TEXT = "\n".join(f"- {{kode: S{i}, uraian: Indikator {i}, target: {i * 10}}}" for i in range(1, 10))


class Row(BaseModel):
    kode: str
    uraian: str
    target: float


class Rows(BaseModel):
    rows: list[Row]


def main() -> None:
    rows = Rows(rows=YAML(typ="safe").load(TEXT)).rows
    table = Table("Kode", "Uraian", "Target")
    for r in rows:
        table.add_row(r.kode, r.uraian, f"{r.target:g}")
    Console().print(table)


if __name__ == "__main__":
    typer.run(main)
