"""Across documents: one IRI per real person or organization, and a record of why.

Each document's graph names its actors by slug IRIs, so identical names already
share a node. This step merges the rest: people by their names and what else is
known of them (:mod:`graph.build.people`: "Suzanne P. Clark" / "Suzanne Clark", "Tom" /
"Thomas", "Ana Ruiz" / "Ana Ruiz Solís", a surname alone / the only full name that
fits), organizations known by an acronym or differing by small words, meetings
reported twice; it applies the analyst's judgements, and gives every node exactly
one ``schema:name``. Groups are kept by :class:`graph.build.groups.Groups`.

The merge reads each graph once into compact records (:mod:`graph.build.records`: names, keys,
kinds), finds candidate pairs by blocking (name words, acronyms, Wikidata items, a meeting's day and
attendees: :mod:`graph.build.blocking`), never by comparing every pair, and only then rewrites the
graphs (:func:`rewrite`), so that it grows as n log n in the number of documents.

Judgements file (YAML, beside the documents, default name ``judgements.yaml``)::

    same:
      - [Tom Donohue, Thomas J. Donohue]
    different:
      - [Joe Biden, Hunter Biden]
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from extract.errors import DataError
from extract.reference.data_files import read_yaml
from extract.slug import fold, strip_accents
from extract.vocab import SDO
from graph.build.blocking import meeting_pairs
from graph.build.docgraph import DocGraph
from graph.build.groups import Groups
from graph.build.name_variants import has_debris
from graph.build.people import link_people
from graph.build.records import Actors, Meeting, collect
from graph.build.terms import OxTerm, Subject, triple_to_rdflib

_GLUE = {"of", "the", "and", "for", "de", "del", "la", "y"}
Triple = tuple[Node, Node, Node]
_NAME, _ALTERNATE = str(SDO.name), str(SDO.alternateName)


@dataclass(frozen=True)
class Merge:
    """One node folded into another, and why."""

    kind: str
    into: str
    merged: str
    names: tuple[str, str]
    reason: str


@dataclass(frozen=True)
class Judgements:
    """An analyst's rulings: pairs of names (or IRIs) that are / are never the same actor."""

    same: tuple[tuple[str, str], ...] = ()
    different: tuple[tuple[str, str], ...] = ()


@dataclass
class Resolution:
    """What the merge decided: each actor node's group node and one name, the merges, every IRI named."""

    target: dict[Node, URIRef]
    canonical: dict[Node, str]
    merges: list[Merge]
    nodes: set[str] = field(default_factory=set)
    _ox_target: dict[str, ox.NamedNode] = field(default_factory=dict)
    _ox_names: dict[str, ox.Literal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """The decisions keyed by IRI string, in pyoxigraph terms, for :func:`rewrite`: one term per group
        node and one Literal per name."""
        nodes: dict[URIRef, ox.NamedNode] = {}
        literals: dict[str, ox.Literal] = {}
        for n, t in self.target.items():
            if t != n:
                self._ox_target[str(n)] = nodes.get(t) or nodes.setdefault(t, ox.NamedNode(str(t)))
        for n, name in self.canonical.items():
            self._ox_names[str(n)] = literals.get(name) or literals.setdefault(name, ox.Literal(name))

    def final(self, iri: str) -> str:
        """The IRI the node ``iri`` has after the merge (its group's)."""
        found = self._ox_target.get(iri)
        return found.value if found is not None else iri


def load_judgements(path: Path) -> Judgements:
    """Read a judgements file; a missing file means no judgements."""
    if not path.exists():
        return Judgements()
    raw = read_yaml(path) or {}
    pairs = {}
    for key in ("same", "different"):
        items = raw.get(key) or []
        for item in items:
            if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
                raise DataError(f"{path}: each entry under {key!r} must be a pair of names, got {item!r}")
        pairs[key] = tuple((a, b) for a, b in items)
    unknown = set(raw) - {"same", "different"}
    if unknown:
        raise DataError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}; expected 'same' and 'different'")
    return Judgements(**pairs)


def _rank(name: str, person: bool = False) -> tuple:
    """Prefer the fullest form: (for a person) no title in front, more words, then accented, then longer,
    then alphabetical."""
    return (person and has_debris(name), -len(name.split()), strip_accents(name) == name, -len(name), name)


def merge_graphs(graphs: list[tuple[URIRef, Graph]], judgements: Judgements = Judgements(), *,
                 fixed_names: dict[URIRef, str] | None = None) -> tuple[list[tuple[URIRef, Graph]], list[Merge]]:
    """Resolve actors across rdflib document graphs; returns rewritten graphs and the merges made
    (:func:`resolve`, then :func:`rewrite` into one new graph per document)."""
    read = [(doc, DocGraph.from_rdflib(g)) for doc, g in graphs]
    found = resolve(read, judgements, fixed_names=fixed_names)
    rewritten = []
    for doc, g in read:
        out = Graph()
        for t in rewrite(g, found):
            out.add(triple_to_rdflib(t))
        rewritten.append((doc, out))
    return rewritten, found.merges


