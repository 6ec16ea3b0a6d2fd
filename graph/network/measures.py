"""Network measures over the projections: who is central, who bridges the two sides, which groups form.

Each measure returns a pandas DataFrame of plain values (``id`` is the node's IRI), ranked best first,
ties broken by name; :mod:`graph.network.stats` puts them together into ``tradegraph stats``' report.
Kinds (actors, the measured network) are the data model's (``graph/data/schema.yaml``), the two sides
``extract/data/countries.yaml``'s.

- :func:`simple_network`: a projection as an undirected graph, one edge per linked pair;
- :func:`centrality`: degree and betweenness;
- :func:`bridges`: the actors on the shortest paths between the two sides' actors;
- :func:`communities` / :func:`community_table`: groups found by greedy modularity;
- :func:`institution_meetings`: institutions by the meetings they reach, themselves or through their people;
- :func:`topic_clusters`: topics that the same actors are tied to.

>>> g = nx.Graph([("a", "m"), ("b", "m")])
>>> nx.set_node_attributes(g, {"a": "US", "b": "MX", "m": ""}, "country")
>>> nx.set_node_attributes(g, {"a": "person", "b": "person", "m": "meeting"}, "kind")
>>> bridges(g, kinds=("meeting",))[["id", "cross_side"]].values.tolist()
[['m', 1.0]]
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx
import pandas as pd
from networkx.algorithms import bipartite

from extract.reference.countries import load_countries
from graph.network.actors import ACTOR_KINDS, MEETING, ORGANIZATION, PERSON
from graph.network.schema import load_schema

__all__ = ["ACTOR_KINDS", "NETWORK_KINDS", "SIDES", "simple_network", "centrality", "bridges", "communities",
           "community_table", "institution_meetings", "topic_clusters"]

_SCHEMA = load_schema()
#: The kinds of the person–institution–meeting network the measures run on (places and topics would
#: link everything held in one city or about one topic).
NETWORK_KINDS = tuple(k.key for k in _SCHEMA.kinds if k.measured)
_SIDES = load_countries().sides
#: the two sides of the relation (ISO codes)
SIDES: tuple[str, str] = (_SIDES[0], _SIDES[1])
_TOOK_PART, _BODY_TOOK_PART = _SCHEMA.with_hint("took_part"), _SCHEMA.with_hint("body_took_part")
_MEMBERSHIP = _SCHEMA.with_hint("membership")
EXACT_BETWEENNESS_UP_TO = 2000  # nodes; above it betweenness is estimated from a fixed sample of sources


def simple_network(g: nx.Graph) -> nx.Graph:
    """``g`` as an undirected simple graph: one edge per linked pair, ``weight`` = how many links it had.

    Node attributes are kept; edge attributes are reduced to ``weight`` and ``relations`` (sorted).
    A weighted simple graph (such as :func:`graph.network.projections.co_attendance`) keeps its weights.

    Examples:
        >>> m = nx.MultiDiGraph([("p", "o"), ("p", "o"), ("o", "p")])
        >>> simple_network(m).edges["p", "o"]["weight"]
        3
    """
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(g.nodes(data=True))
    multi = g.is_multigraph()
    for s, t, data in g.edges(data=True):
        if s == t:
            continue
        weight = 1 if multi else data.get("weight", 1)
        if simple.has_edge(s, t):
            simple.edges[s, t]["weight"] += weight
            simple.edges[s, t]["relations"] = sorted(set(simple.edges[s, t]["relations"]) | {data.get("relation", "")})
        else:
            simple.add_edge(s, t, weight=weight, relations=[data.get("relation", "")])
    return simple


def _label(g: nx.Graph, node: str) -> str:
    return str(g.nodes[node].get("label", node))


def _rows(g: nx.Graph, nodes: list[str]) -> dict[str, list[str]]:
    return {"actor": [_label(g, n) for n in nodes], "kind": [g.nodes[n].get("kind", "") for n in nodes],
            "country": [g.nodes[n].get("country", "") for n in nodes]}


def _betweenness(g: nx.Graph) -> dict[str, float]:
    k = EXACT_BETWEENNESS_UP_TO // 4 if g.number_of_nodes() > EXACT_BETWEENNESS_UP_TO else None
    return dict(nx.betweenness_centrality(g, k=k, seed=0 if k else None))


def centrality(g: nx.Graph, *, kinds: tuple[str, ...] = ACTOR_KINDS) -> pd.DataFrame:
    """Degree (distinct neighbours) and normalized betweenness of the nodes of ``kinds``, most between first.

    Betweenness is the share of shortest paths between any two nodes that pass through a node,
    unweighted (edge weights count ties, not distances). Every node of ``g`` counts as a path end,
    so meetings carry paths between the people who attended them. Graphs of more than
    :data:`EXACT_BETWEENNESS_UP_TO` nodes get an estimate from a fixed sample of sources.

    Returns:
        Columns ``actor, kind, country, degree, betweenness, id``; empty for an empty graph.

    Examples:
        >>> g = nx.path_graph(["a", "b", "c"]); nx.set_node_attributes(g, "person", "kind")
        >>> centrality(g)[["id", "degree", "betweenness"]].values.tolist()[0]
        ['b', 2, 1.0]
    """
    simple = simple_network(g) if g.is_multigraph() or g.is_directed() else g
    between = _betweenness(simple)
    nodes = [n for n, k in simple.nodes(data="kind") if k in kinds]
    nodes.sort(key=lambda n: (-between[n], -simple.degree(n), _label(simple, n).casefold(), n))
    return pd.DataFrame({**_rows(simple, nodes), "degree": [simple.degree(n) for n in nodes],
                         "betweenness": [round(between[n], 4) for n in nodes], "id": nodes},
                        columns=["actor", "kind", "country", "degree", "betweenness", "id"])


def _tied(g: nx.Graph, node: str) -> set[str]:
    """A node's neighbours and, unless it is a meeting, the others at its meetings."""
    tied = set(g[node])
    if g.nodes[node].get("kind") != MEETING:
        for m in list(tied):
            if g.nodes[m].get("kind") == MEETING:
                tied |= set(g[m])
    return tied - {node}


