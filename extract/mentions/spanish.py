"""Entities of a Spanish document cleaned of the recognisers' usual mistakes on Spanish words.

Both recognisers that may read a Spanish document take Spanish words for names: the English model (when the
Spanish one is not installed) tags openers and articles ("Asimismo", "de la", "el país"), the Spanish model
tags title phrases as bodies ("Secretario de Economía") and verbs of saying as places ("Refirió"), and the
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

from spacy.tokens import Doc, Span

from extract.reference.spanish_words import SpanishWords, spanish_words

BODY_OR_PLACE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def _kept(ent: Span, words: SpanishWords) -> Span | None:
    """``ent`` as a Spanish text's entity: itself, trimmed of leading function words, relabelled (an acronym
    naming a country), or ``None`` (no name at all)."""
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
    start = ent.start
    while start < ent.end and doc[start].lower_ in words.function_words:
        start += 1
    tokens = doc[start:ent.end]
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens):
        return None  # "de la", "el diario", "un ambiente de confianza"
    if ent.label_ in BODY_OR_PLACE and tokens[0].lower_ in words.title_words:
        return None  # "El Secretario de Economía": a title phrase, not a body
    if ent.label_ == "PERSON" and _after_title(doc, start, words):
        return None  # "el subsecretario de Comercio Exterior": a portfolio, not a person
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)


def _after_title(doc: Doc, start: int, words: SpanishWords) -> bool:
    """Whether token ``start`` follows a title and its "de" ("subsecretario de ___", "secretaria del ___")."""
    return start >= 2 and doc[start - 1].lower_ in {"de", "del"} and doc[start - 2].lower_ in words.title_words


def spanish_entities(doc: Doc) -> Doc:
    """``doc`` with the entities a Spanish text's words were mistaken for removed or corrected (in place)."""
    words = spanish_words()
    doc.ents = [kept for kept in (_kept(ent, words) for ent in doc.ents) if kept is not None]
    return doc


__all__ = ["spanish_entities"]
