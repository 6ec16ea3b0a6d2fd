"""The data model's prefixes and their namespace IRIs as plain strings (see docs/data-model.md).

:mod:`extract.vocab` builds rdflib namespaces from these; commands that only read a built graph
(``tradegraph query``, the endpoint's workers) take them from here and never import rdflib.

>>> PREFIX_IRIS["schema"] + "Person"
'https://schema.org/Person'
"""

PREFIX_IRIS: dict[str, str] = {
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "tg": "https://w3id.org/tradegraph/ontology#",
    "tgid": "https://w3id.org/tradegraph/id/",
}

#: Where a Wikidata item's IRI starts (``owl:sameAs`` of listed institutions, office-holders and places).
WIKIDATA = "http://www.wikidata.org/entity/"

__all__ = ["PREFIX_IRIS", "WIKIDATA"]
