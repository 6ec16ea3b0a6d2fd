"""Roles and affiliations: who holds which post, in which institution, now or formerly.

Reads the ways press writing states a post, each a named rule so that every membership can say
which rule produced it (``tg:extractor``). This module reads posts before a name ("Department of
Commerce Undersecretary William Kimmitt", "Mexican President X", "former Chamber President Y",
"Secretary of State Z", ``roles.title_before_name``) and runs every rule, each in its module:

- ``extract.roles.appositions``: posts after a name ("X, Director of Y"), and ``extract.roles.posts_alone`` those
  that name a side or state but no body ("X, former Mexican Ambassador to the U.S.");
- ``extract.roles.title_clauses``: posts before a name in a clause ("The Undersecretary of Z, X, …") and
  the offices of a state or city ("Nuevo León Governor X");
- ``extract.roles.titled_names``: the people these constructions reveal and the NER missed;
- ``extract.roles.group_lists``: posts stated once for a whole list ("officials of the Ministry: A, …");
- ``extract.roles.led_by``: posts stated by a verb ("is co-chaired by A and B", "X, who chairs …");
- ``extract.roles.bylines``: an author box, the name on a line and "Title, Unit, Organization" below;
- ``extract.reference.known_people``: the side and office of a listed office-holder the text leaves out.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from extract.mentions import Mention
from extract.reference.institutions import InstitutionList
from extract.reference.known_people import office_of
from extract.reference.lexicon import Lexicon
from extract.roles.appositions import CONNECT, apposition
from extract.roles.bylines import byline_roles
from extract.roles.group_lists import group_list_roles, shared_side_roles
from extract.roles.led_by import led_by_roles
from extract.roles.title_clauses import (
    GOVERNMENT_ROLES,
    before_honorifics,
    sentence_side,
    state_before,
    title_clause_before,
)
from extract.roles.titled_names import people_after_titles, people_before_titles, title_of_before
from extract.roles.titles import (
    GOVERNMENTS,
    RoleFinding,
    cap,
    load_offices,
    nationality,
    office_for,
    role_scheme,
    split_title,
)
from extract.text.document import doc_text
from extract.text.sentence_view import SentenceView

if TYPE_CHECKING:
    from extract.reading import Reading

__all__ = ["RoleFinding", "find_roles", "role_scheme", "split_title"]

def _title_before(sent: SentenceView, person: Mention, lex: Lexicon, inst: InstitutionList,
                  earlier: Sequence[RoleFinding] = ()) -> list[RoleFinding]:
    doc = sent.doc
    p_start, _ = sent.tok_span(person)
    p_start = before_honorifics(sent, p_start, lex)  # "The Undersecretary of X, Dr. Ana Ruiz, …"
    if p_start - 1 >= sent.sent.start and doc[p_start - 1].text == ",":
        return title_clause_before(sent, person, lex)
    i = p_start - 1
    while i >= sent.sent.start:
        tok = doc[i]
        m = sent.mention_at(i)
        if m is not None and m.kind == "person":
            break
        if tok.text in {"-", "–", "—"} and tok.whitespace_ and i > 0 and doc[i - 1].whitespace_:
            break  # a dateline's dash: "WASHINGTON, Aug 28 (Reuters) - Mexican President X"
        if cap(tok) or tok.lower_ in CONNECT | lex.former_markers | {"’s", "'s", "(", ")", "-", "ex", "to"} \
                or (m is not None and m.kind in {"org", "place"}):
            i -= 1
            continue
        break
    run = list(doc[i + 1:p_start])
    if not run:
        return []
    # the title is the longest known title that ends the run (after its last organization mention)
    last_org_end, org_mention = 0, None
    for k, tok in enumerate(run):
        m = sent.mention_at(tok.i)
        if m is not None and m.kind == "org" and not _destination(run, k, sent):
            last_org_end, org_mention = k + 1, m
    addressed = org_mention is not None and [t.text for t in run[last_org_end:]] == ["Ambassador"]
    portfolio = [t.text for t in run[last_org_end:]]  # "… Trade Representative for the Western Hemisphere X"
    if org_mention is None or not portfolio or portfolio[0] not in {"for", "of"} \
            or not all(w.lower() in lex.portfolio_words for w in portfolio):
        portfolio = []
    if org_mention is not None and (last_org_end == len(run) or addressed or portfolio):
        # the org mention itself ends with the title: "U.S. Trade Representative Katherine Tai", also
        # with the form of address the office carries ("… Trade Representative Ambassador X")
        words = org_mention.text.split()
        if lex.role_of(words[-1]) and org_mention.institution:
            o_start, _ = sent.tok_span(org_mention)
            before = [t for t in run if t.i < o_start]
            rank = [t.text for t in before[-1:] if t.text in _RANKS]  # "Deputy U.S. Trade Representative X"
            former = any(t.lower_.rstrip("-") in lex.former_markers for t in before)
            return [RoleFinding((person.start, person.end), " ".join(rank + [org_mention.text] + portfolio), former,
                                sent.sent.start_char, sent.sent.end_char, "roles.title_before_name",
                                institution=org_mention.institution)]
        if not addressed and title_of_before(sent, org_mention, lex):
            # "Secretary of Homeland Security X": the body named as the title's portfolio holds the post
            o_start, _ = sent.tok_span(org_mention)
            head = [t for t in run if t.i < o_start]
            for k in range(len(head)):
                t_start, t_end, former = split_title(head[k:], lex)
                if t_end > t_start:
                    title = f"{' '.join(t.text for t in head[k + t_start:])} {org_mention.text}"
                    return [RoleFinding((person.start, person.end), title, former, sent.sent.start_char,
                                        sent.sent.end_char, "roles.title_before_name",
                                        org=(org_mention.start, org_mention.end))]
        if not addressed:
            return []
    while run and run[-1].text.lower() in lex.honorifics:  # "Secretary of Economy Dr. X"
        run = run[:-1]
    rest = run[last_org_end:]
    while rest and rest[0].text in {"(", ")"} or rest and rest[0].text.isupper() and rest[0].text.isalpha() \
            and last_org_end and sent.mention_at(rest[0].i) is None and len(rest) > 1 and rest[1].text == ")":
        rest = rest[1:]
    for k in range(len(rest)):
        t_start, t_end, former = split_title(rest[k:], lex)
        if t_end > t_start and k + t_end == len(rest):
            before = rest[:k]
            former = former or any(t.lower_.rstrip("-") in lex.former_markers for t in before) \
                or _in_the_past(sent, next((t.i for t in run if t.lower_ not in CONNECT), run[0].i), person, lex)
            title = " ".join(t.text for t in rest[k + t_start:])
            for j in range(len(before)):  # "Interior Secretary X": a portfolio before the title names the office
                if all(t.lower_ in lex.portfolio_words for t in before[j:]) \
                        and f"{' '.join(t.text for t in before[j:])} {title}".lower() in load_offices():
                    title, before = f"{' '.join(t.text for t in before[j:])} {title}", before[:j]
                    break
            country = nationality([t for t in before if t.lower_.rstrip("-") not in lex.former_markers], lex)
            if country is None and _US_DISTRICT.match(doc_text(doc)[person.end:person.end + 16]):
                country = "US"  # "Representative X (R-Texas)", "Congressman Y (TX-17)"
            org_span = None
            institution = None
            if org_mention is not None and not before:
                org_span = (org_mention.start, org_mention.end)
            elif org_mention is not None and all(t.text in {"(", ")"} or sent.mention_at(t.i) is not None
                                                 or t.lower_.rstrip("-") in lex.former_markers for t in before):
                org_span = (org_mention.start, org_mention.end)
            if before and before[-1].text == "City" and f"city {title.lower()}" in lex.city_titles:
                title, before = f"City {title}", before[:-1]  # "Laredo City Manager X", "Laredo City" a place
            if org_span is None:  # a state's or city's office: "Texas Secretary of State X", "Laredo Mayor Y"
                org_span = state_before(before, title, lex)
            if org_span is None:
                # a listed holder's one office that the title names ("Secretary Vilsack", "Trade Representative
                # X"), and their side before the title's default ("Interior Secretary X" of Mexico)
                held, side = office_of(person.text, title=title)
                institution, country = office_for(title, country or side or sentence_side(sent, lex))
                institution = held or institution
                if institution is None and country in GOVERNMENTS and lex.role_of(title) in GOVERNMENT_ROLES:
                    institution = GOVERNMENTS[country]
            if org_span is None and institution is None:
                org_span = _listed_before(sent, run[0].i, org_mention)
            if org_span is None and institution is None and earlier:
                same = [f for f in earlier if f.title and f.title.split()[-1] == title.split()[-1]]
                if same:  # "former Chamber President X, current President Y"
                    org_span, institution = same[-1].org, same[-1].institution
            if org_span is None and institution is None:
                return []
            if institution is not None and institution not in inst.by_id:
                return []
            if org_mention is not None and org_span == (org_mention.start, org_mention.end):
                former = former or _former_before(run, sent.tok_span(org_mention)[0], lex)  # "former Acme President X"
            return [RoleFinding((person.start, person.end), title, former, sent.sent.start_char, sent.sent.end_char,
                                "roles.title_before_name", org=org_span, institution=institution, country=country)]
    return []


def _former_before(run: list[Token], body_start: int, lex: Lexicon) -> bool:
    """Whether a former-marker stands right before the body that opens a post ("former Acme Foods President X"):
    it makes the post a past one, as it does right before the title."""
    lead = [t for t in run if t.i < body_start and t.lower_ != "the"]
    return bool(lead) and lead[-1].lower_.rstrip("-") in lex.former_markers


def _destination(run: list[Token], k: int, sent: SentenceView) -> bool:
    """Whether the organization mention at ``run[k]`` is where an envoy is sent ("Ambassador to [the United
    States]"), part of the title rather than the body holding the post."""
    mention = sent.mention_at(run[k].i)
    first = sent.tok_span(mention)[0] if mention is not None else run[k].i
    before = [t for t in run if t.i < first and t.lower_ != "the"]
    return bool(before) and before[-1].lower_ == "to"


