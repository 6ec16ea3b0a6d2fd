"""What the network page carries at scale (issue 16, item 5): capped lists, counted rests, a bounded page."""
from __future__ import annotations

import json
from typing import Any

import networkx as nx
import pytest

from graph.network import carry, render
from graph.network.carry import DRAWN, FURTHER, Caps, cap_sections, carried_edges, few
from graph.network.details import Item, Section
from graph.network.evidence import Evidence
from graph.network.payload import edge_tip
from graph.network.render import page_data
from tests.graph.hubs import ev, hub


@pytest.mark.parametrize(("texts", "limit", "kept", "more"), [
    (["A.", "B.", "C."], 2, ["A.", "B."], 1),
    (["A.", "A.", "B."], 2, ["A.", "B."], 0),  # the same sentence from two documents is quoted once
    (["A.", "A.", "A."], 1, ["A."], 0),
    ([], 2, [], 0),
])
def test_few_quotes_each_sentence_once_and_counts_the_rest(texts: list[str], limit: int, kept: list[str],
                                                           more: int) -> None:
    got, left = few([ev(f"{i}.txt", t) for i, t in enumerate(texts)], limit)
    assert [e.text for e in got] == kept and left == more


def test_few_tells_sentences_without_text_apart_by_where_they_were_read() -> None:
    assert few([Evidence("a.txt", 1, 2), Evidence("b.txt", 1, 2)], 5) == ([Evidence("a.txt", 1, 2),
                                                                           Evidence("b.txt", 1, 2)], 0)


def test_cap_sections_keeps_the_most_evidenced_then_the_latest_in_panel_order() -> None:
    items = [Item("a", when="2024-01-01"), Item("b", evidence=(ev("x.txt", "B."),)), Item("c", when="2025-06-01"),
             Item("d", when="2023-01-01"), Item("e", evidence=(ev("x.txt", "E."), ev("y.txt", "E2.")))]
    caps = Caps(items=3, listed=99, evidence=2, quoted=9)
    (cut,) = cap_sections([Section("Documents", items)], caps)
    assert [i.text for i in cut.items] == ["b", "c", "e"] and cut.more == 2
    small = Section("Roles", items[:3])
    assert cap_sections([small], caps) == [small] and small.more == 0  # a list under the cap is left as it is


def test_cap_sections_shares_the_nodes_items_evenly() -> None:
    lists = [Section(title, [Item(f"{title} {i}") for i in range(n)]) for title, n in (("A", 30), ("B", 2), ("C", 9))]
    cut = cap_sections(lists, Caps(items=25, listed=12, evidence=2, quoted=9))
    assert [(len(s.items), s.more) for s in cut] == [(5, 25), (2, 0), (5, 4)]


def test_carried_edges_keeps_drawn_then_heavy_then_evidenced_links_in_their_order() -> None:
    edges: list[tuple[str, str, dict[str, Any]]] = [
        ("a", "x", {"weight": 1}), ("a", "b", {"weight": 1}), ("c", "d", {"weight": 3}),
        ("c", "e", {"evidence": [ev("d.txt", "S.")]}), ("d", "e", {})]
    kept, left = carried_edges(edges, drawn={"a", "b"}, limit=3)
    assert kept == [edges[1], edges[2], edges[3]] and left == 2
    assert carried_edges(edges, drawn=set(), limit=9) == (edges, 0)


def sections(node: dict) -> dict[str, dict]:
    return {s["title"]: s for s in node["details"]}


def test_page_data_caps_the_drawn_nodes_details_and_counts_the_rest() -> None:
    data = page_data(hub(40, documents=30, sentences=4), max_nodes=5, carry=10)
    council, drawn, further = data["nodes"][0], data["nodes"][1], data["nodes"][9]
    members, listed = sections(council)["Members"], sections(council)["Documents"]
    assert len(members["items"]) == len(listed["items"]) == DRAWN.listed // 2  # 40 and 30 items share the node's
    assert members["more"] == 40 - DRAWN.listed // 2 and listed["more"] == 30 - DRAWN.listed // 2
    assert sum(len(i.get("ev", [])) for s in council["details"] for i in s["items"]) == DRAWN.quoted
    roles = sections(drawn)["Roles"]["items"][0]
    assert len(roles["ev"]) == DRAWN.evidence and roles["evMore"] == 4 - DRAWN.evidence
    documents = sections(further)["Documents"]
    assert len(documents["items"]) == FURTHER.items and documents["more"] == 30 - FURTHER.items
    assert [i["text"].split(" — ")[0] for i in documents["items"]] == ["d0023.txt", "d0024.txt", "d0025.txt",
                                                                       "d0026.txt", "d0027.txt"]  # the latest
    assert all(isinstance(i["ref"], int) and data["nodes"][i["ref"]]["id"].startswith("p")
               for i in members["items"] if "ref" in i)


