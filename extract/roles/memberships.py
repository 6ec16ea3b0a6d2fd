"""Role findings to memberships between resolved entities, and the side each person is on."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.findings import Evidence
from extract.reference.known_people import side_of
from extract.reference.spanish_words import spanish_words
from extract.resolve import Entity
from extract.roles.posts import RoleFinding
from extract.sides import BILATERAL

if TYPE_CHECKING:
    from extract.entities import Entities
    from extract.reading import Reading


@dataclass(frozen=True)
class Membership:
    """``person`` holds a post (``title``, or plain membership) in ``org``, now or ``former``ly."""

    person: Entity
    org: Entity
    title: str | None
    former: bool
    finding: RoleFinding
    evidence: Evidence


def link(reading: Reading, *, findings: list[RoleFinding], entities: Entities) -> list[Membership]:
    """Attach each finding to the person and organization entities its spans belong to; one membership per
    person, body and title (a titled finding makes an untitled one of the same pair redundant)."""
    out: dict[tuple[str, str], list[Membership]] = {}
    for f in findings:
        if reading.language == "es" and stray_spanish_title(f.title, reading):
            continue
        person = entities.at(*f.person, "person")
        org = entities.at(*f.org, "org") if f.org else entities.by_institution.get(f.institution or "")
        if person is None or org is None:
            continue
        evidence = Evidence.of(reading, f.sent_start, f.sent_end, f.extractor)
        out.setdefault((person.key, org.key), []).append(Membership(person, org, f.title, f.former, f, evidence))
    result = []
    for found in out.values():
        titled = [m for m in found if m.title]
        keep = titled or found[:1]
        seen: set[tuple[str | None, bool]] = set()
        for m in keep:
            if (m.title, m.former) not in seen:
                seen.add((m.title, m.former))
                result.append(m)
    return result


def stray_spanish_title(title: str | None, reading: Reading) -> bool:
    """A title in a Spanish document that opens with a lower-case word other than a title word ("y la embajadora
    de …", "durante la cual se reunió con el Representante Comercial …"; "Economy Minister" and "subsecretario de
    Comercio Exterior" are titles): an English rule reading Spanish words ran past a clause,
    so the pair it links holds no post (the Spanish rules, :mod:`extract.roles.spanish_posts`, start a title at
    its title word)."""
    words = title.split() if title else []
    if not words:
        return False
    first = words[0]
    return first[:1].islower() and first not in spanish_words().title_words and not reading.lexicon.is_title(first)


def person_country(person: Entity, memberships: list[Membership], org_country: dict[str, str | None]) -> str | None:
    """A person's side: a nationality word before their title, else their current institution's country,
    else, for a full name the office-holder list knows, the side of the offices they held.

    A company of a third country ("Tenaris", Luxembourg) does not make its Mexican director Luxembourg's:
    only a body of one of the two sides, or a government, gives its country to the people in it."""
    mine = [m for m in memberships if m.person is person]
    for m in mine:
        if m.finding.country:
            return m.finding.country
    for former in (False, True):
        for m in mine:
            country = org_country.get(m.org.key)
            if m.former == former and country and country != "XX" \
                    and (country in BILATERAL or (m.org.institution or "").endswith("-government")):
                return country
    return side_of(person.name)


__all__ = ["Membership", "link", "person_country", "stray_spanish_title"]
