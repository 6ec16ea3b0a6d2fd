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
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from extract.document import doc_text
from extract.dates import MONTH_NAMES, MONTHS, When, find_whens
from extract.lexicon import Lexicon
from extract.mentions import Mention
from extract.metadata import dateline, is_dateline_agency

_FUTURE = re.compile(r"\b(will|plans? (?:to|for)|planned|is expected to|are expected to|upcoming|next)\b", re.I)
_ORDINAL = r"(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Annual)"


@lru_cache(maxsize=4)
def _named_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    """Capitalised words (ordinals and years allowed) ending in an event noun: "13th U.S.-Mexico CEO Dialogue"."""
    return re.compile(r"(?P<name>(?:(?:" + _ORDINAL + r"|(?:19|20)\d\d|[A-Z][\w.&'’-]*)\s+){0,7}"
                      r"(?:" + "|".join(map(re.escape, heads)) + r"))\b")
_HAPPENED = re.compile(r"\b(during|at|for|since|after|before|from|in|held|took place|hosted|attended|convened|"
                       r"organized|opened|concluded|inaugurated)\s+(?:the\s+)?(?:" + _ORDINAL + r"\s+)?[“\"]?$",
                       re.I)
def _announced(sent: Span) -> bool:
    """An encounter still to come: "will meet", "plans to visit", "is expected to"; a sentence whose main verb
    is in the past ("met … to discuss the upcoming review") reports one that took place."""
    return sent.root.tag_ != "VBD" and bool(_FUTURE.search(sent.text))


_HAPPENED_AFTER = re.compile(r"\s+(?:\([^()\n]{1,20}\)\s+)?(?:took place|was held|were held|opened|concluded|"
                            r"convened|gathered|brought together)\b", re.I)
