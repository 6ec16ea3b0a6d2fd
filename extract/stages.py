"""The stages of extraction, in order: one document's reading in, its findings out.

:func:`read` is the pipeline; each stage is ``find_x(reading, *, what earlier stages found)`` and runs
under the guard (:class:`extract.guard.Guard`), so a rule that fails loses only what it would have found.
Nothing here writes RDF: that is :mod:`extract.rdf`.
"""
from __future__ import annotations

from extract.entities import Entities
from extract.events import Event, find_events
from extract.events.spanish import spanish_meetings
from extract.findings import Evidence, Findings, Meeting
from extract.guard import Guard
from extract.mentions import (
    Mention,
    find_mentions,
    government_mentions,
    listed_by_acronym,
    qualify_bare_bodies,
    with_acronyms,
)
from extract.mentions.referred import referred_bodies
from extract.organizations.company_lists import with_company_lists
from extract.organizations.coordinated import with_coordinated_bodies
from extract.organizations.hierarchy import PartOf, find_parts
from extract.organizations.implied_bodies import meeting_series, with_role_mentions
from extract.reading import Reading
from extract.resolve import resolve
from extract.roles.descriptions import described_people
from extract.roles.founders import find_founders
from extract.roles.memberships import Membership, link, person_country
from extract.roles.posts import find_roles
from extract.roles.spanish_posts import spanish_posts
from extract.sides import document_side, infer_countries, sentence_sides
from extract.slug import fold
from extract.statements.speech import statements_and_figures
from extract.text.metadata import about_document
from extract.topics.scheme import load_scheme, main_topics

MAX_EVENT_TOPICS = 8


def read(reading: Reading, guard: Guard) -> Findings:
    """Every finding of one document, stage by stage."""
    mentions = named_mentions(reading, guard)
    parts, children = guard("part-of", find_parts, reading, mentions=mentions, fallback=([], []))
    mentions = by_position(mentions + children)
    posts, found = guard("post", find_roles, reading, mentions=mentions, fallback=([], []))
    posts += guard("post", spanish_posts, reading, mentions=mentions, fallback=[])  # [] unless Spanish
    found += guard("description", described_people, reading, mentions=mentions + found, findings=posts,
                   fallback=[])
    entities = Entities(resolve(with_role_mentions(reading, mentions=mentions, found=found, findings=posts),
                                reading.institutions, reading.lexicon))
    resolved = entities.mentions()
    events = guard("meeting", find_events, reading, mentions=resolved, fallback=[])
    events += guard("meeting", spanish_meetings, reading, mentions=resolved, fallback=[])  # [] unless Spanish
    met = {fold(ev.name) for ev in events}  # a body named like a meeting that took place is that meeting
    entities = entities.keep(lambda e: not (e.kind == "org" and not e.institution and fold(e.name) in met))
    posts += guard("founder", find_founders, reading, mentions=resolved, fallback=[])
    memberships = link(reading, findings=posts, entities=entities)
    if events:  # a dialogue that met is a series of meetings, not a body
        series = meeting_series(reading, entities=entities, memberships=memberships)
        entities = entities.keep(lambda e: e.key not in series)
        memberships = [m for m in memberships if m.org.key not in series]
    meetings = [m for m in (guard("meeting", meeting, reading, ev, fallback=None) for ev in events) if m is not None]
    said, figures = guard("statement", statements_and_figures, reading, people=resolved, entities=entities,
                          fallback=([], []))
    parents = part_links(parts, entities)
    org_country = infer_countries(list(entities), parents, reading.institutions, reading.lexicon)
    return Findings(reading, about_document(reading, mentions=resolved), entities, memberships=memberships,
                    parents=parents, org_country=org_country, sides=sides(entities, memberships, org_country),
                    meetings=meetings, statements=said, figures=figures)


def by_position(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order (a stable sort: mentions of one span keep their order)."""
    return sorted(mentions, key=lambda m: (m.start, m.end))


def named_mentions(reading: Reading, guard: Guard) -> list[Mention]:
    """The mentions of people, bodies and places the text names: the NER's cleaned up, with acronyms, company
    lists, bodies known by acronym, national governments, and coordinations read as their bodies."""
    doc, lex, inst, clutter = reading.doc, reading.lexicon, reading.institutions, reading.clutter
    mentions = with_acronyms(find_mentions(doc, lex, inst, clutter), doc, lex)
    mentions = guard("company list", with_company_lists, reading, mentions=mentions, fallback=mentions)
    mentions = qualify_bare_bodies(listed_by_acronym(mentions, inst, reading.text), doc, lex, inst)
    mentions = by_position(mentions + government_mentions(doc, lex, inst, clutter))
    mentions = guard("referred body", referred_bodies, reading, mentions=mentions, fallback=mentions)
    return guard("coordinated body", with_coordinated_bodies, reading, mentions=mentions, fallback=mentions)


def part_links(parts: list[PartOf], entities: Entities) -> dict[str, str]:
    """Part-of links read from the text, by entity key (child -> parent)."""
    links = {}
    for p in parts:
        child, parent = entities.at(*p.child, "org"), entities.at(*p.parent, "org")
        if child is not None and parent is not None and child is not parent:
            links[child.key] = parent.key
    return links


def sides(entities: Entities, memberships: list[Membership], org_country: dict[str, str | None]
          ) -> dict[str, str | None]:
    """The country of every body and person: a person's from their posts, else their sentences' one side,
    else the document's own side."""
    found = {**org_country, **{e.key: person_country(e, memberships, org_country) for e in entities.people()}}
    found |= sentence_sides(list(entities), found)
    home = document_side(list(entities), found)
    found |= {e.key: home for e in entities.people() if not found.get(e.key) and home}
    return found


def meeting(reading: Reading, event: Event) -> Meeting:
    """A meeting with the main topics of the paragraphs that tell it."""
    covered = " ".join(reading.text[s:e] for s, e in sorted(set(event.paragraphs)))
    topics = main_topics(covered, load_scheme(), max_topics=MAX_EVENT_TOPICS) if covered.strip() else []
    start, end = event.sentence
    return Meeting(event, [t.iri for t in topics], Evidence.of(reading, start, end, event.rule))


__all__ = ["read", "named_mentions", "part_links", "sides", "meeting", "by_position"]
