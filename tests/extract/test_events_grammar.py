"""The attendance grammar of events (extract/events/participation.py, attendees.py) on hand-parsed sentences.

Each sentence is made up, with made-up people, and parsed by hand (tests/handmade.py), so these tests say
what the rules do with a given parse, whatever the model would have made of the words.
"""
from __future__ import annotations

import pytest

from extract.events.attendees import _in_participant_list, _next_in_list
from extract.events.participation import attends, org_takes_part, root_dep
from extract.reference.lexicon import load_lexicon
from tests.handmade import handmade, org, parsed, person

MET_WITH = """
    Ana   PROPN NNP compound 1
    Ruiz  PROPN NNP nsubj    2
    met   VERB  VBD ROOT     2  meet
    with  ADP   IN  prep     2
    Luis  PROPN NNP compound 5
    Soto  PROPN NNP pobj     3
    .     PUNCT .   punct    2
"""
BOUGHT = """
    Ana    PROPN NNP compound 1
    Ruiz   PROPN NNP nsubj    2
    bought VERB  VBD ROOT     2  buy
    a      DET   DT  det      4
    farm   NOUN  NN  dobj     2
    .      PUNCT .   punct    2
"""
INTERVIEW = """
    Ana       PROPN NNP compound 1
    Ruiz      PROPN NNP nsubj    2
    met       VERB  VBD ROOT     2  meet
    reporters NOUN  NNS dobj     2  reporter
    for       ADP   IN  prep     2
    an        DET   DT  det      6
    interview NOUN  NN  pobj     4
    .         PUNCT .   punct    2
"""
SAID = """
    Ana   PROPN NNP compound 1
    Ruiz  PROPN NNP nsubj    2
    said  VERB  VBD ROOT     2  say
    so    ADV   RB  advmod   2
    .     PUNCT .   punct    2
"""
LED_BY = """
    The   DET   DT  det       1
    talks NOUN  NNS nsubjpass 3  talk
    were  AUX   VBD auxpass   3  be
    {verb} VERB VBN ROOT      3  {lemma}
    by    ADP   IN  agent     3
    Ana   PROPN NNP compound  6
    Ruiz  PROPN NNP pobj      4
    .     PUNCT .   punct     3
"""
IN_ATTENDANCE = """
    Ana    PROPN NNP compound 1
    Ruiz   PROPN NNP nsubj    2
    was    AUX   VBD ROOT     2  be
    also   ADV   RB  advmod   2
    in     ADP   IN  prep     2
    {what} NOUN  NN  pobj     4
    .      PUNCT .   punct    2
"""
PARTICIPATION_OF = """
    They   PRON  PRP nsubj    1
    noted  VERB  VBD ROOT     1  note
    the    DET   DT  det      3
    {noun} NOUN  NN  dobj     1
    of     ADP   IN  prep     3
    Ana    PROPN NNP compound 6
    Ruiz   PROPN NNP pobj     4
    .      PUNCT .   punct    1
"""
HELD = """
    Ana    PROPN NNP compound 1
    Ruiz   PROPN NNP nsubj    2
    held   VERB  VBD ROOT     2  hold
    a      DET   DT  det      4
    {what} NOUN  NN  dobj     2
    .      PUNCT .   punct    2
"""
BETWEEN = """
    The     DET   DT  det      1
    {noun}  NOUN  NNS nsubj    8
    between ADP   IN  prep     1
    Ana     PROPN NNP compound 4
    Ruiz    PROPN NNP pobj     2
    and     CCONJ CC  cc       4
    Luis    PROPN NNP compound 7
    Soto    PROPN NNP conj     4
    ended   VERB  VBD ROOT     8  end
    .       PUNCT .   punct    8
"""
INCLUDED = """
    The        DET   DT  det      1
    delegation NOUN  NN  nsubj    2
    included   VERB  VBD ROOT     2  include
    Ana        PROPN NNP compound 4
    Ruiz       PROPN NNP dobj     2
    and        CCONJ CC  cc       4
    Luis       PROPN NNP compound 7
    Soto       PROPN NNP conj     4
    .          PUNCT .   punct    2
"""


@pytest.mark.parametrize("table,name,conference,expected", [
    (MET_WITH, (0, 2), False, True),  # the subject of a participation verb
    (MET_WITH, (4, 6), False, True),  # "met with X"
    (BOUGHT, (0, 2), False, False),  # the subject of any other verb
    (INTERVIEW, (0, 2), False, False),  # an interview is no encounter
    (SAID, (0, 2), True, True),  # a speaker at a conference takes part in it ...
    (SAID, (0, 2), False, False),  # ... a speaker in a story does not
    (LED_BY.format(verb="led", lemma="lead"), (5, 7), False, True),  # "led by X"
    (LED_BY.format(verb="written", lemma="write"), (5, 7), False, False),  # "written by X"
    (IN_ATTENDANCE.format(what="attendance"), (0, 2), False, True),  # "X was also in attendance"
    (IN_ATTENDANCE.format(what="Monterrey"), (0, 2), False, False),  # "X was in Monterrey"
    (PARTICIPATION_OF.format(noun="participation"), (5, 7), False, True),  # "the participation of X"
    (PARTICIPATION_OF.format(noun="absence"), (5, 7), False, False),
    (HELD.format(what="meeting"), (0, 2), False, True),  # "X held a meeting"
    (HELD.format(what="grudge"), (0, 2), False, False),
    (BETWEEN.format(noun="talks"), (3, 5), False, True),  # "talks between X and Y"
    (BETWEEN.format(noun="disputes"), (3, 5), False, False),
    (INCLUDED, (6, 8), False, True),  # the second of a conjunction climbs to the first: "included X and Y"
])
def test_attends(table, name, conference, expected):
    doc = parsed(table)
    assert attends(doc, person(doc, *name), conference, load_lexicon()) is expected