_MONTH_WORD = re.compile(r"\b(" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b", re.I)


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
    separate: bool = False  # another encounter the document reports in a later paragraph of its own


def _core(name: str) -> str:
    """A named event without ordinals, years and qualifiers: "13th U.S.-Mexico CEO Dialogue" -> "ceo dialogue"."""
    words = [w for w in re.split(r"\s+", name) if not re.fullmatch(_ORDINAL + r"|(?:19|20)\d\d", w)]
    return " ".join(words[-2:]).lower()


def _named_events(doc: Doc, clutter: list[tuple[int, int]], headings: list[tuple[int, int]], lex: Lexicon
                  ) -> list[tuple[str, int, int, bool]]:
    """Named events in text order, each with whether the words before it say it took place."""
    out = []
    for m in _named_pattern(lex.event_name_heads).finditer(doc_text(doc)):
        name = m.group("name").strip()
        if any(s <= m.start() < e for s, e in clutter + headings):
            continue
        words = name.split()
        while words and words[0].lower() in {"the", "a", "an", "our", "during", "at", "in", "for"}:
            words = words[1:]
        if len(words) < 2 or words[0][0].islower():
            continue
        name = " ".join(words)
        owner = re.search(r"[’']s\s+", name)
        if owner:  # "the U.S. Chamber's 2023 CEO Dialogue" is the Dialogue
            name = name[owner.end():]
        if len(name.split()) < 2:
            continue
        start = m.end() - len(name)
        happened = _HAPPENED.search(doc_text(doc)[max(0, start - 25):start]) or \
            _HAPPENED_AFTER.match(doc_text(doc), m.end())  # "The third X Forum took place in …"
        out.append((name, start, m.end(), bool(happened)))
    return out


def _event_whens(text: str, published: str | None) -> list[When]:
    """Dates of a sentence, less its dateline ("WASHINGTON — May 14, 2025 — …"), which dates the story."""
    whens = find_whens(text, published)
    if len(whens) > 1 and published:
        whens = [w for w in whens if w.start != published] or whens
    return whens


def _reported_year(sent: Span, published: str | None) -> str | None:
    """A past event the document reports without a date ("During the … Convention, X noted …")
    took place in the year of publication."""
    if published is None or _announced(sent):
        return None
    return published[:4] if any(t.tag_ in {"VBD", "VBN"} for t in sent) else None


def _sentence_of(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.sent if span is not None else None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines (or by line breaks, in text with no blank line, as HTML gives)."""
    out, start = [], 0
    for m in re.finditer(r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n", text):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _is_report(sent: Span, lex: Lexicon) -> bool:
    """A sentence of the body (not a headline) that reports an encounter: a meeting noun ("delegation",
    "meetings") or verb ("visited")."""
    if not sent.text.rstrip().endswith((".", "!", "?", "”", '"', "’")):
        return False
    lemmas = {t.lemma_.lower() for t in sent}
    return bool({t.lower_ for t in sent} & lex.report_nouns) or bool(lemmas & lex.report_verbs)


def _root_dep(tok: Token) -> Token:
    """Climb conjunctions and appositions to the token whose role in the clause matters; a name in
    apposition to a title's portfolio ("the undersecretary of Foreign Trade, X") is the title's."""
    named = False
    while True:
        if tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i and tok.head.pos_ in {"PROPN", "NOUN"}:
            named, tok = named or tok.dep_ == "appos", tok.head
        elif named and tok.dep_ == "pobj" and tok.head.lower_ in {"of", "for"} and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
        else:
            return tok


def _takes_part(verb: Token, lex: Lexicon) -> bool:
    """A participation verb ("attended", "met", "headed"), or "took part"."""
    lemma = verb.lemma_.lower()
    return lemma in lex.participation_verbs or lemma == "take" and any(c.lower_ == "part" for c in verb.children)


def _attends(doc: Doc, m: Mention, conference: bool, lex: Lexicon) -> bool:
    """Whether a person mention takes part in the encounter its sentence reports."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = _root_dep(span.root)
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.tag_ == "POS" or tok.dep_ == "compound":
        return False  # "President Obama's tenure", "the Biden administration"
    participate = lex.participation_verbs
    if any(c.dep_ == "relcl" and _takes_part(c, lex) for c in span.root.children):
        return True  # "X, who led the Mexican delegation, said …"
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in participate:
        return True  # "… included Roberto Velasco, …, and Ernesto Acevedo"
    sent_text = tok.sent.text.lower()
    head = tok.head
    while head.dep_ in {"aux", "auxpass"} and head.head.i != head.i:  # "Also participating were X"
        head = head.head
    if tok.dep_ in {"nsubj", "nsubjpass"} and (lex.is_speech(head.text) or _takes_part(head, lex)):
        return conference or _takes_part(head, lex) and "interview" not in sent_text
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return conference  # "According to X, …" at a conference
    if tok.dep_ == "pobj" and head.lower_ in {"by", "with", "from", "between", "including", "and"}:
        governor = head.head
        words = {governor.lemma_.lower(), governor.lower_, governor.lower_.removesuffix("d"),
                 governor.lower_.removesuffix("ed")}  # "Moderated by X" at the start of a line, tagged a noun
        return bool(words & (participate | lex.participation_nouns)) or conference and "follow" in words
    if tok.dep_ in {"dobj", "attr", "nsubj"} and (head.lemma_.lower() in participate
                                                  or head.lemma_ == "be" and any(t.lemma_.lower() in participate
                                                                                for t in head.children)):
        return "interview" not in sent_text
    return False


def _listed_with(doc: Doc, people: list[Mention], took_part: list[Mention]) -> list[Mention]:
    """Others named in the same list as a participant ("including Vice President X and Senior Vice President Y")."""
    out = []
    for m in people:
        if m in took_part:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ in {"nsubj", "nsubjpass", "compound", "poss"}:
            continue
        sent = span.sent
        mates = [p for p in took_part if sent.start_char <= p.start < sent.end_char]
        between = doc_text(doc)[min([p.end for p in mates] or [m.start]):m.start]
        if mates and len(between) < 120 and re.search(r"(^|[,\s])and\s", between) and ";" not in between:
            out.append(m)
    return out


def _in_participant_list(text: str, m: Mention, lex: Lexicon) -> bool:
    """A name opening an item of a list introduced as participants ("Speakers included:" then "- X, Title")."""
    line_start = text.rfind("\n", 0, m.start) + 1
    item = text[line_start:m.start]
    bullet = re.match(r"\s*[-•*·]\s*", item)
    if bullet is None or not re.fullmatch(r"(?:(?:[A-Z][\w.’'-]*|former|ex-|then-|of|for|the|and)\s+)*",
                                          item[bullet.end():]):
        return False  # the name must open the item, perhaps after its title ("- Former Ambassador X")
    before = text[:line_start].rstrip()
    intro_start = before.rfind("\n", 0, len(before))
    while intro_start >= 0 and re.match(r"\s*[-•*·]", before[intro_start + 1:]):  # earlier items of the list
        before = before[:intro_start].rstrip()
        intro_start = before.rfind("\n")
    intro = before[intro_start + 1:]
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", intro)}
    return intro.endswith(":") and bool(words & (lex.conference_words | lex.participation_verbs
                                                 | {"included", "participants", "attendees", "panelists", "speakers"}))


def _organizers(sent: Span, mentions: list[Mention]) -> list[Mention]:
    text = sent.text
    orgs = [m for m in mentions if m.kind == "org" and sent.start_char <= m.start < sent.end_char]
    out = []
    for m in orgs:
        before = doc_text(sent.doc)[max(sent.start_char, m.start - 30):m.start].lower()
        after = doc_text(sent.doc)[m.end:min(sent.end_char, m.end + 12)].lower()
        if re.search(r"(organized|hosted|convened|sponsored) by (the )?\S*$", before) \
                or re.match(r"\s*(?:will\s+)?(host|hosts|hosted|convened|organized)\b", after):  # "X convened"
            child = next((o for o in orgs if re.fullmatch(r"\s*[’']s\s*", doc_text(sent.doc)[m.end:o.start])), None)
            out.append(child or m)  # "organized by the U.S. Chamber's U.S.-Mexico Economic Council"
    if not out and orgs and re.search(r"\bhosted\b", text) and orgs[0].start < sent.start_char + text.find("hosted"):
        out.append(orgs[0])
    return out


def _place(sent: Span, mentions: list[Mention]) -> Mention | None:
    """Where the sentence says it happened: right after "convened in", "visited", "held in" if it can,
    else the first place after "in"/"to"/"at"."""
    places = [m for m in mentions if m.kind == "place" and sent.start_char <= m.start < sent.end_char]
    fallback = None
    for m in places:
        before = doc_text(sent.doc)[max(sent.start_char, m.start - 20):m.start].lower()
        if re.search(r"\b(convened|met|gathered|held|hosted|took place|visited|arrived)\s+(in|at)?\s*(the\s+)?$", before):
            return m
        if fallback is None and re.search(r"\b(in|to|visited|at)\s+(the\s+)?$", before) and _stands_alone(sent.doc, m):
            fallback = m
    return fallback


def _stands_alone(doc: Doc, m: Mention) -> bool:
    """A place that names where, not a place that qualifies a noun ("delays at the Laredo crossing")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ != "compound" and not (
        span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].is_lower)


def _descriptive_name(sent: Span, organizer: Mention | None, place: Mention | None, lex: Lexicon,
                      mentions: list[Mention]) -> str:
    nouns = [t for t in sent if t.lower_ in lex.report_nouns]
    noun = nouns[-1] if nouns else None
    phrase = "meeting"
    if noun is not None:
        left = [t for t in noun.lefts if t.dep_ == "compound" and t.is_lower] if noun.is_lower else []
        phrase = " ".join([t.lower_ for t in left] + [noun.lower_])
        phrase = re.sub(r"s$", "", phrase) if phrase.endswith(("meetings", "dialogues", "talks")) else phrase
    if organizer is None and noun is not None:  # "a Senate Finance Committee hearing"
        before = doc_text(sent.doc)[:noun.idx].rstrip()
        organizer = next((m for m in mentions if m.kind == "org" and m.end == len(before)), None)
    who = (organizer.acronym or organizer.text) if organizer is not None else ""
    where = f" to {place.text}" if place is not None and phrase.endswith(("trip", "visit", "mission", "delegation")) \
        else (f" in {place.text}" if place is not None else "")
    return " ".join(x for x in (who, phrase) if x) + where


def find_events(doc: Doc, mentions: list[Mention], published: str | None, lex: Lexicon,
                clutter: list[tuple[int, int]], headings: list[tuple[int, int]]) -> list[Event]:
    """The meetings ``doc`` reports, with dates, place, organizer and attendees."""
    text = doc_text(doc)
    events: list[Event] = []
    named = _named_events(doc, clutter, headings, lex)
    by_core: dict[str, Event] = {}
    for name, s, e, happened in sorted(named, key=lambda n: not n[3]):
        sent = _sentence_of(doc, s)
        if sent is None:
            continue
        core = _core(name)
        if core not in by_core and not happened:
            continue
        if core in by_core:
            by_core[core].aliases.add(name)
            continue
        whens = _event_whens(sent.text, published)
        years = re.findall(r"\b((?:19|20)\d\d)\b", name)
        ev = Event(name, (sent.start_char, sent.end_char), "events.named",
                   start=whens[0].start if whens else (years[0] if years else None),
                   end=whens[0].end if whens else None, location=_place(sent, mentions),
                   planned=_announced(sent))
        ev.paragraphs.append((sent.start_char, sent.end_char))
        by_core[core] = ev
        events.append(ev)
    for ev in events:  # "the 2023 CEO Dialogue" names the year of "the 13th U.S.-Mexico CEO Dialogue"
        for alias in sorted(ev.aliases):
            years = re.findall(r"\b((?:19|20)\d\d)\b", alias)
            if ev.start is None and years:
                ev.start = years[0]
        sent = _sentence_of(doc, ev.sentence[0])
        if ev.start is None and sent is not None:
            ev.start = _reported_year(sent, published)

    line = dateline(text, mentions, published)

    def lead(s: Span) -> bool:  # a sentence of the paragraph a dateline opens
        return line is not None and line.place.start <= s.start_char < line.end
    reports = [s for s in doc.sents if not any(a <= s.start_char < b for a, b in clutter + headings)
               and _is_report(s, lex) and (find_whens(s.text, published) or _place(s, mentions) is not None
                                           or any(ev.sentence == (s.start_char, s.end_char) for ev in events)
                                           or lead(s) and _convenes(s, lex) or _met_with(s, lex))]
    # an encounter that took place is reported before one that is only announced
    report = next((s for s in reports if not _announced(s)), reports[0] if reports else None)
    if report is not None:
        whens = _event_whens(report.text, published)
        para_start = text.rfind("\n", 0, report.start_char) + 1
        para_end = text.find("\n", report.end_char) if "\n" in text[report.end_char:] else len(text)
        inside = [ev for ev in events if para_start <= text.find(ev.name, para_start) < para_end]
        organizers = _organizers(report, mentions)
        place = _place(report, mentions)
        if line is not None and lead(report) and not _announced(report):
            whens = whens or [line.when]  # "Washington — November 4, 2025. The Center convened a panel …": that day
            place = place or line.place
        if place is None and line is not None and any(t.lemma_.lower() in _HOSTING for t in report):
            place = line.place  # "Mexico City, 18 June — The Ministry received …"
        if inside:  # the report names its event: "visited Washington … for “Mexico Day”"
            ev = inside[0]
            ev.start = ev.start or (whens[0].start if whens else None)
            ev.end = ev.end or (whens[0].end if whens else None)
            ev.location = ev.location or place
            ev.organizers = organizers
        elif len(whens) >= 2 and all(w.end is None and len(w.start) == 10 for w in whens) \
                and re.search(r"\b(conferences|meetings|sessions|dialogues|summits|forums|hearings|rounds)\b|"
                              r"\d{4},? and ", report.text):  # a series: one event per date
            series = _series_name(text, report, organizers, lex)
            for w in whens:
                month = MONTH_NAMES[int(w.start[5:7]) - 1]
                ev = Event(f"{series} ({month} {w.start[:4]})", (report.start_char, report.end_char), "events.report",
                           start=w.start, end=w.end, location=place or _header_place(doc, mentions, w),
                           organizers=organizers, planned=_announced(report))
                ev.aliases.add(f"{month} conference")
                for other in [x for x in events if x.rule == "events.named" and month.lower() in x.name.lower()]:
                    ev.aliases |= {other.name, *other.aliases}
                    events.remove(other)
                events.append(ev)
        else:
            ev = Event(_descriptive_name(report, organizers[0] if organizers else None, place, lex, mentions),
                       (report.start_char, report.end_char), "events.report",
                       start=whens[0].start if whens else None, end=whens[0].end if whens else None,
                       location=place, organizers=organizers, planned=_announced(report))
            events.insert(0, ev)
    if report is not None:
        events.extend(_separate_encounters(doc, reports, report, events, mentions, published, lex))
    if not events:
        return []
    _assign_people(doc, mentions, events, clutter, lex)
    return events


def _meets(sent: Span, mentions: list[Mention], lex: Lexicon) -> bool:
    """Whether a person in the sentence is the subject or object of a meeting verb ("X met with Y")."""
    for m in mentions:
        if m.kind != "person" or not sent.start_char <= m.start < sent.end_char:
            continue
        span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
        tok = _root_dep(span.root) if span is not None else None
        if tok is None:
            continue
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and verb.lemma_.lower() in lex.report_verbs:
            return True
    return False


def _separate_encounters(doc: Doc, reports: list[Span], main: Span, events: list[Event], mentions: list[Mention],
                         published: str | None, lex: Lexicon) -> list[Event]:
    """Encounters reported in later paragraphs of their own, apart from the document's main one: "Earlier this
    week, the Economy Secretary met with the Trade Representative …" after a report on a dialogue. Each is a
    sentence in a paragraph no event covers, where a person meets someone, with its own date or place."""
    text = doc_text(doc)
    covered = {text.rfind("\n", 0, ev.sentence[0]) + 1 for ev in events} | {text.rfind("\n", 0, main.start_char) + 1}
    known = {(ev.start, ev.location.text if ev.location else None) for ev in events}
    out: list[Event] = []
    for sent in reports:
        para = text.rfind("\n", 0, sent.start_char) + 1
        if sent.start_char <= main.start_char or para in covered or _announced(sent) \
                or not _meets(sent, mentions, lex):
            continue
        whens = _event_whens(sent.text, published)
        place = _place(sent, mentions)
        when = whens[0] if whens else None
        if (when is None and place is None) or (when.start if when else None, place.text if place else None) in known:
            continue
        organizers = _organizers(sent, mentions)
        out.append(Event(_descriptive_name(sent, organizers[0] if organizers else None, place, lex, mentions),
                         (sent.start_char, sent.end_char), "events.report",
                         start=when.start if when else None, end=when.end if when else None, location=place,
                         organizers=organizers, separate=True))
        covered.add(para)
    return out


_HOSTING = {"receive", "host", "welcome"}


def _met_with(sent: Span, lex: Lexicon) -> bool:
    """A past encounter with someone, undated and unplaced: "X spoke after a meeting with Y", "held talks
    with Y" (not "said talks with Y would resume")."""
    def encounter(t: Token) -> bool:
        if t.lower_ not in lex.report_nouns or t.i + 1 >= len(sent.doc) or sent.doc[t.i + 1].lower_ != "with":
            return False
        return t.head.lower_ in {"after", "during", "following"} or \
            t.dep_ == "dobj" and t.head.lemma_.lower() in {"hold", "have"} and t.head.tag_ == "VBD"
    return sent.root.tag_ == "VBD" and any(encounter(t) for t in sent)


def _convenes(sent: Span, lex: Lexicon) -> bool:
    """A sentence whose main verb reports an encounter in the past ("convened a panel", "hosted")."""
    root = sent.root
    return root.tag_ in {"VBD", "VBN"} and root.lemma_.lower() in lex.report_verbs | _HOSTING


def _series_name(text: str, report: Span, organizers: list[Mention], lex: Lexicon) -> str:
    """ "USMCOC Binational Conference" from a heading naming the series, else "<organizer> conference"."""
    for m in _named_pattern(lex.event_name_heads).finditer(text):
        name = m.group("name")
        if name.endswith("Conferences"):
            words = [w for w in name.split() if w.lower() not in {"the", "key", "insights", "from"}]
            return " ".join(words)[:-1]
    who = organizers[0].acronym or organizers[0].text if organizers else ""
    return f"{who} conference".strip()


def _header_place(doc: Doc, mentions: list[Mention], when: When) -> Mention | None:
    """A place printed beside the same date elsewhere (a report's cover line: "December 5, 2024 … Washington, D.C.")."""
    for line_match in re.finditer(r"[^\n]+", doc_text(doc)):
        line = line_match.group(0)
        if any(w.start == when.start for w in find_whens(line)):
            places = [m for m in mentions if m.kind == "place" and line_match.start() <= m.start < line_match.end()]
            if places:
                return places[0]
    return None


def _assign_people(doc: Doc, mentions: list[Mention], events: list[Event], clutter: list[tuple[int, int]],
                   lex: Lexicon) -> None:
    """Give each event the people and bodies that took part: a series splits by its paragraphs' date markers."""
    words = re.findall(r"[A-Za-z]+", re.sub(r"\b(press|news|morning)\s+conferences?\b", "", doc_text(doc), flags=re.I))
    conference = bool({w.lower() for w in words} & lex.conference_words)  # a press conference is not one
    text = doc_text(doc)
    reports = [ev for ev in events if ev.rule == "events.report" and not ev.separate]
    dated = reports if len(reports) > 1 else []  # a series: each paragraph goes to its date marker's event
    main = reports[0] if reports else events[0]
    current = main
    # an encounter only announced has the people its own sentence names, not the whole story's
    spans = [main.sentence] if main.planned and not dated else _paragraphs(text)
    for p_start, p_end in spans:
        if any(a <= p_start and p_end <= b for a, b in clutter):
            continue
        para = text[p_start:p_end]
        own = next((ev for ev in events if ev.separate and p_start <= ev.sentence[0] < p_end), None)
        if own is not None:
            _take_part(doc, mentions, own, (p_start, p_end), conference, lex)
            continue
        if dated:
            for marker in _MONTH_WORD.finditer(para):
                month = MONTHS[marker.group(1).lower()]
                hits = [ev for ev in dated if ev.start and int(ev.start[5:7]) == month]
                if hits and not find_whens(para[marker.start():marker.start() + 20]):
                    current = hits[0]
        target = current if dated else main
        people = [m for m in mentions if m.kind == "person" and p_start <= m.start < p_end
                  and not any(a <= m.start < b for a, b in clutter)]
        took_part = [m for m in people if _attends(doc, m, conference, lex)]
        took_part += _listed_with(doc, people, took_part)
        took_part += [m for m in people if m not in took_part and _in_participant_list(text, m, lex)]
        named_here = [ev for ev in events if ev.rule == "events.named" and p_start <= ev.sentence[0] < p_end
                      and ev is not main]
        for m in took_part:
            owner = named_here[0] if named_here and named_here[0].sentence[0] <= m.start < named_here[0].sentence[1] \
                else target
            owner.attendees.append(m)
        present = {a.text.split()[-1] for a in target.attendees}
        if took_part or any(m.text.split()[-1] in present and _is_subject(doc, m) for m in people):
            target.paragraphs.append((p_start, p_end))  # also what its attendees discussed, for its topics
    main.org_attendees.extend(_report_orgs(doc, mentions, main))
    if main.rule == "events.report" and not dated:
        _name_by_people(doc, main, mentions)


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and _root_dep(span.root).dep_ in {"nsubj", "nsubjpass"}


def _report_orgs(doc: Doc, mentions: list[Mention], ev: Event) -> list[Mention]:
    """The bodies its report sentence names take part in an encounter (not the agency of a dateline)."""
    return [m for m in mentions if m.kind == "org" and ev.sentence[0] <= m.start < ev.sentence[1]
            and not is_dateline_agency(doc_text(doc), m)]


def _take_part(doc: Doc, mentions: list[Mention], ev: Event, para: tuple[int, int], conference: bool,
               lex: Lexicon) -> None:
    """A separate encounter's people and bodies: those its own paragraph says took part."""
    people = [m for m in mentions if m.kind == "person" and para[0] <= m.start < para[1]]
    took_part = [m for m in people if _attends(doc, m, conference, lex)]
    ev.attendees.extend(took_part + _listed_with(doc, people, took_part))
    ev.org_attendees.extend(_report_orgs(doc, mentions, ev))
    ev.paragraphs.append(para)
    _name_by_people(doc, ev, mentions)


def _short_name(m: Mention, mentions: list[Mention]) -> str:
    """How the text calls a person for short: its shortest later form ("Herrera Lozano"), else the last word."""
    forms = [x.text for x in mentions if x.kind == "person" and m.text.endswith(" " + x.text)]
    return min(forms, key=len) if forms else m.text.split()[-1]


def _name_by_people(doc: Doc, ev: Event, mentions: list[Mention]) -> None:
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
