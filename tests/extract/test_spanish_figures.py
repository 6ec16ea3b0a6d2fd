"""Spanish figures (issue 15, item 3), what they measure, the sentences the statement rules read, and the checks
of data/spanish_statements.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract.errors import DataError
from extract.reading import Reading
from extract.statements import figures
from extract.statements.cited import cited_figures
from extract.statements.spanish_data import STATEMENTS, load_statement_words
from extract.statements.spanish_figures import find_spanish_figures, spanish_measures, spanish_number
from extract.statements.spanish_text import quotations, sentences
from extract.text.document import Document
from tests.handmade import handmade


@pytest.mark.parametrize(("text", "expected"), [
    ("el comercio superó los 800 mil millones de dólares", [("USD", 800e9)]),
    ("mil millones de dólares", [("USD", 1e9)]),
    ("una inversión de 600 millones de dólares", [("USD", 600e6)]),
    ("creció 10 por ciento y luego 10%", [("percent", 10.0), ("percent", 10.0)]),
    ("un arancel del 2,5%", [("percent", 2.5)]),
    ("US$1.8 millones por minuto", [("USD", 1.8e6)]),
    ("US$ 300 millones", [("USD", 300e6)]),
    ("MXN 40 millones", [("MXN", 40e6)]),
    ("$1,500 millones de pesos", [("MXN", 1.5e9)]),
    ("$5 millones de dólares", [("USD", 5e6)]),  # the currency word says more than the sign
    ("3.500 pesos mexicanos", [("MXN", 3500.0)]),
    ("un millón de dólares y medio millón de pesos", [("USD", 1e6), ("MXN", 5e5)]),
    ("2 billones de pesos", [("MXN", 2e12)]),  # a Spanish billón is a million millions
    ("500 mdd", [("USD", 500e6)]),
    ("15 empresas y 20 mil empleos", [("empresas", 15.0), ("empleos", 20e3)]),
    ("1.2 millones de empleos", [("empleos", 1.2e6)]),
    ("200 euros", [("EUR", 200.0)]),
    # no figures: dates, years, spans of time, a number with no unit
    ("el 12 de mayo de 2026", []),
    ("en 2025 empresas", []),
    ("en los próximos tres años y 5 meses", []),
    ("el capítulo 23 del tratado", []),
])
def test_spanish_figures(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.unit, f.value) for f in find_spanish_figures(text)] == expected


def test_a_figure_keeps_the_words_it_was_written_with_and_its_offsets() -> None:
    text = "Se invertirán unos 600 millones de dólares."
    [figure] = find_spanish_figures(text, offset=100)
    assert (figure.text, figure.start - 100, figure.end - 100) == ("600 millones de dólares", 19, 42)


@pytest.mark.parametrize(("written", "value"), [
    ("1,5", 1.5), ("1.5", 1.5), ("1.500", 1500.0), ("1,500", 1500.0), ("2.125,5", 2125.5),
    ("2,125.5", 2125.5), ("1.000.000", 1e6), ("0,125", 0.125), ("40", 40.0),
])
def test_spanish_numbers(written: str, value: float) -> None:
    assert spanish_number(written) == value


@pytest.mark.parametrize(("sentence", "measures"), [
    ("El comercio entre ambos países creció 6 por ciento.", "comercio entre ambos países"),
    ("Ruiz destacó que el comercio bilateral de bienes superó los 800 mil millones de dólares.",
     "comercio bilateral de bienes"),
    ("Se aplicará un arancel de 25% al acero.", "arancel"),
    ("Anunció inversiones por más de 300 millones de dólares.", "inversiones"),
    ("El 80 por ciento de las exportaciones mexicanas va al norte.", "exportaciones mexicanas"),
    ("Las ventas ascendieron a 5 mil millones de dólares.", "ventas"),
    ("Invertirá 5 mil millones de dólares.", None),
])
def test_what_a_spanish_figure_measures(sentence: str, measures: str | None) -> None:
    figure = find_spanish_figures(sentence)[0]
    assert spanish_measures(sentence, figure, 0) == measures


@pytest.mark.parametrize(("language", "expected"), [
    ("es", [("USD", 5e9, "inversiones", "figures.es_pattern"), ("percent", 6.0, "comercio", "figures.es_pattern")]),
    # the English patterns read no Spanish scale: "5 mil millones" is five of "mil millones"
    ("en", [("mil millones", 5.0, "(English)", "figures.pattern"), ("percent", 6.0, "(English)", "figures.pattern")]),
])
def test_a_documents_figures_are_read_by_its_languages_rules(monkeypatch: pytest.MonkeyPatch, language: str,
                                                             expected: list[tuple[str, float, str, str]]) -> None:
    monkeypatch.setattr(figures, "what_it_measures", lambda doc, figure: "(English)")  # it reads a parse
    text = "Anunció inversiones por 5 mil millones de dólares . El comercio creció 6%"
    doc = handmade(text, sent_starts=(0, 9))
    reading = Reading.of(doc, Document("nota.txt", "nota", doc.text), language=language)
    assert [(f.figure.unit, f.figure.value, f.measures, f.evidence.rule) for f in cited_figures(reading)] == expected


def test_spanish_sentences_and_quotations() -> None:
    text = ("El Lic. Ruiz habló con EE.UU. ayer. «Hay acuerdo. Falta firmar.» Dijo más.\n"
            "“Es todo”, cerró. Fin")
    quotes = quotations(text, (("«", "»"), ("“", "”")))
    assert [text[s:e] for s, e in quotes] == ["Hay acuerdo. Falta firmar.", "Es todo"]
    assert [text[s.start:s.end] for s in sentences(text, quotes)] == [
        "El Lic. Ruiz habló con EE.UU. ayer.", "«Hay acuerdo. Falta firmar.»", "Dijo más.", "“Es todo”, cerró.",
        "Fin"]


def broken(tmp_path: Path, key: str, value: object) -> Path:
    """A copy of spanish_statements.yaml with ``key`` set to ``value``."""
    raw = yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))
    raw[key] = value
    path = tmp_path / "spanish_statements.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("key", "value", "message"), [
    ("speech_verbs", [], "'speech_verbs' must be a non-empty list of words"),
    ("speaker_gap", ["quien", False], "'speaker_gap' must be a non-empty list of words"),  # an unquoted "no"
    ("reported_link", None, "'reported_link' must be a word"),
    ("quotes", [["«", "»", "«"]], "'quotes' must be a list of [opening, closing] pairs"),
    ("currencies", {"dólares": "DOLLAR"}, "'currencies' must map currency words and signs to one of"),
    ("scales", {"millones": 0}, "'scales' must map words to positive numbers"),
    ("abbreviations", {"mdd": [1000000, "XYZ"]}, "'abbreviations' must map a word to [multiplier, currency"),
])
def test_a_broken_data_file_is_one_line_naming_the_file_and_key(tmp_path: Path, key: str, value: object,
                                                                 message: str) -> None:
    path = broken(tmp_path, key, value)
    with pytest.raises(DataError) as error:
        load_statement_words(path)
    assert str(error.value).startswith(f"{path}: {message}") and "\n" not in str(error.value)


def test_the_data_file_loads() -> None:
    words = load_statement_words()
    assert {"dijo", "señaló", "afirmó", "indicó", "aseguró", "destacó"} <= words.speech_verbs
    assert {"según", "de acuerdo con"} <= set(words.sources)
