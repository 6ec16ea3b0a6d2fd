"""Meetings as Spanish reports them (issue 15, item 4): a past meeting verb makes a meeting of the people and
bodies its sentence names; a sentence without its own subject goes on telling the meeting before it; a
document's visits are one; Spanish dates; nothing for announced meetings or English documents. Hand-built Docs
(words, sentences and mentions; the rule reads no parse) with made-up people and bodies."""
from __future__ import annotations

from dataclasses import replace

import pytest

from extract.events.spanish import spanish_dates, spanish_meetings
from extract.mentions import Mention
from tests.handmade import handmade, mention, reading_of

Spans = list[tuple[str, str]]


def at(words: list[str], phrase: str) -> tuple[int, int]:
    """The token range of the first occurrence of ``phrase`` among ``words``."""
    parts = phrase.split()
    start = next(k for k in range(len(words)) if words[k:k + len(parts)] == parts)
    return start, start + len(parts)


def meetings(text: str, spans: Spans, *, starts: tuple[int, ...] = (0,), language: str = "es",
             published: str | None = "2023-06-09") -> list[tuple[str, list[str], list[str], str | None]]:
    """(name, people, bodies, start) of each meeting found; ``spans`` are (kind, words) of the mentions."""
    doc = handmade(text, sent_starts=starts)
    words = [t.text for t in doc]
    found: list[Mention] = sorted((mention(doc, kind, *at(words, phrase)) for kind, phrase in spans),
                                  key=lambda m: m.start)
    reading = replace(reading_of(doc), language=language, published=published)
    return [(ev.name, [m.text for m in ev.attendees], [m.text for m in ev.org_attendees], ev.start)
            for ev in spanish_meetings(reading, mentions=found)]


@pytest.mark.parametrize(("text", "spans", "expected"), [
    ("Rocío Lemus se reunió con Paul Kessler el 7 de junio .", [("person", "Rocío Lemus"), ("person", "Paul Kessler")],
     [("Reunión de Rocío Lemus con Paul Kessler", ["Rocío Lemus", "Paul Kessler"], [], "2023-06-07")]),
    ("Tomás Ibarra sostuvo un encuentro con la Cámara Textil del Norte .",
     [("person", "Tomás Ibarra"), ("org", "Cámara Textil del Norte")],
     [("Reunión de Tomás Ibarra con Cámara Textil del Norte", ["Tomás Ibarra"], ["Cámara Textil del Norte"], None)]),
    ("Rocío Lemus realizó una visita de trabajo a Austin del 12 al 14 de octubre de 2021 y se reunió con "
     "Paul Kessler .", [("person", "Rocío Lemus"), ("person", "Paul Kessler")],
     [("Visita de trabajo de Rocío Lemus", ["Rocío Lemus", "Paul Kessler"], [], "2021-10-12")]),
])
def test_a_past_meeting_verb_makes_a_meeting(text: str, spans: Spans,
                                             expected: list[tuple[str, list[str], list[str], str | None]]) -> None:
    assert meetings(text, spans) == expected


@pytest.mark.parametrize(("text", "spans"), [
    ("Rocío Lemus se reunirá con Paul Kessler el 7 de junio .",  # announced, not reported
     [("person", "Rocío Lemus"), ("person", "Paul Kessler")]),
    ("Rocío Lemus habló con Paul Kessler .", [("person", "Rocío Lemus"), ("person", "Paul Kessler")]),  # no verb
    ("Rocío Lemus se reunió ayer .", [("person", "Rocío Lemus")]),  # one participant is no meeting
])
def test_no_meeting_without_a_past_meeting_of_two(text: str, spans: Spans) -> None:
    assert meetings(text, spans) == []


