"""Reading what the projections need from the RDF graph: labels, other names, evidence, statements.

Small pure helpers over a dataset (anything :class:`~graph.network.readable.Readable`: an rdflib ``Dataset``
or a :class:`~graph.network.readable.QuadIndex`); :mod:`graph.network.actors` builds the actor network with them.
:class:`Evidence` is where a fact was read, :class:`Statement` something an actor said.

>>> Evidence("a.txt", 0, 12, "Ana met Bob.") < Evidence("b.txt")
True
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import cast

from rdflib import Literal, URIRef
from rdflib.term import Node

from extract.vocab import DCTERMS, PROV, RDF, SDO, SKOS, TG
from graph.network.readable import Readable

# the predicates read for every node, made once (each ``SDO.name`` builds a new URIRef: 60k of them a page)
_LABELS = (SDO.name, SKOS.prefLabel)
_NAMES = (SDO.name, SDO.alternateName, SKOS.prefLabel)
_SPEAKER, _MADE_AT, _TEXT, _ABOUT = TG.speaker, TG.madeAt, SDO.text, SDO.about

__all__ = ["Evidence", "Statement", "label", "other_names", "first", "one", "sources", "evidence", "formers",
           "statements", "statement"]


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: the document's file name, the sentence, its character offsets (-1 if unknown)."""

    document: str
    start: int = -1
    end: int = -1
    text: str = ""


@dataclass(frozen=True)
class Statement:
    """Something an actor said (``tg:Statement``): the text, its topics (labels), the meeting, the evidence."""

    text: str
    topics: tuple[str, ...] = ()
    event: str | None = None
    evidence: tuple[Evidence, ...] = ()


def label(ds: Readable, node: Node) -> str:
    """``schema:name``, else ``skos:prefLabel`` (English first), else the IRI's last segment."""
    for p in _LABELS:
        values = sorted(ds.objects(node, p), key=str)
        if values:
            rank = {"en": 0, None: 1}
            best = min(values, key=lambda o: (rank.get(o.language, 2) if isinstance(o, Literal) else 3, str(o)))
            return str(best)
    return str(node).rsplit("/", 1)[-1]


def other_names(ds: Readable, node: Node, label: str) -> list[str]:
    """Every name of ``node`` but ``label``, sorted."""
    names = {str(o) for p in _NAMES for o in ds.objects(node, p)}
    return sorted(names - {label})


def first(ds: Readable, node: Node, *preds: URIRef) -> str:
    """The smallest value of the first of ``preds`` that ``node`` has, or ``""``."""
    for p in preds:
        values = sorted(str(o) for o in ds.objects(node, p))
        if values:
            return values[0]
    return ""


def one(ds: Readable, node: Node, pred: URIRef) -> Node | None:
    """The smallest (by text) value of ``pred`` that ``node`` has, or None: the same one whatever order the store
    gives them in (``ds.value`` gives the first it meets)."""
    return min(ds.objects(node, pred), key=str, default=None)


def sources(ds: Readable) -> dict[Node, str]:
    """Document IRI -> file name."""
    return {doc: str(src) for doc, src in ds.subject_objects(DCTERMS.source)}


def _per_graph(ds: Readable, pred: URIRef) -> dict[tuple[Node, Node], Node]:
    """(subject, graph name) -> the object of ``pred`` in that graph (one pass over the quads)."""
    found: dict[tuple[Node, Node], Node] = {}
    for s, _, o, ctx in ds.quads((None, pred, None, None)):
        key = (s, cast(Node, getattr(ctx, "identifier", ctx)))
        kept = found.get(key)  # one key and one look-up per quad (~47k of them at 1,000 documents)
        if kept is None or str(o) < str(kept):
            found[key] = o
    return found


def evidence(ds: Readable, sources: dict[Node, str]) -> dict[Node, list[Evidence]]:
    """Every node carrying ``tg:evidence`` -> its evidence, paired per document graph (sorted, no repeats)."""
    derived, starts, ends = (_per_graph(ds, p) for p in (PROV.wasDerivedFrom, TG.charStart, TG.charEnd))
    found: dict[Node, set[Evidence]] = defaultdict(set)
    for (node, name), text in _per_graph(ds, TG.evidence).items():
        doc = derived.get((node, name), name)
        start, end = starts.get((node, name)), ends.get((node, name))
        found[node].add(Evidence(sources.get(doc, str(doc).rsplit("/", 1)[-1]),
                                 int(str(start)) if start is not None else -1,
                                 int(str(end)) if end is not None else -1, str(text)))
    return {node: sorted(evs) for node, evs in found.items()}


def formers(ds: Readable) -> dict[Node, bool]:
    """Membership -> True when every document stating it calls it former."""
    seen: dict[Node, list[bool]] = defaultdict(list)
    for (m, _), value in _per_graph(ds, TG.former).items():
        seen[m].append(bool(value.toPython()) if isinstance(value, Literal) else False)
    return {m: all(values) for m, values in seen.items()}


def statements(ds: Readable) -> dict[Node, list[Node]]:
    """Speaker -> their statements, in IRI order."""
    said: dict[Node, list[Node]] = defaultdict(list)
    for st in sorted(set(ds.subjects(RDF.type, TG.Statement)), key=str):
        speaker = one(ds, st, _SPEAKER)
        if speaker is not None:
            said[speaker].append(st)
    return said


def statement(ds: Readable, st: Node, evidence: dict[Node, list[Evidence]]) -> Statement:
    """The :class:`Statement` of the statement node ``st``."""
    event = one(ds, st, _MADE_AT)
    return Statement(first(ds, st, _TEXT), tuple(sorted(label(ds, t) for t in ds.objects(st, _ABOUT))),
                     str(event) if event is not None else None, tuple(evidence.get(st, ())))
