"""A statement as the rules of every language find it: who said it, what, and where in the document."""
from __future__ import annotations

from dataclasses import dataclass

from extract.mentions import Mention


@dataclass(frozen=True)
class Statement:
    """What a person said: ``text`` with its character span, the speaker mention, the sentence it is in, and
    the rule that read it (``tg:extractor``)."""

    speaker: Mention
    text: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    rule: str


__all__ = ["Statement"]