def test_a_sentence_without_its_own_subject_goes_on_telling_the_meeting_before_it() -> None:
    text = ("Rocío Lemus y Tomás Ibarra encabezaron la delegación . "
            "La delegación sostuvo reuniones con la Cámara Textil del Norte . "
            "También se dialogó con Paul Kessler .")
    spans = [("person", "Rocío Lemus"), ("person", "Tomás Ibarra"), ("org", "Cámara Textil del Norte"),
             ("person", "Paul Kessler")]
    assert meetings(text, spans, starts=(0, 9, 20)) == [
        ("Reunión de Rocío Lemus con Tomás Ibarra", ["Rocío Lemus", "Tomás Ibarra", "Paul Kessler"],
         ["Cámara Textil del Norte"], None)]


def test_the_lead_and_the_body_tell_one_visit() -> None:
    text = ("La secretaria realizó una visita de trabajo a Austin el 3 de mayo y se reunió con la Cámara Texana y "
            "el Consejo Fronterizo . Rocío Lemus concluyó su visita de trabajo , en la que se reunió con "
            "Paul Kessler .")
    spans = [("org", "Cámara Texana"), ("org", "Consejo Fronterizo"), ("person", "Rocío Lemus"),
             ("person", "Paul Kessler")]
    assert meetings(text, spans, starts=(0, 25)) == [
        ("Visita de trabajo de Rocío Lemus", ["Rocío Lemus", "Paul Kessler"], ["Cámara Texana", "Consejo Fronterizo"],
         "2023-05-03")]


def test_english_documents_are_not_read_by_the_spanish_rule() -> None:
    assert meetings("Rocío Lemus se reunió con Paul Kessler .", [("person", "Rocío Lemus"), ("person", "Paul Kessler")],
                    language="en") == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("el 28 de septiembre de 2023", None, ("2023-09-28", None)),
    ("del 20 al 22 de octubre", "2025-10-23", ("2025-10-20", "2025-10-22")),
    ("el 5 de marzo", None, (None, None)),  # no year and no publication date
    ("este jueves", "2025-10-23", ("2025-10-23", None)),  # the publication is a Thursday
    ("el pasado lunes", "2025-10-23", ("2025-10-20", None)),
    ("hoy concluyó", "2025-10-23", ("2025-10-23", None)),
    ("este jueves", None, (None, None)),  # no publication date
])
def test_spanish_dates(text: str, published: str | None, expected: tuple[str | None, str | None]) -> None:
    assert spanish_dates(text, published) == expected


def test_the_place_is_a_named_place_not_a_description() -> None:
    text = "Rocío Lemus se reunió con Paul Kessler en las oficinas de la Secretaría en Austin ."
    doc = handmade(text)
    words = [t.text for t in doc]
    found = sorted((mention(doc, kind, *at(words, phrase)) for kind, phrase in [
        ("person", "Rocío Lemus"), ("person", "Paul Kessler"), ("place", "oficinas de la Secretaría"),
        ("place", "Austin")]), key=lambda m: m.start)
    reading = replace(reading_of(doc), language="es", published="2023-06-09")
    [event] = spanish_meetings(reading, mentions=found)
    assert event.location is not None and event.location.text == "Austin"


