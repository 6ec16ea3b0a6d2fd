"""Who held which top office, and when (``data/officeholders.yaml``): load, check, look up.

Reference knowledge of the field, not extraction: it tells who "President Zedillo" was,
who was Mexico's Secretary of Finance on a given day, and whether a person still held an
office on a document's date (to decide "former"). Names and surnames are compared folded
(``extract.slug.fold``: case, accents, periods).

>>> [h.name for h in find("Ernesto Zedillo")]
['Ernesto Zedillo Ponce de León']
>>> by_surname("Zedillo", office_title="President", country="MX").name
'Ernesto Zedillo Ponce de León'
>>> holder("Secretary of Finance", "MX", "1996-06-01").name
'Guillermo Ortiz Martínez'
>>> mineta = find("Norman Mineta")[0]
>>> was_holding(mineta, "Secretary of Transportation", "2003"), was_holding(mineta, "us-secretary-of-commerce", "2003")
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.data_files import read_yaml
from extract.reference.institutions import load_institutions
from extract.slug import fold
from extract.text.dates import days_of

DATA = DATA_DIR / "officeholders.yaml"
COUNTRIES = frozenset({"US", "MX"})
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y"})
_OPEN_END = "9999-12-31"


def _bounds(text: str) -> tuple[str, str]:
    """First and last day a checked ISO date, month or year covers: "1998-02" -> ("1998-02-01", "1998-02-28")."""
    days = days_of(text)
    if days is None:
        raise ValueError(f"not a date: {text!r}")
    return days


@dataclass(frozen=True)
class Position:
    """An office: its title as the press writes it and the body (or state) it belongs to."""

    key: str
    title: str
    country: str
    institution: str | None = None
    state: str | None = None
    also: tuple[str, ...] = ()

    def is_titled(self, title: str) -> bool:
        """True when ``title`` is this office's title or one of its other written forms."""
        return fold(title) in {fold(t) for t in (self.title, *self.also)}


@dataclass(frozen=True)
class Post:
    """One term in one office; ``end`` is the last day in office, None while in office."""

    office: Position
    start: str
    end: str | None

    def covers(self, on: str) -> bool:
        """True when the term overlaps the day, month or year ``on`` (partial dates count loosely)."""
        on_first, on_last = _bounds(on)
        last = _bounds(self.end)[1] if self.end else _OPEN_END
        return _bounds(self.start)[0] <= on_last and on_first <= last


@dataclass(frozen=True)
class Holder:
    """A person with the posts they held; ``surnames`` are the folded forms a surname mention may take."""

    name: str
    aliases: tuple[str, ...]
    posts: tuple[Post, ...]
    surnames: tuple[str, ...]
    wikidata: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """The full name and every alias."""
        return (self.name, *self.aliases)


def _matches(post: Post, office: str | None, country: str | None, on: str | None, state: str | None) -> bool:
    """Whether a post fits every filter given: an office key or title, a country, a date, a state."""
    return ((office is None or post.office.key == office or post.office.is_titled(office))
            and (country is None or post.office.country == country)
            and (state is None or fold(post.office.state or "") == fold(state))
            and (on is None or post.covers(on)))


