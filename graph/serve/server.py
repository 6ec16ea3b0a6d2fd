"""``tradegraph serve``: the read-only SPARQL endpoint on a local port, over the build's query store.

A threaded ``wsgiref`` server runs :func:`graph.serve.endpoint.make_app`; queries run in
worker processes (:class:`graph.serve.workers.QueryPool`) so that each has a time limit.
It serves one build, pinned when it starts (:mod:`graph.serve.builds`), says which in its banner
and in every answer's ``X-Tradegraph-Build`` header, and moves to a new build only when told:
SIGHUP, ``--watch``, or :meth:`Endpoint.reload` (:mod:`graph.serve.reload`).
It listens on 127.0.0.1 (this machine only) unless told otherwise, with a listen
backlog of 128 (a burst of clients waits in the queue, not for a SYN retry); a
request must arrive whole (line, headers, body) within ``read_timeout`` seconds or
its connection is closed (408), so idle or trickling clients cannot hold threads.
What the endpoint refuses (``SERVICE``, foreign ``Host`` names, CORS) is
:class:`graph.serve.access.Access`.

>>> import tempfile, pathlib
>>> make_server(pathlib.Path(tempfile.mkdtemp()), port=0, timeout=1)
Traceback (most recent call last):
...
graph.errors.StoreError: ...: no built graph here; build the documents into ... first
"""
from __future__ import annotations

import io
import ipaddress
import signal
import socket
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from types import TracebackType
from typing import IO, cast
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer
from wsgiref.simple_server import make_server as _wsgi_server

from graph.build.outdir import term_as_interrupt
from graph.errors import ServeError, StoreError
from graph.serve.access import Access
from graph.serve.builds import BuildInfo, PinnedBuild
from graph.serve.endpoint import make_app
from graph.serve.page import open_in_browser
from graph.serve.reload import Builds
from graph.serve.workers import QueryPool

__all__ = ["Endpoint", "make_server", "serve"]


MAX_BODY = 1 << 20
_LATE = b"the request did not arrive in time\n"
_TIMED_OUT = (b"HTTP/1.0 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
              b"Content-Length: %d\r\n\r\n%s" % (len(_LATE), _LATE))


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # listen backlog
    read_timeout = 5.0
    quiet = False


class _Deadline:
    """Closes ``connection`` (after a 408) unless the request has been read within ``seconds``."""

    def __init__(self, connection: socket.socket, seconds: float) -> None:
        self.connection, self.state, self._lock = connection, "reading", threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    @property
    def expired(self) -> bool:
        return self.state == "expired"

    def _expire(self) -> None:
        with self._lock:
            if self.state != "reading":
                return
            self.state = "expired"
        try:
            self.connection.sendall(_TIMED_OUT)
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._timer.cancel()
        with self._lock:
            if self.state == "reading":
                self.state = "read"


class _Handler(WSGIRequestHandler):
    """One request per connection, which must arrive whole within the server's ``read_timeout``."""

    server: _ThreadingServer

    def setup(self) -> None:
        super().setup()
        # each socket read and write, too; a little longer than the deadline, so that a request still unread
        # when the deadline passes gets its 408 rather than a silent close
        self.connection.settimeout(self.server.read_timeout + 1.0)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        if not self.server.quiet:
            super().log_message(format, *args)

    def _read_request(self) -> bytes | None:
        """Read the request line, headers and body (``None``: nothing to answer, or answered already)."""
        self.raw_requestline = self.rfile.readline(65537)
        if not self.raw_requestline:
            return None
        if len(self.raw_requestline) > 65536:
            self.requestline = self.request_version = self.command = ""
            self.send_error(414)
            return None
        if not self.parse_request():  # an error has been sent
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        return self.rfile.read(length) if 0 < length <= MAX_BODY else b""

    def handle(self) -> None:
        try:
            with _Deadline(self.connection, self.server.read_timeout) as deadline:
                body = self._read_request()
        except OSError:  # timed out or reset while reading: nothing to answer
            return
        if body is None or deadline.expired:
            return
        handler = ServerHandler(io.BytesIO(body), cast("IO[bytes]", self.wfile), self.get_stderr(),
                                self.get_environ(), multithread=False)
        handler.request_handler = self  # type: ignore[attr-defined]  # wsgiref's back-pointer for logging
        app = self.server.get_app()
        assert app is not None, "make_server sets the application"
        handler.run(app)


