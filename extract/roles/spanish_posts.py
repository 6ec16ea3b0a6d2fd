"""Posts as Spanish writes them (issue 15, item 4): a title before a name, with or without the comma of an
apposition, or after it.

- "el Subsecretario de Comercio Exterior, Ana Ruiz" / "la embajadora Ana Ruiz": the title before the name;
- "el presidente del Consejo Coordinador Empresarial (CCE), Luis Soto": the body named inside the title;
- "Luis Soto, presidente de la Cámara Nacional de Comercio,": the title after the name.
- "el Secretario Soto" / "el Presidente Soto", a title naming no body: the office the document writes in full
  elsewhere ("El Secretario de Economía realizó …"), else the side of the government body its header names.

The body is the organization named inside the title, else the office the title names (``data/offices.yaml``,
which lists the Spanish titles too: "Secretario de Economía" is an office of the Ministry of Economy), else the
government of the country the title names ("el presidente de México"). A title is kept as written; "ex" before
it, or a title word starting with "ex" ("exsecretario"), makes the post former. These rules read words and
entities only (no dependency labels or English tags), so they read the same with the Spanish model and with the
English pipeline standing in; they run on Spanish documents only. Title words are those of ``data/spanish.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from extract.mentions import Mention
from extract.mentions.spanish import portfolio_tokens
from extract.reference.countries import load_countries
from extract.reference.lexicon import load_lexicon
from extract.reference.spanish_words import spanish_words
from extract.roles.titles import RoleFinding, load_offices, office_for
from extract.sides import issuer
from extract.text.document import doc_text

if TYPE_CHECKING:
    from extract.reading import Reading

EXTRACTOR = "roles.es_title"
MAX_TITLE_TOKENS = 14  # "el presidente del Consejo Coordinador Empresarial (CCE)" and a little more
STOPS = frozenset({",", ".", ";", ":", "—", "–", "\n", "que", "y", "e"})
FORMER = frozenset({"ex", "entonces", "otrora", "anterior"})
HEADER = 300  # characters of a document's start holding its letterhead: the issuer of a comunicado
NO_POST = (-1, -1)  # a title whose body is a state's the text does not name: no post rather than the nation's


def spanish_posts(reading: Reading, *, mentions: list[Mention]) -> list[RoleFinding]:
    """The posts a Spanish document states with a title before or after a person's name ([] for other languages)."""
    if reading.language != "es":
        return []
    doc = reading.doc
    findings: list[RoleFinding] = []
    bare: list[tuple[Mention, Span]] = []  # titles naming no body, office or country: "el Presidente X"
    portfolio = portfolio_tokens(doc)  # the document's title portfolios, read once for every name
    for person in (m for m in mentions if m.kind == "person"):
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            continue
        for title in (_title_before(doc, span, mentions, portfolio=portfolio), _title_after(doc, span, mentions)):
            found = _finding(doc, person, title, mentions) if title is not None else None
            if found is not None:  # "el exgobernador X, presidente de Y": two posts
                findings.append(found)
            elif title is not None:
                bare.append((person, title))
    held = {_surname(doc_text(doc)[f.person[0]:f.person[1]]) for f in findings}
    for person, title in bare:  # "El Subsecretario Hallman" of a person with a post already stated is no other
        if _surname(person.text) not in held:
            context = _in_context(reading, person, title, mentions)
            held |= {_surname(person.text)} if context else set()
            findings.extend(context)
    return findings


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def _in_context(reading: Reading, person: Mention, title: Span, mentions: list[Mention]) -> list[RoleFinding]:
    """The post of a title naming no body, office or country ("el Presidente X", "la Secretaria Y"), on the side
    of the government body the document's header names (its issuer; ``context_titles`` of
    ``data/spanish.yaml``): a minister's or undersecretary's post is in that issuer (a Secretaría's comunicado:
    "el Secretario X" heads the Secretaría), every other in that side's government. The sentence's own bodies
    are no guide: in this genre they are the counterparts met ("el Secretario X sostuvo encuentros con la
    comunidad empresarial de EE.UU.")."""
    role = reading.lexicon.role_of(title.text)
    if role not in spanish_words().context_titles:
        return []
    written = _written_office(reading.text, title.text)
    if written is not None:  # the title as the document writes it in full: "Secretario de Economía"
        return [_context_finding(person, title, written[1:], written=written[0])]
    body = issuer(mentions, reading.institutions, within=HEADER)
    if body is None:
        return []
    side = reading.institutions.by_id[body].country
    institution = body if role in {"minister", "deputy-minister"} else load_countries().governments().get(side)
    if institution is None:
        return []
    return [_context_finding(person, title, (institution, side))]


