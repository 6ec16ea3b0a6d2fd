"""One document's named graph as N-Triples lines: what the build carries from extraction to the files.

A build of thousands of documents reads each graph twice: once into the merge's records
(:mod:`graph.build.records`), once to rewrite it into the dataset (:func:`graph.build.merge.rewrite`).
Holding the graphs as rdflib ``Graph``s made that the slow and heavy part of a rebuild (parsing a cached graph
into rdflib costs ten times what pyoxigraph's parser does, and rdflib's store keeps three indexes and a
context table per triple); holding them as pyoxigraph terms still cost a Python object per term. A
:class:`DocGraph` keeps the graph as its N-Triples lines (``s p o``, without the final `` .``), in the order
extraction wrote them, which is all the rewrite and the writers need: a line's subject and predicate are
single tokens (IRIs or blank nodes hold no space), and its object is the rest. Only the few triples the
merge's records read (types, names, sides, organizations, Wikidata items, meeting days and attendees, the
publication date) are parsed, with pyoxigraph, and indexed by subject.

>>> g = DocGraph.from_nt('<http://e/a> <https://schema.org/name> "Ana" .\\n'
...                      '<http://e/a> <http://e/knows> <http://e/b> .\\n')
>>> len(g), [o.value for o in g.objects(ox.NamedNode("http://e/a"), "https://schema.org/name")]
(2, ['Ana'])
>>> g.lines[1]
'<http://e/a> <http://e/knows> <http://e/b>'
>>> DocGraph.from_nt("not n-triples") is None
True
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from extract.vocab import DCTERMS, ORG, OWL, RDF, SDO
from graph.build.terms import OxTerm, Subject, to_ox

__all__ = ["DocGraph", "RECORDED"]

_TYPE = str(RDF.type)
#: The predicates the merge's records and the timeline read (N-Triples forms); other triples are never parsed.
RECORDED = frozenset(f"<{p}>" for p in (RDF.type, SDO.name, SDO.alternateName, SDO.nationality, ORG.memberOf,
                                        OWL.sameAs, SDO.startDate, SDO.attendee, SDO.datePublished,
                                        DCTERMS.source))
# one N-Triples line as pyoxigraph writes it: subject, predicate, object, " ." (checked on what comes from the cache)
_LINE = re.compile(r'(?:<[^ >]*>|_:\S+) <[^ >]*> (?:<[^ >]*>|_:\S+|".*"(?:@[A-Za-z0-9-]+|\^\^<[^ >]*>)?) \.')


class DocGraph:
    """A document graph's N-Triples lines (in order, without `` .``) and its recorded triples indexed by subject."""

    __slots__ = ("_by_subject", "lines")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        recorded = [line for line in lines if line.split(" ", 2)[1] in RECORDED]
        by_subject: dict[Subject, list[tuple[str, OxTerm]]] = {}
        text = "".join(f"{line} .\n" for line in recorded).encode("utf-8")
        for q in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
            by_subject.setdefault(cast(Subject, q.subject), []).append((q.predicate.value, cast(OxTerm, q.object)))
        self._by_subject = by_subject

    def __len__(self) -> int:
        return len(self.lines)

    @classmethod
    def from_nt(cls, text: str) -> DocGraph | None:
        """The graph of an N-Triples text as :meth:`to_nt` writes it (None when it is not: a damaged cache entry)."""
        lines = text.splitlines()
        if not all(_LINE.fullmatch(line) for line in lines):
            return None
        try:
            return cls([line[:-2] for line in lines])
        except (SyntaxError, ValueError):
            return None

    @classmethod
    def from_rdflib(cls, graph: Graph) -> DocGraph:
        """An rdflib graph's triples, in the graph's own order, each term converted once."""
        seen: dict[Node, str] = {}

        def term(node: Node) -> str:
            found = seen.get(node)
            if found is None:
                found = seen[node] = str(to_ox(node))
            return found

        return cls([f"{term(s)} {term(p)} {term(o)}" for s, p, o in graph])

    def to_nt(self) -> str:
        """The graph as N-Triples, in its order (what the cache and the workers hand over)."""
        return "".join(f"{line} .\n" for line in self.lines)

    def objects(self, subject: Subject, predicate: str) -> list[OxTerm]:
        """The objects of ``subject``'s recorded triples with ``predicate`` (an IRI string), in order."""
        return [o for p, o in self._by_subject.get(subject, ()) if p == predicate]

    def value(self, subject: Subject, predicate: str) -> OxTerm | None:
        """The first object of ``subject`` with ``predicate`` (a recorded one), or None."""
        return next((o for p, o in self._by_subject.get(subject, ()) if p == predicate), None)

    def typed(self, cls_iri: str) -> list[Subject]:
        """The subjects typed ``cls_iri`` (``rdf:type``), in order."""
        return [s for s, pairs in self._by_subject.items()
                for p, o in pairs if p == _TYPE and isinstance(o, ox.NamedNode) and o.value == cls_iri]

    def subjects(self) -> Iterable[Subject]:
        """Every subject of a recorded triple, once."""
        return self._by_subject.keys()
