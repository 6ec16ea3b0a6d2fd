"""Spanish quotations and reported speech (issue 15, item 3) on hand-built Docs: the rules read words and the
document's person mentions, so a Doc of the words and the mentions a test states is all they need. Made-up
people throughout."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.mentions import Mention
from extract.reading import Reading
from extract.statements.spanish_speech import QUOTE, REPORTED, SOURCE
from extract.statements.speech import find_statements
from extract.text.document import Document
from tests.handmade import handmade


def spanish(text: str, language: str = "es") -> tuple[Doc, Reading]:
    """A hand-built Doc of ``text`` (its words only) and its reading as a document in ``language``."""
    doc = handmade(text)
    assert doc.text == text  # the test's offsets are the text's
    return doc, Reading.of(doc, Document("nota.txt", "nota", text), language=language)


def people(doc: Doc, names: list[str]) -> list[Mention]:
    """A person mention at the first place each of ``names`` is written (as the recognisers would mark it; its
    characters, since a hand-built Doc keeps punctuation on its words)."""
    return [Mention("person", name, doc.text.index(name), doc.text.index(name) + len(name), 0, len(doc.text))
            for name in names]


def statements(text: str, names: list[str], language: str = "es") -> list[tuple[str, str, str]]:
    """(speaker, the statement's first five words, rule) of each statement found."""
    doc, reading = spanish(text, language)
    return [(st.speaker.text, " ".join(st.text.split()[:5]), st.rule)
            for st in find_statements(reading, people=people(doc, names))]


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("«Vamos a cerrar la negociación antes de fin de año», dijo Ana Ruiz Peña en rueda de prensa.",
     ["Ana Ruiz Peña"], [("Ana Ruiz Peña", "Vamos a cerrar la negociación", QUOTE)]),
    ("“Nuestra relación comercial es de las más sólidas del mundo”, afirmó la embajadora Marta Olvera.",
     ["Marta Olvera"], [("Marta Olvera", "Nuestra relación comercial es de", QUOTE)]),
    ('"La industria está lista para invertir en la región" —señaló el presidente del Consejo Coordinador '
     'Empresarial (CCE), Luis Soto Vera—.',
     ["Luis Soto Vera"], [("Luis Soto Vera", "La industria está lista para", QUOTE)]),
    ("El empresario Jorge Mena aseguró: «No hay marcha atrás en la integración regional».",
     ["Jorge Mena"], [("Jorge Mena", "No hay marcha atrás en", QUOTE)]),
    ("Según Jorge Mena, «no hay marcha atrás en la integración regional».",
     ["Jorge Mena"], [("Jorge Mena", "no hay marcha atrás en", QUOTE)]),
    ("«Es una buena noticia para los productores», dijo Jorge Mena. «Ahora toca exportar más al norte», agregó.",
     ["Jorge Mena"], [("Jorge Mena", "Es una buena noticia para", QUOTE),
                      ("Jorge Mena", "Ahora toca exportar más al", QUOTE)]),
    ("«Es una buena noticia para los productores», dijo Jorge Mena. «Ahora toca exportar más al norte del país».",
     ["Jorge Mena"], [("Jorge Mena", "Es una buena noticia para", QUOTE),
                      ("Jorge Mena", "Ahora toca exportar más al", QUOTE)]),
    # reported speech holding a quotation: the quotation has no attribution of its own
    ("Ana Ruiz dijo que el llamado «nearshoring» llegó para quedarse en la región.",
     ["Ana Ruiz"], [("Ana Ruiz", "el llamado «nearshoring» llegó para", REPORTED)]),
    ("Ana Ruiz afirmó que su país busca «un comercio justo y sin triangulaciones de nadie».",
     ["Ana Ruiz"], [("Ana Ruiz", "su país busca «un comercio", REPORTED)]),
    ("Ana Ruiz Peña señaló que el acuerdo protegerá a los productores de acero.",
     ["Ana Ruiz Peña"], [("Ana Ruiz Peña", "el acuerdo protegerá a los", REPORTED)]),
    ("Luis Soto Vera, presidente de la Canacintra, indicó que las exportaciones crecerán este año.",
     ["Luis Soto Vera"], [("Luis Soto Vera", "las exportaciones crecerán este año", REPORTED)]),
    ("Por su parte, Jorge Mena destacó que la frontera necesita más carriles de carga.",
     ["Jorge Mena"], [("Jorge Mena", "la frontera necesita más carriles", REPORTED)]),
    ("Ana Ruiz Peña se reunió con Jorge Mena, quien afirmó que el diálogo seguirá en junio.",
     ["Ana Ruiz Peña", "Jorge Mena"], [("Jorge Mena", "el diálogo seguirá en junio", REPORTED)]),
    ("Jorge Mena afirmó que el diálogo seguirá en junio. Asimismo, indicó que habrá una nueva ronda técnica.",
     ["Jorge Mena"], [("Jorge Mena", "el diálogo seguirá en junio", REPORTED),
                      ("Jorge Mena", "habrá una nueva ronda técnica", REPORTED)]),
    ("Según Luis Soto Vera, el sector privado invertirá en nuevas plantas de autopartes.",
     ["Luis Soto Vera"], [("Luis Soto Vera", "el sector privado invertirá en", SOURCE)]),
    ("El comercio bilateral crecerá en los próximos meses, de acuerdo con la secretaria Ana Ruiz Peña.",
     ["Ana Ruiz Peña"], [("Ana Ruiz Peña", "El comercio bilateral crecerá en", SOURCE)]),
    # a later short form the recognisers left unmarked names the person named in full before
    ("La secretaria Ana Ruiz Peña visitó Monterrey. La Secretaria Ruiz Peña afirmó que la planta abrirá en mayo.",
     ["Ana Ruiz Peña"], [("Ana Ruiz Peña", "la planta abrirá en mayo", REPORTED)]),
    # the person named after the verb in another clause is not the speaker: the subject is left unsaid
    ("Ana Ruiz habló primero. «Hay que cuidar el empleo de la región», dijo tras reunirse con Luis Soto.",
     ["Ana Ruiz", "Luis Soto"], [("Ana Ruiz", "Hay que cuidar el empleo", QUOTE)]),
    ("«Hay que cuidar el empleo de la región», dijo Ana Ruiz tras reunirse con Luis Soto.",
     ["Ana Ruiz", "Luis Soto"], [("Ana Ruiz", "Hay que cuidar el empleo", QUOTE)]),
    ("Luis Soto Vera llegó a la reunión. «Las reglas de origen deben ser claras para todos», dijo Soto.",
     ["Luis Soto Vera"], [("Luis Soto Vera", "Las reglas de origen deben", QUOTE)]),
])
def test_spanish_statements_have_their_speaker(text: str, names: list[str],
                                              expected: list[tuple[str, str, str]]) -> None:
    assert statements(text, names) == expected