def _written_office(text: str, title: str) -> tuple[str, str, str | None] | None:
    """The office (institution, side) a document writes in full elsewhere for a bare title: "el Secretario
    Guajardo" of a comunicado whose lead says "El Secretario de Economía realizó …" holds that office."""
    offices = load_offices()
    for found in re.finditer(rf"\b{re.escape(title)}\s+(?:de|del|para)\b", text, re.I):
        words = text[found.start():found.start() + 80].split()
        for size in range(min(len(words), 7), 1, -1):
            phrase = " ".join(words[:size]).rstrip(",.;:")
            office = offices.get(phrase.lower())
            if office is not None and office.institution is not None:
                return phrase, office.institution, office.country
    return None


def _context_finding(person: Mention, title: Span, post: tuple[str, str | None], *,
                     written: str | None = None) -> RoleFinding:
    sent = title.sent
    return RoleFinding(person=(person.start, person.end), title=_trim(written or title.text), former=_former(title),
                       sent_start=sent.start_char, sent_end=sent.end_char, extractor=EXTRACTOR,
                       institution=post[0], country=post[1])


def _former(title: Span) -> bool:
    """"ex" before the title, or a title word starting with "ex" ("exsecretario")."""
    before = title.doc[title.start - 1].lower_ if title.start > 0 else ""
    return before in FORMER or title[0].lower_.startswith("ex") and title[0].lower_[2:] in spanish_words().title_words


def _is_title(word: str) -> bool:
    return word.lower() in spanish_words().title_words


def _title_before(doc: Doc, person: Span, mentions: list[Mention], *, portfolio: set[int]) -> Span | None:
    """The title words before the name ("el Secretario de Economía, X", "la embajadora X"), or ``None``."""
    end = person.start - 1 if person.start > 0 and doc[person.start - 1].text == "," else person.start
    i, counted = end - 1, 0
    while i >= person.sent.start and counted < MAX_TITLE_TOKENS:
        tok = doc[i]
        if i in portfolio and tok.text in {",", "y", "e"}:
            i -= 1  # a list inside the title's portfolio ("para Crecimiento Económico, Energía y …")
            continue
        body = _org_at(tok.idx, mentions)
        if body is not None and not (_is_title(tok.text) and tok.idx == body.start):
            i -= 1  # inside a body's name: "Secretaría de Industria y Comercio", "Consejo Coordinador …" is no stop
            continue  # and a long name ("Cámara Nacional de la Industria del Hierro y del Acero") counts for nothing
        counted += 1
        if tok.text == "." and i > 0 and not doc[i - 1].whitespace_:
            i -= 1  # the period of an abbreviation ("EE.UU."), not a sentence's end
            continue
        if tok.text in STOPS or tok.text.lower() in STOPS or _person_at(tok.idx, mentions) or tok.is_sent_start:
            return doc[i:end] if _is_title(tok.text) and i < end else None
        if _is_title(tok.text):
            return doc[i:end]
        if end == person.start and not (tok.text[:1].isupper() or tok.lower_ in {"de", "del", "la", "el"}):
            return None  # no comma: only a capitalised title runs into the name ("el Secretario Luis Soto")
        i -= 1
    return None


def _title_after(doc: Doc, person: Span, mentions: list[Mention]) -> Span | None:
    """The title after the name and its comma ("X, presidente de la Cámara Y,"), or ``None``."""
    i = person.end
    if i >= person.sent.end or doc[i].text != ",":
        return None
    i += 1
    while i < person.sent.end and doc[i].lower_ in {"el", "la", "actual", "ex"}:
        i += 1
    if i >= person.sent.end or not _is_title(doc[i].text):
        return None
    end = i + 1
    while end < min(person.sent.end, i + MAX_TITLE_TOKENS) and doc[end].text not in STOPS \
            and not _person_at(doc[end].idx, mentions):
        end += 1
    return doc[i:end]


def _person_at(char: int, mentions: list[Mention]) -> bool:
    return any(m.kind == "person" and m.start <= char < m.end for m in mentions)


def _org_at(char: int, mentions: list[Mention]) -> Mention | None:
    """The body whose name holds character ``char``: a title word inside it ("Consejo Coordinador Empresarial")
    is part of the name, only its first word can be a title the recogniser took for a body."""
    return next((m for m in mentions if m.kind == "org" and m.start <= char < m.end), None)


