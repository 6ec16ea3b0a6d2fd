"""The places the field names, read once from ``data/gazetteer.yaml`` and checked.

Every name a place goes by ("Washington", "Washington, D.C.", "Washington D.C."; "CDMX", "Ciudad de México",
"Mexico City") leads to one :class:`Place`, so a place mentioned under any of its names is one node. A
country's names come from ``data/countries.yaml``; the gazetteer only says which countries are places.

>>> gaz = load_gazetteer()
>>> gaz.lookup("Washington D.C.").id, gaz.lookup("CDMX").id, gaz.lookup("Monterrey, Nuevo León").id
('washington-dc', 'mexico-city', 'monterrey')
>>> [p.id for p in gaz.within(gaz.by_id["el-paso"])]
['texas', 'united-states']
>>> gaz.lookup("Nogales") is None  # one on each side of the border: only its qualified forms are listed
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.countries import DATA as COUNTRIES
from extract.reference.countries import load_countries
from extract.reference.data_files import read_checked, read_yaml
from extract.slug import fold, slugify

__all__ = ["DATA", "KINDS", "Place", "Gazetteer", "load_gazetteer"]

DATA = DATA_DIR / "gazetteer.yaml"
#: What a place is; a country's places lie in it, a state's cities in the state, a venue in its city.
KINDS = ("region", "country", "state", "city", "crossing", "venue")
_FIELDS = {"name", "also", "kind", "in", "wikidata"}
_WIKIDATA = re.compile(r"Q[1-9]\d*")


@dataclass(frozen=True)
class Place:
    """One real place: its id (the slug of its English name), English name, other names and what holds it."""

    id: str
    name: str
    kind: str
    names: tuple[str, ...] = ()  # every other name, as written (Spanish names, short forms)
    within: str | None = None  # the id of the place it lies in
    wikidata: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    """Every place in the data file's order, and the look-ups built from them once."""

    places: tuple[Place, ...]

    @cached_property
    def by_id(self) -> dict[str, Place]:
        return {p.id: p for p in self.places}

    @cached_property
    def by_name(self) -> dict[str, Place]:
        """Folded name (any of a place's names) -> the place."""
        return {fold(n): p for p in self.places for n in (p.name, *p.names)}

    def lookup(self, text: str) -> Place | None:
        """The place ``text`` names, if it is listed: one of its names, or "Place, Container" where the
        container holds the place ("Laredo, Texas", "Monterrey, Nuevo León")."""
        found = self.by_name.get(fold(text))
        if found is not None or "," not in text:
            return found
        head, _, tail = text.rpartition(",")
        inner, outer = self.lookup(head), self.by_name.get(fold(tail))
        return inner if inner is not None and outer is not None and outer in self.within(inner) else None

    def named(self, name: str) -> Place | None:
        """The place whose English name is exactly ``name`` (how a resolved place entity is named)."""
        place = self.by_id.get(slugify(name))
        return place if place is not None and place.name == name else None

    def within(self, place: Place) -> list[Place]:
        """The places that hold ``place``, innermost first (El Paso: Texas, then the United States)."""
        chain: list[Place] = []
        while place.within is not None:
            place = self.by_id[place.within]
            chain.append(place)
        return chain


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: 'also' must be a list of names")
    return tuple(value)


def _wikidata(value: Any, where: str) -> str | None:
    if value is not None and not (isinstance(value, str) and _WIKIDATA.fullmatch(value)):
        raise DataError(f"{where}: 'wikidata' must be a Wikidata item id such as Q61, got {value!r}")
    return value


def _country_places(raw: Any) -> list[Place]:
    """The countries listed as places, named as ``countries.yaml`` names them (names and short forms)."""
    if not isinstance(raw, list):
        raise DataError("'countries' must be a list")
    countries = load_countries()
    words = {c["code"]: c.get("words", {}) for c in read_yaml(COUNTRIES)["countries"]}
    places = []
    for entry in raw:
        code = entry.get("country") if isinstance(entry, dict) else None
        where = f"country {code!r}"
        if not isinstance(entry, dict) or set(entry) - {"country", "wikidata"} or code not in countries.by_code:
            raise DataError(f"{where}: must be a mapping of 'country' (a code in {COUNTRIES.name}) and 'wikidata'")
        country = countries.by_code[code]
        forms = [n for names in words[code].get("names", {}).values() for n in names] + words[code].get("short", [])
        folded = {fold(n): n for n in reversed((country.name, country.name_es, *forms))}  # "U.S." before "US"
        others = tuple(n for key, n in folded.items() if key != fold(country.name))[::-1]
        places.append(Place(slugify(country.name), country.name, "country", others,
                            wikidata=_wikidata(entry.get("wikidata"), where)))
    return places


def _place(raw: Any, i: int) -> Place:
    name = raw.get("name") if isinstance(raw, dict) else None
    where = f"place {name!r}" if isinstance(name, str) else f"place entry {i + 1}"
    if not isinstance(raw, dict) or not isinstance(name, str) or not name.strip():
        raise DataError(f"{where}: must be a mapping with a 'name'")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise DataError(f"{where}: unknown field(s) {', '.join(unknown)}; fields are {', '.join(sorted(_FIELDS))}")
    if raw.get("kind") not in KINDS:
        raise DataError(f"{where}: 'kind' must be one of {', '.join(KINDS)}, got {raw.get('kind')!r}")
    within = raw.get("in")
    if within is not None and not isinstance(within, str):
        raise DataError(f"{where}: 'in' must be the id of a listed place")
    return Place(slugify(name), name, raw["kind"], _strings(raw.get("also", []), where), within,
                 _wikidata(raw.get("wikidata"), where))


def _check(places: list[Place]) -> None:
    """Ids and names once each; every ``in`` a listed place, and no place inside itself."""
    ids: dict[str, Place] = {}
    owners: dict[str, Place] = {}
    for p in places:
        if p.id in ids:
            raise DataError(f"place {p.name!r}: listed twice (id {p.id!r}, also {ids[p.id].name!r})")
        ids[p.id] = p
        for n in (p.name, *p.names):  # folded, so "Nuevo Leon" is "Nuevo León" again
            other = owners.get(fold(n))
            if other is not None:
                also = f" (also a name of {other.name!r})" if other is not p else ""
                raise DataError(f"place {p.name!r}: the name {n!r} is listed twice{also}")
            owners[fold(n)] = p
    for p in places:
        seen = {p.id}
        at = p
        while at.within is not None:
            if at.within not in ids:
                raise DataError(f"place {at.name!r}: 'in' names no listed place ({at.within!r})")
            if at.within in seen:
                raise DataError(f"place {p.name!r}: lies inside itself (through {at.within!r})")
            seen.add(at.within)
            at = ids[at.within]


def _gazetteer(raw: Any) -> Gazetteer:
    if not isinstance(raw, dict) or set(raw) != {"countries", "places"} or not isinstance(raw["places"], list):
        raise DataError("must be a mapping of a 'countries' list and a 'places' list")
    places = _country_places(raw["countries"]) + [_place(entry, i) for i, entry in enumerate(raw["places"])]
    _check(places)
    return Gazetteer(tuple(places))


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = DATA) -> Gazetteer:
    """Read and check ``path`` once; a ``DataError`` names the file and the entry at fault."""
    return read_checked(path, _gazetteer)
