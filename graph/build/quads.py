"""The built dataset's quads as pyoxigraph terms, in the one order the files are written in.

``graph.trig`` and ``graph.ttl`` are written by pyoxigraph (:func:`graph.build.store.write`), which writes
quads in the order it is given them. This module gives them in a canonical order: the default graph first,
then the named graphs by IRI, within a graph by subject, predicate and object (their N-Triples forms), so
the same dataset always gives the same bytes, whatever order its triples were added in.

:class:`QuadSet` collects the quads of rdflib graphs; :func:`canonical_quads` reads them from
any rdflib dataset (slower: rdflib lists every graph a triple is in for each triple it yields). The build itself
streams the same order from N-Triples lines (:mod:`graph.build.assembly`).

>>> from rdflib import Literal, URIRef
>>> found = QuadSet()
>>> found.add(URIRef("http://e/doc"), (URIRef("http://e/b"), URIRef("http://e/p"), Literal(2)))
>>> found.add(None, (URIRef("http://e/a"), URIRef("http://e/p"), Literal("x", lang="es")))
>>> [str(q) for q in found.ordered()]  # doctest: +NORMALIZE_WHITESPACE
['<http://e/a> <http://e/p> "x"@es',
 '<http://e/b> <http://e/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <http://e/doc>']
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.term import Node

from graph.build.terms import to_ox

Term = ox.NamedNode | ox.Literal | ox.BlankNode
Key = tuple[str, str, str, str]


class QuadSet:
    """Quads as pyoxigraph terms, each once, with their sort keys; each rdflib term is converted once."""

    def __init__(self) -> None:
        self._terms: dict[Node, tuple[str, Term]] = {}
        self._graphs: dict[URIRef | None, tuple[str, ox.NamedNode | ox.DefaultGraph]] = {None: ("", ox.DefaultGraph())}
        self._quads: dict[Key, ox.Quad] = {}

    def __len__(self) -> int:
        return len(self._quads)

    def _term(self, term: Node) -> tuple[str, Term]:
        found = self._terms.get(term)
        if found is None:
            converted = to_ox(term)
            found = self._terms[term] = (str(converted), converted)
        return found

    def add(self, graph: URIRef | None, triple: tuple[Node, Node, Node]) -> None:
        """Add ``triple`` to the named graph ``graph`` (None: the default graph)."""
        found = self._graphs.get(graph)
        if found is None:
            node = ox.NamedNode(str(graph))
            found = self._graphs[graph] = (str(node), node)
        (ks, s), (kp, p), (ko, o) = self._term(triple[0]), self._term(triple[1]), self._term(triple[2])
        key = (found[0], ks, kp, ko)
        if key not in self._quads:
            self._quads[key] = ox.Quad(s, p, o, found[1])  # type: ignore[arg-type]

    def ordered(self) -> list[ox.Quad]:
        """The quads in the canonical order."""
        return [self._quads[key] for key in sorted(self._quads)]


def canonical_quads(ds: Dataset) -> list[ox.Quad]:
    """Every quad of ``ds``, in the canonical order."""
    found = QuadSet()
    default = ds.default_graph.identifier
    for g in ds.graphs():
        name = None if g.identifier == default else URIRef(str(g.identifier))
        for triple in g:
            found.add(name, triple)
    return found.ordered()


def triples(quads: list[ox.Quad]) -> list[ox.Triple]:
    """The triples of every graph, each once, in the order of their N-Triples forms (what graph.ttl holds)."""
    unique = {str(t): t for t in (q.triple for q in quads)}
    return [unique[k] for k in sorted(unique)]
