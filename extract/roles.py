"""Roles and affiliations: who holds which post, in which institution, now or formerly.

Reads the ways press writing states a post, each a named rule so that every
membership can say which rule produced it (``tg:extractor``):

- ``roles.title_before_name``: "Department of Commerce Undersecretary William Kimmitt",
  "Mexican President X", "former Chamber President Y", "Secretary of State Z";
- ``roles.apposition``: "X, Founder and CEO of P4 Partners and former Deputy Commissioner of CBP",
  "X, Senior Manager, Americas, U.S. Chamber of Commerce", "X, the Ministry of Economy's representative";
- ``roles.of``: "X of Puerto Verde Global Trade Bridge"; ``roles.representing``: "… representing Duty Free Americas".

It also finds the actors these constructions reveal and NER missed: a person
right after a title ("Senior Vice President for the Western Hemisphere Neil
Herrington"), an organization right after "Director of" ("Mexico Evalúa").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rdflib import Graph
from spacy.tokens import Doc, Span, Token

from extract.document import doc_text
from extract.institutions import InstitutionList
from extract.lexicon import Lexicon
from extract.mentions import Mention, in_title

OFFICES = Path(__file__).parent / "data" / "offices.yaml"
ROLE_SCHEME = Path(__file__).parent / "data" / "roles.ttl"
GOVERNMENTS = {"US": "us-government", "MX": "mx-government", "CA": "ca-government"}
_CONNECT = {"of", "for", "the", "and", "on", "&", "de", "del", "la", "in"}
_ORG_PREP = {"of", "at", "with", "from", ",", "representing"}
_STOP_WORDS = {"who", "which", "that", "where", "whose", ";", "while", "when"}
_COPULAS = {"is", "was", "serves", "served"}
_NAME_PARTICLES = {"de", "la", "del", "van", "von", "der", "y", "da", "dos"}


@dataclass(frozen=True)
class RoleFinding:
    """A post read from a sentence: the person and org mentions (char spans), or an implied institution."""

    person: tuple[int, int]
    title: str | None
    former: bool
    sent_start: int
    sent_end: int
    extractor: str
    org: tuple[int, int] | None = None
    institution: str | None = None
    country: str | None = None  # the side a nationality word gives ("Mexican President")


@dataclass(frozen=True)
class Office:
    institution: str | None
    by_country: dict[str, str]
    country: str | None


@lru_cache(maxsize=1)
def load_offices() -> dict[str, Office]:
    """Titles that name their institution (``data/offices.yaml``), by lowercased title."""
    out: dict[str, Office] = {}
    for entry in yaml.safe_load(OFFICES.read_text(encoding="utf-8")):
        office = Office(entry.get("institution"), dict(entry.get("by_country") or {}), entry.get("country"))
        for title in entry["titles"]:
            out[title.lower()] = office
    return out


@lru_cache(maxsize=1)
def _role_scheme_text() -> str:
    return ROLE_SCHEME.read_text(encoding="utf-8")


def role_scheme() -> Graph:
    """The role-type scheme (``data/roles.ttl``) that ``tg:roleType`` points into."""
    return Graph().parse(data=_role_scheme_text(), format="turtle")


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


class _Sentence:
    """Token-level view of one sentence with the mentions that fall in it."""

    def __init__(self, doc: Doc, sent: Span, mentions: list[Mention]) -> None:
        self.doc, self.sent = doc, sent
        self.owner: dict[int, Mention] = {}
        self.spans: dict[tuple[int, int], tuple[int, int]] = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and sent.start <= span.start and span.end <= sent.end:
                self.spans[(m.start, m.end)] = (span.start, span.end)
                for i in range(span.start, span.end):
                    self.owner[i] = m

    def mention_at(self, i: int) -> Mention | None:
        return self.owner.get(i)

    def tok_span(self, m: Mention) -> tuple[int, int]:
        return self.spans[(m.start, m.end)]


def _title_at(tokens: list[Token], lex: Lexicon) -> int:
    """Length of the longest known title starting at ``tokens[0]`` (0 if none)."""
    for size in range(min(lex.max_title_words, len(tokens)), 0, -1):
        if " ".join(t.text for t in tokens[:size]).lower() in lex.titles:
            return size
    return 0


def _extend_portfolio(tokens: list[Token], end: int, lex: Lexicon) -> int:
    """Extend a title over "for the Western Hemisphere" / "of International Trade"."""
    i = end
    if i + 1 < len(tokens) and tokens[i].lower_ == "to":  # "Ambassador to the U.S.", "Envoy to Mexico"
        k = i + 1 + (tokens[i + 1].lower_ == "the")
        if k < len(tokens) and tokens[k].text.lower() in set(lex.nationalities) | {"united"}:
            k += 1
            while k < len(tokens) and tokens[k].text[:1].isupper() and tokens[k].text.lower() not in lex.titles:
                k += 1
            return k
    while i < len(tokens) and tokens[i].lower_ in {"for", "of", "the", "and", "&"}:
        j = i
        while j < len(tokens) and tokens[j].lower_ in {"for", "of", "the", "and", "&"}:
            j += 1
        k = j
        while k < len(tokens) and _cap(tokens[k]) and tokens[k].lower_ in lex.portfolio_words:
            k += 1
        if k == j:
            break
        i = k
    return i


def split_title(tokens: list[Token], lex: Lexicon) -> tuple[int, int, bool]:
    """Find ``[former] Title [for Portfolio]`` at the start of ``tokens``: (title start, title end, former)."""
    i, former = 0, False
    while i < len(tokens) and tokens[i].lower_.rstrip("-") in lex.former_markers | lex.current_markers:
        former = former or tokens[i].lower_.rstrip("-") in lex.former_markers
        i += 1
        if i < len(tokens) and tokens[i].text == "-":
            i += 1
    size = _title_at(tokens[i:], lex)
    if not size:
        return i, i, former
    end = i + size
    while True:  # "Founder and CEO", "President and Chief Executive Officer"
        if end + 1 < len(tokens) and tokens[end].lower_ == "and" and _title_at(tokens[end + 1:], lex):
            end = end + 1 + _title_at(tokens[end + 1:], lex)
            continue
        break
    return i, _extend_portfolio(tokens, end, lex), former


def _nationality(tokens: list[Token], lex: Lexicon) -> str | None:
    text = " ".join(t.text for t in tokens if t.tag_ != "POS" and t.text not in {"’s", "'s"}).lower()
    return lex.nationalities.get(text)


def _office(title: str, country: str | None) -> tuple[str | None, str | None]:
    """The institution a title names, and the side it implies."""
    offices = load_offices()
    words = title.lower().split()
    for size in range(len(words), 0, -1):
        for start in range(0, len(words) - size + 1):
            office = offices.get(" ".join(words[start:start + size]))
            if office:
                side = country or office.country
                return office.by_country.get(side or "", office.institution), side
    return None, country


def _org_run(sent: _Sentence, start: int, stop: int, lex: Lexicon) -> tuple[int, int] | None:
    """A capitalised name run starting at token ``start`` ("Alianza in Mexico", "Mexico Evalúa")."""
    doc = sent.doc
    i = start
    while i < stop and doc[i].lower_ in {"the", "and", "or"}:
        i += 1
    first = i

    def joins(k: int) -> bool:  # "for the Rule of Law": connectors that lead to another capitalised word
        while k < stop and doc[k].lower_ in _CONNECT | {"&"}:
            k += 1
        return k < stop and _cap(doc[k])

    while i < stop and (_cap(doc[i]) or doc[i].lower_ in _CONNECT | {"&"} and i > first and joins(i)):
        m = sent.mention_at(i)
        if m is not None and m.kind == "person" and len(m.tokens) > 1:
            break
        i += 1
    if i == first:
        return None
    words = [t for t in doc[first:i]]
    t_start, t_end, _ = split_title(words, lex)
    if t_end > t_start or t_start > 0:
        return None  # "Former CEO" is a title, not an organization
    while words and words[-1].lower_ in _CONNECT:
        words, i = words[:-1], i - 1
    if not words or all(t.lower_ in lex.portfolio_words | {"directors", "trustees", "governors", "members"}
                        for t in words):
        return None
    if len(words) == 1 and words[0].text.lower() in lex.org_heads:
        return None
    return first, i


def _segment_end(sent: _Sentence, start: int) -> int:
    """Where an apposition after a name ends: at the clause's verb, a relative pronoun or another person."""
    doc = sent.doc
    i = start
    while i < sent.sent.end:
        tok = doc[i]
        m = sent.mention_at(i)
        if m is not None and m.kind == "person" and len(m.tokens) > 1:
            return i
        if tok.text == "(":
            skipped = _skip_parenthetical(doc, i, sent.sent.end)
            if skipped > i:
                i = skipped
                continue
        if tok.lower_ in _STOP_WORDS or tok.text in {";", "(", "“", '"', ":"}:
            return i
        if tok.tag_ in {"VBD", "VBZ", "VBP", "MD"} and tok.lower_ not in {"based"} and not _cap(tok):
            return i
        i += 1
    return i


