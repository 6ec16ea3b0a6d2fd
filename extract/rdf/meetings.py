"""Meetings to triples: a ``schema:Event`` per meeting, with dates, place, people, topics and evidence."""
from __future__ import annotations

import re

from rdflib import Literal, URIRef

from extract.entities import Entities
from extract.events import Event
from extract.findings import Meeting
from extract.iris import entity_iri
from extract.rdf.provenance import provenance
from extract.rdf.sink import TripleSink
from extract.roles.memberships import Membership
from extract.slug import slugify
from extract.vocab import ID, RDF, SDO, TG, XSD

VIRTUAL = ID["place/virtual"]


def date_literal(value: str) -> Literal:
    """``2024-01-22`` as xsd:date, ``2024-01`` as xsd:gYearMonth, ``2024`` as xsd:gYear."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d\d", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def event_iri(event: Event, doc: URIRef) -> URIRef:
    """Stable across documents when the day is known: the same name on the same start day is the same meeting.
    A meeting known only to its year or month, or undated, is its document's own ("dialogue in Mexico City" in
    two stories is two meetings unless the merge step finds them the same)."""
    slug = slugify(event.name, max_length=70)
    if event.start and re.fullmatch(r"\d{4}-\d\d-\d\d", event.start):
        return ID[f"event/{slug}--{event.start}"]
    own = f"{slugify(str(doc).rsplit('/', 1)[-1], max_length=40)}-{event.sentence[0]}"  # two in one story differ
    return ID[f"event/{slug}--{event.start or 'undated'}--{own}"]


def meeting_triples(g: TripleSink, meeting: Meeting, doc: URIRef, *, entities: Entities,
                    memberships: list[Membership]) -> URIRef:
    """Add one meeting to ``g``; returns its IRI. Its attendees are the people named as taking part, the
    bodies named as taking part or organizing it, and the bodies those people hold a current post in."""
    event = meeting.event
    node = event_iri(event, doc)
    g.add((doc, SDO.mentions, node))
    g.add((node, RDF.type, SDO.Event))
    g.add((node, SDO.name, Literal(event.name)))
    for alias in sorted(event.aliases - {event.name}):
        g.add((node, SDO.alternateName, Literal(alias)))
    if event.start:
        g.add((node, SDO.startDate, date_literal(event.start)))
    if event.end:
        g.add((node, SDO.endDate, date_literal(event.end)))
    if event.planned:
        g.add((node, TG.planned, Literal(True)))
    if event.parent is not None:  # a meeting held on a visit is a part of it
        g.add((event_iri(event.parent, doc), SDO.subEvent, node))
    _place(g, node, event, entities)
    people = {entities.at(m.start, m.end, "person") for m in event.attendees} - {None}
    orgs = {entities.at(m.start, m.end, "org") for m in event.org_attendees + event.organizers} - {None}
    orgs |= {ms.org for ms in memberships if ms.person in people and not ms.former}
    for m in event.organizers:
        org = entities.at(m.start, m.end, "org")
        if org is not None:
            g.add((node, SDO.organizer, entity_iri(org)))
    for actor in sorted((a for a in people | orgs if a is not None), key=lambda e: (e.kind, e.key)):
        g.add((node, SDO.attendee, entity_iri(actor)))
    for topic in meeting.topics:
        g.add((node, SDO.about, URIRef(topic)))
    provenance(g, node, meeting.evidence, doc)
    return node


def _place(g: TripleSink, node: URIRef, event: Event, entities: Entities) -> None:
    """Where the meeting was held: a place of the document, or online."""
    if event.location is not None:
        place = entities.at(event.location.start, event.location.end, "place")
        if place is not None:
            g.add((node, SDO.location, entity_iri(place)))
    elif event.virtual:  # held online: a place that is no place, as schema.org has it
        g.add((node, SDO.location, VIRTUAL))
        g.add((VIRTUAL, RDF.type, SDO.Place))
        g.add((VIRTUAL, RDF.type, SDO.VirtualLocation))
        g.add((VIRTUAL, SDO.name, Literal("virtual")))


__all__ = ["meeting_triples", "event_iri", "date_literal", "VIRTUAL"]
