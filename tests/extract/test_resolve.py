import pytest

from extract.mentions import Mention
from extract.reference.institutions import load_institutions
from extract.reference.lexicon import load_lexicon
from extract.resolve import resolve


def people(*texts, titled=()):
    out, pos = [], 0
    for t in texts:
        out.append(Mention("person", t, pos, pos + len(t), 0, 1000, titled=t in titled))
        pos += len(t) + 10
    return out


def names(entities):
    return sorted((e.name, tuple(sorted(e.aliases))) for e in entities if e.kind == "person")


@pytest.mark.parametrize("mentions,expected", [
    (people("Rosa Almaraz", "Almaraz"), [("Rosa Almaraz", ("Almaraz",))]),
    (people("Sergio de la Peña", "De la Peña"), [("Sergio de la Peña", ("De la Peña",))]),
    (people("Ana Maria Salazar", "Ana Maria"), [("Ana Maria Salazar", ("Ana Maria",))]),
    (people("Suzanne P. Clark", "Suzanne Clark"), [("Suzanne P. Clark", ("Suzanne Clark",))]),
    # a surname shared by two people in the document is not guessed
    (people("Luis Gutiérrez", "Gerónimo Gutiérrez", "Gutiérrez"), [("Gerónimo Gutiérrez", ()), ("Luis Gutiérrez", ())]),
    # a lone surname with no fuller form is kept only when a title or speech verb stands by it
    (people("Biden", titled=("Biden",)), [("Biden", ())]),
    (people("Querétaro"), []),
])
def test_resolve_people(mentions, expected):
    assert names(resolve(mentions, load_institutions(), load_lexicon())) == expected


def test_resolve_the_chamber_and_acronyms():
    ms = [Mention("org", "Harbour Freight Chamber", 0, 23, 0, 100, acronym="HFC"),
          Mention("org", "HFC", 40, 43, 0, 100),
          Mention("org", "Chamber", 60, 67, 0, 100)]
    orgs = [e for e in resolve(ms, load_institutions(), load_lexicon()) if e.kind == "org"]
    assert len(orgs) == 1
    assert orgs[0].aliases == {"HFC", "the Chamber"}


def test_resolve_acronym_of_a_listed_body_joins_it():
    ms = [Mention("org", "Mexican Council on Global Affairs", 0, 33, 0, 100, acronym="COMEXI")]
    (org,) = [e for e in resolve(ms, load_institutions(), load_lexicon()) if e.kind == "org"]
    assert org.institution == "mx-comexi"


def _orgs(ms):
    return sorted((e.name, tuple(sorted(e.aliases))) for e in resolve(ms, load_institutions(), load_lexicon())
                  if e.kind == "org")


def test_resolve_drops_an_unlisted_fragment_of_a_longer_organization():
    ms = [Mention("org", "Orbis Risk and Quantum Strategies", 0, 33, 0, 100, source="role"),
          Mention("org", "Quantum Strategies", 15, 33, 0, 100)]
    assert _orgs(ms) == [("Orbis Risk and Quantum Strategies", ())]


def test_resolve_a_company_with_and_without_its_legal_form_is_one():
    ms = [Mention("org", "Market Leader for Tellan Brothers Bakery", 0, 40, 0, 100, source="role"),
          Mention("org", "Tellan Brothers Bakery, LLP", 18, 45, 0, 100, source="company_list")]
    assert _orgs(ms) == [("Tellan Brothers Bakery, LLP", ("Tellan Brothers Bakery",))]


@pytest.mark.parametrize("first,second", [
    ("Government of Durango", "State of Durango"),  # a state's government, however written
    ("Mexican Ministry of Energy", "Ministry of Energy"),  # a listed body behind a nationality word
])
def test_resolve_one_body_under_two_names(first, second):
    ms = [Mention("org", first, 0, len(first), 0, 100, source="role"),
          Mention("org", second, 60, 60 + len(second), 0, 100)]
    assert len(_orgs(ms)) == 1


def test_resolve_drops_titles_taken_for_bodies():
    ms = [Mention("org", "Advisor for Trade and Investment", 0, 32, 0, 100),
          Mention("org", "Chief of the Regional Analysis Unit", 40, 75, 0, 100, source="role")]
    assert _orgs(ms) == []


def test_resolve_a_bare_event_head_joins_the_body_named_before():
    ms = [Mention("org", "Harbour Business Dialogue", 0, 25, 0, 100, institution=None),
          Mention("org", "Dialogue", 60, 68, 0, 100)]
    assert _orgs(ms) == [("Harbour Business Dialogue", ("the Dialogue",))]
