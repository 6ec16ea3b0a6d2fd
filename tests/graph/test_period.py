"""The network of one period (issue 17, item 2): the library's rule, the command and the Python API."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Literal

from extract.vocab import ID, RDF, SDO, TG, XSD
from graph.errors import ViewError
from graph.network.actors import KINDS, actor_network
from graph.network.details import node_details
from graph.network.period import Period, within

ANA, BOB, CARLA = ID["person/ana-ruiz"], ID["person/bob-lee"], ID["person/carla-diaz"]
TALKS, REVIEW = ID["event/border-talks--2024-01-22"], ID["event/harbour-review--2025-02-10"]
COUNCIL, COMMERCE, GOV = ID["org/harbour-council"], ID["org/us-commerce"], ID["org/us-gov"]
DIRECTOR = ID["membership/ana-ruiz--harbour-council--director"]
UNDERSECRETARY = ID["membership/bob-lee--us-commerce--undersecretary"]


def dated_dataset(make_dataset: Callable[[], Dataset]) -> Dataset:
    """The conftest dataset with dates: a.txt (the 2024 talks) published 2024-01-23, b.txt 2025-03-01, and in
    b.txt a second meeting, the Harbour Review of 2025-02-10, attended by Carla Diaz alone."""
    ds = make_dataset()
    for doc, published in ((ID["doc/a"], "2024-01-23"), (ID["doc/b"], "2025-03-01")):
        ds.graph(doc).add((doc, SDO.datePublished, Literal(published, datatype=XSD.date)))
    for m, published in ((DIRECTOR, "2024-01-23"), (UNDERSECRETARY, "2025-03-01")):
        for p in (TG.firstSeen, TG.lastSeen):
            ds.default_graph.add((m, p, Literal(published, datatype=XSD.date)))
    b = ds.graph(ID["doc/b"])
    b.add((CARLA, RDF.type, SDO.Person))
    b.add((CARLA, SDO.name, Literal("Carla Diaz")))
    b.add((REVIEW, RDF.type, SDO.Event))
    b.add((REVIEW, SDO.name, Literal("Harbour Review")))
    b.add((REVIEW, SDO.startDate, Literal("2025-02-10", datatype=XSD.date)))
    b.add((REVIEW, SDO.attendee, CARLA))
    return ds


@pytest.fixture
def network(dataset_factory: Callable[[], Dataset]) -> nx.MultiDiGraph:
    return actor_network(dated_dataset(dataset_factory), kinds=KINDS)


def names(g: nx.Graph) -> set[str]:
    return {str(n).removeprefix(str(ID)) for n in g}


@pytest.mark.parametrize("start, end, kept", [
    ("2024", "2024", {"person/ana-ruiz", "person/bob-lee", "org/harbour-council", "org/us-commerce",
                      "event/border-talks--2024-01-22", "place/washington", "topic/usmca-review"}),
    ("2025", None, {"person/bob-lee", "org/us-commerce", "person/carla-diaz",
                    "event/harbour-review--2025-02-10"}),
    ("2025-02", "2025-02", {"person/carla-diaz", "event/harbour-review--2025-02-10"}),
    (None, "2024-01-21", set()),
    ("2024-01-22", "2024-01-22", {"person/ana-ruiz", "person/bob-lee", "org/harbour-council", "org/us-commerce",
                                  "event/border-talks--2024-01-22", "place/washington", "topic/usmca-review"}),
])
def test_period_keeps_the_meetings_roles_and_statements_of_the_window(network, start, end, kept):
    assert names(within(network, Period.parse(start, end))) == kept


def test_period_keeps_only_the_edges_documents_and_statements_of_the_window(network):
    early = within(network, Period.parse("2024-01", "2024-12"))
    assert not early.has_edge(str(BOB), str(COMMERCE), str(UNDERSECRETARY))  # seen only in 2025
    assert early.has_edge(str(ANA), str(COUNCIL), str(DIRECTOR))
    assert set(early.graph["documents"]) == {"a.txt"} and early.nodes[str(BOB)]["documents"] == ["a.txt"]
    assert len(early.nodes[str(BOB)]["statements"]) == 1
    late = within(network, Period.parse("2025"))
    assert late.nodes[str(BOB)]["statements"] == [] and late.nodes[str(BOB)]["documents"] == ["b.txt"]
    assert str(GOV) not in late  # hierarchy alone keeps no one
    assert not late.has_edge(str(BOB), str(TALKS))


def test_period_hierarchy_links_only_nodes_kept_for_another_reason(network):
    network.add_edge(str(COUNCIL), str(COMMERCE), key="subOrganizationOf", relation="subOrganizationOf", evidence=[])
    early = within(network, Period.parse("2024", "2024"))
    assert early.has_edge(str(COUNCIL), str(COMMERCE)) and str(GOV) not in early


def test_period_open_on_both_sides_is_the_whole_network(network):
    assert within(network, Period.parse(None, None)) is network
    assert names(within(network, Period.parse("1900", "2100"))) >= {"person/carla-diaz", "person/ana-ruiz"}


def test_period_membership_seen_over_a_span_is_in_every_window_it_overlaps(network):
    network.edges[str(BOB), str(COMMERCE), str(UNDERSECRETARY)].update(first_seen="2023-05-02",
                                                                       last_seen="2025-03-01")
    middle = within(network, Period.parse("2024-06", "2024-06"))
    assert names(middle) == {"person/bob-lee", "org/us-commerce"}


@pytest.mark.parametrize("start, end, needle", [
    ("2024-13", None, "'2024-13' is not a date"),
    ("24", None, "'24' is not a date"),
    (None, "next year", "end 'next year' is not a date"),
    ("2024-02-30", None, "'2024-02-30' is not a date"),
    ("2025", "2024-06", "starts (2025) after it ends (2024-06)"),
])
def test_period_bad_values_are_one_view_error_naming_them(start, end, needle):
    with pytest.raises(ViewError) as caught:
        Period.parse(start, end)
    assert needle in str(caught.value)


def test_period_details_panel_says_when_a_role_was_seen(network):
    network.edges[str(BOB), str(COMMERCE), str(UNDERSECRETARY)].update(first_seen="2024-03-02",
                                                                       last_seen="2025-01-20")
    (roles,) = [s for s in node_details(network, str(BOB)) if s.title == "Roles"]
    assert [(i.text, i.note) for i in roles.items] == [("Undersecretary, U.S. Department of Commerce",
                                                         "former, seen 2024-03 – 2025-01")]


@pytest.fixture
def dated_build(tmp_path: Path, dataset_factory: Callable[[], Dataset]) -> Path:
    from graph.build.oxstore import STORE_DIR, write_store
    from graph.build.store import write

    write(dated_dataset(dataset_factory), tmp_path)
    write_store(tmp_path / "graph.trig", tmp_path / STORE_DIR)
    return tmp_path


def test_period_render_from_to_draws_the_period_and_says_it(dated_build, capsys):
    from graph.cli import main

    assert main(["render", "--graph", str(dated_build), "--from", "2025-01", "--to", "2025-06",
                 "--out", str(dated_build / "p.html")]) == 0
    page = (dated_build / "p.html").read_text(encoding="utf-8")
    assert "U.S.–Mexico trade network, 2025-01 – 2025-06" in page
    assert "Carla Diaz" in page and "Ana Ruiz" not in page
    assert main(["render", "--graph", str(dated_build), "--to", "2024"]) == 0
    assert "Ana Ruiz" in (dated_build / "network-until-2024.html").read_text(encoding="utf-8")
    assert main(["render", "--graph", str(dated_build), "--from", "2025-1"]) == 2
    assert "the period's start '2025-1' is not a date" in capsys.readouterr().err


def test_period_api_network_and_view_take_the_same_window(dated_build):
    from graph.api import open_graph

    tg = open_graph(dated_build)
    assert names(tg.network(kinds=KINDS, start="2025-02", end="2025-02")) == {
        "person/carla-diaz", "event/harbour-review--2025-02-10"}
    assert len(tg.network()) > len(tg.network(end="2024"))
    page = tg.view(end="2024").page
    assert "U.S.–Mexico trade network, until 2024" in page and "Harbour Review" not in page
    with pytest.raises(ViewError, match="'spring' is not a date"):
        tg.view(end="spring")
