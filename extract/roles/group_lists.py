"""Posts stated once for a whole list: the body named in a list's introduction.

"Key officials of the Ministry of Tourism: A, Director General of Planning; B, Advisor" says that
A and B hold posts in the ministry, though each item names only a title; "a delegation of senior
Mexican Government officials: A, Secretary of …" gives each a side, and so do the other items of a
list of officials whose offices name their side. The group nouns and the words
that open a list are data (``data/group_lists.yaml``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from extract import DATA_DIR
from extract.errors import DataError
from extract.mentions import Mention
from extract.reference.data_files import read_yaml
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.roles.titles import GOVERNMENTS, RoleFinding, clean_title, office_for, split_title
from extract.text.document import token_lowers
from extract.text.sentence_view import SentenceView

DATA = DATA_DIR / "group_lists.yaml"
_WINDOW = 12  # how far before the group noun, or after it, the body or side of the group may be named


@dataclass(frozen=True)
class GroupWords:
    nouns: frozenset[str]
    openers: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def load_group_words(path: Path = DATA) -> GroupWords:
    """The group nouns and list openers, checked once."""
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not raw.get("group_nouns") or not raw.get("list_openers"):
        raise DataError(f"{path}: needs group_nouns and list_openers")
    return GroupWords(frozenset(str(w).lower() for w in raw["group_nouns"]),
                      tuple(tuple(str(w).lower().split()) for w in raw["list_openers"]))


def group_list_roles(doc: Doc, mentions: list[Mention], findings: list[RoleFinding], lex: Lexicon
                     ) -> list[RoleFinding]:
    """A post for every listed person who has none with a body yet, in the body (or side) the list's
    introduction names."""
    words = load_group_words()
    listed = {(m.start, m.end) for m in mentions if m.institution}
    # a post already read in a listed body stands; one in a phrase the list does not know ("Director General
    # of Policy and Investment Promotion") may be a portfolio taken for a body, so the list's body is added
    placed = {f.person for f in findings if f.institution or f.org in listed}
    out: list[RoleFinding] = []
    lowers = token_lowers(doc)
    for sent in doc.sents:
        if words.nouns.isdisjoint(lowers[sent.start:sent.end]):  # no group noun: no list starts here
            continue
        opened = _list_start(sent, words)
        if opened is None:
            continue
        view = SentenceView(doc, sent, [m for m in mentions if sent.start_char <= m.start < sent.end_char])
        inside = view.mentions
        noun, start = opened
        body = _body_of(view, noun, start, inside)
        side = _side_of(sent, noun, start, lex)
        office = _office_named(sent, noun, start, side, lex) if body is None else None
        if body is None and office is None and side is None:
            continue
        for person in inside:
            if person.kind != "person" or person.start < doc[start].idx or (person.start, person.end) in placed:
                continue
            title, _ = _own_title(view, person, lex)
            if body is not None:
                out.append(RoleFinding((person.start, person.end), title, False, sent.start_char, sent.end_char,
                                       "roles.group_list", org=(body.start, body.end)))
            elif office is not None:  # "officials of Mexico's Secretary of Economy: …": the ministry
                out.append(RoleFinding((person.start, person.end), title, False, sent.start_char, sent.end_char,
                                       "roles.group_list", institution=office, country=side))
            elif title and side in GOVERNMENTS:
                institution, country = office_for(title, side)
                out.append(RoleFinding((person.start, person.end), title, False, sent.start_char, sent.end_char,
                                       "roles.group_list", institution=institution or GOVERNMENTS[side],
                                       country=country))
    return out


def shared_side_roles(doc: Doc, mentions: list[Mention], findings: list[RoleFinding], lex: Lexicon,
                      inst: InstitutionList) -> list[RoleFinding]:
    """Officials listed together ("A, Secretary of Foreign Affairs; B, Secretary of Environment; …") act
    for one side: the side the other items' offices give, for an item whose office names none by itself."""
    out: list[RoleFinding] = []
    lowers = token_lowers(doc)
    for sent in doc.sents:
        if ";" not in lowers[sent.start:sent.end]:  # no word ";" (the only word whose lower form is ";")
            continue
        view = SentenceView(doc, sent, [m for m in mentions if sent.start_char <= m.start < sent.end_char])
        owned = [(p, _own_title(view, p, lex)[0]) for p in view.mentions if p.kind == "person"]
        items = [(p, title) for p, title in owned if title]
        if len(items) < 3:
            continue
        spans = {(p.start, p.end) for p, _ in items}
        stated = {f.country or (inst.by_id[f.institution].country if f.institution else None)
                  for f in findings if f.person in spans and (f.institution or f.country)}
        sides = {s for s in stated if s is not None}
        if len(sides) != 1 or not sides <= set(GOVERNMENTS):
            continue
        side = sides.pop()
        placed = {f.person for f in findings if f.org or f.institution}
        for person, title in items:
            if (person.start, person.end) not in placed and lex.role_of(title) in _GOVERNMENT_ROLES:
                institution, _ = office_for(title, side)
                out.append(RoleFinding((person.start, person.end), title, False, sent.start_char, sent.end_char,
                                       "roles.shared_side", institution=institution or GOVERNMENTS[side],
                                       country=side))
    return out


