"""Who took part in each encounter: the grammatical forms the genre uses for participants ("X met with Y",
"led by X", "the delegation included X, Y and Z", "Speakers included:" then a list), paragraph by paragraph."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extract.dates import MONTHS, find_whens
from extract.document import doc_text
from extract.events.model import Event, paragraphs
from extract.events.naming import name_by_people
from extract.lexicon import Lexicon
from extract.mentions import Mention
from extract.metadata import is_dateline_agency


_MONTH_WORD = re.compile(r"\b(" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b", re.I)

def root_dep(tok: Token) -> Token:
    """Climb conjunctions and appositions to the token whose role in the clause matters; a name in
    apposition to a title's portfolio ("the undersecretary of Foreign Trade, X") is the title's."""
    named = False
    while True:
        if tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i and tok.head.pos_ in {"PROPN", "NOUN"}:
            named, tok = named or tok.dep_ == "appos", tok.head
        elif named and tok.dep_ == "pobj" and tok.head.lower_ in {"of", "for"} and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
        else:
            return tok


def _takes_part(verb: Token, lex: Lexicon) -> bool:
    """A participation verb ("attended", "met", "headed"), or "took part"."""
    lemma = verb.lemma_.lower()
    return lemma in lex.participation_verbs or lemma == "take" and any(c.lower_ == "part" for c in verb.children)


def _attends(doc: Doc, m: Mention, conference: bool, lex: Lexicon) -> bool:
    """Whether a person mention takes part in the encounter its sentence reports."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = root_dep(span.root)
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.tag_ == "POS" or tok.dep_ == "compound":
        return False  # "President Obama's tenure", "the Biden administration"
    participate = lex.participation_verbs
    if any(c.dep_ == "relcl" and _takes_part(c, lex) for c in span.root.children):
        return True  # "X, who led the Mexican delegation, said …"
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in participate:
        return True  # "… included Roberto Velasco, …, and Ernesto Acevedo"
    sent_text = tok.sent.text.lower()
    head = tok.head
    while head.dep_ in {"aux", "auxpass"} and head.head.i != head.i:  # "Also participating were X"
        head = head.head
    if tok.dep_ in {"nsubj", "nsubjpass"} and (lex.is_speech(head.text) or _takes_part(head, lex)):
        return conference or _takes_part(head, lex) and "interview" not in sent_text
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return conference  # "According to X, …" at a conference
    if tok.dep_ == "pobj" and head.lower_ in {"by", "with", "from", "between", "including", "and"}:
        governor = head.head
        words = {governor.lemma_.lower(), governor.lower_, governor.lower_.removesuffix("d"),
                 governor.lower_.removesuffix("ed")}  # "Moderated by X" at the start of a line, tagged a noun
        return bool(words & (participate | lex.participation_nouns)) or conference and "follow" in words
    if tok.dep_ in {"dobj", "attr", "nsubj"} and (head.lemma_.lower() in participate
                                                  or head.lemma_ == "be" and any(t.lemma_.lower() in participate
                                                                                for t in head.children)):
        return "interview" not in sent_text
    return False


def _listed_with(doc: Doc, people: list[Mention], took_part: list[Mention]) -> list[Mention]:
    """Others named in the same list as a participant ("including Vice President X and Senior Vice President Y")."""
    out = []
    for m in people:
        if m in took_part:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ in {"nsubj", "nsubjpass", "compound", "poss"}:
            continue
        sent = span.sent
        mates = [p for p in took_part if sent.start_char <= p.start < sent.end_char]
        between = doc_text(doc)[min([p.end for p in mates] or [m.start]):m.start]
        if mates and len(between) < 120 and re.search(r"(^|[,\s])and\s", between) and ";" not in between:
            out.append(m)
    return out


def _in_participant_list(text: str, m: Mention, lex: Lexicon) -> bool:
    """A name opening an item of a list introduced as participants ("Speakers included:" then "- X, Title")."""
    line_start = text.rfind("\n", 0, m.start) + 1
    item = text[line_start:m.start]
    bullet = re.match(r"\s*[-•*·]\s*", item)
    if bullet is None or not re.fullmatch(r"(?:(?:[A-Z][\w.’'-]*|former|ex-|then-|of|for|the|and)\s+)*",
                                          item[bullet.end():]):
        return False  # the name must open the item, perhaps after its title ("- Former Ambassador X")
    before = text[:line_start].rstrip()
    intro_start = before.rfind("\n", 0, len(before))
    while intro_start >= 0 and re.match(r"\s*[-•*·]", before[intro_start + 1:]):  # earlier items of the list
        before = before[:intro_start].rstrip()
        intro_start = before.rfind("\n")
    intro = before[intro_start + 1:]
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", intro)}
    return intro.endswith(":") and bool(words & (lex.conference_words | lex.participation_verbs
                                                 | {"included", "participants", "attendees", "panelists", "speakers"}))

