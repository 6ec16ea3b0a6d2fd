"""One reading of one document: everything every extraction stage reads, built once.

A stage used to be handed the parsed ``Doc``, the text, the clutter spans, the lexicon and the
institution list one by one; a :class:`Reading` holds them together (plus what is derived from the
text alone: the content text with clutter blanked, the heading spans, the publication date), so a
stage is ``find_x(reading, *, what_earlier_stages_found)``.

>>> content_text("ab\\ncd", [(1, 4)])
'a \\n d'
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from extract.mentions import heading_spans
from extract.mentions.spanish import spanish_entities
from extract.reference.institutions import InstitutionList, load_institutions
from extract.reference.lexicon import Lexicon, load_lexicon
from extract.text.clutter import clutter_spans
from extract.text.document import Document
from extract.text.language import document_language
from extract.text.metadata import publication_date

Spans = list[tuple[int, int]]


def content_text(text: str, clutter: Spans) -> str:
    """The text with clutter blanked out (same length, so offsets stay valid)."""
    chars = list(text)
    for start, end in clutter:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)


@dataclass(frozen=True)
class Reading:
    """A parsed document with the word lists it is read with and what its text alone tells.

    ``clutter`` are the character spans of navigation, captions and boilerplate (never read as facts),
    ``content`` the text with them blanked, ``headings`` the spans of heading lines, ``published`` the
    document's date (its own metadata, else the first stand-alone date in its head), ``language`` the
    language it is read as (``"en"``, ``"es"``: given by the build, else detected from the text), which
    decides the rules that read it.
    """

    doc: Doc
    document: Document
    text: str
    content: str
    clutter: Spans
    headings: Spans
    lexicon: Lexicon
    institutions: InstitutionList
    published: str | None
    language: str = "en"

    @classmethod
    def of(cls, doc: Doc, document: Document, *, lexicon: Lexicon | None = None,
           institutions: InstitutionList | None = None, language: str | None = None) -> Reading:
        """Read ``document`` (parsed as ``doc``) with the given or the default lexicon and institution list,
        as written in ``language`` (detected from the text when not given). A Spanish document's entities
        are first cleaned of Spanish words taken for names (:func:`extract.mentions.spanish.spanish_entities`)."""
        text = document.text
        clutter = clutter_spans(text)
        language = document_language(text, language)
        if language == "es":  # Spanish words the recognisers took for names are no entities
            doc = spanish_entities(doc)
        return cls(doc=doc, document=document, text=text, content=content_text(text, clutter), clutter=clutter,
                   headings=heading_spans(text), lexicon=lexicon or load_lexicon(),
                   institutions=institutions or load_institutions(),
                   published=document.published or publication_date(text),
                   language=language)


__all__ = ["Reading", "content_text"]
