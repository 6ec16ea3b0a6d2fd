"""How long each phase of a build took: read, extract, merge, write (TriG/Turtle), store, page.

A build opens a :class:`Timings` and marks the end of each phase; the phases inside the writing of the
fresh folder are marked from the build's checkpoints ("rdf", "store", "page", "written"), through
:func:`mark_checkpoint`, which finds the build's clock in a context variable (so builds in two threads keep
their own clocks). The result is ``BuildResult.timings``; ``tradegraph build --timings`` prints it.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["PHASES", "Timings", "format_timings", "mark_checkpoint"]

#: The phases, in order; "page" includes the merge record written after the pages. The store loads in a thread
#: while the pages are written, so "store" is only the part of its load the build waited for after them.
PHASES = ("read", "extract", "merge", "write", "store", "page")
_CHECKPOINTS = {"rdf": "write", "store": "store", "page": "page", "written": "page"}


class Timings:
    """A clock that ends phases: each :meth:`mark` adds the seconds since the last mark to its phase."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def mark(self, phase: str) -> None:
        """End (or extend) ``phase`` now."""
        now = time.perf_counter()
        self.seconds[phase] = self.seconds.get(phase, 0.0) + now - self._last
        self._last = now

    @contextmanager
    def active(self) -> Iterator[Timings]:
        """Within the block, the build's checkpoints mark this clock."""
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)


_ACTIVE: ContextVar[Timings | None] = ContextVar("tradegraph_build_timings", default=None)


def mark_checkpoint(stage: str) -> None:
    """End the phase a build checkpoint closes ("rdf": the TriG and Turtle files, "store", "page"...)."""
    clock = _ACTIVE.get()
    if clock is not None and stage in _CHECKPOINTS:
        clock.mark(_CHECKPOINTS[stage])


def format_timings(seconds: dict[str, float]) -> str:
    """One line: each phase and its seconds, in build order, then the total.

    >>> format_timings({"read": 0.5, "extract": 2.25})
    'timings: read 0.50 s, extract 2.25 s; total 2.75 s'
    """
    phases = [p for p in PHASES if p in seconds] + [p for p in seconds if p not in PHASES]
    parts = ", ".join(f"{p} {seconds[p]:.2f} s" for p in phases)
    return f"timings: {parts}; total {sum(seconds.values()):.2f} s"
