"""Institution hierarchy stated in the text: which body is part of which.

- ``hierarchy.possessive``: "UNAM's Research Center on North America", "the U.S. Chamber's
  U.S.-Mexico Economic Council": the second is part of the first (a board of directors is not a
  body of its own, so "the Chamber's Board of Directors" yields nothing);
- ``hierarchy.under``: "Chairman of the Subcommittee on Government Operations, under the House
  Committee on Oversight": the first is part of the second.

Also finds the child bodies NER missed after a possessive.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from extract.mentions import Mention
from extract.reference.lexicon import Lexicon

if TYPE_CHECKING:
    from extract.reading import Reading

_BODY_OF_ORG = {"board", "boards", "directors", "trustees", "members", "staff", "leadership"}
_JOIN = {"of", "for", "on", "and", "&", "the", "in"}


@dataclass(frozen=True)
class PartOf:
    """``child`` is part of ``parent`` (both char spans of org mentions)."""

    child: tuple[int, int]
    parent: tuple[int, int]
    rule: str


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _name_after(doc: Doc, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A capitalised body name starting at token ``i`` whose words include an organization head."""
    j = i
    while j < len(doc) and (_cap(doc[j]) or doc[j].lower_ in _JOIN and j + 1 < len(doc) and _cap(doc[j + 1])):
        j += 1
    words = [t.lower_ for t in doc[i:j]]
    if not words or not any(w in lex.org_heads for w in words) or any(w in _BODY_OF_ORG for w in words):
        return None
    return i, j


def find_parts(reading: Reading, *, mentions: list[Mention]) -> tuple[list[PartOf], list[Mention]]:
    """Part-of links between organizations of the document, and the child bodies they reveal."""
    doc, lex = reading.doc, reading.lexicon
    orgs = sorted((m for m in mentions if m.kind == "org"), key=lambda m: m.start)
    by_start = {m.start: m for m in orgs}
    parts: list[PartOf] = []
    new: list[Mention] = []
    for m in orgs:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(doc):
            continue
        after = doc[span.end]
        if after.tag_ == "POS" or after.text in {"’s", "'s"}:
            start = doc[span.end + 1]
            child = by_start.get(start.idx)
            if child is None:
                found = _name_after(doc, span.end + 1, lex)
                if found is None:
                    continue
                s, e = found
                sent = doc[s].sent
                child = Mention("org", doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text),
                                sent.start_char, sent.end_char, source="hierarchy")
                new.append(child)
            parts.append(PartOf((child.start, child.end), (m.start, m.end), "hierarchy.possessive"))
        elif after.text == "," and doc[span.end + 1].lower_ == "under":
            k = span.end + 2
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            parent = by_start.get(doc[k].idx) if k < len(doc) else None
            if parent is not None:
                parts.append(PartOf((m.start, m.end), (parent.start, parent.end), "hierarchy.under"))
    return parts, new
