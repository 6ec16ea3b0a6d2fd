"""A parsed document to its named graph: the pure heart of extraction.

``document_graph`` takes a spaCy ``Doc`` and the :class:`Document` it came from
and returns an rdflib ``Graph`` holding every fact read from that document.
Reference facts from the institution list go to :func:`reference_graph`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rdflib import Graph, Literal, URIRef
from spacy.tokens import Doc

from extract.clutter import clutter_spans
from extract.company_lists import SOURCE as COMPANY_LIST, with_company_lists
from extract.coordinated import with_coordinated_bodies
from extract.country import document_side, infer_countries, sentence_sides
from extract.descriptions import described_people
from extract.document import Document
from extract.hierarchy import find_parts
from extract.institutions import Institution, InstitutionList, load_institutions
from extract.lexicon import Lexicon, load_lexicon
from extract.memberships import link, membership_triples, person_country
from extract.events import find_events
from extract.event_graph import event_triples
from extract.statement_graph import statements_and_figures
from extract.statements import find_statements
from extract.mentions import (Mention, find_mentions, government_mentions, heading_spans, listed_by_acronym,
                              qualify_bare_bodies, with_acronyms)
from extract.founders import find_founders
from extract.roles import find_roles
from extract.metadata import author, publication_date, publisher, title
from extract.resolve import Entity, resolve
from extract.slug import fold
from extract.topics import load_scheme, main_topics
from extract.implied_bodies import meeting_series, with_role_mentions
from extract.iris import document_iri, entity_iri, org_iri
from extract.known_people import wikidata_of
from extract.vocab import DCTERMS, ORG, OWL, RDF, SDO, WIKIDATA, XSD

MAX_DOC_TOPICS = 10
T = TypeVar("T")
_SCHEMA_KIND = {"government": SDO.GovernmentOrganization, "legislature": SDO.GovernmentOrganization,
                "judiciary": SDO.GovernmentOrganization, "company": SDO.Corporation, "ngo": SDO.NGO,
                "academic": SDO.EducationalOrganization}


def content_text(text: str, clutter: list[tuple[int, int]]) -> str:
    """The text with clutter blanked out (same length, so offsets stay valid)."""
    chars = list(text)
    for start, end in clutter:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)


def document_graph(doc: Doc, document: Document, *, lexicon: Lexicon | None = None,
                   institutions: InstitutionList | None = None,
                   on_error: Callable[[str], None] | None = None) -> Graph:
    """Every fact read from one document, as a graph to be stored as that document's named graph.

    A rule that fails loses only what it would have found: with ``on_error`` it is told in one line
    and the rest of the document is read; without, the error is raised (tests see every failure).
    """
    lex = lexicon or load_lexicon()
    inst = institutions or load_institutions()
    text = document.text
    clutter = clutter_spans(text)

    def guarded(stage: str, fallback: T, rule: Callable[..., T], *args: Any) -> T:
        try:
            return rule(*args)
        except Exception as exc:  # a rule's bug must not cost the document
            if on_error is None:
                raise
            on_error(f"{document.name}: the {stage} rules failed ({type(exc).__name__}: {exc}); "
                     "what they would have found is left out")
            return fallback

    mentions = with_acronyms(find_mentions(doc, lex, inst, clutter), doc, lex)
    mentions = guarded("company list", mentions, with_company_lists, mentions, doc, lex, inst, clutter)
    mentions = qualify_bare_bodies(listed_by_acronym(mentions, inst, text), doc, lex, inst)
    mentions = sorted(mentions + government_mentions(doc, lex, inst, clutter), key=lambda m: (m.start, m.end))
    mentions = guarded("coordinated body", mentions, with_coordinated_bodies, doc, mentions, lex, inst, clutter)
    parts, children = guarded("part-of", ([], []), find_parts, doc, mentions, lex)
    mentions = sorted(mentions + children, key=lambda m: (m.start, m.end))
    findings, found = guarded("post", ([], []), find_roles, doc, mentions, lex, inst)
    found = found + guarded("description", [], described_people, doc, mentions + found, findings, lex)
    entities = resolve(with_role_mentions(mentions, found, findings, inst, lex, text), inst, lex)
    resolved = sorted((m for e in entities for m in e.mentions), key=lambda m: (m.start, m.end))
    published = document.published or publication_date(text)
    events = guarded("meeting", [], find_events, doc, resolved, published, lex, clutter, heading_spans(text))
    named_events = {fold(ev.name) for ev in events}
    entities = [e for e in entities if not (e.kind == "org" and not e.institution and fold(e.name) in named_events)]
    memberships = link(findings + guarded("founder", [], find_founders, doc, resolved, lex), entities)
    if events:
        series = meeting_series(entities, memberships, inst, lex)
        entities = [e for e in entities if e.key not in series]
        memberships = [m for m in memberships if m.org.key not in series]

    g = Graph()
    d = document_iri(document)
    _document_triples(g, d, document, published, resolved, entities, clutter)
    org_parents = _parents(parts, entities)
    _entity_triples(g, d, entities, memberships, infer_countries(entities, org_parents, inst, lex))
    attended: dict[str, set[URIRef]] = {}
    person_of = {(m.start, m.end): e for e in entities if e.kind == "person" for m in e.mentions}
    for event in events:
        part = Graph()  # an event is written whole or not at all
        node = guarded("meeting", None, event_triples, part, event, d, text, entities, memberships, load_scheme())
        if node is None:
            continue
        g += part
        for m in event.attendees:
            if (m.start, m.end) in person_of:
                attended.setdefault(person_of[(m.start, m.end)].key, set()).add(node)
    event_of = {k: next(iter(v)) for k, v in attended.items() if len(v) == 1}
    said = Graph()
    if guarded("statement", False, _statements, said, doc, d, document, resolved, entities, event_of, clutter, lex):
        g += said
    for m in memberships:
        membership_triples(g, m, entity_iri(m.person), entity_iri(m.org), d, text, lex, inst)
    keyed = {e.key: e for e in entities if e.kind == "org"}
    for child, parent in sorted(org_parents.items()):
        g.add((entity_iri(keyed[child]), ORG.subOrganizationOf, entity_iri(keyed[parent])))
    return g


def _statements(g: Graph, doc: Doc, d: URIRef, document: Document, resolved: list[Mention], entities: list[Entity],
                event_of: dict[str, URIRef], clutter: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Quotations, claims and figures with their speakers, written into ``g``; True when done."""
    statements_and_figures(g, doc, d, document.key, find_statements(doc, resolved, clutter, lex), entities,
                           event_of, load_scheme(), clutter)
    return True


