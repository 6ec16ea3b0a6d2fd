"""An organization's name as the NER or a role rule hands it over, made into the body it names, or dropped.

The role rules and the NER often give a body's slot a phrase that is not a body's name:

- a post's title run into the body ("Vice Chairman of the Board of Tenaris", "Market Leader for Acme"):
  the body is what follows the title;
- a post's portfolio or a unit of the body ("Advisor for Trade and Investment", "Director General of
  Policy and Investment Promotion", "Chief of the International Business Unit"): part of the title, no body;
- a side named by its country or its people ("the United States", "U.S. Ambassador", "Mexico in
  Austin"): that country's government;
- a state ("Chihuahua", "the State of Chihuahua"): the state's government;
- people or staff ("CEOs", "Staff", "Cabinet"), an agreement, a venue ("Mayflower Hotel"): no actor.

:func:`clean_org` applies these to one unlisted mention; the vocabularies are in
``data/orgwords.yaml`` (``unit_heads``, ``portfolio_nouns``, ``people_words``, ``venue_heads``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.countries import load_countries
from extract.reference.data_files import read_yaml
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon

if TYPE_CHECKING:  # extract.mentions reads this module's vocabularies: no import cycle at run time
    from extract.mentions import Mention

DATA = DATA_DIR / "orgwords.yaml"
GOVERNMENTS = load_countries().governments()  # ISO code -> its national government's id (data/countries.yaml)
_CONNECTORS = {"of", "for", "to", "at", "with"}
_SPANISH_ARTICLES = {"el", "la", "los", "las", "lo", "al", "del", "un", "una"}
_STATE_OF = re.compile(r"^(?:the\s+)?(?:state|government)\s+of\s+(?:the\s+)?(?P<name>.+)$", re.I)


@dataclass(frozen=True)
class OrgWords:
    """The vocabularies this module reads, lowercased."""

    unit_heads: frozenset[str]
    portfolio_nouns: frozenset[str]
    people_words: frozenset[str]
    venue_heads: frozenset[str]
    document_words: frozenset[str]
    spanish_openers: frozenset[str]
    spanish_agreement_heads: frozenset[str]
    venue_brands: tuple[str, ...]


@lru_cache(maxsize=1)
def load_org_words(path: Path = DATA) -> OrgWords:
    """Read and check the vocabularies once."""
    raw = read_yaml(path)
    keys = ("unit_heads", "portfolio_nouns", "people_words", "venue_heads", "document_words", "spanish_openers",
            "spanish_agreement_heads", "venue_brands")
    for key in keys:
        if not isinstance(raw.get(key), list) or not all(isinstance(w, str) and w.strip() for w in raw[key]):
            raise DataError(f"{path}: {key!r} must be a list of words")
    lower = lambda key: frozenset(w.lower() for w in raw[key])  # noqa: E731
    return OrgWords(unit_heads=lower("unit_heads"), portfolio_nouns=lower("portfolio_nouns"),
                    people_words=lower("people_words"), venue_heads=lower("venue_heads"),
                    document_words=lower("document_words"), spanish_openers=lower("spanish_openers"),
                    spanish_agreement_heads=lower("spanish_agreement_heads"),
                    venue_brands=tuple(sorted({w for w in raw["venue_brands"]}, key=lambda w: (-len(w), w))))


def _words(text: str) -> list[str]:
    return text.replace(",", " ").split()


def _is_title_end(words: list[str], lex: Lexicon) -> bool:
    """Whether ``words`` end in a person's title ("Mexico Market Leader", "Vice Chairman")."""
    return any(" ".join(words[k:]).lower() in lex.titles for k in range(len(words)))


def _portfolio(words: list[str], lex: Lexicon, vocab: OrgWords) -> bool:
    """Whether a phrase is a field of work ("Trade and Investment Promotion"); a phrase ending in an
    organization's head ("Economic Development Administration") is a body's name."""
    return bool(words) and words[-1].lower() not in lex.org_heads and all(
        w.lower() in lex.portfolio_words or w.lower() in vocab.portfolio_nouns for w in words)


def _government_of_side(words: list[str], lex: Lexicon, inst: InstitutionList) -> str | None:
    """ "United States", "U.S. Ambassador", "Mexico in Austin", "Mexico to Canada": the government of the
    side named (a country alone, a country's post, a country's mission in or to a place)."""
    for size in (2, 1):
        side = lex.nationalities.get(" ".join(words[:size]).lower())
        if side is None or len(words) < size:
            continue
        rest = words[size:]
        if not rest or " ".join(rest).lower() in lex.titles or rest[0].lower() in {"in", "to"} and len(rest) >= 2:
            gov = GOVERNMENTS.get(side)
            return gov if gov in inst.by_id else None
    return None


