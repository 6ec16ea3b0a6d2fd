"""Cells that a spreadsheet shows as text, never runs as a formula (CSV injection).

A document's sentence or a name in the graph is text from the outside world; written as the
first characters of a CSV cell, ``=HYPERLINK(…)`` or ``+1+1`` becomes a formula when the file
is opened in a spreadsheet. Following OWASP's advice on CSV injection, a cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with a single quote, which
spreadsheets read as "this is text". Every CSV the project writes (``tradegraph export --format
csv``, ``tradegraph query --format csv``), and the Markdown tables made for pasting, go through here.

>>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("-3"), safe_cell("Ana Ruiz"), safe_cell(7)
('\\'=HYPERLINK("http://x")', "'-3", 'Ana Ruiz', 7)
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, TypeVar

__all__ = ["FORMULA_STARTS", "safe_cell", "safe_row", "write_csv"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T")


def safe_cell(value: T) -> T | str:
    """``value`` with a leading ``'`` when it is text starting like a formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    """Every cell of ``row`` through :func:`safe_cell`."""
    return [safe_cell(v) for v in row]


def write_csv(header: list[str], rows: Iterable[Iterable[Any]]) -> str:
    """A CSV text (``\\n`` line ends) of ``header`` and ``rows``, every cell made safe.

    A row with a carriage return inside a cell is written fully quoted: the ``csv`` module quotes only
    the line terminator's characters, and a bare ``\\r`` would split the row in a reader.
    """
    buf = io.StringIO()
    minimal = csv.writer(buf, lineterminator="\n")
    quoted = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in (header, *rows):
        cells = safe_row(row)
        (quoted if any(isinstance(c, str) and "\r" in c for c in cells) else minimal).writerow(cells)
    return buf.getvalue()
