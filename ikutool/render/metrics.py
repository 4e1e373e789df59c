"""Text widths for pictures drawn without a browser or a word processor laying the text out
(the pohon kinerja, the charts): Helvetica's advance widths, which Arial, Liberation Sans and
Nimbus Sans share, so a line wrapped here fits wherever the picture is shown."""

from __future__ import annotations

# Helvetica (and its metric twins Arial, Liberation Sans, Nimbus Sans): widths of " " to "~"
_W = (
    "278,278,355,556,556,889,667,222,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,"
    "556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,"
    "722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,222,556,556,500,556,"
    "556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,"
    "260,334,584"
)
_WB = (
    "278,333,474,556,556,889,722,278,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,"
    "556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,"
    "722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,278,556,611,556,611,"
    "556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,"
    "280,389,584"
)
WIDTHS = [int(x) for x in _W.split(",")]
WIDTHS_BOLD = [int(x) for x in _WB.split(",")]
PT = 25.4 / 72  # one point in mm


def text_mm(text: str, points: float, bold: bool = False) -> float:
    table = WIDTHS_BOLD if bold else WIDTHS
    units = sum(table[o - 32] if 32 <= (o := ord(ch)) <= 126 else 556 for ch in text)
    return units / 1000 * points * PT


def wrap(text: str, width: float, points: float, bold: bool = False, limit: int = 0) -> list[str]:
    """Lines of ``text`` no wider than ``width`` mm (a word longer than a line is cut); at most
    ``limit`` lines, the last ending in "..." when text is left over."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while text_mm(word, points, bold) > width:  # a code or a long word: cut it
            cut = len(word)
            while cut > 1 and text_mm(word[:cut], points, bold) > width:
                cut -= 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        trial = f"{line} {word}" if line else word
        if text_mm(trial, points, bold) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if limit and len(lines) > limit:
        last = lines[limit - 1]
        while last and text_mm(last + " ...", points, bold) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = lines[: limit - 1] + [last + " ..."]
    return lines or [""]
