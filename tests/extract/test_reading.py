"""One reading per document, its entity index, the stage guard, and findings written as RDF with their
provenance. Made-up text and people; blank spaCy pipelines, no model loaded."""
from __future__ import annotations

import pytest
import spacy
from rdflib import Graph, Literal, URIRef

from extract import vocab
from extract.entities import Entities
from extract.events import Event
from extract.findings import Evidence, Meeting
from extract.guard import Guard
from extract.mentions import Mention
from extract.rdf.meetings import meeting_triples
from extract.rdf.provenance import provenance
from extract.reading import Reading
from extract.resolve import Entity
from extract.roles.memberships import link
from extract.roles.titles import RoleFinding
from extract.text.document import Document
from extract.vocab import ID, PROV, SDO, TG

TEXT = "Ana Ruiz of Acme Logistics met Tom Vale in Laredo.\n\nThey agreed."
DOC = ID["doc/t"]


@pytest.fixture(scope="module")
def reading() -> Reading:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Reading.of(nlp(TEXT), Document("t.txt", "t", TEXT, published="2024-05-02"))


def mention(kind: str, words: str, *, institution: str | None = None) -> Mention:
    start = TEXT.index(words)
    return Mention(kind, words, start, start + len(words), 0, 50, institution=institution)


ANA, VALE = mention("person", "Ana Ruiz"), mention("person", "Tom Vale")
ACME, LAREDO = mention("org", "Acme Logistics"), mention("place", "Laredo")


def entity(m: Mention, key: str, *, institution: str | None = None) -> Entity:
    return Entity(m.kind, key, m.text, institution=institution, mentions=[m])


@pytest.fixture()
def found() -> Entities:
    return Entities([entity(ANA, "ana ruiz"), entity(ACME, "acmelogistics", institution="xx-acme"),
                     entity(VALE, "tom vale"), entity(LAREDO, "laredo")])


def test_a_reading_takes_the_documents_date_before_the_texts(reading: Reading) -> None:
    assert reading.published == "2024-05-02"
    assert len(reading.content) == len(reading.text) and reading.lexicon and reading.institutions


@pytest.mark.parametrize("span,kind,expected", [
    (ANA, "person", "Ana Ruiz"),
    (ANA, "org", None),  # a span is looked up as one kind
    (ACME, "org", "Acme Logistics"),
    (LAREDO, "place", "Laredo"),
])
def test_entities_at_a_span(found: Entities, span: Mention, kind: str, expected: str | None) -> None:
    hit = found.at(span.start, span.end, kind)
    assert (hit.name if hit else None) == expected


def test_entities_views_and_filtering(found: Entities) -> None:
    assert [e.name for e in found.people()] == ["Ana Ruiz", "Tom Vale"]
    assert found.by_institution["xx-acme"].name == "Acme Logistics"
    assert [m.text for m in found.mentions()] == ["Ana Ruiz", "Acme Logistics", "Tom Vale", "Laredo"]
    kept = found.keep(lambda e: e.kind != "org")
    assert kept.at(ACME.start, ACME.end, "org") is None and len(kept) == 3


def test_the_last_entity_holding_a_span_wins() -> None:
    first, second = entity(ANA, "a"), entity(ANA, "b")
    assert Entities([first, second]).of(ANA) is second


def test_the_guard_raises_without_a_listener_and_falls_back_with_one() -> None:
    def broken() -> list[int]:
        raise KeyError("x")

    with pytest.raises(KeyError):
        Guard("t.txt")("post", broken, fallback=[])
    heard: list[str] = []
    assert Guard("t.txt", heard.append)("post", broken, fallback=[]) == []
    assert heard == ["t.txt: the post rules failed (KeyError: 'x'); what they would have found is left out"]


def test_evidence_is_the_stripped_sentence_with_its_offsets(reading: Reading) -> None:
    evidence = Evidence.of(reading, 50, 64, "test.rule")
    assert (evidence.document, evidence.sentence, evidence.start, evidence.end) == ("t", "They agreed.", 50, 64)
    g = Graph()
    provenance(g, ID["x"], evidence, DOC)
    assert set(g.predicate_objects(ID["x"])) == {
        (PROV.wasDerivedFrom, DOC), (TG.evidence, Literal("They agreed.")),
        (TG.charStart, Literal(50, datatype=vocab.XSD.integer)), (TG.charEnd, Literal(64, datatype=vocab.XSD.integer)),
        (TG.extractor, Literal("test.rule"))}


def test_a_post_links_the_entities_of_its_spans_with_its_sentence_as_evidence(reading: Reading,
                                                                               found: Entities) -> None:
    post = RoleFinding((ANA.start, ANA.end), "Director", False, 0, 50, "roles.of", org=(ACME.start, ACME.end))
    unknown = RoleFinding((5, 7), "Director", False, 0, 50, "roles.of", org=(ACME.start, ACME.end))
    (membership,) = link(reading, findings=[post, unknown], entities=found)
    assert (membership.person.name, membership.org.name, membership.title) == ("Ana Ruiz", "Acme Logistics", "Director")
    assert membership.evidence == Evidence("t", TEXT[:50], 0, 50, "roles.of")


def test_a_meeting_is_written_with_its_attendees_place_topics_and_provenance(reading: Reading,
                                                                             found: Entities) -> None:
    event = Event("Laredo meeting", (0, 50), "events.report", start="2024-05-01", location=LAREDO,
                  attendees=[ANA, VALE, mention("person", "They")])
    meeting = Meeting(event, ["https://example.org/topic/trade"], Evidence.of(reading, 0, 50, event.rule))
    g = Graph()
    node = meeting_triples(g, meeting, DOC, entities=found, memberships=[])
    assert node == ID["event/laredo-meeting--2024-05-01"]
    assert {str(o) for o in g.objects(node, SDO.attendee)} == {str(ID["person/ana-ruiz"]), str(ID["person/tom-vale"])}
    assert g.value(node, SDO.location) == ID["place/laredo"]
    assert g.value(node, SDO.about) == URIRef("https://example.org/topic/trade")
    assert g.value(node, TG.extractor) == Literal("events.report")
