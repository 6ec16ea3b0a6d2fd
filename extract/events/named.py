"""Named events: capitalised words ending in an event noun ("13th U.S.-Mexico CEO Dialogue"), kept when
the words around them say the event took place ("During the …", "… took place in")."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from extract.events.model import ORDINAL, announced
from extract.events.words import encounter_words
from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.text.document import doc_text


@lru_cache(maxsize=4)
def named_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    """Capitalised words (ordinals and years allowed) ending in an event noun: "13th U.S.-Mexico CEO Dialogue"."""
    return re.compile(r"(?P<name>(?:(?:" + ORDINAL + r"|(?:19|20)\d\d|[A-Z][\w.&'’-]*|\([A-Z]{2,8}\))[^\S\n]+){0,7}"
                      r"(?:" + "|".join(map(re.escape, heads)) + r"))\b"
                      r"(?![^\S\n]+(?:Center|Centre|Hall|Hotel|Centro)\b)")  # "Saltillo Convention Center": a venue


_HAPPENED = re.compile(r"\b(during|at|for|since|after|before|from|in|held|took place|hosted|attended|convened|"
                       r"organized|opened|concluded|inaugurated|margins of|sidelines of|framework of)\s+(?:the\s+)?"
                       r"(?:" + ORDINAL + r"\s+)?[“\"]?$",
                       re.I)


_HAPPENED_AFTER = re.compile(r"\s+(?:\([^()\n]{1,20}\)\s+)?(?:took place|was held|were held|opened|concluded|"
                            r"convened|gathered|brought together)\b", re.I)


def name_core(name: str) -> str:
    """A named event without ordinals, years and qualifiers: "13th U.S.-Mexico CEO Dialogue" -> "ceo dialogue"."""
    words = [w.strip("()") for w in re.split(r"\s+", name) if not re.fullmatch(ORDINAL + r"|(?:19|20)\d\d", w)]
    return " ".join(words[-2:]).lower()


def named_events(doc: Doc, clutter: list[tuple[int, int]], headings: list[tuple[int, int]], lex: Lexicon
                  ) -> list[tuple[str, int, int, bool]]:
    """Named events in text order, each with whether the words before it say it took place."""
    out = []
    for m in named_pattern(lex.event_name_heads).finditer(doc_text(doc)):
        name = re.split(r"(?<=[a-z]{3})\.\s+", m.group("name").strip())[-1]  # not from the sentence before
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
        out.append((name, start, m.end(), bool(happened) or _object_of_past_verb(doc, start, m.end())))
    # an ordinal session names the event most fully: it comes first, the series' own name becomes its alias
    return _session_names(doc, clutter + headings) + out + _quoted_titles(doc, clutter + headings)


# "the fifth meeting of the Bilateral Security Cooperation Group": an ordinal session of a named body or series
_SESSION = re.compile(r"\b(?P<name>(?i:" + ORDINAL + r")\s+(?:meeting|session|round|edition|plenary)\s+of\s+the\s+"
                      r"(?:[A-Z][\w.&'’-]*\s+){0,8}[A-Z][\w.&'’-]*)")


_QUOTED = re.compile(r"[“\"](?P<name>[^”\"\n]{6,140}?)[,.]?[”\"]")


def _session_names(doc: Doc, skip: list[tuple[int, int]]) -> list[tuple[str, int, int, bool]]:
    """Ordinal sessions ("the third meeting of the U.S.-Mexico Energy Business Council"), kept when the words
    around say it took place or it is the subject or object of a past verb."""
    out = []
    for m in _SESSION.finditer(doc_text(doc)):
        if any(s <= m.start() < e for s, e in skip):
            continue
        before = doc_text(doc)[max(0, m.start() - 25):m.start()]
        happened = bool(re.search(r"\b(?:during|at|for|since|after|in)\s+(?:the|this|its)\s+$", before, re.I)
                        or _HAPPENED_AFTER.match(doc_text(doc), m.end())) \
            or _object_of_past_verb(doc, m.start(), m.end())
        name = re.split(r"(?<=[a-z]{3})\.\s", m.group("name"))[0]  # not into the next sentence
        out.append((name, m.start(), m.start() + len(name), happened))
    return out


def _quoted_titles(doc: Doc, skip: list[tuple[int, int]]) -> list[tuple[str, int, int, bool]]:
    """A quoted title the words before it give to an event: "the meeting titled “…”", "the event, “…”"; it took
    place when its sentence's main verb is in the past."""
    words, out = encounter_words(), []
    text = doc_text(doc)
    for m in _QUOTED.finditer(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        before = re.findall(r"[a-z]+", text[max(0, m.start() - 30):m.start()].lower())
        if not before or not (before[-1] in words.title_cues or before[-1] in words.anaphora_nouns
                              and re.search(r",\s*$", text[:m.start()])):
            continue
        span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        happened = span is not None and span.sent.root.tag_ in {"VBD", "VBN"} and not announced(span.sent)
        out.append((m.group("name").strip(), m.start("name"), m.end("name"), happened))
    return out


def _object_of_past_verb(doc: Doc, start: int, end: int) -> bool:
    """ "Vice President X relaunched the annual U.S.-Mexico Dialogue": the event is what a past verb acted on."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    return span.root.dep_ in {"dobj", "nsubjpass"} and head.tag_ in {"VBD", "VBN"} and head.i != span.root.i \
        and bool({head.lemma_.lower(), head.lower_[:-1], head.lower_[:-2]} & encounter_words().event_verbs) \
        and not announced(span.sent)  # the lemmatizer's "relaunche" is "relaunch"


def series_name(text: str, report: Span, organizers: list[Mention], lex: Lexicon) -> str:
    """ "USMCOC Binational Conference" from a heading naming the series, else "<organizer> conference"."""
    for m in named_pattern(lex.event_name_heads).finditer(text):
        name = m.group("name")
        if name.endswith("Conferences"):
            words = [w for w in name.split() if w.lower() not in {"the", "key", "insights", "from"}]
            return " ".join(words)[:-1]
    who = organizers[0].acronym or organizers[0].text if organizers else ""
    return f"{who} conference".strip()


def refers_back(sent: Span) -> bool:
    """A sentence about the event just named: its subject is "the event", "this meeting", "the forum"."""
    def bare(t: Token) -> bool:  # "the event", "the private meeting"; not "the fifth meeting of the Group"
        return not any(c.dep_ in {"prep", "compound"} or re.fullmatch(ORDINAL, c.text, re.I) for c in t.children)
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in encounter_words().anaphora_nouns and bare(t)
               and any(c.lower_ in {"the", "this"} for c in t.children) for t in sent)
