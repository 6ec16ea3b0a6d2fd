import pytest

from extract.institutions import load_institutions
from extract.lexicon import load_lexicon
from extract.mentions import Mention
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
