"""Where an encounter happened: the place its report sentence says it was held, or the place printed beside
its date elsewhere (a cover line)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.events.words import encounter_words
from extract.mentions import Mention
from extract.text.dates import When, find_whens
from extract.text.document import doc_text


def held_at(sent: Span, mentions: list[Mention], strict: bool = False) -> Mention | None:
    """Where the sentence says it happened: right after "convened in", "visited", "held in" if it can,
    else (unless ``strict``) the first place after "in"/"to"/"at"."""
    places = [m for m in mentions if m.kind == "place" and sent.start_char <= m.start < sent.end_char]
    fallback = None
    attached = next((m for m in places if _attached_to_encounter(sent.doc, m)), None)
    if attached is not None:
        return attached
    for m in places:
        before = doc_text(sent.doc)[max(sent.start_char, m.start - 20):m.start].lower()
        if re.search(r"\b(?:to be|will be|would be)\s+\w+\s+(?:in|at)\s+(?:the\s+)?$", before):
            continue  # "the next meeting, to be held in X": where a later one will be
        if re.search(r"\b(convened|met|gathered|held|hosted|took place|visited|arrived)\s+(in|at)?\s*(the\s+)?$",
                     before):
            return m
        if fallback is None and not strict and re.search(r"\b(in|to|visited|at)\s+(the\s+)?$", before) \
                and stands_alone(sent.doc, m):
            fallback = m
    return fallback


def _attached_to_encounter(doc: Doc, m: Mention) -> bool:
    """The place is where an encounter was: the object of "in"/"at" on a verb of meeting ("met … in Texas last
    night", "gathered in X") or on an event noun ("a meeting in X"), perhaps through a settlement's name ("in the
    eastern Mexican city of X")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    words, tok = encounter_words(), span.root
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in words.settlement_nouns:
        tok = tok.head.head  # "the city of X" stands where X does
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "at"}:
        return False
    governor = tok.head.head
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"to", "will", "would", "shall"} for c in governor.children):
        return False  # "the next meeting, to be held in X": where a later one will be
    return governor.lemma_.lower() in words.place_verbs or governor.lower_ in words.anaphora_nouns


def place_of_name(doc: Doc, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The place a clause on a named event gives it: "the Strategic Dialogue … held May 18 in X" is in X,
    whatever place the sentence's main clause names."""
    name = doc.char_span(start, end, alignment_mode="expand")
    if name is None:
        return None
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind == "place" else None
        if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in {"in", "at"}:
            continue
        verb = span.root.head.head
        if verb.dep_ == "acl" and verb.lemma_.lower() in encounter_words().place_verbs \
                and any(t.i == verb.i for t in name.root.subtree):
            return m
    text = doc_text(doc)
    # the parser may hang the clause elsewhere: "the X Dialogue on Y held May 18 in Z" read by the words
    return next((m for m in mentions if m.kind == "place" and end <= m.start < end + 120
                 and _HELD_AFTER_NAME.fullmatch(text, end, m.start)), None)


_HELD_AFTER_NAME = re.compile(r",?[^.;,]{0,60}?\b(?:held|hosted|convened)\b[^.;]{0,25}?\b(?:in|at)\s+(?:the\s+)?"
                              r"(?:(?:[\w-]+\s+){0,3}(?:city|town|state|capital|port|municipality)\s+of\s+)?")


def stands_alone(doc: Doc, m: Mention) -> bool:
    """A place that names where, not a place that qualifies a noun ("delays at the Laredo crossing")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ != "compound" and not (
        span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].is_lower
        and doc[span.end].ent_type_ not in {"DATE", "TIME"})  # "in X yesterday" is where


def opening_place(text: str, mentions: list[Mention]) -> tuple[Mention, int] | None:
    """A dateline without a date: a place opening a line, then a dash ("WASHINGTON, D.C. - Business leaders met
    …", "CITY, Country (Agency) -"); with the end of its paragraph."""
    for m in mentions:
        line = text.rfind("\n", 0, m.start) + 1
        if m.kind != "place" or text[line:m.start].strip("*_#> \t"):
            continue
        if _OPENING_DASH.match(text, m.end):
            end = text.find("\n", m.end)
            return m, end if end >= 0 else len(text)
    return None


_OPENING_DASH = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?(?:\s*\([A-Z][\w ]{1,20}\))?\s*[—–-]\s")


def held_online(sent: Span, lex_report_nouns: frozenset[str]) -> bool:
    """The sentence says the encounter was online: "a special virtual meeting", "met by videoconference"."""
    words = encounter_words().virtual_words
    return any(t.lower_ in words and (t.head.lower_ in lex_report_nouns or t.dep_ in {"pobj", "advmod", "dobj"})
               for t in sent)


def header_place(doc: Doc, mentions: list[Mention], when: When) -> Mention | None:
    """A place printed beside the same date elsewhere (a report's cover line: "December 5, 2024 … Washington, D.C.")."""
    for line_match in re.finditer(r"[^\n]+", doc_text(doc)):
        line = line_match.group(0)
        if any(w.start == when.start for w in find_whens(line)):
            places = [m for m in mentions if m.kind == "place" and line_match.start() <= m.start < line_match.end()]
            if places:
                return places[0]
    return None
