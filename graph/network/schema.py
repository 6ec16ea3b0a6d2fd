"""The network's data model as data: node kinds and relations, read once from ``graph/data/schema.yaml``.

The projections, the details panel, the page, the pictures, the measures and the exports all take
kinds and relations from here, so that a kind or a relation is declared in one place. Code refers to
them by what they are in RDF (``kind_of_type(SDO.Event)``) or by a hint (``with_hint("took_part")``),
not by restating their names.

>>> from extract.vocab import SDO
>>> s = load_schema()
>>> s.kind_of_type(SDO.Event).label, s.relation_of(SDO.attendee).sections
('Meeting', ('Meetings', 'Attendees'))
>>> sorted(s.with_hint("took_part"))
['attendee', 'spokeAt']
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import URIRef

from extract.errors import DataError
from extract.reference.data_files import read_checked
from extract.vocab import PREFIXES

__all__ = ["SCHEMA_FILE", "Kind", "Relation", "Schema", "load_schema"]

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "data" / "schema.yaml"
_KIND_KEYS = {"label", "types", "colour", "shape", "marker", "actor", "measured", "linked_only", "hide_unlinked"}
_RELATION_KEYS = {"predicate", "label", "reverse", "sections", "note", "legend", "hints"}
_TOP_KEYS = {"kinds", "legend_order", "relations", "panel_order", "export"}
_HINTS = frozenset({"took_part", "body_took_part", "organized", "held_in", "meeting_property", "meeting_topic",
                    "statement_topic", "membership", "parent", "co_attendance", "actor_topic"})


@dataclass(frozen=True)
class Kind:
    """A kind of node: its key (the ``kind`` attribute), legend label, RDF types and look."""

    key: str
    label: str
    types: tuple[URIRef, ...]
    colour: str
    shape: str  # vis-network's shape in the page
    marker: str  # matplotlib's marker in the pictures
    actor: bool = False
    measured: bool = False
    linked_only: bool = False
    hide_unlinked: bool = False


@dataclass(frozen=True)
class Relation:
    """A relation: its key (the edges' ``relation``), what it is read from, its wording and its hints."""

    key: str
    predicate: URIRef | None = None
    label: str = ""
    reverse: bool = False
    sections: tuple[str, str] | None = None
    note: str = ""
    legend: str = ""
    hints: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Schema:
    """Every kind (in reading order) and relation (in writing order), and the orders the views use."""

    kinds: tuple[Kind, ...]
    legend_order: tuple[str, ...]
    relations: tuple[Relation, ...]
    panel_order: tuple[str, ...]
    node_attributes: tuple[str, ...]
    edge_attributes: tuple[str, ...]

    def kind(self, key: str) -> Kind:
        """The kind named ``key``; a ``DataError`` that suggests the closest names otherwise."""
        for kind in self.kinds:
            if kind.key == key:
                return kind
        raise DataError(f"{SCHEMA_FILE}: no node kind {key!r}{_close(key, [k.key for k in self.kinds])}")

    def kind_of_type(self, rdf_type: URIRef) -> Kind:
        """The kind whose nodes have the RDF type ``rdf_type``."""
        for kind in self.kinds:
            if rdf_type in kind.types:
                return kind
        raise DataError(f"{SCHEMA_FILE}: no node kind has the type {rdf_type}")

    def relation_of(self, predicate: URIRef) -> Relation:
        """The relation read from ``predicate`` (a property, or the class of a reified link)."""
        for relation in self.relations:
            if relation.predicate == predicate:
                return relation
        raise DataError(f"{SCHEMA_FILE}: no relation is read from {predicate}")

    def relation(self, key: str) -> Relation:
        """The relation named ``key``; a ``DataError`` that suggests the closest names otherwise."""
        for relation in self.relations:
            if relation.key == key:
                return relation
        raise DataError(f"{SCHEMA_FILE}: no relation {key!r}{_close(key, [r.key for r in self.relations])}")

    def with_hint(self, hint: str) -> frozenset[str]:
        """The keys of the relations that carry ``hint``."""
        if hint not in _HINTS:
            raise DataError(f"{SCHEMA_FILE}: no relation hint {hint!r}{_close(hint, sorted(_HINTS))}")
        return frozenset(r.key for r in self.relations if hint in r.hints)

    def only(self, hint: str) -> Relation:
        """The one relation that carries ``hint`` (a projection's own edge)."""
        keys = self.with_hint(hint)
        if len(keys) != 1:
            raise DataError(f"{SCHEMA_FILE}: {len(keys)} relations carry the hint {hint!r}, expected one")
        return self.relation(next(iter(keys)))


def _close(name: str, names: list[str]) -> str:
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else f"; known: {', '.join(names)}"


def _iri(curie: Any, where: str) -> URIRef:
    prefix, _, local = str(curie).partition(":")
    if prefix not in PREFIXES or not local:
        raise DataError(f"{where}: {curie!r} is not a CURIE with one of the prefixes "
                        f"{', '.join(PREFIXES)}")
    return URIRef(str(PREFIXES[prefix]) + local)


def _words(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataError(f"{where} must be a list of names")
    return tuple(value)


def _entry(raw: Any, allowed: set[str], where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise DataError(f"{where} must be a mapping")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise DataError(f"{where}: unknown field(s) {', '.join(unknown)}; "
                        f"fields are {', '.join(sorted(allowed))}")
    for key, value in raw.items():
        expected = bool if key in {"actor", "measured", "linked_only", "hide_unlinked", "reverse"} else \
            (list if key in {"types", "sections", "hints"} else str)
        if not isinstance(value, expected) or (expected is str and not value):
            raise DataError(f"{where}: {key!r} must be a {expected.__name__}, not {value!r}")
    return raw


def _kind(key: str, raw: Any) -> Kind:
    entry = _entry(raw, _KIND_KEYS, f"kind {key!r}")
    missing = sorted({"label", "types", "colour", "shape", "marker"} - set(entry))
    if missing:
        raise DataError(f"kind {key!r}: missing {', '.join(missing)}")
    types = tuple(_iri(t, f"kind {key!r}") for t in _words(entry["types"], f"kind {key!r}: 'types'"))
    return Kind(key=key, label=entry["label"], types=types, colour=entry["colour"], shape=entry["shape"],
                marker=entry["marker"], **{f: entry.get(f, False)
                                           for f in ("actor", "measured", "linked_only", "hide_unlinked")})


def _relation(key: str, raw: Any) -> Relation:
    where = f"relation {key!r}"
    entry = _entry(raw, _RELATION_KEYS, where)
    sections = _words(entry["sections"], f"{where}: 'sections'") if "sections" in entry else None
    if sections is not None and len(sections) != 2:
        raise DataError(f"{where}: 'sections' must name two sections (from source, from target)")
    hints = _words(entry.get("hints", []), f"{where}: 'hints'") if entry.get("hints") else ()
    unknown = sorted(set(hints) - _HINTS)
    if unknown:
        raise DataError(f"{where}: unknown hint(s) {', '.join(unknown)}{_close(unknown[0], sorted(_HINTS))}")
    return Relation(key=key, predicate=_iri(entry["predicate"], where) if "predicate" in entry else None,
                    label=entry.get("label", ""), reverse=entry.get("reverse", False),
                    sections=(sections[0], sections[1]) if sections else None, note=entry.get("note", ""),
                    legend=entry.get("legend", ""), hints=frozenset(hints))


@lru_cache(maxsize=4)
def load_schema(path: Path = SCHEMA_FILE) -> Schema:
    """Read and check ``path`` (``graph/data/schema.yaml``) once; a ``DataError`` names the file and the entry."""
    return read_checked(path, _schema)


def _schema(raw: Any) -> Schema:
    if not isinstance(raw, dict) or set(raw) != _TOP_KEYS:
        raise DataError(f"must be a mapping of exactly {', '.join(sorted(_TOP_KEYS))}")
    if not isinstance(raw["kinds"], dict) or not isinstance(raw["relations"], dict):
        raise DataError("'kinds' and 'relations' must be mappings by key")
    kinds = tuple(_kind(str(k), v) for k, v in raw["kinds"].items())
    relations = tuple(_relation(str(k), v) for k, v in raw["relations"].items())
    legend = _words(raw["legend_order"], "'legend_order'")
    if sorted(legend) != sorted(k.key for k in kinds):
        raise DataError(f"'legend_order' must list every kind once: {', '.join(k.key for k in kinds)}")
    predicates = [r.predicate for r in relations if r.predicate is not None]
    if len(set(predicates)) != len(predicates):
        raise DataError("two relations are read from the same predicate")
    export = raw["export"]
    if not isinstance(export, dict) or set(export) != {"node_attributes", "edge_attributes"}:
        raise DataError("'export' must hold 'node_attributes' and 'edge_attributes'")
    return Schema(kinds=kinds, legend_order=legend, relations=relations,
                  panel_order=_words(raw["panel_order"], "'panel_order'"),
                  node_attributes=_words(export["node_attributes"], "export: 'node_attributes'"),
                  edge_attributes=_words(export["edge_attributes"], "export: 'edge_attributes'"))
