"""Cutting a mention out of an entity span: split at line breaks, edges trimmed, titles taken off a name.

The NER's spans carry the genre's junk at their edges ("the", possessives, quotes, a bullet) and, for
people, the title or honorific written before the name ("Ambassador", "H.E.", "Chihuahua Governor",
"Secretary of the Interior"). :func:`trim` takes these off; :func:`pieces` splits a span that runs
across lines; :func:`text_of` is the text of a run of tokens as written.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from extract.mentions.words import load_mention_words
from extract.reference.lexicon import Lexicon

_BULLETS = {"•", "·"}


def trim(tokens: list[Token], lex: Lexicon, person: bool) -> list[Token]:
    """Strip leading/trailing punctuation, 'the', possessives; for people also titles and honorifics."""
    junk = load_mention_words().edge_junk
    while tokens and (tokens[0].text in junk or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in junk or tokens[-1].is_space or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    if person:
        inner = [i for i, t in enumerate(tokens[:-1]) if t.text.lower() in lex.honorifics
                 and len(t.text) > 2]  # "C." (ciudadano) only before a name: inside one it is an initial
        if inner:  # "Economy Dr. Ana Ruiz": what precedes an honorific is not the name
            tokens = tokens[inner[-1] + 1:]
        for i, t in enumerate(tokens[1:-1], start=1):  # "Chihuahua Governor Sofía": a place's office
            place = " ".join(x.text for x in tokens[:i]).lower()
            if t.text.lower() in lex.titles and (place in lex.places or place in lex.nationalities):
                tokens = tokens[i + 1:]
                break
        changed = True
        while changed and tokens:
            changed = False
            for size in range(min(lex.max_title_words, len(tokens) - 1), 0, -1):
                head = " ".join(t.text for t in tokens[:size]).lower()
                if head in lex.titles or head in lex.honorifics or head in lex.nationalities \
                        or head in lex.former_markers:
                    tokens, changed = tokens[size:], True
                    break
        tokens = without_portfolio(tokens, lex)
    return tokens


def without_portfolio(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """ "Secretary of the [Interior Ana Ruiz]", "… of Finance and Public [Credit Luis Soto]": the end of a
    title's portfolio run into the name after it. Stripped only when the word before the name belongs to
    the title too (a connector, a portfolio word or a title), so a name never loses its own first word."""
    if not tokens or tokens[0].i == 0:
        return tokens
    before = tokens[0].doc[tokens[0].i - 1]
    if before.lower_ not in {"of", "the", "for", "and", "&"} and before.lower_ not in lex.titles \
            and not (before.text[:1].isupper() and before.lower_ in lex.portfolio_words):
        return tokens
    k = 0
    while k < len(tokens) and tokens[k].text[:1].isupper() and tokens[k].lower_ in lex.portfolio_words:
        k += 1
    return tokens[k:] if k and 2 <= len(tokens) - k <= 4 else tokens


def pieces(span: Span) -> list[list[Token]]:
    """Split a span at line breaks and bullets: an entity never crosses a line."""
    out: list[list[Token]] = [[]]
    for tok in span:
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in _BULLETS:
            if "\n" not in tok.text and tok.text not in _BULLETS:
                out[-1].append(tok)
            out.append([])
        else:
            out[-1].append(tok)
    return [p for p in out if p]


def text_of(tokens: list[Token]) -> str:
    """The text of a run of tokens as written, without outer whitespace."""
    return "".join(t.text_with_ws for t in tokens).strip()
