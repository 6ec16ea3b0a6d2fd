"""Meetings as Spanish reports them (issue 15, item 4): "se reunió con", "sostuvo un encuentro con",
"encabezaron la delegación", "visita de trabajo", "fue recibido por", "participaron en la reunión".

Each sentence of a Spanish document with one of the meeting verbs of ``data/spanish.yaml`` (all in the past:
"se reunirá" announces, it does not report) is a meeting of the people and bodies the sentence names. A
sentence that names no person before its verb ("La delegación sostuvo reuniones con …", "se dialogó con …")
goes on telling the meeting before it, or, told first, is about the person the story last named (Spanish
drops the subject); a document's visits ("visita de trabajo" in the lead and again in the body) are one, and a
meeting told later with a subject of its own ("El Subsecretario X también sostuvo un encuentro con Y") is another.
A sentence that opens by going on ("Entre ellos destacaron …", "Por parte del gobierno asistieron …":
``continuations``) adds its people to the meeting before it; an event the text names ("durante el Foro X")
names the meeting its sentence reports, or is one of its own (:mod:`extract.events.spanish_named`).
Its date is the sentence's "12 de octubre de 2014" or "del 12 al 14 de octubre" (the year, when left out,
the publication's), else "hoy" or "este martes" counted from the publication date (the document's, else the
first full date of its header: "Ciudad de México, 12 de mayo de 2026"); its place the first place the
sentence names (by its name: a capitalised place).
These rules read words and entities only, so they read the same with either pipeline; they run on Spanish
documents only (the English meeting rules read English verbs and tags).

>>> spanish_dates("del 12 al 14 de octubre de 2014", None)
('2014-10-12', '2014-10-14')
>>> spanish_dates("el 3 de marzo", "2022-05-02")
('2022-03-03', None)
>>> spanish_dates("se reunió este jueves", "2025-10-24")
('2025-10-23', None)
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Span

from extract.events.model import Event
from extract.events.spanish_named import spanish_named_events
from extract.mentions import Mention
from extract.reference.gazetteer import load_gazetteer
from extract.reference.spanish_words import spanish_words
from extract.text.clutter import in_spans
from extract.text.document import span_text

if TYPE_CHECKING:
    from extract.reading import Reading

RULE = "events.es_verb"
NAMED_RULE = "events.es_named"
MIN_PARTICIPANTS = 2
BROAD_PLACES = frozenset({"country", "region"})  # the gazetteer's kinds of place no meeting is held at, as such
CLAUSE_REACH = 160  # characters after a name where a clause saying it took part is read
HEADER = 400  # characters of a document's start that hold its header and dateline


def spanish_dates(text: str, published: str | None) -> tuple[str | None, str | None]:
    """The first day or range a Spanish sentence writes ("12 de octubre de 2014", "del 20 al 22 de octubre")."""
    months = spanish_words().months
    found = re.search(r"\b(\d{1,2})(?:\s+(?:al|y|a)\s+(\d{1,2}))?\s+de\s+(" + "|".join(months) +
                      r")(?:\s+(?:de|del)\s+((?:19|20)\d\d))?", text, re.I) if months else None
    if found is None:
        return _relative(text, published), None
    day, last, month, year = found.groups()
    year = year or (published[:4] if published else None)
    if year is None:
        return None, None
    prefix = f"{year}-{months.index(month.lower()) + 1:02d}-"
    return prefix + f"{int(day):02d}", (prefix + f"{int(last):02d}" if last else None)


def _relative(text: str, published: str | None) -> str | None:
    """The day "hoy" or "este martes" / "el pasado martes" means, counted from the publication date."""
    words = spanish_words()
    if published is None or len(published) != len("2000-01-01"):
        return None
    day = date.fromisoformat(published)
    lowered = text.lower()
    if any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words.today_words):
        return day.isoformat()
    named = re.search(r"\b(?:este|esta|el pasado|la pasada)\s+(" + "|".join(words.weekdays) + r")\b",
                      lowered) if words.weekdays else None
    if named is None:
        return None
    back = (day.weekday() - words.weekdays.index(named.group(1))) % 7
    return (day - timedelta(days=back)).isoformat()


def _published(reading: Reading) -> str | None:
    """The document's publication date, else the first full date ("12 de mayo de 2026") of its header."""
    if reading.published:
        return reading.published
    found = spanish_dates(reading.text[:HEADER], None)[0]  # None without a year
    return found or _loose_date(reading.text[:HEADER])


