"""Meetings: the visits, delegation trips, dialogues and conferences a document reports.

Each event is found from the grammar of the genre, then given its date, place,
organizer and attendees:

- ``events.named``: a named event the text says happened ("During the AMSOC Fourth
  Binational Convention", "for “Mexico Day”", "the 13th U.S.-Mexico CEO Dialogue");
- ``events.report``: the sentence that reports the encounter ("… convened in Mexico City
  … in the largest-ever delegation trip", "visited Washington from Oct. 20 to 22"); a
  report of a series with several dates ("On December 5, 2024, and April 30, 2025, the
  Chamber hosted …") yields one event per date, and each paragraph's speakers go to the
  event its last date marker ("In April", "the December conference") points to.

A meeting only announced ("will hold", "plans for another mission") is kept with
``planned = True``, never as one that took place.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from extract.events.attendees import assign_people
from extract.events.model import (
    Event,
    announced,
    event_whens,
    latest_full_date,
    own_whens,
    relative_day,
    reported_year,
    sentence_of,
    story_year,
)
from extract.events.named import name_core, named_events, refers_back, series_name
from extract.events.naming import descriptive_name
from extract.events.parts import earlier_encounters, separate_encounters
from extract.events.places import header_place, held_at, held_online, opening_place, place_of_name
from extract.events.report import HOSTING, convenes, find_organizers, is_report, met_with
from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.text.dates import MONTH_NAMES, find_whens
from extract.text.document import doc_text, span_text
from extract.text.metadata import dateline

if TYPE_CHECKING:
    from extract.reading import Reading

__all__ = ["Event", "find_events"]


def find_events(reading: Reading, *, mentions: list[Mention]) -> list[Event]:
    """The meetings the document reports, with dates, place, organizer and attendees (``mentions`` are the
    resolved ones, in text order)."""
    doc, published, lex = reading.doc, reading.published, reading.lexicon
    clutter, headings = reading.clutter, reading.headings
    text = doc_text(doc)
    reference = published or latest_full_date(text)  # a story without a date: its latest dated day
    events: list[Event] = []
    named = named_events(doc, clutter, headings, lex)
    by_core: dict[str, Event] = {}
    for name, s, e, happened in sorted(named, key=lambda n: not n[3]):
        sent = sentence_of(doc, s)
        if sent is None:
            continue
        core = name_core(name)
        if core not in by_core and not happened:
            continue
        if core in by_core:
            by_core[core].aliases.add(name)
            by_core[core].location = by_core[core].location or place_of_name(doc, s, e, mentions)
            continue
        whens = own_whens(text, e, published, reference) or event_whens(sent.text, published, reference)
        follow = _next_sentence(doc, sent)
        if not whens and follow is not None and refers_back(follow):  # "The event was held on September 28"
            whens = event_whens(follow.text, published, reference)
        years = re.findall(r"\b((?:19|20)\d\d)\b", name)
        ev = Event(name, (sent.start_char, sent.end_char), "events.named",
                   start=whens[0].start if whens else (years[0] if years else None),
                   end=whens[0].end if whens else None,
                   location=place_of_name(doc, s, e, mentions) or held_at(sent, mentions),
                   planned=announced(sent))
        ev.paragraphs.append((sent.start_char, sent.end_char))
        by_core[core] = ev
        events.append(ev)
    for ev in events:  # "the 2023 CEO Dialogue" names the year of "the 13th U.S.-Mexico CEO Dialogue"
        for alias in sorted(ev.aliases):
            years = re.findall(r"\b((?:19|20)\d\d)\b", alias)
            if ev.start is None and years:
                ev.start = years[0]
        sent = sentence_of(doc, ev.sentence[0])
        if ev.start is None and sent is not None:
            ev.start = reported_year(sent, reference)

    line = dateline(text, mentions, published)
    opening = (line.place, line.end) if line is not None else opening_place(text, mentions)
    for ev in events:  # "WASHINGTON, D.C. - Business leaders met … at the 13th … Dialogue": there
        if ev.location is None and not ev.planned and opening is not None \
                and opening[0].start <= ev.sentence[0] < opening[1]:
            ev.location = opening[0]

    def lead(s: Span) -> bool:  # a sentence of the paragraph a dateline opens
        return line is not None and line.place.start <= s.start_char < line.end
    reports = [s for s in doc.sents if not any(a <= s.start_char < b for a, b in clutter + headings)
               and is_report(s, lex) and (find_whens(span_text(s), published) or held_at(s, mentions) is not None
                                           or any(ev.sentence == (s.start_char, s.end_char) for ev in events)
                                           or lead(s) and convenes(s, lex) or met_with(s, lex))]
    # an encounter that took place is reported before one that is only announced
    report = next((s for s in reports if not announced(s)), reports[0] if reports else None)
    main_event: Event | None = None
    if report is not None:
        whens = event_whens(report.text, published, reference)
        para_start = text.rfind("\n", 0, report.start_char) + 1
        para_end = text.find("\n", report.end_char) if "\n" in text[report.end_char:] else len(text)
        inside = [ev for ev in events if para_start <= text.find(ev.name, para_start) < para_end]
        inside.sort(key=lambda ev: text.find(ev.name, para_start))  # the first the paragraph names
        if not inside and not whens and held_at(report, mentions) is None:
            # an undated, unplaced report ("X spoke at a virtual meeting of …") is of the event the story names
            inside = [ev for ev in events if not ev.planned][:1]
        if not whens and _definite_encounter(report, lex):  # "… signed it on May 3. … During the ceremony, …"
            whens = next((found for s in _preceding(doc, report, 3)
                          if (found := event_whens(s.text, published, reference)) and len(found[0].start) == 10), [])
        organizers = find_organizers(report, mentions)
        place = held_at(report, mentions)
        if line is not None and lead(report) and not announced(report):
            whens = whens or [line.when]  # "Washington — November 4, 2025. The Center convened a panel …": that day
            place = place or line.place
        if place is None and line is not None and any(t.lemma_.lower() in HOSTING for t in report):
            place = line.place  # "Mexico City, 18 June — The Ministry received …"
        if place is None:  # "… held a meeting with Y. […] The private meeting took place in Z."
            place = next((held_at(s, mentions) for s in _following(doc, report, 8) if refers_back(s)), None)
        if inside:  # the report names its event: "visited Washington … for “Mexico Day”"
            ev = inside[0]
            ev.start = ev.start or (whens[0].start if whens else None)
            ev.end = ev.end or (whens[0].end if whens else None)
            ev.location = ev.location or place
            ev.virtual = ev.virtual or held_online(report, lex.report_nouns)
            ev.organizers = organizers
            main_event = ev
        elif len(whens) >= 2 and all(w.end is None and len(w.start) == 10 for w in whens) \
                and re.search(r"\b(conferences|meetings|sessions|dialogues|summits|forums|hearings|rounds)\b|"
                              r"\d{4},? and ", report.text):  # a series: one event per date
            series = series_name(text, report, organizers, lex)
            for w in whens:
                month = MONTH_NAMES[int(w.start[5:7]) - 1]
                ev = Event(f"{series} ({month} {w.start[:4]})", (report.start_char, report.end_char), "events.report",
                           start=w.start, end=w.end, location=place or header_place(doc, mentions, w),
                           organizers=organizers, planned=announced(report))
                ev.aliases.add(f"{month} conference")
                for other in [x for x in events if x.rule == "events.named" and month.lower() in x.name.lower()]:
                    ev.aliases |= {other.name, *other.aliases}
                    events.remove(other)
                events.append(ev)
        else:
            ev = Event(descriptive_name(report, organizers[0] if organizers else None, place, lex, mentions),
                       (report.start_char, report.end_char), "events.report",
                       start=whens[0].start if whens else None, end=whens[0].end if whens else None,
                       location=place, organizers=organizers, planned=announced(report))
            events.insert(0, ev)
            main_event = ev
    if report is not None:
        events.extend(separate_encounters(doc, report, main_event, events, mentions=mentions, published=reference,
                                          lex=lex, skip=clutter + headings))
    events.extend(earlier_encounters(doc, events, reference, lex, clutter + headings))
    if not events:
        return []
    if reference is None:  # "Today, X led the delegation …" in a story with no date: the story's year
        year = story_year(doc, clutter + headings)
        for ev in events:
            if ev.start is None and year and relative_day(text[ev.sentence[0]:ev.sentence[1]]):
                ev.start = year
    _date_next_days(text, events)
    for ev in events:
        own = sentence_of(doc, ev.sentence[0])
        ev.virtual = ev.location is None and (ev.virtual or own is not None and held_online(own, lex.report_nouns))
    assign_people(doc, mentions, events, clutter, lex)
    return events


_NEXT_DAY = re.compile(r"\b(?:the (?:next|following) day|a day later|the day after)\b", re.I)


def _date_next_days(text: str, events: list[Event]) -> None:
    """An undated encounter told as "The next day …" took place the day after the dated one told before it."""
    last_day: str | None = None
    for ev in sorted(events, key=lambda ev: ev.sentence[0]):
        if ev.start is None and last_day and _NEXT_DAY.search(text[ev.sentence[0]:ev.sentence[1]]):
            ev.start = (date.fromisoformat(last_day) + timedelta(days=1)).isoformat()
        if ev.start and len(ev.start) == 10:
            last_day = ev.end if ev.end and len(ev.end) == 10 else ev.start


def _definite_encounter(sent: Span, lex: Lexicon) -> bool:
    """The report speaks of an encounter already told: "During the ceremony", "At the meeting"."""
    return any(t.lower_ in lex.report_nouns and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                                                    for c in t.children) for t in sent)


def _preceding(doc: Doc, sent: Span, n: int) -> list[Span]:
    """The ``n`` sentences before ``sent``, nearest first."""
    out: list[Span] = []
    while len(out) < n and sent.start > 0:
        sent = doc[sent.start - 1].sent
        out.append(sent)
    return out


def _following(doc: Doc, sent: Span, n: int) -> list[Span]:
    """The ``n`` sentences after ``sent``."""
    out: list[Span] = []
    while len(out) < n and sent.end < len(doc):
        sent = doc[sent.end].sent
        out.append(sent)
    return out


def _next_sentence(doc: Doc, sent: Span) -> Span | None:
    return doc[sent.end].sent if sent.end < len(doc) else None

