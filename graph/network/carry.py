"""What the network page carries of a large build: a bounded amount, whatever the number of documents.

The page (:func:`graph.network.render.page_data`) carries the details of its ``CARRIED_NODES`` most connected
actors. Without caps, what they carry grows with the corpus: an actor mentioned by 700 documents lists 700
documents, a link read in 200 sentences quotes all 200, and the links among 2,000 actors were 17,000 at 1,000
documents. Here each list is cut to a fixed size, by a stable order, and says how many it left out:

- a details section keeps ``Caps.items`` items, and a node ``Caps.listed`` in all, shared evenly among its
  sections: the most evidenced, then the most recent (a document's publication, a meeting's day, a role's last
  sighting), then the first in the panel's order; they are shown in the panel's order, and the section counts
  the rest (``more``);
- an item quotes ``Caps.evidence`` sentences, each sentence once (the same sentence read in several documents
  or places is quoted from the first of them), and a node ``Caps.quoted`` sentences in all (its first items
  first); the rest are counted;
- the nodes the page draws when it opens get ``DRAWN``, the others it carries (brought in by *Show more* or
  a double click) the smaller ``FURTHER``;
- a link quotes ``LINK_EVIDENCE`` sentences (its tooltip shows two), and the page carries ``EDGES_CARRIED``
  links among its actors: those among the drawn nodes first, then the heaviest, then the most evidenced; the
  page counts the rest;
- the search index names ``INDEXED`` more actors beyond the carried ones, most connected first;
- a node's or link's dates (its ``seen`` spans, which the period filter reads) are at most ``SPANS`` spans: past
  that, the two spans with the shortest gap between them are joined, again and again, so the filter may keep
  an actor for a period that falls in a gap between two of its sightings (never one outside them all).

The rest is in the build: ``tradegraph query`` (``person_profile``, ``actor_mentions``), the SPARQL endpoint
(``tradegraph serve``) and ``tradegraph render --focus NAME``. A build far below the caps gets the page it got
before them.

>>> few([Evidence("a.txt", 0, 5, "Hola."), Evidence("b.txt", 3, 8, "Hola."), Evidence("c.txt", 1, 4, "Sí.")], 1)
([Evidence(document='a.txt', start=0, end=5, text='Hola.')], 1)
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from graph.network.details import Item, Section
from graph.network.evidence import Evidence

__all__ = ["Caps", "DRAWN", "FURTHER", "LINK_EVIDENCE", "SPANS", "EDGES_CARRIED", "INDEXED", "few", "cap_sections",
           "carried_edges", "few_spans", "sentence_key"]


@dataclass(frozen=True)
class Caps:
    """How much of one node's details the page carries."""

    items: int  #: items a section lists
    listed: int  #: items the node's sections list in all
    evidence: int  #: sentences an item quotes
    quoted: int  #: different sentences the node quotes in all


#: the nodes drawn when the page opens: above what a small build's actors have (the samples: 25 items a section
#: and 38 a node at most, 10 different sentences a node), so a small build's page is not cut
DRAWN = Caps(items=25, listed=40, evidence=2, quoted=12)
#: the other carried nodes
FURTHER = Caps(items=5, listed=10, evidence=1, quoted=3)
#: sentences a link quotes (its tooltip shows two)
LINK_EVIDENCE = 2
#: spans of days a node or link carries for the period filter
SPANS = 8
#: links among the carried actors the page carries (the rest are counted)
EDGES_CARRIED = 4000
#: actors beyond the carried ones the search index names (the rest are counted)
INDEXED = 20000

T = TypeVar("T")


def sentence_key(e: Evidence) -> str | Evidence:
    """What makes a sentence the same one: its text (a sentence without its text: where it was read)."""
    return e.text or e


def few(evidence: Sequence[Evidence], limit: int = LINK_EVIDENCE) -> tuple[list[Evidence], int]:
    """The first ``limit`` of ``evidence``, each sentence once, and how many sentences are left out."""
    seen: set[str | Evidence] = set()
    once: list[Evidence] = []
    for e in evidence:
        key = sentence_key(e)
        if key not in seen:
            seen.add(key)
            once.append(e)
    return once[:limit], max(0, len(once) - limit)


