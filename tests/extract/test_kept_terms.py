"""Terms looked up once: the data model's namespaces keep the terms they make (extract.vocab), and the
provenance block's offsets are the literals rdflib makes (extract.rdf.provenance)."""
from __future__ import annotations

import pytest
from rdflib import Literal, Namespace, URIRef

from extract.rdf.provenance import _offset
from extract.vocab import ID, ORG, SDO

INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")


@pytest.mark.parametrize("namespace", [SDO, ORG, ID])
@pytest.mark.parametrize("name", ["name", "memberOf", "Person", "startDate"])
def test_a_namespace_term_is_rdflibs_and_kept(namespace, name):
    term = getattr(namespace, name)
    assert term == Namespace(str(namespace)).term(name) and isinstance(term, URIRef)
    assert getattr(namespace, name) is term  # kept, not made again
    assert name in vars(namespace)


def test_keys_special_names_and_str_methods_are_not_kept():
    assert ID["membership/ana-ruiz--acme"] == URIRef(f"{ID}membership/ana-ruiz--acme")
    assert "membership/ana-ruiz--acme" not in vars(ID)
    with pytest.raises(AttributeError):
        SDO.__missing_special__  # noqa: B018
    assert SDO.startswith("https://") and SDO.title == URIRef(f"{SDO}title")


@pytest.mark.parametrize("value", [0, 7, 123456])
def test_an_offset_is_the_integer_literal(value):
    assert _offset(value) == Literal(value, datatype=INTEGER)
    assert _offset(value).n3() == Literal(value, datatype=INTEGER).n3()
