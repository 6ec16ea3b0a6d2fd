"""The Spanish words of statements and figures, ``data/spanish_statements.yaml``, read and checked once.

A broken entry is a ``DataError`` naming the file and the key at fault, before any document is read.

>>> words = statement_words()
>>> "señaló" in words.speech_verbs, words.sources[:2], words.scales["mil millones"], words.currencies["$"]
(True, ('de acuerdo con', 'en palabras de'), 1000000000.0, 'MXN')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.data_files import read_checked

STATEMENTS = DATA_DIR / "spanish_statements.yaml"
_WORD_LISTS = ("speech_verbs", "sources", "speaker_gap", "abbreviations_in_sentence", "percent", "not_counted",
               "approximators", "measure_links", "measure_verbs")
UNITS = frozenset({"USD", "MXN", "EUR"})


@dataclass(frozen=True)
class StatementWords:
    """``spanish_statements.yaml`` checked. Word lists are folded to lowercase (the currency, percent and source
    phrases keep their order, longest first, so the longer of two overlapping phrases is tried first);
    ``quotes`` are (opening, closing) mark pairs; ``scales`` and ``number_words`` map words to numbers,
    ``currencies`` a word or sign to its code, ``abbreviations`` a word to its (multiplier, currency)."""

    speech_verbs: frozenset[str]
    reported_link: str
    sources: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...]
    speaker_gap: frozenset[str]
    abbreviations_in_sentence: frozenset[str]
    currencies: dict[str, str]
    scales: dict[str, float]
    abbreviations: dict[str, tuple[float, str]]
    number_words: dict[str, float]
    percent: tuple[str, ...]
    not_counted: frozenset[str]
    approximators: tuple[str, ...]
    measure_links: tuple[str, ...]
    measure_verbs: frozenset[str]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted((w.lower() for w in words), key=lambda w: (-len(w), w)))


def _numbers(raw: Any, key: str) -> dict[str, float]:
    """A mapping of words to positive numbers, or a ``DataError`` naming ``key``."""
    if not isinstance(raw, dict) or not raw or not all(
            isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool) and v > 0
            for k, v in raw.items()):
        raise DataError(f"'{key}' must map words to positive numbers")
    return {k.lower(): float(v) for k, v in raw.items()}


def _check(raw: Any) -> StatementWords:
    """The checked lists of ``spanish_statements.yaml``; a ``DataError`` says which key is wrong."""
    if not isinstance(raw, dict):
        raise DataError("expected a mapping of word lists")
    for key in _WORD_LISTS:
        value = raw.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
            raise DataError(f"'{key}' must be a non-empty list of words")
    link = raw.get("reported_link")
    if not isinstance(link, str) or not link.strip():
        raise DataError("'reported_link' must be a word")
    quotes = raw.get("quotes")
    if not isinstance(quotes, list) or not quotes or not all(
            isinstance(q, list) and len(q) == 2 and all(isinstance(m, str) and len(m) == 1 for m in q) for q in quotes):
        raise DataError("'quotes' must be a list of [opening, closing] pairs of one character each")
    currencies = raw.get("currencies")
    if not isinstance(currencies, dict) or not currencies or not all(
            isinstance(k, str) and v in UNITS for k, v in currencies.items()):
        raise DataError(f"'currencies' must map currency words and signs to one of {sorted(UNITS)}")
    abbreviations = raw.get("abbreviations") or {}
    if not isinstance(abbreviations, dict) or not all(
            isinstance(v, list) and len(v) == 2 and isinstance(v[0], int | float) and v[1] in UNITS
            for v in abbreviations.values()):
        raise DataError(f"'abbreviations' must map a word to [multiplier, currency in {sorted(UNITS)}]")
    lists = {key: [w.lower() for w in raw[key]] for key in _WORD_LISTS}
    return StatementWords(
        speech_verbs=frozenset(lists["speech_verbs"]), reported_link=link.lower(),
        sources=_longest_first(lists["sources"]), quotes=tuple((q[0], q[1]) for q in quotes),
        speaker_gap=frozenset(lists["speaker_gap"]),
        abbreviations_in_sentence=frozenset(lists["abbreviations_in_sentence"]),
        currencies={str(k): str(v) for k, v in currencies.items()}, scales=_numbers(raw.get("scales"), "scales"),
        abbreviations={str(k).lower(): (float(v[0]), str(v[1])) for k, v in abbreviations.items()},
        number_words=_numbers(raw.get("number_words"), "number_words"), percent=_longest_first(lists["percent"]),
        not_counted=frozenset(lists["not_counted"]), approximators=_longest_first(lists["approximators"]),
        measure_links=_longest_first(lists["measure_links"]), measure_verbs=frozenset(lists["measure_verbs"]))


def load_statement_words(path: Path = STATEMENTS) -> StatementWords:
    """The word lists of ``path`` (by default ``data/spanish_statements.yaml``), checked."""
    return read_checked(path, _check)


@lru_cache(maxsize=1)
def statement_words() -> StatementWords:
    """``spanish_statements.yaml``, read and checked once."""
    return load_statement_words()


__all__ = ["StatementWords", "UNITS", "load_statement_words", "statement_words"]