def _kept(items: Sequence[T], limit: int, ranks: Callable[[T], tuple[int, str]]) -> list[T]:
    """The ``limit`` best of ``items`` by ``ranks`` (more evidence, then the later date), in their own order."""
    if len(items) <= limit:
        return list(items)
    order = sorted(range(len(items)), key=lambda i: ranks(items[i])[1], reverse=True)  # the latest first...
    order.sort(key=lambda i: -ranks(items[i])[0])  # ...then, stably, the most evidenced first
    return [items[i] for i in sorted(order[:limit])]


def _item_rank(item: Item) -> tuple[int, str]:
    return len(item.evidence), item.when


def _shares(sizes: list[int], limit: int, total: int) -> list[int]:
    """How many items each list keeps: at most ``limit`` each and ``total`` in all, shared evenly (the largest
    share that fits, then one more for the first lists still longer, while ``total`` allows).

    >>> _shares([30, 2, 9], 25, 40), _shares([30, 2, 9], 25, 12), _shares([3, 4], 25, 40)
    ([25, 2, 9], [5, 2, 5], [3, 4])
    """
    share = limit
    while share > 0 and sum(min(n, share) for n in sizes) > total:
        share -= 1
    kept = [min(n, share) for n in sizes]
    spare = total - sum(kept)
    for i, n in enumerate(sizes):
        if spare > 0 and n > kept[i] and kept[i] < limit:
            kept[i] += 1
            spare -= 1
    return kept


def cap_sections(sections: list[Section], caps: Caps) -> list[Section]:
    """Each section with its share of the node's items (``caps.items`` at most, ``caps.listed`` in all; see the
    module's rule for which), ``more`` counting the others."""
    shares = _shares([len(s.items) for s in sections], caps.items, caps.listed)
    return [s if len(s.items) <= n else Section(s.title, _kept(s.items, n, _item_rank), len(s.items) - n)
            for s, n in zip(sections, shares, strict=True)]


def carried_edges(edges: list[tuple[str, str, dict[str, Any]]], drawn: set[str], limit: int | None = None
                  ) -> tuple[list[tuple[str, str, dict[str, Any]]], int]:
    """At most ``limit`` (default ``EDGES_CARRIED``) of ``edges`` (in their given order), and how many are left out.

    Kept first: the links between two ``drawn`` nodes (what the page shows when it opens), then the heaviest
    (``weight``: meetings attended together), then the most evidenced; ties keep the given order.
    """
    limit = EDGES_CARRIED if limit is None else limit
    if len(edges) <= limit:
        return edges, 0
    order = sorted(range(len(edges)), key=lambda i: (
        not (edges[i][0] in drawn and edges[i][1] in drawn), -float(edges[i][2].get("weight", 1)),
        -len(edges[i][2].get("evidence", ())), i))
    return [edges[i] for i in sorted(order[:limit])], len(edges) - limit


def few_spans(spans: Sequence[tuple[str, str]], limit: int = SPANS) -> list[tuple[str, str]]:
    """At most ``limit`` spans of ISO days covering ``spans``: the two with the shortest gap are joined (the first
    such pair on a tie) until few enough are left.

    >>> few_spans([("2024-01-01", "2024-01-01"), ("2024-01-03", "2024-01-04"), ("2024-05-01", "2024-05-31")], 2)
    [('2024-01-01', '2024-01-04'), ('2024-05-01', '2024-05-31')]
    """
    if len(spans) <= limit:
        return list(spans)
    joined = sorted(spans)
    while len(joined) > max(limit, 1):
        gaps = [(date.fromisoformat(b[0]) - date.fromisoformat(a[1])).days
                for a, b in zip(joined, joined[1:], strict=False)]
        i = gaps.index(min(gaps))
        joined[i:i + 2] = [(joined[i][0], max(joined[i][1], joined[i + 1][1]))]
    return joined
