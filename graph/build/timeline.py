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


def seen_dates(graphs: list[tuple[URIRef, DocGraph]]) -> Graph:
    """``tg:firstSeen`` / ``tg:lastSeen`` for every membership stated by a dated document."""
    dates: dict[URIRef, list[str]] = {}
    published_at, membership = str(SDO.datePublished), str(ORG.Membership)
    for doc, g in graphs:
        published = g.value(ox.NamedNode(str(doc)), published_at)
        if published is None:
            continue
        for node in g.typed(membership):
            dates.setdefault(URIRef(node.value), []).append(published.value)
    out = Graph()
    for m, seen in sorted(dates.items()):
        out.add((m, TG.firstSeen, Literal(min(seen), datatype=XSD.date)))
        out.add((m, TG.lastSeen, Literal(max(seen), datatype=XSD.date)))
    return out
