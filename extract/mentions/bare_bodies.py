"""Legislatures named without their side ("the Senate", "Congress") take the side the text gives them.

The bare names are in ``data/mentions.yaml`` (``bare_bodies``), the word that qualifies each side's body
("U.S. Senate", "Mexican Senate") in ``data/countries.yaml`` (``side_word``).

>>> whole_sentence("One. The United States\\nshould act before Congress votes. Two.", 41, 49)
' The United States\\nshould act before Congress votes'
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from extract.mentions.model import Mention
from extract.mentions.words import load_mention_words
from extract.reference.countries import load_countries
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.text.document import doc_text


def qualify_bare_bodies(mentions: list[Mention], doc: Doc, lex: Lexicon, inst: InstitutionList) -> list[Mention]:
    """ "the US House of Representatives and Senate": a bare legislature takes the side of its neighbour
    or of its sentence (the whole sentence, however its lines are wrapped), when the institution list
    knows that side's body."""
    words = load_mention_words()
    side_words = {c.code: c.side_word for c in load_countries().countries if c.side_word}
    out = []
    for i, m in enumerate(mentions):
        if m.kind != "org" or m.institution or m.text.lower() not in words.bare_bodies:
            out.append(m)
            continue
        sides: list[str] = []
        prev = mentions[i - 1] if i else None
        if prev is not None and prev.kind == "org" and prev.institution \
                and doc_text(doc)[prev.end:m.start].strip(" ,").lower() in {"and", "or", ""}:
            sides.append(inst.by_id[prev.institution].country)
        sentence = whole_sentence(doc_text(doc), m.start, m.end)
        sides += [code for word, code in lex.nationalities.items()
                  if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", sentence, re.I) and word[:1].isalpha()]
        for side in dict.fromkeys(sides):
            qualifier = side_words.get(side)
            listed = inst.lookup(f"{qualifier} {m.text}") if qualifier else None
            if listed is not None:
                m = replace(m, institution=listed.id, source="list")
                break
        out.append(m)
    return out


def whole_sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span, across the line breaks of hard-wrapped text ("… the United States
    should exempt Mexico …⏎… before its Congress approves …"): from the last full stop or blank line
    before it to the next after it."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i >= 0]
    return text[left:min(stops) if stops else len(text)]