@dataclass
class _Org:
    start: int
    end: int
    mention: Mention | None


def _orgs_in(sent: _Sentence, start: int, end: int, lex: Lexicon, found: list[Mention]) -> list[_Org]:
    """Organization spans in a segment: known org mentions, places used as orgs, new capitalised runs."""
    doc, out, i = sent.doc, [], start
    while i < end:
        m = sent.mention_at(i)
        prev = doc[i - 1].lower_ if i > start else ","
        if m is not None and m.kind in {"place", "person"} and prev in _ORG_PREP | {"the"}:
            run = _org_run(sent, i, end, lex)
            if run and run[1] > sent.tok_span(m)[1]:  # "Mexico Evalúa": a longer name than the place
                s, e = run
                mention = Mention("org", doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text),
                                  sent.sent.start_char, sent.sent.end_char, source="role")
                found.append(mention)
                out.append(_Org(s, e, mention))
                i = e
                continue
        if m is not None and m.kind in {"org", "place"}:
            s, e = sent.tok_span(m)
            portfolio = all(t.lower_ in lex.portfolio_words for t in doc[s:e])
            if m.kind == "org" or prev in _ORG_PREP and not portfolio:
                out.append(_Org(s, e, m))
            i = e
            continue
        if prev in _ORG_PREP or prev == "the" and i >= 2 and doc[i - 2].lower_ in _ORG_PREP:
            run = _org_run(sent, i, end, lex)
            if run and sent.mention_at(run[0]) is None and not in_title(list(doc[run[0]:run[1]]), lex):
                s, e = run
                if not _title_at(list(doc[s:e]), lex):
                    text = doc[s:e].text
                    mention = Mention("org", text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text),
                                      sent.sent.start_char, sent.sent.end_char, source="role")
                    found.append(mention)
                    out.append(_Org(s, e, mention))
                    i = e
                    continue
        i += 1
    return out


