"""The keyword matcher of the topic scheme: tried only where a word starts, with only the keywords that can
match there.

One regex of all ~900 keywords, dispatching on the first character with a lookahead per letter, made the
regex engine walk some 45 lookaheads at every position of a text. :class:`KeywordMatcher` finds the
candidate positions (a word starts there with a keyword's first character) with one small regex and tries
only that letter's keywords there, in the same order (longest first); of those, only the ones whose second
character can be the text's next one (each keyword's ``follows``, a one-character regex; ``None`` when any
character can follow, or none need). The regex engine tries a group's alternatives one by one, so a letter's
hundred keywords cost a hundred tries at each word start; the ones left for a pair of characters are a few.
Its matches are those the one regex gives: same starts, ends and group names, the leftmost first, none
overlapping (a keyword left out could not have matched there).

>>> m = KeywordMatcher({"t": ["(?P<k0>(?i:tariffs?))", "(?P<k1>(?i:trade))"], "u": ["(?P<k2>USMCA)"]},
...                    follows={"t": ["(?i:a)", "(?i:r)"], "u": ["S"]})
>>> [(x.lastgroup, x.group()) for x in m.finditer("Tariffs, trade and the USMCA; usmca; attrade")]
[('k0', 'Tariffs'), ('k1', 'trade'), ('k2', 'USMCA')]
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def _either(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


class KeywordMatcher:
    """Keyword alternatives grouped by their first character (lowercase), each alternative a regex that
    starts with that character (in either case, or as written for a case-sensitive keyword); ``follows``
    gives, in the same order, the regex of one character that can come second in each one's match
    (``None``: any; without ``follows``, every keyword is tried at every start of its letter)."""

    def __init__(self, by_first: dict[str, list[str]], *, follows: dict[str, list[str | None]] | None = None) -> None:
        bad = [c for c in by_first if len(c) != 1 or c != c.lower() or len(c.upper()) != 1]
        if bad:
            raise ValueError(f"keyword groups must be keyed by one lowercase character, not {bad}")
        follows = follows or {}
        if any(len(follows[c]) != len(by_first.get(c, ())) for c in follows):
            raise ValueError("follows must give one entry per keyword of its letter")
        self.by_char: dict[str, re.Pattern[str]] = {}
        self._alternatives: dict[str, list[str]] = {}
        self._follows: dict[str, list[re.Pattern[str] | None]] = {}
        for c, alternatives in sorted(by_first.items()):
            self.by_char[c] = self.by_char[c.upper()] = _either(alternatives)
            self._alternatives[c] = self._alternatives[c.upper()] = alternatives
            nexts = [None if f is None else re.compile(f) for f in follows.get(c, [None] * len(alternatives))]
            self._follows[c] = self._follows[c.upper()] = nexts
        firsts = "".join(re.escape(c) for c in sorted(self.by_char))
        self.starts = re.compile(rf"(?<!\w)[{firsts}]") if firsts else re.compile(r"(?!)")
        self._pairs: dict[str, re.Pattern[str] | None] = {}  # first two characters -> the keywords to try
        self._chosen: dict[tuple[str, tuple[int, ...]], re.Pattern[str]] = {}  # one regex per set of keywords

    def _tried(self, pair: str) -> re.Pattern[str] | None:
        """The regex of the keywords that can match where ``pair`` (a word's first character and the text's
        next one, or only the first at the end of the text) begins; None when none can."""
        first, second = pair[0], pair[1:]
        follows = self._follows[first]
        chosen = tuple(i for i, f in enumerate(follows) if f is None or f.fullmatch(second))
        if len(chosen) == len(follows):
            return self.by_char[first]
        if not chosen:
            return None
        key = (first.lower(), chosen)
        if key not in self._chosen:
            alternatives = self._alternatives[first]
            self._chosen[key] = _either([alternatives[i] for i in chosen])
        return self._chosen[key]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The keywords in ``text``, left to right, not overlapping: at each word start, the first of its
        letter's keywords that matches there."""
        end = 0
        pairs = self._pairs
        for start in self.starts.finditer(text):
            at = start.start()
            if at < end:
                continue
            pair = text[at:at + 2]
            if pair in pairs:
                tried = pairs[pair]
            else:
                tried = pairs[pair] = self._tried(pair)
            found = tried.match(text, at) if tried is not None else None
            if found is not None:
                end = found.end()
                yield found
