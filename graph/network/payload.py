"""One node's and one link's JSON for the network page, each list capped (:mod:`graph.network.carry`).

Evidence is stored once in the page and referred to by index. A link's tooltip is not carried: the page builds
it from the link's ``about`` and its first two sentences (``graph/data/network.js``, ``edgeTip``), the same text
:func:`edge_tip` gives here. Lists cut short carry their count of the rest: a section's ``more``, an item's or
a link's ``evMore``. To stay compact, a carried node is named by its place in the page's ``nodes`` (a link's
``from`` and ``to``, an item's ``ref``; an item pointing to a node the page does not carry has no ``ref``), and
an item leaves out an empty ``note`` or ``ev``.

>>> edge_tip("Ana Ruiz — Director — Harbour Council", [Evidence("a.txt", 0, 9, "Ana  Ruiz\\nleads.")])
'Ana Ruiz — Director — Harbour Council\\n“Ana Ruiz leads.” (a.txt)'
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from graph.network.actors import ORGANIZATION
from graph.network.carry import Caps, cap_sections, few, few_spans, sentence_key
from graph.network.details import Item, country_name, node_details
from graph.network.evidence import Evidence
from graph.network.labels import Box, node_style
from graph.network.period import SpanCache
from graph.network.schema import load_schema

__all__ = ["Payload", "short", "edge_tip", "TIP_CHARS", "EDGE_LABEL_CHARS", "MEETINGS_NAMED"]

EDGE_LABEL_CHARS = 28
TIP_CHARS = 280
#: meetings a link of people who met names in its title (the rest are counted)
MEETINGS_NAMED = 5
_SCHEMA = load_schema()
_KIND_LABEL = {k: _SCHEMA.kind(k).label for k in _SCHEMA.legend_order}


def short(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis (the page's ``short`` does the same)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def edge_tip(about: str, evidence: Sequence[Evidence]) -> str:
    """A link's tooltip: what it is, then its first two sentences with their documents."""
    return "\n".join([about] + [f"“{short(e.text, TIP_CHARS)}” ({e.document})" for e in evidence[:2]])


def _met_at(met: list[str]) -> str:
    if len(met) <= MEETINGS_NAMED:
        return ", ".join(met)
    return f"{', '.join(met[:MEETINGS_NAMED])} and {len(met) - MEETINGS_NAMED} more"


class Payload:
    """Turns a view graph's nodes and links into the page's JSON data, gathering the evidence they quote."""

    def __init__(self, view: nx.Graph, context: nx.Graph, carried: Sequence[str]) -> None:
        self.view, self.context, self.spans = view, context, SpanCache()  # spans: each meeting dated once
        self.rank = {n: i for i, n in enumerate(carried)}  # node -> its place in the page's nodes
        self.evidence: dict[Evidence, int] = {}
        self.topics: dict[str, int] = {}
        self.boxes: dict[str, Box] = {}  # each node's box with its label, for the layout

    def _ev(self, evidence: Iterable[Evidence]) -> list[int]:
        return [self.evidence.setdefault(e, len(self.evidence)) for e in evidence]

    def _quoted(self, into: dict[str, Any], evidence: Sequence[Evidence]) -> dict[str, Any]:
        """``into`` (a link) with ``ev`` (its first sentences' indexes) and, when some are left out, ``evMore``."""
        kept, more = few(evidence)
        if kept:
            into["ev"] = self._ev(kept)
        if more:
            into["evMore"] = more
        return into

    def _topic(self, iri: str) -> int:
        return self.topics.setdefault(iri, len(self.topics))

    def _dated(self, node: str) -> nx.Graph:
        """The graph that dates ``node``'s spans: the actor network when it holds it, else the view."""
        return self.context if node in self.context else self.view

    def node(self, node: str, degree: int, caps: Caps) -> dict[str, Any]:
        """A node's data: its look, its tooltip, and its details cut to ``caps``."""
        data = {**self.view.nodes[node]}
        details = node_details(self.context, node) if node in self.context else node_details(self.view, node)
        kind = data.get("kind", ORGANIZATION)
        roles = [i.text for s in details if s.title == "Roles" for i in s.items][:3]
        side = country_name(data.get("country", ""))
        tip = [data.get("label", node), " · ".join(x for x in (_KIND_LABEL.get(kind, kind), side) if x),
               *roles, f"{degree} connection{'s' if degree != 1 else ''} — click for details"]
        style = node_style(str(data.get("label", node)), degree)  # the label wrapped, as the layout measured it
        self.boxes[node] = style.box
        sections: list[dict[str, Any]] = []
        quoted: set[str | Evidence] = set()  # the sentences the node quotes (a sentence quoted again is free)
        for s in cap_sections(details, caps):
            section: dict[str, Any] = {"title": s.title, "items": [self._item(i, caps, quoted) for i in s.items]}
            if s.more:
                section["more"] = s.more
            sections.append(section)
        return {
            "id": node, "label": data.get("label", node), "kind": kind, "country": data.get("country", ""),
            "countryName": side, "text": style.text,
            "names": list(data.get("names", [])), "degree": degree, "size": style.size, "font": style.font,
            "topics": [self._topic(t) for t in data.get("topics", [])],
            "seen": [list(days) for days in few_spans(self.spans.node(self._dated(node), node))],
            "tip": "\n".join(short(t, TIP_CHARS) for t in tip), "details": sections,
        }

    def _item(self, item: Item, caps: Caps, quoted: set[str | Evidence]) -> dict[str, Any]:
        """An item of the panel, quoting ``caps.evidence`` sentences while its node has quoted fewer than
        ``caps.quoted`` different ones (``quoted``, updated)."""
        out: dict[str, Any] = {"text": item.text}
        if item.ref is not None and item.ref in self.rank:
            out["ref"] = self.rank[item.ref]
        if item.note:
            out["note"] = item.note
        first, more = few(item.evidence, caps.evidence)
        kept = []
        for e in first:
            key = sentence_key(e)
            if key in quoted or len(quoted) < caps.quoted:
                quoted.add(key)
                kept.append(e)
        if kept:
            out["ev"] = self._ev(kept)
        if more + len(first) - len(kept):
            out["evMore"] = more + len(first) - len(kept)
        return out

    def edge(self, source: str, target: str, data: dict[str, Any]) -> dict[str, Any]:
        label = str(data.get("label", ""))
        if data.get("former"):
            label = f"former {label}"
        names = (self.view.nodes[source].get("label", source), self.view.nodes[target].get("label", target))
        if "meetings" in data:
            met = [str(self.context.nodes[m].get("label", m)) if m in self.context else m for m in data["meetings"]]
            about = f"{names[0]} and {names[1]} met at {_met_at(met)}"
        else:
            about = f"{names[0]} — {label or data.get('relation', 'linked to')} — {names[1]}"
        dating = self.context if source in self.context and target in self.context else self.view
        seen = self.spans.edge(dating, source, target, data)
        return self._quoted({"from": self.rank[source], "to": self.rank[target], "ev": [],
                             "relation": data.get("relation", ""), "about": about,
                             "seen": None if seen is None else [list(days) for days in few_spans(seen)],
                             "label": short(label, EDGE_LABEL_CHARS), "former": bool(data.get("former")),
                             "weight": data.get("weight", 1)}, list(data.get("evidence", [])))
