"""The bare hello-world `iku rekap`'s start-up is compared with (a roll-up reads validated files
from the cache, without pydantic or YAML): import typer and rich, print a 9-row rich table.

    python benchmarks/hello_bare.py
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

ROWS = [(f"S{i}", f"Indikator {i}", f"{i * 10:g}") for i in range(1, 10)]


def main() -> None:
    table = Table("Kode", "Uraian", "Target")
    for row in ROWS:
        table.add_row(*row)
    Console().print(table)


if __name__ == "__main__":
    typer.run(main)
