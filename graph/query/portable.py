"""The library's queries on engines without Oxigraph's LATERAL: rdflib, or any SPARQL 1.1 store.

Some library queries use ``LATERAL { … }`` (SPARQL 1.2 draft, SEP-0006), which Oxigraph evaluates
once per row found so far, looking values up instead of reading every triple of a predicate (see
docs/queries.md). In the library a lateral block only reads variables its left side always binds,
so dropping the keyword and the block's braces, leaving its patterns (or its ``OPTIONAL``) in the
enclosing group, asks the same question in SPARQL 1.1. A lateral sub-query keeps its braces.

>>> portable("SELECT * WHERE { { SELECT ?p WHERE { ?p a ?t } LIMIT 5 } LATERAL { OPTIONAL { ?p <n> ?n } } }")
'SELECT * WHERE { { SELECT ?p WHERE { ?p a ?t } LIMIT 5 }  OPTIONAL { ?p <n> ?n }  }'
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from graph.query.run import apply_limit

__all__ = ["portable", "rdflib_bindings", "run_rdflib"]

# Strings, IRIs and comments are skipped whole so a brace or the keyword inside them is not read
_TOKEN = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^\s<>"{}|^`\\]*>|#[^\n]*|\bLATERAL\b|[{}]""",
                    re.IGNORECASE)
_SUBQUERY = re.compile(r"\s*SELECT\b", re.IGNORECASE)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def portable(query: str) -> str:
    """``query`` with each ``LATERAL { X }`` written as ``X`` in the enclosing group (SPARQL 1.1)."""
    cut: list[tuple[int, int]] = []
    stack: list[bool] = []  # per open brace: is it a lateral block's, to be dropped?
    keyword: tuple[int, int] | None = None
    for m in _TOKEN.finditer(query):
        token = m.group()
        if token.upper() == "LATERAL":
            keyword = m.span()
        elif token == "{":
            drop = keyword is not None and not _SUBQUERY.match(query, m.end())
            if keyword is not None:
                cut.append((keyword[0], m.end() if drop else keyword[1]))
            keyword = None
            stack.append(drop)
        elif token == "}" and stack and stack.pop():
            cut.append(m.span())
    out, last = [], 0
    for start, end in sorted(cut):
        out.append(query[last:start])
        last = end
    return "".join(out) + query[last:]


def rdflib_bindings(params: Mapping[ox.Variable, Any]) -> dict[str, Any]:
    """Oxigraph terms as rdflib ``initBindings``.

    An ``xsd:string`` literal becomes rdflib's plain one, as the data holds it.
    """
    from rdflib import BNode, Literal, URIRef

    out: dict[str, Any] = {}
    for var, term in params.items():
        if isinstance(term, ox.NamedNode):
            out[var.value] = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            out[var.value] = BNode(term.value)
        elif term.language:
            out[var.value] = Literal(term.value, lang=term.language)
        elif term.datatype.value == _XSD_STRING:
            out[var.value] = Literal(term.value)
        else:
            out[var.value] = Literal(term.value, datatype=URIRef(term.datatype.value))
    return out


def run_rdflib(dataset: Any, query: str, *, params: Mapping[ox.Variable, Any] | None = None,
               label: str = "query") -> list[tuple[Any, ...]]:
    """Run a library query on an rdflib ``Dataset`` as :func:`graph.query.run.run` does on Oxigraph.

    The rows are tuples of rdflib terms.

    For comparing engines (``bench/query_speed.py``, the tests); the product queries the Oxigraph store.
    """
    from extract.vocab import PREFIXES

    text, terms = apply_limit(query, params, label)
    rows = dataset.query(portable(text), initNs=dict(PREFIXES), initBindings=rdflib_bindings(terms))
    return [tuple(row) for row in rows]
