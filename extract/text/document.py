"""A document as tradegraph reads it: its text and what the text says about itself.

Decoding is pure (bytes in, :class:`Document` out) so that the CLI, tests and a
cluster job can share it; reading files from disk happens in ``graph.build.sources``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.errors import InputError
from extract.text.encodings import UTF8, UndecodableText, decode_text
from extract.text.html_reader import html_published, html_to_text, read_html

__all__ = ["Document", "SUPPORTED_SUFFIXES", "decode", "doc_text", "html_published", "html_to_text",
           "noun_chunk_bounds", "noun_chunks_in", "span_text", "token_caps", "token_lemmas",
           "token_lowers", "token_starts"]

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Document:
    """One document: ``name`` is its file name (no folders), ``key`` a unique slug for its IRI."""

    name: str
    key: str
    text: str
    published: str | None = None  # an HTML page's own publication date (meta tags, JSON-LD, <time>), ISO
    encoding: str = UTF8  # what the file's bytes were read as: "utf-8", "UTF-16", "cp1252"…


def decode(name: str, data: bytes, *, key: str | None = None) -> Document:
    """Turn a file's bytes into a :class:`Document`, or raise :class:`InputError` saying why not.

    UTF-8 is read as is; UTF-16 or UTF-32 with a byte-order mark and Western European code pages
    are decoded too (:mod:`extract.text.encodings`), and ``Document.encoding`` says which was used.

    >>> decode("a.txt", b"Hello").text
    'Hello'
    """
    from extract.slug import slugify

    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{name}: unsupported kind of file {suffix or '(no extension)'!r}; "
                         f"expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    try:
        text, encoding = decode_text(data)
    except UndecodableText as exc:
        raise InputError(f"{name}: {exc}") from None
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    published = None
    if suffix in (".html", ".htm"):
        page = read_html(text)
        text, published = page.text, page.published
        if not text.strip():
            raise InputError(f"{name}: the HTML page has no visible text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(name=name, key=key or slugify(name.rsplit(".", 1)[0]), text=text, published=published,
                    encoding=encoding)


def doc_text(doc: SpacyDoc) -> str:
    """The text of a parsed document, built once: spaCy rebuilds ``Doc.text`` on every access."""
    cached = doc.user_data.get("tg_text")
    if cached is None:
        cached = doc.user_data["tg_text"] = doc.text
    return cached


def span_text(span: Span) -> str:
    """A Span's text cut from the Doc's (:func:`doc_text`): the string ``span.text`` makes by joining its words
    again each time it is read (the Doc's text is its words joined, and a Span's offsets are its first word's
    start and its last word's end)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def noun_chunk_bounds(doc: SpacyDoc) -> list[tuple[int, int]]:
    """The token bounds ``(start, end)`` of the Doc's noun chunks, in order, found once: spaCy finds every
    chunk of the whole Doc again each time ``noun_chunks`` is read, even a sentence's (``Span.noun_chunks``
    filters the Doc's). Plain bounds, not Spans, so the cache holds no reference back to the Doc."""
    cached = doc.user_data.get("tg_noun_chunks")
    if cached is None:
        cached = doc.user_data["tg_noun_chunks"] = [(c.start, c.end) for c in doc.noun_chunks]
    return cached


def noun_chunks_in(span: Span) -> list[Span]:
    """The noun chunks inside ``span`` (as ``span.noun_chunks`` gives them), from :func:`noun_chunk_bounds`."""
    doc = span.doc
    return [doc[s:e] for s, e in noun_chunk_bounds(doc) if s >= span.start and e <= span.end]


def token_lowers(doc: SpacyDoc) -> list[str]:
    """Every token's ``lower_``, in order, read once per Doc: rules that scan the whole Doc for a word
    compare strings instead of making a Token for each position."""
    cached = doc.user_data.get("tg_lowers")
    if cached is None:
        cached = doc.user_data["tg_lowers"] = [t.lower_ for t in doc]
    return cached


def token_lemmas(doc: SpacyDoc) -> list[str]:
    """Every token's ``lemma_``, in order, read once per Doc."""
    cached = doc.user_data.get("tg_lemmas")
    if cached is None:
        cached = doc.user_data["tg_lemmas"] = [t.lemma_ for t in doc]
    return cached


def token_caps(doc: SpacyDoc) -> list[bool]:
    """Whether each token starts with a capital or a digit (``roles.titles.cap``), read once per Doc from
    the first character of each word in the Doc's text."""
    cached = doc.user_data.get("tg_caps")
    if cached is None:
        text = doc_text(doc)
        cached = doc.user_data["tg_caps"] = [text[idx].isupper() or text[idx].isdigit()
                                             for idx in doc.to_array("IDX").tolist()]
    return cached


def token_starts(doc: SpacyDoc) -> dict[int, int]:
    """Each token's character offset -> its index, built once per Doc."""
    cached = doc.user_data.get("tg_token_starts")
    if cached is None:
        cached = doc.user_data["tg_token_starts"] = {idx: i for i, idx in enumerate(doc.to_array("IDX").tolist())}
    return cached
