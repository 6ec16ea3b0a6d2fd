"""Topics: find what a document is about with the packaged SKOS keyword scheme.

The scheme (``data/topics.ttl``) gives each topic its labels and keywords; this
module compiles them into one matcher, finds hits (leaving out common nouns
that are part of a name, "Department of Energy") and decides on the main
topics from the weights :mod:`extract.topics.weights` gives them.

>>> scheme = load_scheme()
>>> [hit.topic.label for hit in find_topics("Tariffs on Chinese steel", scheme)]
['Tariffs and trade policy', 'China', 'Steel and aluminum']
>>> [t.label for t in sentence_topics("She said the USMCA review may help migrants.", scheme)]
['USMCA review', 'Migration']
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SKOS
from rdflib.term import Node

from extract import DATA_DIR
from extract.errors import DataError
from extract.topics.matcher import KeywordMatcher
from extract.topics.weights import fold_same_length, weigh_topics

__all__ = ["Topic", "TopicHit", "TopicScheme", "load_scheme", "find_topics", "sentence_topics",
           "topic_scores", "main_topics"]

DATA = DATA_DIR / "topics.ttl"
_DASHES = "-‐‑‒–—"
_SEP = r"[\s\-‐‑‒–—]"
_CAP = r"(?:[A-ZÀ-Þ][\w'’&-]*|(?:[A-Z]\.){2,})"  # a capitalized word, or an initialism ("U.S.")
_LINK = r"(?:of|for|and|the|on|de|del|y|la|las|los|el|&)"
_NAME_BEFORE = re.compile(rf"{_CAP}[ \t]+(?:{_LINK}[ \t]+){{0,2}}$")
_NAME_AFTER = re.compile(rf"^[ \t]+(?:{_LINK}[ \t]+){{0,2}}{_CAP}")
_WORD_AFTER = re.compile(rf"^[ \t]+{_CAP}")
_SENTENCE_START = re.compile(r"(?:^|(?<!\.[A-Z])\.|[!?:;\"“”‘(\[•*–—-])[ \t]*$")  # "U.S." ends no sentence


@dataclass(frozen=True)
class Topic:
    """A concept of the scheme: its IRI and English preferred label."""

    iri: str
    label: str


@dataclass(frozen=True)
class TopicHit:
    """One keyword occurrence: its topic, character span in the text, and the text matched."""

    topic: Topic
    start: int
    end: int
    text: str


@dataclass(frozen=True, eq=False)
class TopicScheme:
    """A loaded scheme: topics (sorted by label), their keywords and broader topics, and the matcher."""

    topics: tuple[Topic, ...]
    keywords: dict[Topic, tuple[str, ...]]
    broader: dict[Topic, tuple[Topic, ...]]
    matcher: KeywordMatcher = field(repr=False)
    by_group: dict[str, Topic] = field(repr=False)  # regex group name -> topic
    graph: Graph = field(repr=False)
    common: frozenset[str] = field(repr=False)  # regex group names of keywords that are common nouns

    def as_graph(self) -> Graph:
        """A copy of the scheme's triples, to add to the default graph."""
        copy = Graph()
        for prefix, namespace in self.graph.namespaces():
            copy.bind(prefix, namespace)
        copy += self.graph
        return copy


def _pattern(keyword: str) -> str:
    """A regex for one folded keyword: flexible spaces, dashes, periods and apostrophes; simple plurals.

    A keyword without lowercase letters ("USMCA", "AI") is an acronym: it
    matches case-sensitively; everything else ignores case.
    """
    body = "".join(f"{_SEP}+" if c.isspace() else f"{_SEP}?" if c in _DASHES else r"\.?" if c == "."
                   else "['’]?" if c in "'’" else re.escape(c) for c in keyword)
    if not any(c.islower() for c in keyword):
        return body + "s?"
    if re.search(r"[^aeiou]y$", keyword):
        return f"(?i:{body[:-1]}(?:y|ies))"
    return f"(?i:{body}(?:e?s)?)" if keyword[-1].isalpha() else f"(?i:{body})"


def _element(c: str) -> tuple[str, bool]:
    """The regex of one character of a keyword as :func:`_pattern` writes it, with whether it may be absent."""
    if c.isspace():
        return _SEP, False  # one or more
    if c in _DASHES:
        return _SEP, True
    if c == ".":
        return r"\.", True
    if c in "'’":
        return "['’]", True
    return re.escape(c), False


