"""Reading a saved web page: the article's text and the page's own publication date.

The article comes from trafilatura, a maintained main-content extractor that drops menus,
related-story lists, share bars, cookie banners, comments and footers; the headline and the
byline it finds open the text, so that ``extract.text.metadata`` still sees them. When it finds no
article (a very short page, a page of links), the standard-library reader below gives the whole
visible text instead. The publication date is read from the page's markup only (meta tags,
JSON-LD, ``<time datetime>``): guessing it from visible text is left to ``extract.text.metadata``.
``docs/html-reading.md`` tells how the readers were compared and why this one was kept.

Nothing in a page runs: scripts, styles and embedded objects are dropped as text, and JSON-LD
is parsed as data (``json.loads``) for its dates alone.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from extract import DATA_DIR
from extract.reference.data_files import read_yaml

DATA = DATA_DIR / "html_reading.yaml"
_ISO = re.compile(r"((?:19|20)\d\d-[01]\d-[0-3]\d)")


@dataclass(frozen=True)
class ReadingRules:
    """Where pages state their date, and which elements are skipped or end a line."""

    published_meta: tuple[str, ...]
    published_jsonld: tuple[str, ...]
    skip_tags: frozenset[str]
    block_tags: frozenset[str]


@lru_cache(maxsize=1)
def load_rules(path: Path = DATA) -> ReadingRules:
    """Load and check the reading rules from YAML."""
    raw = read_yaml(path)
    rules = ReadingRules(
        published_meta=tuple(str(m).lower() for m in raw["published_meta"]),
        published_jsonld=tuple(str(k) for k in raw["published_jsonld"]),
        skip_tags=frozenset(str(t).lower() for t in raw["skip_tags"]),
        block_tags=frozenset(str(t).lower() for t in raw["block_tags"]),
    )
    if not {"script", "style"} <= rules.skip_tags:
        raise ValueError(f"{path}: skip_tags must include script and style: a page's code is never text")
    if rules.skip_tags & rules.block_tags:
        raise ValueError(f"{path}: tags both skipped and kept: {sorted(rules.skip_tags & rules.block_tags)}")
    return rules


@dataclass(frozen=True)
class Page:
    """What a saved page gives tradegraph: its text (one block a line) and its own date, ISO."""

    text: str
    published: str | None


class _TextExtractor(HTMLParser):
    """Reduce HTML to its visible text, one line per block element, noting the dates its markup states."""

    def __init__(self, rules: ReadingRules) -> None:
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.parts: list[str] = []
        self.title: list[str] = []
        self.meta_dates: list[tuple[int, str]] = []  # (rank in published_meta, value)
        self.time_dates: list[str] = []
        self.jsonld: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        if tag == "meta" and key in self.rules.published_meta and values.get("content"):
            self.meta_dates.append((self.rules.published_meta.index(key), values["content"]))
        elif tag == "time" and values.get("datetime"):
            self.time_dates.append(values["datetime"])
        if tag == "title":
            self._in_title = True
        elif tag in self.rules.skip_tags:
            self._skip += 1
            self._in_jsonld = tag == "script" and values.get("type", "").lower() == "application/ld+json"
            if self._in_jsonld:
                self.jsonld.append("")
        if tag in self.rules.block_tags:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.rules.skip_tags and self._skip:
            self._skip -= 1
            self._in_jsonld = False
        if tag in self.rules.block_tags:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld[-1] += data
        elif self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def _parse(markup: str) -> _TextExtractor:
    parser = _TextExtractor(load_rules())
    parser.feed(markup)
    parser.close()
    return parser


def _jsonld_dates(blob: str, keys: tuple[str, ...]) -> list[str]:
    """Publication dates in one JSON-LD block, outermost objects first; a broken block gives none."""
    try:
        data: Any = json.loads(blob)
    except (ValueError, RecursionError):
        return []
    found: list[str] = []
    queue: list[Any] = [data]
    while queue:
        node = queue.pop(0)
        if isinstance(node, list):
            queue.extend(node)
        elif isinstance(node, dict):
            found.extend(str(node[k]) for k in keys if isinstance(node.get(k), str))
            queue.extend(v for v in node.values() if isinstance(v, (dict, list)))
    return found


def _published(parser: _TextExtractor) -> str | None:
    """The first ISO date among meta tags (in the rules' order), JSON-LD, then ``<time datetime>``."""
    rules = parser.rules
    candidates = [value for _, value in sorted(parser.meta_dates, key=lambda pair: pair[0])]
    candidates += [d for blob in parser.jsonld for d in _jsonld_dates(blob, rules.published_jsonld)]
    candidates += parser.time_dates
    for value in candidates:
        match = _ISO.match(value.strip())
        if match:
            return match.group(1)
    return None


def html_published(markup: str) -> str | None:
    """An HTML page's publication date from its meta tags, JSON-LD or first ``<time datetime>``, as ISO.

    >>> html_published('<meta property="article:published_time" content="2025-03-14T09:00:00Z">')
    '2025-03-14'
    """
    return _published(_parse(markup))


def _visible_text(parser: _TextExtractor) -> str:
    body = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.splitlines()]
    text = "\n".join(line for line in lines if line)
    title = html.unescape(" ".join("".join(parser.title).split()))
    if title and title not in text[:2000]:
        text = f"{title}\n{text}" if text else title
    return text


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, title first, one block per line: the reader of last resort.

    >>> html_to_text("<html><head><title>T</title></head><body><p>A &amp; B</p><script>x()</script></body></html>")
    'T\\nA & B'
    """
    return _visible_text(_parse(markup))


def _header_dates(visible: list[str], headline: str, first: str) -> list[str]:
    """Short lines with a date between the page's headline and the article's first line ("Posted on
    March 4, 2025", "By A. Writer | Published 9 April 2025"): the article's own header, which
    extractors drop with the bylines; the date in it is the page's when its markup states none."""
    from extract.text.dates import find_dates

    start = next((i for i, line in enumerate(visible) if line == headline), None)
    end = next((i for i, line in enumerate(visible) if line[:80] == first[:80] and (start is None or i > start)), None)
    if end is None:
        return []
    window = visible[start + 1:end] if start is not None else visible[max(0, end - 6):end]
    return [line for line in window if len(line.split()) <= 15 and find_dates(line)]


def main_text(markup: str, visible: list[str] | None = None) -> str:
    """The page's article as trafilatura finds it, its header first; ``""`` when it finds none.

    The header is the headline (when the extracted text lacks it), then the byline and dated lines
    of the article's header, taken from ``visible`` (the page's visible lines) when given. Tables
    are left out: on pages laid out with tables they would flatten menus and article into one line,
    and the genre's facts are in sentences.
    """
    import trafilatura  # imported here: it loads lxml and its date parsers, which plain-text runs never need
    from trafilatura.settings import Document as Extracted

    found = trafilatura.bare_extraction(markup, include_comments=False, include_tables=False,
                                        include_images=False, include_links=False, with_metadata=True)
    if not isinstance(found, Extracted):  # None when it finds nothing (a dict only with as_dict=True)
        return ""
    body = (found.text or "").strip()
    if not body:
        return ""
    lines = [line for line in (re.sub(r"[ \t\u00a0]+", " ", raw).strip() for raw in body.splitlines()) if line]
    headline = " ".join((found.title or "").split())
    at = lines.index(headline) + 1 if headline in lines[:3] else 0
    head: list[str] = [] if at or not headline else [headline]
    author = " ".join((found.author or "").split())
    if author and author not in "\n".join(lines)[:1500]:
        head.append(f"By {author}")
    if visible is not None:
        first = next((line for line in lines[at:] if line != headline), "")
        head += [line for line in _header_dates(visible, headline, first) if line not in lines]
    return "\n".join(lines[:at] + head + lines[at:])


def read_html(markup: str) -> Page:
    """Read a saved page: its article (else all its visible text) and the date its markup states.

    >>> read_html('<html><head><meta name="date" content="2024-11-02"></head><body><p>Hi.</p></body></html>')
    Page(text='Hi.', published='2024-11-02')
    """
    parser = _parse(markup)
    visible = _visible_text(parser)
    return Page(text=main_text(markup, visible.splitlines()) or visible, published=_published(parser))
