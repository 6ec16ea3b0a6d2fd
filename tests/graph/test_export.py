"""Exports: each format parsed back by the tool it is meant for, with the attributes users need."""
import csv
import json

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from extract.errors import TradegraphError
from graph.build.store import merged_graph
from graph.network.export import (
    FORMATS,
    PROJECTIONS,
    default_target,
    export,
    flat_network,
    gexf,
    graphml,
    jsonld,
    popolo,
    project,
)

ID = "https://w3id.org/tradegraph/id/"
ANA, BOB, COUNCIL = ID + "person/ana-ruiz", ID + "person/bob-lee", ID + "org/harbour-council"
MEETING = ID + "event/border-talks--2024-01-22"


def no_none(g: nx.Graph) -> bool:
    values = [v for _, d in g.nodes(data=True) for v in d.values()] + [v for *_, d in g.edges(data=True)
                                                                       for v in d.values()]
    return all(isinstance(v, (str, int, float, bool)) for v in values)


@pytest.mark.parametrize("projection", PROJECTIONS)
def test_export_flat_network_has_only_plain_values(tiny_dataset, projection):
    view, actors = project(tiny_dataset, projection)
    flat = flat_network(view, actors)
    assert no_none(flat) and flat.number_of_nodes() == view.number_of_nodes()
    assert sorted(flat.edges) == sorted(view.edges)


