"""Topics: find the subjects of a document with the packaged SKOS keyword scheme.

The scheme (``data/topics.ttl``) gives each topic its labels and keywords;
this module only compiles them into one matcher and scores what it finds.

>>> scheme = load_scheme()
>>> [hit.topic.label for hit in find_topics("Tariffs on Chinese steel", scheme)]
['Tariffs and trade policy', 'China', 'Steel and aluminum']
>>> [t.label for t in sentence_topics("The USMCA review and said migrants.", scheme)]
['USMCA review', 'Migration']
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from extract.errors import DataError
from extract.slug import strip_accents

__all__ = ["Topic", "TopicHit", "TopicScheme", "load_scheme", "find_topics", "main_topics", "sentence_topics"]

DATA = Path(__file__).parent / "data" / "topics.ttl"
_DASHES = "\\-‐‑‒–—"
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+")
_ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov col gen lt amb jr sr inc corp co ltd no vs st".split())


@dataclass(frozen=True)
class Topic:
    """A concept of the scheme: its IRI and English preferred label."""

    iri: str
    label: str


@dataclass(frozen=True)
class TopicHit:
    """One keyword occurrence: the topic, its character span in the text and the text matched."""

    topic: Topic
    start: int
    end: int
    text: str


@dataclass(frozen=True, eq=False)
class TopicScheme:
    """The loaded scheme: topics sorted by label, their keywords, broader links and the matcher."""

    topics: tuple[Topic, ...]
    keywords: dict[Topic, tuple[str, ...]]
    broader: dict[Topic, tuple[Topic, ...]]
    matcher: re.Pattern[str] = field(repr=False)
    by_group: dict[str, Topic] = field(repr=False)
    graph: Graph = field(repr=False)

    def as_graph(self) -> Graph:
        """A copy of the scheme's triples, ready to add to the default graph."""
        copy = Graph()
        for triple in self.graph:
            copy.add(triple)
        return copy


def _fold(text: str) -> str:
    """Strip accents character by character, so offsets into ``text`` stay valid."""
    return "".join(c if len(s := strip_accents(c)) != 1 else s for c in text)


def _is_acronym(keyword: str) -> bool:
    return any(c.isalpha() for c in keyword) and not any(c.islower() for c in keyword)


def _pattern(keyword: str) -> str:
    """A regex for one keyword: flexible spaces, dashes, periods and apostrophes, simple plurals."""
    folded = _fold(keyword)
    acronym = _is_acronym(folded)
    parts = []
    for c in folded:
        if c.isspace():
            parts.append(f"[\\s{_DASHES}]+")
        elif c in _DASHES:
            parts.append(f"[\\s{_DASHES}]?")
        elif c == ".":
            parts.append("\\.?")
        elif c in "'’":
            parts.append("['’]?")
        else:
            parts.append(re.escape(c))
    body = "".join(parts)
    if acronym:
        return body + "s?"
    if re.search(r"[^aeiou]y$", folded):
        return body[:-1] + "(?:y|ies)"
    if folded[-1:].isalpha():
        body += "(?:e?s)?"
    return f"(?i:{body})"


def _compile(keywords: dict[Topic, tuple[str, ...]]) -> tuple[re.Pattern[str], dict[str, Topic]]:
    """One alternation of every keyword, longest first, each in a named group that names its topic."""
    pairs = sorted({(_fold(k), t) for t, ks in keywords.items() for k in ks},
                   key=lambda kt: (-len(kt[0]), kt[0], kt[1].label))
    by_group = {f"k{i}": topic for i, (_, topic) in enumerate(pairs)}
    alternatives = "|".join(f"(?P<k{i}>{_pattern(k)})" for i, (k, _) in enumerate(pairs))
    return re.compile(f"(?<!\\w)(?:{alternatives})(?!\\w)"), by_group