def _clean_title(tokens: list[Token], lex: Lexicon, *, keep_nationality: bool = False) -> tuple[str | None, bool]:
    """The title as written from the words before an organization, and whether it is former."""
    while tokens and tokens[0].lower_ in {",", "and", "the", "as", "a", "an", "now", "also", "at", "with"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in {",", "of", "at", "with", "for", "from", "the", "in", "and"}:
        tokens = tokens[:-1]
    former = False
    while tokens and tokens[0].lower_.rstrip("-") in lex.former_markers | lex.current_markers | {"long-time", "longtime"}:
        former = former or tokens[0].lower_.rstrip("-") in lex.former_markers
        tokens = tokens[1:]
        while tokens and tokens[0].text in {"-", ","}:
            tokens = tokens[1:]
    if not keep_nationality and len(tokens) > 1 and tokens[-1].text in {"’s", "'s"} \
            and tokens[-2].text.lower() in lex.nationalities:  # "North America head in Mexico's Foreign Ministry"
        tokens = tokens[:-2]
        while tokens and tokens[-1].lower_ in {"in", "at", "of"}:
            tokens = tokens[:-1]
    while tokens and tokens[-1].text in {"’s", "'s"}:
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens).strip() or None
    if text and re.match(r"(?i)long[- ]?time\s+", text):
        text = re.sub(r"(?i)^long[- ]?time\s+", "", text)
    return text, former