def _loose_date(header: str) -> str | None:
    """A header's date written apart over bullets and lines ("• 22\n• Octubre\n  2025", "22 Octubre, 2025") or
    in figures, day first ("14.05.2025")."""
    months = spanish_words().months
    found = re.search(r"\b(\d{1,2})[\W_]{1,12}?(" + "|".join(months) + r")\b[\W_]{1,12}?(?:del?\s+)?((?:19|20)\d\d)\b",
                      header, re.I) if months else None
    if found is None:  # "14.05.2025", "14/05/2025": day first, as Spanish writes it
        numeric = re.search(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b", header)
        if numeric is None or not (1 <= int(numeric.group(2)) <= 12 and 1 <= int(numeric.group(1)) <= 31):
            return None
        return f"{numeric.group(3)}-{int(numeric.group(2)):02d}-{int(numeric.group(1)):02d}"
    day, month, year = found.groups()
    return f"{year}-{months.index(month.lower()) + 1:02d}-{int(day):02d}"


def spanish_meetings(reading: Reading, *, mentions: list[Mention]) -> list[Event]:
    """The meetings a Spanish document reports, one per sentence with a meeting verb ([] for other languages)."""
    if reading.language != "es":
        return []
    words = spanish_words()
    events: list[Event] = []
    for sent in reading.doc.sents:
        if in_spans(sent.start_char, reading.clutter) or in_spans(sent.start_char, reading.headings):
            continue
        said = span_text(sent)
        verb = next((m for p in words.meeting_verbs if (m := p.search(said))), None)
        if verb is None and events and (going_on := _continuation(said)) is not None:
            _merge(events[-1], _meeting(reading, sent, going_on + sent.start_char, mentions, alone=True))
            continue
        if verb is None:
            continue
        at = verb.start() + sent.start_char
        own_subject = any(m.kind == "person" and sent.start_char <= m.start < at for m in mentions)
        if events and not own_subject:  # "La delegación sostuvo reuniones con …", "se dialogó con …": the same
            _merge(events[-1], _meeting(reading, sent, at, mentions, alone=True))
            continue
        event = _meeting(reading, sent, at, mentions)
        visit = next((e for e in events if _is_visit(e)), None)
        if event is not None and visit is not None and _is_visit(event):
            _merge(visit, event)  # the lead's "visita de trabajo" and the body's are one visit
        elif event is not None:
            events.append(event)
    return _with_clauses(reading, _named(reading, events, mentions), mentions)


def _with_clauses(reading: Reading, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """``events`` with each person a relative clause says took part ("X, quien participó en la reunión") among
    the attendees of the meeting told last before the name (else the first the document tells)."""
    clauses = spanish_words().attendance_clauses
    for m in (m for m in mentions if m.kind == "person") if events else ():
        if any(c.match(reading.text, m.end, m.end + CLAUSE_REACH) for c in clauses):
            before = [e for e in events if e.sentence[0] <= m.start]
            event = before[-1] if before else events[0]
            event.attendees = _unique(event.attendees + [m])
    return events


def _named(reading: Reading, events: list[Event], mentions: list[Mention]) -> list[Event]:
    """``events`` named by the events the text names ("durante el Foro Bilateral": the meeting its sentence
    reports is that forum, not a body met), and each named event no sentence's verb reported, a meeting of its own
    ("los avances del Diálogo Económico de Alto Nivel (DEAN)")."""
    out = list(events)
    for named in spanish_named_events(reading.text):
        if in_spans(named.start, reading.clutter) or in_spans(named.start, reading.headings):
            continue
        told = next((e for e in events if any(s <= named.start < end for s, end in e.paragraphs)), None)
        event = told or Event(named.name, _sentence_at(reading, named.start), NAMED_RULE)
        if told is None:
            sent_start, sent_end = event.sentence
            event.start, event.end = spanish_dates(reading.text[sent_start:sent_end], _published(reading))
            event.paragraphs.append(event.sentence)
            out.append(event)
        elif told.name != named.name and named.name not in told.aliases:
            told.aliases.add(told.name) if not told.name.startswith(("Reunión de ", "Visita")) else None
            told.name = named.name
        if named.acronym:
            event.aliases.add(named.acronym)
        event.org_attendees = [m for m in event.org_attendees if not (named.start <= m.start < named.end)]
        if event.location is not None and named.start <= event.location.start < named.end:
            event.location = next((m for m in mentions if m.kind == "place" and m.start >= named.end
                                   and m.end <= event.sentence[1] and m.text[:1].isupper()), None)
    return out


def _sentence_at(reading: Reading, char: int) -> tuple[int, int]:
    """The sentence holding character ``char``."""
    return next(((s.start_char, s.end_char) for s in reading.doc.sents if s.start_char <= char < s.end_char),
                (char, char))


def _continuation(text: str) -> int | None:
    """Where the opening that goes on telling the meeting before ends ("Entre ellos destacaron", "Por parte del
    gobierno asistieron"; after a connective such as "Asimismo,"), or ``None``."""
    words = spanish_words()
    opener = re.match(r"(?:(\w+(?: \w+)?),\s+)?", text)
    rest = text[opener.end():] if opener and opener.group(1) and opener.group(1).lower() in words.openers else text
    found = next((m for p in words.continuations if (m := p.match(rest))), None)
    return None if found is None else len(text) - len(rest) + found.end()


def _is_visit(event: Event) -> bool:
    return event.name.lower().startswith(tuple(spanish_words().visit_words))


def _merge(into: Event, other: Event | None) -> None:
    """``other`` told as part of ``into``: its participants, paragraphs, date and place join it; a name made
    without a person takes the first person's."""
    if other is None:
        return
    into.attendees = _unique(into.attendees + other.attendees)
    into.org_attendees = _unique(into.org_attendees + other.org_attendees)
    into.paragraphs.extend(other.paragraphs)
    into.start, into.end = (into.start, into.end) if into.start else (other.start, other.end)
    into.location = _venue([m for m in (into.location, other.location) if m is not None])
    if into.attendees and not any(p.text in into.name for p in into.attendees):
        into.name = _name(into.name, into.attendees, into.org_attendees)


def _meeting(reading: Reading, sent: Span, verb: int, mentions: list[Mention], *,
             alone: bool = False) -> Event | None:
    """The meeting one sentence reports (its verb at character ``verb``), or ``None`` with too few taking part
    (``alone``: the sentence continues an earlier meeting, so any one participant will do)."""
    inside = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char]
    people = [m for m in inside if m.kind == "person"]
    if not alone and not any(m.start < verb for m in people):  # "Asimismo, sostuvo encuentros con …"
        earlier = [m for m in mentions if m.kind == "person" and m.end <= sent.start_char]
        people = earlier[-1:] + people  # Spanish drops the subject: the person the story last named
    orgs = [m for m in inside if m.kind == "org" and m.start > verb]
    if len(people) + len(orgs) < (1 if alone else MIN_PARTICIPANTS):
        return None
    start, end = spanish_dates(sent.text, _published(reading))
    # a place named, not described: "las oficinas de la Secretaría" tagged a place is no venue's name
    place = _venue([m for m in inside if m.kind == "place" and m.text[:1].isupper()])
    event = Event(_name(sent.text, people, orgs), (sent.start_char, sent.end_char), RULE, start=start, end=end,
                  location=place, attendees=_unique(people), org_attendees=_unique(orgs))
    event.paragraphs.append((sent.start_char, sent.end_char))
    return event


def _venue(places: list[Mention]) -> Mention | None:
    """The first of ``places`` where a meeting can be held: a city, state, crossing or venue before a country or a
    region ("el Departamento de Comercio de Estados Unidos … en la Ciudad de México": Mexico City)."""
    gazetteer = load_gazetteer()
    broad = [m for m in places if (p := gazetteer.lookup(m.text)) is not None and p.kind in BROAD_PLACES]
    return next((m for m in places if m not in broad), places[0] if places else None)


def _name(text: str, people: list[Mention], orgs: list[Mention]) -> str:
    """"Visita de trabajo de A" for a visit, else "Reunión de A con B"."""
    first = people[0].text if people else orgs[0].text
    visit = next((w for w in spanish_words().visit_words if w in text.lower()), None)
    if visit:
        return f"{visit[:1].upper()}{visit[1:]} de {first}"
    others = [m.text for m in people[1:] + orgs if m.text != first]
    return f"Reunión de {first} con {others[0]}" if others else f"Reunión de {first}"


def _unique(found: list[Mention]) -> list[Mention]:
    """Mentions less repeats of one name, in text order."""
    first: dict[str, Mention] = {}
    for m in found:
        first.setdefault(m.text, m)
    return list(first.values())


__all__ = ["spanish_meetings", "spanish_dates", "RULE"]
