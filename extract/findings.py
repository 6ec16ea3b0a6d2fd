"""What extraction found in one document, apart from how it is written as RDF.

Every finding that becomes triples carries its :class:`Evidence`: the document, the sentence, its
character offsets and the rule that found it. The stages (:mod:`extract.stages`) produce a
:class:`Findings`; the writer (:mod:`extract.rdf`) turns it into the document's graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.entities import Entities
    from extract.events import Event
    from extract.mentions import Mention
    from extract.reading import Reading
    from extract.resolve import Entity
    from extract.roles.memberships import Membership
    from extract.statements.figures import Figure
    from extract.statements.speech import Statement


@dataclass(frozen=True)
class Evidence:
    """Where a finding was read: ``sentence`` is the document's text from ``start`` to ``end``, stripped."""

    document: str
    sentence: str
    start: int
    end: int
    rule: str

    @classmethod
    def of(cls, reading: Reading, start: int, end: int, rule: str) -> Evidence:
        """The evidence of characters ``start``–``end`` of ``reading``'s document, found by ``rule``."""
        return cls(reading.document.key, reading.text[start:end].strip(), start, end, rule)


@dataclass(frozen=True)
class Meeting:
    """A meeting the document reports, with the topics of the paragraphs that tell it."""

    event: Event
    topics: list[str]
    evidence: Evidence


@dataclass(frozen=True)
class FigureFound:
    """A number the document cites, with what it measures when the sentence says it."""

    figure: Figure
    measures: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Said:
    """A statement whose speaker is one of the document's people; ``number`` counts every statement found
    (with or without a known speaker) in text order, so it stays the same when a speaker is not resolved."""

    number: int
    statement: Statement
    speaker: Entity
    topics: list[str]
    figures: list[FigureFound]
    evidence: Evidence


@dataclass(frozen=True)
class About:
    """What the document says about itself: its title, date, main topics, publisher and author."""

    title: str
    published: str | None
    topics: list[str]
    publisher: Mention | None
    author: Mention | None


@dataclass(frozen=True)
class Findings:
    """Everything found in one document, ready to be written.

    ``parents`` are part-of links the text states (child key -> parent key), ``org_country`` and
    ``sides`` the countries inferred for organizations and people, ``figures`` the figures cited
    outside statements.
    """

    reading: Reading
    about: About
    entities: Entities
    memberships: list[Membership] = field(default_factory=list)
    parents: dict[str, str] = field(default_factory=dict)
    org_country: dict[str, str | None] = field(default_factory=dict)
    sides: dict[str, str | None] = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)
    statements: list[Said] = field(default_factory=list)
    figures: list[FigureFound] = field(default_factory=list)


__all__ = ["Evidence", "Meeting", "FigureFound", "Said", "About", "Findings"]