def _follows(keyword: str) -> str | None:
    """A regex of one character that can come second in a match of :func:`_pattern`'s regex of ``keyword``:
    the next character's, or the one after it where that one may be absent. ``None`` when any character can
    (the first may be absent, or the keyword may end after it)."""
    if _element(keyword[0])[1] or keyword[0].isspace():
        return None
    acronym = not any(c.islower() for c in keyword)
    elements = [_element(c) for c in keyword[1:]]
    if not acronym and re.search(r"[^aeiou]y$", keyword):
        elements[-1] = ("[yi]", False)  # "-y" or "-ies"
    elif acronym:
        elements.append(("s", True))
    elif keyword[-1].isalpha():
        elements.append(("[es]", True))  # "(?:e?s)?"
    seconds: list[str] = []
    for regex, optional in elements:
        seconds.append(regex)
        if not optional:
            either = "|".join(seconds)
            return f"(?:{either})" if acronym else f"(?i:{either})"
    return None


def _compile(keywords: dict[Topic, tuple[str, ...]]) -> tuple[KeywordMatcher, dict[str, Topic], frozenset[str]]:
    """A matcher of every keyword, longest first, each in a named group standing for its topic.

    Also returns the groups whose keyword is a common noun (starts in lowercase). A capitalized
    label ("Energy") whose lowercase form is also a keyword of its topic is that common noun.
    """
    folded = {(fold_same_length(k), t) for t, ks in keywords.items() for k in ks}
    folded -= {(k, t) for k, t in folded if k[0].isupper() and (k[0].lower() + k[1:], t) in folded}
    pairs = sorted(folded, key=lambda kt: (-len(kt[0]), kt[0], kt[1].label))
    by_first: dict[str, list[str]] = defaultdict(list)
    follows: dict[str, list[str | None]] = defaultdict(list)
    for i, (keyword, _) in enumerate(pairs):
        by_first[keyword[0].lower()].append(f"(?P<k{i}>{_pattern(keyword)})")
        follows[keyword[0].lower()].append(_follows(keyword))
    # Grouped by first character, tried only where a word starts with it and the next character can be
    # the keyword's second: see extract.topics.matcher.
    common = frozenset(f"k{i}" for i, (keyword, _) in enumerate(pairs) if keyword[0].islower())
    return KeywordMatcher(by_first, follows=follows), {f"k{i}": t for i, (_, t) in enumerate(pairs)}, common


def load_scheme(path: Path | None = None) -> TopicScheme:
    """Load and check a SKOS topic scheme; the packaged ``data/topics.ttl`` by default (parsed once).

    Raises:
        DataError: the file cannot be parsed as Turtle, or a concept of the
            scheme lacks exactly one English prefLabel.
    """
    return _default_scheme() if path is None else _parse(path)


@lru_cache(maxsize=1)
def _default_scheme() -> TopicScheme:
    return _parse(DATA)


def _parse(path: Path) -> TopicScheme:
    try:
        graph = Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds
        raise DataError(f"{path}: cannot be read as a Turtle topic scheme ({exc})") from None
    topics: dict[Node, Topic] = {}
    for concept in graph.subjects(SKOS.inScheme, None):
        labels = [str(o) for o in graph.objects(concept, SKOS.prefLabel) if getattr(o, "language", None) == "en"]
        if len(labels) != 1:
            raise DataError(f"{path}: concept {concept} needs exactly one English skos:prefLabel, found {labels}")
        topics[concept] = Topic(str(concept), labels[0])
    keywords = {t: tuple(sorted({str(o).strip() for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
                                 for o in graph.objects(c, p)} - {""})) for c, t in topics.items()}
    broader = {t: tuple(sorted((topics[b] for b in graph.objects(c, SKOS.broader) if b in topics),
                               key=lambda b: b.label)) for c, t in topics.items()}
    matcher, by_group, common = _compile(keywords)
    ordered = tuple(sorted(topics.values(), key=lambda t: t.label))
    return TopicScheme(ordered, keywords, broader, matcher, by_group, graph, common)


