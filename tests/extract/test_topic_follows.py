"""Each keyword is tried only where the text's next character can be its second (extract.topics.matcher's
``follows``, written by extract.topics.scheme._follows), and the matches stay those of trying every keyword.

All texts are made up.
"""
from __future__ import annotations

import re

import pytest

from extract.topics.matcher import KeywordMatcher
from extract.topics.scheme import _follows, _pattern, load_scheme
from extract.topics.weights import fold_same_length

TEXTS = [
    "Tariffs on steel, the USMCA review and usmca talks; attariff is no word, nor steelworks.",
    "Nearshoring: supply-chain and supply chains; the U.S.-Mexico border. Migrants, migration!",
    "(Energy) policy at the Department of Energy; ENERGY in capitals; semiconductors' plants",
    "Secretaría de Economía y aranceles; acero y aluminio; Banco de México; 5G and AI, ai, IP, IPs.",
    "TARIFFS AND TRADE; Tariff Talks; e-commerce, ecommerce, E-Commerce; t; a",
    "…Tariffs—steel—aluminum—autos… “migration” 'China' [CBP] {nearshoring} 2026 review, industries, industry",
]


@pytest.mark.parametrize("keyword,follows", [
    ("tariff", "(?i:a)"),
    ("USMCA", "(?:S)"),
    ("u.s.", r"(?i:\.|s)"),  # the period may be left out
    ("e-commerce", r"(?i:[\s\-‐‑‒–—]|c)"),
    ("free trade", "(?i:r)"),
    ("ally", "(?i:l)"),
    ("by", "(?i:[yi])"),  # 'by', 'bies'
    ("ay", "(?i:y)"),
    ("AI", "(?:I)"),
    ("A", None),  # may end after its first letter: any next character
    ("t", None),
    (".net", None),  # its first character may be absent
])
def test_follows_is_the_regex_of_a_keywords_possible_second_character(keyword, follows):
    assert _follows(keyword) == follows


@pytest.mark.parametrize("keyword", ["tariff", "USMCA", "u.s.", "e-commerce", "free trade", "industry", "AI"])
@pytest.mark.parametrize("text", TEXTS)
def test_a_keywords_match_starts_with_a_character_it_allows_second(keyword, text):
    follows = _follows(keyword)
    for m in re.finditer(rf"(?<!\w){_pattern(keyword)}(?!\w)", fold_same_length(text)):
        assert follows is None or re.fullmatch(follows, text[m.start() + 1:m.start() + 2])


@pytest.mark.parametrize("text", TEXTS)
def test_the_schemes_matcher_finds_what_trying_every_keyword_finds(text):
    matcher = load_scheme().matcher
    every = KeywordMatcher({c: matcher._alternatives[c] for c in matcher._alternatives if c == c.lower()})
    folded = fold_same_length(text)
    expected = [(m.lastgroup, m.start(), m.end()) for m in every.finditer(folded)]
    assert [(m.lastgroup, m.start(), m.end()) for m in matcher.finditer(folded)] == expected
    assert expected


def test_a_keyword_is_not_tried_where_the_next_character_cannot_be_its_second():
    alternatives = {"s": ["(?P<a>(?i:steel plants?))", "(?P<b>(?i:steel))"]}
    told = KeywordMatcher(alternatives, follows={"s": ["(?i:x)", "(?i:t)"]})  # 'a' said to need an 'x' second
    assert [m.lastgroup for m in told.finditer("steel plants")] == ["b"]
    assert [m.lastgroup for m in KeywordMatcher(alternatives).finditer("steel plants")] == ["a"]


def test_follows_must_give_one_entry_per_keyword():
    with pytest.raises(ValueError, match="one entry per keyword"):
        KeywordMatcher({"s": ["(?P<a>steel)"]}, follows={"s": []})
