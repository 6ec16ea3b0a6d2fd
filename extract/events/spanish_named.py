"""Named events in Spanish text: "durante el Foro Bilateral", "en el marco de la Cumbre de Líderes de América del
Norte", "a través del Diálogo Económico de Alto Nivel (DEAN)", "el Mexico Day en Washington".

A name opens with one of ``event_heads`` (``data/spanish.yaml``) and runs on through capitalised words and the
small words that join them, up to an acronym in parentheses; or it is English-headed ("Mexico Day", the heads of
``verbs.yaml``). It is an event of the document only when one of ``event_cues`` comes right before it (it took
place, or a dialogue worked through it): "el Foro Económico Mundial" named as a body is not one.

>>> [n.name for n in spanish_named_events("Se reunieron durante el Foro Bilateral de Comercio (FBC) en Houston.")]
['Foro Bilateral de Comercio']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.reference.lexicon import load_lexicon
from extract.reference.spanish_words import spanish_words

JOINS = r"(?:de|del|la|las|los|el|y|e|para|sobre)"
CUE_REACH = 60  # characters before a name where its cue is looked for


@dataclass(frozen=True)
class NamedEvent:
    """An event a Spanish text names: its name, acronym, and where the name is written."""

    name: str
    acronym: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """A Spanish-headed name ("Diálogo Económico de Alto Nivel (DEAN)") or an English-headed one ("Mexico Day")."""
    spanish = "|".join(map(re.escape, spanish_words().event_heads))
    english = "|".join(map(re.escape, load_lexicon().event_name_heads))
    cap = r"[A-ZÁÉÍÓÚÑ][\w.’'-]*"
    return re.compile(rf"(?P<es>(?:{spanish})(?:[^\S\n]+(?:{JOINS}[^\S\n]+)*{cap})*)"
                      rf"(?:[^\S\n]+\((?P<acr>[A-Z]{{2,10}})\))?"
                      rf"|(?P<en>(?:{cap}[^\S\n]+){{1,4}}(?:{english}))\b")


def spanish_named_events(text: str) -> list[NamedEvent]:
    """The events a Spanish text names with a cue that they took place, in text order."""
    cues = spanish_words().event_cues
    found = []
    for m in _pattern().finditer(text):
        name = (m.group("es") or m.group("en")).strip().rstrip(".,")
        if len(name.split()) < 2:
            continue  # "el Foro" alone names nothing
        before = text[max(0, m.start() - CUE_REACH):m.start()]
        if any(c.search(before) for c in cues):
            found.append(NamedEvent(name, m.group("acr"), m.start(), m.start() + len(name)))
    return found


__all__ = ["NamedEvent", "spanish_named_events"]
