"""Queries run in worker processes, so one that runs past its time limit can be stopped.

Oxigraph cannot interrupt a query, so each query of the endpoint runs in a child
process (``python -m graph.serve.workers``) holding the store open read-only; when the
time limit passes, that process is killed and a fresh one takes its place. The answer comes back already
serialized (bytes and a media type), in the first format the client accepts
that suits the result: query results (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE).
Unless the pool is told that ``SERVICE`` may reach other servers, each worker takes its
own network access away first (:func:`graph.serve.sandbox.deny_network`), so no query can make
the endpoint send a request anywhere. Workers die with the server, even in the middle of a query
(:mod:`graph.serve.lifeline`), and every worker of a pool opens the same store: the path is absolute
(workers start in the project folder) and, for a pinned build, the descriptors it needs are passed on.
"""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from graph.serve.lifeline import spawn

__all__ = ["RESULT_FORMATS", "GRAPH_FORMATS", "Answer", "QueryPool", "Request"]

#: Media types offered for SELECT/ASK results and for CONSTRUCT/DESCRIBE graphs, default first.
RESULT_FORMATS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values")
GRAPH_FORMATS = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")


@dataclass(frozen=True)
class Request:
    """One query, the graphs it may read, the media types the client accepts (best first) and refuses (q=0),
    and the terms bound to its variables (``param.NAME`` arguments, :mod:`graph.serve.bindings`)."""

    query: str
    accept: tuple[str, ...] = ("*/*",)
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()
    substitutions: tuple[tuple[object, object], ...] = ()


