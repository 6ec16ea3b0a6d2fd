"""Posts stated after a name: appositions, copulas, "of" and "representing", lists of bodies supported.

- ``roles.apposition``: "X, Founder and CEO of P4 Partners and former Deputy Commissioner of CBP",
  "X, Senior Manager, Americas, U.S. Chamber of Commerce", "X, the Ministry of Economy's representative";
- ``roles.copula``: "X is Senior Manager for the Americas at the U.S. Chamber";
- ``roles.of``: "X of Puerto Verde Global Trade Bridge"; ``roles.representing``: "… representing Duty Free Americas";
- ``roles.supports``: "… and supports the A Council, B Initiative and C Coalition".

Bodies these constructions name that NER missed ("Mexico Evalúa") become new mentions.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.mentions import Mention, in_title
from extract.reference.lexicon import Lexicon
from extract.roles.led_by import leads, ties, who_leads
from extract.roles.posts_alone import standalone_post
from extract.roles.titles import RoleFinding, cap, clean_title, extend_portfolio, split_title, title_at
from extract.text.sentence_view import SentenceView

CONNECT = {"of", "for", "the", "and", "on", "&", "de", "del", "la", "in"}

_ORG_PREP = {"of", "at", "with", "from", ",", "representing"}

_STOP_WORDS = {"who", "which", "that", "where", "whose", ";", "while", "when"}

_COPULAS = {"is", "was", "serves", "served"}


def _org_run(sent: SentenceView, start: int, stop: int, lex: Lexicon) -> tuple[int, int] | None:
    """A capitalised name run starting at token ``start`` ("Alianza in Mexico", "Mexico Evalúa")."""
    doc = sent.doc
    i = start
    while i < stop and doc[i].lower_ in {"the", "and", "or"}:
        i += 1
    first = i

    def joins(k: int) -> bool:  # "for the Rule of Law": connectors that lead to another capitalised word
        while k < stop and doc[k].lower_ in CONNECT | {"&"}:
            k += 1
        return k < stop and cap(doc[k])

    while i < stop and (cap(doc[i]) or doc[i].lower_ in CONNECT | {"&"} and i > first and joins(i)):
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
    while words and words[-1].lower_ in CONNECT:
        words, i = words[:-1], i - 1
    if not words or all(t.lower_ in lex.portfolio_words | {"directors", "trustees", "governors", "members"}
                        for t in words):
        return None
    if not any(t.text[:1].isalpha() for t in words):  # "Ana Ruiz, 40, said": an age or a number is no body
        return None
    if len(words) == 1 and words[0].text.lower() in lex.org_heads:
        return None
    return first, i


def _segment_end(sent: SentenceView, start: int) -> int:
    """Where an apposition after a name ends: at the clause's verb, a relative pronoun or another person."""
    doc = sent.doc
    i = start
    while i < sent.sent.end:
        tok = doc[i]
        m = sent.mention_at(i)
        if m is not None and m.kind == "person" and len(m.tokens) > 1:
            return i
        if tok.text == "(":
            skipped = skip_parenthetical(doc, i, sent.sent.end)
            if skipped > i:
                i = skipped
                continue
        if tok.lower_ in _STOP_WORDS or tok.text in {";", "(", "“", '"', ":"}:
            return i
        if tok.tag_ in {"VBD", "VBZ", "VBP", "MD"} and tok.lower_ not in {"based"} and not cap(tok):
            return i
        i += 1
    return i


@dataclass
class _Org:
    start: int
    end: int
    mention: Mention | None


def orgs_in(sent: SentenceView, start: int, end: int, lex: Lexicon, found: list[Mention]) -> list[_Org]:
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
                if not title_at(list(doc[s:e]), lex):
                    text = doc[s:e].text
                    mention = Mention("org", text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text),
                                      sent.sent.start_char, sent.sent.end_char, source="role")
                    found.append(mention)
                    out.append(_Org(s, e, mention))
                    i = e
                    continue
        i += 1
    return out