def bridges(g: nx.Graph, *, sides: tuple[str, str] = SIDES, kinds: tuple[str, ...] = ACTOR_KINDS) -> pd.DataFrame:
    """The nodes of ``kinds`` that lie on shortest paths between actors of the two ``sides``.

    ``cross_side`` is the betweenness counted only over paths from an actor of one side (its
    ``country``: a person's nationality, an organization's country) to an actor of the other
    (:func:`networkx.betweenness_centrality_subset`), scaled so the top node listed has 1.0.
    Only nodes with a share above zero are listed. The ``US``/``MX`` columns (named after
    ``sides``) count the actors of each side the node is tied to: its neighbours, and for an actor
    also the others at the meetings it attended.

    Returns:
        Columns ``actor, kind, country, cross_side, <side a>, <side b>, id``; empty when a side has no actor.
    """
    simple = simple_network(g) if g.is_multigraph() or g.is_directed() else g
    a, b = sides
    ends = {side: [n for n, c in simple.nodes(data="country") if c == side] for side in sides}
    columns = ["actor", "kind", "country", "cross_side", a, b, "id"]
    if not ends[a] or not ends[b]:
        return pd.DataFrame(columns=columns)
    score = nx.betweenness_centrality_subset(simple, sources=ends[a], targets=ends[b], normalized=False)
    nodes = [n for n, k in simple.nodes(data="kind") if k in kinds and score[n] > 0]
    top = max((score[n] for n in nodes), default=1.0)
    nodes.sort(key=lambda n: (-score[n], -simple.degree(n), _label(simple, n).casefold(), n))
    side_links = {side: [sum(simple.nodes[m].get("country") == side for m in _tied(simple, n)) for n in nodes]
                  for side in sides}
    return pd.DataFrame({**_rows(simple, nodes), "cross_side": [round(score[n] / top, 4) for n in nodes],
                         a: side_links[a], b: side_links[b], "id": nodes}, columns=columns)


