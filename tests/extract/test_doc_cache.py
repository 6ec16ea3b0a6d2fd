"""What is read from a parsed Doc once and kept on it (extract.text.document): its text and its noun chunks.

A hand-built parse of made-up sentences.
"""
from __future__ import annotations

import pytest

from extract.text.document import (
    doc_text,
    noun_chunk_bounds,
    noun_chunks_in,
    token_lemmas,
    token_lowers,
    token_starts,
)
from tests.handmade import parsed

TABLE = """
    The     DET   DT  det      1
    council NOUN  NN  nsubj    2
    set     VERB  VBD ROOT     2  set
    a       DET   DT  det      5
    new     ADJ   JJ  amod     5
    tariff  NOUN  NN  dobj     2
    .       PUNCT .   punct    2
    Ana     PROPN NNP compound 8
    Ruiz    PROPN NNP nsubj    9
    agreed  VERB  VBD ROOT     9  agree
    with    ADP   IN  prep     9
    them    PRON  PRP pobj     10
    .       PUNCT .   punct    9
"""


@pytest.mark.parametrize(("start", "end"), [(0, 13), (0, 7), (7, 13), (3, 6), (4, 13), (12, 13)])
def test_noun_chunks_in_a_span_are_spacys(start, end):
    doc = parsed(TABLE)
    span = doc[start:end]
    assert [(c.start, c.end) for c in noun_chunks_in(span)] == [(c.start, c.end) for c in span.noun_chunks]


def test_noun_chunks_of_a_doc_are_found_once_and_kept_as_bounds():
    doc = parsed(TABLE)
    bounds = noun_chunk_bounds(doc)
    assert [doc[s:e].text for s, e in bounds] == ["The council", "a new tariff", "Ana Ruiz", "them"]
    assert noun_chunk_bounds(doc) is bounds
    assert [c.text for c in noun_chunks_in(doc[7:13])] == ["Ana Ruiz", "them"]


def test_doc_text_is_kept():
    doc = parsed(TABLE)
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)


def test_token_lowers_and_starts_are_read_once():
    doc = parsed(TABLE)
    assert token_lowers(doc) == [t.lower_ for t in doc] and token_lowers(doc) is token_lowers(doc)
    assert token_starts(doc) == {t.idx: t.i for t in doc} and token_starts(doc) is token_starts(doc)
    assert token_lemmas(doc) == [t.lemma_ for t in doc] and token_lemmas(doc) is token_lemmas(doc)
    assert token_lemmas(doc)[2] == "set" and token_lemmas(doc)[9] == "agree"
