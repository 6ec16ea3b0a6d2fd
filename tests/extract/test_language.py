"""The language of a document (issue 15, item 1): detected from its text by py3langid restricted to the
languages read, overridden by the build's ``language``, checked data, and recorded as ``dcterms:language``
on the document node. Made-up sentences and people; blank pipelines, no model loaded."""
from __future__ import annotations

from typing import Any

import pytest
import spacy
from rdflib import Literal

from extract.errors import DataError, InputError
from extract.reading import Reading
from extract.text.document import Document
from extract.text.language import _check, check_language, detect_language, document_language, language_settings
from extract.triples import document_graph
from extract.vocab import DCTERMS

SPANISH = [
    "La Secretaría de Economía informó que la subsecretaria Lucía Ferrer sostuvo un encuentro con empresarios.",
    "MONTERREY, NL.- El gobernador se reunió este jueves con una delegación de la cámara de comercio texana.",
    "Ciudad de México, a 3 de marzo de 2022. Comunicado 45/22. Concluye visita de trabajo a Washington.",
    "Los exportadores de aguacate pidieron al gobierno federal revisar los aranceles, señaló el dirigente.",
]
ENGLISH = [
    "The Department of Commerce said Deputy Secretary Ruth Calder met business leaders in Laredo on Monday.",
    "WASHINGTON, March 3, 2022 - A delegation of Mexican exporters concluded a working visit to the capital.",
    "Avocado growers asked the federal government to review the tariffs, the association's chair said.",
    # an English release naming Mexican bodies in Spanish is still English
    "In Mexico City, officials of the Secretaría de Economía told reporters that the talks with the visiting "
    "delegation had gone well and would continue next month.",
]


@pytest.mark.parametrize("text", SPANISH)
def test_spanish_text_is_spanish(text: str) -> None:
    assert detect_language(text) == "es"


@pytest.mark.parametrize("text", ENGLISH)
def test_english_text_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["", "   \n", "2024-05-02 | 10:00 | #45"])
def test_a_text_without_words_is_read_as_the_default_language(text: str) -> None:
    assert detect_language(text) == language_settings().default == "en"


@pytest.mark.parametrize(("given", "expected"), [(None, "es"), ("auto", "es"), ("es", "es"), ("en", "en")])
def test_the_language_given_wins_over_the_detected_one(given: str | None, expected: str) -> None:
    assert document_language(SPANISH[0], given) == expected


@pytest.mark.parametrize("given", ["fr", "EN", "spanish", ""])
def test_an_unknown_language_is_an_input_error_naming_the_accepted_ones(given: str) -> None:
    with pytest.raises(InputError, match="auto"):
        check_language(given)


@pytest.mark.parametrize("raw", [
    None, {"languages": []}, {"languages": ["en"], "detect_chars": 0},
    {"languages": ["en"], "detect_chars": 10, "models": {"fr": ["fr_core_news_sm"]}},
    {"languages": ["en"], "detect_chars": 10, "entity_labels": ["PER"]},
])
def test_a_broken_languages_file_is_a_data_error(raw: Any) -> None:
    with pytest.raises(DataError):
        _check(raw)


def test_the_shipped_languages_file_names_a_model_and_an_install_hint_for_spanish() -> None:
    settings = language_settings()
    assert settings.languages[:2] == ("en", "es")
    assert settings.models["es"] and settings.install["es"]
    assert settings.entity_labels["es"]["PER"] == "PERSON"


@pytest.mark.parametrize(("text", "given", "expected"), [
    (SPANISH[1], None, "es"), (ENGLISH[0], None, "en"), (SPANISH[1], "en", "en"), (ENGLISH[0], "es", "es"),
])
def test_the_document_node_records_the_language_it_was_read_as(text: str, given: str | None,
                                                               expected: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    document = Document("t.txt", "t", text, published="2022-03-03")
    reading = Reading.of(nlp(text), document, language=given)
    assert reading.language == expected
    graph = document_graph(nlp(text), document, language=given)
    assert [str(o) for o in graph.objects(None, DCTERMS.language)] == [expected]
    assert (None, DCTERMS.language, Literal(expected)) in graph
