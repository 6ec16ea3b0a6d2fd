"""The topic scheme's keyword matcher finds what one regex of all its keywords finds (extract.topics.matcher).

All texts are made up.
"""
from __future__ import annotations

import re

import pytest

from extract.topics.matcher import KeywordMatcher
from extract.topics.scheme import _compile, load_scheme
from extract.topics.weights import fold_same_length


def _one_regex(matcher: KeywordMatcher) -> re.Pattern[str]:
    """The single regex the matcher stands for: a lookahead per first letter, that letter's keywords in order."""
    lowercase = sorted(c for c in matcher.by_char if c == c.lower())
    branches = "|".join(f"(?={re.escape(c)}|{re.escape(c.upper())})(?:{_alternatives(matcher.by_char[c])})"
                        for c in lowercase)
    return re.compile(rf"(?<!\w)(?:{branches})(?!\w)")


def _alternatives(pattern: re.Pattern[str]) -> str:
    return pattern.pattern[len(r"(?<!\w)(?:"):-len(r")(?!\w)")]


TEXTS = [
    "Tariffs on steel, the USMCA review and usmca talks; attariff is no word, nor steelworks.",
    "Nearshoring: supply-chain and supply chains; the U.S.-Mexico border. Migrants, migration!",
    "tariff",
    "(Energy) policy at the Department of Energy; ENERGY in capitals; semiconductors' plants",
    "Secretaría de Economía y aranceles; acero y aluminio; Banco de México; 5G and AI, ai, IP.",
    "",
    "…Tariffs—steel—aluminum—autos… “migration” 'China' [CBP] {nearshoring} 2026 review",
]


@pytest.mark.parametrize("text", TEXTS)
def test_keyword_matcher_matches_as_one_regex_of_all_keywords(text):
    matcher = load_scheme().matcher
    folded = fold_same_length(text)
    expected = [(m.lastgroup, m.start(), m.end()) for m in _one_regex(matcher).finditer(folded)]
    assert [(m.lastgroup, m.start(), m.end()) for m in matcher.finditer(folded)] == expected
    assert expected or not text.strip("…")  # every text but the empty one names some keyword


def test_keyword_matcher_takes_the_first_keyword_of_a_letter_that_matches_and_skips_inside_it():
    matcher = KeywordMatcher({"s": ["(?P<a>(?i:steel plants?))", "(?P<b>(?i:steel))"],
                              "p": ["(?P<c>(?i:plants?))"]})
    found = [(m.lastgroup, m.group()) for m in matcher.finditer("Steel plants, steel, plant; steelplant.")]
    assert found == [("a", "Steel plants"), ("b", "steel"), ("c", "plant")]


def test_keyword_matcher_with_no_keywords_finds_nothing():
    assert list(KeywordMatcher({}).finditer("steel")) == []


@pytest.mark.parametrize("key", ["S", "st", "ß"])
def test_keyword_matcher_rejects_groups_not_keyed_by_one_lowercase_character(key):
    with pytest.raises(ValueError, match="one lowercase character"):
        KeywordMatcher({key: ["(?P<a>x)"]})


def test_scheme_compiles_into_a_keyword_matcher():
    matcher, by_group, common = _compile(load_scheme().keywords)
    assert isinstance(matcher, KeywordMatcher) and set(by_group) >= common
