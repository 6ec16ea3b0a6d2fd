"""The side of a person the office-holder list knows: only where the text leaves it out."""
import pytest

from extract.reference.known_people import known_holder, side_of, wikidata_of
from extract.text.document import Document
from extract.triples import document_graph
from extract.vocab import RDF, SDO


@pytest.mark.parametrize("name,title,side", [
    ("Ernesto Zedillo", None, "MX"),           # a listed full name
    ("Zedillo", "President", "MX"),            # a surname with the office written before it
    ("Zedillo", None, None),                   # a surname alone says nothing
    ("Zedillo", "Senator", None),              # a title none of the holder's offices bears
    ("Dana Whitfield", "President", None),     # nobody the list holds
])
def test_side_of(name, title, side):
    assert side_of(name, title=title) == side


def test_a_surname_shared_by_several_holders_names_nobody():
    assert known_holder("Bush", title="President") is None


def test_wikidata_only_for_a_full_name():
    assert wikidata_of("Ernesto Zedillo") == known_holder("Ernesto Zedillo").wikidata
    assert wikidata_of("Zedillo") is None


@pytest.mark.slow
def test_a_listed_person_named_without_an_office_gets_a_side(nlp):
    text = "Ernesto Zedillo said the agreement had doubled exports. Dana Whitfield agreed."
    g = document_graph(nlp(text), Document("t.txt", "t", text))
    sides = {str(g.value(p, SDO.name)): g.value(p, SDO.nationality) for p in g.subjects(RDF.type, SDO.Person)}
    assert str(sides["Ernesto Zedillo"]) == "MX"
    assert sides["Dana Whitfield"] is None
