"""Readable, stable slugs and name folding used for IRIs and matching.

>>> slugify("Andrés Manuel López Obrador")
'andres-manuel-lopez-obrador'
>>> fold("U.S. Chamber of Commerce’s")
'us chamber of commerce'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w\s]")


def strip_accents(text: str) -> str:
    """Remove combining accents: "Gómez" -> "Gomez". (ASCII text has none and no compatibility forms, and is
    returned as it is.)"""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold a name for comparison: accents, case, periods, punctuation, possessive, leading 'the'. (Kept for
    the names seen last: the rules fold the same few names of a document tens of thousands of times.)"""
    s = strip_accents(text).replace("’", "'")
    s = _POSSESSIVE.sub("", s).replace(".", "")
    tokens = _NON_WORD.sub(" ", s).lower().split()
    while tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def slugify(text: str, max_length: int = 80) -> str:
    """A lowercase ASCII slug with hyphens, at most ``max_length`` characters."""
    slug = "-".join(fold(text).replace("_", " ").split())
    return slug[:max_length].rstrip("-") or "unnamed"
