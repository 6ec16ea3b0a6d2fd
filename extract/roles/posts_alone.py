"""A post named with its side, state or office but no body after a name: "X, former Mexican Ambassador to
the U.S." (the government), "Y, Secretary of Agriculture" (the ministry of the holder's side), "Z, former
Oklahoma Secretary of Agriculture" and "W, governor of the State of Mexico" (the state's government)."""
from __future__ import annotations

from spacy.tokens import Token

from extract.mentions import Mention
from extract.reference.known_people import side_of
from extract.reference.lexicon import Lexicon
from extract.roles.titles import GOVERNMENTS, STATE_POSTS, RoleFinding, clean_title, office_for
from extract.text.sentence_view import SentenceView


def standalone_post(chunk: list[Token], person: Mention, sent: SentenceView, lex: Lexicon) -> RoleFinding | None:
    """A post named with its side but no institution: "former Mexican Ambassador to the U.S."."""
    title, former = clean_title(chunk, lex, keep_nationality=True)
    if not title or lex.role_of(title) is None:
        return None
    lead = [t for t in chunk if t.lower_.rstrip("-") not in lex.former_markers | {"the", "-"}]
    for k in (2, 1):  # "former Oklahoma Secretary of Agriculture": a state's office, held in its government
        if len(lead) > k and " ".join(t.text for t in lead[:k]).lower() in lex.states:
            head, _ = clean_title(lead[k:], lex)
            if head and lex.role_of(head) in STATE_POSTS:
                span = (lead[0].idx, lead[k - 1].idx + len(lead[k - 1].text))
                return RoleFinding((person.start, person.end), head, former, sent.sent.start_char,
                                   sent.sent.end_char, "roles.apposition", org=span)
    state = _state_at_end(chunk, lex)
    if state is not None:  # "governor of the State of Mexico", "secretary of economy of Chihuahua"
        head, _ = clean_title(chunk[:state[0]], lex)
        if head and lex.role_of(head):
            span = (chunk[state[1]].idx, chunk[-1].idx + len(chunk[-1].text))
            return RoleFinding((person.start, person.end), head, former, sent.sent.start_char, sent.sent.end_char,
                               "roles.apposition", org=span)
    country = next((lex.nationalities[t.text.lower()] for k, t in enumerate(chunk)
                    if t.text.lower() in lex.nationalities and t.text[:1].isupper()
                    and not (k and chunk[k - 1].lower_ in lex.region_words)), None)
    if country is None:  # "X, Secretary of Agriculture": a listed holder's side before the office's default
        country = side_of(person.text, title=title)
    institution, country = office_for(title, country)
    if institution is None and country in GOVERNMENTS:
        institution = GOVERNMENTS[country]
    if institution is None:
        return None
    return RoleFinding((person.start, person.end), title, former, sent.sent.start_char, sent.sent.end_char,
                       "roles.apposition", institution=institution, country=country)


def _state_at_end(chunk: list[Token], lex: Lexicon) -> tuple[int, int] | None:
    """(index of "of"/"for", index of the state's first word) when the chunk ends "of [the] <state>"."""
    for k in range(len(chunk) - 1, 0, -1):
        if chunk[k - 1].lower_ in {"of", "for"} or chunk[k - 1].lower_ == "the" and k > 1 \
                and chunk[k - 2].lower_ in {"of", "for"}:
            name = " ".join(t.text for t in chunk[k:]).lower()
            if name in lex.states:
                return (k - 1 if chunk[k - 1].lower_ != "the" else k - 2), k
    return None