@dataclass(frozen=True)
class Answer:
    """An HTTP status with its body: the serialized result, or a one-line message."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _message(status: int, text: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (text.strip() + "\n").encode("utf-8"))


def _matches(media_range: str, media_type: str) -> int:
    """How specifically ``media_range`` names ``media_type``: 3 exactly, 2 ``type/*``, 1 ``*/*``, 0 not at all."""
    if media_range == media_type:
        return 3
    if media_range.endswith("/*") and media_type.startswith(media_range[:-1]):
        return 2
    return 1 if media_range == "*/*" else 0


def _refused(media_type: str, accept: Sequence[str], refused: Sequence[str]) -> bool:
    """``q=0`` for this type: its most specific mention in the Accept header is a refusal (RFC 9110, 12.5.1)."""
    no = max((_matches(r, media_type) for r in refused), default=0)
    return no > 0 and no >= max((_matches(a, media_type) for a in accept), default=0)


def _pick(accept: Sequence[str], offered: Sequence[str], refused: Sequence[str] = ()) -> str | None:
    """The first accepted media type that is offered and not refused (``*/*`` and ``type/*`` take the default)."""
    allowed = [o for o in offered if not _refused(o, accept, refused)]
    for wanted in accept:
        match = next((o for o in allowed if _matches(wanted, o)), None)
        if match:
            return match
    return None


def _answer(store: object, request: Request) -> Answer:
    """Evaluate one request on ``store`` (runs in the worker)."""
    import pyoxigraph as ox

    try:
        result = store.query(  # type: ignore[attr-defined]
            request.query,
            default_graph=[ox.NamedNode(g) for g in request.default_graphs] or None,
            named_graphs=[ox.NamedNode(g) for g in request.named_graphs] or None,
            substitutions=dict(request.substitutions) or None)
    except SyntaxError as exc:
        return _message(400, f"malformed query: {str(exc).splitlines()[0]}")
    except ValueError as exc:
        return _message(400, f"bad request: {str(exc).splitlines()[0]}")
    except (OSError, RuntimeError) as exc:
        return _message(500, f"query failed: {str(exc).splitlines()[0]}")
    is_graph = isinstance(result, ox.QueryTriples)
    offered = GRAPH_FORMATS if is_graph else RESULT_FORMATS
    media_type = _pick(request.accept, offered, request.refused)
    if media_type is None:
        asked = ", ".join([*request.accept, *(f"not {r}" for r in request.refused)])
        return _message(406, f"cannot answer in {asked}; this result can be: {', '.join(offered)}")
    try:
        if is_graph:
            body = result.serialize(format=ox.RdfFormat.from_media_type(media_type))
        else:
            body = result.serialize(format=ox.QueryResultsFormat.from_media_type(media_type))
    except (OSError, RuntimeError, ValueError) as exc:
        return _message(500, f"query failed: {str(exc).splitlines()[0]}")
    text_like = media_type.startswith("text/") or media_type.endswith(("json", "xml"))
    return Answer(200, media_type + ("; charset=utf-8" if text_like else ""), body or b"")


def _work(store_path: str, *, network: bool = False, parent: int | None = None) -> None:
    """A worker's life (``python -m graph.serve.workers STORE [--network] [--parent PID]``): answer requests
    from stdin on stdout.

    With ``--parent`` the worker ends when that process (the server) does, even mid-query
    (:func:`graph.serve.lifeline.die_with_parent`). Without ``--network`` it first forbids itself network
    sockets; its first message says whether that took (``("ready", True)``).
    """
    import pyoxigraph as ox

    from graph.serve.lifeline import die_with_parent
    from graph.serve.sandbox import deny_network

    if parent is not None:
        die_with_parent(parent)
    requests, answers = Connection(os.dup(0), writable=False), Connection(os.dup(1), readable=False)
    sys.stdout = sys.stderr  # nothing else may write on the answers' pipe
    sandboxed = False if network else deny_network()
    store = ox.Store.read_only(store_path)
    answers.send(("ready", sandboxed))
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            return
        answers.send(_answer(store, request))


class _Worker:
    """A child process over the store, spoken to through its stdin and stdout; ``fds`` are passed to it
    (the pinned build's files, :mod:`graph.serve.builds`). It is started from the long-lived spawner thread
    and dies with this process (:mod:`graph.serve.lifeline`)."""

    def __init__(self, store_path: Path, network: bool = False, fds: Sequence[int] = ()) -> None:
        self.process = spawn([sys.executable, "-m", "graph.serve.workers", str(Path(store_path).absolute()),
                              *(["--network"] if network else []), "--parent", str(os.getpid())],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, pass_fds=tuple(fds),
                             cwd=str(Path(__file__).resolve().parents[2]))
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.answers = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        self.ready = self.sandboxed = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready:
            try:
                hello = self.answers.recv() if self.answers.poll(timeout) else None
            except (EOFError, OSError):
                hello = None
            if isinstance(hello, tuple) and hello[0] == "ready":
                self.ready, self.sandboxed = True, bool(hello[1])
        return self.ready

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=5)
        self.requests.close()
        self.answers.close()


class QueryPool:
    """``size`` worker processes over the store at ``store_path``; each query gets ``timeout`` seconds.

    ``network=False`` (the default) starts workers without network access; ``sandboxed`` says
    whether the system could enforce that. ``fds`` are handed to every worker, the first ones and
    those that replace a worker stopped at the time limit alike, so all open the same store.

    Raises:
        OSError: a worker could not open the store.
    """

    def __init__(self, store_path: Path, *, timeout: float, size: int = 2, network: bool = False,
                 fds: Sequence[int] = ()) -> None:
        self.store_path, self.timeout, self.network, self.fds = Path(store_path).absolute(), timeout, network, fds
        self.sandboxed = not network
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        for _ in range(size):
            worker = self._start()
            if not worker.wait_ready(60):
                self.close()
                raise OSError(f"{store_path}: a query worker could not open the store")
            self.sandboxed = self.sandboxed and worker.sandboxed
            self._idle.put(worker)

    def _start(self) -> _Worker:
        worker = _Worker(self.store_path, self.network, self.fds)
        with self._lock:
            self._all.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def execute(self, request: Request) -> Answer:
        """Answer ``request`` within the time limit (503 when it runs over or every worker stays busy)."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return _message(503, f"every query worker stayed busy for {self.timeout:g} s; try again later")
        try:
            if not worker.wait_ready(max(self.timeout, 30)):
                raise OSError("worker not ready")
            worker.requests.send(request)
            if worker.answers.poll(self.timeout):
                answer: Answer = worker.answers.recv()
                self._idle.put(worker)
                return answer
            failure = _message(503, f"the query ran past the time limit of {self.timeout:g} s and was stopped")
        except Exception:  # a dead or confused worker is replaced, whatever went wrong
            failure = _message(500, "the query worker stopped unexpectedly; try again")
        self._retire(worker)
        self._idle.put(self._start())
        return failure

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = list(self._all), []
        for worker in workers:
            worker.stop()


if __name__ == "__main__":
    from graph.serve.workers import (
        _work as work,  # so answers pickle as graph.serve.workers.Answer, not __main__.Answer
    )

    _options = sys.argv[2:]
    work(sys.argv[1], network="--network" in _options,
         parent=int(_options[_options.index("--parent") + 1]) if "--parent" in _options else None)
