"""Spanish words the recognisers take for names (issue 15, item 3, the lexical part): openers, articles, title
phrases, common words matched as listed bodies and the Spanish "EU" are no entities of a Spanish document,
and Spanish writes a country inside a body's name in several ways. Hand-built Spanish Docs (a blank Spanish
pipeline) with made-up people; the data file is checked once."""
from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

from extract.errors import DataError
from extract.mentions.spanish import spanish_entities
from extract.reading import Reading
from extract.reference.institutions import load_institutions
from extract.reference.spanish_words import _check, spanish_variants
from extract.text.document import Document

NLP = spacy.blank("es")


def doc_with(text: str, ents: list[tuple[str, int, int]], listed: dict[int, str] | None = None) -> Doc:
    """A Spanish Doc with the given entities (``listed``: entity index -> institution id, as the ruler sets)."""
    doc = NLP.make_doc(text)
    spans = []
    for n, (label, start, end) in enumerate(ents):
        span = Span(doc, start, end, label=label)
        if listed and n in listed:
            span.id_ = listed[n]
        spans.append(span)
    doc.ents = spans
    return doc


def kept(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in spanish_entities(doc).ents]


@pytest.mark.parametrize(("text", "ent", "expected"), [
    # openers and verbs of saying that start a sentence capitalised
    ("Asimismo , Rocío Lemus habló", ("ORG", 0, 1), []),
    ("Refirió que la planta abrirá", ("GPE", 0, 1), []),
    ("Por su parte , la cámara opinó", ("ORG", 0, 3), []),
    # articles and prepositions before a name are trimmed; nothing capitalised left: no name
    ("Revisaron el T-MEC ayer", ("ORG", 1, 3), [("T-MEC", "ORG")]),
    ("Habló con el diario local", ("PERSON", 2, 4), []),
    ("La opinión de la mayoría", ("PERSON", 2, 4), []),
    ("Vive un ambiente de confianza", ("ORG", 1, 5), []),
    # a title phrase is no body or place; a title's portfolio is no person
    ("El Secretario de Economía llegó", ("ORG", 0, 4), []),
    ("La Representante Comercial de Canadá llegó", ("GPE", 1, 5), []),
    ("el subsecretario de Comercio Exterior , Tomás Ibarra", ("PERSON", 3, 5), []),
    # real names stay as they are
    ("Llegó Tomás Ibarra de Monterrey", ("PERSON", 1, 3), [("Tomás Ibarra", "PERSON")]),
    ("Visitó la Oficina del Representante Comercial", ("ORG", 2, 6), [("Oficina del Representante Comercial", "ORG")]),
])
def test_spanish_words_taken_for_names_are_undone(text: str, ent: tuple[str, int, int],
                                                  expected: list[tuple[str, str]]) -> None:
    assert kept(doc_with(text, [ent])) == expected


@pytest.mark.parametrize(("text", "ent", "expected"), [
    ("Firmaron un acuerdo", ("ORG", 1, 2), []),  # "un" is an article, not the United Nations
    ("Lo publicó el país vecino", ("ORG", 2, 4), []),  # not the newspaper El País
    ("Según el diario El País", ("ORG", 3, 5), [("El País", "ORG")]),
    ("La relación México - EU es sólida", ("ORG", 4, 5), [("EU", "GPE")]),  # Estados Unidos
    ("La ONU opinó", ("ORG", 1, 2), [("ONU", "ORG")]),
])
def test_listed_bodies_count_in_spanish_only_capitalised_and_eu_is_the_united_states(
        text: str, ent: tuple[str, int, int], expected: list[tuple[str, str]]) -> None:
    assert kept(doc_with(text, [ent], listed={0: "some-body"})) == expected


def test_only_spanish_documents_are_cleaned() -> None:
    text = "Asimismo , Rocío Lemus habló"
    for language, expected in (("es", ["Rocío Lemus"]), ("en", ["Asimismo", "Rocío Lemus"])):
        doc = doc_with(text, [("ORG", 0, 1), ("PERSON", 2, 4)])
        doc[0].is_sent_start = True
        reading = Reading.of(doc, Document("t.txt", "t", text), language=language)
        assert [e.text for e in reading.doc.ents] == expected


@pytest.mark.parametrize(("form", "variant"), [
    ("Cámara de Comercio de Estados Unidos", "Cámara de Comercio de EE.UU."),
    ("Cámara de Comercio de Estados Unidos", "Cámara de Comercio de EUA"),
    ("Congreso de Estados Unidos", "Congreso estadounidense"),
    ("Gobierno de México", "Gobierno mexicano"),
])
def test_spanish_writes_a_country_inside_a_name_in_several_ways(form: str, variant: str) -> None:
    assert variant in spanish_variants(form)
    assert any(p["pattern"] == variant for p in load_institutions().ruler_patterns())


def test_english_names_have_no_spanish_variants() -> None:
    assert spanish_variants("U.S. Chamber of Commerce") == set()


@pytest.mark.parametrize("raw", [
    None, {"openers": "Asimismo"}, {"openers": [], "function_words": [""], "title_words": []},
    {"openers": [], "function_words": [], "title_words": [], "acronyms": {"EU": "XX"}},
    {"openers": [], "function_words": [], "title_words": [], "name_variants": {"de México": "mexicano"}},
])
def test_a_broken_spanish_word_file_is_a_data_error(raw: Any) -> None:
    with pytest.raises(DataError):
        _check(raw)


