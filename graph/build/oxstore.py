"""The query store: the built dataset loaded into an on-disk Oxigraph store under ``out/store/``.

``tradegraph build`` bulk-loads it from ``graph.trig`` and ``graph.ttl``; ``query``, ``serve`` and the
Python API open it read-only, so asking never re-parses the TriG. This store only answers SPARQL.

The store's named graphs are the documents' graphs, as in ``graph.trig``; its
default graph holds the union of every graph (the reference facts and each
document's facts), each triple once. Queries therefore read the default graph as
the union of all graphs with set semantics — a fact stated by 40 documents is one
triple, not 40 — and still reach one document's facts with ``GRAPH ?doc { … }``.

The store is loaded into a temporary folder beside the target and renamed into
place, so a failed load never leaves a half-written store where a good one was.

>>> import tempfile
>>> from pathlib import Path
>>> out = Path(tempfile.mkdtemp())
>>> _ = (out / "graph.trig").write_text('<http://e/g> { <http://e/s> <http://e/p> "o" . }')
>>> write_store(out / "graph.trig", out / STORE_DIR).name
'store'
>>> len(open_store(out))  # the quad in its document graph, and the same triple in the union
2
"""
from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError

__all__ = ["STORE_DIR", "Loading", "open_store", "store_path", "write_store"]

STORE_DIR = "store"
#: Files up to this size (graph.trig and graph.ttl together; ~3,000 documents) go to Oxigraph's bulk loader
#: whole: the fastest way. Given a bigger file it holds up to a million quads per thread in memory (1.8 GiB for
#: a 10,000-document build's 4.3 million quads), so bigger files go in :data:`LOAD_CHUNK` quads at a time
#: (~350 MiB at 10,000 documents, in about the same time; at 1,000 documents, chunks cost ~50% more).
WHOLE_UP_TO = 100 * 2**20
LOAD_CHUNK = 200_000
_MARKER = "CURRENT"  # written last by RocksDB when a store is complete


def store_path(out: Path) -> Path:
    """Where the store of the build in ``out`` lives (``out`` may also be the store folder itself)."""
    out = Path(out)
    return out if (out / _MARKER).exists() else out / STORE_DIR


def _with_union(trig: Path) -> Iterator[ox.Quad]:
    """Every quad of ``trig``, and each named graph's triple again in the default graph."""
    default = ox.DefaultGraph()
    for quad in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG):
        yield quad
        if quad.graph_name != default:
            yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def _both(trig: Path, merged: Path) -> Iterator[ox.Quad]:
    """``trig``'s quads, then ``merged``'s triples in the default graph."""
    yield from ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)
    default = ox.DefaultGraph()
    for t in ox.parse(path=str(merged), format=ox.RdfFormat.TURTLE):
        yield ox.Quad(t.subject, t.predicate, t.object, default)


def write_store(trig: Path, target: Path, *, merged: Path | None = None) -> Path:
    """Load ``trig`` into a new Oxigraph store at ``target``, replacing any store there; returns ``target``.

    Both files go in through Oxigraph's bulk loader (whole, or :data:`LOAD_CHUNK` quads at a time when they are
    bigger than :data:`WHOLE_UP_TO`), streamed from disk: ``trig``'s quads as they are, and ``merged`` (the
    build's ``graph.ttl``: every graph's triples, each once) as the default graph's union. Without ``merged``
    the union is read from ``trig`` itself, quad by quad. ``optimize()`` (a
    compaction, ~0.2 s at 1,000 documents) stays: it makes the library's bounded queries 10-50% faster.

    Raises:
        StoreError: the TriG cannot be read or the store cannot be written (nothing at ``target`` changes).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.new.", dir=target.parent))
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o777 & ~mask)  # mkdtemp makes it 0700; give the usual mode, as the other files have
        store = ox.Store(str(tmp))
        if merged is not None and trig.stat().st_size + merged.stat().st_size <= WHOLE_UP_TO:
            store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
            store.bulk_load(path=str(merged), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
        else:
            quads = _with_union(trig) if merged is None else _both(trig, merged)
            while chunk := list(itertools.islice(quads, LOAD_CHUNK)):
                store.bulk_extend(chunk)
        store.optimize()
        store.flush()
        del store  # the last reference: RocksDB closes here, before the folder is moved (no gc.collect(),
        # which costs ~0.5 s in a 1,000-document build for a store that holds no reference cycle)
    except (OSError, SyntaxError, ValueError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"{trig}: cannot load into the query store ({str(exc).splitlines()[0]})") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if target.exists():  # a folder cannot be renamed over another: move the old one aside first
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / target.name)
    try:
        os.replace(tmp, target)
    except OSError as exc:
        if old is not None:
            os.replace(old / target.name, target)
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"{target}: cannot put the new query store in place ({exc.strerror or exc})") from None
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return target


class Loading:
    """:func:`write_store` running in a thread from the moment it is made: pyoxigraph's bulk load releases the
    GIL, so the build writes its pages meanwhile. :meth:`result` waits and gives the store's path, or raises
    what the load raised; :meth:`join` only waits (for a build that is failing anyway)."""

    def __init__(self, trig: Path, target: Path, merged: Path | None = None) -> None:
        self._path: Path | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(trig, target, merged), name="tradegraph-store",
                                        daemon=True)
        self._thread.start()

    def _run(self, trig: Path, target: Path, merged: Path | None) -> None:
        try:
            self._path = write_store(trig, target, merged=merged)
        except BaseException as exc:  # handed to the build's thread by result()
            self._error = exc

    def join(self) -> None:
        """Wait until the load has ended, one way or the other."""
        self._thread.join()

    def result(self) -> Path:
        """The store's path, once loaded; raises what the load raised."""
        self.join()
        if self._error is not None:
            raise self._error
        assert self._path is not None
        return self._path


def open_store(out: Path | str) -> ox.Store:
    """Open the store of the build in ``out`` read-only.

    Raises:
        StoreError: there is no store (the message says how to make one) or it cannot be opened.
    """
    out = Path(out)
    path = store_path(out)
    if not (path / _MARKER).exists():
        again = " again (this build predates the query store)" if (out / "graph.trig").exists() else ""
        raise StoreError(f"{path}: no built graph here; build the documents into {out}{again} first")
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the query store ({str(exc).splitlines()[0]})") from None
