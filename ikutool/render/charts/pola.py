"""The hatching of a kategori's fill (:data:`ikutool.render.charts.POLA`) as shapes of one tile
in millimetres, repeated from the picture's origin: the SVG painter writes them as a
``<pattern>``, the PNG painter draws them with Pillow, so a print of either shows the same marks.

A tile's lines run past its corners where a neighbouring tile continues them; each painter clips
to the tile (SVG) or to the bar (PNG)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tile:
    size: float  # mm, square
    lines: tuple[tuple[float, float, float, float], ...] = ()  # (x1, y1, x2, y2)
    dots: tuple[tuple[float, float], ...] = ()  # centres
    width: float = 0.3  # a line's width
    radius: float = 0.0  # a dot's


def _diagonal(t: float, up: bool = True) -> tuple[tuple[float, float, float, float], ...]:
    """ "/" (``up``) or "\\" lines through a tile of ``t``, continued across its corners."""
    if up:
        return ((0, t, t, 0), (-t / 2, t / 2, t / 2, -t / 2), (t / 2, 3 * t / 2, 3 * t / 2, t / 2))
    return ((0, 0, t, t), (-t / 2, t / 2, t / 2, 3 * t / 2), (t / 2, -t / 2, 3 * t / 2, t / 2))


TILES: dict[str, Tile] = {
    "miring": Tile(1.3, _diagonal(1.3), width=0.32),
    "titik": Tile(1.1, dots=((0.275, 0.275), (0.825, 0.825)), radius=0.2),
    "silang": Tile(1.5, _diagonal(1.5) + _diagonal(1.5, up=False), width=0.22),
    "datar": Tile(1.0, ((0, 0.5, 1.0, 0.5),), width=0.32),
}
