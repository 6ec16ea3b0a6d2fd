"""Saved web pages as read before, kept in the extraction cache, so that a rebuild does not read them again.

Reading a saved HTML page (finding its main text, its publication date in meta tags or the text) costs tens
of milliseconds, and the first page that needs a date parsed from free text costs seconds of the date
parser's start-up. A rebuild that takes every other document from the cache would spend most of its reading
time there. So a page's :class:`extract.text.document.Document` is kept beside the extractions, under
``pages/``, keyed by a hash of the file's bytes, its name and IRI key, and the fingerprint of the extraction
code (which holds the page reader): the same bytes read by the same code give the same document. Plain text
files are read directly; they cost less than a look-up.

Entries are written and checked like the extractions' (:mod:`graph.build.cache`): atomically, and a damaged
one is a miss that is read and written again.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> page = b"<html><head><title>Note</title></head><body><p>Trade talks resumed in Laredo.</p></body></html>"
>>> first = read(folder, "note.html", page, key="note")
>>> read(folder, "note.html", page, key="note") == first, first.text
(True, 'Note\\nTrade talks resumed in Laredo.')
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from extract.text.document import Document, decode
from graph.build.cache import fingerprint, mark
from graph.build.outdir import atomic_write

__all__ = ["read"]

FORMAT = 1
_PAGES = (".html", ".htm")


def read(folder: Path | None, name: str, data: bytes, *, key: str) -> Document:
    """The document of the file ``name`` holding ``data``: decoded, or (a web page) from ``folder/pages``
    when the same bytes were read before. Raises :class:`extract.errors.InputError` as
    :func:`extract.text.document.decode` does."""
    if folder is None or not name.lower().endswith(_PAGES):
        return decode(name, data, key=key)
    entry_key = hashlib.sha256(json.dumps([FORMAT, fingerprint(), name, key, hashlib.sha256(data).hexdigest()])
                               .encode("utf-8")).hexdigest()
    path = folder / "pages" / entry_key[:2] / f"{entry_key}.json"
    found = _load(path, entry_key)
    if found is not None:
        return found
    document = decode(name, data, key=key)
    try:
        mark(folder)
        atomic_write(path, json.dumps({"entry": entry_key, **asdict(document)}, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # the cache only saves time
    return document


def _load(path: Path, entry_key: str) -> Document | None:
    """The document kept at ``path``, or None when there is none or it is not whole."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    fields = ("name", "key", "text", "encoding")
    if not (isinstance(data, dict) and data.get("entry") == entry_key
            and all(isinstance(data.get(f), str) for f in fields) and isinstance(data.get("published"), str | None)):
        return None
    return Document(data["name"], data["key"], data["text"], data["published"], data["encoding"])
