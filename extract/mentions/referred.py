"""Bodies of a country the text names only by reference: "la Cámara de Comercio de ese país" (Spanish).

Spanish press names a body of the country it has just named with "de ese país", "de dicho país", "de aquel
país" (``country_references`` of ``data/spanish.yaml``). The body is the one the institution list knows under
its name with that country's ("Cámara de Comercio" + the United States named before it: the U.S. Chamber of
Commerce); the country is the last one the text names before the body.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.mentions.model import Mention
from extract.reference.countries import load_countries
from extract.reference.spanish_words import spanish_words

if TYPE_CHECKING:
    from extract.reading import Reading


def referred_bodies(reading: Reading, *, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each unlisted body written "… de ese país" resolved to the listed body of the country
    named last before it ([] changes for documents not in Spanish)."""
    references = spanish_words().country_references
    if reading.language != "es" or not references:
        return mentions
    after = re.compile(r"\s*(?:de|del)?\s*(?:" + "|".join(map(re.escape, references)) + r")\b", re.I)
    out = []
    for m in mentions:
        if m.kind == "org" and not m.institution and after.match(reading.text, m.end):
            country = _last_country(reading.text[:m.start], reading.lexicon.nationalities)
            listed = _listed(reading, m.text, country) if country else None
            m = replace(m, institution=listed, source="list") if listed else m
        out.append(m)
    return out


def _last_country(text: str, nationalities: dict[str, str]) -> str | None:
    """The country named last in ``text`` (by any of its names or demonyms)."""
    best, code = -1, None
    for word, found in nationalities.items():
        if not word[:1].isalpha():
            continue
        for hit in re.finditer(rf"(?<![\w.]){re.escape(word)}(?![\w])", text, re.I):
            if hit.start() > best:
                best, code = hit.start(), found
    return code


def _listed(reading: Reading, name: str, code: str) -> str | None:
    """The listed body named ``name`` of country ``code``: "Cámara de Comercio de Estados Unidos"."""
    country = load_countries().by_code.get(code)
    if country is None:
        return None
    for written in (f"{name} de {country.name_es}", f"{name} de los {country.name_es}",
                    f"{country.name} {name}"):
        found = reading.institutions.lookup(written)
        if found is not None and found.country == code:
            return found.id
    return None


__all__ = ["referred_bodies"]
