"""Meetings from the genre's grammatical forms, read from made-up sentences with made-up people."""
from __future__ import annotations

import pytest
from rdflib import URIRef

from extract.errors import DataError
from extract.events import Event
from extract.events import words as words_module
from extract.rdf.meetings import event_iri
from extract.text.document import Document
from extract.triples import document_graph
from extract.vocab import RDF, SDO


def meetings(nlp, text: str, published: str | None = "March 5, 2025") -> dict[str, tuple[str, str, list[str]]]:
    head = f"{published}\n\n" if published else ""
    g = document_graph(nlp(head + text), Document("t.txt", "t", head + text))
    out = {}
    for e in g.subjects(RDF.type, SDO.Event):
        people = sorted(str(g.value(a, SDO.name)) for a in g.objects(e, SDO.attendee) if (a, RDF.type, SDO.Person) in g)
        where = str(g.value(g.value(e, SDO.location), SDO.name))
        out[str(g.value(e, SDO.name))] = (str(g.value(e, SDO.startDate)), where, people)
    return out


def attendees(nlp, text: str) -> list[str]:
    (found,) = meetings(nlp, text).values()
    return found[2]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a list after an introduction whose verb is inflected ("was joined … by:", "accompanied by:")
    ("Minister Ana Ruiz met with Senator Tom Hale in Monterrey on March 4.\n\nThe minister was joined on the "
     "trip by:\n\n- Lia Moss, Director of Trade, Orbis Council\n- Tim Roe, President, Harbour Freight Council\n",
     ["Ana Ruiz", "Lia Moss", "Tim Roe", "Tom Hale"]),
    # a keynote delivered by someone
    ("The Orbis Council held its Border Trade Summit in Monterrey on March 4. The keynote address was delivered by "
     "Rosa Vidal, a senior adviser at Orbis Partners.", ["Rosa Vidal"]),
    # "comprised of" / "consisted of": the delegation's members
    ("Minister Ana Ruiz met with Senator Tom Hale in Monterrey on March 4. The Orbis delegation was comprised of "
     "Governor Lia Moss and Mayor Tim Roe.", ["Ana Ruiz", "Lia Moss", "Tim Roe", "Tom Hale"]),
    # "were also in attendance"
    ("Minister Ana Ruiz met with Senator Tom Hale in Monterrey on March 4. Governor Lia Moss and Mayor Tim Roe "
     "were also in attendance.", ["Ana Ruiz", "Lia Moss", "Tim Roe", "Tom Hale"]),
    # "held a meeting … with"
    ("Minister Ana Ruiz held a meeting in Monterrey on March 4 with Senator Tom Hale.", ["Ana Ruiz", "Tom Hale"]),
    # "On the … side, X was joined by …"; "the delegation included …"
    ("Minister Ana Ruiz led the Orbis delegation in Monterrey on March 4. On the Orbis side, the Minister was "
     "joined by Secretary Tom Hale and Ambassador Lia Moss. The Acme delegation included Governor Tim Roe.",
     ["Ana Ruiz", "Lia Moss", "Tim Roe", "Tom Hale"]),
    # a long list of titles and names after "the participation of"
    ("The Orbis Forum was held in Monterrey on March 4 and included the participation of Minister Ana Ruiz, "
     "Deputy Minister of Industry Tom Hale, Trade Commissioner Lia Moss, Governor Tim Roe, and "
     "Ambassador Paul Lindqvist.", ["Ana Ruiz", "Lia Moss", "Paul Lindqvist", "Tim Roe", "Tom Hale"]),
    # a conversation the meeting followed up on is not the meeting
    ("Minister Ana Ruiz held a meeting in Monterrey on March 4 with Senator Tom Hale to follow up on the recent "
     "conversation between President Lia Moss and President Tim Roe.", ["Ana Ruiz", "Tom Hale"]),
    # "co-chaired" split by the parser, "along with", "joined by Under Secretary X"
    ("Ambassador Paul Lindqvist co-chaired the meeting in Monterrey on March 4 along with Secretary of Commerce "
     "Rosa Almaraz. They were also joined by Under Secretary Lia Moss of the Ministry of Economy.",
     ["Lia Moss", "Paul Lindqvist", "Rosa Almaraz"]),
    # "including" after those met; "serve as co-chairs"
    ("Orbis staff met with business owners in Monterrey on March 4, including Rosa Almaraz, CEO of Acme Foods. "
     "Paul Lindqvist and Omar Vidal serve as co-chairs of the Orbis Council.",
     ["Omar Vidal", "Paul Lindqvist", "Rosa Almaraz"]),
    # a semicolon list of names and titles
    ("Minister Ana Ruiz held a meeting in Monterrey on March 4 with officials of the Ministry of Economy: Tom Hale, "
     "Director General of Investment; Lia Moss, Chief of the Business Unit; and Tim Roe, Director of Trade.",
     ["Ana Ruiz", "Lia Moss", "Tim Roe", "Tom Hale"]),
])
def test_event_forms_attendees(nlp, text, expected):
    assert attendees(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("The fifth meeting of the Orbis Border Cooperation Group was held today in Monterrey.",
     "fifth meeting of the Orbis Border Cooperation Group"),
    ("The Orbis Council convened business leaders to the meeting titled “Trade Without Borders.” Ana Ruiz, "
     "director of Orbis, said tariffs hurt.", "Trade Without Borders"),
    ("Today Minister Ana Ruiz relaunched the annual Orbis Economic Dialogue. The Orbis delegation consisted of "
     "Minister Ana Ruiz and Senator Tom Hale.", "Orbis Economic Dialogue"),
])
def test_event_forms_named(nlp, text, name):
    assert name in meetings(nlp, text)


