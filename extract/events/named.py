"""Named events: capitalised words ending in an event noun ("13th U.S.-Mexico CEO Dialogue"), kept when
the words around them say the event took place ("During the …", "… took place in")."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.document import doc_text
from extract.events.model import ORDINAL
from extract.lexicon import Lexicon
from extract.mentions import Mention


@lru_cache(maxsize=4)
def named_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    """Capitalised words (ordinals and years allowed) ending in an event noun: "13th U.S.-Mexico CEO Dialogue"."""
    return re.compile(r"(?P<name>(?:(?:" + ORDINAL + r"|(?:19|20)\d\d|[A-Z][\w.&'’-]*)\s+){0,7}"
                      r"(?:" + "|".join(map(re.escape, heads)) + r"))\b")
_HAPPENED = re.compile(r"\b(during|at|for|since|after|before|from|in|held|took place|hosted|attended|convened|"
                       r"organized|opened|concluded|inaugurated)\s+(?:the\s+)?(?:" + ORDINAL + r"\s+)?[“\"]?$",
                       re.I)

_HAPPENED_AFTER = re.compile(r"\s+(?:\([^()\n]{1,20}\)\s+)?(?:took place|was held|were held|opened|concluded|"
                            r"convened|gathered|brought together)\b", re.I)

def name_core(name: str) -> str:
    """A named event without ordinals, years and qualifiers: "13th U.S.-Mexico CEO Dialogue" -> "ceo dialogue"."""
    words = [w for w in re.split(r"\s+", name) if not re.fullmatch(ORDINAL + r"|(?:19|20)\d\d", w)]
    return " ".join(words[-2:]).lower()


def named_events(doc: Doc, clutter: list[tuple[int, int]], headings: list[tuple[int, int]], lex: Lexicon
                  ) -> list[tuple[str, int, int, bool]]:
    """Named events in text order, each with whether the words before it say it took place."""
    out = []
    for m in named_pattern(lex.event_name_heads).finditer(doc_text(doc)):
        name = m.group("name").strip()
        if any(s <= m.start() < e for s, e in clutter + headings):
            continue
        words = name.split()
        while words and words[0].lower() in {"the", "a", "an", "our", "during", "at", "in", "for"}:
            words = words[1:]
        if len(words) < 2 or words[0][0].islower():
            continue
        name = " ".join(words)
        owner = re.search(r"[’']s\s+", name)
        if owner:  # "the U.S. Chamber's 2023 CEO Dialogue" is the Dialogue
            name = name[owner.end():]
        if len(name.split()) < 2:
            continue
        start = m.end() - len(name)
        happened = _HAPPENED.search(doc_text(doc)[max(0, start - 25):start]) or \
            _HAPPENED_AFTER.match(doc_text(doc), m.end())  # "The third X Forum took place in …"
        out.append((name, start, m.end(), bool(happened)))
    return out

def series_name(text: str, report: Span, organizers: list[Mention], lex: Lexicon) -> str:
    """ "USMCOC Binational Conference" from a heading naming the series, else "<organizer> conference"."""
    for m in named_pattern(lex.event_name_heads).finditer(text):
        name = m.group("name")
        if name.endswith("Conferences"):
            words = [w for w in name.split() if w.lower() not in {"the", "key", "insights", "from"}]
            return " ".join(words)[:-1]
    who = organizers[0].acronym or organizers[0].text if organizers else ""
    return f"{who} conference".strip()
