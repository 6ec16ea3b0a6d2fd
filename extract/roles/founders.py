"""Founders are members: "Sessions, along with Senator Ernst, created the Efficiency Caucus".

The subject of a founding verb (``founding_verbs`` in ``data/verbs.yaml``) and the people joined
to it by "along with" / "together with" become members of the organization the verb's object
names, with no title (the text gives none). Press writing sometimes drops the subject after a
paragraph about one person ("Along with Senator Ernst, … created the Caucus."); the subject of
the sentence before then stands in for it.
"""
from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from extract.mentions import Mention
from extract.roles.titles import RoleFinding

if TYPE_CHECKING:
    from extract.reading import Reading

__all__ = ["find_founders"]

_JOINERS = {("along", "with"), ("together", "with")}


def _span_chars(tok: Token) -> tuple[int, int]:
    """The characters of a token's subtree."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _people_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.kind == "person" and start <= m.start and m.end <= end]


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with ("… met and created …")."""
    for head in (verb, verb.head if verb.dep_ == "conj" else None):
        if head is not None:
            subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                return subj
    return None


def _joined(sent: Span, verb: Token) -> int | None:
    """Where an "along with" / "together with" phrase before the verb starts, if there is one."""
    words = [t for t in sent if t.i < verb.i]
    for a, b in itertools.pairwise(words):
        if (a.lower_, b.lower_) in _JOINERS:
            return a.idx
    return None


def _previous_subject(sents: list[Span], k: int, mentions: list[Mention]) -> list[Mention]:
    """The person the sentence before is about (its main subject), for a subject the writer dropped."""
    if k == 0:
        return []
    subj = _subject(sents[k - 1].root)
    if subj is None:
        return []
    found = _people_in(mentions, *_span_chars(subj))
    if found or not subj.text[:1].isupper():
        return found
    # a surname the NER did not tag ("Sessions noted …"): the last person mentioned by that name
    named = [m for m in mentions if m.kind == "person" and m.end <= subj.idx and m.text.split()[-1] == subj.text]
    return named[-1:]


def find_founders(reading: Reading, *, mentions: list[Mention]) -> list[RoleFinding]:
    """Memberships of the people a sentence says created an organization."""
    doc, lex = reading.doc, reading.lexicon
    out: list[RoleFinding] = []
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        inside = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.founding_verbs:
                continue
            obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
            if obj is None:
                continue
            start, end = _span_chars(obj)
            org = next((m for m in inside if m.kind == "org" and start <= m.start < end), None)
            if org is None:
                continue
            subj = _subject(verb)
            founders = _people_in(inside, *_span_chars(subj)) if subj is not None else []
            joined = _joined(sent, verb)
            if joined is not None:
                founders += _people_in(inside, joined, verb.idx)
                # "Along with A, B, and C—created …": the list runs up to the verb (the parser may
                # take its last names for the subject), and the writer dropped the subject
                listed = subj is not None and any(c.dep_ == "conj" for c in subj.children)
                if joined == sent[0].idx and (subj is None or listed):
                    founders += _previous_subject(sents, k, mentions)
            seen: set[tuple[int, int]] = set()
            for person in founders:
                if (person.start, person.end) not in seen:
                    seen.add((person.start, person.end))
                    out.append(RoleFinding(person=(person.start, person.end), title=None, former=False,
                                           sent_start=sent.start_char, sent_end=sent.end_char,
                                           extractor="founders", org=(org.start, org.end)))
    return out
