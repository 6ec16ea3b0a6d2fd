"""The network views read straight from a build's Oxigraph store: :class:`StoreReadable`.

:class:`~graph.network.readable.QuadIndex` holds every quad of a build in Python dicts: ~60 MiB of index per
1,000 documents, so a 10,000-document build's page would need GiBs. The store (``out/store``, RocksDB on
disk) already indexes the same quads, and its default graph is the union of all graphs with set semantics,
each triple once: exactly what the views' triple patterns read. :class:`StoreReadable` answers
:class:`~graph.network.readable.Readable`'s calls from it with ``Store.quads_for_pattern``, converting each
term it hands out to the rdflib term ``QuadIndex`` would give (IRIs through a bounded cache: the same few
thousand subjects and predicates are asked for again and again). Nothing but that cache outlives a call.

What it answers differently from ``QuadIndex`` on the same build: the order of a pattern's matches (the
store's index order, not the file's; the views sort or collect into sets whatever they show) and, in
:meth:`StoreReadable.quads`, the default graph. The store has no graph of the reference facts alone: its
default graph is the union. ``quads`` gives each named graph's quads and then the union's triples that no
named graph states (the reference facts), with rdflib's default graph name; a triple stated by both the
TriG's default graph and a document graph comes once, with the document graph (``QuadIndex`` gives it a
second time with the default graph). The views read ``quads`` only for the evidence predicates, which only
document graphs state.

>>> import tempfile
>>> from pathlib import Path
>>> from graph.build.oxstore import write_store
>>> from rdflib import URIRef
>>> out = Path(tempfile.mkdtemp())
>>> _ = (out / "graph.trig").write_text('<http://e/ana> <http://e/name> "Ana"@es . '
...                                     '<http://e/d1> { <http://e/ana> <http://e/name> "Ana"@es . } '
...                                     '<http://e/d2> { <http://e/ana> <http://e/age> 41 . }')
>>> ds = StoreReadable(ox.Store(str(write_store(out / "graph.trig", out / "store"))))
>>> list(ds.objects(URIRef("http://e/ana"), URIRef("http://e/name"))), len(ds)
([rdflib.term.Literal('Ana', lang='es')], 2)
>>> sorted(str(g) for *_, g in ds.quads((None, None, None, None)))
['http://e/d1', 'http://e/d2']
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.exceptions import UniquenessError
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF
from rdflib.term import Node

from graph.build.terms import OxTerm, to_ox
from graph.network.readable import QuadPattern, TriplePattern, view_term

__all__ = ["StoreReadable", "CACHED_TERMS"]

#: how many terms each direction of the term cache holds before it starts afresh (a few MiB)
CACHED_TERMS = 10_000
#: how many (subject, predicate) answers are kept: the views ask about one node several times in a row (its
#: label, then its other names: ``schema:name`` and ``skos:prefLabel`` twice)
CACHED_ANSWERS = 64
_DEFAULT = ox.DefaultGraph()
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the default graph's triples: the union's size
_POSITIONS = ("?s", "?p", "?o")
Substitutions = dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]


class StoreReadable:
    """A build's Oxigraph store read through :class:`~graph.network.readable.Readable`'s methods.

    Triple patterns match the store's default graph (the union of all graphs, each triple once), as
    ``rdflib.Dataset(default_union=True)`` and ``QuadIndex`` match the union. The store is only read.
    """

    def __init__(self, store: ox.Store) -> None:
        self._store = store
        self._rdflib: dict[object, Node] = {}
        self._ox: dict[Node, OxTerm] = {}
        self._answers: dict[tuple[Node, Node], list[Node]] = {}
        self._size: int | None = None

    @classmethod
    def open(cls, out: Path | str) -> StoreReadable:
        """The store of the build in ``out`` (or the store folder itself), opened read-only.

        Raises:
            StoreError: there is no store there or it cannot be opened.
        """
        from graph.build.oxstore import open_store
        return cls(open_store(out))

    def _to_ox(self, term: Node) -> OxTerm:
        """The pyoxigraph form of a term of a pattern (cached: the views ask about the same nodes often)."""
        found = self._ox.get(term)
        if found is None:
            if len(self._ox) >= CACHED_TERMS:
                self._ox.clear()
            found = self._ox[term] = to_ox(term)
        return found

    def _term(self, term: object) -> Node:
        """The rdflib term of a pyoxigraph one, as ``QuadIndex`` makes it, cached (rdflib makes a typed literal
        slowly, and the same offsets, dates and names come back again and again)."""
        found = self._rdflib.get(term)
        if found is None:
            if len(self._rdflib) >= CACHED_TERMS:
                self._rdflib.clear()
            found = self._rdflib[term] = view_term(term)
            if isinstance(found, Literal):  # rdflib may rewrite its text ("3.6E13" -> "36000000000000.0"): asked
                if len(self._ox) >= CACHED_TERMS:  # for it again, it must be the store's own literal
                    self._ox.clear()
                self._ox[found] = cast(OxTerm, term)
        return found

    def _pattern(self, pattern: TriplePattern) -> tuple[OxTerm | None, ...] | None:
        """The pattern's terms in pyoxigraph's form, or None when none can match (a literal as subject or
        predicate, a blank node as predicate: no RDF triple has one, and the store would refuse them)."""
        s, p, o = pattern
        if isinstance(s, Literal) or (p is not None and not isinstance(p, URIRef)):
            return None
        return tuple(None if t is None else self._to_ox(t) for t in pattern)

    def _match(self, pattern: TriplePattern) -> Iterator[ox.Quad]:
        """The union's triples matching ``pattern``, as default-graph quads."""
        terms = self._pattern(pattern)
        if terms is None:
            return iter(())
        s, p, o = terms
        found = self._store.quads_for_pattern(cast(ox.NamedNode | ox.BlankNode | None, s),
                                              cast(ox.NamedNode | None, p), o, _DEFAULT)
        # pyoxigraph 0.5's on-disk store can answer a pattern with an integer object with other integers near it
        # (``?s tg:charStart 511`` gave 2,184 quads, none of them 511): keep only the literal asked for
        return (q for q in found if q.object == o) if isinstance(o, ox.Literal) else found

    def _objects(self, subject: Node, predicate: Node) -> list[Node]:
        """The objects of ``(subject, predicate, ?)``, the last few answers kept."""
        key = (subject, predicate)
        found = self._answers.get(key)
        if found is None:
            term = self._term
            if isinstance(subject, Literal) or not isinstance(predicate, URIRef):
                found = []  # no triple has a literal subject or a blank-node predicate
            else:  # the views' most frequent call (~90,000 at 1,000 documents): straight to the store
                found = [term(o) for _, _, o, _ in self._store.quads_for_pattern(
                    cast(ox.NamedNode | ox.BlankNode, self._to_ox(subject)), cast(ox.NamedNode, self._to_ox(predicate)),
                    None, _DEFAULT)]
            self._answers[key] = found
            if len(self._answers) > CACHED_ANSWERS:
                del self._answers[next(iter(self._answers))]  # the oldest
        return found

    def __len__(self) -> int:
        """How many distinct triples (the union graph's size), counted by the store once."""
        if self._size is None:
            solution = next(iter(cast(ox.QuerySolutions, self._store.query(_COUNT))))
            self._size = int(cast(ox.Literal, solution["n"]).value)
        return self._size

    def objects(self, subject: Node | None = None, predicate: Node | None = None,
                unique: bool = False) -> Iterator[Node]:
        """The objects of ``(subject, predicate, ?)``, each once per matching triple (``unique``: once)."""
        term = self._term
        if subject is not None and predicate is not None:
            return iter(self._objects(subject, predicate))
        found = (term(o) for _, _, o, _ in self._match((subject, predicate, None)))
        return iter(dict.fromkeys(found)) if unique else found

    def subjects(self, predicate: Node | None = None, object: Node | None = None,
                 unique: bool = False) -> Iterator[Node]:
        """The subjects of ``(?, predicate, object)``, each once per matching triple (``unique``: once)."""
        term = self._term
        found = (term(s) for s, _, _, _ in self._match((None, predicate, object)))
        return iter(dict.fromkeys(found)) if unique else found

    def subject_objects(self, predicate: Node | None = None, unique: bool = False) -> Iterator[tuple[Node, Node]]:
        """``(subject, object)`` of ``(?, predicate, ?)``."""
        term = self._term
        return ((term(s), term(o)) for s, _, o, _ in self._match((None, predicate, None)))

    def value(self, subject: Node | None = None, predicate: Node | None = RDF.value, object: Node | None = None,
              default: Node | None = None, any: bool = True) -> Node | None:
        """As rdflib's ``Graph.value``: a match (the store's first), or ``UniquenessError`` with ``any=False``
        and several."""
        pattern = [subject, predicate, object]
        if pattern.count(None) != 1:
            return default
        at = pattern.index(None)
        found = [self._term(tuple(q)[at]) for q in self._match((subject, predicate, object))]
        if len(found) > 1 and not any:
            raise UniquenessError(found)
        return found[0] if found else default

    def quads(self, quad: QuadPattern | None = None) -> Iterator[tuple[Node, Node, Node, Node | None]]:
        """Each named graph's quads matching ``quad`` (its graph left open), then the default graph's triples
        that no named graph states, with rdflib's default graph name.

        Two SPARQL queries (a pattern in ``GRAPH ?g``, and the default graph's ``MINUS`` the named graphs'):
        faster than reading every graph's quads, the default graph's copies included, one by one.
        """
        pattern = quad[:3] if quad is not None else (None, None, None)
        terms = self._pattern(pattern)
        if terms is None:
            return
        where, substitutions = _where(terms)
        free = [name for name, t in zip(_POSITIONS, terms, strict=True) if not isinstance(t, ox.NamedNode | ox.Literal)]
        select = " ".join(free)
        stated = False
        for row in self._query(f"SELECT {select} ?g WHERE {{ GRAPH ?g {{ {where} }} }}", substitutions):
            stated = True
            yield self._filled(pattern, row)
        if not free:  # MINUS removes nothing from a solution that shares no variable with it
            if not stated and pattern in self:
                yield (*pattern, DATASET_DEFAULT_GRAPH_ID)  # type: ignore[misc]
            return
        for row in self._query(f"SELECT {select} WHERE {{ {where} MINUS {{ GRAPH ?g {{ {where} }} }} }}",
                               substitutions):
            yield self._filled(pattern, row, DATASET_DEFAULT_GRAPH_ID)

    def _filled(self, pattern: TriplePattern, row: ox.QuerySolution,
                graph: Node | None = None) -> tuple[Node, Node, Node, Node | None]:
        """The quad of a solution: the pattern's own terms where it has them, the solution's (in the order
        selected: the open positions, then ``?g`` unless ``graph`` is given) elsewhere."""
        values = iter(tuple(row))
        term = self._term
        s, p, o = (t if isinstance(t, URIRef | Literal) else term(next(values)) for t in pattern)
        return s, p, o, (term(next(values)) if graph is None else graph)

    def _query(self, query: str, substitutions: Substitutions) -> Iterator[ox.QuerySolution]:
        """The solutions of a SELECT query on the store."""
        return iter(cast(ox.QuerySolutions, self._store.query(query, substitutions=substitutions or None)))

    def __contains__(self, triple: TriplePattern, /) -> bool:
        """Whether any triple of the union matches the pattern (``None`` matches anything)."""
        return next(self._match(triple), None) is not None


def _where(terms: tuple[OxTerm | None, ...]) -> tuple[str, Substitutions]:
    """A triple pattern in SPARQL: IRIs and literals written in (so the query plan uses the store's index for
    them), blank nodes substituted (a blank node in a query is a variable)."""
    parts: list[str] = []
    substitutions: Substitutions = {}
    for name, t in zip(_POSITIONS, terms, strict=True):
        if isinstance(t, ox.NamedNode | ox.Literal):
            parts.append(str(t))
        else:
            parts.append(name)
            if t is not None:
                substitutions[ox.Variable(name[1:])] = t
    return " ".join(parts) + " .", substitutions
