"""Role findings to memberships between resolved entities, and their triples."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from extract.country import BILATERAL
from extract.institutions import InstitutionList
from extract.known_people import side_of
from extract.lexicon import Lexicon
from extract.resolve import Entity
from extract.roles import RoleFinding
from extract.slug import slugify
from extract.vocab import ID, ORG, PROV, RDF, SKOS, TG, XSD


@dataclass(frozen=True)
class Membership:
    person: Entity
    org: Entity
    title: str | None
    former: bool
    finding: RoleFinding


def link(findings: list[RoleFinding], entities: list[Entity]) -> list[Membership]:
    """Attach each finding to the person and organization entities its spans belong to."""
    by_span = {(m.start, m.end, e.kind): e for e in entities for m in e.mentions}
    by_inst = {e.institution: e for e in entities if e.institution}
    out: dict[tuple[str, str], list[Membership]] = {}
    for f in findings:
        person = by_span.get((*f.person, "person"))
        org = by_span.get((*f.org, "org")) if f.org else by_inst.get(f.institution)
        if person is None or org is None:
            continue
        out.setdefault((person.key, org.key), []).append(Membership(person, org, f.title, f.former, f))
    result = []
    for found in out.values():
        titled = [m for m in found if m.title]
        keep = titled or found[:1]
        seen: set[tuple[str | None, bool]] = set()
        for m in keep:
            if (m.title, m.former) not in seen:
                seen.add((m.title, m.former))
                result.append(m)
    return result


def membership_iri(person: URIRef, org: URIRef, title: str | None) -> URIRef:
    tail = slugify(title, max_length=60) if title else "member"
    return ID[f"membership/{str(person).rsplit('/', 1)[-1]}--{str(org).rsplit('/', 1)[-1]}--{tail}"]


def role_type(title: str, org: Entity, lex: Lexicon, inst: InstitutionList) -> str | None:
    """The role-scheme slug of a title held in ``org``: a company's or council's President chairs it."""
    kind = lex.role_of(title)
    governing = org.institution is not None and inst.by_id[org.institution].kind in {"government", "judiciary"}
    if kind == "head-of-state" and not governing:
        return "chair"
    return kind


def membership_triples(g: Graph, m: Membership, person: URIRef, org: URIRef, doc: URIRef, text: str,
                       lex: Lexicon, inst: InstitutionList) -> None:
    """Add one membership with its role, evidence and provenance to ``g``."""
    written = lex.full_title(m.title) if m.title else None  # "Gov." and "Governor" are one role
    node = membership_iri(person, org, written)
    f = m.finding
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
    g.add((node, PROV.wasDerivedFrom, doc))
    g.add((node, TG.evidence, Literal(text[f.sent_start:f.sent_end].strip())))
    g.add((node, TG.charStart, Literal(f.sent_start, datatype=XSD.integer)))
    g.add((node, TG.charEnd, Literal(f.sent_end, datatype=XSD.integer)))
    g.add((node, TG.extractor, Literal(f.extractor)))
    g.add((person, ORG.memberOf, org))


def person_country(person: Entity, memberships: list[Membership], org_country: dict[str, str | None]) -> str | None:
    """A person's side: a nationality word before their title, else their current institution's country,
    else, for a full name the office-holder list knows, the side of the offices they held.

    A company of a third country ("Tenaris", Luxembourg) does not make its Mexican director Luxembourg's:
    only a body of one of the two sides, or a government, gives its country to the people in it."""
    mine = [m for m in memberships if m.person is person]
    for m in mine:
        if m.finding.country:
            return m.finding.country
    for former in (False, True):
        for m in mine:
            country = org_country.get(m.org.key)
            if m.former == former and country and country != "XX" \
                    and (country in BILATERAL or (m.org.institution or "").endswith("-government")):
                return country
    return side_of(person.name)
