"""The resolved entities of one document, indexed once.

Every stage after resolution asks "which entity is the mention at these characters?"; each used to build
its own ``{(m.start, m.end, kind): entity}`` dict. :class:`Entities` builds that index (and the one by
institution) once; a filtered copy (:meth:`Entities.keep`) builds its own.

>>> from extract.mentions import Mention
>>> ana = Entity("person", "ana ruiz", "Ana Ruiz", mentions=[Mention("person", "Ana Ruiz", 0, 8, 0, 20)])
>>> acme = Entity("org", "acme", "Acme", mentions=[Mention("org", "Acme", 12, 16, 0, 20)])
>>> found = Entities([ana, acme])
>>> found.at(0, 8, "person").name, found.at(0, 8, "org"), [e.name for e in found.orgs()]
('Ana Ruiz', None, ['Acme'])
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from extract.mentions import Mention
from extract.resolve import Entity


class Entities:
    """A document's entities in order of first mention, with lookups by mention span, key and institution."""

    def __init__(self, entities: list[Entity]) -> None:
        self._all = list(entities)
        # the last entity holding a span wins, as every stage's own dict did before
        self._at = {(m.start, m.end, e.kind): e for e in self._all for m in e.mentions}
        self.by_key: dict[str, Entity] = {e.key: e for e in self._all}
        self.by_institution: dict[str, Entity] = {e.institution: e for e in self._all if e.institution}

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def at(self, start: int, end: int, kind: str) -> Entity | None:
        """The entity of ``kind`` one of whose mentions spans exactly ``start``–``end``."""
        return self._at.get((start, end, kind))

    def of(self, mention: Mention, kind: str | None = None) -> Entity | None:
        """The entity ``mention`` belongs to (as a ``kind``, by default its own kind)."""
        return self._at.get((mention.start, mention.end, kind or mention.kind))

    def people(self) -> list[Entity]:
        return [e for e in self._all if e.kind == "person"]

    def orgs(self) -> list[Entity]:
        return [e for e in self._all if e.kind == "org"]

    def mentions(self) -> list[Mention]:
        """Every mention of every entity, in text order: what later stages read as the resolved mentions."""
        return sorted((m for e in self._all for m in e.mentions), key=lambda m: (m.start, m.end))

    def keep(self, wanted: Callable[[Entity], bool]) -> Entities:
        """The entities ``wanted`` accepts, indexed anew."""
        return Entities([e for e in self._all if wanted(e)])


__all__ = ["Entities", "Entity"]
