"""One build pinned for ``serve``: every query worker opens the same build, whatever later builds do to ``out/``.

A build swaps a fresh folder into ``out/`` and deletes the old one (:mod:`graph.build.outdir`), so
``out/store`` is a new directory after each build and the one a running endpoint opened is gone.
Measured with pyoxigraph 0.5: a store opened read-only keeps every table file open, so a process
that opened it before the swap goes on answering from it after the folder is renamed and deleted;
but a process that opens it *after* (a worker started to replace one stopped at the time limit)
finds nothing, or — opening ``out/store`` by name — the next build, and answers alternate.

So the server pins the build itself, with a stable handle rather than a copy: it opens ``out/``
once as a directory, and through that one handle (so every file comes from the same build, even if
a swap happens meanwhile) opens each file of the store read-only and keeps the descriptors. A
private folder of symbolic links, ``NAME -> /proc/self/fd/N``, stands for the store; workers are
started with those descriptors (same numbers), so in each worker the links lead to the pinned
files, present or deleted. Nothing is copied or hard-linked (a store can be large, and a hard link
needs the same filesystem and a folder the user may not want touched), and a deleted build's space
is freed when the last server holding it lets go. Where ``/proc/self/fd`` does not exist (not
Linux), workers open the store by its absolute path: pinned while they live, not across a swap.

What the build is: ``graph.trig``'s modification time (the store's when there is none) and the
number of documents, that is of named graphs in the store.

>>> import tempfile
>>> pin(Path(tempfile.mkdtemp()))
Traceback (most recent call last):
...
graph.errors.StoreError: ...: no built graph here; build the documents into ... first
"""
from __future__ import annotations

import contextlib
import gc
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from graph.build.oxstore import STORE_DIR, open_store
from graph.errors import StoreError

__all__ = ["BUILD_HEADER", "BuildInfo", "PinnedBuild", "build_identity", "pin"]

#: The response header naming the build that answered (:meth:`BuildInfo.header`).
BUILD_HEADER = "X-Tradegraph-Build"

_TRIG = "graph.trig"
_CURRENT = "CURRENT"  # RocksDB's mark of a complete store
_UNPINNED = ("LOCK",)  # a read-only open neither takes the lock nor needs it
_PROC_FD = Path("/proc/self/fd")
_PREFIX = "tradegraph-serve-"


@dataclass(frozen=True)
class BuildInfo:
    """Which build is served: its folder, when it was built (UTC), how many documents it holds."""

    folder: Path
    built: datetime
    documents: int
    identity: tuple[int, ...]

    def header(self) -> str:
        """The ``X-Tradegraph-Build`` header's value, e.g. ``2026-01-02T03:04:05Z; documents=5``."""
        return f"{self.built:%Y-%m-%dT%H:%M:%SZ}; documents={self.documents}"

    def describe(self) -> str:
        """One phrase for the banner and the log: the build's time, its document count and folder."""
        plural = "" if self.documents == 1 else "s"
        return f"the build of {self.built:%Y-%m-%d %H:%M:%S} UTC ({self.documents} document{plural}) in {self.folder}"


@dataclass
class PinnedBuild:
    """A pinned build: ``path`` is what workers open, with ``fds`` passed to them; :meth:`close` lets it go."""

    path: Path
    fds: tuple[int, ...]
    info: BuildInfo
    links: Path | None = None

    def close(self) -> None:
        """Close the descriptors and remove the folder of links (the build itself is never touched)."""
        for fd in self.fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        self.fds = ()
        if self.links is not None:
            shutil.rmtree(self.links, ignore_errors=True)


def build_identity(out: Path) -> tuple[int, ...] | None:
    """What tells one build in ``out`` from the next, or ``None`` when there is none: the folder (a swapped-in
    build is a new directory) and the file its time is read from (see :class:`BuildInfo`)."""
    out = Path(out)
    for stamp in (out / _TRIG, out / STORE_DIR / _CURRENT, out / _CURRENT):
        try:
            return _identity(os.stat(out), os.stat(stamp))
        except OSError:
            continue
    return None


