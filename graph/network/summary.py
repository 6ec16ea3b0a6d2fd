"""Counts that tell at a glance what a build holds."""
from __future__ import annotations

from rdflib import Dataset

from extract.vocab import DCTERMS, RDF, SDO


def summarize(ds: Dataset) -> dict[str, int]:
    """Documents, people, organizations, meetings, topics (documents' main topics) and triples.

    Triples are counted once however many document graphs state them, as ``graph.ttl`` and the
    endpoint's union graph hold them (not the quads of ``graph.trig``).
    """
    triples = len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})
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
