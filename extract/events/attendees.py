"""Who took part in each encounter: the grammatical forms the genre uses for participants ("X met with Y",
"led by X", "the delegation included X, Y and Z", "Speakers included:" then a list), paragraph by paragraph."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from extract.events.model import Event, paragraphs
from extract.events.named import refers_back
from extract.events.naming import name_by_people
from extract.events.participation import attends, org_takes_part, root_dep
from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.text.dates import MONTHS, find_whens
from extract.text.document import doc_text
from extract.text.metadata import is_dateline_agency

_MONTH_WORD = re.compile(r"\b(" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b", re.I)


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
    return out + _next_in_list(doc, people, took_part + out)


# what separates two items of a list of titles and names: ", U.S. Deputy Secretary of State ", ", and Mexican "
_TITLE_WORD = r"(?:[A-Z][\w.’'-]*|of|for|to|the|and|de|del|on|at|in)"
_LIST_GAP = re.compile(r"(?:[,;]\s*(?:and\s+)?(?:" + _TITLE_WORD + r"(?:\s+|(?=[,;])))*){1,3}")


_LIST_AFTER_COLON = re.compile(r"\b(?:with|by|including|included)\b[^.:;\n]{0,80}:\s*(?:" + _TITLE_WORD + r"\s+)*$")


def _next_in_list(doc: Doc, people: list[Mention], took_part: list[Mention]) -> list[Mention]:
    """The items that follow a participant in a list of titles and names, however long ("the participation of
    Secretary A, Deputy Secretary B, Ambassador C, and Ambassador D"): nothing but a comma, "and" and the next
    item's title between each name and the next."""
    text, out = doc_text(doc), []
    last: Mention | None = None
    for m in sorted(people, key=lambda p: p.start):
        line_start = text.rfind("\n", 0, m.start) + 1
        if m in took_part:
            last = m
        elif _LIST_AFTER_COLON.search(text, line_start, m.start):
            out.append(m)  # "a meeting with officials of the Ministry: X, Director …; Y, …"
            last = m
        elif last is not None and _LIST_GAP.fullmatch(text, last.end, m.start) and "\n" not in text[last.end:m.start]:
            out.append(m)
            last = m
    return out


def _in_participant_list(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """A name opening an item of a list introduced as participants ("Speakers included:", "The governor was
    joined on the mission by:" then "- X, Title")."""
    text = doc_text(doc)
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
    span = doc.char_span(intro_start + 1, len(before), alignment_mode="expand") if intro else None
    lemmas = {t.lemma_.lower() for t in span} if span is not None else set()  # "joined", "accompanied"
    return intro.endswith(":") and bool((words | lemmas) & (lex.conference_words | lex.participation_verbs
                                                            | {"participants", "attendees", "panelists", "speakers"}))


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
            _take_part(doc, mentions, own, (p_start, p_end), conference=conference, lex=lex)
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
        took_part = [m for m in people if attends(doc, m, conference, lex)]
        took_part += _listed_with(doc, people, took_part)
        took_part += [m for m in people if m not in took_part and _in_participant_list(doc, m, lex)]
        named_here = [ev for ev in events if ev.rule == "events.named" and p_start <= ev.sentence[0] < p_end
                      and ev is not main and not _about_main(doc, ev)]
        for m in took_part:
            owner = named_here[0] if named_here and named_here[0].sentence[0] <= m.start < named_here[0].sentence[1] \
                else target
            owner.attendees.append(m)
        target.org_attendees.extend(m for m in mentions if m.kind == "org" and p_start <= m.start < p_end
                                    and org_takes_part(doc, m, lex))
        present = {a.text.split()[-1] for a in target.attendees}
        if took_part or any(m.text.split()[-1] in present and _is_subject(doc, m) for m in people):
            target.paragraphs.append((p_start, p_end))  # also what its attendees discussed, for its topics
    main.org_attendees.extend(_report_orgs(doc, mentions, main))
    if main.rule == "events.report" and not dated:
        name_by_people(doc, main, mentions)


def _about_main(doc: Doc, ev: Event) -> bool:
    """A sentence that names a second event but is about the one just told: "The event was held on the margins
    of the X Dialogue and included the participation of …" (its people are the event's, not the Dialogue's)."""
    sent = doc.char_span(ev.sentence[0], ev.sentence[1], alignment_mode="expand")
    return sent is not None and refers_back(sent)


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and root_dep(span.root).dep_ in {"nsubj", "nsubjpass"}


def _report_orgs(doc: Doc, mentions: list[Mention], ev: Event) -> list[Mention]:
    """The bodies its report sentence names take part in an encounter (not the agency of a dateline)."""
    return [m for m in mentions if m.kind == "org" and ev.sentence[0] <= m.start < ev.sentence[1]
            and not is_dateline_agency(doc_text(doc), m)]


def _take_part(doc: Doc, mentions: list[Mention], ev: Event, para: tuple[int, int], *, conference: bool,
               lex: Lexicon) -> None:
    """A separate encounter's people and bodies: those its own paragraph says took part."""
    people = [m for m in mentions if m.kind == "person" and para[0] <= m.start < para[1]]
    took_part = [m for m in people if attends(doc, m, conference, lex)]
    ev.attendees.extend(took_part + _listed_with(doc, people, took_part))
    ev.org_attendees.extend(_report_orgs(doc, mentions, ev))
    ev.paragraphs.append(para)
    name_by_people(doc, ev, mentions)
    if " " not in ev.name and ev.location is not None:  # no one to name it by: "meeting in X"
        ev.name = f"{ev.name} in {ev.location.text}"