@pytest.mark.parametrize(("text", "ents", "expected"), [
    # a listed place of several words is a place, never a person, and a cut one is made whole
    ("La competitividad de América del Norte", [("PERSON", 3, 6)], [("América del Norte", "LOC")]),
    ("La competitividad de América del Norte", [("GPE", 3, 4)], [("América del Norte", "LOC")]),
    ("Viajó a Ciudad de México ayer", [], [("Ciudad de México", "LOC")]),
    # a body's name holding a listed place stays the body
    ("La Cámara de Comercio de Ciudad de México opinó", [("ORG", 1, 8)],
     [("Cámara de Comercio de Ciudad de México", "ORG")]),
    # the pronoun of "se reunió" is no part of the name before it
    ("Tomás Ibarra se reunió", [("PERSON", 0, 3)], [("Tomás Ibarra", "PERSON")]),
    # an event's name cut short is no person
    ("a través del Diálogo Bilateral de Alto Nivel", [("PERSON", 3, 7)], []),
])
def test_listed_places_and_cut_names(text: str, ents: list[tuple[str, int, int]],
                                     expected: list[tuple[str, str]]) -> None:
    assert kept(doc_with(text, ents)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("El Secretario Ibarra llegó", [("Ibarra", "PERSON")]),  # a title names a surname
    ("la canciller Lemus Soto opinó", [("Lemus Soto", "PERSON")]),
    ("El Secretario General opinó", []),  # a title's own word
    ("El Secretario de Economía llegó", []),  # a portfolio, not a name
    ("El Presidente Municipal habló", []),
    ("El embajador Washington llegó", []),  # a listed place is no surname
])
def test_a_title_names_a_surname(text: str, expected: list[tuple[str, str]]) -> None:
    assert kept(doc_with(text, [])) == expected


@pytest.mark.parametrize(("text", "ents", "expected"), [
    # a venue's name is no person
    ("llegó al Palacio de Gobierno ayer", [("PERSON", 2, 5)], [("Palacio de Gobierno", "FAC")]),
    # a name in apposition to a title is a person, whatever the recogniser said
    ("el gobernador de Durango , Tomás Ibarra Soto , habló", [("ORG", 5, 8)], [("Tomás Ibarra Soto", "PERSON")]),
    ("la Cámara de Pesca , Tomás Ibarra , habló", [("ORG", 1, 4), ("ORG", 5, 7)],
     [("Cámara de Pesca", "ORG"), ("Tomás Ibarra", "ORG")]),  # no title before the comma: left as it was
    # a body's name opening with a body noun is found, over a place named inside it
    ("una delegación de la Cámara de Comercio de San Marcos , dijo", [("LOC", 7, 9)],
     [("Cámara de Comercio de San Marcos", "ORG")]),
    ("firmaron el Acuerdo de Asociación Transpacífico", [], []),  # inside another name: no body
    # listed places and nothing else are no body; a listed place taken for a body or a person is a place
    ("entre México , Estados Unidos y Canadá", [("ORG", 1, 7)], [("Estados Unidos", "LOC")]),
    ("refrenda en Washington el compromiso", [("ORG", 2, 4)], [("Washington", "GPE")]),
    ("la vicepresidenta para las Américas de la Cámara", [("PERSON", 4, 7)], [("Américas", "GPE")]),
])
def test_bodies_venues_and_names_in_apposition(text: str, ents: list[tuple[str, int, int]],
                                               expected: list[tuple[str, str]]) -> None:
    assert kept(doc_with(text, ents)) == expected


@pytest.mark.parametrize(("text", "ents", "expected"), [
    # a title's portfolio is no name: its words taken for people, places or bodies are dropped
    ("el subsecretario para Asuntos Pesqueros y Forestales , Tomás Ibarra , habló",
     [("PERSON", 3, 5), ("LOC", 6, 7), ("PERSON", 8, 10)], [("Tomás Ibarra", "PERSON")]),
    # a listed place or a body's name inside it stays
    ("el embajador de México en Estados Unidos , Tomás Ibarra , habló", [("GPE", 3, 4), ("PERSON", 8, 10)],
     [("México", "GPE"), ("Estados Unidos", "LOC"), ("Tomás Ibarra", "PERSON")]),
    # a name right after a title is a person, whatever the recogniser said
    ("afirmó la canciller Lemus Soto ayer", [("ORG", 3, 5)], [("Lemus Soto", "PERSON")]),
])
def test_portfolios_and_names_right_after_a_title(text: str, ents: list[tuple[str, int, int]],
                                                  expected: list[tuple[str, str]]) -> None:
    assert kept(doc_with(text, ents)) == expected


@pytest.mark.parametrize(("text", "ents", "expected"), [
    # a person's name ends the portfolio before it, with or without a comma
    ("El exsecretario de Economía Tomás Ibarra Soto advirtió", [("PERSON", 4, 7)], [("Tomás Ibarra Soto", "PERSON")]),
    # the given name the recogniser left out, after a comma
    ("El gobernador de Durango , Tomás Ibarra Soto , habló", [("PERSON", 6, 8)], [("Tomás Ibarra Soto", "PERSON")]),
    ("Llegó , Asimismo Ibarra Soto", [("PERSON", 3, 5)], [("Ibarra Soto", "PERSON")]),  # an opener is no name
])
def test_names_after_titles_keep_their_words(text: str, ents: list[tuple[str, int, int]],
                                             expected: list[tuple[str, str]]) -> None:
    assert kept(doc_with(text, ents)) == expected
