"""Reference facts from the institution list: they live in the default graph, not in any document's."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from extract.iris import org_iri
from extract.reference.institutions import Institution, InstitutionList, load_institutions
from extract.vocab import ORG, OWL, RDF, SDO, WIKIDATA

_SCHEMA_KIND = {"government": SDO.GovernmentOrganization, "legislature": SDO.GovernmentOrganization,
                "judiciary": SDO.GovernmentOrganization, "company": SDO.Corporation, "ngo": SDO.NGO,
                "academic": SDO.EducationalOrganization}


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


__all__ = ["institution_graph", "reference_graph"]
