"""The sample build has one node per real place (issue 17, item 4): no two place nodes name the same gazetteer
place, and meetings held in a listed place point to its node."""
from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import URIRef

from extract.reference.gazetteer import load_gazetteer
from extract.vocab import ID, RDF, SDO
from graph.network.actors import actor_network
from graph.network.details import node_details

pytestmark = pytest.mark.slow


def _place_nodes(ds) -> dict[URIRef, set[str]]:
    nodes: dict[URIRef, set[str]] = defaultdict(set)
    for node in set(ds.subjects(RDF.type, SDO.Place)):
        for p in (SDO.name, SDO.alternateName):
            nodes[node] |= {str(o) for o in ds.objects(node, p)}
    return nodes


def test_sample_build_has_one_node_per_real_place(sample_build) -> None:
    gaz = load_gazetteer()
    nodes_of: dict[str, set[URIRef]] = defaultdict(set)
    for node, names in _place_nodes(sample_build.dataset).items():
        for name in names:
            place = gaz.lookup(name)
            if place is not None:
                nodes_of[place.id].add(node)
    assert {"washington-dc", "mexico-city", "united-states"} <= set(nodes_of)  # the samples name all three
    assert {pid: sorted(nodes) for pid, nodes in nodes_of.items() if len(nodes) > 1} == {}
    assert all(nodes == {ID[f"place/{pid}"]} for pid, nodes in nodes_of.items())


def test_sample_meetings_in_listed_places_point_to_them(sample_build) -> None:
    ds, gaz = sample_build.dataset, load_gazetteer()
    located = {str(o).rsplit("/", 1)[-1] for o in ds.objects(None, SDO.location)}
    assert located and located <= set(gaz.by_id) | {"virtual"}


def test_sample_place_details_show_its_names(sample_build) -> None:
    g = actor_network(sample_build.dataset)
    sections = {s.title: [i.text for i in s.items] for s in node_details(g, str(ID["place/washington-dc"]))}
    assert {"Washington", "D.C."} <= set(sections["Also known as"])
