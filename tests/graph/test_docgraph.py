"""Document graphs as N-Triples lines (graph.build.docgraph), and why sorting lines as text gives the canonical order
of quads (graph.build.quads) that graph.build.assembly writes them in, runs on disk (graph.build.union) included."""
from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from extract.vocab import RDF, SDO, XSD
from graph.build.docgraph import DocGraph
from graph.build.quads import QuadSet
from graph.build.union import SortedUnion

E = "http://e/"


def made_up_graph(seed: int) -> Graph:
    """Terms chosen to be prefixes of each other: IRIs, blank node labels, literals with and without a language,
    a datatype, spaces, quotes, accents."""
    rng = random.Random(seed)
    subjects = [URIRef(E + "a"), URIRef(E + "a/b"), URIRef(E + "ab"), BNode("b1"), BNode("b10")]
    objects = [*subjects, Literal("x"), Literal("x", lang="es"), Literal("x y"), Literal('x "q"'), Literal("Ángel"),
               Literal("2", datatype=XSD.integer), Literal("2025-05-02", datatype=XSD.date), Literal("x\ny")]
    g = Graph()
    for _ in range(40):
        g.add((rng.choice(subjects), rng.choice([URIRef(E + "p"), URIRef(E + "p2"), SDO.name]), rng.choice(objects)))
    return g


@pytest.mark.parametrize("seed", range(20))
def test_lines_sort_as_the_quads_do(seed):
    graphs = {URIRef(f"{E}doc/{n}"): made_up_graph(seed * 7 + n) for n in range(3)}
    found = QuadSet()
    for name, g in graphs.items():
        for triple in g:
            found.add(name, triple)
    named = sorted((f"<{name}>", sorted(set(DocGraph.from_rdflib(g).lines))) for name, g in graphs.items())
    text = "".join(f"{line} {name} .\n" for name, lines in named for line in lines)  # as graph.build.assembly sorts
    assert [str(q) for q in ox.parse(text, format=ox.RdfFormat.N_QUADS)] == [str(q) for q in found.ordered()]
    union = SortedUnion(limit=7)  # most lines go through sorted runs on disk
    for _, lines in named:
        union.update(lines)
    assert [f"{line}" for line in union.lines()] == sorted({str(q.triple) for q in found.ordered()})


def test_a_graph_survives_the_trip_through_its_text():
    g = made_up_graph(1)
    g.add((URIRef(E + "a"), RDF.type, SDO.Person))
    read = DocGraph.from_nt(DocGraph.from_rdflib(g).to_nt())
    assert read is not None and read.lines == DocGraph.from_rdflib(g).lines
    assert [s.value for s in read.typed(str(SDO.Person))] == [E + "a"]
    assert {o.value for o in read.objects(read.typed(str(SDO.Person))[0], str(SDO.name))} == \
        {str(o) for o in g.objects(URIRef(E + "a"), SDO.name)}


@pytest.mark.parametrize("damaged", ["<http://e/a> <http://e/p> <http://e/b>", "<http://e/a> <http://e/p> .",
                                     '<http://e/a> <http://e/p> "open .', "{not n-triples} ."])
def test_a_damaged_text_is_no_graph(damaged):
    assert DocGraph.from_nt(f"<http://e/a> <http://e/p> <http://e/c> .\n{damaged}\n") is None
