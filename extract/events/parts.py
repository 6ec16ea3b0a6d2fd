"""Encounters a document reports apart from its main one, each with the paragraph that tells it.

A visit made of separate meetings ("I traveled to Mexico City …" then "I first met with X …", "Y joined me for a
meeting with Z …", "While in Mexico City, X also met with Y …") yields each meeting as a part of the visit
(``parent``, written as ``schema:subEvent``); an encounter told in a later paragraph with its own date or place
("Earlier this week, the Economy Secretary met with …") yields an event of its own.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.events.model import Event, announced, event_whens
from extract.events.naming import descriptive_name
from extract.events.participation import root_dep
from extract.events.places import held_at
from extract.events.report import find_organizers
from extract.events.words import encounter_words
from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.text.dates import When
from extract.text.document import doc_text, token_lowers


def is_visit(ev: Event, doc: Doc, lex: Lexicon) -> bool:
    """A trip somewhere, which the meetings held on it are parts of: its name ("delegation trip to X") or its
    report's verb ("traveled to", "visited", "concluded a working visit") says so."""
    if ev.rule != "events.report":
        return False  # a named conference is not a trip, though a delegation attended it
    if any(w in ev.name.lower().split() for w in encounter_words().visit_nouns):
        return True
    span = doc.char_span(ev.sentence[0], ev.sentence[1], alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in encounter_words().travel_verbs
                                    or t.lower_ in encounter_words().visit_nouns for t in span)


def separate_encounters(doc: Doc, main: Span, main_event: Event | None, events: list[Event], *,
                        mentions: list[Mention], published: str | None, lex: Lexicon,
                        skip: list[tuple[int, int]]) -> list[Event]:
    """Encounters told after the main report, one per paragraph: a part of the main event when that is a visit,
    else an event of its own when its sentence gives a date or place not already known, or says it was another
    ("also met with")."""
    text = doc_text(doc)
    covered = {text.rfind("\n", 0, ev.sentence[0]) + 1 for ev in events} | {text.rfind("\n", 0, main.start_char) + 1}
    known = {(ev.start, ev.location.text if ev.location else None) for ev in events}
    visit = main_event if main_event is not None and is_visit(main_event, doc, lex) else None
    out: list[Event] = []
    for sent in doc.sents:
        para = text.rfind("\n", 0, sent.start_char) + 1
        if sent.start_char <= main.start_char or para in covered or any(a <= sent.start_char < b for a, b in skip) \
                or announced(sent):
            continue
        trip = travelled_to(sent, mentions)
        if trip is None and not encounter_of_people(sent, mentions, lex):
            continue
        whens = event_whens(sent.text, published)
        place = held_at(sent, mentions, strict=True)  # an encounter of its own must say where plainly
        when = whens[0] if whens else None
        own = (when is not None or place is not None) \
            and (when.start if when else None, place.text if place else None) not in known
        if trip is not None:  # "In May, I traveled to X to hold meetings …": a visit, whose meetings follow
            when = whens[0] if whens else None
            visit = Event(f"visit to {trip.text}", (sent.start_char, sent.end_char), "events.report",
                          start=when.start if when else None, end=when.end if when else None, location=trip,
                          organizers=find_organizers(sent, mentions), separate=True)
            out.append(visit)
            covered.add(para)
            continue
        another = _another(sent, lex)
        if not (own or visit is not None or another):
            continue
        if visit is None:  # accepted for its date or for "also": where it says, less plainly ("in X yesterday")
            place = place or held_at(sent, mentions)
        if when is None and another and visit is None and main_event is not None and main_event.start:
            when = When(main_event.start, None, sent.start_char, sent.start_char)  # "X also met Y": same occasion
        organizers = find_organizers(sent, mentions)
        parent = visit if visit is not None and not (when and visit.start and when.start[:7] != visit.start[:7]) \
            else None
        if parent is not None:  # a meeting of the visit took place when and where the visit did, unless it says
            place = place or parent.location
        # named by who met ("Ruiz–Hale meeting") once its attendees are known, not by its place
        name = descriptive_name(sent, organizers[0] if organizers else None, None, lex, mentions)
        out.append(Event(name,
                         (sent.start_char, sent.end_char), "events.report",
                         start=when.start if when else (parent.start if parent else None),
                         end=when.end if when else None, location=place, organizers=organizers, separate=True,
                         parent=parent))
        covered.add(para)
    return out


