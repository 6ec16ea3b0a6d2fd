"""The side and the Wikidata item of a person the office-holder list knows, for what the text leaves out.

The text always wins: these are consulted only where a document names a person with an office but no
side ("President Obama", "Ambassador Froman") or names no office at all. A full name must match a
holder's name or alias; a mention that is only a surname ("Peña Nieto") must be that holder's surname,
and must fit the title written before it when there is one (so "Secretary Ruiz" is not a listed
ambassador Ruiz). A name nobody in the list holds gives nothing: it is still extracted.

>>> side_of("Ernesto Zedillo")
'MX'
>>> side_of("Ernesto Zedillo Ponce")  # a longer form than the list writes
'MX'
>>> side_of("Zedillo", title="President")
'MX'
>>> side_of("Dana Whitfield", title="President") is None
True
>>> side_of("Zedillo") is None  # a surname alone, with no office written before it
True
"""
from __future__ import annotations

from extract.reference.officeholders import Holder, by_surname, find


def known_holder(name: str, *, title: str | None = None) -> Holder | None:
    """The one listed office-holder a written name refers to, or None when nobody or several fit."""
    found = find(name)
    words = name.split()
    if not found and len(words) >= 3:  # a second surname or a middle name the list does not write
        found = list({id(h): h for variant in (words[:-1], words[:1] + words[2:])
                      for h in find(" ".join(variant))}.values())
    if len(found) == 1:
        return found[0]
    if found or not title or len(words) > 3:
        return None
    fitting = by_surname(name, office_title=title)
    if fitting is not None:
        return fitting
    only = by_surname(name)
    return only if only is not None and _plausible(only, title) else None


def side_of(name: str, *, title: str | None = None) -> str | None:
    """The side (ISO code) of a listed office-holder, when all their listed posts are on one side."""
    person = known_holder(name, title=title)
    if person is None:
        return None
    sides = {post.office.country for post in person.posts}
    return sides.pop() if len(sides) == 1 else None


def office_of(name: str, *, title: str) -> tuple[str | None, str | None]:
    """The institution and side of the listed office a bare title names ("Secretary Vilsack": the one
    Secretary post the holder held, in its department), or (None, side) when the title fits none or
    several of their offices; (None, None) for a name the list does not know.

    >>> office_of("Zedillo", title="President")
    ('mx-government', 'MX')
    """
    person = known_holder(name, title=title)
    if person is None:
        return None, None
    head = title.split()[-1].lower()
    bodies = {post.office.institution for post in person.posts
              if post.office.institution and head in post.office.title.lower().split()}
    return (bodies.pop() if len(bodies) == 1 else None), side_of(name, title=title)


def wikidata_of(name: str) -> str | None:
    """The Wikidata item of the listed office-holder a full name refers to (never from a surname alone)."""
    found = find(name)
    return found[0].wikidata if len(found) == 1 and len(name.split()) > 1 else None


def _plausible(person: Holder, title: str) -> bool:
    """Whether a title written before a surname can be a form of address of one of the holder's offices:
    the same head word ("Secretary", "President"), or "Ambassador", which the press gives to any of
    a country's envoys and trade representatives."""
    head = title.split()[-1].lower()
    return head == "ambassador" or any(head in post.office.title.lower().split() for post in person.posts)
