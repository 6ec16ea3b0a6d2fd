"""Who said what: quotations and reported speech, attributed to their speaker.

- ``statements.quote``: "“…,” Velasco said", "“…,” she added", "X said: “…”"; a further
  quotation in the same paragraph with no attribution of its own is the same speaker's;
- ``statements.reported``: "Perez emphasized that …", "She noted that …".

A Spanish document is read by :mod:`.spanish_speech` instead, and each document's figures by the rules of
its language (:mod:`.cited`).

Pronouns ("he", "she") are the last person who was the subject of a sentence before them
in the same or the previous paragraph.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from extract.findings import Evidence, FigureFound, Said
from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.statements.cited import cited_figures
from extract.statements.model import Statement
from extract.statements.spanish_speech import spanish_statements
from extract.text.document import doc_text, span_text, token_lowers
from extract.topics.scheme import load_scheme, sentence_topics

if TYPE_CHECKING:
    from extract.entities import Entities
    from extract.reading import Reading

_QUOTE = re.compile(r"“(?P<a>[^”]{20,}?)”|\"(?P<b>[^\"\n]{20,}?)\"")
_PRONOUNS = {"he", "she", "they"}
_ATTRIBUTION_AFTER = re.compile(r"^[,.]?\s*(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|he|she|they)\s+"
                                r"(?P<verb>[a-z]+)\b")
_ATTRIBUTION_AFTER_INV = re.compile(r"^[,.]?\s*(?P<verb>said|says|added|noted|stressed|explained)\s+"
                                    r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})")
# A stop after a word of three letters or more ends a sentence; "D." or "Jr." may sit inside a name
_SENTENCE_END = re.compile(r"(?<=[^\W\d]{3})\.\s")
_ATTRIBUTION_BEFORE = re.compile(r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|[Hh]e|[Ss]he)\s+(?P<verb>[a-z]+)"
                                 r"(?:\s+that)?[,:]?\s*$")


class _Speakers:
    """The people of a document by position, to attribute names and pronouns."""

    def __init__(self, doc: Doc, people: list[Mention]) -> None:
        self.doc, self.people = doc, sorted(people, key=lambda m: m.start)

    def named(self, text: str, near: int) -> Mention | None:
        """The person mention whose name (or surname) is ``text``, nearest before ``near``."""
        key = text.strip().lower()
        hits = [m for m in self.people if m.text.lower() == key or m.text.lower().split()[-1] == key.split()[-1]]
        before = [m for m in hits if m.start <= near + len(text) + 40]
        return before[-1] if before else (hits[0] if hits else None)

    def pronoun(self, at: int) -> Mention | None:
        """Who "he"/"she" at ``at`` is: a person named earlier in the same sentence, else in the sentence
        before (its subject first), else the last person who was a sentence's subject within two paragraphs."""
        here = _sentence(self.doc, at)
        if here is not None:
            same = [p for p in self.people if here.start_char <= p.start < at]
            if same:
                return same[-1]
            before = self.doc[here.start - 1].sent if here.start > 0 else None
            if before is not None and before.start_char < here.start_char:
                prev = [p for p in self.people if before.start_char <= p.start < before.end_char]
                subjects = [p for p in prev if self._is_subject(p)]
                if subjects or prev:
                    return (subjects or prev)[-1]
        floor = doc_text(self.doc).rfind("\n\n", 0, max(0, doc_text(self.doc).rfind("\n\n", 0, at)))
        for m in reversed([p for p in self.people if max(floor, 0) <= p.start < at]):
            if self._is_subject(m):
                return m
        earlier = [p for p in self.people if max(floor, 0) <= p.start < at]
        return earlier[-1] if earlier else None

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}

    def resolve(self, who: str, at: int) -> Mention | None:
        who = _SENTENCE_END.split(who, maxsplit=1)[0]  # "Ortega Paredes. Holloway": the name ends at the stop
        return self.pronoun(at) if who.lower() in _PRONOUNS else self.named(who, at)


def _sentence(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, min(char + 1, len(doc_text(doc))), alignment_mode="expand")
    return span.sent if span is not None else None


