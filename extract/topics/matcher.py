"""The keyword matcher of the topic scheme: one regex per first letter, tried only where a word starts.

One regex of all ~900 keywords, dispatching on the first character with a lookahead per letter, made the
regex engine walk some 45 lookaheads at every position of a text. :class:`KeywordMatcher` finds the
candidate positions (a word starts there with a keyword's first character) with one small regex and tries
only that letter's keywords there, in the same order (longest first). Its matches are those the one regex
gives: same starts, ends and group names, the leftmost first, none overlapping.

>>> m = KeywordMatcher({"t": ["(?P<k0>(?i:tariffs?))", "(?P<k1>(?i:trade))"], "u": ["(?P<k2>USMCA)"]})
>>> [(x.lastgroup, x.group()) for x in m.finditer("Tariffs, trade and the USMCA; usmca; attrade")]
[('k0', 'Tariffs'), ('k1', 'trade'), ('k2', 'USMCA')]
"""
from __future__ import annotations

import re
from collections.abc import Iterator


class KeywordMatcher:
    """Keyword alternatives grouped by their first character (lowercase), each alternative a regex that
    starts with that character (in either case, or as written for a case-sensitive keyword)."""

    def __init__(self, by_first: dict[str, list[str]]) -> None:
        bad = [c for c in by_first if len(c) != 1 or c != c.lower() or len(c.upper()) != 1]
        if bad:
            raise ValueError(f"keyword groups must be keyed by one lowercase character, not {bad}")
        self.by_char: dict[str, re.Pattern[str]] = {}
        for c, alternatives in sorted(by_first.items()):
            pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")
            self.by_char[c] = self.by_char[c.upper()] = pattern
        firsts = "".join(re.escape(c) for c in sorted(self.by_char))
        self.starts = re.compile(rf"(?<!\w)[{firsts}]") if firsts else re.compile(r"(?!)")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The keywords in ``text``, left to right, not overlapping: at each word start, the first of its
        letter's keywords that matches there."""
        end = 0
        for start in self.starts.finditer(text):
            at = start.start()
            if at < end:
                continue
            found = self.by_char[text[at]].match(text, at)
            if found is not None:
                end = found.end()
                yield found
