"""What to call an encounter the text does not name: "USMCOC delegation to Washington", "Ruiz–Hale meeting",
"meeting with the Orbis Trade Council"."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.events.model import Event
from extract.events.words import encounter_words
from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.text.document import doc_text


def descriptive_name(sent: Span, organizer: Mention | None, place: Mention | None, lex: Lexicon,
                      mentions: list[Mention]) -> str:
    nouns = [t for t in sent if t.lower_ in lex.report_nouns]
    noun = nouns[-1] if nouns else None
    phrase = "meeting"
    if noun is not None:
        left = [t for t in noun.lefts if t.dep_ == "compound" and t.is_lower] if noun.is_lower else []
        phrase = " ".join([t.lower_ for t in left] + [noun.lower_])
        phrase = re.sub(r"s$", "", phrase) if phrase.endswith(("meetings", "dialogues", "talks")) else phrase
    if place is not None and sent.root.lemma_.lower() in encounter_words().travel_verbs:
        phrase = "visit"  # "I traveled to X to hold a series of meetings": the trip is the event
    if organizer is None and noun is not None:  # "a Senate Finance Committee hearing"
        before = doc_text(sent.doc)[:noun.idx].rstrip()
        organizer = next((m for m in mentions if m.kind == "org" and m.end == len(before)), None)
    who = (organizer.acronym or organizer.text) if organizer is not None else ""
    where = f" to {place.text}" if place is not None and phrase.endswith(("trip", "visit", "mission", "delegation")) \
        else (f" in {place.text}" if place is not None else "")
    return " ".join(x for x in (who, phrase) if x) + where


def _short_name(m: Mention, mentions: list[Mention]) -> str:
    """How the text calls a person for short: its shortest later form ("Herrera Lozano"), else the last word."""
    forms = [x.text for x in mentions if x.kind == "person" and m.text.endswith(" " + x.text)]
    return min(forms, key=len) if forms else m.text.split()[-1]


def name_by_people(doc: Doc, ev: Event, mentions: list[Mention]) -> None:
    """A bare descriptive name ("meeting") says who met: "Bustamante–Lamb meeting", "meeting with Canacero"."""
    if " " in ev.name:
        return
    surnames = list(dict.fromkeys(_short_name(m, mentions) for m in sorted(ev.attendees, key=lambda m: m.start)))
    if len(surnames) >= 2:
        ev.name = f"{surnames[0]}–{surnames[1]} {ev.name}"
        return
    text = doc_text(doc)
    with_ = re.search(r"\b" + re.escape(ev.name) + r"s?\s+with\b", text[ev.sentence[0]:ev.sentence[1]], re.I)
    met = [m for m in ev.org_attendees + ev.attendees if with_ and m.start > ev.sentence[0] + with_.end()]
    if met:
        first = min(met, key=lambda m: m.start)
        ev.name = f"{ev.name} with {first.acronym or first.text}"
    elif surnames:  # "I first met with Dr. X": the meeting with X
        ev.name = f"{ev.name} with {surnames[0]}"
