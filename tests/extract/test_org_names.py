"""The name of a body as the NER or a role rule hands it over (extract/organizations/names.py) and what the words
around it say it is (extract/organizations/context.py). Made-up names throughout."""
import pytest
from spacy.tokens import Doc

from extract.mentions import Mention
from extract.organizations.context import org_context
from extract.organizations.names import clean_org
from extract.reference.institutions import load_institutions
from extract.reference.lexicon import load_lexicon


def cleaned(text, source="role"):
    m = clean_org(Mention("org", text, 100, 100 + len(text), 0, 500, source=source), load_lexicon(),
                  load_institutions())
    if m is not None:
        assert (m.start, m.end) == (100, 100 + len(text))  # offsets kept, so a role's link still holds
    return None if m is None else (m.kind, m.text, m.institution)


@pytest.mark.parametrize("text,expected", [
    # a post's title run into the body: the body follows it
    ("Regional Market Leader for Tellan Brothers Bakery", ("org", "Tellan Brothers Bakery", None)),
    ("Vice Chairman of the Board of Quarzo Steel", ("org", "Quarzo Steel", None)),
    # a portfolio opening the name: the state it serves, as its government
    ("Economic Development for the State of Sonora", ("org", "Government of Sonora", None)),
    # a state's name written with one letter wrong is still that state
    ("State of Tamaulipaz", ("org", "Government of Tamaulipas", None)),
    ("Durango", ("org", "Government of Durango", None)),
    # a side named by its country, its post or its mission: that country's government
    ("United States", ("org", "Government of the United States", "us-government")),
    ("U.S. Ambassador", ("org", "Government of the United States", "us-government")),
    ("EUA", ("org", "Government of the United States", "us-government")),  # Spanish "Estados Unidos de América"
    ("Mexico in Houston", ("org", "Government of Mexico", "mx-government")),
    ("Ambassador of Canada to Mexico", ("org", "Government of Canada", "ca-government")),
    # a listed body behind a nationality word
    ("Mexican Ministry of Energy", ("org", "Mexican Ministry of Energy", "mx-ministry-of-energy")),
    # a venue is a place
    ("Grand Lakeview Hotel", ("place", "Grand Lakeview Hotel", None)),
    ("Lakeview Convention Center", ("place", "Lakeview Convention Center", None)),
    # ... but a center that is a body stays one
    ("Lakeview Policy Center", ("org", "Lakeview Policy Center", None)),
    # a Spanish sentence's opening preposition and article are no part of the name
    ("Con el Harbor Policy Institute", ("org", "Harbor Policy Institute", None)),
    ("Con Tellan Power", ("org", "Con Tellan Power", None)),
    # an ordinary body stays as it is
    ("Tellan Brothers Bakery, LLC", ("org", "Tellan Brothers Bakery, LLC", None)),
])
def test_clean_org_names_the_body(text, expected):
    assert cleaned(text) == expected


@pytest.mark.parametrize("text", [
    "Advisor for Trade and Investment",                    # a title and its portfolio
    "Undersecretary of Foreign Trade",
    "Policy and Investment Promotion",                     # a portfolio alone
    "Chief of the Regional Analysis Unit",                 # a unit inside a body
    "Section for Consular Affairs",
    "CEOs", "Staff", "Cabinet", "Leaders of South America",  # people, not a body
    "Consul General",                                      # a title alone
    "Pacific Coast Free Trade Agreement",                  # an agreement
    "Joint Statement",                                     # a document
    "Asimismo",                                            # a Spanish connective opening a sentence
])
def test_clean_org_drops_what_names_no_body(text):
    assert cleaned(text) is None


def test_clean_org_keeps_a_body_headed_like_an_agency():
    assert cleaned("Rural Development Administration", source="ner")[1] == "Rural Development Administration"


def test_clean_org_leaves_listed_mentions_alone():
    m = Mention("org", "Staff", 0, 5, 0, 10, institution="us-government")
    assert clean_org(m, load_lexicon(), load_institutions()) is m


def _doc(blank, words, tags=None):
    doc = Doc(blank.vocab, words=words, tags=tags)
    return doc


@pytest.mark.parametrize("words,span,tags,expected", [
    # an edition of an event
    ("It met at the 2031 Northern Gateway Forum .".split(), (5, 8), None, "event"),
    ("the 14th Border Business Summit opened".split(), (2, 5), None, "event"),
    # the subject of a named event, or an activity
    ("the Dialogue on Combating Cargo Theft ended".split(), (3, 6), None, "topic"),
    (["Fighting", "Cargo", "Theft", "matters"], (0, 3), ["VBG", "NNP", "NNP", "VBZ"], "topic"),
    # a hotel chain's brand where a meeting is held
    ("held at Sofitel Lomas in May".split(), (2, 4), None, "venue"),
    # an agreement's acronym
    ("the Andean Trade Partnership ( ATPX ) and ATPX talks".split(), (8, 9), None, "agreement"),
    ("del Acuerdo de Libre Comercio Andino ( ALCA ) y el ALCA".split(), (11, 12), None, "agreement"),
    ("the Andean Trade Council ( ATCX ) and ATCX talks".split(), (8, 9), None, None),
    # an acronym used as a plural common noun, not a possessive
    (["two", "EDC", "'s", ",", "then"], (1, 2), None, "plural"),
    (["by", "EDC", "'s", "Director"], (1, 2), None, None),
    # ordinary bodies
    ("the Northern Gateway Council met".split(), (1, 4), None, None),
    ("at Quarzo Steel in May".split(), (1, 3), None, None),
])
def test_org_context(blank, words, span, tags, expected):
    doc = _doc(blank, words, tags)
    assert org_context(list(doc[span[0]:span[1]]), load_lexicon()) == expected


@pytest.mark.parametrize("text,expected", [
    ("Partners Group", ("org", "Partners Group", None)),  # a firm named with a plural title word
    ("Directors Guild of Harbor City", ("org", "Directors Guild of Harbor City", None)),
])
def test_clean_org_keeps_names_that_only_look_like_titles(text, expected):
    assert cleaned(text) == expected
