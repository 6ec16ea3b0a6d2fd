"""What the network views read from a built dataset, and a light index that answers it without an rdflib store.

:class:`Readable` is the handful of read methods :mod:`graph.network` calls on a dataset, with rdflib's
signatures: an rdflib ``Dataset`` satisfies it, so the API and notebooks keep passing one. :class:`QuadIndex`
answers the same calls from pyoxigraph quads held in plain dicts. Filling an rdflib ``Dataset`` from a
1,000-document ``graph.trig`` costs seconds and hundreds of MiB; the index is filled in a fraction of that
and is read faster, so the build can hand the page its quads without rdflib on the way.

The index answers as ``rdflib.Dataset(default_union=True)`` does after :func:`graph.build.store.load`:
triple patterns over the union of all graphs, each triple once; :meth:`QuadIndex.quads` yields a triple once
per graph it is in, with the graph's IRI (rdflib's ``urn:x-rdflib:default`` for the default graph). Its terms
are rdflib terms built the way rdflib's own TriG parser builds them, each distinct term once.

>>> import pyoxigraph as ox
>>> text = '''<http://e/ana> <http://e/name> "Ana"@es <http://e/doc1> .
... <http://e/ana> <http://e/name> "Ana"@es <http://e/doc2> .
... <http://e/ana> <http://e/age> "41"^^<http://www.w3.org/2001/XMLSchema#integer> .'''
>>> index = QuadIndex(ox.parse(text, format=ox.RdfFormat.N_QUADS))
>>> list(index.objects(URIRef("http://e/ana"), URIRef("http://e/name")))
[rdflib.term.Literal('Ana', lang='es')]
>>> [str(g) for *_, g in index.quads((None, URIRef("http://e/name"), None, None))]
['http://e/doc1', 'http://e/doc2']
>>> index.value(URIRef("http://e/ana"), URIRef("http://e/age")).toPython(), len(index)
(41, 2)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.exceptions import UniquenessError
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF
from rdflib.term import Node

from extract.collector import collector_paused
from graph.build.terms import to_rdflib
from graph.errors import StoreError

__all__ = ["Readable", "QuadIndex", "TriplePattern", "QuadPattern", "order_key", "view_term"]

TriplePattern = tuple[Node | None, Node | None, Node | None]
#: a quad pattern whose graph is left open: the views read the union of all graphs
QuadPattern = tuple[Node | None, Node | None, Node | None, None]
Triple = tuple[Node, Node, Node]
#: the graph stating a triple, or the graphs (in the order first met) when several state it
Graphs = Node | dict[Node, None]
#: rdflib's rank of each kind of term when two of different kinds are compared (``rdflib.term._ORDERING``)
_RANK = {BNode: 10, URIRef: 30, Literal: 40}


class Readable(Protocol):
    """The read methods :mod:`graph.network` calls on a dataset (an rdflib ``Dataset`` has them all)."""

    def objects(self, subject: Node | None = None, predicate: Node | None = None,
                unique: bool = False) -> Iterator[Node]:
        """The objects of the triples matching ``(subject, predicate, ?)``."""
        ...

    def subjects(self, predicate: Node | None = None, object: Node | None = None,
                 unique: bool = False) -> Iterator[Node]:
        """The subjects of the triples matching ``(?, predicate, object)``."""
        ...

    def subject_objects(self, predicate: Node | None = None, unique: bool = False) -> Iterator[tuple[Node, Node]]:
        """``(subject, object)`` of the triples matching ``(?, predicate, ?)``."""
        ...

    def value(self, subject: Node | None = None, predicate: Node | None = RDF.value, object: Node | None = None,
              default: Node | None = None, any: bool = True) -> Node | None:
        """The one term missing from a pattern with exactly one of its three terms left out, else ``default``."""
        ...

    def quads(self, quad: QuadPattern | None = None) -> Iterator[tuple[Node, Node, Node, Node | None]]:
        """Each matching triple once per graph it is in, with that graph's name."""
        ...

    def __contains__(self, triple: TriplePattern, /) -> bool:
        """Whether any triple matches the pattern."""
        ...


