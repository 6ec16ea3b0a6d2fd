"""One document's named graph as pyoxigraph triples: what the build carries from extraction to the files.

A build of thousands of documents reads each graph twice: once into the merge's records
(:mod:`graph.build.records`), once to rewrite it into the dataset (:func:`graph.build.merge.rewrite`).
Holding the graphs as rdflib ``Graph``s made that the slow and heavy part of a rebuild: parsing a cached
graph into rdflib costs ten times what pyoxigraph's parser does, and its store keeps three indexes and a
context table per triple. A :class:`DocGraph` keeps the triples in their order (the order the document's
extraction wrote them, so merge decisions that follow document order do not change) and one index by
subject, for the few look-ups the records need.

>>> g = DocGraph.from_nt('<http://e/a> <http://e/name> "Ana" .\\n<http://e/a> <http://e/knows> <http://e/b> .\\n')
>>> len(g), [o.value for o in g.objects(ox.NamedNode("http://e/a"), "http://e/name")]
(2, ['Ana'])
>>> DocGraph.from_nt("not n-triples") is None
True
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from graph.build.terms import OxTerm, Subject, to_ox

__all__ = ["DocGraph"]

_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class DocGraph:
    """A document graph's triples (pyoxigraph terms, in order) with an index from subject to (predicate, object)."""

    __slots__ = ("_by_subject", "triples")

    def __init__(self, triples: list[ox.Triple]) -> None:
        self.triples = triples
        by_subject: dict[Subject, list[tuple[str, OxTerm]]] = {}
        for t in triples:
            by_subject.setdefault(cast(Subject, t.subject), []).append((t.predicate.value, cast(OxTerm, t.object)))
        self._by_subject = by_subject

    def __len__(self) -> int:
        return len(self.triples)

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples)

    @classmethod
    def from_nt(cls, text: str) -> DocGraph | None:
        """The graph of an N-Triples text (None when it is not N-Triples: a damaged cache entry)."""
        try:
            return cls([q.triple for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)])
        except (SyntaxError, ValueError):
            return None

    @classmethod
    def from_rdflib(cls, graph: Graph) -> DocGraph:
        """An rdflib graph's triples, in the graph's own order, each term converted once."""
        seen: dict[Node, OxTerm] = {}

        def term(node: Node) -> OxTerm:
            found = seen.get(node)
            if found is None:
                found = seen[node] = to_ox(node)
            return found

        return cls([ox.Triple(term(s), term(p), term(o)) for s, p, o in graph])  # type: ignore[arg-type]

    def to_nt(self) -> str:
        """The graph as N-Triples, in its order (what the cache and the workers hand over)."""
        return (ox.serialize(self.triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")

    def objects(self, subject: Subject, predicate: str) -> list[OxTerm]:
        """The objects of ``subject``'s triples with ``predicate`` (an IRI string), in order."""
        return [o for p, o in self._by_subject.get(subject, ()) if p == predicate]

    def value(self, subject: Subject, predicate: str) -> OxTerm | None:
        """The first object of ``subject`` with ``predicate``, or None."""
        return next((o for p, o in self._by_subject.get(subject, ()) if p == predicate), None)

    def typed(self, cls_iri: str) -> list[Subject]:
        """The subjects typed ``cls_iri`` (``rdf:type``), in order."""
        return [cast(Subject, t.subject) for t in self.triples if t.predicate.value == _TYPE and
                isinstance(t.object, ox.NamedNode) and t.object.value == cls_iri]

    def subjects(self) -> Iterable[Subject]:
        """Every subject, once."""
        return self._by_subject.keys()