def _identity(folder: os.stat_result, stamp: os.stat_result) -> tuple[int, ...]:
    return folder.st_dev, folder.st_ino, stamp.st_ino, stamp.st_mtime_ns


def pin(out: Path) -> PinnedBuild:
    """Pin the build in ``out`` (made absolute first): see the module's docstring.

    Raises:
        StoreError: ``out`` holds no build, or its store cannot be opened.
    """
    out = Path(os.path.abspath(out))
    for _ in range(3):
        try:
            return _pin_once(out)
        except FileNotFoundError:  # a build was swapped in, and the old one removed, while pinning: again
            continue
    raise StoreError(f"{out}: the build kept changing while it was being opened; try again")


def _no_build(out: Path) -> StoreError | FileNotFoundError:
    """The usual one-line error of a folder without a store (or, if one has just appeared, a reason to retry)."""
    try:
        open_store(out)
    except StoreError as exc:
        return exc
    return FileNotFoundError(out)


def _pin_once(out: Path) -> PinnedBuild:
    try:
        folder = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except (FileNotFoundError, NotADirectoryError):
        raise _no_build(out) from None
    fds: list[int] = []
    try:
        names = os.listdir(folder)
        if _CURRENT in names:  # ``out`` is the store folder itself
            store = os.dup(folder)
        elif STORE_DIR in names:
            store = os.open(STORE_DIR, os.O_RDONLY | os.O_DIRECTORY, dir_fd=folder)
        else:
            raise _no_build(out)
        try:
            if _CURRENT not in os.listdir(store):
                raise _no_build(out)
            stamp = os.stat(_TRIG, dir_fd=folder) if _TRIG in names else os.stat(_CURRENT, dir_fd=store)
            identity = _identity(os.fstat(folder), stamp)
            files = {}
            for name in sorted(os.listdir(store)):
                if name in _UNPINNED or name.startswith("LOG"):
                    continue
                if not stat.S_ISREG(os.stat(name, dir_fd=store, follow_symlinks=False).st_mode):
                    continue
                fds.append(os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=store))
                files[name] = fds[-1]
            store_path = out if _CURRENT in names else out / STORE_DIR
        finally:
            os.close(store)
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise
    finally:
        os.close(folder)
    built = datetime.fromtimestamp(stamp.st_mtime, tz=UTC).replace(microsecond=0)
    links = _link(files) if _PROC_FD.is_dir() else None
    pinned = PinnedBuild(links or store_path, tuple(fds), BuildInfo(out, built, 0, identity), links)
    try:
        documents = _count_documents(pinned.path, label=store_path)
    except BaseException:
        pinned.close()
        raise
    pinned.info = BuildInfo(out, built, documents, identity)
    return pinned


def _link(files: dict[str, int]) -> Path:
    """A private folder of ``NAME -> /proc/self/fd/N`` links standing for the store (stale ones removed first)."""
    _remove_stale()
    links = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-"))
    for name, fd in files.items():
        os.symlink(_PROC_FD / str(fd), links / name)
    return links


def _remove_stale() -> None:
    """Remove the link folders of servers that were killed outright (their pid is gone)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*-*"):
        pid = folder.name[len(_PREFIX):].split("-", 1)[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def _count_documents(path: Path, *, label: Path) -> int:
    """The documents of the store at ``path`` (its named graphs), opening it read-only here: a store that
    cannot be opened is found now, with a one-line error, rather than by a worker."""
    try:
        store = ox.Store.read_only(str(path))
        count = sum(1 for _ in store.named_graphs())
    except OSError as exc:
        raise StoreError(f"{label}: cannot open the query store ({str(exc).splitlines()[0]})") from None
    del store
    gc.collect()
    return count