@pytest.mark.parametrize(("text", "names"), [
    # a source that is no person
    ("De acuerdo con cifras de la Secretaría de Economía, el comercio que negoció Ana Ruiz creció este año.",
     ["Ana Ruiz"]),
    ("Según datos oficiales, el comercio con Ana Ruiz como negociadora creció en el primer trimestre.", ["Ana Ruiz"]),
    # a short phrase in quotes is a name, not a statement
    ("Ana Ruiz visitó la planta del «nearshoring» en Saltillo.", ["Ana Ruiz"]),
    # no speech verb
    ("Ana Ruiz se reunió con Jorge Mena y ambos acordaron que habrá otra reunión.", ["Ana Ruiz", "Jorge Mena"]),
    # the subject of the verb is a body, not the person named before it
    ("Tras reunirse con Ana Ruiz, la Secretaría de Economía señaló que el acuerdo avanza bien.", ["Ana Ruiz"]),
    # a title naming no one the document names
    ("Ana Ruiz visitó la planta. «Las reglas de origen deben ser claras para todos», dijo el secretario.",
     ["Ana Ruiz"]),
    # a given name alone names no one
    ("Ana Ruiz visitó la planta. Ana afirmó que las reglas de origen deben ser claras.", ["Ana Ruiz"]),
])
def test_spanish_statements_not_read(text: str, names: list[str]) -> None:
    assert statements(text, names) == []


def test_spanish_rules_read_spanish_documents_only() -> None:
    text = "«Vamos a cerrar la negociación antes de fin de año», dijo Ana Ruiz Peña en rueda de prensa."
    assert [rule for *_, rule in statements(text, ["Ana Ruiz Peña"], language="en")] == []


def test_a_quotation_spans_its_text_and_its_sentence() -> None:
    text = "Jorge Mena llegó temprano. «Hay acuerdo. Falta firmar el anexo técnico», dijo Mena. Luego se fue."
    doc, reading = spanish(text)
    [st] = find_statements(reading, people=people(doc, ["Jorge Mena"]))
    assert text[st.start:st.end] == st.text == "Hay acuerdo. Falta firmar el anexo técnico"
    assert text[st.sent_start:st.sent_end] == "«Hay acuerdo. Falta firmar el anexo técnico», dijo Mena."


def test_a_quotation_in_the_next_paragraph_with_no_verb_is_not_the_last_speakers() -> None:
    text = ("«Es una buena noticia para los productores», dijo Jorge Mena.\n\nOtra nota.\n\n"
            "«Ahora toca exportar más al norte del país».")
    assert [s for s, *_ in statements(text, ["Jorge Mena"])] == ["Jorge Mena"]
