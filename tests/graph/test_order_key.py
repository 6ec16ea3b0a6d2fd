"""order_key sorts IRIs and blank nodes, and pairs of them, exactly as rdflib's own comparisons do."""
from __future__ import annotations

import random

import pytest
from rdflib import BNode, URIRef
from rdflib.term import IdentifiedNode

from graph.network.readable import order_key

TERMS: list[IdentifiedNode] = [URIRef("http://e/b"), URIRef("http://e/a"), URIRef("http://e/a/1"), URIRef("http://e/B"),
                     BNode("z"), BNode("a"), URIRef("urn:x"), URIRef("http://e/ñ"), BNode("http://e/a")]


@pytest.mark.parametrize("seed", range(5))
def test_terms_sort_as_rdflib_sorts_them(seed: int) -> None:
    terms = random.Random(seed).sample(TERMS, len(TERMS))
    assert sorted(terms, key=order_key) == sorted(terms)


@pytest.mark.parametrize("seed", range(5))
def test_pairs_sort_as_rdflib_sorts_them(seed: int) -> None:
    pairs = [(a, b) for a in TERMS[:5] for b in TERMS[4:]]
    random.Random(seed).shuffle(pairs)
    assert sorted(pairs, key=lambda p: (order_key(p[0]), order_key(p[1]))) == sorted(pairs)