@dataclass
class Officeholders:
    """The offices by key and the holders, with folded name and surname indexes."""

    offices: dict[str, Position]
    people: tuple[Holder, ...]
    _by_form: dict[str, list[Holder]] = field(default_factory=dict)
    _by_surname: dict[str, list[Holder]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for person in self.people:
            for form in dict.fromkeys(fold(f) for f in person.forms):
                self._by_form.setdefault(form, []).append(person)
            for surname in person.surnames:
                self._by_surname.setdefault(surname, []).append(person)

    def find(self, name: str) -> list[Holder]:
        """Everyone whose full name or an alias folds to ``name``."""
        return list(self._by_form.get(fold(name), []))

    def by_surname(self, surname: str, *, office_title: str | None = None, country: str | None = None,
                   on: str | None = None) -> Holder | None:
        """The one holder with that surname who held a fitting post; None when nobody or several fit."""
        found = [p for p in self._by_surname.get(fold(surname), [])
                 if any(_matches(post, office_title, country, on, None) for post in p.posts)]
        return found[0] if len(found) == 1 else None

    def holder(self, office_title: str, country: str, on: str, *, state: str | None = None) -> Holder | None:
        """Who held the office on ``on``; on a handover day, the newcomer. None when unknown or unclear."""
        found = {id(p): (p, post) for p in self.people for post in p.posts
                 if _matches(post, office_title, country, on, state)}
        if len(found) > 1 and len(on) == 10:
            found = {k: (p, post) for k, (p, post) in found.items() if post.end != on}
        return next(iter(found.values()))[0] if len(found) == 1 else None


def was_holding(person: Holder, office: str, on: str | None = None) -> bool:
    """Whether ``person`` held ``office`` (a key or a title) on ``on``, or ever when ``on`` is None."""
    return any(_matches(post, office, None, on, None) for post in person.posts)


def _surnames(name: str, mexican: bool) -> tuple[str, ...]:
    """Surname forms from a full name: the last surname; for a Mexican, the paternal one and both.

    Particles belong to the surname that follows them ("de la Fuente"); a hyphenated surname is one.

    >>> _surnames("Juan Ramón de la Garza Ruiz", True)
    ('de la garza', 'de la garza ruiz')
    >>> _surnames("Manuel Doe-Roe Jr.", False)
    ('doe roe',)
    """
    words = [w for w in (fold(part) for part in name.split()) if w]
    while words and words[-1] in _SUFFIXES:
        words.pop()

    def unit_start(end: int) -> int:
        start = end - 1
        while start > 0 and words[start - 1] in _PARTICLES:
            start -= 1
        return start

    last = unit_start(len(words))
    if not mexican or last < 2:
        return (" ".join(words[last:]),)
    paternal = unit_start(last)
    if paternal < 1:
        return (" ".join(words[last:]),)
    return (" ".join(words[paternal:last]), " ".join(words[paternal:]))


def _date_text(value: Any, where: str) -> str:
    """A post's date as ISO text, checked (YAML may hand over a date or an int when unquoted)."""
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not _DATE.fullmatch(text):
        raise DataError(f"{where}: bad date {value!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        for day in _bounds(text):
            date.fromisoformat(day)
    except ValueError as err:
        raise DataError(f"{where}: bad date {value!r}") from err
    return text


def _position(raw: dict, known_institutions: set[str]) -> Position:
    key = raw.get("key")
    if not key or not raw.get("title") or raw.get("country") not in COUNTRIES:
        raise DataError(f"office {key!r}: needs key, title and a country of {sorted(COUNTRIES)}")
    institution, state = raw.get("institution"), raw.get("state")
    if bool(institution) == bool(state):
        raise DataError(f"office {key!r}: give either an institution or a state")
    if institution and institution not in known_institutions:
        raise DataError(f"office {key!r}: unknown institution id {institution!r}")
    return Position(key, raw["title"], raw["country"], institution, state, tuple(raw.get("also") or ()))


def _holder(raw: dict, offices: dict[str, Position]) -> Holder:
    name = raw.get("name")
    if not name or not raw.get("posts"):
        raise DataError(f"office holder {name!r}: needs a name and posts")
    posts: list[Post] = []
    for item in raw["posts"]:
        where = f"office holder {name!r}"
        if item.get("office") not in offices:
            raise DataError(f"{where}: unknown office key {item.get('office')!r}")
        start = _date_text(item.get("start"), where)
        end = None if item.get("end") is None else _date_text(item["end"], where)
        if end and _bounds(end)[1] < _bounds(start)[0]:
            raise DataError(f"{where}: a post ends ({end}) before it starts ({start})")
        posts.append(Post(offices[item["office"]], start, end))
    wikidata = raw.get("wikidata")
    if wikidata is not None and not _WIKIDATA.fullmatch(str(wikidata)):
        raise DataError(f"office holder {name!r}: bad wikidata id {wikidata!r}")
    mexican = any(p.office.country == "MX" for p in posts)
    surnames = tuple(fold(s) for s in raw["surnames"]) if raw.get("surnames") else _surnames(name, mexican)
    return Holder(name, tuple(raw.get("aliases") or ()), tuple(posts), surnames, wikidata)


@cache
def load_officeholders(path: Path = DATA) -> Officeholders:
    """Read and check the list once: known office keys and institution ids, valid dates, unique names."""
    raw = read_yaml(path) or {}
    known = set(load_institutions().by_id)
    offices: dict[str, Position] = {}
    for item in raw.get("offices") or []:
        position = _position(item, known)
        if position.key in offices:
            raise DataError(f"office {position.key!r}: listed twice")
        offices[position.key] = position
    people = tuple(_holder(item, offices) for item in raw.get("people") or [])
    names: dict[str, str] = {}
    for person in people:
        if fold(person.name) in names:
            raise DataError(f"office holder {person.name!r}: listed twice")
        names[fold(person.name)] = person.name
    for person in people:
        for alias in person.aliases:
            if names.get(fold(alias), person.name) != person.name:
                raise DataError(f"office holder {person.name!r}: alias {alias!r} is another holder's name")
    return Officeholders(offices, people)


def find(name: str) -> list[Holder]:
    """Holders whose full name or an alias folds to ``name`` (several when an alias is shared)."""
    return load_officeholders().find(name)


def by_surname(surname: str, *, office_title: str | None = None, country: str | None = None,
               on: str | None = None) -> Holder | None:
    """The one holder a surname ("Peña Nieto", "Ebrard") names, given an office title, country, date."""
    return load_officeholders().by_surname(surname, office_title=office_title, country=country, on=on)


def holder(office_title: str, country: str, on: str, *, state: str | None = None) -> Holder | None:
    """Who held an office ("President", "Secretary of Economy", "Governor" with a state) on a date."""
    return load_officeholders().holder(office_title, country, on, state=state)
