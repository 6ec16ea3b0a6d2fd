"""What the network view says about one actor: its names, roles, meetings, topics, documents and evidence.

Plain data (sections of items), worded here once; the page only lays it out with ``textContent``.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", label="Ana Ruiz", kind="person", country="MX", documents=["a.txt"])
>>> g.add_node("o", label="Harbour Council", kind="organization", country="US", documents=["a.txt"])
>>> _ = g.add_edge("p", "o", relation="memberOf", label="Director", evidence=[])
>>> [(s.title, [i.text for i in s.items]) for s in node_details(g, "p")]
[('Roles', ['Director, Harbour Council']), ('Documents', ['a.txt'])]
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from extract.reference.countries import load_countries
from graph.network.actors import MEETING
from graph.network.evidence import Evidence
from graph.network.schema import load_schema

__all__ = ["Item", "Section", "node_details", "seen", "COUNTRY_NAMES"]

#: ISO code -> English name, of the nations whose people and bodies have a side (``extract/data/countries.yaml``)
COUNTRY_NAMES = {c.code: c.name for c in load_countries().countries if c.national}


@dataclass(frozen=True)
class Item:
    """One line of a section: its text, the node it points to (if any), a short note and the evidence.

    ``when`` (a document's publication, a meeting's day, a role's last sighting, or ``""``) is not shown: a page
    that caps a section keeps its most evidenced, then most recent, items (:mod:`graph.network.carry`).
    """

    text: str
    ref: str | None = None
    note: str = ""
    evidence: tuple[Evidence, ...] = ()
    when: str = field(default="", compare=False)


@dataclass
class Section:
    """A titled list of the details panel; ``more`` counts the items left out of a page that caps its lists."""

    title: str
    items: list[Item] = field(default_factory=list)
    more: int = 0


_SCHEMA = load_schema()
# relation -> (section seen from the source, section seen from the target), as graph/data/schema.yaml words them
_SECTIONS = {r.key: r.sections for r in _SCHEMA.relations if r.sections is not None}
_NOTES = {r.key: r.note for r in _SCHEMA.relations if r.note}
_ORDER = list(_SCHEMA.panel_order)
_MEMBERSHIP = _SCHEMA.with_hint("membership")
#: a meeting seen from an actor that took part in it or organized it: named with its date
_AT_MEETING = _SCHEMA.with_hint("took_part") | _SCHEMA.with_hint("organized")
_MEMBER = _SCHEMA.only("membership").label


def country_name(code: str) -> str:
    """``"MX"`` -> ``"Mexico"``; unknown codes stay as they are."""
    return COUNTRY_NAMES.get(code, code)


def seen(data: dict) -> str:
    """When the documents saw a role: ``"seen 2024-03 – 2025-01"`` (months), ``"seen 2024-03"``, or ``""``.

    >>> seen({"first_seen": "2024-03-02", "last_seen": "2025-01-20"}), seen({"first_seen": "2024-03-02"})
    ('seen 2024-03 – 2025-01', 'seen 2024-03')
    """
    first, last = str(data.get("first_seen", ""))[:7], str(data.get("last_seen", ""))[:7]
    if not first:
        return ""
    return f"seen {first}" if last in ("", first) else f"seen {first} – {last}"


def _when(data: dict) -> str:
    date = data.get("date", "")
    return f"{date} (planned)" if data.get("planned") else date


def _edge_item(g: nx.Graph, relation: str, other: str, data: dict, outgoing: bool) -> Item:
    name = g.nodes[other].get("label", other)
    note = "former" if data.get("former") else ""
    evidence = tuple(data.get("evidence", ()))
    if relation in _MEMBERSHIP:
        text = f"{data.get('label', _MEMBER)}, {name}" if outgoing else f"{name} — {data.get('label', _MEMBER)}"
        note = ", ".join(x for x in (note, seen(data)) if x)
        return Item(text, other, note, evidence, str(data.get("last_seen") or data.get("first_seen") or ""))
    if relation in _AT_MEETING and outgoing:
        when = _when(g.nodes[other])
        text = f"{name} ({when})" if when else name
        return Item(text, other, _NOTES.get(relation, ""), evidence, str(g.nodes[other].get("date", "")))
    return Item(name, other, note, evidence, str(g.nodes[other].get("date", "")))


def node_details(g: nx.Graph, node: str) -> list[Section]:
    """The sections of the details panel for ``node`` of an actor network (see ``actor_network``)."""
    data = g.nodes[node]
    sections: dict[str, Section] = {}

    def add(title: str, item: Item) -> None:
        section = sections.get(title)
        if section is None:  # not setdefault: a Section made for every item costs a third of the page's details
            section = sections[title] = Section(title)
        section.items.append(item)

    for name in data.get("names", []):
        add("Also known as", Item(name))
    if data.get("kind") == MEETING and _when(data):
        add("When", Item(_when(data)))
    outgoing = g.out_edges(node, data=True) if isinstance(g, nx.DiGraph) else g.edges(node, data=True)
    for source, target, edge in outgoing:
        relation = edge.get("relation", "")
        other = target if source == node else source
        title = _SECTIONS.get(relation, (edge.get("label", "Linked to"),))[0]
        add(title, _edge_item(g, relation, other, edge, outgoing=True))
    if isinstance(g, nx.DiGraph):
        for source, _, edge in g.in_edges(node, data=True):
            relation = edge.get("relation", "")
            titles = _SECTIONS.get(relation)
            add(titles[1] if titles else f"{edge.get('label', 'Linked')} (from)",
                _edge_item(g, relation, source, edge, outgoing=False))
    for st in data.get("statements", []):
        topics = f"on {', '.join(st.topics)}" if st.topics else ""
        at = st.event if st.event in g else None
        add("Statements", Item(f"“{st.text}”", at, topics, tuple(st.evidence),
                               str(g.nodes[at].get("date", "")) if at is not None else ""))
    titles = g.graph.get("documents", {})
    for doc in data.get("documents", []):
        title = titles.get(doc, {}).get("title", "")
        add("Documents", Item(f"{doc} — {title}" if title and title != doc else doc,
                              when=str(titles.get(doc, {}).get("date", ""))))
    for section in sections.values():
        section.items = _dedupe(section.items)
    return [sections[t] for t in _ORDER if t in sections] + \
        [s for t, s in sorted(sections.items()) if t not in _ORDER]


def _dedupe(items: list[Item]) -> list[Item]:
    """Items in text order; the same line from parallel edges appears once, with all its evidence."""
    merged: dict[tuple[str, str | None, str], set[Evidence]] = {}
    latest: dict[tuple[str, str | None, str], str] = {}
    for item in items:
        key = (item.text, item.ref, item.note)
        merged.setdefault(key, set()).update(item.evidence)
        latest[key] = max(latest.get(key, ""), item.when)
    return [Item(text, ref, note, tuple(sorted(ev)), latest[(text, ref, note)]) for (text, ref, note), ev in
            sorted(merged.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][2]))]
