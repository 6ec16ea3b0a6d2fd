"""Write and read the built dataset: ``graph.trig`` (one named graph per document) and ``graph.ttl`` (merged).

Files are written to a temporary name and renamed into place, so a failed build
never leaves a half-written file over a good one.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from extract.prefixes import PREFIX_IRIS
from extract.vocab import PREFIXES
from graph.build.outdir import atomic_file
from graph.build.quads import QuadSet, canonical_quads, triples
from graph.errors import StoreError

TRIG, TTL = "graph.trig", "graph.ttl"
Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, Graph]
#: The prefixes the files are written with, in alphabetical order; document IRIs stay whole (``tgid:`` would
#: have to escape their slashes).
WRITTEN_PREFIXES = {k: PREFIX_IRIS[k] for k in sorted(PREFIX_IRIS) if k != "tgid"}


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    return ds


class BuiltDataset(Dataset):
    """The dataset :func:`assemble` builds. Beside rdflib's copy it keeps its quads as pyoxigraph terms,
    collected as they were added, for :func:`write`: reading them back out of rdflib's store costs more
    than the whole rest of the write."""

    def __init__(self) -> None:
        super().__init__(default_union=True)
        for prefix, ns in PREFIXES.items():
            self.bind(prefix, ns, override=True, replace=True)
        self.kept = QuadSet()


def assemble(default: Graph, named: Iterable[tuple[URIRef, Iterable[Triple]]]) -> Dataset:
    """A dataset from a default graph (reference facts) and the triples of each document's graph
    (a graph, or any stream of triples: they are added as they come, each once)."""
    ds = BuiltDataset()
    kept = ds.kept
    ds.default_graph += default
    for triple in default:
        kept.add(None, triple)
    for name, stream in named:
        ds.addN(_keeping(kept, name, ds.graph(name), stream))
    return ds


def _keeping(kept: QuadSet, name: URIRef, target: Graph, stream: Iterable[Triple]) -> Iterator[Quad]:
    """The triples of ``stream`` as quads of ``target`` for rdflib, each also kept in ``kept``."""
    for triple in stream:
        kept.add(name, triple)
        yield (*triple, target)


def _quads(ds: Dataset) -> list[ox.Quad]:
    """The quads to write: those :func:`assemble` kept, when the dataset still holds as many, else read from it."""
    if isinstance(ds, BuiltDataset) and len(ds.kept) == sum(len(g) for g in ds.graphs()):
        quads = ds.kept.ordered()
        ds.kept = QuadSet()  # written: the build's result does not carry a second copy along
        return quads
    return canonical_quads(ds)


def merged_graph(ds: Dataset) -> Graph:
    """Every triple of every graph in one graph (what ``graph.ttl`` holds)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    for quad in ds.quads((None, None, None, None)):
        g.add(quad[:3])
    return g


def trig_text(ds: Dataset) -> str:
    """The dataset as TriG in the canonical order (:mod:`graph.build.quads`): the same dataset, the same bytes."""
    return _serialize(_quads(ds), ox.RdfFormat.TRIG).decode("utf-8")


def _serialize(terms: list[ox.Quad] | list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    """TriG or Turtle with the prefixes in alphabetical order (pyoxigraph writes them in an order of its own)."""
    buffer = io.BytesIO()
    _stream(terms, buffer, fmt)
    return buffer.getvalue()


def _stream(terms: Iterable[ox.Quad] | Iterable[ox.Triple], target: IO[bytes], fmt: ox.RdfFormat) -> None:
    """Serialize ``terms`` into ``target`` as they come (pyoxigraph reads an iterator lazily), with the
    prefixes in alphabetical order."""
    header = "".join(f"@prefix {k}: <{v}> .\n" for k, v in WRITTEN_PREFIXES.items()).encode("utf-8") + b"\n"
    headed = _Headed(target, header)
    ox.serialize(terms, output=headed, format=fmt, prefixes=WRITTEN_PREFIXES)  # type: ignore[arg-type]
    headed.finish()


class _Headed:
    """What pyoxigraph writes, passed on to ``target`` with its ``@prefix`` lines replaced by ``header``."""

    def __init__(self, target: IO[bytes], header: bytes) -> None:
        self._target, self._header = target, header
        self._held: bytes | None = b""  # None once the header is written

    def write(self, data: bytes) -> int:
        if self._held is None:
            return self._target.write(data)
        self._held += data
        start = 0
        while (end := self._held.find(b"\n", start)) >= 0 and self._held.startswith(b"@prefix ", start):
            start = end + 1
        rest = self._held[start:]
        if end >= 0 or (len(rest) >= len(b"@prefix ") and not rest.startswith(b"@prefix ")):
            self._target.write(self._header + rest)  # the first line that is not a prefix, and what follows
            self._held = None
        return len(data)

    def flush(self) -> None:
        self._target.flush()

    def finish(self) -> None:
        """The end of pyoxigraph's output: write the header now if nothing but prefixes came."""
        if self._held is not None:
            lines = self._held.split(b"\n")
            start = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
            self._target.write(self._header + b"\n".join(lines[start:]))
            self._held = None


def write(ds: Dataset, out: Path) -> dict[str, Path]:
    """Write ``graph.trig`` and ``graph.ttl`` under ``out`` with pyoxigraph; returns their paths."""
    return write_quads(_quads(ds), out)


def write_quads(quads: Iterable[ox.Quad], out: Path, *, union: Iterable[ox.Triple] | None = None) -> dict[str, Path]:
    """Write quads already in the canonical order (:mod:`graph.build.quads`) as ``graph.trig`` and
    ``graph.ttl`` under ``out`` (``union``: the merged triples in order, when they are known: then both may be
    iterators, written as they come); returns their paths."""
    paths = {"trig": out / TRIG, "ttl": out / TTL}
    if union is None:
        quads = list(quads)
        union = triples(quads)
    with atomic_file(paths["trig"]) as fh:
        _stream(quads, fh, ox.RdfFormat.TRIG)
    with atomic_file(paths["ttl"]) as fh:
        _stream(union, fh, ox.RdfFormat.TURTLE)
    return paths


def load(out: Path) -> Dataset:
    """Read a built dataset from ``out/graph.trig`` (or a .trig file given directly)."""
    path = out / TRIG if out.is_dir() else out
    if not path.exists():
        raise StoreError(f"{path}: no built graph here; build the documents into {out} first")
    ds = new_dataset()
    ds.parse(path, format="trig")
    return ds