def skip_parenthetical(doc: Doc, i: int, stop: int) -> int:
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
        # "Director of X and President of Y", "former U.S. Ambassador and founding partner of Z": two posts,
        # where "Founder and CEO of Z" is one
        has_prep = any(t.lower_ in {"of", "at", "for", "with", "to", "in"} or t.text.lower() in lex.nationalities
                       for t in out[-1])
        starts_post = bool(nxt) and (nxt[0].lower_.rstrip("-") in lex.former_markers | lex.current_markers
                                     or bool(title_at(nxt, lex)) and has_prep)
        if tok.text == "," and out[-1] or tok.lower_ == "and" and starts_post:
            out.append([])
        else:
            out[-1].append(tok)
    return [c for c in out if c]


def apposition(sent: SentenceView, person: Mention, lex: Lexicon, found: list[Mention]) -> list[RoleFinding]:
    doc = sent.doc
    _, p_end = sent.tok_span(person)
    i = skip_parenthetical(doc, p_end, sent.sent.end)
    if i >= sent.sent.end:
        return []
    extractor = "roles.apposition"
    if doc[i].text == ",":
        start = i + 1
        if start < sent.sent.end and doc[start].lower_ in {"and", "or"}:
            return []  # a list of names, not an apposition
        if start + 1 < sent.sent.end and doc[start].lower_ == "who" and leads(doc[start + 1]):
            verb = start + 1  # "X, who chairs the Subcommittee on Trade, …"
            return who_leads(sent, person, verb, orgs_in(sent, verb + 1, _segment_end(sent, verb + 1), lex, found),
                             lex)
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
        while end > start and (cap(doc[end - 1]) or doc[end - 1].lower_ in {"of", "for", "the", "to"}):
            end -= 1
    orgs = orgs_in(sent, start, end, lex, found)
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
            standalone = standalone_post(chunk, person, sent, lex)
            if standalone:
                out.append(standalone)
        last = chunks[-1]
        if last and last[-1].lower_ == "the" and len(last) > 1:
            last = last[:-1]
        if last and last[-1].lower_ == "to" and not possessive:  # "Ambassador to the United Nations": a destination
            standalone = standalone_post(list(doc[last[0].i:org.end]), person, sent, lex)
            if standalone:
                out.append(standalone)
            cursor = org.end
            continue
        title: str | None  # the post between the name and the body, when there is one
        if possessive:
            after, _ = clean_title(list(doc[org.end + 1:tail_end]), lex)
            before, former_before = clean_title(last, lex)
            if before and after and after[:1].isupper():  # "member of the Chamber's Board of Directors"
                title, former = f"{before} of the {after}", former_before
            else:
                title, former = after or before, former_before
        else:
            title, former = clean_title(last, lex)
            size = title_at(list(doc[org.end:end]), lex)
            if size:  # "… Department of State Deputy Assistant Secretary for Western Hemisphere Affairs"
                size = extend_portfolio(list(doc[org.end:end]), size, lex)
            if title is None and size and (org.end + size == end or doc[org.end + size].text in {",", ";", "."}):
                title = doc[org.end:org.end + size].text  # "… and former USTR official": the post after the body
                tail_end = org.end + size
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
            standalone = standalone_post(chunk, person, sent, lex)
            if standalone:
                out.append(standalone)
        out += _supports(sent, person, end, lex, found)
    return out


def _supports(sent: SentenceView, person: Mention, start: int, lex: Lexicon, found: list[Mention]) -> list[RoleFinding]:
    """ "… and supports the A Council, B Initiative, and C Coalition": ties to each body, with no title."""
    doc = sent.doc
    i = start
    while i < sent.sent.end and doc[i].lower_ in {"and", ","}:
        i += 1
    if i >= sent.sent.end or not ties(doc[i]):
        return []
    out = []
    for org in orgs_in(sent, i + 1, sent.sent.end, lex, found):
        out.append(RoleFinding((person.start, person.end), None, False, sent.sent.start_char, sent.sent.end_char,
                               "roles.supports",
                               org=(doc[org.start].idx, doc[org.end - 1].idx + len(doc[org.end - 1].text))))
    return out
