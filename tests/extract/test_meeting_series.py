"""A listed intergovernmental dialogue that a document reports meeting is a meeting, not a body."""
import pytest

from extract.document import Document
from extract.triples import document_graph
from extract.vocab import RDF, SDO

pytestmark = pytest.mark.slow


def kinds(nlp, text):
    g = document_graph(nlp(text), Document("t.txt", "t", text, published="2024-05-02"))
    names = {kind: {str(g.value(n, SDO.name)) for n in g.subjects(RDF.type, kind)}
             for kind in (SDO.Organization, SDO.Event)}
    return names[SDO.Organization], names[SDO.Event]


def test_a_dialogue_that_met_is_a_meeting(nlp):
    orgs, events = kinds(nlp, "MEXICO CITY, May 2, 2024 - Commerce Secretary Dana Whitfield met Economy Secretary "
                              "Hugo Salas today at the U.S.-Mexico High-Level Economic Dialogue in Mexico City.")
    assert events
    assert "U.S.-Mexico High-Level Economic Dialogue" not in orgs


def test_a_dialogue_with_a_chair_stays_a_body(nlp):
    orgs, _ = kinds(nlp, "MEXICO CITY, May 2, 2024 - Dana Whitfield, Chair of the U.S.-Mexico High-Level Economic "
                         "Dialogue, met Economy Secretary Hugo Salas today in Mexico City.")
    assert "U.S.-Mexico High-Level Economic Dialogue" in orgs
