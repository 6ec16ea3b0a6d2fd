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

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from extract.slug import fold
from extract.vocab import ORG, OWL, SDO, WIKIDATA
from graph.build.docgraph import DocGraph
from graph.build.groups import Evidence
from graph.build.terms import OxTerm

KINDS = (("person", str(SDO.Person)), ("org", str(SDO.Organization)), ("event", str(SDO.Event)))
_NAME, _ALT, _NATION = str(SDO.name), str(SDO.alternateName), str(SDO.nationality)
_MEMBER, _SAME, _START, _ATTENDEE = str(ORG.memberOf), str(OWL.sameAs), str(SDO.startDate), str(SDO.attendee)


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


def _iri(node: OxTerm) -> URIRef:
    """An actor node as the IRI it is: extraction names every person, organization and meeting, and their
    Wikidata items, by an IRI (docs/data-model.md)."""
    return URIRef(node.value)


def collect(graphs: Iterable[tuple[URIRef, DocGraph]]) -> Actors:
    """Read the records of every document graph, in document order (a node typed twice keeps the last kind)."""
    found = Actors()
    for doc, g in graphs:
        read_document(found, doc, g)
    return found


def read_document(found: Actors, doc: URIRef, g: DocGraph) -> None:
    """Add the records of ``doc``'s graph ``g`` to ``found`` (documents are read in document order)."""
    _read_actors(found, doc, g)
    _read_meetings(found, g)


def _read_actors(found: Actors, doc: URIRef, g: DocGraph) -> None:
    for kind, cls in KINDS:
        for term in g.typed(cls):
            node = _iri(term)
            found.kinds[node] = kind
            primary = found.primary[node]
            primary |= {o.value for o in g.objects(term, _NAME)}
            names = found.names[node]
            names |= primary
            names |= {o.value for o in g.objects(term, _ALT)}
            ev = found.evidence[node]
            ev.docs.add(doc)
            ev.sides |= {o.value for o in g.objects(term, _NATION)}
            ev.orgs |= {_iri(o) for o in g.objects(term, _MEMBER) if isinstance(o, ox.NamedNode)}
            ev.items |= {_iri(o) for o in g.objects(term, _SAME) if o.value.startswith(WIKIDATA)}


def _read_meetings(found: Actors, g: DocGraph) -> None:
    """Meetings with a full start day (only those can be the same meeting reported twice)."""
    for event in g.typed(KINDS[2][1]):
        start = g.value(event, _START)
        if start is None or len(start.value) != 10:
            continue
        words = {w for n in g.objects(event, _NAME) for w in fold(n.value).split() if len(w) > 2}
        attendees = frozenset(_iri(a) for a in g.objects(event, _ATTENDEE))
        found.meetings[start.value].append(Meeting(_iri(event), attendees, frozenset(words)))
