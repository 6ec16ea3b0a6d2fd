"""The SPARQL 1.1 Protocol, read-only, as a WSGI application.

``GET /sparql?query=…`` and ``POST /sparql`` (a form with ``query=…``, or the query
itself as ``application/sparql-query``) answer SELECT and ASK as SPARQL JSON, XML,
CSV or TSV results and CONSTRUCT and DESCRIBE as Turtle, N-Triples, RDF/XML or
JSON-LD, chosen by the ``Accept`` header (or a ``format`` / ``output`` parameter:
``json``, ``xml``, ``csv``, ``tsv``, ``turtle``, ``ntriples``, ``rdfxml``, ``jsonld``).
``default-graph-uri`` and ``named-graph-uri`` pick the dataset; without them the
default graph is the union of all graphs. Updates are refused with 403, and so are
``SERVICE`` clauses, requests whose ``Host`` names another site, and (without
``--cors``) no CORS headers are sent: see :class:`graph.serve.access.Access`. ``HEAD`` is
answered as ``GET`` without the body; a media type the ``Accept`` header gives ``q=0``
is never sent (another acceptable one is, or 406). Every answer to a request for this endpoint's
``Host`` names the build it comes from in ``X-Tradegraph-Build`` (``build_header``), readable by the
pages ``--cors`` allows. ``param.NAME=VALUE`` arguments bind a library query's declared parameters
(:mod:`graph.serve.bindings`); a browser opening ``/`` gets the query page (:mod:`graph.serve.page`).

>>> negotiate("text/csv;q=0.5, application/sparql-results+json", None)
('application/sparql-results+json', 'text/csv')
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

from graph.errors import QueryError
from graph.serve.access import Access
from graph.serve.bindings import bound_query
from graph.serve.builds import BUILD_HEADER
from graph.serve.page import route
from graph.serve.workers import Answer, Request

__all__ = ["FORMAT_NAMES", "make_app", "negotiate", "refused_types"]

PATHS = ("/sparql", "/query", "/")
FORMAT_NAMES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
    "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
    "ntriples": "application/n-triples", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
_ALIASES = {"application/json": "application/sparql-results+json", "application/xml": "application/sparql-results+xml",
            "text/xml": "application/sparql-results+xml", "text/plain": "application/n-triples"}
_GRAPH_OF = {"application/sparql-results+json": "application/ld+json",
             "application/sparql-results+xml": "application/rdf+xml"}
_HELP = """tradegraph SPARQL endpoint (read-only)

GET  /sparql?query=SELECT…            answers in the format the Accept header asks for
POST /sparql  query=SELECT…           (application/x-www-form-urlencoded)
POST /sparql  SELECT…                 (application/sparql-query)
The default graph is the union of all graphs; GRAPH ?doc { … } reaches one document's facts.
param.NAME=VALUE                      binds a parameter the query's `# param:` header declares
                                      (as `tradegraph query --param NAME=VALUE` does)
A web browser opening / gets the query page, with the library's queries.
"""
_UPDATE = re.compile(r"^(?:\s|#[^\n]*\n|(?:PREFIX|BASE)\s[^\n]*?>)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
StartResponse = Callable[[str, list[tuple[str, str]]], Any]
_METHODS = "GET, HEAD, POST, OPTIONS"
_REASONS = {200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 405: "Method Not Allowed",
            406: "Not Acceptable", 413: "Content Too Large", 415: "Unsupported Media Type",
            500: "Internal Server Error",
            503: "Service Unavailable", 404: "Not Found"}


def _ranges(accept: str | None) -> list[tuple[str, float]]:
    """The Accept header's media ranges with their quality (a malformed ``q`` counts as 0)."""
    ranges = []
    for part in (accept or "*/*").split(","):
        media, *options = [p.strip() for p in part.split(";")]
        q = 1.0
        for opt in options:
            if opt.replace(" ", "").lower().startswith("q="):
                try:
                    q = float(opt.split("=", 1)[1])
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((_ALIASES.get(media.lower(), media.lower()), q))
    return ranges


def refused_types(accept: str | None) -> tuple[str, ...]:
    """The media ranges the Accept header refuses (``q=0``): never sent, whatever else it accepts.

    >>> refused_types("application/sparql-results+json;q=0, */*")
    ('application/sparql-results+json',)
    """
    return tuple(dict.fromkeys(media for media, q in _ranges(accept) if q <= 0))


def negotiate(accept: str | None, format_param: str | None) -> tuple[str, ...]:
    """Media types the client accepts, best first (a ``format`` parameter goes before the header)."""
    ranked = [(-q, i, media) for i, (media, q) in enumerate(_ranges(accept)) if q > 0]
    wanted = [m for _, _, m in sorted(ranked)]
    if format_param:
        named = FORMAT_NAMES.get(format_param.lower(), _ALIASES.get(format_param.lower(), format_param.lower()))
        wanted = [named, _GRAPH_OF.get(named, named)] + wanted
    return tuple(dict.fromkeys(wanted)) or ("*/*",)


