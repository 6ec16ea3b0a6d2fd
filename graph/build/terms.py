"""RDF terms between rdflib and pyoxigraph, each way, for the build's hot path.

Extraction writes rdflib terms; the build merges, writes and stores pyoxigraph terms, which cost a
fraction of rdflib's to parse, hold and serialize. Both directions keep the lexical form, language and
datatype exactly, so a term that crosses and comes back is equal to the one that left.

>>> from rdflib import Literal, URIRef
>>> to_ox(Literal("2", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))
<Literal value=2 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
>>> to_rdflib(to_ox(Literal("hola", lang="es"))) == Literal("hola", lang="es")
True
>>> to_rdflib(ox.Literal("x")) == Literal("x")  # a plain string is not typed xsd:string in rdflib
True
"""
from __future__ import annotations

from typing import cast

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["OxTerm", "Subject", "to_ox", "to_rdflib", "triple_to_rdflib"]

OxTerm = ox.NamedNode | ox.Literal | ox.BlankNode
Subject = ox.NamedNode | ox.BlankNode  # extraction writes no RDF-star triples
_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: Node) -> OxTerm:
    """The pyoxigraph form of an rdflib term."""
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype \
            else ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


def to_rdflib(term: OxTerm) -> Node:
    """The rdflib form of a pyoxigraph term (a plain string literal stays untyped, as rdflib reads one)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _STRING else Literal(term.value, datatype=URIRef(datatype))
    return BNode(term.value)


def triple_to_rdflib(triple: ox.Triple) -> tuple[Node, Node, Node]:
    """A pyoxigraph triple (no RDF-star: extraction writes none) as rdflib terms."""
    return (to_rdflib(cast(OxTerm, triple.subject)), to_rdflib(triple.predicate),
            to_rdflib(cast(OxTerm, triple.object)))
