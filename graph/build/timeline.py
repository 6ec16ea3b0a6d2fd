"""When the corpus saw each membership: the first and last publication dates of the documents stating it.

A role read in a 2021 article and one read in 2025 can then be told apart; ``tg:former`` stays
relative to each document, in that document's graph. These are corpus-level facts, so they go to
the default graph.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from extract.vocab import ORG, SDO, TG, XSD
from graph.build.docgraph import DocGraph

_PUBLISHED, _MEMBERSHIP = str(SDO.datePublished), str(ORG.Membership)


def seen_dates(graphs: list[tuple[URIRef, DocGraph]]) -> Graph:
    """``tg:firstSeen`` / ``tg:lastSeen`` for every membership stated by a dated document."""
    seen = Seen()
    for doc, g in graphs:
        seen.read(doc, g)
    return seen.graph()


class Seen:
    """The publication dates of the documents stating each membership, read one document at a time."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}
        self._last: dict[str, str] = {}

    def read(self, doc: URIRef, g: DocGraph) -> None:
        """Note the memberships ``doc``'s graph ``g`` states, if the document is dated."""
        published = g.value(ox.NamedNode(str(doc)), _PUBLISHED)
        if published is None:
            return
        day = published.value
        for node in g.typed(_MEMBERSHIP):
            first = self._first.get(node.value)
            if first is None:
                self._first[node.value] = self._last[node.value] = day
            else:
                self._first[node.value], self._last[node.value] = min(first, day), max(self._last[node.value], day)

    def graph(self) -> Graph:
        """``tg:firstSeen`` / ``tg:lastSeen`` of every membership seen."""
        out = Graph()
        for m in sorted(self._first):
            out.add((URIRef(m), TG.firstSeen, Literal(self._first[m], datatype=XSD.date)))
            out.add((URIRef(m), TG.lastSeen, Literal(self._last[m], datatype=XSD.date)))
        return out
