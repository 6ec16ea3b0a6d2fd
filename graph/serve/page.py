"""The query page at the endpoint's root: YASGUI, served by the endpoint itself, under a strict CSP.

``GET /`` from a browser (an ``Accept`` header naming ``text/html``) gets an HTML page that runs
YASGUI (``graph/data/yasgui/``, the npm package ``@zazuko/yasgui``, MIT) against this endpoint's
``/sparql``, one tab per library query (:mod:`graph.serve.tabs`). Other clients asking for ``/``
still get the plain-text help. The page's scripts and styles come from the endpoint too, at
:data:`ASSETS`' paths; its Content-Security-Policy (:data:`CSP`) lets it load and connect to its
own origin only, so neither the page nor anything typed into it can reach another host.

>>> sorted(ASSETS)[0], wants_page("text/html,application/xhtml+xml,*/*;q=0.8"), wants_page("*/*")
('/assets/query-page.css', True, False)
"""
from __future__ import annotations

import functools
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

import jinja2

from extract.errors import TradegraphError
from graph.serve.tabs import library_tabs
from graph.serve.workers import Answer

__all__ = ["ASSETS", "CSP", "asset_answer", "open_in_browser", "page_answer", "page_html", "route", "wants_page"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
#: The page's policy: its own origin for scripts, styles, images and requests; nothing else.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
#: Path on the endpoint -> (file under graph/data, media type).
ASSETS = {
    "/assets/yasgui.min.js": ("yasgui/yasgui.min.js", "text/javascript; charset=utf-8"),
    "/assets/yasgui.min.css": ("yasgui/yasgui.min.css", "text/css; charset=utf-8"),
    "/assets/query-page.js": ("query-page.js", "text/javascript; charset=utf-8"),
    "/assets/query-page.css": ("query-page.css", "text/css; charset=utf-8"),
}
_PAGE_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                 "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
ENDPOINT_PATH = "/sparql"


def wants_page(accept: str | None) -> bool:
    """Whether the ``Accept`` header names HTML (browsers do; curl and SPARQL clients do not)."""
    for part in (accept or "").split(","):
        media, *options = [p.strip().lower() for p in part.split(";")]
        if media == "text/html" and not any(o.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000")
                                            for o in options):
            return True
    return False


@functools.cache
def page_html() -> str:
    """The page (read once: the library's queries and the template)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(DATA_DIR)), autoescape=True)
    assets = {"yasgui_js": "/assets/yasgui.min.js", "yasgui_css": "/assets/yasgui.min.css",
              "page_js": "/assets/query-page.js", "page_css": "/assets/query-page.css"}
    return env.get_template("query-page.html.j2").render(endpoint=ENDPOINT_PATH, tabs=library_tabs(),
                                                         assets=assets)


@functools.cache
def _asset(path: str) -> Answer:
    name, media_type = ASSETS[path]
    return Answer(200, media_type, (DATA_DIR / name).read_bytes(), {"X-Content-Type-Options": "nosniff"})


def page_answer() -> Answer:
    """The query page, with its Content-Security-Policy and no-referrer, no-framing headers."""
    return Answer(200, "text/html; charset=utf-8", page_html().encode("utf-8"), dict(_PAGE_HEADERS))


def asset_answer(path: str) -> Answer | None:
    """One of the page's scripts or styles (``None``: not one of :data:`ASSETS`)."""
    return _asset(path) if path in ASSETS else None


def route(environ: dict[str, object]) -> Answer | None:
    """The page or one of its assets for a ``GET``/``HEAD`` request, or ``None`` (a SPARQL request, or no such page).

    ``/`` is the page only when the client asks for HTML and sends no ``query``; a library query whose
    header cannot be read makes it a 500 naming that query.
    """
    if str(environ.get("REQUEST_METHOD", "GET")).upper() not in ("GET", "HEAD"):
        return None
    path = str(environ.get("PATH_INFO") or "/")
    if path != "/":
        return asset_answer(path)
    asked = parse_qs(str(environ.get("QUERY_STRING", "")), keep_blank_values=True)
    if "query" in asked or not wants_page(str(environ.get("HTTP_ACCEPT", ""))):
        return None
    try:
        return page_answer()
    except TradegraphError as exc:
        return Answer(500, "text/plain; charset=utf-8", f"the query page cannot be built: {exc}\n".encode())


def open_in_browser(url: str, on_failure: Callable[[str], object] = lambda line: None) -> threading.Thread:
    """Open ``url`` in the user's web browser (``webbrowser``, which honours ``$BROWSER``), from a daemon thread.

    A thread, because ``webbrowser`` waits for some browser commands to exit, and a browser must be able to
    load the page meanwhile. ``on_failure`` hears one line when no browser could be started.
    """
    def run() -> None:
        try:
            opened = webbrowser.open(url)
        except webbrowser.Error:
            opened = False
        if not opened:
            on_failure(f"no web browser could be started; open {url} yourself")

    thread = threading.Thread(target=run, name="open-query-page", daemon=True)
    thread.start()
    return thread
