"""Every view, page, measure and export of a real build is the same from the quad index as from rdflib.

The samples and the made-up test documents are built once each; each view is made from
``graph.build.store.load`` (an rdflib ``Dataset``) and from ``QuadIndex.from_file`` (graph/network/readable.py)
and compared: pages and exports byte for byte, networks node by node and edge by edge, with attributes.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import networkx as nx
import pytest

from graph.build.run import build
from graph.build.store import load
from graph.network.actors import KINDS, PERSON, actor_network
from graph.network.export import export
from graph.network.readable import QuadIndex, Readable
from graph.network.render import render_network, write_main_page
from graph.network.stats import format_stats, network_stats
from graph.network.summary import summarize
from graph.network.views import people_network, topic_network

pytestmark = pytest.mark.slow
DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
Both = tuple[Readable, QuadIndex]


@pytest.fixture(scope="module", params=["samples", "test documents"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Both:
    """A build read both ways: (rdflib Dataset, QuadIndex). The samples' build is the session's."""
    if request.param == "samples":
        trig = request.getfixturevalue("sample_build").files["trig"]
    else:
        trig = build([DOCS], tmp_path_factory.mktemp("readable-docs"), show_progress=False).files["trig"]
    return load(trig), QuadIndex.from_file(trig)


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


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_the_view_is_the_same_from_the_index(corpus: Both, view: str, tmp_path: Path) -> None:
    made = [VIEWS[view](ds, tmp_path / name) for name, ds in zip(("rdflib", "index"), corpus, strict=True)]
    assert made[0], f"{view}: nothing made"
    assert made[0] == made[1], view


def test_every_read_pattern_of_the_build_answers_as_rdflib(corpus: Both) -> None:
    ds, index = corpus
    quads = list(ds.quads((None, None, None, None)))
    assert Counter(map(repr, quads)) == Counter(map(repr, index.quads((None, None, None, None))))
    for p in {q[1] for q in quads}:
        pairs = list(ds.subject_objects(p))
        assert Counter(pairs) == Counter(index.subject_objects(p)), p
        for s, o in set(pairs):
            assert Counter(ds.objects(s, p)) == Counter(index.objects(s, p)), (s, p)
            assert Counter(ds.subjects(p, o)) == Counter(index.subjects(p, o)), (p, o)
