"""Run SPARQL SELECT queries over a built graph: a library query by name, an ``.rq`` file, or text.

Queries run on the read-only Oxigraph store of the build (:mod:`graph.build.oxstore`),
whose default graph is the union of all graphs, so a query need not name
document graphs (``GRAPH ?doc { … }`` still reaches one document's facts).
Parameters are bound as RDF terms (:mod:`graph.query.params`).

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/tradegraph/id/person/a"),
...                   ox.NamedNode("https://schema.org/name"), ox.Literal("Ana")))
>>> run(store, "SELECT ?name ?p WHERE { ?p schema:name ?name }", params={ox.Variable("name"): ox.Literal("Ana")}).rows
[['Ana', 'https://w3id.org/tradegraph/id/person/a']]
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from extract.prefixes import PREFIX_IRIS
from graph.errors import QueryError
from graph.query.library import LIMIT_PARAM, QUERIES_DIR, QueryInfo, load, parse
from graph.query.params import Term, bind
from graph.query.result import Result

__all__ = ["QueryError", "Result", "apply_limit", "run", "run_named", "SPARQL_PREFIXES"]

#: Prefixes a query may use without declaring them (library queries declare theirs anyway).
SPARQL_PREFIXES = dict(PREFIX_IRIS)
def _evaluate(store: ox.Store, query: str, params: Mapping[ox.Variable, Term] | None, label: str) -> object:
    try:
        return store.query(query, prefixes=SPARQL_PREFIXES,
                           substitutions=dict(params) if params else None)
    except SyntaxError as exc:
        raise QueryError(f"{label}: {str(exc).splitlines()[0]}") from None
    except RuntimeError as exc:
        message = str(exc).splitlines()[0]
        if "SELECT projection" in message:
            names = ", ".join(f"?{v.value}" for v in (params or {}))
            raise QueryError(f"{label}: a parameter must be a variable of the SELECT clause "
                             f"(bound: {names}; {message})") from None
        raise QueryError(f"{label}: {message}") from None


#: The comment line a query may hold where its ``limit`` goes (see :func:`apply_limit`).
LIMIT_MARK = re.compile(r"^([ \t]*)# LIMIT \?limit[ \t]*$", re.MULTILINE)


def apply_limit(query: str, params: Mapping[ox.Variable, Term] | None,
                label: str = "query") -> tuple[str, dict[ox.Variable, Term]]:
    """The query with its ``limit`` parameter applied, and the other parameters.

    A query whose header declares ``# param: limit (integer) …`` takes the bound value as a row
    cap: the value is checked to be a positive integer and the code writes ``LIMIT n`` after the
    query (the user's text is never spliced in), or in place of the query's own ``# LIMIT ?limit``
    comment line when it has one (a sub-query that picks the first meetings or people, whose every
    row is then listed). Unbound (``limit=""``), every row is returned. Any other query is returned
    as it is, ``?limit`` included.

    >>> from graph.query.params import XSD
    >>> text = "# title: T\\n# param: limit (integer) = 100 — most rows\\nSELECT ?x WHERE { ?x ?p ?o }"
    >>> apply_limit(text, {ox.Variable("limit"): ox.Literal("5", datatype=ox.NamedNode(XSD + "integer"))})[0][-8:]
    'LIMIT 5\\n'
    >>> apply_limit(text, {ox.Variable("limit"): ox.Literal("0")})
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: query: parameter limit must be a positive integer, got '0'
    """
    terms = dict(params or {})
    var = ox.Variable(LIMIT_PARAM)
    if var not in terms:
        return query, terms
    try:
        declared = parse(query, name=label).param(LIMIT_PARAM)
    except QueryError:
        declared = None
    if declared is None or declared.type != "integer":
        return query, terms
    value = getattr(terms.pop(var), "value", "")
    if not value.strip().isdigit() or int(value) < 1:
        raise QueryError(f"{label}: parameter {LIMIT_PARAM} must be a positive integer, got {value!r}")
    limit = f"LIMIT {int(value)}"
    if LIMIT_MARK.search(query):
        return LIMIT_MARK.sub(lambda m: m.group(1) + limit, query, count=1), terms
    return f"{query.rstrip()}\n{limit}\n", terms


def run(store: ox.Store, query: str, *, params: Mapping[ox.Variable, Term] | None = None,
        label: str = "query") -> Result:
    """Run a SELECT query with ``params`` bound; raises :class:`QueryError` with the parser's message.

    A declared ``limit`` parameter caps the rows (:func:`apply_limit`).
    """
    query, params = apply_limit(query, params, label)
    solutions = _evaluate(store, query, params, label)
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{label}: only SELECT queries give rows; use the endpoint (`tradegraph serve`) "
                         "for ASK, CONSTRUCT and DESCRIBE")
    columns = [v.value for v in solutions.variables]
    try:
        terms = [[sol[c] for c in columns] for sol in solutions]
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"{label}: {str(exc).splitlines()[0]}") from None
    return Result(columns, terms)


def run_named(store: ox.Store, name_or_file: str | Path, params: Mapping[str, str] | None = None, *,
              queries_dir: Path = QUERIES_DIR) -> Result:
    """Run a library query (or an ``.rq`` file) with parameters given as text; header defaults fill the rest.

    Raises:
        QueryError: unknown query or parameter (listing the valid ones), a bad value, or a bad query.
    """
    info: QueryInfo = load(name_or_file, queries_dir)
    return run(store, info.text, params=bind(info.params, params or {}, label=info.name), label=info.name)
