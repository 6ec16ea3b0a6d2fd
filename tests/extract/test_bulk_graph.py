"""A Graph filled at once (extract.rdf.bulk_graph) is the Graph ``addN`` builds: every table of its memory store,
down to the order of dict keys and set members, and so the order it yields its triples in."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import SimpleMemory
from rdflib.term import Node

from extract.rdf import bulk_graph as bulk_module
from extract.rdf.bulk_graph import bulk_graph

A, B, C = URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:c")
P, Q = URIRef("urn:x:p"), URIRef("urn:x:q")
FEW = [(A, P, B), (B, Q, Literal("Ana Ruiz")), (A, P, B), (C, P, Literal(3)), (A, Q, C), (B, Q, Literal("Ana Ruiz"))]
MANY = [(URIRef(f"urn:x:s{i % 7}"), P if i % 3 else Q, Literal(f"Luis Gil {i % 40}", lang="es" if i % 2 else None))
        for i in range(300)] + [(BNode("n1"), P, Literal("01", datatype=URIRef("urn:x:int")))] + FEW
Triple = tuple[Node, Node, Node]


def _plain(value: Any, graph: Graph) -> Any:
    """A store table as nested lists in its own order, the Graph itself as a marker (graphs differ by identity)."""
    if value is graph:
        return "<the graph>"
    if isinstance(value, dict):
        return [(_plain(k, graph), _plain(v, graph)) for k, v in value.items()]
    if isinstance(value, set):
        return ["set", *(_plain(v, graph) for v in value)]
    if isinstance(value, str) and str(graph.identifier) in value:  # a context named by the graph's identifier
        return value.replace(str(graph.identifier), "<id>")
    return value


def _tables(graph: Graph) -> dict[str, Any]:
    return {k: _plain(v, graph) for k, v in vars(graph.store).items() if k != "dispatcher"}


@pytest.mark.parametrize("triples", [FEW, MANY, FEW[:1], MANY[::-1]], ids=["few", "many", "one", "reversed"])
def test_bulk_graph_is_the_graph_addn_builds(triples: Sequence[Triple]) -> None:
    expected = Graph()
    expected.addN((s, p, o, expected) for s, p, o in triples)
    built = bulk_graph(triples)
    assert _tables(built) == _tables(expected)
    assert list(built) == list(expected)
    assert built.serialize(format="nt") == expected.serialize(format="nt")
    built.add((A, P, Literal("later")))  # the filled store goes on working as a store
    expected.add((A, P, Literal("later")))
    assert _tables(built) == _tables(expected)
    assert set(built.objects(A, P)) == set(expected.objects(A, P))
    assert len(built) == len(set(triples)) + 1


def test_no_triples_is_an_empty_graph() -> None:
    assert len(bulk_graph([])) == 0


def test_a_store_of_another_layout_is_filled_by_addn(monkeypatch: pytest.MonkeyPatch) -> None:
    """A memory store with other tables (another rdflib) or another store is never filled directly."""
    def no_direct_fill(*args: object) -> None:
        raise AssertionError("filled directly")

    monkeypatch.setattr(bulk_module, "_index", no_direct_fill)
    monkeypatch.setattr(bulk_module, "_KNOWN", bulk_module._KNOWN | {"_Memory__newer_table"})
    built = bulk_graph(MANY)
    assert list(built) == list(_addn(MANY))
    monkeypatch.setattr(bulk_module, "Graph", lambda: Graph(store=SimpleMemory()))
    assert sorted(bulk_graph(FEW)) == sorted(set(FEW))


def _addn(triples: Sequence[Triple]) -> Graph:
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph
