"""What a meeting is before it becomes triples, and the text helpers every step shares: whether a sentence
only announces an encounter, a sentence's dates less its dateline, the paragraphs of a text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extract.mentions import Mention
from extract.text.dates import When, find_dates, find_whens

FUTURE = re.compile(r"\b(will|plans? (?:to|for)|planned|is expected to|are expected to|upcoming|next)\b", re.I)
ORDINAL = r"(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Annual)"


def announced(sent: Span) -> bool:
    """An encounter still to come: "will meet", "plans to visit", "is expected to"; a sentence whose main verb
    is in the past ("met … to discuss the upcoming review") reports one that took place."""
    return sent.root.tag_ != "VBD" and bool(FUTURE.search(sent.text))


@dataclass
class Event:
    """A meeting of one document, before it becomes triples."""

    name: str
    sentence: tuple[int, int]  # the sentence that reports it (evidence)
    rule: str
    start: str | None = None
    end: str | None = None
    location: Mention | None = None
    organizers: list[Mention] = field(default_factory=list)
    attendees: list[Mention] = field(default_factory=list)
    org_attendees: list[Mention] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # text it covers, for its topics
    planned: bool = False
    aliases: set[str] = field(default_factory=set)
    virtual: bool = False  # held online: its place is schema:VirtualLocation
    parent: Event | None = None  # the visit this meeting was part of (schema:subEvent)
    separate: bool = False  # another encounter the document reports in a later paragraph of its own


_SAME_DAY = re.compile(r"\b(?:today|tonight|this morning|this afternoon)\b", re.I)


_EARLIER = re.compile(r"\b(?:since|took office|was elected|were elected|was founded|was appointed)\b", re.I)


def event_whens(text: str, published: str | None, reference: str | None = None) -> list[When]:
    """Dates of a sentence, less its dateline ("WASHINGTON — May 14, 2025 — …"), which dates the story; a
    ``reference`` day stands in for a missing publication date to place yearless dates."""
    whens = [w for w in find_whens(text, published or reference)  # not "since X took office in October"
             if not _EARLIER.search(text[max(0, w.char_start - 60):w.char_start].split(",")[-1])]
    if len(whens) > 1 and published and not _SAME_DAY.search(text):  # "held today": the day it was published
        whens = [w for w in whens if w.start != published] or whens
    return whens


def latest_full_date(text: str) -> str | None:
    """The latest day a text writes out in full ("January 29th, 2020"), by which a story without a publication
    date places its yearless dates ("in mid-January")."""
    days = sorted(f.iso for f in find_dates(text))
    return days[-1] if days else None


_RELATIVE_DAY = re.compile(r"\b(?:today|tonight|yesterday|this (?:week|month|morning|afternoon)|last night)\b", re.I)
_RECALLED_YEAR = re.compile(r"\b(?:since|founded|established|created|elected|appointed|last|previous)\b[^.;]{0,30}$",
                            re.I)


def story_year(doc: Doc, skip: list[tuple[int, int]]) -> str | None:
    """The year of a story that gives no date of its own: the latest year its past-tense sentences tell of, less
    the years of what it recalls ("since 2013", "first elected in 2015", "our last meeting in November 2016")."""
    years = []
    for sent in doc.sents:
        if sent.root.tag_ != "VBD" or any(a <= sent.start_char < b for a, b in skip):
            continue  # not the related stories around it
        for m in re.finditer(r"\b(?:19|20)\d\d\b", sent.text):
            if not _RECALLED_YEAR.search(sent.text[max(0, m.start() - 40):m.start()]):
                years.append(m.group(0))
    return max(years) if years else None


def relative_day(text: str) -> bool:
    """The sentence dates its encounter relative to the story ("today", "this week")."""
    return bool(_RELATIVE_DAY.search(text))


def own_whens(text: str, end: int, published: str | None, reference: str | None = None) -> list[When]:
    """The dates of the clause right after an event's name: "the X Dialogue held May 18 in Y" was on May 18,
    whatever day the sentence's main clause gives."""
    clause = re.match(r"[^.;\n]{0,40}?\b(?:held|hosted|convened|took place)\b[^.;\n]{0,40}", text[end:end + 90])
    return event_whens(clause.group(0), published, reference) if clause else []


def reported_year(sent: Span, published: str | None) -> str | None:
    """A past event the document reports without a date ("During the … Convention, X noted …")
    took place in the year of publication."""
    if published is None or announced(sent):
        return None
    return published[:4] if any(t.tag_ in {"VBD", "VBN"} for t in sent) else None


def sentence_of(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.sent if span is not None else None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines (or by line breaks, in text with no blank line, as HTML gives)."""
    out, start = [], 0
    for m in re.finditer(r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n", text):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out
