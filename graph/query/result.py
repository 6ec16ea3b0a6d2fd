"""A SELECT result: its columns and rows of RDF terms, and the same as plain values.

>>> Result.of_strings(["name", "n"], [["Ana", ""]]).records()
[{'name': 'Ana', 'n': None}]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from graph.query.params import XSD

__all__ = ["Result", "python_value"]

_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                               "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}
_FLOATS = {XSD + t for t in ("decimal", "double", "float")}


def python_value(term: object) -> Any:
    """A term as a plain Python value: numbers and booleans typed, everything else its lexical form."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return getattr(term, "value", str(term))


@dataclass(frozen=True)
class Result:
    """A SELECT result: column names and rows of RDF terms (``None`` where a variable is unbound)."""

    columns: list[str]
    terms: list[list[object]]

    @property
    def rows(self) -> list[list[str]]:
        """Rows as plain strings (``""`` where unbound)."""
        return [["" if t is None else getattr(t, "value", str(t)) for t in row] for row in self.terms]

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (ints, floats, bools, strings; ``None`` where unbound)."""
        return [{c: python_value(t) for c, t in zip(self.columns, row, strict=True)} for row in self.terms]

    @classmethod
    def of_strings(cls, columns: list[str], rows: list[list[str]]) -> Result:
        """A result from plain strings (``""`` counts as unbound)."""
        return cls(columns, [[ox.Literal(c) if c != "" else None for c in r] for r in rows])


