"""A document as tradegraph reads it: its text and what the text says about itself.

Decoding is pure (bytes in, :class:`Document` out) so that the CLI, tests and a
cluster job can share it; reading files from disk happens in ``graph.sources``.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from html.parser import HTMLParser

from extract.errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Document:
    """One document: ``name`` is its file name (no folders), ``key`` a unique slug for its IRI."""

    name: str
    key: str
    text: str
    published: str | None = None  # an HTML page's own publication date (meta tags), ISO


class _TextExtractor(HTMLParser):
    """Reduce HTML to its visible text, one line per block element."""

    _BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "table", "section", "article", "header", "footer", "blockquote", "title", "figcaption"}
    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.published: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        if tag == "meta" and key in _DATE_META and values.get("content"):
            self.published.append(values["content"])
        elif tag == "time" and values.get("datetime"):
            self.published.append(values["datetime"])
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


_DATE_META = {"article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
              "dcterms.date", "og:published_time", "sailthru.date", "parsely-pub-date"}


def html_published(markup: str) -> str | None:
    """An HTML page's publication date from its meta tags or first ``<time datetime>``, as ISO.

    >>> html_published('<meta property="article:published_time" content="2025-03-14T09:00:00Z">')
    '2025-03-14'
    """
    parser = _TextExtractor()
    parser.feed(markup)
    for value in parser.published:
        match = re.match(r"((?:19|20)\d\d-\d\d-\d\d)", value.strip())
        if match:
            return match.group(1)
    return None


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, title first, one block per line.

    >>> html_to_text("<html><head><title>T</title></head><body><p>A &amp; B</p><script>x()</script></body></html>")
    'T\\nA & B'
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    body = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.splitlines()]
    text = "\n".join(line for line in lines if line)
    title = html.unescape(" ".join("".join(parser.title).split()))
    if title and title not in text[:2000]:
        text = f"{title}\n{text}"
    return text


def decode(name: str, data: bytes, *, key: str | None = None) -> Document:
    """Turn a file's bytes into a :class:`Document`, or raise :class:`InputError` saying why not.

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
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: the file looks binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None
    published = None
    if suffix in (".html", ".htm"):
        published = html_published(text)
        text = html_to_text(text)
        if not text.strip():
            raise InputError(f"{name}: the HTML page has no visible text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(name=name, key=key or slugify(name.rsplit(".", 1)[0]), text=text, published=published)


def doc_text(doc: "SpacyDoc") -> str:
    """The text of a parsed document, built once: spaCy rebuilds ``Doc.text`` on every access."""
    cached = doc.user_data.get("tg_text")
    if cached is None:
        cached = doc.user_data["tg_text"] = doc.text
    return cached
