"""A Span's text cut from the Doc's text is the Span's own ``text`` (extract.text.document.span_text), each
token's capital read from the Doc's text is ``cap`` of it (token_caps), and a
speech verb's answer is the same asked once or again, in any case (Lexicon.is_speech).

All texts are made up.
"""
from __future__ import annotations

import pytest
import spacy

from extract.reference.lexicon import load_lexicon
from extract.roles.titles import cap
from extract.text.document import span_text, token_caps

TEXTS = [
    "Ana Ruiz met Luis Gil in Monterrey.  She said: “the talks went well”.\n\nNext line\twith a tab ",
    "Secretaría de Economía — “Ñandú” 𝔘nicode x.\n- a list item\n",
    "one",
]


@pytest.mark.parametrize("text", TEXTS)
def test_span_text_is_the_spans_text(text):
    doc = spacy.blank("en")(text)
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, len(doc) + 1)]
    assert spans and all(span_text(span) == span.text for span in spans)


@pytest.mark.parametrize("word,speech", [("said", True), ("Said", True), ("SAID", True), ("noted", True),
                                         ("notes", True), ("told", True), ("table", False), ("Monterrey", False)])
def test_is_speech_answers_the_same_each_time(word, speech):
    lex = load_lexicon()
    assert lex.is_speech(word) is speech
    assert lex.is_speech(word) is speech  # the kept answer
    assert lex.is_speech(word.swapcase()) is speech


@pytest.mark.parametrize("text", TEXTS)
def test_token_caps_is_cap_of_each_token(text):
    doc = spacy.blank("en")(text)
    assert token_caps(doc) == [cap(t) for t in doc]
