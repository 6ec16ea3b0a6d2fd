"""Forms of a person's name, to tell when two documents name the same person.

A press release writes "Dr. Ana Ruiz", a news story "Ana Ruiz Solís", a third "Ruiz". This module
turns a name into comparable words (folded case and accents, honorifics and titles in front dropped,
middle initials dropped, a short given name expanded) and says when one form is a shorter variant of
another: more surnames (Spanish double surnames), a dropped middle name, or the surname(s) alone.
It judges words only; whether the variant is unambiguous in the whole build is :mod:`graph.build.people`'s.

>>> name_words("H.E. Tom J. Ruiz")
('thomas', 'ruiz')
>>> is_longer_form(("ana", "ruiz"), ("ana", "ruiz", "solis")), is_surname_of(("ruiz",), ("ana", "ruiz", "solis"))
(True, True)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from extract.errors import DataError
from extract.reference.data_files import read_yaml
from extract.reference.lexicon import DATA, load_lexicon
from extract.slug import fold

NAME_FORMS = DATA / "nicknames.yaml"

Words = tuple[str, ...]


@dataclass(frozen=True)
class NameForms:
    """The data behind name matching: short given names, generational suffixes, words that are no name."""

    nicknames: dict[str, Words]  # folded short form -> folded full form, as words
    suffixes: frozenset[str]  # "jr", "iii": a name that differs by one is another person
    particles: frozenset[str]  # "de", "la", "van": surname glue, never a name alone
    debris: frozenset[Words]  # honorifics, titles, nationality and country words, folded
    max_debris: int  # words in the longest debris phrase


@lru_cache(maxsize=1)
def name_forms() -> NameForms:
    """Load ``nicknames.yaml`` and the lexicon's titles and honorifics once, checking their shape."""
    raw = read_yaml(NAME_FORMS) or {}
    nicknames, suffixes, particles = raw.get("nicknames"), raw.get("generational_suffixes"), raw.get("particles")
    if not isinstance(nicknames, dict) or not isinstance(suffixes, list) or not isinstance(particles, list) \
            or set(raw) - {"nicknames", "generational_suffixes", "particles"}:
        raise DataError(f"{NAME_FORMS}: expected a 'nicknames' mapping and 'generational_suffixes' and "
                        "'particles' lists only")
    for short, full in nicknames.items():
        if fold(str(short)) != str(short) or fold(str(full)) != str(full):
            raise DataError(f"{NAME_FORMS}: nickname {short!r}: {full!r} must be written folded "
                            "(lowercase, no accents)")
    lex = load_lexicon()
    phrases = [*lex.titles, *lex.honorifics, *lex.nationalities, *lex.country_words]
    debris = frozenset(tuple(fold(p).split()) for p in phrases if fold(p))
    return NameForms(nicknames={str(k): tuple(str(v).split()) for k, v in nicknames.items()},
                     suffixes=frozenset(fold(str(s)) for s in suffixes),
                     particles=frozenset(fold(str(p)) for p in particles),
                     debris=debris, max_debris=max(len(d) for d in debris))


def _strip_debris(words: list[str], forms: NameForms) -> list[str]:
    """Drop titles and honorifics in front ("h e", "foreign secretary", "mexican"), keeping a name behind.

    At least one word is kept; a lone word after a debris word that is also a given name ("Don Graves")
    keeps it, since the whole may be a first name and a surname.
    """
    while len(words) > 1:
        size = next((n for n in range(min(forms.max_debris, len(words) - 1), 0, -1)
                     if tuple(words[:n]) in forms.debris), 0)
        if not size:
            break
        rest = words[size:]
        if len(rest) == 1 and size == 1 and _is_given(words[0], forms):
            break
        words = rest
    return words


def _is_given(word: str, forms: NameForms) -> bool:
    return word in forms.nicknames or any(word in full for full in forms.nicknames.values())


def name_words(name: str) -> Words:
    """A person's name as comparable words: folded, no leading debris, no middle initials, full given name.

    Empty when nothing is left that can name a person ("de la").
    """
    forms = name_forms()
    words = _strip_debris(fold(name).split(), forms)
    words = [w for i, w in enumerate(words) if len(w) > 1 or i == 0]
    if all(w in forms.particles for w in words):
        return ()
    if len(words) > 1 and words[0] in forms.nicknames:
        words = [*forms.nicknames[words[0]], *words[1:]]
    return tuple(words)


def has_debris(name: str) -> bool:
    """Whether a title or honorific stands in front of the name ("Ambassador Ana Ruiz")."""
    words = fold(name).split()
    return len(_strip_debris(list(words), name_forms())) < len(words)


def is_longer_form(short: Words, long: Words) -> bool:
    """Whether ``long`` is ``short`` with more words: "ana ruiz" / "ana ruiz solis", "ana maria ruiz".

    Both start with the same given name, ``short``'s words come in order in ``long``, and no added
    word is a generational suffix ("Jr."), which would make it another person.
    """
    if len(short) < 2 or len(long) <= len(short) or short[0] != long[0]:
        return False
    suffixes = name_forms().suffixes
    rest = iter(long)
    if not all(any(w == x for x in rest) for w in short):  # in order, each word found after the last
        return False
    added = list(long)
    for w in short:
        added.remove(w)
    return not any(w in suffixes for w in added)


def is_surname_of(short: Words, full: Words) -> bool:
    """Whether ``short`` is the surname(s) of ``full``: "lopez obrador" or "lopez" of "andres manuel lopez obrador".

    The words stand together after the given name, followed by at most one more word (a second
    surname the short form leaves out), which must not be a generational suffix.
    """
    size = len(short)
    suffixes = name_forms().suffixes
    for start in range(1, len(full) - size + 1):
        tail = full[start + size:]
        if full[start:start + size] == short and len(tail) <= 1 and not set(tail) & suffixes:
            return True
    return False