def resolve(graphs: list[tuple[URIRef, DocGraph]], judgements: Judgements = Judgements(), *,
            fixed_names: dict[URIRef, str] | None = None) -> Resolution:
    """Decide which actor nodes of ``graphs`` are one actor, and the name and IRI each group takes.

    ``fixed_names`` gives nodes whose name is settled (listed institutions): they keep it, and a
    group that holds one of them takes its IRI.
    """
    fixed = fixed_names or {}
    actors = collect(graphs)
    names, primary, kinds, evidence = actors.names, actors.primary, actors.kinds, actors.evidence
    # a meeting keeps the name its documents give it; people and bodies take their fullest form
    display = {n: fixed.get(n) or min(primary[n] if kinds.get(n) == "event" and primary[n] else names[n],
                                      key=lambda x: _rank(x, kinds.get(n) == "person"))  # noqa: B023
               for n in names if names[n]}
    by_label: dict[str, set[URIRef]] = defaultdict(set)
    for n in sorted(names):
        by_label[str(n)].add(n)
        for x in names[n]:
            by_label[fold(x)].add(n)

    def node_of(label: str) -> list[URIRef]:
        return sorted(by_label.get(label, set()) | by_label.get(fold(label), set()))

    for x, y in judgements.different:
        for a in node_of(x):
            for b in node_of(y):
                evidence[a].never.add(b)
                evidence[b].never.add(a)
    groups = Groups({n: evidence[n] for n in sorted(names)})
    link = groups.link
    people = {n: names[n] for n in sorted(names) if kinds.get(n) == "person" and n in display}
    link_people(people, display, groups)
    _link_orgs(actors, display, link)
    _link_events(actors.meetings, link)
    for x, y in judgements.same:
        for a in node_of(x):
            for b in node_of(y):
                link(a, b, f"judgement: {x!r} is {y!r}")

    target: dict[Node, URIRef] = {}
    merges: list[Merge] = []
    for nodes in groups.groups():
        best = min(nodes, key=lambda n: (n not in fixed, _rank(display.get(n, ""), kinds[n] == "person"), str(n)))
        for n in nodes:
            target[n] = best
            if n != best:
                why = groups.reason_of.get(n, "merged with its group")
                merges.append(Merge(kinds[n], str(best), str(n), (display.get(best, ""), display.get(n, "")), why))
    canonical: dict[Node, str] = {n: display[target[n]] for n in names if target[n] in display}
    return Resolution(target, canonical, sorted(merges, key=lambda m: (m.kind, m.into, m.merged)), actors.nodes)


def _link_orgs(actors: Actors, display: dict[URIRef, str], link: Callable[[URIRef, URIRef, str], bool]) -> None:
    """Organizations: a name another node is known by (an acronym), or the same name but for small words."""
    orgs = sorted(n for n in actors.names if actors.kinds.get(n) == "org" and n in display)
    alias_owner: dict[str, set[URIRef]] = defaultdict(set)
    for n in orgs:
        for x in actors.names[n]:
            alias_owner[fold(x)].add(n)
    for n in orgs:
        owners = alias_owner[fold(display[n])] - {n}
        if len(owners) == 1:
            link(min(owners), n, f"{display[n]!r} is a name the other node is known by")
    by_words: dict[str, list[URIRef]] = defaultdict(list)
    for n in orgs:
        by_words[" ".join(w for w in fold(display[n]).split() if w not in _GLUE)].append(n)
    for _key, nodes in sorted(by_words.items()):
        for other in nodes[1:]:
            link(nodes[0], other, f"same name but for small words ({display[nodes[0]]!r} / {display[other]!r})")


def _link_events(meetings: dict[str, list[Meeting]], link: Callable[[URIRef, URIRef, str], bool]) -> None:
    """The same meeting reported by two documents: same start day, and a shared attendee or most of the name."""
    for day, found in sorted(meetings.items()):
        for i, j in meeting_pairs(found):
            a, b = found[i], found[j]
            link(a.node, b.node, f"same meeting: both on {day}, with "
                                 + ("a shared attendee" if a.attendees & b.attendees else "most of the name in common"))


def rewrite(g: DocGraph, found: Resolution) -> Iterator[ox.Triple]:
    """``g``'s triples with merged IRIs replaced and exactly one schema:name per node (the others become
    alternate names). A triple may come twice (two names that become one): keep each once."""
    target: dict[str, Subject] = found._ox_target  # type: ignore[assignment]
    names = found._ox_names
    alternate = ox.NamedNode(_ALTERNATE)
    for t in g.triples:
        s, p, o = cast(Subject, t.subject), t.predicate, cast(OxTerm, t.object)
        s2 = target.get(s.value, s)
        name = names.get(s.value)
        if name is not None and p.value == _NAME:
            if o.value != name.value:
                yield ox.Triple(s2, alternate, o)
            yield ox.Triple(s2, p, name)
        elif name is not None and p.value == _ALTERNATE and o.value == name.value:
            continue
        elif s2 is s and not (isinstance(o, ox.NamedNode) and o.value in target):
            yield t
        else:
            yield ox.Triple(s2, p, target.get(o.value, o) if isinstance(o, ox.NamedNode) else o)
