"""The hand-built Doc factory (tests/handmade.py): its examples, and the mistakes it refuses."""
from __future__ import annotations

import doctest

import pytest

import tests.handmade
from tests.handmade import handmade, parsed


def test_examples_run():
    result = doctest.testmod(tests.handmade)
    assert result.attempted and not result.failed


@pytest.mark.parametrize("build,complaint", [
    (lambda: handmade("Ana Ruiz spoke .", tags="NNP NNP VBD"), "tags: 3 values for 4 words"),
    (lambda: handmade("Ana Ruiz spoke .", heads=[1, 2, 2]), "heads: 3 values for 4 words"),
    (lambda: handmade("Ana spoke", heads=[1, 1]), "heads need deps"),
    (lambda: parsed("Ana PROPN NNP nsubj\nspoke VERB VBD ROOT 1"), "a row is 'word POS TAG DEP HEAD"),
])
def test_mistakes_are_refused(build, complaint):
    with pytest.raises(ValueError, match=complaint):
        build()


def test_spaces_follow_english_punctuation():
    assert handmade("Acme Foods ’s ( new ) plan , said Ana .").text == "Acme Foods’s (new) plan, said Ana."
