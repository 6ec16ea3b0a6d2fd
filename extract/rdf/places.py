"""A place listed in the gazetteer, to triples: its English name, every other name, its Wikidata item and the
places that hold it (``schema:containedInPlace``), each of those a ``schema:Place`` described the same way.

Every document that mentions a listed place describes it alike, so the node is one across documents.

>>> from rdflib import Graph
>>> from extract.reference.gazetteer import load_gazetteer
>>> g = Graph()
>>> node = describe_listed(g, load_gazetteer().by_id["laredo"], ["LAREDO, Texas"])
>>> str(node), [str(o).rsplit("/", 1)[-1] for o in g.objects(node, SDO.containedInPlace)]
('https://w3id.org/tradegraph/id/place/laredo', ['texas'])
>>> sorted(str(o) for o in g.objects(node, SDO.alternateName))
['LAREDO, Texas']
"""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal, URIRef

from extract.iris import place_iri
from extract.rdf.sink import TripleSink
from extract.reference.gazetteer import Gazetteer, Place, load_gazetteer
from extract.slug import fold
from extract.vocab import OWL, RDF, SDO, WIKIDATA

__all__ = ["describe_listed", "listed_place"]


def listed_place(name: str) -> Place | None:
    """The gazetteer place a resolved place entity of this name is (``extract.resolve`` names it so)."""
    return load_gazetteer().named(name)


def describe_listed(g: TripleSink, place: Place, written: Iterable[str] = (), *,
                    gazetteer: Gazetteer | None = None) -> URIRef:
    """Add ``place`` and the places holding it to ``g``; returns its IRI. ``written`` are the forms the
    document used: those that are none of the listed names ("Laredo, Texas") become alternate names too."""
    gaz = gazetteer or load_gazetteer()
    listed = {fold(n) for n in (place.name, *place.names)}
    node = _describe(g, place, [w for w in written if fold(w) not in listed])
    inner = node
    for outer in gaz.within(place):
        outer_node = _describe(g, outer, [])
        g.add((inner, SDO.containedInPlace, outer_node))
        inner = outer_node
    return node


def _describe(g: TripleSink, place: Place, extra: list[str]) -> URIRef:
    node = place_iri(place.name)  # its id is its name's slug
    g.add((node, RDF.type, SDO.Place))
    g.add((node, SDO.name, Literal(place.name)))
    for name in (*place.names, *extra):
        g.add((node, SDO.alternateName, Literal(name)))
    if place.wikidata:
        g.add((node, OWL.sameAs, URIRef(f"{WIKIDATA}{place.wikidata}")))
    return node
