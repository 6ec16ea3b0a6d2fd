"""Companies named in lists: the names after "companies including", "executives from", "CEO of".

The genre names the firms at a business meeting in one breath ("joined by executives from companies
including A, B, C and D"), and the statistical NER takes half of such names for people or places, or
misses them. The phrase before a list says what its items are, listed or not, real or made up; this
module reads that grammar, and also names marked as companies by their legal form ("Acme Freight,
LLC"). The trigger phrases and word lists are data (``data/company_lists.yaml``).

>>> import spacy
>>> from extract.reference.institutions import load_institutions
>>> from extract.reference.lexicon import load_lexicon
>>> doc = spacy.blank("en")("She met executives from Quarzo Labs, Tellan Foods and Brisa.")
>>> [m.text for m in companies_named(doc, [], load_lexicon(), load_institutions())]
['Quarzo Labs', 'Tellan Foods', 'Brisa']
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.tokens import Doc, Span, Token

from extract import DATA_DIR
from extract.errors import DataError
from extract.mentions import Mention
from extract.reference.data_files import read_yaml
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.text.clutter import in_spans
from extract.text.dates import MONTH_NAMES, WEEKDAYS
from extract.text.document import token_lowers, token_starts

if TYPE_CHECKING:
    from extract.reading import Reading

DATA = DATA_DIR / "company_lists.yaml"
SOURCE = "company_list"  # the ``Mention.source`` of what this module finds
MAX_NAME_TOKENS = 8
_SEPARATORS = {",", "and", ";", "or"}
_KEYS = ("group_nouns", "connectors", "people_nouns", "people_prepositions", "single_triggers", "inner_words",
         "legal_suffixes", "name_suffixes", "not_company_words")


@dataclass(frozen=True)
class Grammar:
    """Trigger phrases as lowercased token tuples, by their first token; the word lists."""

    list_triggers: dict[str, tuple[tuple[str, ...], ...]]
    single_triggers: dict[str, tuple[tuple[str, ...], ...]]
    inner_words: frozenset[str]
    legal_suffixes: tuple[tuple[str, ...], ...]
    name_suffixes: tuple[tuple[str, ...], ...]
    not_company_words: frozenset[str]

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """The first words of all triggers: where none stands, no trigger starts."""
        return frozenset(self.list_triggers) | frozenset(self.single_triggers)

    @cached_property
    def name_suffix_words(self) -> frozenset[str]:
        """The first words of the suffixes that mark a company anywhere."""
        return frozenset(words[0] for words in self.name_suffixes)

    def trigger_at(self, doc: Doc, i: int) -> tuple[int, bool] | None:
        """(index after the trigger, whether a list may follow) for a trigger starting at token ``i``."""
        first = doc[i].lower_
        for table, many in ((self.list_triggers, True), (self.single_triggers, False)):
            for phrase in table.get(first, ()):
                end = i + len(phrase)
                if end <= len(doc) and tuple(t.lower_ for t in doc[i:end]) == phrase:
                    return end, many
        return None


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t.lower_ for t in _tokenizer()(phrase))


@lru_cache(maxsize=1)
def _tokenizer() -> spacy.tokenizer.Tokenizer:
    return spacy.blank("en").tokenizer


def _by_first(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted({_words(p) for p in phrases}, key=lambda w: (-len(w), w)):  # longest first
        table.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in table.items()}


def _longest_first(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({_words(str(p)) for p in phrases}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=2)
def load_grammar(path: Path = DATA) -> Grammar:
    """Load and check ``company_lists.yaml``."""
    raw = read_yaml(path)
    if not isinstance(raw, dict) or any(not isinstance(raw.get(k), list) or not raw[k] for k in _KEYS):
        raise DataError(f"{path}: needs non-empty lists {', '.join(_KEYS)}")
    lists = [f"{n} {c}" for n in raw["group_nouns"] for c in raw["connectors"]]
    lists += [f"{n} {p}" for n in raw["people_nouns"] for p in raw["people_prepositions"]]
    return Grammar(list_triggers=_by_first(lists), single_triggers=_by_first([str(p) for p in raw["single_triggers"]]),
                   inner_words=frozenset(str(w).lower() for w in raw["inner_words"]),
                   legal_suffixes=_longest_first(raw["legal_suffixes"]),
                   name_suffixes=_longest_first(raw["name_suffixes"]),
                   not_company_words=frozenset(str(w).lower() for w in raw["not_company_words"]))


def _capitalized(tok: Token) -> bool:
    return any(c.isupper() for c in tok.text) or (tok.text[0].isdigit() and any(c.isalpha() for c in tok.text))


def _breaks(doc: Doc, i: int, sentence_end: int) -> bool:
    """A list does not run past its sentence or a line break."""
    return i >= sentence_end or doc[i].is_space or (i > 0 and "\n" in doc[i - 1].whitespace_)


def _suffix_at(doc: Doc, i: int, grammar: Grammar, end: int, names: bool = False) -> int:
    """The index after a legal-form suffix starting at ``i`` ("Inc.", "S.A. de C.V."), else ``i``;
    ``names``: only the suffixes that mark a company anywhere."""
    suffixes = grammar.name_suffixes if names else grammar.legal_suffixes
    first = doc[i].lower_ if i < end else ""
    for words in suffixes:  # longest first; the first word rules most out before any slicing
        if words[0] == first and i + len(words) <= end \
                and all(doc[i + k].lower_ == word for k, word in enumerate(words)):
            return i + len(words)
    return i


def _name_end(doc: Doc, i: int, grammar: Grammar, end: int) -> int:
    """The index after the capitalized name starting at ``i`` (``i`` when none starts there)."""
    j = i
    while j < end and not (j > i and _breaks(doc, j, end)):
        if _capitalized(doc[j]):
            j += 1
        elif j > i and doc[j].lower_ in grammar.inner_words and j + 1 < end and _capitalized(doc[j + 1]) \
                and not _breaks(doc, j + 1, end):
            j += 1
        else:
            break
    return i if j - i > MAX_NAME_TOKENS else j


def _items(doc: Doc, start: int, end: int, *, many: bool, grammar: Grammar,
           listed: dict[int, int]) -> list[tuple[int, int]]:
    """Token ranges of the names in the list starting at ``start`` (a listed mention counts whole)."""
    items: list[tuple[int, int]] = []
    i = start
    while i < end:
        if doc[i].lower_ == "the" and i + 1 < end and _capitalized(doc[i + 1]):
            i += 1
        stop = listed.get(i) or _name_end(doc, i, grammar, end)
        if stop == i:
            break
        if stop + 1 < end and doc[stop].lower_ == ",":  # "Localism, Inc": a legal form ends the name
            suffix = _suffix_at(doc, stop + 1, grammar, end)
            stop = suffix if suffix > stop + 1 else stop
        items.append((i, stop))
        if not many:
            break
        i = stop
        while i < end and not _breaks(doc, i, end) and doc[i].lower_ in _SEPARATORS:
            i += 1
        if i == stop:
            break
    return items


def _is_company_name(span: Span, lex: Lexicon, grammar: Grammar) -> bool:
    text = span.text.strip()
    low = text.lower()
    if low in lex.places or low in lex.nationalities or low in lex.country_words or low in lex.titles \
            or low in lex.not_actors or text in MONTH_NAMES or low in WEEKDAYS:
        return False
    if any(t.lower_ in grammar.not_company_words for t in span) or any(t.lower_ in lex.titles for t in span[1:]):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return not (nxt is not None and nxt.tag_ == "POS" or nxt is not None and nxt.text in {"'s", "’s"})


def _suffixed(doc: Doc, grammar: Grammar, lex: Lexicon) -> list[Span]:
    """Names closed by a legal form ("Acme Freight, LLC"): the capitalized words back to the previous
    lowercase word, punctuation or line (never across "of": "Ana Ruiz of Acme LLC"), titles dropped."""
    out = []
    lowers, firsts = token_lowers(doc), grammar.name_suffix_words
    for i in range(1, len(doc)):
        if lowers[i] not in firsts:  # no suffix starts here (what _suffix_at would find)
            continue
        end = _suffix_at(doc, i, grammar, len(doc), names=True)
        if end == i:
            continue
        stop = i - 1 if doc[i - 1].text == "," else i
        first = stop
        while first > 0 and not _breaks(doc, first, len(doc)) and not doc[first].is_sent_start \
                and (_capitalized(doc[first - 1]) or doc[first - 1].lower_ in grammar.inner_words - {"of"}
                     and first > 1 and _capitalized(doc[first - 2])):
            first -= 1
        while first < stop and (doc[first].lower_ in lex.titles or doc[first].lower_ in lex.honorifics
                                or not _capitalized(doc[first])):
            first += 1
        if first < stop and stop - first <= MAX_NAME_TOKENS:
            out.append(doc[first:end])
    return out


def _sentence_end(doc: Doc, i: int) -> int:
    return doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)


def _lists(doc: Doc, mentions: list[Mention], grammar: Grammar, lex: Lexicon,
           clutter: list[tuple[int, int]] | None) -> list[list[Span]]:
    """The names after each trigger, as spans (a mention of a listed institution counts whole)."""
    by_start = token_starts(doc)
    listed: dict[int, int] = {}
    for m in mentions:
        if m.institution and m.start in by_start and (span := doc.char_span(m.start, m.end)) is not None:
            listed[span.start] = span.end
    out = []
    lowers, firsts = token_lowers(doc), grammar.trigger_words
    for i in range(len(doc)):
        if lowers[i] not in firsts:  # no trigger starts here (what trigger_at would find)
            continue
        found = grammar.trigger_at(doc, i)
        if found is not None and not in_spans(doc[i].idx, clutter or []):
            after, many = found
            items = _items(doc, after, _sentence_end(doc, i), many=many, grammar=grammar, listed=listed)
            out.append([doc[a:b] for a, b in items])
    out += _mixed_lists(doc, mentions, grammar, listed, clutter)
    return out + [[span] for span in _suffixed(doc, grammar, lex)
                  if span.start not in listed and not in_spans(span.start_char, clutter or [])]


def _mixed_lists(doc: Doc, mentions: list[Mention], grammar: Grammar, listed: dict[int, int],
                 clutter: list[tuple[int, int]] | None) -> list[list[Span]]:
    """Lists that say what they are by their items: in "A Energy, B Lab, C Farma, D Protection and E",
    when a third of the names (two at least) are organizations already, the others are too. A name a person's
    mention of two words or more covers keeps its reading."""
    orgs = {(m.start, m.end) for m in mentions if m.kind == "org"}
    people = [(m.start, m.end) for m in mentions if m.kind == "person" and len(m.text.split()) >= 2]
    by_start = token_starts(doc)
    out: list[list[Span]] = []
    covered = -1
    for m in sorted(mentions, key=lambda m: m.start):
        i = by_start.get(m.start)
        if m.kind != "org" or i is None or i <= covered or in_spans(m.start, clutter or []):
            continue
        items = [doc[a:b] for a, b in _items(doc, i, _sentence_end(doc, i), many=True, grammar=grammar, listed=listed)]
        known = sum((s.start_char, s.end_char) in orgs for s in items)
        if len(items) >= 3 and known >= 2 and known * 3 >= len(items):
            covered = items[-1].end
            out.append([s for s in items if not any(a < s.end_char and s.start_char < b for a, b in people)])
    return out


def companies_named(doc: Doc, mentions: list[Mention], lex: Lexicon, inst: InstitutionList, *,
                    clutter: list[tuple[int, int]] | None = None, grammar: Grammar | None = None) -> list[Mention]:
    """New company mentions for the names in company contexts; names the institution list knows keep
    their own mention (none is made), people with a title next to them stay people."""
    grammar = grammar or load_grammar()
    listed = {(m.start, m.end) for m in mentions if m.institution}
    titled = [(m.start, m.end) for m in mentions if m.kind == "person" and m.titled]
    out: list[Mention] = []
    for names in _lists(doc, mentions, grammar, lex, clutter):
        for span in names:
            start, end = span.start_char, span.end_char
            if (start, end) in listed or not _is_company_name(span, lex, grammar) \
                    or any(s < end and start < e for s, e in titled):
                continue
            known = inst.lookup(span.text)
            sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
            out.append(Mention("org", span.text, start, end, sent.start_char, sent.end_char,
                               institution=known.id if known else None, source=SOURCE))
    return sorted({(m.start, m.end): m for m in out}.values(), key=lambda m: (m.start, m.end))


def with_company_lists(reading: Reading, *, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the companies named in lists added, in place of the unlisted mentions they
    overlap (a list item the NER took for a person or a place, or ran into its neighbour). In a list,
    "IBM, Acme" is two names, not an acronym and its definition: such a reading is undone."""
    doc, lex, inst, clutter = reading.doc, reading.lexicon, reading.institutions, reading.clutter
    found = companies_named(doc, mentions, lex, inst, clutter=clutter)
    neighbour = {b.start_char: a.text for names in _lists(doc, mentions, load_grammar(), lex, clutter)
                 for a, b in itertools.pairwise(names)}
    kept = [replace(m, acronym=None) if m.acronym and neighbour.get(m.start) == m.acronym else m
            for m in mentions if m.institution or not any(c.start < m.end and m.start < c.end for c in found)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


__all__ = ["companies_named", "with_company_lists", "load_grammar", "Grammar", "SOURCE"]
