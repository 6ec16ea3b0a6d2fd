"""People named by their office: "the governor met …", "… met with the ambassador", "the two mayors met".

Press releases name their principal once ("Oklahoma Governor Hal Brennan returned …") and then by the
office ("On April 17, the governor met …"). Such a description is read as a mention of the nearest
person before it whose post has that title, so the meeting it reports counts them among those who
took part. Only a description that takes part in its sentence (the subject of a verb, or after
"with" / "by") is read; "adviser to the governor" names nobody.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.roles.titles import RoleFinding
from extract.text.document import token_lowers

if TYPE_CHECKING:
    from extract.reading import Reading

_TAKING_PART = {"nsubj", "nsubjpass"}
_OPENERS = frozenset({"the", "both"})  # the words a description starts with (here and in _plural)
_PREPOSITIONS = {"with", "by", "and"}


def described_people(reading: Reading, *, mentions: list[Mention], findings: list[RoleFinding]) -> list[Mention]:
    """A person mention for each "the <title>" that refers back to the nearest holder of that title."""
    doc, lex = reading.doc, reading.lexicon
    people = {(m.start, m.end): m for m in mentions if m.kind == "person"}
    holders = sorted({(f.person, f.title.split()[-1].lower()) for f in findings
                      if f.title and f.person in people and f.title.split()[-1].lower() in lex.titles})
    out: list[Mention] = []
    lowers = token_lowers(doc)
    for i in (i for i, word in enumerate(lowers) if word in _OPENERS):  # nothing starts at another word
        tok = doc[i]
        out += _plural(doc, tok, people, holders, lex)
        if tok.lower_ != "the" or tok.i + 1 >= len(doc):
            continue
        head = doc[tok.i + 1]
        if head.lower_ not in lex.titles or not head.is_lower or not _takes_part(head):
            continue
        before = [p for p, title in holders if title == head.lower_ and p[1] <= tok.idx]
        if not before:
            continue
        person = people[max(before, key=lambda span: span[1])]
        sent = head.sent if doc.has_annotation("SENT_START") else doc[:]
        out.append(Mention("person", person.text, tok.idx, head.idx + len(head.text), sent.start_char, sent.end_char,
                           titled=True, source="description"))
    return out


_COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}


def _plural(doc: Doc, tok: Token, people: dict[tuple[int, int], Mention], holders: list[tuple[tuple[int, int], str]],
            lex: Lexicon) -> list[Mention]:
    """ "The two mayors met …", "both governors": every holder of that title named before, as many as the
    description counts (each a mention over its own part of the description, all headed by the noun)."""
    if tok.lower_ not in {"the", "both"}:
        return []
    k = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _COUNTS)
    if k >= len(doc) or not _takes_part(doc[k]):
        return []
    head = doc[k]
    singular = head.lower_[:-3] + "y" if head.lower_.endswith("ies") else head.lower_[:-1]
    if not head.lower_.endswith("s") or singular not in lex.titles:
        return []
    count = _COUNTS.get(doc[k - 1].lower_) or _COUNTS.get(tok.lower_)
    found = list(dict.fromkeys(people[p].text for p, title in sorted(holders, key=lambda h: -h[0][1])
                               if title == singular and p[1] <= tok.idx))
    if len(found) < 2 or count and len(found) < count:
        return []
    found = found[:count or len(doc[tok.i:k + 1])]
    sent = head.sent if doc.has_annotation("SENT_START") else doc[:]
    return [Mention("person", name, doc[tok.i + n].idx, head.idx + len(head.text), sent.start_char, sent.end_char,
                    titled=True, source="description") for n, name in enumerate(found[:k + 1 - tok.i])]


def _takes_part(head: Token) -> bool:
    """The subject of a verb, or the object of "with" or "by" ("met with the governor")."""
    if head.dep_ in _TAKING_PART:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in _PREPOSITIONS or head.dep_ == "conj" and _takes_part(head.head)
