"""The provenance block every extracted fact carries: the document it came from, the sentence, its
character offsets and the rule that found it. Written here and nowhere else."""
from __future__ import annotations

from rdflib import Literal, URIRef

from extract.findings import Evidence
from extract.rdf.sink import TripleSink
from extract.vocab import PROV, TG, XSD


def provenance(g: TripleSink, node: URIRef, evidence: Evidence, document: URIRef) -> None:
    """Add ``node``'s provenance: ``prov:wasDerivedFrom`` the document, ``tg:evidence`` (the sentence),
    ``tg:charStart``/``tg:charEnd`` and ``tg:extractor`` (the rule)."""
    g.add((node, PROV.wasDerivedFrom, document))
    g.add((node, TG.evidence, Literal(evidence.sentence)))
    g.add((node, TG.charStart, Literal(evidence.start, datatype=XSD.integer)))
    g.add((node, TG.charEnd, Literal(evidence.end, datatype=XSD.integer)))
    g.add((node, TG.extractor, Literal(evidence.rule)))


__all__ = ["provenance"]
