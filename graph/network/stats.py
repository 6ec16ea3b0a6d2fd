"""What ``tradegraph stats`` reports: counts, the central actors, bridges, communities, institutions' reach.

The measures themselves are in :mod:`graph.network.measures` (and importable from here too), computed
over the graphs of :mod:`graph.network.projections`; :func:`network_stats` / :func:`format_stats` run
them all on a dataset and make one readable report.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from graph.network.actors import KINDS, ORGANIZATION, PERSON, actor_network
from graph.network.details import country_name
from graph.network.measures import (
    ACTOR_KINDS,
    EXACT_BETWEENNESS_UP_TO,
    NETWORK_KINDS,
    SIDES,
    bridges,
    centrality,
    communities,
    community_table,
    institution_meetings,
    simple_network,
    topic_clusters,
)
from graph.network.readable import Readable
from graph.network.summary import summarize
from graph.network.views import actor_topics, co_attendance

__all__ = ["ACTOR_KINDS", "NETWORK_KINDS", "SIDES", "EXACT_BETWEENNESS_UP_TO", "Stats", "simple_network",
           "centrality", "bridges", "communities", "community_table", "institution_meetings", "topic_clusters",
           "network_stats", "format_stats"]


@dataclass
class Stats:
    """What ``tradegraph stats`` reports: counts, rankings and groups of one build."""

    counts: dict[str, int]
    people: pd.DataFrame
    institutions: pd.DataFrame
    bridges: pd.DataFrame
    communities: pd.DataFrame
    across_meetings: pd.DataFrame
    co_attendance: dict[str, int] = field(default_factory=dict)


def network_stats(ds: Readable, *, top: int = 10) -> Stats:
    """Counts, the ``top`` people and institutions by betweenness, bridges, communities and institutions' reach.

    Measures run on the person–institution–meeting network (:data:`NETWORK_KINDS`);
    ``co_attendance`` describes the person–person network of people who attended the same meetings.

    Examples:
        >>> from graph.build.store import new_dataset
        >>> network_stats(new_dataset()).counts["network nodes"]
        0
    """
    actors = actor_network(ds, kinds=KINDS)
    network = simple_network(actors.subgraph([n for n, k in actors.nodes(data="kind") if k in NETWORK_KINDS]))
    people = co_attendance(actors)
    ranked = centrality(network)
    counts = {**summarize(ds), "network nodes": network.number_of_nodes(), "network links": network.number_of_edges(),
              "actor–topic ties": actor_topics(actors).number_of_edges()}
    return Stats(counts=counts, people=ranked[ranked.kind == PERSON].head(top).reset_index(drop=True),
                 institutions=ranked[ranked.kind == ORGANIZATION].head(top).reset_index(drop=True),
                 bridges=bridges(network).head(top), communities=community_table(network, communities(network)),
                 across_meetings=institution_meetings(actors).head(top),
                 co_attendance={"people who met someone": people.number_of_nodes(),
                                "pairs who met": people.number_of_edges(),
                                "communities": len(communities(people))})


def _table(df: pd.DataFrame, *, drop: tuple[str, ...] = ("id", "meeting names"), max_width: int = 60) -> str:
    from graph.query.formats import format_table
    from graph.query.run import Result

    shown = df.drop(columns=[c for c in drop if c in df.columns])
    return format_table(Result.of_strings([str(c) for c in shown.columns],
                                          [[str(v) for v in row] for row in shown.itertuples(index=False)]),
                        max_width=max_width)


def format_stats(stats: Stats) -> str:
    """The report as plain text: a line of counts, then one table per measure."""
    sides = " and ".join(country_name(s) for s in SIDES)
    sections = [
        ("People by betweenness (share of shortest paths through them; degree = distinct neighbours)",
         _table(stats.people, drop=("id", "kind"))),
        ("Institutions by betweenness", _table(stats.institutions, drop=("id", "kind"))),
        (f"Bridges between {sides} (cross-side betweenness, top = 1.0; actors of each side they are tied to)",
         _table(stats.bridges)),
        (f"Communities (greedy modularity): {len(stats.communities)}", _table(stats.communities, max_width=48)),
        ("Institutions across meetings (attended or organized, or through their people)",
         _table(stats.across_meetings)),
    ]
    width = max((len(k) for k in stats.counts), default=0)
    counts = "\n".join(f"{k:<{width}}  {v:>7}" for k, v in stats.counts.items())
    people = "People who met (co-attendance): " + "  ".join(f"{k} {v}" for k, v in stats.co_attendance.items())
    return "\n\n".join([counts, *(f"{title}\n{table}" for title, table in sections), people])
