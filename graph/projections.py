"""RDF -> networkx views of the graph, shared by the HTML view, notebooks and exports.

>>> from graph.store import new_dataset
>>> actor_network(new_dataset()).number_of_nodes()
0
"""
from __future__ import annotations

import networkx as nx
from rdflib import Dataset, URIRef

from extract.vocab import DCTERMS, ORG, RDF, SDO, SKOS

KIND_OF_TYPE = {SDO.Person: "person", SDO.Organization: "organization", SDO.Event: "meeting",
                SDO.Place: "place"}


def _label(ds: Dataset, node: URIRef) -> str:
    for p in (SDO.name, SKOS.prefLabel):
        for o in sorted(ds.objects(node, p)):
            return str(o)
    return str(node).rsplit("/", 1)[-1]


def actor_network(ds: Dataset, *, kinds: tuple[str, ...] = ("person", "organization", "meeting", "place")
                  ) -> nx.MultiDiGraph:
    """People, organizations, meetings and places as nodes; memberships, hierarchy and attendance as edges.

    Node attributes: ``label``, ``kind``, ``country`` (ISO code or ``""``), ``documents`` (file names).
    Edge attributes: ``relation`` (memberOf, subOrganizationOf, attendee, location) and ``label``.
    """
    g = nx.MultiDiGraph()
    docs_of: dict[URIRef, set[str]] = {}
    for doc, source in ds.subject_objects(DCTERMS.source):
        for node in ds.objects(doc, SDO.mentions):
            docs_of.setdefault(node, set()).add(str(source))
    for cls, kind in KIND_OF_TYPE.items():
        if kind not in kinds:
            continue
        for node in sorted(set(ds.subjects(RDF.type, cls))):
            country = next(iter(sorted(ds.objects(node, SDO.nationality))), None) or \
                next(iter(sorted(ds.objects(node, SDO.addressCountry))), None)
            g.add_node(str(node), label=_label(ds, node), kind=kind, country=str(country or ""),
                       documents=sorted(docs_of.get(node, ())))
    for m in sorted(set(ds.subjects(RDF.type, ORG.Membership))):
        person, org = ds.value(m, ORG.member), ds.value(m, ORG.organization)
        role = ds.value(m, ORG.role)
        title = str(ds.value(role, SKOS.prefLabel) or "member") if role is not None else "member"
        if person is not None and org is not None and str(person) in g and str(org) in g:
            g.add_edge(str(person), str(org), key=str(m), relation="memberOf", label=title)
    for s, o in sorted(ds.subject_objects(ORG.subOrganizationOf)):
        if str(s) in g and str(o) in g:
            g.add_edge(str(s), str(o), key="subOrganizationOf", relation="subOrganizationOf", label="part of")
    for e, a in sorted(ds.subject_objects(SDO.attendee)):
        if str(e) in g and str(a) in g:
            g.add_edge(str(a), str(e), key="attendee", relation="attendee", label="attended")
    for e, p in sorted(ds.subject_objects(SDO.location)):
        if str(e) in g and str(p) in g:
            g.add_edge(str(e), str(p), key="location", relation="location", label="held in")
    return g
