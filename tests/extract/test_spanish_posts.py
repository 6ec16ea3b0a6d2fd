"""Posts as Spanish writes them (issue 15, item 4): a title before the name (with or without the comma), the
body named inside it or implied by the office it names, the country's government for "el presidente de X",
a title after the name, "ex" as former, and nothing for English documents. Hand-built Docs (words and
entities only: the rule reads no parse) with made-up people."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from spacy.tokens import Doc

from extract.mentions import Mention
from extract.roles.spanish_posts import spanish_posts
from tests.handmade import handmade, mention, org, person, reading_of


def posts(text: str, people: list[tuple[int, int]], orgs: Sequence[tuple[int, int]] = (),
          language: str = "es") -> list[tuple[str, str | None, str | None, str | None, bool]]:
    """(person, title, org text or implied institution, country, former) of each post found."""
    doc = handmade(text)
    mentions: list[Mention] = sorted([person(doc, s, e) for s, e in people] + [org(doc, s, e) for s, e in orgs],
                                     key=lambda m: m.start)
    reading = replace(reading_of(doc), language=language)
    out = []
    for f in spanish_posts(reading, mentions=mentions):
        body = doc.text[f.org[0]:f.org[1]] if f.org else f.institution
        out.append((doc.text[f.person[0]:f.person[1]], f.title, body, f.country, f.former))
    return out


@pytest.mark.parametrize(("text", "people", "orgs", "expected"), [
    # a title with its body, then the comma of the apposition
    ("Habló el presidente de la Cámara Textil del Norte ( CATEN ) , Julio Esparza , ayer .", [(13, 15)], [(5, 9)],
     [("Julio Esparza", "presidente", "Cámara Textil del Norte", None, False)]),
    # an office the title names (offices.yaml lists the Spanish titles)
    ("Llegó el Subsecretario de Comercio Exterior , Rocío Lemus , a la reunión .", [(7, 9)], [],
     [("Rocío Lemus", "Subsecretario de Comercio Exterior", "mx-ministry-of-economy", "MX", False)]),
    ("Se reunió con la Representante Comercial de EE.UU. , Nora Whitcomb .", [(9, 11)], [],
     [("Nora Whitcomb", "Representante Comercial", "us-ustr", "US", False)]),
    # no comma: the title runs into the name
    ("Habló la Secretaria de Economía Rocío Lemus en la sede .", [(5, 7)], [],
     [("Rocío Lemus", "Secretaria de Economía", "mx-ministry-of-economy", "MX", False)]),
    # a title naming only a country: its government
    ("Lo dijo el presidente de México , Tomás Ibarra , en la capital .", [(7, 9)], [],
     [("Tomás Ibarra", "presidente", "mx-government", "MX", False)]),
    # the title after the name; a former post before it
    ("Se dialogó con el exgobernador Joel Pratt , presidente del Consejo Automotriz Regional , ayer .",
     [(5, 7)], [(10, 13)],
     [("Joel Pratt", "presidente", "Consejo Automotriz Regional", None, False)]),
    ("Opinó el ex secretario de Economía , Tomás Ibarra , en Monterrey .", [(7, 9)], [],
     [("Tomás Ibarra", "secretario de Economía", "mx-ministry-of-economy", "MX", True)]),
    # the first country the title names: the ambassador of the United States, posted to Mexico; the countries
    # are her body's, not her title's
    ("Llegó la embajadora de Estados Unidos en México , Karen Lind , ayer .", [(9, 11)], [],
     [("Karen Lind", "embajadora", "us-government", "US", False)]),
    # a title word inside a body's name ("Coordinador") is the name's, the title ends before the body
    ("Habló el presidente del Consejo Coordinador Empresarial ( CCE ) , Julio Esparza , ayer .", [(11, 13)],
     [(4, 7), (8, 9)], [("Julio Esparza", "presidente", "CCE", None, False)]),

    # the title itself taken for a body ("subsecretaria" read as the Subsecretaría): the office it names
    ("Habló la subsecretaria de Comercio Exterior , Rocío Lemus , ayer .", [(7, 9)], [(2, 6)],
     [("Rocío Lemus", "subsecretaria de Comercio Exterior", "mx-ministry-of-economy", "MX", False)]),
])
def test_spanish_titles_state_posts(text: str, people: list[tuple[int, int]], orgs: list[tuple[int, int]],
                                    expected: list[tuple[str, str | None, str | None, str | None, bool]]) -> None:
    assert posts(text, people, orgs) == expected


@pytest.mark.parametrize(("text", "people", "orgs", "expected"), [
    # a state the title names: its government ("Government of Durango" once resolved)
    ("Habló el gobernador de Durango , Tomás Ibarra , ayer .", [(6, 8)], [],
     [("Tomás Ibarra", "gobernador", "Durango")]),
    # a state's office: the state named before it, never the federal ministry
    ("Llegaron a Durango . Los recibió el secretario de Economía estatal , Tomás Ibarra .", [(12, 14)], [],
     [("Tomás Ibarra", "secretario de Economía estatal", "Durango")]),
    ("Los recibió el secretario de Economía estatal , Tomás Ibarra .", [(8, 10)], [], []),
    # "su presidente": the body named before the title in its sentence
    ("Una delegación de la Cámara Textil , encabezada por su presidente , Julio Esparza , llegó .", [(12, 14)],
     [(4, 6)], [("Julio Esparza", "presidente", "Cámara Textil")]),
])
def test_a_title_naming_no_body_takes_the_state_or_body_it_means(
        text: str, people: list[tuple[int, int]], orgs: list[tuple[int, int]],
        expected: list[tuple[str, str | None, str | None]]) -> None:
    assert [found[:3] for found in posts(text, people, orgs)] == expected


def test_a_former_holders_title_names_its_office() -> None:
    assert posts("Opinó el exsecretario de Economía Tomás Ibarra ayer .", [(5, 7)]) == [
        ("Tomás Ibarra", "exsecretario de Economía", "mx-ministry-of-economy", "MX", True)]


def test_a_list_in_the_titles_portfolio_does_not_end_it() -> None:
    text = "Habló el subsecretario de Estado para Pesca , Bosques y Agua , Tomás Ibarra , ayer ."
    assert posts(text, [(12, 14)]) == [
        ("Tomás Ibarra", "subsecretario de Estado para Pesca, Bosques y Agua", "us-department-of-state", "US", False)]


def test_a_long_body_name_does_not_cut_the_title_short() -> None:
    text = ("El presidente de la Cámara Nacional de la Industria del Papel y del Cartón ( Canapel ) , Julio Esparza , "
            "habló .")
    assert posts(text, [(18, 20)], [(4, 14), (15, 16)]) == [("Julio Esparza", "presidente", "Canapel", None, False)]


def test_the_period_of_an_abbreviation_does_not_end_a_title() -> None:
    """The English tokenizer splits "EE.UU.," into "EE.UU", ".", ",": the period, glued to its word, is no stop."""
    words = ["Vio", "al", "Representante", "Comercial", "de", "EE.UU", ".", ",", "Nora", "Whitcomb", "."]
    spaces = [True, True, True, True, True, False, False, True, True, False, False]
    doc = Doc(handmade("x").vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * 10)
    reading = replace(reading_of(doc), language="es")
    found = spanish_posts(reading, mentions=[person(doc, 8, 10)])
    assert [(f.title, f.institution, f.country) for f in found] == [("Representante Comercial", "us-ustr", "US")]


@pytest.mark.parametrize(("text", "people"), [
    ("Habló el presidente Tomás Ibarra ayer .", [(3, 5)]),  # a title naming no body, office or country
    ("Según Julio Esparza , la cámara creció .", [(1, 3)]),  # no title at all
    ("Tomás Ibarra , quien llegó ayer , habló .", [(0, 2)]),  # a clause, not a title, after the name
])
def test_no_post_without_a_title_that_names_a_body(text: str, people: list[tuple[int, int]]) -> None:
    assert posts(text, people) == []


def test_english_documents_are_not_read_by_the_spanish_rule() -> None:
    assert posts("Llegó el Subsecretario de Comercio Exterior , Rocío Lemus , a la reunión .", [(7, 9)],
                 language="en") == []


SE, COMMERCE = "mx-ministry-of-economy", "us-department-of-commerce"


def context_posts(text: str, people: list[tuple[int, int]], bodies: list[tuple[int, int, str]],
                  starts: tuple[int, ...]) -> list[tuple[str, str | None, str | None, str | None]]:
    """(person, title, institution, country) of each post found; ``bodies`` are listed bodies (tokens, id)."""
    doc = handmade(text, sent_starts=starts)
    found: list[Mention] = sorted([person(doc, s, e) for s, e in people] +
                                  [mention(doc, "org", s, e, institution=i) for s, e, i in bodies],
                                  key=lambda m: m.start)
    reading = replace(reading_of(doc), language="es")
    return [(doc.text[f.person[0]:f.person[1]], f.title, f.institution, f.country)
            for f in spanish_posts(reading, mentions=found)]


@pytest.mark.parametrize(("text", "people", "bodies", "starts", "expected"), [
    # a Secretaría's comunicado: its "Secretario X" heads it, its "Presidente Y" is the president of Mexico
    ("Secretaría de Economía . Habló el Secretario Tomás Ibarra en la sede .", [(7, 9)], [(0, 3, SE)], (0, 4),
     [("Tomás Ibarra", "Secretario", SE, "MX")]),
    ("Secretaría de Economía . Lo dijo el Presidente Joel Pratt ayer .", [(8, 10)], [(0, 3, SE)], (0, 4),
     [("Joel Pratt", "Presidente", "mx-government", "MX")]),
    # the sentence's bodies are the counterparts met, not the side: the issuer's side still
    ("Secretaría de Economía . El Secretario Tomás Ibarra se reunió con el Departamento de Comercio .", [(6, 8)],
     [(0, 3, SE), (12, 15, COMMERCE)], (0, 4), [("Tomás Ibarra", "Secretario", SE, "MX")]),
    # one post from the context per person
    ("Secretaría de Economía . Habló el Presidente Joel Pratt . Llegó el Presidente Pratt .", [(7, 9), (13, 14)],
     [(0, 3, SE)], (0, 4, 10), [("Joel Pratt", "Presidente", "mx-government", "MX")]),
    # a person whose post the document states already holds no second one
    ("Secretaría de Economía . La Subsecretaria de Comercio Exterior , Rocío Lemus , llegó . "
     "Habló la Subsecretaria Lemus .", [(10, 12), (18, 19)], [(0, 3, SE)], (0, 4, 15),
     [("Rocío Lemus", "Subsecretaria de Comercio Exterior", SE, "MX")]),
    # the office the document writes in full elsewhere comes first ("El Secretario de Economía llegó"), and is
    # the title as the document writes it
    ("El Secretario de Economía llegó . Habló el Secretario Tomás Ibarra .", [(9, 11)], [], (0, 6),
     [("Tomás Ibarra", "Secretario de Economía", SE, "MX")]),
    # a dateline's country is no issuer
    ("Washington , EUA . Habló el Presidente Joel Pratt .", [(6, 8)], [(2, 3, "us-government")], (0, 4), []),
    # titles that name no government post, and documents without an issuer in their header, make none
    ("Secretaría de Economía . Habló el director Tomás Ibarra .", [(7, 9)], [(0, 3, SE)], (0, 4), []),
    ("Habló el Presidente Tomás Ibarra ayer .", [(3, 5)], [], (0,), []),
])
def test_a_title_naming_no_country_is_on_the_side_of_its_context(
        text: str, people: list[tuple[int, int]], bodies: list[tuple[int, int, str]], starts: tuple[int, ...],
        expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    assert context_posts(text, people, bodies, starts) == expected
