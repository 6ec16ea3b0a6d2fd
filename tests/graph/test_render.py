import re

import networkx as nx

from graph.render import network_page


def tiny(label: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("p", label=label, kind="person", country="MX", documents=["a.txt"])
    g.add_node("o", label="Harbour Council", kind="organization", country="US", documents=["a.txt"])
    g.add_edge("p", "o", relation="memberOf", label="Director")
    return g


def test_render_page_requests_nothing_from_other_hosts():
    page = network_page(tiny("Ana Ruiz"))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "vis.Network" in page


def test_render_hostile_label_stays_data():
    page = network_page(tiny('<script>alert("x")</script><img src=x onerror=alert(1)>'))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "\\u003cscript\\u003e" in page
