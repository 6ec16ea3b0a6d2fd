"""Library-query parameters over the SPARQL protocol: ``param.NAME=VALUE`` binds a declared parameter.

The endpoint's own extension (the query page uses it, and so may any client): a request that
carries one or more ``param.NAME`` arguments is bound as ``tradegraph query --param NAME=VALUE``
binds it. The query's header (its ``# param:`` lines, :mod:`graph.query.library`) gives each
parameter's type and default, a value becomes one RDF term substituted for the variable (never
spliced into the text, :mod:`graph.query.params`), an empty value leaves it free, and ``limit``
caps the rows (:func:`graph.query.run.apply_limit`). Without such arguments a query is plain SPARQL.

>>> query = '# param: who = "Ana" — a name\\nSELECT ?who WHERE { ?p <https://schema.org/name> ?who }'
>>> text, terms = bound_query(query, {"param.who": ["Bob"]})
>>> [(v.value, t.value) for v, t in terms]
[('who', 'Bob')]
>>> bound_query(query, {"param.whom": ["Bob"]})
Traceback (most recent call last):
...
graph.errors.QueryError: the query has no parameter 'whom'; its parameters are: who
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyoxigraph as ox

from graph.query.library import parse
from graph.query.params import bind
from graph.query.run import apply_limit

__all__ = ["PREFIX", "Substitutions", "bound_query", "given_params"]

#: Request arguments named ``param.NAME`` bind the query's parameter ``NAME``.
PREFIX = "param."
Substitutions = tuple[tuple[ox.Variable, ox.Literal | ox.NamedNode], ...]


def given_params(arguments: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """The ``param.NAME`` arguments of a request, by parameter name (the last of a repeated one wins)."""
    return {key[len(PREFIX):]: values[-1] for key, values in arguments.items()
            if key.startswith(PREFIX) and values}


def bound_query(query: str, arguments: Mapping[str, Sequence[str]]) -> tuple[str, Substitutions]:
    """The query to run and the terms to substitute, for a request's ``param.NAME`` arguments.

    No such argument: the query as it is, nothing bound.

    Raises:
        QueryError: the header cannot be read, a name is not a declared parameter, or a value does not
            fit its type (one line, naming the parameter).
    """
    given = given_params(arguments)
    if not given:
        return query, ()
    info = parse(query, name="the query")
    text, terms = apply_limit(query, bind(info.params, given, label="the query"), "the query")
    return text, tuple(terms.items())
