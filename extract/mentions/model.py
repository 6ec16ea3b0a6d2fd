"""The :class:`Mention` type: one span of a document's text that names a person, an organization or a place.

>>> m = Mention("person", "Ana Ruiz", 10, 18, 0, 40)
>>> m.tokens, m.source
(['Ana', 'Ruiz'], 'ner')
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """One mention of an actor or place: ``kind`` is person, org or place."""

    kind: str
    text: str
    start: int  # character offsets in the document text
    end: int
    sent_start: int
    sent_end: int
    institution: str | None = None  # id in the institution list
    acronym: str | None = None  # an acronym the text defines for this mention
    titled: bool = False  # a title, honorific or speech verb stands next to it
    source: str = "ner"

    @property
    def tokens(self) -> list[str]:
        return self.text.split()