_GOVERNMENT_ROLES = {"head-of-state", "vice-president", "minister", "deputy-minister", "ambassador"}


def _list_start(sent: Span, words: GroupWords) -> tuple[int, int] | None:
    """(group noun, first token of the list) when the sentence introduces a list of a group's people."""
    doc, lowers = sent.doc, token_lowers(sent.doc)  # the words as read once per Doc
    for i in range(sent.start, sent.end):
        if lowers[i] not in words.nouns:
            continue
        for k in range(i + 1, min(sent.end, i + 1 + _WINDOW)):
            if doc[k].text.endswith(":") and not doc[k].is_alpha:  # ":", and "):" as the tokenizer keeps it
                return i, k + 1
            for opener in words.openers:
                if tuple(lowers[k:k + len(opener)]) == opener:
                    return i, k + len(opener)
    return None


def _body_of(view: SentenceView, noun: int, start: int, inside: list[Mention]) -> Mention | None:
    """The organization named with the group: right after it ("officials of X") or right before it
    ("Ministry of Tourism officials")."""
    doc = view.doc
    for i in range(noun + 1, start):
        m = view.mention_at(i)
        if m is not None and m.kind == "org":
            return m
        if m is not None and m.kind == "person":
            return None
    prev = view.mention_at(noun - 1) if noun > view.sent.start else None
    return prev if prev is not None and prev.kind == "org" and not doc[noun - 1].is_punct else None


def _side_of(sent: Span, noun: int, start: int, lex: Lexicon) -> str | None:
    """A side named right before the group noun ("senior Mexican Government officials") or in the rest of
    the introduction ("officials of Mexico's Secretary of Economy:")."""
    doc = sent.doc
    for i in [*range(max(sent.start, noun - 4), noun), *range(noun + 1, start)]:
        code = lex.nationalities.get(doc[i].lower_)
        if code and doc[i].text[:1].isupper() and not (i and doc[i - 1].lower_ in lex.region_words):
            return code
    return None


def _office_named(sent: Span, noun: int, start: int, side: str | None, lex: Lexicon) -> str | None:
    """The institution an office's title names in the introduction, as the press names a ministry by its
    head's title ("officials of Mexico's Secretary of Economy (SE): …")."""
    doc = sent.doc
    for i in range(noun + 1, start):
        t_start, t_end, _ = split_title(list(doc[i:start]), lex)
        if t_start == 0 and t_end > 0:
            return office_for(doc[i:i + t_end].text, side)[0]
    return None


def _own_title(view: SentenceView, person: Mention, lex: Lexicon) -> tuple[str | None, bool]:
    """The title written after a listed name (", Director General of Planning;"), if any."""
    doc = view.doc
    _, end = view.tok_span(person)
    if end >= view.sent.end or doc[end].text != ",":
        return None, False
    stop = end + 1
    while stop < view.sent.end and doc[stop].text not in {";", ",", "."} and doc[stop].lower_ != "and" \
            and view.kind_at(stop) != "person":
        stop += 1
    title, former = clean_title(list(doc[end + 1:stop]), lex)
    return (title, former) if title and lex.role_of(title) else (None, False)