def _document_triples(g: Graph, d: URIRef, document: Document, published: str | None,
                      mentions: list[Mention], entities: list[Entity], clutter: list[tuple[int, int]]) -> None:
    """The document node: source file, title, date, author, publisher and main topics."""
    text = document.text
    g.add((d, RDF.type, SDO.CreativeWork))
    g.add((d, DCTERMS.source, Literal(document.name)))
    if published:
        g.add((d, SDO.datePublished, Literal(published, datatype=XSD.date)))
    for topic in main_topics(content_text(text, clutter), load_scheme(), max_topics=MAX_DOC_TOPICS):
        g.add((d, SDO.about, URIRef(topic.iri)))
    by_mention = {(m.start, m.end, e.kind): e for e in entities for m in e.mentions}
    masthead = publisher(text, [m for m in mentions if m.kind == "org"], clutter)
    byline = author(text, [m for m in mentions if m.kind == "person"], clutter)
    if masthead is not None and (masthead.start, masthead.end, "org") in by_mention:
        g.add((d, SDO.publisher, entity_iri(by_mention[(masthead.start, masthead.end, "org")])))
    if byline is not None and (byline.start, byline.end, "person") in by_mention:
        g.add((d, SDO.author, entity_iri(by_mention[(byline.start, byline.end, "person")])))
    mastheads = [m.text for m in mentions if m.kind == "org" and m.start < 400]
    g.add((d, SDO.name, Literal(title(text, clutter, skip=mastheads) or document.name)))


