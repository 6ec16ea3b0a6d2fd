"""How big a node and its label are drawn on the network page, known before the page opens.

The page (vis-network) draws a node's shape with its label below it. To lay the map out without two labels
on top of each other (:mod:`graph.network.layout`), the layout must know each label's box: this module wraps
a label into lines, measures them with the character widths of ``graph/data/label_font.yaml`` (DejaVu Sans,
the face ``system-ui`` is on most Linux desktops and wider than the faces of other systems) and gives the
node's size, font size and box the page draws. The sizes grow with the node's connections: hubs stand out.

>>> style = node_style("U.S. Department of Commerce", 4)
>>> style.text, style.size, style.font
('U.S. Department\\nof Commerce', 9.6, 12.1)
>>> round(style.box.width), round(style.box.height), round(style.box.above)
(101, 54, 10)
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.errors import DataError
from extract.reference.data_files import read_checked

__all__ = ["Box", "NodeStyle", "FontWidths", "load_widths", "text_width", "wrap", "node_style",
           "MIN_FONT", "LINE_HEIGHT", "LABEL_GAP", "WRAP_EMS"]

WIDTHS_FILE = Path(__file__).resolve().parents[1] / "data" / "label_font.yaml"
#: the smallest label font (canvas pixels); the page opens at a zoom that shows it at 10 screen pixels or more
MIN_FONT = 11.0
#: a label line is this many font sizes high, as vis-network draws it
LINE_HEIGHT = 1.0
#: between a shape's bottom and its label's top vis-network leaves this many pixels plus half the font size
LABEL_GAP = 4.0
#: a label is wrapped into lines at most this many ems wide (a long name would otherwise span the map)
WRAP_EMS = 9.0


@dataclass(frozen=True)
class FontWidths:
    """Character widths in ems (``widths``), and the width of any character not listed (``other``)."""

    widths: dict[str, float]
    other: float


@dataclass(frozen=True)
class Box:
    """A node's box with its label: ``width`` and ``height``, and ``above``: from its top to the node's centre."""

    width: float
    height: float
    above: float


@dataclass(frozen=True)
class NodeStyle:
    """What the page draws for a node: its label's lines (``text``), shape radius, font size and box."""

    text: str
    size: float
    font: float
    box: Box


def _widths(raw: Any) -> FontWidths:
    if not isinstance(raw, dict) or not isinstance(raw.get("widths"), dict):
        raise DataError("must be a mapping with 'face', 'other' and 'widths' (width: characters)")
    widths: dict[str, float] = {}
    for width, chars in raw["widths"].items():
        if not isinstance(width, (int, float)) or not 0 < width <= 2 or not isinstance(chars, str) or not chars:
            raise DataError(f"widths: {width!r}: {chars!r} is not a width in ems (0 to 2) and its characters")
        for char in chars:
            if char in widths:
                raise DataError(f"widths: {char!r} is listed twice")
            widths[char] = float(width)
    other = raw.get("other")
    if not isinstance(other, (int, float)) or not 0 < other <= 2:
        raise DataError(f"other: {other!r} is not a width in ems (0 to 2)")
    return FontWidths(widths, float(other))


@lru_cache(maxsize=2)
def load_widths(path: Path = WIDTHS_FILE) -> FontWidths:
    """Read and check ``path`` once; a ``DataError`` names the file and the entry at fault."""
    return read_checked(path, _widths)


def text_width(line: str, font: float) -> float:
    """The width in pixels of one line at font size ``font`` (an accented letter as its base letter).

    >>> round(text_width("Ana Ruiz", 10), 1), text_width("Ana Ruiz", 10) == text_width("Aná Ruíz", 10)
    (43.8, True)
    """
    table = load_widths()
    ems = 0.0
    for char in line:
        width = table.widths.get(char)
        if width is None:
            base = unicodedata.normalize("NFD", char)[:1]
            width = table.widths.get(base, table.other)
        ems += width
    return ems * font


def wrap(label: str, font: float, ems: float = WRAP_EMS) -> list[str]:
    """``label`` in lines at most ``ems`` font sizes wide, broken between words (a longer word stays whole).

    >>> wrap("Regional Economic Development and Relocation Advisory Council", 11)
    ['Regional', 'Economic', 'Development and', 'Relocation', 'Advisory Council']
    """
    lines: list[str] = []
    for word in label.split():
        if lines and text_width(f"{lines[-1]} {word}", font) <= ems * font:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def node_style(label: str, degree: int) -> NodeStyle:
    """The size, font and box of a node with ``degree`` connections (see the module's docstring)."""
    size = round(6 + 1.8 * math.sqrt(degree), 1)
    font = round(MIN_FONT + min(5.0, 0.55 * math.sqrt(degree)), 1)
    lines = wrap(label, font)
    width = max(2 * size, max(text_width(line, font) for line in lines))
    height = 2 * size + LABEL_GAP + font / 2 + LINE_HEIGHT * font * len(lines)
    return NodeStyle("\n".join(lines), size, font, Box(round(width, 1), round(height, 1), size))