def _in_the_past(sent: SentenceView, start: int, person: Mention, lex: Lexicon) -> bool:
    """Whether the sentence places a post in the past without a former-marker: "the era of President X",
    "during President X's tenure"."""
    doc = sent.doc
    before = " ".join(t.lower_ for t in doc[max(sent.sent.start, start - 2):start])
    if any(before.endswith(opener) for opener in lex.past_openers):
        return True
    end = sent.tok_span(person)[1]
    after = " ".join(t.lower_ for t in doc[end + 1:min(sent.sent.end, end + 4)])
    return start > sent.sent.start and doc[start - 1].lower_ == "during" and end < sent.sent.end \
        and doc[end].text in {"’s", "'s"} and any(after.startswith(term) for term in lex.past_terms)


def _bare_title_before(sent: SentenceView, person: Mention, lex: Lexicon) -> str | None:
    """A title right before a name, with nothing else before it in the name's run ("… by Commissioner X")."""
    doc = sent.doc
    p_start, _ = sent.tok_span(person)
    i = p_start
    while i > sent.sent.start and cap(doc[i - 1]) and sent.mention_at(i - 1) is None:
        i -= 1
    run = list(doc[i:p_start])
    t_start, t_end, _ = split_title(run, lex)
    return " ".join(t.text for t in run) if run and t_start == 0 and t_end == len(run) else None


