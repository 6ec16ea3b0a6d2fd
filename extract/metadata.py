"""What a document says about itself: its title and publication date.

>>> t = "Air News\\n\\nMexico and U.S. seek ties\\n\\nFebruary 21, 2024\\nBody text."
>>> title(t, []), publication_date(t)
('Air News', '2024-02-21')
"""
from __future__ import annotations

from extract.clutter import in_spans
from extract.dates import find_dates

HEAD_CHARS = 1500


def title(text: str, clutter: list[tuple[int, int]]) -> str:
    """The first non-clutter line of the document, without Markdown emphasis."""
    offset = 0
    for line in text.splitlines(keepends=True):
        clean = line.strip().strip("#*_ ").strip()
        if clean and not in_spans(offset + (len(line) - len(line.lstrip())), clutter):
            return clean[:300]
        offset += len(line)
    return ""


def publication_date(text: str) -> str | None:
    """The first stand-alone full date in the document's head, as ISO, else ``None``.

    A date that opens a range ("December 5, 2024 – April 30, 2025") is an event's, not the document's.
    """
    head = text[:HEAD_CHARS]
    for found in find_dates(head):
        after = head[found.end:found.end + 8].strip(" ,")
        before = head[max(0, found.start - 5):found.start].strip()
        ranged = after.startswith(("–", "—", "to ", "and ")) or before.endswith(("–", "—", "to", "and"))
        if not ranged:
            return found.iso
    return None
