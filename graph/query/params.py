"""Query parameters: values typed by a user become RDF terms bound to the query's variables.

Values are never spliced into the query text: each becomes one RDF term (a
literal, or an IRI for an ``iri`` parameter) that Oxigraph substitutes for the
variable, so quotes, braces or SPARQL keywords in a value are only characters
of that value.

>>> from graph.query.library import Param
>>> terms = bind((Param("person", default="Roberto Velasco"),), {"person": 'x" } UNION { ?s ?p ?o'})
>>> terms[Variable("person")].value
'x" } UNION { ?s ?p ?o'
>>> bind((Param("kind", "iri"),), {"kind": "tgid:roletype/minister"})[Variable("kind")].value
'https://w3id.org/tradegraph/id/roletype/minister'
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from pyoxigraph import Literal, NamedNode, Variable

from extract.prefixes import PREFIX_IRIS
from graph.errors import QueryError
from graph.query.library import Param

__all__ = ["Term", "bind", "parse_assignments", "to_term", "XSD"]

XSD = "http://www.w3.org/2001/XMLSchema#"
Term = Literal | NamedNode
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")


def _iri(value: str, name: str) -> NamedNode:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIX_IRIS and not local.startswith("//"):
        text = PREFIX_IRIS[prefix] + local
    if not _SCHEME.match(text):
        known = ", ".join(f"{p}:" for p in PREFIX_IRIS)
        raise QueryError(f"parameter {name}: {value!r} is not an IRI; give <https://…> or a prefixed name ({known})")
    try:
        return NamedNode(text)
    except ValueError as exc:
        raise QueryError(f"parameter {name}: {value!r} is not a valid IRI ({exc})") from None


def to_term(param: Param, value: str) -> Term:
    """The RDF term for ``value`` as the parameter's type says.

    Raises:
        QueryError: the value does not fit the type (one line, naming the parameter).
    """
    kind, name = param.type, param.name
    if kind == "iri":
        return _iri(value, name)
    if kind == "integer":
        if not re.fullmatch(r"\s*[+-]?\d+\s*", value):
            raise QueryError(f"parameter {name}: {value!r} is not an integer")
        return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))
    if kind == "decimal":
        try:
            return Literal(str(float(value)), datatype=NamedNode(XSD + "decimal"))
        except ValueError:
            raise QueryError(f"parameter {name}: {value!r} is not a number") from None
    if kind == "boolean":
        if value.strip().lower() not in ("true", "false"):
            raise QueryError(f"parameter {name}: {value!r} is not true or false")
        return Literal(value.strip().lower(), datatype=NamedNode(XSD + "boolean"))
    if kind == "date":
        text = value.strip()
        if _PARTIAL_DATE.match(text):
            return Literal(text, datatype=NamedNode(XSD + ("gYearMonth" if "-" in text else "gYear")))
        try:
            return Literal(date.fromisoformat(text).isoformat(), datatype=NamedNode(XSD + "date"))
        except ValueError:
            raise QueryError(f"parameter {name}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None
    return Literal(value)


def bind(params: Iterable[Param], given: Mapping[str, str], *, label: str = "the query") -> dict[Variable, Term]:
    """Terms for every parameter that has a value: the one given, else the header's default.

    A parameter given as ``""`` stays unbound, so its variable matches anything.

    Raises:
        QueryError: a given name is not a declared parameter (the message lists the valid ones),
            or a value does not fit its parameter's type.
    """
    declared = {p.name: p for p in params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        valid = ", ".join(declared) if declared else "none"
        raise QueryError(f"{label} has no parameter {', '.join(repr(u) for u in unknown)}; "
                         f"its parameters are: {valid}")
    terms: dict[Variable, Term] = {}
    for name, param in declared.items():
        value = given.get(name, param.default)
        if value is not None and value != "":  # an empty value leaves the variable free: "any"
            terms[Variable(name)] = to_term(param, value)
    return terms


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``["person=Roberto Velasco", …]`` (from ``--param``) as a dict; the last of a repeated name wins.

    >>> parse_assignments(["a=1", "b=x=y"])
    {'a': '1', 'b': 'x=y'}
    """
    out: dict[str, str] = {}
    for pair in pairs:
        name, eq, value = pair.partition("=")
        if not eq or not name.strip():
            raise QueryError(f"a parameter is written NAME=VALUE, not {pair!r}")
        out[name.strip()] = value
    return out
