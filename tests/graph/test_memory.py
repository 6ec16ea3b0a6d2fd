"""Freed memory is given back between the build's phases where the C library can (graph.build.memory)."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import memory, run


def test_give_back_trims_the_allocator_where_there_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "_trim", lambda: calls.append)
    memory.give_back()
    assert calls == [0]
    monkeypatch.setattr(memory, "_trim", lambda: None)  # no malloc_trim (macOS, musl): nothing to do
    memory.give_back()
    assert calls == [0]


def test_this_systems_allocator_is_found_or_left_alone() -> None:
    found = memory._trim()
    assert found is None or callable(found)
    memory.give_back()


@pytest.mark.slow
def test_the_build_gives_memory_back_between_its_phases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Nadia Ferrow, President of the Harbor Council, met Tomas Hale in "
                                             "Laredo on April 9, 2025.\n", encoding="utf-8")
    calls: list[str] = []
    monkeypatch.setattr(run, "give_back", lambda: calls.append("trim"))
    monkeypatch.setattr(run, "INDEXED_UP_TO", 0)  # the store path: trimmed again before the pages read the store
    run.build([tmp_path / "docs"], tmp_path / "out", show_progress=False, cache=False)
    assert calls == ["trim"] * 3  # after extraction, after the merge, after the store's load
