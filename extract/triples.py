"""A parsed document to its named graph: the pure heart of extraction.

``document_graph`` takes a spaCy ``Doc`` and the :class:`Document` it came from and returns an rdflib
``Graph`` holding every fact read from that document: it reads the document once (:class:`Reading`),
runs the stages (:func:`extract.stages.read`) and writes their findings (:func:`extract.rdf.write`).
Reference facts from the institution list go to :func:`reference_graph`.
"""
from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph
from spacy.tokens import Doc

from extract.collector import collector_paused
from extract.guard import Guard
from extract.rdf import write
from extract.rdf.reference import institution_graph, reference_graph
from extract.reading import Reading, content_text
from extract.reference.institutions import InstitutionList
from extract.reference.lexicon import Lexicon
from extract.stages import read
from extract.text.document import Document


def document_graph(doc: Doc, document: Document, *, lexicon: Lexicon | None = None,
                   institutions: InstitutionList | None = None,
                   on_error: Callable[[str], None] | None = None, language: str | None = None) -> Graph:
    """Every fact read from one document, as a graph to be stored as that document's named graph.

    A rule that fails loses only what it would have found: with ``on_error`` it is told in one line
    and the rest of the document is read; without, the error is raised (tests see every failure).
    ``language`` is the language the document is read as (detected from its text when not given).
    The cyclic garbage collector is paused meanwhile (:mod:`extract.collector`).
    """
    with collector_paused():
        reading = Reading.of(doc, document, lexicon=lexicon, institutions=institutions, language=language)
        guard = Guard(document.name, on_error)
        return write(read(reading, guard), guard)


__all__ = ["document_graph", "reference_graph", "institution_graph", "content_text"]
