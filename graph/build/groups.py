"""Merge groups of actor nodes, with what each group is known to be, for :mod:`graph.build.merge`.

A group is a set of nodes taken for one real actor (``networkx.utils.UnionFind``). Each group keeps
its members, the documents it appears in, the sides it acts for (``schema:nationality``), its
organizations (``org:memberOf``), its Wikidata items (``owl:sameAs``) and the nodes an analyst said
it must never join. Merging two groups unites all of that in time linear in the smaller group, so
a build of thousands of documents never rescans the nodes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from networkx.utils import UnionFind
from rdflib import URIRef


@dataclass
class Evidence:
    """What is known of one node, or of a whole group once merged."""

    members: list[URIRef] = field(default_factory=list)
    docs: set[URIRef] = field(default_factory=set)
    sides: set[str] = field(default_factory=set)
    orgs: set[URIRef] = field(default_factory=set)
    items: set[URIRef] = field(default_factory=set)  # Wikidata IRIs
    never: set[URIRef] = field(default_factory=set)  # nodes it must not join (judgements)

    def absorb(self, other: Evidence) -> None:
        self.members += other.members
        for mine, theirs in ((self.docs, other.docs), (self.sides, other.sides), (self.orgs, other.orgs),
                             (self.items, other.items), (self.never, other.never)):
            mine |= theirs


class Groups:
    """Union-find over nodes, keeping each group's evidence and the reason each node was merged."""

    def __init__(self, evidence: dict[URIRef, Evidence]) -> None:
        self._sets: UnionFind[URIRef] = UnionFind()
        self._evidence = evidence
        for node, ev in evidence.items():
            if not ev.members:
                ev.members.append(node)
        self.reason_of: dict[URIRef, str] = {}

    def find(self, node: URIRef) -> URIRef:
        return self._sets[node]

    def of(self, node: URIRef) -> Evidence:
        """The evidence of the group that holds ``node``."""
        root = self.find(node)
        found = self._evidence.get(root)
        if found is None:  # a node first seen here (not among the merge's records) is a group of its own
            found = self._evidence[root] = Evidence(members=[root])
        return found

    def blocked(self, a: URIRef, b: URIRef) -> bool:
        """Whether an analyst's judgement keeps the two groups apart."""
        ga, gb = self.of(a), self.of(b)
        small, big = (ga, gb) if len(ga.members) <= len(gb.members) else (gb, ga)
        return bool(big.never) and any(m in big.never for m in small.members)

    def conflict(self, a: URIRef, b: URIRef) -> str | None:
        """Why two groups cannot be one person on evidence, or None: different Wikidata items or sides,
        or both named in one document (where the document's own resolution kept them apart)."""
        ga, gb = self.of(a), self.of(b)
        if ga.items and gb.items and not ga.items & gb.items:
            return "different Wikidata items"
        if ga.sides and gb.sides and not ga.sides & gb.sides:
            return "different sides"
        if ga.docs & gb.docs:
            return "named apart in one document"
        return None

    def support(self, a: URIRef, b: URIRef) -> str:
        """The evidence two groups share, for the record: same side, a shared organization."""
        ga, gb = self.of(a), self.of(b)
        found = []
        if ga.items & gb.items:
            found.append(f"same Wikidata item {min(ga.items & gb.items).rsplit('/', 1)[-1]}")
        if ga.sides & gb.sides:
            found.append(f"same side ({', '.join(sorted(ga.sides & gb.sides))})")
        if ga.orgs & gb.orgs:
            found.append(f"shared organization {min(ga.orgs & gb.orgs).rsplit('/', 1)[-1]}")
        return "; ".join(found) or "no conflicting evidence"

    def link(self, a: URIRef, b: URIRef, reason: str) -> bool:
        """Put ``a`` and ``b`` in one group, unless they already are or a judgement forbids it."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.blocked(a, b):
            return False
        ga, gb = self.of(a), self.of(b)
        self._sets.union(ra, rb)
        root = self.find(ra)
        keep, drop = (ga, gb) if len(ga.members) >= len(gb.members) else (gb, ga)
        keep.absorb(drop)
        self._evidence[root] = keep
        for other in (ra, rb):
            if other != root:
                self._evidence.pop(other, None)
        self.reason_of.setdefault(a, reason)
        self.reason_of.setdefault(b, reason)
        return True

    def groups(self) -> list[list[URIRef]]:
        """Every group's members, sorted, groups in the order of their first member."""
        return sorted(sorted(ev.members) for root, ev in self._evidence.items() if self.find(root) == root)
