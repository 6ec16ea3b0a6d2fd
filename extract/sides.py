"""Which side an organization is on, when the institution list does not say.

In order: its name ("U.S.-Canada Business Initiative", "American Society Mexico", "Harris
County"), its parent body, then the document's home side: the side of the first national
institution it names, which in this genre is usually its publisher or the meeting's host
(a report from a U.S. chamber names U.S. companies; a Mexican business council's release,
Mexican bodies).
"""
from __future__ import annotations

import re

from extract.mentions import Mention
from extract.reference.countries import load_countries
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.resolve import Entity
from extract.slug import strip_accents

NATIONAL = load_countries().national  # the nations whose people and bodies get a side (data/countries.yaml)
BILATERAL = frozenset(load_countries().sides)  # the two sides of the relation the graph maps
_SPANISH = {"de", "del", "la", "las", "los", "y", "para", "el"}


def country_from_name(name: str, lex: Lexicon) -> str | None:
    """The side an organization's own name gives, if any.

    >>> from extract.reference.lexicon import load_lexicon
    >>> [country_from_name(n, load_lexicon()) for n in ("U.S.-Canada Business Initiative", "American Society Mexico",
    ...     "Harris County", "Acme Partners", "Office of Canada's Trade Commissioner")]
    ['US', 'MX', 'US', None, 'CA']
    """
    clean = name.replace("’s", "").replace("'s", "")
    words = re.split(r"[\s\-–]+", clean)
    lower = clean.lower()
    if len(words) > 1:
        for size in (2, 1):
            tail = " ".join(words[-size:]).lower()
            if tail in lex.nationalities and not lex.nationalities[tail] == "US" or tail in {"mexico", "méxico"}:
                return lex.nationalities[tail]
        for size in (2, 1):
            head = " ".join(words[:size]).lower()
            if head in lex.nationalities and len(words) > size:
                return lex.nationalities[head]
    for phrase, code in lex.country_words.items():
        if re.search(rf"\b{re.escape(phrase)}\b", lower):
            return code
    for i, word in enumerate(words[:-1]):  # "Embassy of Mexico", "Office of Canada's Trade Commissioner"
        if word.lower() == "of":
            after = [w.lower() for w in words[i + 1:i + 4] if w.lower() != "the"]
            for size in (3, 2, 1):
                place = " ".join(after[:size])
                if place in lex.nationalities or place in lex.states or place in lex.cities:  # "Government of Texas"
                    return lex.nationalities.get(place) or lex.states.get(place) or lex.cities[place]
    head = " ".join(words[:2]).lower()
    named = lex.states.get(head) or lex.cities.get(head) or lex.states.get(words[0].lower()) \
        or lex.cities.get(words[0].lower())
    if named and len(words) > 1:  # "Texas Business Leadership Council", "Arizona-Mexico Commission"
        return named
    sides = {lex.nationalities[w.lower()] for k, w in enumerate(words) if w[:1].isupper()
             and w.lower() in lex.nationalities and not (k and words[k - 1].lower() in lex.region_words)}
    if len(sides) == 1:  # "Emergency Committee for American Trade"
        return sides.pop()
    if strip_accents(name) != name or any(w.lower() in _SPANISH for w in words[1:-1]) \
            or any(w.lower() in lex.spanish_business_words for w in words):
        return "MX"
    return None


def infer_countries(entities: list[Entity], parents: dict[str, str], inst: InstitutionList,
                    lex: Lexicon) -> dict[str, str | None]:
    """Country code by organization entity key; ``parents`` maps a child's key to its parent's key."""
    out: dict[str, str | None] = {}
    orgs = [e for e in entities if e.kind == "org"]
    for e in orgs:
        out[e.key] = inst.by_id[e.institution].country if e.institution else country_from_name(e.name, lex)
    for _ in range(3):  # a subcommittee under a committee under a chamber
        for child, parent in parents.items():
            if out.get(child) is None and out.get(parent):
                out[child] = out[parent]
    home = home_side(orgs, inst)
    if home:
        for e in orgs:
            if out[e.key] is None:
                out[e.key] = home
    return out


def home_side(orgs: list[Entity], inst: InstitutionList) -> str | None:
    """The side of the first institution of either side the document names (a Canadian company named in
    passing does not make a Texas release Canadian)."""
    listed = sorted((e for e in orgs if e.institution and inst.by_id[e.institution].country in BILATERAL),
                    key=lambda e: e.first)
    first = listed[0].institution if listed else None
    return inst.by_id[first].country if first else None


def issuer(mentions: list[Mention], inst: InstitutionList, *, within: int) -> str | None:
    """The listed government body of either side a document's header (its first ``within`` characters) names
    first: its issuer (a Secretaría's comunicado under the Secretaría's name, an embassy's release under the
    embassy's). A whole government is no issuer: it is the country a dateline names ("Washington, D.C., EUA")."""
    governments = set(load_countries().governments().values())
    for m in sorted(mentions, key=lambda m: m.start):
        entry = inst.by_id.get(m.institution or "")
        if m.start < within and entry is not None and entry.kind == "government" and entry.country in BILATERAL \
                and entry.id not in governments:
            return entry.id
    return None


def sentence_sides(entities: list[Entity], sides: dict[str, str | None]) -> dict[str, str]:
    """A side for each person who has none, from the sentences that name them: the one side of the other
    people and the national bodies those sentences name ("… the Mexican delegation: A, Secretary …; B, …").
    ``sides`` holds the known side of people and organizations by entity key."""
    by_sentence: dict[int, set[str]] = {}
    for e in entities:
        side = sides.get(e.key)
        if side in NATIONAL:
            for m in e.mentions:
                by_sentence.setdefault(m.sent_start, set()).add(side)
    out: dict[str, str] = {}
    for e in entities:
        if e.kind != "person" or sides.get(e.key):
            continue
        around = set().union(*(by_sentence.get(m.sent_start, set()) for m in e.mentions))
        if len(around) == 1:
            out[e.key] = next(iter(around))
    return out


def document_side(entities: list[Entity], sides: dict[str, str | None]) -> str | None:
    """The side of the first body of either side the document names: in this genre usually its publisher
    or the meeting's host, and the side a person it names with no other sign of theirs acts for."""
    for e in sorted(entities, key=lambda e: e.first):
        if e.kind == "org" and sides.get(e.key) in BILATERAL:
            return sides[e.key]
    return None
