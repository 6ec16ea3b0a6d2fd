"""The sentence that reports an encounter ("… met with …", "convened a panel", "visited Washington"), and
who organized it."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.text.document import doc_text, span_text, token_lemmas, token_lowers


def is_report(sent: Span, lex: Lexicon) -> bool:
    """A sentence of the body (not a headline) that reports an encounter: a meeting noun ("delegation",
    "meetings") or verb ("visited")."""
    if not span_text(sent).rstrip().endswith((".", "!", "?", "”", '"', "’")):
        return False
    doc, start, end = sent.doc, sent.start, sent.end  # the sentence's words as read once per Doc
    lemmas = {lemma.lower() for lemma in token_lemmas(doc)[start:end]}
    return bool(set(token_lowers(doc)[start:end]) & lex.report_nouns) or bool(lemmas & lex.report_verbs)


def find_organizers(sent: Span, mentions: list[Mention]) -> list[Mention]:
    text = sent.text
    orgs = [m for m in mentions if m.kind == "org" and sent.start_char <= m.start < sent.end_char]
    out = []
    for m in orgs:
        before = doc_text(sent.doc)[max(sent.start_char, m.start - 30):m.start].lower()
        after = doc_text(sent.doc)[m.end:min(sent.end_char, m.end + 12)].lower()
        if re.search(r"(organized|hosted|convened|sponsored) by (the )?\S*$", before) \
                or re.match(r"\s*(?:will\s+)?(host|hosts|hosted|convened|organized)\b", after):  # "X convened"
            child = next((o for o in orgs if re.fullmatch(r"\s*[’']s\s*", doc_text(sent.doc)[m.end:o.start])), None)
            out.append(child or m)  # "organized by the U.S. Chamber's U.S.-Mexico Economic Council"
    if not out and orgs and re.search(r"\bhosted\b", text) and orgs[0].start < sent.start_char + text.find("hosted"):
        out.append(orgs[0])
    return out


HOSTING = {"receive", "host", "welcome"}


def met_with(sent: Span, lex: Lexicon) -> bool:
    """A past encounter with someone, undated and unplaced: "X spoke after a meeting with Y", "held talks
    with Y" (not "said talks with Y would resume")."""
    def encounter(t: Token) -> bool:
        if t.lower_ not in lex.report_nouns or t.i + 1 >= len(sent.doc) or sent.doc[t.i + 1].lower_ != "with":
            return False
        return t.head.lower_ in {"after", "during", "following"} or \
            t.dep_ == "dobj" and t.head.lemma_.lower() in {"hold", "have"} and t.head.tag_ == "VBD"

    def joined(t: Token) -> bool:  # "X and three governors attended a luncheon Sunday hosted by Y"
        return t.lower_ in lex.report_nouns and t.dep_ == "dobj" and t.head.lemma_.lower() == "attend" \
            and t.head.tag_ == "VBD"

    def attended(t: Token) -> bool:  # "At a meeting in X attended by …", "spoke at a virtual meeting of …"
        return t.lower_ in lex.report_nouns and t.dep_ == "pobj" and t.head.lower_ in {"at", "during"} \
            and not any(c.lower_ in {"news", "press"} for c in t.children)
    return sent.root.tag_ == "VBD" and any(encounter(t) or attended(t) or joined(t) for t in sent)


def convenes(sent: Span, lex: Lexicon) -> bool:
    """A sentence whose main verb reports an encounter in the past ("convened a panel", "hosted")."""
    root = sent.root
    return root.tag_ in {"VBD", "VBN"} and root.lemma_.lower() in lex.report_verbs | HOSTING
