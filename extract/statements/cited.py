"""The figures a document cites, read by the rules of its language: :mod:`.figures` for English,
:mod:`.spanish_figures` for Spanish (``Reading.language``), each with what it measures and its sentence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from extract.findings import Evidence, FigureFound
from extract.statements import figures, spanish_figures

if TYPE_CHECKING:
    from extract.reading import Reading


def cited_figures(reading: Reading, *, text: str | None = None, offset: int = 0) -> list[FigureFound]:
    """The figures of the document (or of ``text``, found at ``offset`` in it), each with what it measures
    and, as evidence, the sentence it is in."""
    spanish = reading.language == "es"
    source = reading.text if text is None else text
    found = []
    for figure in (spanish_figures.find_spanish_figures if spanish else figures.find_figures)(source, offset):
        span = reading.doc.char_span(figure.start, figure.end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        start, end = (sent.start_char, sent.end_char) if sent is not None else (figure.start, figure.end)
        if spanish:
            measures = spanish_figures.spanish_measures(reading.text, figure, start)
        else:
            measures = figures.what_it_measures(reading.doc, figure)
        rule = spanish_figures.RULE if spanish else figures.RULE
        found.append(FigureFound(figure, measures, Evidence.of(reading, start, end, rule)))
    return found


__all__ = ["cited_figures"]
