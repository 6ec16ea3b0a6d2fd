"""Where a Spanish text names each of its people, for the statement rules: every person mention, and every later
short form of one ("la Embajadora Whitfield", "Saldívar Montes afirmó", "dijo Saldívar") that the recognisers
left unmarked, pointing to the mention it names.

A short form is a run of capitalised words (title words, articles and sentence openers before it dropped:
"Embajadora", "El", "Según") that is the full name or
words of it after the given name ("Saldívar", "Saldívar Montes" and "Montes" name Ernesto Saldívar Montes; a
given name alone names no one). When several people fit, the one named last before it is meant.

>>> from extract.mentions import Mention
>>> text = "Ernesto Saldívar Montes habló. Luego la Embajadora Whitfield y Saldívar Montes dijeron."
>>> ana = Mention("person", "Ernesto Saldívar Montes", 0, 23, 0, 30)
>>> [(text[n.start:n.end], n.person.text) for n in named_people(text, [ana])]
[('Ernesto Saldívar Montes', 'Ernesto Saldívar Montes'), ('Saldívar Montes', 'Ernesto Saldívar Montes')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.mentions import Mention
from extract.reference.spanish_words import spanish_words

_RUN = re.compile(r"[A-ZÁÉÍÓÚÑÜ][^\W\d_]+(?:[’'-][^\W\d_]+)*"
                  r"(?:\s+(?:(?:de|del|de la|de los)\s+)?[A-ZÁÉÍÓÚÑÜ][^\W\d_]+(?:[’'-][^\W\d_]+)*)*")


@dataclass(frozen=True)
class Named:
    """The span ``start:end`` of the text names ``person`` (a person mention of the document)."""

    start: int
    end: int
    person: Mention


def _short_forms(person: Mention) -> set[str]:
    """The forms that name ``person``: the full name and its runs of words after the given name."""
    words = person.text.split()
    forms = {person.text}
    for i in range(1, len(words)):
        for j in range(i + 1, len(words) + 1):
            forms.add(" ".join(words[i:j]))
    return {f for f in forms if f.split()[0][:1].isupper()}


def named_people(text: str, people: list[Mention]) -> list[Named]:
    """Every place ``text`` names one of ``people`` (person mentions), in order."""
    people = sorted((p for p in people if p.kind == "person"), key=lambda p: p.start)
    found = [Named(p.start, p.end, p) for p in people]
    taken = [(p.start, p.end) for p in people]
    forms: dict[str, list[Mention]] = {}  # each form to the people it names, in text order
    for p in people:
        for form in _short_forms(p):
            forms.setdefault(form, []).append(p)
    es = spanish_words()
    leading = es.title_words | es.function_words | es.openers  # "El Secretario …", "Según …"
    for run in _RUN.finditer(text):
        start, words = run.start(), run.group(0).split()
        while words and words[0].lower() in leading:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else run.end()
            words = words[1:]
        if not words or any(s < run.end() and start < e for s, e in taken):
            continue
        fits = forms.get(" ".join(words), [])
        if fits:
            before = [p for p in fits if p.start < start]
            found.append(Named(start, run.end(), (before or fits)[-1]))
    return sorted(found, key=lambda n: n.start)


__all__ = ["Named", "named_people"]
