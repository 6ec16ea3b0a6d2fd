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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

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
from graph.build.terms import triple_to_rdflib

_GLUE = {"of", "the", "and", "for", "de", "del", "la", "y"}
Triple = tuple[Node, Node, Node]
_NAME, _ALTERNATE = f"<{SDO.name}>", f"<{SDO.alternateName}>"


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
    """What the merge decided: each actor node's group node and one name, and the merges."""

    target: dict[Node, URIRef]
    canonical: dict[Node, str]
    merges: list[Merge]
    _nt_target: dict[str, str] = field(default_factory=dict)
    _nt_names: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """The decisions keyed by N-Triples form, for :func:`rewrite`: a merged node's group node, and each
        node's one name as an N-Triples literal with its escaped lexical form."""
        for n, t in self.target.items():
            if t != n:
                self._nt_target[f"<{n}>"] = f"<{t}>"
        literals: dict[str, tuple[str, str]] = {}
        for n, name in self.canonical.items():
            found = literals.get(name)
            if found is None:
                written = str(ox.Literal(name))
                found = literals[name] = (written, written[1:-1])
            self._nt_names[f"<{n}>"] = found


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
        for q in ox.parse("".join(f"{line} .\n" for line in rewrite(g.lines, found)), format=ox.RdfFormat.N_TRIPLES):
            out.add(triple_to_rdflib(q.triple))
        rewritten.append((doc, out))
    return rewritten, found.merges


def resolve(graphs: list[tuple[URIRef, DocGraph]], judgements: Judgements = Judgements(), *,
            fixed_names: dict[URIRef, str] | None = None) -> Resolution:
    """Decide which actor nodes of ``graphs`` are one actor, and the name and IRI each group takes.

    ``fixed_names`` gives nodes whose name is settled (listed institutions): they keep it, and a
    group that holds one of them takes its IRI.
    """
    return resolve_actors(collect(graphs), judgements, fixed_names=fixed_names)


def resolve_actors(actors: Actors, judgements: Judgements = Judgements(), *,
                   fixed_names: dict[URIRef, str] | None = None) -> Resolution:
    """:func:`resolve` on the records already read from the graphs (:func:`graph.build.records.collect`)."""
    fixed = fixed_names or {}
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
    return Resolution(target, canonical, sorted(merges, key=lambda m: (m.kind, m.into, m.merged)))


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


def rewrite(lines: Iterable[str], found: Resolution, *, named: set[str] | None = None) -> Iterator[str]:
    """A graph's ``lines`` (N-Triples, without `` .``) with merged IRIs replaced and exactly one schema:name per node
    (the others become alternate names). A line may come twice (two names that become one): keep each once.
    ``named`` collects every IRI the lines name as subject or object (N-Triples forms)."""
    target, names = found._nt_target, found._nt_names
    seen = named if named is not None else set()
    for line in lines:
        s, p, o = line.split(" ", 2)
        s2 = target.get(s, s)
        seen.add(s2)
        name = names.get(s)
        if name is not None and p == _NAME:
            if _lexical(o) != name[1]:
                yield f"{s2} {_ALTERNATE} {o}"
            yield f"{s2} {p} {name[0]}"
        elif name is not None and p == _ALTERNATE and _lexical(o) == name[1]:
            continue
        else:
            o2 = target.get(o, o) if o[0] == "<" else o
            if o2[0] == "<":
                seen.add(o2)
            yield line if s2 is s and o2 is o else f"{s2} {p} {o2}"


def _lexical(term: str) -> str | None:
    """The escaped lexical form of an N-Triples literal (``"Ana"@es`` -> ``Ana``); None for an IRI or blank node."""
    return term[1:term.rindex('"')] if term[0] == '"' else None
