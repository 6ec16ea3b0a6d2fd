"""The network of one period: the meetings held in a window, the roles seen in it and the actors they connect.

A window is two dates, either left open, each written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a year or a
month means all of it). A date in the graph may be partial too; it is in the window when the days it may
mean overlap it. The rule, applied to an actor network (:func:`graph.network.actors.actor_network`):

- a meeting is kept when its ``date`` is in the window (undated: when a document stating it was published in
  it), with its attendance, organizers, place and topics (every edge that touches it);
- a membership is kept when it was seen in the window (``tg:firstSeen`` ≤ end and ``tg:lastSeen`` ≥ start,
  read into the edge's ``first_seen``/``last_seen``; undated: when a document stating it was published in it);
- a statement (and its topic edge) when its document was published in the window;
- the documents published in the window;
- the actors, places and topics these connect; an actor with nothing in the window is left out.
  Hierarchy (``subOrganizationOf``) is undated: it links only nodes kept for another reason.

The page applies the same rule in the browser to the spans :func:`node_spans` and :func:`edge_spans` give
(``graph/data/network.js``).

>>> p = Period.parse("2024-01", "2025-06"); p.lo, p.hi, p.label
('2024-01-01', '2025-06-30', '2024-01 – 2025-06')
>>> p.holds("2024"), p.holds("2025-07-01"), p.holds("")
(True, False, False)
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import networkx as nx

from extract.text.dates import days_of
from graph.errors import ViewError
from graph.network.actors import MEETING
from graph.network.schema import load_schema

__all__ = ["Period", "span", "node_spans", "edge_spans", "SpanCache", "covered", "within"]

_SCHEMA = load_schema()
_MEMBERSHIP = _SCHEMA.with_hint("membership")
_UNDATED = _SCHEMA.with_hint("parent")
Span = tuple[str, str]


def span(value: str) -> Span | None:
    """The first and last day ``value`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or a date-time) may mean
    (:func:`extract.text.dates.days_of`).

    >>> span("2024-02"), span("2023"), span("2024-03-05T10:00:00"), span("soon")
    (('2024-02-01', '2024-02-29'), ('2023-01-01', '2023-12-31'), ('2024-03-05', '2024-03-05'), None)
    """
    return days_of(value)


@dataclass(frozen=True)
class Period:
    """A window of days, ``lo`` to ``hi`` (ISO dates, ``""`` when open), and how the user wrote it."""

    lo: str = ""
    hi: str = ""
    start: str = ""
    end: str = ""

    @classmethod
    def parse(cls, start: str | None = None, end: str | None = None) -> Period:
        """The window from ``start`` to ``end`` (either may be ``None``: open on that side).

        Raises:
            ViewError: a value that is no date, or a start after the end.
        """
        bounds = []
        for name, value in (("start", start), ("end", end)):
            found = span(value) if value else None
            if value and (found is None or len(value.strip()) > len("YYYY-MM-DD")):  # a date, never a date-time
                raise ViewError(f"the period's {name} {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
                                "(a year or a month means all of it)")
            bounds.append(found)
        lo, hi = (bounds[0][0] if bounds[0] else ""), (bounds[1][1] if bounds[1] else "")
        if lo and hi and lo > hi:
            raise ViewError(f"the period starts ({start}) after it ends ({end})")
        return cls(lo, hi, (start or "").strip(), (end or "").strip())

    @property
    def open(self) -> bool:
        """True when the window has no bound (every date is in it)."""
        return not (self.lo or self.hi)

    @property
    def label(self) -> str:
        """``"2024-01 – 2025-06"``, ``"from 2024-01"``, ``"until 2025-06"`` or ``""``."""
        if self.start and self.end:
            return f"{self.start} – {self.end}"
        return f"from {self.start}" if self.start else (f"until {self.end}" if self.end else "")

    def overlaps(self, days: Span) -> bool:
        """True when the days ``days`` (first, last) share one with the window."""
        return (not self.hi or days[0] <= self.hi) and (not self.lo or days[1] >= self.lo)

    def holds(self, value: str) -> bool:
        """True when the date ``value`` (partial or whole) may fall in the window; an undated value does not."""
        days = span(value)
        return days is not None and self.overlaps(days)


def _published(g: nx.Graph, evidence: Any) -> list[Span]:
    documents = g.graph.get("documents", {})
    days = (span(str(documents.get(e.document, {}).get("date", ""))) for e in evidence)
    return sorted({d for d in days if d is not None})


def _touching(g: nx.Graph, node: str) -> list[dict[str, Any]]:
    """The data of the edges at ``node``, either way, as ``nx.to_undirected(g).edges(node, data=True)`` gives
    them (an edge out wins over an edge in with the same ends and key), without building that view each time.
    """
    if not g.is_directed():
        return [d for *_, d in g.edges(node, data=True)]
    directed = cast(nx.DiGraph, g)
    succ, pred = directed.succ[node], directed.pred[node]
    if g.is_multigraph():
        return [d for other in {**pred, **succ} for d in {**pred.get(other, {}), **succ.get(other, {})}.values()]
    return [succ[other] if other in succ else pred[other] for other in {**pred, **succ}]


def node_spans(g: nx.Graph, node: str) -> list[Span]:
    """When ``node`` itself is in a period: a meeting by its date (else its documents), an actor by its statements."""
    data = g.nodes[node]
    if data.get("kind") == MEETING:
        days = span(str(data.get("date", "")))
        if days is not None:
            return [days]
        return _published(g, [e for d in _touching(g, node) for e in d.get("evidence", [])])
    return _published(g, [e for st in data.get("statements", []) for e in st.evidence])


def edge_spans(g: nx.Graph, source: str, target: str, data: dict[str, Any], *,
               spans: Callable[[nx.Graph, str], list[Span]] = node_spans) -> list[Span] | None:
    """When an edge is in a period; ``None`` for an undated one (hierarchy), kept when both its ends are.

    An edge touching a meeting is dated by the meeting (a co-attendance edge by its meetings); a membership by
    its first and last sighting (else its documents); any other edge by the publication dates of the documents
    it was read in. ``g`` is the actor network the edge's ends and documents are read from; ``spans`` gives a
    node's spans (:class:`SpanCache` gives each meeting's once, however many edges it dates).
    """
    if "meetings" in data:  # people linked by the meetings they attended together: dated by those meetings
        return sorted({days for m in data["meetings"] if m in g for days in spans(g, m)})
    for end in (source, target):
        if end in g and g.nodes[end].get("kind") == MEETING:
            return list(spans(g, end))
    relation = data.get("relation")
    if relation in _UNDATED:
        return None
    if relation in _MEMBERSHIP and data.get("first_seen") and data.get("last_seen"):
        first, last = span(str(data["first_seen"])), span(str(data["last_seen"]))
        if first is not None and last is not None:
            return [(first[0], last[1])]
    return _published(g, data.get("evidence", []))


class SpanCache:
    """:func:`node_spans` and :func:`edge_spans` over graphs that do not change while it is used, each node's
    spans computed once (an undated meeting reads every edge at it, and dates every edge at it)."""

    def __init__(self) -> None:
        self._graphs: dict[int, nx.Graph] = {}  # held, so that an id is not reused while its spans are kept
        self._spans: dict[tuple[int, str], list[Span]] = {}

    def node(self, g: nx.Graph, node: str) -> list[Span]:
        """:func:`node_spans`, computed once per graph and node."""
        key = (id(g), node)
        found = self._spans.get(key)
        if found is None:
            self._graphs[id(g)] = g
            found = self._spans[key] = node_spans(g, node)
        return found

    def edge(self, g: nx.Graph, source: str, target: str, data: dict[str, Any]) -> list[Span] | None:
        """:func:`edge_spans`, with the spans of its meetings from the cache."""
        return edge_spans(g, source, target, data, spans=self.node)


def within(g: nx.MultiDiGraph, period: Period) -> nx.MultiDiGraph:
    """The part of the actor network ``g`` that is in ``period`` (the rule is in this module's docstring).

    Nodes keep their attributes, with only the statements and documents of the period; the graph's
    ``documents`` keeps those published in it, and ``period`` says which window it is.
    """
    if period.open:
        return g
    kept_edges: list[tuple[str, str, Any]] = []
    undated: list[tuple[str, str, Any]] = []
    cache = SpanCache()
    keep = {n for n in g.nodes if any(period.overlaps(s) for s in cache.node(g, n))}
    for source, target, key, data in g.edges(keys=True, data=True):
        spans = cache.edge(g, source, target, data)
        if spans is None:
            undated.append((source, target, key))
        elif any(period.overlaps(s) for s in spans):
            kept_edges.append((source, target, key))
            keep |= {source, target}
    kept_edges += [(s, t, k) for s, t, k in undated if s in keep and t in keep]
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    documents = {doc: info for doc, info in g.graph.get("documents", {}).items() if period.holds(str(info["date"]))}
    out.graph.update(g.graph, documents=documents, period=period)
    for node in sorted(keep):
        data = dict(g.nodes[node])
        data["documents"] = [d for d in data.get("documents", []) if d in documents]
        data["statements"] = [st for st in data.get("statements", [])
                              if any(e.document in documents for e in st.evidence)]
        out.add_node(node, **data)
    for source, target, key in kept_edges:
        out.add_edge(source, target, key=key, **g.edges[source, target, key])
    return out


def covered(spans: list[Span]) -> Span | None:
    """The first and last day of all ``spans`` (the years a graph covers), or ``None``.

    >>> covered([("2024-01-01", "2024-01-31"), ("2023-05-02", "2023-05-02")])
    ('2023-05-02', '2024-01-31')
    """
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