def _send(start_response: StartResponse, answer: Answer, extra: dict[str, str], head: bool) -> list[bytes]:
    headers = [("Content-Type", answer.media_type), ("Content-Length", str(len(answer.body))),
               ("Cache-Control", "no-store"), *answer.headers.items(), *extra.items()]
    start_response(f"{answer.status} {_REASONS.get(answer.status, '')}".strip(), headers)
    return [] if head else [answer.body]


def _text(status: int, message: str, **headers: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.strip() + "\n").encode("utf-8"), dict(headers))


def _read_body(environ: dict[str, Any], limit: int) -> bytes | None:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        return None
    return environ["wsgi.input"].read(length) if length > 0 else b""


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name) or []
    return values[-1] if values else None


def _parse(environ: dict[str, Any], max_body: int, access: Access) -> Request | Answer:
    """The request's query and options, or the error answer to give."""
    method = environ.get("REQUEST_METHOD", "GET").upper()
    params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    if method == "HEAD":
        method = "GET"
    if method not in ("GET", "POST"):
        return _text(405, f"{method} is not supported: use GET or POST", Allow=_METHODS)
    content_type = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
    if method == "POST":
        body = _read_body(environ, max_body)
        if body is None:
            return _text(413, f"the request body is larger than {max_body} bytes")
        if content_type == "application/sparql-update":
            return _text(403, "this endpoint is read-only: updates are refused")
        if content_type == "application/sparql-query":
            params.setdefault("query", []).append(body.decode("utf-8", errors="replace"))
        elif content_type in ("application/x-www-form-urlencoded", ""):
            for key, values in parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            return _text(415, f"unsupported content type {content_type!r}; send application/x-www-form-urlencoded "
                              "or application/sparql-query")
    if "update" in params or "using-graph-uri" in params:
        return _text(403, "this endpoint is read-only: updates are refused")
    queries = params.get("query") or []
    if not queries and method == "GET":
        return _text(200, _HELP)
    if len(queries) != 1 or not queries[0].strip():
        return _text(400, "give exactly one query (the 'query' parameter)")
    if _UPDATE.match(queries[0]):
        return _text(403, "this endpoint is read-only: updates are refused")
    refusal = access.service_refusal(queries[0])
    if refusal:
        return _text(403, refusal)
    try:
        query, substitutions = bound_query(queries[0], params)
    except QueryError as exc:
        return _text(400, str(exc))
    accept = negotiate(environ.get("HTTP_ACCEPT"), _one(params, "format") or _one(params, "output"))
    return Request(query, accept, tuple(params.get("default-graph-uri", [])),
                   tuple(params.get("named-graph-uri", [])), refused_types(environ.get("HTTP_ACCEPT")), substitutions)


def _preflight(cors: dict[str, str]) -> Answer:
    """OPTIONS: the methods, and for an origin ``--cors`` allows, what its scripts may send."""
    if cors:
        cors = {**cors, "Access-Control-Allow-Methods": "GET, HEAD, POST",
                "Access-Control-Allow-Headers": "Accept, Content-Type", "Access-Control-Max-Age": "600"}
    return Answer(204, "text/plain; charset=utf-8", b"", {"Allow": _METHODS, **cors})


def make_app(execute: Callable[[Request], Answer], *, max_body: int = 1 << 20, access: Access | None = None,
             build_header: Callable[[], str] | None = None
             ) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """A WSGI application answering SPARQL requests with ``execute`` (e.g. :meth:`QueryPool.execute`).

    ``access`` says which ``Host`` names, CORS origins and ``SERVICE`` hosts are allowed (default: this
    machine's names, no CORS, no ``SERVICE``). ``build_header`` gives the ``X-Tradegraph-Build`` value of
    answers ``execute`` did not give one (the help page, refusals); a request from a foreign ``Host`` gets none.
    """
    policy = access or Access()

    def _respond(start_response: StartResponse, answer: Answer, extra: dict[str, str], head: bool) -> list[bytes]:
        if build_header is not None and BUILD_HEADER not in answer.headers:
            extra = {BUILD_HEADER: build_header(), **extra}
        if extra.get("Access-Control-Allow-Origin"):
            extra = {**extra, "Access-Control-Expose-Headers": BUILD_HEADER}
        return _send(start_response, answer, extra, head)

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        head = environ.get("REQUEST_METHOD", "GET").upper() == "HEAD"
        refusal = policy.host_refusal(environ.get("HTTP_HOST"))
        if refusal:
            return _send(start_response, _text(403, refusal), {}, head)
        cors = policy.cors_headers(environ.get("HTTP_ORIGIN"))
        path = environ.get("PATH_INFO") or "/"
        page = route(environ)  # the query page at / for browsers, and its scripts and styles
        if page is not None:
            return _respond(start_response, page, {}, head)
        if path not in PATHS:
            return _respond(start_response, _text(404, f"no such path {path!r}; the endpoint is /sparql"), cors, head)
        if environ.get("REQUEST_METHOD", "GET").upper() == "OPTIONS":
            return _respond(start_response, _preflight(cors), {}, head)
        parsed = _parse(environ, max_body, policy)
        if isinstance(parsed, Answer):
            return _respond(start_response, parsed, cors, head)
        return _respond(start_response, execute(parsed), cors, head)

    return app
