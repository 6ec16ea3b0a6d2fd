"""What the words around a capitalised phrase the NER took for an organization say it is.

The name alone cannot tell these apart; the text around it can:

- "the 2025 North Capital Forum", "the 13th Border Summit": an edition of an event, not a body;
- "the Strategic Dialogue on Combating Organized Crime": the subject of a named event;
- "held at Sofitel Reforma", "at the Harbor Hotel": a venue, a place;
- "TPP" where the text defines "Trans-Pacific Partnership (TPP)": an agreement's acronym;
- "one of only two U.S. based EDO's,": an acronym used as a plural common noun.

:func:`org_context` gives the verdict for one span of tokens; vocabularies are in ``data/orgwords.yaml``.
"""
from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Token

from extract.organizations.names import load_org_words
from extract.reference.lexicon import Lexicon
from extract.text.document import doc_text

Verdict = Literal["event", "topic", "venue", "agreement", "plural"] | None
_ACRONYM = re.compile(r"^[A-Z][A-Z&\-]{1,9}$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "annual", "inaugural", "biennial"}
_TOPIC_PREPOSITIONS = {"on", "against"}
_QUANTITIES = {"other", "many", "several", "some", "all", "both", "few", "various", "two", "three", "four", "five"}


def _edition(tokens: list[Token], lex: Lexicon) -> bool:
    """ "the 2025 North Capital Forum": a year or an ordinal before an event's head."""
    doc, first = tokens[0].doc, tokens[0].i
    if tokens[-1].lower_ not in lex.event_words or first == 0:
        return False
    before = doc[first - 1].text
    return bool(_YEAR.match(before) or _ORDINAL.match(before)) or before.lower() in _ORDINAL_WORDS


def _topic(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Dialogue on [Combating Transnational Crime]": what a named event is about; a phrase opening with
    a verb's -ing form and naming no body's head is an activity."""
    doc, first = tokens[0].doc, tokens[0].i
    if first >= 2 and doc[first - 1].lower_ in _TOPIC_PREPOSITIONS and doc[first - 2].lower_ in lex.event_words:
        return True
    return tokens[0].tag_ == "VBG" and not any(t.lower_ in lex.org_heads for t in tokens)


def _venue(tokens: list[Token]) -> bool:
    """ "at Sofitel Reforma": a hotel chain's brand where a meeting is held."""
    doc, first = tokens[0].doc, tokens[0].i
    before = doc[first - 1].lower_ if first else ""
    if before == "the" and first >= 2:
        before = doc[first - 2].lower_
    if before != "at":
        return False
    text = " ".join(t.text for t in tokens)
    return any(text == brand or text.startswith(brand + " ") for brand in load_org_words().venue_brands)


def _agreement_acronym(tokens: list[Token], lex: Lexicon) -> bool:
    """ "TPP" where the text writes "… Partnership (TPP)" or "Acuerdo de … (TPP)": an agreement's acronym."""
    if len(tokens) != 1 or not _ACRONYM.match(tokens[0].text):
        return False
    text = doc_text(tokens[0].doc)
    if not re.search(rf"\(\s*{re.escape(tokens[0].text)}\s*\)", text):
        return False  # the acronym in brackets, which every match below ends with, is not in the text
    pattern = rf"((?:[A-ZÁÉÍÓÚ][\w-]*\s+(?:(?:de|del|la|el|of|the|and|y)\s+)*)*[A-Za-z][\w-]*)\s*\(\s*" \
              rf"{re.escape(tokens[0].text)}\s*\)"
    spanish = load_org_words().spanish_agreement_heads
    for m in re.finditer(pattern, text):
        words = m.group(1).split()
        if words[-1].lower() in lex.agreement_heads or words[0].lower() in spanish:
            return True  # "Trans-Pacific Partnership (TPP)", "Acuerdo de Asociación Transpacífico (TPP)"
    return False


def _plural_acronym(tokens: list[Token]) -> bool:
    """ "two U.S. based EDO's,": an acronym after a quantity or an adjective, with a plural ending and
    no noun after it (a possessive, "PGCEDC's Director", has one)."""
    doc, first, end = tokens[0].doc, tokens[0].i, tokens[-1].i + 1
    if len(tokens) != 1 or not _ACRONYM.match(tokens[0].text) or first == 0 or end + 1 > len(doc):
        return False
    if doc[end].text not in {"'s", "’s", "s"}:
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and not after.is_punct and after.lower_ not in {"and", "or"}:
        return False
    before = doc[first - 1]
    return before.like_num or before.tag_ in {"JJ", "VBN", "CD"} or before.lower_ in _QUANTITIES


def org_context(tokens: list[Token], lex: Lexicon) -> Verdict:
    """What the text around an unlisted organization mention says it is, when it is no organization."""
    if _edition(tokens, lex):
        return "event"
    if _topic(tokens, lex):
        return "topic"
    if _venue(tokens):
        return "venue"
    if _agreement_acronym(tokens, lex):
        return "agreement"
    if _plural_acronym(tokens):
        return "plural"
    return None


__all__ = ["org_context", "Verdict"]
