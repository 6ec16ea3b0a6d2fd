"""Headlines and section headings: short title-case lines, where a capitalized phrase is often no actor.

>>> heading_spans("Trade and the Border\\nThe talks went on.\\n")
[(0, 21)]
>>> line_of("one\\ntwo three\\nfour", 6)
'two three'
"""
from __future__ import annotations

import re

from extract.mentions.words import load_mention_words


def is_heading(line: str) -> bool:
    """Short title-case lines without final punctuation: headlines and section headings (not list items)."""
    if line.lstrip().startswith(("-", "•", "*", "·")) and not line.lstrip().startswith("**"):
        return False
    words = [w for w in re.findall(r"(?<!\w)[A-Za-zÀ-ÿ][\w’'&.-]*", line)]
    if not words or len(words) > 14 or line.rstrip().endswith((".", "?", "!", ":", ",", ";")):
        return False
    small = load_mention_words().heading_small_words
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps == len(words)


def heading_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of heading-like lines (headline, section titles)."""
    spans, offset = [], 0
    for line in text.splitlines(keepends=True):
        if is_heading(line.strip(" \t#")):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    return spans


def line_of(text: str, offset: int) -> str:
    """The whole line of ``text`` that holds ``offset``, without its line break."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]
