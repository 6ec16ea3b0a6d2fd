"""The grammar of posts on hand-tagged sentences: a title before a name (extract/roles/posts.py), an apposition
after it (extract/roles/appositions.py) and the names a title reveals (extract/roles/titled_names.py).

The sentences are made up, with made-up people and bodies; tags are given by hand (tests/handmade.py), so no
model is loaded. The rules below the stage's entry point are called directly, on one sentence's view.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.mentions import Mention
from extract.reference.institutions import load_institutions
from extract.reference.lexicon import load_lexicon
from extract.roles.appositions import apposition
from extract.roles.posts import _title_before
from extract.roles.titled_names import people_after_titles, people_before_titles
from extract.roles.titles import RoleFinding
from extract.text.sentence_view import SentenceView
from tests.handmade import handmade, org, person


def view(doc: Doc, mentions: list[Mention]) -> SentenceView:
    """The first sentence of ``doc`` with ``mentions``."""
    return SentenceView(doc, next(iter(doc.sents)), mentions)


def post(doc: Doc, finding: RoleFinding) -> tuple:
    """What a test compares: title, former, the body's text or listed id, the side."""
    body = doc.text[finding.org[0]:finding.org[1]] if finding.org else finding.institution
    return finding.title, finding.former, body, finding.country


@pytest.mark.parametrize("text,tags,name,bodies,expected", [
    # a side's title: the post is in that side's government
    ("Mexican Ambassador Ana Ruiz spoke .", "JJ NNP NNP NNP VBD .", (2, 4), [],
     [("Ambassador", False, "mx-government", "MX")]),
    ("former Mexican President Ana Ruiz spoke .", "JJ JJ NNP NNP NNP VBD .", (3, 5), [],
     [("President", True, "mx-government", "MX")]),
    # a body's name before the title: the post is in that body
    ("Acme Foods President Ana Ruiz spoke .", "NNP NNP NNP NNP NNP VBD .", (3, 5), [(0, 2)],
     [("President", False, "Acme Foods", None)]),
    ("Acme Foods former President Ana Ruiz spoke .", "NNP NNP JJ NNP NNP NNP VBD .", (4, 6), [(0, 2)],
     [("President", True, "Acme Foods", None)]),
    ("former Acme Foods President Ana Ruiz spoke .", "JJ NNP NNP NNP NNP NNP VBD .", (4, 6), [(1, 3)],
     [("President", True, "Acme Foods", None)]),
    # a portfolio before the title names a listed office, on the side the text gives or the office's own
    ("Interior Secretary Ana Ruiz spoke .", "NNP NNP NNP NNP VBD .", (2, 4), [],
     [("Interior Secretary", False, "us-department-of-the-interior", "US")]),
    ("Mexican Interior Secretary Ana Ruiz spoke .", "JJ NNP NNP NNP NNP VBD .", (3, 5), [],
     [("Interior Secretary", False, "mx-ministry-of-the-interior", "MX")]),
    # a district after the name is a U.S. legislator's
    ("Representative Ana Ruiz ( R-Texas ) spoke .", "NNP NNP NNP -LRB- NNP -RRB- VBD .", (1, 3), [],
     [("Representative", False, "us-congress", "US")]),
    # a city's or a state's office: the post is in the place
    ("Laredo Mayor Ana Ruiz spoke .", "NNP NNP NNP NNP VBD .", (2, 4), [], [("Mayor", False, "Laredo", None)]),
    ("Texas Secretary of State Ana Ruiz spoke .", "NNP NNP IN NNP NNP NNP VBD .", (4, 6), [],
     [("Secretary of State", False, "Texas", None)]),
    # no side and no body: no post
    ("Representative Ana Ruiz spoke .", "NNP NNP NNP VBD .", (1, 3), [], []),
    # no title
    ("Our friend Ana Ruiz spoke .", "PRP NN NNP NNP VBD .", (2, 4), [], []),
])
def test_title_before_a_name(text, tags, name, bodies, expected):
    doc = handmade(text, tags=tags)
    who = person(doc, *name)
    mentions = [org(doc, *b) for b in bodies] + [who]
    found = _title_before(view(doc, mentions), who, load_lexicon(), load_institutions())
    assert [post(doc, f) for f in found] == expected
    assert all(f.extractor == "roles.title_before_name" and f.person == (who.start, who.end) for f in found)


@pytest.mark.parametrize("text,tags,expected", [
    # a listed body whose name ends in a title: the post is that body's, its rank and "former" kept
    ("former U.S. Trade Representative Ana Ruiz spoke .", "JJ NNP NNP NNP NNP NNP VBD .",
     ("U.S. Trade Representative", True)),
    ("Deputy U.S. Trade Representative Ana Ruiz spoke .", "NNP NNP NNP NNP NNP NNP VBD .",
     ("Deputy U.S. Trade Representative", False)),
])
def test_title_before_a_name_ends_a_listed_body(text, tags, expected):
    doc = handmade(text, tags=tags)
    who, body = person(doc, 4, 6), org(doc, 1, 4, institution="us-ustr")
    found = _title_before(view(doc, [body, who]), who, load_lexicon(), load_institutions())
    assert [(f.title, f.former, f.institution) for f in found] == [(*expected, "us-ustr")]


