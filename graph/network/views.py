"""Views derived from the actor network: one actor's neighbourhood, who met whom, who is tied to which topic.

- :func:`find_actor` / :func:`focus_network`: an actor by name, and the actors around it;
- :func:`co_attendance` / :func:`people_network`: people linked by the meetings they attended together;
- :func:`actor_topics` / :func:`topic_network`: people and organizations linked to the topics they spoke
  about or met about (a bipartite view).

Which relations count as taking part in a meeting, or as being about a topic, is the data model's
(``hints`` in ``graph/data/schema.yaml``).
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from itertools import combinations
from typing import TypeVar

import networkx as nx

from extract.slug import fold
from graph.errors import ViewError
from graph.network.actors import ACTOR_KINDS, KINDS, MEETING, PERSON, TOPIC, actor_network
from graph.network.evidence import Evidence
from graph.network.readable import Readable
from graph.network.schema import load_schema

__all__ = ["find_actor", "focus_network", "co_attendance", "people_network", "actor_topics", "topic_network"]

GraphT = TypeVar("GraphT", bound=nx.Graph)
_SCHEMA = load_schema()
_TOOK_PART = _SCHEMA.with_hint("took_part")
_SPOKE_ABOUT = _SCHEMA.with_hint("statement_topic")
_MEETING_TOPIC = _SCHEMA.with_hint("meeting_topic")
_CO_ATTENDED = _SCHEMA.only("co_attendance").key
_CONCERNS = _SCHEMA.only("actor_topic").key


def find_actor(g: nx.Graph, name: str) -> str:
    """The node whose name (or other name, or IRI) is ``name``, compared case- and accent-insensitively.

    An exact name wins, then a unique name containing ``name``.

    Raises:
        ViewError: no node or several match; the message lists the closest names.

    Examples:
        >>> g = nx.Graph(); g.add_node("p1", label="Raquel Buenrostro", names=[]); find_actor(g, "raquel buenrostro")
        'p1'
    """
    wanted = fold(name)
    names = {node: [data.get("label", str(node)), *data.get("names", [])] for node, data in g.nodes(data=True)}
    exact = sorted(n for n, ns in names.items() if n == name or wanted in {fold(x) for x in ns})
    partial = sorted(n for n, ns in names.items() if wanted and any(wanted in fold(x) for x in ns))
    hits = exact or partial
    if len(hits) == 1:
        return hits[0]
    if hits:
        shown = ", ".join(repr(g.nodes[n].get("label", n)) for n in hits[:6])
        raise ViewError(f"{name!r} matches {len(hits)} actors: {shown}; give the full name")
    close = difflib.get_close_matches(name, sorted({ns[0] for ns in names.values()}), n=5, cutoff=0.6)
    hint = (f"; did you mean {', '.join(repr(c) for c in close)}?" if close
            else "; `tradegraph query people_organizations` lists people and their institutions")
    raise ViewError(f"no actor named {name!r} in the graph{hint}")


def focus_network(g: GraphT, node: str, depth: int = 1) -> GraphT:
    """The actors within ``depth`` links of ``node`` (either direction) and the links among them, in ``g``'s own
    order of nodes and links (``nx.ego_graph`` walks a set of nodes, so its order changed with the hash seed,
    and with it the focus page's bytes).

    Examples:
        >>> g = nx.MultiDiGraph([("d", "c"), ("a", "b"), ("b", "c"), ("c", "d")])
        >>> list(focus_network(g, "b", 1)), list(focus_network(g, "b", 1).edges())
        (['c', 'a', 'b'], [('a', 'b'), ('b', 'c')])
    """
    if node not in g:
        raise ViewError(f"{node!r} is not in the network")
    if depth < 0:
        raise ViewError(f"depth must be 0 or more, not {depth}")
    near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, cutoff=depth)
    sub = g.__class__()
    sub.graph.update(g.graph)
    sub.add_nodes_from((n, data.copy()) for n, data in g.nodes(data=True) if n in near)
    if g.is_multigraph():
        sub.add_edges_from((u, v, k, data.copy()) for u, v, k, data in g.edges(keys=True, data=True)  # type: ignore[call-overload, misc]
                           if u in near and v in near)
    else:
        sub.add_edges_from((u, v, data.copy()) for u, v, data in g.edges(data=True) if u in near and v in near)
    return sub


def co_attendance(actors: nx.MultiDiGraph) -> nx.Graph:
    """People linked when they attended (or spoke at) the same meeting; ``weight`` = meetings shared.

    Nodes keep their attributes from ``actors``; only people who attended a meeting are kept.
    Edge attributes: ``relation`` ("coAttended"), ``label`` ("2 meetings", empty for one), ``weight``,
    ``meetings`` (meeting ids)
    and ``evidence`` (the meetings' evidence).

    Examples:
        >>> a = nx.MultiDiGraph()
        >>> for n, k in [("p", "person"), ("q", "person"), ("m", "meeting")]: a.add_node(n, kind=k, label=n)
        >>> for p in ("p", "q"): _ = a.add_edge(p, "m", relation="attendee", evidence=[])
        >>> sorted(co_attendance(a).edges(data="weight"))
        [('p', 'q', 1)]
    """
    met: dict[str, set[str]] = defaultdict(set)
    proof: dict[str, set[Evidence]] = defaultdict(set)
    for person, meeting, data in actors.edges(data=True):
        if data.get("relation") in _TOOK_PART and actors.nodes[person].get("kind") == PERSON \
                and actors.nodes[meeting].get("kind") == MEETING:
            met[meeting].add(person)
            proof[meeting] |= set(data.get("evidence", []))
    people: nx.Graph[str] = nx.Graph()
    for meeting in sorted(met):
        for person in sorted(met[meeting]):
            people.add_node(person, **actors.nodes[person])
        for a, b in combinations(sorted(met[meeting]), 2):
            if people.has_edge(a, b):
                people.edges[a, b]["meetings"].append(meeting)
                people.edges[a, b]["evidence"] = sorted(set(people.edges[a, b]["evidence"]) | proof[meeting])
            else:
                people.add_edge(a, b, relation=_CO_ATTENDED, meetings=[meeting], evidence=sorted(proof[meeting]))
    for _, _, data in people.edges(data=True):
        data["weight"] = len(data["meetings"])
        data["label"] = f"{data['weight']} meetings" if data["weight"] > 1 else ""
    return people


def people_network(ds: Readable) -> nx.Graph:
    """The person-to-person co-attendance network of a dataset (see :func:`co_attendance`)."""
    return co_attendance(actor_network(ds, kinds=(PERSON, MEETING)))


def actor_topics(actors: nx.MultiDiGraph) -> nx.Graph:
    """People and organizations linked to the topics they are tied to: a bipartite actor–topic view.

    An actor is tied to a topic by each statement it made about it (``tg:speaker`` and the statement's
    ``schema:about``) and by each meeting about it (the event's ``schema:about``) that it attended or
    spoke at (``schema:attendee``, or ``tg:madeAt`` of its statement). ``actors`` must hold meetings and
    topics: ``actor_network(ds, kinds=KINDS)``; :func:`topic_network` does both steps.

    Nodes keep their attributes from ``actors``, plus ``bipartite`` (0 for actors, 1 for topics, as
    :mod:`networkx.algorithms.bipartite` expects); only actors and topics with a tie are kept.
    Edge attributes: ``relation`` ("concerns"), ``statements`` (how many statements), ``meetings``
    (meeting ids), ``weight`` (statements + meetings), ``label`` ("2 statements, 1 meeting") and
    ``evidence`` (of the statements and meetings).

    Examples:
        >>> a = nx.MultiDiGraph()
        >>> for n, k in [("p", "person"), ("m", "meeting"), ("t", "topic")]: a.add_node(n, kind=k, label=n)
        >>> _ = a.add_edge("p", "m", relation="attendee", evidence=[])
        >>> _ = a.add_edge("m", "t", relation="about", evidence=[])
        >>> sorted(actor_topics(a).edges(data="weight"))
        [('p', 't', 1)]
    """
    said: dict[tuple[str, str], int] = defaultdict(int)
    met: dict[tuple[str, str], set[str]] = defaultdict(set)
    proof: dict[tuple[str, str], set[Evidence]] = defaultdict(set)
    kind = {n: d.get("kind") for n, d in actors.nodes(data=True)}
    for actor, target, data in actors.edges(data=True):
        if kind[actor] not in ACTOR_KINDS:
            continue
        relation = data.get("relation")
        if relation in _SPOKE_ABOUT and kind[target] == TOPIC:
            label = actors.nodes[target].get("label")
            count = sum(label in st.topics for st in actors.nodes[actor].get("statements", []))
            said[actor, target] = max(count, 1)
            proof[actor, target] |= set(data.get("evidence", []))
        elif relation in _TOOK_PART and kind[target] == MEETING:
            for _, topic, about in actors.out_edges(target, data=True):
                if about.get("relation") in _MEETING_TOPIC and kind[topic] == TOPIC:
                    met[actor, topic].add(target)
                    proof[actor, topic] |= set(data.get("evidence", []))
    view: nx.Graph[str] = nx.Graph()
    for actor, topic in sorted(set(said) | set(met)):
        view.add_node(actor, **{**actors.nodes[actor], "bipartite": 0})
        view.add_node(topic, **{**actors.nodes[topic], "bipartite": 1})
        statements, meetings = said.get((actor, topic), 0), sorted(met.get((actor, topic), ()))
        parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((statements, "statement"),
                                                                      (len(meetings), "meeting")) if n]
        view.add_edge(actor, topic, relation=_CONCERNS, statements=statements, meetings=meetings,
                      weight=statements + len(meetings), label=", ".join(parts),
                      evidence=sorted(proof[actor, topic]))
    return view


def topic_network(ds: Readable) -> nx.Graph:
    """The actor–topic view of a dataset (see :func:`actor_topics`)."""
    return actor_topics(actor_network(ds, kinds=KINDS))