_RANKS = {"Deputy", "Assistant", "Acting", "Associate", "Senior", "Chief"}
_US_DISTRICT = re.compile(r"\s*\((?:[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?|[A-Z]{2}-\d{1,2}|[RDI]\.?-[A-Z]{2})\)")


_LIST_OPENERS = {"including", "like", "among"}


def _listed_before(sent: SentenceView, start: int, org: Mention | None) -> tuple[int, int] | None:
    """The organization a list names once: "leaders from the Chamber, including Vice President X and …"."""
    doc = sent.doc
    i = start - 1
    while i >= sent.sent.start:
        tok = doc[i]
        if tok.lower_ in _LIST_OPENERS or tok.lower_ == "as" and i > 0 and doc[i - 1].lower_ == "such":
            j = i - 1
            while j >= sent.sent.start and doc[j].text in {",", "such"}:
                j -= 1
            m = sent.mention_at(j)
            if m is not None and m.kind == "org":
                return (m.start, m.end)
            return None
        m = sent.mention_at(i)
        if tok.text in {",", "and"} or cap(tok) or (m is not None and m.kind == "person") \
                or tok.lower_ in {"for", "of", "the"}:
            i -= 1
            continue
        return None
    return None


def find_roles(reading: Reading, *, mentions: list[Mention]) -> tuple[list[RoleFinding], list[Mention]]:
    """Posts stated in the document, and the new mentions (people after titles, organizations in roles) they
    reveal."""
    doc, lex, inst = reading.doc, reading.lexicon, reading.institutions
    findings: list[RoleFinding] = byline_roles(doc, mentions, lex)
    new: list[Mention] = []
    starts = [m.start for m in mentions]
    in_order = all(a <= b for a, b in zip(starts, starts[1:], strict=False))  # then a sentence's are a run
    for sent in doc.sents:
        view = SentenceView(doc, sent, mentions[bisect_left(starts, sent.start_char):
                                                bisect_left(starts, sent.end_char)] if in_order else
                            [m for m in mentions if sent.start_char <= m.start < sent.end_char])
        inside = view.mentions  # a mention running past the sentence's end (a name across a break) is not read
        extra = people_after_titles(view, lex)
        extra += [m for m in people_before_titles(view, lex) if all(m.start != x.start for x in extra)]
        if extra:
            new.extend(extra)
            view = SentenceView(doc, sent, inside + extra)
        here: list[RoleFinding] = []
        for person in [m for m in inside + extra if m.kind == "person"]:
            found_orgs: list[Mention] = []
            before = _title_before(view, person, lex, inst, here)
            here.extend(before)
            findings.extend(before)
            after = apposition(view, person, lex, found_orgs)
            if not before:  # "Commissioner X of the Federal Energy Regulatory Commission": the title is that body's
                title = _bare_title_before(view, person, lex)
                after = [replace(f, title=title) if f.extractor == "roles.of" and f.title is None and title else f
                         for f in after]
            findings.extend(after)
            new.extend(found_orgs)
    findings.extend(group_list_roles(doc, mentions + new, findings, lex))
    findings.extend(shared_side_roles(doc, mentions + new, findings, lex, inst))
    findings.extend(led_by_roles(doc, mentions + new))
    return findings, new
