"""People named by their office: "the governor met …", "… met with the ambassador", "hosted by the mayor".

Press releases name their principal once ("Oklahoma Governor Hal Brennan returned …") and then by the
office ("On April 17, the governor met …"). Such a description is read as a mention of the nearest
person before it whose post has that title, so the meeting it reports counts them among those who
took part. Only a description that takes part in its sentence (the subject of a verb, or after
"with" / "by") is read; "adviser to the governor" names nobody.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.lexicon import Lexicon
from extract.mentions import Mention
from extract.titles import RoleFinding

_TAKING_PART = {"nsubj", "nsubjpass"}
_PREPOSITIONS = {"with", "by", "and"}


def described_people(doc: Doc, mentions: list[Mention], findings: list[RoleFinding], lex: Lexicon) -> list[Mention]:
    """A person mention for each "the <title>" that refers back to the nearest holder of that title."""
    people = {(m.start, m.end): m for m in mentions if m.kind == "person"}
    holders = sorted({(f.person, f.title.split()[-1].lower()) for f in findings
                      if f.title and f.person in people and f.title.split()[-1].lower() in lex.titles})
    out: list[Mention] = []
    for tok in doc:
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


def _takes_part(head: Token) -> bool:
    """The subject of a verb, or the object of "with" or "by" ("met with the governor")."""
    if head.dep_ in _TAKING_PART:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in _PREPOSITIONS or head.dep_ == "conj" and _takes_part(head.head)
