"""National governments named together: "the U.S. and Mexican governments" mentions each government.

The side words (``government_words``) and each government's id come from ``data/countries.yaml``, each
side word's country from the lexicon's nationalities.

>>> bool(governments_pattern().search("the U.S. and Mexican governments agreed"))
True
>>> bool(governments_pattern().search("the Mexican government agreed"))
False
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from extract.mentions.model import Mention
from extract.reference.countries import load_countries
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.text.clutter import in_spans
from extract.text.document import doc_text


@lru_cache(maxsize=1)
def governments_pattern() -> re.Pattern[str]:
    """Two or more side words joined by "," or "and", then "governments"; the sides in group ``sides``."""
    words = [w for c in load_countries().countries for w in c.government_words]
    side = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    return re.compile(rf"\b(?P<sides>{side}(?:\s*(?:,|and)\s*{side})+)\s+governments\b")


def government_mentions(doc: Doc, lex: Lexicon, inst: InstitutionList, clutter: list[tuple[int, int]]) -> list[Mention]:
    """ "the U.S. and Mexican governments": one mention of each national government named."""
    out = []
    governments = load_countries().governments()
    for match in governments_pattern().finditer(doc_text(doc)):
        if in_spans(match.start(), clutter):
            continue
        words = re.split(r"\s*(?:,|\band\b)\s*", match.group("sides"))
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        sent = span.sent if span is not None and doc.has_annotation("SENT_START") else span
        for word in (w.strip() for w in words if w.strip()):
            code = lex.nationalities.get(word.lower())
            inst_id = governments.get(code or "")
            if inst_id in inst.by_id and sent is not None:
                start = match.start("sides") + match.group("sides").index(word)
                out.append(Mention("org", word, start, start + len(word), sent.start_char, sent.end_char,
                                   institution=inst_id, source="governments"))
    return out
