"""The HTML of the network page, made in pieces: its data's JSON is never one string.

The page's data (:func:`graph.network.render.page_data`) is tens of MB of JSON at 1,000 documents. Made as
one string with Jinja's ``tojson`` and put into the page, it was held several times over: the JSON, its
HTML-safe copies (one per escaped character), the page, and the page's UTF-8 bytes (Python keeps a text with
any character beyond Latin-1 at 2 or 4 bytes a character). Here the template is rendered with a marker where
the data goes, and the JSON is written piece by piece in between: the same bytes as ``tojson`` (the keys
sorted, no spaces, ``<``, ``>``, ``&`` and ``'`` as ``\\u`` escapes), item by item for the data's lists.

>>> page = b"".join(page_chunks({"heading": "Map", "kinds": {}, "sides": {}, "lines": [], "b": ["<i>"]}))
>>> page.count(b'{"b":["\\\\u003ci\\\\u003e"],"heading":"Map","kinds":{},"lines":[],"sides":{}}')
1
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from extract.errors import TradegraphError

__all__ = ["DATA_DIR", "VIS_DIR", "page_chunks", "json_chunks"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
# vis-network as the pyvis package ships it (found without importing pyvis, which is slow to import)
_PYVIS = importlib.util.find_spec("pyvis")
VIS_DIR = Path(_PYVIS.origin if _PYVIS and _PYVIS.origin else "pyvis").parent / "templates" / "lib" / "vis-9.1.2"
_JSON: dict[str, Any] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}  # Jinja's policy
# what the template gets for ``data``: its JSON (a quoted string) marks where the data's JSON goes
_MARK = "tradegraph:page-data:4f1c"
_CHUNK_CHARS = 1 << 16  # list items are written together up to this many characters: few writes, small pieces


def _html_safe(text: str) -> str:
    """``<``, ``>``, ``&`` and ``'`` as JSON escapes, as Jinja's ``htmlsafe_json_dumps`` writes them (four
    ``replace`` calls: ``str.translate`` with a table is ten times slower)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(DATA_DIR)), autoescape=True,
                             keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = dict(_JSON)
    return env


def _dumps(value: Any) -> str:
    return json.dumps(value, **_JSON)


def json_chunks(data: dict[str, Any]) -> Iterator[str]:
    """``json.dumps(data, **_JSON)`` in pieces, HTML-safe as Jinja's ``tojson`` makes it: each top-level list
    item by item, everything else whole.

    >>> data = {"z": [{"b": 1, "a": "<&>"}] * 450, "a": None, "m": "x'y"}
    >>> "".join(json_chunks(data)) == _html_safe(_dumps(data))
    True
    """
    yield "{"
    for i, key in enumerate(sorted(data)):
        value = data[key]
        head = _html_safe(("," if i else "") + _dumps(key) + ":")
        if not isinstance(value, list):
            yield head + _html_safe(_dumps(value))
            continue
        yield head + "["
        held: list[str] = []
        size = 0
        for j, item in enumerate(value):
            held.append(("," if j else "") + _html_safe(_dumps(item)))
            size += len(held[-1])
            if size >= _CHUNK_CHARS:
                yield "".join(held)
                held, size = [], 0
        yield "".join(held) + "]"
    yield "}"


def page_chunks(data: dict[str, Any]) -> Iterator[bytes]:
    """The page for ``data`` (the page's JSON data, with its ``heading``, ``kinds``, ``sides`` and ``lines``) as
    UTF-8 pieces, the same bytes as rendering the template with the whole data at once.

    Raises:
        TradegraphError: an inlined script holds ``</script``, which would end it early.
    """
    scripts = [(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
               (DATA_DIR / "network.js").read_text(encoding="utf-8")]
    if any("</script" in s.lower() for s in scripts):
        raise TradegraphError("an inlined script contains '</script'; it cannot be inlined safely")
    csp = ("default-src 'none'; script-src " + " ".join(_csp_hash(s) for s in scripts)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    styles = [(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
              (DATA_DIR / "network.css").read_text(encoding="utf-8")]
    page = _environment().get_template("network.html.j2").render(
        heading=data["heading"], data=_MARK, csp=csp, vis_js=scripts[0], page_js=scripts[1], styles=styles,
        kinds=data["kinds"], sides=data["sides"], lines=data["lines"])
    before, mark, after = page.partition(json.dumps(_MARK))
    if not mark or json.dumps(_MARK) in after:
        raise TradegraphError("the page's template must take its data exactly once")
    yield before.encode("utf-8")
    for piece in json_chunks(data):
        yield piece.encode("utf-8")
    yield after.encode("utf-8")