@dataclass
class Endpoint:
    """A running (or ready to run) endpoint: ``url`` is its SPARQL address, ``build`` the build it serves."""

    server: WSGIServer
    builds: Builds
    access: Access

    @property
    def url(self) -> str:
        host, port = cast("tuple[str, int]", self.server.server_address[:2])
        return f"http://{host}:{port}/sparql"

    @property
    def page_url(self) -> str:
        """The query page's address (:mod:`graph.serve.page`): the endpoint's root."""
        return self.url.removesuffix("sparql")

    def open_page(self, on_failure: Callable[[str], object] = lambda line: None) -> threading.Thread:
        """Open the query page in the user's web browser, from a thread (returned); ``on_failure`` hears why not."""
        return open_in_browser(self.page_url, on_failure)

    @property
    def build(self) -> BuildInfo:
        """The build now served: its folder, build time and document count."""
        return self.builds.info

    @property
    def pool(self) -> QueryPool:
        """The query workers of the build now served."""
        return self.builds.pool

    def reload(self) -> BuildInfo | None:
        """Serve the build now in the folder (all workers at once); ``None`` if there is none (the old one stays)."""
        return self.builds.reload()

    def watch(self, interval: float = 2.0) -> threading.Thread:
        """Reload whenever a new build is swapped into the folder, polling every ``interval`` seconds."""
        return self.builds.watch(interval)

    def start_in_thread(self) -> threading.Thread:
        """Serve from a daemon thread (for tests and notebooks); stop with :meth:`close`."""
        thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        """Stop serving and stop the query workers."""
        self.server.shutdown()
        self.server.server_close()
        self.builds.close()


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def make_server(out: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                workers: int = 2, quiet: bool = False, allow_service: Sequence[str] = (),
                allowed_hosts: Sequence[str] = (), cors: Sequence[str] = (), read_timeout: float = 5.0,
                log: Callable[[str], None] | None = None) -> Endpoint:
    """An endpoint over the store of the build in ``out``, bound to ``host:port`` (0: a free port).

    The build is pinned now (``out`` made absolute first); :meth:`Endpoint.reload` moves to the next.
    ``allow_service`` lists the hosts ``SERVICE`` may call (none: refused, and the query workers
    have no network access); ``allowed_hosts`` adds names the ``Host`` header may give; ``cors``
    lists the origins (or ``*``) whose pages may read answers; a request must arrive within
    ``read_timeout`` seconds. ``log`` hears one line per reload (default: stderr, nothing if ``quiet``).

    Raises:
        StoreError: no store in ``out``, or it cannot be opened.
        ServeError: a bad time limit, ``allow_service`` host or ``cors`` origin.
        OSError: the address is in use or cannot be bound.
    """
    for name, value in (("--timeout", timeout), ("--read-timeout", read_timeout)):
        if value <= 0:
            raise ServeError(f"{name} must be more than 0 seconds, not {value:g}")
    access = Access(bound=host, allowed_hosts=tuple(allowed_hosts), cors=tuple(cors), services=tuple(allow_service))

    def start_pool(pinned: PinnedBuild) -> QueryPool:
        return QueryPool(pinned.path, timeout=timeout, size=workers, network=bool(access.services), fds=pinned.fds)

    builds = Builds(out, start_pool, log=log or ((lambda line: None) if quiet else _stderr))
    try:
        server = _wsgi_server(host, port, make_app(builds.execute, max_body=MAX_BODY, access=access,
                                                   build_header=lambda: builds.info.header()),
                              server_class=_ThreadingServer, handler_class=_Handler)
    except OSError:
        builds.close()
        raise
    server.read_timeout, server.quiet = read_timeout, quiet
    return Endpoint(server, builds, access)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        return False


def _service_line(endpoint: Endpoint) -> str:
    if endpoint.access.services:
        return f"SERVICE allowed to {', '.join(endpoint.access.services)} only"
    if endpoint.pool.sandboxed:
        return "SERVICE refused; the query workers have no network access"
    return "SERVICE refused (this system cannot take network access from the query workers)"


def serve(out: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          allow_service: Sequence[str] = (), allowed_hosts: Sequence[str] = (), cors: Sequence[str] = (),
          read_timeout: float = 5.0, watch: float | None = None, open_page: bool = False) -> int:
    """Run the endpoint until interrupted (options as :func:`make_server`); returns the exit status.

    SIGHUP reloads the build; ``watch`` (seconds) also polls the folder and reloads when a new build is there.
    ``open_page`` opens the query page in the user's browser once the server listens (``--open``).
    """
    try:
        endpoint = make_server(out, host=host, port=port, timeout=timeout, allow_service=allow_service,
                               allowed_hosts=allowed_hosts, cors=cors, read_timeout=read_timeout)
    except OSError as exc:
        raise StoreError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                         "try another --port") from None
    if not _is_loopback(host):
        print(f"warning: listening on {host}, reachable from other machines", file=sys.stderr)
    reloads = "SIGHUP reloads it" if hasattr(signal, "SIGHUP") else "restart to serve a new build"
    if watch is not None:
        endpoint.watch(watch)
        reloads += f"; a new build is picked up within {watch:g} s (--watch)"
    print(f"SPARQL endpoint (read-only): {endpoint.url}  (time limit {timeout:g} s; Ctrl-C stops it)\n"
          f"  serving {endpoint.build.describe()}; {reloads}\n"
          f"  {_service_line(endpoint)}; CORS {'for ' + ', '.join(cors) if cors else 'off'}\n"
          f"  query page: {endpoint.page_url}", flush=True)
    if open_page:  # the socket listens already: the browser's request waits for serve_forever
        endpoint.open_page(lambda line: _stderr(f"warning: {line}"))
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, lambda signum, frame: threading.Thread(
            target=endpoint.reload, name="reload-build", daemon=True).start())
    try:
        with term_as_interrupt():  # SIGTERM stops it as Ctrl-C does: workers stopped, pin links removed
            endpoint.server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.server.server_close()
        endpoint.builds.close()
    return 0
