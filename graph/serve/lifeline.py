"""Query workers die with the server: a parent-death signal, a watchdog, and one long-lived thread that starts them.

A worker in the middle of a query is busy in Oxigraph's Rust code and reads nothing, so closing
its pipes does not stop it; a server killed outright (SIGKILL, the OOM killer) would leave it
computing under process 1. So each worker, first thing, asks the kernel to send it SIGKILL when its
parent goes (Linux ``prctl(PR_SET_PDEATHSIG)``, :func:`die_with_parent`) and checks that the parent
it was started by is still there (it may have died before the ``prctl``). Elsewhere, and as a second
line, a watchdog thread polls ``os.getppid()`` twice a second and ends the process when the parent
changes (Oxigraph releases the GIL while it evaluates, so the thread runs during a query).

Linux sends the parent-death signal when the *thread* that started the child ends, not the process,
so workers must not be started from a request's short-lived thread. :func:`spawn` starts every
worker from one daemon thread that lives as long as the server process.

>>> import sys
>>> spawn([sys.executable, "-c", "print('hello')"], stdout=subprocess.PIPE).communicate()[0].strip()
b'hello'
"""
from __future__ import annotations

import ctypes
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any

__all__ = ["die_with_parent", "spawn"]

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def die_with_parent(parent: int) -> bool:
    """End this process when ``parent`` (the server's pid) is no longer its parent; ``True`` when the kernel
    does it (Linux), ``False`` when only the watchdog thread does. Exits at once if the parent is gone already."""
    by_kernel = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            by_kernel = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (AttributeError, OSError):
            by_kernel = False
    if os.getppid() != parent:  # the server died before the prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watchdog", daemon=True).start()
    return by_kernel


def _watch_parent(parent: int) -> None:
    """The fallback: poll the parent pid and leave when this process has been handed to another parent."""
    stop = threading.Event()
    while not stop.wait(_POLL_SECONDS):
        if os.getppid() != parent:
            os._exit(1)


class _Spawner:
    """One daemon thread that runs every ``Popen``, so each child's parent thread lives as long as the process."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[Callable[[], subprocess.Popen[bytes]], Future[subprocess.Popen[bytes]]]]
        self._jobs = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _run(self) -> None:
        while True:
            start, future = self._jobs.get()
            try:
                future.set_result(start())
            except BaseException as exc:  # noqa: BLE001 (handed to the caller, who re-raises it)
                future.set_exception(exc)

    def submit(self, start: Callable[[], subprocess.Popen[bytes]]) -> subprocess.Popen[bytes]:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="worker-spawner", daemon=True)
                self._thread.start()
        future: Future[subprocess.Popen[bytes]] = Future()
        self._jobs.put((start, future))
        return future.result()


_SPAWNER = _Spawner()


def spawn(args: Sequence[str], **popen: Any) -> subprocess.Popen[bytes]:
    """``subprocess.Popen(args, **popen)``, started from the long-lived spawner thread (see the module)."""
    return _SPAWNER.submit(lambda: subprocess.Popen(list(args), **popen))
