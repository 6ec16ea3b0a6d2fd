"""Bodies that posts and meetings imply without naming them as such: a governor's or mayor's post is held
in the state's or city's government ("Texas Governor X": Government of Texas; "Mayor Y of Reynosa": City
of Reynosa), a named ministry's national government, the institution an office names ("Secretary of
State Z"), and the dialogue that is a series of meetings rather than a body ("the HLED")."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.mentions import Mention
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.resolve import Entity
from extract.roles.titles import GOVERNMENTS, RoleFinding

if TYPE_CHECKING:
    from extract.reading import Reading
    from extract.roles.memberships import Membership


def with_role_mentions(reading: Reading, *, mentions: list[Mention], found: list[Mention],
                       findings: list[RoleFinding]) -> list[Mention]:
    """Add what the role rules found: new mentions, places used as organizations, implied institutions."""
    inst, lex, text = reading.institutions, reading.lexicon, reading.text
    org_spans = {f.org for f in findings if f.org}
    governed = {f.org: _government_of(f.title, lex) for f in findings
                if f.org and f.title and (lex.role_of(f.title) == "governor" or f.title.lower() in lex.city_titles)}
    out = []
    for m in mentions + found:
        level = governed.get((m.start, m.end))
        if level and (m.kind == "place" or m.kind == "org" and not m.institution and m.text.lower() in lex.places) \
                and (m.text.lower() in lex.states) == (level == "Government of"):  # "Mayor X of [Eagle Pass]" typed ORG
            m = replace(m, kind="org", text=_government_name(level, m.text))  # a governor's or mayor's post
        elif m.kind in {"place", "org"} and (m.start, m.end) in org_spans and _state_named(m.text, lex):
            # "secretary of economy for the state of Chihuahua", "… Development for the State of Sonora"
            m = replace(m, kind="org", text=_government_name("Government of", _state_named(m.text, lex) or ""),
                        institution=None)
        elif m.kind == "place" and (m.start, m.end) in org_spans:  # a city's post: "Nuevo Laredo's director"
            m = replace(m, kind="org", text=f"City of {m.text}" if m.text.lower() in lex.cities else m.text)
        out.append(m)
    known = {(m.start, m.end) for m in out}
    for f in findings:  # a state the NER did not take for a place ("Nuevo León Governor X", tagged a person)
        name = text[f.org[0]:f.org[1]] if f.org else ""
        if f.org and f.org not in known and (f.org in governed or _state_named(name, lex)):
            known.add(f.org)
            out.append(Mention("org", _government_name(governed.get(f.org, "Government of"), name), f.org[0],
                               f.org[1], f.sent_start, f.sent_end,
                               source="office"))
    for f in findings:
        if f.institution and f.org is None:
            name = inst.by_id[f.institution].name
            out.append(Mention("org", name, f.sent_start, f.sent_start, f.sent_start, f.sent_end,
                               institution=f.institution, source="office"))
    return out + _national_governments(out, inst)


def _national_governments(mentions: list[Mention], inst: InstitutionList) -> list[Mention]:
    """The national government each named executive body belongs to ("the Department of Energy": the
    Government of the United States), where the document does not name it: a ministry's people act
    for their government, and the graph shows the ministry inside it."""
    named = {m.institution for m in mentions if m.institution}
    out: list[Mention] = []
    for m in mentions:
        if m.kind != "org" or not m.institution or inst.by_id[m.institution].kind != "government":
            continue
        top = next((a.id for a in inst.ancestors(m.institution) if a.id in GOVERNMENTS.values()), None)
        if top is not None and top not in named:
            named.add(top)
            out.append(Mention("org", inst.by_id[top].name, m.sent_start, m.sent_start, m.sent_start, m.sent_end,
                               institution=top, source="office"))
    return out


def meeting_series(reading: Reading, *, entities: Iterable[Entity], memberships: list[Membership]) -> set[str]:
    """Keys of the "organizations" that are a series of meetings in a document that reports meetings: a
    listed dialogue, summit or forum of governments or business bodies in which nobody holds a titled
    post. The meeting is the fact; "the HLED" is where the delegations met, not a body they belong to.
    (Where someone chairs it, it stays a body; so does an unlisted forum, and a think tank named
    "Dialogue".)"""
    inst, lex = reading.institutions, reading.lexicon
    titled = {m.org.key for m in memberships if m.title}
    return {e.key for e in entities if e.kind == "org" and e.key not in titled and e.institution is not None
            and inst.by_id[e.institution].kind in _SERIES_KINDS and e.name.split()[-1].lower() in lex.event_words}


_SERIES_KINDS = {"international", "business_association", "other"}


def _government_name(level: str, place: str) -> str:
    """ "Government of Texas", "City of Laredo"; a state whose name says it is one keeps it ("State of Mexico")."""
    return place if level == "Government of" and place.lower().startswith("state of") else f"{level} {place}"


def _state_named(text: str, lex: Lexicon) -> str | None:
    """The state a post's body names when the body is a state's government: the state itself, or a
    portfolio "for the State of X" (the portfolio belongs to the title, the post to the state)."""
    if text.lower() in lex.states:
        return text
    if text.lower().startswith("the ") and text[4:].lower() in lex.states:
        return text[4:]
    found = _STATE_PORTFOLIO.match(text)
    if found is None or found.group(2).lower() not in lex.states:
        return None
    portfolio = (found.group(1) or "").split()
    return found.group(2) if all(w.lower() in lex.portfolio_words for w in portfolio) else None


_STATE_PORTFOLIO = re.compile(r"(?:(.*?)\s+(?:for|of|in)\s+)?(?:the\s+)?[Ss]tate\s+of\s+(.+)$")


def _government_of(title: str, lex: Lexicon) -> str:
    """How the government a governor's or a mayor's post belongs to is named: "Government of" a state,
    "City of" a city."""
    return "City of" if title.split()[-1].lower() in lex.city_titles or title.lower() in lex.city_titles \
        else "Government of"