def test_page_data_of_a_small_graph_is_not_cut() -> None:
    data = page_data(hub(10, documents=3, sentences=1))
    assert not any("more" in s for n in data["nodes"] for s in n["details"])
    assert '"evMore"' not in json.dumps(data)
    assert data["edgesLeft"] == 0 and data["indexLeft"] == 0 and len(data["edges"]) == 10


def test_page_data_carries_a_bounded_number_of_links_and_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(carry, "EDGES_CARRIED", 7)
    monkeypatch.setattr(render, "INDEXED", 4)
    data = page_data(hub(20), max_nodes=5, carry=10)
    assert len(data["edges"]) == 7 and data["edgesLeft"] == 9 - 7
    assert len(data["index"]) == 4 and data["indexLeft"] == 21 - 10 - 4
    drawn = set(range(5))
    assert sum(e["from"] in drawn and e["to"] in drawn for e in data["edges"]) == 4  # the drawn ones' links first


def test_page_size_stops_growing_with_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the caps, three times the members, documents and sentences give the same page but for the counts."""
    monkeypatch.setattr(render, "INDEXED", 30)
    sizes = [len(json.dumps(page_data(hub(n, documents=n, sentences=n // 10), max_nodes=20, carry=60)))
             for n in (100, 300)]
    assert abs(sizes[1] - sizes[0]) < 0.02 * sizes[0], sizes


def test_edge_tip_is_the_tooltip_the_page_had() -> None:
    long = "word " * 80
    assert edge_tip("A — Director — B", [ev("a.txt", " Ana\u00a0 met\nBob. "), ev("b.txt", long), ev("c.txt", "C.")]) \
        == "A — Director — B\n“Ana met Bob.” (a.txt)\n“" + ("word " * 56).strip() + "…” (b.txt)"


def test_a_sentence_the_node_already_quotes_is_quoted_again_without_cost() -> None:
    """The node's budget counts different sentences: a meeting report naming 20 attendees quotes it for each."""
    g = hub(20)
    for _, _, data in g.edges(data=True):
        data["evidence"] = [ev("d0000.txt", "The council met with all its members.")]
    data = page_data(g, max_nodes=21)
    members = sections(data["nodes"][0])["Members"]["items"]
    assert [len(i["ev"]) for i in members] == [1] * 20 and len(data["evidence"]) == 1


@pytest.mark.parametrize(("meetings", "named"), [
    (3, "Talks 0, Talks 1, Talks 2"),
    (7, "Talks 0, Talks 1, Talks 2, Talks 3, Talks 4 and 2 more"),
])
def test_a_link_of_people_who_met_names_a_few_meetings_and_counts_the_rest(meetings: int, named: str) -> None:
    g: nx.Graph = nx.Graph()
    g.add_node("a", label="Ana Ruiz", kind="person", country="MX")
    g.add_node("b", label="Bob Lee", kind="person", country="US")
    for i in range(meetings):
        g.add_node(f"m{i}", label=f"Talks {i}", kind="meeting", country="", date=f"2024-0{1 + i}-01")
    g.add_edge("a", "b", relation="coAttended", meetings=[f"m{i}" for i in range(meetings)], weight=meetings)
    view = g.copy()  # the people only, in the network's order (a subgraph view may walk a set)
    view.remove_nodes_from([f"m{i}" for i in range(meetings)])
    (edge,) = page_data(view, context=g)["edges"]
    assert edge["about"] == f"Ana Ruiz and Bob Lee met at {named}"
