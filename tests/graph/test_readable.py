"""The quad index answers the views' reads as rdflib's Dataset does (graph/network/readable.py, issue 16 item 4).

Made-up TriG with the shapes the build writes (reference facts in the default graph, one named graph per
document, a triple stated by several graphs, literals of each kind the data model uses) is read both ways
and every read method is compared on every pattern; the tiny hand-made dataset's page is compared byte for
byte. The corpora (samples, test documents) are compared view by view in test_readable_views.py.
"""
from __future__ import annotations

import inspect
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Dataset, URIRef
from rdflib.exceptions import UniquenessError
from rdflib.term import Node

from graph.errors import StoreError
from graph.network.actors import KINDS, actor_network
from graph.network.period import SpanCache, _touching, edge_spans, node_spans
from graph.network.readable import QuadIndex, Readable
from graph.network.render import render_network, write_main_page

NETWORK = Path(__file__).resolve().parents[2] / "graph" / "network"
E = "http://example.org/"
MADE_UP = f"""@prefix e: <{E}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
e:council a e:Organization ; e:name "Harbour Council" , "Consejo Portuario"@es ; e:country "US" .
e:council e:partOf e:gov .
<{E}doc/1> {{
  e:ivo a e:Person ; e:name "Ivo Tamsin" ; e:memberOf e:council .
  e:talks a e:Event ; e:date "2024-03-05"^^xsd:date ; e:attendee e:ivo , e:wren ; e:planned false .
  e:m1 e:former true ; e:start 12 ; e:value "4.5"^^xsd:double ; e:year "2023"^^xsd:gYear .
  e:council e:name "Harbour Council" .
}}
<{E}doc/2> {{
  e:wren a e:Person ; e:name "Wren Oduya" , "W. Oduya" ; e:memberOf e:council .
  e:talks a e:Event ; e:attendee e:wren ; e:month "2024-03"^^xsd:gYearMonth .
  e:m1 e:former false ; e:start 30 .
  e:council e:name "Harbour Council" .
}}
"""


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, QuadIndex]:
    """The made-up TriG read by rdflib (``Dataset(default_union=True)``, as the build's ``load``) and by the index."""
    path = tmp_path_factory.mktemp("made-up") / "graph.trig"
    path.write_text(MADE_UP, encoding="utf-8")
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig")
    return ds, QuadIndex.from_file(path)


def _terms(ds: Dataset) -> tuple[set[Node], set[Node], set[Node]]:
    triples = [q[:3] for q in ds.quads((None, None, None, None))]
    return ({t[0] for t in triples}, {t[1] for t in triples}, {t[2] for t in triples})


def _same(a: Any, b: Any) -> bool:
    """Equal as multisets of reprs: the same terms, of the same classes, datatypes and languages."""
    return Counter(map(repr, a)) == Counter(map(repr, b))


def test_quads_are_the_same_triples_in_the_same_graphs(both: tuple[Dataset, QuadIndex]) -> None:
    ds, index = both
    assert _same(ds.quads((None, None, None, None)), index.quads((None, None, None, None)))
    assert _same(ds.quads((None, None, None, None)), index.quads())
    assert len(index) == len({q[:3] for q in ds.quads((None, None, None, None))}) == 24
    shared = (URIRef(E + "council"), URIRef(E + "name"), None, None)
    assert sorted(str(g) for *_, g in index.quads(shared)) == \
        [E + "doc/1", E + "doc/2", "urn:x-rdflib:default", "urn:x-rdflib:default"]


def test_every_pattern_answers_as_rdflib(both: tuple[Dataset, QuadIndex]) -> None:
    ds, index = both
    subjects, predicates, objects = _terms(ds)
    for p in [*predicates, None]:
        assert _same(ds.subject_objects(p), index.subject_objects(p)), p
        assert _same(ds.subjects(p, None), index.subjects(p, None)), p
        assert _same(ds.objects(None, p), index.objects(None, p)), p
        for o in objects:
            assert _same(ds.subjects(p, o), index.subjects(p, o)), (p, o)
            assert ((None, p, o) in ds) == ((None, p, o) in index)
        for s in subjects:
            assert _same(ds.objects(s, p), index.objects(s, p)), (s, p)
            assert ((s, p, None) in ds) == ((s, p, None) in index)
            values = set(ds.objects(s, p))
            if p is not None:
                assert (index.value(s, p) in values) if values else index.value(s, p) is None, (s, p)
                first = index.value(s, p)
                assert index.value(s, p, default=URIRef(E + "none")) == (URIRef(E + "none") if first is None else first)
    assert _same(ds.objects(unique=True), index.objects(unique=True))
    assert _same(ds.subjects(unique=True), index.subjects(unique=True))


