"""The words around a name that tell a person from an organization, whatever type the NER gave it.

A name right after "<title> of" is the post's body (:func:`employer_slot`); a name after a title's clause
and its comma (:func:`after_title_clause`) or followed by ", <title>" (:func:`titled_apposition`) is a
person's; :func:`titled` says whether a title, honorific or speech verb stands next to a mention.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.organizations.spans import is_possessive
from extract.reference.lexicon import Lexicon


def employer_slot(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a name stands where a post's body goes: right after "<title> of" or "<title> at" ("general
    director of X", "CEO at Y"), and is not itself followed by a title (", Secretary …")."""
    doc, first, end = tokens[0].doc, tokens[0].i, tokens[-1].i + 1
    if first < 2 or doc[first - 1].lower_ not in {"of", "at"} \
            or end < len(doc) and is_possessive(doc[end]):
        return False  # "a fellow at [Tom Vale]'s institute": the name is the owner's
    title = doc[max(0, first - 4):first - 1].text.lower()
    return title.endswith(lex.title_forms) and not titled_apposition(tokens, lex)


def after_title_clause(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a name stands after ", " that closes a title's clause and before the item's end ("the Director
    in Chief of the National Service (Senasica), Ana Ruiz Mena;"): the grammar of a person."""
    doc, first, end = tokens[0].doc, tokens[0].i, tokens[-1].i + 1
    if first < 2 or doc[first - 1].text != "," or not 2 <= len(tokens) <= 4 \
            or end < len(doc) and doc[end].text not in {";", ".", ","} and doc[end].lower_ != "and":
        return False
    start = first - 1
    while start > 0 and doc[start - 1].text not in {";", ":"} and not doc[start - 1].is_sent_start:
        start -= 1
    return any(t.lower_ in lex.titles for t in doc[start:first - 1])


def titled_apposition(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a name is followed by ", [former] Title": the grammar of a person, not an organization."""
    doc, end = tokens[0].doc, tokens[-1].i + 1
    if end >= len(doc) or doc[end].text != "," or not 2 <= len(tokens) <= 4:
        return False
    nxt = [t.text.lower() for t in doc[end + 1:end + 1 + lex.max_title_words + 1]]
    if nxt and nxt[0] in lex.former_markers | lex.current_markers:
        nxt = nxt[1:]
    return any(" ".join(nxt[:k]) in lex.titles for k in range(1, len(nxt) + 1))


def titled(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a title or honorific ends right before tokens ``start:end``, or a speech verb follows them."""
    before = " ".join(t.text for t in doc[max(0, start - 3):start]).lower()
    after = doc[end].lower_ if end < len(doc) else ""
    return before.endswith(lex.title_forms) or before.endswith(lex.honorific_forms) or lex.is_speech(after)