def test_a_name_in_apposition_to_a_portfolio_climbs_to_the_title():
    doc = parsed("""
        They          PRON  PRP nsubj    1
        met           VERB  VBD ROOT     1  meet
        the           DET   DT  det      3
        undersecretary NOUN NN  dobj     1
        of            ADP   IN  prep     3
        Foreign       PROPN NNP compound 6
        Trade         PROPN NNP pobj     4
        ,             PUNCT ,   punct    6
        Ana           PROPN NNP compound 9
        Ruiz          PROPN NNP appos    6
        .             PUNCT .   punct    1
    """)
    assert root_dep(doc[9]).text == "undersecretary"
    assert attends(doc, person(doc, 8, 10), False, load_lexicon())


REPRESENTATIVES_OF = """
    Ana             PROPN NNP compound 1
    Ruiz            PROPN NNP nsubj    2
    {verb}          VERB  VBD ROOT     2  {lemma}
    {prep}          ADP   IN  prep     2
    representatives NOUN  NNS pobj     3  representative
    of              ADP   IN  prep     4
    Acme            PROPN NNP compound 7
    Foods           PROPN NNP pobj     5
    .               PUNCT .   punct    2
"""


@pytest.mark.parametrize("verb,lemma,prep,expected", [
    ("met", "meet", "with", True),  # "met with representatives of X": the body took part
    ("wrote", "write", "to", False),  # "wrote to representatives of X": it did not
])
def test_org_takes_part(verb, lemma, prep, expected):
    doc = parsed(REPRESENTATIVES_OF.format(verb=verb, lemma=lemma, prep=prep))
    assert org_takes_part(doc, org(doc, 6, 8), load_lexicon()) is expected


BODY_AFTER = """
    The     DET   DT  det      1
    {noun}  NOUN  NN  nsubj    5
    {prep}  ADP   IN  prep     1
    Acme    PROPN NNP compound 4
    Foods   PROPN NNP pobj     2
    ended   VERB  VBD ROOT     5  end
    .       PUNCT .   punct    5
"""


@pytest.mark.parametrize("noun,prep,expected", [
    ("meeting", "with", True),  # "the meeting with X": the body met
    ("meeting", "of", False),  # "the meeting of X": the body's own meeting, not its taking part
])
def test_org_takes_part_by_the_word_before_it(noun, prep, expected):
    doc = parsed(BODY_AFTER.format(noun=noun, prep=prep))
    assert org_takes_part(doc, org(doc, 3, 5), load_lexicon()) is expected


@pytest.mark.parametrize("text,names,took_part,expected", [
    # a list of titles and names after a participant: every item takes part
    ("the participation of Secretary Ana Ruiz , Deputy Secretary Luis Soto , and Ambassador Rita Vance",
     [(4, 6), (9, 11), (14, 16)], [0], [1, 2]),
    # a clause between the names: no list
    ("a visit by Secretary Ana Ruiz , who praised Luis Soto", [(4, 6), (9, 11)], [0], []),
    # a list after "with ...:" takes part even before any participant
    ("a meeting with officials of the Ministry : Ana Ruiz , Director ; Luis Soto , Advisor",
     [(8, 10), (13, 15)], [], [0, 1]),
    # a list on the next line is not the same list
    ("a visit by Secretary Ana Ruiz ,\nLuis Soto", [(4, 6), (8, 10)], [0], []),
])
def test_next_in_list(text, names, took_part, expected):
    doc = handmade(text)
    people = [person(doc, *n) for n in names]
    found = _next_in_list(doc, people, [people[k] for k in took_part])
    assert found == [people[k] for k in expected]


@pytest.mark.parametrize("text,lemmas,expected", [
    ("Speakers included :\n- Ana Ruiz , Director of Acme\n- Luis Soto , Advisor", {}, True),
    ("Shopping list :\n- Ana Ruiz , Director of Acme\n- Luis Soto , Advisor", {}, False),
    ("Speakers were many\n- Ana Ruiz , Director of Acme\n- Luis Soto , Advisor", {}, False),  # no colon
    # the introduction's verb counts by its lemma: "joined" is "join"
    ("The governor was joined by :\n- Ana Ruiz , Director of Acme\n- Luis Soto , Advisor", {3: "join"}, True),
    ("The governor was thanked by :\n- Ana Ruiz , Director of Acme\n- Luis Soto , Advisor", {3: "thank"}, False),
])
def test_in_participant_list(text, lemmas, expected):
    doc = handmade(text, lemmas=lemmas)
    last = len(doc) - 4  # "Luis Soto , Advisor" ends every list
    assert _in_participant_list(doc, person(doc, last, last + 2), load_lexicon()) is expected


@pytest.mark.parametrize("item,expected", [
    ("- Former Ambassador Luis Soto", True),  # the name opens the item, after its title
    ("- thanks to Luis Soto", False),  # the name is inside a sentence
])
def test_in_participant_list_the_name_opens_the_item(item, expected):
    doc = handmade(f"Speakers :\n{item}")
    assert _in_participant_list(doc, person(doc, len(doc) - 2, len(doc)), load_lexicon()) is expected
