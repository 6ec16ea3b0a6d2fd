"""The views of a built dataset that tests compare across readers (rdflib, the quad index, the store): each
makes bytes or plain values from a :class:`graph.network.readable.Readable` and a scratch folder."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import networkx as nx

from graph.network.actors import KINDS, PERSON, actor_network
from graph.network.export import export
from graph.network.readable import Readable
from graph.network.render import render_network, write_main_page
from graph.network.stats import format_stats, network_stats
from graph.network.summary import summarize
from graph.network.views import people_network, topic_network


def _network(g: nx.Graph) -> tuple[Any, ...]:
    """Everything a network holds, in its order: nodes and edges with their attributes, graph attributes."""
    edges = cast(nx.MultiGraph, g).edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)
    return list(g.nodes(data=True)), list(edges), dict(g.graph)


def _page(**options: Any) -> Callable[[Readable, Path], bytes]:
    return lambda ds, folder: render_network(ds, folder / "page.html", **options).read_bytes()


def _focus_page(ds: Readable, folder: Path) -> bytes:
    """The neighbourhood of the best connected person (picked from this same source)."""
    actors = actor_network(ds)
    person = max((n for n, k in actors.nodes(data="kind") if k == PERSON), key=lambda n: (actors.degree(n), n))
    return render_network(ds, folder / "focus.html", focus=actors.nodes[person]["label"], depth=1).read_bytes()


def _export(fmt: str, projection: str = "actors") -> Callable[[Readable, Path], dict[str, bytes]]:
    def made(ds: Readable, folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in export(ds, fmt, folder / f"out.{fmt}", projection=projection)}
    return made


VIEWS: dict[str, Callable[[Readable, Path], Any]] = {
    "main page": lambda ds, folder: write_main_page(ds, folder).read_bytes(),
    "people page": _page(projection="people"),
    "period page": _page(start="2024-01", end="2025-06"),
    "focus page": _focus_page,
    "summary": lambda ds, _: summarize(ds),
    "stats": lambda ds, _: format_stats(network_stats(ds)),
    "actor network": lambda ds, _: _network(actor_network(ds, kinds=KINDS)),
    "people network": lambda ds, _: _network(people_network(ds)),
    "topic network": lambda ds, _: _network(topic_network(ds)),
    **{f"export {fmt}": _export(fmt) for fmt in ("graphml", "gexf", "csv", "jsonld", "popolo")},
    "export people gexf": _export("gexf", "people"),
    "export topics csv": _export("csv", "topics"),
}
