"""The span of an organization the NER tagged: where its name starts and ends, and whether it is one.

The NER's ORG spans run past a name ("Ministry of X, Ministry of Y", "Advisor at Z", "the Commercial
Service and Trade Office"), stop at a possessive ("the Office of Canada's"), or are a title's portfolio
("Director of Government Affairs"). These functions cut, extend and judge such spans with the genre's
grammar; :mod:`extract.mentions` applies them.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.reference.lexicon import Lexicon


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def org_ok(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether an unlisted span can be an organization's name: not a relationship ("U.S.-Mexico"), a
    subject, a meeting, an agreement or lowercase junk."""
    words = [t.text for t in tokens]
    if not words or len(words) > 10 or not any(c.isalpha() for c in "".join(words)):
        return False
    parts = [p for w in words for p in w.split("-") if p]
    if all(p.lower() in lex.nationalities or p in {"–", "—"} for p in parts):
        return False  # "U.S.-Mexico" is a relationship, not an organization
    if all(w.lower() in lex.portfolio_words for w in words):
        return False  # "National Security and Economic Risk": a subject, not a body
    if all(w.lower() in lex.former_markers or w.lower() in lex.current_markers for w in words):
        return False  # "Former" at the start of a list item
    if words[-1].lower() in lex.event_words and words[-1].lower() not in lex.org_heads:
        return False  # "CEO Dialogue", "Binational Convention": meetings, not organizations
    if _text(tokens).lower() in lex.not_actors or words[-1].lower() in lex.agreement_heads:
        return False
    if not words[0][0].isupper() and not words[0][0].isdigit():
        return False
    return any(w[0].isupper() for w in words)


def after_title(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a capitalised phrase is a title's portfolio ("Director of Government Affairs")."""
    if not all(t.text.lower() in lex.portfolio_words for t in tokens):
        return False
    doc = tokens[0].doc
    i = tokens[0].i
    if i >= 1 and doc[i - 1].lower_ in {"of", "for", "the"}:
        j = i - 1 if doc[i - 1].lower_ != "the" else i - 2
        if j >= 1 and doc[j].lower_ in {"of", "for"}:
            j -= 1
        window = " ".join(t.text for t in doc[max(0, j - 3):j + 1]).lower()
        return any(title in window for title in lex.titles)
    return len(tokens) <= 3


def in_title(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a name is part of a title: "Secretary of State", "Secretary of Defense for …", "… Security Advisor"."""
    if tokens[-1].text.lower() in lex.titles:
        # organizations' names do not end in a person's title, but for an office named for its
        # holder ("Office of the Trade Representative")
        return not (len(tokens) > 2 and tokens[0].lower_ == "office" and tokens[1].lower_ == "of")
    doc, first, last = tokens[0].doc, tokens[0].i, tokens[-1].i
    for start in range(max(0, first - 3), first + 1):
        for end in range(first + 1, min(len(doc), first + 4) + 1):
            if start < first or end > last + 1:
                if doc[start:end].text.lower() in lex.titles:
                    return True
    return False


def before_possessive(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """ "Chamber's Binational Board" names the Chamber (the hierarchy rules read the rest);
    "Mexico's Federal Agency" names the agency; in "Office of Canada's Trade Commissioner" the
    country owns the post, and the office's name is all of it."""
    for i, tok in enumerate(tokens[1:], start=1):
        if is_possessive(tok):
            owner = " ".join(t.text for t in tokens[:i]).lower()
            if (i == 3 and tokens[0].lower_ == "office" and tokens[1].lower_ == "of"
                    and tokens[2].lower_ in lex.nationalities):
                return tokens if i + 1 < len(tokens) else tokens[:i]
            if owner in lex.nationalities:
                return tokens[i + 1:]
            tail = tokens[i + 1:]
            if i == 1 and owner not in lex.org_heads and 1 <= len(tail) <= 2 \
                    and not any(t.lower_ in lex.org_heads or t.lower_ in lex.portfolio_words or t.lower_ in lex.titles
                                or t.lower_ in lex.event_words for t in tail):
                return tokens  # "Rosa's Cantina": a business named for its owner, the whole name
            return tokens[:i]
    return tokens


def is_possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.text in {"’s", "'s"}


def possessive_tail(doc: Doc, ent: Span) -> Span:
    """An organization the NER ends at a possessive ("the Office of Canada's") runs on through the
    capitalized words after it ("… Trade Commissioner"): a name does not end in "'s"."""
    if not is_possessive(ent[-1]) or ent.label_ != "ORG":
        return ent
    end = ent.end
    while end < len(doc) and doc[end].is_title and doc[end].ent_type_ in {"", "ORG"} \
            and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return doc[ent.start:end] if end > ent.end else ent


def split_org(tokens: list[Token], lex: Lexicon) -> list[list[Token]]:
    """Split run-on organization spans: 'Ministry of X, Ministry of Y', 'Advisor at Z', 'A and Ministry of B'."""
    for i, tok in enumerate(tokens):
        if tok.lower_ == "at" and 0 < i < len(tokens) - 1:
            return [tokens[i + 1:]]
    parts: list[list[Token]] = [[]]
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.text == "," or (tok.lower_ == "and" and nxt is not None and nxt.text.lower() in lex.org_heads
                               and nxt.text.lower() not in {"partners", "co", "inc", "sons"}) \
                or tok.lower_ == "and" and _two_headed(parts[-1], tokens[i + 1:], lex):
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _two_headed(before: list[Token], after: list[Token], lex: Lexicon) -> bool:
    """ "the Commercial Service and Trade Office": two names, each ending in an organization's head."""
    rest = after[:next((k for k, t in enumerate(after) if t.text == ","), len(after))]
    return len(before) >= 2 and len(rest) >= 2 and before[-1].lower_ in lex.org_heads \
        and rest[-1].lower_ in lex.org_heads


__all__ = ["org_ok", "after_title", "in_title", "before_possessive", "possessive_tail", "split_org", "is_possessive"]