@pytest.mark.slow
def test_event_forms_named_event_place_and_date_of_its_own_clauses(nlp):
    text = ("The third meeting of the Orbis Security Group was held today in Monterrey, with both delegations "
            "reviewing what was agreed at the Orbis Strategic Dialogue held May 18 in Chicago.\n\n"
            "The Orbis Energy Forum took place in Tijuana. The event was held on February 12.")
    got = meetings(nlp, text)
    assert got["Orbis Strategic Dialogue"][1] == "Chicago"
    assert got["third meeting of the Orbis Security Group"][:2] == ("2025-03-05", "Monterrey")
    assert got["Orbis Energy Forum"][0] == "2025-02-12"


@pytest.mark.slow
def test_event_forms_a_visit_and_its_meetings(nlp):
    text = ("In early February, I traveled to Monterrey to hold a series of meetings with officials.\n\n"
            "I first met with Dr. Tom Hale, Undersecretary of Industry.\n\n"
            "Lia Moss, Director of Orbis, joined me for a meeting with Paul Lindqvist, Director of Customs.")
    g = document_graph(nlp(text), Document("t.txt", "t", text))
    names = {e: str(g.value(e, SDO.name)) for e in g.subjects(RDF.type, SDO.Event)}
    visit = next(e for e, n in names.items() if n == "visit to Monterrey")
    parts = sorted(names[p] for p in g.objects(visit, SDO.subEvent))
    assert parts == ["Moss–Lindqvist meeting", "meeting with Hale"]


@pytest.mark.slow
def test_event_forms_a_later_encounter_of_its_own(nlp):
    text = ("Minister Ana Ruiz led the Orbis delegation at the 4th Orbis Trade Summit, held in Monterrey.\n\n"
            "While in Monterrey, Minister Ruiz also met with Senator Tom Hale to discuss steel.")
    got = meetings(nlp, text)
    assert got["Ruiz–Hale meeting"][2] == ["Ana Ruiz", "Tom Hale"]


@pytest.mark.slow
def test_event_forms_a_later_meeting_elsewhere_is_not_this_ones_place(nlp):
    text = ("Minister Ana Ruiz concluded a working visit to Chicago, where she met with Senator Tom Hale, in "
            "preparation for the next ministerial meeting to be held in Lima.")
    (found,) = meetings(nlp, text).values()
    assert found[1:] == ("Chicago", ["Ana Ruiz", "Tom Hale"])


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    # a dateline without a date gives the place of the event its paragraph names
    ("Monterrey, N.L. - Business leaders met with officials at the 4th Orbis Trade Summit.",
     ("4th Orbis Trade Summit", "Monterrey")),
    # a virtual meeting is held nowhere
    ("Minister Ana Ruiz met with Senator Tom Hale by videoconference on March 4.", ("Ruiz–Hale meeting", "virtual")),
    # the place a later sentence about the meeting gives
    ("Minister Ana Ruiz held a meeting on Wednesday with Senator Tom Hale.\n\nThey reviewed tariffs.\n\n"
     "The private meeting took place in the northern city of Monterrey.", ("meeting in Monterrey", "Monterrey")),
])
def test_event_forms_where(nlp, text, expected):
    got = meetings(nlp, text)
    assert got[expected[0]][1] == expected[1]


@pytest.mark.slow
def test_event_forms_a_speech_told_later_is_an_encounter_of_its_own(nlp):
    text = ("Business leaders gathered today in Monterrey for the 5th Orbis CEO Dialogue.\n\n"
            "In a speech to business leaders in Monterrey yesterday, Ana Ruiz stressed the value of trade.")
    got = meetings(nlp, text)
    assert [v[:2] for k, v in got.items() if k.startswith("speech")] == [("2025-03-04", "Monterrey")]


