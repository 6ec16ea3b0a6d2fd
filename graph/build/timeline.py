"""When the corpus saw each membership: the first and last publication dates of the documents stating it.

A role read in a 2021 article and one read in 2025 can then be told apart; ``tg:former`` stays
relative to each document, in that document's graph. These are corpus-level facts, so they go to
the default graph.
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from extract.vocab import ORG, RDF, SDO, TG, XSD


def seen_dates(graphs: list[tuple[URIRef, Graph]]) -> Graph:
    """``tg:firstSeen`` / ``tg:lastSeen`` for every membership stated by a dated document."""
    dates: dict[Node, list[str]] = {}
    for doc, g in graphs:
        published = g.value(doc, SDO.datePublished)
        if published is None:
            continue
        for m in g.subjects(RDF.type, ORG.Membership):
            dates.setdefault(m, []).append(str(published))
    out = Graph()
    for m, seen in sorted(dates.items()):
        out.add((m, TG.firstSeen, Literal(min(seen), datatype=XSD.date)))
        out.add((m, TG.lastSeen, Literal(max(seen), datatype=XSD.date)))
    return out
