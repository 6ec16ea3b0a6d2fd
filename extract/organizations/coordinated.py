"""Several bodies named under one plural head: "the Departments of Commerce and State".

The press names a group of ministries or departments once, with their portfolios coordinated
("Mexico's Ministries of Economy, Finance, and Foreign Relations"). Each portfolio is a body of
its own: it is read as the singular head with that portfolio ("Ministry of Finance") and looked up
in the institution list, with the side the words before the head give ("U.S.", "Mexico's").

>>> from extract.reference.lexicon import load_lexicon
>>> from extract.reference.institutions import load_institutions
>>> import spacy
>>> doc = spacy.blank("en")("the U.S. Departments of Commerce and State met")
>>> [(b.name, b.institution) for b in coordinated_bodies(doc, 2, load_lexicon(), load_institutions())]
[('Department of Commerce', 'us-department-of-commerce'), ('Department of State', 'us-department-of-state')]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from extract.mentions import Mention
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.text.clutter import in_spans
from extract.text.document import token_lowers

if TYPE_CHECKING:
    from extract.reading import Reading

_JOINERS = {",", "and", "&"}


@dataclass(frozen=True)
class Body:
    """One body of a coordination: its name as the text gives it, its listed institution (if any) and its
    token span."""

    name: str
    institution: str | None
    start: int
    end: int


def coordinated_bodies(doc: Doc, head: int, lex: Lexicon, inst: InstitutionList) -> list[Body]:
    """The bodies named by the plural head at token ``head`` ("Departments of A and B"), or []
    when the head is not followed by "of" and at least two coordinated portfolios."""
    singular = lex.plural_heads.get(doc[head].lower_)
    if singular is None or head + 1 >= len(doc) or doc[head + 1].lower_ != "of":
        return []
    side = _side(doc, head, lex)
    portfolios: list[tuple[int, int]] = []
    i = head + 2 + (head + 2 < len(doc) and doc[head + 2].lower_ == "the")  # "Ministries of the Interior, …"
    while i < len(doc):
        start = i
        while i < len(doc) and _portfolio_word(doc[i], lex):
            i += 1
        if i == start:
            break
        portfolios.append((start, i))
        while i < len(doc) and doc[i].lower_ in _JOINERS and "\n" not in doc[i].whitespace_:
            i += 1  # ", ", " and ", ", and ": never "the", which opens a body of another kind
        if i == portfolios[-1][1]:
            break
    if len(portfolios) < 2:
        return []
    bodies = []
    for start, end in portfolios:
        portfolio = doc[start:end].text
        listed = inst.lookup(f"{side} {singular} of {portfolio}" if side else f"{singular} of {portfolio}") \
            or inst.lookup(f"{singular} of the {portfolio}")
        if listed is None and side:
            listed = inst.lookup(f"{singular} of {portfolio}")
        written = f"{singular} of {portfolio}"  # the name as the text gives it, kept as an alias of a listed body
        bodies.append(Body(written, listed.id if listed else None, start, end))
    return bodies


def _portfolio_word(tok: Token, lex: Lexicon) -> bool:
    """A capitalized word that can name a portfolio ("Navy" too): not an acronym, a plural head or a title."""
    word, doc = tok.lower_, tok.doc
    hyphenated = not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"  # "Co-chair"
    return tok.text[:1].isupper() and not (len(tok.text) > 1 and tok.text.isupper()) and not hyphenated \
        and word not in lex.plural_heads and word not in lex.titles


def _side(doc: Doc, head: int, lex: Lexicon) -> str:
    """The country qualifier written before the plural head ("U.S.", "Mexico's", "Mexican"), or ""."""
    k = head - 1
    if k >= 0 and doc[k].text in {"’s", "'s"}:
        k -= 1
    if k >= 0 and doc[k].lower_ in lex.nationalities:
        return doc[k].text
    return ""


def with_coordinated_bodies(reading: Reading, *, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with every coordination of bodies read as its bodies: the organization mentions
    that overlap a coordination ("Departments of Commerce", "Ministries of Economy") give way to one
    mention per body, each spanning its portfolio's words."""
    doc, lex, inst, clutter = reading.doc, reading.lexicon, reading.institutions, reading.clutter
    found: list[Mention] = []
    regions: list[tuple[int, int]] = []
    for i in (i for i, word in enumerate(token_lowers(doc)) if word in lex.plural_heads):
        tok = doc[i]
        if in_spans(tok.idx, clutter):
            continue
        bodies = coordinated_bodies(doc, tok.i, lex, inst)
        if not bodies:
            continue
        sent = tok.sent if doc.has_annotation("SENT_START") else doc[:]
        regions.append((tok.idx, doc[bodies[-1].end - 1].idx + len(doc[bodies[-1].end - 1])))
        for body in bodies:
            span = doc[body.start:body.end]
            found.append(Mention("org", body.name, span.start_char, span.end_char, sent.start_char, sent.end_char,
                                 institution=body.institution, source="coordination"))
    kept = [m for m in mentions
            if m.kind != "org" or not any(m.start < end and m.end > start for start, end in regions)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))
