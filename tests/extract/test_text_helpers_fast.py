"""The fast forms of small text helpers give what their plain forms gave (made-up names)."""
from __future__ import annotations

import unicodedata

import pytest

from extract.mentions.person_context import titled
from extract.reference.lexicon import load_lexicon
from extract.slug import fold, strip_accents
from extract.topics.weights import fold_same_length
from tests.handmade import handmade

SAMPLES = ["Ana Ruiz", "Secretaría de Economía", "ﬁnal Ｍéxico ½ Ǆ", "İstanbul ß", "The U.S.’s", "", "São Paulo’s"]


def _plain_strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize("text", SAMPLES)
def test_strip_accents_and_fold_as_before(text):
    assert strip_accents(text) == _plain_strip(text)
    assert fold(text) == fold.__wrapped__(text) == fold(text)


@pytest.mark.parametrize("text", SAMPLES)
def test_fold_same_length_folds_character_by_character(text):
    expected = "".join(s if len(s := _plain_strip(c)) == 1 else c for c in text)
    assert fold_same_length(text) == expected and len(fold_same_length(text)) == len(text)


def test_lexicon_title_forms_are_its_titles_and_honorifics():
    lex = load_lexicon()
    assert set(lex.title_forms) == set(lex.titles) and set(lex.honorific_forms) == set(lex.honorifics)
    assert lex.title_forms is lex.title_forms  # built once
    assert lex.not_name_words == (lex.org_heads | lex.portfolio_words | lex.event_words | set(lex.titles)
                                  | set(lex.nationalities) | lex.places)


@pytest.mark.parametrize(("text", "start", "expected"), [
    ("the trade minister Ana Ruiz arrived", 3, True),
    ("Dr. Ana Ruiz arrived", 1, True),
    ("a fishmonger Ana Ruiz arrived", 2, False),
])
def test_titled_reads_a_title_or_honorific_before_a_name(text, start, expected):
    doc = handmade(text)
    assert titled(doc, start, start + 2, load_lexicon()) is expected
