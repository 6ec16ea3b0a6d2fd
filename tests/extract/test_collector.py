"""A document is extracted with the cyclic garbage collector paused, and the collector is on again afterwards,
also when extraction fails (extract.collector, extract.triples.document_graph)."""
from __future__ import annotations

import gc
from typing import Any

import pytest

from extract import triples
from extract.collector import collector_paused
from extract.text.document import Document


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """What ``gc.isenabled()`` said while the stages ran (Reading.of and the stages replaced by stand-ins)."""
    states: list[bool] = []

    def stages(reading: Any, guard: Any) -> Any:
        states.append(gc.isenabled())
        if reading == "fail":
            raise ValueError("a stage failed")
        return "findings"

    monkeypatch.setattr(triples.Reading, "of", classmethod(lambda cls, doc, document, **kw: doc))
    monkeypatch.setattr(triples, "read", stages)
    monkeypatch.setattr(triples, "write", lambda findings, guard: f"graph of {findings}")
    return states


def test_document_graph_runs_with_the_collector_paused(seen: list[bool]) -> None:
    document = Document(name="a.txt", key="a", text="Ana Ruiz met Luis Gil.")
    assert triples.document_graph("doc", document) == "graph of findings"  # type: ignore[arg-type]
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ValueError, match="a stage failed"):
        triples.document_graph("fail", document)  # type: ignore[arg-type]
    assert seen == [False, False] and gc.isenabled()


def test_a_paused_block_inside_another_leaves_the_collector_off() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