class QuadIndex:
    """Quads indexed in plain dicts, read through :class:`Readable`'s methods with rdflib's answers.

    ``_spo``: subject -> predicate -> object -> the graph stating it, or a dict of the graphs when several do (most
    triples are in one: a dict each would cost ~35 MiB at 1,000 documents); ``_ps``: predicate -> subjects (for
    :meth:`subject_objects` in subject order); ``_pos``: predicate -> object -> subjects, made for a predicate
    the first time :meth:`subjects` asks for it (the views ask for few: filling it for all would cost more).
    """

    def __init__(self, quads: Iterable[ox.Quad]) -> None:
        self._terms: dict[object, Node] = {}
        self._spo: dict[Node, dict[Node, dict[Node, Graphs]]] = {}
        self._ps: dict[Node, dict[Node, None]] = {}
        self._pos: dict[Node, dict[Node, dict[Node, None]]] = {}
        with collector_paused():  # hundreds of thousands of dicts that all live on (graph/network/bulk.py)
            self._size = self._fill(quads)

    def _fill(self, quads: Iterable[ox.Quad]) -> int:
        """Index ``quads``; returns how many distinct triples they hold. Written out, with locals and no
        generator per quad: this loop is most of the index's cost."""
        terms, spo, ps, new = self._terms, self._spo, self._ps, self._term
        known = terms.get  # every term is the one cached object, so the dicts compare by identity, not __eq__
        size = 0
        for quad in quads:
            s = known(quad.subject)
            if s is None:
                s = new(quad.subject)
            p = known(quad.predicate)
            if p is None:
                p = new(quad.predicate)
            o = known(quad.object)
            if o is None:
                o = new(quad.object)
            g = known(quad.graph_name)
            if g is None:
                g = new(quad.graph_name)
            by_predicate = spo.get(s)
            if by_predicate is None:
                by_predicate = spo[s] = {}
            by_object = by_predicate.get(p)
            if by_object is None:
                by_object = by_predicate[p] = {}
                subjects = ps.get(p)
                if subjects is None:
                    subjects = ps[p] = {}
                subjects[s] = None
            graphs = by_object.get(o)
            if graphs is None:
                by_object[o] = g
                size += 1
            elif isinstance(graphs, dict):
                graphs[g] = None
            elif graphs is not g:
                by_object[o] = {graphs: None, g: None}
        return size

    @classmethod
    def from_file(cls, path: Path) -> QuadIndex:
        """The index of a ``.trig`` file (or of a build folder's ``graph.trig``).

        Raises:
            StoreError: the file is missing or is not TriG.
        """
        path = path / "graph.trig" if path.is_dir() else path
        if not path.is_file():
            raise StoreError(f"{path}: no built graph here; build the documents into {path.parent} first")
        try:
            return cls(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
        except (SyntaxError, ValueError, OSError) as err:
            raise StoreError(f"{path}: not a readable TriG file ({' '.join(str(err).split())})") from err

    def _term(self, term: object) -> Node:
        """The rdflib term of a pyoxigraph term, converted once (a literal as rdflib's TriG parser makes it)."""
        found = self._terms[term] = view_term(term)
        return found

    def _by_object(self, predicate: Node) -> dict[Node, dict[Node, None]]:
        """Object -> subjects of ``predicate``, made on first use."""
        found = self._pos.get(predicate)
        if found is None:
            found = self._pos[predicate] = {}
            for s in self._ps.get(predicate, ()):
                for o in self._spo[s][predicate]:
                    found.setdefault(o, {})[s] = None
        return found

    def __len__(self) -> int:
        """How many distinct triples (the union graph's size)."""
        return self._size

    def _triples(self, pattern: TriplePattern) -> Iterator[tuple[Triple, Graphs]]:
        """The triples matching ``pattern``, each once, with the graphs stating it."""
        s, p, o = pattern
        if s is None and p is not None and o is not None:
            for subject in self._by_object(p).get(o, {}):
                yield (subject, p, o), self._spo[subject][p][o]
            return
        subjects = (s,) if s is not None else tuple(self._ps.get(p, ()) if p is not None else self._spo)
        for subject in subjects:
            by_predicate = self._spo.get(subject, {})
            for predicate in ((p,) if p is not None else tuple(by_predicate)):
                by_object = by_predicate.get(predicate, {})
                if o is not None:
                    if o in by_object:
                        yield (subject, predicate, o), by_object[o]
                    continue
                for obj, graphs in by_object.items():
                    yield (subject, predicate, obj), graphs

    def objects(self, subject: Node | None = None, predicate: Node | None = None,
                unique: bool = False) -> Iterator[Node]:
        """The objects of ``(subject, predicate, ?)``; a set unless a term is left open (then as rdflib does)."""
        if subject is not None and predicate is not None:
            return iter(tuple(self._spo.get(subject, {}).get(predicate, ())))
        found = (t[2] for t, _ in self._triples((subject, predicate, None)))
        return iter(dict.fromkeys(found)) if unique else found

    def subjects(self, predicate: Node | None = None, object: Node | None = None,
                 unique: bool = False) -> Iterator[Node]:
        """The subjects of ``(?, predicate, object)``."""
        if predicate is not None and object is not None:
            return iter(tuple(self._by_object(predicate).get(object, ())))
        found = (t[0] for t, _ in self._triples((None, predicate, object)))
        return iter(dict.fromkeys(found)) if unique else found

    def subject_objects(self, predicate: Node | None = None, unique: bool = False) -> Iterator[tuple[Node, Node]]:
        """``(subject, object)`` of ``(?, predicate, ?)``, subject by subject."""
        if predicate is None:
            return ((t[0], t[2]) for t, _ in self._triples((None, None, None)))
        spo = self._spo
        return ((s, o) for s in tuple(self._ps.get(predicate, ())) for o in tuple(spo[s][predicate]))

    def value(self, subject: Node | None = None, predicate: Node | None = RDF.value, object: Node | None = None,
              default: Node | None = None, any: bool = True) -> Node | None:
        """As rdflib's ``Graph.value``: the first match, or ``UniquenessError`` with ``any=False`` and several."""
        if [subject, predicate, object].count(None) != 1:
            return default
        at = [subject, predicate, object].index(None)
        found = [t[at] for t, _ in self._triples((subject, predicate, object))]
        if len(found) > 1 and not any:
            raise UniquenessError(found)
        return found[0] if found else default

    def quads(self, quad: QuadPattern | None = None) -> Iterator[tuple[Node, Node, Node, Node | None]]:
        """Each triple matching ``quad`` (its graph left open) once per graph stating it, with the graph's IRI."""
        s, p, o, _ = quad if quad is not None else (None, None, None, None)
        return ((*triple, g) for triple, graphs in self._triples((s, p, o))
                for g in (graphs if isinstance(graphs, dict) else (graphs,)))

    def __contains__(self, triple: TriplePattern, /) -> bool:
        """Whether any triple matches the pattern (``None`` matches anything)."""
        return next(self._triples(triple), None) is not None


def order_key(term: Node) -> tuple[int, str]:
    """A sort key that orders IRIs and blank nodes as rdflib's ``<`` does (blank nodes first, then by text),
    without a Python comparison per pair: sorting thousands of terms with rdflib's costs a hundred thousand.
    Literals come last, by their text (rdflib compares literals by value: not for them).

    >>> terms = [URIRef("http://e/b"), BNode("z"), URIRef("http://e/a")]
    >>> sorted(terms) == sorted(terms, key=order_key)
    True
    """
    return _RANK.get(type(term), 50), str(term)


def view_term(term: object) -> Node:
    """A pyoxigraph term as the rdflib term rdflib's TriG parser makes of it (the default graph: rdflib's name)."""
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return to_rdflib(term)
    if isinstance(term, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    raise StoreError(f"{term}: a quoted triple, which the network views cannot read")
