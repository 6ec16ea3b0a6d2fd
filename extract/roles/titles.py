"""The grammar of posts: titles as the press writes them, the offices they name, and what a post found is.

>>> office_for("Secretary of State", None)
('us-department-of-state', 'US')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph
from spacy.tokens import Token

from extract import DATA_DIR
from extract.reference.countries import load_countries
from extract.reference.data_files import read_yaml
from extract.reference.lexicon import Lexicon

OFFICES = DATA_DIR / "offices.yaml"

ROLE_SCHEME = DATA_DIR / "roles.ttl"

#: ISO code -> institution id of the national government, for the nations given a side (data/countries.yaml)
GOVERNMENTS = load_countries().governments(national_only=True)
#: Kinds of post a state's or city's government holds ("Texas Secretary of State", "Laredo Mayor"); a
#: legislator or an envoy named by their state serves the nation.
STATE_POSTS = frozenset({"governor", "minister", "deputy-minister", "director", "officer", "chair"})


@dataclass(frozen=True)
class RoleFinding:
    """A post read from a sentence: the person and org mentions (char spans), or an implied institution."""

    person: tuple[int, int]
    title: str | None
    former: bool
    sent_start: int
    sent_end: int
    extractor: str
    org: tuple[int, int] | None = None
    institution: str | None = None
    country: str | None = None  # the side a nationality word gives ("Mexican President")


@dataclass(frozen=True)
class Office:
    institution: str | None
    by_country: dict[str, str]
    country: str | None


@lru_cache(maxsize=1)
def load_offices() -> dict[str, Office]:
    """Titles that name their institution (``data/offices.yaml``), by lowercased title."""
    out: dict[str, Office] = {}
    for entry in read_yaml(OFFICES):
        office = Office(entry.get("institution"), dict(entry.get("by_country") or {}), entry.get("country"))
        for title in entry["titles"]:
            out[title.lower()] = office
    return out


@lru_cache(maxsize=1)
def _role_scheme_text() -> str:
    return ROLE_SCHEME.read_text(encoding="utf-8")


def role_scheme() -> Graph:
    """The role-type scheme (``data/roles.ttl``) that ``tg:roleType`` points into."""
    return Graph().parse(data=_role_scheme_text(), format="turtle")


def cap(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def title_at(tokens: list[Token], lex: Lexicon) -> int:
    """Length of the longest known title starting at ``tokens[0]`` (0 if none)."""
    for size in range(min(lex.max_title_words, len(tokens)), 0, -1):
        if " ".join(t.text for t in tokens[:size]).lower() in lex.titles:
            return size
    return 0


def extend_portfolio(tokens: list[Token], end: int, lex: Lexicon) -> int:
    """Extend a title over "for the Western Hemisphere" / "of International Trade"."""
    i = end
    if i + 1 < len(tokens) and tokens[i].lower_ == "to":  # "Ambassador to the U.S.", "Envoy to Mexico"
        k = i + 1 + (tokens[i + 1].lower_ == "the")
        if k < len(tokens) and tokens[k].text.lower() in set(lex.nationalities) | {"united"}:
            k += 1
            while k < len(tokens) and tokens[k].text[:1].isupper() and tokens[k].text.lower() not in lex.titles:
                k += 1
            return k
    while i < len(tokens) and tokens[i].lower_ in {"for", "of", "the", "and", "&"}:
        j = i
        while j < len(tokens) and tokens[j].lower_ in {"for", "of", "the", "and", "&"}:
            j += 1
        k = j
        while k < len(tokens) and cap(tokens[k]) and tokens[k].lower_ in lex.portfolio_words:
            k += 1
        if k == j:
            break
        i = k
    return i


def split_title(tokens: list[Token], lex: Lexicon) -> tuple[int, int, bool]:
    """Find ``[former] Title [for Portfolio]`` at the start of ``tokens``: (title start, title end, former)."""
    i, former = 0, False
    while i < len(tokens) and tokens[i].lower_.rstrip("-") in lex.former_markers | lex.current_markers:
        former = former or tokens[i].lower_.rstrip("-") in lex.former_markers
        i += 1
        if i < len(tokens) and tokens[i].text == "-":
            i += 1
    size = title_at(tokens[i:], lex)
    if not size:
        return i, i, former
    end = i + size
    while True:  # "Founder and CEO", "President and Chief Executive Officer"
        if end + 1 < len(tokens) and tokens[end].lower_ == "and" and title_at(tokens[end + 1:], lex):
            end = end + 1 + title_at(tokens[end + 1:], lex)
            continue
        break
    return i, extend_portfolio(tokens, end, lex), former


def nationality(tokens: list[Token], lex: Lexicon) -> str | None:
    """The side named by the words before a title: all of them ("Mexican", "Mexico's"), or their end
    after a connector ("… and Mexican President X", "…, U.S. Ambassador Y")."""
    words = [t.text for t in tokens if t.tag_ != "POS" and t.text not in {"’s", "'s"}]
    for k in range(len(words)):
        if k and words[k - 1].lower() not in {"and", ",", "or", "with", "by", "&", "-", "–"}:  # "then-Mexican"
            continue
        code = lex.nationalities.get(" ".join(words[k:]).lower())
        if code:
            return code
    return None


def office_for(title: str, country: str | None) -> tuple[str | None, str | None]:
    """The institution a title names, and the side it implies."""
    offices = load_offices()
    words = title.lower().split()
    for size in range(len(words), 0, -1):
        for start in range(0, len(words) - size + 1):
            office = offices.get(" ".join(words[start:start + size]))
            if office:
                side = country or office.country
                return office.by_country.get(side or "", office.institution), side
    return None, country


def clean_title(tokens: list[Token], lex: Lexicon, *, keep_nationality: bool = False) -> tuple[str | None, bool]:
    """The title as written from the words before an organization, and whether it is former."""
    while tokens and tokens[0].lower_ in {",", "and", "the", "as", "a", "an", "now", "also", "at", "with"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in {",", ".", ";", ":", "of", "at", "with", "for", "from", "the", "in", "and"}:
        tokens = tokens[:-1]
    former = False
    markers = lex.former_markers | lex.current_markers | {"long-time", "longtime"}
    while tokens and tokens[0].lower_.rstrip("-") in markers:
        former = former or tokens[0].lower_.rstrip("-") in lex.former_markers
        tokens = tokens[1:]
        while tokens and tokens[0].text in {"-", ","}:
            tokens = tokens[1:]
    if not keep_nationality and len(tokens) > 1 and tokens[-1].text in {"’s", "'s"} \
            and tokens[-2].text.lower() in lex.nationalities:  # "North America head in Mexico's Foreign Ministry"
        tokens = tokens[:-2]
        while tokens and tokens[-1].lower_ in {"in", "at", "of"}:
            tokens = tokens[:-1]
    while tokens and tokens[-1].text in {"’s", "'s"}:
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens).strip() or None
    if text and re.match(r"(?i)long[- ]?time\s+", text):
        text = re.sub(r"(?i)^long[- ]?time\s+", "", text)
    if text:  # "secretary of economy for the state [of Chihuahua]": the state is the post's body
        text = re.sub(r"(?i)\s+(?:for|of|in)\s+the\s+state$", "", text)
    return text, former