def _skip_parenthetical(doc: Doc, i: int, stop: int) -> int:
    """Skip "(TX-17)" or "(CCE)" right after a name."""
    if i < stop and doc[i].text == "(":
        j = i + 1
        while j < stop and j - i <= 6 and doc[j].text != ")":
            j += 1
        if j < stop and doc[j].text == ")":
            return j + 1
    return i


def _chunks(tokens: list[Token], lex: Lexicon) -> list[list[Token]]:
    """Split the words of an apposition into posts: at commas, and at "and" before another post."""
    out: list[list[Token]] = [[]]
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1:]
        has_prep = any(t.lower_ in {"of", "at", "for", "with", "to", "in"} for t in out[-1])
        starts_post = bool(nxt) and (nxt[0].lower_.rstrip("-") in lex.former_markers | lex.current_markers
                                     or bool(_title_at(nxt, lex)) and has_prep)
        if tok.text == "," and out[-1] or tok.lower_ == "and" and starts_post:
            out.append([])
        else:
            out[-1].append(tok)
    return [c for c in out if c]


def _standalone(chunk: list[Token], person: Mention, sent: _Sentence, lex: Lexicon) -> RoleFinding | None:
    """A post named with its side but no institution: "former Mexican Ambassador to the U.S."."""
    title, former = _clean_title(chunk, lex, keep_nationality=True)
    if not title or lex.role_of(title) is None:
        return None
    country = next((lex.nationalities[t.text.lower()] for t in chunk if t.text.lower() in lex.nationalities
                    and t.text[:1].isupper()), None)
    institution, country = _office(title, country)
    if institution is None and country in GOVERNMENTS:
        institution = GOVERNMENTS[country]
    if institution is None:
        return None
    return RoleFinding((person.start, person.end), title, former, sent.sent.start_char, sent.sent.end_char,
                       "roles.apposition", institution=institution, country=country)


