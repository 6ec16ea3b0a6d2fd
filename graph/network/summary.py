"""Counts that tell at a glance what a build holds."""
from __future__ import annotations

from extract.vocab import DCTERMS, RDF, SDO, TG
from graph.network.readable import QuadIndex, Readable
from graph.network.storeread import StoreReadable


def summarize(ds: Readable) -> dict[str, int]:
    """Documents, people, organizations, meetings, topics and triples.

    Topics are every topic a document, meeting or statement is about: the topic nodes of the actor network.
    The page's legend counts those it draws (the ones a meeting or statement links) and says how many
    others only documents are about.

    Triples are counted once however many document graphs state them, as ``graph.ttl`` and the
    endpoint's union graph hold them (not the quads of ``graph.trig``).
    """
    # the index counted them as it filled, the store counts its default graph (the union)
    triples = len(ds) if isinstance(ds, QuadIndex | StoreReadable) else _distinct_triples(ds)
    docs = set(ds.subjects(DCTERMS.source, None))
    about = docs | set(ds.subjects(RDF.type, SDO.Event)) | set(ds.subjects(RDF.type, TG.Statement))
    topics = {t for s in about for t in ds.objects(s, SDO.about)}
    return {
        "documents": len(docs),
        "people": len(set(ds.subjects(RDF.type, SDO.Person))),
        "organizations": len(set(ds.subjects(RDF.type, SDO.Organization))),
        "meetings": len(set(ds.subjects(RDF.type, SDO.Event))),
        "topics": len(topics),
        "triples": triples,
    }


def _distinct_triples(ds: Readable) -> int:
    """How many distinct triples the dataset's graphs hold together."""
    return len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})


def format_summary(counts: dict[str, int]) -> str:
    return "  ".join(f"{k} {v}" for k, v in counts.items())
