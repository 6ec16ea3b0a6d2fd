"""Topic weights: how much a text says about each topic it names, from where and how it names it.

A topic is what a text is about when the text keeps coming back to it, puts it
in the headline or the lead, or lists it as an item of what a meeting dealt
with; a word said once in passing is not. This module cuts a text into units
(sentences; a list of short lines is one unit), weighs each unit's topics by
its place and cues, and sums the weights per topic. The cue words are data
(``data/topic_cues.yaml``); :func:`extract.topics.scheme.main_topics` decides on the
scores.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.data_files import read_yaml
from extract.slug import strip_accents

if TYPE_CHECKING:  # extract.topics.scheme imports this module; the types are only needed for hints
    from extract.topics.scheme import Topic, TopicHit, TopicScheme

__all__ = ["TopicWeights", "TopicCues", "load_cues", "fold_same_length", "text_units", "find_headline", "weigh_topics"]

DATA = DATA_DIR / "topic_cues.yaml"
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+")
_TERMINAL = tuple(".!?:;\"”’)…")
_LIST_GAP = re.compile(r"[\s,;/]*(?:[\w'’-]+[\s,;/]+){0,3}")  # between list items: "and", "or", a word or two
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov col gen lt amb jr sr inc corp co ltd no vs st".split())


@dataclass(frozen=True)
class TopicWeights:
    """The evidence for a text's topics: each topic's weight, where it is first named, and how many
    sentences the text has (to judge a weight against the text's length)."""

    scores: dict[Topic, float]
    first: dict[Topic, int]
    sentences: int


@dataclass(frozen=True)
class TopicCues:
    """Compiled cues: agenda words, sector words, and per anchored concept (last IRI segment) its
    anchoring words."""

    agenda: re.Pattern[str]
    sectors: re.Pattern[str]
    anchored: dict[str, re.Pattern[str]]


def fold_same_length(text: str) -> str:
    """Strip accents character by character, so that offsets into ``text`` stay valid.

    >>> fold_same_length("Secretaría de Economía")
    'Secretaria de Economia'
    """
    return text if text.isascii() else text.translate(_FOLDED)


class _FoldTable(dict[int, str]):
    """``str.translate``'s table for :func:`fold_same_length`, filled as characters are met: a character
    whose accents come off into one character becomes it, any other stays."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        folded = self[code] = s if len(s := strip_accents(c)) == 1 else c
        return folded


_FOLDED = _FoldTable()


def _cue_pattern(words: list[str], where: str) -> re.Pattern[str]:
    """One case-insensitive regex of whole cue words; a final ``*`` accepts any ending."""
    if not words or not all(isinstance(w, str) and w.strip("* ") for w in words):
        raise DataError(f"{where}: needs a non-empty list of words")
    alternatives = sorted({r"\s+".join(re.escape(part) for part in strip_accents(w.rstrip("*")).split())
                           + (r"\w*" if w.endswith("*") else "") for w in words}, key=lambda p: (-len(p), p))
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.I)


def load_cues(path: Path | None = None) -> TopicCues:
    """Load and check the cue words; the packaged ``data/topic_cues.yaml`` by default (read once).

    Raises:
        DataError: the file is not YAML of the expected shape (``agenda`` by
            language, ``anchored`` by concept), or a list is empty.
    """
    return _default_cues() if path is None else _read(path)


@lru_cache(maxsize=1)
def _default_cues() -> TopicCues:
    return _read(DATA)


def _read(path: Path) -> TopicCues:
    raw = read_yaml(path, what="topic cues")
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), dict) for k in ("agenda", "sectors", "anchored")):
        raise DataError(f"{path}: needs the mappings 'agenda' and 'sectors' (language -> words) "
                        "and 'anchored' (concept -> words)")
    by_language = {key: [w for lang in sorted(raw[key]) for w in raw[key][lang] or []] for key in ("agenda", "sectors")}
    anchored = {str(k): _cue_pattern(v if isinstance(v, list) else [], f"{path}: anchored.{k}")
                for k, v in sorted(raw["anchored"].items())}
    return TopicCues(_cue_pattern(by_language["agenda"], f"{path}: agenda"),
                     _cue_pattern(by_language["sectors"], f"{path}: sectors"), anchored)


def _logical_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the text's lines, with a hard-wrapped line joined to the next one it runs on into.

    A line runs on when it does not end like a sentence or heading and the next
    line starts in lowercase ("... urged him to drop steel / tariffs that ...").
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    joining = False
    for line in text.splitlines(keepends=True):
        start, end = offset, offset + len(line.rstrip())
        offset += len(line)
        body = text[start:end].strip()
        if joining and body[:1].islower():
            spans[-1] = (spans[-1][0], end)
        elif body:
            spans.append((start, end))
        joining = bool(body) and not body.endswith(_TERMINAL)
    return spans


def text_units(text: str, *, max_item_words: int = 6) -> list[tuple[int, int]]:
    """Spans of the text's sentences; a run of three or more short lines (a list) is one unit."""
    units: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def flush() -> None:
        units.extend([(run[0][0], run[-1][1])] if len(run) >= 3 else run)
        run.clear()

    for start, end in _logical_lines(text):
        body = text[start:end].strip()
        if len(body.split()) <= max_item_words and not body.endswith("."):
            run.append((start, end))
            continue
        flush()
        begin = start
        for m in _SENTENCE_END.finditer(text, start, end):
            word = (text[begin:m.start()].rsplit(None, 1) or [""])[-1]  # "U.S.", "Dr." end no sentence
            if len(word) > 1 and "." not in word and word.lower() not in _ABBREVIATIONS:
                units.append((begin, m.start() + 1))
                begin = m.end()
        units.append((begin, end))
    flush()
    return units


def find_headline(text: str, *, head_lines: int = 8, max_words: int = 25, max_parts: int = 2) -> tuple[int, int]:
    """The span of the text's headline block: up to ``max_parts`` early lines (a masthead or kicker,
    the headline, a deck) of 3 to ``max_words`` words that do not end like a sentence and are not
    datelines; ``(0, 0)`` when the body starts first.
    """
    found: list[tuple[int, int]] = []
    for start, end in _logical_lines(text)[:head_lines]:
        line = text[start:end].strip()
        words = line.split()
        if len(words) > max_words or len(found) == max_parts:
            break
        if len(words) >= 3 and not line.endswith((".", ":")) and not (len(words) <= 8 and _YEAR.search(line)):
            found.append((start, end))
    return (found[0][0], found[-1][1]) if found else (0, 0)


def _headline_span(text: str, headline: str | None) -> tuple[int, int]:
    """Where the given headline stands in the text (found by :func:`find_headline` if ``None``; none if "")."""
    if headline is None:
        return find_headline(text)
    headline = headline.strip()
    start = text.find(headline) if headline else -1
    return (start, start + len(headline)) if start >= 0 else (0, 0)


def _hits_by_unit(units: list[tuple[int, int]], hits: list[TopicHit]) -> list[list[TopicHit]]:
    """The hits (in text order) that start in each unit."""
    by_unit: list[list[TopicHit]] = [[] for _ in units]
    i = 0
    for u, (start, end) in enumerate(units):
        while i < len(hits) and hits[i].start < start:
            i += 1
        while i < len(hits) and hits[i].start < end:
            by_unit[u].append(hits[i])
            i += 1
    return by_unit


def _industry_list(hits: list[TopicHit], folded: str, cues: TopicCues, *, min_items: int = 3,
                   reach: int = 30) -> list[TopicHit]:
    """The hits that form a list of industries: ``min_items`` or more hits in a row, apart only by commas
    and up to three words ("and", "or", "medical"), with a sector word within ``reach`` characters before or after
    ("businesses in sectors including transport, energy and banking"; "the steel, rail and farm sectors").
    """
    runs: list[list[TopicHit]] = []
    for hit in hits:
        if runs and _LIST_GAP.fullmatch(folded[runs[-1][-1].end:hit.start]):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    listed: list[TopicHit] = []
    for run in runs:
        first, last = run[0].start, run[-1].end
        if len(run) >= min_items and (cues.sectors.search(folded[max(0, first - reach):first])
                                      or cues.sectors.search(folded[last:last + reach])):
            listed.extend(run)
    return listed


def _anchor_moves(units: list[tuple[int, int]], by_unit: list[list[TopicHit]], folded: str,
                  scheme: TopicScheme, cues: TopicCues) -> dict[Topic, Topic]:
    """Anchored topics that no sentence anchors, each mapped to the broader topic that takes its hits."""
    moves: dict[Topic, Topic] = {}
    for topic in scheme.topics:
        cue = cues.anchored.get(topic.iri.rstrip("/").rsplit("/", 1)[-1])
        if cue is None or len(scheme.broader[topic]) != 1:
            continue
        if not any(cue.search(folded, start, end) for (start, end), hits in zip(units, by_unit, strict=True)
                   if any(h.topic == topic for h in hits)):
            moves[topic] = scheme.broader[topic][0]
    return moves


def weigh_topics(text: str, hits: list[TopicHit], scheme: TopicScheme, *, headline: str | None = None,
                 title_weight: float = 2.0, lead_weight: float = 1.5, agenda_weight: float = 2.0,
                 lead_sentences: int = 2, lead_min_words: int = 8, list_size: int = 4, min_sectors: int = 3,
                 cues: TopicCues | None = None) -> TopicWeights:
    """Each mentioned topic's weight in ``text``, where it is first named, and the text's sentence count.

    Each unit that names a topic adds 1 however often it repeats it;
    ``title_weight`` if the unit is the headline, ``lead_weight`` if it is one
    of the first ``lead_sentences`` sentences after it that name a topic (of
    ``lead_min_words`` words or more: the lead says what the story is about,
    often after a sentence on who met where), ``agenda_weight`` if the topic
    follows an agenda cue in the same sentence ("the talks focused on ..."),
    the largest that applies. A
    unit that names ``k > list_size`` topics gives each ``list_size / k`` of
    that unless they are agenda items (an enumeration of the sectors present
    says little about each; a list of what was discussed says what the text is
    about). ``min_sectors`` or more topics in a sentence that speaks of sectors
    are such an enumeration wherever they stand. Hits of an anchored topic that no sentence anchors count for its
    broader topic (see ``data/topic_cues.yaml``).
    """
    cues = cues or load_cues()
    folded = fold_same_length(text)
    units = text_units(text)
    head_start, head_end = _headline_span(text, headline)
    by_unit = _hits_by_unit(units, hits)
    moves = _anchor_moves(units, by_unit, folded, scheme, cues)
    scores: dict[Topic, float] = defaultdict(float)
    first: dict[Topic, int] = {}
    lead_left = lead_sentences
    sentences = 0
    for (start, end), unit_hits in zip(units, by_unit, strict=True):
        words = len(text[start:end].split())
        in_title = head_start < head_end and (head_start <= start < head_end or start <= head_start < end)
        in_lead = False
        if not in_title and start >= head_end and words >= lead_min_words and lead_left > 0 and unit_hits:
            in_lead, lead_left = True, lead_left - 1
        sentences += words >= lead_min_words // 2
        agenda = cues.agenda.search(folded, start, end) if unit_hits else None  # read only for a unit's hits
        industries = _industry_list(unit_hits, folded, cues, min_items=min_sectors)
        best: dict[Topic, tuple[float, bool]] = {}  # topic -> (weight, named in the agenda)
        for hit in unit_hits:
            topic = moves.get(hit.topic, hit.topic)
            listed = agenda is not None and agenda.end() <= hit.start and hit not in industries
            weight = max(1.0, title_weight if in_title else 0.0,
                         lead_weight if in_lead and hit not in industries else 0.0, agenda_weight if listed else 0.0)
            best[topic] = max(best.get(topic, (0.0, False)), (weight, listed))
            first.setdefault(topic, hit.start)
        for topic, (weight, listed) in best.items():
            scores[topic] += weight if listed else weight * min(1.0, list_size / len(best))
    return TopicWeights(dict(scores), first, sentences)