def _apposition(sent: _Sentence, person: Mention, lex: Lexicon, found: list[Mention]) -> list[RoleFinding]:
    doc = sent.doc
    _, p_end = sent.tok_span(person)
    i = _skip_parenthetical(doc, p_end, sent.sent.end)
    if i >= sent.sent.end:
        return []
    extractor = "roles.apposition"
    if doc[i].text == ",":
        start = i + 1
        if start < sent.sent.end and doc[start].lower_ in {"and", "or"}:
            return []  # a list of names, not an apposition
    elif doc[i].lower_ == "of":
        start, extractor = i + 1, "roles.of"
    elif doc[i].lower_ in _COPULAS:
        start, extractor = i + 1, "roles.copula"
        while start < sent.sent.end and doc[start].lower_ in {"as", "currently", "now", "also", "been"}:
            start += 1
    else:
        return []
    end = _segment_end(sent, start)
    nxt = sent.mention_at(end) if end < sent.sent.end else None
    if nxt is not None and nxt.kind == "person":  # the words right before the next name are its own title
        while end > start and (_cap(doc[end - 1]) or doc[end - 1].lower_ in {"of", "for", "the"}):
            end -= 1
    orgs = _orgs_in(sent, start, end, lex, found)
    out: list[RoleFinding] = []
    cursor = start

    def add(title: str | None, former: bool, rule: str, org: _Org | None = None, **kw) -> None:
        span = (doc[org.start].idx, doc[org.end - 1].idx + len(doc[org.end - 1].text)) if org else None
        out.append(RoleFinding((person.start, person.end), title, former, sent.sent.start_char,
                               sent.sent.end_char, rule, org=span, **kw))

    parent_start: int | None = None
    for n, org in enumerate(orgs):
        following = orgs[n + 1] if n + 1 < len(orgs) else None
        possessive = org.end < end and (doc[org.end].tag_ == "POS" or doc[org.end].text in {"’s", "'s"})
        if possessive and following is not None and following.start == org.end + 1:
            parent_start = org.start  # "UNAM's Research Center": the post is in the child body
            continue
        words = list(doc[cursor:parent_start if parent_start is not None else org.start])
        parent_start = None
        tail_end = org.end
        if possessive:  # "the Ministry of Economy's representative in Washington"
            tail_end = org.end + 1
            stop = following.start if following is not None else end
            while tail_end < stop and doc[tail_end].text not in {",", ";", "."} \
                    and doc[tail_end].lower_ != "representing":
                tail_end += 1
        chunks = _chunks(words, lex) or [[]]
        for chunk in chunks[:-1]:
            standalone = _standalone(chunk, person, sent, lex)
            if standalone:
                out.append(standalone)
        last = chunks[-1]
        if last and last[-1].lower_ == "the" and len(last) > 1:
            last = last[:-1]
        if last and last[-1].lower_ == "to" and not possessive:  # "Ambassador to the United Nations": a destination
            standalone = _standalone(list(doc[last[0].i:org.end]), person, sent, lex)
            if standalone:
                out.append(standalone)
            cursor = org.end
            continue
        if possessive:
            after, _ = _clean_title(list(doc[org.end + 1:tail_end]), lex)
            before, former_before = _clean_title(last, lex)
            if before and after and after[:1].isupper():  # "member of the Chamber's Board of Directors"
                title, former = f"{before} of the {after}", former_before
            else:
                title, former = after or before, former_before
        else:
            title, former = _clean_title(last, lex)
        rule = extractor
        if last and last[-1].lower_ == "representing":
            title, rule = None, "roles.representing"
        if rule in {"roles.apposition", "roles.copula"} and not possessive and (
                title is None or lex.role_of(title) is None and title.lower() != "member"):
            cursor = org.end
            continue  # an organization next to a name, with no post between them
        if extractor == "roles.of" and title:
            break
        add(title, former, rule, org)
        cursor = tail_end
        if tail_end < end and doc[tail_end].lower_ == "representing":
            cursor = tail_end
        if extractor == "roles.of":
            break
    if extractor in {"roles.apposition", "roles.copula"}:
        for chunk in _chunks(list(doc[cursor:end]), lex):
            standalone = _standalone(chunk, person, sent, lex)
            if standalone:
                out.append(standalone)
        out += _supports(sent, person, end, lex, found)
    return out


_SUPPORT_VERBS = {"supports", "supported", "represents", "represented", "advises", "advised"}


def _supports(sent: _Sentence, person: Mention, start: int, lex: Lexicon, found: list[Mention]) -> list[RoleFinding]:
    """ "… and supports the A Council, B Initiative, and C Coalition": ties to each body, with no title."""
    doc = sent.doc
    i = start
    while i < sent.sent.end and doc[i].lower_ in {"and", ","}:
        i += 1
    if i >= sent.sent.end or doc[i].lower_ not in _SUPPORT_VERBS:
        return []
    out = []
    for org in _orgs_in(sent, i + 1, sent.sent.end, lex, found):
        out.append(RoleFinding((person.start, person.end), None, False, sent.sent.start_char, sent.sent.end_char,
                               "roles.supports",
                               org=(doc[org.start].idx, doc[org.end - 1].idx + len(doc[org.end - 1].text))))
    return out


