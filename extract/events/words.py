"""The grammar words of encounters (``extract/data/encounters.yaml``), loaded and checked once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.data_files import read_yaml

_PATH = DATA_DIR / "encounters.yaml"
_KEYS = ("participants_of", "presence_nouns", "holding_verbs", "title_cues", "anaphora_nouns", "settlement_nouns",
         "event_verbs", "place_verbs", "visit_nouns", "travel_verbs", "sequence_adverbs",
         "virtual_words", "earlier_words")


@dataclass(frozen=True)
class EncounterWords:
    """Lower-case word sets; what each means is said in the data file."""

    participants_of: frozenset[str]
    presence_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    title_cues: frozenset[str]
    anaphora_nouns: frozenset[str]
    settlement_nouns: frozenset[str]
    event_verbs: frozenset[str]
    place_verbs: frozenset[str]
    visit_nouns: frozenset[str]
    travel_verbs: frozenset[str]
    sequence_adverbs: frozenset[str]
    virtual_words: frozenset[str]
    earlier_words: frozenset[str]


@lru_cache(maxsize=1)
def encounter_words() -> EncounterWords:
    """Read the data file; a missing key or a list that is not of words is a data error, not a silent gap."""
    raw = read_yaml(_PATH)
    if not isinstance(raw, dict):
        raise DataError(f"{_PATH.name}: expected a mapping of word lists")
    values = {}
    for key in _KEYS:
        words = raw.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataError(f"{_PATH.name}: {key!r} must be a non-empty list of words")
        values[key] = frozenset(w.strip().lower() for w in words)
    return EncounterWords(**values)