def _finding(doc: Doc, person: Mention, title: Span, mentions: list[Mention]) -> RoleFinding | None:
    """The post a title states: its body (named inside it, else its office, else its country's government)."""
    # a body read from the title itself ("la subsecretaria de Comercio Exterior" taken for the Subsecretaría) is
    # the title, not a body named inside it: the post is in the office the title names
    orgs = [m for m in mentions if m.kind == "org" and title.start_char < m.start and m.end <= title.end_char]
    implied = None if orgs else _implied_body(doc, title, mentions)
    if implied == NO_POST:
        return None
    if implied is not None:  # "el gobernador de Coahuila", "su presidente", "el secretario de Economía estatal"
        sent = title.sent
        inside = title.start_char < implied[0] < title.end_char
        return RoleFinding(person=(person.start, person.end),
                           title=_trim(doc_text(doc)[title.start_char:implied[0]] if inside else title.text) or None,
                           former=_former(title), sent_start=sent.start_char, sent_end=sent.end_char,
                           extractor=EXTRACTOR, org=implied)
    text = title.text if not orgs else doc_text(doc)[title.start_char:orgs[0].start]
    text = _trim(text)
    country = _country(title)
    institution, country = office_for(_unprefixed(title.text.replace(" ,", ",")), country)
    if not orgs and institution is None and country is not None:
        institution = load_countries().governments().get(country)
    if not orgs and institution is None:
        return None
    sent = title.sent
    return RoleFinding(person=(person.start, person.end), title=text or None, former=_former(title),
                       sent_start=sent.start_char, sent_end=sent.end_char, extractor=EXTRACTOR,
                       org=(orgs[-1].start, orgs[-1].end) if orgs else None,
                       institution=None if orgs else institution, country=country)


@lru_cache(maxsize=1)
def _states() -> str:
    """The states' names as one alternation, longest first ("Nuevo León" before "León"), built once."""
    return "|".join(re.escape(s) for s in sorted(load_lexicon().states, key=len, reverse=True))


def _implied_body(doc: Doc, title: Span, mentions: list[Mention]) -> tuple[int, int] | None:
    """Where the body of a title naming none is written: the state a title names ("gobernador de Coahuila") or
    that a state's office serves ("secretario de Economía estatal": the state named last before it), else, for
    "su presidente", the body named last before the title in its sentence; :data:`NO_POST` for a state's office
    of a state the text does not name."""
    states = _states()
    named = re.search(rf"\b(?:de|del)\s+(?:estado\s+de\s+)?({states})\s*$", title.text, re.I)
    if named is not None:
        return title.start_char + named.start(1), title.start_char + named.end(1)
    if any(re.search(rf"\b{re.escape(w)}\b", title.text.lower()) for w in spanish_words().state_words):
        before = list(re.finditer(rf"\b({states})\b", doc_text(doc)[:title.start_char], re.I))
        return (before[-1].start(1), before[-1].end(1)) if before else NO_POST  # a state's office, state unknown
    if title.start > 0 and doc[title.start - 1].lower_ in {"su", "sus"}:
        bodies = [m for m in mentions if m.kind == "org" and title.sent.start_char <= m.start
                  and m.end <= title.start_char]
        return (bodies[-1].start, bodies[-1].end) if bodies else None
    return None


def _unprefixed(title: str) -> str:
    """A title without the "ex" of a former holder ("exsecretario de Economía" -> "secretario de Economía"), so
    that it names its office; whether the post is former is read apart (:func:`_former`)."""
    head, _, rest = title.partition(" ")
    bare = re.sub(r"^ex-?", "", head, flags=re.I)
    return f"{bare} {rest}".strip() if bare != head and _is_title(bare) else title


def _country(title: Span) -> str | None:
    """The first country a title names, its longest name first: "embajadora de Estados Unidos en México" is the
    United States' ambassador, not Mexico's."""
    nations = load_countries().nationalities
    for i in range(len(title)):
        for size in (3, 2, 1):
            words = title[i:i + size]
            if len(words) == size and words.text.lower() in nations:
                return nations[words.text.lower()]
    return None


def _trim(text: str) -> str:
    """A title as written, without the words that join it to its body ("presidente del" -> "presidente") and
    without the country it serves, which is its body's ("Representante Comercial de EE.UU." -> "Representante
    Comercial", "embajadora de Estados Unidos en México" -> "embajadora")."""
    words = text.replace("(", " ").replace(")", " ").split()
    nations = load_countries().nationalities
    while words:
        if words[-1].lower() in {"de", "del", "la", "el", "los", "las", ",", "en"}:
            words.pop()
            continue
        country = next((n for n in (3, 2, 1) if len(words) > n + 1 and words[-n - 1].lower() in {"de", "en"}
                        and " ".join(words[-n:]).lower().rstrip(",") in nations), 0)
        if not country:
            break
        del words[-country - 1:]
    return " ".join(words)


__all__ = ["spanish_posts", "EXTRACTOR"]