@pytest.mark.slow
def test_event_forms_the_ceremony_just_told_has_its_day(nlp):
    text = ("On March 3, 2025, Governor Tom Hale signed the Orbis border accord.\n\n"
            "I was invited to witness the ceremony.\n\n"
            "During the ceremony, I had the occasion to greet Senator Lia Moss.")
    (found,) = meetings(nlp, text, None).values()
    assert found[0] == "2025-03-03" and "Lia Moss" in found[2]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("The Orbis Group met today in Monterrey. Progress since our last meeting in November 2023 was discussed.",
     ("previous meeting", "2023-11", "None")),
    ("Mayors met today in Tijuana, reviving the Orbis Mayors Association for the first time since its virtual "
     "summit in 2020.", ("virtual summit", "2020", "virtual")),
])
def test_event_forms_an_earlier_session_recalled_with_its_date(nlp, text, expected):
    got = meetings(nlp, text)
    assert got[expected[0]] == (expected[1], expected[2], [])


@pytest.mark.slow
@pytest.mark.parametrize("text,year", [
    # no date of its own: the latest year its past-tense sentences tell of
    ("Today, Minister Ana Ruiz met with Senator Tom Hale in Monterrey. In May 2019, the two governments launched "
     "the Orbis Dialogue. Exports reached $40 billion in 2018.", "2019"),
    # not the years of what it recalls
    ("Today, Minister Ana Ruiz met with Senator Tom Hale in Monterrey. Ruiz was first elected in 2015. "
     "The Orbis Council was founded in 1959.", "None"),
])
def test_event_forms_a_story_without_a_date_is_of_its_latest_year(nlp, text, year):
    (found,) = meetings(nlp, text, None).values()
    assert found[0] == year


@pytest.mark.slow
def test_event_forms_bodies_that_took_part(nlp):
    text = ("Business leaders met at the 5th Orbis CEO Dialogue in Monterrey on March 4. Co-chairs Tom Hale and "
            "Lia Moss were joined by executives from companies including FedEx, Walmart and Pfizer.\n\n"
            "Members of Congress said the tariffs on Acme Foods would hurt.")
    g = document_graph(nlp(text), Document("t.txt", "t", text))
    (event,) = g.subjects(RDF.type, SDO.Event)
    bodies = {str(g.value(a, SDO.name)) for a in g.objects(event, SDO.attendee) if (a, RDF.type, SDO.Organization) in g}
    assert {"FedEx", "Walmart", "Pfizer"} <= bodies and not bodies & {"Congress", "Acme Foods"}


def test_event_forms_iri_of_an_undated_meeting_is_its_documents():
    ev = Event("meeting in Monterrey", (10, 40), "events.report")
    a, b = event_iri(ev, URIRef("https://w3id.org/tradegraph/id/doc/a")), \
        event_iri(ev, URIRef("https://w3id.org/tradegraph/id/doc/b"))
    assert a != b
    dated = Event("meeting in Monterrey", (10, 40), "events.report", start="2025-03-04")
    assert event_iri(dated, URIRef("https://w3id.org/tradegraph/id/doc/a")) == \
        event_iri(dated, URIRef("https://w3id.org/tradegraph/id/doc/b"))


@pytest.mark.parametrize("content", ["[]", "participants_of: []\n", "participants_of: [1, 2]\n"])
def test_event_forms_malformed_word_lists_are_refused(tmp_path, monkeypatch, content):
    bad = tmp_path / "encounters.yaml"
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr(words_module, "_PATH", bad)
    words_module.encounter_words.cache_clear()
    try:
        with pytest.raises(DataError):
            words_module.encounter_words()
    finally:
        words_module.encounter_words.cache_clear()


@pytest.mark.slow
def test_event_forms_a_date_since_which_is_not_the_meetings(nlp):
    (found,) = meetings(nlp, "Minister Ana Ruiz met with Senator Tom Hale in Monterrey, their first meeting since "
                             "Hale took office in January.").values()
    assert not found[0].startswith("2025-01")


def test_event_forms_a_venue_named_like_an_event_is_none():
    from extract.events.named import named_pattern

    found = named_pattern(("Convention", "Summit")).finditer(
        "held its annual Supply Chain Summit at the Saltillo Convention Center, and the Border Convention opened.")
    assert [m.group("name") for m in found] == ["Supply Chain Summit", "Border Convention"]


@pytest.mark.slow
def test_event_forms_the_next_day_is_the_day_after_the_last_dated_one(nlp):
    found = meetings(nlp, "On March 3, Minister Ana Ruiz met with Senator Tom Hale in Monterrey to discuss rail "
                          "freight.\n\nThe next day the delegation traveled to Saltillo, where Saltillo Governor Lia "
                          "Moss hosted a roundtable with executives of the state's aerospace cluster.")
    assert sorted(date for date, _, _ in found.values()) == ["2025-03-03", "2025-03-04"]
