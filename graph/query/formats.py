"""Print a SELECT result as a plain-text table, CSV, JSON records or a Markdown table.

>>> from graph.query.result import Result
>>> print(render(Result.of_strings(["a", "b"], [["1", "x|y"]]), "md"))
| a | b |
| --- | --- |
| 1 | x\\|y |
"""
from __future__ import annotations

import json

from graph.csv_safe import safe_cell, write_csv
from graph.errors import QueryError
from graph.query.result import Result

__all__ = ["FORMATS", "format_table", "render"]

FORMATS = ("table", "csv", "json", "md")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def format_table(result: Result, max_width: int = 60) -> str:
    """A plain-text table with a row count; long cells are cut with an ellipsis."""
    def cut(s: str) -> str:
        s = _one_line(s)
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    rows = [[cut(c) for c in r] for r in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(result.columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(result.columns), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _csv(result: Result) -> str:
    """CSV for a spreadsheet: cells that would start a formula are quoted as text (:mod:`graph.csv_safe`)."""
    return write_csv(list(result.columns), result.rows).rstrip("\n")


def _markdown(result: Result) -> str:
    """A Markdown table; its cells are made safe like CSV's, since such tables are pasted into spreadsheets."""
    def cell(s: str) -> str:
        return safe_cell(_one_line(s)).replace("|", "\\|")

    out = ["| " + " | ".join(result.columns) + " |", "| " + " | ".join("---" for _ in result.columns) + " |"]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in result.rows]
    return "\n".join(out)


def render(result: Result, fmt: str = "table") -> str:
    """The result in one of :data:`FORMATS`.

    Raises:
        QueryError: an unknown format (the message lists the valid ones).
    """
    if fmt == "table":
        return format_table(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2)
    if fmt == "md":
        return _markdown(result)
    raise QueryError(f"unknown format {fmt!r}; formats are: {', '.join(FORMATS)}")
