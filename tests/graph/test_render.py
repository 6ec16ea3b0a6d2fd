"""The network page as text: self-contained, hostile text kept as data, a CSP, the view options."""
import base64
import hashlib
import html
import json
import re

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from extract.errors import TradegraphError
from extract.vocab import RDF, SDO
from graph.network.render import (
    DEFAULT_MAX_NODES,
    default_page_name,
    network_page,
    page_data,
    render_network,
    view_network,
)

ID = "https://w3id.org/tradegraph/id/"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def tiny(label: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("p", label=label, kind="person", country="MX", documents=["a.txt"])
    g.add_node("o", label="Harbour Council", kind="organization", country="US", documents=["a.txt"])
    g.add_edge("p", "o", relation="memberOf", label="Director")
    return g


def embedded_data(page: str) -> dict:
    return json.loads(re.search(r'<script id="tg-data" type="application/json">(.*?)</script>', page, re.S).group(1))


def test_render_page_requests_nothing_from_other_hosts():
    page = network_page(tiny("Ana Ruiz"))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "@import" not in page and "vis.Network" in page and "<link" not in page


def test_render_hostile_label_stays_data():
    page = network_page(tiny(HOSTILE))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "\\u003cscript\\u003e" in page
    assert embedded_data(page)["nodes"][0]["label"] in {HOSTILE, "Harbour Council"}


def test_render_content_security_policy_allows_only_the_page_scripts():
    page = network_page(tiny("Ana Ruiz"))
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_render_page_is_the_same_bytes_for_the_same_graph(dataset_factory, tmp_path):
    first = render_network(dataset_factory(), tmp_path / "1.html").read_bytes()
    again = render_network(dataset_factory(), tmp_path / "2.html").read_bytes()
    assert first == again


def test_render_page_data_ranks_the_most_connected_first():
    g = nx.MultiDiGraph()
    g.add_node("hub", label="Hub", kind="organization", country="US")
    for i in range(5):
        g.add_node(f"p{i}", label=f"P{i}", kind="person", country="MX")
        g.add_edge(f"p{i}", "hub", relation="memberOf", label="Member")
    g.add_node("alone", label="Alone", kind="person", country="")
    data = page_data(g, max_nodes=3)
    assert [n["id"] for n in data["nodes"]][:2] == ["hub", "p0"] and data["nodes"][-1]["id"] == "alone"
    assert data["nodes"][0]["degree"] == 5 and data["nodes"][0]["size"] > data["nodes"][1]["size"]
    assert data["maxNodes"] == 3 and len(data["edges"]) == 5
    with pytest.raises(TradegraphError, match="max_nodes must be 1 or more"):
        page_data(g, max_nodes=0)


def test_render_view_network_drops_unlinked_places_and_topics(tiny_dataset):
    nowhere = URIRef(ID + "place/nowhere")
    tiny_dataset.add((nowhere, RDF.type, SDO.Place))
    tiny_dataset.add((nowhere, SDO.name, Literal("Nowhere")))
    view, actors, heading, focus = view_network(tiny_dataset)
    assert ID + "place/nowhere" in actors and ID + "place/nowhere" not in view
    assert ID + "place/washington" in view and ID + "topic/usmca-review" in view
    assert heading == "U.S.–Mexico trade network" and focus is None


def test_render_view_network_focus_and_people(tiny_dataset):
    view, _, heading, focus = view_network(tiny_dataset, focus="ana ruiz", depth=1)
    assert focus == ID + "person/ana-ruiz" and heading == "Ana Ruiz: links within 1 step"
    assert set(view) == {ID + "person/ana-ruiz", ID + "org/harbour-council", ID + "event/border-talks--2024-01-22"}
    people, _, heading, _ = view_network(tiny_dataset, projection="people")
    assert set(people) == {ID + "person/ana-ruiz", ID + "person/bob-lee"} and heading == "People who met"


@pytest.mark.parametrize("kwargs,message", [
    ({"projection": "orgs"}, "unknown projection 'orgs'; choose one of: actors, people"),
    ({"projection": "people", "focus": "Harbour Council"}, "attended no meeting with anyone else"),
    ({"focus": "Nobody"}, "no actor named 'Nobody'"),
    ({"focus": "Ana Ruiz", "depth": -1}, "depth must be 0 or more"),
])
def test_render_view_network_errors_name_the_problem(tiny_dataset, kwargs, message):
    with pytest.raises(TradegraphError, match=re.escape(message)):
        view_network(tiny_dataset, **kwargs)


def test_render_hostile_focus_heading_is_escaped(dataset_factory, tmp_path):
    ds = dataset_factory(person=HOSTILE)
    page = render_network(ds, tmp_path / "n.html", focus="alert").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page  # the heading, escaped as HTML text


@pytest.mark.parametrize("kwargs,name", [
    ({}, "network.html"),
    ({"projection": "people"}, "network-people.html"),
    ({"focus": "Raquel Buenrostro"}, "network-raquel-buenrostro.html"),
    ({"focus": "../../etc/passwd"}, "network-etc-passwd.html"),
])
def test_render_default_page_name(kwargs, name):
    assert default_page_name(**kwargs) == name


def test_render_default_max_nodes_matches_the_cli():
    from graph.cli import parser

    assert parser().parse_args(["render"]).max_nodes == DEFAULT_MAX_NODES


def test_render_page_carries_details_of_the_first_actors_and_names_of_the_rest():
    g = nx.MultiDiGraph()
    for i in range(30):
        g.add_node(f"p{i}", label=f"Person {i}", kind="person", country="MX", names=[f"P. {i}"], documents=["a.txt"])
        g.add_edge(f"p{i}", "hub", relation="memberOf", label="Member")
    g.add_node("hub", label="Harbour Council", kind="organization", country="US", documents=["a.txt"])
    whole, cut = page_data(g, max_nodes=5), page_data(g, max_nodes=5, carry=10)
    assert len(whole["nodes"]) == 31 and whole["index"] == []
    assert [n["id"] for n in cut["nodes"]] == [n["id"] for n in whole["nodes"][:10]]
    assert cut["index"] == [[n["label"], "person", n["names"]] for n in whole["nodes"][10:]]
    assert len(cut["edges"]) == 9  # only links among the carried actors
    assert len(network_page(g, max_nodes=5, carry=10)) < len(network_page(g, max_nodes=5))
    assert len(page_data(g, max_nodes=12, carry=10)["nodes"]) == 12  # what is drawn at first is always carried
