"""Find the actors a parsed document mentions, cleaned of the genre's usual junk.

Input is a spaCy ``Doc`` that went through the institution ruler and the statistical NER; output is a list
of :class:`~extract.mentions.model.Mention`, in text order. Each entity span is cut into pieces, trimmed
(:mod:`extract.mentions.trim`), checked and grown as a person's name (:mod:`extract.mentions.person_names`),
retyped by the words around it (:mod:`extract.mentions.person_context`) or split and checked as an
organization (:mod:`extract.organizations.spans`, :mod:`extract.organizations.context`); headings come from
:mod:`extract.mentions.headings`, acronyms from :mod:`extract.mentions.acronyms`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from extract.mentions.acronyms import acronym_after
from extract.mentions.headings import heading_spans, line_of
from extract.mentions.model import Mention
from extract.mentions.person_context import after_title_clause, employer_slot, titled, titled_apposition
from extract.mentions.person_names import extend_given_names, extend_second_surname, person_ok, portfolio_then_name
from extract.mentions.trim import pieces, text_of, trim
from extract.organizations.context import org_context
from extract.organizations.spans import after_title, before_possessive, in_title, org_ok, possessive_tail, split_org
from extract.reference.institutions import InstitutionList
from extract.reference.known_people import known_holder
from extract.reference.lexicon import Lexicon
from extract.text.clutter import in_spans
from extract.text.document import doc_text

KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


def find_mentions(doc: Doc, lex: Lexicon, inst: InstitutionList, clutter: list[tuple[int, int]]) -> list[Mention]:
    """Every cleaned person, organization and place mention in ``doc``, in text order."""
    headings = heading_spans(doc_text(doc))
    places = {e.text for e in doc.ents if e.label_ in {"GPE", "LOC"}}
    out: list[Mention] = []
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None or in_spans(ent.start_char, clutter):
            continue
        inst_id = ent.ent_id_ or None
        sent = ent.sent if doc.has_annotation("SENT_START") else ent
        in_heading = in_spans(ent.start_char, headings)
        parts = pieces(possessive_tail(doc, ent))
        for piece in parts:
            tokens = trim(piece, lex, person=kind == "person")
            if not tokens:
                continue
            text = text_of(tokens)
            piece_kind = kind
            if len(parts) > 1 and text in places and not inst_id:
                piece_kind = kind = "place"  # "Monterrey\nHome > News": a place run into the next line
            if inst_id:
                found = [tokens]
            elif kind == "person":
                tokens = extend_second_surname(extend_given_names(tokens, lex), lex)
                if not person_ok(tokens, lex, inst):
                    listed = inst.lookup(text)
                    if listed is not None:
                        piece_kind, inst_id = "org", listed.id
                    elif text.lower() in lex.places:
                        piece_kind = "place"  # "a trade mission to Monterrey" typed a person
                    else:
                        continue
                elif employer_slot(tokens, lex):
                    piece_kind = "org"  # "X, general director of [Aceros Rivapalacio]" typed a person
                found = [tokens]
            elif kind == "org" and any(t.text.lower() in lex.honorifics for t in tokens[:-1]):
                named = trim(tokens, lex, person=True)  # "H.E. Ana" typed ORG: the name runs on
                piece_kind, found = "person", [extend_second_surname(named, lex) if named else named]
            elif kind == "org" and (after_portfolio := portfolio_then_name(tokens, lex, inst)):
                piece_kind, found = "person", [after_portfolio]
            elif kind == "org" and len(tokens) >= 2 and known_holder(text) is not None \
                    and person_ok(tokens, lex, inst):
                piece_kind, found = "person", [tokens]  # an office-holder's name typed ORG
            elif kind == "org" and (titled_apposition(tokens, lex) or after_title_clause(tokens, lex)) \
                    and person_ok(tokens, lex, inst):
                piece_kind = "person"  # "Ana Ruiz, former Deputy Secretary …", "the Director of X, Ana Ruiz;" typed ORG
                found = [extend_given_names(tokens, lex, allow_entities=True)]
            elif kind == "org":
                found = [trim(p, lex, person=False) for p in split_org(before_possessive(tokens, lex), lex)]
            else:
                listed = inst.lookup(text) if kind == "place" else None
                if listed is not None and listed.kind in {"government", "legislature"} and len(tokens) > 1:
                    piece_kind, inst_id = "org", listed.id
                elif kind == "place" and listed is None and titled_apposition(tokens, lex) \
                        and person_ok(tokens, lex, inst):
                    piece_kind = "person"  # "Héctor Valdivia, chief economist at …" typed a place
                found = [tokens]
            for part in found:
                if not part:
                    continue
                mention = _make(doc, part, piece_kind, sent, lex=lex, inst=inst, inst_id=inst_id,
                                in_heading=in_heading)
                if mention is not None:
                    out.append(mention)
    return _dedupe(_surnames_are_people(out, lex))


def _surnames_are_people(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A "place" that is the surname of a person the document names is that person ("Valdivia argued")."""
    surnames = {m.text.split()[-1] for m in mentions if m.kind == "person" and len(m.text.split()) >= 2}
    return [replace(m, kind="person") if m.kind == "place" and m.text in surnames and m.text.lower() not in lex.places
            and m.text.lower() not in lex.nationalities else m for m in mentions]


def _make(doc: Doc, tokens: list[Token], kind: str, sent: Span, *, lex: Lexicon, inst: InstitutionList,
          inst_id: str | None, in_heading: bool) -> Mention | None:
    """The mention of ``tokens``, or None when the words say it is no actor (a headline's fragment, a title's
    portfolio, an event's edition); a place's and a byline's text are tidied on the way."""
    text = text_of(tokens)
    if not inst_id and kind == "org":
        listed = inst.lookup(text)
        inst_id = listed.id if listed else None
        if listed is None and text.lower() in lex.places:
            kind = "place"  # "Monterrey is our closest partner" typed an organization
    if inst_id and len(tokens) == 1 and text.islower() and not inst.by_id[inst_id].name.islower():
        return None  # "un", "proceso": a common word, not a listed body's acronym or name
    if not inst_id:
        if in_heading and kind == "org" and line_of(doc_text(doc), tokens[0].idx).strip(" \t•*#-") != text:
            return None  # a fragment of a headline or section title
        if kind == "org" and (not org_ok(tokens, lex) or after_title(tokens, lex) or in_title(tokens, lex)):
            return None
        verdict = org_context(tokens, lex) if kind == "org" else None
        if verdict == "venue":
            kind = "place"
        elif verdict is not None:
            return None  # an event's edition or subject, an agreement's acronym, a plural common noun
    start, end = tokens[0].i, tokens[-1].i + 1
    if kind == "place":
        text = re.sub(r"\bD\.\s*C\.", "D.C.", text)  # "Washington D. C."
        if text.isupper() and len(text) > 4:
            text = text.title()  # a dateline's "MEXICO CITY"
    if kind == "person":
        words = text.split()
        half = len(words) // 2
        if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:  # repeated byline
            text = " ".join(words[:half])
            end = start + half
    return Mention(kind=kind, text=text, start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1].text),
                   sent_start=sent.start_char, sent_end=sent.end_char, institution=inst_id,
                   acronym=acronym_after(doc, end) if kind == "org" else None,
                   titled=titled(doc, start, end, lex), source="list" if inst_id else "ner")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per character span (a listed one wins), in text order."""
    seen: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        key = (m.start, m.end)
        if key not in seen or (m.institution and not seen[key].institution):
            seen[key] = m
    return sorted(seen.values(), key=lambda m: (m.start, m.end))
