"""Candidate pairs for the merge, found by blocking instead of comparing every pair.

Two reports of one day are the same meeting when they share an attendee or at least half of the words
of their names (:func:`similar`). Comparing every pair of a day's meetings grows as the square of the
reports that day; here a pair is only compared when it shares an attendee (an index by attendee) or a
word of its names' *prefixes*: each name's words in a fixed order, rarest first, cut after
``len - ceil(len / 2) + 1`` words. Two word sets with a Jaccard overlap of at least one half always
share a word there (prefix filtering), so the blocked pairs that pass :func:`similar` are exactly the
pairs the exhaustive comparison finds, and they come back in its order.

>>> from rdflib import URIRef
>>> from graph.build.records import Meeting
>>> def m(name, *people):
...     return Meeting(URIRef(f"http://e/{name}"), frozenset(URIRef(f"http://e/{p}") for p in people),
...                    frozenset(name.split("-")))
>>> found = [m("energy-forum-north", "ana"), m("trade-talks"), m("energy-forum-south"), m("port-visit", "ana")]
>>> meeting_pairs(found)
[(0, 2), (0, 3)]
>>> meeting_pairs(found) == [p for p in all_pairs(len(found)) if similar(*(found[i] for i in p))]
True
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator

from graph.build.records import Meeting


def similar(a: Meeting, b: Meeting) -> bool:
    """Whether two reports of one day are one meeting: a shared attendee, or most of the name in common."""
    overlap = len(a.words & b.words) / max(1, len(a.words | b.words))
    return a.node != b.node and bool(a.attendees & b.attendees or overlap >= 0.5)


def all_pairs(count: int) -> Iterator[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, in the order of the exhaustive double loop (the reference)."""
    return ((i, j) for i in range(count) for j in range(i + 1, count))


def _pairs_within(blocks: Iterable[list[int]]) -> set[tuple[int, int]]:
    return {(a, b) for members in blocks for k, a in enumerate(members) for b in members[k + 1:]}


def _prefixes(found: list[Meeting]) -> dict[Hashable, list[int]]:
    """Each meeting under the words of its prefix (rarest first, ties by the word), for a threshold of 1/2."""
    counts = Counter(w for m in found for w in m.words)
    index: dict[Hashable, list[int]] = defaultdict(list)
    for i, m in enumerate(found):
        words = sorted(m.words, key=lambda w: (counts[w], w))
        for w in words[:len(words) - (len(words) + 1) // 2 + 1]:
            index[w].append(i)
    return index


def meeting_pairs(found: list[Meeting]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)`` of ``found`` (one day's reports) that are one meeting, in exhaustive order."""
    by_attendee: dict[Hashable, list[int]] = defaultdict(list)
    for i, m in enumerate(found):
        for person in m.attendees:
            by_attendee[person].append(i)
    candidates = _pairs_within(by_attendee.values()) | _pairs_within(_prefixes(found).values())
    return sorted(p for p in candidates if similar(found[p[0]], found[p[1]]))
