"""Where an encounter happened: the place its report sentence says it was held, or the place printed beside
its date elsewhere (a cover line)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.dates import When, find_whens
from extract.document import doc_text
from extract.mentions import Mention


def held_at(sent: Span, mentions: list[Mention]) -> Mention | None:
    """Where the sentence says it happened: right after "convened in", "visited", "held in" if it can,
    else the first place after "in"/"to"/"at"."""
    places = [m for m in mentions if m.kind == "place" and sent.start_char <= m.start < sent.end_char]
    fallback = None
    for m in places:
        before = doc_text(sent.doc)[max(sent.start_char, m.start - 20):m.start].lower()
        if re.search(r"\b(convened|met|gathered|held|hosted|took place|visited|arrived)\s+(in|at)?\s*(the\s+)?$", before):
            return m
        if fallback is None and re.search(r"\b(in|to|visited|at)\s+(the\s+)?$", before) and stands_alone(sent.doc, m):
            fallback = m
    return fallback


def stands_alone(doc: Doc, m: Mention) -> bool:
    """A place that names where, not a place that qualifies a noun ("delays at the Laredo crossing")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ != "compound" and not (
        span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].is_lower)

def header_place(doc: Doc, mentions: list[Mention], when: When) -> Mention | None:
    """A place printed beside the same date elsewhere (a report's cover line: "December 5, 2024 … Washington, D.C.")."""
    for line_match in re.finditer(r"[^\n]+", doc_text(doc)):
        line = line_match.group(0)
        if any(w.start == when.start for w in find_whens(line)):
            places = [m for m in mentions if m.kind == "place" and line_match.start() <= m.start < line_match.end()]
            if places:
                return places[0]
    return None
