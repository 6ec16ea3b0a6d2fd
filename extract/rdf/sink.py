"""Where the writers put triples: anything with ``add``, an rdflib ``Graph`` or a plain :class:`Triples` list.

The writers of :mod:`extract.rdf` add one triple at a time. Into an rdflib Graph each ``add`` goes through
the memory store's indexes and an event dispatch, and a meeting's or the statements' triples, written apart
so that a failure loses only them, were added twice (to their own graph, then to the document's). The
document's writer collects them in :class:`Triples` lists instead and builds the Graph once, adding the same
triples in the same order (a part's in the order its own Graph gave them: :func:`graph_order`), so the Graph,
down to the order it yields its triples in, is the one the per-triple writing built.

>>> from rdflib import URIRef
>>> part, whole = Triples(), Triples()
>>> part.add((URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b")))
>>> whole += graph_order(part)
>>> len(to_graph(whole))
1
"""
from __future__ import annotations

from typing import Protocol

from rdflib import Graph
from rdflib.term import Node

from extract.rdf.bulk_graph import bulk_graph

Triple = tuple[Node, Node, Node]


class TripleSink(Protocol):
    """What the writers add triples to."""

    def add(self, triple: Triple, /) -> object: ...


class Triples(list[Triple]):
    """Triples in the order they were written (duplicates kept: the Graph drops them when it is built)."""

    def add(self, triple: Triple, /) -> None:
        """Add one triple; a part that is no RDF term fails here, where it is written, as in ``Graph.add``."""
        s, p, o = triple
        assert isinstance(s, Node), f"Subject {s} must be an rdflib term"
        assert isinstance(p, Node), f"Predicate {p} must be an rdflib term"
        assert isinstance(o, Node), f"Object {o} must be an rdflib term"
        self.append(triple)


def graph_order(triples: Triples) -> list[Triple]:
    """``triples`` without repeats, in the order an rdflib Graph holding them yields them (and so the order
    ``graph += part`` added a part's triples in, when parts were Graphs): the memory store keeps a graph's
    triples in a set, filled one ``add`` at a time and copied when iterated. The same set operations here
    give the same order, so the document's Graph is built exactly as before."""
    kept: set[Triple] = set()
    for triple in triples:
        kept.add(triple)
    return list(kept.copy())


def to_graph(triples: Triples) -> Graph:
    """A new Graph of ``triples``, as one ``addN`` in their order builds it (filled at once: :mod:`.bulk_graph`)."""
    return bulk_graph(triples)


__all__ = ["Triple", "TripleSink", "Triples", "graph_order", "to_graph"]
