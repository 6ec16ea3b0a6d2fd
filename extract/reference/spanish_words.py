"""The Spanish word lists of ``data/spanish.yaml``, read and checked once: the words the recognisers take for
names in Spanish text (used by :mod:`extract.mentions.spanish`) and how Spanish writes a country inside a
body's name (used by the institution ruler, :mod:`extract.reference.institutions`).

>>> words = spanish_words()
>>> "asimismo" in words.openers, words.acronyms["EU"]
(True, 'US')
>>> sorted(spanish_variants("Cámara de Comercio de Estados Unidos"))[:2]
['Cámara de Comercio de E.U.A.', 'Cámara de Comercio de EE. UU.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.countries import load_countries
from extract.reference.data_files import read_yaml
from extract.reference.lexicon import load_lexicon

SPANISH = DATA_DIR / "spanish.yaml"
_LISTS = ("openers", "function_words", "title_words")


@dataclass(frozen=True)
class SpanishWords:
    """``spanish.yaml`` checked: openers, function words and title words (folded to lowercase), whether a
    ruler match must be capitalised, the acronyms that name a country in Spanish (acronym -> ISO code), and
    the Spanish forms of a country phrase inside a body's name; the verbs that report a meeting, the words
    that make it a visit, the months, the weekdays (Monday first) and the words for the publication's day;
    the role types of titles whose side the document's context gives; the words after a title that belong to it
    ("General", "Comercial"), what opens a sentence that goes on telling the meeting before it, and the nouns
    and cues of a named event ("durante el Foro Bilateral"), the words that name a country by reference, and
    the relative clauses that say a person took part ("X, quien participó en la reunión"); the nouns that open
    a body's or a venue's name, and the words that make an office a state's."""

    openers: frozenset[str]
    function_words: frozenset[str]
    title_words: frozenset[str]
    lowercase_bodies: bool
    acronyms: dict[str, str]
    name_variants: dict[str, tuple[str, ...]]
    meeting_verbs: tuple[re.Pattern[str], ...] = ()
    visit_words: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    weekdays: tuple[str, ...] = ()
    today_words: tuple[str, ...] = ()
    context_titles: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    continuations: tuple[re.Pattern[str], ...] = ()
    event_heads: tuple[str, ...] = ()
    event_cues: tuple[re.Pattern[str], ...] = ()
    country_references: tuple[str, ...] = ()
    attendance_clauses: tuple[re.Pattern[str], ...] = ()
    body_heads: tuple[str, ...] = ()
    venue_heads: frozenset[str] = frozenset()
    state_words: tuple[str, ...] = ()


def _check(raw: Any) -> SpanishWords:
    """The word lists of ``spanish.yaml``, or a ``DataError`` saying what is wrong."""
    if not isinstance(raw, dict):
        raise DataError(f"{SPANISH}: expected a mapping")
    for key in _LISTS:
        if not isinstance(raw.get(key), list) or not all(isinstance(w, str) and w.strip() for w in raw[key]):
            raise DataError(f"{SPANISH}: '{key}' must be a list of words")
    acronyms = raw.get("acronyms") or {}
    codes = {c.code for c in load_countries().countries}
    if not isinstance(acronyms, dict) or not set(map(str, acronyms.values())) <= codes:
        raise DataError(f"{SPANISH}: 'acronyms' must map acronyms to country codes of countries.yaml")
    variants = raw.get("name_variants") or {}
    if not isinstance(variants, dict) or not all(isinstance(v, list) and all(isinstance(f, str) for f in v)
                                                 for v in variants.values()):
        raise DataError(f"{SPANISH}: 'name_variants' must map a phrase to a list of its other forms")
    extra = {key: raw.get(key) or [] for key in ("meeting_verbs", "visit_words", "months", "weekdays", "today_words",
                                                 "context_titles", "title_modifiers", "continuations", "event_heads",
                                                 "event_cues", "country_references", "attendance_clauses",
                                                 "body_heads", "venue_heads", "state_words")}
    if not all(isinstance(v, list) and all(isinstance(w, str) and w for w in v) for v in extra.values()) \
            or len(extra["months"]) not in (0, 12) or len(extra["weekdays"]) not in (0, 7):
        raise DataError(f"{SPANISH}: 'meeting_verbs', 'visit_words', 'today_words', 'title_modifiers', "
                        "'continuations', 'months' (all twelve) and 'weekdays' (all seven) must be lists of words")
    roles = set(load_lexicon().titles.values())
    if not set(extra["context_titles"]) <= roles:
        raise DataError(f"{SPANISH}: 'context_titles' must be role types of data/titles.yaml, not "
                        f"{sorted(set(extra['context_titles']) - roles)}")
    try:
        verbs = tuple(re.compile(p, re.I) for p in extra["meeting_verbs"])
        continuations = tuple(re.compile(p, re.I) for p in extra["continuations"])
        cues = tuple(re.compile(p, re.I) for p in extra["event_cues"])
        clauses = tuple(re.compile(p, re.I) for p in extra["attendance_clauses"])
    except re.error as exc:
        raise DataError(f"{SPANISH}: a meeting verb, continuation or event cue is not a valid pattern ({exc})") \
            from None
    folded = {key: frozenset(w.lower() for w in raw[key]) for key in _LISTS}
    return SpanishWords(openers=folded["openers"], function_words=folded["function_words"],
                        title_words=folded["title_words"], lowercase_bodies=raw.get("lowercase_bodies") is True,
                        acronyms={str(k): str(v) for k, v in acronyms.items()},
                        name_variants={str(k): tuple(v) for k, v in variants.items()}, meeting_verbs=verbs,
                        visit_words=tuple(extra["visit_words"]), months=tuple(m.lower() for m in extra["months"]),
                        weekdays=tuple(w.lower() for w in extra["weekdays"]),
                        today_words=tuple(w.lower() for w in extra["today_words"]),
                        context_titles=frozenset(extra["context_titles"]),
                        title_modifiers=frozenset(w.lower() for w in extra["title_modifiers"]),
                        continuations=continuations, event_heads=tuple(extra["event_heads"]), event_cues=cues,
                        country_references=tuple(extra["country_references"]), attendance_clauses=clauses,
                        body_heads=tuple(extra["body_heads"]), venue_heads=frozenset(extra["venue_heads"]),
                        state_words=tuple(w.lower() for w in extra["state_words"]))


@lru_cache(maxsize=1)
def spanish_words() -> SpanishWords:
    """``spanish.yaml``, read and checked once."""
    return _check(read_yaml(SPANISH))


def spanish_variants(form: str) -> set[str]:
    """The other ways Spanish writes ``form``: each country phrase of ``name_variants`` it contains replaced by
    each of its forms ("Congreso de Estados Unidos" -> "Congreso de EE.UU.", "Congreso estadounidense")."""
    out: set[str] = set()
    for phrase, forms in spanish_words().name_variants.items():
        if phrase in form:
            out |= {form.replace(phrase, other) for other in forms}
    return out


__all__ = ["SpanishWords", "spanish_variants", "spanish_words"]
