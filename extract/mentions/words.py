"""The mention cleanup's vocabulary, read once from ``data/mentions.yaml`` and checked.

>>> words = load_mention_words()
>>> "the" in words.edge_junk, "de" in words.name_particles, "senate" in words.bare_bodies
(True, True, True)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.data_files import read_yaml

DATA = DATA_DIR / "mentions.yaml"
_LISTS = ("edge_junk", "heading_small_words", "name_particles", "bare_bodies")


@dataclass(frozen=True)
class MentionWords:
    """The word lists of the mention rules (see the data file for what each one is)."""

    edge_junk: frozenset[str]  # case-sensitive tokens trimmed from a mention's edges
    heading_small_words: frozenset[str]  # lowercase words a title-case heading may hold
    name_particles: frozenset[str]  # lowercase words inside a person's name
    bare_bodies: frozenset[str]  # lowercase names of legislatures written without their side


@lru_cache(maxsize=1)
def load_mention_words(path: Path = DATA) -> MentionWords:
    """Read and check ``path`` once: every list a list of non-empty words."""
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: must be a mapping of word lists")
    for key in _LISTS:
        if not isinstance(raw.get(key), list) or not all(isinstance(w, str) and w for w in raw[key]):
            raise DataError(f"{path}: {key!r} must be a list of words")
    return MentionWords(edge_junk=frozenset(raw["edge_junk"]),
                        heading_small_words=frozenset(raw["heading_small_words"]),
                        name_particles=frozenset(raw["name_particles"]),
                        bare_bodies=frozenset(raw["bare_bodies"]))