def communities(g: nx.Graph, *, weight: str | None = "weight") -> list[set[str]]:
    """Groups of nodes more linked among themselves than to the rest (greedy modularity), largest first.

    Deterministic (no random seed involved). Nodes without any link are left out: each would be a
    community of one. Ties in size are ordered by the group's first member.
    """
    simple = simple_network(g) if g.is_multigraph() or g.is_directed() else g
    linked = simple.subgraph([n for n in simple if simple.degree(n) > 0])
    if linked.number_of_edges() == 0:
        return []
    found = nx.community.greedy_modularity_communities(linked, weight=weight)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def community_table(g: nx.Graph, groups: list[set[str]], *, members: int = 5) -> pd.DataFrame:
    """One row per community: its size, its sides, and its ``members`` most connected actors by name."""
    rows = []
    for i, group in enumerate(groups, 1):
        sides = Counter(g.nodes[n].get("country") or "no side" for n in group if g.nodes[n].get("kind") in ACTOR_KINDS)
        ranked = sorted((n for n in group if g.nodes[n].get("kind") in ACTOR_KINDS),
                        key=lambda n: (-g.degree(n), _label(g, n).casefold()))
        meetings = sorted(_label(g, n) for n in group if g.nodes[n].get("kind") == MEETING)
        rows.append({"community": i, "size": len(group),
                     "sides": " · ".join(f"{s} {k}" for s, k in sorted(sides.items(), key=lambda x: (-x[1], x[0]))),
                     "most connected": ", ".join(_label(g, n) for n in ranked[:members]),
                     "meetings": ", ".join(meetings)})
    return pd.DataFrame(rows, columns=["community", "size", "sides", "most connected", "meetings"])


def institution_meetings(actors: nx.MultiDiGraph) -> pd.DataFrame:
    """Institutions by the number of meetings they reach: attended or organized, or through their people.

    ``direct`` counts meetings the institution attended or organized; ``through people`` those its
    members (``memberOf``, current or former) attended or spoke at. Institutions reaching no meeting
    are left out.

    Returns:
        Columns ``institution, country, meetings, direct, through people, meeting names, id``.
    """
    direct: dict[str, set[str]] = defaultdict(set)
    through: dict[str, set[str]] = defaultdict(set)
    kind = dict(actors.nodes(data="kind"))
    attended: dict[str, set[str]] = defaultdict(set)
    for s, t, relation in actors.edges(data="relation", default=""):
        if kind.get(t) != MEETING:
            continue
        if kind.get(s) == ORGANIZATION and relation in _BODY_TOOK_PART:
            direct[s].add(t)
        elif kind.get(s) == PERSON and relation in _TOOK_PART:
            attended[s].add(t)
    for person, org, relation in actors.edges(data="relation"):
        if relation in _MEMBERSHIP and kind.get(org) == ORGANIZATION:
            through[org] |= attended.get(person, set())
    orgs = [o for o in set(direct) | set(through) if direct[o] | through[o]]
    orgs.sort(key=lambda o: (-len(direct[o] | through[o]), -len(direct[o]), _label(actors, o).casefold(), o))
    return pd.DataFrame({
        "institution": [_label(actors, o) for o in orgs], "country": [actors.nodes[o].get("country", "") for o in orgs],
        "meetings": [len(direct[o] | through[o]) for o in orgs], "direct": [len(direct[o]) for o in orgs],
        "through people": [len(through[o]) for o in orgs],
        "meeting names": ["; ".join(sorted(_label(actors, m) for m in direct[o] | through[o])) for o in orgs],
        "id": orgs}, columns=["institution", "country", "meetings", "direct", "through people", "meeting names", "id"])


def topic_clusters(topics: nx.Graph, *, actors_shown: int = 4) -> pd.DataFrame:
    """Topics grouped by the actors they share, from an actor–topic view (:func:`graph.network.views.actor_topics`).

    Topics are linked by the actors tied to both (weight: how many), then grouped by greedy
    modularity. Each cluster lists its topics and the actors with the most ties to them.

    Returns:
        Columns ``cluster, topics, actors, most tied actors``; empty when no two topics share an actor.
    """
    topic_nodes = sorted(n for n, side in topics.nodes(data="bipartite") if side == 1)
    columns = ["cluster", "topics", "actors", "most tied actors"]
    linked = bipartite.weighted_projected_graph(topics, topic_nodes)
    groups = communities(linked)
    rows = []
    for i, group in enumerate(groups, 1):
        ties: Counter[str] = Counter()
        for topic in group:
            for actor in topics[topic]:
                ties[actor] += topics.edges[topic, actor].get("weight", 1)
        ranked = sorted(ties, key=lambda n: (-ties[n], _label(topics, n).casefold()))
        rows.append({"cluster": i, "topics": ", ".join(sorted(_label(topics, t) for t in group)), "actors": len(ties),
                     "most tied actors": ", ".join(_label(topics, n) for n in ranked[:actors_shown])})
    return pd.DataFrame(rows, columns=columns)
