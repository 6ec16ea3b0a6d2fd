"""Stable, readable IRIs for the things a document names (``https://w3id.org/tradegraph/id/KIND/slug``).

>>> str(person_iri("Andrés Manuel López Obrador"))
'https://w3id.org/tradegraph/id/person/andres-manuel-lopez-obrador'
"""
from __future__ import annotations

from rdflib import URIRef

from extract.resolve import Entity
from extract.slug import slugify
from extract.text.document import Document
from extract.vocab import ID


def document_iri(document: Document) -> URIRef:
    return ID[f"doc/{document.key}"]


def person_iri(name: str) -> URIRef:
    return ID[f"person/{slugify(name)}"]


def org_iri(name: str, institution: str | None = None) -> URIRef:
    return ID[f"org/{institution}"] if institution else ID[f"org/{slugify(name)}"]


def place_iri(name: str) -> URIRef:
    return ID[f"place/{slugify(name)}"]


def entity_iri(entity: Entity) -> URIRef:
    if entity.kind == "person":
        return person_iri(entity.name)
    if entity.kind == "org":
        return org_iri(entity.name, entity.institution)
    return place_iri(entity.name)
