"""Findings to RDF: the one place where what extraction found becomes the document's named graph.

:func:`write` turns a document's :class:`extract.findings.Findings` into triples; every fact's provenance
block is written by :func:`extract.rdf.provenance.provenance`. Reference facts (the institution list) are
:mod:`extract.rdf.reference`.
"""
from __future__ import annotations

from rdflib import Graph, URIRef

from extract.findings import Findings
from extract.guard import Guard
from extract.iris import document_iri
from extract.rdf.actors import document_triples, entity_triples, membership_triples, part_of_triples
from extract.rdf.meetings import meeting_triples
from extract.rdf.sink import Triples, graph_order, to_graph
from extract.rdf.statements import lone_figure_triples, statement_triples


def write(findings: Findings, guard: Guard) -> Graph:
    """The document's graph. A meeting is written whole or not at all, and so are the statements and figures
    together; a writer that fails for them loses only them (``guard``)."""
    g = Triples()  # built into one Graph at the end (extract.rdf.sink)
    doc = document_iri(findings.reading.document)
    document_triples(g, doc, findings)
    entity_triples(g, doc, findings)
    event_of = _meetings(g, doc, findings, guard)
    said = Triples()
    if guard("statement", _statements, said, doc, findings, event_of, fallback=False):
        g += graph_order(said)  # as `graph += said` added them when it was a Graph
    for m in findings.memberships:
        membership_triples(g, m, doc, findings)
    part_of_triples(g, findings)
    return to_graph(g)


def _meetings(g: Triples, doc: URIRef, findings: Findings, guard: Guard) -> dict[str, URIRef]:
    """Write the meetings; returns, for each person who attended exactly one of them, its IRI."""
    attended: dict[str, set[URIRef]] = {}
    for meeting in findings.meetings:
        part = Triples()
        node = guard("meeting", meeting_triples, part, meeting, doc, entities=findings.entities,
                     memberships=findings.memberships, fallback=None)
        if node is None:
            continue
        g += graph_order(part)
        for m in meeting.event.attendees:
            person = findings.entities.at(m.start, m.end, "person")
            if person is not None:
                attended.setdefault(person.key, set()).add(node)
    return {k: next(iter(v)) for k, v in attended.items() if len(v) == 1}


def _statements(g: Triples, doc: URIRef, findings: Findings, event_of: dict[str, URIRef]) -> bool:
    """Statements and the figures cited outside them; True when written."""
    key = findings.reading.document.key
    for said in findings.statements:
        statement_triples(g, said, doc, document_key=key, made_at=event_of.get(said.speaker.key))
    for figure in findings.figures:
        lone_figure_triples(g, figure, doc, document_key=key)
    return True


__all__ = ["write"]
