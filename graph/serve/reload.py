"""Which build ``serve`` answers from, and the switch to a new one, made only when told.

A *generation* is one pinned build (:mod:`graph.serve.builds`) with its own pool of query workers
(:class:`graph.serve.workers.QueryPool`). Every request is answered by the generation that was
current when it arrived, and says which (:data:`graph.serve.builds.BUILD_HEADER`). A rebuild of
``out/`` changes nothing until the endpoint is told: SIGHUP (``tradegraph serve``), ``--watch``
(polls the folder and reloads when a new build has been swapped in) or :meth:`Builds.reload`.

A reload pins the build now in ``out/`` and starts all of its workers while the old generation
goes on answering; then it switches in one step, so every request from then on goes to the new
build and none to the old: answers never alternate. The old generation is stopped once its last
request in flight has been answered. A reload that finds no valid build keeps the current one and
logs one line; ``--watch`` does not try that same folder again until it changes.
"""
from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import StoreError
from graph.serve.builds import BUILD_HEADER, BuildInfo, PinnedBuild, build_identity, pin
from graph.serve.workers import Answer, QueryPool, Request

__all__ = ["Builds", "StartPool"]

#: Starts the query workers of a pinned build (the endpoint's options are in the closure).
StartPool = Callable[[PinnedBuild], QueryPool]


@dataclass
class _Generation:
    """A pinned build, its workers, and how many requests it is answering right now."""

    pinned: PinnedBuild
    pool: QueryPool
    in_flight: int = 0

    def stop(self) -> None:
        self.pool.close()
        self.pinned.close()


class Builds:
    """The build of ``out`` being served, and the switch to the next (see the module's docstring).

    ``log`` hears one line per reload, done or refused.

    Raises:
        StoreError: ``out`` holds no build, or its store cannot be opened by the workers.
    """

    def __init__(self, out: Path, start_pool: StartPool, *, log: Callable[[str], None]) -> None:
        self.out = Path(os.path.abspath(out))
        self._start_pool, self._log = start_pool, log
        self._lock = threading.Condition()
        self._reloading = threading.Lock()
        self._retiring: list[_Generation] = []
        self._failed: tuple[int, ...] | None = None
        self._closed = threading.Event()
        self._current = self._start(pin(self.out))

    def _start(self, pinned: PinnedBuild) -> _Generation:
        try:
            return _Generation(pinned, self._start_pool(pinned))
        except OSError as exc:
            pinned.close()
            raise StoreError(f"{self.out}: the query workers could not open the store ({exc})") from None
        except BaseException:
            pinned.close()
            raise

    @property
    def info(self) -> BuildInfo:
        """The build now served."""
        return self._current.pinned.info

    @property
    def pool(self) -> QueryPool:
        """The query workers of the build now served."""
        return self._current.pool

    def execute(self, request: Request) -> Answer:
        """Answer ``request`` from the current build; the answer names that build in its headers."""
        with self._lock:
            generation = self._current
            generation.in_flight += 1
        try:
            answer = generation.pool.execute(request)
        finally:
            with self._lock:
                generation.in_flight -= 1
                self._lock.notify_all()
        return dataclasses.replace(answer, headers={**answer.headers, BUILD_HEADER: generation.pinned.info.header()})

    def reload(self) -> BuildInfo | None:
        """Serve the build now in ``out``: the new build's info, or ``None`` when there is none (the current
        one stays, and the reason is logged). One reload at a time; a second waits for the first."""
        with self._reloading:
            if self._closed.is_set():
                return None
            try:
                new = self._start(pin(self.out))
            except StoreError as exc:
                self._failed = build_identity(self.out)
                self._log(f"reload: {str(exc).splitlines()[0]}; still serving {self.info.describe()}")
                return None
            with self._lock:
                old, self._current = self._current, new
                self._retiring.append(old)
            self._failed = None
            threading.Thread(target=self._retire, args=(old,), name="retire-build", daemon=True).start()
            self._log(f"reloaded: now serving {new.pinned.info.describe()}")
            return new.pinned.info

    def _retire(self, old: _Generation) -> None:
        """Stop ``old`` once the requests it is answering are answered."""
        with self._lock:
            self._lock.wait_for(lambda: old.in_flight == 0)
            if old not in self._retiring:  # closed meanwhile
                return
            self._retiring.remove(old)
        old.stop()

    def watch(self, interval: float = 2.0) -> threading.Thread:
        """Poll ``out`` every ``interval`` seconds from a daemon thread; reload when a new build is there."""
        thread = threading.Thread(target=self._watch, args=(interval,), name="watch-build", daemon=True)
        thread.start()
        return thread

    def _watch(self, interval: float) -> None:
        while not self._closed.wait(interval):
            now = build_identity(self.out)
            if now is not None and now != self.info.identity and now != self._failed:
                self.reload()

    def close(self) -> None:
        """Stop every generation's workers (requests still in flight get the workers' failure answer)."""
        self._closed.set()
        with self._reloading, self._lock:
            generations, self._retiring = [self._current, *self._retiring], []
        for generation in generations:
            generation.stop()
