"""Namespaces of the data model, declared once (see docs/data-model.md).

``TG`` is closed: a misspelt term such as ``TG.formr`` raises instead of
minting a new IRI.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

from extract.prefixes import PREFIX_IRIS, WIKIDATA


class _KeptTerms(Namespace):
    """A ``Namespace`` that keeps each term it makes as an attribute (``SDO.name``): rdflib makes a new
    ``URIRef`` at every access, and the writers ask for the same few dozen terms hundreds of times per
    document. Terms made by key (``ID["membership/…"]``) are not kept: they are new each time."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found by normal lookup from now on; never a str method's name
        return term


SDO = _KeptTerms(PREFIX_IRIS["schema"])
ORG = _KeptTerms(PREFIX_IRIS["org"])
ID = _KeptTerms(PREFIX_IRIS["tgid"])


class TG(DefinedNamespace):
    """The project's own small vocabulary."""

    _NS = Namespace(PREFIX_IRIS["tg"])
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


#: rdflib's own vocabularies (SKOS, PROV, …) are ``DefinedNamespace`` classes, not ``Namespace`` instances;
#: ``str()`` of either is the namespace IRI, the one :data:`extract.prefixes.PREFIX_IRIS` gives.
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
