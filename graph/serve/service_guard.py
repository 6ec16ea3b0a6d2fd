"""Which addresses a SPARQL query's ``SERVICE`` clauses would make the engine call, and whether that is allowed.

Oxigraph evaluates ``SERVICE <iri> { … }`` by sending an HTTP request to ``iri``
(pyoxigraph has no switch to turn this off), so an endpoint that runs strangers'
queries would fetch any address they name. This module reads a query the way the
SPARQL grammar tokenizes it (strings, IRIs, comments, variables and prefixed
names are single tokens, keywords are case-insensitive) and returns every
``SERVICE`` target: an absolute IRI (prefixed names and relative IRIs resolved
through ``PREFIX`` and ``BASE``, ``\\u`` escapes decoded) or ``None`` when the
target is a variable or anything else that cannot be checked. It fails closed: a
``SERVICE`` keyword whose target cannot be read counts as one that is refused.
The query workers also run without network access unless services are allowed
(:mod:`graph.serve.sandbox`), so this check is the explanation, not the only wall.

>>> service_targets('PREFIX e: <http://a.example/> SELECT * { sErViCe SILENT e:q { ?s ?p ?o } }')
['http://a.example/q']
>>> service_targets('SELECT * { SERVICE ?where { ?s ?p ?o } }')
[None]
>>> service_refusal('SELECT * { ?s <http://e/service> "SERVICE <http://x/>" }', ())
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin, urlsplit

__all__ = ["parse_hosts", "service_refusal", "service_targets"]

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>(?:[^\W\d_][\w.\-\u00b7]*)?:(?:[\w:%\-.\u00b7]|\\[_~.\-!$&'()*+,;=/?\#@%]|%[0-9A-Fa-f]{2})*)
  | (?P<word>[A-Za-z_][\w\-]*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LOCAL_ESCAPE = re.compile(r"\\(.)")
#: An IRI the check can trust: http(s), a plain host name or address literal, no user part, no backslash.
_SAFE_URL = re.compile(r"^https?://(?:[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:[/?#][^\\@\s]*)?$")


def _tokens(query: str) -> Iterator[tuple[str, str]]:
    """The query's significant tokens as (kind, text), whitespace and comments left out."""
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield kind, match.group()


def _unescape_iri(text: str) -> str:
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def service_targets(query: str) -> list[str | None]:
    """The IRI each ``SERVICE`` clause of ``query`` would call, in order; ``None`` for one that cannot be read."""
    prefixes: dict[str, str] = {}
    base = ""
    tokens = list(_tokens(query))
    targets: list[str | None] = []
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        upper = text.upper() if kind == "word" else ""
        if upper == "BASE" and i + 1 < len(tokens) and tokens[i + 1][0] == "iri":
            base = urljoin(base, _unescape_iri(tokens[i + 1][1][1:-1]))
        elif upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "pname" \
                and tokens[i + 2][0] == "iri":
            prefixes[tokens[i + 1][1].rstrip(":")] = urljoin(base, _unescape_iri(tokens[i + 2][1][1:-1]))
        elif upper == "SERVICE":
            j = i + 1
            if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "SILENT":
                j += 1
            targets.append(_resolve(tokens[j] if j < len(tokens) else ("other", ""), prefixes, base))
        i += 1
    return targets


def _resolve(token: tuple[str, str], prefixes: dict[str, str], base: str) -> str | None:
    kind, text = token
    if kind == "iri":
        return urljoin(base, _unescape_iri(text[1:-1]))
    if kind == "pname":
        prefix, _, local = text.partition(":")
        if prefix not in prefixes:
            return None
        return prefixes[prefix] + _LOCAL_ESCAPE.sub(r"\1", local)
    return None


def _host_port(iri: str) -> tuple[str, int | None] | None:
    if not _SAFE_URL.match(iri):
        return None
    parts = urlsplit(iri)
    try:
        return (parts.hostname or "").lower(), parts.port
    except ValueError:
        return None


def parse_hosts(entries: Iterable[str]) -> tuple[tuple[str, int | None], ...]:
    """``--allow-service`` entries (``host``, ``host:port``, ``[v6]:port``) as (lower-case host, port or None).

    Raises:
        ValueError: an entry that is no host name or address.
    """
    parsed: list[tuple[str, int | None]] = []
    for entry in entries:
        text = entry.strip()
        if text.count(":") > 1 and not text.startswith("["):
            text = f"[{text}]"
        try:
            parts = urlsplit("//" + text)
            host, port = (parts.hostname or "").lower(), parts.port
        except ValueError:
            host, port = "", None
        if not host or not _SAFE_URL.match(f"http://{text}/"):
            raise ValueError(f"{entry!r} is no host name or address (give e.g. query.example.org or 10.0.0.5:3030)")
        parsed.append((host, port))
    return tuple(parsed)


def _allowed(iri: str, hosts: Iterable[tuple[str, int | None]]) -> bool:
    found = _host_port(iri)
    if found is None:
        return False
    host, port = found
    return any(host == name and (wanted is None or port == wanted) for name, wanted in hosts)


def service_refusal(query: str, allowed_hosts: Iterable[str]) -> str | None:
    """Why ``query`` may not run here (one line), or ``None`` when every ``SERVICE`` it holds is allowed.

    ``allowed_hosts`` are host names or addresses, optionally with ``:port``; empty means no ``SERVICE`` at all.
    """
    targets = service_targets(query)
    if not targets:
        return None
    names = tuple(allowed_hosts)
    hosts = parse_hosts(names)
    if not hosts:
        return ("SERVICE is refused: this endpoint sends no requests to other servers "
                "(start it with --allow-service HOST to allow one)")
    for target in targets:
        if target is None:
            return "SERVICE is refused unless its address is written out (an IRI or a prefixed name, not a variable)"
        if not _allowed(target, hosts):
            return (f"SERVICE <{target}> is refused: only http(s) addresses on "
                    f"{', '.join(names)} are allowed (--allow-service)")
    return None