@lru_cache(maxsize=1024)
def _title_case(line: str) -> bool:
    """A headline or heading in title case: no sentence, most of its content words (four letters or more)
    capitalized. (Asked once per keyword on the line: the answers for recent lines are kept.)"""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(line.split()) <= 20 and not line.rstrip().endswith(".") and len(words) >= 2 \
        and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _in_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalized common-noun keyword at ``start:end`` is part of a proper name.

    "Energy" in "Secretary of Energy Jane Roe", "the Mexican Energy Council" or
    "U.S. Trade Representative" names an office or a body, not the subject.
    It is a name's part when a capitalized word stands next to it (through
    "of", "and", "de" ...), except that the first word of a sentence needs a
    capitalized word right after it; in a title-case heading, or written in
    capitals for emphasis, it is not.
    """
    if not text[start].isupper() or text[start:end].isupper():  # lowercase, or capitals for emphasis
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = len(text) if (e := text.find("\n", end)) < 0 else e
    if _title_case(text[line_start:line_end]):
        return False
    before, after = text[line_start:start], text[end:line_end]
    if _SENTENCE_START.search(before):
        return _WORD_AFTER.match(after) is not None
    return _NAME_BEFORE.search(before) is not None or _NAME_AFTER.match(after) is not None


def find_topics(text: str, scheme: TopicScheme, *, in_names: bool = False) -> list[TopicHit]:
    """Every keyword occurrence in ``text``, in text order; where keywords overlap the longest wins.

    Matching ignores case and accents, except that keywords written in
    capitals ("USMCA", "AI", "IP") match only in capitals; it respects word
    boundaries and accepts simple plurals ("tariff" finds "tariffs"). A common
    noun capitalized inside a proper name ("Department of Energy") is left out
    unless ``in_names``.
    """
    return [TopicHit(scheme.by_group[m.lastgroup or ""], m.start(), m.end(), text[m.start():m.end()])
            for m in scheme.matcher.finditer(fold_same_length(text))
            if in_names or m.lastgroup not in scheme.common or not _in_name(text, m.start(), m.end())]


def sentence_topics(text: str, scheme: TopicScheme) -> list[Topic]:
    """The topics of one sentence (any keyword counts), deduplicated, in order of first mention."""
    return list(dict.fromkeys(hit.topic for hit in find_topics(text, scheme)))


def topic_scores(text: str, scheme: TopicScheme, *, headline: str | None = None) -> dict[Topic, float]:
    """Each mentioned topic's score, the evidence :func:`main_topics` decides on.

    See :func:`extract.topics.weights.weigh_topics`: each sentence naming a
    topic adds 1, more in the headline, the lead or an agenda ("discussed ...").
    """
    return weigh_topics(text, find_topics(text, scheme), scheme, headline=headline).scores


def main_topics(text: str, scheme: TopicScheme, *, headline: str | None = None, max_topics: int = 6,
                min_score: float = 1.5, min_density: float = 0.03, min_lead_ratio: float = 0.1) -> list[Topic]:
    """The few topics ``text`` is substantially about, best first.

    Rule: a topic's score is the number of sentences that name it, the
    headline, the lead and agenda items ("the talks focused on ...") counting
    more (see :func:`extract.topics.weights.weigh_topics`). A topic is kept
    when its score reaches ``min_score`` (a single mention in passing does not;
    one in the headline, the lead or an agenda does), ``min_density`` times
    the number of sentences (a long text needs more to be about something)
    and ``min_lead_ratio`` times the leading topic's score.
    Kept topics are ordered by score, then first mention (the earlier the more
    prominent), and cut to ``max_topics``.
    ``headline`` is the text's headline if known (``None``: found by
    :func:`extract.topics.weights.find_headline`; ``""``: it has none).

    Examples:
        >>> scheme = load_scheme()
        >>> text = ("Tariff talks resume in Monterrey\\nNew tariffs loom. Officials met.\\n"
        ...         "Migrants waited. Officials discussed migrants. A reporter asked about China.")
        >>> [t.label for t in main_topics(text, scheme)]
        ['Tariffs and trade policy', 'Migration']
    """
    found = weigh_topics(text, find_topics(text, scheme), scheme, headline=headline)
    scores = found.scores
    floor = max(min_score, min_density * found.sentences, min_lead_ratio * max(scores.values(), default=0.0))
    keep = [t for t, s in scores.items() if s >= floor]
    keep.sort(key=lambda t: (-scores[t], found.first[t], t.label))
    return keep[:max_topics]
