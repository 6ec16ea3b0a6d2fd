"""The writers' triple lists build the Graph that writing each triple into Graphs built (extract.rdf.sink),
down to the order the Graph yields its triples in."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from extract.rdf.sink import Triples, graph_order, to_graph

A, B, C = URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:c")
P, Q = URIRef("urn:x:p"), URIRef("urn:x:q")
WRITTEN = [(A, P, B), (B, Q, Literal("Ana Ruiz")), (A, P, B), (C, P, Literal(3)), (A, Q, C),
           (B, Q, Literal("Ana Ruiz"))]
MANY = [(URIRef(f"urn:x:s{i % 7}"), P if i % 3 else Q, Literal(f"Luis Gil {i}")) for i in range(60)] + WRITTEN


@pytest.mark.parametrize("written", [WRITTEN, MANY], ids=["few", "many"])
@pytest.mark.parametrize("cut", [0, 1, 3, 6, 40])
def test_triples_build_the_graph_that_graphs_built(written, cut):
    whole_graph, part_graph = Graph(), Graph()  # as the writer was: a part in its own Graph, then added
    whole, part = Triples(), Triples()
    for triple in written[:cut]:
        whole_graph.add(triple)
        whole.add(triple)
    for triple in written[cut:]:
        part_graph.add(triple)
        part.add(triple)
    whole_graph += part_graph
    whole += graph_order(part)
    assert graph_order(part) == list(part_graph)
    built = to_graph(whole)
    assert list(built) == list(whole_graph)  # same triples, yielded in the same order
    assert built.serialize(format="nt") == whole_graph.serialize(format="nt")
    assert len(built) == len(set(written))


@pytest.mark.parametrize("triple", [("urn:x:a", P, B), (A, None, B), (A, P, "Ana")])
def test_a_part_that_is_no_rdf_term_fails_where_it_is_written(triple):
    with pytest.raises(AssertionError, match="must be an rdflib term"):
        Triples().add(triple)
