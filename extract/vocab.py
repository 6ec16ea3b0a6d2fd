"""Namespaces of the data model, declared once (see docs/data-model.md).

``TG`` is closed: a misspelt term such as ``TG.formr`` raises instead of
minting a new IRI.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://w3id.org/tradegraph/id/")


class TG(DefinedNamespace):
    """The project's own small vocabulary."""

    _NS = Namespace("https://w3id.org/tradegraph/ontology#")
    _fail = True

    Statement: URIRef
    Figure: URIRef
    former: URIRef
    planned: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    extractor: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    speaker: URIRef
    roleType: URIRef
    madeAt: URIRef
    figure: URIRef
    measures: URIRef


#: Where a Wikidata item's IRI starts (``owl:sameAs`` of listed institutions and office-holders).
WIKIDATA = "http://www.wikidata.org/entity/"

#: rdflib's own vocabularies (SKOS, PROV, …) are ``DefinedNamespace`` classes, not ``Namespace`` instances;
#: ``str()`` of either is the namespace IRI.
PREFIXES: dict[str, Namespace | type[DefinedNamespace] | str] = {
    "schema": SDO,
    "org": ORG,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "owl": OWL,
    "xsd": XSD,
    "rdf": RDF,
    "rdfs": RDFS,
    "tg": str(TG._NS),
    "tgid": ID,
}

__all__ = ["SDO", "ORG", "ID", "TG", "PREFIXES", "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "WIKIDATA", "XSD"]
