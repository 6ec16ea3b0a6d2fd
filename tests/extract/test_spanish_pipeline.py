"""Each document read by the pipeline of its language (issue 15, item 2): the Spanish model's entity labels
renamed to the English scheme, the English pipeline standing in when the Spanish model is missing (and the
build saying so once), and, where the model is installed, a made-up Spanish sentence read through it.
Made-up people; blank pipelines except in the test that needs the (optional, GPL) Spanish model."""
from __future__ import annotations

import importlib.util

import pytest
import spacy
from spacy.tokens import Span

import extract.text.pipeline as pipeline
import graph.build.pipelines as run
from extract.text.document import Document
from extract.text.language import language_settings

HAS_SPANISH_MODEL = importlib.util.find_spec("es_core_news_sm") is not None
SPANISH_TEXT = "La subsecretaria Lucía Ferrer se reunió en Monterrey con empresarios de la Secretaría de Economía."
ENGLISH_TEXT = "Deputy Secretary Ruth Calder met exporters in Laredo on Monday, the Department of Commerce said."


@pytest.mark.parametrize(("label", "expected"), [("PER", "PERSON"), ("LOC", "GPE"), ("ORG", "ORG"),
                                                 ("MISC", None), ("DATE", "DATE")])
def test_the_spanish_labels_are_renamed_to_the_english_ones(label: str, expected: str | None) -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("tg_entity_labels", config={"labels": language_settings().entity_labels["es"]})
    doc = nlp.make_doc("Ayer Lucía Ferrer habló en Monterrey .")
    doc.ents = [Span(doc, 1, 3, label=label)]
    doc = nlp.get_pipe("tg_entity_labels")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == ([("Lucía Ferrer", expected)] if expected else [])


def test_without_the_spanish_model_spanish_is_read_by_the_english_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    english = object()
    monkeypatch.setattr(pipeline, "_installed", lambda name: False)
    monkeypatch.setattr(pipeline, "load_pipeline", lambda requested=None: english)
    assert pipeline.language_model("es") is None
    assert pipeline.pipeline_for("es") is english and pipeline.pipeline_for("en") is english


@pytest.mark.parametrize(("model", "expected"), [
    (None, "2 Spanish document(s) read with the English pipeline (en_core_web_sm): no Spanish model is installed; "
           "add one with: pip install"),
    ("es_core_news_sm", "2 Spanish document(s) read with es_core_news_sm"),
])
def test_the_build_says_once_which_pipeline_read_the_spanish_documents(monkeypatch: pytest.MonkeyPatch,
                                                                       model: str | None, expected: str) -> None:
    monkeypatch.setattr(run, "language_model", lambda language: model)
    monkeypatch.setattr(run, "model_name", lambda requested=None: "en_core_web_sm")
    docs = [Document(f"{k}.txt", str(k), text) for k, text in enumerate([SPANISH_TEXT, ENGLISH_TEXT, SPANISH_TEXT])]
    lines = run.pipeline_note(docs)
    assert len(lines) == 1 and lines[0].startswith(expected)
    assert run.pipeline_note(docs, language="en") == []  # read as English on request: nothing to say


def test_english_documents_alone_need_no_note() -> None:
    assert run.pipeline_note([Document("a.txt", "a", ENGLISH_TEXT)]) == []


@pytest.mark.slow
@pytest.mark.skipif(not HAS_SPANISH_MODEL, reason="the optional Spanish model es_core_news_sm is not installed")
def test_the_spanish_model_reads_spanish_with_english_labels_and_the_institution_ruler() -> None:
    nlp = pipeline.pipeline_for("es")
    assert nlp.lang == "es"
    names = nlp.pipe_names
    assert names.index("tg_institutions") < names.index("ner") < names.index("tg_entity_labels") \
        < names.index("tg_line_breaks") < names.index("parser")
    doc = nlp(SPANISH_TEXT)
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Lucía Ferrer") == "PERSON"
    assert ents.get("Secretaría de Economía") == "ORG"
    assert {e.label_ for e in doc.ents} <= {"PERSON", "ORG", "GPE"}