@pytest.mark.parametrize("text,tags,body,expected,rule", [
    ("Ana Ruiz , Director of Acme Foods , said so .", "NNP NNP , NNP IN NNP NNP , VBD RB .", (5, 7),
     [("Director", False, "Acme Foods", None)], "roles.apposition"),
    ("Ana Ruiz , former Director of Acme Foods , said so .", "NNP NNP , JJ NNP IN NNP NNP , VBD RB .", (6, 8),
     [("Director", True, "Acme Foods", None)], "roles.apposition"),
    ("Ana Ruiz is Director of Acme Foods .", "NNP NNP VBZ NNP IN NNP NNP .", (5, 7),
     [("Director", False, "Acme Foods", None)], "roles.copula"),
    # "X of Y": a tie to the body, no title
    ("Ana Ruiz of Acme Foods said so .", "NNP NNP IN NNP NNP VBD RB .", (3, 5), [(None, False, "Acme Foods", None)],
     "roles.of"),
    # a body next to a name with no post between them
    ("Ana Ruiz , a friend of Acme Foods , said so .", "NNP NNP , DT NN IN NNP NNP , VBD RB .", (6, 8), [], None),
    # the clause's verb ends the apposition: what follows it is not her post
    ("Ana Ruiz , however , praised the Director of Acme Foods .", "NNP NNP , RB , VBD DT NNP IN NNP NNP .", (9, 11),
     [], None),
])
def test_apposition_after_a_name(text, tags, body, expected, rule):
    doc = handmade(text, tags=tags)
    who, found = person(doc, 0, 2), []
    findings = apposition(view(doc, [who, org(doc, *body)]), who, load_lexicon(), found)
    assert [post(doc, f) for f in findings] == expected
    assert {f.extractor for f in findings} == ({rule} if rule else set())
    assert found == []  # the body was a mention already


def test_apposition_names_a_body_the_ner_missed():
    doc = handmade("Ana Ruiz , Director of Bolt Gearworks , said so .", tags="NNP NNP , NNP IN NNP NNP , VBD RB .")
    who, found = person(doc, 0, 2), []
    findings = apposition(view(doc, [who]), who, load_lexicon(), found)
    assert [post(doc, f) for f in findings] == [("Director", False, "Bolt Gearworks", None)]
    assert [(m.kind, m.text, m.source) for m in found] == [("org", "Bolt Gearworks", "role")]


def test_an_age_after_a_name_is_no_body():
    doc = handmade("Ana Ruiz , 40 , said so .", tags="NNP NNP , CD , VBD RB .")
    who, found = person(doc, 0, 2), []
    assert apposition(view(doc, [who]), who, load_lexicon(), found) == [] and found == []


def test_a_list_is_no_apposition():
    doc = handmade("Ana Ruiz , and the Director of Acme Foods , met .", tags="NNP NNP , CC DT NNP IN NNP NNP , VBD .")
    ana = person(doc, 0, 2)
    assert apposition(view(doc, [ana, org(doc, 7, 9)]), ana, load_lexicon(), []) == []


@pytest.mark.parametrize("text,pos,expected", [
    ("Senior Vice President for the Americas Ana Ruiz spoke .",
     "PROPN PROPN PROPN ADP DET PROPN PROPN PROPN VERB PUNCT", ["Ana Ruiz"]),
    ("Laredo Mayor Ana Ruiz spoke .", "PROPN PROPN PROPN PROPN VERB PUNCT", ["Ana Ruiz"]),  # a place's office
    ("Director Ana spoke .", "PROPN PROPN VERB PUNCT", []),  # one word is no name
    ("Director Trade Policy spoke .", "PROPN PROPN PROPN VERB PUNCT", []),  # a portfolio is no name
    ("Acme Foods Ana Ruiz spoke .", "PROPN PROPN PROPN PROPN VERB PUNCT", []),  # no title
])
def test_people_after_titles(text, pos, expected):
    doc = handmade(text, pos=pos)
    found = people_after_titles(view(doc, []), load_lexicon())
    assert [m.text for m in found] == expected
    assert all(m.kind == "person" and m.titled for m in found)


@pytest.mark.parametrize("text,pos,expected", [
    ("Ana Ruiz Cortés , Undersecretary of Foreign Trade , spoke .",
     "PROPN PROPN PROPN PUNCT PROPN ADP PROPN PROPN PUNCT VERB PUNCT", ["Ana Ruiz Cortés"]),
    ("H.E. Ana Ruiz , Ambassador to Mexico , spoke .",  # an honorific is not part of the name
     "PROPN PROPN PROPN PUNCT PROPN ADP PROPN PUNCT VERB PUNCT", ["Ana Ruiz"]),
    ("Ana Ruiz Cortés , friend of Acme , spoke .",  # no title after the comma
     "PROPN PROPN PROPN PUNCT NOUN ADP PROPN PUNCT VERB PUNCT", []),
    ("Ana Ruiz Cortés ; Undersecretary of Foreign Trade , spoke .",  # no comma
     "PROPN PROPN PROPN PUNCT PROPN ADP PROPN PROPN PUNCT VERB PUNCT", []),
    ("Trade Policy , Undersecretary of Foreign Trade , spoke .",  # a portfolio is no name
     "PROPN PROPN PUNCT PROPN ADP PROPN PROPN PUNCT VERB PUNCT", []),
])
def test_people_before_titles(text, pos, expected):
    doc = handmade(text, pos=pos)
    assert [m.text for m in people_before_titles(view(doc, []), load_lexicon())] == expected
