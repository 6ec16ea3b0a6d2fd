"""The genre's word lists (titles, honorifics, organization words), loaded once from data files.

>>> lex = load_lexicon()
>>> lex.role_of("Vice President"), lex.role_of("Undersecretary")
('vice-president', 'deputy-minister')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from extract import DATA_DIR
from extract.reference.countries import load_countries
from extract.reference.data_files import read_yaml

DATA = DATA_DIR


@dataclass(frozen=True)
class Lexicon:
    titles: dict[str, str]  # lowercased title -> role slug
    honorifics: frozenset[str]
    former_markers: frozenset[str]
    current_markers: frozenset[str]
    org_heads: frozenset[str]
    portfolio_words: frozenset[str]
    not_actors: frozenset[str]
    agreement_heads: frozenset[str]
    event_words: frozenset[str]
    nationalities: dict[str, str]  # lowercased word -> ISO code
    speech_verbs: frozenset[str]
    irregular_forms: dict[str, str]
    participation_verbs: frozenset[str]
    founding_verbs: frozenset[str]
    participation_nouns: frozenset[str]
    report_nouns: frozenset[str]
    report_verbs: frozenset[str]
    conference_words: frozenset[str]
    event_name_heads: tuple[str, ...]
    country_words: dict[str, str]  # lowercased word or phrase -> ISO code
    spanish_business_words: frozenset[str]
    places: frozenset[str]  # lowercased names of states and cities
    states: dict[str, str]  # lowercased name of a Mexican or U.S. state -> ISO code
    max_title_words: int
    plural_heads: dict[str, str]  # "departments" -> "Department": a head that names several bodies
    cities: dict[str, str]  # lowercased name of a city -> ISO code
    city_titles: frozenset[str]  # titles of a city's government ("mayor")
    past_openers: frozenset[str]  # "era of": the post named next is past
    past_terms: frozenset[str]  # "during X's tenure": the post is past
    region_words: frozenset[str]  # "north": "North American" names no side
    abbreviations: dict[str, str]  # "gov." -> "Governor": the title an abbreviation stands for

    @cached_property
    def title_forms(self) -> tuple[str, ...]:
        """The titles as a tuple, for ``str.endswith``: whether a text ends in a title, in one call."""
        return tuple(self.titles)

    @cached_property
    def honorific_forms(self) -> tuple[str, ...]:
        """The honorifics as a tuple, for ``str.endswith``."""
        return tuple(self.honorifics)

    @cached_property
    def not_name_words(self) -> frozenset[str]:
        """Words that are no part of a person's name: bodies' heads, portfolio and event words, titles,
        nationalities and places."""
        return self.org_heads | self.portfolio_words | self.event_words | frozenset(self.titles) \
            | frozenset(self.nationalities) | self.places

    def role_of(self, title: str) -> str | None:
        """The role-scheme slug of a title as written, by its longest known ending."""
        words = title.lower().replace(",", " ").split()
        for size in range(len(words), 0, -1):
            for start in range(0, len(words) - size + 1):
                role = self.titles.get(" ".join(words[start:start + size]))
                if role:
                    return role
        return None

    def full_title(self, title: str) -> str:
        """A title with its abbreviated words written out: "Gov." -> "Governor", "Lt. Gov." -> "Lieutenant
        Governor", "Asst. Secretary of State" -> "Assistant Secretary of State"."""
        whole = self.abbreviations.get(title.lower())
        if whole:
            return whole
        return " ".join(self.abbreviations.get(w.lower(), w) for w in title.split())

    def is_title(self, text: str) -> bool:
        return text.lower() in self.titles

    @cached_property
    def _speech_forms(self) -> dict[str, bool]:
        """Each lowercased word form :meth:`is_speech` was asked about, with its answer."""
        return {}

    def is_speech(self, word: str) -> bool:
        """Whether a word form is a speech verb: "said", "emphasized", "notes", "told" (each form worked out
        once)."""
        w = word.lower()
        known = self._speech_forms.get(w)
        if known is None:
            known = self._speech_forms[w] = self._speech_form(w)
        return known

    def _speech_form(self, w: str) -> bool:
        if w in self.irregular_forms or w in self.speech_verbs:
            return True
        return any(w.endswith(suffix) and w[: -len(suffix)] in self.speech_verbs
                   or w.endswith(suffix) and w[: -len(suffix)] + "e" in self.speech_verbs
                   for suffix in ("ed", "s", "d", "es"))


def _read(name: str) -> dict:
    path = DATA / name
    return read_yaml(path)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load ``titles.yaml``, ``orgwords.yaml``, ``verbs.yaml`` and ``places.yaml``."""
    titles_raw, words, verbs = _read("titles.yaml"), _read("orgwords.yaml"), _read("verbs.yaml")
    places = _read("places.yaml")
    titles: dict[str, str] = {}
    for role, forms in titles_raw["roles"].items():
        for form in forms:
            titles.setdefault(str(form).lower(), role)
    lower = lambda items: frozenset(str(i).lower() for i in items)  # noqa: E731
    nationalities = dict(load_countries().nationalities)  # every country's names, demonyms and short forms
    return Lexicon(
        titles=titles,
        honorifics=lower(titles_raw["honorifics"]),
        former_markers=lower(titles_raw["former_markers"]),
        current_markers=lower(titles_raw["current_markers"]),
        org_heads=lower(words["org_heads"]),
        portfolio_words=lower(words["portfolio_words"]),
        not_actors=lower(words["not_actors"]),
        agreement_heads=lower(words["agreement_heads"]),
        event_words=lower(words["event_words"]),
        nationalities=nationalities,
        country_words={str(w).lower(): code for code, ws in words["country_words"].items() for w in ws},
        spanish_business_words=lower(words["spanish_business_words"]),
        places=lower(p for names in places.values() for p in names),
        states={str(p).lower(): code for key, code in (("mexican_states", "MX"), ("us_states", "US"))
                for p in places[key]},
        speech_verbs=lower(verbs["speech_verbs"]),
        irregular_forms={str(k): str(v) for k, v in verbs["irregular_forms"].items()},
        participation_verbs=lower(verbs["participation_verbs"]),
        founding_verbs=lower(verbs["founding_verbs"]),
        participation_nouns=lower(verbs["participation_nouns"]),
        report_nouns=lower(verbs["report_nouns"]),
        report_verbs=lower(verbs["report_verbs"]),
        conference_words=lower(verbs["conference_words"]),
        event_name_heads=tuple(str(w) for w in verbs["event_name_heads"]),
        max_title_words=max(len(t.split()) for t in titles),
        plural_heads={str(k).lower(): str(v) for k, v in words["plural_heads"].items()},
        cities={str(p).lower(): code for key, code in (("mexican_cities", "MX"), ("us_cities", "US"))
                for p in places[key]},
        city_titles=lower(titles_raw["city_titles"]),
        past_openers=lower(titles_raw["past_openers"]),
        past_terms=lower(titles_raw["past_terms"]),
        region_words=lower(words["region_words"]),
        abbreviations={str(k).lower(): str(v) for k, v in titles_raw["abbreviations"].items()},
    )
