"""The countries the documents name, read once from ``data/countries.yaml`` and checked.

Each :class:`Country` says how a text names it (nationality words, qualifiers, the words of "the X and
Y governments"), which institution is its national government, and whether the graph gives it a side.
Extraction and the graph's views take countries from here instead of restating them.

>>> c = load_countries()
>>> c.by_code["MX"].name, c.nationalities["estadounidense"], c.governments()["US"]
('Mexico', 'US', 'us-government')
>>> c.sides, sorted(c.national)
(('US', 'MX'), ['CA', 'MX', 'US'])
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.data_files import read_checked

__all__ = ["DATA", "Side", "Country", "Countries", "load_countries"]

DATA = DATA_DIR / "countries.yaml"
_FIELDS = {"code", "name", "words", "qualifiers", "government_words", "side_word", "government", "national", "side"}
_WORD_GROUPS = {"names", "demonyms", "short", "metonyms"}
_LANGUAGES = {"en", "es"}


@dataclass(frozen=True)
class Side:
    """How the network view marks a side: the legend's label, the border's colour and width."""

    label: str
    colour: str
    width: float


@dataclass(frozen=True)
class Country:
    """One country: its code, names, the words that name it, its government and its side (if it is one)."""

    code: str
    name: str  # in English
    name_es: str
    words: tuple[str, ...]  # every form a text names it by, as written
    qualifiers: tuple[str, ...] = ()  # lowercase words before a listed institution's name that say it is this one's
    government_words: tuple[str, ...] = ()
    side_word: str | None = None
    government: str | None = None  # institution id
    national: bool = False
    side: Side | None = None


@dataclass(frozen=True)
class Countries:
    """Every country, in the data file's order, and the lookups built from them once."""

    countries: tuple[Country, ...]
    no_side: Side

    @cached_property
    def by_code(self) -> dict[str, Country]:
        return {c.code: c for c in self.countries}

    @cached_property
    def nationalities(self) -> dict[str, str]:
        """Lowercased nationality word -> ISO code."""
        return {w.lower(): c.code for c in self.countries for w in c.words}

    @cached_property
    def national(self) -> frozenset[str]:
        """The codes of the nations whose people and bodies get a side."""
        return frozenset(c.code for c in self.countries if c.national)

    @cached_property
    def sides(self) -> tuple[str, ...]:
        """The codes of the two sides of the relation the graph maps, in the data file's order."""
        return tuple(c.code for c in self.countries if c.side is not None)

    def governments(self, *, national_only: bool = False) -> dict[str, str]:
        """ISO code -> the institution id of its national government (of the national countries only, if asked)."""
        return {c.code: c.government for c in self.countries
                if c.government is not None and (c.national or not national_only)}

    def qualifiers(self) -> dict[str, str]:
        """Lowercased qualifier ("mexican", "united states") -> ISO code."""
        return {q: c.code for c in self.countries for q in c.qualifiers}


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataError(f"{where} must be a list of words")
    return tuple(value)


def _side(raw: Any, where: str) -> Side:
    if not isinstance(raw, dict) or set(raw) != {"label", "colour", "width"} or not isinstance(raw["label"], str) \
            or not isinstance(raw["colour"], str) or not isinstance(raw["width"], (int, float)):
        raise DataError(f"{where} must be a mapping of label, colour and width (a number)")
    return Side(raw["label"], raw["colour"], raw["width"])


def _words(raw: Any, where: str) -> tuple[str, ...]:
    """The forms of a country's ``words``: names and demonyms by language, then short forms and metonyms."""
    if not isinstance(raw, dict) or not set(raw) <= _WORD_GROUPS:
        raise DataError(f"{where}: 'words' must be a mapping of {', '.join(sorted(_WORD_GROUPS))}")
    words: list[str] = []
    for group in ("names", "demonyms"):
        by_language = raw.get(group, {})
        if not isinstance(by_language, dict) or not set(by_language) <= _LANGUAGES:
            raise DataError(f"{where}: '{group}' must map languages ({', '.join(sorted(_LANGUAGES))}) to words")
        for language, forms in by_language.items():
            words += _strings(forms, f"{where}: {group} ({language})")
    for group in ("short", "metonyms"):
        words += _strings(raw.get(group, []), f"{where}: '{group}'") if raw.get(group) else ()
    return tuple(words)


def _country(raw: Any, i: int) -> Country:
    where = f"entry {i + 1}"
    if not isinstance(raw, dict):
        raise DataError(f"{where} must be a mapping")
    where = f"country {raw.get('code', i + 1)!r}"
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise DataError(f"{where}: unknown field(s) {', '.join(unknown)}; fields are {', '.join(sorted(_FIELDS))}")
    code, name = raw.get("code"), raw.get("name")
    if not isinstance(code, str) or len(code) != 2 or not code.isupper():
        raise DataError(f"{where}: 'code' must be an ISO 3166-1 alpha-2 code such as MX")
    if not isinstance(name, dict) or not isinstance(name.get("en"), str) or not isinstance(name.get("es"), str):
        raise DataError(f"{where}: 'name' must give the English (en) and Spanish (es) names")
    for key in ("side_word", "government"):
        if key in raw and not (isinstance(raw[key], str) and raw[key]):
            raise DataError(f"{where}: {key!r} must be a word")
    if not isinstance(raw.get("national", False), bool):
        raise DataError(f"{where}: 'national' must be true or false")
    return Country(code=code, name=name["en"], name_es=name["es"], words=_words(raw.get("words"), where),
                   qualifiers=tuple(q.lower() for q in _strings(raw.get("qualifiers", []), f"{where}: 'qualifiers'"))
                   if raw.get("qualifiers") else (),
                   government_words=_strings(raw["government_words"], f"{where}: 'government_words'")
                   if raw.get("government_words") else (),
                   side_word=raw.get("side_word"), government=raw.get("government"),
                   national=raw.get("national", False),
                   side=_side(raw["side"], f"{where}: 'side'") if "side" in raw else None)


def _countries(raw: Any) -> Countries:
    if not isinstance(raw, dict) or set(raw) != {"countries", "no_side"} or not isinstance(raw["countries"], list):
        raise DataError("must be a mapping of a 'countries' list and 'no_side'")
    countries = tuple(_country(entry, i) for i, entry in enumerate(raw["countries"]))
    codes = [c.code for c in countries]
    if len(set(codes)) != len(codes):
        raise DataError(f"a country is listed twice: {', '.join(sorted(c for c in codes if codes.count(c) > 1))}")
    seen: dict[str, str] = {}
    for c in countries:
        for word in c.words:
            if seen.setdefault(word.lower(), c.code) != c.code:
                raise DataError(f"country {c.code!r}: the word {word!r} also names {seen[word.lower()]}")
    if sum(c.side is not None for c in countries) != 2:
        raise DataError("exactly two countries must have a 'side': the two sides of the relation")
    return Countries(countries, _side(raw["no_side"], "'no_side'"))


@lru_cache(maxsize=4)
def load_countries(path: Path = DATA) -> Countries:
    """Read and check ``path`` once; a ``DataError`` names the file and the entry at fault."""
    return read_checked(path, _countries)
