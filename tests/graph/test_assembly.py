"""The build's streamed second half (graph.build.assembly, spill, union, store's writer): the same bytes as
when everything is held, and nothing left behind.

The builds here run the model on the test documents: ``slow``.
"""
from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.api import build_graph
from graph.build import run, union
from graph.build.store import WRITTEN_PREFIXES, _serialize, _stream

DOCS = Path(__file__).parents[1] / "data" / "docs"
FILES = ("graph.trig", "graph.ttl", "merges.json", "network.html")


def made_up_quads(count: int) -> list[ox.Quad]:
    return [ox.Quad(ox.NamedNode(f"https://schema.org/s{i % 7}"), ox.NamedNode("https://schema.org/name"),
                    ox.Literal(f"name {i}", language="es"), ox.NamedNode(f"http://e/doc{i % 3}"))
            for i in range(count)]


class Trickle(io.BytesIO):
    """A file that takes what it is given ``size`` bytes at a time, as pyoxigraph may hand over its output."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size
        self.target = io.BytesIO()

    def write(self, data: bytes) -> int:  # type: ignore[override]
        for start in range(0, len(data), self.size):
            self.target.write(data[start:start + self.size])
        return len(data)


@pytest.mark.parametrize("count", [0, 1, 40])
@pytest.mark.parametrize("size", [1, 3, 9, 1 << 20])
def test_the_prefixes_are_written_alphabetically_whatever_the_pieces(count, size):
    header = "".join(f"@prefix {k}: <{v}> .\n" for k, v in WRITTEN_PREFIXES.items())
    out = _serialize(made_up_quads(count), ox.RdfFormat.TRIG)
    assert out.decode("utf-8").startswith(header + "\n") and out.count(b"@prefix ") == len(WRITTEN_PREFIXES)
    pieces = Trickle(size)
    _stream(iter(made_up_quads(count)), pieces, ox.RdfFormat.TRIG)
    assert pieces.target.getvalue() == out


@pytest.mark.slow
def test_the_union_on_disk_and_the_pages_read_from_the_store_write_the_same_files(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    held = build_graph([DOCS], tmp_path / "held", cache=cache, show_progress=False)
    with monkeypatch.context() as patch:
        patch.setattr(union, "LIMIT", 25)  # the union goes through many sorted runs on disk
        runs = build_graph([DOCS], tmp_path / "runs", cache=cache, show_progress=False)
    with monkeypatch.context() as patch:
        patch.setattr(run, "INDEXED_UP_TO", 0)  # the page and the summary read the loaded store
        stored = build_graph([DOCS], tmp_path / "stored", cache=cache, show_progress=False)
    assert runs.cached == stored.cached == len(held.documents) > 3
    assert stored.summary == held.summary and stored.timings.keys() == held.timings.keys()
    for name in FILES:
        assert (tmp_path / "runs" / name).read_bytes() == (tmp_path / "held" / name).read_bytes(), name
        assert (tmp_path / "stored" / name).read_bytes() == (tmp_path / "held" / name).read_bytes(), name
    left = {p.name for p in tmp_path.iterdir()}  # the spill and the runs had no names: nothing is left beside out
    assert left == {"held", "runs", "stored", "cache", ".held.lock", ".runs.lock", ".stored.lock"}
