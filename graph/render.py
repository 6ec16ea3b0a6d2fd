"""The interactive network view (``network.html``): one self-contained page, no request to other hosts.

vis-network comes inlined from the pyvis package; every text taken from a
document reaches the page as JSON data and is shown with ``textContent``,
never as HTML.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import Dataset

from graph.projections import actor_network
from graph.store import atomic_write

COLOURS = {"person": "#e4572e", "organization": "#4c8bf5", "meeting": "#f3a712", "place": "#29a86a",
           "topic": "#8e6cc0"}
SHAPES = {"person": "dot", "organization": "square", "meeting": "diamond", "place": "triangle", "topic": "star"}
BORDERS = {"US": "#1f4e9c", "MX": "#1d7a3a"}
TEMPLATE_DIR = Path(__file__).parent / "data"
PYVIS_TEMPLATES = Path(pyvis.__file__).parent / "templates"
OPTIONS = {
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": True},
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120}},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
              "font": {"size": 10, "align": "middle"}, "color": {"color": "#999"}},
    "nodes": {"font": {"size": 14}, "borderWidth": 3},
    "interaction": {"hover": True, "navigationButtons": False},
}


def _details(g: nx.MultiDiGraph, node: str) -> str:
    data = g.nodes[node]
    lines = [data["label"], f"kind: {data['kind']}"]
    if data["country"]:
        lines.append(f"country: {data['country']}")
    for _, target, edge in sorted(g.out_edges(node, data=True), key=lambda e: (e[2]["label"], e[1])):
        lines.append(f"{edge['label']}: {g.nodes[target]['label']}")
    for source, _, edge in sorted(g.in_edges(node, data=True), key=lambda e: (e[2]["label"], e[0])):
        lines.append(f"{g.nodes[source]['label']} — {edge['label']}")
    if data["documents"]:
        lines.append("documents: " + ", ".join(data["documents"]))
    return "\n".join(lines)


def network_page(g: nx.MultiDiGraph, *, heading: str = "tradegraph network") -> str:
    """The HTML page for a projection (see :func:`graph.projections.actor_network`)."""
    net = Network(directed=True, cdn_resources="in_line")
    degree = dict(g.degree())
    for node in sorted(g.nodes):
        data = g.nodes[node]
        net.add_node(node, label=data["label"], shape=SHAPES.get(data["kind"], "dot"),
                     color={"background": COLOURS.get(data["kind"], "#aaa"),
                            "border": BORDERS.get(data["country"], "#777")},
                     size=10 + 4 * min(degree.get(node, 0), 10), title=f"{data['label']} ({data['kind']})",
                     details=_details(g, node), kind=data["kind"], country=data["country"])
    for source, target, edge in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["label"])):
        net.add_edge(source, target, label=edge["label"], title=edge["label"])
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(TEMPLATE_DIR), str(PYVIS_TEMPLATES)]),
                             autoescape=True)
    template = env.get_template("network.html.j2")
    return template.render(heading=heading, nodes=net.nodes, edges=net.edges, options=OPTIONS,
                           legend=[(k, c) for k, c in COLOURS.items() if k in {d["kind"] for _, d in g.nodes(data=True)}])


def render_network(ds: Dataset, path: Path, *, heading: str = "tradegraph network") -> Path:
    """Write the network view of a dataset to ``path``."""
    atomic_write(path, network_page(actor_network(ds), heading=heading).encode("utf-8"))
    return path
