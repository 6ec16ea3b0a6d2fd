"""The Popolo export: people, organizations, memberships, meetings and countries in Popolo's field names.

Read from the actor network (:mod:`graph.network.actors`); which relations are memberships, parents,
organizers, places and attendance is the data model's (``hints`` in ``graph/data/schema.yaml``), a
country's name is ``extract/data/countries.yaml``'s.

>>> from graph.build.store import new_dataset
>>> popolo(new_dataset())["persons"]
[]
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import URIRef

from extract.vocab import DCTERMS, OWL, SDO, WIKIDATA
from graph.network.actors import KINDS, MEETING, ORGANIZATION, PERSON, actor_network
from graph.network.details import country_name
from graph.network.evidence import Evidence, one
from graph.network.readable import Readable
from graph.network.schema import load_schema

__all__ = ["popolo"]

_SCHEMA = load_schema()
_MEMBERSHIP, _PARENT = _SCHEMA.with_hint("membership"), _SCHEMA.with_hint("parent")
_ORGANIZED, _HELD_IN, _TOOK_PART = (_SCHEMA.with_hint(h) for h in ("organized", "held_in", "took_part"))
#: the relation whose evidence a Popolo event's sources are: an attendee's
_ATTENDED = _SCHEMA.relation_of(SDO.attendee).key


def _sources(evidence: Iterable[Evidence], docs: dict[str, str]) -> list[dict[str, str]]:
    return [{"url": docs.get(e.document, e.document), "note": f"{e.document}: “{' '.join(e.text.split())}”"}
            for e in evidence]


def _other_names(data: dict[str, Any]) -> list[dict[str, str]]:
    return [{"name": n} for n in data.get("names", [])]


def popolo(ds: Readable) -> dict[str, list[dict[str, Any]]]:
    """People, organizations, memberships, meetings and countries in Popolo's field names.

    ``persons``: ``id, name, other_names, national_identity`` (ISO code of ``schema:nationality``);
    ``organizations``: ``id, name, other_names, classification`` (the kind), ``parent_id`` (the
    immediate parent), ``area_id`` (its country), ``identifiers`` (Wikidata);
    ``memberships``: ``id, person_id, organization_id, role`` (the title as written), ``label``
    (``"former …"`` when every document stating it says so), ``sources`` (evidence);
    ``events``: ``id, name, classification, start_date, end_date, location, organization_id``
    (an organizing institution), ``status`` (``"planned"``), ``attendees`` (the people, as ``id`` and
    ``name``), ``sources``; ``areas``: the countries. Ids are the graph's IRIs.

    Notes:
        The data model gives no start or end dates for memberships, so none are written
        (``tg:firstSeen``/``tg:lastSeen`` are when documents mentioned a role, not its term).
        Organizations that attended a meeting have no place in a Popolo event; the other formats keep them.
    """
    actors = actor_network(ds, kinds=KINDS)
    docs = {str(src): str(doc) for doc, src in ds.subject_objects(DCTERMS.source)}
    kind = dict(actors.nodes(data="kind"))
    persons, organizations, memberships, events = [], [], [], []
    countries: set[str] = set()
    for node, data in actors.nodes(data=True):
        if kind[node] == PERSON:
            person = {"id": node, "name": data["label"], "other_names": _other_names(data)}
            if data.get("country"):
                person["national_identity"] = data["country"]
            persons.append(person)
        elif kind[node] == ORGANIZATION:
            org: dict[str, Any] = {"id": node, "name": data["label"], "other_names": _other_names(data)}
            classification = one(ds, URIRef(node), SDO.additionalType)
            if classification is not None:
                org["classification"] = str(classification)
            parents = sorted(t for _, t, r in actors.out_edges(node, data="relation", default="") if r in _PARENT)
            if parents:
                org["parent_id"] = parents[0]
            if data.get("country"):
                org["area_id"] = f"country/{data['country']}"
                countries.add(data["country"])
            wikidata = sorted(str(o)[len(WIKIDATA):] for o in ds.objects(URIRef(node), OWL.sameAs)
                              if str(o).startswith(WIKIDATA))
            if wikidata:
                org["identifiers"] = [{"scheme": "wikidata", "identifier": q} for q in wikidata]
            organizations.append(org)
        elif kind[node] == MEETING:
            events.append(_event(ds, actors, node, docs))
    for person, org, key, data in sorted(actors.edges(keys=True, data=True), key=lambda e: str(e[2])):
        if data.get("relation") in _MEMBERSHIP:
            title = str(data.get("label", _SCHEMA.only("membership").label))
            memberships.append({"id": key, "person_id": person, "organization_id": org, "role": title,
                                "label": f"former {title}" if data.get("former") else title,
                                "sources": _sources(data.get("evidence", []), docs)})
    areas = [{"id": f"country/{c}", "name": country_name(c), "classification": "country",
              "identifiers": [{"scheme": "ISO 3166-1 alpha-2", "identifier": c}]} for c in sorted(countries)]
    return {"persons": persons, "organizations": organizations, "memberships": memberships, "events": events,
            "areas": areas}


def _event(ds: Readable, actors: nx.MultiDiGraph, node: str, docs: dict[str, str]) -> dict[str, Any]:
    data = actors.nodes[node]
    event: dict[str, Any] = {"id": node, "name": data["label"], "classification": MEETING}
    if data.get("date"):
        event["start_date"] = data["date"]
    end = one(ds, URIRef(node), SDO.endDate)
    if end is not None:
        event["end_date"] = str(end)
    places = sorted(str(actors.nodes[t]["label"]) for _, t, r in actors.out_edges(node, data="relation", default="")
                    if r in _HELD_IN)
    if places:
        event["location"] = ", ".join(places)
    incoming = [(s, r) for s, _, r in actors.in_edges(node, data="relation", default="")]
    organizers = sorted(s for s, r in incoming if r in _ORGANIZED and actors.nodes[s]["kind"] == ORGANIZATION)
    if organizers:
        event["organization_id"] = organizers[0]
    if data.get("planned"):
        event["status"] = "planned"
    people = sorted({s for s, r in incoming if r in _TOOK_PART and actors.nodes[s]["kind"] == PERSON})
    event["attendees"] = [{"id": p, "name": actors.nodes[p]["label"]} for p in people]
    evidence = sorted({e for s, _, d in actors.in_edges(node, data=True) if d.get("relation") == _ATTENDED
                       for e in d.get("evidence", [])})
    event["sources"] = _sources(evidence, docs)
    return event