def test_export_graphml_keeps_kinds_names_countries_and_relations(tiny_dataset, tmp_path):
    (path,) = export(tiny_dataset, "graphml", tmp_path / "n.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.is_directed() and g.is_multigraph()
    ana = g.nodes[ANA]
    assert (ana["kind"], ana["label"], ana["name"], ana["country"], ana["other_names"]) == (
        "person", "Ana Ruiz", "Ana Ruiz", "MX", "A. Ruiz")
    assert g.nodes[COUNCIL]["kind"] == "organization" and g.nodes[COUNCIL]["country"] == "US"
    assert g.nodes[MEETING]["date"] == "2024-01-22" and g.nodes[MEETING]["planned"] is False
    assert g.nodes[ID + "topic/usmca-review"]["kind"] == "topic"
    (role,) = g.get_edge_data(ANA, COUNCIL).values()
    assert (role["relation"], role["label"], role["former"], role["documents"]) \
        == ("memberOf", "Director", False, "a.txt")
    assert role["evidence"].startswith("Ana Ruiz, Director of the Harbour Council")
    (former,) = g.get_edge_data(BOB, ID + "org/us-commerce").values()
    assert former["former"] is True
    view, _ = project(tiny_dataset)
    assert g.number_of_nodes() == view.number_of_nodes() and g.number_of_edges() == view.number_of_edges()


def test_export_gexf_opens_in_networkx_and_is_reproducible(tiny_dataset, tmp_path):
    (path,) = export(tiny_dataset, "gexf", tmp_path / "people.gexf", projection="people")
    g = nx.read_gexf(path)
    assert sorted(g.nodes) == [ANA, BOB]
    assert g.nodes[ANA]["label"] == "Ana Ruiz" and g.nodes[ANA]["kind"] == "person" and g.nodes[ANA]["country"] == "MX"
    edge = g.edges[ANA, BOB]
    assert edge["relation"] == "coAttended" and edge["weight"] == 1 and edge["meetings"] == "Border Talks"
    view, actors = project(tiny_dataset, "people")
    first, second = gexf(flat_network(view, actors)), gexf(flat_network(view, actors))
    assert first == second and b"lastmodifieddate" not in first  # no clock in the file
    assert b'lastmodifieddate="2024-02-01"' in gexf(flat_network(view, actors), modified="2024-02-01")


def test_export_csv_writes_nodes_and_edges(tiny_dataset, tmp_path):
    written = export(tiny_dataset, "csv", tmp_path / "tables", projection="topics")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    with (tmp_path / "tables" / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = {r["id"]: r for r in csv.DictReader(fh)}
    with (tmp_path / "tables" / "edges.csv").open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert nodes[ANA]["label"] == "Ana Ruiz" and nodes[ANA]["kind"] == "person" and nodes[ANA]["country"] == "MX"
    assert nodes[ID + "topic/usmca-review"]["kind"] == "topic"
    bob = next(e for e in edges if BOB in (e["source"], e["target"]))
    assert bob["relation"] == "concerns" and bob["weight"] == "2" and bob["statements"] == "1"
    assert {bob["source_label"], bob["target_label"]} == {"Bob Lee", "USMCA review"}
    assert len(edges) == 3


def test_export_jsonld_is_the_merged_graph(tiny_dataset, tmp_path):
    (path,) = export(tiny_dataset, "jsonld", tmp_path / "g.jsonld")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"]["schema"] == "https://schema.org/" and doc["@context"]["tg"].endswith("ontology#")
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids == sorted(ids)
    back = Graph().parse(path, format="json-ld")
    assert isomorphic(back, merged_graph(tiny_dataset))
    assert path.read_bytes() == jsonld(tiny_dataset)  # the same graph, the same bytes


def test_export_popolo_uses_popolo_field_names(tiny_dataset):
    data = popolo(tiny_dataset)
    assert set(data) == {"persons", "organizations", "memberships", "events", "areas"}
    persons = {p["id"]: p for p in data["persons"]}
    assert persons[ANA] == {"id": ANA, "name": "Ana Ruiz", "other_names": [{"name": "A. Ruiz"}],
                            "national_identity": "MX"}
    orgs = {o["id"]: o for o in data["organizations"]}
    assert orgs[ID + "org/us-agency"]["parent_id"] == ID + "org/us-commerce"  # the immediate parent
    assert orgs[COUNCIL]["area_id"] == "country/US"
    roles = {m["id"]: m for m in data["memberships"]}
    director = roles[ID + "membership/ana-ruiz--harbour-council--director"]
    assert (director["person_id"], director["organization_id"], director["role"], director["label"]) == (
        ANA, COUNCIL, "Director", "Director")
    assert director["sources"][0]["url"] == ID + "doc/a" and "a.txt" in director["sources"][0]["note"]
    assert roles[ID + "membership/bob-lee--us-commerce--undersecretary"]["label"] == "former Undersecretary"
    (event,) = data["events"]
    assert (event["id"], event["name"], event["start_date"], event["location"], event["organization_id"]) == (
        MEETING, "Border Talks", "2024-01-22", "Washington", ID + "org/us-commerce")
    assert [a["name"] for a in event["attendees"]] == ["Ana Ruiz", "Bob Lee"]
    assert data["areas"] == [{"id": "country/US", "name": "United States", "classification": "country",
                              "identifiers": [{"scheme": "ISO 3166-1 alpha-2", "identifier": "US"}]}]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_default_targets_live_in_the_build_folder(fmt, tmp_path, tiny_dataset):
    target = default_target(tmp_path, fmt)
    written = export(tiny_dataset, fmt, target)
    assert written and all(p.exists() and tmp_path in p.parents for p in written)


@pytest.mark.parametrize("fmt,projection,message", [
    ("svg", "actors", "unknown export format 'svg'; formats are: graphml, gexf, csv, jsonld, popolo"),
    ("graphml", "everyone", "unknown projection 'everyone'; choose one of: actors, people, topics"),
    ("popolo", "people", "a projection applies to graphml, gexf, csv"),
])
def test_export_explains_bad_options(tiny_dataset, tmp_path, fmt, projection, message):
    with pytest.raises(TradegraphError, match=message):
        export(tiny_dataset, fmt, tmp_path / "x", projection=projection)


def test_export_graphml_bytes_parse_as_xml(tiny_dataset):
    view, actors = project(tiny_dataset)
    assert graphml(flat_network(view, actors)).startswith(b"<?xml")


@pytest.mark.slow
def test_export_samples_to_graphml_and_popolo(sample_build, tmp_path):
    ds = sample_build.dataset
    (path,) = export(ds, "graphml", tmp_path / "s.graphml")
    g = nx.read_graphml(path)
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert {"person", "organization", "meeting"} <= kinds
    assert {d["country"] for _, d in g.nodes(data=True) if d["kind"] == "person"} >= {"US", "MX"}
    data = popolo(ds)
    from extract.vocab import RDF, SDO

    people = {str(p) for p in ds.subjects(RDF.type, SDO.Person)}
    orgs = {str(o) for o in ds.subjects(RDF.type, SDO.Organization)}
    assert {p["id"] for p in data["persons"]} == people and {o["id"] for o in data["organizations"]} == orgs
    assert all(p["name"] for p in data["persons"]) and data["memberships"] and data["events"]
    ids = people | orgs
    assert all(m["person_id"] in ids and m["organization_id"] in ids for m in data["memberships"])
