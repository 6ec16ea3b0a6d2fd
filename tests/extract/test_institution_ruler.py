"""The institution ruler finds what spaCy's EntityRuler finds, without running the token Matcher on exact texts;
and the line-break component marks sentence starts as its token-by-token form did.

Every name here is made up.
"""
from __future__ import annotations

import bisect
import re
from typing import cast

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from extract.text import pipeline
from extract.text.institution_ruler import InstitutionRuler, exact_words

PATTERNS = [
    {"label": "ORG", "pattern": "Banco Ficticio", "id": "x-bank"},
    {"label": "ORG", "pattern": "Banco Ficticio de Fomento", "id": "x-bank-dev"},
    {"label": "ORG", "pattern": [{"TEXT": "BF"}], "id": "x-bank"},
    {"label": "ORG", "pattern": [{"TEXT": "BFF"}], "id": "x-fund"},
    {"label": "ORG", "pattern": [{"ORTH": "BFF"}], "id": "x-other-fund"},  # one acronym, two bodies
    {"label": "ORG", "pattern": "bff", "id": "x-other-fund"},
    {"label": "ORG", "pattern": [{"ORTH": "Fomento"}, {"ORTH": "Nube"}], "id": "x-cloud"},
    {"label": "GPE", "pattern": [{"TEXT": "Villa"}, {"TEXT": "Quieta"}]},  # no id
]
TEXTS = [
    "BF and the Banco Ficticio de Fomento Nube met BFF, bff and Bff in Villa Quieta.",
    "the banco ficticio said BF BF BFF; Fomento Nube, Villa Quieta Villa Quieta.",
    "Nothing here is a body, not bf nor villa quieta.",
    "",
]


def _ruler_pipe(factory: str, patterns: list[dict]) -> Language:
    nlp = spacy.blank("en")
    ruler = cast(EntityRuler, nlp.add_pipe(factory, config={"phrase_matcher_attr": "LOWER"}))
    ruler.add_patterns(patterns)
    return nlp


@pytest.mark.parametrize("patterns", [PATTERNS, PATTERNS + [{"label": "ORG", "pattern": [{"LOWER": "nube"}]}]],
                         ids=["exact texts only", "with a Matcher pattern"])
@pytest.mark.parametrize("text", TEXTS)
def test_institution_ruler_finds_what_the_entity_ruler_finds(patterns, text):
    stock, ours = _ruler_pipe("entity_ruler", patterns), _ruler_pipe("tg_institution_ruler", patterns)
    expected = [(e.start, e.end, e.label_, e.ent_id_) for e in stock(text).ents]
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in ours(text).ents] == expected
    assert stock.get_pipe("entity_ruler").match(stock.make_doc(text)) \
        == ours.get_pipe("tg_institution_ruler").match(ours.make_doc(text))


def test_institution_ruler_does_not_run_the_matcher_on_exact_texts(monkeypatch):
    nlp = _ruler_pipe("tg_institution_ruler", PATTERNS)
    ruler = nlp.get_pipe("tg_institution_ruler")
    assert isinstance(ruler, InstitutionRuler)
    monkeypatch.setattr(ruler, "matcher", None)  # calling it would fail
    assert [e.text for e in nlp("BF met Villa Quieta.").ents] == ["BF", "Villa Quieta"]
    ruler.clear()
    ruler.add_patterns([{"label": "ORG", "pattern": [{"TEXT": "Nube"}]}])
    assert [e.text for e in nlp("BF met Nube.").ents] == ["Nube"]


@Language.component("tg_test_counted")
def _counted(doc: Doc) -> Doc:
    """A component that notes the texts it sees (in a list on the function)."""
    _counted.seen.append(doc.text)
    return doc


@pytest.mark.parametrize(("attr", "runs_before"), [("LOWER", False), ("ORTH", False), ("NORM", True)])
def test_phrases_on_a_lexical_attribute_are_made_by_the_tokenizer_alone(attr, runs_before):
    _counted.seen = []
    nlp = spacy.blank("en")
    nlp.add_pipe("tg_test_counted")
    ruler = cast(EntityRuler, nlp.add_pipe("tg_institution_ruler", config={"phrase_matcher_attr": attr}))
    ruler.add_patterns(PATTERNS)
    assert bool(_counted.seen) is runs_before  # NORM may be set by a component (an attribute ruler)
    assert nlp.pipe_names == ["tg_test_counted", "tg_institution_ruler"]  # every component on again
    if attr == "LOWER":
        assert [e.text for e in nlp("BF met the banco ficticio.").ents] == ["BF", "banco ficticio"]


def test_pipeline_institution_ruler_is_the_fast_one():
    nlp = spacy.blank("en")
    pipeline.add_institution_ruler(nlp)
    assert isinstance(nlp.get_pipe("tg_institutions"), InstitutionRuler)


@pytest.mark.parametrize(("pattern", "words"), [
    ([{"TEXT": "CN"}, {"ORTH": "Rail"}], ["CN", "Rail"]),
    ([{"LOWER": "cn"}], None),
    ([{"TEXT": "CN", "POS": "PROPN"}], None),
    ([{"TEXT": {"IN": ["CN"]}}], None),
    ([{"TEXT": "CN", "OP": "?"}], None),
    ([], None),
    ("CN Rail", None),
])
def test_exact_words_only_for_patterns_of_exact_texts(pattern, words):
    assert exact_words(pattern) == words


def _line_breaks_token_by_token(doc: Doc) -> Doc:
    """The component as it was written before it read arrays: the reference it must agree with."""
    for ent in doc.ents:
        if ent.label_ in pipeline.NAME_LABELS:
            for tok in ent[1:]:
                tok.is_sent_start = False
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if before.text in pipeline.ADDRESS_ABBREVIATIONS or (before.is_alpha and "\n" not in before.whitespace_):
            tok.is_sent_start = False
    starts = doc.to_array("IDX").tolist()
    for newline in re.finditer(r"\n\s*", doc.text):
        i = bisect.bisect_left(starts, newline.end())
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


@pytest.mark.parametrize(("words", "ents", "sent_starts"), [
    (["Dr.", "Ana", "Ruiz", "met", "Lic.", "Luis", "Gil", "."], [("PERSON", 1, 3), ("PERSON", 5, 7)], None),
    (["Lazos", "Unidos", "Asociación", "\n", "Sra.", "Eva", "Paz", "\n\n", "Habló", "."],
     [("ORG", 0, 3), ("PERSON", 5, 7)], [True] * 10),
    (["Un", "acuerdo", "2025", ",", "dijo", "Mr.", "X", "\n", "\n", "Fin"], [("DATE", 2, 3)], [None] * 10),
    (["Met", "J.", "R.", "Doe", "of", "3M", "Company", "."], [("PERSON", 1, 4), ("ORG", 5, 7)], [True] * 8),
    (["Word"], [], None),
])
def test_line_breaks_component_agrees_with_its_token_by_token_form(words, ents, sent_starts):
    def doc() -> Doc:
        spaces = [not w.startswith("\n") and i + 1 < len(words) and not words[i + 1].startswith("\n")
                  for i, w in enumerate(words)]
        iob = ["O"] * len(words)
        for label, start, end in ents:
            iob[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
        return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=sent_starts, ents=iob)
    expected = [t.is_sent_start for t in _line_breaks_token_by_token(doc())]
    assert [t.is_sent_start for t in pipeline.line_breaks(doc())] == expected


def test_line_breaks_component_leaves_an_empty_doc_alone():
    assert len(pipeline.line_breaks(spacy.blank("en").make_doc(""))) == 0
