"""RDF -> networkx views of the graph, shared by the HTML view, notebooks and exports.

The one place projections are named (their code is in :mod:`graph.network.actors`, which reads the
graph, and :mod:`graph.network.views`, which derives views from what it read; the kinds and relations
they use are declared in ``graph/data/schema.yaml``):

- :func:`actor_network`: people, organizations, meetings and places (topics on request) as nodes;
  memberships, hierarchy, attendance and statements as edges, each carrying its evidence;
- :func:`focus_network`: one actor's neighbourhood in such a network (:func:`find_actor` finds it by name);
- :func:`co_attendance` / :func:`people_network`: people linked by the meetings they attended together.
- :func:`actor_topics` / :func:`topic_network`: people and organizations linked to the topics they spoke
  about or met about (a bipartite view).

>>> from graph.build.store import new_dataset
>>> actor_network(new_dataset()).number_of_nodes()
0
"""
from __future__ import annotations

from graph.network.actors import KIND_OF_TYPE, KINDS, actor_network
from graph.network.evidence import Evidence, Statement
from graph.network.views import actor_topics, co_attendance, find_actor, focus_network, people_network, topic_network

__all__ = ["KINDS", "KIND_OF_TYPE", "Evidence", "Statement", "actor_network", "find_actor", "focus_network",
           "co_attendance", "people_network", "actor_topics", "topic_network"]
