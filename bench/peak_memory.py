"""Peak memory of a process tree, read from Linux's ``/proc`` while it runs (for bench/build_scale.py).

Every ``interval`` seconds the sampler lists the root process, its descendants and any extra processes
(a Dask cluster's workers, which are not the build's children), and reads each one's ``VmHWM`` (the peak
resident set the kernel kept for it, so a peak between two samples is not missed) and ``VmRSS`` (now). It
keeps each process's last ``VmHWM`` and the largest sum of ``VmRSS`` seen at once: the tree's peak
footprint, as sampled. A process's peak is exact up to its last sample (growth in the last ``interval``
before it exits is missed); the build's own process reads its exact peak itself (bench/scale_child.py).
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path

PROC = Path("/proc")


def _status(pid: int) -> dict[str, int]:
    """``VmRSS`` and ``VmHWM`` of ``pid`` in KiB; empty when the process is gone."""
    try:
        lines = (PROC / str(pid) / "status").read_text().splitlines()
    except OSError:
        return {}
    return {k: int(v.split()[0]) for k, _, v in (line.partition(":") for line in lines) if k in ("VmRSS", "VmHWM")}


def descendants(root: int) -> set[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rpartition(")")[2].split()[1])  # after the command name, which may hold spaces
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


class TreeSampler(threading.Thread):
    """Samples the memory of ``root``'s tree and of ``extra`` processes until :meth:`stop`."""

    def __init__(self, root: int, extra: Iterable[int] = (), interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.root, self.extra, self.interval = root, tuple(extra), interval
        self.hwm_kib: dict[int, int] = {}
        self.peak_total_kib = 0
        self._done = threading.Event()

    def sample(self) -> None:
        """One reading of every process of the tree."""
        total = 0
        for pid in descendants(self.root) | set(self.extra):
            status = _status(pid)
            if status:
                total += status.get("VmRSS", 0)
                self.hwm_kib[pid] = max(self.hwm_kib.get(pid, 0), status.get("VmHWM", 0))
        self.peak_total_kib = max(self.peak_total_kib, total)

    def run(self) -> None:
        while not self._done.is_set():
            self.sample()
            self._done.wait(self.interval)

    def stop(self) -> None:
        """Take a last sample and stop."""
        self.sample()
        self._done.set()
        self.join()

    def worker_peak_mib(self) -> float:
        """The largest peak of any process but the root (local workers, or the ``extra`` ones), in MiB."""
        return max((kib for pid, kib in self.hwm_kib.items() if pid != self.root), default=0) / 1024

    @property
    def peak_total_mib(self) -> float:
        """The largest resident total of the tree seen at one sample, in MiB."""
        return self.peak_total_kib / 1024


def own_peak_mib(pid: int | None = None) -> float:
    """The peak resident set (``VmHWM``) of a live process, in MiB (this one by default)."""
    return _status(pid or os.getpid()).get("VmHWM", 0) / 1024
