"""The made-up people of a synthetic corpus: the name lists of ``bench/data/synth_names.yaml`` and a population
drawn from them with a skewed popularity, so that a few people recur in many documents, as in a real archive.

Used by :mod:`bench.synth_corpus`. A person is a given name or two, up to three surnames and an initial; a
renamed mention takes as many of each as the name it replaces has ("Marta Ruiz Ochoa" becomes a given name
and two surnames, "John Fell" a given name and one).

>>> lists = NameLists(english=Lists(("Ann", "Bea"), ("Bo", "Cy"), ("Kay", "Lund", "Moss")),
...                   spanish=Lists(("Inés", "Lía"), ("Raúl", "Iván"), ("Núñez", "Ríos", "Paz")),
...                   particles=frozenset({"de"}), not_people=frozenset())
>>> pool = Population(lists, size=4, seed=1)
>>> person = pool.draw(random.Random(2), spanish=True, female=True)
>>> person.given[0] in ("Inés", "Lía"), person.surnames[0] in ("Núñez", "Ríos", "Paz")
(True, True)
"""
from __future__ import annotations

import bisect
import itertools
import random
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.errors import DataError
from extract.reference.data_files import read_yaml
from extract.reference.officeholders import load_officeholders
from extract.slug import fold


def plain(text: str) -> str:
    """``text`` without accents, case kept ("Núñez" -> "Nunez")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))

NAMES = Path(__file__).resolve().parent / "data" / "synth_names.yaml"
#: Popularity of the n-th person of a population is 1 / (n + OFFSET) ** EXPONENT: Zipf-like, softened at the
#: head so the most popular person is in a few percent of the documents, not in half of them.
EXPONENT, OFFSET = 1.0, 10


@dataclass(frozen=True)
class Lists:
    """The given names (women's, men's) and surnames of one language."""

    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]

    def given(self, female: bool) -> tuple[str, ...]:
        """The women's or the men's given names."""
        return self.female if female else self.male


@dataclass(frozen=True)
class NameLists:
    """The checked lists: English and Spanish names, the particles kept inside names, and the template
    phrases the extractor takes for people but that are not (never renamed)."""

    english: Lists
    spanish: Lists
    particles: frozenset[str]
    not_people: frozenset[str]

    @property
    def given_names(self) -> frozenset[str]:
        """Every given name of both languages, unaccented (tells a second given name from a surname)."""
        return frozenset(plain(n) for lists in (self.english, self.spanish) for n in (*lists.female, *lists.male))

    def is_female(self, given: str) -> bool:
        """Whether a template's given name is a woman's: listed as one, else (unlisted) ending in "a"."""
        name = plain(given)
        if name in {plain(n) for n in (*self.english.female, *self.spanish.female)}:
            return True
        return name not in {plain(n) for n in (*self.english.male, *self.spanish.male)} and name.endswith("a")


@dataclass(frozen=True)
class Person:
    """A made-up person: given names, distinct surnames and a middle initial (used only where the renamed
    name has one)."""

    given: tuple[str, str]
    surnames: tuple[str, str, str]
    initial: str
    spanish: bool
    female: bool


def _names(raw: Any, where: str) -> tuple[str, ...]:
    """A list of names, or a ``ValueError`` saying what is wrong with ``where``."""
    if not isinstance(raw, list) or not raw or not all(isinstance(n, str) and n.strip() for n in raw):
        raise ValueError(f"'{where}' must be a non-empty list of names")
    if len(set(raw)) != len(raw):
        raise ValueError(f"'{where}' lists a name twice")
    return tuple(raw)


def _language(raw: Any, key: str, taken: frozenset[str]) -> Lists:
    """One language's lists, its surnames without those in ``taken``."""
    part = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(part, dict):
        raise ValueError(f"'{key}' must be a mapping with 'female', 'male' and 'surnames'")
    female, male = _names(part.get("female"), f"{key}.female"), _names(part.get("male"), f"{key}.male")
    surnames = tuple(s for s in _names(part.get("surnames"), f"{key}.surnames") if fold(s) not in taken)
    if len(surnames) < 20:
        raise ValueError(f"'{key}.surnames' keeps fewer than 20 names once office-holders' are left out")
    return Lists(female, male, surnames)


def load_names(path: Path = NAMES) -> NameLists:
    """The lists of ``path``, checked; surnames that an office-holder bears are left out (a generated
    "Secretary Ebrard" would be linked to the real one). A bad file is a one-line ``DataError``."""
    raw = read_yaml(path)
    taken = frozenset(s for holder in load_officeholders().people for s in holder.surnames)
    try:
        english, spanish = _language(raw, "english", taken), _language(raw, "spanish", taken)
        particles = _names(raw.get("particles"), "particles")
        not_people = _names(raw.get("not_people") or ["-"], "not_people")
    except ValueError as exc:
        raise DataError(f"{path}: {exc}") from None
    return NameLists(english, spanish, frozenset(p.lower() for p in particles), frozenset(not_people))


class Population:
    """``size`` distinct made-up people per language and gender, drawn with a Zipf-like popularity
    (:data:`EXPONENT`).

    Deterministic for a seed. When the combinations of one given name and one surname run out, a
    middle initial keeps English names distinct ("Ann K. Lund")."""

    def __init__(self, lists: NameLists, *, size: int, seed: int) -> None:
        rng = random.Random(f"population:{seed}")
        self.people = {(spanish, female): self._make(lists.spanish if spanish else lists.english, size, rng,
                                                     spanish=spanish, female=female)
                       for spanish in (False, True) for female in (False, True)}
        weights = [1 / (n + OFFSET) ** EXPONENT for n in range(size)]
        self._cumulative = list(itertools.accumulate(weights))

    @staticmethod
    def _make(lists: Lists, size: int, rng: random.Random, *, spanish: bool, female: bool) -> list[Person]:
        seen: set[tuple[str, ...]] = set()
        people: list[Person] = []
        while len(people) < size:
            first, second = rng.sample(lists.given(female), 2)
            one, two, three = rng.sample(lists.surnames, 3)
            initial = rng.choice(string.ascii_uppercase) + "."
            key = (first, one, two) if spanish else (first, one)
            if key in seen:
                if len(seen) < len(lists.given(female)) * len(lists.surnames) ** (2 if spanish else 1) // 2:
                    continue
                key = (*key, initial)  # the plain combinations are used up
                if key in seen:
                    continue
            seen.add(key)
            people.append(Person((first, second), (one, two, three), initial, spanish, female))
        return people

    def draw(self, rng: random.Random, *, spanish: bool, female: bool) -> Person:
        """One person of the language and gender, by popularity."""
        at = rng.random() * self._cumulative[-1]
        return self.people[spanish, female][min(bisect.bisect_right(self._cumulative, at), len(self._cumulative) - 1)]
