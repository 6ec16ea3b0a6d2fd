"""The document node and the actors it names, to triples: people, bodies, places, the posts people hold in
bodies (``org:Membership`` with its ``org:Role``) and the part-of links the text states."""
from __future__ import annotations

from rdflib import Literal, URIRef

from extract.findings import Findings
from extract.iris import entity_iri
from extract.organizations.company_lists import SOURCE as COMPANY_LIST
from extract.rdf.places import describe_listed, listed_place
from extract.rdf.provenance import provenance
from extract.rdf.sink import TripleSink
from extract.reference.institutions import InstitutionList
from extract.reference.known_people import wikidata_of
from extract.reference.lexicon import Lexicon
from extract.resolve import Entity
from extract.roles.memberships import Membership
from extract.slug import fold, slugify
from extract.vocab import DCTERMS, ID, ORG, OWL, RDF, SDO, SKOS, TG, WIKIDATA, XSD


def document_triples(g: TripleSink, doc: URIRef, findings: Findings) -> None:
    """The document node: source file, language, title, date, author, publisher and main topics."""
    about, entities = findings.about, findings.entities
    g.add((doc, RDF.type, SDO.CreativeWork))
    g.add((doc, DCTERMS.source, Literal(findings.reading.document.name)))
    g.add((doc, DCTERMS.language, Literal(findings.reading.language)))
    if about.published:
        g.add((doc, SDO.datePublished, Literal(about.published, datatype=XSD.date)))
    for topic in about.topics:
        g.add((doc, SDO.about, URIRef(topic)))
    masthead = entities.at(about.publisher.start, about.publisher.end, "org") if about.publisher else None
    byline = entities.at(about.author.start, about.author.end, "person") if about.author else None
    if masthead is not None:
        g.add((doc, SDO.publisher, entity_iri(masthead)))
    if byline is not None:
        g.add((doc, SDO.author, entity_iri(byline)))
    g.add((doc, SDO.name, Literal(about.title)))


def entity_triples(g: TripleSink, doc: URIRef, findings: Findings) -> None:
    """People, organizations and places with their names and sides."""
    for entity in findings.entities:
        node = entity_iri(entity)
        g.add((doc, SDO.mentions, node))
        if entity.kind == "person":
            g.add((node, RDF.type, SDO.Person))
            item = wikidata_of(entity.name)  # a listed office-holder named in full
            if item:
                g.add((node, OWL.sameAs, URIRef(f"{WIKIDATA}{item}")))
            country = findings.sides.get(entity.key)
            if country:
                g.add((node, SDO.nationality, Literal(country)))
        elif entity.kind == "org":
            g.add((node, RDF.type, SDO.Organization))
            if not entity.institution and any(m.source == COMPANY_LIST for m in entity.mentions):
                g.add((node, RDF.type, SDO.Corporation))
            if not entity.institution and findings.org_country.get(entity.key):
                g.add((node, SDO.addressCountry, Literal(findings.org_country[entity.key])))
        elif (place := listed_place(entity.name)) is not None:  # a gazetteer place: its names and whereabouts
            describe_listed(g, place, sorted(entity.aliases))
            continue
        else:
            g.add((node, RDF.type, SDO.Place))
        g.add((node, SDO.name, Literal(entity.name)))
        for alias in sorted(entity.aliases):
            if fold(alias) != fold(entity.name) or alias != entity.name:
                g.add((node, SDO.alternateName, Literal(alias)))


def membership_iri(person: URIRef, org: URIRef, title: str | None) -> URIRef:
    """One post of one person in one body: ``membership/<person>--<org>--<title or member>``."""
    tail = slugify(title, max_length=60) if title else "member"
    return ID[f"membership/{str(person).rsplit('/', 1)[-1]}--{str(org).rsplit('/', 1)[-1]}--{tail}"]


def role_type(title: str, org: Entity, lex: Lexicon, inst: InstitutionList) -> str | None:
    """The role-scheme slug of a title held in ``org``: a company's or council's President chairs it."""
    kind = lex.role_of(title)
    governing = org.institution is not None and inst.by_id[org.institution].kind in {"government", "judiciary"}
    if kind == "head-of-state" and not governing:
        return "chair"
    return kind


def membership_triples(g: TripleSink, m: Membership, doc: URIRef, findings: Findings) -> None:
    """One membership with its role, evidence and provenance."""
    lex, inst = findings.reading.lexicon, findings.reading.institutions
    person, org = entity_iri(m.person), entity_iri(m.org)
    written = lex.full_title(m.title) if m.title else None  # "Gov." and "Governor" are one role
    node = membership_iri(person, org, written)
    g.add((node, RDF.type, ORG.Membership))
    g.add((node, ORG.member, person))
    g.add((node, ORG.organization, org))
    title = written or "member"
    kind = role_type(title, m.org, lex, inst)
    role = ID[f"role/{slugify(title, max_length=60)}" + (f"--{kind}" if kind else "")]
    g.add((node, ORG.role, role))
    g.add((role, RDF.type, ORG.Role))
    g.add((role, SKOS.prefLabel, Literal(title)))
    if kind:
        g.add((role, TG.roleType, ID[f"roletype/{kind}"]))
    g.add((node, TG.former, Literal(m.former)))
    provenance(g, node, m.evidence, doc)
    g.add((person, ORG.memberOf, org))


def part_of_triples(g: TripleSink, findings: Findings) -> None:
    """The part-of links the text states between the document's bodies."""
    orgs = {e.key: e for e in findings.entities.orgs()}
    for child, parent in sorted(findings.parents.items()):
        g.add((entity_iri(orgs[child]), ORG.subOrganizationOf, entity_iri(orgs[parent])))


__all__ = ["document_triples", "entity_triples", "membership_triples", "part_of_triples", "membership_iri",
           "role_type"]
