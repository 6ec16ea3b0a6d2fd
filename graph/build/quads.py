"""The built dataset's quads as pyoxigraph terms, in the one order the files are written in.

``graph.trig`` and ``graph.ttl`` are written by pyoxigraph (:func:`graph.build.store.write`), which writes
quads in the order it is given them. This module gives them in a canonical order: the default graph first,
then the named graphs by IRI, within a graph by subject, predicate and object (their N-Triples forms), so
the same dataset always gives the same bytes, whatever order its triples were added in.

:class:`QuadSet` collects the quads while the dataset is assembled; :func:`canonical_quads` reads them from
any rdflib dataset (slower: rdflib lists every graph a triple is in for each triple it yields).

>>> from rdflib import Literal, URIRef
>>> found = QuadSet()
>>> found.add(URIRef("http://e/doc"), (URIRef("http://e/b"), URIRef("http://e/p"), Literal(2)))
>>> found.add(None, (URIRef("http://e/a"), URIRef("http://e/p"), Literal("x", lang="es")))
>>> [str(q) for q in found.ordered()]  # doctest: +NORMALIZE_WHITESPACE
['<http://e/a> <http://e/p> "x"@es',
 '<http://e/b> <http://e/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <http://e/doc>']
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.term import Node

from graph.build.terms import to_ox

Term = ox.NamedNode | ox.Literal | ox.BlankNode
Key = tuple[str, str, str, str]


class QuadSet:
    """Quads as pyoxigraph terms, each once, with their sort keys; each rdflib term is converted once."""

    def __init__(self) -> None:
        self._terms: dict[Node, tuple[str, Term]] = {}
        self._graphs: dict[URIRef | None, tuple[str, ox.NamedNode | ox.DefaultGraph]] = {None: ("", ox.DefaultGraph())}
        self._quads: dict[Key, ox.Quad] = {}

    def __len__(self) -> int:
        return len(self._quads)

    def _term(self, term: Node) -> tuple[str, Term]:
        found = self._terms.get(term)
        if found is None:
            converted = to_ox(term)
            found = self._terms[term] = (str(converted), converted)
        return found

    def add(self, graph: URIRef | None, triple: tuple[Node, Node, Node]) -> None:
        """Add ``triple`` to the named graph ``graph`` (None: the default graph)."""
        found = self._graphs.get(graph)
        if found is None:
            node = ox.NamedNode(str(graph))
            found = self._graphs[graph] = (str(node), node)
        (ks, s), (kp, p), (ko, o) = self._term(triple[0]), self._term(triple[1]), self._term(triple[2])
        key = (found[0], ks, kp, ko)
        if key not in self._quads:
            self._quads[key] = ox.Quad(s, p, o, found[1])  # type: ignore[arg-type]

    def ordered(self) -> list[ox.Quad]:
        """The quads in the canonical order."""
        return [self._quads[key] for key in sorted(self._quads)]


def canonical_quads(ds: Dataset) -> list[ox.Quad]:
    """Every quad of ``ds``, in the canonical order."""
    found = QuadSet()
    default = ds.default_graph.identifier
    for g in ds.graphs():
        name = None if g.identifier == default else URIRef(str(g.identifier))
        for triple in g:
            found.add(name, triple)
    return found.ordered()


def triples(quads: list[ox.Quad]) -> list[ox.Triple]:
    """The triples of every graph, each once, in the order of their N-Triples forms (what graph.ttl holds)."""
    unique = {str(t): t for t in (q.triple for q in quads)}
    return [unique[k] for k in sorted(unique)]


@dataclass
class Lines:
    """A dataset as N-Triples lines (``s p o``, without `` .``) in the canonical order: the default graph's
    lines, then each named graph's (``<iri>``, its lines), by IRI. Sorting the lines as text gives the order of
    :class:`QuadSet`: a subject or predicate is one token that is never the start of another (an IRI ends with
    ``>``, and a blank node label or literal that is a prefix of another is followed by a space, which sorts
    before any character that could continue it)."""

    default: list[str]
    named: list[tuple[str, list[str]]]

    @classmethod
    def of(cls, default: Iterable[str], named: Iterable[tuple[str, Iterable[str]]]) -> Lines:
        """The canonical order of a default graph's and named graphs' lines (each line once per graph)."""
        return cls(sorted(set(default)), sorted((name, sorted(set(lines))) for name, lines in named))

    def quads(self) -> list[ox.Quad]:
        """Every quad, in order, as pyoxigraph terms."""
        text = "".join(f"{line} .\n" for line in self.default) + \
            "".join(f"{line} {name} .\n" for name, lines in self.named for line in lines)
        return list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))

    def take(self) -> tuple[list[ox.Quad], list[ox.Triple]]:
        """:meth:`quads` and :meth:`union`, leaving these lines empty (their memory goes back as the terms come)."""
        quads, union = self.quads(), self.union()
        self.default, self.named = [], []
        return quads, union

    def union(self) -> list[ox.Triple]:
        """The triples of every graph, each once, in the order of their N-Triples forms (what graph.ttl holds)."""
        every = set(self.default).union(*(lines for _, lines in self.named))
        text = "".join(f"{line} .\n" for line in sorted(every))
        return [q.triple for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]
