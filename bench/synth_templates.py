"""Template documents read once for the synthetic corpus: where each person's name parts and each date stand.

The people of a template are those tradegraph itself extracts from it (``schema:Person`` names of its graph),
less the template phrases ``synth_names.yaml`` lists as no person. Each name is cut into parts (given names,
surnames, initials; particles such as "de la" stay), and every occurrence of a part in the file becomes a slot:
the full name, a surname-only second mention ("Ruiz Ochoa told reporters"), a possessive ("Hallman's": the
part before "'s") and the part in capitals or without its accents ("SALDÍVAR", "Saldivar"). A part that two
people share ("Robert Hallman", "Robert Perez") is renamed once, consistently. Occurrences inside the name of a
listed place or institution ("Sierra Club", "San Antonio") and inside dates are left alone.

:func:`analyse` needs no model; :func:`extracted_people` runs the pipeline over the templates.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bench.synth_dates import DateSlot, find_slots
from bench.synth_names import NameLists, plain

INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True)
class NameSlot:
    """One occurrence of a name part: which person's part it is (``role`` given|surname|initial, its
    position ``pos``) and how it is written (``style`` as|upper|plain: as the name, in capitals, unaccented)."""

    start: int
    end: int
    person: int
    role: str
    pos: int
    style: str


@dataclass(frozen=True)
class Template:
    """A template file read once: its text, its people (whether each takes Spanish names, a woman's), its slots."""

    name: str
    suffix: str
    text: str
    people: tuple[str, ...]
    spanish: tuple[bool, ...]
    female: tuple[bool, ...]
    names: tuple[NameSlot, ...]
    dates: tuple[DateSlot, ...]


def parts(name: str, lists: NameLists) -> list[tuple[str, str, int]]:
    """The renamed parts of ``name`` as (part, role, position): the first a given name, a second one when it
    is a listed given name and a surname follows ("Ana Maria Salazar"), the rest surnames (up to three, the
    third and later share the third's position); a lone word is a surname ("Obama"); initials; no particles.

    >>> from bench.synth_names import Lists
    >>> lists = NameLists(Lists(("Ana",), (), ("X",)), Lists(("María",), (), ("Y",)), frozenset({"de", "la"}),
    ...                   frozenset())
    >>> parts("Ana Maria de la Peña", lists)
    [('Ana', 'given', 0), ('Maria', 'given', 1), ('Peña', 'surname', 0)]
    >>> parts("Suzanne P. Clark", lists)[1:]
    [('P.', 'initial', 0), ('Clark', 'surname', 0)]
    """
    words = [w for w in name.split() if w.lower() not in lists.particles]
    named = [w for w in words if not INITIAL.match(w)]
    found: list[tuple[str, str, int]] = []
    surnames = 0
    for i, word in enumerate(words):
        if INITIAL.match(word):
            found.append((word, "initial", 0))
        elif len(named) > 1 and not found:
            found.append((word, "given", 0))
        elif (not surnames and len(named) > 2 and plain(word) in lists.given_names and found[-1][1] == "given"
              and i < len(words) - 1):
            found.append((word, "given", 1))
        else:
            found.append((word, "surname", min(surnames, 2)))
            surnames += 1
    return found


def is_person(name: str, lists: NameLists) -> bool:
    """Whether a name the extractor gives a person is renamed: not listed as no person, every word capitalised
    or a particle."""
    return name not in lists.not_people and all(w[:1].isupper() or w.lower() in lists.particles
                                                for w in name.split())


def _is_spanish(name: str, named: list[tuple[str, str, int]], lists: NameLists, spanish_text: bool) -> bool:
    """Whether a person takes Spanish names: a Spanish document, an accent, two surnames, a Spanish given name."""
    given = plain(next((p for p, role, _ in named if role == "given"), ""))
    spanish_names = {plain(n) for n in (*lists.spanish.female, *lists.spanish.male)}
    english_names = {plain(n) for n in (*lists.english.female, *lists.english.male)}
    return (spanish_text or plain(name) != name or sum(role == "surname" for _, role, _ in named) > 1
            or (given in spanish_names and given not in english_names))


def _protected(text: str, words: Iterable[str], phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of listed place and institution names in ``text`` that hold one of ``words``."""
    wanted = set(words)
    spans = []
    for phrase in phrases:
        if phrase in text and wanted & set(re.findall(r"[\w.]+", phrase)) and " " in phrase.strip():
            spans += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    return spans


@lru_cache(maxsize=1)
def listed_names() -> tuple[str, ...]:
    """Every name of a place (gazetteer, countries) and institution (institutions, companies) the project lists."""
    from extract.reference.gazetteer import load_gazetteer
    from extract.reference.institutions import load_institutions

    places = [n for p in load_gazetteer().places for n in (p.name, *p.names)]
    bodies = [n for i in load_institutions().by_id.values() for n in i.forms]
    return tuple(dict.fromkeys(places + bodies))


def analyse(path: Path, text: str, people: list[str], lists: NameLists, *, spanish_text: bool = False,
            phrases: Iterable[str] = ()) -> Template:
    """The slots of one template: ``people`` are the names to rename (in the order given), ``phrases``
    the place and institution names whose words are left alone."""
    people = [p for p in dict.fromkeys(re.sub(r"[’']s$", "", p).strip() for p in people) if is_person(p, lists)]
    people.sort(key=lambda p: (text.find(p) if p in text else len(text), p))
    owner: dict[str, tuple[int, str, int]] = {}
    spanish, female = [], []
    for n, name in enumerate(people):
        named = parts(name, lists)
        spanish.append(_is_spanish(name, named, lists, spanish_text))
        female.append(lists.is_female(next((p for p, role, _ in named if role == "given"), "")))
        for part, role, pos in named:
            owner.setdefault(part, (n, role, pos))
    variants: dict[str, tuple[str, str]] = {}
    for part in owner:
        variants.setdefault(part, (part, "as"))
        if len(part) > 2 and part.upper() != part:
            variants.setdefault(part.upper(), (part, "upper"))
        variants.setdefault(plain(part), (part, "plain"))
    dates = find_slots(text)
    taken = [(d.start, d.end) for d in dates] + _protected(text, owner, [*phrases, *lists.not_people])
    slots = []
    if variants:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(variants, key=len, reverse=True)))
                             + r")(?!\w)")
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                part, style = variants[m.group()]
                slots.append(NameSlot(m.start(), m.end(), *owner[part], style))
    return Template(path.stem, path.suffix, text, tuple(people), tuple(spanish), tuple(female), tuple(slots),
                    tuple(dates))


def extracted_people(paths: list[Path]) -> dict[Path, tuple[list[str], bool]]:
    """Each template file's people as tradegraph extracts them (``schema:name`` of its ``schema:Person``
    nodes), and whether the file is read as Spanish. Loads the spaCy pipeline (seconds)."""
    from rdflib import RDF

    from extract.text.language import document_language
    from extract.text.pipeline import pipeline_for
    from extract.triples import document_graph
    from extract.vocab import SDO
    from graph.build import sources

    keys = sources.unique_keys(paths)
    found = {}
    for path in paths:
        document = sources.read_document(path, keys[path])
        language = document_language(document.text)
        graph = document_graph(pipeline_for(language)(document.text), document, language=language)
        names = sorted(str(graph.value(p, SDO.name)) for p in graph.subjects(RDF.type, SDO.Person))
        found[path] = (names, language == "es")
    return found
