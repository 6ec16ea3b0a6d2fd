"""Counts that tell at a glance what a build holds."""
from __future__ import annotations

from rdflib import Dataset

from extract.vocab import DCTERMS, RDF, SDO


def summarize(ds: Dataset) -> dict[str, int]:
    """Documents, people, organizations, meetings, topics (documents' main topics) and triples."""
    union = ds.quads((None, None, None, None))
    triples = 0
    for _ in union:
        triples += 1
    docs = set(ds.subjects(DCTERMS.source, None))
    topics = {t for d in docs for t in ds.objects(d, SDO.about)}
    return {
        "documents": len(docs),
        "people": len(set(ds.subjects(RDF.type, SDO.Person))),
        "organizations": len(set(ds.subjects(RDF.type, SDO.Organization))),
        "meetings": len(set(ds.subjects(RDF.type, SDO.Event))),
        "topics": len(topics),
        "triples": triples,
    }


def format_summary(counts: dict[str, int]) -> str:
    return "  ".join(f"{k} {v}" for k, v in counts.items())
