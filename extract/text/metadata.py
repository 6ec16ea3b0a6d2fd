"""What a document says about itself: title, publication date, author and publisher.

>>> t = "Air News\\n\\nMexico and U.S. seek ties\\n\\nFebruary 21, 2024\\nBody text."
>>> title(t, [], skip=["Air News"]), publication_date(t)
('Mexico and U.S. seek ties', '2024-02-21')
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.findings import About
from extract.mentions import Mention
from extract.text.clutter import in_spans
from extract.text.dates import When, find_dates, find_whens
from extract.topics.scheme import load_scheme, main_topics

if TYPE_CHECKING:
    from extract.reading import Reading

MAX_DOC_TOPICS = 10

HEAD_CHARS = 1500
HEAD_LINES = 6
_BY = re.compile(r"\b[Bb]y:?\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})")


def _lines(text: str, clutter: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Non-empty, non-clutter lines with their offsets, Markdown emphasis removed."""
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        clean = line.strip().strip("#*_ ").strip()
        if clean and not in_spans(offset + len(line) - len(line.lstrip()), clutter):
            out.append((offset, clean))
        offset += len(line)
    return out


def title(text: str, clutter: list[tuple[int, int]], *, skip: Sequence[str] = ()) -> str:
    """The headline: the first early line that is not the publisher, a byline or a date and does not end a
    sentence; else the first line."""
    lines = _lines(text, clutter)
    skipped = {re.sub(r"^the\s+", "", x, flags=re.I).lower() for x in skip}
    for _, line in lines[:HEAD_LINES]:
        words = line.split()
        if len(words) > 25:
            break  # the body has begun
        if re.sub(r"^the\s+", "", line, flags=re.I).lower() in skipped or find_dates(line) and len(words) <= 8 \
                or line.endswith((".", ":")) or len(words) < 3 or line.count(",") >= 2:
            continue
        half = len(words) // 2
        if len(words) % 2 == 0 and words[:half] == words[half:]:
            continue  # a byline name printed twice
        return line[:300]
    body = next((line for _, line in lines if len(line.split()) > 25), lines[0][1] if lines else "")
    first = re.split(r"(?<=[a-z]{2}[.!?])\s", body, maxsplit=1)[0]
    return first if len(first) <= 120 else first[:119].rsplit(" ", 1)[0] + "…"


def publication_date(text: str) -> str | None:
    """The first stand-alone full date in the document's head, as ISO, else ``None``.

    A date that opens a range ("December 5, 2024 – April 30, 2025") is an event's, not the document's.
    """
    head = text[:HEAD_CHARS]
    for found in find_dates(head):
        after = head[found.end:found.end + 16].strip(" ,")
        before = head[max(0, found.start - 5):found.start].strip()
        ranged = re.match(r"(–|—|-|to\b|and\b)\s*(\w+\.?\s+)?\d{1,2}(?![\d:])", after) is not None \
            or before.endswith(("–", "to", "and")) and re.search(r"\d", head[max(0, found.start - 20):found.start])
        if not ranged:
            return found.iso
    return None


def author(text: str, people: list[Mention], clutter: list[tuple[int, int]]) -> Mention | None:
    """The byline: "By Name" in the head, or a line that is only a person's name near the top."""
    head_end = min(len(text), HEAD_CHARS)
    match = _BY.search(text[:head_end])
    if match:
        for m in people:
            if m.start >= match.start("name") and m.text in match.group("name") or m.text == match.group("name"):
                return m
    for offset, line in _lines(text, clutter)[:HEAD_LINES]:
        for m in people:
            if offset <= m.start < offset + len(line) + 2 and line in {m.text, f"{m.text} {m.text}"}:
                return m
    return None


def about_document(reading: Reading, *, mentions: list[Mention]) -> About:
    """What the document says about itself, read from its head and its content (``mentions`` are the
    resolved ones): headline, date, main topics, masthead and byline."""
    text, clutter = reading.text, reading.clutter
    orgs = [m for m in mentions if m.kind == "org"]
    mastheads = [m.text for m in orgs if m.start < 400]
    topics = main_topics(reading.content, load_scheme(), max_topics=MAX_DOC_TOPICS)
    return About(title=title(text, clutter, skip=mastheads) or reading.document.name, published=reading.published,
                 topics=[t.iri for t in topics], publisher=publisher(text, orgs, clutter),
                 author=author(text, [m for m in mentions if m.kind == "person"], clutter))


# "May 14, 2025 (Reuters) -", "Aug 28 (Reuters) -"
_DATELINE = re.compile(r"\b\d{1,4}\s*\((?P<agency>[^()\n]{2,40})\)\s*[-–—]")


def is_dateline_agency(text: str, m: Mention) -> bool:
    """Whether an organization mention is the agency of a dateline: "MEXICO CITY, May 14, 2025 (Reuters) -"."""
    return any(d.start("agency") <= m.start < d.end("agency") for d in _DATELINE.finditer(text[:m.end + 4]))


def publisher(text: str, orgs: list[Mention], clutter: list[tuple[int, int]]) -> Mention | None:
    """A masthead (an organization's name alone on one of the first lines) or a dateline's agency."""
    for m in orgs:
        if m.start < HEAD_CHARS and is_dateline_agency(text, m):
            return m
    for offset, line in _lines(text, clutter)[:3]:
        for m in orgs:
            if offset <= m.start < offset + len(line) + 2 and re.sub(r"^the\s+", "", line, flags=re.I) in {m.text}:
                return m
    return None


@dataclass(frozen=True)
class Dateline:
    """A line that opens with a place and a date, and the end of the paragraph it opens."""

    place: Mention
    when: When
    end: int


def dateline(text: str, mentions: list[Mention], published: str | None = None) -> Dateline | None:
    """A release's dateline: "Mexico City, 18 June 2025", "**Washington, D.C. — November 4, 2025.** The …".

    A place mention opening a line (after Markdown marks), then a comma or a dash, perhaps an
    abbreviation ("D.C."), and a date (or, given the publication date, "Today").
    """
    for m in mentions:
        line = text.rfind("\n", 0, m.start) + 1
        if m.kind != "place" or text[line:m.start].strip("*_#> \t"):
            continue
        after = text[m.end:m.end + 40].split("\n")[0]
        whens = find_whens(after, published)
        if re.match(r"\s*[,—–-]", after) and whens \
                and re.fullmatch(r"[\s,.—–\-A-Z]{0,12}", after[:whens[0].char_start]):
            end = text.find("\n", m.end)
            return Dateline(m, whens[0], end if end >= 0 else len(text))
    return None
