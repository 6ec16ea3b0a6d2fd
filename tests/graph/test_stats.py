"""Network measures: centrality, bridges between the sides, communities, institutions' reach, topic clusters."""
import networkx as nx
import pytest

from graph.build.store import new_dataset
from graph.network.projections import KINDS, actor_network, actor_topics
from graph.network.stats import (
    NETWORK_KINDS,
    bridges,
    centrality,
    communities,
    community_table,
    format_stats,
    institution_meetings,
    network_stats,
    simple_network,
    topic_clusters,
)

ID = "https://w3id.org/tradegraph/id/"


def network_of(ds):
    actors = actor_network(ds, kinds=KINDS)
    return actors, simple_network(actors.subgraph(n for n, k in actors.nodes(data="kind") if k in NETWORK_KINDS))


def short(ids):
    return [i.removeprefix(ID) for i in ids]


def test_stats_simple_network_counts_parallel_links_and_keeps_attributes():
    g = nx.MultiDiGraph()
    g.add_node("p", kind="person", label="P")
    g.add_edge("p", "o", relation="memberOf")
    g.add_edge("p", "o", relation="memberOf")
    g.add_edge("o", "p", relation="attendee")
    g.add_edge("p", "p", relation="loop")
    simple = simple_network(g)
    assert simple.edges["p", "o"] == {"weight": 3, "relations": ["attendee", "memberOf"]}
    assert simple.nodes["p"]["label"] == "P" and not simple.has_edge("p", "p")


def test_stats_centrality_ranks_the_broker_first(tiny_dataset):
    _, network = network_of(tiny_dataset)
    ranked = centrality(network)
    assert list(ranked.columns) == ["actor", "kind", "country", "degree", "betweenness", "id"]
    assert set(ranked.kind) == {"person", "organization"}  # meetings carry paths but are not ranked
    top = ranked.iloc[0]
    assert (top.actor, top.degree, top.betweenness) == ("U.S. Department of Commerce", 4, 0.6)
    assert ranked.set_index("actor").loc["Ana Ruiz", "betweenness"] == 0.0


def test_stats_bridges_lie_between_the_sides(tiny_dataset):
    _, network = network_of(tiny_dataset)
    actors_only = bridges(network)
    assert short(actors_only.id) == ["org/us-commerce"]  # links the U.S. government's bodies to the meeting
    commerce = actors_only.iloc[0]
    assert commerce.cross_side == 1.0 and (commerce.US, commerce.MX) == (4, 1)  # Ana (MX) is at its meeting
    with_meetings = bridges(network, kinds=("person", "organization", "meeting"))
    assert short(with_meetings.id) == ["event/border-talks--2024-01-22", "org/us-commerce"]
    assert list(with_meetings.cross_side) == [1.0, 0.5]


def test_stats_bridges_need_both_sides():
    g = nx.Graph([("a", "b")])
    nx.set_node_attributes(g, {"a": "US", "b": "US"}, "country")
    nx.set_node_attributes(g, "person", "kind")
    assert bridges(g).empty and list(bridges(g).columns)[-3:] == ["US", "MX", "id"]


def test_stats_communities_are_deterministic_and_leave_out_isolated_nodes(tiny_dataset):
    _, network = network_of(tiny_dataset)
    network.add_node("lonely", kind="person", label="Lonely")
    groups = communities(network)
    assert [sorted(short(g)) for g in groups] == [
        ["org/us-agency", "org/us-commerce", "org/us-gov", "person/bob-lee"],
        ["event/border-talks--2024-01-22", "org/harbour-council", "person/ana-ruiz"]]
    assert groups == communities(network)
    table = community_table(network, groups)
    assert list(table["size"]) == [4, 3] and table.sides[1] == "MX 1 · US 1"
    assert table.meetings[1] == "Border Talks"
    assert communities(nx.Graph()) == [] and communities(nx.empty_graph(3)) == []


def test_stats_institution_meetings_counts_direct_and_through_people(tiny_dataset):
    actors, _ = network_of(tiny_dataset)
    reach = institution_meetings(actors).set_index("institution")
    assert reach.loc["Harbour Council", ["meetings", "direct", "through people"]].tolist() == [1, 1, 1]
    assert reach.loc["U.S. Department of Commerce", "direct"] == 1  # it organized the meeting
    assert "U.S. Trade Agency" not in reach.index


def test_stats_topic_clusters_group_topics_that_share_actors():
    t = nx.Graph()
    for topic, actor in [("trade", "a"), ("tariffs", "a"), ("tariffs", "b"), ("migration", "c"), ("border", "c")]:
        t.add_node(topic, bipartite=1, label=topic.title())
        t.add_node(actor, bipartite=0, label=actor.upper())
        t.add_edge(actor, topic, weight=1)
    clusters = topic_clusters(t)
    assert sorted(clusters.topics) == ["Border, Migration", "Tariffs, Trade"]
    assert clusters.set_index("topics").loc["Tariffs, Trade", "most tied actors"] == "A, B"


def test_stats_topic_clusters_of_one_topic_are_empty(tiny_dataset):
    topics = actor_topics(actor_network(tiny_dataset, kinds=KINDS))
    assert topic_clusters(topics).empty


def test_stats_report_has_every_section(tiny_dataset):
    stats = network_stats(tiny_dataset, top=3)
    assert stats.counts["people"] == 2 and stats.counts["network nodes"] == 7
    assert len(stats.institutions) == 3 and stats.co_attendance["pairs who met"] == 1
    text = format_stats(stats)
    for heading in ("People by betweenness", "Institutions by betweenness", "Bridges between United States and Mexico",
                    "Communities (greedy modularity): 2", "Institutions across meetings", "People who met"):
        assert heading in text
    assert "U.S. Department of Commerce" in text and "https://" not in text  # names, never IRIs


def test_stats_of_an_empty_dataset():
    stats = network_stats(new_dataset())
    assert stats.counts["network nodes"] == 0 and stats.people.empty and stats.communities.empty
    assert "Communities (greedy modularity): 0" in format_stats(stats)


@pytest.mark.slow
def test_stats_on_the_samples_find_bridges_and_mixed_communities(sample_build):
    stats = network_stats(sample_build.dataset)
    assert len(stats.people) == 10 and len(stats.bridges) == 10
    assert set(stats.bridges.country) >= {"US", "MX"}  # bridges from both sides
    assert stats.communities.sides.str.contains("US").any() and stats.communities.sides.str.contains("MX").any()
    assert (stats.across_meetings.meetings > 1).any()