@lru_cache(maxsize=4)
def load_scheme(path: Path | None = None) -> TopicScheme:
    """Load and check a SKOS topic scheme (default: the packaged ``data/topics.ttl``).

    Raises:
        DataError: the file cannot be parsed, or a concept lacks an English
            prefLabel or keywords.
    """
    path = path or DATA
    try:
        graph = Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds
        raise DataError(f"{path}: cannot be read as a Turtle topic scheme ({exc})") from None
    topics: dict[URIRef, Topic] = {}
    for concept in graph.subjects(SKOS.inScheme, None):
        labels = [str(o) for o in graph.objects(concept, SKOS.prefLabel) if o.language == "en"]
        if len(labels) != 1:
            raise DataError(f"{path}: concept {concept} needs exactly one English skos:prefLabel, found {labels}")
        topics[concept] = Topic(str(concept), labels[0])
    keywords: dict[Topic, tuple[str, ...]] = {}
    for concept, topic in topics.items():
        words = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
                 for o in graph.objects(concept, p)}
        if not words:
            raise DataError(f"{path}: concept {concept} has no keywords")
        keywords[topic] = tuple(sorted(words))
    broader = {t: tuple(sorted((topics[b] for b in graph.objects(c, SKOS.broader) if b in topics),
                               key=lambda x: x.label)) for c, t in topics.items()}
    matcher, by_group = _compile(keywords)
    return TopicScheme(tuple(sorted(topics.values(), key=lambda t: t.label)), keywords, broader,
                       matcher, by_group, graph)


def find_topics(text: str, scheme: TopicScheme) -> list[TopicHit]:
    """Every keyword occurrence in ``text``, in text order; the longest keyword wins where they overlap.

    Matching ignores case and accents (except keywords written in capitals,
    such as "USMCA" or "AI", which match only in capitals), respects word
    boundaries and accepts simple plurals.
    """
    hits = []
    for m in scheme.matcher.finditer(_fold(text)):
        assert m.lastgroup is not None
        hits.append(TopicHit(scheme.by_group[m.lastgroup], m.start(), m.end(), text[m.start():m.end()]))
    return hits


def sentence_topics(text: str, scheme: TopicScheme) -> list[Topic]:
    """The topics of one sentence (any keyword counts), deduplicated, in order of first mention."""
    return list(dict.fromkeys(hit.topic for hit in find_topics(text, scheme)))


def _units(text: str, *, max_item_words: int = 6) -> list[tuple[int, int]]:
    """Spans of the text's units: sentences, plus each run of three or more short lines (a list) as one."""
    units: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def flush() -> None:
        if len(run) >= 3:
            units.append((run[0][0], run[-1][1]))
        else:
            units.extend(run)
        run.clear()

    offset = 0
    for line in text.splitlines(keepends=True):
        start, end = offset, offset + len(line.rstrip())
        offset += len(line)
        body = text[start:end].strip()
        if not body:
            flush()
        elif len(body.split()) <= max_item_words and not body.endswith("."):
            run.append((start, end))
        else:
            flush()
            begin = start
            for m in _SENTENCE_END.finditer(text, start, end):
                word = text[begin:m.start()].rsplit(None, 1)[-1]
                if len(word) > 1 and "." not in word and word.lower() not in _ABBREVIATIONS:
                    units.append((begin, m.start() + 1))
                    begin = m.end()
            units.append((begin, end))
    flush()
    return units


def topic_scores(text: str, scheme: TopicScheme, *, title_bonus: float = 1.0, list_size: int = 4) -> dict[Topic, float]:
    """Each mentioned topic's score (see :func:`main_topics`)."""
    hits = find_topics(text, scheme)
    scores: dict[Topic, float] = defaultdict(float)
    i = 0
    for start, end in _units(text):
        while i < len(hits) and hits[i].start < start:
            i += 1
        found = set()
        while i < len(hits) and hits[i].start < end:
            found.add(hits[i].topic)
            i += 1
        for topic in found:
            scores[topic] += min(1.0, list_size / len(found))
    first = next((line for line in text.splitlines() if line.strip()), "")
    for topic in set(sentence_topics(first, scheme)):
        scores[topic] += title_bonus
    return dict(scores)


def main_topics(text: str, scheme: TopicScheme, *, max_topics: int = 6, min_score: float = 1.5,
                min_share: float = 0.02, short_share: float = 0.07) -> list[Topic]:
    """The topics ``text`` is substantially about."""
    scores = topic_scores(text, scheme)
    total = sum(scores.values())
    keep = [t for t, s in scores.items()
            if (s >= min_score and s >= min_share * total) or s >= short_share * total]
    keep.sort(key=lambda t: (-scores[t], t.label))
    return keep[:max_topics]