@pytest.mark.parametrize(("text", "spans", "starts", "expected"), [
    # a sentence that opens by going on adds its people to the meeting before it
    ("Rocío Lemus se reunió con Paul Kessler . Entre ellos destacaron Ana Grau y Luis Peña .",
     [("person", "Rocío Lemus"), ("person", "Paul Kessler"), ("person", "Ana Grau"), ("person", "Luis Peña")], (0, 8),
     [("Reunión de Rocío Lemus con Paul Kessler", ["Rocío Lemus", "Paul Kessler", "Ana Grau", "Luis Peña"], [], None)]),
    ("Rocío Lemus se reunió con Paul Kessler . Por parte del gobierno federal asistieron Ana Grau y Luis Peña .",
     [("person", "Rocío Lemus"), ("person", "Paul Kessler"), ("person", "Ana Grau"), ("person", "Luis Peña")], (0, 8),
     [("Reunión de Rocío Lemus con Paul Kessler", ["Rocío Lemus", "Paul Kessler", "Ana Grau", "Luis Peña"], [], None)]),
    # with no meeting before it, a going-on sentence is no meeting
    ("Entre ellos destacaron Ana Grau y Luis Peña .", [("person", "Ana Grau"), ("person", "Luis Peña")], (0,), []),
    # the event the sentence names is the meeting, not a body met
    ("Rocío Lemus encabezó la delegación durante el Foro Textil del Norte en Austin .",
     [("person", "Rocío Lemus"), ("org", "Foro Textil del Norte"), ("place", "Austin")], (0,),
     [("Foro Textil del Norte", ["Rocío Lemus"], [], None)]),
    # a named dialogue no verb reports is a meeting of its own
    ("Rocío Lemus habló de los avances logrados a través del Diálogo Textil de Alto Nivel ( DTAN ) .",
     [("person", "Rocío Lemus")], (0,), [("Diálogo Textil de Alto Nivel", [], [], None)]),
])
def test_meetings_go_on_and_are_named(text: str, spans: Spans, starts: tuple[int, ...],
                                      expected: list[tuple[str, list[str], list[str], str | None]]) -> None:
    assert meetings(text, spans, starts=starts, published=None) == expected


@pytest.mark.parametrize(("header", "day"), [("• 22\n• Octubre\n2025", "2025-10-20"),
                                            ("Saltillo | 22.10.2025", "2025-10-20")])
def test_a_header_date_written_apart_dates_a_meeting_without_a_year(header: str, day: str) -> None:
    text = f"{header}\nRocío Lemus se reunió con Paul Kessler del 20 al 22 de octubre ."
    words = text.split()
    found = meetings(text, [("person", "Rocío Lemus"), ("person", "Paul Kessler")],
                     starts=(0, words.index("Rocío") + header.count("\n") + 1), published=None)
    assert [m[3] for m in found] == [day]


@pytest.mark.parametrize(("text", "spans", "starts", "expected"), [
    # words between the verb and the encounter ("sostuvo este jueves en Austin un encuentro con")
    ("Rocío Lemus sostuvo este jueves en Austin un encuentro con Paul Kessler .",
     [("person", "Rocío Lemus"), ("place", "Austin"), ("person", "Paul Kessler")], (0,),
     [("Reunión de Rocío Lemus con Paul Kessler", ["Rocío Lemus", "Paul Kessler"], [], "2023-06-08")]),
    ("Rocío Lemus fue recibida más tarde por Paul Kessler .", [("person", "Rocío Lemus"), ("person", "Paul Kessler")],
     (0,), [("Reunión de Rocío Lemus con Paul Kessler", ["Rocío Lemus", "Paul Kessler"], [], None)]),
    # a relative clause saying a person took part: an attendee of the meeting told before
    ("Rocío Lemus se reunió con Paul Kessler . « Es buena señal » , dijo Ana Grau , quien participó en la "
     "reunión junto con otros .",
     [("person", "Rocío Lemus"), ("person", "Paul Kessler"), ("person", "Ana Grau")], (0, 8),
     [("Reunión de Rocío Lemus con Paul Kessler", ["Rocío Lemus", "Paul Kessler", "Ana Grau"], [], None)]),
    ("Rocío Lemus se reunió con Paul Kessler . Ana Grau , quien opinó sobre la reunión , calló .",
     [("person", "Rocío Lemus"), ("person", "Paul Kessler"), ("person", "Ana Grau")], (0, 8),
     [("Reunión de Rocío Lemus con Paul Kessler", ["Rocío Lemus", "Paul Kessler"], [], None)]),
])
def test_more_ways_to_tell_who_met(text: str, spans: Spans, starts: tuple[int, ...],
                                   expected: list[tuple[str, list[str], list[str], str | None]]) -> None:
    assert meetings(text, spans, starts=starts) == expected
