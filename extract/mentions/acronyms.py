"""Acronyms a text defines for an organization, and listed bodies found through them.

"... Council (CCE)" (:func:`acronym_after`), "CCE, the ... Council" and "... Efficiency (DOGE) Caucus"
(:func:`with_acronyms`), a name the recogniser cut before its last words that the acronym after it spells
("Consejo Asesor de Desarrollo Regional y Relocalización (CADRR)": :func:`spelled_by_acronym`), and a name
defined by a listed acronym that is that listed body (:func:`listed_by_acronym`).

>>> bool(ACRONYM.match("CCE")), bool(ACRONYM.match("Canacar"))
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from extract.mentions.model import Mention
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.text.document import doc_text

ACRONYM = re.compile(r"^[A-Z][A-Za-z&\-]*[A-Z][A-Za-z&]*$")
_WORD_IN_PARENS = re.compile(r"\s*\((\w+)\)")
# the rest of a name cut at a joining word, up to the acronym in parentheses that ends it: " y Relocalización (CADRR)"
_CUT_TAIL = re.compile(r"\s+((?:y|e|de|del|para|and|of|for|the|la|las|los)\s+(?:[\w\-]+\s+){0,6}?)"
                       r"(?P<paren>\()\s*([A-Z][A-Za-z&]*[A-Z])\s*\)")
_JOINS = frozenset({"y", "e", "de", "del", "para", "and", "of", "for", "the", "la", "las", "los", "el", "en", "on"})


def acronym_after(doc: Doc, end: int) -> str | None:
    """An acronym in parentheses right after a span: '... Council (CCE)'."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        cand = doc[end + 1].text
        if ACRONYM.match(cand) and len(cand) <= 12:
            return cand
    return None


def with_acronyms(mentions: list[Mention], doc: Doc, lex: Lexicon) -> list[Mention]:
    """Also read 'ACR, the Long Name' definitions (the acronym mention right before an organization), and
    names whose head follows their acronym ("… Efficiency (DOGE) Caucus")."""
    out = list(mentions)
    text = doc_text(doc)
    for i, m in enumerate(out[:-1]):
        nxt = out[i + 1]
        between = text[m.end:nxt.start]
        if m.kind == nxt.kind == "org" and ACRONYM.match(m.text) and between.strip().lower() in {", the", ","} \
                and not nxt.acronym:
            out[i + 1] = replace(nxt, acronym=m.text)
    return [spelled_by_acronym(_with_trailing_head(m, text, lex), text) for m in out]


def spelled_by_acronym(m: Mention, text: str) -> Mention:
    """A body's name the recogniser cut at a joining word, whole again when the acronym in parentheses after the
    rest spells every capitalised word of it: "Consejo Asesor de Desarrollo Regional" + " y Relocalización
    (CADRR)" is one name (its acronym CADRR), "Council on Trade" + " and Investment (CTI)" too."""
    if m.kind != "org" or m.acronym or m.institution:
        return m
    tail = _CUT_TAIL.match(text, m.end)
    if tail is None or "\n" in tail.group(1):
        return m
    name = f"{m.text} {tail.group(1).strip()}"
    initials = "".join(w[0] for w in re.findall(r"[\w\-]+", name) if w.lower() not in _JOINS)
    if initials.upper() != tail.group(3).upper() or not all(w[0].isupper() for w in re.findall(r"[\w\-]+", name)
                                                             if w.lower() not in _JOINS):
        return m
    return replace(m, text=name, end=m.end + len(text[m.end:tail.start("paren")].rstrip()), acronym=tail.group(3))


def listed_by_acronym(mentions: list[Mention], inst: InstitutionList, text: str) -> list[Mention]:
    """A name the text defines by a listed acronym is that institution, when the names share most words:
    "National Chamber of Freight Transport (Canacar)" is the listed National Chamber of Freight Transportation.
    The acronym may be written as a word ("Canacar", "Coparmex"), if the list knows it."""
    out = []
    for m in mentions:
        after = _WORD_IN_PARENS.match(text, m.end)
        defined = m.acronym or (after.group(1) if after else None)
        listed = inst.lookup(defined) if m.kind == "org" and defined and not m.institution else None
        if listed is not None and defined not in listed.acronyms:
            listed = None
        if listed is not None:
            words = {w for w in re.findall(r"\w+", m.text.lower()) if len(w) > 3}
            known = {w for form in listed.forms for w in re.findall(r"\w+", form.lower())}
            if words and sum(any(k.startswith(w) or w.startswith(k) for k in known) for w in words) * 2 >= len(words):
                m = replace(m, institution=listed.id)
        out.append(m)
    return out


def _with_trailing_head(m: Mention, text: str, lex: Lexicon) -> Mention:
    """ "the Department of Government Efficiency (DOGE) Caucus": the head after the acronym ends the name."""
    if m.kind != "org" or not m.acronym or m.institution:
        return m
    after = re.match(r"\s*\(\s*" + re.escape(m.acronym) + r"\s*\)\s+([A-Z][a-z]+)\b", text[m.end:])
    if after is None or after.group(1).lower() not in lex.org_heads:
        return m
    head = after.group(1)
    return replace(m, text=f"{m.text} {head}", end=m.end + after.end(), acronym=f"{m.acronym} {head}")
