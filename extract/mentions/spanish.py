"""Entities of a Spanish document cleaned of the recognisers' usual mistakes on Spanish words.

Both recognisers that may read a Spanish document take Spanish words for names: the English model (when the
Spanish one is not installed) tags openers and articles ("Asimismo", "de la", "el país"), the Spanish model
tags title phrases as bodies ("Secretario de Economía") and verbs of saying as places ("Refirió"), the English
one takes places written with "del" for people ("América del Norte": the gazetteer knows them), and the
institution ruler, which matches names case-insensitively, finds English bodies in common Spanish words ("un",
"proceso") and reads the Spanish "EU" (Estados Unidos) as the European Union. :func:`spanish_entities` undoes
these before any rule reads the document, from the word lists of ``data/spanish.yaml``
(:mod:`extract.reference.spanish_words`); English documents are never touched.

>>> import spacy
>>> from spacy.tokens import Span
>>> doc = spacy.blank("es")("Asimismo , el T-MEC fue revisado")
>>> doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 2, 4, label="ORG")]
>>> [(e.text, e.label_) for e in spanish_entities(doc).ents]
[('T-MEC', 'ORG')]
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.reference.gazetteer import load_gazetteer
from extract.reference.lexicon import load_lexicon
from extract.reference.spanish_words import SpanishWords, spanish_words

BODY_OR_PLACE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
MAX_SURNAME_WORDS = 3  # "el Secretario Soto", "el Presidente López Obrador"
PLACE_WORDS = 5  # the most tokens a listed place's name runs to ("Washington , D. C.")
TITLE_REACH = 9  # tokens before a name's comma where the title it is in apposition to is looked for
BODY_JOINS = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "para", "sobre"})


def _kept(ent: Span, words: SpanishWords) -> Span | None:
    """``ent`` as a Spanish text's entity: itself, trimmed of function words at either end, relabelled (an
    acronym naming a country, a listed place, a venue, a name in apposition to a title), or ``None`` (no name
    at all, a list of countries, an event's name cut short, a title's portfolio)."""
    doc, listed = ent.doc, bool(ent.ent_id_)
    text = ent.text.strip(" ,.;:").lower()
    if text in words.openers:
        return None
    if listed:
        if words.lowercase_bodies and not any(c.isupper() for c in ent.text):
            return None  # "un", "el país", "proceso": a common word, not the listed body
        if ent.text in words.acronyms:
            return Span(doc, ent.start, ent.end, label="GPE")  # "EU": Estados Unidos
        return ent
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in words.function_words:
        start += 1
    while end > start and doc[end - 1].lower_ in words.function_words:
        end -= 1  # "Luis Gil se": the pronoun of "se reunió" is no part of the name
    if start == end:
        return None
    tokens = doc[start:end]
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens):
        return None  # "de la", "el diario", "un ambiente de confianza"
    if ent.label_ in BODY_OR_PLACE and tokens[0].lower_ in words.title_words:
        return None  # "El Secretario de Economía": a title phrase, not a body
    if ent.label_ in {"PERSON", "ORG"} and load_gazetteer().lookup(tokens.text) is not None:
        return Span(doc, start, end, label="GPE")  # "las Américas de la", "en Washington el": a listed place
    if ent.label_ == "ORG" and _only_places(tokens.text):
        return None  # "México, Estados Unidos y Canadá": the countries, each found on its own, not a body
    if ent.label_ == "PERSON" and tokens[0].text in words.venue_heads:
        return Span(doc, start, end, label="FAC")  # "el Palacio de Gobierno": a venue, not a person
    if ent.label_ in BODY_OR_PLACE and _named_after_title(doc, start, end, words):
        return Span(doc, start, end, label="PERSON")  # "el gobernador de Coahuila, Alejandro Márquez Villarreal"
    if ent.label_ == "PERSON" and tokens[0].text in words.event_heads:
        return None  # "Diálogo Económico de Alto": an event's name cut short (extract/events/spanish_named.py)
    if ent.label_ == "PERSON" and _after_title(doc, start, words):
        return None  # "el subsecretario de Comercio Exterior": a portfolio, not a person
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _named_after_title(doc: Doc, start: int, end: int, words: SpanishWords) -> bool:
    """Whether tokens ``start:end`` are a person's name in apposition to a title before them ("el gobernador de
    Coahuila, Alejandro Márquez Villarreal": two to four capitalised words after a comma, a title word shortly
    before it) or right after one ("la canciller Ibarra Solís"), with no word of a body's, venue's or event's
    name."""
    names = doc[start:end]
    right_after = start > 0 and doc[start - 1].lower_ in words.title_words  # "la canciller Ibarra Solís"
    if not (1 if right_after else 2) <= len(names) <= MAX_SURNAME_WORDS + 1 \
            or not right_after and (start < 2 or doc[start - 1].text != ","):
        return False
    if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in names) \
            or names[0].text in words.body_heads or names[0].text in words.venue_heads \
            or names[0].text in words.event_heads or load_gazetteer().lookup(names.text) is not None:
        return False
    return right_after or any(t.lower_ in words.title_words for t in doc[max(0, start - 1 - TITLE_REACH):start - 1])


def portfolio_tokens(doc: Doc, ents: list[Span] | None = None) -> set[int]:
    """The tokens of the portfolios titles name ("subsecretario de Estado para Crecimiento Económico, Energía y
    Medio Ambiente de Estados Unidos, X"): from a title word's "de"/"para" on, capitalised words and the small
    words and commas between them, up to the comma before a person's name."""
    words = spanish_words()
    portfolio_words = load_lexicon().portfolio_words  # "Asuntos Pesqueros" taken for a person is no name
    people = {e.start for e in (doc.ents if ents is None else ents) if e.label_ == "PERSON"
              and e[0].lower_ not in portfolio_words and (e.start == 0 or doc[e.start - 1].lower_ != "para")}
    inside: set[int] = set()
    for tok in doc[:-1]:
        if tok.lower_ not in words.title_words or doc[tok.i + 1].lower_ not in {"de", "del", "para"}:
            continue
        j = tok.i + 1
        while j < len(doc) and j not in people:  # "el Secretario de Economía Rocío Lemus": the name ends it
            word, after = doc[j], doc[j + 1] if j + 1 < len(doc) else None
            if word.text in {",", "y", "e"}:  # on through a list, not into the name after it
                if after is None or after.i in people or not after.text[:1].isupper():
                    break
            elif not (word.lower_ in BODY_JOINS or word.text[:1].isupper() or word.text == "." and not
                      doc[j - 1].whitespace_):
                break
            inside.add(j)
            j += 1
    return inside


def _only_places(text: str) -> bool:
    """Whether ``text`` lists listed places and nothing else ("México, Estados Unidos y Canadá")."""
    parts = [p for p in re.split(r",|\s+(?:y|e)\s+", text) if p.strip()]
    return len(parts) > 1 and all(load_gazetteer().lookup(p.strip()) is not None for p in parts)


def _after_title(doc: Doc, start: int, words: SpanishWords) -> bool:
    """Whether token ``start`` follows a title and its "de" ("subsecretario de ___", "secretaria del ___")."""
    return start >= 2 and doc[start - 1].lower_ in {"de", "del"} and doc[start - 2].lower_ in words.title_words


def _listed_places(doc: Doc) -> list[Span]:
    """The gazetteer's names of several words joined by a small word ("América del Norte", "Ciudad de México"),
    where the text writes them: the recognisers cut them at the small word or take them for a person's name."""
    gazetteer, found, i = load_gazetteer(), [], 0
    while i < len(doc):
        size = next((n for n in range(PLACE_WORDS, 1, -1) if i + n <= len(doc) and doc[i].text[:1].isupper()
                     and doc[i + n - 1].text[:1].isupper() and gazetteer.lookup(doc[i:i + n].text) is not None), 0)
        if size:
            found.append(Span(doc, i, i + size, label="LOC"))
        i += size or 1
    return found


def _placed(ents: list[Span], places: list[Span]) -> list[Span]:
    """``ents`` with the listed places put in: an entity that is one, is a person's name over one, or is cut
    across one gives way to it; a body's name holding one whole ("Cámara de Comercio de Ciudad de México") stays."""
    kept = []
    for ent in ents:
        over = [p for p in places if p.start < ent.end and ent.start < p.end]
        holds = all(ent.start <= p.start and p.end <= ent.end for p in over) and ent.label_ != "PERSON"
        if not over or (holds and (ent.start, ent.end) not in {(p.start, p.end) for p in over}):
            kept.append(ent)
    taken = {i for e in kept for i in range(e.start, e.end)}
    return sorted(kept + [p for p in places if not taken & set(range(p.start, p.end))], key=lambda s: s.start)


def _titled_surnames(doc: Doc, ents: list[Span], words: SpanishWords) -> list[Span]:
    """Surnames a title names ("el Secretario Soto", "la canciller Ruiz"), where no entity holds them: a title
    word, then capitalised words that are neither a title's own ("General"), a portfolio ("Secretario de …"),
    an opener nor a listed place."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for tok in doc[:-1]:
        if tok.lower_ not in words.title_words or tok.i + 1 in taken:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= MAX_SURNAME_WORDS and end not in taken \
                and _surname_word(doc[end], words):
            end += 1
        if end > tok.i + 1 and not (end < len(doc) and doc[end].lower_ in {"de", "del"}) \
                and load_gazetteer().lookup(doc[tok.i + 1:end].text) is None:
            found.append(Span(doc, tok.i + 1, end, label="PERSON"))
    return found


def _surname_word(tok: Token, words: SpanishWords) -> bool:
    """A capitalised word that may be (part of) a surname: not all capitals, not a title's or an opener."""
    text = tok.text
    return text[:1].isupper() and text.isalpha() and not text.isupper() and text.lower() not in words.title_words \
        and text.lower() not in words.title_modifiers and text.lower() not in words.openers \
        and text.lower() not in words.function_words


def _headed_bodies(doc: Doc, ents: list[Span], words: SpanishWords) -> list[Span]:
    """Bodies' names that open with a body noun ("la Cámara de Comercio de San Antonio") where the recognisers
    found no body: the noun and the capitalised words joined to it, stopping at a person's name. A place named
    inside ("San Antonio") gives way to the body."""
    person = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    body = {i for e in ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    found, i = [], 0
    while i < len(doc):
        inside = i > 1 and doc[i - 1].lower_ in BODY_JOINS and doc[i - 2].text[:1].isupper()
        if doc[i].text not in words.body_heads or i in body or inside:  # "Acuerdo de Asociación …": no body
            i += 1
            continue
        end = j = i + 1
        while j < len(doc):
            k = j
            while k < len(doc) and k - j < 3 and doc[k].lower_ in BODY_JOINS:
                k += 1
            if k >= len(doc) or k in person or k in body or not _capitalised(doc[k], words):
                break
            end = j = k + 1
        if end > i + 1:
            found.append(Span(doc, i, end, label="ORG"))
        i = end
    return found


def _with_given_name(ent: Span, words: SpanishWords) -> Span:
    """A person's name with the given name the recogniser left out before it, after a comma or a title
    ("El gobernador de Nuevo León, Héctor | Garza Villarreal")."""
    doc, start = ent.doc, ent.start
    if start < 2 or doc[start - 2].text != "," and doc[start - 2].lower_ not in words.title_words:
        return ent
    given = doc[start - 1]
    if not (given.is_alpha and given.text[:1].isupper() and not given.is_upper and given.ent_iob_ == "O") \
            or given.lower_ in words.title_words | words.openers | words.function_words | words.title_modifiers \
            or given.text in words.body_heads or load_gazetteer().lookup(given.text) is not None:
        return ent
    return Span(doc, start - 1, ent.end, label="PERSON")


def _portfolio_word(ent: Span, words: SpanishWords) -> bool:
    """Whether an entity inside a title's portfolio is only its words ("Asuntos Económicos", "Energía"), not a
    listed body, a body's name ("Cámara de …") or a listed place ("Estados Unidos") it names."""
    if ent.ent_id_ or ent[0].text in words.body_heads:
        return False
    return ent.label_ == "PERSON" or load_gazetteer().lookup(ent.text) is None


def _capitalised(tok: Token, words: SpanishWords) -> bool:
    return tok.text[:1].isupper() and tok.text.replace("-", "").replace(".", "").isalpha() \
        and tok.text.lower() not in words.openers


def spanish_entities(doc: Doc) -> Doc:
    """``doc`` with the entities a Spanish text's words were mistaken for removed or corrected (in place), the
    listed places of several words put in, and the surnames titles name added."""
    words = spanish_words()
    ents = _placed([kept for kept in (_kept(ent, words) for ent in doc.ents) if kept is not None],
                   _listed_places(doc))
    bodies = _headed_bodies(doc, ents, words)
    ents = [e for e in ents if not any(b.start < e.end and e.start < b.end for b in bodies)] + bodies
    ents = [_with_given_name(e, words) if e.label_ == "PERSON" else e for e in ents]
    portfolio = portfolio_tokens(doc, ents)
    ents = [e for e in ents if not (set(range(e.start, e.end)) <= portfolio and _portfolio_word(e, words))]
    doc.ents = sorted(ents + _titled_surnames(doc, ents, words), key=lambda s: s.start)
    return doc


__all__ = ["spanish_entities"]
