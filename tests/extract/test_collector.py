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


@pytest.mark.parametrize("on_before", [True, False])
def test_the_collector_is_off_inside_and_as_before_after(on_before: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if on_before else gc.disable)()
        with collector_paused():
            assert not gc.isenabled()
            with collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # an inner block does not turn it back on early
        assert gc.isenabled() is on_before
    finally:
        (gc.enable if was else gc.disable)()


def test_an_error_in_the_block_still_turns_it_back_on() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()