def _state(text: str, lex: Lexicon) -> str | None:
    """The state a name is, or is the government of, allowing one letter's typo ("Aquascalientes")."""
    match = _STATE_OF.match(text)
    name = match.group("name") if match else text
    low = name.lower()
    if low in lex.states:
        return name
    if match is None:
        return None
    for state in sorted(lex.states):
        if len(state) >= 6 and len(state) == len(low) and sum(a != b for a, b in zip(state, low, strict=True)) == 1:
            return state.title()
    return None


def _after_title(words: list[str], lex: Lexicon, vocab: OrgWords) -> list[str] | None:
    """What follows a title or a portfolio opening the name ("Advisor for | Trade and Investment"),
    or None when the name does not open so. An organization's head word never opens a title."""
    if not words or words[0].lower() in lex.org_heads:
        return None
    for k, word in enumerate(words[1:-1], start=1):
        if word.lower() not in _CONNECTORS:
            continue
        head = words[:k]
        if _is_title_end(head, lex) or _portfolio(head, lex, vocab):
            rest = words[k + 1:]
            while rest and rest[0].lower() == "the":
                rest = rest[1:]
            return rest
        return None
    return None


def _unit(words: list[str], vocab: OrgWords) -> bool:
    """ "International Business Unit", "Section for Economic Affairs": a unit inside a body."""
    if words[-1].lower() in vocab.unit_heads:
        return True
    return len(words) > 2 and words[0].lower() in vocab.unit_heads and words[1].lower() in _CONNECTORS


def _without_opener(words: list[str], vocab: OrgWords) -> list[str]:
    """ "Con el Policy Institute": a Spanish sentence's opening preposition and article are no part of a name;
    an opening connective alone is no name."""
    if not words or words[0].lower() not in vocab.spanish_openers:
        return words
    if len(words) == 1:
        return []  # "Asimismo"
    return words[2:] if words[1].lower() in _SPANISH_ARTICLES else words  # ("Con Edison" is a name)


def _body_of(words: list[str]) -> list[str]:
    """ "Board of Tenaris", "Board of Directors of Acme": the organization the board governs."""
    low = [w.lower() for w in words]
    for opening in (["board", "of", "directors", "of"], ["board", "of", "trustees", "of"], ["board", "of"]):
        if low[:len(opening)] == opening and len(words) > len(opening):
            rest = words[len(opening):]
            return rest[1:] if rest[0].lower() == "the" and len(rest) > 1 else rest
    return words


def not_a_body(words: list[str], lex: Lexicon, vocab: OrgWords) -> bool:
    """Whether a capitalised phrase can name no organization: a title, a portfolio, a unit, people or
    staff, an agreement, a document."""
    low = " ".join(words).lower()
    if not words or low in lex.titles or low in lex.not_actors or low in vocab.people_words:
        return True
    first = words[0].lower()
    people = first in vocab.people_words or first.endswith("s") and first[:-1] in lex.titles
    if people and (len(words) == 1 or words[1].lower() in _CONNECTORS):
        return True  # "CEOs", "Leaders of North America" (but "Partners Group" is a firm)
    return _portfolio(words, lex, vocab) or _unit(words, vocab) or words[-1].lower() in lex.agreement_heads \
        or words[-1].lower() in vocab.document_words


def clean_org(m: Mention, lex: Lexicon, inst: InstitutionList) -> Mention | None:
    """The mention as the body it names (its offsets kept, so the role rules' links still hold), a place,
    or None when it names no body. Listed institutions are returned unchanged."""
    if m.kind != "org" or m.institution:
        return m
    vocab = load_org_words()
    listed = inst.lookup(m.text)
    if listed is not None:  # "Secretary of Economy", "Mexican Ministry of Energy": a listed body's name
        return replace(m, institution=listed.id)
    original = _words(m.text)
    words = _without_opener(original, vocab)
    while words and words[0].lower() == "the":
        words = words[1:]
    rest = _after_title(words, lex, vocab)
    words = _body_of(rest if rest is not None else words) if (rest if rest is not None else words) else []
    if not words:
        return None
    text = m.text if words == original else " ".join(words)
    listed = inst.lookup(text)
    if listed is not None:
        return replace(m, text=text, institution=listed.id)
    gov = _government_of_side(words, lex, inst)
    if gov is not None:
        return replace(m, text=inst.by_id[gov].name, institution=gov)
    state = _state(text, lex)
    if state is not None:
        return replace(m, text=f"Government of {state}")
    if words[-1].lower() in vocab.venue_heads or " ".join(words[-2:]).lower() in vocab.venue_heads:
        return replace(m, kind="place", text=text)  # "Mayflower Hotel", "Saltillo Convention Center"
    if not_a_body(words, lex, vocab):
        return None
    return replace(m, text=text) if text != m.text else m


__all__ = ["clean_org", "not_a_body", "load_org_words", "OrgWords"]
