"""A person's name: whether a run of tokens can be one, and its parts the NER left out.

:func:`person_ok` is the check (capitalized words or name particles, no digits, no title, body or event
word, not a listed body or a place); :func:`portfolio_then_name` finds the name at the end of a title's
portfolio typed as an organization; :func:`extend_given_names` and :func:`extend_second_surname` grow a
name the NER cut short at either end.
"""
from __future__ import annotations

from spacy.tokens import Token

from extract.mentions.trim import text_of
from extract.mentions.words import load_mention_words
from extract.organizations.names import load_org_words
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.text.dates import MONTH_NAMES, WEEKDAYS

_NOT_SURNAMES = {name.lower() for name in MONTH_NAMES} | set(WEEKDAYS)


def person_ok(tokens: list[Token], lex: Lexicon, inst: InstitutionList) -> bool:
    """Whether ``tokens`` can be a person's name (see the module's docstring)."""
    words = [t.text for t in tokens]
    if not words or len(words) > 6:
        return False
    if any(any(c.isdigit() for c in w) for w in words):
        return False
    if any(w.lower() in lex.org_heads or w.lower() in lex.titles or w.lower() in lex.nationalities
           or w.lower() in lex.event_words or w.lower() in lex.agreement_heads for w in words if w[0].isupper()):
        return False
    if all(w.lower() in lex.portfolio_words for w in words) \
            or any(w.lower() in load_org_words().unit_heads | load_org_words().document_words for w in words):
        return False  # "… Intelligence Unit", "Joint Statement"
    particles = load_mention_words().name_particles
    if not all(w[0].isupper() or w.lower() in particles for w in words):
        return False
    text = text_of(tokens)
    return inst.lookup(text) is None and text.lower() not in lex.not_actors and text.lower() not in lex.places


def portfolio_then_name(tokens: list[Token], lex: Lexicon, inst: InstitutionList) -> list[Token] | None:
    """ "… Vice President for [the Americas Rita Vance]", "Ambassador to [Mexico Paul Reyes]": a title's
    portfolio or destination run into the next name."""
    doc, first = tokens[0].doc, tokens[0].i
    rest = [t for t in tokens if t.lower_ != "the"]
    k, titled = 0, False
    while k < len(rest) and (rest[k].text.lower() in lex.portfolio_words or rest[k].text.lower() in lex.nationalities
                             or rest[k].text.lower() in lex.titles):
        titled = titled or rest[k].text.lower() in lex.titles  # "Latin Business Manager Rosa Vidal"
        k += 1
    if not titled and (first < 2 or doc[first - 1].lower_ not in {"for", "of", "the", "to", "and"}):
        return None
    name = rest[k:]
    if k and 2 <= len(name) <= 4 and all(t.pos_ == "PROPN" for t in name) and person_ok(name, lex, inst):
        return name
    return None


def extend_given_names(tokens: list[Token], lex: Lexicon, *, allow_entities: bool = False) -> list[Token]:
    """ "Ana Trevino" tagged as just "Trevino": take in proper nouns right before a person's name."""
    doc = tokens[0].doc
    i = tokens[0].i
    while i > 0 and len(tokens) < 4:
        prev = doc[i - 1]
        word = prev.text.lower()
        if prev.pos_ != "PROPN" or not prev.is_title or prev.ent_type_ and not allow_entities or word in lex.titles \
                or word in lex.honorifics or word in lex.nationalities or word in lex.org_heads \
                or word in lex.portfolio_words \
                or any(doc[j:i].text.lower() in lex.titles for j in range(max(0, i - 3), i - 1)):  # "Attorney General"
            break
        tokens = [prev] + tokens
        i -= 1
    return tokens


def extend_second_surname(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """ "Julián Ortega Paredes" tagged as just "Julián Ortega", "Sofía Marín Luján" as "Sofía": the rest
    of a name, capitalized words right after it that no entity claims, before a lowercase word or a stop."""
    doc = tokens[0].doc
    end = tokens[-1].i + 1
    grown = list(tokens)
    while len(grown) < 4 and end < len(doc) and grown[-1].whitespace_ == " " and _surname_like(doc[end], lex):
        grown.append(doc[end])
        end += 1
    if len(grown) == len(tokens) or len(grown) < 2 \
            or end < len(doc) and (doc[end].is_title or doc[end].pos_ == "PROPN"):
        return tokens  # nothing to take, or a longer run of capitalized words: not a name's end
    return grown


def _surname_like(tok: Token, lex: Lexicon) -> bool:
    word = tok.text.lower()
    return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and word not in lex.titles \
        and word not in lex.honorifics and word not in lex.nationalities and word not in lex.org_heads \
        and word not in lex.portfolio_words and word not in lex.event_words and word not in _NOT_SURNAMES