def _byline(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[RoleFinding]:
    """An author box: a line with only the name, then "Title, Unit, Organization" on the next line."""
    out = []
    orgs = [m for m in mentions if m.kind == "org"]
    for m in (m for m in mentions if m.kind == "person"):
        line_start = doc_text(doc).rfind("\n", 0, m.start) + 1
        line_end = doc_text(doc).find("\n", m.end)
        line_end = len(doc_text(doc)) if line_end < 0 else line_end
        line = doc_text(doc)[line_start:line_end].strip()
        if line not in {m.text, f"{m.text} {m.text}"}:
            continue
        nxt_start = line_end
        while nxt_start < len(doc_text(doc)) and doc_text(doc)[nxt_start] in "\n \t":
            nxt_start += 1
        nxt_end = doc_text(doc).find("\n", nxt_start)
        nxt_end = len(doc_text(doc)) if nxt_end < 0 else nxt_end
        in_line = [o for o in orgs if nxt_start <= o.start < nxt_end]
        span = doc.char_span(nxt_start, nxt_end, alignment_mode="contract")
        if not in_line or span is None:
            continue
        t_start, t_end, former = split_title(list(span), lex)
        org = in_line[-1]
        title = doc_text(doc)[nxt_start:org.start].strip(" ,")
        if t_end > t_start and t_start == 0 and title:
            out.append(RoleFinding((m.start, m.end), title, former, nxt_start, nxt_end, "roles.byline",
                                   org=(org.start, org.end)))
    return out


def _title_before(sent: _Sentence, person: Mention, lex: Lexicon, inst: InstitutionList,
                  earlier: list[RoleFinding] = ()) -> list[RoleFinding]:
    doc = sent.doc
    p_start, _ = sent.tok_span(person)
    if p_start - 1 >= sent.sent.start and doc[p_start - 1].text == ",":
        return _title_clause_before(sent, person, lex)
    i = p_start - 1
    while i >= sent.sent.start:
        tok = doc[i]
        m = sent.mention_at(i)
        if m is not None and m.kind == "person":
            break
        if _cap(tok) or tok.lower_ in _CONNECT | lex.former_markers | {"’s", "'s", "(", ")", "-", "ex", "to"} \
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
        if m is not None and m.kind == "org":
            last_org_end, org_mention = k + 1, m
    if org_mention is not None and last_org_end == len(run):
        # the org mention itself ends with the title: "U.S. Trade Representative Katherine Tai"
        words = org_mention.text.split()
        if lex.role_of(words[-1]) and org_mention.institution:
            return [RoleFinding((person.start, person.end), org_mention.text, False, sent.sent.start_char,
                                sent.sent.end_char, "roles.title_before_name", institution=org_mention.institution)]
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
            former = former or any(t.lower_.rstrip("-") in lex.former_markers for t in before)
            title = " ".join(t.text for t in rest[k + t_start:])
            country = _nationality([t for t in before if t.lower_.rstrip("-") not in lex.former_markers], lex)
            org_span = None
            institution = None
            if org_mention is not None and not before:
                org_span = (org_mention.start, org_mention.end)
            elif org_mention is not None and all(t.text in {"(", ")"} or sent.mention_at(t.i) is not None
                                                 or t.lower_.rstrip("-") in lex.former_markers for t in before):
                org_span = (org_mention.start, org_mention.end)
            if org_span is None:
                institution, country = _office(title, country)
                if institution is None and country in GOVERNMENTS and lex.role_of(title) in {
                        "head-of-state", "vice-president", "minister", "deputy-minister", "ambassador", "legislator"}:
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
            return [RoleFinding((person.start, person.end), title, former, sent.sent.start_char, sent.sent.end_char,
                                "roles.title_before_name", org=org_span, institution=institution, country=country)]
    return []


def _title_clause_before(sent: _Sentence, person: Mention, lex: Lexicon) -> list[RoleFinding]:
    """ "Undersecretary of International Trade of Mexico's Ministry of the Economy, Luis Rosendo Gutiérrez, …"."""
    doc = sent.doc
    p_start, _ = sent.tok_span(person)
    i = p_start - 2
    while i >= sent.sent.start and (_cap(doc[i]) or doc[i].lower_ in _CONNECT | {"’s", "'s"}
                                    or sent.mention_at(i) is not None and sent.mention_at(i).kind != "person"):
        i -= 1
    run = list(doc[i + 1:p_start - 1])
    t_start, t_end, former = split_title(run, lex)
    orgs = [sent.mention_at(t.i) for t in run[t_end:] if sent.mention_at(t.i) is not None
            and sent.mention_at(t.i).kind == "org"]
    if t_end == t_start or not orgs or t_start > 0 and not all(
            t.lower_.rstrip("-") in lex.former_markers | lex.current_markers for t in run[:t_start]):
        return []
    words = run[t_start:t_end]
    while words and (words[-1].lower_ in {"of", "’s", "'s", "the"} or words[-1].text.lower() in lex.nationalities):
        words = words[:-1]
    title = " ".join(t.text for t in words)
    return [RoleFinding((person.start, person.end), title, former, sent.sent.start_char, sent.sent.end_char,
                        "roles.title_before_name", org=(orgs[-1].start, orgs[-1].end))]


_LIST_OPENERS = {"including", "like", "among"}


def _listed_before(sent: _Sentence, start: int, org: Mention | None) -> tuple[int, int] | None:
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
        if tok.text in {",", "and"} or _cap(tok) or (m is not None and m.kind == "person") \
                or tok.lower_ in {"for", "of", "the"}:
            i -= 1
            continue
        return None
    return None


def _people_after_titles(sent: _Sentence, lex: Lexicon) -> list[Mention]:
    """Names NER missed right after a title: "Senior Vice President for the Western Hemisphere Neil Herrington"."""
    doc, out = sent.doc, []
    i = sent.sent.start
    while i < sent.sent.end:
        if sent.mention_at(i) is not None or not _cap(doc[i]):
            i += 1
            continue
        run_end = i
        while run_end < sent.sent.end and sent.mention_at(run_end) is None and (
                _cap(doc[run_end]) or doc[run_end].lower_ in {"for", "of", "the", "and"}):
            run_end += 1
        tokens = list(doc[i:run_end])
        t_start, t_end, _ = split_title(tokens, lex)
        name = tokens[t_end:] if t_end > t_start else []
        before = sent.mention_at(i - 1) if i > sent.sent.start else None
        if not name and before is not None and before.kind == "org" and lex.role_of(before.text.split()[-1]):
            name = tokens  # "Deputy U.S. Trade Representative Caroline Meyers": the title ends in a body's name
        while len(name) > 2 and name[-1].pos_ != "PROPN":
            name = name[:-1]
        if 2 <= len(name) <= 4 and all(_cap(t) or t.lower_ in _NAME_PARTICLES for t in name) and not any(
                t.lower_ in lex.org_heads | lex.portfolio_words | lex.event_words or t.lower_ in lex.titles
                for t in name):
            s, e = name[0].i, name[-1].i + 1
            out.append(Mention("person", doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text),
                               sent.sent.start_char, sent.sent.end_char, titled=True, source="role"))
        i = max(run_end, i + 1)
    return out


def find_roles(doc: Doc, mentions: list[Mention], lex: Lexicon, inst: InstitutionList
               ) -> tuple[list[RoleFinding], list[Mention]]:
    """Posts stated in ``doc``, and the new mentions (people after titles, organizations in roles) they reveal."""
    findings: list[RoleFinding] = _byline(doc, mentions, lex)
    new: list[Mention] = []
    for sent in doc.sents:
        inside = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        view = _Sentence(doc, sent, inside)
        extra = _people_after_titles(view, lex)
        if extra:
            new.extend(extra)
            view = _Sentence(doc, sent, inside + extra)
        here: list[RoleFinding] = []
        for person in [m for m in inside + extra if m.kind == "person"]:
            found_orgs: list[Mention] = []
            before = _title_before(view, person, lex, inst, here)
            here.extend(before)
            findings.extend(before)
            findings.extend(_apposition(view, person, lex, found_orgs))
            new.extend(found_orgs)
    return findings, new
