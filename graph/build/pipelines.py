"""Which pipeline read a build's documents: the note a build gives for each language other than English.

A document in Spanish is read by a Spanish spaCy model when one is installed, and otherwise by the English
pipeline with the Spanish rules; the build says which, once per language, with how to install the model.
"""
from __future__ import annotations

from collections import Counter

from extract.text.document import Document
from extract.text.language import check_language, document_language, language_settings
from extract.text.pipeline import language_model, model_name

__all__ = ["pipeline_lines", "pipeline_note"]


def pipeline_note(documents: list[Document], *, model: str | None = None, language: str | None = None) -> list[str]:
    """One line per language other than English that some documents are written in: which pipeline read them
    (the language's own model, or the English pipeline when it is not installed, with how to install it)."""
    return pipeline_lines(Counter(document_language(d.text, check_language(language)) for d in documents), model)


def pipeline_lines(counts: Counter[str], model: str | None) -> list[str]:
    """:func:`pipeline_note` for documents already counted by the language they were read as."""
    settings = language_settings()
    lines = []
    for lang in (code for code in settings.languages[1:] if counts[code]):
        name, own = settings.names.get(lang, lang), language_model(lang)
        read = f"with {own}" if own else (f"with the English pipeline ({model_name(model)}): no {name} model is "
                                          f"installed; add one with: {settings.install.get(lang, 'its spaCy model')}")
        lines.append(f"{counts[lang]} {name} document(s) read {read}")
    return lines