def travelled_to(sent: Span, mentions: list[Mention]) -> Mention | None:
    """The place a past sentence says someone travelled to ("I traveled to Mexico City to conduct meetings")."""
    if sent.root.tag_ != "VBD" or sent.root.lemma_.lower() not in encounter_words().travel_verbs:
        return None
    for m in mentions:
        span = sent.doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind == "place" else None
        if span is not None and sent.start <= span.root.i < sent.end and span.root.dep_ == "pobj" \
                and span.root.head.lower_ in {"to", "in"} and span.root.head.head == sent.root:
            return m
    return None


def encounter_of_people(sent: Span, mentions: list[Mention], lex: Lexicon) -> bool:
    """A past sentence where people meet: a person is the subject or object of a meeting verb ("X met with Y",
    "X also met with Y"), or an encounter is held or joined ("held meetings with", "joined me for a meeting")."""
    if sent.root.tag_ not in {"VBD", "VBN"} or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in sent.root.children):
        return False  # a clause that tells what happened, not a headline or a caption
    if meets(sent, mentions, lex):
        return True
    holding = encounter_words().holding_verbs | {"join", "attend"}
    return any(t.lower_ in lex.report_nouns and (t.dep_ == "dobj" and t.head.lemma_.lower() in holding
                                                or t.dep_ == "pobj" and t.head.lower_ == "for"
                                                and t.head.head.lemma_.lower() in holding
                                                or _at_encounter(t, sent))
               for t in sent)


def _at_encounter(noun: Token, sent: Span) -> bool:
    """ "In a speech to business leaders yesterday, X stressed …", "At a luncheon on Friday, X said …": the
    encounter frames the main clause, whose subject is there."""
    return noun.dep_ == "pobj" and noun.head.lower_ in {"in", "at", "during"} and noun.head.head == sent.root \
        and not any(c.lower_ in {"news", "press"} for c in noun.children) \
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in sent.root.children)


def meets(sent: Span, mentions: list[Mention], lex: Lexicon) -> bool:
    """Whether a person in the sentence is the subject or object of a meeting verb ("X met with Y")."""
    for m in mentions:
        if m.kind != "person" or not sent.start_char <= m.start < sent.end_char:
            continue
        span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
        tok = root_dep(span.root) if span is not None else None
        if tok is None:
            continue
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and verb.lemma_.lower() in lex.report_verbs:
            return True
    return any(t.lemma_ == "meet" and t.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in t.children) for t in sent)


def _another(sent: Span, lex: Lexicon) -> bool:
    """The sentence says the encounter was another one: "also met with", "then met", "first met"."""
    return any(t.lemma_.lower() in lex.report_verbs | encounter_words().holding_verbs
               and any(c.dep_ == "advmod" and c.lower_ in encounter_words().sequence_adverbs for c in t.children)
               for t in sent)


def earlier_encounters(doc: Doc, events: list[Event], reference: str | None, lex: Lexicon,
                       skip: list[tuple[int, int]]) -> list[Event]:
    """Earlier sessions a story recalls with their date: "since our last meeting in November 2016", "for the first
    time since its virtual summit in 2020". They took place; who attended them the story does not say."""
    out: list[Event] = []
    known = {ev.start for ev in events}
    for i in (i for i, word in enumerate(token_lowers(doc)) if word in lex.report_nouns):
        t = doc[i]
        if any(a <= t.idx < b for a, b in skip):
            continue
        mods = [c for c in t.children if c.dep_ in {"amod", "poss"}]
        earlier = any(c.lower_ in encounter_words().earlier_words for c in mods) or t.head.lower_ == "since"
        date = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        if not earlier or date is None or t.sent.root.tag_ not in {"VBD", "VBN", "VBZ", "VBP"}:
            continue
        phrase = doc_text(doc)[date.idx:date.right_edge.idx + len(date.right_edge)]
        year = re.search(r"\b(?:19|20)\d\d\b", phrase)
        start = next((w.start for w in event_whens(phrase, None, reference)), year.group(0) if year else None)
        if start is None or start in known:
            continue
        words = [c.lower_ for c in mods if c.dep_ == "amod" and c.lower_ not in encounter_words().earlier_words]
        name = " ".join(["previous"] + words + [t.lower_]) if t.head.lower_ != "since" or not words \
            else " ".join(words + [t.lower_])
        ev = Event(name, (t.sent.start_char, t.sent.end_char), "events.earlier", start=start)
        ev.virtual = any(c.lower_ in encounter_words().virtual_words for c in mods)
        out.append(ev)
        known.add(ev.start)
    return out