def _parents(parts: list, entities: list[Entity]) -> dict[str, str]:
    """Part-of links read from the text, by entity key (child -> parent)."""
    by_span = {(m.start, m.end): e for e in entities if e.kind == "org" for m in e.mentions}
    return {by_span[p.child].key: by_span[p.parent].key for p in parts
            if p.child in by_span and p.parent in by_span and by_span[p.child] is not by_span[p.parent]}


def _entity_triples(g: Graph, d: URIRef, entities: list[Entity], memberships: list,
                    org_country: dict[str, str | None]) -> None:
    """People, organizations and places with their names and sides."""
    sides = {**org_country, **{e.key: person_country(e, memberships, org_country)
                               for e in entities if e.kind == "person"}}
    sides |= sentence_sides(entities, sides)  # a person the text gives no side: their sentences' one side,
    home = document_side(entities, sides)  # else the document's own side
    sides |= {e.key: home for e in entities if e.kind == "person" and not sides.get(e.key) and home}
    for entity in entities:
        node = entity_iri(entity)
        g.add((d, SDO.mentions, node))
        if entity.kind == "person":
            g.add((node, RDF.type, SDO.Person))
            item = wikidata_of(entity.name)  # a listed office-holder named in full
            if item:
                g.add((node, OWL.sameAs, URIRef(f"{WIKIDATA}{item}")))
            country = sides.get(entity.key)
            if country:
                g.add((node, SDO.nationality, Literal(country)))
        elif entity.kind == "org":
            g.add((node, RDF.type, SDO.Organization))
            if not entity.institution and any(m.source == COMPANY_LIST for m in entity.mentions):
                g.add((node, RDF.type, SDO.Corporation))
            if not entity.institution and org_country.get(entity.key):
                g.add((node, SDO.addressCountry, Literal(org_country[entity.key])))
        else:
            g.add((node, RDF.type, SDO.Place))
        g.add((node, SDO.name, Literal(entity.name)))
        for alias in sorted(entity.aliases):
            if fold(alias) != fold(entity.name) or alias != entity.name:
                g.add((node, SDO.alternateName, Literal(alias)))


def institution_graph(institution: Institution, institutions: InstitutionList | None = None) -> Graph:
    """Reference facts about one listed institution (they live in the default graph).

    Its parent body, and also the top of its hierarchy (a ministry's agency is part of the national
    government too), with ``org:transitiveSubOrganizationOf`` for every ancestor.
    """
    g = Graph()
    node = org_iri(institution.name, institution.id)
    g.add((node, RDF.type, SDO.Organization))
    if institution.kind in _SCHEMA_KIND:
        g.add((node, RDF.type, _SCHEMA_KIND[institution.kind]))
    g.add((node, SDO.name, Literal(institution.name)))
    for alt in sorted({*institution.acronyms, *([institution.spanish] if institution.spanish else [])}):
        g.add((node, SDO.alternateName, Literal(alt)))
    if institution.country != "XX":
        g.add((node, SDO.addressCountry, Literal(institution.country)))
    g.add((node, SDO.additionalType, Literal(institution.kind)))
    if institution.parent:
        g.add((node, ORG.subOrganizationOf, org_iri("", institution.parent)))
    chain = institutions.ancestors(institution.id) if institutions else []
    for ancestor in chain:
        g.add((node, ORG.transitiveSubOrganizationOf, org_iri("", ancestor.id)))
    if len(chain) > 1:  # also directly under the top of its hierarchy: a national government or congress
        g.add((node, ORG.subOrganizationOf, org_iri("", chain[-1].id)))
    if institution.wikidata:
        g.add((node, OWL.sameAs, URIRef(f"{WIKIDATA}{institution.wikidata}")))
    return g


def reference_graph(institution_ids: set[str], institutions: InstitutionList | None = None) -> Graph:
    """Reference facts for the given institutions and their ancestors."""
    inst = institutions or load_institutions()
    wanted = set(institution_ids)
    for i in institution_ids:
        wanted |= {a.id for a in inst.ancestors(i)}
    g = Graph()
    for i in sorted(wanted):
        g += institution_graph(inst.by_id[i], inst)
    return g


__all__ = ["document_graph", "reference_graph", "institution_graph", "content_text"]
