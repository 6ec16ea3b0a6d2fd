"""Across documents: one IRI per real person or organization, and a record of why.

Each document's graph names its actors by slug IRIs, so identical names already
share a node. This step merges the rest: people by their names and what else is
known of them (:mod:`graph.build.people`: "Suzanne P. Clark" / "Suzanne Clark", "Tom" /
"Thomas", "Ana Ruiz" / "Ana Ruiz Solís", a surname alone / the only full name that
fits), organizations known by an acronym or differing by small words, meetings
reported twice; it applies the analyst's judgements, and gives every node exactly
one ``schema:name``. Groups are kept by :class:`graph.build.groups.Groups`.

Judgements file (YAML, beside the documents, default name ``judgements.yaml``)::

    same:
      - [Tom Donohue, Thomas J. Donohue]
    different:
      - [Joe Biden, Hunter Biden]
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from extract.errors import DataError
from extract.reference.data_files import read_yaml
from extract.slug import fold, strip_accents
from extract.vocab import ORG, OWL, RDF, SDO, WIKIDATA
from graph.build.groups import Evidence, Groups
from graph.build.name_variants import has_debris
from graph.build.people import link_people

_GLUE = {"of", "the", "and", "for", "de", "del", "la", "y"}


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


def _iris(nodes: Iterable[Node]) -> list[URIRef]:
    """Actor nodes as the IRIs they are: extraction names every person, organization and meeting, and
    their Wikidata items, by an IRI (docs/data-model.md), while rdflib types any subject or object as ``Node``."""
    return [cast(URIRef, n) for n in nodes]


def _rank(name: str, person: bool = False) -> tuple:
    """Prefer the fullest form: (for a person) no title in front, more words, then accented, then longer,
    then alphabetical."""
    return (person and has_debris(name), -len(name.split()), strip_accents(name) == name, -len(name), name)


def merge_graphs(graphs: list[tuple[URIRef, Graph]], judgements: Judgements = Judgements(), *,
                 fixed_names: dict[URIRef, str] | None = None) -> tuple[list[tuple[URIRef, Graph]], list[Merge]]:
    """Resolve actors across document graphs; returns rewritten graphs and the merges made.

    ``fixed_names`` gives nodes whose name is settled (listed institutions): they keep it, and a
    group that holds one of them takes its IRI.
    """
    fixed = fixed_names or {}
    names: dict[URIRef, set[str]] = defaultdict(set)
    primary: dict[URIRef, set[str]] = defaultdict(set)
    kinds: dict[URIRef, str] = {}
    evidence: dict[URIRef, Evidence] = defaultdict(Evidence)
    for doc, g in graphs:
        for kind, cls in (("person", SDO.Person), ("org", SDO.Organization), ("event", SDO.Event)):
            for node in _iris(g.subjects(RDF.type, cls)):
                kinds[node] = kind
                primary[node] |= {str(o) for o in g.objects(node, SDO.name)}
                names[node] |= primary[node]
                names[node] |= {str(o) for o in g.objects(node, SDO.alternateName)}
                ev = evidence[node]
                ev.docs.add(doc)
                ev.sides |= {str(o) for o in g.objects(node, SDO.nationality)}
                ev.orgs |= {o for o in g.objects(node, ORG.memberOf) if isinstance(o, URIRef)}
                ev.items |= set(_iris(o for o in g.objects(node, OWL.sameAs) if str(o).startswith(WIKIDATA)))
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
    orgs = sorted(n for n in names if kinds.get(n) == "org" and n in display)
    alias_owner: dict[str, set[URIRef]] = defaultdict(set)
    for n in orgs:
        for x in names[n]:
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
    _link_events(graphs, link)
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
    rewritten = [(doc, _rewrite(g, target, canonical)) for doc, g in graphs]
    return rewritten, sorted(merges, key=lambda m: (m.kind, m.into, m.merged))


def _link_events(graphs: list[tuple[URIRef, Graph]], link: Callable[[URIRef, URIRef, str], bool]) -> None:
    """The same meeting reported by two documents: same start day, and a shared attendee or most of the name."""
    seen: dict[str, list[tuple[URIRef, set[Node], set[str]]]] = defaultdict(list)
    for _, g in graphs:
        for event in _iris(g.subjects(RDF.type, SDO.Event)):
            start = g.value(event, SDO.startDate)
            if start is None or len(str(start)) != 10:
                continue
            attendees = set(g.objects(event, SDO.attendee))
            words = {w for n in g.objects(event, SDO.name) for w in fold(str(n)).split() if len(w) > 2}
            seen[str(start)].append((event, attendees, words))
    for day, found in sorted(seen.items()):
        for i, (a, att_a, words_a) in enumerate(found):
            for b, att_b, words_b in found[i + 1:]:
                overlap = len(words_a & words_b) / max(1, len(words_a | words_b))
                if a != b and (att_a & att_b or overlap >= 0.5):
                    link(a, b, f"same meeting: both on {day}, with "
                               + ("a shared attendee" if att_a & att_b else "most of the name in common"))


def _rewrite(g: Graph, target: dict[Node, URIRef], canonical: dict[Node, str]) -> Graph:
    """Replace merged IRIs and keep exactly one schema:name per node (the others become alternate names)."""
    out = Graph()
    for s, p, o in g:
        s2 = target.get(s, s)
        o2 = target.get(o, o) if isinstance(o, URIRef) else o
        if p == SDO.name and s in canonical:
            if str(o) != canonical[s]:
                out.add((s2, SDO.alternateName, o))
            out.add((s2, SDO.name, Literal(canonical[s])))
        elif p == SDO.alternateName and s in canonical and str(o) == canonical[s]:
            continue
        else:
            out.add((s2, p, o2))
    return out
