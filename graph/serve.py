"""``tradegraph serve``: the read-only SPARQL endpoint on a local port, over the build's query store.

A threaded ``wsgiref`` server runs :func:`graph.endpoint.make_app`; queries run in
worker processes (:class:`graph.workers.QueryPool`) so that each has a time limit.
It listens on 127.0.0.1 (this machine only) unless told otherwise.

>>> import tempfile, pathlib
>>> make_server(pathlib.Path(tempfile.mkdtemp()), port=0, timeout=1)
Traceback (most recent call last):
...
graph.errors.StoreError: ...: no built graph here; run `tradegraph build DOCS --out ...` first
"""
from __future__ import annotations

import ipaddress
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server as _wsgi_server

from extract.errors import TradegraphError
from graph.endpoint import make_app
from graph.errors import StoreError
from graph.oxstore import open_store, store_path
from graph.workers import QueryPool

__all__ = ["Endpoint", "make_server", "serve"]


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        pass


@dataclass
class Endpoint:
    """A running (or ready to run) endpoint: ``url`` is its SPARQL address."""

    server: WSGIServer
    pool: QueryPool

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def start_in_thread(self) -> threading.Thread:
        """Serve from a daemon thread (for tests and notebooks); stop with :meth:`close`."""
        thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        """Stop serving and stop the query workers."""
        self.server.shutdown()
        self.server.server_close()
        self.pool.close()


def make_server(out: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                workers: int = 2, quiet: bool = False) -> Endpoint:
    """An endpoint over the store of the build in ``out``, bound to ``host:port`` (0: a free port).

    Raises:
        StoreError: no store in ``out``, or it cannot be opened.
        OSError: the address is in use or cannot be bound.
    """
    if timeout <= 0:
        raise TradegraphError(f"--timeout must be more than 0 seconds, not {timeout:g}")
    open_store(out)  # a clear one-line error now, rather than from a worker
    pool = QueryPool(store_path(out), timeout=timeout, size=workers)
    try:
        server = _wsgi_server(host, port, make_app(pool.execute), server_class=_ThreadingServer,
                              handler_class=_QuietHandler if quiet else WSGIRequestHandler)
    except OSError:
        pool.close()
        raise
    return Endpoint(server, pool)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        return False


def serve(out: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0) -> int:
    """Run the endpoint until interrupted; returns the exit status."""
    try:
        endpoint = make_server(out, host=host, port=port, timeout=timeout)
    except OSError as exc:
        raise StoreError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                         "try another --port") from None
    if not _is_loopback(host):
        print(f"warning: listening on {host}, reachable from other machines", file=sys.stderr)
    print(f"SPARQL endpoint (read-only): {endpoint.url}  (time limit {timeout:g} s; Ctrl-C stops it)",
          flush=True)
    try:
        endpoint.server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.server.server_close()
        endpoint.pool.close()
    return 0
