"""Which body is part of which (extract/organizations/hierarchy.py), on hand-tagged made-up sentences:
"A's B" makes B part of A (and B a new mention when the NER missed it), "B, under the A" makes B part of A.
The stage's grammar is in its entry point, called on tests/handmade.py:reading_of."""
from __future__ import annotations

import pytest

from extract.organizations.hierarchy import find_parts
from tests.handmade import handmade, org, reading_of


@pytest.mark.parametrize("text,tags,bodies,expected,new", [
    # a possessive: the body after it is part of the body before it, a mention or not
    ("Acme Foods ’s Research Center opened .", "NNP NNP POS NNP NNP VBD .", [(0, 2), (3, 5)],
     [("Research Center", "Acme Foods", "hierarchy.possessive")], []),
    ("Acme Foods ’s Research Center opened .", "NNP NNP POS NNP NNP VBD .", [(0, 2)],
     [("Research Center", "Acme Foods", "hierarchy.possessive")], ["Research Center"]),
    # ... but a board, a staff or a common noun after it is no body of its own
    ("Acme Foods ’s Board of Directors met .", "NNP NNP POS NNP IN NNPS VBD .", [(0, 2)], [], []),
    ("Acme Foods ’s new plan failed .", "NNP NNP POS JJ NN VBD .", [(0, 2)], [], []),
    ("Acme Foods ’s Ana Ruiz spoke .", "NNP NNP POS NNP NNP VBD .", [(0, 2)], [], []),  # no organization head
    # "B, under the A"
    ("The Subcommittee on Trade , under the Border Committee , met .", "DT NNP IN NNP , IN DT NNP NNP , VBD .",
     [(1, 4), (7, 9)], [("Subcommittee on Trade", "Border Committee", "hierarchy.under")], []),
    ("The Subcommittee on Trade , under pressure , met .", "DT NNP IN NNP , IN NN , VBD .", [(1, 4)], [], []),
])
def test_parts(text, tags, bodies, expected, new):
    doc = handmade(text, tags=tags)
    parts, found = find_parts(reading_of(doc), mentions=[org(doc, *b) for b in bodies])
    assert [(doc.text[p.child[0]:p.child[1]], doc.text[p.parent[0]:p.parent[1]], p.rule) for p in parts] == expected
    assert [(m.text, m.kind, m.source) for m in found] == [(n, "org", "hierarchy") for n in new]
