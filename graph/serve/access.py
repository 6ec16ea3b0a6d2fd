"""Who may use the endpoint and what it may reach: the ``Host`` names it answers to, CORS, ``SERVICE``.

Locked down by default, because a local endpoint is reachable from every web page the
user opens:

- ``Host`` must name this endpoint (the address it listens on, ``localhost``,
  ``127.0.0.1``, ``[::1]``, or a name given with ``--allowed-host``); any other name is a
  page that has rebound its own domain name to this machine (DNS rebinding) and is refused.
  When listening on every interface (``0.0.0.0``/``::``) an IP address is accepted too,
  since a rebinding page always sends its own domain name.
- No CORS headers unless ``--cors ORIGIN`` names the page's origin (``*`` for any), so
  other sites' scripts cannot read answers.
- ``SERVICE`` (which makes the engine send HTTP requests) is refused unless its host is
  listed with ``--allow-service`` (:mod:`graph.serve.service_guard`).

>>> Access().host_refusal("localhost:7878") is None, Access().host_refusal("evil.example") is None
(True, False)
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from graph.errors import ServeError
from graph.serve.service_guard import parse_hosts, service_refusal

__all__ = ["Access"]

_LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
_WILDCARDS = ("0.0.0.0", "::", "")


def _host_name(header: str) -> str:
    """The host part of a ``Host`` header, lower-case, without port or IPv6 brackets ('' if malformed)."""
    try:
        return (urlsplit("//" + header.strip()).hostname or "").rstrip(".")
    except ValueError:
        return ""


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Access:
    """The endpoint's access policy (see the module's docstring); ``bound`` is the address it listens on.

    Raises:
        ServeError: a ``services`` entry that is no host, or a ``cors`` origin that is no origin.
    """

    bound: str = "127.0.0.1"
    allowed_hosts: tuple[str, ...] = ()
    cors: tuple[str, ...] = ()
    services: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        try:
            parse_hosts(self.services)
        except ValueError as exc:
            raise ServeError(f"allowed SERVICE target: {exc}") from None
        for origin in self.cors:
            parts = urlsplit(origin)
            if origin != "*" and (parts.scheme not in ("http", "https") or not parts.netloc or parts.path):
                raise ServeError(f"CORS origin {origin!r} is no origin; give e.g. http://localhost:8888 or *")

    def host_refusal(self, header: str | None) -> str | None:
        """Why a request with this ``Host`` header is refused (one line), or ``None`` when it names this endpoint."""
        if header is None:  # HTTP/1.0 clients may leave it out; every browser sends it
            return None
        name = _host_name(header)
        names = {*_LOCAL_NAMES, _host_name(self.bound), *(_host_name(h) for h in self.allowed_hosts)}
        if name and (name in names or (self.bound in _WILDCARDS and _is_ip(name))):
            return None
        return (f"misdirected request: Host {header!r} is not a name of this endpoint "
                "(start it with --allowed-host NAME to accept that name)")

    def cors_headers(self, origin: str | None) -> dict[str, str]:
        """The CORS headers for a request from ``origin``: none unless ``--cors`` lists it (or ``*``)."""
        if not origin or not self.cors:
            return {}
        if "*" in self.cors:
            return {"Access-Control-Allow-Origin": "*"}
        if origin in self.cors:
            return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
        return {}

    def service_refusal(self, query: str) -> str | None:
        """Why this query's ``SERVICE`` clauses are refused, or ``None`` (see :func:`service_refusal`)."""
        return service_refusal(query, self.services)
