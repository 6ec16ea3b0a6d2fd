"""Founders (extract/roles/founders.py) on hand-parsed made-up sentences: the subject of a founding verb, and those
"along with" it, are members of the body the verb's object names; a dropped subject is the previous
sentence's. The stage's grammar is in its entry point, called on tests/handmade.py:reading_of."""
from __future__ import annotations

import pytest

from extract.roles.founders import _subject, find_founders
from tests.handmade import org, parsed, person, reading_of

FOUNDED = """
    Ana    PROPN NNP compound 1
    Ruiz   PROPN NNP nsubj    2
    {verb} VERB  VBD ROOT     2  {lemma}
    Acme   PROPN NNP compound 4
    Foods  PROPN NNP dobj     2
    in     ADP   IN  prep     2
    2001   NUM   CD  pobj     5
    .      PUNCT .   punct    2
"""
ALONG_WITH = """
    Along   ADV   RB  advmod   8
    with    ADP   IN  prep     0
    Senator PROPN NNP compound 4
    Luis    PROPN NNP compound 4
    Soto    PROPN NNP pobj     1
    ,       PUNCT ,   punct    8
    Ana     PROPN NNP compound 7
    Ruiz    PROPN NNP nsubj    8
    created VERB  VBD ROOT     8  create
    the     DET   DT  det      11
    Border  PROPN NNP compound 11
    Caucus  PROPN NNP dobj     8
    .       PUNCT .   punct    8
"""
DROPPED_SUBJECT = """
    Ana     PROPN NNP compound 1
    Ruiz    PROPN NNP nsubj    2
    spoke   VERB  VBD ROOT     2  speak
    .       PUNCT .   punct    2
    Along   ADV   RB  advmod   9
    with    ADP   IN  prep     4
    Luis    PROPN NNP compound 7
    Soto    PROPN NNP pobj     5
    ,       PUNCT ,   punct    9
    founded VERB  VBD ROOT     9  found
    the     DET   DT  det      12
    Border  PROPN NNP compound 12
    Caucus  PROPN NNP dobj     9
    .       PUNCT .   punct    9
"""
MET_AND_FOUNDED = """
    Ana     PROPN NNP compound 1
    Ruiz    PROPN NNP nsubj    2
    met     VERB  VBD ROOT     2  meet
    Luis    PROPN NNP compound 4
    Soto    PROPN NNP dobj     2
    and     CCONJ CC  cc       2
    founded VERB  VBD conj     2  found
    Acme    PROPN NNP compound 8
    Foods   PROPN NNP dobj     6
    .       PUNCT .   punct    2
"""


@pytest.mark.parametrize("table,people,body,expected", [
    (FOUNDED.format(verb="founded", lemma="found"), [(0, 2)], (3, 5), {"Ana Ruiz"}),
    (FOUNDED.format(verb="praised", lemma="praise"), [(0, 2)], (3, 5), set()),  # no founding verb
    (FOUNDED.format(verb="founded", lemma="found"), [(0, 2)], None, set()),  # the object is no body
    (ALONG_WITH, [(3, 5), (6, 8)], (10, 12), {"Ana Ruiz", "Luis Soto"}),  # "along with X, Y created Z"
    (DROPPED_SUBJECT, [(0, 2), (6, 8)], (11, 13), {"Ana Ruiz", "Luis Soto"}),  # the subject of the sentence before
    (MET_AND_FOUNDED, [(0, 2), (3, 5)], (7, 9), {"Ana Ruiz"}),  # the subject of the verb it is coordinated with
])
def test_founders(table, people, body, expected):
    doc = parsed(table)
    mentions = sorted([person(doc, *p) for p in people] + ([org(doc, *body)] if body else []), key=lambda m: m.start)
    found = find_founders(reading_of(doc), mentions=mentions)
    assert {doc.text[f.person[0]:f.person[1]] for f in found} == expected
    assert len(found) == len(expected)  # each founder once, however often the rules name them
    assert all(f.extractor == "founders" and f.title is None and not f.former for f in found)
    assert {doc.text[f.org[0]:f.org[1]] for f in found} <= {doc[body[0]:body[1]].text if body else None}


def test_subject_of_a_coordinated_verb():
    doc = parsed(MET_AND_FOUNDED)
    assert _subject(doc[6]).text == "Ruiz"
    assert _subject(doc[4]) is None  # a noun has no subject