def _quotes(doc: Doc, speakers: _Speakers, clutter: list[tuple[int, int]], lex: Lexicon) -> list[Statement]:
    out: list[Statement] = []
    last_in_paragraph: tuple[int, Mention] | None = None
    for m in _QUOTE.finditer(doc_text(doc)):
        if any(s <= m.start() < e for s, e in clutter):
            continue
        body = (m.group("a") or m.group("b")).strip().rstrip(",")
        if len(body.split()) < 5:
            continue  # a short phrase in quotes ("broken windows") is a name, not a statement
        after = doc_text(doc)[m.end():m.end() + 80]
        before = doc_text(doc)[max(0, m.start() - 80):m.start()]
        speaker = None
        hit = _ATTRIBUTION_AFTER.match(after) or _ATTRIBUTION_AFTER_INV.match(after)
        if hit and lex.is_speech(hit.group("verb")):
            speaker = speakers.resolve(hit.group("who"), m.end())
        if speaker is None:
            hit = _ATTRIBUTION_BEFORE.search(before)
            if hit and lex.is_speech(hit.group("verb")):
                speaker = speakers.resolve(hit.group("who"), m.start())
        paragraph = doc_text(doc).rfind("\n\n", 0, m.start())
        if speaker is None and last_in_paragraph and last_in_paragraph[0] == paragraph:
            speaker = last_in_paragraph[1]
        if speaker is None:
            continue
        last_in_paragraph = (paragraph, speaker)
        sent = _sentence(doc, m.start() + 1)
        start = m.start() + (m.group(0).find(body))
        out.append(Statement(speaker, body, start, start + len(body),
                             sent.start_char if sent is not None else m.start(),
                             max(sent.end_char if sent is not None else m.end(), m.end()), "statements.quote"))
    return out


def _clause(verb: Token) -> Span | None:
    """The reported clause of a speech verb: its "that"-clause or clausal complement."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            tokens = sorted(child.subtree, key=lambda t: t.i)
            while tokens and tokens[0].lower_ in {"that", ","}:
                tokens = tokens[1:]
            if len(tokens) >= 4:
                return verb.doc[tokens[0].i:tokens[-1].i + 1]
    return None


def _reported(doc: Doc, speakers: _Speakers, quoted: list[tuple[int, int]],
              clutter: list[tuple[int, int]], lex: Lexicon) -> list[Statement]:
    out: list[Statement] = []
    lowers = token_lowers(doc)
    for sent in doc.sents:
        said = span_text(sent)
        if any(s <= sent.start_char < e for s, e in clutter + quoted) or '“' in said or '"' in said:
            continue
        # the speech verbs among the sentence's words (is_speech lowercases the word: its lower form answers)
        for tok in (doc[i] for i in range(sent.start, sent.end) if lex.is_speech(lowers[i])):
            if tok.pos_ != "VERB":
                continue
            subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            clause = _clause(tok)
            if subject is None or clause is None:
                continue
            if subject.lower_ in _PRONOUNS:
                speaker = speakers.pronoun(subject.idx)
            else:
                speaker = next((p for p in speakers.people if p.start <= subject.idx < p.end + 1
                                or subject.left_edge.idx <= p.start <= subject.idx), None)
            if speaker is None:
                continue
            out.append(Statement(speaker, clause.text.rstrip(" ."), clause.start_char, clause.end_char,
                                 sent.start_char, sent.end_char, "statements.reported"))
            break
    return out


def find_statements(reading: Reading, *, people: list[Mention]) -> list[Statement]:
    """Quotations and reported claims in the document with their speakers (among ``people``), in text order;
    a Spanish document's are read by the Spanish rules (:mod:`.spanish_speech`)."""
    if reading.language == "es":
        return spanish_statements(reading, people=people)
    doc, clutter, lex = reading.doc, reading.clutter, reading.lexicon
    speakers = _Speakers(doc, [m for m in people if m.kind == "person"])
    quotes = _quotes(doc, speakers, clutter, lex)
    quoted = [(q.start - 2, q.end + 2) for q in quotes]
    return sorted(quotes + _reported(doc, speakers, quoted, clutter, lex), key=lambda s: s.start)


def statements_and_figures(reading: Reading, *, people: list[Mention], entities: Entities
                           ) -> tuple[list[Said], list[FigureFound]]:
    """The statements whose speaker is one of ``entities`` (with their topics and the figures they cite),
    and the figures the document cites outside them (clutter aside)."""
    said: list[Said] = []
    inside: set[tuple[int, int]] = set()
    for n, st in enumerate(find_statements(reading, people=people), start=1):
        speaker = entities.at(st.speaker.start, st.speaker.end, "person")
        if speaker is None:
            continue
        figures = cited_figures(reading, text=st.text, offset=st.start)
        inside |= {(f.figure.start, f.figure.end) for f in figures}
        said.append(Said(n, st, speaker, [t.iri for t in sentence_topics(st.text, load_scheme())], figures,
                         Evidence.of(reading, st.sent_start, st.sent_end, st.rule)))
    alone = [f for f in cited_figures(reading) if (f.figure.start, f.figure.end) not in inside
             and not any(s <= f.figure.start < e for s, e in reading.clutter)]
    return said, alone
