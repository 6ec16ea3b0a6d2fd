"""What a document's graph holds beyond single rules: meetings that are not bodies, the governments
that named bodies belong to. Through the real pipeline, on made-up text."""
import pytest

from extract.text.document import Document
from extract.triples import document_graph
from extract.vocab import ORG, RDF, SDO

pytestmark = pytest.mark.slow


def graph_of(nlp, text):
    return document_graph(nlp(text), Document("t.txt", "t", text, published="2024-05-02"))


def names(g, kind):
    return {str(g.value(n, SDO.name)) for n in g.subjects(RDF.type, kind)}


def test_a_dialogue_that_met_is_a_meeting(nlp):
    g = graph_of(nlp, "MEXICO CITY, May 2, 2024 - Commerce Secretary Dana Whitfield met Economy Secretary "
                      "Hugo Salas today at the U.S.-Mexico High-Level Economic Dialogue in Mexico City.")
    assert names(g, SDO.Event)
    assert "U.S.-Mexico High-Level Economic Dialogue" not in names(g, SDO.Organization)


def test_a_dialogue_with_a_chair_stays_a_body(nlp):
    g = graph_of(nlp, "MEXICO CITY, May 2, 2024 - Dana Whitfield, Chair of the U.S.-Mexico High-Level Economic "
                      "Dialogue, met Economy Secretary Hugo Salas today in Mexico City.")
    assert "U.S.-Mexico High-Level Economic Dialogue" in names(g, SDO.Organization)


def test_a_named_ministry_brings_its_national_government(nlp):
    g = graph_of(nlp, "Dana Whitfield of the Department of Energy toured a plant in Sonora.")
    orgs = names(g, SDO.Organization)
    assert {"U.S. Department of Energy", "Government of the United States"} <= orgs


def test_a_company_brings_no_government(nlp):
    g = graph_of(nlp, "Dana Whitfield of Orbis Partners toured a plant in Sonora.")
    assert not any(name.startswith("Government of") for name in names(g, SDO.Organization))
    assert not set(g.subjects(ORG.subOrganizationOf, None))


def test_a_listed_office_holder_named_in_full_is_their_wikidata_item(nlp):
    from extract.reference.known_people import known_holder
    from extract.vocab import OWL, WIKIDATA

    g = graph_of(nlp, "Bill Clinton signed the agreement. Dana Whitfield watched.")
    items = {str(g.value(p, SDO.name)): g.value(p, OWL.sameAs) for p in g.subjects(RDF.type, SDO.Person)}
    assert str(items["Bill Clinton"]) == WIKIDATA + known_holder("Bill Clinton").wikidata
    assert items["Dana Whitfield"] is None


def test_a_failing_rule_loses_only_what_it_finds(nlp, monkeypatch):
    import extract.stages

    def broken(*args, **kwargs):
        raise KeyError((5251, 5265))

    monkeypatch.setattr(extract.stages, "find_roles", broken)
    text = ("MEXICO CITY, May 2, 2024 - Commerce Secretary Dana Whitfield met Economy Secretary Hugo Salas today "
            "in Mexico City.")
    said: list[str] = []
    g = document_graph(nlp(text), Document("t.txt", "t", text, published="2024-05-02"), on_error=said.append)
    assert len(said) == 1 and said[0].startswith("t.txt: the post rules failed (KeyError")
    assert {"Dana Whitfield", "Hugo Salas"} <= names(g, SDO.Person)  # the rest of the document is read
    assert names(g, SDO.Event)
    assert not set(g.subjects(RDF.type, ORG.Membership))
    with pytest.raises(KeyError):  # without a listener, the error is raised
        document_graph(nlp(text), Document("t.txt", "t", text))


def test_a_principal_named_by_office_takes_part(nlp):
    g = graph_of(nlp, "WACO — Texas Governor Dana Whitfield returned Tuesday from a trade mission to Mexico. On April "
                      "17, the governor met in Monterrey with Nuevo León Governor Luis Soto.")
    attendees = {str(g.value(a, SDO.name)) for e in g.subjects(RDF.type, SDO.Event) for a in g.objects(e, SDO.attendee)}
    assert {"Dana Whitfield", "Luis Soto"} <= attendees


def test_an_office_in_a_title_names_nobody(nlp):
    from extract.mentions import Mention
    from extract.reading import Reading
    from extract.roles.descriptions import described_people
    from extract.roles.titles import RoleFinding

    doc = nlp("Texas Governor Dana Whitfield spoke. Tom Vale, adviser to the governor, agreed.")
    whitfield = Mention("person", "Dana Whitfield", 15, 29, 0, 36)
    finding = RoleFinding((15, 29), "Governor", False, 0, 36, "roles.title_before_name")
    reading = Reading.of(doc, Document("t.txt", "t", doc.text))
    assert described_people(reading, mentions=[whitfield], findings=[finding]) == []


def test_the_two_holders_named_by_their_office_both_take_part(nlp):
    g = graph_of(nlp, "LAREDO — Mayor Rosa Vidal of Laredo, Texas, and Mayor Luis Soto of Nuevo Laredo, Tamaulipas, "
                      "agreed Thursday to ask for longer bridge hours.\n\nThe two mayors met for about two hours at "
                      "Laredo City Hall. They were joined by Laredo City Manager Tom Vale.")
    attendees = {str(g.value(a, SDO.name)) for e in g.subjects(RDF.type, SDO.Event) for a in g.objects(e, SDO.attendee)}
    assert {"Rosa Vidal", "Luis Soto", "Tom Vale"} <= attendees
