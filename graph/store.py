"""Write and read the built dataset: ``graph.trig`` (one named graph per document) and ``graph.ttl`` (merged).

Files are written to a temporary name and renamed into place, so a failed build
never leaves a half-written file over a good one.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from extract.errors import TradegraphError
from extract.vocab import PREFIXES

TRIG, TTL = "graph.trig", "graph.ttl"


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    return ds


def assemble(default: Graph, named: list[tuple[URIRef, Graph]]) -> Dataset:
    """A dataset from a default graph (reference facts) and one graph per document."""
    ds = new_dataset()
    ds.default_context += default
    for name, g in named:
        target = ds.graph(name)
        for triple in g:
            target.add(triple)
    return ds


def merged_graph(ds: Dataset) -> Graph:
    """Every triple of every graph in one graph (what ``graph.ttl`` holds)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    for quad in ds.quads((None, None, None, None)):
        g.add(quad[:3])
    return g


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _canonical(data: str) -> bytes:
    return data.encode("utf-8")


def write(ds: Dataset, out: Path) -> dict[str, Path]:
    """Write ``graph.trig`` and ``graph.ttl`` under ``out``; returns their paths."""
    trig = ds.serialize(format="trig")
    ttl = merged_graph(ds).serialize(format="turtle")
    paths = {"trig": out / TRIG, "ttl": out / TTL}
    atomic_write(paths["trig"], _canonical(trig))
    atomic_write(paths["ttl"], _canonical(ttl))
    return paths


def load(out: Path) -> Dataset:
    """Read a built dataset from ``out/graph.trig`` (or a .trig file given directly)."""
    path = out / TRIG if out.is_dir() else out
    if not path.exists():
        raise TradegraphError(f"{path}: no built graph here; run `tradegraph build DOCS --out {out}` first")
    ds = new_dataset()
    ds.parse(path, format="trig")
    return ds