def assign_people(doc: Doc, mentions: list[Mention], events: list[Event], clutter: list[tuple[int, int]],
                   lex: Lexicon) -> None:
    """Give each event the people and bodies that took part: a series splits by its paragraphs' date markers."""
    words = re.findall(r"[A-Za-z]+", re.sub(r"\b(press|news|morning)\s+conferences?\b", "", doc_text(doc), flags=re.I))
    conference = bool({w.lower() for w in words} & lex.conference_words)  # a press conference is not one
    text = doc_text(doc)
    reports = [ev for ev in events if ev.rule == "events.report" and not ev.separate]
    dated = reports if len(reports) > 1 else []  # a series: each paragraph goes to its date marker's event
    main = reports[0] if reports else events[0]
    current = main
    # an encounter only announced has the people its own sentence names, not the whole story's
    spans = [main.sentence] if main.planned and not dated else paragraphs(text)
    for p_start, p_end in spans:
        if any(a <= p_start and p_end <= b for a, b in clutter):
            continue
        para = text[p_start:p_end]
        own = next((ev for ev in events if ev.separate and p_start <= ev.sentence[0] < p_end), None)
        if own is not None:
            _take_part(doc, mentions, own, (p_start, p_end), conference, lex)
            continue
        if dated:
            for marker in _MONTH_WORD.finditer(para):
                month = MONTHS[marker.group(1).lower()]
                hits = [ev for ev in dated if ev.start and int(ev.start[5:7]) == month]
                if hits and not find_whens(para[marker.start():marker.start() + 20]):
                    current = hits[0]
        target = current if dated else main
        people = [m for m in mentions if m.kind == "person" and p_start <= m.start < p_end
                  and not any(a <= m.start < b for a, b in clutter)]
        took_part = [m for m in people if _attends(doc, m, conference, lex)]
        took_part += _listed_with(doc, people, took_part)
        took_part += [m for m in people if m not in took_part and _in_participant_list(text, m, lex)]
        named_here = [ev for ev in events if ev.rule == "events.named" and p_start <= ev.sentence[0] < p_end
                      and ev is not main]
        for m in took_part:
            owner = named_here[0] if named_here and named_here[0].sentence[0] <= m.start < named_here[0].sentence[1] \
                else target
            owner.attendees.append(m)
        present = {a.text.split()[-1] for a in target.attendees}
        if took_part or any(m.text.split()[-1] in present and _is_subject(doc, m) for m in people):
            target.paragraphs.append((p_start, p_end))  # also what its attendees discussed, for its topics
    main.org_attendees.extend(_report_orgs(doc, mentions, main))
    if main.rule == "events.report" and not dated:
        name_by_people(doc, main, mentions)


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and root_dep(span.root).dep_ in {"nsubj", "nsubjpass"}


def _report_orgs(doc: Doc, mentions: list[Mention], ev: Event) -> list[Mention]:
    """The bodies its report sentence names take part in an encounter (not the agency of a dateline)."""
    return [m for m in mentions if m.kind == "org" and ev.sentence[0] <= m.start < ev.sentence[1]
            and not is_dateline_agency(doc_text(doc), m)]


def _take_part(doc: Doc, mentions: list[Mention], ev: Event, para: tuple[int, int], conference: bool,
               lex: Lexicon) -> None:
    """A separate encounter's people and bodies: those its own paragraph says took part."""
    people = [m for m in mentions if m.kind == "person" and para[0] <= m.start < para[1]]
    took_part = [m for m in people if _attends(doc, m, conference, lex)]
    ev.attendees.extend(took_part + _listed_with(doc, people, took_part))
    ev.org_attendees.extend(_report_orgs(doc, mentions, ev))
    ev.paragraphs.append(para)
    name_by_people(doc, ev, mentions)
