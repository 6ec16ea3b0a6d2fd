"""Write and read the built dataset: ``graph.trig`` (one named graph per document) and ``graph.ttl`` (merged).

Files are written to a temporary name and renamed into place, so a failed build
never leaves a half-written file over a good one.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from extract.vocab import PREFIXES
from graph.errors import StoreError

TRIG, TTL = "graph.trig", "graph.ttl"
Triple = tuple[Node, Node, Node]


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    return ds


def assemble(default: Graph, named: Iterable[tuple[URIRef, Iterable[Triple]]]) -> Dataset:
    """A dataset from a default graph (reference facts) and the triples of each document's graph
    (a graph, or any stream of triples: they are added as they come, each once)."""
    ds = new_dataset()
    ds.default_context += default
    for name, triples in named:
        target = ds.graph(name)
        ds.addN((s, p, o, target) for s, p, o in triples)
    return ds


def merged_graph(ds: Dataset) -> Graph:
    """Every triple of every graph in one graph (what ``graph.ttl`` holds)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    for quad in ds.quads((None, None, None, None)):
        g.add(quad[:3])
    return g


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes owner-only files; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _turtle(g: Graph) -> tuple[list[str], str]:
    """A graph as Turtle, split into its prefix lines and its body (rdflib orders subjects stably)."""
    bound = Graph()
    for prefix, ns in PREFIXES.items():
        bound.bind(prefix, ns, override=True, replace=True)
    bound += g
    text = bound.serialize(format="turtle")
    lines = text.splitlines()
    prefixes = [line for line in lines if line.startswith("@prefix")]
    body = "\n".join(line for line in lines if not line.startswith("@prefix")).strip()
    return prefixes, body


def trig_text(ds: Dataset) -> str:
    """The dataset as TriG with graphs in IRI order, so the same dataset always gives the same bytes."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    default = ds.default_context
    graphs = sorted((c for c in ds.contexts() if c.identifier != default.identifier and len(c)),
                    key=lambda c: str(c.identifier))
    for g in [default, *graphs]:
        if not len(g):
            continue
        pre, body = _turtle(g)
        prefixes.update(pre)
        indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
        name = "" if g is default else f"<{g.identifier}> "
        blocks.append(f"{name}{{\n{indented}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def write(ds: Dataset, out: Path) -> dict[str, Path]:
    """Write ``graph.trig`` and ``graph.ttl`` under ``out``; returns their paths."""
    paths = {"trig": out / TRIG, "ttl": out / TTL}
    atomic_write(paths["trig"], trig_text(ds).encode("utf-8"))
    atomic_write(paths["ttl"], merged_graph(ds).serialize(format="turtle").encode("utf-8"))
    return paths


def load(out: Path) -> Dataset:
    """Read a built dataset from ``out/graph.trig`` (or a .trig file given directly)."""
    path = out / TRIG if out.is_dir() else out
    if not path.exists():
        raise StoreError(f"{path}: no built graph here; build the documents into {out} first")
    ds = new_dataset()
    ds.parse(path, format="trig")
    return ds
