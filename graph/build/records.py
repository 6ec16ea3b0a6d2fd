"""Compact records of the actors of many document graphs, read once, for :mod:`graph.build.merge`.

Cross-document resolution compares names, keys and types, never triples. This module walks each
document's graph once and keeps only that: every actor node's kind, names and evidence (documents,
sides, organizations, Wikidata items), every dated meeting's attendees and name words, and the set
of IRIs the documents name. The merge then works on these records alone, and the graphs are only
read again to be rewritten (:func:`graph.build.merge.rewrite`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from rdflib import Graph, URIRef
from rdflib.term import Node

from extract.slug import fold
from extract.vocab import ORG, OWL, RDF, SDO, WIKIDATA
from graph.build.groups import Evidence

KINDS = (("person", SDO.Person), ("org", SDO.Organization), ("event", SDO.Event))


@dataclass(frozen=True)
class Meeting:
    """A dated meeting as one document reports it: its node, attendees and the words of its name."""

    node: URIRef
    attendees: frozenset[Node]
    words: frozenset[str]


@dataclass
class Actors:
    """What the merge needs to know of every actor node across all documents."""

    names: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))  # every name, alternates too
    primary: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))  # schema:name only
    kinds: dict[URIRef, str] = field(default_factory=dict)  # "person", "org" or "event"
    evidence: dict[URIRef, Evidence] = field(default_factory=lambda: defaultdict(Evidence))
    meetings: dict[str, list[Meeting]] = field(default_factory=lambda: defaultdict(list))  # by day, in document order
    nodes: set[URIRef] = field(default_factory=set)  # every IRI named as a subject or an object


def _iris(nodes: Iterable[Node]) -> list[URIRef]:
    """Actor nodes as the IRIs they are: extraction names every person, organization and meeting, and
    their Wikidata items, by an IRI (docs/data-model.md), while rdflib types any subject or object as ``Node``."""
    return [cast(URIRef, n) for n in nodes]


def collect(graphs: Iterable[tuple[URIRef, Graph]]) -> Actors:
    """Read the records of every document graph, in document order (a node typed twice keeps the last kind)."""
    found = Actors()
    for doc, g in graphs:
        _read_actors(found, doc, g)
        _read_meetings(found, g)
        for s, _, o in g:
            found.nodes.add(cast(URIRef, s))
            if isinstance(o, URIRef):
                found.nodes.add(o)
    return found


def _read_actors(found: Actors, doc: URIRef, g: Graph) -> None:
    for kind, cls in KINDS:
        for node in _iris(g.subjects(RDF.type, cls)):
            found.kinds[node] = kind
            primary = found.primary[node]
            primary |= {str(o) for o in g.objects(node, SDO.name)}
            names = found.names[node]
            names |= primary
            names |= {str(o) for o in g.objects(node, SDO.alternateName)}
            ev = found.evidence[node]
            ev.docs.add(doc)
            ev.sides |= {str(o) for o in g.objects(node, SDO.nationality)}
            ev.orgs |= {o for o in g.objects(node, ORG.memberOf) if isinstance(o, URIRef)}
            ev.items |= set(_iris(o for o in g.objects(node, OWL.sameAs) if str(o).startswith(WIKIDATA)))


def _read_meetings(found: Actors, g: Graph) -> None:
    """Meetings with a full start day (only those can be the same meeting reported twice)."""
    for event in _iris(g.subjects(RDF.type, SDO.Event)):
        start = g.value(event, SDO.startDate)
        if start is None or len(str(start)) != 10:
            continue
        words = {w for n in g.objects(event, SDO.name) for w in fold(str(n)).split() if len(w) > 2}
        found.meetings[str(start)].append(Meeting(event, frozenset(g.objects(event, SDO.attendee)), frozenset(words)))
