"""The provenance block every extracted fact carries: the document it came from, the sentence, its
character offsets and the rule that found it. Written here and nowhere else."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Literal, URIRef

from extract.findings import Evidence
from extract.rdf.sink import TripleSink
from extract.vocab import PROV, TG, XSD

# the block's predicates, looked up once (rdflib makes a DefinedNamespace's term anew at every access)
_DERIVED_FROM, _EVIDENCE, _START, _END, _EXTRACTOR = (PROV.wasDerivedFrom, TG.evidence, TG.charStart, TG.charEnd,
                                                      TG.extractor)


@lru_cache(maxsize=65536)
def _offset(value: int) -> Literal:
    """A character offset as an ``xsd:integer`` literal (offsets recur across facts and documents)."""
    return Literal(value, datatype=XSD.integer)


def provenance(g: TripleSink, node: URIRef, evidence: Evidence, document: URIRef) -> None:
    """Add ``node``'s provenance: ``prov:wasDerivedFrom`` the document, ``tg:evidence`` (the sentence),
    ``tg:charStart``/``tg:charEnd`` and ``tg:extractor`` (the rule)."""
    g.add((node, _DERIVED_FROM, document))
    g.add((node, _EVIDENCE, Literal(evidence.sentence)))
    g.add((node, _START, _offset(evidence.start)))
    g.add((node, _END, _offset(evidence.end)))
    g.add((node, _EXTRACTOR, Literal(evidence.rule)))


__all__ = ["provenance"]
