"""Within-document resolution: group a document's mentions into the actors they name.

A later "Velasco", "Secretary Guajardo", "the Chamber" or "CCE" joins the fuller
mention made before; a surname shared by two people in the document is left
unresolved rather than guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from extract.mentions import Mention
from extract.organizations.company_lists import load_grammar
from extract.organizations.names import clean_org
from extract.reference.gazetteer import Gazetteer, load_gazetteer
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.slug import fold

_PARTICLES = {"de", "la", "del", "van", "von", "der", "y", "da", "dos", "di", "le"}


@dataclass(eq=False)
class Entity:
    """An actor or place of one document, with every mention of it."""

    kind: str
    key: str
    name: str
    institution: str | None = None
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _person_key(name: str) -> str:
    """Folded name without middle initials: 'Suzanne P. Clark' and 'Suzanne Clark' share a key."""
    words = fold(name).split()
    return " ".join(w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1))


def _is_part(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` is the surname part (suffix), the given-name part (prefix) of ``full``, or, in a
    name of three words or more, its paternal surname alone ("Arriaga" of "Sofía Arriaga Lozano")."""
    n = len(short)
    if n >= len(full):
        return False
    paternal = len(full) >= 3 and n == 1 and full[-2] == short[0] and full[-2] not in _PARTICLES
    return full[-n:] == short or full[:n] == short and short[-1] not in _PARTICLES or paternal


def _resolve_people(mentions: list[Mention]) -> list[Entity]:
    people: dict[str, Entity] = {}
    for m in sorted(mentions, key=lambda m: (-len(m.tokens), m.start)):
        key = _person_key(m.text)
        if key in people:
            people[key].mentions.append(m)
            if m.text != people[key].name:
                people[key].aliases.add(m.text)
            continue
        words = key.split()
        candidates = [e for e in people.values() if _is_part(words, e.key.split())]
        if len(candidates) == 1:
            candidates[0].mentions.append(m)
            candidates[0].aliases.add(m.text)
        elif not candidates and (len(words) >= 2 or m.titled):
            people[key] = Entity("person", key, m.text, mentions=[m])
    return list(people.values())


def _alias_key(text: str) -> str:
    """Folded name without a legal form ("Acme Labs, LLC" is "Acme Labs") or spaces; acronyms also lose
    their inner punctuation ("AA&M" is "AAM")."""
    key = fold(text)
    if len(text) <= 8 and text.replace("&", "").replace(".", "").isupper():
        return key.replace(" ", "")
    words = key.split()
    for suffix in _legal_suffixes():
        if len(words) > len(suffix) + 1 and tuple(words[-len(suffix):]) == suffix:
            words = words[:-len(suffix)]
            break
    return "".join(words)  # "Select USA Office" is "SelectUSA Office"


@lru_cache(maxsize=1)
def _legal_suffixes() -> tuple[tuple[str, ...], ...]:
    """The company-list grammar's legal forms, folded, longest first."""
    forms = {tuple(fold(" ".join(s)).split()) for s in load_grammar().legal_suffixes}
    return tuple(sorted((f for f in forms if f), key=lambda f: (-len(f), f)))


def clean_orgs(mentions: list[Mention], inst: InstitutionList, lex: Lexicon) -> list[Mention]:
    """Organization mentions made into the bodies they name (``extract.organizations.names``), without those that
    name none, and without an unlisted fragment of a longer organization mention ("Innovative
    Strategies" inside "Global Security and Innovative Strategies")."""
    out = [c for c in (clean_org(m, lex, inst) for m in mentions) if c is not None]
    spans = [(m.start, m.end) for m in out if m.kind == "org" and m.end > m.start]
    return [m for m in out if m.kind != "org" or m.institution or m.end <= m.start
            or not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)]


def _resolve_orgs(mentions: list[Mention], inst: InstitutionList, lex: Lexicon) -> list[Entity]:
    orgs: dict[str, Entity] = {}
    by_alias: dict[str, str] = {}

    def add(key: str, m: Mention, name: str, inst_id: str | None) -> None:
        ent = orgs.setdefault(key, Entity("org", key, name, institution=inst_id))
        ent.mentions.append(m)
        if m.text != ent.name:
            ent.aliases.add(m.text)
        by_alias[_alias_key(m.text)] = key
        if m.acronym:
            ent.aliases.add(m.acronym)
            by_alias[_alias_key(m.acronym)] = key

    pending: list[Mention] = []
    for m in mentions:
        folded = _alias_key(m.text)
        listed = inst.lookup(m.acronym) if m.acronym and not m.institution else None
        if listed is not None and listed.acronyms and m.acronym in listed.acronyms:
            m = replace(m, institution=listed.id)  # "Mexican Council on Foreign Affairs (COMEXI)": a listed body
        if m.institution:
            add(f"inst:{m.institution}", m, inst.by_id[m.institution].name, m.institution)
        elif folded in by_alias:
            add(by_alias[folded], m, m.text, None)
        elif len(m.tokens) == 1 and (m.text.lower() in lex.org_heads or m.text.lower() in lex.event_words):
            pending.append(m)  # "the Chamber", "the Dialogue": resolved below to the nearest fuller name
        else:
            add(folded, m, m.text, None)
    for m in pending:
        head = m.text.lower()
        def last_before(e: Entity, at: int = m.start) -> int:  # the last mention of ``e`` before this one
            return max((x.start for x in e.mentions if x.start < at), default=-1)

        before = [e for e in orgs.values() if head in e.name.lower().split() and last_before(e) >= 0]
        if before:
            target = max(before, key=last_before)
            target.mentions.append(m)
            target.aliases.add(f"the {m.text}")
    for ent in orgs.values():
        if ent.institution is None:
            first = ent.name
            ent.name = max((m.text for m in ent.mentions), key=lambda t: (len(t.split()), len(t), t))
            ent.aliases.add(first)  # the name it was first given stays one of its names
            ent.aliases.discard(ent.name)
    return list(orgs.values())


def _resolve_places(mentions: list[Mention], gazetteer: Gazetteer) -> list[Entity]:
    """A listed place under any of its names ("Washington", "Washington, D.C.") is one entity, named by its
    English name in the gazetteer; an unlisted place is one entity per folded name."""
    places: dict[str, Entity] = {}
    for m in mentions:
        listed = gazetteer.lookup(m.text)
        key = f"gazetteer:{listed.id}" if listed else fold(m.text)
        ent = places.setdefault(key, Entity("place", key, listed.name if listed else m.text))
        ent.mentions.append(m)
        if listed and m.text != listed.name:
            ent.aliases.add(m.text)
    return list(places.values())


def resolve(mentions: list[Mention], inst: InstitutionList, lex: Lexicon, *,
            gazetteer: Gazetteer | None = None) -> list[Entity]:
    """Group mentions into entities, in order of first mention; places against ``gazetteer`` (the packaged one
    unless given)."""
    mentions = clean_orgs(mentions, inst, lex)
    by_kind = {k: [m for m in mentions if m.kind == k] for k in ("person", "org", "place")}
    people = _resolve_people(by_kind["person"])
    person_words = {w for e in people for w in e.key.split()}
    orgs = [e for e in _resolve_orgs(by_kind["org"], inst, lex)
            if e.institution or fold(e.name) not in person_words]
    entities = people + orgs + _resolve_places(by_kind["place"], gazetteer or load_gazetteer())
    return sorted(entities, key=lambda e: (e.first, e.kind, e.key))