def test_value_is_unique_when_asked(both: tuple[Dataset, QuadIndex]) -> None:
    ds, index = both
    council, name = URIRef(E + "council"), URIRef(E + "name")
    with pytest.raises(UniquenessError):
        ds.value(council, name, any=False)
    with pytest.raises(UniquenessError):
        index.value(council, name, any=False)
    assert index.value(None, name, URIRef("http://example.org/nobody")) is None
    assert index.value(None, URIRef(E + "memberOf"), URIRef(E + "council"), any=True) in \
        {URIRef(E + "ivo"), URIRef(E + "wren")}


@pytest.mark.parametrize("name", ["objects", "subjects", "subject_objects", "value", "quads", "__contains__"])
def test_readable_is_rdflib_s_signature(name: str) -> None:
    """The Protocol's parameters are rdflib's, in order and by name; the index has exactly the Protocol's."""
    wanted = list(inspect.signature(getattr(Readable, name)).parameters.values())[1:]
    rdflib_params = list(inspect.signature(getattr(Dataset, name)).parameters.values())[1:]
    ours = list(inspect.signature(getattr(QuadIndex, name)).parameters.values())[1:]
    assert [p.name for p in ours] == [p.name for p in wanted]
    for mine, theirs in zip(wanted, rdflib_params, strict=False):
        assert mine.kind == inspect.Parameter.POSITIONAL_ONLY or mine.name == theirs.name
    assert len(rdflib_params) >= len(wanted)


def test_readable_covers_every_read_the_views_make() -> None:
    """Every ``ds.X(`` in graph/network is a method of :class:`Readable` (so a QuadIndex can be handed in)."""
    called = {m for path in NETWORK.glob("*.py") for m in re.findall(r"\bds\.([a-z_]+)\(", path.read_text())}
    called -= {"add"}  # in docstring examples, on an rdflib Dataset
    members = {n for n in vars(Readable) if not n.startswith("_")}
    assert called and called <= members, called - members


def test_the_tiny_dataset_s_page_and_network_are_the_same_from_the_index(tiny_dataset: Dataset,
                                                                         tmp_path: Path) -> None:
    path = tmp_path / "graph.trig"
    path.write_text(tiny_dataset.serialize(format="trig"), encoding="utf-8")
    reread = Dataset(default_union=True)
    reread.parse(path, format="trig")
    index = QuadIndex.from_file(tmp_path)
    assert write_main_page(reread, tmp_path / "a").read_bytes() == write_main_page(index, tmp_path / "b").read_bytes()
    sources: tuple[Readable, ...] = (reread, index)
    focus = [render_network(ds, tmp_path / f"{i}.html", focus="Bob Lee").read_bytes() for i, ds in enumerate(sources)]
    assert focus[0] == focus[1]
    a, b = actor_network(reread, kinds=KINDS), actor_network(index, kinds=KINDS)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True)) and a.number_of_nodes() > 5
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


@pytest.mark.parametrize("content, wanted", [
    (None, "no built graph here"),
    ("<http://e/a> <http://e/p> .", "not a readable TriG file"),
])
def test_from_file_names_the_file_and_what_is_wrong(tmp_path: Path, content: str | None, wanted: str) -> None:
    path = tmp_path / "graph.trig"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match=wanted) as raised:
        QuadIndex.from_file(path)
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)


def _multi() -> nx.MultiDiGraph:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    g.add_edge("a", "b", key="k", evidence=[1])
    g.add_edge("b", "a", key="k", evidence=[2])  # the same key the other way: the undirected view keeps a's
    g.add_edge("b", "a", key="j", evidence=[3])
    g.add_edge("a", "a", key="k", evidence=[4])
    g.add_edge("c", "a", key="k", evidence=[5])
    return g


@pytest.mark.parametrize("make", [
    lambda: nx.Graph([("a", "b", {"evidence": [1]}), ("a", "a", {"evidence": [2]})]),
    lambda: nx.DiGraph([("a", "b", {"evidence": [1]}), ("b", "a", {"evidence": [2]}), ("c", "a", {"evidence": [3]})]),
    _multi,
])
def test_the_edges_at_a_node_are_the_undirected_view_s(make: Callable[[], nx.Graph]) -> None:
    g = make()
    for node in g:
        expected = [d for *_, d in nx.to_undirected(g).edges(node, data=True)]
        assert Counter(map(id, _touching(g, node))) == Counter(map(id, expected)), node


def test_the_span_cache_gives_what_node_and_edge_spans_give(tiny_dataset: Dataset) -> None:
    g = actor_network(tiny_dataset, kinds=KINDS)
    cache = SpanCache()
    for _ in range(2):  # the second time from the cache
        assert all(cache.node(g, n) == node_spans(g, n) for n in g)
        assert all(cache.edge(g, s, t, d) == edge_spans(g, s, t, d) for s, t, d in g.edges(data=True))
    assert any(node_spans(g, n) for n in g)
